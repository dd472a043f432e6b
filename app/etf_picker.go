package main

import (
	"slices"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"screener/engine"
)

// etfPicker chooses the 2–6 funds (toggle boxes in FundTickers order; the
// columns follow the order they were picked) and the start and as-of
// months, and lists every selected fund's caveats (stand-in prices,
// merged funds, modelled holdings).
type etfPicker struct {
	app.Compo

	Lang   lang
	S      *etfState
	Rev    int
	OnPick func()
}

func (p *etfPicker) Render() app.UI {
	l, s := p.Lang, p.S
	sel := s.tickers()
	var avail []string
	for _, t := range FundTickers {
		if _, ok := s.funds.Lookup(t); ok {
			avail = append(avail, t)
		}
	}
	lo, last, defStart, ok := etfMonthRange(s.funds, sel)
	from, asof := s.From, s.AsOf
	if from == "" && ok {
		from = defStart.String()
	}
	if asof == "" && ok {
		asof = last.String()
	}
	// The chips and notes are written as HTML (far smaller in wasm than
	// element chains); one change handler on the group reads the toggled
	// box's value.
	var chips htmlWriter
	chips.WriteString(`<div class="etf-chips">`)
	for _, t := range avail {
		on := slices.Contains(sel, t)
		f, _ := s.funds.Lookup(t)
		cls, state := "etf-chip", ""
		if on {
			cls, state = "etf-chip on", " checked"
		}
		if (on && len(sel) <= MinFunds) || (!on && len(sel) >= MaxFunds) {
			state += " disabled"
		}
		chips.open("label", "class", cls, "for", "etf-f-"+t, "title", f.Name)
		chips.tagText(`<input type="checkbox" id="etf-f-`, t, `" value="`)
		chips.tagText("", t, `"`+state+`><span>`)
		chips.tagText("", t, `</span></label>`)
	}
	chips.WriteString(`</div>`)

	var notes htmlWriter
	for _, t := range sel {
		f, found := s.funds.Lookup(t)
		if !found {
			continue
		}
		for _, key := range fundNotes(s.funds, f) {
			if notes.Len() == 0 {
				notes.WriteString(`<ul class="etf-notes small">`)
			}
			notes.tagText("<li><strong>", t, "</strong> ")
			notes.tagText("", l.t(key), "</li>")
		}
	}
	if notes.Len() > 0 {
		notes.WriteString(`</ul>`)
	}
	month := func(id, label string, asofIn bool, val string) app.UI {
		return app.Label().Class("field").Body(
			app.Span().Class("field-label").Text(label),
			app.Input().Type("month").ID(id).Min(lo.String()).Max(last.String()).Value(val).
				OnChange(p.setMonth(asofIn)),
		)
	}
	return app.Div().ID("etf-picker").Class("etf-card etf-picker").Body(
		app.Div().Class("etf-funds").Role("group").Aria("labelledby", "etf-funds-legend").OnChange(p.toggle).Body(
			app.P().ID("etf-funds-legend").Class("etf-legend-title").Text(l.tf("etf.pick.legend", MinFunds, MaxFunds)),
			chips.UI(),
		),
		app.Div().Class("etf-dates").Body(
			month("etf-from", l.t("etf.start"), false, from),
			month("etf-asof", l.t("etf.asof"), true, asof),
			app.If(s.From != "" || s.AsOf != "", func() app.UI {
				return app.Button().Type("button").Class("link").ID("etf-dates-reset").Text(l.t("etf.dates.reset")).
					OnClick(func(ctx app.Context, e app.Event) {
						s.From, s.AsOf = "", ""
						p.OnPick()
					})
			}),
		),
		app.If(notes.Len() > 0, notes.UI),
	)
}

// toggle adds or removes the ticker of the changed box, keeping 2..6
// funds.
func (p *etfPicker) toggle(ctx app.Context, e app.Event) {
	t, s := e.Get("target").Get("value").String(), p.S
	if _, ok := s.funds.Lookup(t); !ok {
		return
	}
	sel := slices.Clone(s.tickers())
	if i := slices.Index(sel, t); i >= 0 {
		if len(sel) <= MinFunds {
			return
		}
		sel = slices.Delete(sel, i, i+1)
	} else {
		if len(sel) >= MaxFunds {
			return
		}
		sel = append(sel, t)
	}
	s.Funds = sel
	p.OnPick()
}

// setMonth reads a month input; an empty or malformed value returns to
// the default.
func (p *etfPicker) setMonth(asof bool) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		v := ctx.JSSrc().Get("value").String()
		if _, err := engine.ParseMonth(v); err != nil {
			v = ""
		}
		if asof {
			p.S.AsOf = v
		} else {
			p.S.From = v
		}
		p.OnPick()
	}
}
