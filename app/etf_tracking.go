package main

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"screener/engine"
)

// etfTrack is the modelled-style tracking as the engine measures it
// (engine.TrackStyle): the current snapshot alone gives one window to the
// last price; with the yearly history snapshots loaded (on request, they
// are several MB) each June-30 snapshot adds a 12-month window and the
// summary statistics.
type etfTrack struct {
	Current engine.StyleTracking
	All     *engine.StyleTracking
	loading bool
	err     string
}

// etfTracking shows how the modelled VTWG/VTWV (IWM split by the Russell
// style method) track the real funds: per window the model's buy-and-hold
// return next to the real fund's, and over the 12-month windows the mean
// tracking difference, tracking error and correlation. It says plainly
// what this can and cannot measure.
type etfTracking struct {
	app.Compo

	Lang lang
	M    *screenModel
	S    *etfState

	// ctx is the component's own context: the button that starts the
	// download is replaced by the progress line, and a Dispatch through
	// the button's context would be dropped once it is gone.
	ctx app.Context
}

func (t *etfTracking) OnMount(ctx app.Context) { t.ctx = ctx }

func (t *etfTracking) Render() app.UI {
	l, s := t.Lang, t.S
	tr := s.track
	sec := app.Elem("section").ID("etf-tracking").Class("etf-card etf-tracking").Aria("labelledby", "etf-track-h")
	head := []app.UI{
		rawElem("h3", l.t("etf.track.title"), "id", "etf-track-h"),
		rawElem("p", l.t("etf.track.what"), "class", "small"),
	}
	if tr == nil {
		return sec.Body(append(head, rawElem("p", missingText, "class", "muted"))...)
	}
	st := tr.Current
	if tr.All != nil {
		st = *tr.All
	}
	var tbl htmlWriter
	etfTrackingTable(l, st).write(&tbl)
	body := append(head,
		tbl.UI(),
		rawElem("p", l.t("etf.track.limits"), "class", "small muted"),
	)
	switch {
	case tr.loading:
		body = append(body, rawElem("p", l.t("etf.track.loading"), "class", "status", "role", "status"))
	case tr.err != "":
		body = append(body, rawElem("p", l.t("etf.track.error")+" "+tr.err, "class", "warn", "role", "alert"))
	case tr.All == nil:
		body = append(body, app.Button().Type("button").ID("etf-track-load").Class("primary").
			Text(l.t("etf.track.load")).OnClick(t.loadHistory))
	}
	return sec.Body(body...)
}

// etfTrackingTable lays out the tracking windows: per window the model's
// buy-and-hold return beside the real fund's, for the blend, growth, value
// and the growth − value spread, then over the 12-month windows the mean
// difference, tracking error and correlation.
func etfTrackingTable(l lang, st engine.StyleTracking) *etfTable {
	t := &etfTable{ID: "etf-track-table", Title: l.t("etf.track.title"), Head: []string{l.t("etf.track.window"),
		l.t("etf.track.blend"), "IWM", l.t("etf.track.growth"), "VTWG", l.t("etf.track.value"), "VTWV", l.t("etf.track.spread"), "VTWG−VTWV", l.t("etf.track.priced")}}
	for _, w := range st.Windows {
		r := etfRow{Label: w.From.Format(time.DateOnly) + " → " + w.To.Format(time.DateOnly), Unit: "%"}
		for k := 0; k < 4; k++ {
			m := etfNumCell("model", "track-"+itoa(k), etfSignedPct(w.Model[k], 1), w.Model[k], "etf-model "+signClass(w.Model[k]))
			re := etfNumCell("real", "track-"+itoa(k), etfSignedPct(w.Real[k], 1), w.Real[k], signClass(w.Real[k]))
			m.Scale, re.Scale = 100, 100
			r.Cells = append(r.Cells, m, re)
		}
		cv := etfNumCell("model", "cover", etfPct(w.Cover[0], 0), w.Cover[0], "")
		cv.Scale = 100
		r.Cells = append(r.Cells, cv)
		t.Rows = append(t.Rows, r)
	}
	if st.N == 0 {
		return t
	}
	// One loop, not a helper closure inlined per summary row.
	for _, sr := range []struct {
		label, key, unit string
		v                [4]float64
		format           func(float64) string
		scale            float64
	}{
		{l.tf("etf.track.meandiff", st.N), "meandiff", "%", st.MeanDiff, func(x float64) string { return etfSignedPct(x, 1) }, 100},
		{l.t("etf.track.te"), "te", "%", st.TrackingError, func(x float64) string { return etfPct(x, 1) }, 100},
		{l.t("etf.track.corr"), "corr", "", st.Corr, func(x float64) string { return formatFixed(x, 2) }, 1},
	} {
		r := etfRow{Label: sr.label, Unit: sr.unit, Class: "etf-sum"}
		for k := 0; k < 4; k++ {
			cl := etfNumCell("sum", sr.key+"-"+itoa(k), sr.format(sr.v[k]), sr.v[k], "")
			cl.Span, cl.Scale = 2, sr.scale
			r.Cells = append(r.Cells, cl)
		}
		r.Cells = append(r.Cells, etfText("", ""))
		t.Rows = append(t.Rows, r)
	}
	return t
}

// loadHistory downloads the history snapshots the data manifest lists one
// after another
// (yielding between them so the page stays responsive) and measures the
// tracking over all of them with the current snapshot.
func (t *etfTracking) loadHistory(_ app.Context, e app.Event) {
	ctx := t.ctx
	s := t.S
	tr := s.track
	if tr == nil || tr.loading || s.funds == nil {
		return
	}
	tr.loading, tr.err = true, ""
	cur, fs, index := t.M.snap, s.funds, t.M.index
	ctx.Async(func() {
		var snaps []*engine.Snapshot
		var errText string
		m, lerr := index.get()
		if lerr != nil {
			errText = lerr.URL + ": " + lerr.Detail
		} else {
			for _, f := range m.History() {
				u := ctx.ResolveStaticResource(siteDataDir + f.Name)
				b, status, err := fetchBytes(u, cacheDefault)
				if err != nil {
					errText = classifyFetchError(u, status, err).Error()
					break
				}
				time.Sleep(5 * time.Millisecond)
				sn, lerr := listedHistorySnapshot(u, b, m)
				if lerr != nil {
					errText = u + ": " + lerr.Detail
					break
				}
				snaps = append(snaps, sn)
				time.Sleep(5 * time.Millisecond)
			}
		}
		var all *engine.StyleTracking
		if errText == "" {
			r := etfStyleTracking(fs, append(snaps, cur))
			all = &r
		}
		ctx.Dispatch(func(ctx app.Context) {
			tr.loading, tr.err, tr.All = false, errText, all
		})
	})
}

// etfStyleTracking runs engine.TrackStyle with the real IWM, VTWG and VTWV
// price series (nil where funds.json lacks one), as the etf CLI does.
func etfStyleTracking(fs *engine.Funds, snaps []*engine.Snapshot) engine.StyleTracking {
	get := func(t string) *engine.Fund {
		f, _ := fs.Lookup(t)
		return f
	}
	return engine.TrackStyle(snaps, get("IWM"), get("VTWG"), get("VTWV"))
}
