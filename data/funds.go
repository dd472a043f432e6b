package data

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// rawFundsFile is the fund facts file in DATA_DIR. It shares its name
// with the funds snapshot (schema.FundsFile) but is an input: issuer facts
// by hand, no prices.
const rawFundsFile = "funds.json"

// fundFacts is one entry of DATA_DIR/funds.json; pointers keep "unknown"
// (null) apart from zero.
type fundFacts struct {
	Ticker            string   `json:"ticker"`
	Name              *string  `json:"name"`
	Issuer            *string  `json:"issuer"`
	Index             *string  `json:"index"`
	Segment           *string  `json:"segment"`
	Style             *string  `json:"style"`
	ExpenseRatioPct   *float64 `json:"expense_ratio_pct"`
	NetAssetsUSD      *float64 `json:"net_assets_usd"`
	NetAssetsAsOf     *string  `json:"net_assets_as_of"`
	Inception         *string  `json:"inception"`
	HoldingsCount     *float64 `json:"holdings_count"`
	HoldingsCountAsOf *string  `json:"holdings_count_as_of"`
	TurnoverPct       *float64 `json:"turnover_pct"`
	Note              *string  `json:"note"`
}

// fundPriceTickers are the price files in DATA_DIR/prices that are funds,
// not companies: they must never enter a universe. Any ticker in the fund
// facts is a fund too.
var fundPriceTickers = []string{"IWM", "IJR", "VTWG", "VTWV", "IWO", "IWN", "IWB", "SPY", "QQQ", "SPSM",
	"VIOO", "VB", "IJH", "IWV", "IJT", "IJS", "VBR", "AVUV", "IVV", "VOO", "RSP", "IWD", "IWF", "VTI"}

// loadFundFacts reads DATA_DIR/funds.json; a missing file yields no
// facts (the price series are still written) and an error naming it.
func loadFundFacts(dataDir string) ([]fundFacts, error) {
	path := filepath.Join(dataDir, rawFundsFile)
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return parseFundFacts(path, b)
}

// parseFundFacts decodes the fund facts; path names the file in errors.
func parseFundFacts(path string, b []byte) ([]fundFacts, error) {
	var doc struct {
		Funds []fundFacts `json:"funds"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return doc.Funds, nil
}

// factsSource names the issuer document the hand-copied facts come from.
func factsSource(issuer *string) *string {
	if issuer == nil {
		return nil
	}
	var s string
	switch *issuer {
	case "iShares":
		s = "iShares product list 2025-10-31"
	case "Vanguard":
		s = "Vanguard fact sheet 2025-06-30"
	default:
		return nil
	}
	return &s
}
