// Package engine turns a decoded snapshot into factor scores, a weighted
// composite and a ranking. It is pure Go over columnar slices: no
// syscall/js, no go-app, no package-level mutable state, so the CLI, the
// tests and the browser run the same code.
//
// Flow: Decode (bytes -> *Snapshot) -> ComputeMetrics (*Snapshot -> *Metrics,
// once per snapshot) -> NewScreen (filters and ranking options -> per-metric
// percentiles and factor normal scores, once per filter change) ->
// Screen.Score (weights -> composite and order, on every slider move, no
// allocation).
//
// # The six factors
//
// Every factor is the average of its metrics' cross-sectional percentile
// ranks (higher is better), re-ranked to a percentile. A metric whose
// inputs are missing or whose denominator is not positive is missing,
// never zero — except where zero is the honest answer: zero debt on a full
// balance sheet is the best leverage, zero interest expense with positive
// operating income the best coverage. Statement inputs older than 15 months
// after their period end are stale, hence missing (the builder applies the
// limit and records it as Snapshot.StaleMonths). A factor with fewer than
// half of its metrics present is missing for that stock.
//
//	factor              metrics (direction)
//	Profitability       operating margin TTM (+); change in operating margin
//	                    vs a year earlier (+); gross profit / total assets (+,
//	                    Novy-Marx 2013 gross profitability)
//	Free cash flow      FCF / total assets (+); FCF margin (+); change in FCF
//	                    vs a year earlier, scaled by assets (+);
//	                    FCF = operating cash flow − capital expenditure
//	Balance sheet       total debt / total assets (−); net debt / EBITDA (−,
//	                    negative net debt is best); interest coverage
//	                    EBIT / interest (+)
//	Capital efficiency  ROE = net income / average equity (+, missing if
//	                    equity ≤ 0); ROIC = EBIT × (1 − 21%) / (debt + equity
//	                    − cash) (+, missing if invested capital ≤ 0)
//	Valuation           earnings yield E/P (+); EBIT / EV (+); FCF / EV (+);
//	                    book / price (+); yields, not multiples, so
//	                    loss-makers rank low smoothly; EV = market cap + debt
//	                    − cash
//	Momentum            12-1 month total return (+, skips the latest month);
//	                    6-1 month return (+); trend: price / 200-day
//	                    average (+)
//
// # The composite
//
// Composite = Σ wₖ·zₖ / Σ wₖ over the weighted factors, where zₖ is the
// factor percentile mapped to a normal score (clipped to ±3) and a missing
// factor counts as z = 0, the universe median ("NA neutral", as ranking
// systems such as Portfolio123 do by default; averaging only the present
// factors would reward missing data). MissingSkip averages the present
// factors instead and MissingExclude leaves a stock lacking a weighted
// factor unranked. A stock without a price or market cap is never ranked
// (Screen.Unpriced). The composite is shown as a 0–100 percentile across
// the universe, with a coverage count (how many of the six factors were
// present); each stock's additive contributions wₖ·zₖ / Σ wₖ explain its
// rank. Options rank within GICS sector instead of the whole universe
// (falling back to the universe where a sector has fewer than
// MinSectorSize stocks) and leave financials and REITs out of the metrics
// that do not describe them.
//
// Presets: "2026 quality (six points)" with all six equal; "Janus
// Henderson four-factor" (value, quality = profitability + FCF, capital
// efficiency, momentum equal); "2025 momentum only"; "Deep value"; "Equal
// weight" (every metric equal).
package engine
