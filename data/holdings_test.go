package data

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeFiles writes name -> content under a fresh directory, creating
// subdirectories, and returns it: a hand-made DATA_DIR for one test.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// A holdings file is a JSON array of rows; only stock rows are equities:
// not cash or futures (no GICS sector), not rights, warrants or CVRs
// (but CVR Partners and CVRx are companies), not a row without ticker.
// A missing weight is missing, not 0.
func TestHoldingsJSON(t *testing.T) {
	hs, err := parseHoldings("holdings/IWM.json", []byte(`[
	 {"ticker": "AAA", "name": "AAA CORP", "sector": "Industrials", "country": "United States", "weight": 2.2},
	 {"ticker": "XTSLA", "name": "BLK CSH FND TREASURY SL AGENCY", "sector": "Cash and/or Derivatives", "weight": 0.5},
	 {"ticker": "ZZZ", "name": "ZZZ PHARMA CVR", "sector": "Health Care", "weight": 0.0},
	 {"ticker": "CVI", "name": "CVR PARTNERS LP", "sector": "Energy", "weight": 0.1},
	 {"ticker": "CVRX", "name": "CVRX INC", "sector": "Health Care", "weight": null},
	 {"ticker": "WTW", "name": "ACME CORP WARRANTS", "sector": "Industrials", "weight": 0.01},
	 {"ticker": " ", "name": "NO TICKER CORP", "sector": "Energy", "weight": 0.1},
	 {"ticker": "-", "name": "FFF FOODS INC", "sector": "Consumer Staples", "weight": 0.3}
	]`))
	if err != nil || len(hs) != 8 {
		t.Fatalf("%d rows, err %v", len(hs), err)
	}
	want := map[string]bool{"AAA": true, "XTSLA": false, "ZZZ": false, "CVI": true, "CVRX": true, "WTW": false, " ": false, "-": true}
	for _, h := range hs {
		if got := isEquity(h); got != want[h.Ticker] {
			t.Errorf("isEquity(%q %q) = %v", h.Ticker, h.Name, got)
		}
	}
	if w := weightOf(hs[0]); w != 2.2 {
		t.Errorf("AAA weight %v", w)
	}
	if w := weightOf(hs[4]); !math.IsNaN(w) {
		t.Errorf("null weight read as %v, want missing", w)
	}
	if _, err := parseHoldings("holdings/IJR.json", []byte(`{"not": "an array"}`)); err == nil || !strings.Contains(err.Error(), "holdings/IJR.json") {
		t.Errorf("malformed holdings: err %v, want one naming the file", err)
	}
}

// Sectors, countries and names come from every holdings file there is, the
// first file in otherHoldingFunds order winning; non-equities say nothing.
func TestHoldingsInfo(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"holdings/IWM.json": `[{"ticker": "AAA", "name": "AAA CORP", "sector": "Industrials", "country": "United States", "weight": 1}]`,
		"holdings/VB.json": `[{"ticker": "AAA", "name": "AAA OTHER", "sector": "Energy", "country": "Canada", "weight": 1},
			{"ticker": "GGG", "name": "GGG LTD", "sector": "Materials", "country": "Canada", "weight": 1},
			{"ticker": "USD", "name": "US DOLLAR", "sector": "Cash and/or Derivatives", "weight": 1}]`,
	})
	info, read := loadHoldingsInfo(dir)
	if strings.Join(read, ",") != "IWM,VB" {
		t.Errorf("files read %v, want IWM,VB (the others are absent)", read)
	}
	if got := info["AAA"]; got != (holdingsInfo{sector: "Industrials", country: "United States", name: "AAA CORP"}) {
		t.Errorf("AAA %+v: the IWM file must win", got)
	}
	if got := info["GGG"]; got.country != "Canada" || got.sector != "Materials" {
		t.Errorf("GGG %+v", got)
	}
	if _, ok := info["USD"]; ok {
		t.Error("a cash row gave holdings info")
	}
}

// The second IWM file: shares held = Market Value / Price, with the
// thousands separators of its quoted numbers; rows without both are skipped.
func TestIWMDecemberCSV(t *testing.T) {
	d := parseIWMDecember([]byte("Ticker,Name,Sector,Weight (%),Market Value,Price\r\n" +
		`AAA,AAA CORP,Industrials,2.2,"88,085,600.00",42.76` + "\r\n" +
		`BRK.B,BERKSHIRE CLASS B,Financials,0.1,"1,000.00",0.00` + "\n" +
		`CCC,CCC BANCORP,Financials,0.5,"2,000,000.00"` + "\n" +
		`DDD,DDD CORP,Financials,0.5,"500.50",10.01` + "\n"))
	if got := d.held["AAA"]; math.Abs(got-88085600/42.76) > 1e-6 || d.price["AAA"] != 42.76 {
		t.Errorf("AAA held %v price %v", got, d.price["AAA"])
	}
	if _, ok := d.held["BRKB"]; ok {
		t.Error("a zero price gave shares held")
	}
	if _, ok := d.held["CCC"]; ok {
		t.Error("a row with a missing field was read")
	}
	if got := d.held["DDD"]; math.Abs(got-50) > 1e-9 {
		t.Errorf("DDD held %v, want 50", got)
	}
	if bad := parseIWMDecember([]byte("Ticker,Shares\nAAA,5\n")); len(bad.held) != 0 {
		t.Error("a file without Market Value and Price was read")
	}
	if none := loadIWMDecember(t.TempDir()); len(none.held) != 0 {
		t.Error("no file must mean no evidence")
	}
}
