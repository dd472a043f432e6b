package data

import (
	"math"
	"os"
)

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

var simfinRequired = []string{"Ticker", "Report Date", "Publish Date"}

// parseSimfinFile reads one semicolon-separated SimFin statement file.
// Columns are found by header name; bank and insurance files simply lack
// the lines that do not apply (gross profit, say), which stay missing.
// Capital expenditure is the negated "Change in Fixed Assets &
// Intangibles"; interest expense is the negated "Interest Expense, Net";
// debt is short + long term debt (the parts that are reported).
func parseSimfinFile(path string, sf statementFile) parsedFile {
	content, err := os.ReadFile(path)
	if err != nil {
		return parsedFile{counts: Counts{UnreadFiles: []string{relName(path)}}}
	}
	return parseSimfinContent(relName(path), content, sf)
}

// parseSimfinContent parses the bytes of one SimFin statement file of
// kind sf; name is used in reports.
func parseSimfinContent(name string, content []byte, sf statementFile) parsedFile {
	var out parsedFile
	h, ok := out.counts.header(name, content, ';', simfinRequired...)
	if !ok {
		return out
	}
	// A malformed row still names its company where its ticker is readable.
	keyOf := func(fields []string) string {
		if i := h.col("Ticker"); i >= 0 && i < len(fields) {
			return tickerKey(fields[i])
		}
		return ""
	}
	forEachRow(content, ';', h, &out.counts, func(fields []string) { out.flagMalformed(keyOf(fields)) }, func(fields []string) {
		key := keyOf(fields)
		end, ok1 := parseDay(fields[h.col("Report Date")])
		pub, ok2 := parseDay(fields[h.col("Publish Date")])
		if key == "" || !ok1 || !ok2 {
			out.counts.RowsMalformed++
			out.flagMalformed(key)
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
