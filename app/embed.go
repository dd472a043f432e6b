package main

import (
	"math"
	"slices"
	"strings"

	"screener/engine"
)

// What an embed shows besides its view: the caption that says which
// screen it is (weights, filters, missing-factor rule, data date), the
// one block an ETF or History embed may be narrowed to, and the
// single-stock card.

// embedBlocks are the blocks an embed of each view may show alone: the id
// of the block's element or of the heading it is labelled by. (A Claims
// embed shows one card through the view's own claim= instead.)
var embedBlocks = map[string][]string{
	ViewETFs: {"etf-growth-h", "etf-returns-h", "etf-hold-h", "etf-sectors-h", "etf-overlap-h", "etf-corr-h", "etf-track-h"},
	ViewHistory: {"hist-verdict", "hist-spread", "hist-myscreen", "hist-spread-tab", "hist-buckets",
		"hist-myscreen-tab", "hist-factors"},
}

// embedBlockIndex is block's position among view's blocks, -1 if it is
// not one (anything from a URL is checked here before it reaches CSS).
func embedBlockIndex(view, block string) int {
	return slices.Index(embedBlocks[view], block)
}

// embedBlockCSS hides, inside #main, every element that neither holds the
// block nor is part of it (nor is a loading or error panel, so a block
// still loading says so). block is one of embedBlockList, never free text.
func embedBlockCSS(block string) string {
	if block == "" {
		return ""
	}
	b := `:is(#` + block + `,[aria-labelledby="` + block + `"])`
	return `#main *:not(:has(` + b + `,.loading,.error)):not(` + b + `):not(` + b + ` *):not(.loading):not(.loading *):not(.error):not(.error *){display:none!important}`
}

// embedCaption says which screen an embedded table shows: the preset (or
// "custom weights") with each weighted factor's share, the filters
// (filterPhrases; sectors is the snapshot's list), the missing-factor
// rule when it is not the default, and the data date.
func embedCaption(l lang, st State, asOf string, sectors []string) string {
	var parts []string
	name := l.t("embed.custom")
	if st.Preset != "" {
		name = l.t("preset." + st.Preset)
	}
	total := 0.0
	for _, w := range st.Weights {
		total += w
	}
	var shares []string
	for f := engine.Factor(0); f < engine.NumFactors; f++ {
		if w := st.Weights[f]; w > 0 && total > 0 {
			shares = append(shares, l.t("factor.short."+f.Key())+" "+itoa(int(math.Round(w/total*100)))+"%")
		}
	}
	parts = append(parts, name+" ("+strings.Join(shares, ", ")+")")
	parts = append(parts, filterPhrases(l, st.Options(sectors), sectors)...)
	if st.Missing != engine.MissingNeutral {
		parts = append(parts, l.t("filters.missing")+": "+l.t("filters.missing."+st.Missing.Key()))
	}
	parts = append(parts, l.tf("embed.asof", l.date(asOf)))
	return strings.Join(parts, " · ")
}
