//go:build wasm

package main

import (
	"strconv"
	"strings"
	"syscall/js"
)

// tableDOM keeps the ranked table's elements alive between writes: a fixed
// pool of <tr> elements, each with one text node per cell, each showing a
// position of the list (rowRing). A re-rank writes only the text nodes and
// classes whose content changed (Go keeps what each holds), so a slider
// move creates no DOM node, moves no row, parses no HTML and leaves
// unchanged cells untouched for style and layout; a scroll moves the rows
// that left the window to its other end. Moving a row in the DOM costs
// about what rewriting it does, so a re-rank keeps the rows in place
// rather than following its stocks. The table skeleton, the row template
// and the header are rebuilt only when the columns, language or sort
// change.
type tableDOM struct {
	host, table, caption, thead, tbody js.Value
	colsKey, headHTML, captionText     string
	tmpl                               js.Value // an empty row of the current columns, cloned for new pool rows
	pool                               []domRow
	ring                               rowRing // which pool rows show which list positions, in the tbody
	rowCount                           int     // the table's aria-rowcount: the list's rows and the header
	top, bottom                        spacer
	ncols                              int
	onBox                              js.Func  // calls boxHook
	boxHook                            func()   // the table box scrolled or changed size
	sizes                              js.Value // the ResizeObserver watching the box
	js                                 js.Value // the pool's node lists and their writer (poolJS)
	cache                              cellCache
	cells                              []cellView // one row's cells, reused
	batch                              []byte     // this write's changes, for one call of js.apply
}

// domRow is one pooled row and what it shows now.
type domRow struct {
	tr    js.Value
	cells []cellView
	row   int // snapshot row shown, -1 for none yet
	sel   bool
}

// poolJS keeps each pooled row's text nodes and class targets in
// JavaScript arrays and applies a frame's changes in one call: a
// syscall/js call per cell (~650 for a page of a re-rank, each converting
// its string) cost ~4 ms per frame; one call with every change joined in
// a string costs a fraction of that. A change is three fields, each ended
// by \x1e: op, index, value. Ops: t (text of cell k), c (class of cell k:
// the <td>, or the badge <span> in it), r (row k shows snapshot row and
// ticker, "row\x1fticker"), s (row k selected: "selected" or ""), m (row
// k goes before row v, or at the end for -1: before the bottom spacer
// bind gave, and is row number v2 of the table, aria-rowindex: "v\x1fv2"),
// x (row k leaves the tbody). A moved row that held the keyboard focus
// gets it back.
const poolJS = `const T = [], E = [], R = [];
let body = null, end = null;
return {
  add(tr) {
    for (const td of tr.cells) {
      const inner = td.firstElementChild || td, t = document.createTextNode('');
      inner.appendChild(t);
      T.push(t);
      E.push(inner.tagName === 'SPAN' ? inner : td);
    }
    R.push(tr);
  },
  reset() { T.length = 0; E.length = 0; R.length = 0; },
  bind(tbody, last) { body = tbody; end = last; },
  apply(s) {
    const focus = document.activeElement;
    const a = s.split('\x1e');
    for (let i = 0; i + 2 < a.length; i += 3) {
      const k = +a[i + 1], v = a[i + 2];
      switch (a[i]) {
      case 't': T[k].data = v; break;
      case 'c': E[k].className = v; break;
      case 'r': { const p = v.indexOf('\x1f'); R[k].setAttribute('data-row', v.slice(0, p)); R[k].setAttribute('data-ticker', v.slice(p + 1)); break; }
      case 's': R[k].className = v; if (v) R[k].setAttribute('aria-selected', 'true'); else R[k].removeAttribute('aria-selected'); break;
      case 'm': { const p = v.indexOf('\x1f'), b = v.slice(0, p); body.insertBefore(R[k], b === '-1' ? end : R[+b]); R[k].setAttribute('aria-rowindex', v.slice(p + 1)); break; }
      case 'x': R[k].remove(); break;
      }
    }
    if (focus && focus !== document.activeElement && focus.isConnected) focus.focus({preventScroll: true});
  },
};`

// attach finds the table host go-app rendered; the pool is dropped if
// go-app replaced it (a re-mount).
func (d *tableDOM) attach() bool {
	host := js.Global().Get("document").Call("getElementById", "rank-table-host")
	if !host.Truthy() {
		return false
	}
	if !d.host.Equal(host) {
		d.release()
		*d = tableDOM{host: host, boxHook: d.boxHook}
		if d.boxHook != nil {
			hook := d.boxHook
			d.onBox = js.FuncOf(func(js.Value, []js.Value) any { hook(); return nil })
			opts := js.Global().Get("Object").New()
			opts.Set("passive", true)
			host.Call("addEventListener", "scroll", d.onBox, opts)
			// A resize observer reports a new size after layout and
			// before paint, so the window fits the box in the same frame
			// (an embed's frame is resized once it reports its height).
			d.sizes = js.Global().Get("ResizeObserver").New(d.onBox)
			d.sizes.Call("observe", host)
		}
	}
	return true
}

// release lets go of the scroll listener and the resize observer.
func (d *tableDOM) release() {
	if d.onBox.Truthy() {
		d.host.Call("removeEventListener", "scroll", d.onBox)
		d.sizes.Call("disconnect")
		d.onBox.Release()
		d.onBox, d.sizes = js.Func{}, js.Value{}
	}
}

// spacer is a row standing in for the rows of the list outside the
// window, in the tbody only while it has a height: at either end of the
// list the tbody's first or last row is the table's own.
type spacer struct {
	tr     js.Value
	in     bool    // in the tbody
	height float64 // CSS pixels, as last written
}

// show writes frame f: rows f.rows (member positions) between spacers of
// f.padTop and f.padBottom pixels.
func (d *tableDOM) show(f *tableFrame) {
	if !d.attach() {
		return
	}
	if len(f.rows) == 0 {
		if d.table.Truthy() {
			d.host.Set("innerHTML", "")
			*d = tableDOM{host: d.host, onBox: d.onBox, boxHook: d.boxHook, sizes: d.sizes}
		}
		return
	}
	if !d.table.Truthy() || !d.table.Get("isConnected").Bool() {
		d.host.Set("innerHTML", `<table id="rank-table" class="rank"><caption class="visually-hidden"></caption><thead></thead><tbody></tbody></table>`)
		d.table = d.host.Get("firstChild")
		d.caption = d.table.Get("caption")
		d.thead = d.table.Get("tHead")
		d.tbody = d.table.Get("tBodies").Index(0)
		d.colsKey, d.headHTML, d.captionText, d.rowCount = "", "", "", 0
		d.pool = nil
		d.ring.reset()
		d.top.in, d.bottom.in = false, false
		d.js = js.Global().Get("Function").New(poolJS).Invoke()
		d.js.Call("bind", d.tbody, js.Null())
	}
	if f.caption != d.captionText {
		d.caption.Set("textContent", f.caption)
		d.captionText = f.caption
	}
	if key := colsKey(f.cols); key != d.colsKey {
		d.setColumns(f.cols, key)
	}
	if f.headHTML != d.headHTML {
		d.writeHead(f.headHTML)
	}
	d.setSpacers(f)
	for range d.ring.place(f.first, len(f.rows)) {
		d.pool = append(d.pool, d.newRow())
	}
	d.batch = d.batch[:0]
	for _, k := range d.ring.removed {
		d.change('x', k, "")
	}
	for _, m := range d.ring.moves {
		// Screen readers read only the rows in the DOM: each says where
		// it is in the table (the header is row 1).
		d.change('m', m.row, strconv.Itoa(m.before)+"\x1f"+strconv.Itoa(d.ring.at[m.row]+2))
	}
	for i, j := range f.rows {
		d.writeRow(d.ring.order[i], f, int(j))
	}
	if len(d.batch) > 0 {
		d.js.Call("apply", string(d.batch))
	}
	if n := f.listLen + 1; n != d.rowCount {
		d.table.Call("setAttribute", "aria-rowcount", strconv.Itoa(n))
		d.rowCount = n
	}
	d.table.Call("setAttribute", "data-rev", strconv.Itoa(f.rev))
}

// colsKey identifies the columns (and so the row template and the cached
// cells): each column's id, class and kind.
func colsKey(cols []tableCol) string {
	var b strings.Builder
	for _, c := range cols {
		b.WriteString(strconv.Itoa(int(c.col)))
		b.WriteString(c.class)
		b.WriteByte(byte('0' + c.kind))
		b.WriteByte('|')
	}
	return b.String()
}

// setColumns drops the pool and makes the row template for cols.
func (d *tableDOM) setColumns(cols []tableCol, key string) {
	for _, k := range d.ring.order {
		d.pool[k].tr.Call("remove")
	}
	d.pool = nil
	d.ring.reset()
	d.js.Call("reset")
	var w htmlWriter
	w.WriteString("<tr>")
	for _, c := range cols {
		w.tagText(`<td class="`, c.class, `">`)
		switch c.kind {
		case cellButton:
			w.WriteString(`<button type="button" class="link"></button>`)
		case cellBadge:
			w.WriteString(`<span class="badge"></span>`)
		}
		w.WriteString("</td>")
	}
	w.WriteString("</tr>")
	holder := js.Global().Get("document").Call("createElement", "tbody")
	holder.Set("innerHTML", w.String())
	d.tmpl = holder.Get("firstChild")
	d.ncols = len(cols)
	d.colsKey = key
	// Each column past the default ones widens the table (app.css).
	d.table.Get("style").Call("setProperty", "--extra-cols", strconv.Itoa(max(0, len(cols)-defaultColumnCount)))
	for _, sp := range []*spacer{&d.top, &d.bottom} {
		if sp.tr.Truthy() {
			sp.tr.Get("firstChild").Set("colSpan", d.ncols)
		}
	}
}

// newRow clones the template; the JavaScript side adds each cell's text
// node.
func (d *tableDOM) newRow() domRow {
	tr := d.tmpl.Call("cloneNode", true)
	d.js.Call("add", tr)
	r := domRow{tr: tr, row: -1, cells: make([]cellView, d.ncols)}
	for c := range r.cells {
		r.cells[c].class = "\x00" // never a real class: the first write sets it
	}
	return r
}

// writeHead replaces the header row, keeping keyboard focus on the sort
// button that had it.
func (d *tableDOM) writeHead(html string) {
	focusCol := ""
	if active := js.Global().Get("document").Get("activeElement"); active.Truthy() && d.thead.Call("contains", active).Bool() {
		if c := active.Get("dataset").Get("col"); c.Truthy() {
			focusCol = c.String()
		}
	}
	d.thead.Set("innerHTML", html)
	d.headHTML = html
	if focusCol != "" {
		if b := d.thead.Call("querySelector", `button.sort[data-col="`+focusCol+`"]`); b.Truthy() {
			b.Call("focus")
		}
	}
}

// setSpacers puts the spacer rows in or out of the tbody and sizes them.
func (d *tableDOM) setSpacers(f *tableFrame) {
	d.setSpacer(&d.top, f.padTop, true)
	d.setSpacer(&d.bottom, f.padBottom, false)
}

// setSpacer gives sp height h: in the tbody, first (atTop) or last, while
// h is positive.
func (d *tableDOM) setSpacer(sp *spacer, h float64, atTop bool) {
	want := h > 0
	if want != sp.in {
		if want {
			if !sp.tr.Truthy() {
				sp.tr = d.newSpacer()
			}
			sp.tr.Get("firstChild").Set("colSpan", d.ncols)
			if atTop {
				d.tbody.Call("insertBefore", sp.tr, d.tbody.Get("firstChild"))
			} else {
				d.tbody.Call("appendChild", sp.tr)
			}
		} else {
			sp.tr.Call("remove")
		}
		sp.in, sp.height = want, -1
		if !atTop {
			end := js.Null()
			if want {
				end = sp.tr
			}
			d.js.Call("bind", d.tbody, end)
		}
	}
	if want && h != sp.height {
		sp.tr.Get("firstChild").Get("style").Set("height", formatPx(h))
		sp.height = h
	}
}

func (d *tableDOM) newSpacer() js.Value {
	doc := js.Global().Get("document")
	tr := doc.Call("createElement", "tr")
	tr.Set("className", "vspace")
	tr.Call("setAttribute", "aria-hidden", "true")
	tr.Call("appendChild", doc.Call("createElement", "td"))
	return tr
}

func formatPx(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) + "px" }

// writeRow records the changes that show member j in pool row i: the
// row's identity when the stock changed, then each cell whose text or
// class changed.
func (d *tableDOM) writeRow(i int, f *tableFrame, j int) {
	r := &d.pool[i]
	row := int(f.model.screen.Members[j])
	if row != r.row {
		d.change('r', i, strconv.Itoa(row)+"\x1f"+strings.ReplaceAll(f.model.snap.Ticker[row], "\x1f", " "))
		r.row = row
	}
	if sel := row == f.model.selected; sel != r.sel {
		v := ""
		if sel {
			v = "selected"
		}
		d.change('s', i, v)
		r.sel = sel
	}
	k := i * d.ncols
	if cap(d.cells) < len(f.cols) {
		d.cells = make([]cellView, len(f.cols))
	}
	d.cells = d.cells[:len(f.cols)]
	d.cache.fill(f.model, f.cols, d.colsKey, j, d.cells)
	for c, v := range d.cells {
		if v.text != r.cells[c].text {
			d.change('t', k+c, v.text)
			r.cells[c].text = v.text
		}
		if v.class != r.cells[c].class {
			d.change('c', k+c, v.class)
			r.cells[c].class = v.class
		}
	}
}

// change appends one change to the batch. The separators cannot come from
// data: they are replaced by spaces (the one \x1f of an r or m value is
// ours).
func (d *tableDOM) change(op byte, k int, v string) {
	d.batch = append(d.batch, op, 0x1e)
	d.batch = strconv.AppendInt(d.batch, int64(k), 10)
	d.batch = append(d.batch, 0x1e)
	for i := 0; i < len(v); i++ {
		b := v[i]
		if b == 0x1e || (b == 0x1f && op != 'r' && op != 'm') {
			b = ' '
		}
		d.batch = append(d.batch, b)
	}
	d.batch = append(d.batch, 0x1e)
}

// rowHeight is the height of a table row in CSS pixels (0 when no row is
// on screen): the virtualised list's unit.
func (d *tableDOM) rowHeight() float64 {
	if len(d.ring.order) == 0 {
		return 0
	}
	return d.pool[d.ring.order[0]].tr.Call("getBoundingClientRect").Get("height").Float()
}

// viewport is the table box's scroll offset and visible height.
func (d *tableDOM) viewport() (scrollTop, height float64) {
	if !d.host.Truthy() {
		return 0, 0
	}
	return d.host.Get("scrollTop").Float(), d.host.Get("clientHeight").Float()
}

// setScrollTop scrolls the table box to y pixels from its top.
func (d *tableDOM) setScrollTop(y float64) {
	if d.host.Truthy() {
		d.host.Set("scrollTop", y)
	}
}

// focusRow focuses the ticker button of the row showing snapshot row
// row, if it is in the DOM.
func (d *tableDOM) focusRow(row int) {
	for _, k := range d.ring.order {
		if d.pool[k].row == row {
			if b := d.pool[k].tr.Call("querySelector", "button.link"); b.Truthy() {
				b.Call("focus")
			}
			return
		}
	}
}
