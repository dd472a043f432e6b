package main

import (
	"fmt"
	"math"
	"strings"

	"screener/engine"
)

// historyVerdict answers the History view's questions in plain sentences,
// above everything else, from the same numbers as the cards, charts and
// tables below it (engine.BacktestResult over the yearly windows):
//
//   - Did the top bucket beat the bottom? Yes (every yearly window),
//     mostly (more than half, and the spreads add up to a gain) or no, by
//     the chosen statistic, with the spreads added up and their t.
//   - Did the top N beat IWM and IJR? Compounded, and window by window.
//   - Where the mean and the median disagree on the sign of the added-up
//     spread, which of them flips the answer, and the few extreme returns
//     (DateResult.Movers) that decide the mean.
type historyVerdict struct {
	Lang lang
	R    *engine.BacktestResult
}

// histAnswer is a verdict's one-word answer: its key names the CSS class
// and the text ("hist.verdict."+key).
type histAnswer string

const (
	histYes    histAnswer = "yes"
	histMostly histAnswer = "mostly"
	histPartly histAnswer = "partly"
	histNo     histAnswer = "no"
)

// histSentence is one question and its answer; Data are data-* attribute
// pairs for scripts and tests.
type histSentence struct {
	ID       string
	Answer   histAnswer
	Question string
	Text     string
	Data     []string
}

func (v *historyVerdict) write(w *htmlWriter) {
	l := histLang{v.Lang}
	w.open("section", "id", "hist-verdict", "class", "hist-verdict", "aria-labelledby", "hist-verdict-title")
	w.elem("h3", l.t("hist.verdict.title"), "id", "hist-verdict-title")
	w.open("dl")
	for _, s := range v.sentences() {
		w.open("div", append([]string{"id", s.ID, "class", "hist-q", "data-answer", string(s.Answer)}, s.Data...)...)
		w.elem("dt", s.Question)
		w.open("dd")
		w.elem("strong", l.t("hist.verdict."+string(s.Answer)), "class", "hist-answer "+string(s.Answer))
		w.text(l.t("hist.verdict.colon") + s.Text)
		w.close("dd")
		w.close("div")
	}
	w.close("dl")
	w.close("section")
}

// sentences are the verdict's questions with their answers, in order;
// a question without the numbers to answer it is left out.
func (v *historyVerdict) sentences() []histSentence {
	l := histLang{v.Lang}
	r := v.R
	var out []histSentence
	if sv, ok := histSpreadVerdictOf(r); ok {
		q := l.t("hist.verdict.q.spread5")
		if r.Config.Buckets == 10 {
			q = l.t("hist.verdict.q.spread10")
		}
		// "No" says why: few windows, or more windows whose losses
		// weigh more than the gains.
		format := l.t("hist.verdict.spread")
		switch {
		case sv.Answer == histNo && 2*sv.Wins <= sv.Years:
			format = l.t("hist.verdict.spread.few")
		case sv.Answer == histNo:
			format = l.t("hist.verdict.spread.lost")
		}
		out = append(out, histSentence{ID: "hist-verdict-spread", Answer: sv.Answer, Question: q,
			Text: fmt.Sprintf(format, sv.Wins, sv.Years, l.t("hist.verdict.by."+r.Config.Stat.Key()),
				histPP(l.lang, sv.Sum), formatNum(sv.T, 2, "", true)),
			Data: []string{"data-wins", itoa(sv.Wins), "data-years", itoa(sv.Years), "data-sum", rawNum(sv.Sum), "data-t", rawNum(sv.T)}})
	}
	if tv, ok := histTopNVerdictOf(r); ok {
		names := make([]string, len(tv.Funds))
		parts := make([]string, len(tv.Funds))
		data := []string{"data-cum", rawNum(tv.Cum)}
		for i, f := range tv.Funds {
			names[i] = f.Ticker
			parts[i] = l.tf("hist.verdict.fund", f.Ticker, formatSignedPct(f.Cum), f.Wins, f.N)
			data = append(data, "data-"+strings.ToLower(f.Ticker), itoa(f.Wins)+"/"+itoa(f.N)+"/"+rawNum(f.Cum))
		}
		out = append(out, histSentence{ID: "hist-verdict-topn", Answer: tv.Answer,
			Question: l.tf("hist.verdict.q.topn", r.Config.TopN, strings.Join(names, " / ")),
			Text:     l.tf("hist.verdict.topn", formatSignedPct(tv.Cum), tv.Years, strings.Join(parts, l.t("hist.verdict.and"))),
			Data:     data})
	}
	if f, ok := histFlipOf(r); ok {
		by, sum := "mean", f.MeanSum
		if !f.MeanFlips {
			by, sum = "median", f.MedianSum
		}
		movers := make([]string, len(f.Movers))
		tickers := make([]string, len(f.Movers))
		for i, m := range f.Movers {
			movers[i] = l.tf("hist.verdict.mover", m.Ticker, histWholePct(m.Return), m.Year)
			tickers[i] = m.Ticker
		}
		names := strings.Join(movers, l.t("hist.verdict.list"))
		if len(movers) == 0 {
			names = missingText
		}
		out = append(out, histSentence{ID: "hist-verdict-flip", Answer: histNo,
			Question: l.t("hist.verdict.q.flip." + by),
			Text:     l.tf("hist.verdict.flip."+by, histPP(l.lang, sum), names),
			Data: []string{"data-mean-sum", rawNum(f.MeanSum), "data-median-sum", rawNum(f.MedianSum),
				"data-names", strings.Join(tickers, " ")}})
	}
	return out
}

// histSpreadVerdict is the answer to "did the top bucket beat the
// bottom?": Wins of Years yearly windows with a positive spread, the
// spreads added up (Sum) and their t statistic.
type histSpreadVerdict struct {
	Answer histAnswer
	Wins   int
	Years  int
	Sum, T float64
}

func histSpreadVerdictOf(r *engine.BacktestResult) (histSpreadVerdict, bool) {
	v := histSpreadVerdict{Wins: r.SpreadWins, Years: r.Years, Sum: r.CumSpread, T: r.TStatSpread}
	if r.Years == 0 || !finite(r.CumSpread) {
		return v, false
	}
	switch {
	case v.Wins == v.Years && v.Sum > 0:
		v.Answer = histYes
	case 2*v.Wins > v.Years && v.Sum > 0:
		v.Answer = histMostly
	default:
		v.Answer = histNo
	}
	return v, true
}

// histFundVerdict is one fund against the top N: its compounded return
// and the yearly windows (of N with both returns) the top N beat it in.
type histFundVerdict struct {
	Ticker  string
	Cum     float64
	Wins, N int
}

// histTopNVerdict answers "did my top N beat IWM / IJR?": yes when the
// compounded top N beat both, partly when one, no when neither.
type histTopNVerdict struct {
	Answer histAnswer
	Cum    float64
	Years  int
	Funds  []histFundVerdict
}

// histVerdictFunds are the funds the verdict compares the top N with.
var histVerdictFunds = [...]string{"IWM", "IJR"}

func histTopNVerdictOf(r *engine.BacktestResult) (histTopNVerdict, bool) {
	v := histTopNVerdict{Cum: r.CumTopN, Years: r.Years}
	if r.Years == 0 || !finite(r.CumTopN) {
		return v, false
	}
	beat := 0
	for _, t := range histVerdictFunds {
		k := -1
		for i, ft := range r.Funds.Tickers {
			if ft == t {
				k = i
			}
		}
		if k < 0 || k >= len(r.Funds.Cum) || !finite(r.Funds.Cum[k]) {
			continue
		}
		f := histFundVerdict{Ticker: t, Cum: r.Funds.Cum[k]}
		for i, d := range r.Dates {
			if d.Basis != engine.ForwardYear || i >= len(r.Funds.Returns) || k >= len(r.Funds.Returns[i]) {
				continue
			}
			if fr := r.Funds.Returns[i][k]; finite(fr) && finite(d.TopN) {
				f.N++
				if d.TopN > fr {
					f.Wins++
				}
			}
		}
		if r.CumTopN > f.Cum {
			beat++
		}
		v.Funds = append(v.Funds, f)
	}
	switch {
	case len(v.Funds) == 0:
		return v, false
	case beat == len(v.Funds):
		v.Answer = histYes
	case beat > 0:
		v.Answer = histPartly
	default:
		v.Answer = histNo
	}
	return v, true
}

// histMover is one of the extreme returns behind a mean.
type histMover struct {
	Ticker string
	Return float64
	Year   string // the window's first year
}

// histFlip is a disagreement in sign between the mean and the median of
// the yearly spreads added up. MeanFlips reports that the chosen
// statistic sides with the median (so "by the mean the answer flips");
// otherwise it sides with the mean and the median flips it.
type histFlip struct {
	MeanSum, MedianSum float64
	MeanFlips          bool
	Movers             []histMover
}

// histMaxMovers is how many names the flip sentence gives.
const histMaxMovers = 3

// histFlipOf compares Σ(top − bottom) by the mean and by the median over
// the yearly windows. When their signs differ it names the largest
// returns of the windows where the two disagree in sign: the bottom
// bucket's (Movers[0]) where the mean's spread is the lower (a few huge
// winners among the lowest scores drag the mean's spread down), the top
// bucket's (Movers[1]) where it is the higher. Without such a window,
// every yearly window's are taken by the same rule.
func histFlipOf(r *engine.BacktestResult) (histFlip, bool) {
	var f histFlip
	k := r.Config.Buckets
	type win struct {
		d           *engine.DateResult
		mean, media float64
	}
	var wins []win
	for i := range r.Dates {
		d := &r.Dates[i]
		if d.Basis != engine.ForwardYear || len(d.Buckets) < k || k < 2 {
			continue
		}
		top, bot := d.Buckets[k-1], d.Buckets[0]
		wn := win{d, top.Mean - bot.Mean, top.Median - bot.Median}
		f.MeanSum += wn.mean
		f.MedianSum += wn.media
		wins = append(wins, wn)
	}
	if len(wins) == 0 || !finite(f.MeanSum) || !finite(f.MedianSum) || histSign(f.MeanSum)*histSign(f.MedianSum) >= 0 {
		return f, false
	}
	// The chosen statistic's sum sides with one of them (the median when
	// it is neither sure nor the mean).
	f.MeanFlips = r.Config.Stat != engine.StatMean &&
		(r.Config.Stat == engine.StatMedian || histSign(r.CumSpread) != histSign(f.MeanSum))
	disagree := false
	for _, wn := range wins {
		disagree = disagree || histSign(wn.mean)*histSign(wn.media) < 0
	}
	for _, wn := range wins {
		if disagree && histSign(wn.mean)*histSign(wn.media) >= 0 {
			continue
		}
		side := 1
		if wn.mean < wn.media {
			side = 0
		}
		for _, m := range wn.d.Movers[side] {
			f.Movers = append(f.Movers, histMover{m.Ticker, m.Return, wn.d.From.Format("2006")})
		}
	}
	// Largest first (a few names, so an insertion sort), then the first
	// histMaxMovers distinct tickers.
	for i := 1; i < len(f.Movers); i++ {
		for j := i; j > 0 && f.Movers[j].Return > f.Movers[j-1].Return; j-- {
			f.Movers[j], f.Movers[j-1] = f.Movers[j-1], f.Movers[j]
		}
	}
	var keep []histMover
	for _, m := range f.Movers {
		dup := false
		for _, o := range keep {
			dup = dup || o.Ticker == m.Ticker
		}
		if !dup && len(keep) < histMaxMovers && finite(m.Return) {
			keep = append(keep, m)
		}
	}
	f.Movers = keep
	return f, true
}

// histSign is −1, 0 or +1 (0 for NaN).
func histSign(x float64) int {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return 0
}

// histPP shows a sum of returns in percentage points ("+93.3 pp",
// "−114.3ポイント").
func histPP(l lang, x float64) string {
	s := formatSignedPct(x)
	if s == missingText {
		return s
	}
	return strings.TrimSuffix(s, "%") + l.t("hist.pp")
}

// histWholePct shows a large return in whole percent with thousands
// grouped and its sign ("+3,100%").
func histWholePct(x float64) string {
	s := formatThousands(math.Abs(x) * 100)
	if s == missingText {
		return s
	}
	if x < 0 {
		return "−" + s + "%"
	}
	return "+" + s + "%"
}
