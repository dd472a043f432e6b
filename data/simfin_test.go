package data

import (
	"math"
	"testing"
)

const simfinHead = "Ticker;SimFinId;Currency;Fiscal Year;Fiscal Period;Report Date;Publish Date;Shares (Basic);Shares (Diluted);"

// parseSimfin parses hand-made SimFin content of kind sf and returns the
// rows by company key.
func parseSimfin(t *testing.T, sf statementFile, content string) (map[string]parsedRow, parsedFile) {
	t.Helper()
	res := parseSimfinContent("simfin/"+sf.name, []byte(content), sf)
	rows := map[string]parsedRow{}
	for _, r := range res.rows {
		rows[r.key] = r
	}
	return rows, res
}

var (
	sfIncomeQ  = statementFile{"us-income-quarterly.csv", bInc, srcSimfinQuarterly, false}
	sfCashFlow = statementFile{"us-cashflow-annual.csv", bCF, srcSimfinAnnual, true}
	sfBalance  = statementFile{"us-balance-annual.csv", bBal, srcSimfinAnnual, true}
)

// Income lines by header name, whatever the column order; interest
// expense is SimFin's negated "Interest Expense, Net"; shares are basic,
// else diluted; another currency is skipped, never read as dollars.
func TestSimfinIncome(t *testing.T) {
	rows, res := parseSimfin(t, sfIncomeQ, simfinHead+"Net Income;Revenue;Gross Profit;Operating Income (Loss);Interest Expense, Net\n"+
		"BRK.B;1;USD;2024;Q1;2024-03-31;2024-05-01;;2000000;10;100;40;20;-5\n"+
		"EURO;2;EUR;2024;Q1;2024-03-31;2024-05-01;1;1;1;1;1;1;1\n")
	r, ok := rows["BRKB"]
	if !ok {
		t.Fatalf("BRK.B not read under its key BRKB: %v", rows)
	}
	want := map[field]float64{fRev: 100, fGP: 40, fOpInc: 20, fInt: 5, fNI: 10}
	for f, v := range want {
		if r.rec.v[f] != v {
			t.Errorf("%s = %v, want %v", fieldNames[f], r.rec.v[f], v)
		}
	}
	if r.shares != 2e6 || r.blk != bInc || r.rec.src != srcSimfinQuarterly || r.rec.annual {
		t.Errorf("shares %v (want the diluted 2e6 where basic is blank), block %d src %d annual %v", r.shares, r.blk, r.rec.src, r.rec.annual)
	}
	if r.rec.end != mustDay("2024-03-31") || r.rec.pub != mustDay("2024-05-01") {
		t.Errorf("period %v published %v", r.rec.end, r.rec.pub)
	}
	if _, ok := rows["EURO"]; ok || res.counts.NonUSD != 1 {
		t.Errorf("EUR row kept or not counted (non-USD %d)", res.counts.NonUSD)
	}
	if res.counts.Files != 1 || res.counts.Rows != 2 {
		t.Errorf("counts %+v", res.counts)
	}
}

// Capex is the negated change in fixed assets (positive = spent); FCF is
// OCF - capex where both are present, else missing.
func TestSimfinCashFlow(t *testing.T) {
	rows, _ := parseSimfin(t, sfCashFlow, simfinHead+"Depreciation & Amortization;Net Cash from Operating Activities;Change in Fixed Assets & Intangibles\n"+
		"AAA;1;USD;2024;FY;2024-12-31;2025-02-01;1;1;3;30;-10\n"+
		"BBB;2;USD;2024;FY;2024-12-31;2025-02-01;1;1;3;30;\n")
	a := rows["AAA"].rec
	if a.v[fOCF] != 30 || a.v[fCapex] != 10 || a.v[fFCF] != 20 || a.v[fDA] != 3 || !a.annual || a.src != srcSimfinAnnual {
		t.Errorf("AAA cash flow %v", a.v)
	}
	if b := rows["BBB"].rec; !math.IsNaN(b.v[fCapex]) || !math.IsNaN(b.v[fFCF]) {
		t.Errorf("BBB without capex: capex %v fcf %v, want both missing", b.v[fCapex], b.v[fFCF])
	}
}

// Debt is short + long term debt, the parts that are reported; cash is
// cash and short-term investments.
func TestSimfinBalance(t *testing.T) {
	rows, _ := parseSimfin(t, sfBalance, simfinHead+"Cash, Cash Equivalents & Short Term Investments;Total Assets;Short Term Debt;Long Term Debt;Total Liabilities;Total Equity\n"+
		"AAA;1;USD;2024;FY;2024-12-31;2025-02-01;1;1;5;90;3;7;20;70\n"+
		"BBB;2;USD;2024;FY;2024-12-31;2025-02-01;1;1;5;90;;7;20;70\n")
	if a := rows["AAA"].rec.v; a[fDebt] != 10 || a[fCash] != 5 || a[fAssets] != 90 || a[fEquity] != 70 {
		t.Errorf("AAA balance %v", a)
	}
	if b := rows["BBB"].rec.v; b[fDebt] != 7 {
		t.Errorf("BBB debt %v, want the long-term part 7", b[fDebt])
	}
}

// A file without the columns every row needs is skipped and named with
// what it lacks; an unreadable file is counted.
func TestSimfinBadFiles(t *testing.T) {
	_, res := parseSimfin(t, sfIncomeQ, "Ticker;Report Date;Revenue\nAAA;2024-03-31;1\n")
	if len(res.rows) != 0 || len(res.counts.BadHeaderFiles) != 1 || res.counts.BadHeaderFiles[0] != "simfin/us-income-quarterly.csv (missing Publish Date)" {
		t.Errorf("bad header: %d rows, %v", len(res.rows), res.counts.BadHeaderFiles)
	}
	res = parseSimfinFile(t.TempDir()+"/nope/us-income-quarterly.csv", sfIncomeQ)
	if len(res.counts.UnreadFiles) != 1 || res.counts.UnreadFiles[0] != "nope/us-income-quarterly.csv" {
		t.Errorf("unreadable file: %v", res.counts.UnreadFiles)
	}
}

// us-companies.csv: names, ISIN, CIK and industry by ticker key; the first
// row of a ticker wins; a row without ticker is malformed.
func TestSimfinCompanies(t *testing.T) {
	meta, c := parseCompaniesContent("simfin/us-companies.csv", []byte(
		"Ticker;SimFinId;Company Name;IndustryId;ISIN;CIK\n"+
			"BRK.B;1; Berkshire Hathaway ;104001;US0846707026;1067983\n"+
			"BRKB;2;Duplicate;100001;US0000000000;1\n"+
			";3;No Ticker;100001;;\n"+
			"CCC;4;Cee Corp;;;\n"))
	if got := meta["BRKB"]; got != (companyMeta{name: "Berkshire Hathaway", isin: "US0846707026", cik: "1067983", industry: 104001}) {
		t.Errorf("BRK.B %+v", got)
	}
	if got := meta["CCC"]; got.industry != 0 || got.name != "Cee Corp" {
		t.Errorf("CCC %+v", got)
	}
	if c.Rows != 4 || c.RowsMalformed != 1 || len(meta) != 2 {
		t.Errorf("counts %+v, %d companies", c, len(meta))
	}
	if _, c := parseCompaniesContent("x.csv", []byte("Ticker;Name\nA;B\n")); len(c.BadHeaderFiles) != 1 {
		t.Errorf("header without Company Name accepted: %+v", c)
	}
}

// SimFin industries map to GICS sectors, an industry that GICS files
// elsewhere (online media: Communication Services) by its own id.
func TestSimfinIndustryToGICS(t *testing.T) {
	for id, want := range map[int]string{101002: "Communication Services", 101001: "Information Technology", 104001: "Financials",
		103018: "Materials", 106002: "Health Care", 999999: "", 0: ""} {
		if got := simfinToGICS(id); got != want {
			t.Errorf("simfinToGICS(%d) = %q, want %q", id, got, want)
		}
	}
	for id := 100000; id < 112000; id++ {
		if got := simfinToGICS(id); got != "" && !isGICS(got) {
			t.Fatalf("simfinToGICS(%d) = %q, not a GICS sector", id, got)
		}
	}
}
