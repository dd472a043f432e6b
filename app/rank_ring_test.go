package main

import (
	"math/rand"
	"slices"
	"testing"
)

// applyRing carries a plan out on a simulated tbody (pool rows, top to
// bottom) the way the browser side does.
func applyRing(t *testing.T, tbody []int, r *rowRing) []int {
	t.Helper()
	for _, k := range r.removed {
		i := slices.Index(tbody, k)
		if i < 0 {
			t.Fatalf("removing pool row %d, not in the tbody %v", k, tbody)
		}
		tbody = slices.Delete(tbody, i, i+1)
	}
	for _, m := range r.moves {
		if i := slices.Index(tbody, m.row); i >= 0 {
			tbody = slices.Delete(tbody, i, i+1)
		}
		at := len(tbody)
		if m.before >= 0 {
			if at = slices.Index(tbody, m.before); at < 0 {
				t.Fatalf("moving %d before %d, not in the tbody %v", m.row, m.before, tbody)
			}
		}
		tbody = slices.Insert(tbody, at, m.row)
	}
	return tbody
}

// TestRowRingShowsTheWindow: after any sequence of windows (scrolls,
// jumps, windows growing and shrinking) the tbody holds the window's rows
// in order, each pool row showing its position, and a row whose position
// stayed in the window was neither moved nor taken out.
func TestRowRingShowsTheWindow(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	var r rowRing
	var tbody []int
	shown := map[int]int{} // position -> pool row, last plan
	first, count := 0, 30
	for step := range 2000 {
		switch rng.Intn(6) {
		case 0:
			first = rng.Intn(2000)
		case 1:
			count = 1 + rng.Intn(60)
		default:
			first = max(0, first+rng.Intn(9)-4)
		}
		if step%400 == 0 {
			r.reset()
			tbody = nil
			clear(shown)
		}
		npool := len(r.at)
		grow := r.place(first, count)
		if len(r.at) != npool+grow || len(r.at) < count {
			t.Fatalf("step %d: pool %d rows (grew %d, said %d) for a window of %d", step, len(r.at), len(r.at)-npool, grow, count)
		}
		touched := map[int]bool{}
		for _, k := range r.removed {
			touched[k] = true
		}
		for _, m := range r.moves {
			touched[m.row] = true
		}
		tbody = applyRing(t, tbody, &r)
		if !slices.Equal(tbody, r.order) || len(r.order) != count {
			t.Fatalf("step %d: window [%d,+%d): tbody %v, want %v", step, first, count, tbody, r.order)
		}
		for i, k := range r.order {
			if r.at[k] != first+i {
				t.Fatalf("step %d: pool row %d shows %d, want %d", step, k, r.at[k], first+i)
			}
			if old, ok := shown[first+i]; ok && old == k && grow == 0 && touched[k] {
				t.Fatalf("step %d: position %d stayed in the window on row %d, yet the row was moved", step, first+i, k)
			}
		}
		clear(shown)
		for i, k := range r.order {
			shown[first+i] = k
		}
	}
}

// TestRowRingScrollMovesFew: a scroll by two rows moves two rows; a
// re-rank (same window) moves none.
func TestRowRingScrollMovesFew(t *testing.T) {
	var r rowRing
	r.place(0, 33)
	if r.place(0, 33); len(r.moves)+len(r.removed) != 0 {
		t.Fatalf("same window: moves %v removed %v", r.moves, r.removed)
	}
	r.place(2, 33)
	if len(r.moves) != 2 || len(r.removed) != 0 || r.moves[0].before != -1 {
		t.Fatalf("scroll down by 2: moves %v removed %v, want two rows to the end", r.moves, r.removed)
	}
	r.place(0, 33)
	if len(r.moves) != 2 || r.moves[0].before != r.order[2] {
		t.Fatalf("scroll up by 2: moves %v, want two rows before row %d", r.moves, r.order[2])
	}
	r.place(0, 27)
	if len(r.moves) != 0 || len(r.removed) != 6 {
		t.Fatalf("window shrinks by 6: moves %v removed %v", r.moves, r.removed)
	}
}
