package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"screener/engine"
)

// presetBar offers the engine's weight presets as toggle buttons; the
// one matching the current sliders is pressed.
type presetBar struct {
	app.Compo

	M      *screenModel
	Active string // key of the preset the sliders match, "" if custom
	Lang   lang   // re-render on a language switch
}

func (p *presetBar) Render() app.UI {
	m := p.M
	l := m.lang
	presets := engine.Presets()
	buttons := make([]app.UI, len(presets))
	for i, pr := range presets {
		key := pr.Key
		active := m.preset == key
		b := app.Button().
			Type("button").
			Class("preset").
			DataSet("preset", key).
			Aria("pressed", active).
			Title(l.t("preset.desc."+key)).
			Text(l.t("preset."+key)).
			OnClick(func(ctx app.Context, e app.Event) { m.applyPreset(key) }, app.EventScope("preset", key))
		if active {
			b = b.Class("active")
		}
		buttons[i] = b
	}
	desc := "preset.desc.custom"
	if m.preset != "" {
		desc = "preset.desc." + m.preset
	}
	return divClass("group presets").Body(
		rawElem("h2", l.t("presets.title")),
		divClass("preset-buttons").Role("group").Aria("label", l.t("presets.title")).Body(buttons...),
		rawElem("p", l.t(desc), "class", "preset-desc", "id", "preset-desc"),
	)
}
