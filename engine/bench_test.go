package engine

import (
	"os"
	"testing"
)

// currentSnapshotPath is the real snapshot written by `make snapshot`;
// the BENCH_SNAPSHOT environment variable points elsewhere.
func currentSnapshotPath() string {
	if p := os.Getenv("BENCH_SNAPSHOT"); p != "" {
		return p
	}
	return "../web/data/current.json"
}

func readCurrent(b *testing.B) []byte {
	raw, err := os.ReadFile(currentSnapshotPath())
	if err != nil {
		b.Skipf("%s not found (%v): run `make snapshot` first; the synthetic benchmarks still run", currentSnapshotPath(), err)
	}
	return raw
}

func decodeCurrent(b *testing.B) *Snapshot {
	s, err := Decode(readCurrent(b))
	if err != nil {
		b.Fatalf("decode %s: %v", currentSnapshotPath(), err)
	}
	return s
}

// benchScore measures one slider move: re-score + re-rank with new weights.
func benchScore(b *testing.B, s *Snapshot) {
	sc := NewScreen(s, ComputeMetrics(s), Options{})
	ws := [2]Weights{{1, 1, 1, 1, 1, 1}, {0.5, 0.5, 0, 1, 2, 1}}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		sc.Score(ws[i&1])
	}
	b.ReportMetric(float64(len(sc.Members)), "stocks")
}

func BenchmarkScore(b *testing.B) { benchScore(b, decodeCurrent(b)) }

// BenchmarkScoreSynthetic2000 is the same path on 2,000 synthetic stocks,
// so the budget can be checked before the real snapshot exists.
func BenchmarkScoreSynthetic2000(b *testing.B) { benchScore(b, synthSnapshot(2000, 1, 0.15)) }

// BenchmarkComputeMetricsAndScreen is the first full computation after
// decode: every metric, every percentile, every factor score, one Score.
func BenchmarkComputeMetricsAndScreen(b *testing.B) {
	s := decodeCurrent(b)
	b.ReportAllocs()
	for b.Loop() {
		NewScreen(s, ComputeMetrics(s), Options{}).Score(Weights{1, 1, 1, 1, 1, 1})
	}
}

// BenchmarkNewScreenSectorNeutral is a filter/option change (metrics reused).
func BenchmarkNewScreenSectorNeutral(b *testing.B) {
	s := decodeCurrent(b)
	m := ComputeMetrics(s)
	b.ReportAllocs()
	for b.Loop() {
		NewScreen(s, m, Options{SectorNeutral: true, ExcludeFinancials: true}).Score(Weights{1, 1, 1, 1, 1, 1})
	}
}

func BenchmarkDecode(b *testing.B) {
	raw := readCurrent(b)
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decode(raw); err != nil {
			b.Fatal(err)
		}
	}
}
