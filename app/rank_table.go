package main

import (
	"math"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"screener/engine"
)

// rankTable is one page of the ranked universe in the chosen sort order,
// with sortable headers and a pager. Only pageSize rows are in the DOM.
//
// The table itself is written as one escaped HTML string into a host
// element that go-app renders empty, inside a requestAnimationFrame
// callback: every model change (slider, sort, page, filter) requests one
// write for the next frame, so the write always shows the latest state,
// several changes within a frame cost one write, and the frame that runs
// the write also paints it. Diffing ~1,600 element and text nodes through
// go-app and syscall/js took 10–40 ms per slider move and waited for
// go-app's 8 ms update tick; one innerHTML write takes a few ms.
//
// One delegated click handler serves the whole table: rows carry their
// snapshot row in data-row and the handler reads it from the clicked
// element, so a click always opens the stock shown, whatever the order
// (there are no per-row closures to go stale).
type rankTable struct {
	app.Compo

	M   *screenModel
	Rev int

	host        app.Value
	writeQueued bool
	writtenRev  int
}

func (t *rankTable) OnMount(ctx app.Context) {
	t.M.onChange = func() { t.queueWrite(ctx) }
	t.writtenRev = -1
	t.queueWrite(ctx)
}

func (t *rankTable) OnDismount() {
	t.M.onChange = nil
	t.host = nil
}

// queueWrite asks for one table write in the next animation frame; the
// write runs on the UI goroutine (ctx.Dispatch) inside that frame callback.
func (t *rankTable) queueWrite(ctx app.Context) {
	if t.writeQueued {
		return
	}
	t.writeQueued = true
	onNextFrame(func() {
		ctx.Dispatch(func(ctx app.Context) {
			// Slider values that arrived since the last frame are applied
			// here, once, so the write shows the newest weights.
			t.M.flushPendingWeights()
			t.write()
			t.writeQueued = false
		})
	})
}

// write replaces the table with the current page, keeping keyboard focus
// on a sort button if one had it.
func (t *rankTable) write() {
	t.host = app.Window().GetElementByID("rank-table-host")
	if !t.host.Truthy() || t.writtenRev == t.M.rev {
		return
	}
	focusCol := ""
	if active := app.Window().Get("document").Get("activeElement"); active.Truthy() && t.host.Call("contains", active).Bool() {
		if c := active.Get("dataset").Get("col"); c.Truthy() {
			focusCol = c.String()
		}
	}
	t.host.Set("innerHTML", t.tableHTML())
	// Under the exclude rule a weight moving to or from zero changes who
	// is ranked; the status line's counts follow in the same frame.
	setText("inview", inViewText(t.M))
	setText("hidden-count", hiddenText(t.M))
	if t.writtenRev < 0 {
		// First table on screen: the page is interactive.
		publishTiming("readyAt", pageClock())
	}
	t.writtenRev = t.M.rev
	if focusCol != "" {
		if b := t.host.Call("querySelector", `button.sort[data-col="`+focusCol+`"]`); b.Truthy() {
			b.Call("focus")
		}
	}
}

// setText sets the text of the element with this id, if it is on the page.
func setText(id, text string) {
	if el := app.Window().GetElementByID(id); el.Truthy() && el.Get("textContent").String() != text {
		el.Set("textContent", text)
	}
}

// headerSpec describes one column header.
type headerSpec struct {
	col   column
	label string
	title string
	class string
}

func (t *rankTable) headers() []headerSpec {
	l := t.M.lang
	h := []headerSpec{
		{colRank, l.t("col.rank"), "", "num"},
		{colTicker, l.t("col.ticker"), "", "txt"},
		{colName, l.t("col.name"), "", "txt name"},
		{colSector, l.t("col.sector"), "", "txt sector"},
		{colMcap, l.t("col.mcap"), "", "num"},
		{colComposite, l.t("col.composite"), l.t("table.caption"), "num score"},
	}
	for f := engine.Factor(0); f < engine.NumFactors; f++ {
		h = append(h, headerSpec{colFactor0 + column(f), l.t("factor.short." + f.Key()), l.t("factor." + f.Key()), "num factor"})
	}
	return append(h, headerSpec{colCoverage, l.t("col.coverage"), l.t("table.coverage.title"), "num"})
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
		app.Div().ID("rank-table-host").Class("table-wrap").OnClick(t.onClick),
		app.If(!empty, t.renderPager),
	)
}

// tableHTML writes the table; every text and attribute value is escaped.
func (t *rankTable) tableHTML() string {
	m := t.M
	if len(m.view) == 0 {
		return ""
	}
	var w htmlWriter
	w.Grow(48 << 10)
	w.tagText(`<table id="rank-table" class="rank" data-rev="`+itoa(m.rev)+`"><caption class="visually-hidden">`,
		m.lang.t("table.caption"), `</caption><thead><tr>`)
	for _, h := range t.headers() {
		t.writeHeader(&w, h)
	}
	w.WriteString(`</tr></thead><tbody>`)
	for _, j := range m.pageRows() {
		t.writeRow(&w, int(j))
	}
	w.WriteString(`</tbody></table>`)
	return w.String()
}

func (t *rankTable) writeHeader(w *htmlWriter, h headerSpec) {
	m := t.M
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

func (t *rankTable) writeRow(w *htmlWriter, j int) {
	// Few writer calls per row: each is several wasm call sites, a
	// concatenation of literal markup and numbers is one.
	m := t.M
	sc := m.screen
	s := m.snap
	row := int(sc.Members[j])
	sel := ""
	if row == m.selected {
		sel = `" class="selected" aria-selected="true`
	}
	w.tagText(`<tr data-row="`+itoa(row)+`" data-ticker="`, s.Ticker[row], sel+
		`"><td class="num rank">`+itoa(int(m.rank[j]))+`</td><td class="ticker"><button type="button" class="link">`)
	w.tagText("", s.Ticker[row], `</button></td><td class="name">`)
	w.tagText("", s.Name[row], `</td><td class="sector">`)
	w.tagText("", m.lang.sector(sectorName(s, row)), `</td><td class="num">`)
	w.text(m.lang.mcapCell(s.Mcap[row]))
	writeCell(w, "num score ", sc.CompositePct[j], 1)
	for f := 0; f < engine.NumFactors; f++ {
		writeCell(w, "num factor ", sc.FactorPct[f][j], 0)
	}
	cov := itoa(int(sc.Coverage[j]))
	w.WriteString(`</td><td class="num"><span class="badge cov` + cov + `">` + cov + `/6</span></td></tr>`)
}

// writeCell closes the previous cell and writes a percentile cell with its
// heat shade.
func writeCell(w *htmlWriter, class string, p float64, decimals int) {
	w.tagText(`</td><td class="`+class+heatClass(p)+`">`, formatFixed(p, decimals), "")
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

func (t *rankTable) renderPager() app.UI {
	m := t.M
	l := m.lang
	n := len(m.view)
	lo := m.page*pageSize + 1
	hi := min(lo+pageSize-1, n)
	return app.Elem("nav").Class("pager").Aria("label", l.tf("pager.page", m.page+1, m.pages())).Body(
		app.Button().Type("button").ID("page-prev").Disabled(m.page == 0).Text("‹ "+l.t("pager.prev")).
			OnClick(func(ctx app.Context, e app.Event) { m.setPage(m.page - 1) }),
		app.Span().ID("page-range").Class("range").Text(l.tf("pager.range", formatCount(lo), formatCount(hi), formatCount(n))),
		app.Button().Type("button").ID("page-next").Disabled(m.page >= m.pages()-1).Text(l.t("pager.next")+" ›").
			OnClick(func(ctx app.Context, e app.Event) { m.setPage(m.page + 1) }),
	)
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
