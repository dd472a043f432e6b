package engine

import "screener/data/schema"

// SchemaVersion is the snapshot format this package reads.
const SchemaVersion = schema.Version

// Factor is one of the six factors (package doc).
type Factor int

const (
	Profitability Factor = iota
	FreeCashFlow
	BalanceSheet
	CapitalEfficiency
	Valuation
	Momentum
	NumFactors = 6
)

// factorKeys are the short, stable names used in URLs, CLI flags and JSON.
var factorKeys = [NumFactors]string{"profit", "fcf", "balance", "efficiency", "value", "momentum"}

// Key is the factor's short stable name ("profit", "fcf", "balance",
// "efficiency", "value", "momentum").
func (f Factor) Key() string { return keyAt(factorKeys[:], int(f)) }

// ParseFactor is the inverse of Key.
func ParseFactor(key string) (Factor, bool) {
	i, ok := keyIndex(factorKeys[:], key)
	return Factor(i), ok
}

// Weights holds one non-negative weight per factor. Only ratios matter.
type Weights [NumFactors]float64

// Metric is one input of a factor (the factor table in the package doc).
type Metric int

const (
	OperatingMargin       Metric = iota // Profitability
	OperatingMarginChange               // Profitability
	GrossProfitability                  // Profitability (Novy-Marx 2013)
	FCFToAssets                         // FreeCashFlow
	FCFMargin                           // FreeCashFlow
	FCFChange                           // FreeCashFlow
	DebtToAssets                        // BalanceSheet (lower is better)
	NetDebtToEBITDA                     // BalanceSheet (lower is better)
	InterestCoverage                    // BalanceSheet
	ROE                                 // CapitalEfficiency
	ROIC                                // CapitalEfficiency
	EarningsYield                       // Valuation
	EBITToEV                            // Valuation
	FCFToEV                             // Valuation
	BookToPrice                         // Valuation
	Momentum12_1                        // Momentum
	Momentum6_1                         // Momentum
	Trend                               // Momentum
	NumMetrics            = 18
)

// Index selects the current universe by fund membership.
type Index int

const (
	IndexAny  Index = iota // in IWM or IJR (or, in history, the whole modelled universe)
	IndexIWM               // held by IWM (history: the Russell-2000-like universe)
	IndexIJR               // held by IJR (history: the S&P-600-like subset)
	IndexBoth              // held by both
)

// NumIndexes is the number of Index values.
const NumIndexes = 4

var indexKeys = [NumIndexes]string{"any", "iwm", "ijr", "both"}

// Key is the index filter's short stable name ("any", "iwm", "ijr",
// "both"), shared by URLs, CLI flags and the UI.
func (x Index) Key() string { return keyAt(indexKeys[:], int(x)) }

// ParseIndex is the inverse of Key.
func ParseIndex(key string) (Index, bool) {
	i, ok := keyIndex(indexKeys[:], key)
	return Index(i), ok
}

// Filter restricts the cross-section that is ranked. Percentiles are
// computed within the filtered universe.
type Filter struct {
	Index Index
	// Sectors is a bit set over Snapshot.Sectors; 0 means every sector.
	Sectors uint32
	// MinMcap and MaxMcap bound market cap in USD millions; 0 means no bound.
	MinMcap, MaxMcap float64
	// ProfitableOnly keeps stocks with positive TTM net income.
	ProfitableOnly bool
	// Values bounds fields in their own units (FieldValue: P/E, ROE, …);
	// a stock whose value is missing fails an active bound.
	Values [NumFields]Bound
	// Pcts bounds metric percentiles (0..100, 100 = best, as
	// Screen.MetricPct). They apply after the percentiles are computed
	// over the universe the other filters leave, without re-ranking (see
	// Screen.applyPcts); a missing percentile fails an active bound.
	Pcts [NumMetrics]Bound
}

// Options are the settings that change percentiles (and so need a new Screen).
type Options struct {
	Filter
	// SectorNeutral ranks each metric within its GICS sector, falling back
	// to the whole universe where a sector has fewer than MinSectorSize members.
	SectorNeutral bool
	// ExcludeFinancials leaves Financials and Real Estate out of the metrics
	// that do not apply to them (gross profitability, FCF metrics, debt
	// ratios, EBITDA, ROIC, EBIT/EV): missing for them, not zero. The exact
	// list is Metric.NotForFinancials: gross profitability, the three FCF
	// metrics, debt/assets, net debt/EBITDA, interest coverage, ROIC,
	// EBIT/EV and FCF/EV.
	ExcludeFinancials bool
	// MinCoverage leaves stocks with fewer than this many factors present
	// out of the composite ranking: Score gives them no composite, so they
	// rank last without a percentile. 0 keeps everyone. Score reads it, so
	// changing it needs no new Screen.
	MinCoverage int
	// Missing says how the composite treats a weighted factor a stock
	// lacks; the zero value is MissingNeutral. Score reads it, so changing
	// it needs no new Screen.
	Missing MissingRule
}

// ScreenKey is o without the fields Score reads on every call (MinCoverage,
// Missing): options with equal keys share one Screen's percentiles, and a
// change of the other fields needs only a new Score.
func (o Options) ScreenKey() Options {
	o.MinCoverage, o.Missing = 0, MissingNeutral
	return o
}

// DefaultMinCoverage is the coverage floor the UI and the CLI start with:
// a majority (4 of 6) of the factors. About a quarter of the current
// universe has no statements at all; even counted at the median (the
// neutral rule), a stock known by its price alone says little.
const DefaultMinCoverage = 4

// MissingRule is how the composite treats a weighted factor that a stock
// lacks (ranking systems call it the "NA handling" of a ranking).
type MissingRule uint8

const (
	// MissingNeutral counts a missing factor with its full weight at the
	// universe median, z = 0: Composite = Σ wₖ·zₖ / Σ wₖ over every
	// weighted factor, zₖ = 0 where missing (Portfolio123's "NA neutral").
	// Incomplete data pulls a stock toward the middle, never up.
	MissingNeutral MissingRule = iota
	// MissingSkip averages over the present factors only,
	// Composite = Σ wₖ·zₖ / Σ wₖ over present weighted factors: a missing
	// factor is treated as "as good as the others".
	MissingSkip
	// MissingExclude leaves a stock that lacks any weighted factor unranked.
	MissingExclude
	NumMissingRules = 3
)

var missingKeys = [NumMissingRules]string{"neutral", "skip", "exclude"}

// Key is the rule's short stable name ("neutral", "skip", "exclude"),
// shared by URLs, CLI flags and the UI.
func (r MissingRule) Key() string { return keyAt(missingKeys[:], int(r)) }

// ParseMissingRule is the inverse of Key.
func ParseMissingRule(key string) (MissingRule, bool) {
	i, ok := keyIndex(missingKeys[:], key)
	return MissingRule(i), ok
}

// keyAt is keys[i], "" out of range: the Key of every enumeration.
func keyAt(keys []string, i int) string {
	if i < 0 || i >= len(keys) {
		return ""
	}
	return keys[i]
}

// keyIndex is the position of key in keys: the Parse of every enumeration.
func keyIndex(keys []string, key string) (int, bool) {
	for i, k := range keys {
		if k == key {
			return i, true
		}
	}
	return 0, false
}

// MinSectorSize is the smallest sector ranked on its own when SectorNeutral is set.
const MinSectorSize = 8
