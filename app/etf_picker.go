package main

import (
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"screener/engine"
)

// etfMinFunds and etfMaxFunds bound a comparison: two to compare, six to
// stay readable.
const (
	etfMinFunds = 2
	etfMaxFunds = 6
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
	var notes []app.UI
	var modelled []string
	for _, t := range sel {
		f, found := s.funds.Lookup(t)
		if !found {
			continue
		}
		for _, n := range fundNotes(f) {
			notes = append(notes, app.Li().Body(app.Strong().Text(t), app.Text(" "+n)))
		}
		if pf, pnote := priceFund(s.funds, t); pf == nil {
			notes = append(notes, app.Li().Body(app.Strong().Text(t), app.Text(" "+l.t("etf.note.noprices"))))
		} else if pnote != "" && f.Note == "" {
			notes = append(notes, app.Li().Body(app.Strong().Text(t), app.Text(" "+pnote)))
		}
		if t == "VTWG" || t == "VTWV" {
			modelled = append(modelled, t)
		}
	}
	if len(modelled) > 0 {
		notes = append(notes, app.Li().Body(app.Strong().Text(strings.Join(modelled, ", ")), app.Text(" "+l.t("etf.note.modelled"))))
	}
	return app.Div().ID("etf-picker").Class("etf-card etf-picker").Body(
		app.Div().Class("etf-funds").Role("group").Aria("labelledby", "etf-funds-legend").Body(
			app.P().ID("etf-funds-legend").Class("etf-legend-title").Text(l.tf("etf.pick.legend", etfMinFunds, etfMaxFunds)),
			app.Div().Class("etf-chips").Body(
				app.Range(avail).Slice(func(i int) app.UI {
					t := avail[i]
					on := slices.Contains(sel, t)
					f, _ := s.funds.Lookup(t)
					disabled := (on && len(sel) <= etfMinFunds) || (!on && len(sel) >= etfMaxFunds)
					in := app.Input().Type("checkbox").ID("etf-f-"+t).Value(t).Checked(on).
						OnChange(p.toggle(t), app.EventScope("fund", t))
					if disabled {
						in = in.Disabled(true)
					}
					cls := "etf-chip"
					if on {
						cls += " on"
					}
					return app.Label().Class(cls).For("etf-f-"+t).Title(f.Name).Body(
						in, app.Span().Text(t))
				}),
			),
		),
		app.Div().Class("etf-dates").Body(
			app.Label().Class("field").Body(
				app.Span().Class("field-label").Text(l.t("etf.start")),
				app.Input().Type("month").ID("etf-from").Min(lo.String()).Max(last.String()).Value(from).
					OnChange(p.setMonth(false)),
			),
			app.Label().Class("field").Body(
				app.Span().Class("field-label").Text(l.t("etf.asof")),
				app.Input().Type("month").ID("etf-asof").Min(lo.String()).Max(last.String()).Value(asof).
					OnChange(p.setMonth(true)),
			),
			app.If(s.From != "" || s.AsOf != "", func() app.UI {
				return app.Button().Type("button").Class("link").ID("etf-dates-reset").Text(l.t("etf.dates.reset")).
					OnClick(func(ctx app.Context, e app.Event) {
						s.From, s.AsOf = "", ""
						p.OnPick()
					})
			}),
		),
		app.If(len(notes) > 0, func() app.UI {
			return app.Ul().Class("etf-notes small").Body(notes...)
		}),
	)
}

// toggle adds or removes ticker t, keeping 2..6 funds.
func (p *etfPicker) toggle(t string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		s := p.S
		sel := slices.Clone(s.tickers())
		if i := slices.Index(sel, t); i >= 0 {
			if len(sel) <= etfMinFunds {
				return
			}
			sel = slices.Delete(sel, i, i+1)
		} else {
			if len(sel) >= etfMaxFunds {
				return
			}
			sel = append(sel, t)
		}
		s.Funds = sel
		p.OnPick()
	}
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
