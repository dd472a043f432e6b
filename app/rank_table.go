package main

import (
	"math"
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"screener/engine"
)

// rankTable is the ranked universe in the chosen sort order, with
// sortable headers and a pager: a page of 50 or 100 rows, or every row.
// Either way the table box scrolls and only the rows in its view, and a
// few more, are in the DOM (a virtualised window between spacer rows): a
// slider move's style, layout and paint grow with the rows in the DOM,
// and at the default 50 rows the ~20 below the box's fold were a third of
// that work for nothing on screen.
//
// go-app renders the host element empty; the table inside it is written by
// tableDOM (rank_dom_wasm.go). Every model change (slider, sort, page,
// filter) and every scroll of the table box asks for a write (queueWrite):
// the first after a painted frame is written at once, later ones are
// coalesced into one write in the next requestAnimationFrame callback, so
// the frame always paints the latest state. The rows are a fixed pool of
// elements whose changed text and classes are written in place: rebuilding
// the table as HTML on each slider move cost ~1,650 new nodes and their
// style, layout and paint, ~26 ms per move in headless Chromium.
//
// One delegated click handler serves the whole table: rows carry their
// snapshot row in data-row and the handler reads it from the clicked
// element, so a click always opens the stock shown, whatever the order
// (there are no per-row closures to go stale).
type rankTable struct {
	app.Compo

	M   *screenModel
	Rev int

	dom         tableDOM
	frame       tableFrame
	writeQueued bool // a write waits for the next frame's callback
	writing     bool // a write is under way (its own model changes need no other)
	frameDue    bool // a write happened since the last frame began
	writtenRev  int
	scrolled    bool      // the table box scrolled or changed size since the last write
	lean        bool      // the last write left out the window's overscan rows
	headKey     headKey   // what the frame's columns and header were made for
	statusText  [2]string // what setStatus wrote: in view, hidden
	shownOpen   int       // the snapshot row whose detail was open at the last write, -1 for none
	settleGen   int       // counts settleLater calls: only the last one re-renders

	// The table box's row height, scroll offset and visible height, as
	// last measured (when it scrolled or changed size, or the first rows
	// were shown).
	rowH, boxTop, boxH float64
}

// headKey is what the columns and the header row depend on.
type headKey struct {
	lang     lang
	sortCol  column
	sortDesc bool
	columns  columnSet
}

// tableFrame is what one write shows.
type tableFrame struct {
	model             *screenModel
	cols              []tableCol
	headHTML, caption string
	rows              []int32 // member positions, top to bottom
	first             int     // the position of rows[0] in the page's list
	listLen           int     // the rows in the page's list
	padTop, padBottom float64 // spacer heights in CSS pixels
	rev               int
}

func (t *rankTable) OnMount(ctx app.Context) {
	t.M.onChange = func() { t.queueWrite(ctx) }
	t.writtenRev = -1
	t.shownOpen = t.M.selected
	t.dom.boxHook = func() {
		t.scrolled = true
		t.queueWrite(ctx)
	}
	t.queueWrite(ctx)
}

func (t *rankTable) OnDismount() {
	t.M.onChange = nil
	t.dom.release()
	t.dom = tableDOM{}
}

// queueWrite has the table show the model's latest state. The first change
// after a painted frame is written at once: the next frame paints it, the
// earliest any write can be painted, and writing it there would only add
// the write to the wait. Changes that follow before that frame are
// coalesced into one write in its requestAnimationFrame callback (on the
// UI goroutine, ctx.Dispatch), so a burst of slider events costs one more
// write, with the newest values. Either way the write only touches the
// table: the components around it catch up once the changes pause
// (settleLater).
func (t *rankTable) queueWrite(ctx app.Context) {
	if t.writing || t.writeQueued {
		return // the write under way or queued shows this change too
	}
	if !t.frameDue && t.writtenRev >= 0 {
		t.frameDue = true
		onNextFrame(func() {
			ctx.Dispatch(func(ctx app.Context) {
				t.frameDue = false
				ctx.PreventUpdate()
			})
		})
		t.writeNow(ctx)
		return
	}
	t.queueFrameWrite(ctx)
}

// queueFrameWrite asks for a write in the next frame's callback.
func (t *rankTable) queueFrameWrite(ctx app.Context) {
	t.writeQueued = true
	onNextFrame(func() {
		ctx.Dispatch(func(ctx app.Context) {
			t.writeQueued = false
			t.writeNow(ctx)
			ctx.PreventUpdate()
		})
	})
}

// writeNow applies the slider values that arrived since the last write
// (once, so the write shows the newest weights) and writes the table.
func (t *rankTable) writeNow(ctx app.Context) {
	t.writing = true
	t.M.flushPendingWeights()
	t.write()
	t.writing = false
	if t.scrolled && !t.writeQueued {
		// The virtualised window needs the row height measured in this
		// write: the next frame sizes it.
		t.queueFrameWrite(ctx)
	}
	t.settleLater(ctx)
}

// settleDelay is how long changes must pause before the components around
// the table catch up (settleLater).
const settleDelay = 120 * time.Millisecond

// settleLater re-renders the screener's components once, settleDelay after
// the last table write.
func (t *rankTable) settleLater(ctx app.Context) {
	t.settleGen++
	gen := t.settleGen
	time.AfterFunc(settleDelay, func() {
		dispatch(ctx, func(ctx app.Context) {
			if gen != t.settleGen {
				ctx.PreventUpdate() // a later write has its own
				return
			}
			if t.lean {
				// The changes paused: the window takes its overscan rows
				// back, ready for a scroll.
				t.scrolled = true
				t.queueWrite(ctx)
			}
		})
	})
}

// write shows the current state: the rows that changed, the header if the
// sort or language changed.
func (t *rankTable) write() {
	m := t.M
	if t.writtenRev == m.rev && !t.scrolled {
		return
	}
	scrolled := t.scrolled
	t.scrolled = false
	f := &t.frame
	f.model, f.rev = m, m.rev
	if k := (headKey{m.lang, m.sortCol, m.sortDesc, m.columns}); k != t.headKey || f.cols == nil {
		f.cols = m.tableCols()
		f.caption = m.lang.t("table.caption")
		f.headHTML = t.headHTML(f.cols)
		t.headKey = k
	}
	f.rows = m.pageRows()
	if scrolled || t.rowH <= 0 {
		// Reading the box's geometry lays out the page, which a slider
		// move has just changed: ~0.5 ms a move. Only a scroll or a new
		// size of the box changes it.
		t.rowH = t.dom.rowHeight()
		t.boxTop, t.boxH = t.dom.viewport()
	}
	measured := t.rowH > 0
	if m.reveal >= 0 && measured {
		// Centre the revealed row in the box; the window follows.
		t.boxTop = max(0, float64(m.reveal)*t.rowH-t.boxH/2)
		t.dom.setScrollTop(t.boxTop)
		m.reveal = -1
	}
	// A model change's write (a slider move) shows only the rows in the
	// box: the overscan rows are there for a scroll, and each row written
	// adds to the move's work. They come back once the changes pause
	// (settleLater) or the box scrolls.
	overscan := 0
	if scrolled {
		overscan = windowOverscan
	}
	t.lean = overscan == 0
	t.windowRows(f, overscan)
	t.dom.show(f)
	// The row height is known once a row is on screen: the next frame
	// sizes the window with it (writeNow).
	t.scrolled = !measured
	// Under the exclude rule a weight moving to or from zero changes who
	// is ranked; the status line's counts follow in the same frame.
	t.setStatus(0, "inview", inViewText(m))
	t.setStatus(1, "hidden-count", hiddenText(m))
	if t.shownOpen >= 0 && m.selected < 0 {
		// The detail panel closed: the keyboard focus goes back to the
		// row that opened it (its ticker button), not to the page top.
		t.dom.focusRow(t.shownOpen)
	}
	t.shownOpen = m.selected
	if t.writtenRev < 0 {
		// First table on screen: the page is interactive.
		publishTiming("readyAt", pageClock())
	}
	t.writtenRev = m.rev
}

// windowRows narrows f.rows (the page's rows) to the window in view in
// the table box and overscan rows either side, between spacers for the
// rest.
func (t *rankTable) windowRows(f *tableFrame, overscan int) {
	w := virtualWindow(len(f.rows), t.rowH, t.boxTop, t.boxH, overscan)
	f.listLen = len(f.rows)
	f.rows, f.first = f.rows[w.first:w.first+w.count], w.first
	f.padTop, f.padBottom = w.padTop, w.padBottom
}

// setStatus sets the status line's element id to text unless the table
// wrote that text there last time (reading the DOM back costs a call).
func (t *rankTable) setStatus(i int, id, text string) {
	if text != t.statusText[i] {
		setText(id, text)
		t.statusText[i] = text
	}
}

// setText sets the text of the element with this id, if it is on the page.
func setText(id, text string) {
	if el := app.Window().GetElementByID(id); el.Truthy() && el.Get("textContent").String() != text {
		el.Set("textContent", text)
	}
}

func (t *rankTable) Render() app.UI {
	m := t.M
	l := m.lang
	empty := len(m.view) == 0
	return app.Div().Class("table-block").Body(
		app.If(empty, func() app.UI {
			return app.P().ID("empty").Class("panel empty").Text(l.t("error.empty"))
		}),
		// The host stays mounted even when empty so the frame writes
		// always find it; go-app never renders children into it.
		app.If(!empty, t.renderToolbar),
		app.Div().ID("rank-table-host").Class("table-wrap rank-wrap").OnClick(t.onClick),
		app.If(!empty, t.renderPager),
	)
}

// headHTML is the header row; every text and attribute value is escaped.
func (t *rankTable) headHTML(cols []tableCol) string {
	m := t.M
	var w htmlWriter
	w.WriteString(`<tr aria-rowindex="1">`)
	for _, h := range cols {
		sort, arrow := "none", ""
		if m.sortCol == h.col {
			sort, arrow = "ascending", " ▲"
			if m.sortDesc {
				sort, arrow = "descending", " ▼"
			}
		}
		w.WriteString(`<th scope="col" class="` + h.class + `" aria-sort="` + sort + `"`)
		w.attr("title", h.title)
		w.tagText(`><button type="button" class="sort" data-col="`+itoa(int(h.col))+`" aria-label="`,
			m.lang.tf("col.sort", firstNonEmpty(h.title, h.label)), `">`)
		w.tagText("", h.label+arrow, `</button></th>`)
	}
	w.WriteString(`</tr>`)
	return w.String()
}

// onClick handles every click in the table: a header sorts, a row opens
// the detail panel. Anything else changes nothing.
func (t *rankTable) onClick(ctx app.Context, e app.Event) {
	m := t.M
	target := e.Get("target")
	if !target.Truthy() || target.Get("closest").IsUndefined() {
		ctx.PreventUpdate()
		return
	}
	if btn := target.Call("closest", "button.sort"); btn.Truthy() {
		if c, err := strconv.Atoi(btn.Get("dataset").Get("col").String()); err == nil {
			m.setSort(column(c))
			return
		}
	}
	if tr := target.Call("closest", "tr[data-row]"); tr.Truthy() {
		if row, err := strconv.Atoi(tr.Get("dataset").Get("row").String()); err == nil {
			m.selectRow(row)
			return
		}
	}
	ctx.PreventUpdate()
}

// renderToolbar is the row above the table: rows per page (and the
// column chooser).
func (t *rankTable) renderToolbar() app.UI {
	m := t.M
	l := m.lang
	values := make([]string, len(pageSizes))
	labels := make([]string, len(pageSizes))
	sel := 0
	for i, n := range pageSizes {
		values[i], labels[i] = pageSizeKey(n), pageSizeKey(n)
		if n == pageAll {
			labels[i] = l.t("table.rows.all")
		}
		if n == m.pageSize {
			sel = i
		}
	}
	return divClass("table-tools").Body(
		t.renderChooser(),
		labelledSelect(l.t("table.rows"), "page-size", t.onPageSize, selectOptions(values, labels, sel)),
	)
}

// renderChooser is the column chooser: a disclosure menu with one box per
// factor, and per metric one for its value and one for its percentile.
// The boxes are written as HTML; one change handler on the menu reads the
// column from the box that changed.
func (t *rankTable) renderChooser() app.UI {
	m := t.M
	l := m.lang
	var w htmlWriter
	box := func(c column, label string) {
		w.WriteString(`<label><input type="checkbox" data-col="` + itoa(int(c)) + `"`)
		if m.columns.has(c) {
			w.WriteString(` checked`)
		}
		w.tagText(`> `, label, `</label>`)
	}
	w.WriteString(`<div class="col-groups">`)
	for f := engine.Factor(0); f < engine.NumFactors; f++ {
		w.tagText(`<fieldset><legend>`, l.t("factor."+f.Key()), `</legend><div class="col-factor">`)
		box(colFactor0+column(f), l.t("factor.short."+f.Key())+" "+l.t("col.pct"))
		w.WriteString(`</div>`)
		for _, mt := range engine.FactorMetrics(f) {
			w.tagText(`<div class="col-metric"><span>`, l.t("metric."+mt.Key()), `</span>`)
			box(colMetric0+column(mt), l.t("table.columns.value"))
			box(colMetricPct0+column(mt), l.t("table.columns.pct"))
			w.WriteString(`</div>`)
		}
		w.WriteString(`</fieldset>`)
	}
	w.WriteString(`</div>`)
	return app.Elem("details").ID("col-chooser").Class("col-chooser").Body(
		rawElem("summary", l.t("table.columns")),
		app.Div().Class("col-menu").OnChange(t.onColumn).Body(
			w.UI(),
			app.Button().Type("button").ID("col-reset").Class("link").Disabled(m.columns == DefaultColumns).
				Text(l.t("table.columns.reset")).OnClick(func(ctx app.Context, e app.Event) { m.setColumns(DefaultColumns) }),
		),
	)
}

// onColumn shows or hides the column of the box that changed, and keeps
// the keyboard focus on that box (the menu is written again).
func (t *rankTable) onColumn(ctx app.Context, e app.Event) {
	target := e.Get("target")
	c, err := strconv.Atoi(target.Get("dataset").Get("col").String())
	if err != nil || optionalBit(column(c)) < 0 {
		ctx.PreventUpdate()
		return
	}
	t.M.setColumns(t.M.columns.with(column(c), target.Get("checked").Bool()))
	ctx.Defer(func(app.Context) {
		if b := app.Window().Get("document").Call("querySelector", `#col-chooser input[data-col="`+itoa(c)+`"]`); b.Truthy() {
			b.Call("focus")
		}
	})
}

func (t *rankTable) onPageSize(ctx app.Context, e app.Event) {
	if n, ok := parsePageSize(ctx.JSSrc().Get("value").String()); ok {
		t.scrollTableTop()
		t.M.setPageSize(n)
	}
}

func (t *rankTable) renderPager() app.UI {
	m := t.M
	l := m.lang
	n := len(m.view)
	if m.pageSize == pageAll {
		return app.Elem("nav").Class("pager").Aria("label", l.tf("pager.page", 1, 1)).Body(
			app.Span().ID("page-range").Class("range").Text(l.tf("pager.range", formatCount(min(1, n)), formatCount(n), formatCount(n))),
		)
	}
	lo := m.page*m.pageSize + 1
	hi := min(lo+m.pageSize-1, n)
	return app.Elem("nav").Class("pager").Aria("label", l.tf("pager.page", m.page+1, m.pages())).Body(
		app.Button().Type("button").ID("page-prev").Disabled(m.page == 0).Text("‹ "+l.t("pager.prev")).
			OnClick(func(ctx app.Context, e app.Event) { t.scrollTableTop(); m.setPage(m.page - 1) }),
		app.Span().ID("page-range").Class("range").Text(l.tf("pager.range", formatCount(lo), formatCount(hi), formatCount(n))),
		app.Button().Type("button").ID("page-next").Disabled(m.page >= m.pages()-1).Text(l.t("pager.next")+" ›").
			OnClick(func(ctx app.Context, e app.Event) { t.scrollTableTop(); m.setPage(m.page + 1) }),
	)
}

// scrollTableTop brings the top of the table into view for a page jump
// (the pager is below the table; the new page starts above it) and
// scrolls the table box back to its first row, before the new page's
// write uses the box's scroll offset.
func (t *rankTable) scrollTableTop() {
	host := app.Window().GetElementByID("rank-table-host")
	if !host.Truthy() {
		return
	}
	host.Set("scrollTop", 0)
	t.boxTop = 0
	if top := host.Call("getBoundingClientRect").Get("top").Float(); top < 0 {
		// scrollBy moves this document only; scrollIntoView would also
		// scroll the page an embed sits in.
		app.Window().Call("scrollBy", 0, top)
	}
}

// heatClass buckets a 0–100 percentile into five shades (h0 worst … h4
// best); hx marks a missing value.
func heatClass(p float64) string {
	if math.IsNaN(p) {
		return "hx"
	}
	return "h" + itoa(min(4, max(0, int(p/20))))
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
