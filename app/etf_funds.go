package main

import (
	"strings"

	"screener/engine"
)

// Shared by the etf CLI and the ETF view, so both say the same thing about
// a fund's prices and caveats.

// Notes are i18n keys, not prose, so the CLI (English) and the page (the
// reader's language) say the same thing; the builder's English "note"
// field in funds.json stays a comment for people reading the file.

// The caveat keys fundNotes can return.
const (
	noteVTWO     = "etf.note.vtwo"
	noteNoPrices = "etf.note.noprices"
	noteSLY      = "etf.note.sly"
	noteModelled = "etf.note.modelled"
)

// factsDocuments are the document kinds funds.json's facts_source names.
var factsDocuments = [...]struct{ en, key string }{{"fact sheet", "etf.src.factsheet"}, {"product list", "etf.src.productlist"}}

// priceFund is the fund whose closes stand for ticker: its own, or for
// VTWO (no price file) IWM's, which tracks the same index. The key names
// the caveat ("" when the fund has its own prices).
func priceFund(fs *engine.Funds, ticker string) (*engine.Fund, string) {
	f, ok := fs.Lookup(ticker)
	if ok && len(f.Monthly) > 0 {
		return f, ""
	}
	if strings.EqualFold(ticker, "VTWO") {
		if iwm, ok := fs.Lookup("IWM"); ok && len(iwm.Monthly) > 0 {
			return iwm, noteVTWO
		}
	}
	return nil, noteNoPrices
}

// fundNotes are the keys of the caveats to show for a fund: its price
// stand-in or lack of prices, SLY's merger into SPSM, modelled holdings.
func fundNotes(fs *engine.Funds, f *engine.Fund) []string {
	var out []string
	if _, key := priceFund(fs, f.Ticker); key != "" {
		out = append(out, key)
	}
	if strings.EqualFold(f.Ticker, "SPSM") {
		out = append(out, noteSLY)
	}
	if src, _ := engine.HoldingsSource(f.Ticker); src == "VTWG" || src == "VTWV" {
		out = append(out, noteModelled)
	}
	return out
}

// factsSource shows funds.json's "<issuer> <document> <date>" source in
// language l: the issuer and date are names and numbers, the document
// kind is words.
func factsSource(l lang, src string) string {
	for _, k := range factsDocuments {
		if strings.Contains(src, k.en) {
			return strings.Replace(src, k.en, l.t(k.key), 1)
		}
	}
	return src
}
