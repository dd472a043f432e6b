package data

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// The history universes. A year with a real membership list
// (membership.go) uses it: every member with a price and a share count on
// the snapshot date is in, nobody else (modelled false). The other years
// are modelled on FTSE Russell's method (modelled true), and the model is
// also built for the real years and measured against their lists
// (universe_check), so that the modelled years can be judged.
//
// The model (Russell US Indexes, Construction and Methodology, FTSE
// Russell, v5.x 2021–2025: "4.0 Basic methodology", "5.0 Defining eligible
// securities"): companies are ranked by TOTAL market capitalization (all
// share classes, not float) on the rank day of the June reconstitution;
// the largest 1,000 form the Russell 1000, the next 2,000 the Russell
// 2000. A company needs a total market cap of at least $30 million on
// rank day (minTotalCap). Here: US companies of the data (the same US
// rule as before) with a price and a share count on rank day; market
// cap = adjusted close × the newest share count published by then. The
// Russell 2000 range is the published breakpoints of the year where
// they could be sourced (russellYears), else ranks 1,001–3,000 of the
// companies in the data. Left out, and a source of difference from the
// real list: banding (existing members stay while within ±2.5% of the
// cumulative market cap around the 1,000th company), the $1 price floor
// (adjusted closes are not the price of the day: later reverse splits
// and dividends move them), float and voting-rights rules, quarterly IPO
// additions, and every company the data lacks (no price file, no
// statements).

// minTotalCap is Russell's minimum total market cap on rank day, USD millions.
const minTotalCap = 30.0

// russellYear is one June reconstitution: its rank day and the published
// Russell 1000/2000 breakpoint (upper) and smallest Russell 2000 company
// (lower), USD millions of total market cap on rank day; 0 = not sourced,
// the rank (1,000 / 3,000) decides instead.
type russellYear struct {
	rankDay      string
	upper, lower float64
}

// russellYears: where the numbers come from.
//
//   - Rank days: FTSE Russell's published reconstitution schedules — 2020:
//     May 8 (Callan, "What investors should know about this year's Russell
//     reconstitution", 2020); 2021: May 7 (CME Group, "2021 Russell index
//     reconstitution results"); 2022: May 6 (LSEG press release "FTSE
//     Russell begins 34th annual Russell US Indexes Reconstitution",
//     2022-06-03); 2023: April 28, "the last business day of April" from
//     2023 on (FTSE Russell 2023 schedule, Mondo Visione 2023; LSEG "2023
//     Russell Reconstitution recap"); 2024: April 30 (FTSE Russell 2024
//     schedule, Mondo Visione 2024-03-01); 2025: April 30 (FTSE Russell
//     2025 schedule, Traders Magazine).
//   - 2020: breakpoint "decreased by more than 16% to $3 billion" (Callan,
//     above); smallest Russell 2000 company $94.8 million ("market cap
//     ranging from $4.4 billion to $94.8 million", Cboe Options Hub, "The
//     32nd annual Russell index reconstitution explained", 2020, citing
//     FTSE Russell).
//   - 2021: breakpoint $5.2 billion: the 2022 press release (above) says it
//     "decreased by 11.5% to $4.6 billion" (4.6 / 0.885 = 5.2), and the
//     2021 one ("FTSE Russell begins 33rd annual reconstitution", Mondo
//     Visione 2021-06-04) that it "increased by 73%" (3.0 × 1.73 = 5.2).
//     Smallest company: not sourced, rank 3,000.
//   - 2022: breakpoint $4.6 billion (2022 press release). Smallest: rank.
//   - 2023: neither sourced: ranks 1,001–3,000.
//   - 2024: Russell 3000 low $150.4 million "as of April 30, 2024" (FTSE
//     Russell, Russell Reconstitution page, market capitalization
//     ranges). Its Russell 1000 low ($2.4 billion) is after banding, not
//     the breakpoint: rank 1,000.
//   - 2025: neither sourced: ranks 1,001–3,000.
var russellYears = map[int]russellYear{
	2020: {"2020-05-08", 3000, 94.8},
	2021: {"2021-05-07", 5200, 0},
	2022: {"2022-05-06", 4600, 0},
	2023: {"2023-04-28", 0, 0},
	2024: {"2024-04-30", 0, 150.4},
	2025: {"2025-04-30", 0, 0},
}

// yearRule is the model of year y: the table's entry, else the last
// business day of April with ranks only.
func (e *buildEnv) yearRule(y int) russellYear {
	if ry, ok := e.years[y]; ok {
		return ry
	}
	d := mustDay(fmt.Sprintf("%04d-04-30", y))
	for d.Time().Weekday() == 0 || d.Time().Weekday() == 6 {
		d--
	}
	return russellYear{rankDay: d.String()}
}

// sized is a stock filled and sized on day d; ok is false, with the
// reason, unless it has a price and a share count there. A
// prices-to-2024/ series must also own the share count (shareCovered).
func (e *buildEnv) sized(ticker string, s *series, c *company, old bool, d Day) (r *row, why string) {
	r = &row{ticker: ticker, iwm: math.NaN(), ijr: math.NaN(), src: s, comp: c, old: old, key: tickerKey(ticker), asofDay: d}
	if c != nil {
		r.key = c.key
	}
	e.fill(r, s, c, d)
	sizeRow(r, nil)
	switch {
	case math.IsNaN(r.price):
		return r, "no_price"
	case !(r.mcap > 0):
		return r, "no_shares"
	case old && !shareCovered(r, s):
		return r, "no_shares"
	}
	return r, ""
}

// modelUniverse is the modelled Russell 2000 of one year.
type modelUniverse struct {
	ry       russellYear
	rankDay  Day
	top      float64 // sizeTop: 3x the breakpoint (NaN: unknown)
	pool     int     // eligible companies ranked on rank day
	inRange  int     // in the Russell 2000 range on rank day
	rows     []*row  // of those, the ones priced with shares on asof (filled on asof)
	rule     string  // the range, for texts
	fromOld  int     // rows priced from prices-to-2024/
	oldShare int     // prices-to-2024/ candidates whose share count predates the series
}

// model ranks the pool on the year's rank day and keeps the Russell 2000
// range; nothing forward-looking enters: the rows are filled on asof,
// forward returns come later.
func (e *buildEnv) model(asof Day) modelUniverse {
	ry := e.yearRule(asof.Time().Year())
	m := modelUniverse{ry: ry, rankDay: mustDay(ry.rankDay)}
	var cands []*row
	for _, pe := range e.pool {
		if !e.isUS(tickerKey(pe.s.ticker), pe.c) {
			continue
		}
		r, why := e.sized(pe.s.ticker, pe.s, pe.c, pe.old, m.rankDay)
		if why != "" {
			if pe.old && why == "no_shares" && r.mcap > 0 {
				m.oldShare++
			}
			continue
		}
		if r.mcap < minTotalCap {
			continue
		}
		cands = append(cands, r)
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].mcap != cands[j].mcap {
			return cands[i].mcap > cands[j].mcap
		}
		return cands[i].ticker < cands[j].ticker
	})
	m.pool = len(cands)
	bp := ry.upper
	if bp <= 0 && e.rankFirst > 1 && len(cands) >= e.rankFirst-1 {
		bp = cands[e.rankFirst-2].mcap // the 1,000th company of the data on rank day
	}
	m.top = math.NaN()
	if bp > 0 {
		m.top = sizeTopFactor * bp
	}
	for i, r := range cands {
		rank := i + 1
		if ry.upper > 0 && r.mcap >= ry.upper || ry.upper <= 0 && rank < e.rankFirst {
			continue
		}
		if ry.lower > 0 && r.mcap < ry.lower || ry.lower <= 0 && rank > e.rankLast {
			continue
		}
		m.inRange++
		a, why := e.sized(r.ticker, r.src, r.comp, r.old, asof)
		if why != "" {
			continue
		}
		checkSize(a, r, m.top, m.rankDay)
		if a.old {
			m.fromOld++
		}
		m.rows = append(m.rows, a)
	}
	var rng string
	switch {
	case ry.upper > 0 && ry.lower > 0:
		rng = fmt.Sprintf("between the published breakpoints: below %s (Russell 1000/2000) and at least %s (the smallest Russell 2000 company)", usdMillions(ry.upper), usdMillions(ry.lower))
	case ry.upper > 0:
		rng = fmt.Sprintf("below the published Russell 1000/2000 breakpoint of %s, down to rank %s (no published lower breakpoint found)", usdMillions(ry.upper), commas(e.rankLast))
	case ry.lower > 0:
		rng = fmt.Sprintf("from rank %s (no published Russell 1000/2000 breakpoint found) down to the published smallest Russell 2000 company, %s", commas(e.rankFirst), usdMillions(ry.lower))
	default:
		rng = fmt.Sprintf("ranks %s-%s (no published breakpoints found)", commas(e.rankFirst), commas(e.rankLast))
	}
	m.rule = fmt.Sprintf("ranked by total market cap (adjusted close x newest share count) on %s, FTSE Russell's rank day, among %s US companies of the data with at least %s: %s",
		ry.rankDay, commas(m.pool), usdMillions(minTotalCap), rng)
	return m
}

// listUniverse is a real list's universe on asof and what became of its
// members.
type listUniverse struct {
	l                                             *realList
	rows                                          []*row
	listed, noPriceFile, noPrice, noShares, merge int
	fromOld                                       int
}

// listUniverse resolves every member of l on asof: its price series
// (prices/, share-class fallbacks, then prices-to-2024/ where the
// company owns it) and statements. Share classes of one company (MOG-A,
// MOG-B) become one row, the company's. A member with neither a price
// and a share count is out, counted by reason.
func (e *buildEnv) listUniverse(asof Day, l *realList, rankDay Day, top float64) listUniverse {
	lu := listUniverse{l: l, listed: len(l.members)}
	type outcome struct {
		r   *row
		why string
	}
	var order []string
	byCompany := map[string][]outcome{}
	for _, mb := range l.members {
		name := mb.name
		if name == "" {
			if in, ok := e.info[tickerKey(mb.ticker)]; ok {
				name = in.name
			}
		}
		c := e.companyFor(mb.ticker, name)
		s, old := e.priceFor(mb.ticker, name), false
		if s != nil && c != nil && !e.owns(c, s) {
			s = nil // another company's series under the same ticker
		}
		if s == nil {
			for _, k := range classCandidates(mb.ticker, name) {
				if o := e.old.byKey[k]; o != nil && (c == nil || e.owns(c, o)) {
					s, old = o, true
					break
				}
			}
		}
		gk := tickerKey(mb.ticker)
		if c != nil {
			gk = c.key
		}
		if _, seen := byCompany[gk]; !seen {
			order = append(order, gk)
		}
		if s == nil {
			byCompany[gk] = append(byCompany[gk], outcome{nil, "no_price_file"})
			continue
		}
		r, why := e.sized(mb.ticker, s, c, old, asof)
		if why == "" {
			rk, rwhy := e.sized(mb.ticker, s, c, old, rankDay)
			if rwhy != "" {
				rk = nil
			}
			checkSize(r, rk, top, rankDay)
		}
		byCompany[gk] = append(byCompany[gk], outcome{r, why})
	}
	for _, gk := range order {
		outs := byCompany[gk]
		lu.merge += len(outs) - 1
		var best *outcome
		for i := range outs {
			if outs[i].why == "" {
				best = &outs[i]
				break
			}
		}
		if best == nil {
			switch outs[0].why {
			case "no_price_file":
				lu.noPriceFile++
			case "no_price":
				lu.noPrice++
			default:
				lu.noShares++
			}
			continue
		}
		if best.r.old {
			lu.fromOld++
		}
		lu.rows = append(lu.rows, best.r)
	}
	return lu
}

// History size check. A history universe is the Russell 2000 (real) or a
// model of it (ranked on rank day), and history has no fund evidence of
// each company's size (shares.go) to catch a wrong one: an adjusted close
// rescaled by a later reverse split, or a share count 1,000x off that its
// neighbours share. A member's market cap on the snapshot date is not a
// Russell 2000 member's size, and shares and mcap are nulled (flag
// mcap_unsupported, noted for the report; the stock stays in the
// universe), when it is
//
//   - below sizeBottom (a third of Russell's $30M minimum), or
//   - above sizeTopFactor times the year's Russell 1000/2000 breakpoint
//     (the published one, else the 1,000th company of the data on rank
//     day), and it was above that on rank day too (or had no size then),
//     or its share count moved more than shareJumpMax times since. A
//     member above the bound on the date but not on rank day, with its
//     count unchanged, rose that much: kept.
//
// The list (real years) or the rank-day range (modelled years) is the
// evidence; a market cap off by less than these bounds (a later 1:5
// reverse split, say) stays undetected.
const (
	sizeTopFactor = 3.0
	sizeBottom    = minTotalCap / 3
	shareJumpMax  = 5.0
)

// checkSize applies the size tests to r (sized on asof) given rk, the
// same stock sized on rank day (nil: no price or count then) and the
// upper bound top (NaN: no breakpoint known, no upper test).
func checkSize(r, rk *row, top float64, rankDay Day) {
	sharesJumped := rk != nil && (r.shares > shareJumpMax*rk.shares || rk.shares > shareJumpMax*r.shares)
	why := ""
	switch {
	case r.mcap < sizeBottom:
		why = fmt.Sprintf("market cap %s on %s is below %s: not a Russell 2000 member's size", usdMillions(r.mcap), r.asofDay, usdMillions(sizeBottom))
	case r.mcap > top && (rk == nil || rk.mcap > top || sharesJumped):
		why = fmt.Sprintf("market cap %s on %s is more than %gx the Russell 1000/2000 breakpoint (%s)", usdMillions(r.mcap), r.asofDay, sizeTopFactor, usdMillions(top/sizeTopFactor))
		switch {
		case rk == nil:
			why += ", with no size on rank day " + rankDay.String()
		case sharesJumped:
			why += fmt.Sprintf(", its share count %sx the one on rank day %s", fmtSig(r.shares/rk.shares, 3), rankDay)
		default:
			why += fmt.Sprintf(", and %s on rank day %s", usdMillions(rk.mcap), rankDay)
		}
		why += ": not a Russell 2000 member's size (an adjusted close rescaled by a later reverse split, or a share count in other units)"
	}
	if why == "" {
		return
	}
	old := fmt.Sprintf("shares %s M (%s) mcap %s", fmtSig(r.shares, 5), dayFromYMD(r.shEnd), fmtSig(r.mcap, 5))
	r.shares, r.mcap = math.NaN(), math.NaN()
	r.flags |= 1 << FlagMcapUnsupported
	r.corr = append(r.corr, Correction{Ticker: r.ticker, Rule: flagNames[FlagMcapUnsupported], Old: old, New: "null", Reason: why})
}

// universeCheck measures the model against a real list on the snapshot
// date: members of each (priced with shares on asof), those in both, the
// shares of each list in the other, and the weight overlap (the sum over
// companies of the smaller of their market-cap weights in the two).
type universeCheck struct {
	listed, noPriceFile, noPrice, noShares, merged int
	real, model, overlap                           int
	realInModel, modelInReal, weightOverlap        float64
	rule                                           string
}

func compareUniverses(lu listUniverse, m modelUniverse) universeCheck {
	uc := universeCheck{listed: lu.listed, noPriceFile: lu.noPriceFile, noPrice: lu.noPrice, noShares: lu.noShares, merged: lu.merge,
		real: len(lu.rows), model: len(m.rows), rule: m.rule}
	weights := func(rows []*row) map[string]float64 {
		w, sum := map[string]float64{}, 0.0
		for _, r := range rows {
			if r.mcap > 0 {
				sum += r.mcap
			}
		}
		for _, r := range rows {
			if r.mcap > 0 {
				w[r.key] += r.mcap / sum
			}
		}
		return w
	}
	wr, wm := weights(lu.rows), weights(m.rows)
	inModel := map[string]bool{}
	for _, r := range m.rows {
		inModel[r.key] = true
	}
	for _, r := range lu.rows {
		if inModel[r.key] {
			uc.overlap++
			uc.weightOverlap += math.Min(wr[r.key], wm[r.key])
		}
	}
	uc.realInModel = float64(uc.overlap) / math.Max(1, float64(uc.real))
	uc.modelInReal = float64(uc.overlap) / math.Max(1, float64(uc.model))
	return uc
}

func (uc universeCheck) line(year int) string {
	return fmt.Sprintf("universe check %d: real list %d members (%d listed; %d without a price file, %d without a price on the date, %d without a share count, %d share classes merged), model %d; in both %d = %.1f%% of the real list, %.1f%% of the model; weight overlap %.1f%%",
		year, uc.real, uc.listed, uc.noPriceFile, uc.noPrice, uc.noShares, uc.merged, uc.model, uc.overlap, 100*uc.realInModel, 100*uc.modelInReal, 100*uc.weightOverlap)
}

// usdMillions renders a USD-millions amount as "$94.8M" / "$3.0B".
func usdMillions(v float64) string {
	switch {
	case v >= 1000:
		return fmt.Sprintf("$%.1fB", v/1000)
	case v < 1:
		return "$" + fmtSig(v, 2) + "M"
	}
	return "$" + strings.TrimSuffix(fmt.Sprintf("%.1f", v), ".0") + "M"
}

// commas renders 3000 as "3,000".
func commas(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
