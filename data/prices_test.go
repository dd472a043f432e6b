package data

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// A price file is Date,Close by header name; a row with a bad date, a
// close that is not a positive finite number, or a date not after the
// previous row's is skipped and counted.
func TestPriceFile(t *testing.T) {
	s, c, _ := parsePriceContent("prices/XYZ.csv", "XYZ", []byte("Close,Volume,Date\r\n"+
		"10.0,5,2024-01-02\r\n"+
		"11.0,5,2024-01-03\n"+
		"12.0,5,2024-01-03\n"+
		"0,5,2024-01-04\n"+
		"NaN,5,2024-01-05\n"+
		"13.0,5,2024-13-01\n"+
		"14.0,5\n"+
		"15.0,5,2024-01-08\n"))
	if s == nil || s.ticker != "XYZ" || len(s.days) != 3 || s.close[2] != 15 || s.last() != mustDay("2024-01-08") {
		t.Fatalf("series %+v", s)
	}
	if c.Rows != 8 || c.RowsMalformed != 5 || c.CellsNonFinite != 1 || c.Files != 1 {
		t.Errorf("counts %+v", c)
	}
	if s, c, _ := parsePriceContent("prices/X.csv", "X", []byte("Date,Price\n2024-01-02,1\n")); s != nil || len(c.BadHeaderFiles) != 1 || !strings.Contains(c.BadHeaderFiles[0], "missing Close") {
		t.Errorf("header without Close: %v %v", s, c.BadHeaderFiles)
	}
	if s, _, _ := parsePriceContent("prices/X.csv", "X", []byte("Date,Close\n2024-01-02,-1\n")); s != nil {
		t.Error("a file without one good row must give no series")
	}
}

// The price on a date is the last close on or before it, if at most
// maxStale days old; returns are ratios of such prices.
func TestPriceOnDate(t *testing.T) {
	s := &series{ticker: "X", days: []Day{mustDay("2024-01-02"), mustDay("2024-02-01")}, close: []float64{10, 12}}
	for d, want := range map[string]float64{"2024-01-01": math.NaN(), "2024-01-02": 10, "2024-01-12": 10, "2024-01-13": math.NaN(), "2024-02-05": 12} {
		if got, ok := s.at(mustDay(d)); ok != !math.IsNaN(want) || ok && got != want {
			t.Errorf("price on %s = %v (%v), want %v", d, got, ok, want)
		}
	}
	if r := s.totalReturn(mustDay("2024-01-05"), mustDay("2024-02-03")); math.Abs(r-0.2) > 1e-12 {
		t.Errorf("return %v, want 0.2", r)
	}
	if r := s.totalReturn(mustDay("2024-01-20"), mustDay("2024-02-03")); !math.IsNaN(r) {
		t.Errorf("return from a date without price = %v, want missing", r)
	}
}

// trend = price / mean of the last 200 closes; missing with fewer.
func TestPriceTrend(t *testing.T) {
	s := &series{ticker: "X"}
	for i := 0; i < 200; i++ {
		s.days = append(s.days, mustDay("2024-01-01")+Day(i))
		s.close = append(s.close, float64(1+i%2)) // mean 1.5
	}
	last := s.days[199]
	if got, _ := s.trend(last); math.Abs(got-2/1.5) > 1e-12 {
		t.Errorf("trend %v, want %v", got, 2/1.5)
	}
	if got, _ := s.trend(last - 1); !math.IsNaN(got) {
		t.Errorf("trend over 199 closes = %v, want missing", got)
	}
}

// Price files are read in name order; of two files with one ticker key
// (BRK-B.csv, BRKB.csv) the first wins; the newest date of any file is
// the last price date.
func TestLoadPrices(t *testing.T) {
	files := map[string]string{}
	for name, close := range map[string]float64{"BRK-B": 1, "BRKB": 2, "ZZZ": 3} {
		files["prices/"+name+".csv"] = fmt.Sprintf("Date,Close\n2024-01-02,%g\n", close)
	}
	files["prices/ZZZ.csv"] += "2024-03-01,4\n"
	files["prices/notes.txt"] = "not a price file"
	p, err := loadPrices(writeFiles(t, files)+"/prices", 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.all) != 2 || p.byKey["BRKB"].ticker != "BRK-B" || p.byKey["BRKB"].close[0] != 1 || p.last != mustDay("2024-03-01") {
		t.Errorf("prices %d, BRKB from %s, last %v", len(p.all), p.byKey["BRKB"].ticker, p.last)
	}
	if _, err := loadPrices(t.TempDir()+"/none", 1); err == nil {
		t.Error("a missing price directory must be an error")
	}
}
