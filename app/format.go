package main

import (
	"math"
	"strconv"
)

// missingText is shown for a missing (NaN) value: never 0, never blank.
const missingText = "—"

// formatMcap shows a market cap given in USD millions with a B or M unit
// and three significant figures ("1.23 B", "456 M", "12.3 M").
func formatMcap(millions float64) string {
	if math.IsNaN(millions) || math.IsInf(millions, 0) {
		return missingText
	}
	if math.Abs(millions) >= 1000 {
		return sig3(millions/1000) + " B"
	}
	return sig3(millions) + " M"
}

// sig3 formats x with three significant figures, at most two decimals.
func sig3(x float64) string {
	a := math.Abs(x)
	switch {
	case a >= 100:
		return strconv.FormatFloat(x, 'f', 0, 64)
	case a >= 10:
		return strconv.FormatFloat(x, 'f', 1, 64)
	default:
		return strconv.FormatFloat(x, 'f', 2, 64)
	}
}

// formatPercentile shows a 0–100 percentile with the given decimals.
func formatPercentile(p float64, decimals int) string {
	if math.IsNaN(p) || math.IsInf(p, 0) {
		return missingText
	}
	return strconv.FormatFloat(p, 'f', decimals, 64)
}

// formatFraction shows a fraction as a percentage with one decimal
// (0.1234 -> "12.3%").
func formatFraction(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return missingText
	}
	return strconv.FormatFloat(x*100, 'f', 1, 64) + "%"
}

// formatMultiple shows a ratio as a multiple with one decimal ("3.4×").
func formatMultiple(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return missingText
	}
	return strconv.FormatFloat(x, 'f', 1, 64) + "×"
}

// formatRatio shows a plain ratio with two decimals.
func formatRatio(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return missingText
	}
	return strconv.FormatFloat(x, 'f', 2, 64)
}

// formatSigned shows a contribution with an explicit sign and two decimals.
func formatSigned(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return missingText
	}
	s := strconv.FormatFloat(x, 'f', 2, 64)
	if x >= 0 {
		return "+" + s
	}
	return "−" + s[1:]
}

// formatPrice shows a share price in dollars.
func formatPrice(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return missingText
	}
	return "$" + strconv.FormatFloat(x, 'f', 2, 64)
}

// formatCount groups thousands with commas (1980 -> "1,980").
func formatCount(n int) string {
	s := strconv.Itoa(n)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	out := make([]byte, 0, len(s)+len(s)/3+1)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}

// formatYMD turns a YYYYMMDD integer into "YYYY-MM-DD"; 0 or an
// implausible value is missing.
func formatYMD(d int32) string {
	if d < 1900_01_01 || d > 2999_12_31 {
		return missingText
	}
	y, m, day := d/10000, d/100%100, d%100
	if m < 1 || m > 12 || day < 1 || day > 31 {
		return missingText
	}
	return strconv.Itoa(int(y)) + "-" + pad2(int(m)) + "-" + pad2(int(day))
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// signClass is the CSS class that colours a return by its sign ("pos",
// "neg", "" for zero or missing).
//
//go:noinline
func signClass(x float64) string {
	switch {
	case x > 0:
		return "pos"
	case x < 0:
		return "neg"
	}
	return ""
}
