package main

import (
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"screener/engine"
)

// tinyModel loads app/testdata/current_tiny.json, a synthetic 24-company
// snapshot (random numbers, made for these tests, not market data).
func tinyModel(t *testing.T) *screenModel {
	t.Helper()
	b, err := os.ReadFile("testdata/current_tiny.json")
	if err != nil {
		t.Fatal(err)
	}
	res, err := decodeSnapshot("testdata/current_tiny.json", b)
	if err != nil {
		t.Fatal(err)
	}
	return newScreenModel(langEN, res.Snap, res.Metrics)
}

func TestModelListsEngineOrderAboveMinCoverage(t *testing.T) {
	m := tinyModel(t)
	sc := m.screen
	var want []int32
	for _, j := range sc.Order {
		if sc.Coverage[j] >= engine.DefaultMinCoverage {
			want = append(want, j)
		}
	}
	if len(want) == 0 {
		t.Fatal("fixture: nobody above the coverage floor")
	}
	if !slices.Equal(m.view, want) {
		t.Fatalf("view %v, want engine order filtered by coverage %v", m.view, want)
	}
	m.setMinCoverage(0)
	if !slices.Equal(m.view, sc.Order) {
		t.Fatalf("with no coverage minimum the view %v should equal Order %v", m.view, sc.Order)
	}
	for p, j := range sc.Order {
		if int(m.rank[j]) != p+1 {
			t.Fatalf("rank of member %d = %d, want %d", j, m.rank[j], p+1)
		}
	}
}

func TestModelSortsWithMissingLast(t *testing.T) {
	m := tinyModel(t)
	m.setMinCoverage(0)
	m.setSort(colMcap) // numbers start descending
	if !m.sortDesc {
		t.Fatal("market cap should sort descending first")
	}
	seenMissing := false
	prev := math.Inf(1)
	for _, j := range m.view {
		v := m.snap.Mcap[m.screen.Members[j]]
		if math.IsNaN(v) {
			seenMissing = true
			continue
		}
		if seenMissing {
			t.Fatal("a number follows a missing value")
		}
		if v > prev {
			t.Fatalf("not descending: %v after %v", v, prev)
		}
		prev = v
	}
	m.setSort(colTicker)
	var tickers []string
	for _, j := range m.view {
		tickers = append(tickers, m.snap.Ticker[m.screen.Members[j]])
	}
	if !slices.IsSorted(tickers) {
		t.Fatalf("tickers not ascending: %v", tickers)
	}
	m.setSort(colTicker)
	if !m.sortDesc {
		t.Fatal("choosing the same column again should flip the direction")
	}
}

func TestModelWeightsAndPresets(t *testing.T) {
	m := tinyModel(t)
	if m.preset != engine.Presets()[0].Key {
		t.Fatalf("starts with preset %q", m.preset)
	}
	m.setWeight(engine.Momentum, 250)
	if m.weights[engine.Momentum] != 100 {
		t.Fatalf("weight not clamped to 100: %v", m.weights[engine.Momentum])
	}
	m.setWeight(engine.Valuation, -3)
	if m.weights[engine.Valuation] != 0 || m.preset != "" {
		t.Fatalf("weight %v preset %q; want 0 and custom", m.weights[engine.Valuation], m.preset)
	}
	m.applyPreset("momentum")
	if m.preset != "momentum" || m.weights != (engine.Weights{engine.Momentum: 100}) {
		t.Fatalf("momentum preset gave %v (%q)", m.weights, m.preset)
	}
	m.applyPreset("no-such")
	if m.preset != "momentum" {
		t.Fatal("an unknown preset must change nothing")
	}
	// Janus: quality split in halves of the full weight.
	if got, _ := PresetWeights("janus4"); got != (engine.Weights{50, 50, 0, 100, 100, 100}) {
		t.Fatalf("PresetWeights(janus4) = %v", got)
	}
	m.pending[engine.Profitability], m.pendingSet[engine.Profitability] = 40, true
	rev := m.rev
	if !m.flushPendingWeights() || m.weights[engine.Profitability] != 40 || m.rev != rev+1 {
		t.Fatal("pending slider value not applied in one rescore")
	}
	if m.flushPendingWeights() {
		t.Fatal("nothing pending, yet a rescore")
	}
}

func TestDecodeSnapshotClassifiesErrors(t *testing.T) {
	b, err := os.ReadFile("testdata/current_tiny.json")
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string][]byte{
		"corrupt": b[:len(b)/2],
		"version": []byte(strings.Replace(string(b), `"schema":1`, `"schema":7`, 1)),
	}
	for want, in := range cases {
		_, err := decodeSnapshot("x", in)
		le, ok := err.(*loadError)
		if !ok || string(le.Kind) != want {
			t.Errorf("want a %s error, got %v", want, err)
		}
	}
}
