package main

import (
	"math"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"screener/engine"
)

// stockCard is the single-stock embed: the company, its rank and score in
// the embed's screen and its six factor percentiles as bars, small enough
// for the side of a blog post. Plain elements rather than a component: a
// component type links go-app's component wrappers into app.wasm.
type stockCard struct {
	M      *screenModel
	Ticker string
}

func (c stockCard) render() app.UI {
	m := c.M
	l := m.lang
	s := m.snap
	var w htmlWriter
	row, ok := s.Lookup(c.Ticker)
	if !ok {
		w.tagText(`<div id="stock-card" class="stock-card panel"><p>`, l.tf("card.unknown", c.Ticker, s.AsOf), `</p></div>`)
		return w.UI()
	}
	w.open("article", "id", "stock-card", "class", "stock-card panel", "data-ticker", s.Ticker[row])
	w.tagText(`<h2><span class="ticker">`, s.Ticker[row], `</span> <span class="company">`)
	w.tagText("", s.Name[row], `</span></h2>`)
	w.elem("p", l.sector(sectorName(s, row))+" · "+l.mcap(s.Mcap[row])+" · "+l.t("detail.price")+" "+formatPrice(s.Price[row]), "class", "muted small")
	sc := m.screen
	j, member := sc.Pos(row)
	switch {
	case !member:
		w.elem("p", l.t("card.notlisted"), "class", "card-rank", "id", "card-rank")
	case math.IsNaN(sc.Composite[j]):
		w.elem("p", l.t("card.unranked"), "class", "card-rank", "id", "card-rank")
	default:
		w.elem("p", l.tf("detail.rank", formatCount(int(m.rank[j])), formatCount(len(sc.Members)), formatFixed(sc.CompositePct[j], 1)), "class", "card-rank", "id", "card-rank", "data-rank", itoa(int(m.rank[j])))
	}
	if member {
		w.WriteString(`<div class="card-bars">`)
		for f := engine.Factor(0); f < engine.NumFactors; f++ {
			p := sc.FactorPct[f][j]
			key := f.Key()
			w.elem("span", l.t("factor."+key), "class", "card-label")
			width := "0"
			if !math.IsNaN(p) {
				width = itoa(int(math.Round(p)))
			}
			w.WriteString(`<span class="card-bar"><span style="width:` + width + `%"></span></span>`)
			w.elem("span", formatFixed(p, 0), "class", "num", "data-factor", key)
		}
		w.WriteString(`</div>`)
	}
	w.close("article")
	return w.UI()
}
