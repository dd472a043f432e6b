//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"screener/engine"
)

// ---- the engine's backtest on the snapshots the site ships ----

type histExpectation struct {
	snaps []*engine.Snapshot // history oldest first, then current
	lost  map[string]int     // asof -> survivorship_counts.reporting_unpriced_on_asof
}

var (
	histOnce sync.Once
	histVal  *histExpectation
	histErr  error
)

func loadHistExpectation(t *testing.T) *histExpectation {
	t.Helper()
	histOnce.Do(func() {
		dir := filepath.Join(distDir(t), "web", "data")
		paths, _ := filepath.Glob(filepath.Join(dir, "history-*.json"))
		slices.Sort(paths)
		if len(paths) != 6 {
			histErr = fmt.Errorf("want 6 history snapshots in %s, found %d", dir, len(paths))
			return
		}
		e := &histExpectation{lost: map[string]int{}}
		for _, p := range append(paths, filepath.Join(dir, "current.json")) {
			b, err := os.ReadFile(p)
			if err != nil {
				histErr = err
				return
			}
			s, err := engine.Decode(b)
			if err != nil {
				histErr = fmt.Errorf("%s: %w", p, err)
				return
			}
			e.snaps = append(e.snaps, s)
			var f struct {
				Body struct {
					Counts *struct {
						NoPrice int `json:"reporting_unpriced_on_asof"`
					} `json:"survivorship_counts"`
				} `json:"body"`
			}
			if err := json.Unmarshal(b, &f); err == nil && f.Body.Counts != nil {
				e.lost[s.AsOf] = f.Body.Counts.NoPrice
			}
		}
		histVal = e
	})
	if histErr != nil {
		t.Fatalf("loading the shipped history with the engine: %v", histErr)
	}
	return histVal
}

// run is what the engine reports for the page's weights and settings,
// with the page's default statistic (the median).
func (e *histExpectation) run(t *testing.T, o engine.Options, w engine.Weights, buckets, topN int) engine.BacktestResult {
	t.Helper()
	return e.runStat(t, o, w, buckets, topN, engine.StatMedian)
}

// runStat is run with another bucket statistic.
func (e *histExpectation) runStat(t *testing.T, o engine.Options, w engine.Weights, buckets, topN int, st engine.Statistic) engine.BacktestResult {
	t.Helper()
	bt, err := engine.NewBacktest(e.snaps, o)
	if err != nil {
		t.Fatal(err)
	}
	return bt.Run(w, engine.BacktestConfig{Buckets: buckets, TopN: topN, Stat: st})
}

func dateOf(t *testing.T, res engine.BacktestResult, asof string) engine.DateResult {
	t.Helper()
	for _, d := range res.Dates {
		if d.AsOf == asof {
			return d
		}
	}
	t.Fatalf("engine has no date %s", asof)
	return engine.DateResult{}
}

// ---- page helpers ----

// pageWeights reads the slider values the page scores with.
func pageWeights(t *testing.T, ctx context.Context) engine.Weights {
	t.Helper()
	vals := eval[map[string]float64](t, ctx, `Object.fromEntries(Array.from(document.querySelectorAll('input[type=range][data-factor]')).map(e => [e.dataset.factor, +e.value]))`)
	var w engine.Weights
	for f := engine.Factor(0); f < engine.NumFactors; f++ {
		v, ok := vals[f.Key()]
		if !ok {
			t.Fatalf("no slider for %s on the page (have %v)", f.Key(), vals)
		}
		w[f] = v
	}
	return w
}

// pageCell reads a cell's full-precision value (data-v) and its text.
func pageCell(t *testing.T, ctx context.Context, css string) (float64, string) {
	t.Helper()
	r := eval[[]string](t, ctx, `(() => { const el = document.querySelector(`+mustJSON(css)+`);
	  return el ? [el.dataset.v ?? '', el.textContent] : ['missing', ''] })()`)
	if r[0] == "missing" {
		t.Fatalf("no element %s on the page", css)
	}
	if r[0] == "" {
		return math.NaN(), r[1]
	}
	v, err := strconv.ParseFloat(r[0], 64)
	if err != nil {
		t.Fatalf("%s: data-v %q: %v", css, r[0], err)
	}
	return v, r[1]
}

func histRev(t *testing.T, ctx context.Context) string {
	return eval[string](t, ctx, `(document.getElementById('hist-results') || {dataset: {}}).dataset.rev || ''`)
}

// waitHistRev waits until the results show a revision other than before.
func waitHistRev(t *testing.T, ctx context.Context, before string) {
	t.Helper()
	ok := eval[bool](t, ctx, `(async (before) => {
	  const t0 = performance.now();
	  while (performance.now() - t0 < 10000) {
	    const el = document.getElementById('hist-results');
	    if (el && el.dataset.rev !== before) return true;
	    await new Promise(r => setTimeout(r, 20));
	  }
	  return false; })(`+mustJSON(before)+`)`)
	if !ok {
		t.Fatalf("history results did not update within 10 s (rev %s)", before)
	}
}

// setHistSliders moves sliders as a user does and waits for the history
// results to update.
func setHistSliders(t *testing.T, ctx context.Context, vals map[string]int) {
	t.Helper()
	before := histRev(t, ctx)
	eval[bool](t, ctx, `((vals) => { for (const [k, v] of Object.entries(vals)) {
	  const el = document.getElementById('w-' + k); el.value = String(v);
	  el.dispatchEvent(new Event('input', {bubbles: true})); } return true; })(`+mustJSON(vals)+`)`)
	waitHistRev(t, ctx, before)
}

// measureHistMoveJS moves one slider and resolves with [input→DOM ms,
// input→painted ms, engine ms, inFrame]: the results' data-rev changes
// when the new numbers are in the DOM. When that happened inside a
// requestAnimationFrame callback, the same frame paints it and a 0 ms
// timeout queued then fires after that paint; otherwise the next frame
// paints it, so the measure waits for that frame's callback and a timeout
// after it. The engine time is what the page measured around
// Backtest.Run.
const measureHistMoveJS = `(async (key, value) => {
  if (!window.__histRafWrapped) {
    const orig = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (cb) => orig((ts) => {
      try { return cb(ts); } finally {
        const el = document.getElementById('hist-results');
        window.__histRevAfterFrame = el ? el.dataset.rev : '';
      }
    });
    window.__histRafWrapped = true;
  }
  const before = document.getElementById('hist-results').dataset.rev;
  const changed = new Promise((resolve, reject) => {
    const obs = new MutationObserver(() => {
      const el = document.getElementById('hist-results');
      if (el && el.dataset.rev !== before) { obs.disconnect(); resolve(performance.now()); }
    });
    obs.observe(document.getElementById('main'), {subtree: true, attributes: true, childList: true});
    setTimeout(() => { obs.disconnect(); reject(new Error('no update within 5 s')); }, 5000);
  });
  const el = document.getElementById('w-' + key);
  const t0 = performance.now();
  el.value = String(value);
  el.dispatchEvent(new Event('input', {bubbles: true}));
  const tDom = await changed;
  const inFrame = window.__histRevAfterFrame === document.getElementById('hist-results').dataset.rev;
  if (inFrame) {
    await new Promise(r => setTimeout(r, 0));
  } else {
    await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  }
  return [tDom - t0, performance.now() - t0, (window.screenerTiming || {}).historyRunMs ?? -1, inFrame ? 1 : 0];
})`

func openHistory(t *testing.T, ctx context.Context) {
	t.Helper()
	step(t, ctx, 10*time.Second, chromedp.Click(chromedp.CSS(`button.view-tab[data-view="history"]`)))
	waitHistResults(t, ctx)
}

// waitHistResults waits until the results are written: the host element
// exists (and counts as visible) before its content arrives.
func waitHistResults(t *testing.T, ctx context.Context) {
	t.Helper()
	step(t, ctx, 90*time.Second, chromedp.WaitVisible(chromedp.CSS(`#hist-results[data-rev] #hist-summary`)))
}

// requested lists the page's own downloads whose URL contains s.
func requested(t *testing.T, ctx context.Context, s string) []string {
	return eval[[]string](t, ctx, `performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes(`+mustJSON(s)+`))`)
}

func closeTo(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b))
}

// checkDate compares the page's spread, IC and top-N of one date with the
// engine's.
func checkDate(t *testing.T, ctx context.Context, want engine.DateResult, label string) {
	t.Helper()
	row := `tr[data-asof="` + want.AsOf + `"]`
	spread, spreadText := pageCell(t, ctx, `#hist-spread-table `+row+` td[data-k="spread"]`)
	ic, icText := pageCell(t, ctx, `#hist-spread-table `+row+` td[data-k="ic"]`)
	top, _ := pageCell(t, ctx, `#hist-topn-table `+row+` td[data-k="topn"]`)
	if !closeTo(spread, want.Spread) {
		t.Errorf("%s %s: page top−bottom spread %v (%s), engine %v", label, want.AsOf, spread, spreadText, want.Spread)
	}
	if !closeTo(ic, want.IC) {
		t.Errorf("%s %s: page IC %v (%s), engine %v", label, want.AsOf, ic, icText, want.IC)
	}
	if !closeTo(top, want.TopN) {
		t.Errorf("%s %s: page top-N return %v, engine %v", label, want.AsOf, top, want.TopN)
	}
	// The text shown is the engine's number, rounded.
	if s := fmt.Sprintf("%.1f", math.Abs(want.Spread)*100); !strings.Contains(spreadText, s) {
		t.Errorf("%s %s: spread shown %q, engine %.4f%%", label, want.AsOf, spreadText, want.Spread*100)
	}
	if s := fmt.Sprintf("%.3f", math.Abs(want.IC)); !strings.Contains(icText, s) {
		t.Errorf("%s %s: IC shown %q, engine %.4f", label, want.AsOf, icText, want.IC)
	}
}

// TestHistoryMatchesEngine: the History tab downloads the yearly snapshots
// only when opened, shows the survivorship note with each year's count,
// and its 2024 spread, IC and top-N equal the engine's backtest of the
// same snapshots with the page's weights — before and after a slider
// change, with deciles, and with another top N. It measures slider input
// to updated history.
func TestHistoryMatchesEngine(t *testing.T) {
	exp := loadHistExpectation(t)
	srv := serveSite(distDir(t), "", nil)
	defer srv.Close()
	ctx := newBrowser(t, 1440, 900)
	// Every fetch the page starts is noted when it starts (resource
	// timing only lists finished downloads).
	addInitScript(t, ctx, `window.__fetches = [];
	  const fetch0 = window.fetch;
	  window.fetch = function (input) { window.__fetches.push(String((input && input.url) || input)); return fetch0.apply(this, arguments); };`)
	step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+"/"))
	waitTable(t, ctx)
	// Start-up is over when the main thread goes idle with the table
	// shown: any download start-up would begin has begun by then.
	waitJS(t, ctx, 20*time.Second, "the main thread to go idle after start-up",
		`new Promise(r => requestIdleCallback(d => r(!d.didTimeout), {timeout: 1000}))`)
	started := eval[[]string](t, ctx, `window.__fetches`)
	for _, s := range []string{"/history-", "/funds.json"} {
		var early []string
		for _, u := range started {
			if strings.Contains(u, s) {
				early = append(early, u)
			}
		}
		if got := append(early, requested(t, ctx, s)...); len(got) > 0 {
			t.Errorf("%s downloaded at start-up, before a view needed it: %v", s, got)
		}
	}
	if len(started) == 0 {
		t.Errorf("no fetch noted at start-up: the fetch recorder missed the snapshot download, so the check above proves nothing")
	}

	t0 := time.Now()
	openHistory(t, ctx)
	record("history tab open -> results", "%.0f ms (6 snapshots + funds.json downloaded, decoded and prepared)", float64(time.Since(t0).Milliseconds()))
	if got := requested(t, ctx, "/history-"); len(got) != 6 {
		t.Errorf("after opening the tab the page fetched %d history files, want 6: %v", len(got), got)
	}

	// Honesty: the note is visible and carries each year's count.
	if !eval[bool](t, ctx, `(() => { const el = document.getElementById('hist-survivorship'); const r = el && el.getBoundingClientRect(); return !!r && r.height > 0 && /surviv/i.test(el.textContent) })()`) {
		t.Error("survivorship note not visible")
	}
	for asof, n := range exp.lost {
		txt := eval[string](t, ctx, `(document.querySelector('#hist-lost tr[data-asof="`+asof+`"] td[data-k="lost"]') || {}).textContent || ''`)
		if !strings.HasPrefix(txt, formatCount(n)+" ") {
			t.Errorf("names lost on %s: page shows %q, snapshot counts %d", asof, txt, n)
		}
	}
	// Real lists where they exist, and the model measured against them.
	checks := 0
	for _, s := range exp.snaps {
		kind := eval[string](t, ctx, `(document.querySelector('#hist-lost tr[data-asof="`+s.AsOf+`"] td[data-k="kind"]') || {}).textContent || ''`)
		if want := map[bool]string{true: "modelled", false: "real index"}[s.Modelled]; kind != want {
			t.Errorf("%s: list %q, snapshot modelled=%v", s.AsOf, kind, s.Modelled)
		}
		if c := s.UniverseCheck; c != nil {
			checks++
			pct := strconv.Itoa(int(math.Round(100*c.RealInModel))) + "% of the " + s.AsOf[:4] + " list"
			if txt := eval[string](t, ctx, `document.getElementById('hist-model-check').textContent`); !strings.Contains(txt, pct) {
				t.Errorf("model check %q lacks %q", txt, pct)
			}
		}
	}
	if checks != 2 {
		t.Errorf("%d history snapshots measure the model against a real list, want 2 (2022, 2024)", checks)
	}

	o := engine.Options{MinCoverage: listedMinCoverage}
	if v := eval[string](t, ctx, `document.getElementById('f-coverage').value`); v != strconv.Itoa(listedMinCoverage) {
		t.Fatalf("page coverage filter %s, test assumes %d", v, listedMinCoverage)
	}
	w := pageWeights(t, ctx)
	res := exp.run(t, o, w, 5, 30)
	checkDate(t, ctx, dateOf(t, res, "2024-06-30"), "default weights")
	if ic, _ := pageCell(t, ctx, "#hist-mean-ic"); !closeTo(ic, res.MeanIC) {
		t.Errorf("mean IC: page %v, engine %v", ic, res.MeanIC)
	}
	if ts, _ := pageCell(t, ctx, "#hist-ic-t"); !closeTo(ts, res.TStatIC) {
		t.Errorf("IC t statistic: page %v, engine %v", ts, res.TStatIC)
	}
	sum := 0.0
	for _, d := range res.Dates {
		if d.Basis == "12 months" {
			sum += d.Spread
		}
	}
	if got, _ := pageCell(t, ctx, "#hist-sum-spread"); !closeTo(got, sum) {
		t.Errorf("cumulated spread: page %v, engine's yearly spreads add up to %v", got, sum)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('#hist-bucket-table tr[data-asof="2024-06-30"] td.hist-bucket').length`); n != 5 {
		t.Errorf("2024 shows %d quintile cells, want 5", n)
	}
	before := dateOf(t, res, "2024-06-30")

	// A slider change: momentum only.
	setHistSliders(t, ctx, map[string]int{"profit": 0, "fcf": 0, "balance": 0, "efficiency": 0, "value": 0, "momentum": 100})
	w2 := pageWeights(t, ctx)
	if w2 != (engine.Weights{engine.Momentum: 100}) {
		t.Fatalf("sliders read back %v", w2)
	}
	res2 := exp.run(t, o, w2, 5, 30)
	after := dateOf(t, res2, "2024-06-30")
	if closeTo(after.Spread, before.Spread) && closeTo(after.IC, before.IC) {
		t.Fatalf("engine predicts no change for momentum-only weights; pick other weights")
	}
	checkDate(t, ctx, after, "momentum only")
	record("history 2024 quintile spread / IC", "default %+.1f%% / %.3f; momentum only %+.1f%% / %.3f (page = engine)", before.Spread*100, before.IC, after.Spread*100, after.IC)

	// Deciles.
	rev := histRev(t, ctx)
	step(t, ctx, 10*time.Second, chromedp.Click(chromedp.ID("hist-buckets-10")))
	waitHistRev(t, ctx, rev)
	res10 := exp.run(t, o, w2, 10, 30)
	checkDate(t, ctx, dateOf(t, res10, "2024-06-30"), "deciles")
	if n := eval[int](t, ctx, `document.querySelectorAll('#hist-bucket-table tr[data-asof="2024-06-30"] td.hist-bucket').length`); n != 10 {
		t.Errorf("2024 shows %d decile cells, want 10", n)
	}
	for q, b := range dateOf(t, res10, "2024-06-30").Buckets {
		css := fmt.Sprintf(`#hist-bucket-table tr[data-asof="2024-06-30"] td[data-q="%d"]`, q)
		v, _ := pageCell(t, ctx, css)
		n := eval[int](t, ctx, `+document.querySelector(`+mustJSON(css)+`).dataset.n`)
		if !closeTo(v, b.Median) || n != b.N {
			t.Errorf("2024 decile %d: page median %v n %d, engine %v n %d", q+1, v, n, b.Median, b.N)
		}
	}

	// Top N = 50.
	rev = histRev(t, ctx)
	step(t, ctx, 10*time.Second, chromedp.SetValue(chromedp.ID("hist-topn"), "50"))
	eval[bool](t, ctx, `document.getElementById('hist-topn').dispatchEvent(new Event('change', {bubbles: true}))`)
	waitHistRev(t, ctx, rev)
	res50 := exp.run(t, o, w2, 10, 50)
	checkDate(t, ctx, dateOf(t, res50, "2024-06-30"), "top 50")
	if top, _ := pageCell(t, ctx, `#hist-topn-table td[data-k="cumtopn"]`); !closeTo(top, res50.CumTopN) {
		t.Errorf("top 50 compounded: page %v, engine %v", top, res50.CumTopN)
	}
	// The address bar carries the view's settings (TestHistoryFromURL
	// opens such a link).
	waitJS(t, ctx, 10*time.Second, "the URL to carry top=50 and bk=10",
		`/[?&]top=50(&|$)/.test(location.search) && /[?&]bk=10(&|$)/.test(location.search)`)

	// A filter change re-prepares the backtest (off the frame path) and
	// shows the engine's numbers for the new universe.
	rev = histRev(t, ctx)
	eval[bool](t, ctx, `(() => { const el = document.getElementById('f-index'); el.value = 'ijr';
	  el.dispatchEvent(new Event('change', {bubbles: true})); return true })()`)
	waitHistRev(t, ctx, rev)
	oIJR := engine.Options{Filter: engine.Filter{Index: engine.IndexIJR}, MinCoverage: listedMinCoverage}
	resIJR := exp.run(t, oIJR, w2, 10, 50)
	checkDate(t, ctx, dateOf(t, resIJR, "2024-06-30"), "S&P-600-like universe")
	if n := eval[int](t, ctx, `+document.querySelector('#hist-lost tr[data-asof="2024-06-30"] td:nth-child(3)').textContent.replace(/,/g, '')`); n != dateOf(t, resIJR, "2024-06-30").Universe {
		t.Errorf("2024 universe after the filter: page %d, engine %d", n, dateOf(t, resIJR, "2024-06-30").Universe)
	}
	rev = histRev(t, ctx)
	eval[bool](t, ctx, `(() => { const el = document.getElementById('f-index'); el.value = 'any';
	  el.dispatchEvent(new Event('change', {bubbles: true})); return true })()`)
	waitHistRev(t, ctx, rev)
	checkDate(t, ctx, dateOf(t, res50, "2024-06-30"), "back to any universe")

	// Latency: random single-slider moves, each awaited to the paint.
	rng := rand.New(rand.NewSource(6))
	cur := map[string]int{"profit": 0, "fcf": 0, "balance": 0, "efficiency": 0, "value": 0, "momentum": 100}
	keys := engine.FactorKeys()
	var dom, paint, eng []float64
	inFrame := 0
	for range 40 {
		k := keys[rng.Intn(len(keys))]
		v := rng.Intn(101)
		if v == cur[k] {
			v = (v + 7) % 101
		}
		cur[k] = v
		r := eval[[]float64](t, ctx, measureHistMoveJS+"("+mustJSON(k)+","+mustJSON(v)+")")
		dom, paint, eng = append(dom, r[0]), append(paint, r[1]), append(eng, r[2])
		inFrame += int(r[3])
	}
	record("history recompute (engine, 7 dates)", "p50 %.1f ms, p95 %.1f ms, max %.1f ms over %d slider moves (budget 60 ms)", percentile(eng, 50), percentile(eng, 95), percentile(eng, 100), len(eng))
	record("history slider input -> DOM", "p50 %.1f ms, p95 %.1f ms", percentile(dom, 50), percentile(dom, 95))
	record("history slider input -> painted", "p50 %.1f ms, p95 %.1f ms, max %.1f ms, %d of %d written inside a frame callback", percentile(paint, 50), percentile(paint, 95), percentile(paint, 100), inFrame, len(paint))
	t.Logf("history recompute (engine) p50 %.1f p95 %.1f ms; input->painted p50 %.1f p95 %.1f ms",
		percentile(eng, 50), percentile(eng, 95), percentile(paint, 50), percentile(paint, 95))
	var wf engine.Weights
	for f := engine.Factor(0); f < engine.NumFactors; f++ {
		wf[f] = float64(cur[f.Key()])
	}
	checkDate(t, ctx, dateOf(t, exp.run(t, o, wf, 10, 50), "2024-06-30"), "after 40 moves")
	if p95 := percentile(eng, 95); p95 > 60*budgetSlack() {
		t.Errorf("history recompute p95 %.1f ms exceeds budget 60 ms × slack %.1f", p95, budgetSlack())
	}
}

// TestHistoryScreenshots saves the History view at phone and desktop
// widths, light and dark, English and Japanese, and checks the page does
// not scroll sideways.
func TestHistoryScreenshots(t *testing.T) {
	srv := serveSite(distDir(t), "", nil)
	defer srv.Close()
	ctx := newBrowser(t, 1440, 900)
	for _, lang := range []string{"en", "ja"} {
		eachLook(t, ctx, func(look string, width int64) {
			name := "history-" + lang + "-" + look
			step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+"/?view=history&lang="+lang))
			waitHistResults(t, ctx)
			waitJS(t, ctx, 30*time.Second, "the history results to be final (not marked as updating)",
				`!!document.querySelector('#hist-results[aria-busy="false"] #hist-summary')`)
			waitPainted(t, ctx)
			checkNoSideScroll(t, ctx, name)
			if width < 600 {
				// The first screen a phone shows: the verdict is on it.
				saveScreenshot(t, ctx, name+"-top", false)
			}
			scrollTo(t, ctx, "hist-title")
			saveScreenshot(t, ctx, name, false)
			scrollTo(t, ctx, "hist-spread")
			saveScreenshot(t, ctx, name+"-spread", false)
			if width > 600 {
				eval[bool](t, ctx, `(() => { window.scrollTo(0, 0); return true })()`)
				saveScreenshot(t, ctx, name+"-full", true)
			} else {
				scrollTo(t, ctx, "hist-myscreen")
				saveScreenshot(t, ctx, name+"-myscreen", false)
			}
		})
	}
}

// scrollTo puts the element with id at the top of the viewport, waits
// until the scroll has landed there (or at the end of the page, when the
// page is too short) and the result is painted.
func scrollTo(t *testing.T, ctx context.Context, id string) {
	t.Helper()
	eval[bool](t, ctx, `(() => { window.scrollTo(0, 0); document.getElementById(`+mustJSON(id)+`).scrollIntoView({block: 'start'}); return true })()`)
	waitJS(t, ctx, 10*time.Second, "#"+id+" scrolled to the top of the viewport", `(() => {
	  const el = document.getElementById(`+mustJSON(id)+`);
	  const top = el.getBoundingClientRect().top - (parseFloat(getComputedStyle(el).scrollMarginTop) || 0);
	  const atEnd = Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight - 1;
	  return Math.abs(top) <= 1 || atEnd && top > 0; })()`)
	waitPainted(t, ctx)
}

// TestHistoryLoadingProgressAndErrors: while the files arrive the view
// shows how many of the 7 are in, the page keeps answering (no long task
// from decoding), and a missing or damaged history file shows the
// friendly error panel instead of numbers.
func TestHistoryLoadingProgressAndErrors(t *testing.T) {
	dir := distDir(t)
	slow, err := os.ReadFile(filepath.Join(dir, "web", "data", "history-2023.json"))
	if err != nil {
		t.Fatal(err)
	}
	// history-2023.json is held back until the test has seen the
	// progress: asked is closed when the page requests it, release lets
	// the answer go.
	asked, release := make(chan struct{}), make(chan struct{})
	var askedOnce, releaseOnce sync.Once
	letGo := func() { releaseOnce.Do(func() { close(release) }) }
	srv := serveSite(dir, "", map[string]http.HandlerFunc{
		"/web/data/history-2023.json": func(w http.ResponseWriter, r *http.Request) {
			askedOnce.Do(func() { close(asked) })
			select {
			case <-release:
			case <-r.Context().Done():
				return
			}
			w.Write(slow)
		},
	})
	defer srv.Close()
	defer letGo() // before srv.Close, which waits for the held request
	ctx := newBrowser(t, 1440, 900)
	step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+"/"))
	waitTable(t, ctx)
	eval[bool](t, ctx, `(() => { window.__longTasks = [];
	  new PerformanceObserver(l => { for (const e of l.getEntries()) window.__longTasks.push(e.duration) }).observe({type: 'longtask'});
	  return true })()`)
	step(t, ctx, 10*time.Second, chromedp.Click(chromedp.CSS(`button.view-tab[data-view="history"]`)))
	step(t, ctx, 10*time.Second, chromedp.WaitVisible(chromedp.ID("hist-progress")))
	select {
	case <-asked:
	case <-time.After(30 * time.Second):
		t.Fatal("the History tab did not request history-2023.json within 30 s")
	}
	// The files are decoded in order, so with 2023 held the count stops
	// after 2020, 2021 and 2022 (at least 3, never 7).
	waitJS(t, ctx, 20*time.Second, "the progress to count the 3 files before the held history-2023.json",
		`(p => !!p && +p.max === 7 && +p.value >= 3)(document.querySelector('#hist-progress progress'))`)
	prog := eval[[]float64](t, ctx, `(() => { const p = document.querySelector('#hist-progress progress'); return [p.value, p.max] })()`)
	txt := eval[string](t, ctx, `document.getElementById('hist-progress').innerText`)
	if prog[1] != 7 || prog[0] >= 7 || !strings.Contains(txt, fmt.Sprintf("%.0f of 7", prog[0])) {
		t.Errorf("while history-2023.json is held: progress %v of %v, text %q; want fewer than 7 of 7, said in words", prog[0], prog[1], txt)
	}
	letGo()
	waitHistResults(t, ctx)
	long := eval[[]float64](t, ctx, `window.__longTasks`)
	record("history load: longest main-thread task", "%.0f ms (%d tasks over 50 ms while 7 files loaded, decoded, prepared)", percentile(long, 100), len(long))

	for _, c := range []struct {
		name, kind string
		serve      http.HandlerFunc
	}{
		{"missing", "missing", http.NotFound},
		{"truncated", "corrupt", func(w http.ResponseWriter, r *http.Request) { w.Write(slow[:len(slow)/2]) }},
	} {
		bad := serveSite(dir, "", map[string]http.HandlerFunc{"/web/data/history-2021.json": c.serve})
		step(t, ctx, 60*time.Second, chromedp.Navigate(bad.URL+"/?view=history"), chromedp.WaitVisible(chromedp.ID("load-error")))
		if kind := eval[string](t, ctx, `document.getElementById('load-error').dataset.kind`); kind != c.kind {
			t.Errorf("%s history file: panel kind %q, want %q", c.name, kind, c.kind)
		}
		if n := eval[int](t, ctx, `document.querySelectorAll('#hist-results').length`); n != 0 {
			t.Errorf("%s history file: results shown anyway", c.name)
		}
		bad.Close()
	}
}

// TestHistoryFromURL: a shared link with view=history, top, bk and st
// opens the History view with that top N, deciles and the cap-weighted
// mean (the URL state carries the view's settings).
func TestHistoryFromURL(t *testing.T) {
	srv := serveSite(distDir(t), "", nil)
	defer srv.Close()
	ctx := newBrowser(t, 1440, 900)
	step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+"/?view=history&top=50&bk=10&st=capw"))
	waitHistResults(t, ctx)
	if v := eval[string](t, ctx, `document.getElementById('hist-stat').value`); v != "capw" {
		t.Errorf("statistic select %q, want capw", v)
	}
	if h := eval[string](t, ctx, `document.getElementById('hist-buckets-title').textContent`); !strings.Contains(h, "cap-weighted") {
		t.Errorf("bucket table title %q does not name the cap-weighted mean", h)
	}
	if v := eval[string](t, ctx, `document.getElementById('hist-topn').value`); v != "50" {
		t.Errorf("top N input %q, want 50", v)
	}
	if p := eval[string](t, ctx, `document.getElementById('hist-buckets-10').getAttribute('aria-pressed')`); p != "true" {
		t.Errorf("deciles not pressed (aria-pressed=%q)", p)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('#hist-bucket-table tr[data-asof="2024-06-30"] td.hist-bucket').length`); n != 10 {
		t.Errorf("%d bucket cells for 2024, want 10", n)
	}
	if h := eval[string](t, ctx, `document.getElementById('hist-myscreen-title').textContent`); !strings.Contains(h, "50") {
		t.Errorf("my screen title %q does not say top 50", h)
	}
}

// ---- the verdict, the charts and the tables tell one story ----

// histShown is what the History view shows, read in one go: the
// verdict's numbers, the summary's, the spread table's yearly rows, the
// spread chart's bars and the bucket table's extreme buckets.
type histShown struct {
	Answer     string    `json:"answer"`
	Wins       int       `json:"wins"`
	Years      int       `json:"years"`
	Sum        float64   `json:"sum"`
	T          float64   `json:"t"`
	VerdictTxt string    `json:"verdictText"`
	FlipNames  *string   `json:"flipNames"` // nil: no flip sentence
	FlipText   string    `json:"flipText"`
	TopNCum    float64   `json:"topnCum"`
	CardSum    float64   `json:"cardSum"`
	CardSumTxt string    `json:"cardSumText"`
	CardT      float64   `json:"cardT"`
	CardWins   int       `json:"cardWins"`
	TableSum   float64   `json:"tableSum"`
	CumTopN    float64   `json:"cumTopN"`
	AsOf       []string  `json:"asof"`   // yearly rows, in order
	Spread     []float64 `json:"spread"` // their spread cells
	Hit        []float64 `json:"hit"`
	TopCells   []float64 `json:"top"` // the top and bottom bucket cells of the yearly rows
	BotCells   []float64 `json:"bot"`
	BarYear    []string  `json:"barYear"` // the chart's "in the window" bars, as titled
	BarCum     []string  `json:"barCum"`  // its running-sum bars
	Select     string    `json:"select"`
	FactorVal  float64   `json:"factorValue"` // valuation's 2024 spread
}

const readHistJS = `(() => {
  const num = (el) => el && el.dataset.v !== '' && el.dataset.v !== undefined ? +el.dataset.v : NaN;
  const v = document.getElementById('hist-verdict-spread');
  const f = document.getElementById('hist-verdict-flip');
  const rows = [...document.querySelectorAll('#hist-spread-table tbody tr[data-basis="year"]')];
  const k = document.querySelectorAll('#hist-bucket-table thead th.num').length - 2;
  const brow = (a) => document.querySelector('#hist-bucket-table tr[data-asof="' + a + '"]');
  const bars = (cls) => [...document.querySelectorAll('#hist-spread svg rect.' + cls + ' > title')].map(e => e.textContent);
  return {
    answer: v ? v.dataset.answer : '', wins: v ? +v.dataset.wins : -1, years: v ? +v.dataset.years : -1,
    sum: v ? +v.dataset.sum : NaN, t: v ? +v.dataset.t : NaN, verdictText: v ? v.textContent : '',
    flipNames: f ? f.dataset.names : null, flipText: f ? f.textContent : '',
    topnCum: +document.getElementById('hist-verdict-topn').dataset.cum,
    cardSum: num(document.getElementById('hist-sum-spread')), cardSumText: document.getElementById('hist-sum-spread').textContent,
    cardT: num(document.getElementById('hist-spread-t')), cardWins: +document.getElementById('hist-spread-wins').dataset.v,
    tableSum: num(document.querySelector('#hist-spread-table td[data-k="sumspread"]')),
    cumTopN: num(document.getElementById('hist-cum-topn')),
    asof: rows.map(r => r.dataset.asof),
    spread: rows.map(r => num(r.querySelector('td[data-k="spread"]'))),
    hit: rows.map(r => num(r.querySelector('td[data-k="hit"]'))),
    top: rows.map(r => num(brow(r.dataset.asof).querySelector('td[data-q="' + (k - 1) + '"]'))),
    bot: rows.map(r => num(brow(r.dataset.asof).querySelector('td[data-q="0"]'))),
    barYear: bars('s0'), barCum: bars('s3'),
    select: document.getElementById('hist-stat').value,
    factorValue: num(document.querySelector('#hist-factor-table tr[data-factor="value"] td[data-k="2024-06-30"]')),
  };
})()`

// barValue reads a bar's value from its title ("2021 · In the window: −35%").
func barValue(t *testing.T, title string) float64 {
	t.Helper()
	_, v, ok := strings.Cut(title, ": ")
	x, err := strconv.ParseFloat(strings.TrimSuffix(strings.ReplaceAll(v, "−", "-"), "%"), 64)
	if !ok || err != nil {
		t.Fatalf("bar title %q: no value", title)
	}
	return x
}

// checkHistAgrees checks that the verdict, the summary, the spread chart,
// the spread table and the bucket table agree with each other and with
// the engine's run under statistic st; it returns what the page showed.
func checkHistAgrees(t *testing.T, ctx context.Context, exp *histExpectation, o engine.Options, w engine.Weights, st engine.Statistic) histShown {
	t.Helper()
	p := eval[histShown](t, ctx, readHistJS)
	name := st.Key()
	res := exp.runStat(t, o, w, 5, 30, st)
	if p.Select != name {
		t.Errorf("%s: the select shows %q", name, p.Select)
	}
	// The verdict's count is the table's positive yearly cells, its years
	// the table's yearly rows, both the engine's.
	pos, sum := 0, 0.0
	for _, x := range p.Spread {
		if x > 0 {
			pos++
		}
		sum += x
	}
	if p.Wins != pos || p.Years != len(p.Spread) || p.CardWins != pos {
		t.Errorf("%s: verdict says %d of %d windows (card %d); the table has %d positive of %d yearly rows", name, p.Wins, p.Years, p.CardWins, pos, len(p.Spread))
	}
	if p.Wins != res.SpreadWins || p.Years != res.Years {
		t.Errorf("%s: verdict %d of %d, engine %d of %d", name, p.Wins, p.Years, res.SpreadWins, res.Years)
	}
	// The sum: verdict = summary card = table foot = the table's cells
	// added up = the engine's.
	for _, c := range []struct {
		what string
		v    float64
	}{{"summary card", p.CardSum}, {"table foot", p.TableSum}, {"table cells added up", sum}, {"engine", res.CumSpread}} {
		if math.Abs(p.Sum-c.v) > 1e-9 {
			t.Errorf("%s: verdict's spreads add up to %v, %s %v", name, p.Sum, c.what, c.v)
		}
	}
	if !closeTo(p.T, res.TStatSpread) || !closeTo(p.CardT, res.TStatSpread) {
		t.Errorf("%s: t of the yearly spreads: verdict %v, card %v, engine %v", name, p.T, p.CardT, res.TStatSpread)
	}
	// The text says what the numbers say.
	if want := fmt.Sprintf(" %d of %d yearly windows by the ", p.Wins, p.Years); !strings.Contains(p.VerdictTxt, want) {
		t.Errorf("%s: verdict %q does not say %q", name, p.VerdictTxt, want)
	}
	if !strings.Contains(p.VerdictTxt, "add up to "+p.CardSumTxt+" (t") {
		t.Errorf("%s: verdict %q, summary card %q", name, p.VerdictTxt, p.CardSumTxt)
	}
	wantAnswer := "no"
	switch {
	case p.Wins == p.Years && p.Sum > 0:
		wantAnswer = "yes"
	case 2*p.Wins > p.Years && p.Sum > 0:
		wantAnswer = "mostly"
	}
	if p.Answer != wantAnswer {
		t.Errorf("%s: answer %q for %d of %d and a sum of %v, want %q", name, p.Answer, p.Wins, p.Years, p.Sum, wantAnswer)
	}
	// Each yearly cell is the engine's, equals the bucket table's top
	// minus bottom under the same statistic, and the chart's bar.
	if len(p.BarYear) != len(res.Dates) || len(p.BarCum) != res.Years {
		t.Fatalf("%s: chart has %d window bars and %d running-sum bars; %d dates, %d yearly", name, len(p.BarYear), len(p.BarCum), len(res.Dates), res.Years)
	}
	run := 0.0
	for i, a := range p.AsOf {
		d := dateOf(t, res, a)
		if !closeTo(p.Spread[i], d.Spread) || !closeTo(p.Hit[i], d.HitRate) {
			t.Errorf("%s %s: page spread %v hit %v, engine %v %v", name, a, p.Spread[i], p.Hit[i], d.Spread, d.HitRate)
		}
		if math.Abs(p.TopCells[i]-p.BotCells[i]-p.Spread[i]) > 1e-9 {
			t.Errorf("%s %s: buckets %v − %v ≠ spread %v", name, a, p.TopCells[i], p.BotCells[i], p.Spread[i])
		}
		run += p.Spread[i]
		// The bars are titled in whole percent.
		if got := barValue(t, p.BarYear[i]); math.Abs(got-p.Spread[i]*100) > 0.5+1e-9 {
			t.Errorf("%s %s: chart bar %q, table %v", name, a, p.BarYear[i], p.Spread[i])
		}
		if got := barValue(t, p.BarCum[i]); math.Abs(got-run*100) > 0.5+1e-9 {
			t.Errorf("%s %s: running-sum bar %q, table's cells add up to %v", name, a, p.BarCum[i], run)
		}
	}
	// Single factors use the same statistic.
	if want := dateOf(t, res, "2024-06-30").FactorSpread[engine.Valuation]; !closeTo(p.FactorVal, want) {
		t.Errorf("%s: valuation's 2024 spread %v, engine %v", name, p.FactorVal, want)
	}
	// The top N is an equal-weighted portfolio whatever the statistic.
	if !closeTo(p.TopNCum, res.CumTopN) || !closeTo(p.CumTopN, res.CumTopN) {
		t.Errorf("%s: top N compounded: verdict %v, card %v, engine %v", name, p.TopNCum, p.CumTopN, res.CumTopN)
	}
	// The flip sentence is there exactly when the mean's and the median's
	// sums differ in sign, and names the engine's movers.
	var meanSum, medSum float64
	movers := map[string]bool{}
	for _, d := range res.Dates {
		if d.Basis != engine.ForwardYear {
			continue
		}
		meanSum += d.Buckets[4].Mean - d.Buckets[0].Mean
		medSum += d.Buckets[4].Median - d.Buckets[0].Median
		for _, ms := range d.Movers {
			for _, m := range ms {
				movers[m.Ticker] = true
			}
		}
	}
	if flips := (meanSum > 0) != (medSum > 0); flips != (p.FlipNames != nil) {
		t.Errorf("%s: mean adds up to %v, median %v, flip sentence %v (%q)", name, meanSum, medSum, p.FlipNames != nil, p.FlipText)
	} else if flips {
		names := strings.Fields(*p.FlipNames)
		if len(names) == 0 {
			t.Errorf("%s: the flip names nobody: %q", name, p.FlipText)
		}
		for _, n := range names {
			if !movers[n] || !strings.Contains(p.FlipText, n+"\u00a0+") {
				t.Errorf("%s: flip names %s (%q), not one of the engine's movers", name, n, p.FlipText)
			}
		}
	}
	return p
}

// selectHistStat picks a statistic in the History settings as a user does
// and waits for the results to update.
func selectHistStat(t *testing.T, ctx context.Context, key string) {
	t.Helper()
	before := histRev(t, ctx)
	eval[bool](t, ctx, `(() => { const el = document.getElementById('hist-stat'); el.value = `+mustJSON(key)+`;
	  el.dispatchEvent(new Event('change', {bubbles: true})); return true })()`)
	waitHistRev(t, ctx, before)
}

// TestHistoryVerdictAgrees: the verdict's window count is the number of
// positive yearly spreads in the table, its added-up spread the summary's,
// the table's and the chart's, every number the engine's under the chosen
// statistic; switching the statistic changes them all, puts st= in the
// URL, and back restores the median. The top N stays the same
// equal-weighted portfolio.
func TestHistoryVerdictAgrees(t *testing.T) {
	exp := loadHistExpectation(t)
	srv := serveSite(distDir(t), "", nil)
	defer srv.Close()
	ctx := newBrowser(t, 1440, 900)
	step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+"/?view=history"))
	waitHistResults(t, ctx)
	waitJS(t, ctx, 30*time.Second, "the history results to be final",
		`!!document.querySelector('#hist-results[aria-busy="false"] #hist-verdict')`)
	o := engine.Options{MinCoverage: listedMinCoverage}
	w := pageWeights(t, ctx)

	med := checkHistAgrees(t, ctx, exp, o, w, engine.StatMedian)
	if q := eval[string](t, ctx, `location.search`); strings.Contains(q, "st=") {
		t.Errorf("the default median is in the URL: %q", q)
	}
	shown := map[string]histShown{"median": med}
	notes := map[string]string{eval[string](t, ctx, `document.getElementById('hist-stat-note').textContent`): "median"}
	for _, st := range []engine.Statistic{engine.StatMean, engine.StatWinsor, engine.StatCapWeighted} {
		selectHistStat(t, ctx, st.Key())
		shown[st.Key()] = checkHistAgrees(t, ctx, exp, o, w, st)
		waitJS(t, ctx, 10*time.Second, "the URL to carry st="+st.Key(),
			`new URLSearchParams(location.search).get('st') === `+mustJSON(st.Key()))
		// Each choice explains itself under the select.
		note := eval[string](t, ctx, `document.getElementById('hist-stat-note').textContent`)
		if other, seen := notes[note]; note == "" || seen {
			t.Errorf("%s: explanation %q (also %s's)", st.Key(), note, other)
		}
		notes[note] = st.Key()
	}
	mean := shown["mean"]
	if med.Sum == mean.Sum || med.TopCells[0] == mean.TopCells[0] || med.FactorVal == mean.FactorVal {
		t.Errorf("median and mean show the same numbers: sum %v/%v, 2020 top bucket %v/%v, valuation %v/%v",
			med.Sum, mean.Sum, med.TopCells[0], mean.TopCells[0], med.FactorVal, mean.FactorVal)
	}
	if med.TopNCum != mean.TopNCum {
		t.Errorf("the top N moved with the statistic: %v, %v", med.TopNCum, mean.TopNCum)
	}
	for k, s := range shown {
		t.Logf("%s: %s | %s", k, s.VerdictTxt, s.FlipText)
	}
	record("history verdict (default weights, quintiles)", "median: %s %d of %d, %+.1f pp; mean: %s %d of %d, %+.1f pp",
		med.Answer, med.Wins, med.Years, med.Sum*100, mean.Answer, mean.Wins, mean.Years, mean.Sum*100)

	// Back to the median: the previous history entry.
	rev := histRev(t, ctx)
	step(t, ctx, 10*time.Second, chromedp.Evaluate[chromedp.Void](`history.back()`))
	waitHistRev(t, ctx, rev)
	waitJS(t, ctx, 10*time.Second, "back: the URL to carry st=winsor", `new URLSearchParams(location.search).get('st') === 'winsor'`)
	checkHistAgrees(t, ctx, exp, o, w, engine.StatWinsor)
}

// TestHistoryVerdictOnFirstScreen: on a phone (390×844) and a desktop,
// in English and Japanese, opening the History view shows the whole
// verdict without scrolling.
func TestHistoryVerdictOnFirstScreen(t *testing.T) {
	srv := serveSite(distDir(t), "", nil)
	defer srv.Close()
	ctx := newBrowser(t, 1440, 900)
	for _, size := range []struct{ w, h int64 }{{390, 844}, {1440, 900}} {
		setView(t, ctx, size.w, size.h, false)
		// The mean's verdict is the longest (its flip sentence names the
		// median).
		for _, lang := range []string{"en", "ja", "en&st=mean&bk=10", "ja&st=mean&bk=10"} {
			step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+"/?view=history&lang="+lang))
			waitHistResults(t, ctx)
			waitPainted(t, ctx)
			r := eval[[]float64](t, ctx, `(() => { const r = document.getElementById('hist-verdict').getBoundingClientRect();
			  return [r.top, r.bottom, innerHeight, scrollY] })()`)
			if r[3] != 0 || r[0] < 0 || r[1] > r[2] {
				t.Errorf("%d×%d %s: verdict spans %.0f–%.0f px of a %.0f px screen (scrolled %.0f)", size.w, size.h, lang, r[0], r[1], r[2], r[3])
			}
			record(fmt.Sprintf("history verdict bottom, %d px %s", size.w, lang), "%.0f of %.0f px", r[1], r[2])
		}
	}
}
