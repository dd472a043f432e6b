//go:build !wasm

package main

import (
	"io"
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

// A history year that is missing is an error, never a shorter backtest.
func TestBacktestNeedsEveryHistoryYear(t *testing.T) {
	err := runBacktest([]string{"--data", t.TempDir()}, io.Discard)
	if err == nil || !strings.Contains(err.Error(), schema.HistoryFile(schema.HistoryYears()[0])) {
		t.Errorf("backtest without history files: %v", err)
	}
}
