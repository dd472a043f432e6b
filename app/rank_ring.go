package main

// rowRing places the window of a list that the table shows on a pool of
// row elements, in plain Go (rank_dom_wasm.go carries the plan out).
// List position a is shown by pool row a mod P (P, the pool's size, is at
// least the window's length), so a row keeps its position, and its cells,
// while the position stays in the window: a scroll of k rows moves the k
// rows that left at one end to the other and writes only those, where
// showing window position i on pool row i rewrote every row. A re-rank
// does not move the window, so it moves no row.
type rowRing struct {
	at    []int // pool row -> the list position it shows, -1 for none
	order []int // the pool rows in the tbody, top to bottom: window position i is on order[i]

	// The last plan: take removed out of the tbody, then carry out moves
	// in order; the tbody is then order.
	removed []int
	moves   []rowMove
	next    []int // scratch: the order being planned
}

// rowMove puts pool row row before pool row before (-1: at the end).
type rowMove struct{ row, before int }

// reset forgets the pool (the caller dropped it).
func (r *rowRing) reset() {
	r.at, r.order = r.at[:0], r.order[:0]
}

// place plans showing list positions [first, first+count) and makes order
// the tbody's order after the plan. It returns how many pool rows the
// caller must add first (they take the next indices).
func (r *rowRing) place(first, count int) (grow int) {
	r.removed, r.moves = r.removed[:0], r.moves[:0]
	if count > len(r.at) {
		// Positions map to pool rows by the pool's size: a bigger pool
		// remaps them all, so every row leaves and comes back.
		grow = count - len(r.at)
		r.removed = append(r.removed, r.order...)
		r.order = r.order[:0]
		r.at = append(r.at, make([]int, grow)...)
		for k := range r.at {
			r.at[k] = -1
		}
	}
	p := len(r.at)
	inWindow := func(a int) bool { return a >= first && a < first+count }
	// Rows still showing a position in the window keep their place (they
	// are a run in the tbody, in order); rows whose pool index the window
	// does not use leave.
	lo, hi := -1, -1
	for _, k := range r.order {
		a := r.at[k]
		switch {
		case inWindow(a):
			if lo < 0 {
				lo = a
			}
			hi = a
		case !inWindow(r.positionOf(k, first, count)):
			r.removed = append(r.removed, k)
			r.at[k] = -1
		}
	}
	r.next = r.next[:0]
	for a := first; a < first+count; a++ {
		r.next = append(r.next, a%p)
	}
	// Positions above the run go, in order, before its first row; those
	// below it (or all, without a run) at the end.
	for a := first; a < first+count; a++ {
		k := a % p
		if lo >= 0 && a >= lo && a <= hi {
			continue
		}
		before := -1
		if lo >= 0 && a < lo {
			before = lo % p
		}
		r.moves = append(r.moves, rowMove{k, before})
		r.at[k] = a
	}
	r.order, r.next = r.next, r.order
	return grow
}

// positionOf is the position in [first, first+count) that pool row k
// shows, or -1 if none does.
func (r *rowRing) positionOf(k, first, count int) int {
	p := len(r.at)
	a := first + ((k-first)%p+p)%p
	if a < first+count {
		return a
	}
	return -1
}
