package main

// Claims view: the articles' statements of fact, each recomputed from the
// data by engine.Claims (the claims command prints the same cards). The
// view fetches daily.json, largecap.json and funds.json the first time it
// opens, never on the first visit; current.json is the screener's.

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"screener/engine"
)

// claimsView is the Claims tab. Its cards are written as one HTML string
// (as the History view's results): a few hundred cells and small SVG
// charts, with no interaction but the retry button.
type claimsView struct {
	app.Compo

	Lang lang
	M    *screenModel
	S    *claimsStore
	// Only is the one card shown (State.Claim), "" for all; Embed drops
	// the link back to every card (the embed's footer opens the page).
	Only  string
	Embed bool
	// Open shows another view's state (a URL query) as a new history
	// entry: the cards' links to the History and ETF views. Focus shows
	// one card (id) or all of them ("") the same way.
	Open  func(query string)
	Focus func(id string)
}

// onClick follows a card's link to another view inside the page (the
// link's href still works for a new tab). It stops the event before
// go-app's own link handling, which would navigate without the shell
// reading the new address.
func (v *claimsView) onClick(ctx app.Context, e app.Event) {
	a := e.Get("target").Call("closest", "a[data-open],a[data-focus]")
	if !a.Truthy() || v.Open == nil || v.Focus == nil || e.Get("metaKey").Bool() || e.Get("ctrlKey").Bool() {
		return
	}
	e.PreventDefault()
	e.Call("stopPropagation")
	ctx.PreventUpdate()
	if q := a.Get("dataset").Get("open"); q.Truthy() {
		v.Open(q.String())
		return
	}
	v.Focus(a.Get("dataset").Get("focus").String())
}

func (v *claimsView) OnMount(ctx app.Context) {
	v.S.setWake(func() { dispatch(ctx, func(app.Context) {}) })
	v.S.startLoad(ctx.Async, ctx.ResolveStaticResource, v.M.snap)
}

func (v *claimsView) OnDismount() { v.S.setWake(nil) }

func (v *claimsView) retry(ctx app.Context, e app.Event) {
	v.S.startLoad(ctx.Async, ctx.ResolveStaticResource, v.M.snap)
}

func (v *claimsView) Render() app.UI {
	l := v.Lang
	phase, lerr, cards := v.S.status()
	// app.Raw keeps one root element: the head and the cards share a div.
	var w htmlWriter
	w.WriteString(`<div>`)
	if v.Only == "" { // one card (a shared link, an embed) goes without the introduction
		w.WriteString(`<div class="claims-head">`)
		w.elem("h2", l.t("claims.title"))
		w.elem("p", l.t("claims.intro"))
		w.elem("p", l.t("claims.adjusted"), "class", "muted")
		w.elem("p", l.tf("claims.thresholds", formatNum(engine.HoldsWithin*100, 0, "%", false), formatNum(engine.RoughlyWithin*100, 0, "%", false),
			formatFixed(engine.FarMore, 1)), "class", "muted")
		w.WriteString(`</div>`)
	}
	switch phase {
	case claimsFailed:
		detail := ""
		if lerr != nil {
			detail = lerr.URL + ": " + lerr.Detail
		}
		w.WriteString(`</div>`)
		return app.Div().Class("claims").Body(w.UI(),
			app.Div().Class("panel error").Role("alert").Body(
				app.P().Text(l.tf("claims.failed", detail)),
				app.Button().Type("button").Class("btn").Text(l.t("claims.retry")).OnClick(v.retry),
			))
	case claimsReady:
		if v.Only != "" {
			for _, c := range cards {
				if c.ID == v.Only {
					cards = []engine.ClaimCard{c}
				}
			}
		}
		if v.Only != "" && !v.Embed {
			all := DefaultState()
			all.View = ViewClaims
			w.WriteString(`<p class="claim-link">`)
			w.elem("a", "← "+l.t("claims.all"), "href", "?"+all.Query(), "data-focus", "")
			w.WriteString(`</p>`)
		}
		writeClaimCards(&w, l, cards, narrowScreen())
		w.WriteString(`</div>`)
		return app.Div().Class("claims").DataSet("ready", "1").OnClick(v.onClick).Body(w.UI())
	}
	w.WriteString(`<div class="panel loading" aria-busy="true"><p>`)
	w.text(l.t("claims.loading"))
	w.WriteString(`</p></div></div>`)
	return app.Div().Class("claims").Body(w.UI())
}

// claimColumns are the values table's columns (keys "claims.col.*").
var claimColumns = []string{"definition", "value", "claimed", "dates", "source"}

// writeClaimCards writes the cards grouped by article, in order. Links
// are relative ("?view=…"): the page's own path, whatever the base.
func writeClaimCards(w *htmlWriter, l lang, cards []engine.ClaimCard, narrow bool) {
	article := ""
	for _, c := range cards {
		if c.Article != article {
			if article != "" {
				w.WriteString(`</section>`)
			}
			article = c.Article
			w.open("section", "class", "claims-article")
			w.elem("h3", l.t("claims.article."+article))
		}
		writeClaimCard(w, l, c, narrow)
	}
	if article != "" {
		w.WriteString(`</section>`)
	}
}

// writeClaimCard writes one card: id and verdict, the claim, the values
// table, the note and the chart.
func writeClaimCard(w *htmlWriter, l lang, c engine.ClaimCard, narrow bool) {
	vk := c.Verdict.Key()
	w.open("article", "class", "claim-card panel", "id", "claim-"+c.ID, "data-claim", c.ID, "data-verdict", vk)
	w.WriteString(`<div class="claim-top">`)
	one := DefaultState()
	one.View, one.Claim = ViewClaims, c.ID
	w.elem("a", c.ID, "class", "claim-id", "href", "?"+one.Query(), "data-focus", c.ID, "title", l.t("claims.one"))
	w.elem("span", l.t("claims.verdict."+vk), "class", "verdict v-"+vk)
	w.WriteString(`</div>`)
	w.elem("p", l.t("claims.claim."+c.ID), "class", "claim-text")
	if len(c.Values) > 0 {
		w.WriteString(`<div class="claim-table-wrap"><table class="claim-values"><thead><tr>`)
		for _, h := range claimColumns {
			w.elem("th", l.t("claims.col."+h), "scope", "col")
		}
		w.WriteString(`</tr></thead><tbody>`)
		// The verdict's variant is tagged where a claimed quantity has
		// several definitions.
		variants, seen := map[string]int{}, map[string]bool{}
		for _, v := range c.Values {
			variants[v.Target]++
		}
		for _, v := range c.Values {
			primary := v.Target != "" && !seen[v.Target] && variants[v.Target] > 1
			seen[v.Target] = true
			cls := ""
			if primary {
				cls = "primary"
			}
			w.open("tr", "class", cls)
			w.open("td")
			w.elem("span", claimLabel(l, v.Key), "class", "claim-def")
			w.elem("code", v.Key, "class", "claim-key")
			if primary {
				w.elem("span", l.t("claims.primary"), "class", "tag")
			}
			if v.Closest {
				w.elem("span", l.t("claims.closest"), "class", "tag closest")
			}
			w.close("td")
			w.elem("td", claimNum(l, v.Value, v.Unit), "class", "num", "data-def", v.Key, "data-raw", rawNum(v.Value), "data-label", l.t("claims.col.value"))
			w.elem("td", claimNum(l, v.Claimed, v.Unit), "class", "num", "data-label", l.t("claims.col.claimed"))
			dates := l.date(v.To)
			if v.From != "" {
				dates = l.date(v.From) + " – " + dates
			}
			w.elem("td", dates, "class", "dates")
			w.elem("td", v.Source, "class", "muted src")
			w.close("tr")
		}
		w.WriteString(`</tbody></table></div>`)
	}
	if c.Why != "" {
		w.elem("p", l.t("claims.why."+c.Why), "class", "claim-note muted")
	}
	if c.Err != "" {
		w.elem("p", l.tf("claims.error", c.Err), "class", "claim-note warn")
	}
	if c.Chart != nil {
		writeClaimChart(w, l, c, narrow)
	}
	if st, ok := claimLink(c.ID); ok {
		q := st.Query()
		w.WriteString(`<p class="claim-link">`)
		w.elem("a", l.t("claims.link."+c.ID)+" →", "href", "?"+q, "data-open", q)
		w.WriteString(`</p>`)
	}
	w.close("article")
}

// claimLinkIDs are the cards that link to another view (claimLink).
var claimLinkIDs = []string{"A8", "A9", "E1"}

// claimLink is the page state a card links to: A8 and A9 open the History
// view with only profitability and free cash flow weighted (the quality
// and FCF quintiles the claims are about); E1 the ETF view comparing IWM,
// IJR and SPY with trailing returns to the end of 2023 and growth from
// the end of 2013.
func claimLink(id string) (State, bool) {
	st := DefaultState()
	switch id {
	case "A8", "A9":
		st.View, st.Preset = ViewHistory, ""
		st.Weights = engine.Weights{}
		st.Weights[engine.Profitability], st.Weights[engine.FreeCashFlow] = MaxWeight, MaxWeight
	case "E1":
		st.View = ViewETFs
		st.Funds = [MaxFunds]string{"IWM", "IJR", "SPY"}
		st.ETFFrom, st.ETFAsOf = "2013-12", "2023-12"
	default:
		return st, false
	}
	return st.Normalize(), true
}

// claimNum shows a value in its unit; missing is "—".
func claimNum(l lang, x float64, u engine.Unit) string {
	switch u {
	case engine.UnitPct:
		return formatSigned(x*100, 2, "%")
	case engine.UnitYesNo:
		switch x {
		case 1:
			return l.t("claims.yes")
		case 0:
			return l.t("claims.no")
		}
		return missingText
	case engine.UnitDays, engine.UnitCount:
		return formatFixed(x, 0)
	case engine.UnitUSDbn:
		if l == langJA { // 億 = 0.1 billion
			return l.tf("claims.bn", formatFixed(x*10, 0))
		}
		return l.tf("claims.bn", formatFixed(x, 1))
	}
	return formatFixed(x, 2)
}
