package engine

import (
	"math"
	"strconv"
)

// pow10 holds the powers of ten that float64 represents exactly.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// fastNumbers parses a JSON array of exactly n numbers or nulls (null ->
// NaN) into out. It is the decoder's hot path: the snapshot is ~90% such
// arrays, and going through gjson.Result per element costs most of the
// decode time in wasm. It returns false, leaving the caller to take the
// checked gjson path with its precise error, on anything else: another
// type, a wrong length, a non-finite value, malformed text.
//
// Numbers with at most 15 significant digits and a decimal exponent within
// ±22 are converted exactly as strconv does it (Clinger's fast path: one
// correctly rounded multiplication or division of two exact values); the
// builder writes 5 significant digits, so that is nearly every value.
// Anything longer goes through strconv.ParseFloat.
func fastNumbers(raw string, n int, out []float64) bool {
	i := skipSpace(raw, 0)
	if i >= len(raw) || raw[i] != '[' {
		return false
	}
	i = skipSpace(raw, i+1)
	if i < len(raw) && raw[i] == ']' {
		return n == 0 && skipSpace(raw, i+1) == len(raw)
	}
	for k := 0; ; k++ {
		if k >= n || i >= len(raw) {
			return false
		}
		if raw[i] == 'n' {
			if len(raw)-i < 4 || raw[i:i+4] != "null" {
				return false
			}
			out[k] = math.NaN()
			i += 4
		} else {
			x, j, ok := scanNumber(raw, i)
			if !ok {
				return false
			}
			out[k] = x
			i = j
		}
		i = skipSpace(raw, i)
		if i >= len(raw) {
			return false
		}
		switch raw[i] {
		case ',':
			i = skipSpace(raw, i+1)
		case ']':
			return k+1 == n && skipSpace(raw, i+1) == len(raw)
		default:
			return false
		}
	}
}

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r') {
		i++
	}
	return i
}

// scanNumber reads the JSON number starting at s[i]; it returns the value,
// the index after it, and false for malformed or non-finite numbers.
func scanNumber(s string, i int) (float64, int, bool) {
	start := i
	neg := false
	if i < len(s) && s[i] == '-' {
		neg = true
		i++
	}
	var mant uint64
	digits, exp := 0, 0
	intStart := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		if mant != 0 || s[i] != '0' {
			digits++
		}
		mant = mant*10 + uint64(s[i]-'0')
		i++
	}
	if i == intStart || (s[intStart] == '0' && i-intStart > 1) {
		return 0, i, false // no digits, or a leading zero
	}
	if i < len(s) && s[i] == '.' {
		i++
		fracStart := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			if mant != 0 || s[i] != '0' {
				digits++
			}
			mant = mant*10 + uint64(s[i]-'0')
			exp--
			i++
		}
		if i == fracStart {
			return 0, i, false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		eneg := false
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			eneg = s[i] == '-'
			i++
		}
		expStart, e := i, 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			if e < 10000 {
				e = e*10 + int(s[i]-'0')
			}
			i++
		}
		if i == expStart {
			return 0, i, false
		}
		if eneg {
			e = -e
		}
		exp += e
	}
	if digits <= 15 && exp >= -22 && exp <= 22 {
		x := float64(mant)
		if exp >= 0 {
			x *= pow10[exp]
		} else {
			x /= pow10[-exp]
		}
		if neg {
			x = -x
		}
		if !math.IsInf(x, 0) {
			return x, i, true
		}
		return 0, i, false
	}
	x, err := strconv.ParseFloat(s[start:i], 64)
	if err != nil || math.IsInf(x, 0) {
		return 0, i, false
	}
	return x, i, true
}
