package main

import (
	"math"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"screener/engine"
)

// svgNS must be set on every SVG element built with app.Elem, or the
// browser creates HTML elements that do not draw.
const svgNS = "http://www.w3.org/2000/svg"

// contribChart draws "why this rank": one horizontal bar per factor for its
// additive contribution wₖzₖ/Σw to the composite, right of the zero line
// when it lifts the rank, left when it lowers it; missing factors say so.
type contribChart struct {
	app.Compo

	Lang   lang
	Values [engine.NumFactors]float64
}

func svgEl(tag string) app.HTMLElem { return app.Elem(tag).XMLNS(svgNS) }

func (c *contribChart) Render() app.UI {
	const (
		width  = 360.0
		labelW = 118.0
		valueW = 46.0
		rowH   = 24.0
		barH   = 14.0
	)
	plotL, plotR := labelW, width-valueW
	zero := (plotL + plotR) / 2
	half := (plotR - plotL) / 2
	scale := 1.0 // contributions are weighted z-scores; ±1 fits most stocks
	for _, v := range c.Values {
		if !math.IsNaN(v) {
			scale = math.Max(scale, math.Abs(v))
		}
	}
	height := rowH*engine.NumFactors + 8
	kids := []app.UI{
		svgEl("title").Text(c.Lang.t("detail.why")),
	}
	for f := engine.Factor(0); f < engine.NumFactors; f++ {
		v := c.Values[f]
		y := 4 + float64(f)*rowH
		mid := y + rowH/2
		kids = append(kids, svgEl("text").
			Attr("x", fmtf(labelW-8)).Attr("y", fmtf(mid)).
			Attr("text-anchor", "end").Attr("dominant-baseline", "middle").
			Attr("class", "label").
			Text(c.Lang.t("factor."+f.Key())))
		if math.IsNaN(v) {
			kids = append(kids, svgEl("text").
				Attr("x", fmtf(zero+4)).Attr("y", fmtf(mid)).
				Attr("dominant-baseline", "middle").Attr("class", "missing").
				Text(c.Lang.t("detail.missing")))
			continue
		}
		w := math.Abs(v) / scale * half
		x := zero
		cls := "bar pos"
		if v < 0 {
			x = zero - w
			cls = "bar neg"
		}
		kids = append(kids,
			svgEl("rect").Attr("x", fmtf(x)).Attr("y", fmtf(mid-barH/2)).
				Attr("width", fmtf(math.Max(w, 0.5))).Attr("height", fmtf(barH)).
				Attr("rx", "2").Attr("class", cls),
			svgEl("text").Attr("x", fmtf(width-2)).Attr("y", fmtf(mid)).
				Attr("text-anchor", "end").Attr("dominant-baseline", "middle").
				Attr("class", "value").Text(formatSigned(v)),
		)
	}
	kids = append(kids, svgEl("line").
		Attr("x1", fmtf(zero)).Attr("x2", fmtf(zero)).
		Attr("y1", "2").Attr("y2", fmtf(height-2)).Attr("class", "axis"))
	return svgEl("svg").
		Attr("viewBox", "0 0 "+fmtf(width)+" "+fmtf(height)).
		Attr("class", "contrib").
		Attr("role", "img").
		Attr("aria-label", c.Lang.t("detail.why")).
		Body(kids...)
}

func fmtf(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }
