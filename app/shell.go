package main

import (
	"errors"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"screener/data/schema"
)

// currentSnapshotPath is the snapshot the screener opens with.
const currentSnapshotPath = siteDataDir + schema.CurrentFile

// viewKey names a top-level view. Other views (ETFs, History) plug in as
// components next to the screener.
type viewKey string

const (
	viewScreener viewKey = ViewScreener
	viewETFs     viewKey = ViewETFs
	viewHistory  viewKey = ViewHistory
	viewClaims   viewKey = ViewClaims
)

// replaceDelay coalesces continuous changes (a slider drag) into one
// history.replaceState: browsers throttle history writes (Safari throws
// past ~100 in 30 s), and the address bar need not follow every frame.
const replaceDelay = 300 * time.Millisecond

// shell is the page: header with the view switch, language switch and
// share tools, the data-status line, and the active view, or the loading
// / error panel. It loads the current snapshot once on mount.
//
// The page state lives in the URL (urlstate.go): on mount the shell reads
// the query string into itself, the screener model and the views' state;
// after every user change it writes the URL back, with pushState for a
// discrete change (view, preset, filter, sort, page, opened stock,
// language) so the back button undoes it, and a coalesced replaceState for
// a slider drag. Back/forward (popstate) shows the state of that entry.
// With embed=1 it drops the page chrome (embed mode).
type shell struct {
	app.Compo

	lang    lang
	view    viewKey
	loading bool
	err     *loadError
	model   *screenModel

	// state is what the current history entry shows; a change that leaves
	// it equal writes nothing.
	state State
	// etf and hist are the ETF and History views' own state, kept for the
	// page's lifetime and mirrored in the URL (urlstate_views.go).
	etf  *etfState
	hist *historyStore
	// index is the data manifest, read from the network first; newData is
	// the date of the current snapshot the host now serves when it is not
	// the one shown, and appUpdated says a newer service worker (new page
	// files or data) has taken over: either offers a reload.
	index      *dataIndex
	newData    string
	appUpdated bool
	// claims is the Claims view's data, fetched when it first opens.
	claims *claimsStore

	ctx        app.Context // the mounted shell's context
	mounted    bool
	replaceGen int // cancels a scheduled replaceState
	replaceDue bool
	urlBad     []string // the address's filter values that did not parse (StateProblems)
}

func (s *shell) OnInit() {
	s.lang = langEN
	s.view = viewScreener
	s.loading = true
	s.state = DefaultState()
	s.etf = &etfState{}
	s.hist = newHistoryStore()
	s.index = newDataIndex()
	s.claims = &claimsStore{}
}

func (s *shell) OnMount(ctx app.Context) {
	publishTiming("mountAt", pageClock())
	s.ctx, s.mounted = ctx, true
	s.urlBad = StateProblems(pageQuery())
	s.showState(ParseState(pageQuery()))
	onPopState(ctx, func(ctx app.Context) {
		s.replaceGen++ // a pending replace belongs to the entry we left
		s.replaceDue = false
		s.urlBad = StateProblems(pageQuery())
		s.showState(ParseState(pageQuery()))
	})
	s.etf.OnChange = func() { s.noteChange(true) }
	s.hist.OnConfig = func(int, int) { s.noteChange(true) }
	if s.state.Embed {
		reportHeight("app")
	}

	s.index.load(ctx.ResolveStaticResource(indexPath))
	ctx.Async(func() {
		s.index.get()
		dispatch(ctx, func(ctx app.Context) { s.checkNewData() })
	})
	url := ctx.ResolveStaticResource(currentSnapshotPath)
	ctx.Async(func() {
		t0 := time.Now()
		b, status, err := fetchBytes(url, cacheDefault)
		publishTiming("fetchMs", msSince(t0))
		var model *screenModel
		var lerr *loadError
		if err != nil {
			lerr = classifyFetchError(url, status, err)
		} else if snap, err := decodeSnapshot(url, b); err != nil {
			// decodeSnapshot returns its *loadError unwrapped; a type
			// assertion, not errors.As, keeps reflectlite (~25 KB) out.
			if lerr, _ = err.(*loadError); lerr == nil {
				lerr = &loadError{Kind: loadCorrupt, URL: url, Detail: err.Error()}
			}
		} else {
			t1 := time.Now()
			model = newScreenModel(s.lang, snap.Snap, snap.Metrics)
			model.filtersOpen = !narrowScreen()
			publishTiming("screenMs", msSince(t1))
		}
		dispatch(ctx, func(ctx app.Context) {
			s.loading = false
			s.err = lerr
			s.model = model
			if model != nil {
				model.lang = s.lang
				model.index = s.index
				model.applyState(s.state)
				model.urlBad = s.urlBad
				model.onState = s.noteChange
				s.checkNewData()
			}
		})
	})
}

// checkNewData compares the manifest, once both it and the snapshot are
// here, with the snapshot shown.
func (s *shell) checkNewData() {
	m, ok := s.index.ready()
	if !ok || s.model == nil {
		return
	}
	s.newData = newerData(m, s.model.snap)
}

// OnAppUpdate: go-app calls it when a service worker has activated while
// this page runs. That is an update (the host's files changed since they
// were cached) only when another worker controlled the page already.
func (s *shell) OnAppUpdate(ctx app.Context) { s.appUpdated = pageHadWorker() }

// reloadForUpdate reloads with the current snapshot and the manifest
// fetched past the caches, after any pending URL write.
func (s *shell) reloadForUpdate(ctx app.Context, e app.Event) {
	s.flushReplace()
	reloadPastCaches(ctx.ResolveStaticResource(currentSnapshotPath), ctx.ResolveStaticResource(indexPath))
}

// showState shows st: language, view, embed mode, the views' settings and
// the screener (once loaded). It writes no history: st came from the URL.
func (s *shell) showState(st State) {
	st = st.Normalize()
	s.state = st
	s.lang = browserLang()
	if st.Lang != "" {
		s.lang = parseLang(st.Lang)
	}
	s.view = viewKey(st.View)
	setDocumentLang(s.lang)
	setRootClass("embed", st.Embed)
	setRootClass("transparent", st.Embed && st.Transparent)
	setEmbedStyle(embedBlockCSS(st.Block))
	etfFromState(s.etf, st)
	histFromState(s.hist, st)
	if s.model != nil {
		s.model.lang = s.lang
		s.model.applyState(st)
		s.model.urlBad = s.urlBad
	}
}

// currentState is the page state as shown now.
func (s *shell) currentState() State {
	st := s.state
	st.View = string(s.view)
	if s.model != nil {
		s.model.fillState(&st)
	}
	etfIntoState(s.etf, &st)
	histIntoState(s.hist, &st)
	return st.Normalize()
}

// noteChange records a user change in the URL: push adds a history entry,
// otherwise the current entry is rewritten shortly (coalesced).
func (s *shell) noteChange(push bool) {
	s.commit(s.currentState(), push)
}

func (s *shell) commit(st State, push bool) {
	if st == s.state {
		return
	}
	if !push {
		s.state = st
		if s.replaceDue {
			return
		}
		s.replaceDue = true
		s.replaceGen++
		gen := s.replaceGen
		if !s.mounted {
			s.flushReplace()
			return
		}
		ctx := s.ctx
		time.AfterFunc(replaceDelay, func() {
			dispatch(ctx, func(ctx app.Context) {
				if gen == s.replaceGen {
					s.flushReplace()
				}
			})
		})
		return
	}
	// The entry we leave keeps its latest state (a drag just before a
	// preset click), then the new state gets its own entry.
	s.flushReplace()
	s.state = st
	writeHistory(st.Query(), true)
}

// flushReplace writes a scheduled replaceState now.
func (s *shell) flushReplace() {
	if !s.replaceDue {
		return
	}
	s.replaceDue = false
	s.replaceGen++
	writeHistory(s.state.Query(), false)
}

// setView switches the top-level view (a history entry of its own).
func (s *shell) setView(v viewKey) {
	if v == s.view {
		return
	}
	s.view = v
	s.noteChange(true)
}

// openQuery shows the page state of query q as a new history entry (a
// link from one view to another, e.g. a claim to the History view).
func (s *shell) openQuery(q string) {
	dispatch(s.ctx, func(app.Context) {
		st := ParseState(q)
		s.flushReplace()
		s.showState(st)
		writeHistory(st.Query(), true)
	})
}

// focusClaim shows the Claims view's one card id ("" = every card) as a
// new history entry; the other settings stay.
func (s *shell) focusClaim(id string) {
	dispatch(s.ctx, func(app.Context) {
		st := s.currentState()
		st.Claim = id
		s.commit(st.Normalize(), true)
	})
}

// setLang switches the UI language and records the choice in the URL.
func (s *shell) setLang(l lang) {
	st := s.currentState()
	st.Lang = string(l)
	s.lang = l
	setDocumentLang(l)
	if s.model != nil {
		s.model.lang = l
		s.model.changed()
	}
	s.commit(st, true)
}

// logoSVG is web/icon.svg, the brand mark beside the title: decorative
// (the h1 names the page), so hidden from assistive technology.
const logoSVG = `<svg class="logo" width="28" height="28" viewBox="0 0 64 64" aria-hidden="true" focusable="false"><rect width="64" height="64" rx="12" fill="#1f5fbf"/><g fill="#fff"><rect x="14" y="38" width="8" height="12"/><rect x="28" y="28" width="8" height="22"/><rect x="42" y="16" width="8" height="34"/></g></svg>`

func (s *shell) Render() app.UI {
	l := s.lang
	if s.state.Embed {
		return s.renderEmbed()
	}
	// Static text as HTML: no go-app type for h1 (~14 KB). The logo is
	// the icon inlined as a decorative SVG: go-app drops an empty attribute
	// value, so app.Img().Alt("") rendered an <img> with no alt at all.
	var brand htmlWriter
	brand.WriteString(`<div class="brand">` + logoSVG)
	brand.tagText("<div><h1>", l.t("app.title"), `</h1><p class="tagline">`)
	brand.tagText("", l.t("app.tagline"), "</p></div></div>")
	return app.Div().ID("app").Class("app").Body(
		// A button, not an "#main" link: go-app turns link clicks into
		// navigations (a history entry), and a link would not move focus.
		app.Button().Type("button").Class("skip-link").Text(l.t("nav.skip")).OnClick(s.onSkip),
		app.Elem("header").Class("topbar").Body(
			brand.UI(),
			s.renderViewSwitch(),
			(&langSwitch{Lang: l, OnPick: s.setLang}).render(),
		),
		s.renderStatus(),
		app.If(s.newData != "" || s.appUpdated, func() app.UI {
			return updateBanner{Lang: l, AsOf: s.newData, OnReload: s.reloadForUpdate}.render()
		}),
		app.If(s.model != nil, func() app.UI {
			return &shareBar{Lang: l, View: s.view, Query: s.state.Query(), Ready: s.model != nil, OnCSV: s.downloadCSV}
		}),
		app.Elem("main").ID("main").Class("content").TabIndex(-1).Body(s.renderView()),
	)
}

// onSkip moves keyboard focus to the results.
func (s *shell) onSkip(ctx app.Context, e app.Event) {
	ctx.PreventUpdate()
	if el := app.Window().GetElementByID("main"); el.Truthy() {
		el.Call("focus")
	}
}

// renderEmbed is the compact page for an iframe: the chosen view without
// header, switches or share tools, and a link to the full page.
func (s *shell) renderEmbed() app.UI {
	l := s.lang
	full := s.state
	full.Embed, full.Transparent, full.Block, full.Card, full.Sliders = false, false, "", "", false
	card := s.model != nil && s.state.Card != ""
	var caption, main app.UI
	if card {
		main = stockCard{M: s.model, Ticker: s.state.Card}.render()
		full.Selected = s.state.Card
	} else {
		main = s.renderView()
	}
	// A ranked list or a card says which screen it comes from.
	if card || s.model != nil && s.view == viewScreener {
		caption = rawElem("p", embedCaption(l, s.state, s.model.snap.AsOf, s.model.snap.Sectors), "class", "embed-caption", "id", "embed-caption")
	}
	return app.Div().ID("app").Class("app embed").Body(
		app.If(caption != nil, func() app.UI { return caption }),
		app.Elem("main").ID("main").Class("content").Body(main),
		// A div, not a footer: each new go-app element type links its whole
		// method set into app.wasm (~15 KB).
		divClass("embed-foot").Body(
			app.If(s.model != nil && caption == nil, func() app.UI {
				return app.Span().Class("muted").Text(l.tf("status.line", l.date(s.model.snap.AsOf), formatCount(s.model.snap.N)))
			}),
			rawElem("a", l.t("embed.open")+" ↗", "id", "embed-open", "href", pageURL(full.Query()), "target", "_blank", "rel", "noopener"),
		),
	)
}

func (s *shell) renderViewSwitch() app.UI {
	l := s.lang
	views := [...]viewKey{viewScreener, viewETFs, viewHistory, viewClaims}
	tabs := make([]app.UI, len(views))
	for i, v := range views {
		b := app.Button().
			Class("view-tab").
			Type("button").
			DataSet("view", string(v)).
			Text(l.t("view."+string(v))).
			OnClick(func(ctx app.Context, e app.Event) { s.setView(v) }, app.EventScope("view", string(v)))
		if v == s.view {
			b = b.Aria("current", "page").Class("active")
		}
		tabs[i] = b
	}
	return app.Elem("nav").Class("views").Aria("label", l.t("nav.main")).Body(tabs...)
}

func (s *shell) renderStatus() app.UI {
	if s.loading {
		return app.P().Class("status").Role("status").Text(s.lang.t("status.loading"))
	}
	if s.model == nil {
		return nil
	}
	return &dataStatus{M: s.model, Opts: s.model.opts, Lang: s.lang}
}

func (s *shell) renderView() app.UI {
	switch {
	case s.loading:
		// Raw HTML: go-app's static pre-render writes an attribute whose
		// value is "true" with no value (a bare aria-busy, which is not
		// "true" to assistive technology).
		var w htmlWriter
		w.tagText(`<div class="panel loading" aria-busy="true"><p>`, s.lang.t("status.loading"), `</p></div>`)
		return w.UI()
	case s.err != nil:
		return &errorPanel{Lang: s.lang, Kind: s.err.Kind, URL: s.err.URL, Detail: s.err.Detail}
	case s.model == nil:
		return &errorPanel{Lang: s.lang, Kind: loadCorrupt, Detail: "no snapshot loaded"}
	}
	switch s.view {
	// ETFs and History add their cases here.
	case viewETFs:
		return &etfView{Lang: s.lang, M: s.model, S: s.etf, Rev: s.model.rev}
	case viewClaims:
		return &claimsView{Lang: s.lang, M: s.model, S: s.claims, Only: s.state.Claim, Embed: s.state.Embed, Open: s.openQuery, Focus: s.focusClaim}
	case viewHistory:
		return &historyView{Lang: s.lang, M: s.model, S: s.hist, Rev: s.model.rev, TopN: s.hist.TopN, Buckets: s.hist.Buckets}
	}
	return &screenerView{M: s.model, Rev: s.model.rev, Compact: s.state.Embed, Sliders: s.state.Sliders, Lang: s.lang}
}

// downloadCSV saves the ranked list, in the table's order and with every
// column the table shows, as "screener-<snapshot date>.csv".
func (s *shell) downloadCSV() error {
	m := s.model
	if m == nil {
		return errors.New("no data loaded")
	}
	data, err := m.rankedCSV()
	if err != nil {
		return err
	}
	return saveFile(m.csvFileName(), "text/csv;charset=utf-8", data)
}
