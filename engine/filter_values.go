package engine

import "math"

// Bound is an inclusive range [Min, Max]; a side is open when its Has
// flag is false. The zero Bound holds every value. It is comparable, so
// Options stay usable as a cache key (Options.ScreenKey).
type Bound struct {
	Min, Max       float64
	HasMin, HasMax bool
}

// Active reports whether the bound restricts anything.
func (b Bound) Active() bool { return b.HasMin || b.HasMax }

// Holds reports whether Min ≤ x ≤ Max on the bounded sides. A missing
// value (NaN) is never within an active bound: a stock is kept by a
// filter only when its value is known to pass.
func (b Bound) Holds(x float64) bool {
	if b.HasMin && !(x >= b.Min) {
		return false
	}
	if b.HasMax && !(x <= b.Max) {
		return false
	}
	return true
}

// Field is a quantity filtered in its own unit, as people quote it
// (P/E 15, ROE 10%): FieldValue defines each.
type Field uint8

const (
	FieldPE            Field = iota // price / earnings
	FieldEVEBIT                     // enterprise value / EBIT
	FieldPB                         // price / book
	FieldROE                        // return on equity (fraction)
	FieldROIC                       // return on invested capital (fraction)
	FieldFCFYield                   // free cash flow / enterprise value (fraction)
	FieldDebtAssets                 // debt / total assets (fraction)
	FieldNetDebtEBITDA              // (debt − cash) / EBITDA
	FieldRevGrowth                  // revenue growth over a year (fraction)
	FieldMom12_1                    // 12-1 month price momentum (fraction)
	FieldPrice                      // share price, USD
	NumFields
)

type fieldInfo struct {
	key string
	// market: the value needs a price or a market cap; a stock without
	// them (Snapshot.Priced) can neither pass nor fail the bound, like
	// the market-cap bounds.
	market bool
	// fraction: a ratio people read in percent (0.10 = 10%).
	fraction bool
}

var fieldInfos = [NumFields]fieldInfo{
	FieldPE:            {"pe", true, false},
	FieldEVEBIT:        {"ev_ebit", true, false},
	FieldPB:            {"pb", true, false},
	FieldROE:           {"roe", false, true},
	FieldROIC:          {"roic", false, true},
	FieldFCFYield:      {"fcf_yield", true, true},
	FieldDebtAssets:    {"debt_assets", false, true},
	FieldNetDebtEBITDA: {"netdebt_ebitda", false, false},
	FieldRevGrowth:     {"rev_growth", false, true},
	FieldMom12_1:       {"mom12_1", false, true},
	FieldPrice:         {"price", true, false},
}

// Key is the field's short stable name (CLI --where, URLs), e.g. "pe".
func (f Field) Key() string {
	if f >= NumFields {
		return ""
	}
	return fieldInfos[f].key
}

// Fraction reports whether the field is a ratio read in percent.
func (f Field) Fraction() bool { return f < NumFields && fieldInfos[f].fraction }

// Market reports whether the field needs a price or market cap.
func (f Field) Market() bool { return f < NumFields && fieldInfos[f].market }

// ParseField is the inverse of Field.Key.
func ParseField(key string) (Field, bool) {
	for f, fi := range fieldInfos {
		if fi.key == key {
			return Field(f), true
		}
	}
	return 0, false
}

// FieldValue is field f of snapshot row i, NaN where it is undefined:
//
//   - P/E = market cap / net income TTM = 1 / earnings yield, defined
//     only for positive earnings. A loss-maker has no P/E (its negative
//     ratio would read as "cheap"), so it passes no P/E bound: neither
//     "P/E < 15" nor "P/E > 30".
//   - EV/EBIT = 1 / EBITOverEV, defined only for EBIT > 0 and EV > 0,
//     for the same reason.
//   - P/B = market cap / equity = 1 / BookOverPrice, defined only for
//     positive book equity.
//   - ROE, ROIC, FCF yield (FCF / EV), debt / assets, net debt / EBITDA
//     and 12-1 momentum are the metrics of the same names (Metrics), with
//     their rules for missing values; a debt-free company's net debt /
//     EBITDA is −Inf, below every bound's minimum and within every maximum.
//   - Revenue growth = revenue TTM / revenue TTM a year earlier − 1,
//     defined only for positive prior revenue.
//   - Price is the share price in USD on the snapshot date.
func FieldValue(s *Snapshot, m *Metrics, f Field, i int) float64 {
	if i < 0 || i >= s.N {
		return math.NaN()
	}
	inverse := func(x float64) float64 {
		if x > 0 && !math.IsInf(x, 0) {
			return 1 / x
		}
		return math.NaN()
	}
	metric := func(k Metric) float64 {
		if i < len(m.Value[k]) {
			return m.Value[k][i]
		}
		return math.NaN()
	}
	switch f {
	case FieldPE:
		return inverse(metric(EarningsYield))
	case FieldEVEBIT:
		return inverse(metric(EBITToEV))
	case FieldPB:
		return inverse(metric(BookToPrice))
	case FieldROE:
		return metric(ROE)
	case FieldROIC:
		return metric(ROIC)
	case FieldFCFYield:
		return metric(FCFToEV)
	case FieldDebtAssets:
		return metric(DebtToAssets)
	case FieldNetDebtEBITDA:
		return metric(NetDebtToEBITDA)
	case FieldRevGrowth:
		if i < len(s.Rev) && i < len(s.RevP) && s.RevP[i] > 0 {
			return finiteOrNaN(s.Rev[i]/s.RevP[i] - 1)
		}
	case FieldMom12_1:
		return metric(Momentum12_1)
	case FieldPrice:
		if s.Price[i] > 0 {
			return s.Price[i]
		}
	}
	return math.NaN()
}

// failedValue is the first field whose bound row i fails, or false when
// it passes them all; unpriced skips the market fields (Field.Market).
func (f *Filter) failedValue(s *Snapshot, m *Metrics, i int, unpriced bool) (Field, bool) {
	for k := Field(0); k < NumFields; k++ {
		b := f.Values[k]
		if !b.Active() || unpriced && k.Market() {
			continue
		}
		if !b.Holds(FieldValue(s, m, k, i)) {
			return k, true
		}
	}
	return 0, false
}

func (f *Filter) failsValue(s *Snapshot, m *Metrics, i int, unpriced bool) bool {
	_, failed := f.failedValue(s, m, i, unpriced)
	return failed
}

// hasValues reports whether any value bound is active.
func (f *Filter) hasValues() bool {
	for _, b := range f.Values {
		if b.Active() {
			return true
		}
	}
	return false
}

// hasPcts reports whether any percentile bound is active.
func (f *Filter) hasPcts() bool {
	for _, b := range f.Pcts {
		if b.Active() {
			return true
		}
	}
	return false
}

// applyPcts drops the members outside the percentile bounds
// (Filter.Pcts), after every percentile was computed: the bounds read the
// percentiles of the universe the other filters leave, and a kept stock
// shows the same percentiles with or without them. A dropped row's
// rowPos records the first metric it failed as -2-metric (Why).
func (sc *Screen) applyPcts() {
	n := len(sc.Members)
	keep := 0
	for j := 0; j < n; j++ {
		failed := -1
		for k := Metric(0); k < NumMetrics; k++ {
			if b := sc.Opts.Pcts[k]; b.Active() && !b.Holds(sc.MetricPct[k][j]) {
				failed = int(k)
				break
			}
		}
		row := sc.Members[j]
		if failed >= 0 {
			sc.rowPos[row] = int32(-2 - failed)
			continue
		}
		sc.rowPos[row] = int32(keep)
		sc.Members[keep] = row
		for k := range sc.MetricPct {
			sc.MetricPct[k][keep] = sc.MetricPct[k][j]
		}
		for f := range sc.FactorPct {
			sc.FactorPct[f][keep], sc.FactorZ[f][keep] = sc.FactorPct[f][j], sc.FactorZ[f][j]
		}
		sc.Coverage[keep] = sc.Coverage[j]
		keep++
	}
	sc.Members = sc.Members[:keep]
	for k := range sc.MetricPct {
		sc.MetricPct[k] = sc.MetricPct[k][:keep]
	}
	for f := range sc.FactorPct {
		sc.FactorPct[f], sc.FactorZ[f] = sc.FactorPct[f][:keep], sc.FactorZ[f][:keep]
	}
	sc.Coverage = sc.Coverage[:keep]
}
