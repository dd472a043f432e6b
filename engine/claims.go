package engine

import "math"

// ClaimInputs are the snapshots the claims are tested on: the funds'
// daily closes (daily.json), the small-cap snapshot (current.json: IWM
// and IJR holdings), the large-cap one (largecap.json) and the fund
// facts (funds.json). A nil input leaves the claims that need it
// untestable, with the reason.
type ClaimInputs struct {
	Daily *DailyPrices
	Small *Snapshot
	Large *Snapshot
	Funds *Funds
}

// Unit says how a ClaimValue reads.
type Unit uint8

const (
	UnitPct   Unit = iota // a fraction shown as a percentage (returns, discounts)
	UnitRatio             // a multiple (P/E 19.6, debt/EBITDA 3.2)
	UnitDays              // a count of trading days
	UnitUSDbn             // billions of USD
	UnitYesNo             // 1 yes, 0 no
	UnitCount             // a number of companies
	numUnits
)

var unitKeys = [numUnits]string{"pct", "ratio", "days", "usd_bn", "yes_no", "count"}

// Key is the unit's stable name.
func (u Unit) Key() string { return keyAt(unitKeys[:], int(u)) }

// ClaimValue is one computed number, named after its definition.
type ClaimValue struct {
	// Key names the definition ("iwm_ytd_return", "pe_harmonic_profitable_iwm"):
	// the claims command's JSON key and the name the Claims view shows.
	Key   string
	Value float64
	Unit  Unit
	// Target names the claimed quantity this value estimates; values of
	// the same Target are variants side by side, the first the primary
	// definition (chosen before looking at the result) that the verdict
	// uses. "" for a value shown for context only.
	Target string
	// Claimed is the article's number for Target (NaN: none).
	Claimed float64
	// Closest marks the variant nearest the claimed number: said, never
	// used as the answer.
	Closest bool
	// From and To are the dates the value covers (closes used, or the
	// snapshot date in To); Source the file it comes from.
	From, To, Source string
}

// ClaimChart is the small picture of a card: a line of a price ratio
// with its new highs marked, daily bars of A's return minus B's, or
// pairs of bars small against large.
type ClaimChart struct {
	Kind   string // "ratio", "bars", "pairs"
	Points []ChartPoint
	Pairs  []ChartPair
}

// ChartPoint is one day of a ratio line (Mark: a new high; Ref: the
// highest ratio of the window before the day, NaN for none) or of the
// daily bars (Mark: part of the longest run, or the day shown).
type ChartPoint struct {
	Day        Day
	Value, Ref float64
	Mark       bool
}

// ChartPair is one definition measured for the small and the large group.
type ChartPair struct {
	Key          string
	Small, Large float64
}

// ClaimCard is one claim tested: its id (the article's claim), its
// numbers, the verdict and, for a verdict of VerdictCannot or a partial
// test, the key of the reason.
type ClaimCard struct {
	ID, Article string
	Values      []ClaimValue
	Verdict     Verdict
	// Why is the key of the card's note (why it cannot be tested, or what
	// the test leaves out); "" for none. Err is the data error that made
	// a testable claim untestable here (a missing file or series).
	Why, Err string
	Chart    *ClaimChart
}

// Article keys, in the order the claims are listed.
const (
	ArticleBrokerVideo = "broker_video_2026_01"
	ArticleUSJan       = "us_commentary_2026_01"
	ArticleUSOct       = "us_commentary_2025_10"
	ArticleETFBlog     = "etf_blog_2025_09"
	ArticleBrokerNote  = "broker_note_2026_03"
)

// ClaimArticles are the article keys in display order.
func ClaimArticles() []string {
	return []string{ArticleBrokerVideo, ArticleUSJan, ArticleUSOct, ArticleETFBlog, ArticleBrokerNote}
}

// ClaimNoteKeys are every ClaimCard.Why a card can carry (the UI has a
// text for each).
func ClaimNoteKeys() []string {
	return []string{"a1_date_unknown", "a2_ebitda", "a3_no_floating", "a4_window", "pe_one_date", "ratio_window", "a8_history",
		"a9_twenty_years", "c4_facts_date", "d1_forward", "d2_date", "d3_partial", "adjusted_closes", "b2_since_2000",
		"b3_mom12_1", "b4_forecasts", "data_missing"}
}

// ClaimIDs are the claims in display order, grouped by article.
func ClaimIDs() []string {
	return []string{"A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "C1", "C2", "C3", "C4", "D1", "D2", "D3", "E1", "E2", "B1", "B2", "B3", "B4"}
}

// Claims tests every claim on in, in ClaimIDs order.
func Claims(in ClaimInputs) []ClaimCard {
	fns := map[string]func(ClaimInputs) ClaimCard{
		"A1": claimA1, "A2": claimA2, "A3": claimA3, "A4": claimA4, "A5": claimA5, "A6": claimA6, "A7": claimA7, "A8": claimA8, "A9": claimA9,
		"C1": claimC1, "C2": claimC2, "C3": claimC3, "C4": claimC4,
		"D1": claimD1, "D2": claimD2, "D3": claimD3, "E1": claimE1, "E2": claimE2,
		"B1": claimB1, "B2": claimB2, "B3": claimB3, "B4": claimB4,
	}
	var out []ClaimCard
	for _, id := range ClaimIDs() {
		c := fns[id](in)
		c.ID = id
		markClosest(c.Values)
		out = append(out, c)
	}
	return out
}

// markClosest sets Closest on the value of each Target nearest its
// claimed number, where the Target has two variants or more.
func markClosest(vs []ClaimValue) {
	best, n := map[string]int{}, map[string]int{}
	for i, v := range vs {
		if v.Target == "" || math.IsNaN(v.Claimed) || math.IsNaN(v.Value) {
			continue
		}
		n[v.Target]++
		j, ok := best[v.Target]
		if !ok || math.Abs(v.Value-v.Claimed) < math.Abs(vs[j].Value-vs[j].Claimed) {
			best[v.Target] = i
		}
	}
	for t, i := range best {
		vs[i].Closest = n[t] > 1
	}
}

// primaryVerdicts judges the primary (first) value of each Target with
// judge; the card's verdict is the worst of them.
func primaryVerdicts(vs []ClaimValue, judge func(v ClaimValue) Verdict) Verdict {
	seen := map[string]bool{}
	var out []Verdict
	for _, v := range vs {
		if v.Target == "" || seen[v.Target] {
			continue
		}
		seen[v.Target] = true
		out = append(out, judge(v))
	}
	return worst(out...)
}

// judgeByUnit is the default judgement of a value against its claim.
func judgeByUnit(v ClaimValue) Verdict {
	switch v.Unit {
	case UnitPct:
		return Judge(v.Value, v.Claimed, ReturnFloor)
	case UnitDays:
		return Judge(v.Value, v.Claimed, DaysFloor)
	case UnitYesNo:
		return JudgeYes(v.Value == v.Claimed)
	}
	return Judge(v.Value, v.Claimed, 0)
}

// cannot is a card the data cannot test, with the reason's key.
func cannot(article, why string) ClaimCard {
	return ClaimCard{Article: article, Verdict: VerdictCannot, Why: why}
}

// failed is a testable card that a missing input left untested.
func failed(article string, err error) ClaimCard {
	return ClaimCard{Article: article, Verdict: VerdictCannot, Why: "data_missing", Err: err.Error()}
}

// mustDay is ParseDay for the claims' constant dates.
func mustDay(s string) Day {
	d, err := ParseDay(s)
	if err != nil {
		panic("engine: bad constant date " + s)
	}
	return d
}

// retValue is a PeriodReturn as a value (its cumulative return, or its
// annualised one).
func retValue(key, target string, claimed float64, r PeriodReturn, annualised bool) ClaimValue {
	v := r.Return
	if annualised {
		v = r.Annualised
	}
	return ClaimValue{Key: key, Value: v, Unit: UnitPct, Target: target, Claimed: claimed,
		From: r.FromUsed.String(), To: r.ToUsed.String(), Source: "daily.json (prices/" + r.Ticker + ".csv)"}
}

// returns computes several returns over one period, stopping at the
// first missing series.
func (dp *DailyPrices) returns(from, to Day, tickers ...string) ([]PeriodReturn, error) {
	out := make([]PeriodReturn, len(tickers))
	for i, t := range tickers {
		r, err := dp.Return(t, from, to)
		if err != nil {
			return nil, err
		}
		out[i] = r
	}
	return out, nil
}

// errNoInput is the error of a claim whose input file did not load.
type errNoInput string

func (e errNoInput) Error() string { return string(e) + " is not loaded" }

// need checks the inputs a claim reads.
func (in ClaimInputs) need(daily, small, large, funds bool) error {
	switch {
	case daily && in.Daily == nil:
		return errNoInput("daily.json")
	case small && in.Small == nil:
		return errNoInput("current.json")
	case large && in.Large == nil:
		return errNoInput("largecap.json")
	case funds && in.Funds == nil:
		return errNoInput("funds.json")
	}
	return nil
}
