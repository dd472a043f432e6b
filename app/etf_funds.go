package main

import (
	"strings"

	"screener/engine"
)

// Shared by the etf CLI and the ETF view, so both say the same thing about
// a fund's prices and caveats.

// priceFund is the fund whose closes stand for ticker: its own, or for
// VTWO (no price file) IWM's, which tracks the same index.
func priceFund(fs *engine.Funds, ticker string) (*engine.Fund, string) {
	f, ok := fs.Lookup(ticker)
	if ok && len(f.Monthly) > 0 {
		return f, ""
	}
	if strings.EqualFold(ticker, "VTWO") {
		if iwm, ok := fs.Lookup("IWM"); ok && len(iwm.Monthly) > 0 {
			return iwm, "no VTWO price file: IWM's prices stand in (same Russell 2000 index; the difference in expense ratios is not reflected)"
		}
	}
	return nil, "no price series in funds.json"
}

// fundNotes are the caveats the ETF view must show for a fund.
func fundNotes(f *engine.Fund) []string {
	var out []string
	if f.Note != "" {
		out = append(out, f.Note)
	}
	if strings.EqualFold(f.Ticker, "SPSM") && !strings.Contains(f.Note, "SLY") {
		out = append(out, "SLY (SPDR S&P 600 Small Cap) merged into SPSM in 2023; SPSM's own history is shown")
	}
	return out
}
