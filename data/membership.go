package data

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
)

// Real index membership lists: the universes of the history years that
// have one (the others are modelled, see universe.go).
//
//   - membership/russell2000-2022-06-24.csv: `ticker`, FTSE Russell's
//     published Russell 2000 membership list of the June 2022
//     reconstitution (the index for July 2022 – June 2023).
//   - holdings/IWM-2025-05-13.csv: the iShares IWM holdings file as
//     published (a header block, then Ticker, Name, Sector, Asset Class,
//     …): the Russell 2000 of the June 2024 reconstitution as it stood on
//     2025-05-13, after that index year's deletions and IPO additions.

// realList is one published membership list and the history year it is
// the universe of.
type realList struct {
	year    int
	file    string // relative to DATA_DIR
	asof    string // the list's own date
	desc    string // what the list is, for the universe text
	caveat  string // its own survivorship bias, for the survivorship text ("" = none)
	members []listMember
	read    bool // the file was read (members may still be empty)
}

// listMember is one row of a list: a ticker and, where the list has one,
// a company name.
type listMember struct{ ticker, name string }

// The real lists. Their years must be history years (schema.HistoryYears).
const (
	membership2022File = "membership/russell2000-2022-06-24.csv"
	iwm2025File        = "holdings/IWM-2025-05-13.csv"
)

// loadRealLists reads the membership lists in DATA_DIR; a missing or
// unreadable file leaves its year modelled (and is counted in c).
func loadRealLists(dataDir string, c *Counts) map[int]*realList {
	out := map[int]*realList{}
	for _, l := range []*realList{
		{year: 2022, file: membership2022File, asof: "2022-06-24",
			desc: "the Russell 2000 as reconstituted on 2022-06-24 (FTSE Russell's published membership list)"},
		{year: 2024, file: iwm2025File, asof: "2025-05-13",
			desc:   "the Russell 2000 of the June 2024 reconstitution as the iShares IWM holdings file of 2025-05-13 lists it: the 2024 reconstitution less the index year's deletions (acquired, merged or delisted companies are missing) and with its quarterly IPO additions",
			caveat: "The list itself is of 2025-05-13: members deleted between the June 2024 reconstitution and then (acquired, merged, delisted — often the year's worst or most bid-for) are not in it, so this universe already knows who survived the first ten months of its forward window. "},
	} {
		path := filepath.Join(dataDir, filepath.FromSlash(l.file))
		content, err := os.ReadFile(path)
		if err != nil {
			continue // optional input: the year stays modelled
		}
		var cs Counts
		if l.file == iwm2025File {
			l.members, cs = parseIWMHoldingsCSV(l.file, content)
		} else {
			l.members, cs = parseMembership(l.file, content)
		}
		c.add(cs)
		if len(l.members) > 0 {
			l.read = true
			out[l.year] = l
		}
	}
	return out
}

// parseMembership reads a one-column membership list (header `ticker`).
// Index rows (^RUT) and empty tickers are skipped.
func parseMembership(name string, content []byte) ([]listMember, Counts) {
	var c Counts
	h, ok := c.header(name, content, ',', "ticker")
	if !ok {
		return nil, c
	}
	ti := h.col("ticker")
	var out []listMember
	forEachRow(content, ',', h, &c, nil, func(fields []string) {
		t := strings.TrimSpace(fields[ti])
		if t == "" || strings.HasPrefix(t, "^") || tickerKey(t) == "" {
			c.RowsMalformed++
			return
		}
		out = append(out, listMember{ticker: t})
	})
	return out, c
}

// parseIWMHoldingsCSV reads an iShares holdings CSV as published: the
// block before the `Ticker,Name,…` header line is fund facts, the rows
// after it holdings, then a disclaimer. Rows of Asset Class "Equity"
// only, with a ticker (not "-"), and not a right, warrant, escrow or
// vesting stub (isNonShare). The file's sectors are not all GICS names
// ("Communication"), so the sector is not a test here.
func parseIWMHoldingsCSV(name string, content []byte) ([]listMember, Counts) {
	var c Counts
	start := -1
	for off := 0; off < len(content); {
		line := content[off:]
		if i := bytes.IndexByte(line, '\n'); i >= 0 {
			line = line[:i+1]
		}
		if bytes.HasPrefix(bytes.TrimPrefix(line, []byte("\xef\xbb\xbf")), []byte("Ticker,")) {
			start = off
			break
		}
		off += len(line)
	}
	if start < 0 {
		c.Files++
		c.BadHeaderFiles = append(c.BadHeaderFiles, name+" (no Ticker header line)")
		return nil, c
	}
	content = content[start:]
	h, ok := c.header(name, content, ',', "Ticker", "Name", "Asset Class")
	if !ok {
		return nil, c
	}
	ti, ni, ai := h.col("Ticker"), h.col("Name"), h.col("Asset Class")
	var out []listMember
	var fields []string
	forEachLine(content, func(_ int, line []byte) {
		var err error
		fields, err = splitRow(line, ',', fields)
		if err != nil || len(fields) != h.n {
			return // the disclaimer after the rows
		}
		c.Rows++
		t, n := strings.TrimSpace(fields[ti]), strings.TrimSpace(fields[ni])
		if strings.TrimSpace(fields[ai]) != "Equity" || isNonShare(n) || tickerKey(t) == "" {
			return
		}
		out = append(out, listMember{ticker: t, name: n})
	})
	return out, c
}
