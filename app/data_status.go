package main

import (
	"math"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"screener/engine"
)

// dataStatus is the one-line answer to "what am I looking at": snapshot
// date, number of companies, how many pass the filters, and how complete
// the factor data is (share of companies with all six factors).
type dataStatus struct {
	app.Compo

	M    *screenModel
	Opts engine.Options // the status changes only with the options
	Lang lang           // re-render on a language switch
}

func (d *dataStatus) Render() app.UI {
	m := d.M
	l := m.lang
	s := m.snap
	full := 0
	cov := m.screen.Coverage
	for _, c := range cov {
		if c == 6 {
			full++
		}
	}
	fullShare := "—"
	if len(cov) > 0 {
		fullShare = strconv.Itoa(int(float64(full)/float64(len(cov))*100+0.5)) + "%"
	}
	var fields []string
	for _, f := range s.Coverage {
		fields = append(fields, l.field(f.Field)+" "+strconv.Itoa(int(f.Share*100+0.5))+"%")
	}
	// The live region stays one go-app element (a live region replaced
	// as a whole is not announced); its read-only text is written as HTML
	// (far smaller in wasm than a chain per span).
	var w htmlWriter
	w.WriteString(`<span>`)
	w.elem("span", l.tf("status.line", l.date(s.AsOf), formatCount(s.N)), "title", l.universe(s))
	w.tagText(`<span class="sep"> · </span><span id="inview">`, inViewText(m), `</span>`)
	w.tagText(`<span id="hidden-count">`, hiddenText(m), `</span><span class="sep"> · </span>`)
	w.elem("span", l.tf("status.coverage", l.tf("status.coverage.full", fullShare)),
		"title", l.t("status.coverage.all")+": "+strings.Join(fields, ", "))
	if a := s.MedianStatementAgeMonths(); !math.IsNaN(a) {
		w.WriteString(`<span class="sep"> · </span>`)
		w.elem("span", l.tf("status.age", strconv.Itoa(int(a+0.5))), "id", "statement-age", "title", l.t("status.age.title"))
	}
	w.WriteString(`</span>`)
	return app.P().ID("data-status").Class("status").Role("status").Body(w.UI())
}

// inViewText is the "N in view" part of the status line.
func inViewText(m *screenModel) string {
	return m.lang.tf("status.inview", formatCount(len(m.view)))
}

// hiddenText says how many filtered stocks are off the table because they
// are unranked, and why ("" when none are).
func hiddenText(m *screenModel) string {
	n := len(m.screen.Members) - len(m.view)
	if n <= 0 {
		return ""
	}
	return " " + m.lang.tf("status.hidden."+m.opts.Missing.Key(), formatCount(n), m.opts.MinCoverage)
}
