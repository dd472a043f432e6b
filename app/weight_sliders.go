package main

import (
	"math"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"screener/engine"
)

// weightSliders shows one labelled 0–100 range input per factor with its
// live value and share of the total. Input is coalesced to the latest
// value per animation frame: an input event only records the value and
// updates the number under the thumb; the next requestAnimationFrame
// callback re-ranks once with the newest weights and writes the table, and
// that frame paints it. A fast drag never queues stale renders.
type weightSliders struct {
	app.Compo

	M       *screenModel
	Weights engine.Weights
	Lang    lang // re-render on a language switch

	// defOpen: the factor's definition is shown under its slider (the "?"
	// beside its name toggles it: one tap away on a phone, where a title
	// tooltip is not).
	defOpen [engine.NumFactors]bool
}

func (w *weightSliders) Render() app.UI {
	m := w.M
	l := m.lang
	total := m.weightTotal()
	rows := make([]app.UI, 0, engine.NumFactors+1)
	for f := engine.Factor(0); f < engine.NumFactors; f++ {
		key := f.Key()
		id := "w-" + key
		v := m.weights[f]
		share := 0
		if total > 0 {
			share = int(math.Round(v / total * 100))
		}
		open := w.defOpen[f]
		rows = append(rows, divClass("slider").Body(
			rawElem("label", l.t("factor."+key), "for", id, "class", "slider-label"),
			app.Button().Type("button").Class("def-toggle").ID("wd-"+key).
				Aria("expanded", open).Aria("controls", "wdef-"+key).Aria("label", l.t("def.show")+": "+l.t("factor."+key)).
				Text("?").OnClick(w.toggleDef(f), app.EventScope("def", key)),
			rawElem("span", itoa(int(v)), "id", "wv-"+key, "class", "slider-value", "aria-hidden", "true"),
			app.Input().
				Type("range").
				ID(id).
				Min(0).Max(100).Step(1).
				Value(itoa(int(v))).
				DataSet("factor", key).
				Aria("valuetext", itoa(int(v))+" ("+l.tf("weights.share", share)+")").
				OnInput(w.onInput(f), app.EventScope("weight", key)),
			rawElem("span", l.tf("weights.share", share), "class", "slider-share"),
			app.If(open, func() app.UI {
				return rawElem("p", l.t("factor.def."+key), "id", "wdef-"+key, "class", "def-text")
			}),
		))
	}
	if total == 0 {
		rows = append(rows, app.P().Class("warn").Text(l.t("weights.zero")))
	}
	return divClass("group weights").Body(
		rawElem("h2", l.t("weights.title")),
		divClass("sliders").Body(rows...),
	)
}

func (w *weightSliders) toggleDef(f engine.Factor) app.EventHandler {
	return func(ctx app.Context, e app.Event) { w.defOpen[f] = !w.defOpen[f] }
}

// onInput records the slider's latest value, shows it under the thumb and
// asks for the next animation frame, whose callback re-ranks once with the
// newest values of every slider and writes the table (rankTable.queueWrite).
// The event itself renders nothing.
func (w *weightSliders) onInput(f engine.Factor) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		ctx.PreventUpdate()
		v, err := strconv.ParseFloat(ctx.JSSrc().Get("value").String(), 64)
		if err != nil || math.IsNaN(v) {
			return
		}
		m := w.M
		m.pending[f] = math.Max(0, math.Min(100, math.Round(v)))
		m.pendingSet[f] = true
		setLiveText("wv-"+f.Key(), itoa(int(m.pending[f])))
		m.requestFrame()
	}
}
