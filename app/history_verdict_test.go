package main

import (
	"math"
	"strings"
	"testing"
	"time"

	"screener/engine"
)

// verdictWindow is one constructed yearly window: the top and bottom
// buckets' mean and median, the top N's return, IWM's and IJR's, and the
// buckets' largest returns.
type verdictWindow struct {
	topMean, botMean, topMed, botMed float64
	topN, iwm, ijr                   float64
	movers                           [2][]engine.Mover
}

// verdictResult builds a BacktestResult from windows as the engine
// summarises one (spreads under stat, added up; their mean, sd and t; the
// top N and the funds compounded), with a trailing to-last-price date
// that must never count.
func verdictResult(stat engine.Statistic, buckets int, ws []verdictWindow) *engine.BacktestResult {
	r := &engine.BacktestResult{Config: engine.BacktestConfig{Buckets: buckets, TopN: 30, Stat: stat}}
	var spreads, tops []float64
	var fundRet [][]float64
	for i, w := range ws {
		from := time.Date(2020+i, 6, 30, 0, 0, 0, 0, time.UTC)
		bs := make([]engine.BucketStat, buckets)
		for b := range bs {
			bs[b] = engine.BucketStat{N: 100, Mean: 0.1, Median: 0.1, Winsor: 0.1, CapW: 0.1}
		}
		bs[0].Mean, bs[0].Median, bs[0].Winsor, bs[0].CapW = w.botMean, w.botMed, w.botMean, w.botMean
		bs[buckets-1].Mean, bs[buckets-1].Median, bs[buckets-1].Winsor, bs[buckets-1].CapW = w.topMean, w.topMed, w.topMean, w.topMean
		d := engine.DateResult{AsOf: from.Format("2006-01-02"), Basis: engine.ForwardYear, From: from, To: from.AddDate(1, 0, 0),
			Buckets: bs, TopN: w.topN, Movers: w.movers}
		d.Spread = bs[buckets-1].Of(stat) - bs[0].Of(stat)
		r.Dates = append(r.Dates, d)
		spreads = append(spreads, d.Spread)
		tops = append(tops, w.topN)
		fundRet = append(fundRet, []float64{w.iwm, w.ijr, 0.05})
		r.Years++
		if d.Spread > 0 {
			r.SpreadWins++
		}
	}
	// The current snapshot's window: a huge positive spread that the
	// yearly summary must ignore.
	last := engine.DateResult{AsOf: "2025-11-24", Basis: engine.ForwardToLast, Spread: 5, TopN: 5,
		Buckets: make([]engine.BucketStat, buckets)}
	last.Buckets[buckets-1].Mean, last.Buckets[buckets-1].Median = 5, 5
	last.Movers[0] = []engine.Mover{{Ticker: "NOWX", Return: 99}}
	r.Dates = append(r.Dates, last)
	fundRet = append(fundRet, []float64{0, 0, 0})
	r.SpreadPath, r.TopNPath = engine.RunningSum(spreads), engine.Compound(tops)
	r.CumSpread, r.CumTopN = math.NaN(), math.NaN()
	if len(ws) > 0 {
		r.CumSpread, r.CumTopN = r.SpreadPath[len(spreads)-1], r.TopNPath[len(tops)-1]
	}
	r.MeanSpread, r.SDSpread, r.TStatSpread = engine.MeanSDT(spreads)
	r.WithFunds([]string{"IWM", "IJR", "VTWG"}, fundRet)
	return r
}

// verdictTexts are the sentences by id, with no-break spaces (which keep
// "t = 1.39" and "+93.3 pp" on one line) written as spaces.
func verdictTexts(l lang, r *engine.BacktestResult) map[string]histSentence {
	out := map[string]histSentence{}
	for _, s := range (&historyVerdict{Lang: l, R: r}).sentences() {
		s.Text = strings.ReplaceAll(s.Text, "\u00a0", " ")
		out[s.ID] = s
	}
	return out
}

func TestVerdictSpreadAnswers(t *testing.T) {
	win := func(top, bot float64) verdictWindow {
		return verdictWindow{topMean: top, botMean: bot, topMed: top, botMed: bot, topN: 0.1, iwm: 0.05, ijr: 0.05}
	}
	cases := []struct {
		name   string
		ws     []verdictWindow
		answer histAnswer
		text   string
	}{
		{"every window", []verdictWindow{win(0.2, 0.1), win(0.1, -0.1), win(0.05, 0), win(0.3, 0.1)}, histYes,
			"ahead in 4 of 4 yearly windows by the median; the spreads add up to +55.0 pp (t = 3.67)."},
		{"three of four", []verdictWindow{win(0.2, 0.1), win(-0.1, 0), win(0.05, 0), win(0.3, 0.1)}, histMostly,
			"ahead in 3 of 4 yearly windows by the median; the spreads add up to +25.0 pp (t = 1.00)."},
		{"half", []verdictWindow{win(0.2, 0.1), win(-0.1, 0), win(0.05, 0), win(-0.3, 0.1)}, histNo,
			"ahead in only 2 of 4 yearly windows by the median; the spreads add up to −35.0 pp (t = −0.78)."},
		{"most windows but a loss overall", []verdictWindow{win(0.02, 0), win(0.01, 0), win(0.01, 0), win(-0.9, 0)}, histNo,
			"ahead in 3 of 4 yearly windows by the median, but the losing years weigh more: the spreads add up to −86.0 pp (t = −0.94)."},
	}
	for _, c := range cases {
		s, ok := verdictTexts(langEN, verdictResult(engine.StatMedian, 5, c.ws))["hist-verdict-spread"]
		if !ok {
			t.Fatalf("%s: no spread sentence", c.name)
		}
		if s.Answer != c.answer || s.Text != c.text || s.Question != "Did the top quintile beat the bottom one?" {
			t.Errorf("%s:\n got %s %q %q\nwant %s %q", c.name, s.Answer, s.Question, s.Text, c.answer, c.text)
		}
	}
	// Deciles ask about deciles; Japanese says the same.
	r := verdictResult(engine.StatMedian, 10, cases[1].ws)
	if q := verdictTexts(langEN, r)["hist-verdict-spread"].Question; q != "Did the top decile beat the bottom one?" {
		t.Errorf("deciles question %q", q)
	}
	ja := verdictTexts(langJA, r)["hist-verdict-spread"]
	if want := "中央値で見ると4年中3年で上回り、年次スプレッドの合計は+25.0ポイント（t値 1.00）です。"; ja.Text != want || ja.Question != "スコア上位の十分位は下位の十分位を上回ったか？" {
		t.Errorf("Japanese: %q %q, want %q", ja.Question, ja.Text, want)
	}
	for _, c := range []struct {
		ws   []verdictWindow
		want string
	}{
		{cases[2].ws, "中央値で見ると上回ったのは4年中2年だけで、年次スプレッドの合計は−35.0ポイント（t値 −0.78）です。"},
		{cases[3].ws, "中央値で見ると4年中3年で上回りましたが、負けた年の差が大きく、年次スプレッドの合計は−86.0ポイント（t値 −0.94）です。"},
	} {
		if s := verdictTexts(langJA, verdictResult(engine.StatMedian, 5, c.ws))["hist-verdict-spread"]; s.Text != c.want || s.Answer != histNo {
			t.Errorf("Japanese %s %q, want no %q", s.Answer, s.Text, c.want)
		}
	}
	// The answer word in HTML, with the numbers for scripts.
	var w htmlWriter
	(&historyVerdict{Lang: langEN, R: verdictResult(engine.StatMedian, 5, cases[0].ws)}).write(&w)
	for _, want := range []string{`id="hist-verdict-spread" class="hist-q" data-answer="yes" data-wins="4" data-years="4"`,
		`<strong class="hist-answer yes">Yes</strong>: ahead in 4 of 4`} {
		if !strings.Contains(w.String(), want) {
			t.Errorf("verdict HTML lacks %s:\n%s", want, w.String())
		}
	}
	if r := verdictResult(engine.StatMedian, 5, nil); len(verdictTexts(langEN, r)) != 0 {
		t.Errorf("no yearly window, yet a verdict: %v", verdictTexts(langEN, r))
	}
}

func TestVerdictTopNAgainstFunds(t *testing.T) {
	ws := []verdictWindow{
		{topN: 0.20, iwm: 0.10, ijr: 0.25},
		{topN: -0.10, iwm: -0.20, ijr: -0.05},
		{topN: 0.30, iwm: 0.10, ijr: 0.10},
	}
	for i := range ws {
		ws[i].topMean, ws[i].topMed = 0.1, 0.1
	}
	s := verdictTexts(langEN, verdictResult(engine.StatMedian, 5, ws))["hist-verdict-topn"]
	// Top N: 1.2 × 0.9 × 1.3 − 1 = +40.4%; IWM 1.1 × 0.8 × 1.1 − 1 = −3.2%;
	// IJR 1.25 × 0.95 × 1.1 − 1 = +30.6%.
	want := "+40.4% compounded over 3 yearly windows, against IWM −3.2% (beaten in 3 of 3) and IJR +30.6% (beaten in 1 of 3)."
	if s.Answer != histYes || s.Text != want || s.Question != "Did my top 30 beat IWM / IJR?" {
		t.Errorf("got %s %q %q\nwant yes %q", s.Answer, s.Question, s.Text, want)
	}
	ja := verdictTexts(langJA, verdictResult(engine.StatMedian, 5, ws))["hist-verdict-topn"]
	if want := "3年分の累積は+40.4%で、比較対象はIWM −3.2%（3年中3年で上回る）、IJR +30.6%（3年中1年で上回る）です。"; ja.Text != want {
		t.Errorf("Japanese %q, want %q", ja.Text, want)
	}
	ws[2].topN = 0.05 // 1.2 × 0.9 × 1.05 − 1 = +13.4%: beats IWM only
	if s := verdictTexts(langEN, verdictResult(engine.StatMedian, 5, ws))["hist-verdict-topn"]; s.Answer != histPartly {
		t.Errorf("beating one fund: %s %q", s.Answer, s.Text)
	}
	ws[2].topN = -0.2
	if s := verdictTexts(langEN, verdictResult(engine.StatMedian, 5, ws))["hist-verdict-topn"]; s.Answer != histNo ||
		!strings.HasPrefix(s.Text, "−13.6% compounded") {
		t.Errorf("beating neither: %s %q", s.Answer, s.Text)
	}
}

func TestVerdictMeanMedianFlip(t *testing.T) {
	m := func(tk string, r float64) engine.Mover { return engine.Mover{Ticker: tk, Return: r} }
	ws := []verdictWindow{
		// Both agree (positive): its movers are never named.
		{topMean: 0.3, botMean: 0.1, topMed: 0.2, botMed: 0.1,
			movers: [2][]engine.Mover{{m("AGREE", 50)}, {m("AGREET", 60)}}},
		// The mean's spread is negative, the median's positive: a few
		// huge winners among the lowest scores.
		{topMean: 0.1, botMean: 0.9, topMed: 0.15, botMed: 0.05,
			movers: [2][]engine.Mover{{m("XYZ", 31), m("ABC", 9), m("LOW", 2)}, {m("TOPX", 40)}}},
		{topMean: 0.0, botMean: 0.4, topMed: 0.1, botMed: 0.0,
			movers: [2][]engine.Mover{{m("DEF", 12), m("XYZ", 8)}, {m("TOPY", 30)}}},
	}
	r := verdictResult(engine.StatMedian, 5, ws)
	en := verdictTexts(langEN, r)
	// Median: 0.1 + 0.1 + 0.1 = +30 pp; mean: 0.2 − 0.8 − 0.4 = −100 pp.
	if sp := en["hist-verdict-spread"]; sp.Answer != histYes {
		t.Errorf("median spread answer %s %q", sp.Answer, sp.Text)
	}
	f, ok := en["hist-verdict-flip"]
	want := "by the mean the answer flips to −100.0 pp: a few extreme returns decide it — XYZ +3,100% (2021), DEF +1,200% (2022), ABC +900% (2021)."
	if !ok || f.Answer != histNo || f.Question != "Does the mean agree?" || f.Text != want {
		t.Errorf("flip:\n got %v %s %q %q\nwant %q", ok, f.Answer, f.Question, f.Text, want)
	}
	ja := verdictTexts(langJA, r)["hist-verdict-flip"]
	if want := "平均で見ると結論が逆転し、合計は−100.0ポイントです。ごく一部の極端なリターンで決まっています：XYZ +3,100%（2021年）、DEF +1,200%（2022年）、ABC +900%（2021年）。"; ja.Text != want || ja.Question != "平均でも同じ結論か？" {
		t.Errorf("Japanese flip %q %q, want %q", ja.Question, ja.Text, want)
	}

	// Chosen the mean: the median is the one that flips it.
	rm := verdictResult(engine.StatMean, 5, ws)
	em := verdictTexts(langEN, rm)
	if sp := em["hist-verdict-spread"]; sp.Answer != histNo || sp.Text != "ahead in only 1 of 3 yearly windows by the mean; the spreads add up to −100.0 pp (t = −1.15)." {
		t.Errorf("mean spread %s %q", sp.Answer, sp.Text)
	}
	if f := em["hist-verdict-flip"]; f.Question != "Does the median agree?" ||
		!strings.HasPrefix(f.Text, "by the median the answer flips to +30.0 pp: the mean rests on a few extreme returns — XYZ +3,100% (2021)") {
		t.Errorf("mean chosen, flip %q %q", f.Question, f.Text)
	}

	// Where mean and median agree on the sum, no flip sentence.
	ws[1].botMean, ws[2].botMean = 0.05, 0.0
	if f, ok := verdictTexts(langEN, verdictResult(engine.StatMedian, 5, ws))["hist-verdict-flip"]; ok {
		t.Errorf("mean and median agree, yet %q", f.Text)
	}

	// Sums that disagree without a window that does: every window's
	// names count, by the side the mean moved.
	ws2 := []verdictWindow{
		{topMean: 0.05, botMean: 0.0, topMed: 0.5, botMed: 0.0, movers: [2][]engine.Mover{{m("B1", 3)}, {m("T1", 4)}}},
		{topMean: -0.5, botMean: 0.0, topMed: -0.1, botMed: 0.0, movers: [2][]engine.Mover{{m("B2", 5)}, {m("T2", 6)}}},
	}
	f2, ok := verdictTexts(langEN, verdictResult(engine.StatMedian, 5, ws2))["hist-verdict-flip"]
	if !ok || !strings.HasSuffix(f2.Text, "— B2 +500% (2021), B1 +300% (2020).") {
		t.Errorf("no disagreeing window: %v %q", ok, f2.Text)
	}
}

func TestVerdictFormats(t *testing.T) {
	for _, c := range []struct {
		x    float64
		want string
	}{{31, "+3,100%"}, {-0.5, "−50%"}, {0.004, "+0%"}, {math.NaN(), missingText}} {
		if got := histWholePct(c.x); got != c.want {
			t.Errorf("histWholePct(%v) = %q, want %q", c.x, got, c.want)
		}
	}
	if got := histPP(langEN, -1.143); got != "−114.3\u00a0pp" {
		t.Errorf("histPP = %q", got)
	}
	if got := histPP(langJA, 0.933); got != "+93.3ポイント" {
		t.Errorf("histPP ja = %q", got)
	}
	if got := histPP(langEN, math.NaN()); got != missingText {
		t.Errorf("histPP NaN = %q", got)
	}
}
