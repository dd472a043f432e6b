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

// HoldingsCheck counts what validateHoldings found in one holdings file.
type HoldingsCheck struct {
	Fund     string
	Rows     int // rows in the file
	Equities int // stock rows (isEquity), after merging duplicates
	// Duplicates are stock rows whose ticker an earlier row already had:
	// the fund holds the company in two lots (the IJR file lists some
	// companies twice, one lot often at 0.00%). They are merged, weights
	// summed, so the order of the lots does not decide the weight.
	Duplicates int
	Negative   int     // negative weights, dropped (the row is kept)
	Over100    int     // weights above 100%, dropped
	WeightSum  float64 // sum of the stock rows' weights, percent
}

// validateHoldings merges duplicate stock rows (same ticker key; rows
// without a ticker are matched later by name and left alone) by summing
// their weights, and drops stock weights that cannot be a share of a fund
// (negative, or above 100%), counting each case. Non-stock rows (cash and
// futures may well be negative) pass through unchanged.
func validateHoldings(fund string, hs []holding) ([]holding, HoldingsCheck) {
	c := HoldingsCheck{Fund: fund, Rows: len(hs)}
	out := make([]holding, 0, len(hs))
	at := map[string]int{} // ticker key -> index in out
	for _, h := range hs {
		if !isEquity(h) {
			out = append(out, h)
			continue
		}
		if w := weightOf(h); w < 0 || w > 100 {
			if w < 0 {
				c.Negative++
			} else {
				c.Over100++
			}
			h.Weight = nil
		}
		k := tickerKey(h.Ticker)
		if i, dup := at[k]; dup && k != "" {
			c.Duplicates++
			out[i].Weight = sumWeights(out[i].Weight, h.Weight)
			continue
		}
		if k != "" {
			at[k] = len(out)
		}
		c.Equities++
		out = append(out, h)
	}
	for _, h := range out {
		if w := weightOf(h); isEquity(h) && !math.IsNaN(w) {
			c.WeightSum += w
		}
	}
	return out, c
}

// sumWeights adds two optional weights; absent plus absent stays absent.
func sumWeights(a, b *float64) *float64 {
	if a == nil {
		return b
	}
	if b == nil {
		return a
	}
	s := *a + *b
	return &s
}

// String is the report line.
func (c HoldingsCheck) String() string {
	return fmt.Sprintf("holdings %s: %d rows, %d stocks (weights sum to %.2f%%); %d duplicate tickers merged (weights summed), %d negative weights and %d over 100%% dropped",
		c.Fund, c.Rows, c.Equities, c.WeightSum, c.Duplicates, c.Negative, c.Over100)
}
