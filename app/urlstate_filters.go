package main

// The URL form of the filters on any metric (engine.Filter.Values and
// .Pcts): fv= bounds values in their own units, fp= bounds percentiles.
// Each is a list of NAME~MIN~MAX triples joined by "~", a side left empty
// when open: fv=pe~~15~roe~0.1~ is "P/E ≤ 15 and ROE ≥ 10%",
// fp=mom12_1~50~ is "12-1 momentum in the top half". "~" is the one
// character a query value keeps unescaped that neither names (which use
// "_") nor numbers (".", "-") need. A triple that does not parse is
// dropped and named by StateProblems; the others still apply.

import (
	"math"
	"strconv"
	"strings"

	"screener/engine"
)

const (
	keyValues = "fv"
	keyPcts   = "fp"
)

// urlBounds reads NAME~MIN~MAX triples; lookup maps a name to its index
// in out. It returns the bounds of the good triples and the bad ones as
// written.
func urlBounds(v string, out []engine.Bound, lookup func(string) (int, bool), pct bool) (bad []string) {
	if v == "" {
		return nil
	}
	tokens := strings.Split(v, "~")
	for i := 0; i < len(tokens); i += 3 {
		if i+3 > len(tokens) {
			bad = append(bad, strings.Join(tokens[i:], "~"))
			break
		}
		name, lo, hi := strings.ToLower(tokens[i]), tokens[i+1], tokens[i+2]
		k, ok := lookup(name)
		var b engine.Bound
		okLo, okHi := true, true
		b.Min, b.HasMin, okLo = urlBoundNumber(lo)
		b.Max, b.HasMax, okHi = urlBoundNumber(hi)
		if !ok || !okLo || !okHi || !b.Active() {
			bad = append(bad, strings.Join(tokens[i:i+3], "~"))
			continue
		}
		out[k] = normalizeBound(b, pct)
	}
	return bad
}

// urlBoundNumber reads one side: "" is open; otherwise a plain decimal
// (digits, one optional leading "-", dots).
func urlBoundNumber(v string) (x float64, has, ok bool) {
	if v == "" {
		return 0, false, true
	}
	for i, r := range v {
		if !(r >= '0' && r <= '9' || r == '.' || r == '-' && i == 0) {
			return 0, false, false
		}
	}
	x, err := strconv.ParseFloat(v, 64)
	if err != nil || math.Abs(x) > engine.MaxFilterValue {
		return 0, false, false
	}
	return x, true, true
}

// normalizeBound clamps a bound to its range (percentiles: whole numbers
// 0..100; values: ±engine.MaxFilterValue), drops NaN and infinite sides, zeroes
// open sides and puts the sides in order, so that equal filters compare
// equal.
func normalizeBound(b engine.Bound, pct bool) engine.Bound {
	side := func(x float64, has bool) (float64, bool) {
		if !has || math.IsNaN(x) || math.IsInf(x, 0) {
			return 0, false
		}
		if pct {
			return math.Round(math.Max(0, math.Min(100, x))), true
		}
		return math.Max(-engine.MaxFilterValue, math.Min(engine.MaxFilterValue, x)), true
	}
	b.Min, b.HasMin = side(b.Min, b.HasMin)
	b.Max, b.HasMax = side(b.Max, b.HasMax)
	if b.HasMin && b.HasMax && b.Min > b.Max {
		b.Min, b.Max = b.Max, b.Min
	}
	return b
}

// formatBounds writes the active bounds as NAME~MIN~MAX triples.
func formatBounds(bounds []engine.Bound, name func(int) string) string {
	var parts []string
	num := func(x float64, has bool) string {
		if !has {
			return ""
		}
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	for k, b := range bounds {
		if b.Active() {
			parts = append(parts, name(k)+"~"+num(b.Min, b.HasMin)+"~"+num(b.Max, b.HasMax))
		}
	}
	return strings.Join(parts, "~")
}

func lookupField(name string) (int, bool) {
	f, ok := engine.ParseField(name)
	return int(f), ok
}

func lookupMetric(name string) (int, bool) {
	m, ok := engine.ParseMetric(name)
	return int(m), ok
}

func fieldName(k int) string  { return engine.Field(k).Key() }
func metricName(k int) string { return engine.Metric(k).Key() }

// parseFilterBounds reads fv= and fp= into s; bad lists what it dropped.
func parseFilterBounds(vals map[string]string, s *State) (bad []string) {
	if v, ok := vals[keyValues]; ok {
		for _, b := range urlBounds(v, s.Values[:], lookupField, false) {
			bad = append(bad, keyValues+"="+b)
		}
	}
	if v, ok := vals[keyPcts]; ok {
		for _, b := range urlBounds(v, s.Pcts[:], lookupMetric, true) {
			bad = append(bad, keyPcts+"="+b)
		}
	}
	return bad
}

// addFilterBounds writes fv= and fp= for the active bounds.
func addFilterBounds(s State, add func(k, v string)) {
	if v := formatBounds(s.Values[:], fieldName); v != "" {
		add(keyValues, v)
	}
	if v := formatBounds(s.Pcts[:], metricName); v != "" {
		add(keyPcts, v)
	}
}

// normalizeFilterBounds normalises every bound of s.
func normalizeFilterBounds(s *State) {
	for k, b := range s.Values {
		s.Values[k] = normalizeBound(b, false)
	}
	for k, b := range s.Pcts {
		s.Pcts[k] = normalizeBound(b, true)
	}
}

// StateProblems lists the filter values of a query string that ParseState
// ignores because they do not parse ("fv=pe~x~", "sec=foo", "cap=abc"),
// so the page can say that a link only partly applied. Other keys are
// forgiving by design (a bad sort key sorts by rank) and not listed.
func StateProblems(rawQuery string) []string {
	vals := queryPairs(strings.TrimPrefix(rawQuery, "?"))
	var s State
	bad := parseFilterBounds(vals, &s)
	if v, ok := vals[keySectors]; ok {
		for _, p := range urlList(v) {
			if sectorSlugBit(strings.ToLower(p)) == 0 {
				bad = append(bad, keySectors+"="+p)
			}
		}
	}
	if v, ok := vals[keyMcap]; ok {
		if _, _, ok := urlMcapRange(v); !ok {
			bad = append(bad, keyMcap+"="+v)
		}
	}
	return bad
}
