package data

import (
	"math"
	"testing"

	"screener/data/schema"
)

// Each flag of issues.go is raised on a hand-made input, with the
// consequence the flag promises (the value nulled, or kept). A flag
// without a case here fails the test.
func TestEachFlag(t *testing.T) {
	cases := map[Flag]func(t *testing.T){
		FlagSharesScale:         flagSharesScale,
		FlagNonFinite:           flagNonFinite,
		FlagNegativeRevenue:     flagNegativeRevenue,
		FlagMalformedRow:        flagMalformedRow,
		FlagDebtBlankZero:       flagDebtBlankZero,
		FlagSharesFundCorrected: flagSharesFundCorrected,
		FlagMcapLowFloat:        flagMcapLowFloat,
		FlagMcapUnsupported:     flagMcapUnsupported,
		FlagStale:               flagStale,
		FlagPriceRescaled:       flagPriceRescaled,
		FlagPriceGlitch:         flagPriceGlitch,
		FlagFwdPriceGlitch:      flagFwdPriceGlitch,
		FlagFwdToLastPrice:      flagFwdToLastPrice,
	}
	for f := Flag(0); f < numFlags; f++ {
		fn, ok := cases[f]
		if !ok {
			t.Errorf("flag %s has no test: add a case", flagNames[f])
			continue
		}
		t.Run(flagNames[f], fn)
	}
}

// The bits are the contract's: bit i of the flags column is
// schema.FlagNames()[i], and the source indexes name the contract's sources.
func TestFlagAndSourceNamesAreTheContracts(t *testing.T) {
	want := map[Flag]string{FlagSharesScale: schema.FlagSharesScale, FlagNonFinite: schema.FlagNonFinite, FlagNegativeRevenue: schema.FlagNegativeRevenue,
		FlagMalformedRow: schema.FlagMalformedRow, FlagDebtBlankZero: schema.FlagDebtBlankZero, FlagSharesFundCorrected: schema.FlagSharesFundCorrected,
		FlagMcapLowFloat: schema.FlagMcapLowFloat, FlagMcapUnsupported: schema.FlagMcapUnsupported, FlagStale: schema.FlagStale, FlagPriceRescaled: schema.FlagPriceRescaled,
		FlagPriceGlitch: schema.FlagPriceGlitch, FlagFwdPriceGlitch: schema.FlagFwdPriceGlitch, FlagFwdToLastPrice: schema.FlagFwdToLastPrice}
	for f := Flag(0); f < numFlags; f++ {
		if flagNames[f] != want[f] {
			t.Errorf("bit %d is %q, want %q", f, flagNames[f], want[f])
		}
	}
	srcs := map[uint8]string{srcSimfinQuarterly: schema.SourceSimfinQuarterly, srcSimfinAnnual: schema.SourceSimfinAnnual,
		srcSummary: schema.SourceSummary, srcBanks: schema.SourceSimfinBanks, srcInsurance: schema.SourceSimfinInsurance}
	for i, name := range srcs {
		if sourceNames[i] != name {
			t.Errorf("source %d is %q, want %q", i, sourceNames[i], name)
		}
	}
}

// companyOf assembles the company key from hand-made parsed files, as
// loadFundamentals does from DATA_DIR.
func companyOf(t *testing.T, key string, files ...parsedFile) *company {
	t.Helper()
	fu := newFundamentals()
	for _, f := range files {
		fu.add(f)
	}
	fu.finish(nil, Counts{})
	c := fu.companies[key]
	if c == nil {
		t.Fatalf("company %s not assembled", key)
	}
	return c
}

func has(flags uint32, f Flag) bool { return flags&(1<<f) != 0 }

// Four quarters of income, the last published 2024-05-01, with cell
// replacing the newest quarter's revenue.
func incomeWithNewestRevenue(cell string) parsedFile {
	return parseSimfinContent("simfin/us-income-quarterly.csv", []byte(simfinHead+"Revenue;Net Income\n"+
		"X;1;USD;2023;Q2;2023-06-30;2023-08-01;1;1;10;1\n"+
		"X;1;USD;2023;Q3;2023-09-30;2023-11-01;1;1;10;1\n"+
		"X;1;USD;2023;Q4;2023-12-31;2024-02-01;1;1;10;1\n"+
		"X;1;USD;2024;Q1;2024-03-31;2024-05-01;1;1;"+cell+";1\n"), sfIncomeQ)
}

// shares_scale: the newest count is 1,000x off its neighbours: passed
// over for the next older one, flagged once it is public.
func flagSharesScale(t *testing.T) {
	c := companyOf(t, "X", parseSummaryContent("quarterly/X.csv", "X", []byte("period_end,available_date,shares_outstanding\n"+
		"2024-03-31,2024-05-01,40000000\n2024-06-30,2024-08-01,40000000\n2024-09-30,2024-11-01,40000000\n2024-12-31,2025-02-01,40000\n")))
	if p := c.asOf(mustDay("2025-01-31")); has(p.flags, FlagSharesScale) {
		t.Error("flagged before the bad count was public")
	}
	p := c.asOf(mustDay("2025-06-30"))
	r := &row{ticker: "X", adjPrice: 10, cands: p.shareCands, sizeAssets: math.NaN(), iwm: math.NaN(), ijr: math.NaN()}
	r.flags = p.flags
	sizeRow(r, nil)
	if !has(r.flags, FlagSharesScale) || r.shares != 40 || r.mcap != 400 || r.shEnd != 20240930 {
		t.Errorf("flags %b shares %v mcap %v sh_end %d, want flagged, 40 M from 2024-09-30", r.flags, r.shares, r.mcap, r.shEnd)
	}
}

// nonfinite: a NaN cell reads as missing: the TTM over it is missing, the
// rest of the row (net income) is kept.
func flagNonFinite(t *testing.T) {
	f := incomeWithNewestRevenue("NaN")
	c := companyOf(t, "X", f)
	if f.counts.CellsNonFinite != 1 || has(c.asOf(mustDay("2024-04-30")).flags, FlagNonFinite) {
		t.Errorf("non-finite cells %d; flagged before publication", f.counts.CellsNonFinite)
	}
	p := c.asOf(mustDay("2024-05-01"))
	if !has(p.flags, FlagNonFinite) || p.cur[fRev].ok || !p.cur[fNI].ok || p.cur[fNI].v != 4 {
		t.Errorf("flags %b revenue %+v net income %+v", p.flags, p.cur[fRev], p.cur[fNI])
	}
}

// negative_revenue: revenue < 0 is a data error: missing, not a loss.
func flagNegativeRevenue(t *testing.T) {
	f := incomeWithNewestRevenue("-5")
	p := companyOf(t, "X", f).asOf(mustDay("2024-05-01"))
	if f.counts.NegRevenue != 1 || !has(p.flags, FlagNegativeRevenue) || p.cur[fRev].ok {
		t.Errorf("negative revenue rows %d, flags %b, revenue %+v", f.counts.NegRevenue, p.flags, p.cur[fRev])
	}
}

// malformed_row: a row with a field missing is skipped, and the company
// it names is flagged whatever the date (the row's own date is unknown).
func flagMalformedRow(t *testing.T) {
	f := parseSummaryContent("quarterly/X.csv", "X", []byte("period_end,available_date,revenue,net_income\n"+
		"2024-03-31,2024-05-01,10,1\n2024-06-30,2024-08-01,10\n"))
	c := companyOf(t, "X", f)
	if f.counts.RowsMalformed != 1 || len(c.recs[bInc]) != 1 {
		t.Errorf("malformed %d, %d income records, want the good row only", f.counts.RowsMalformed, len(c.recs[bInc]))
	}
	if p := c.asOf(mustDay("2020-01-01")); !has(p.flags, FlagMalformedRow) {
		t.Error("company not flagged")
	}
}

// debt_blank_zero: blank debt lines on a balance sheet with liabilities
// read as debt 0, a value kept (and flagged) rather than missing.
func flagDebtBlankZero(t *testing.T) {
	f := parseSimfinContent("simfin/us-balance-annual.csv", []byte(simfinHead+"Total Assets;Short Term Debt;Long Term Debt;Total Liabilities;Total Equity\n"+
		"X;1;USD;2024;FY;2024-12-31;2025-02-01;1;1;90;;;20;70\n"), sfBalance)
	p := companyOf(t, "X", f).asOf(mustDay("2025-03-01"))
	if f.counts.DebtBlankZero != 1 || !has(p.flags, FlagDebtBlankZero) || !p.cur[fDebt].ok || p.cur[fDebt].v != 0 {
		t.Errorf("blank-debt sheets %d, flags %b, debt %+v: want flagged and 0", f.counts.DebtBlankZero, p.flags, p.cur[fDebt])
	}
}

// fundRow is a current-snapshot row at price with an IWM weight, sized
// against fund evidence of 2,000 M USD of market cap per 1% of weight.
func fundRow(price, iwm float64, counts ...shareCand) *row {
	r := &row{ticker: "X", adjPrice: price, iwm: iwm, ijr: math.NaN(), sizeAssets: math.NaN(), cands: counts}
	for f := range r.cur {
		r.cur[f] = math.NaN()
	}
	sizeRow(r, &fundEvidence{kIWM: 2000, kIJR: math.NaN(), frac: math.NaN()})
	return r
}

func count(v float64, end string) shareCand {
	return shareCand{window: window{v: v, end: mustDay(end), pub: mustDay(end) + 40, ok: true}}
}

// shares_fund_corrected: the newest count is 1,000x what the 0.5% weight
// implies (1,000 M USD); an older count agrees and is used.
func flagSharesFundCorrected(t *testing.T) {
	r := fundRow(20, 0.5, count(50e9, "2025-06-30"), count(50e6, "2024-09-30"))
	if r.flags != 1<<FlagSharesFundCorrected || r.shares != 50 || r.mcap != 1000 || r.shEnd != 20240930 || len(r.corr) != 1 {
		t.Errorf("flags %b shares %v mcap %v sh_end %d corrections %v", r.flags, r.shares, r.mcap, r.shEnd, r.corr)
	}
}

// mcap_low_float: 6x what the weight implies, within the 20x a 5% float
// allows: the value is kept and flagged.
func flagMcapLowFloat(t *testing.T) {
	r := fundRow(10, 0.5, count(600e6, "2025-06-30"))
	if r.flags != 1<<FlagMcapLowFloat || r.shares != 600 || r.mcap != 6000 {
		t.Errorf("flags %b shares %v mcap %v, want kept and flagged", r.flags, r.shares, r.mcap)
	}
}

// mcap_unsupported: 1,000x what the weight implies and no other count:
// shares and market cap are missing.
func flagMcapUnsupported(t *testing.T) {
	r := fundRow(20, 0.5, count(50e9, "2025-06-30"))
	if r.flags != 1<<FlagMcapUnsupported || !math.IsNaN(r.shares) || !math.IsNaN(r.mcap) || r.shEnd != 0 {
		t.Errorf("flags %b shares %v mcap %v sh_end %d, want nulled and flagged", r.flags, r.shares, r.mcap, r.shEnd)
	}
}

// price_rescaled: a later 1:10 reverse split made the adjusted close 20
// where the day's real price was 2; the count is in real units, so only
// the real price agrees with the 0.1% weight (200 M USD): it is used.
func flagPriceRescaled(t *testing.T) {
	r := &row{ticker: "X", adjPrice: 20, decF: 10, iwm: 0.1, ijr: math.NaN(), sizeAssets: math.NaN(), cands: []shareCand{count(100e6, "2025-06-30")}}
	for f := range r.cur {
		r.cur[f] = math.NaN()
	}
	sizeRow(r, &fundEvidence{kIWM: 2000, kIJR: math.NaN(), frac: math.NaN()})
	if r.flags != 1<<FlagPriceRescaled || r.price != 2 || r.mcap != 200 || r.shares != 100 {
		t.Errorf("flags %b price %v mcap %v shares %v", r.flags, r.price, r.mcap, r.shares)
	}
}

// stale: a FY2023 report is older than StaleMonths on 2025-11-24: its
// values are missing (the year-earlier one too), its period still named,
// the row flagged. Values are in USD, rows in USD millions.
func flagStale(t *testing.T) {
	c := companyOf(t, "X", parseSimfinContent("simfin/us-income-annual.csv", []byte(simfinHead+"Revenue;Net Income\n"+
		"X;1;USD;2022;FY;2022-12-31;2023-03-15;1;1;80000000;5000000\n"+
		"X;1;USD;2023;FY;2023-12-31;2024-03-15;1;1;90000000;6000000\n"), statementFile{"us-income-annual.csv", bInc, srcSimfinAnnual, true}))
	fresh := &row{}
	(&buildEnv{}).fill(fresh, nil, c, mustDay("2024-06-30"))
	if has(fresh.flags, FlagStale) || fresh.cur[fNI] != 6 || fresh.prior[fNI] != 5 {
		t.Errorf("2024-06-30: flags %b ni %v ni_p %v, want the fresh FY2023", fresh.flags, fresh.cur[fNI], fresh.prior[fNI])
	}
	r := &row{}
	(&buildEnv{}).fill(r, nil, c, mustDay("2025-11-24"))
	if !has(r.flags, FlagStale) || !math.IsNaN(r.cur[fNI]) || !math.IsNaN(r.prior[fNI]) || r.ends[bInc][0] != 20231231 || r.srcs[bInc][0] != int(srcSimfinAnnual) {
		t.Errorf("2025-11-24: flags %b ni %v ni_p %v inc_end %d inc_src %d", r.flags, r.cur[fNI], r.prior[fNI], r.ends[bInc][0], r.srcs[bInc][0])
	}
}

// glitchySeries is 400 daily closes with a persisting 11x jump at close
// 300 (an unadjusted reverse split).
func glitchySeries(t *testing.T) *series {
	t.Helper()
	s, _, _ := parsePriceContent("prices/X.csv", "X", []byte(priceCSV("2020-01-01", cat(ramp(1, 300), ramp(15, 100)))))
	if len(s.glitches) != 1 {
		t.Fatalf("fixture series: glitches %+v", s.glitches)
	}
	return s
}

// price_glitch: momentum whose window holds the jump is null, flagged,
// noted for the report; the price and trend outside it stand.
func flagPriceGlitch(t *testing.T) {
	s := glitchySeries(t)
	r := &row{ticker: "X"}
	asof := s.days[0] + 340 // the jump is 40 days back: inside mom6_1's window
	(&buildEnv{}).fill(r, s, nil, asof)
	if !has(r.flags, FlagPriceGlitch) || !math.IsNaN(r.mom6) || !math.IsNaN(r.mom12) || math.IsNaN(r.price) || len(r.pxNotes) == 0 {
		t.Errorf("flags %b mom6 %v mom12 %v price %v notes %v", r.flags, r.mom6, r.mom12, r.price, r.pxNotes)
	}
	clean := &row{ticker: "X"}
	(&buildEnv{}).fill(clean, s, nil, s.days[0]+290)
	if has(clean.flags, FlagPriceGlitch) || math.IsNaN(clean.mom6) {
		t.Errorf("before the jump: flags %b mom6 %v", clean.flags, clean.mom6)
	}
}

// fwd_price_glitch: a forward return across the jump is null and flagged.
func flagFwdPriceGlitch(t *testing.T) {
	s := glitchySeries(t)
	r := &row{ticker: "X", price: 1}
	asof := s.days[200]
	r.forward(s, asof, s.days[350], s.days[399], true)
	if !has(r.flags, FlagFwdPriceGlitch) || !math.IsNaN(r.fwd12) || !math.IsNaN(r.fwdlast) || has(r.flags, FlagPriceGlitch) {
		t.Errorf("flags %b fwd12 %v fwdlast %v", r.flags, r.fwd12, r.fwdlast)
	}
}

// fwd_to_last_price: in history, a series that ends inside the window
// earns its return to its last close, flagged; the current snapshot
// (toLast false) leaves it missing.
func flagFwdToLastPrice(t *testing.T) {
	s, _, _ := parsePriceContent("prices-to-2024/X.csv", "X", []byte(priceCSV("2020-01-01", ramp(10, 100))))
	r := &row{ticker: "X", price: 10}
	r.forward(s, s.days[50], s.days[99]+60, s.days[99]+500, true)
	want := s.close[99]/s.close[50] - 1
	if !has(r.flags, FlagFwdToLastPrice) || math.Abs(r.fwd12-want) > 1e-12 || math.Abs(r.fwdlast-want) > 1e-12 {
		t.Errorf("history: flags %b fwd12 %v fwdlast %v, want %v", r.flags, r.fwd12, r.fwdlast, want)
	}
	cur := &row{ticker: "X", price: 10}
	cur.forward(s, s.days[50], 0, s.days[99]+500, false)
	if has(cur.flags, FlagFwdToLastPrice) || !math.IsNaN(cur.fwdlast) {
		t.Errorf("current: flags %b fwdlast %v", cur.flags, cur.fwdlast)
	}
}
