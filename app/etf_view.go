package main

import (
	"errors"
	"slices"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"screener/data/schema"
	"screener/engine"
)

// fundsPath is the fund facts and monthly closes, loaded the first time
// the ETFs view opens (the screener never needs them).
const fundsPath = siteDataDir + schema.FundsFile

// etfState is the ETF view's state that outlives the component: the shell
// keeps one and passes a pointer, so switching views keeps the choice and
// funds.json is downloaded once.
//
// URL state: Funds, From and AsOf are the
// whole user-visible selection; set them before the view renders (e.g.
// from State.Funds / ETFFrom / ETFAsOf) and read them back after Rev
// changes. The view never changes them except on user input, and then
// bumps Rev and calls OnChange when set.
//
//	Funds — 2..6 tickers of FundTickers in column order; nil = defaultFunds.
//	From  — first month of the growth chart, risk and correlation window,
//	        "YYYY-MM"; "" = the first month every selected fund has a price.
//	AsOf  — month the trailing returns end, "YYYY-MM"; "" = the last price.
type etfState struct {
	Funds    []string
	From     string
	AsOf     string
	Rev      int
	OnChange func() // called on the UI goroutine after a user change

	funds    *engine.Funds // decoded funds.json, nil until loaded
	loading  bool
	err      *loadError
	holdSnap *engine.Snapshot        // snapshot the cached holdings are for
	hold     map[string]*etfHoldView // ticker -> holdings (nil value: none)
	track    *etfTrack
}

// tickers is the selection with the default filled in.
func (s *etfState) tickers() []string {
	if len(s.Funds) == 0 {
		return []string{"IWM", "IJR", "VTWG", "VTWV"}
	}
	return s.Funds
}

// changed records a user change of the selection.
func (s *etfState) changed() {
	s.Rev++
	if s.OnChange != nil {
		s.OnChange()
	}
}

// etfView compares the selected ETFs: picker, growth chart, returns and
// risk, holdings aggregates under the user's current factor weights,
// sectors, overlap and correlation, and the modelled style funds' tracking.
type etfView struct {
	app.Compo

	Lang lang
	M    *screenModel // the shell's screener model: snapshot, screen, weights
	S    *etfState
	Rev  int // screener model revision: a slider move re-renders the view

	cmp     *etfComparison
	cmpErr  string
	cmpKey  string // selection the comparison was built for
	prof    []engine.FactorProfile
	profKey engine.Weights
	profScr *engine.Screen
	profRev int
}

func (v *etfView) OnInit() {
	if v.S == nil {
		v.S = &etfState{}
	}
}

func (v *etfView) OnMount(ctx app.Context) {
	// A weight slider inside this view (or a preset) asks the model for a
	// frame; while the view is mounted it repaints the fund profiles.
	v.M.onChange = func() {
		onNextFrame(func() {
			ctx.Dispatch(func(ctx app.Context) {
				v.M.flushPendingWeights()
				v.profRev++
			})
		})
	}
	s := v.S
	if s.funds != nil || s.loading {
		return
	}
	s.loading, s.err = true, nil
	url := ctx.ResolveStaticResource(fundsPath)
	cur := v.M.snap
	ctx.Async(func() {
		t0 := time.Now()
		fs, lerr := loadFunds(url)
		var hold map[string]*etfHoldView
		if lerr == nil {
			// Holdings do not depend on the weights: built once per
			// snapshot (the modelled VTWG/VTWV split takes the longest).
			hold = map[string]*etfHoldView{}
			// Funds tracking the same index share their source's
			// holdings, built once (HoldingsFunds lists sources first).
			for _, t := range engine.HoldingsFunds {
				if src, _ := engine.HoldingsSource(t); src != t && hold[src] != nil {
					hold[t] = &etfHoldView{Portfolio: engine.SharedPortfolio(hold[src].Portfolio, t), Stats: hold[src].Stats}
					continue
				}
				hold[t] = etfHoldingsOf(cur, t)
			}
		}
		var track *etfTrack
		if lerr == nil {
			track = &etfTrack{Current: etfStyleTracking(fs, []*engine.Snapshot{cur})}
		}
		publishTiming("etfLoadMs", msSince(t0))
		ctx.Dispatch(func(ctx app.Context) {
			s.loading, s.err = false, lerr
			if lerr == nil {
				s.funds, s.hold, s.holdSnap, s.track = fs, hold, cur, track
			}
		})
	})
}

func (v *etfView) OnDismount() {
	v.M.onChange = nil
}

// loadFunds downloads and decodes funds.json, classifying failures as the
// snapshot loader does.
func loadFunds(url string) (fs *engine.Funds, lerr *loadError) {
	defer func() {
		if r := recover(); r != nil {
			fs, lerr = nil, &loadError{Kind: loadCorrupt, URL: url, Detail: "decoder panic"}
		}
	}()
	b, status, err := fetchBytes(url, cacheDefault)
	if err != nil {
		return nil, classifyFetchError(url, status, err)
	}
	fs, err = engine.DecodeFunds(b)
	if err != nil {
		kind := loadCorrupt
		if errors.Is(err, engine.ErrSchema) {
			kind = loadVersion
		}
		return nil, &loadError{Kind: kind, URL: url, Detail: err.Error()}
	}
	return fs, nil
}

// holdingsFor returns the cached holdings of ticker for the current
// snapshot (nil: the data has none).
func (v *etfView) holdingsFor(t string) *etfHoldView {
	s := v.S
	if s.holdSnap != v.M.snap {
		s.hold, s.holdSnap = map[string]*etfHoldView{}, v.M.snap
	}
	h, ok := s.hold[t]
	if !ok {
		h = etfHoldingsOf(v.M.snap, t)
		s.hold[t] = h
	}
	return h
}

// refresh rebuilds the comparison when the selection changed and the
// factor profiles when the screen was rescored.
func (v *etfView) refresh() {
	s := v.S
	key := s.From + "|" + s.AsOf
	for _, t := range s.tickers() {
		key += "|" + t
	}
	if key != v.cmpKey {
		v.cmpKey = key
		v.cmp, v.cmpErr = nil, ""
		c, err := buildETFComparison(s.funds, s.tickers(), s.From, s.AsOf, v.holdingsFor)
		if err != nil {
			v.cmpErr = err.Error()
		} else {
			v.cmp = c
		}
		v.prof = nil
	}
	if v.cmp != nil && (v.prof == nil || v.profKey != v.M.weights || v.profScr != v.M.screen || v.profRev != v.Rev) {
		v.prof = etfProfiles(v.M.screen, v.cmp)
		v.profKey, v.profScr, v.profRev = v.M.weights, v.M.screen, v.Rev
	}
}

func (v *etfView) Render() app.UI {
	l, s := v.Lang, v.S
	var hw htmlWriter
	hw.tagText(`<div class="etf-head"><h2>`, l.t("etf.title"), `</h2>`)
	hw.tagText(`<p class="muted">`, l.t("etf.intro"), `</p></div>`)
	head := hw.UI()
	switch {
	case s.err != nil:
		return app.Div().Class("etf").Body(head,
			&errorPanel{Lang: l, Kind: s.err.Kind, URL: s.err.URL, Detail: s.err.Detail})
	case s.funds == nil:
		var w htmlWriter
		w.tagText(`<div id="etf-loading" class="panel loading" aria-busy="true" role="status"><p>`, l.t("etf.loading"), `</p></div>`)
		return app.Div().Class("etf").Body(head, w.UI())
	}
	v.refresh()
	picker := &etfPicker{Lang: l, S: s, Rev: s.Rev, OnPick: v.onPick}
	if v.cmp == nil {
		return app.Div().Class("etf").Body(head, picker,
			rawElem("p", v.cmpErr, "id", "etf-error", "class", "panel error", "role", "alert"))
	}
	c := v.cmp
	hasHold := slices.ContainsFunc(c.Funds, func(f etfFundView) bool { return f.Hold != nil })
	hasStyle := slices.ContainsFunc(c.Funds, func(f etfFundView) bool {
		return f.Fund.Ticker == "VTWG" || f.Fund.Ticker == "VTWV"
	})
	returns := etfReturnsTable(l, c)
	tables := []*etfTable{returns}
	var hold, sectors, overlap *etfTable
	if hasHold {
		hold = etfHoldingsTable(l, c, v.prof, v.M.snap.AsOf)
		sectors = etfSectorTable(l, c, v.M.snap.Sectors)
		overlap = etfMatrixTable(l, c, "overlap")
		tables = append(tables, hold, sectors, overlap)
	}
	corr := etfMatrixTable(l, c, "corr")
	tables = append(tables, corr)
	// Read-only cards are written as HTML (far smaller in wasm than
	// element chains); only the holdings card holds live components.
	var growth htmlWriter
	etfCardOpen(&growth, "etf-growth-h", l.tf("etf.growth.title", monthLabel(c.Start), monthLabel(c.AsOf)))
	(&etfGrowthChart{Lang: l, C: c}).write(&growth)
	growth.WriteString(`</section>`)
	kids := []app.UI{
		head,
		picker,
		growth.UI(),
		etfCardUI("etf-returns-h", l.t("etf.returns.title"), returns, l.t("etf.returns.note")),
	}
	var matrices htmlWriter
	matrices.WriteString(`<div class="etf-matrices">`)
	if hasHold {
		var hw htmlWriter
		hw.WriteString("<div>")
		hold.write(&hw)
		etfHoldDefinitions(&hw, l)
		etfNote(&hw, l.t("etf.hold.note"))
		hw.WriteString("</div>")
		kids = append(kids,
			app.Elem("section").Class("etf-card").Aria("labelledby", "etf-hold-h").Body(
				rawElem("h3", l.tf("etf.hold.title", v.M.snap.AsOf), "id", "etf-hold-h"),
				app.Div().Class("etf-hold-grid").Body(
					hw.UI(),
					app.Elem("aside").Class("etf-weights").Aria("label", l.t("weights.title")).Body(
						rawElem("p", l.t("etf.weights.shared"), "class", "small muted"),
						&presetBar{M: v.M, Active: v.M.preset},
						&weightSliders{M: v.M, Weights: v.M.weights},
					),
				)),
			etfCardUI("etf-sectors-h", l.t("etf.sectors.title"), sectors, ""))
		etfCard(&matrices, "etf-overlap-h", l.t("etf.overlap.title"), overlap, l.t("etf.overlap.note"))
	}
	etfCard(&matrices, "etf-corr-h", corr.Title, corr, l.t("etf.corr.note"))
	matrices.WriteString("</div>")
	kids = append(kids, matrices.UI())
	if hasStyle {
		kids = append(kids, &etfTracking{Lang: l, M: v.M, S: s})
	}
	kids = append(kids, &etfDownload{Lang: l, Tables: tables, AsOf: c.AsOf.Format(time.DateOnly)})
	return app.Div().ID("etf").Class("etf").Body(kids...)
}

// etfCardOpen starts a read-only card: a section named by its heading.
//
//go:noinline
func etfCardOpen(w *htmlWriter, id, title string) {
	w.tagText(`<section class="etf-card" aria-labelledby="`+id+`"><h3 id="`+id+`">`, title, `</h3>`)
}

// etfCard writes a card of one table and its footnote ("" for none).
//
//go:noinline
func etfCard(w *htmlWriter, id, title string, t *etfTable, note string) {
	etfCardOpen(w, id, title)
	t.write(w)
	etfNote(w, note)
	w.WriteString(`</section>`)
}

// etfCardUI is one card as a go-app node.
//
//go:noinline
func etfCardUI(id, title string, t *etfTable, note string) app.UI {
	var w htmlWriter
	etfCard(&w, id, title, t, note)
	return w.UI()
}

// etfNote writes a card's footnote, if any.
//
//go:noinline
func etfNote(w *htmlWriter, text string) {
	if text != "" {
		w.tagText(`<p class="small muted etf-note">`, text, `</p>`)
	}
}

// onPick applies a picker change (already written into S) and re-renders.
func (v *etfView) onPick() {
	v.S.changed()
}

// monthLabel shows a date as its month, "2025-06".
func monthLabel(t time.Time) string { return engine.MonthOf(t).String() }
