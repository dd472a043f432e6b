package main

import (
	"math"
	"strings"
	"testing"

	"screener/engine"
)

// claimsUsedKeys are the UI string keys the Claims view builds from the
// engine's names (TestEnglishTableIsComplete).
func claimsUsedKeys() map[string]bool {
	used := map[string]bool{"view." + string(viewClaims): true}
	for _, id := range engine.ClaimIDs() {
		used["claims.claim."+id] = true
	}
	for _, a := range engine.ClaimArticles() {
		used["claims.article."+a] = true
	}
	for _, k := range engine.ClaimNoteKeys() {
		used["claims.why."+k] = true
	}
	for _, v := range []engine.Verdict{engine.VerdictHolds, engine.VerdictRoughly, engine.VerdictNotHold, engine.VerdictCannot} {
		used["claims.verdict."+v.Key()] = true
	}
	for _, c := range claimColumns {
		used["claims.col."+c] = true
	}
	for _, id := range claimLinkIDs {
		used["claims.link."+id] = true
	}
	return used
}

// A card shows the claim, each value with its raw number for scripts,
// which value the verdict uses and which is nearest the article, in both
// languages.
func TestClaimCardHTML(t *testing.T) {
	c := engine.ClaimCard{ID: "A5", Article: engine.ArticleBrokerVideo, Verdict: engine.VerdictRoughly, Why: "pe_one_date",
		Values: []engine.ClaimValue{
			{Key: "pe_a", Value: 25, Unit: engine.UnitRatio, Target: "pe", Claimed: 20, To: "2025-11-24", Source: "current.json"},
			{Key: "pe_b", Value: 20.5, Unit: engine.UnitRatio, Target: "pe", Claimed: 20, Closest: true, To: "2025-11-24"},
			{Key: "share", Value: 0.571, Unit: engine.UnitPct, Claimed: math.NaN()},
		},
		Chart: &engine.ClaimChart{Kind: "pairs", Pairs: []engine.ChartPair{{Key: "pe", Small: 19, Large: 30}}}}
	for _, l := range []lang{langEN, langJA} {
		var w htmlWriter
		writeClaimCards(&w, l, []engine.ClaimCard{c}, false)
		h := w.String()
		for _, want := range []string{`data-claim="A5"`, `data-verdict="roughly"`, `data-def="pe_a" data-raw="25"`, `data-def="share" data-raw="0.571"`, "<svg"} {
			if !strings.Contains(h, want) {
				t.Errorf("%s: card lacks %q", l, want)
			}
		}
		for _, want := range []string{"+57.10%", l.t("claims.claim.A5"), l.t("claims.verdict.roughly"), l.t("claims.why.pe_one_date"), l.t("claims.article." + engine.ArticleBrokerVideo),
			l.t("claims.primary"), l.t("claims.closest")} {
			if !strings.Contains(h, escapeHTML(want)) {
				t.Errorf("%s: card lacks %q", l, want)
			}
		}
		if strings.Count(h, l.t("claims.primary")) != 1 || strings.Count(h, l.t("claims.closest")) != 1 {
			t.Errorf("%s: primary/closest tags: %s", l, h)
		}
	}
	if got := claimNum(langJA, 67.1, engine.UnitUSDbn); got != "671億ドル" {
		t.Errorf("JA net assets %q", got)
	}
	if got := claimNum(langEN, math.NaN(), engine.UnitPct); got != missingText {
		t.Errorf("missing %q", got)
	}
}

// Each linked card opens a valid state of its view; the others link
// nowhere.
func TestClaimLinks(t *testing.T) {
	for _, id := range engine.ClaimIDs() {
		st, ok := claimLink(id)
		linked := false
		for _, l := range claimLinkIDs {
			linked = linked || l == id
		}
		if ok != linked {
			t.Errorf("%s: link %v, listed %v", id, ok, linked)
			continue
		}
		if !ok {
			continue
		}
		if back := ParseState(st.Query()); back != st {
			t.Errorf("%s: state does not survive its URL: %+v vs %+v", id, back, st)
		}
	}
	a8, _ := claimLink("A8")
	if a8.View != ViewHistory || a8.Weights[engine.Profitability] == 0 || a8.Weights[engine.Valuation] != 0 {
		t.Errorf("A8 %+v", a8)
	}
	e1, _ := claimLink("E1")
	if e1.View != ViewETFs || e1.ETFAsOf != "2023-12" || e1.Funds[2] != "SPY" {
		t.Errorf("E1 %+v", e1)
	}
}

// claim= names one card of the Claims view; it survives the URL only
// there and only as a known id.
func TestClaimInURLState(t *testing.T) {
	st := ParseState("view=claims&claim=a4&embed=1")
	if st.Claim != "A4" || !st.Embed || !strings.Contains(st.Query(), "claim=A4") {
		t.Errorf("%+v %q", st, st.Query())
	}
	for _, q := range []string{"view=claims&claim=Z9", "view=history&claim=A4", "claim=A4"} {
		if st := ParseState(q); st.Claim != "" || strings.Contains(st.Query(), "claim=") {
			t.Errorf("%s: %+v", q, st)
		}
	}
}
