package data

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// summaryRequired are the columns a quarterly-summary file must have; the
// value columns are optional and read by name, because one file (JPM.csv)
// has no `ticker` column and an extra `eps`.
var summaryRequired = []string{"period_end", "available_date"}

// parseSummaryFile reads one fundamentals/quarterly/<TICKER>.csv. The
// company key is the file name (which keeps "_delisted" apart); every row
// becomes three block records (income: revenue, net income; balance:
// assets, equity; cash flow: free cash flow) plus a share count.
func parseSummaryFile(path string) parsedFile {
	var out parsedFile
	content, err := os.ReadFile(path)
	if err != nil {
		out.counts.UnreadFiles = append(out.counts.UnreadFiles, relName(path))
		return out
	}
	key := tickerKey(strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)))
	return parseSummaryContent(relName(path), key, content)
}

// parseSummaryContent parses the bytes of one quarterly-summary file of
// company key; name is used in reports.
func parseSummaryContent(name, key string, content []byte) parsedFile {
	var out parsedFile
	out.counts.Files = 1
	h := newHeaderIndex(readHeader(content, ','))
	if miss := h.missing(summaryRequired...); len(miss) > 0 {
		out.counts.BadHeaderFiles = append(out.counts.BadHeaderFiles,
			fmt.Sprintf("%s (missing %s)", name, strings.Join(miss, ", ")))
		return out
	}
	if key == "" {
		out.counts.BadHeaderFiles = append(out.counts.BadHeaderFiles, name+" (no ticker in file name)")
		return out
	}
	var fields []string
	forEachLine(content, func(_ int, line []byte) {
		out.counts.Rows++
		var err error
		fields, err = splitRow(line, ',', fields)
		if err != nil || len(fields) != h.n {
			out.counts.RowsMalformed++
			out.keys = append(out.keys, key)
			out.orphan = append(out.orphan, flagEvent{0, FlagMalformedRow})
			return
		}
		end, ok1 := parseDay(fields[h.col("period_end")])
		pub, ok2 := parseDay(fields[h.col("available_date")])
		if !ok1 || !ok2 {
			out.counts.RowsMalformed++
			out.keys = append(out.keys, key)
			out.orphan = append(out.orphan, flagEvent{0, FlagMalformedRow})
			return
		}
		cr := cellReader{h: h, fields: fields, pub: pub, counts: &out.counts}
		get := cr.get
		inc := newRecord(end, pub, srcSummary, false)
		inc.v[fRev] = cr.revenue("revenue")
		inc.v[fNI] = get("net_income")
		bal := newRecord(end, pub, srcSummary, false)
		bal.v[fAssets] = get("total_assets")
		bal.v[fEquity] = get("equity")
		cf := newRecord(end, pub, srcSummary, false)
		cf.v[fFCF] = get("free_cash_flow")
		shares := get("shares_outstanding")
		// Rows with nothing but dates (JPM.csv has one) carry no information.
		if allMissing(inc) && allMissing(bal) && allMissing(cf) && math.IsNaN(shares) {
			return
		}
		out.rows = append(out.rows,
			parsedRow{key: key, blk: bInc, rec: inc, shares: shares, events: cr.events},
			parsedRow{key: key, blk: bBal, rec: bal, shares: math.NaN()},
			parsedRow{key: key, blk: bCF, rec: cf, shares: math.NaN()})
	})
	return out
}

func allMissing(r record) bool {
	for _, v := range r.v {
		if !math.IsNaN(v) {
			return false
		}
	}
	return true
}

// listCSV returns the sorted paths of *.csv files in dir.
func listCSV(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range ents {
		if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".csv") {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(out)
	return out, nil
}
