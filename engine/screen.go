package engine

import (
	"math"
	"strings"

	"screener/data/schema"
)

// Screen is one filtered, ranked cross-section. NewScreen does the work
// that depends on the filter and ranking options (percentiles, factor
// normal scores); Score does the work that depends on the weights only, on
// every slider move, without allocating.
//
// All per-member slices are indexed by member position j (0..len(Members)-1),
// not by snapshot row; Members[j] is the row.
type Screen struct {
	Snap *Snapshot
	Opts Options

	// Members are the snapshot rows in the filtered universe, snapshot order.
	Members []int32
	// Unpriced are the snapshot rows that pass the filter (market-cap
	// bounds aside) but have no price or no market cap (Snapshot.Priced):
	// never ranked, listed apart, snapshot order.
	Unpriced []int32
	// MetricPct is each metric's percentile (0..100, 100 = best: direction
	// applied), NaN where the metric is missing or masked.
	MetricPct [NumMetrics][]float64
	// FactorPct is the mean of the factor's metric percentiles where at
	// least half of them are present, re-ranked to 0..100; NaN otherwise.
	FactorPct [NumFactors][]float64
	// FactorZ is the normal score Φ⁻¹(FactorPct/100), clipped to ±3.
	FactorZ [NumFactors][]float64
	// Coverage is the number of factors present (0..6).
	Coverage []uint8

	// Set by Score:
	// Composite = Σ wₖzₖ / Σ wₖ over the weighted factors (wₖ > 0), a
	// missing zₖ treated by Opts.Missing; NaN when no weighted factor is
	// present, when Coverage < Opts.MinCoverage, or (MissingExclude) when
	// any weighted factor is missing.
	Composite []float64
	// CompositePct is the percentile (0..100) of Composite among the
	// members that have one; NaN otherwise.
	CompositePct []float64
	// Order lists member positions by Composite descending, missing
	// composites last, ties by ticker.
	Order []int32

	metrics     *Metrics
	rowPos      []int32 // snapshot row -> member position; -1 filtered out, -2-k by metric k's percentile bound
	rankOf      []int32 // member position -> 0-based position in Order (set by Score)
	tickerOrder []int32 // member positions sorted by ticker: the radix sort's start
	rad         radix   // sort buffers, reused by every Score
}

// isFinancialSector reports whether a GICS sector name is one for which
// ExcludeFinancials masks the industrial metrics.
func isFinancialSector(name string) bool {
	return strings.EqualFold(name, "Financials") || strings.EqualFold(name, "Real Estate")
}

// Keep reports whether snapshot row i passes the filter.
func (f Filter) Keep(s *Snapshot, i int) bool {
	if !f.keepUnsized(s, i) {
		return false
	}
	mcap := s.Mcap[i]
	if f.MinMcap > 0 && !(mcap >= f.MinMcap) {
		return false
	}
	if f.MaxMcap > 0 && !(mcap <= f.MaxMcap) {
		return false
	}
	return true
}

// keepUnsized applies every filter but the market-cap bounds, which a
// stock without a market cap can neither pass nor fail.
func (f Filter) keepUnsized(s *Snapshot, i int) bool {
	if !f.inIndex(s, i) {
		return false
	}
	if !f.inSectors(s, i) {
		return false
	}
	if f.ProfitableOnly && !(s.NI[i] > 0) {
		return false
	}
	return true
}

// inSectors applies the sector filter (Filter.Sectors, 0 = every sector).
func (f Filter) inSectors(s *Snapshot, i int) bool {
	return f.Sectors == 0 || int(s.Sector[i]) < 32 && f.Sectors&(1<<s.Sector[i]) != 0
}

// UnpricedReason says why a stock has no market value in a snapshot.
type UnpricedReason uint8

const (
	IsPriced           UnpricedReason = iota // price and market cap present
	NoPrice                                  // no price on the snapshot date
	NoShareCount                             // a price, but no share count in the statements
	ShareCountRejected                       // every share count failed the builder's cross-checks
	NumUnpricedReasons
)

var unpricedKeys = [NumUnpricedReasons]string{"priced", "no_price", "no_shares", "shares_rejected"}

// Key is the reason's short stable name ("no_price", "no_shares",
// "shares_rejected"; "priced" for IsPriced).
func (r UnpricedReason) Key() string { return keyAt(unpricedKeys[:], int(r)) }

// HasFlag reports whether row i carries the data-quality flag name.
func (s *Snapshot) HasFlag(i int, name string) bool {
	if i < 0 || i >= len(s.Flags) {
		return false
	}
	for b, n := range s.FlagNames {
		if n == name {
			return s.Flags[i]&(1<<uint(b)) != 0
		}
	}
	return false
}

// WhyUnpriced says why row i is not Priced (IsPriced when it is).
func (s *Snapshot) WhyUnpriced(i int) UnpricedReason {
	switch {
	case s.Priced(i):
		return IsPriced
	case !(s.Price[i] > 0):
		return NoPrice
	case s.HasFlag(i, schema.FlagMcapUnsupported):
		return ShareCountRejected
	}
	return NoShareCount
}

// Priced reports whether snapshot row i has a price and a market cap on
// the snapshot date. A stock without them cannot be valued, sized or
// bought at a known price, so it is never ranked (Screen.Unpriced lists
// it apart).
func (s *Snapshot) Priced(i int) bool {
	return i >= 0 && i < s.N && s.Price[i] > 0 && s.Mcap[i] > 0
}

// inIndex applies the fund-membership filter. In a current snapshot it
// reads the IWM/IJR weights; in a history snapshot the whole file is the
// modelled Russell-2000-like universe and the S&P-600-like rule selects
// the IJR (and "both") subset.
func (f Filter) inIndex(s *Snapshot, i int) bool {
	if s.Kind == "history" {
		switch f.Index {
		case IndexIJR, IndexBoth:
			return s.SP600[i]
		}
		return true
	}
	iwm, ijr := !math.IsNaN(s.IWM[i]), !math.IsNaN(s.IJR[i])
	switch f.Index {
	case IndexIWM:
		return iwm
	case IndexIJR:
		return ijr
	case IndexBoth:
		return iwm && ijr
	}
	return iwm || ijr
}

// NewScreen filters the snapshot and computes every percentile and factor
// score that does not depend on the weights. With SectorNeutral both the
// metric percentiles and the factor re-ranking are done within each sector
// (universe fallback below MinSectorSize present values); the composite
// percentile is always across the whole filtered universe. Call Score
// before reading Composite, CompositePct or Order.
func NewScreen(s *Snapshot, m *Metrics, o Options) *Screen {
	sc := &Screen{Snap: s, Opts: o, metrics: m}
	sc.rowPos = make([]int32, s.N)
	values := o.hasValues()
	for i := 0; i < s.N; i++ {
		sc.rowPos[i] = -1
		switch {
		case !s.Priced(i):
			if o.keepUnsized(s, i) && !(values && o.failsValue(s, m, i, true)) {
				sc.Unpriced = append(sc.Unpriced, int32(i))
			}
		case o.Keep(s, i) && !(values && o.failsValue(s, m, i, false)):
			sc.rowPos[i] = int32(len(sc.Members))
			sc.Members = append(sc.Members, int32(i))
		}
	}
	n := len(sc.Members)
	groups := sc.sectorGroups()

	financial := make([]bool, len(s.Sectors))
	for k, name := range s.Sectors {
		financial[k] = isFinancialSector(name)
	}
	vals := make([]float64, n)
	pos := make([]int32, 0, n)
	sc.rad.grow(n)
	for k := Metric(0); k < NumMetrics; k++ {
		mask := o.ExcludeFinancials && k.NotForFinancials()
		for j, row := range sc.Members {
			v := m.Value[k][row]
			if mask && int(s.Sector[row]) < len(financial) && financial[s.Sector[row]] {
				v = math.NaN()
			}
			vals[j] = v
		}
		pct := make([]float64, n)
		rankGrouped(vals, groups, pct, &sc.rad, pos)
		if !k.HigherIsBetter() {
			for j, p := range pct {
				pct[j] = 100 - p
			}
		}
		sc.MetricPct[k] = pct
	}

	sc.Coverage = make([]uint8, n)
	for f := Factor(0); f < NumFactors; f++ {
		ms := factorMetrics[f]
		for j := range vals {
			sum, cnt := 0.0, 0
			for _, k := range ms {
				if p := sc.MetricPct[k][j]; !math.IsNaN(p) {
					sum += p
					cnt++
				}
			}
			vals[j] = math.NaN()
			if 2*cnt >= len(ms) {
				vals[j] = sum / float64(cnt)
			}
		}
		pct := make([]float64, n)
		rankGrouped(vals, groups, pct, &sc.rad, pos)
		z := make([]float64, n)
		for j, p := range pct {
			z[j] = NormalScore(p)
			if !math.IsNaN(p) {
				sc.Coverage[j]++
			}
		}
		sc.FactorPct[f], sc.FactorZ[f] = pct, z
	}
	if o.hasPcts() {
		sc.applyPcts()
		n = len(sc.Members)
	}

	sc.Composite = nanSlice(n)
	sc.CompositePct = nanSlice(n)
	sc.Order = make([]int32, n)
	sc.tickerOrder = make([]int32, n)
	for j := range sc.tickerOrder {
		sc.tickerOrder[j] = int32(j)
	}
	sortByTicker(sc.tickerOrder, sc.Members, s.Ticker)
	copy(sc.Order, sc.tickerOrder)
	sc.rankOf = make([]int32, n)
	for p, j := range sc.Order {
		sc.rankOf[j] = int32(p)
	}
	return sc
}

// sectorGroups returns, when ranking is sector-neutral, the member
// positions of each sector; nil otherwise.
func (sc *Screen) sectorGroups() [][]int32 {
	if !sc.Opts.SectorNeutral {
		return nil
	}
	groups := make([][]int32, len(sc.Snap.Sectors))
	for j, row := range sc.Members {
		if sec := int(sc.Snap.Sector[row]); sec < len(groups) {
			groups[sec] = append(groups[sec], int32(j))
		}
	}
	return groups
}

// rankGrouped ranks vals (NaN = missing) across the whole set, then, for
// each group holding at least MinSectorSize non-missing values, re-ranks
// within the group. Members of smaller groups keep their universe-wide
// rank: the fallback for sectors too small to rank on their own.
// pos is scratch space of capacity len(vals).
func rankGrouped(vals []float64, groups [][]int32, out []float64, r *radix, pos []int32) {
	pos = pos[:0]
	for j, v := range vals {
		out[j] = math.NaN()
		if !math.IsNaN(v) {
			pos = append(pos, int32(j))
		}
	}
	rankSubsetWith(vals, pos, out, r)
	for _, g := range groups {
		pos = pos[:0]
		for _, j := range g {
			if !math.IsNaN(vals[j]) {
				pos = append(pos, j)
			}
		}
		if len(pos) >= MinSectorSize {
			rankSubsetWith(vals, pos, out, r)
		}
	}
}

// sortByTicker orders member positions by ticker; snapshots are written
// sorted by ticker, so usually this only checks.
func sortByTicker(pos, members []int32, ticker []string) {
	sorted := true
	for j := 1; j < len(pos); j++ {
		if ticker[members[pos[j-1]]] > ticker[members[pos[j]]] {
			sorted = false
			break
		}
	}
	if sorted {
		return
	}
	SortPositionsStable(pos, func(a, b int32) int { return strings.Compare(ticker[members[a]], ticker[members[b]]) })
}

// Pos returns the member position of snapshot row, or false when the row
// is filtered out.
func (sc *Screen) Pos(row int) (int, bool) {
	if row < 0 || row >= len(sc.rowPos) || sc.rowPos[row] < 0 {
		return 0, false
	}
	return int(sc.rowPos[row]), true
}

// cleanWeight treats negative, NaN and infinite weights as 0 so that Score
// cannot be poisoned by a bad slider value.
func cleanWeight(w float64) float64 {
	if w > 0 && !math.IsInf(w, 1) {
		return w
	}
	return 0
}

// Score computes Composite, CompositePct and Order for the weights. It
// reads only the precomputed FactorZ and never allocates.
func (sc *Screen) Score(w Weights) {
	for k := range w {
		w[k] = cleanWeight(w[k])
	}
	n := len(sc.Members)
	comp := sc.Composite[:n]
	for j := range comp {
		comp[j] = sc.composite(j, &w)
	}
	sc.sortByComposite()
	sc.percentilesFromOrder()
	if len(sc.rankOf) == n {
		for p, j := range sc.Order {
			sc.rankOf[j] = int32(p)
		}
	}
}

// composite is member j's Σ wₖzₖ / Σ wₖ under Opts.Missing (see
// Composite); w must be clean.
func (sc *Screen) composite(j int, w *Weights) float64 {
	if minCov := sc.Opts.MinCoverage; minCov > 0 && int(sc.Coverage[j]) < minCov {
		return math.NaN()
	}
	num, den, present := 0.0, 0.0, false
	for f := 0; f < NumFactors; f++ {
		if w[f] == 0 {
			continue
		}
		z := sc.FactorZ[f][j]
		switch {
		case z == z: // not NaN
			num += w[f] * z
			den += w[f]
			present = true
		case sc.Opts.Missing == MissingNeutral:
			den += w[f] // z = 0: the universe median
		case sc.Opts.Missing == MissingExclude:
			return math.NaN()
		}
	}
	if !present {
		return math.NaN()
	}
	return num / den
}

// sortByComposite fills Order by a stable radix sort on the composite
// (descending: the key is the complement of ascKey, NaN last), starting
// from ticker order, so ties stay in ticker order. O(n), no allocation, no
// comparator calls: the re-rank stays well inside the wasm budget.
func (sc *Screen) sortByComposite() {
	keys := sc.rad.keys[:len(sc.tickerOrder)]
	for p, j := range sc.tickerOrder {
		c := sc.Composite[j]
		if c != c {
			keys[p] = math.MaxUint64
		} else {
			keys[p] = ^ascKey(c)
		}
	}
	copy(sc.Order, sc.rad.sort(keys, sc.tickerOrder))
}

// percentilesFromOrder sets CompositePct from the sorted Order: Hazen
// percentiles among the members with a composite, ties averaged.
func (sc *Screen) percentilesFromOrder() {
	ord := sc.Order
	cnt := 0
	for cnt < len(ord) && !math.IsNaN(sc.Composite[ord[cnt]]) {
		cnt++
	}
	for _, j := range ord[cnt:] {
		sc.CompositePct[j] = math.NaN()
	}
	nf := float64(cnt)
	for i := 0; i < cnt; {
		k := i + 1
		for k < cnt && sc.Composite[ord[k]] == sc.Composite[ord[i]] {
			k++
		}
		// Descending positions i..k-1 hold ascending ranks cnt-i .. cnt-k+1.
		r := nf - float64(i+k-1)/2
		p := 100 * (r - 0.5) / nf
		for _, j := range ord[i:k] {
			sc.CompositePct[j] = p
		}
		i = k
	}
}

// Contributions returns member j's additive contributions wₖzₖ / Σw; they
// sum to Composite[j]. Σw runs over the weighted factors the composite
// counts (Opts.Missing): under MissingNeutral a missing factor's weight is
// in Σw and its contribution, 0, is reported as NaN so that it shows as
// missing. Present factors with zero weight contribute 0. All six are NaN
// for a member without a composite.
func (sc *Screen) Contributions(j int, w Weights) [NumFactors]float64 {
	var out [NumFactors]float64
	for f := range w {
		w[f] = cleanWeight(w[f])
	}
	unranked := j < 0 || j >= len(sc.Members) || math.IsNaN(sc.composite(j, &w))
	den := 0.0
	for f := 0; f < NumFactors; f++ {
		present := !unranked && !math.IsNaN(sc.FactorZ[f][j])
		if !present {
			out[f] = math.NaN()
		}
		if present || (!unranked && sc.Opts.Missing == MissingNeutral) {
			den += w[f]
		}
	}
	for f := 0; f < NumFactors; f++ {
		if !math.IsNaN(out[f]) && w[f] > 0 {
			out[f] = w[f] * sc.FactorZ[f][j] / den
		}
	}
	return out
}

// MissingWeighted lists the factors with a weight that member j lacks:
// the ones Opts.Missing decides about.
func (sc *Screen) MissingWeighted(j int, w Weights) []Factor {
	var out []Factor
	for f := Factor(0); f < NumFactors; f++ {
		if cleanWeight(w[f]) > 0 && j >= 0 && j < len(sc.Members) && math.IsNaN(sc.FactorZ[f][j]) {
			out = append(out, f)
		}
	}
	return out
}

// Rank is the 1-based position of member j in Order (after Score); 0 if
// j is out of range.
func (sc *Screen) Rank(j int) int {
	if j < 0 || j >= len(sc.Order) {
		return 0
	}
	if len(sc.rankOf) == len(sc.Order) {
		return int(sc.rankOf[j]) + 1
	}
	for p, q := range sc.Order { // hand-built Screen without the index
		if int(q) == j {
			return p + 1
		}
	}
	return 0
}
