package main

import (
	"errors"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// currentSnapshotPath is the snapshot the screener opens with.
const currentSnapshotPath = "/web/data/current.json"

// viewKey names a top-level view. Other views (ETFs, History) plug in as
// components next to the screener.
type viewKey string

const (
	viewScreener viewKey = "screener"
	viewETFs     viewKey = "etfs"
	viewHistory  viewKey = "history"
)

// shell is the page: header with the view switch, the data-status line,
// and the active view, or the loading / error panel. It loads the current
// snapshot once on mount.
type shell struct {
	app.Compo

	lang    lang
	view    viewKey
	loading bool
	err     *loadError
	model   *screenModel
}

func (s *shell) OnInit() {
	s.lang = langEN
	s.view = viewScreener
	s.loading = true
}

func (s *shell) OnMount(ctx app.Context) {
	publishTiming("mountAt", pageClock())
	url := ctx.ResolveStaticResource(currentSnapshotPath)
	ctx.Async(func() {
		t0 := time.Now()
		b, status, err := fetchBytes(url)
		publishTiming("fetchMs", msSince(t0))
		var model *screenModel
		var lerr *loadError
		if err != nil {
			lerr = classifyFetchError(url, status, err)
		} else if snap, err := decodeSnapshot(url, b); err != nil {
			if !errors.As(err, &lerr) {
				lerr = &loadError{Kind: loadCorrupt, URL: url, Detail: err.Error()}
			}
		} else {
			t1 := time.Now()
			model = newScreenModel(s.lang, snap.Snap, snap.Metrics)
			model.filtersOpen = !narrowScreen()
			publishTiming("screenMs", msSince(t1))
		}
		ctx.Dispatch(func(ctx app.Context) {
			s.loading = false
			s.err = lerr
			s.model = model
		})
	})
}

func (s *shell) Render() app.UI {
	l := s.lang
	return app.Div().Class("app").Body(
		app.Header().Class("topbar").Body(
			app.Div().Class("brand").Body(
				app.Img().Class("logo").Src("/web/icon.svg").Alt("").Width(28).Height(28),
				app.Div().Body(
					app.H1().Text(l.t("app.title")),
					app.P().Class("tagline").Text(l.t("app.tagline")),
				),
			),
			s.renderViewSwitch(),
		),
		s.renderStatus(),
		app.Main().ID("main").Class("content").Body(s.renderView()),
	)
}

func (s *shell) renderViewSwitch() app.UI {
	l := s.lang
	views := []viewKey{viewScreener, viewETFs, viewHistory}
	return app.Nav().Class("views").Aria("label", l.t("app.title")).Body(
		app.Range(views).Slice(func(i int) app.UI {
			v := views[i]
			// ETFs and History are other components still to come.
			ready := v == viewScreener
			b := app.Button().
				Class("view-tab").
				Type("button").
				Text(l.t("view." + string(v)))
			if !ready {
				// Disabled(false) would still write disabled="false",
				// which HTML reads as disabled.
				b = b.Disabled(true)
			}
			if v == s.view {
				b = b.Aria("current", "page").Class("active")
			}
			if !ready {
				b = b.Title(l.t("view.soon"))
			}
			return b
		}),
	)
}

func (s *shell) renderStatus() app.UI {
	if s.loading {
		return app.P().Class("status").Role("status").Text(s.lang.t("status.loading"))
	}
	if s.model == nil {
		return nil
	}
	return &dataStatus{M: s.model, Opts: s.model.opts, MinCoverage: s.model.minCoverage}
}

func (s *shell) renderView() app.UI {
	switch {
	case s.loading:
		return app.Div().Class("panel loading").Aria("busy", "true").Body(
			app.P().Text(s.lang.t("status.loading")),
		)
	case s.err != nil:
		return &errorPanel{Lang: s.lang, Kind: s.err.Kind, URL: s.err.URL, Detail: s.err.Detail}
	case s.model == nil:
		return &errorPanel{Lang: s.lang, Kind: loadCorrupt, Detail: "no snapshot loaded"}
	}
	return &screenerView{M: s.model, Rev: s.model.rev}
}
