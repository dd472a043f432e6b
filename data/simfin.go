package data

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
)

// field is one statement line carried into snapshots.
type field int

const (
	fRev    field = iota // revenue
	fGP                  // gross profit
	fOpInc               // operating income
	fInt                 // interest expense, positive = expense
	fNI                  // net income
	fDA                  // depreciation & amortisation (cash flow statement)
	fOCF                 // operating cash flow
	fCapex               // capital expenditure, positive = spent
	fFCF                 // free cash flow
	fAssets              // total assets
	fEquity              // total equity
	fDebt                // short + long term debt
	fCash                // cash & short-term investments
	nFields
)

// block is a statement: income, balance sheet or cash flow.
type block int

const (
	bInc block = iota
	bBal
	bCF
	nBlocks
)

// fieldBlock says which statement a field is read from. D&A comes from
// the cash flow statement, where SimFin fills it far more often than in
// the income statement.
var fieldBlock = [nFields]block{
	fRev: bInc, fGP: bInc, fOpInc: bInc, fInt: bInc, fNI: bInc,
	fDA: bCF, fOCF: bCF, fCapex: bCF, fFCF: bCF,
	fAssets: bBal, fEquity: bBal, fDebt: bBal, fCash: bBal,
}

// Source indices, in the order of the snapshot's `sources` array.
const (
	srcSimfinQuarterly uint8 = iota
	srcSimfinAnnual
	srcSummary
	srcBanks
	srcInsurance
)

var sourceNames = []string{"simfin-quarterly", "simfin-annual", "quarterly-summary", "simfin-banks", "simfin-insurance"}

// record is one statement (one block) for one fiscal period. Values are
// in the company's currency units (not millions); NaN = missing.
type record struct {
	end, pub Day
	src      uint8
	annual   bool
	v        [nFields]float64
	// fpub and fsrc are each field's own publish date and source: after
	// two sources' reports of one period are merged, a field only SimFin
	// carries must not be credited to the quarterly summary.
	fpub [nFields]Day
	fsrc [nFields]uint8
}

func newRecord(end, pub Day, src uint8, annual bool) record {
	r := record{end: end, pub: pub, src: src, annual: annual}
	for i := range r.v {
		r.v[i] = math.NaN()
		r.fpub[i], r.fsrc[i] = pub, src
	}
	return r
}

// shareRec is one reported share count.
type shareRec struct {
	end, pub Day
	src      uint8
	v        float64
	bad      bool // rejected as off by >= 1,000x against the neighbours
}

// company gathers every statement of one company (one ticker key).
type company struct {
	key    string
	recs   [nBlocks][]record
	shares []shareRec
	events []flagEvent
	// from us-companies.csv
	name, isin, cik string
	industry        int
}

// statementFile describes one SimFin bulk file.
type statementFile struct {
	name   string
	blk    block
	src    uint8
	annual bool
}

// simfinFiles are read in this order; the order fixes which record wins a
// tie and so keeps the output deterministic.
var simfinFiles = []statementFile{
	{"us-income-quarterly.csv", bInc, srcSimfinQuarterly, false},
	{"us-balance-quarterly.csv", bBal, srcSimfinQuarterly, false},
	{"us-cashflow-quarterly.csv", bCF, srcSimfinQuarterly, false},
	{"us-income-annual.csv", bInc, srcSimfinAnnual, true},
	{"us-balance-annual.csv", bBal, srcSimfinAnnual, true},
	{"us-cashflow-annual.csv", bCF, srcSimfinAnnual, true},
	{"us-income-banks-quarterly.csv", bInc, srcBanks, false},
	{"us-balance-banks-quarterly.csv", bBal, srcBanks, false},
	{"us-cashflow-banks-quarterly.csv", bCF, srcBanks, false},
	{"us-income-insurance-quarterly.csv", bInc, srcInsurance, false},
	{"us-balance-insurance-quarterly.csv", bBal, srcInsurance, false},
	{"us-cashflow-insurance-quarterly.csv", bCF, srcInsurance, false},
}

// parsedRow is one usable statement row, tagged with its company key.
type parsedRow struct {
	key    string
	blk    block
	rec    record
	shares float64 // NaN when the row has none
	events []flagEvent
}

// parsedFile is what one file contributes.
type parsedFile struct {
	rows   []parsedRow
	orphan []flagEvent // malformed rows whose company could be named
	keys   []string    // company keys of orphan events
	counts Counts
}

var simfinRequired = []string{"Ticker", "Report Date", "Publish Date"}

// parseSimfinFile reads one semicolon-separated SimFin statement file.
// Columns are found by header name; bank and insurance files simply lack
// the lines that do not apply (gross profit, say), which stay missing.
// Capital expenditure is the negated "Change in Fixed Assets &
// Intangibles"; interest expense is the negated "Interest Expense, Net";
// debt is short + long term debt (the parts that are reported).
func parseSimfinFile(path string, sf statementFile) parsedFile {
	var out parsedFile
	content, err := os.ReadFile(path)
	if err != nil {
		out.counts.UnreadFiles = append(out.counts.UnreadFiles, relName(path))
		return out
	}
	out.counts.Files = 1
	h := newHeaderIndex(readHeader(content, ';'))
	if miss := h.missing(simfinRequired...); len(miss) > 0 {
		out.counts.BadHeaderFiles = append(out.counts.BadHeaderFiles,
			fmt.Sprintf("%s (missing %s)", relName(path), strings.Join(miss, ", ")))
		return out
	}
	var fields []string
	forEachLine(content, func(lineNo int, line []byte) {
		out.counts.Rows++
		var err error
		fields, err = splitRow(line, ';', fields)
		key := ""
		if len(fields) > 0 && h.col("Ticker") >= 0 && h.col("Ticker") < len(fields) {
			key = tickerKey(fields[h.col("Ticker")])
		}
		malformed := func() {
			out.counts.RowsMalformed++
			if key != "" {
				out.keys = append(out.keys, key)
				out.orphan = append(out.orphan, flagEvent{0, FlagMalformedRow})
			}
		}
		if err != nil || len(fields) != h.n || key == "" {
			malformed()
			return
		}
		end, ok1 := parseDay(fields[h.col("Report Date")])
		pub, ok2 := parseDay(fields[h.col("Publish Date")])
		if !ok1 || !ok2 {
			malformed()
			return
		}
		if i := h.col("Currency"); i >= 0 && fields[i] != "" && fields[i] != "USD" {
			// Values in another currency would be read as dollars.
			out.counts.NonUSD++
			return
		}
		rec := newRecord(end, pub, sf.src, sf.annual)
		cr := cellReader{h: h, fields: fields, pub: pub, counts: &out.counts}
		get := cr.get
		switch sf.blk {
		case bInc:
			rec.v[fRev] = cr.revenue("Revenue")
			rec.v[fGP] = get("Gross Profit")
			rec.v[fOpInc] = get("Operating Income (Loss)")
			rec.v[fInt] = -get("Interest Expense, Net")
			rec.v[fNI] = get("Net Income")
		case bBal:
			rec.v[fAssets] = get("Total Assets")
			rec.v[fEquity] = get("Total Equity")
			rec.v[fCash] = get("Cash, Cash Equivalents & Short Term Investments")
			rec.v[fDebt] = sumPresent(get("Short Term Debt"), get("Long Term Debt"))
			// SimFin leaves both debt lines blank when a filing has no
			// borrowings (e.g. CPRX). Read as missing, that would drop
			// exactly the debt-free companies from every leverage and EV
			// metric, so a blank pair on a balance sheet that does report
			// its liabilities is zero debt, flagged so it stays visible.
			// Banks' and insurers' funding is deposits and reserves, not
			// these lines, so their blanks stay missing.
			if math.IsNaN(rec.v[fDebt]) && sf.src != srcBanks && sf.src != srcInsurance &&
				get("Total Liabilities") >= 0 {
				rec.v[fDebt] = 0
				out.counts.DebtBlankZero++
				cr.events = append(cr.events, flagEvent{pub, FlagDebtBlankZero})
			}
		case bCF:
			rec.v[fOCF] = get("Net Cash from Operating Activities")
			rec.v[fCapex] = -get("Change in Fixed Assets & Intangibles")
			rec.v[fDA] = get("Depreciation & Amortization")
			rec.v[fFCF] = rec.v[fOCF] - rec.v[fCapex] // NaN unless both present
		}
		shares := get("Shares (Basic)")
		if !(shares > 0) {
			shares = get("Shares (Diluted)")
		}
		out.rows = append(out.rows, parsedRow{key: key, blk: sf.blk, rec: rec, shares: shares, events: cr.events})
	})
	return out
}

// sumPresent adds the values that are present; NaN if none is.
func sumPresent(vs ...float64) float64 {
	s, n := 0.0, 0
	for _, v := range vs {
		if !math.IsNaN(v) {
			s += v
			n++
		}
	}
	if n == 0 {
		return math.NaN()
	}
	return s
}

// relName keeps the last two path elements ("simfin/us-income-annual.csv")
// so reports never depend on where DATA_DIR is.
func relName(path string) string {
	dir, file := filepath.Split(filepath.Clean(path))
	return filepath.ToSlash(filepath.Join(filepath.Base(dir), file))
}

// readHeader returns the first line of content split at sep.
func readHeader(content []byte, sep byte) []string {
	line := content
	if i := strings.IndexByte(string(content[:min(len(content), 1<<16)]), '\n'); i >= 0 {
		line = content[:i]
	}
	line = []byte(strings.TrimPrefix(strings.TrimSuffix(string(line), "\r"), "\xef\xbb\xbf"))
	f, err := splitRow(line, sep, nil)
	if err != nil {
		return nil
	}
	return f
}

// companyMeta is one row of us-companies.csv.
type companyMeta struct {
	name, isin, cik string
	industry        int
}

// parseCompanies reads us-companies.csv (names, ISIN, industry).
func parseCompanies(path string) (map[string]companyMeta, Counts, error) {
	var c Counts
	content, err := os.ReadFile(path)
	if err != nil {
		c.UnreadFiles = append(c.UnreadFiles, relName(path))
		return nil, c, nil
	}
	c.Files = 1
	h := newHeaderIndex(readHeader(content, ';'))
	if miss := h.missing("Ticker", "Company Name"); len(miss) > 0 {
		c.BadHeaderFiles = append(c.BadHeaderFiles, fmt.Sprintf("%s (missing %s)", relName(path), strings.Join(miss, ", ")))
		return nil, c, nil
	}
	out := map[string]companyMeta{}
	var fields []string
	forEachLine(content, func(_ int, line []byte) {
		c.Rows++
		var err error
		fields, err = splitRow(line, ';', fields)
		if err != nil || len(fields) != h.n {
			c.RowsMalformed++
			return
		}
		key := tickerKey(fields[h.col("Ticker")])
		if key == "" {
			c.RowsMalformed++
			return
		}
		m := companyMeta{name: strings.TrimSpace(fields[h.col("Company Name")])}
		if i := h.col("ISIN"); i >= 0 {
			m.isin = strings.TrimSpace(fields[i])
		}
		if i := h.col("CIK"); i >= 0 {
			m.cik = strings.TrimSpace(fields[i])
		}
		if i := h.col("IndustryId"); i >= 0 {
			if v, st := parseNumber(fields[i]); st == numOK {
				m.industry = int(v)
			}
		}
		if _, dup := out[key]; !dup {
			out[key] = m
		}
	})
	return out, c, nil
}
