package data

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// fundFacts is one entry of funds.json; pointers keep "unknown" (null)
// apart from zero.
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

// fundPriceTickers are the fund price files listed in the data README;
// any ticker in funds.json is a fund too.
var fundPriceTickers = []string{"IWM", "IJR", "VTWG", "VTWV", "IWO", "IWN", "IWB", "SPY", "QQQ", "SPSM",
	"VIOO", "VB", "IJH", "IWV", "IJT", "IJS", "VBR", "AVUV", "IVV", "VOO", "RSP", "IWD", "IWF", "VTI"}

// loadFundFacts reads funds.json; a missing file yields no facts (the
// price series are still written) and an error naming it.
func loadFundFacts(dataDir string) ([]fundFacts, error) {
	path := filepath.Join(dataDir, "funds.json")
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Funds []fundFacts `json:"funds"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return doc.Funds, nil
}

// monthlyCloses is the close of the last trading day of every month from
// the first price on; the last entry is the last close (a partial month).
// A month without any trading day is null (NaN).
func monthlyCloses(s *series) (first string, out []float64) {
	if s == nil || len(s.days) == 0 {
		return "", nil
	}
	ym := func(d Day) int { t := d.Time(); return t.Year()*12 + int(t.Month()) - 1 }
	start := ym(s.days[0])
	for i, d := range s.days {
		m := ym(d) - start
		for len(out) <= m {
			out = append(out, math.NaN())
		}
		out[m] = s.close[i]
	}
	t := s.days[0].Time()
	return fmt.Sprintf("%04d-%02d", t.Year(), int(t.Month())), out
}

// factsSource names where an issuer's facts come from (data README).
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

// buildFunds writes the funds body: every fund in funds.json (in its
// order), then every other fund price file (sorted), each with facts and
// monthly closes. VTWO has no price file: IWM tracks the same index, so
// its note says IWM's prices stand in; SLY was merged into SPSM in 2023.
func buildFunds(dataDir string, prices *Prices) (body []byte, asof Day, err error) {
	facts, ferr := loadFundFacts(dataDir)
	seen := map[string]bool{}
	var list []fundFacts
	for _, f := range facts {
		k := tickerKey(f.Ticker)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		list = append(list, f)
	}
	var extra []string
	for _, t := range fundPriceTickers {
		if !seen[tickerKey(t)] && prices.byKey[tickerKey(t)] != nil {
			extra = append(extra, t)
		}
	}
	sort.Strings(extra)
	for _, t := range extra {
		list = append(list, fundFacts{Ticker: t})
		seen[tickerKey(t)] = true
	}
	for _, f := range list {
		if s := prices.byKey[tickerKey(f.Ticker)]; s != nil && s.last() > asof {
			asof = s.last()
		}
	}
	var w jsonWriter
	w.raw(`{"kind":"funds","asof":`)
	w.str(asof.String())
	w.raw(`,"provenance":[`)
	w.raw(`{"file":"funds.json","asof":"2025-06-30 (Vanguard) / 2025-10-31 (iShares)"}`)
	w.raw(`,{"file":"prices/<fund>.csv","asof":`)
	w.str(asof.String())
	w.raw(`}],"funds":[`)
	for i, f := range list {
		if i > 0 {
			w.raw(",")
		}
		s := prices.byKey[tickerKey(f.Ticker)]
		note := f.Note
		switch strings.ToUpper(f.Ticker) {
		case "VTWO":
			if s == nil {
				n := "No price file for VTWO: IWM tracks the same Russell 2000 index, so IWM's prices stand in."
				note = &n
			}
		case "SPSM":
			if note == nil {
				n := "SPDR S&P 600 Small Cap ETF (SLY) was merged into SPSM in 2023; SLY has no price file."
				note = &n
			}
		}
		if s == nil && note == nil {
			n := "No price file for this fund."
			note = &n
		}
		w.raw(`{"ticker":`)
		w.str(f.Ticker)
		w.raw(`,"name":`)
		w.strp(f.Name)
		w.raw(`,"issuer":`)
		w.strp(f.Issuer)
		w.raw(`,"index":`)
		w.strp(f.Index)
		w.raw(`,"segment":`)
		w.strp(f.Segment)
		w.raw(`,"style":`)
		w.strp(f.Style)
		w.raw(`,"expense_ratio_pct":`)
		w.exactp(f.ExpenseRatioPct)
		w.raw(`,"net_assets_usd":`)
		w.exactp(f.NetAssetsUSD)
		w.raw(`,"net_assets_as_of":`)
		w.strp(f.NetAssetsAsOf)
		w.raw(`,"inception":`)
		w.strp(f.Inception)
		w.raw(`,"holdings_count":`)
		w.exactp(f.HoldingsCount)
		w.raw(`,"holdings_count_as_of":`)
		w.strp(f.HoldingsCountAsOf)
		w.raw(`,"turnover_pct":`)
		w.exactp(f.TurnoverPct)
		w.raw(`,"facts_source":`)
		w.strp(factsSource(f.Issuer))
		first, monthly := monthlyCloses(s)
		w.raw(`,"first_month":`)
		if first == "" {
			w.raw("null")
		} else {
			w.str(first)
		}
		w.raw(`,"monthly":[`)
		for j, v := range monthly {
			if j > 0 {
				w.raw(",")
			}
			w.num(v, 6)
		}
		w.raw(`],"last_date":`)
		if s == nil {
			w.raw("null")
		} else {
			w.str(s.last().String())
		}
		w.raw(`,"note":`)
		w.strp(note)
		w.raw("}")
	}
	w.raw("]}")
	if ferr != nil {
		err = fmt.Errorf("fund facts: %w", ferr)
	}
	return w.Bytes(), asof, err
}

// jsonWriter writes compact JSON with a fixed key order.
type jsonWriter struct{ bytes.Buffer }

func (w *jsonWriter) raw(s string) { w.WriteString(s) }

func (w *jsonWriter) str(s string) {
	b, _ := json.Marshal(s) // a string always marshals
	w.Write(b)
}

func (w *jsonWriter) strp(s *string) {
	if s == nil {
		w.raw("null")
		return
	}
	w.str(*s)
}

// num writes v rounded to sig significant digits, null when not finite.
func (w *jsonWriter) num(v float64, sig int) { w.raw(fmtSig(v, sig)) }

// exactp writes a fact as given (shortest round-trip form).
func (w *jsonWriter) exactp(v *float64) {
	if v == nil {
		w.raw("null")
		return
	}
	w.raw(fmtSig(*v, -1))
}
