package main

import (
	"math"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"screener/engine"
)

// contribChart draws "why this rank": one horizontal bar per factor for its
// additive contribution wₖzₖ/Σw to the composite, right of the zero line
// when it lifts the rank, left when it lowers it; missing factors say so.
type contribChart struct {
	app.Compo

	Lang   lang
	Values [engine.NumFactors]float64
}

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
	var w htmlWriter
	w.open("svg", "viewBox", "0 0 "+fmtf(width)+" "+fmtf(height), "class", "contrib",
		"role", "img", "aria-label", c.Lang.t("detail.why"))
	w.elem("title", c.Lang.t("detail.why"))
	for f := engine.Factor(0); f < engine.NumFactors; f++ {
		v := c.Values[f]
		mid := fmtf(4 + float64(f)*rowH + rowH/2)
		w.elem("text", c.Lang.t("factor."+f.Key()), "x", fmtf(labelW-8), "y", mid,
			"text-anchor", "end", "dominant-baseline", "middle", "class", "label")
		if math.IsNaN(v) {
			w.elem("text", c.Lang.t("detail.missing"), "x", fmtf(zero+4), "y", mid,
				"dominant-baseline", "middle", "class", "missing")
			continue
		}
		bw := math.Abs(v) / scale * half
		x := zero
		cls := "bar pos"
		if v < 0 {
			x = zero - bw
			cls = "bar neg"
		}
		w.void("rect", "x", fmtf(x), "y", fmtf(4+float64(f)*rowH+rowH/2-barH/2),
			"width", fmtf(math.Max(bw, 0.5)), "height", fmtf(barH), "rx", "2", "class", cls)
		w.elem("text", formatSigned(v, 2, ""), "x", fmtf(width-2), "y", mid,
			"text-anchor", "end", "dominant-baseline", "middle", "class", "value")
	}
	w.void("line", "x1", fmtf(zero), "x2", fmtf(zero), "y1", "2", "y2", fmtf(height-2), "class", "axis")
	w.close("svg")
	return w.UI()
}
