package main

import "testing"

func TestVirtualWindow(t *testing.T) {
	cases := []struct {
		name              string
		n                 int
		rowH, top, view   float64
		first, count      int
		padTop, padBottom float64
	}{
		{"top", 1000, 30, 0, 600, 0, 28, 0, 972 * 30},
		// first = 3000/30 − 8 = 92; last = ⌈3600/30⌉ + 8 = 128
		{"middle, even start", 1000, 30, 3000, 600, 92, 36, 92 * 30, float64(1000-128) * 30},
		{"odd start rounds down", 1000, 30, 3030, 600, 92, 37, 92 * 30, float64(1000-129) * 30},
		{"bottom", 1000, 30, 1000*30 - 600, 600, 972, 28, 972 * 30, 0},
		{"past the end", 100, 30, 1e6, 600, 99 - 1, 2, 98 * 30, 0},
		{"fewer rows than the box", 5, 30, 0, 600, 0, 5, 0, 0},
		{"no height yet", 500, 0, 0, 0, 0, 2 * DefaultPageSize, 0, 0},
		{"empty", 0, 30, 0, 600, 0, 0, 0, 0},
	}
	for _, c := range cases {
		w := virtualWindow(c.n, c.rowH, c.top, c.view, 8) // the cases are worked out for 8 rows of overscan
		if w.first != c.first || w.count != c.count || w.padTop != c.padTop || w.padBottom != c.padBottom {
			t.Errorf("%s: got %+v, want first %d count %d pads %v/%v", c.name, w, c.first, c.count, c.padTop, c.padBottom)
		}
		if c.n > 0 && c.rowH > 0 {
			// Spacers plus rows always add up to the whole list.
			if total := w.padTop + w.padBottom + float64(w.count)*c.rowH; total != float64(c.n)*c.rowH {
				t.Errorf("%s: height %v, want %v", c.name, total, float64(c.n)*c.rowH)
			}
		}
		if w.first%2 != 0 {
			t.Errorf("%s: odd first row %d", c.name, w.first)
		}
	}
}
