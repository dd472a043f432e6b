package main

// rowWindow is the part of a long list that is in the DOM: rows
// [first, first+count) between a top spacer of padTop pixels and a bottom
// spacer of padBottom pixels, so the scroll height is that of every row.
type rowWindow struct {
	first, count      int
	padTop, padBottom float64
}

// windowOverscan is how many rows beyond the visible ones the window keeps
// on each side while the table is still, so a scroll shows rows, not
// blank spacer, before the next frame's write: three rows (~90 px) cover
// a frame's step of a smooth wheel or keyboard scroll.
const windowOverscan = 3

// virtualWindow is the window of n rows of height rowH shown in a box
// scrolled by scrollTop with viewH pixels of visible height:
//
//	first = max(0, ⌊scrollTop/rowH⌋ − overscan), rounded down to even
//	last  = min(n, ⌈(scrollTop+viewH)/rowH⌉ + overscan)
//	padTop = first·rowH, padBottom = (n − last)·rowH
//
// first is even so that striped rows (nth-child) keep their shade while
// the window slides. With no height known yet (rowH ≤ 0, the first write)
// it shows the first rows that fit a typical screen.
func virtualWindow(n int, rowH, scrollTop, viewH float64, overscan int) rowWindow {
	if n <= 0 {
		return rowWindow{}
	}
	if rowH <= 0 || viewH <= 0 {
		c := min(n, 2*DefaultPageSize)
		return rowWindow{count: c, padBottom: 0}
	}
	scrollTop = max(0, scrollTop)
	first := max(0, int(scrollTop/rowH)-overscan)
	first = min(first, max(0, n-1))
	first -= first % 2
	last := int((scrollTop+viewH)/rowH+0.999999) + overscan
	last = max(first+1, min(n, last))
	return rowWindow{first: first, count: last - first, padTop: float64(first) * rowH, padBottom: float64(n-last) * rowH}
}
