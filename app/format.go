package main

import (
	"math"
	"strconv"

	"screener/engine"
)

// The number formats, one family. Display texts are built on formatNum
// (fixed decimals, a unit suffix, strconv's "-" or the typographic minus
// "−"), machine-readable values (data attributes, CSV cells) on plainNum.
// A missing value (NaN, ±Inf) shows as missingText, never 0 or blank; in
// machine-readable values it is "". Formats that differ by language are
// lang's methods (i18n_format.go).

// missingText is shown for a missing (NaN) value: never 0, never blank.
const missingText = "—"

// finite reports whether x is a value to show (not NaN, not ±Inf).
func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// plainNum is x as strconv writes it in format fmt ('f', 'g') with prec
// digits (-1: the shortest exact form), "" when missing: the form for
// data attributes, tests and CSV cells.
//
//go:noinline
func plainNum(x float64, fmt byte, prec int) string {
	if !finite(x) {
		return ""
	}
	return strconv.FormatFloat(x, fmt, prec, 64)
}

// rawNum is a value for a data-v attribute: full precision for tests and
// scripts, "" for missing.
func rawNum(x float64) string { return plainNum(x, 'g', -1) }

// formatNum shows x with dec decimals and then suffix ("12.3", "3.4×",
// "12.3%"); missing is missingText. A negative x is written with the
// typographic minus (U+2212, which lines up with "+" in tabular figures)
// when minus is set, else with strconv's "-".
//
//go:noinline
func formatNum(x float64, dec int, suffix string, minus bool) string {
	s := plainNum(x, 'f', dec)
	if s == "" {
		return missingText
	}
	s += suffix
	if minus && x < 0 {
		return "−" + s[1:]
	}
	return s
}

// formatFixed shows x with dec decimals (percentiles, plain ratios).
//
//go:noinline
func formatFixed(x float64, dec int) string { return formatNum(x, dec, "", false) }

// formatRatio shows a plain ratio with two decimals (also the charts'
// default axis format).
func formatRatio(x float64) string { return formatFixed(x, 2) }

// formatSigned shows x with dec decimals, suffix and an explicit sign
// ("+0.50", "−0.46"), as contributions are read.
func formatSigned(x float64, dec int, suffix string) string {
	s := formatNum(x, dec, suffix, true)
	if x >= 0 && s != missingText {
		return "+" + s
	}
	return s
}

// formatSignedPct shows a return (a fraction) as a signed percentage with
// one decimal ("+7.8%", "−36.3%"); a spread's sign is its message, and a
// return that rounds to zero has none ("0.0%").
func formatSignedPct(x float64) string {
	s := formatNum(math.Abs(x)*100, 1, "%", false)
	if s == missingText || s == "0.0%" {
		return s
	}
	if x < 0 {
		return "−" + s
	}
	return "+" + s
}

// formatPctTick is a y-axis label for a fraction: whole percent ("−40%").
func formatPctTick(x float64) string { return formatNum(x*100, 0, "%", true) }

// fmtf writes a chart coordinate with one decimal.
//
//go:noinline
func fmtf(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }

// formatMetric shows a metric in its natural unit: multiples for coverage
// and leverage, plain ratios for book/price and trend, percentages for
// margins, yields and returns.
func formatMetric(m engine.Metric, x float64) string {
	if !finite(x) {
		return missingText
	}
	switch m {
	case engine.NetDebtToEBITDA, engine.InterestCoverage:
		return formatNum(x, 1, "×", false)
	case engine.BookToPrice, engine.Trend:
		return formatRatio(x)
	}
	return formatNum(x*100, 1, "%", false)
}

// formatMcap shows a market cap given in USD millions with a B or M unit
// and three significant figures ("1.23 B", "456 M", "12.3 M").
func formatMcap(millions float64) string {
	if !finite(millions) {
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

// formatPrice shows a share price in dollars.
func formatPrice(x float64) string {
	if s := formatFixed(x, 2); s != missingText {
		return "$" + s
	}
	return missingText
}

// formatCount groups thousands with commas (1980 -> "1,980").
func formatCount(n int) string { return groupThousands(itoa(n), "-") }

// formatThousands shows an amount rounded to a whole number with
// thousands grouped and a typographic minus ("54,231", "−1,200").
func formatThousands(x float64) string {
	s := formatFixed(x, 0)
	if s == missingText {
		return s
	}
	return groupThousands(s, "−")
}

// groupThousands puts commas between the thousands of the digits s, which
// may start with "-"; minus replaces that sign.
func groupThousands(s, minus string) string {
	neg := s[0] == '-'
	if neg {
		s = s[1:]
	}
	out := make([]byte, 0, len(s)+len(s)/3)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if neg {
		return minus + string(out)
	}
	return string(out)
}

// orMissing shows an empty text (a date, a source, a fund fact) as the
// missing-value mark.
func orMissing(s string) string {
	if s == "" {
		return missingText
	}
	return s
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

// itoa is strconv.Itoa kept out of line: inlined at each of its ~100 call
// sites it would cost wasm bytes every time.
//
//go:noinline
func itoa(n int) string { return strconv.Itoa(n) }
