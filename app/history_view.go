package main

// History view: "would these weights have worked?"
//
// Settings the URL state wires — they live in the
// historyStore the shell keeps, not in this component, so they survive
// leaving the tab:
//
//	historyStore.TopN    int  size of "my screen", 1..200 (0 = default 30)
//	historyStore.Buckets int  5 (quintiles, default) or 10 (deciles)
//	historyStore.Stat    engine.Statistic  the bucket statistic (median by default)
//	historyStore.OnConfig func(topN, buckets int)
//	                     called on the UI goroutine after the user changed
//	                     one of them, so the URL can follow (st=, top=, bk=).
//
// The shell also passes TopN / Buckets as the view's own exported fields,
// so that a change from the URL (back/forward) re-renders and re-runs it.
// Weights and filters are the screener's (screenModel), so the URL's
// weights and filters already apply here.
//
// Data flow: opening the tab downloads history-2020..2025.json and
// funds.json (never at start-up), decoding one file at a time with a pause
// between files so the page stays responsive, and prepares
// engine.NewBacktest once per filter set (metrics, percentiles, sorted
// forward returns). A weight, top-N or bucket change re-runs only
// Backtest.Run (score + buckets + IC + top-N for 7 dates, a few ms),
// coalesced per animation frame like the screener's table (frame.go).

import (
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"screener/engine"
)

// historyView is the History tab: the screener's controls beside the
// backtest of the current weights and filters.
type historyView struct {
	app.Compo

	M    *screenModel
	S    *historyStore
	Lang lang
	// Rev is the screener model's revision; a new value re-renders.
	Rev int
	// TopN and Buckets mirror the store's settings so that a change from
	// the URL (back/forward) re-renders and re-runs the view.
	TopN, Buckets int

	res         *historyResult
	resKey      historyRunKey
	rev         int // counts results computed (data-rev on the results)
	frameQueued bool

	// The results are written as one HTML string into a host element
	// that go-app renders empty (as the screener's table): the write
	// happens in the animation-frame callback that ran the backtest, so
	// that frame paints it, and one innerHTML parse replaces diffing
	// ~1,000 go-app nodes. writeQueued/written* track that write.
	writeQueued  bool
	writtenRev   int
	writtenLang  lang
	writtenBusy  bool
	writeRetries int
}

// historyRunKey is everything a backtest run depends on; an unchanged key
// re-uses the last result.
type historyRunKey struct {
	prep    *historyPrep
	weights engine.Weights
	cfg     engine.BacktestConfig
	minCov  int
	missing engine.MissingRule
}

// historyResult is one backtest run with what the view shows beside it;
// every number is the engine's (engine.BacktestResult, with its Funds).
type historyResult struct {
	engine.BacktestResult
	RunMs  float64
	Preset string // preset the weights equal, "" if custom
}

func (h *historyView) OnMount(ctx app.Context) {
	h.M.onChange = func() { h.queueFrame(ctx) }
	h.S.setWake(func() {
		dispatch(ctx, func(ctx app.Context) {
			h.refresh(ctx)
			h.paint(ctx)
		})
	})
	h.S.startLoad(ctx.Async, ctx.ResolveStaticResource, h.M.index, h.M.snap, h.M.opts)
	h.refresh(ctx)
	h.paint(ctx)
}

// OnUpdate re-runs after the shell passed new fields (URL state, model
// revision, language).
func (h *historyView) OnUpdate(ctx app.Context) {
	h.refresh(ctx)
	h.paint(ctx)
}

func (h *historyView) OnDismount() {
	h.M.onChange = nil
	h.S.setWake(nil)
}

// queueFrame asks for one refresh in the next animation frame: slider
// moves within a frame cost one backtest run and one render.
func (h *historyView) queueFrame(ctx app.Context) {
	if h.frameQueued {
		return
	}
	h.frameQueued = true
	onNextFrame(func() {
		dispatch(ctx, func(ctx app.Context) {
			// Apply the slider values that arrived since the last frame
			// (this rescoring calls onChange again; frameQueued stops it).
			h.M.flushPendingWeights()
			h.frameQueued = false
			h.refresh(ctx)
			h.paint(ctx)
		})
	})
}

// refresh re-runs the backtest when its inputs changed, and asks for a new
// preparation when the filters changed (the old result stays on screen,
// marked as updating, until it is ready).
func (h *historyView) refresh(ctx app.Context) {
	st := h.S.status()
	if st.Phase != histReady {
		return
	}
	opts := h.M.opts.ScreenKey()
	if st.Prep == nil || st.Prep.Opts != opts {
		h.S.requestPrepare(ctx.Async, opts)
	}
	if st.Prep == nil {
		return
	}
	key := historyRunKey{prep: st.Prep, weights: h.M.weights, cfg: h.S.config(), minCov: h.M.opts.MinCoverage, missing: h.M.opts.Missing}
	if h.res != nil && key == h.resKey {
		return
	}
	h.res = runHistory(st.Prep, st.Data, key)
	h.res.Preset = h.M.preset
	h.resKey = key
	h.rev++
	publishTiming("historyRunMs", h.res.RunMs)
}

// paint writes the results now if their host is on the page, else in a
// later frame (the host appears with go-app's next render).
func (h *historyView) paint(ctx app.Context) {
	if !h.write() {
		h.queueWrite(ctx)
	}
}

// queueWrite retries the write in the next animation frames, for at most
// about a second (the host only misses while go-app has not yet rendered
// it).
func (h *historyView) queueWrite(ctx app.Context) {
	if h.writeQueued || h.res == nil {
		return
	}
	h.writeQueued = true
	onNextFrame(func() {
		dispatch(ctx, func(ctx app.Context) {
			h.writeQueued = false
			if h.write() {
				h.writeRetries = 0
				return
			}
			if h.writeRetries++; h.writeRetries < 60 {
				h.queueWrite(ctx)
			}
		})
	})
}

// write replaces the host's content with the current result; it reports
// false when there is no host yet.
func (h *historyView) write() bool {
	if app.IsServer || h.res == nil {
		return true
	}
	host := app.Window().GetElementByID("hist-results")
	if !host.Truthy() {
		return false
	}
	st := h.S.status()
	l := h.M.lang
	if h.writtenRev == h.rev && h.writtenLang == l && h.writtenBusy == st.Preparing &&
		host.Get("dataset").Get("rev").String() == itoa(h.rev) {
		return true
	}
	host.Set("innerHTML", h.resultsHTML(st))
	host.Get("dataset").Set("rev", itoa(h.rev))
	host.Call("setAttribute", "aria-busy", strconv.FormatBool(st.Preparing))
	h.writtenRev, h.writtenLang, h.writtenBusy = h.rev, l, st.Preparing
	return true
}

// resultsHTML is every part of the results, in reading order: the plain
// verdict first (on a phone it fits the first screen under the settings),
// the summary cards, the honesty note, then the charts, then the tables.
func (h *historyView) resultsHTML(st historyStatus) string {
	l := h.M.lang
	r := h.res
	narrow := narrowScreen()
	var w htmlWriter
	w.Grow(56 << 10)
	if st.Preparing {
		w.elem("p", l.t("hist.updating"), "class", "hist-updating", "role", "status")
	}
	(&historyVerdict{Lang: l, R: &r.BacktestResult}).write(&w)
	(&historySummary{Lang: l, R: r}).write(&w)
	(&historyNote{Lang: l, Data: st.Data, Res: r}).write(&w)
	spread := &historySpread{Lang: l, R: r, Narrow: narrow}
	mine := &historyMyScreen{Lang: l, R: r, Narrow: narrow}
	spread.writeChart(&w)
	mine.writeChart(&w)
	spread.writeTable(&w)
	(&historyBuckets{Lang: l, R: r}).write(&w)
	mine.writeTable(&w)
	(&historyFactors{Lang: l, R: r}).write(&w)
	return w.String()
}

// runHistory scores every prepared date with the key's weights and adds
// the funds' returns over the same windows.
func runHistory(p *historyPrep, d *historyData, k historyRunKey) *historyResult {
	t0 := time.Now()
	for _, dt := range p.BT.Dates {
		// Score reads MinCoverage and Missing, so the prepared screens
		// serve every coverage choice and missing-factor rule.
		dt.Screen.Opts.MinCoverage, dt.Screen.Opts.Missing = k.minCov, k.missing
	}
	res := p.BT.Run(k.weights, k.cfg)
	res.WithFunds(d.FundTickers, p.FundRet)
	r := &historyResult{BacktestResult: res}
	r.RunMs = msSince(t0)
	return r
}

func (h *historyView) Render() app.UI {
	m := h.M
	l := m.lang
	return divClass("screener history").ID("history").Body(
		app.Elem("aside").Class("controls").Aria("label", l.t("weights.title")).Body(
			&presetBar{M: m, Active: m.preset, Lang: l},
			&weightSliders{M: m, Weights: m.weights, Lang: l},
			&filterPanel{M: m, Opts: m.opts, Lang: l},
		),
		app.Elem("section").Class("results hist-results").Aria("labelledby", "hist-title").Body(h.renderMain()...),
	)
}

// renderMain is the title, the settings and, depending on the download,
// its progress, an error, or the results.
func (h *historyView) renderMain() []app.UI {
	l := h.M.lang
	st := h.S.status()
	cfg := h.S.config()
	out := []app.UI{
		divClass("hist-head").Body(
			rawElem("h2", l.t("hist.title"), "id", "hist-title"),
			app.P().Class("muted").Text(l.t("hist.lead")),
			h.renderSettings(cfg),
		),
	}
	switch st.Phase {
	case histFailed:
		e := st.Err
		if e == nil {
			e = &loadError{Kind: loadCorrupt}
		}
		return append(out, &errorPanel{Lang: l, Kind: e.Kind, URL: e.URL, Detail: e.Detail})
	case histIdle, histLoading:
		return append(out, historyProgress{Lang: l, Done: st.Done, Total: st.Total}.render())
	}
	if h.res == nil {
		if st.PrepErr != "" {
			return append(out, &errorPanel{Lang: l, Kind: loadCorrupt, Detail: st.PrepErr})
		}
		return append(out, historyProgress{Lang: l, Done: st.Total, Total: st.Total, Preparing: true}.render())
	}
	// The host stays empty for go-app; write() fills it.
	return append(out, app.Div().ID("hist-results").Class("hist-body"))
}

// renderSettings is the bucket choice and the size of "my screen".
func (h *historyView) renderSettings(cfg engine.BacktestConfig) app.UI {
	l := h.M.lang
	// A table and a loop: a closure called twice would be inlined twice.
	choices := [...]struct {
		k     int
		label string
	}{{5, l.t("hist.quintiles")}, {10, l.t("hist.deciles")}}
	btns := make([]app.UI, len(choices))
	for i, c := range choices {
		k := c.k
		b := app.Button().Type("button").Class("preset").ID("hist-buckets-"+itoa(k)).
			Aria("pressed", cfg.Buckets == k).Text(c.label).
			OnClick(func(ctx app.Context, e app.Event) { h.setBuckets(ctx, k) }, app.EventScope("buckets", k))
		if cfg.Buckets == k {
			b = b.Class("active")
		}
		btns[i] = b
	}
	// The statistic: median first (the default), then the means from the
	// most robust to the one an index holding would earn.
	stats := [...]engine.Statistic{engine.StatMedian, engine.StatWinsor, engine.StatMean, engine.StatCapWeighted}
	vals, labels := make([]string, len(stats)), make([]string, len(stats))
	sel := 0
	for i, s := range stats {
		vals[i], labels[i] = s.Key(), l.t("hist.stat."+s.Key())
		if s == cfg.Stat {
			sel = i
		}
	}
	return divClass("hist-settings").Body(
		divClass("preset-buttons").Role("group").Aria("label", l.t("hist.buckets")).Body(btns...),
		app.Label().Class("hist-topn").For("hist-topn").Body(
			app.Span().Text(l.t("hist.topn")),
			app.Input().Type("number").ID("hist-topn").
				Min(MinTopN).Max(MaxTopN).Step(1).
				Value(itoa(cfg.TopN)).
				OnChange(h.onTopN),
		),
		divClass("hist-stat").Body(
			rawElem("label", l.t("hist.stat"), "for", "hist-stat"),
			selectElem("hist-stat", h.onStat, selectOptions(vals, labels, sel)),
			rawElem("p", l.t("hist.stat.note."+cfg.Stat.Key()), "class", "small muted", "id", "hist-stat-note"),
		),
	)
}

// onStat takes the chosen statistic; an unknown value is ignored.
func (h *historyView) onStat(ctx app.Context, e app.Event) {
	st, ok := engine.ParseStatistic(ctx.JSSrc().Get("value").String())
	if !ok || st == h.S.config().Stat {
		return
	}
	h.S.Stat = st
	h.configChanged(ctx)
}

func (h *historyView) setBuckets(ctx app.Context, k int) {
	if h.S.config().Buckets == k {
		return
	}
	h.S.Buckets = k
	h.configChanged(ctx)
}

// onTopN takes the typed size of "my screen", clamped to 1..200; a value
// that is not a whole number is ignored.
func (h *historyView) onTopN(ctx app.Context, e app.Event) {
	n, err := strconv.Atoi(ctx.JSSrc().Get("value").String())
	if err != nil {
		return
	}
	h.S.TopN = max(MinTopN, min(n, MaxTopN))
	h.configChanged(ctx)
}

func (h *historyView) configChanged(ctx app.Context) {
	if h.S.OnConfig != nil {
		c := h.S.config()
		h.S.OnConfig(c.TopN, c.Buckets)
	}
	h.refresh(ctx)
	h.paint(ctx)
}
