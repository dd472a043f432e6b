package engine

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// WhereGrammar documents ParseWhere's language (CLI help, errors).
const WhereGrammar = `clauses separated by commas: NAME OP NUMBER
  OP      <, <=, >, >= (bounds are inclusive: < and <= mean the same, as do > and >=)
  NAME    a value in its own unit: pe, ev_ebit, pb (ratios; defined only where
          earnings, EBIT or book equity are positive, so "pe<15" never keeps a
          loss-maker), roe, roic, fcf_yield, debt_assets, rev_growth, mom12_1
          (fractions: 0.10 or 10% = ten per cent), netdebt_ebitda (ratio),
          price (USD), mcap (market cap, USD millions);
          or pct.METRIC, a metric's percentile 0..100 (100 = best) among the
          stocks the other filters keep, for any metric key (pct.roe, pct.mom12_1)
  A stock whose value is missing fails the clause.
  example: "pe<15,roe>0.10,mcap>=300,pct.mom12_1>=50"`

// MaxFilterValue bounds the magnitude of a filter number (CLI, URL, UI):
// larger is a typo, and it keeps every bound finite and printable.
const MaxFilterValue = 1e12

// ParseWhere reads a where clause list (WhereGrammar) into f's bounds:
// Values, Pcts, and MinMcap/MaxMcap for "mcap". Each field may have one
// lower and one upper bound; the error names the clause at fault.
func ParseWhere(spec string, f *Filter) error {
	var seenMin, seenMax [int(NumFields) + NumMetrics + 1]bool // fields, percentiles, mcap
	for _, clause := range strings.Split(spec, ",") {
		clause = strings.TrimSpace(clause)
		if clause == "" {
			continue
		}
		name, op, num, err := splitClause(clause)
		if err != nil {
			return err
		}
		lower := op[0] == '>'
		var slot int
		var b *Bound
		fraction := false
		switch {
		case name == "mcap":
			slot = int(NumFields) + NumMetrics
		case strings.HasPrefix(name, "pct."):
			m, ok := ParseMetric(strings.TrimPrefix(name, "pct."))
			if !ok {
				return fmt.Errorf("%q: unknown metric %q; metrics: %s", clause, strings.TrimPrefix(name, "pct."), strings.Join(MetricKeys(), ", "))
			}
			slot, b = int(NumFields)+int(m), &f.Pcts[m]
		default:
			fl, ok := ParseField(name)
			if !ok {
				return fmt.Errorf("%q: unknown name %q; names: %s, mcap, pct.METRIC", clause, name, strings.Join(FieldKeys(), ", "))
			}
			slot, b, fraction = int(fl), &f.Values[fl], fl.Fraction()
		}
		x, err := parseFilterNumber(num, fraction)
		if err != nil {
			return fmt.Errorf("%q: %v", clause, err)
		}
		if (lower && seenMin[slot]) || (!lower && seenMax[slot]) {
			return fmt.Errorf("%q: %s already has a %s bound", clause, name, map[bool]string{true: "lower", false: "upper"}[lower])
		}
		if lower {
			seenMin[slot] = true
		} else {
			seenMax[slot] = true
		}
		switch {
		case b == nil: // mcap
			if !(x > 0) {
				return fmt.Errorf("%q: a market cap bound must be positive (USD millions)", clause)
			}
			if lower {
				f.MinMcap = x
			} else {
				f.MaxMcap = x
			}
		case slot >= int(NumFields) && (x < 0 || x > 100):
			return fmt.Errorf("%q: a percentile is 0..100", clause)
		case lower:
			b.Min, b.HasMin = x, true
		default:
			b.Max, b.HasMax = x, true
		}
		if b != nil && b.HasMin && b.HasMax && b.Min > b.Max {
			return fmt.Errorf("%q: %s's lower bound %g is above its upper bound %g", clause, name, b.Min, b.Max)
		}
	}
	if f.MinMcap > 0 && f.MaxMcap > 0 && f.MinMcap > f.MaxMcap {
		return fmt.Errorf("mcap: lower bound %g is above upper bound %g", f.MinMcap, f.MaxMcap)
	}
	return nil
}

// splitClause splits "pe<=15" into "pe", "<=", "15".
func splitClause(clause string) (name, op, num string, err error) {
	i := strings.IndexAny(clause, "<>=!")
	if i <= 0 {
		return "", "", "", fmt.Errorf("%q: want NAME OP NUMBER, e.g. pe<15 (OP is <, <=, > or >=)", clause)
	}
	name = strings.ToLower(strings.TrimSpace(clause[:i]))
	rest := clause[i:]
	switch {
	case strings.HasPrefix(rest, "<="), strings.HasPrefix(rest, ">="):
		op, num = rest[:2], rest[2:]
	case rest[0] == '<' || rest[0] == '>':
		op, num = rest[:1], rest[1:]
	default:
		return "", "", "", fmt.Errorf("%q: unknown operator; use <, <=, > or >=", clause)
	}
	return name, op, strings.TrimSpace(num), nil
}

// parseFilterNumber reads a plain decimal ("15", "-0.5", "1e3"); for a
// fraction field a trailing "%" divides by 100. NaN, infinities, hex and
// magnitudes above MaxFilterValue are rejected.
func parseFilterNumber(s string, fraction bool) (float64, error) {
	pct := strings.HasSuffix(s, "%")
	if pct {
		if !fraction {
			return 0, fmt.Errorf("%q: %% is for the fraction fields (roe, roic, fcf_yield, debt_assets, rev_growth, mom12_1)", s)
		}
		s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r == '.' || r == '-' || r == '+' || r == 'e' || r == 'E') {
			return 0, fmt.Errorf("%q is not a number", s)
		}
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(x) || math.Abs(x) > MaxFilterValue {
		return 0, fmt.Errorf("%q is not a number within ±%g", s, MaxFilterValue)
	}
	if pct {
		x /= 100
	}
	return x, nil
}

// FormatWhere writes f's bounds in WhereGrammar (mcap, then the fields,
// then the percentiles, lower bound first): ParseWhere reads it back to
// the same bounds.
func FormatWhere(f Filter) string {
	var parts []string
	num := func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
	add := func(name string, b Bound) {
		if b.HasMin {
			parts = append(parts, name+">="+num(b.Min))
		}
		if b.HasMax {
			parts = append(parts, name+"<="+num(b.Max))
		}
	}
	add("mcap", Bound{Min: f.MinMcap, Max: f.MaxMcap, HasMin: f.MinMcap > 0, HasMax: f.MaxMcap > 0})
	for k := Field(0); k < NumFields; k++ {
		add(k.Key(), f.Values[k])
	}
	for k := Metric(0); k < NumMetrics; k++ {
		add("pct."+k.Key(), f.Pcts[k])
	}
	return strings.Join(parts, ",")
}

// FieldKeys lists the field keys in Field order.
func FieldKeys() []string {
	out := make([]string, NumFields)
	for k := range out {
		out[k] = Field(k).Key()
	}
	return out
}

// MetricKeys lists the metric keys in Metric order.
func MetricKeys() []string {
	out := make([]string, NumMetrics)
	for k := range out {
		out[k] = Metric(k).Key()
	}
	return out
}
