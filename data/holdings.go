package data

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"

	"screener/data/schema"
)

// holding is one row of a fund holdings file.
type holding struct {
	Ticker  string   `json:"ticker"`
	Name    string   `json:"name"`
	Sector  string   `json:"sector"`
	Country string   `json:"country"`
	Weight  *float64 `json:"weight"`
}

// gicsSectors are the contract's sector names (schema.GICSSectors): a
// holdings row outside them (cash, futures: "Cash and/or Derivatives") is
// not an equity.
var gicsSectors = schema.GICSSectors()

func isGICS(s string) bool {
	for _, g := range gicsSectors {
		if g == s {
			return true
		}
	}
	return false
}

// isEquity tells stock rows from cash, futures, placeholders and the
// non-share instruments funds carry after corporate actions (contingent
// value rights, subscription rights, warrants, escrow and vesting stubs):
// those are not companies and have no statements or prices of their own.
func isEquity(h holding) bool {
	t := strings.TrimSpace(h.Ticker)
	if t == "" || !isGICS(strings.TrimSpace(h.Sector)) {
		return false
	}
	return !isNonShare(h.Name)
}

// isNonShare: a holding name that is a right, warrant, CVR, escrow or
// vesting stub rather than a company's shares.
func isNonShare(name string) bool {
	n := " " + strings.ToUpper(strings.TrimSpace(name)) + " "
	for _, w := range []string{" CVR ", " RIGHTS ", " RIGHT ", " WARRANT ", " WARRANTS ", " ESCROW ", " VESTING "} {
		if strings.Contains(n, w) && !(w == " CVR " && strings.HasPrefix(n, " CVR ")) {
			return true
		}
	}
	return false
}

// loadHoldings reads holdings/<fund>.json.
func loadHoldings(dataDir, fund string) ([]holding, error) {
	path := filepath.Join(dataDir, "holdings", fund+".json")
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return parseHoldings(path, b)
}

// parseHoldings decodes a holdings file; path names it in errors.
func parseHoldings(path string, b []byte) ([]holding, error) {
	var hs []holding
	if err := json.Unmarshal(b, &hs); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return hs, nil
}

// holdingsInfo is what any holdings file says about a ticker key: its
// GICS sector and country (used for the history sectors and the US rule).
type holdingsInfo struct {
	sector, country, name string
}

// otherHoldingFunds are read only for sectors and countries.
var otherHoldingFunds = []string{"IWM", "IJR", "VB", "IJH", "IWD", "IWF", "IVV", "VTI"}

func loadHoldingsInfo(dataDir string) (map[string]holdingsInfo, []string) {
	out := map[string]holdingsInfo{}
	var read []string
	for _, f := range otherHoldingFunds {
		hs, err := loadHoldings(dataDir, f)
		if err != nil {
			continue
		}
		read = append(read, f)
		for _, h := range hs {
			if !isEquity(h) {
				continue
			}
			k := tickerKey(h.Ticker)
			if _, ok := out[k]; !ok {
				out[k] = holdingsInfo{sector: strings.TrimSpace(h.Sector), country: strings.TrimSpace(h.Country), name: strings.TrimSpace(h.Name)}
			}
		}
	}
	return out, read
}

// weightOf is a holding's weight in percent, NaN if absent or non-finite.
func weightOf(h holding) float64 {
	if h.Weight == nil || math.IsNaN(*h.Weight) || math.IsInf(*h.Weight, 0) {
		return math.NaN()
	}
	return *h.Weight
}
