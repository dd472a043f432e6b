package engine

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
)

// realBacktestSnapshots loads ../web/data/history-*.json and current.json.
func realBacktestSnapshots(b *testing.B) []*Snapshot {
	b.Helper()
	paths, _ := filepath.Glob("../web/data/history-*.json")
	slices.Sort(paths)
	if len(paths) == 0 {
		b.Skip("real snapshots absent: no ../web/data/history-*.json (run `make snapshot`); see BenchmarkBacktestReweightSynthetic")
	}
	paths = append(paths, "../web/data/current.json")
	var out []*Snapshot
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Skipf("real snapshots absent: %v", err)
		}
		s, err := Decode(data)
		if err != nil {
			b.Fatalf("%s: %v", p, err)
		}
		out = append(out, s)
	}
	return out
}

// benchReweight measures what a weight change costs the History view:
// Score + buckets + IC + top-N on every prepared date. Weights alternate
// so every iteration really re-ranks.
func benchReweight(b *testing.B, snaps []*Snapshot) {
	bt, err := NewBacktest(snaps, Options{})
	if err != nil {
		b.Fatal(err)
	}
	names := 0
	for _, d := range bt.Dates {
		names += len(d.Screen.Members)
	}
	ps := Presets()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res := bt.Run(ps[i%len(ps)].Weights, BacktestConfig{Buckets: 5, TopN: 30})
		if len(res.Dates) != len(snaps) {
			b.Fatal("dates lost")
		}
	}
	b.ReportMetric(float64(len(bt.Dates)), "dates")
	b.ReportMetric(float64(names), "names")
}

func BenchmarkBacktestReweight(b *testing.B) { benchReweight(b, realBacktestSnapshots(b)) }

// BenchmarkBacktestReweightSynthetic is the same on 7 random snapshots of
// 2,000 names, for machines without the built data.
func BenchmarkBacktestReweightSynthetic(b *testing.B) {
	var snaps []*Snapshot
	for k := 0; k < 7; k++ {
		s := synthSnapshot(2000, uint64(k+1), 0.1)
		s.Kind, s.AsOf = "history", strconv.Itoa(2019+k)+"-06-30"
		s.SP600 = make([]bool, s.N)
		r := rand.New(rand.NewPCG(uint64(k), 9))
		s.Fwd12, s.FwdLast = make([]float64, s.N), make([]float64, s.N)
		for i := range s.Fwd12 {
			s.Fwd12[i] = r.NormFloat64() * 0.3
			s.FwdLast[i] = s.Fwd12[i]
		}
		snaps = append(snaps, s)
	}
	benchReweight(b, snaps)
}

// BenchmarkBacktestPrepare is the one-off cost when the History view opens
// or a filter/ranking option changes: metrics, screens and single-factor
// statistics for every date (decoding not included).
func BenchmarkBacktestPrepare(b *testing.B) {
	snaps := realBacktestSnapshots(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := NewBacktest(snaps, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
