package engine

// sortPositions sorts positions p by cmp, which must be a total order (ties
// broken by position) so that the result is the same as any other sort's.
// A heapsort, O(n log n): one small non-generic function instead of a
// generic pdqsort instantiation (~15 KB of wasm).
func sortPositions(p []int32, cmp func(a, b int32) int) {
	n := len(p)
	for i := n/2 - 1; i >= 0; i-- {
		siftPositions(p, i, n, cmp)
	}
	for end := n - 1; end > 0; end-- {
		p[0], p[end] = p[end], p[0]
		siftPositions(p, 0, end, cmp)
	}
}

// SortPositionsStable sorts positions p stably by cmp (equal elements keep
// their order): a bottom-up merge sort, O(n log n) with one buffer. Not
// generic, so the UI's column sorts and the screen share one small copy in
// the wasm binary instead of a generic stable sort (~9 KB).
func SortPositionsStable(p []int32, cmp func(a, b int32) int) {
	n := len(p)
	if n < 2 {
		return
	}
	src, dst := p, make([]int32, n)
	for width := 1; width < n; width *= 2 {
		for lo := 0; lo < n; lo += 2 * width {
			mid, hi := min(lo+width, n), min(lo+2*width, n)
			i, j, k := lo, mid, lo
			for i < mid && j < hi {
				// The right run wins only when strictly smaller: stable.
				if cmp(src[j], src[i]) < 0 {
					dst[k] = src[j]
					j++
				} else {
					dst[k] = src[i]
					i++
				}
				k++
			}
			k += copy(dst[k:], src[i:mid])
			copy(dst[k:], src[j:hi])
		}
		src, dst = dst, src
	}
	if &src[0] != &p[0] {
		copy(p, src)
	}
}

// siftPositions restores the max-heap property of p[:n] below root.
func siftPositions(p []int32, root, n int, cmp func(a, b int32) int) {
	for {
		c := 2*root + 1
		if c >= n {
			return
		}
		if c+1 < n && cmp(p[c], p[c+1]) < 0 {
			c++
		}
		if cmp(p[root], p[c]) >= 0 {
			return
		}
		p[root], p[c] = p[c], p[root]
		root = c
	}
}
