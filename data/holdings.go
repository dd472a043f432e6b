package data

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// holding is one row of a fund holdings file.
type holding struct {
	Ticker  string   `json:"ticker"`
	Name    string   `json:"name"`
	Sector  string   `json:"sector"`
	Country string   `json:"country"`
	Weight  *float64 `json:"weight"`
}

// gicsSectors are the eleven GICS sectors; holdings rows outside them
// (cash, futures: "Cash and/or Derivatives") are not equities.
var gicsSectors = []string{
	"Communication Services", "Consumer Discretionary", "Consumer Staples", "Energy",
	"Financials", "Health Care", "Industrials", "Information Technology",
	"Materials", "Real Estate", "Utilities",
}

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
	n := " " + strings.ToUpper(strings.TrimSpace(h.Name)) + " "
	for _, w := range []string{" CVR ", " RIGHTS ", " RIGHT ", " WARRANT ", " WARRANTS ", " ESCROW ", " VESTING "} {
		if strings.Contains(n, w) && !(w == " CVR " && strings.HasPrefix(n, " CVR ")) {
			return false
		}
	}
	return true
}

// loadHoldings reads holdings/<fund>.json.
func loadHoldings(dataDir, fund string) ([]holding, error) {
	path := filepath.Join(dataDir, "holdings", fund+".json")
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
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

// iwmDecember is the second IWM holdings file
// (holdings/russell2000-iwm-2025-12.csv), by ticker key: the shares the
// fund holds (Market Value / Price) and the file's own market price.
type iwmDecember struct {
	held, price map[string]float64
}

// loadIWMDecember reads the second IWM file. Shares held bound shares
// outstanding from below and, as a roughly constant fraction of each
// company's float, estimate it (see shares.go); the file's prices are
// real (unadjusted) closes of the day it was made, which expose adjusted
// closes that a later split or distribution rescaled.
func loadIWMDecember(dataDir string) iwmDecember {
	out := iwmDecember{held: map[string]float64{}, price: map[string]float64{}}
	path := filepath.Join(dataDir, "holdings", "russell2000-iwm-2025-12.csv")
	content, err := os.ReadFile(path)
	if err != nil {
		return out
	}
	h := newHeaderIndex(readHeader(content, ','))
	if len(h.missing("Ticker", "Market Value", "Price")) > 0 {
		return out
	}
	var fields []string
	forEachLine(content, func(_ int, line []byte) {
		var err error
		fields, err = splitRow(line, ',', fields)
		if err != nil || len(fields) != h.n {
			return
		}
		mv, s1 := parseNumber(fields[h.col("Market Value")])
		px, s2 := parseNumber(fields[h.col("Price")])
		k := tickerKey(fields[h.col("Ticker")])
		if s1 == numOK && s2 == numOK && px > 0 && mv > 0 && k != "" {
			out.held[k] = mv / px
			out.price[k] = px
		}
	})
	return out
}

// simfinToGICS maps SimFin industry ids to GICS sectors for companies
// that are in no holdings file. SimFin's own sectors are close to
// Morningstar's; where an industry sits in a different GICS sector
// (online media, entertainment, advertising and publishing are
// Communication Services; education is Consumer Discretionary; packaging
// is Materials) the industry decides.
func simfinToGICS(industry int) string {
	switch industry {
	case 101002, 103001, 103011, 103026, 108001:
		return "Communication Services"
	case 102006:
		return "Consumer Discretionary"
	case 103018:
		return "Materials"
	case 108002, 108003, 108004:
		return "Industrials"
	case 111001:
		return "Financials"
	}
	switch industry / 1000 {
	case 100:
		return "Industrials"
	case 101:
		return "Information Technology"
	case 102:
		return "Consumer Staples"
	case 103:
		return "Consumer Discretionary"
	case 104:
		return "Financials"
	case 105:
		return "Utilities"
	case 106:
		return "Health Care"
	case 107:
		return "Energy"
	case 109:
		return "Real Estate"
	case 110:
		return "Materials"
	}
	return ""
}

// weightOf is a holding's weight in percent, NaN if absent or non-finite.
func weightOf(h holding) float64 {
	if h.Weight == nil || math.IsNaN(*h.Weight) || math.IsInf(*h.Weight, 0) {
		return math.NaN()
	}
	return *h.Weight
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
