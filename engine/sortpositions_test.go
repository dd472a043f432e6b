package engine

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortPositionsMatchLibrary: the small non-generic sorts give exactly
// the library's results (stable order for ties; total orders for the heap).
func TestSortPositionsMatchLibrary(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 3, 7, 20, 33, 100, 1001} {
		key := make([]int, n)
		p := make([]int32, n)
		for i := range p {
			key[i], p[i] = r.IntN(10), int32(n-1-i)
		}
		byKey := func(a, b int32) int { return cmp.Compare(key[a], key[b]) }
		want := slices.Clone(p)
		slices.SortStableFunc(want, byKey)
		got := slices.Clone(p)
		SortPositionsStable(got, byKey)
		if !slices.Equal(got, want) {
			t.Fatalf("n=%d stable: got %v, want %v", n, got, want)
		}
		total := func(a, b int32) int {
			if c := byKey(a, b); c != 0 {
				return c
			}
			return cmp.Compare(a, b)
		}
		slices.SortFunc(want, total)
		sortPositions(got, total)
		if !slices.Equal(got, want) {
			t.Fatalf("n=%d heap: got %v, want %v", n, got, want)
		}
	}
}
