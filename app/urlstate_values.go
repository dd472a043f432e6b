package main

// The URL state's value parsers and formatters: each parser reports
// ok=false for a malformed value, so ParseState keeps the default.

import (
	"errors"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"screener/engine"
)

// queryPairs splits "k=v&k2=v2" into a map keeping each key's first value.
// Pairs that do not unescape are skipped (url.ParseQuery would also stop at
// ';' and report errors we have no use for).
func queryPairs(q string) map[string]string {
	out := map[string]string{}
	for q != "" {
		var pair string
		pair, q, _ = strings.Cut(q, "&")
		k, v, _ := strings.Cut(pair, "=")
		k, err1 := url.QueryUnescape(k)
		v, err2 := url.QueryUnescape(v)
		if err1 != nil || err2 != nil || k == "" {
			continue
		}
		if _, seen := out[k]; !seen {
			out[k] = v
		}
	}
	return out
}

// urlList splits a list value on '.' or ',' (commas arrive from people
// typing URLs; Query writes dots, which need no escaping).
func urlList(v string) []string {
	return strings.FieldsFunc(v, func(r rune) bool { return r == '.' || r == ',' })
}

// langFromURL maps "ja", "JA", "ja-JP" to "ja" (same for "en"); "" otherwise.
func langFromURL(v string) string {
	v = strings.ToLower(v)
	if i := strings.IndexAny(v, "-_"); i >= 0 { // "ja-JP" -> "ja"
		v = v[:i]
	}
	if v == "en" || v == "ja" {
		return v
	}
	return ""
}

func urlBool(vals map[string]string, key string, dst *bool) {
	v, ok := vals[key]
	if !ok {
		return
	}
	switch strings.ToLower(v) {
	case "1", "true", "yes", "on", "":
		*dst = true // a bare "&embed" means on
	case "0", "false", "no", "off":
		*dst = false
	}
}

// urlWeights reads six whole numbers "50.50.0.100.50.50"; each is clamped
// to 0..MaxWeight; a wrong count or a non-number rejects the whole value.
func urlWeights(v string) (engine.Weights, bool) {
	parts := urlList(v)
	var w engine.Weights
	if len(parts) != engine.NumFactors {
		return w, false
	}
	for i, p := range parts {
		n, ok := urlInt(p, 0, MaxWeight)
		if !ok {
			return w, false
		}
		w[i] = float64(n)
	}
	return w, true
}

// urlInt reads a decimal integer and clamps it to lo..hi; numbers
// too large for an int are clamped too.
func urlInt(v string, lo, hi int) (int, bool) {
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return 0, false
	}
	switch {
	case n < int64(lo):
		return lo, true
	case n > int64(hi):
		return hi, true
	}
	return int(n), true
}

func urlClamp(n, lo, hi int) int { return max(lo, min(hi, n)) }

func urlSectors(v string) SectorSet {
	var set SectorSet
	for _, p := range urlList(v) {
		set |= sectorSlugBit(strings.ToLower(p))
	}
	return set
}

// urlMcapRange reads "min-max" in USD millions with either side empty
// ("300-", "-2000"); numbers are unsigned decimals.
func urlMcapRange(v string) (lo, hi float64, ok bool) {
	a, b, found := strings.Cut(v, "-")
	if !found {
		return 0, 0, false
	}
	if lo, ok = urlMcapBound(a); !ok {
		return 0, 0, false
	}
	if hi, ok = urlMcapBound(b); !ok {
		return 0, 0, false
	}
	return lo, hi, true
}

func urlMcapBound(v string) (float64, bool) {
	if v == "" {
		return 0, true
	}
	for _, r := range v { // digits and one dot: no signs, exponents, "inf" or hex
		if (r < '0' || r > '9') && r != '.' {
			return 0, false
		}
	}
	x, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return 0, false
	}
	return mcapBound(x), true
}

// mcapBound rounds a market-cap bound to whole millions within 0..MaxMcapM;
// NaN and negatives mean no bound.
func mcapBound(x float64) float64 {
	if math.IsNaN(x) || x <= 0 {
		return 0
	}
	return math.Round(math.Min(x, MaxMcapM))
}

func formatMcapBound(x float64) string {
	if x == 0 {
		return ""
	}
	return strconv.FormatFloat(x, 'f', 0, 64)
}

func urlFormatWeights(w engine.Weights) string {
	parts := make([]string, len(w))
	for i, x := range w {
		parts[i] = strconv.FormatFloat(x, 'f', 0, 64)
	}
	return strings.Join(parts, ".")
}

func isURLSortKey(k string) bool {
	for _, s := range SortKeys {
		if s == k {
			return true
		}
	}
	return false
}

// urlTicker upper-cases a ticker and accepts it only if it matches
// [A-Z0-9.-]{1,10}, so nothing else from the URL can reach the page as a ticker.
func urlTicker(v string) (string, bool) {
	if len(v) == 0 || len(v) > maxTickerLen {
		return "", false
	}
	b := []byte(v)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
			b[i] = c
		}
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-') {
			return "", false
		}
	}
	return string(b), true
}

// urlFunds keeps the known, distinct fund tickers in order, at most
// MaxFunds; fewer than MinFunds is not a comparison and is rejected.
func urlFunds(tickers []string) ([MaxFunds]string, bool) {
	var out [MaxFunds]string
	n := 0
	for _, t := range tickers {
		if n == MaxFunds {
			break
		}
		t = strings.ToUpper(t)
		known := false
		for _, f := range FundTickers {
			known = known || f == t
		}
		dup := false
		for _, o := range out[:n] {
			dup = dup || o == t
		}
		if known && !dup {
			out[n] = t
			n++
		}
	}
	return out, n >= MinFunds
}

// urlMonth accepts "YYYY-MM" (also "YYYY-M" and a trailing "-DD", which
// is dropped), clamps it to minMonth..maxMonth and returns "YYYY-MM".
func urlMonth(v string) (string, bool) {
	parts := strings.Split(v, "-")
	if len(parts) < 2 || len(parts) > 3 || len(parts[0]) != 4 || len(parts[1]) < 1 || len(parts[1]) > 2 {
		return "", false
	}
	for _, p := range parts {
		for _, r := range p {
			if r < '0' || r > '9' {
				return "", false
			}
		}
	}
	if len(parts) == 3 && (len(parts[2]) < 1 || len(parts[2]) > 2) {
		return "", false
	}
	m, _ := strconv.Atoi(parts[1])
	if m < 1 || m > 12 {
		return "", false
	}
	// Four digits compare as strings in date order.
	out := parts[0] + "-" + itoa(m/10) + itoa(m%10)
	switch {
	case out < minMonth:
		out = minMonth
	case out > maxMonth:
		out = maxMonth
	}
	return out, true
}

// MaxCompare is how many stocks the comparison shows side by side.
const MaxCompare = 4

// compareSep joins the compared tickers in the URL ("cmp=CRDO~PTGX"): a
// ticker may hold "." or "-", never "~", which a URL keeps as typed.
const compareSep = "~"

// urlCompare keeps the valid tickers of list, upper-cased, first
// occurrence only, at most MaxCompare.
func urlCompare(list []string) [MaxCompare]string {
	var out [MaxCompare]string
	n := 0
	for _, v := range list {
		t, ok := urlTicker(v)
		if !ok || n == MaxCompare || slices.Contains(out[:n], t) {
			continue
		}
		out[n] = t
		n++
	}
	return out
}

// CompareList is the compared tickers without the empty slots.
func (s State) CompareList() []string {
	var out []string
	for _, t := range s.Compare {
		if t != "" {
			out = append(out, t)
		}
	}
	return out
}
