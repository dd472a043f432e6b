package engine

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestPercentileRanksTies(t *testing.T) {
	vals := []float64{10, 20, 20, nanV, 30}
	out := make([]float64, len(vals))
	PercentileRanks(vals, out)
	// n = 4 present; ranks 1, 2.5, 2.5, 4; Hazen 100·(r−½)/n.
	want := []float64{12.5, 50, 50, nanV, 87.5}
	for i := range want {
		if !closeOrBothNaN(out[i], want[i]) {
			t.Errorf("pct[%d] = %v, want %v", i, out[i], want[i])
		}
	}
	PercentileRanks([]float64{7}, out[:1])
	if out[0] != 50 {
		t.Errorf("lone value pct %v, want 50", out[0])
	}
	all := []float64{3, 3, 3}
	PercentileRanks(all, out[:3])
	for _, p := range out[:3] {
		if p != 50 {
			t.Errorf("all tied: %v, want 50", out[:3])
		}
	}
	PercentileRanks([]float64{nanV, nanV}, out[:2])
	if !math.IsNaN(out[0]) || !math.IsNaN(out[1]) {
		t.Error("all missing must stay missing")
	}
	PercentileRanks(nil, nil)
}

func TestPercentileRanksSymmetric(t *testing.T) {
	vals := []float64{5, -1, 3, 3, 8, 0, 3, nanV, 2}
	neg := make([]float64, len(vals))
	for i, v := range vals {
		neg[i] = -v
	}
	a, b := make([]float64, len(vals)), make([]float64, len(vals))
	PercentileRanks(vals, a)
	PercentileRanks(neg, b)
	for i := range a {
		if !closeOrBothNaN(a[i], 100-b[i]) {
			t.Errorf("pct %v vs reversed %v", a[i], b[i])
		}
	}
}

func TestNormalScore(t *testing.T) {
	cases := []struct{ p, z float64 }{
		{50, 0}, {97.5, 1.959963984540054}, {2.5, -1.959963984540054},
		{0.01, -3}, {99.99, 3}, {0, -3}, {100, 3}, {-5, -3}, {nanV, nanV},
	}
	for _, c := range cases {
		if got := NormalScore(c.p); math.Abs(got-c.z) > 1e-9 && !(math.IsNaN(got) && math.IsNaN(c.z)) {
			t.Errorf("NormalScore(%v) = %v, want %v", c.p, got, c.z)
		}
	}
}

// TestRadixSortMatchesStableSort covers the insertion-sort finish: keys
// whose high 32 bits tie (values a few ulps apart) in reverse order, exact
// duplicates, and NaN-last keys.
func TestRadixSortMatchesStableSort(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 9))
	for trial := 0; trial < 50; trial++ {
		n := r.IntN(3000)
		vals := make([]float64, n)
		for i := range vals {
			switch r.IntN(4) {
			case 0:
				vals[i] = 1 + float64(n-i)*1e-13 // same high half, descending
			case 1:
				vals[i] = float64(r.IntN(5)) // many exact ties
			case 2:
				vals[i] = nanV
			default:
				vals[i] = r.NormFloat64()
			}
		}
		var rad radix
		rad.grow(n)
		idx := make([]int32, n)
		for i := range idx {
			idx[i] = int32(i)
			rad.keys[i] = ascKey(vals[i])
		}
		want := slices.Clone(idx)
		slices.SortStableFunc(want, func(a, b int32) int { return cmp.Compare(ascKey(vals[a]), ascKey(vals[b])) })
		if got := rad.sort(rad.keys[:n], idx); !slices.Equal(got, want) {
			t.Fatalf("trial %d (n=%d): radix order differs from a stable sort", trial, n)
		}
	}
	// Percentiles of values that differ only in their low bits.
	vals := []float64{1 + 3e-15, 1 + 2e-15, 1 + 1e-15, 1}
	out := make([]float64, 4)
	PercentileRanks(vals, out)
	if !slices.Equal(out, []float64{87.5, 62.5, 37.5, 12.5}) {
		t.Errorf("close values: %v", out)
	}
}
