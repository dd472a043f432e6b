package main

import (
	"math"
	"strconv"
)

// etfTable is a comparison table as data. The page renders it as HTML in
// one pass (the rank table does the same: a string is far smaller in wasm
// and faster than thousands of go-app element calls), and the CSV export
// writes the same cells, so the download is exactly what the page shows.
type etfTable struct {
	ID    string
	Title string   // names the table in the CSV
	Head  []string // the row-label column's header, then one per column
	Rows  []etfRow
}

// etfRow is one labelled row, or a full-width group heading.
type etfRow struct {
	Label, Hint string
	Unit        string // appended to the label in the CSV, e.g. "%"
	Group       bool
	Class       string
	Cells       []etfTCell
}

// etfTCell is one cell. Value is the full-precision number behind the
// text (NaN: none), written to data-value for tests and, times Scale
// (1 when zero), to the CSV; cells without a value export their text.
type etfTCell struct {
	Text, Sub, Class, Title string
	Fund, Metric, Style     string
	Value, Scale            float64
	Span                    int
	// IsBar draws a bar of Bar% of the track before the text, in the
	// colour of column BarColor (sector weights).
	IsBar    bool
	Bar      float64
	BarColor int
}

// etfNumCell is a numeric cell of a fund's metric.
//
//go:noinline
func etfNumCell(fund, metric, text string, v float64, class string) etfTCell {
	return etfTCell{Text: text, Fund: fund, Metric: metric, Value: v, Class: class}
}

// etfText is a text-only cell.
//
//go:noinline
func etfText(text, sub string) etfTCell {
	return etfTCell{Text: text, Sub: sub, Value: math.NaN()}
}

// write writes the table inside its scrolling box.
func (t *etfTable) write(w *htmlWriter) {
	w.tagText(`<div class="table-wrap etf-table-wrap"><table class="etf-table" id="`, t.ID, `"><thead><tr>`)
	for i, h := range t.Head {
		cls := "num"
		if i == 0 {
			cls = "etf-label"
		}
		w.tagText(`<th scope="col" class="`+cls+`">`, h, `</th>`)
	}
	w.WriteString(`</tr></thead><tbody>`)
	for _, r := range t.Rows {
		if r.Group {
			w.tagText(`<tr class="etf-group"><th scope="colgroup" colspan="`+itoa(len(t.Head))+`">`, r.Label, `</th></tr>`)
			continue
		}
		w.WriteString(`<tr`)
		w.attr("class", r.Class)
		w.WriteString(`><th scope="row" class="etf-label"`)
		w.attr("title", r.Hint)
		w.tagText(`>`, r.Label, `</th>`)
		for _, c := range r.Cells {
			writeETFCell(w, c)
		}
		w.WriteString(`</tr>`)
	}
	w.WriteString(`</tbody></table></div>`)
}

func writeETFCell(w *htmlWriter, c etfTCell) {
	cls := "num"
	if c.Class != "" {
		cls += " " + c.Class
	}
	val, span := "", ""
	if !math.IsNaN(c.Value) && !math.IsInf(c.Value, 0) && c.Metric != "" {
		val = rawNum(c.Value)
	}
	if c.Span > 1 {
		span = itoa(c.Span)
	}
	w.tagText(`<td class="`, cls, `"`)
	for i, v := range [...]string{c.Title, c.Style, c.Fund, c.Metric, val, span} {
		w.attr(etfCellAttrs[i], v)
	}
	w.WriteString(`>`)
	if c.IsBar {
		w.WriteString(`<span class="etf-track" aria-hidden="true"><span class="etf-bar etf-c` + itoa(c.BarColor) +
			`" style="width:` + fmtf(c.Bar) + `%"></span></span><span class="etf-bar-text">`)
	}
	w.text(c.Text)
	if c.IsBar {
		w.WriteString(`</span>`)
	}
	if c.Sub != "" {
		w.tagText(`<span class="etf-sub small muted">`, c.Sub, `</span>`)
	}
	w.WriteString(`</td>`)
}

// etfCellAttrs name the optional attributes of a cell, in writeETFCell's
// order.
var etfCellAttrs = [...]string{"title", "style", "data-fund", "data-metric", "data-value", "colspan"}

// csvRows are the table's rows for TableCSV: a title row with the column
// headers, then one row per measure; group headings become label-only
// rows; numbers are exported in display units, missing ones empty.
func (t *etfTable) csvRows() [][]string {
	head := append([]string{t.Title}, t.Head[1:]...)
	out := [][]string{head}
	for _, r := range t.Rows {
		if r.Group {
			out = append(out, []string{r.Label})
			continue
		}
		label := r.Label
		if r.Unit != "" {
			label += " (" + r.Unit + ")"
		}
		rec := []string{label}
		for _, c := range r.Cells {
			rec = append(rec, c.csv())
			for k := 1; k < c.Span; k++ {
				rec = append(rec, "")
			}
		}
		out = append(out, rec)
	}
	return out
}

func (c etfTCell) csv() string {
	if !math.IsNaN(c.Value) && !math.IsInf(c.Value, 0) {
		s := c.Scale
		if s == 0 {
			s = 1
		}
		return strconv.FormatFloat(c.Value*s, 'g', 10, 64)
	}
	if c.Text == missingText || c.Text == "n/a" || c.Class == etfNoneClass {
		return ""
	}
	return c.Text
}

// etfBuilder appends rows to a fund comparison table. Its methods are kept
// out of line on purpose: inlined into every call site they made the
// table functions several times larger in wasm.
type etfBuilder struct {
	t *etfTable
	c *etfComparison
}

// row appends a row with one cell per fund.
//
//go:noinline
func (b etfBuilder) row(label, hint, unit string, cell func(i int, fv etfFundView) etfTCell) {
	r := etfRow{Label: label, Hint: hint, Unit: unit, Cells: make([]etfTCell, 0, len(b.c.Funds))}
	for i, fv := range b.c.Funds {
		r.Cells = append(r.Cells, cell(i, fv))
	}
	b.t.Rows = append(b.t.Rows, r)
}

// group appends a full-width heading.
//
//go:noinline
func (b etfBuilder) group(label string) {
	b.t.Rows = append(b.t.Rows, etfRow{Label: label, Group: true})
}

// etfPctCell is a percentage cell (value a fraction, exported ×100).
//
//go:noinline
func etfPctCell(fund, metric, text string, x float64, class string) etfTCell {
	cl := etfNumCell(fund, metric, text, x, class)
	cl.Scale = 100
	return cl
}
