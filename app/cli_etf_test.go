//go:build !wasm

package main

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"screener/data/schema"
	"screener/engine"
)

func TestParseFundList(t *testing.T) {
	fs := &engine.Funds{Funds: []engine.Fund{{Ticker: "IWM"}, {Ticker: "IJR"}, {Ticker: "VTWO"}, {Ticker: "SPSM"}}}
	got, err := parseFundList(" iwm, IJR ,vtwo", fs, 2, 6)
	if err != nil || strings.Join(got, ",") != "IWM,IJR,VTWO" {
		t.Fatalf("got %v, %v", got, err)
	}
	for _, bad := range []string{"IWM,XYZ", "IWM", "IWM,IWM", "IWM,IJR,VTWO,SPSM,IWM,IJR,VTWO"} {
		_, err := parseFundList(bad, fs, 2, 6)
		if err == nil {
			t.Errorf("%q: want an error", bad)
		}
	}
	_, err = parseFundList("IWM,XYZ", fs, 2, 6)
	if err == nil || !strings.Contains(err.Error(), "valid funds: IWM, IJR, VTWO, SPSM") {
		t.Errorf("unknown fund error must list the valid ones: %v", err)
	}
	// VTWO has no prices: IWM's stand in, and the note says so.
	fs.Funds[0].Monthly = []float64{1, 2}
	f, note := priceFund(fs, "VTWO")
	if f == nil || f.Ticker != "IWM" || !strings.Contains(langEN.t(note), "IWM") || !strings.Contains(langJA.t(note), "IWM") {
		t.Errorf("VTWO stand-in = %v %q", f, note)
	}
	if n := fundNoteTexts(fs, &fs.Funds[3]); !strings.Contains(strings.Join(n, " "), "SLY") {
		t.Errorf("SPSM notes = %v", n)
	}
}

// The history files are the ones the data manifest lists; a missing
// manifest, a listed file that is missing, or one from another build is
// an error, never a shorter backtest.
func TestBacktestNeedsEveryListedHistoryFile(t *testing.T) {
	dir := t.TempDir()
	err := runBacktest([]string{"--data", dir}, io.Discard)
	if err == nil || !strings.Contains(err.Error(), schema.IndexFile) {
		t.Errorf("backtest without index.json: %v", err)
	}
	hist, err := os.ReadFile("testdata/current_tiny.json")
	if err != nil {
		t.Fatal(err)
	}
	s, err := engine.Decode(hist)
	if err != nil {
		t.Fatal(err)
	}
	writeIndex := func(hash string) {
		body := `{"kind":"index","files":[{"name":"history-2020.json","kind":"history","asof":"` + s.AsOf +
			`","bytes":` + strconv.Itoa(len(hist)) + `,"hash":"` + hash + `"}]}`
		if err := os.WriteFile(filepath.Join(dir, schema.IndexFile), schema.Envelope([]byte(body)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	writeIndex(s.Hash)
	err = runBacktest([]string{"--data", dir}, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "history-2020.json") {
		t.Errorf("backtest with a listed file missing: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "history-2020.json"), hist, 0o644); err != nil {
		t.Fatal(err)
	}
	writeIndex("fnv1a64:0000000000000000")
	err = runBacktest([]string{"--data", dir}, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "mixes two builds") {
		t.Errorf("backtest with another build's file: %v", err)
	}
}

// TestETFReportJSONNamesTheDefinitions: the etf CLI's JSON names each
// valuation figure after its definition, gives the weight each covers,
// the issuer's published facts next to ours with dates, and why a trailing
// window has no return.
func TestETFReportJSONNamesTheDefinitions(t *testing.T) {
	fs, cur := etfTestFunds(), etfTestSnapshot(t)
	rep, err := buildETFReport(fs, cur, []string{"IWM", "VTWG", "VTWO"}, "2021-06-30", "", engine.Weights{1, 1, 1, 1, 1, 1}, "test", engine.MissingNeutral)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	js := string(b)
	for _, k := range []string{"pe_profitable_harmonic", "pe_profitable_weight_covered", "pb_positive_book_harmonic", "pb_positive_book_weight_covered",
		"pe_loss_inclusive_aggregate", "median_mcap_weighted_musd", "roe_weighted_avg_positive_equity", "roe_weighted_avg_weight_covered", "roe_aggregate",
		"holdings_count_published", "turnover_pct_published", "compared_with_issuer"} {
		if !strings.Contains(js, `"`+k+`"`) {
			t.Errorf("JSON lacks %q", k)
		}
	}
	if strings.Contains(js, `"pe_harmonic"`) || strings.Contains(js, `"roe"`) {
		t.Error("JSON keeps an unlabelled key (pe_harmonic / roe)")
	}
	iwm, vtwg, vtwo := rep.Funds[0], rep.Funds[1], rep.Funds[2]
	st := etfHoldingsOf(cur, "IWM").Stats
	if float64(iwm.Holdings.PEProfitable) != st.PEProfitable || float64(iwm.Holdings.PEProfitableCover) != st.PEProfitableCover || float64(iwm.Holdings.MedianMcap) != st.MedianMcap {
		t.Errorf("IWM holdings block %+v, engine %+v", iwm.Holdings, st)
	}
	if iwm.Holdings.VsIssuer != nil {
		t.Error("IWM: no published count, no comparison")
	}
	vi := vtwo.Holdings.VsIssuer
	if vi == nil || vi.HoldingsIssuer != 2009 || vi.HoldingsIssuerAsOf != "2025-06-30" || vi.HoldingsInData != st.Holdings || vi.HoldingsInDataAsOf != cur.AsOf {
		t.Errorf("VTWO compared with the issuer: %+v", vi)
	}
	if !strings.Contains(vtwo.Holdings.Note, "IWM") {
		t.Errorf("VTWO holdings note %q must name IWM", vtwo.Holdings.Note)
	}
	// VTWG's prices start 2020-01: the 3-year window says so.
	if n := vtwg.Trailing[1].Note; !strings.Contains(n, "starts 2020-01") || vtwg.Trailing[0].Note != "" {
		t.Errorf("VTWG trailing notes %q %q", vtwg.Trailing[0].Note, n)
	}
}
