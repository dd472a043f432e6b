package engine

import (
	"math"

	"screener/data/schema"
)

// TaxRate is the flat US federal corporate rate (21% since 2018) used to
// turn EBIT into NOPAT for ROIC (capital efficiency, package doc).
const TaxRate = 0.21

type metricInfo struct {
	key    string
	factor Factor
	higher bool
	// notForFinancials: the metric does not describe a bank, insurer or
	// REIT (no gross profit, debt is the raw material, FCF mixes in loan
	// flows), so ExcludeFinancials leaves it missing for those sectors.
	notForFinancials bool
	// inputs are the snapshot columns the metric reads, numerator first.
	inputs []string
}

var metricInfos = [NumMetrics]metricInfo{
	OperatingMargin:       {"op_margin", Profitability, true, false, []string{schema.ColOpInc, schema.ColRevOp}},
	OperatingMarginChange: {"op_margin_chg", Profitability, true, false, []string{schema.ColOpInc, schema.ColRevOp, schema.ColOpIncP, schema.ColRevOpP}},
	GrossProfitability:    {"gross_prof", Profitability, true, true, []string{schema.ColGP, schema.ColAssets}},
	FCFToAssets:           {"fcf_assets", FreeCashFlow, true, true, []string{schema.ColFCF, schema.ColAssets}},
	FCFMargin:             {"fcf_margin", FreeCashFlow, true, true, []string{schema.ColFCF, schema.ColRev}},
	FCFChange:             {"fcf_chg", FreeCashFlow, true, true, []string{schema.ColFCF, schema.ColFCFP, schema.ColAssets}},
	DebtToAssets:          {"debt_assets", BalanceSheet, false, true, []string{schema.ColDebt, schema.ColAssets}},
	NetDebtToEBITDA:       {"netdebt_ebitda", BalanceSheet, false, true, []string{schema.ColDebt, schema.ColCash, schema.ColOpInc, schema.ColDA}},
	InterestCoverage:      {"int_coverage", BalanceSheet, true, true, []string{schema.ColOpInc, schema.ColInt, schema.ColDebt}},
	ROE:                   {"roe", CapitalEfficiency, true, false, []string{schema.ColNI, schema.ColEquity, schema.ColEquityP}},
	ROIC:                  {"roic", CapitalEfficiency, true, true, []string{schema.ColOpInc, schema.ColDebt, schema.ColEquity, schema.ColCash}},
	EarningsYield:         {"earn_yield", Valuation, true, false, []string{schema.ColNI, schema.ColMcap}},
	EBITToEV:              {"ebit_ev", Valuation, true, true, []string{schema.ColOpInc, schema.ColMcap, schema.ColDebt, schema.ColCash}},
	FCFToEV:               {"fcf_ev", Valuation, true, true, []string{schema.ColFCF, schema.ColMcap, schema.ColDebt, schema.ColCash}},
	BookToPrice:           {"book_price", Valuation, true, false, []string{schema.ColEquity, schema.ColMcap}},
	Momentum12_1:          {"mom12_1", Momentum, true, false, []string{schema.ColMom12_1}},
	Momentum6_1:           {"mom6_1", Momentum, true, false, []string{schema.ColMom6_1}},
	Trend:                 {"trend", Momentum, true, false, []string{schema.ColTrend}},
}

// Key is the metric's short stable name (CLI, JSON, URLs), e.g. "op_margin".
func (m Metric) Key() string {
	if m < 0 || m >= NumMetrics {
		return ""
	}
	return metricInfos[m].key
}

// Factor is the factor the metric belongs to.
func (m Metric) Factor() Factor {
	if m < 0 || m >= NumMetrics {
		return -1
	}
	return metricInfos[m].factor
}

// HigherIsBetter is false for the leverage metrics (debt/assets, net
// debt/EBITDA), whose percentiles are flipped so that 100 is always best.
func (m Metric) HigherIsBetter() bool {
	if m < 0 || m >= NumMetrics {
		return true
	}
	return metricInfos[m].higher
}

// NotForFinancials reports whether ExcludeFinancials masks the metric for
// the Financials and Real Estate sectors.
func (m Metric) NotForFinancials() bool {
	if m < 0 || m >= NumMetrics {
		return false
	}
	return metricInfos[m].notForFinancials
}

// Inputs lists the snapshot columns the metric reads (data/SNAPSHOT.md
// names, numerator first), for "why this value" displays.
func (m Metric) Inputs() []string {
	if m < 0 || m >= NumMetrics {
		return nil
	}
	return append([]string(nil), metricInfos[m].inputs...)
}

// ParseMetric is the inverse of Metric.Key.
func ParseMetric(key string) (Metric, bool) {
	for i, mi := range metricInfos {
		if mi.key == key {
			return Metric(i), true
		}
	}
	return 0, false
}

// factorMetrics lists each factor's metrics in Metric order; computed from
// metricInfos so the two tables cannot disagree.
var factorMetrics = func() (fm [NumFactors][]Metric) {
	for m := Metric(0); m < NumMetrics; m++ {
		f := metricInfos[m].factor
		fm[f] = append(fm[f], m)
	}
	return fm
}()

// FactorMetrics returns the metrics averaged into factor f (a fresh slice).
func FactorMetrics(f Factor) []Metric {
	if f < 0 || f >= NumFactors {
		return nil
	}
	return append([]Metric(nil), factorMetrics[f]...)
}

// Metrics holds every metric for every snapshot row; NaN = missing, ±Inf
// = the best value there is (no debt, no interest to pay; see
// NetDebtOverEBITDA and EBITOverInterest), which percentiles rank first.
type Metrics struct{ Value [NumMetrics][]float64 }

// ComputeMetrics evaluates every metric of the factor table for every row of
// the snapshot. It runs once per snapshot; filters and weights never need it
// again.
func ComputeMetrics(s *Snapshot) *Metrics {
	m := &Metrics{}
	n := s.N
	for k := range m.Value {
		m.Value[k] = make([]float64, n)
	}
	at := func(col []float64, i int) float64 {
		if i < len(col) {
			return col[i]
		}
		return math.NaN()
	}
	for i := 0; i < n; i++ {
		rev, opinc, assets := at(s.Rev, i), at(s.OpInc, i), at(s.Assets, i)
		fcf, mcap := at(s.FCF, i), at(s.Mcap, i)
		debt, cash, equity := at(s.Debt, i), at(s.Cash, i), at(s.Equity, i)
		v := &m.Value
		// Margins divide by the revenue of operating income's own period.
		revOp := at(s.RevOp, i)
		v[OperatingMargin][i] = OperatingMarginTTM(opinc, revOp)
		v[OperatingMarginChange][i] = OperatingMarginChangeYoY(opinc, revOp, at(s.OpIncP, i), at(s.RevOpP, i))
		v[GrossProfitability][i] = GrossProfitToAssets(at(s.GP, i), assets)
		v[FCFToAssets][i] = FCFOverAssets(fcf, assets)
		v[FCFMargin][i] = FCFOverRevenue(fcf, rev)
		v[FCFChange][i] = FCFChangeOverAssets(fcf, at(s.FCFP, i), assets)
		v[DebtToAssets][i] = DebtOverAssets(debt, assets)
		v[NetDebtToEBITDA][i] = NetDebtOverEBITDA(debt, cash, opinc, at(s.DA, i))
		v[InterestCoverage][i] = EBITOverInterest(opinc, at(s.Int, i), debt)
		v[ROE][i] = ReturnOnEquity(at(s.NI, i), equity, at(s.EquityP, i))
		v[ROIC][i] = ReturnOnInvestedCapital(opinc, debt, equity, cash)
		v[EarningsYield][i] = EarningsOverPrice(at(s.NI, i), mcap)
		v[EBITToEV][i] = EBITOverEV(opinc, mcap, debt, cash)
		v[FCFToEV][i] = FCFOverEV(fcf, mcap, debt, cash)
		v[BookToPrice][i] = BookOverPrice(equity, mcap)
		v[Momentum12_1][i] = finiteOrNaN(at(s.Mom12_1, i))
		v[Momentum6_1][i] = finiteOrNaN(at(s.Mom6_1, i))
		v[Trend][i] = PositiveRatio(at(s.Trend, i))
	}
	return m
}

// finiteOrNaN returns x, or NaN (missing) when x is ±Inf.
func finiteOrNaN(x float64) float64 {
	if math.IsInf(x, 0) {
		return math.NaN()
	}
	return x
}

// metricRatio is num/den, missing when either input is missing or den ≤ 0 (the
// package rule: a metric whose denominator is not positive is
// missing, never zero).
func metricRatio(num, den float64) float64 {
	if math.IsNaN(num) || math.IsNaN(den) || den <= 0 {
		return math.NaN()
	}
	return finiteOrNaN(num / den)
}

// PositiveRatio passes a ratio through when it is positive and finite
// (trend = price / 200-day average can only be positive).
func PositiveRatio(x float64) float64 {
	if !(x > 0) || math.IsInf(x, 0) {
		return math.NaN()
	}
	return x
}

// OperatingMarginTTM = operating income TTM / revenue TTM, revenue > 0.
// Source: the profitability factor (package doc).
func OperatingMarginTTM(opinc, rev float64) float64 { return metricRatio(opinc, rev) }

// OperatingMarginChangeYoY = opinc/rev − opinc_p/rev_p: the TTM operating
// margin minus the TTM margin a year earlier (both revenues > 0).
// Source: the profitability factor (package doc).
func OperatingMarginChangeYoY(opinc, rev, opincP, revP float64) float64 {
	return finiteOrNaN(metricRatio(opinc, rev) - metricRatio(opincP, revP))
}

// GrossProfitToAssets = gross profit TTM / total assets, assets > 0.
// Source: Novy-Marx (2013), "The other side of value: the gross
// profitability premium".
func GrossProfitToAssets(gp, assets float64) float64 { return metricRatio(gp, assets) }

// FCFOverAssets = (operating cash flow − capex) TTM / total assets.
// Source: the free-cash-flow factor (package doc).
func FCFOverAssets(fcf, assets float64) float64 { return metricRatio(fcf, assets) }

// FCFOverRevenue is the FCF margin = FCF TTM / revenue TTM, revenue > 0.
// Source: the free-cash-flow factor (package doc).
func FCFOverRevenue(fcf, rev float64) float64 { return metricRatio(fcf, rev) }

// FCFChangeOverAssets = (FCF TTM − FCF TTM a year earlier) / current total
// assets: the change in FCF scaled by the balance sheet so that firms of
// different size compare. Source: the free-cash-flow factor (package doc).
func FCFChangeOverAssets(fcf, fcfP, assets float64) float64 { return metricRatio(fcf-fcfP, assets) }

// DebtOverAssets = (short + long term debt) / total assets; lower is better.
// Source: the balance-sheet factor (package doc).
func DebtOverAssets(debt, assets float64) float64 { return metricRatio(debt, assets) }

// NetDebtOverEBITDA = (debt − cash) / (operating income + D&A); lower is
// better. Net cash gives a negative ratio, which ranks above every
// net-debt company, as the factor table asks ("negative net debt is best").
// Zero debt on a balance sheet that reports it is the best value there
// is, −Inf, whatever EBITDA is: a company that owes nothing has nothing
// to repay (package doc: "zero is the honest answer"). Otherwise missing
// when EBITDA ≤ 0: a loss-maker's ratio would flip sign and look safest.
// Source: the balance-sheet factor (package doc).
func NetDebtOverEBITDA(debt, cash, opinc, da float64) float64 {
	if debt == 0 {
		return math.Inf(-1)
	}
	return metricRatio(debt-cash, opinc+da)
}

// EBITOverInterest is interest coverage = operating income (EBIT) /
// interest expense (positive = expense). With positive EBIT and no net
// interest expense — zero, net interest income (negative), or a blank
// interest line on a balance sheet that reports zero debt — coverage is
// the best value there is, +Inf (package doc: "zero interest expense with
// positive operating income [is] the best coverage"). Otherwise the plain
// ratio, missing when either input is missing or interest ≤ 0 (a
// loss-maker without interest to pay has no coverage to speak of); a
// loss-maker that pays interest gets a negative coverage, which ranks low.
// Source: the balance-sheet factor (package doc).
func EBITOverInterest(opinc, interest, debt float64) float64 {
	if opinc > 0 && (interest <= 0 || (math.IsNaN(interest) && debt == 0)) {
		return math.Inf(1)
	}
	return metricRatio(opinc, interest)
}

// ReturnOnEquity = net income TTM / ((equity + equity a year earlier) / 2).
// Missing when current equity ≤ 0 (the factor table) or the average ≤ 0, and
// when either balance is missing. Source: capital efficiency (package doc).
func ReturnOnEquity(ni, equity, equityP float64) float64 {
	if !(equity > 0) {
		return math.NaN()
	}
	return metricRatio(ni, (equity+equityP)/2)
}

// ReturnOnInvestedCapital = EBIT × (1 − 21%) / (debt + equity − cash),
// missing when invested capital ≤ 0. Source: capital
// efficiency (package doc) (NOPAT over invested capital).
func ReturnOnInvestedCapital(opinc, debt, equity, cash float64) float64 {
	return metricRatio(opinc*(1-TaxRate), debt+equity-cash)
}

// EnterpriseValue = market cap + debt − cash (USD millions); NaN if any is missing.
func EnterpriseValue(mcap, debt, cash float64) float64 { return mcap + debt - cash }

// EarningsOverPrice is the earnings yield E/P = net income TTM / market cap.
// A yield rather than P/E so that loss-makers rank low smoothly.
// Source: the valuation factor (package doc).
func EarningsOverPrice(ni, mcap float64) float64 { return metricRatio(ni, mcap) }

// EBITOverEV = operating income TTM / enterprise value, missing when EV ≤ 0.
// Source: the valuation factor (package doc) (Greenblatt's earnings yield).
func EBITOverEV(opinc, mcap, debt, cash float64) float64 {
	return metricRatio(opinc, EnterpriseValue(mcap, debt, cash))
}

// FCFOverEV = free cash flow TTM / enterprise value, missing when EV ≤ 0.
// Source: the valuation factor (package doc).
func FCFOverEV(fcf, mcap, debt, cash float64) float64 {
	return metricRatio(fcf, EnterpriseValue(mcap, debt, cash))
}

// BookOverPrice = total equity / market cap (B/P, Fama-French value).
// Negative book gives a negative yield, which ranks low.
// Source: the valuation factor (package doc).
func BookOverPrice(equity, mcap float64) float64 { return metricRatio(equity, mcap) }
