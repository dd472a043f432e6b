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
	lost  map[string]int     // asof -> survivorship_counts.reporting_no_price
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
						NoPrice int `json:"reporting_no_price"`
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

// run is what the engine reports for the page's weights and settings.
func (e *histExpectation) run(t *testing.T, o engine.Options, w engine.Weights, buckets, topN int) engine.BacktestResult {
	t.Helper()
	bt, err := engine.NewBacktest(e.snaps, o)
	if err != nil {
		t.Fatal(err)
	}
	return bt.Run(w, engine.BacktestConfig{Buckets: buckets, TopN: topN})
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
// after it (as measureMoveJS does for the screener). The engine time is
// what the page measured around Backtest.Run.
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
		if !closeTo(v, b.Mean) || n != b.N {
			t.Errorf("2024 decile %d: page mean %v n %d, engine %v n %d", q+1, v, n, b.Mean, b.N)
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
	if n := eval[int](t, ctx, `+document.querySelector('#hist-lost tr[data-asof="2024-06-30"] td:nth-child(2)').textContent.replace(/,/g, '')`); n != dateOf(t, resIJR, "2024-06-30").Universe {
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

// TestHistoryFromURL: a shared link with view=history, top and bk opens
// the History view with that top N and deciles (the URL state carries the
// view's settings).
func TestHistoryFromURL(t *testing.T) {
	srv := serveSite(distDir(t), "", nil)
	defer srv.Close()
	ctx := newBrowser(t, 1440, 900)
	step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+"/?view=history&top=50&bk=10"))
	waitHistResults(t, ctx)
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
