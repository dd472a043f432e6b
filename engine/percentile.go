package engine

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// ZClip bounds normal scores so that one extreme factor cannot dominate
// the composite (package doc: "clipped to ±3").
const ZClip = 3.0

// PercentileRanks sets out[i] to the percentile (0..100, higher value =
// higher percentile) of vals[i] among the non-NaN values of vals, and NaN
// where vals[i] is NaN. Ties share their average rank. The percentile of
// the 1-based average rank r among n values is the Hazen plotting position
// 100·(r − ½)/n: symmetric (reversing the order maps p to 100 − p), never
// exactly 0 or 100 so its normal score is finite, and 50 for a lone value.
// out must have len(vals); it may not alias vals.
func PercentileRanks(vals, out []float64) {
	var r radix
	r.grow(len(vals))
	pos := make([]int32, 0, len(vals))
	for i, v := range vals {
		if !math.IsNaN(v) {
			pos = append(pos, int32(i))
		}
		out[i] = math.NaN()
	}
	rankSubsetWith(vals, pos, out, &r)
}

// rankSubsetWith writes into out[p], for each p in pos, the Hazen percentile of
// vals[p] among {vals[q] : q in pos}. Every vals[p] must be non-NaN. pos is
// reordered (ascending by value).
func rankSubsetWith(vals []float64, pos []int32, out []float64, r *radix) {
	n := len(pos)
	if n == 0 {
		return
	}
	r.grow(n)
	for p, q := range pos {
		r.keys[p] = ascKey(vals[q])
	}
	copy(pos, r.sort(r.keys[:n], pos))
	for i := 0; i < n; {
		k := i + 1
		for k < n && vals[pos[k]] == vals[pos[i]] {
			k++
		}
		// positions i..k-1 hold 1-based ranks i+1..k; their mean is (i+1+k)/2.
		p := 100 * ((float64(i+1+k))/2 - 0.5) / float64(n)
		for _, q := range pos[i:k] {
			out[q] = p
		}
		i = k
	}
}

// ascKey maps a float64 to a uint64 with the same order (−0 folded into
// +0 so that they tie; NaN sorts last).
func ascKey(x float64) uint64 {
	if x != x {
		return math.MaxUint64
	}
	if x == 0 {
		x = 0
	}
	b := math.Float64bits(x)
	if b>>63 != 0 {
		return ^b
	}
	return b | 1<<63
}

// radix holds the buffers of a stable LSD radix sort of (key, index)
// pairs: O(n) with no comparator calls, which matters most in wasm where
// a sort's indirect calls are slow. Reusing one radix means no allocation.
type radix struct {
	keys, keys2 []uint64
	idx, idx2   []int32
}

func (r *radix) grow(n int) {
	if cap(r.keys) < n {
		r.keys, r.keys2 = make([]uint64, n), make([]uint64, n)
		r.idx, r.idx2 = make([]int32, n), make([]int32, n)
	}
}

// sort stably orders idx by keys (both of the same length n; keys must be
// r.keys[:n]; idx may be any slice) and returns the sorted indexes, which
// live in one of r's buffers.
//
// It radix-sorts on the high 32 bits only (4 passes of 8 bits; a pass
// where every key has the same byte is skipped), then finishes with an
// insertion sort on the full keys, which only moves elements whose high
// halves tie: for float keys that means values within about one part in a
// million of each other, which are rare and adjacent, so the finish is a
// single O(n) scan in practice and both passes stay stable.
func (r *radix) sort(keys []uint64, idx []int32) []int32 {
	n := len(keys)
	ka, kb := keys, r.keys2[:n]
	ia, ib := r.idx[:n], r.idx2[:n]
	copy(ia, idx)
	var hist [4][256]int32
	for _, k := range ka {
		hist[0][byte(k>>32)]++
		hist[1][byte(k>>40)]++
		hist[2][byte(k>>48)]++
		hist[3][byte(k>>56)]++
	}
	for b := 0; b < 4; b++ {
		h := &hist[b]
		shift := 32 + 8*uint(b)
		if n == 0 || h[byte(ka[0]>>shift)] == int32(n) {
			continue // every key has this byte: the pass would move nothing
		}
		var sum int32
		for d := range h {
			c := h[d]
			h[d] = sum
			sum += c
		}
		for p, k := range ka {
			d := byte(k >> shift)
			q := h[d]
			h[d]++
			kb[q], ib[q] = k, ia[p]
		}
		ka, kb, ia, ib = kb, ka, ib, ia
	}
	for p := 1; p < n; p++ {
		k, i := ka[p], ia[p]
		q := p
		for q > 0 && ka[q-1] > k {
			ka[q], ia[q] = ka[q-1], ia[q-1]
			q--
		}
		ka[q], ia[q] = k, i
	}
	return ia
}

// NormalScore maps a percentile (0..100) to the standard normal quantile
// Φ⁻¹(p/100), clipped to ±ZClip; NaN stays NaN.
func NormalScore(pct float64) float64 {
	if math.IsNaN(pct) {
		return math.NaN()
	}
	z := distuv.UnitNormal.Quantile(math.Min(math.Max(pct/100, 0), 1))
	return math.Max(-ZClip, math.Min(ZClip, z))
}
