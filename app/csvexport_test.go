package main

import (
	"bytes"
	"encoding/csv"
	"math"
	"reflect"
	"strings"
	"testing"

	"screener/engine"
)

var csvNaN = math.NaN()

// csvScreen is a hand-built scored screen: four snapshot rows, row 2
// filtered out, member 1 (BBB) with no factor at all.
func csvScreen() *engine.Screen {
	snap := &engine.Snapshot{
		N:       4,
		AsOf:    "2025-11-24",
		Ticker:  []string{"AAA", "BBB", "CCC", "DDD"},
		Name:    []string{"Alpha, \"A\" Corp", "=HYPERLINK(\"http://x\")", "Gamma", "デルタ工業"},
		Sector:  []uint8{0, 1, 2, 2},
		Sectors: []string{"Information Technology", "Financials", "Widgets"},
		Mcap:    []float64{1234.5, csvNaN, 300, 50},
	}
	return &engine.Screen{
		Snap:         snap,
		Members:      []int32{0, 1, 3},
		CompositePct: []float64{50, csvNaN, 100},
		FactorPct: [engine.NumFactors][]float64{
			{12.345, csvNaN, 99}, {0, csvNaN, 100}, {csvNaN, csvNaN, 50},
			{33.3333, csvNaN, 66.6667}, {100, csvNaN, 0}, {50, csvNaN, csvNaN},
		},
		Coverage: []uint8{5, 0, 5},
		Order:    []int32{2, 0, 1}, // DDD, AAA, BBB
	}
}

// readCSV checks the byte-order mark and CRLF line ends and parses the rest.
func readCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("\uFEFF")) {
		t.Fatalf("no UTF-8 byte order mark: %q", b[:min(len(b), 8)])
	}
	if !bytes.Contains(b, []byte("\r\n")) {
		t.Fatal("lines do not end in CRLF")
	}
	recs, err := csv.NewReader(bytes.NewReader(b[3:])).ReadAll()
	if err != nil {
		t.Fatalf("output is not valid CSV: %v\n%s", err, b)
	}
	return recs
}

func TestRankedCSVEnglish(t *testing.T) {
	var buf bytes.Buffer
	w := engine.Weights{50, 50, 0, 100, 50, 50}
	if err := RankedCSV(&buf, csvScreen(), nil, w, "en"); err != nil {
		t.Fatal(err)
	}
	got := readCSV(t, buf.Bytes())
	want := [][]string{
		{"Rank", "Ticker", "Company", "Sector", "Market cap (USD M)", "Composite percentile",
			"Profitability percentile (weight 50)", "Free cash flow percentile (weight 50)",
			"Balance sheet percentile (weight 0)", "Capital efficiency percentile (weight 100)",
			"Valuation percentile (weight 50)", "Momentum percentile (weight 50)", "Coverage (factors of 6)"},
		{"1", "DDD", "デルタ工業", "Widgets", "50", "100.00", "99.00", "100.00", "50.00", "66.67", "0.00", "", "5"},
		{"2", "AAA", "Alpha, \"A\" Corp", "Information Technology", "1234.5", "50.00", "12.35", "0.00", "", "33.33", "100.00", "50.00", "5"},
		// Missing values are empty, never 0; a formula-like name is defused.
		{"3", "BBB", "'=HYPERLINK(\"http://x\")", "Financials", "", "", "", "", "", "", "", "", "0"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("CSV\n got %q\nwant %q", got, want)
	}
}

func TestRankedCSVDisplayOrderKeepsRanks(t *testing.T) {
	var buf bytes.Buffer
	// The table sorted by ticker: rows follow it, ranks stay the composite ranks.
	if err := RankedCSV(&buf, csvScreen(), []int32{0, 1, 2}, engine.Weights{}, "en"); err != nil {
		t.Fatal(err)
	}
	var col [][2]string
	for _, r := range readCSV(t, buf.Bytes())[1:] {
		col = append(col, [2]string{r[0], r[1]})
	}
	want := [][2]string{{"2", "AAA"}, {"3", "BBB"}, {"1", "DDD"}}
	if !reflect.DeepEqual(col, want) {
		t.Fatalf("rank/ticker = %v, want %v", col, want)
	}
}

func TestRankedCSVJapanese(t *testing.T) {
	var buf bytes.Buffer
	if err := RankedCSV(&buf, csvScreen(), nil, engine.Weights{50, 50, 50, 50, 50, 50}, "ja"); err != nil {
		t.Fatal(err)
	}
	recs := readCSV(t, buf.Bytes())
	h := strings.Join(recs[0], "|")
	wantHeader := "順位|ティッカー|銘柄名|セクター|時価総額（百万ドル）|総合スコア（パーセンタイル）|" +
		"利益 パーセンタイル（ウェイト50）|フリーキャッシュフロー パーセンタイル（ウェイト50）|財務 パーセンタイル（ウェイト50）|" +
		"資金効率 パーセンタイル（ウェイト50）|割安度 パーセンタイル（ウェイト50）|モメンタム パーセンタイル（ウェイト50）|カバレッジ（6因子中）"
	if h != wantHeader {
		t.Fatalf("header\n got %s\nwant %s", h, wantHeader)
	}
	// GICS sectors are translated; a name that is not a GICS sector is kept.
	if s := []string{recs[1][3], recs[2][3], recs[3][3]}; !reflect.DeepEqual(s, []string{"Widgets", "情報技術", "金融"}) {
		t.Fatalf("sectors = %q", s)
	}
	for _, r := range recs[1:] {
		for _, c := range r {
			if c == "NaN" || strings.Contains(c, "Inf") {
				t.Fatalf("non-finite value written: %q", r)
			}
		}
	}
}

func TestRankedCSVRejectsBadInput(t *testing.T) {
	cases := map[string]func(sc *engine.Screen) ([]int32, *engine.Screen){
		"nil screen": func(sc *engine.Screen) ([]int32, *engine.Screen) { return nil, nil },
		"not scored": func(sc *engine.Screen) ([]int32, *engine.Screen) { sc.Order = nil; return nil, sc },
		"short factor": func(sc *engine.Screen) ([]int32, *engine.Screen) {
			sc.FactorPct[3] = sc.FactorPct[3][:1]
			return nil, sc
		},
		"row off snap":   func(sc *engine.Screen) ([]int32, *engine.Screen) { sc.Members[2] = 9; return nil, sc },
		"bad order":      func(sc *engine.Screen) ([]int32, *engine.Screen) { return []int32{0, 3}, sc },
		"negative order": func(sc *engine.Screen) ([]int32, *engine.Screen) { return []int32{-1}, sc },
		"bad rank order": func(sc *engine.Screen) ([]int32, *engine.Screen) { sc.Order[0] = 7; return nil, sc },
	}
	for name, mutate := range cases {
		order, sc := mutate(csvScreen())
		var buf bytes.Buffer
		if err := RankedCSV(&buf, sc, order, engine.Weights{}, "en"); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestTableCSVDefusesFormulasNotNumbers(t *testing.T) {
	var buf bytes.Buffer
	err := TableCSV(&buf, []string{"Fund", "1y"}, [][]string{{"IWM", "-12.5"}, {"@SUM(A1)", "+1"}, {"-x", ""}})
	if err != nil {
		t.Fatal(err)
	}
	got := readCSV(t, buf.Bytes())
	want := [][]string{{"Fund", "1y"}, {"IWM", "-12.5"}, {"'@SUM(A1)", "+1"}, {"'-x", ""}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestCSVFileName(t *testing.T) {
	cases := [][3]string{
		{"screener", "2025-11-24", "screener-2025-11-24.csv"},
		{"ETFs", "2026-08-03", "etfs-2026-08-03.csv"},
		{"../../etc/passwd", "2025-11-24\"; rm", "etcpasswd-2025-11-24rm.csv"},
		{"", "", "export.csv"},
		{"history", "", "history.csv"},
	}
	for _, c := range cases {
		if got := CSVFileName(c[0], c[1]); got != c[2] {
			t.Errorf("CSVFileName(%q, %q) = %q, want %q", c[0], c[1], got, c[2])
		}
	}
}
