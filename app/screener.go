package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// screenerView lays out the screener: controls (presets, weight sliders,
// universe filters) beside the ranked table, and the stock detail panel
// when a row is open. Children share the model; each re-renders only when
// the exported field it depends on changes (a slider move re-renders the
// sliders and the table, not the filters).
type screenerView struct {
	app.Compo

	M   *screenModel
	Rev int
	// Compact is the embed layout: the table alone, no controls; Sliders
	// adds the weight sliders above it (an interactive embed).
	Compact bool
	Sliders bool
	Lang    lang

	// controlsOpen unfolds the weights and filters on phones, where they
	// start folded behind a toggle so the results begin on the first
	// screen; wider screens always show them (app.css).
	controlsOpen bool
}

func (v *screenerView) Render() app.UI {
	m := v.M
	l := m.lang
	class := "screener"
	if v.Compact {
		class += " compact"
	}
	return app.Div().Class(class).OnKeyDown(v.onKeyDown).Body(
		// Search first: on a phone it comes before the controls, not
		// after them.
		app.If(!v.Compact, func() app.UI {
			return divClass("toolbar").Body(&stockSearch{M: m, Lang: l}, &urlNotice{M: m, Lang: l})
		}),
		app.If(!v.Compact, func() app.UI {
			return app.Button().Type("button").ID("controls-toggle").Class("controls-toggle").
				Aria("expanded", v.controlsOpen).Aria("controls", "controls").Text(l.t("controls.toggle")).
				OnClick(func(ctx app.Context, e app.Event) { v.controlsOpen = !v.controlsOpen })
		}),
		app.If(!v.Compact, func() app.UI {
			class := "controls"
			if v.controlsOpen {
				class += " open"
			}
			return app.Elem("aside").ID("controls").Class(class).Aria("label", l.t("weights.title")).Body(
				&presetBar{M: m, Active: m.preset, Lang: l},
				&weightSliders{M: m, Weights: m.weights, Lang: l},
				&filterPanel{M: m, Opts: m.opts, Lang: l},
				&savedScreens{M: m, Lang: l},
			)
		}),
		app.If(v.Compact && v.Sliders, func() app.UI {
			return app.Elem("aside").Class("controls embed-sliders").Aria("label", l.t("weights.title")).Body(
				&weightSliders{M: m, Weights: m.weights, Lang: l},
			)
		}),
		app.Elem("section").Class("results").Body(
			&rankTable{M: m, Rev: m.rev},
			app.If(!v.Compact, func() app.UI {
				return &unpricedList{M: m, Opts: m.opts, Lang: l}
			}),
		),
		app.If(m.selected >= 0, func() app.UI {
			return &stockDetail{M: m, Rev: m.rev}
		}),
		app.If(len(m.compare) > 0 && !v.Compact, func() app.UI {
			return &compareTray{M: m, Rev: m.rev, Lang: l}
		}),
		app.If(m.compareOpen, func() app.UI {
			return &comparePanel{M: m, Rev: m.rev}
		}),
	)
}

// onKeyDown closes the comparison, then the detail panel, on Escape, wherever the focus is in
// the screener; other keys change nothing.
func (v *screenerView) onKeyDown(ctx app.Context, e app.Event) {
	if e.Get("key").String() == "Escape" && v.M.compareOpen {
		v.M.showCompare(false)
		return
	}
	if e.Get("key").String() == "Escape" && v.M.selected >= 0 {
		v.M.selectRow(-1)
		return
	}
	ctx.PreventUpdate()
}
