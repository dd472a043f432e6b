package data

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// priceCSV renders closes as a price file, one calendar day apart from
// start (the rules count closes, not days).
func priceCSV(start string, closes []float64) string {
	var b strings.Builder
	b.WriteString("Date,Close\n")
	d := mustDay(start)
	for i, c := range closes {
		fmt.Fprintf(&b, "%s,%g\n", d+Day(i), c)
	}
	return b.String()
}

// ramp is n closes rising 0.1% a day from v: every close distinct.
func ramp(v float64, n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = v * math.Pow(1.001, float64(i))
	}
	return out
}

func cat(parts ...[]float64) []float64 {
	var out []float64
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// checked parses closes and returns the series and the rules that fired.
func checked(t *testing.T, closes []float64) (*series, []PriceIssue) {
	t.Helper()
	s, _, issues := parsePriceContent("prices/X.csv", "X", []byte(priceCSV("2020-01-01", closes)))
	if s == nil {
		t.Fatal("no series")
	}
	return s, issues
}

func rulesOf(issues []PriceIssue) string {
	var rs []string
	for _, p := range issues {
		rs = append(rs, p.Rule)
	}
	return strings.Join(rs, ",")
}

// A clean series (every close distinct, moves of 0.1%) fires no rule.
func TestPriceCheckCleanSeries(t *testing.T) {
	s, issues := checked(t, ramp(10, 300))
	if len(issues) != 0 || len(s.glitches) != 0 {
		t.Errorf("clean series: issues %v glitches %v", issues, s.glitches)
	}
}

// quantised: 70 closes taking two values are a span glitch; a return
// across the stretch is null, one before it is not.
func TestPriceRuleQuantised(t *testing.T) {
	flat := make([]float64, 70)
	for i := range flat {
		flat[i] = 10
		if i%3 == 0 {
			flat[i] = 10.5
		}
	}
	s, issues := checked(t, cat(ramp(9, 100), flat, ramp(11, 100)))
	if rulesOf(issues) != ruleQuantised || len(s.glitches) != 1 || !s.glitches[0].span {
		t.Fatalf("issues %v glitches %+v", issues, s.glitches)
	}
	g := s.glitches[0]
	if g.from > s.days[100] || g.to < s.days[169] {
		t.Errorf("stretch %s..%s does not cover the quantised closes %s..%s", g.from, g.to, s.days[100], s.days[169])
	}
	if v, gl, _ := s.ret(s.days[10], s.days[250], false); !math.IsNaN(v) || gl == nil || gl.rule != ruleQuantised {
		t.Errorf("return across the stretch = %v (%v), want null", v, gl)
	}
	if v, gl, _ := s.ret(s.days[10], s.days[50], false); math.IsNaN(v) || gl != nil {
		t.Errorf("return before the stretch = %v (%v), want a value", v, gl)
	}
	// A flat series for 60 closes is quantised too (one level).
	if _, issues := checked(t, cat(ramp(9, 50), make60(7), ramp(8, 50))); rulesOf(issues) != ruleQuantised {
		t.Errorf("flat stretch: %v", issues)
	}
	// 55 closes of two levels are not: any 60 closes around them take
	// seven values or more.
	if _, issues := checked(t, cat(ramp(9, 50), flat[:55], ramp(11, 50))); len(issues) != 0 {
		t.Errorf("55 two-level closes: %v", issues)
	}
}

func make60(v float64) []float64 {
	out := make([]float64, 60)
	for i := range out {
		out[i] = v
	}
	return out
}

// flip_flop: three 70% jumps that each revert within a few closes, close
// together, are one span glitch; two are not a flip_flop.
func TestPriceRuleFlipFlop(t *testing.T) {
	base := ramp(10, 200)
	three := append([]float64(nil), base...)
	for _, i := range []int{50, 70, 90} {
		three[i], three[i+1] = three[i]*1.7, three[i]*1.75
	}
	s, issues := checked(t, three)
	if rulesOf(issues) != ruleFlipFlop || len(s.glitches) != 1 || s.glitches[0].from != s.days[50] || s.glitches[0].to != s.days[91] {
		t.Fatalf("issues %v glitches %+v", issues, s.glitches)
	}
	if v, _, _ := s.ret(s.days[40], s.days[120], false); !math.IsNaN(v) {
		t.Errorf("return across flip-flops = %v, want null", v)
	}
	two := append([]float64(nil), base...)
	for _, i := range []int{50, 70} {
		two[i], two[i+1] = two[i]*1.7, two[i]*1.75
	}
	if _, issues := checked(t, two); strings.Contains(rulesOf(issues), ruleFlipFlop) {
		t.Errorf("two flips called a flip_flop: %v", issues)
	}
}

// spike: one close 60%+ off, undone by the next: only that close is
// untrusted (a point glitch): the price on that day is null, a return
// across it is not.
func TestPriceRuleSpike(t *testing.T) {
	c := ramp(10, 100)
	c[50] *= 0.55
	s, issues := checked(t, c)
	if rulesOf(issues) != ruleSpike || len(s.glitches) != 1 || s.glitches[0].span {
		t.Fatalf("issues %v glitches %+v", issues, s.glitches)
	}
	if p, g := s.price(s.days[50]); !math.IsNaN(p) || g == nil {
		t.Errorf("price on the spike = %v, want null", p)
	}
	if v, g, _ := s.ret(s.days[40], s.days[60], false); math.IsNaN(v) || g != nil {
		t.Errorf("return across a spike = %v (%v), want a value", v, g)
	}
	if v, _, _ := s.ret(s.days[40], s.days[50], false); !math.IsNaN(v) {
		t.Errorf("return ending on the spike = %v, want null", v)
	}
}

// jump_x10_reverts: a close 1/20 of the one before, back two closes later:
// the stretch is a span glitch.
func TestPriceRuleJumpReverts(t *testing.T) {
	c := ramp(10, 100)
	c[50], c[51] = c[49]/20, c[49]/19
	s, issues := checked(t, c)
	if rulesOf(issues) != ruleJumpReverts || len(s.glitches) != 1 || s.glitches[0].from != s.days[50] || s.glitches[0].to != s.days[51] || !s.glitches[0].span {
		t.Fatalf("issues %v glitches %+v", issues, s.glitches)
	}
	if v, _, _ := s.ret(s.days[40], s.days[60], false); !math.IsNaN(v) {
		t.Errorf("return across the dip = %v, want null", v)
	}
}

// jump_x10_up_persists: a 12x rise that stays (an unadjusted reverse
// split): every return across the jump day is null, returns after it
// are not. A fall to 1/12 that stays is kept (jump_x10_down_kept).
func TestPriceRuleJumpPersists(t *testing.T) {
	c := cat(ramp(1, 50), ramp(12, 50))
	s, issues := checked(t, c)
	if rulesOf(issues) != ruleJumpPersists || len(s.glitches) != 1 || s.glitches[0].from != s.days[50] {
		t.Fatalf("issues %v glitches %+v", issues, s.glitches)
	}
	if v, _, _ := s.ret(s.days[10], s.days[80], false); !math.IsNaN(v) {
		t.Errorf("return across the jump = %v, want null", v)
	}
	if v, _, _ := s.ret(s.days[60], s.days[80], false); math.IsNaN(v) {
		t.Error("return after the jump must stand")
	}
	s, issues = checked(t, cat(ramp(12, 50), ramp(1, 50)))
	if rulesOf(issues) != ruleJumpDownKept || len(s.glitches) != 0 {
		t.Fatalf("fall: issues %v glitches %+v", issues, s.glitches)
	}
	if v, _, _ := s.ret(s.days[10], s.days[80], false); math.IsNaN(v) || v > -0.9 {
		t.Errorf("return across a kept collapse = %v, want about -92%%", v)
	}
}

// nonpositive_close: a run of closes <= 0 is dropped and is a span
// glitch; the rows count as malformed.
func TestPriceRuleNonPositive(t *testing.T) {
	c := ramp(10, 100)
	for i := 40; i < 45; i++ {
		c[i] = -3
	}
	c[46] = 0
	s, cs, issues := parsePriceContent("prices/X.csv", "X", []byte(priceCSV("2020-01-01", c)))
	if rulesOf(issues) != ruleNonPositive+","+ruleNonPositive || cs.RowsMalformed != 6 || len(s.days) != 94 || len(s.glitches) != 2 {
		t.Fatalf("issues %v malformed %d closes %d glitches %+v", issues, cs.RowsMalformed, len(s.days), s.glitches)
	}
	first := mustDay("2020-01-01")
	if g := s.glitches[0]; g.from != first+40 || g.to != first+44 || !g.span {
		t.Errorf("glitch %+v", g)
	}
	if v, _, _ := s.ret(first+30, first+60, false); !math.IsNaN(v) {
		t.Errorf("return across negative closes = %v, want null", v)
	}
}

// out_of_order and duplicate_date: a newest-first file keeps every row
// (sorted); a date given twice with one close is one close; with two
// different closes that day is untrusted.
func TestPriceRuleOrderAndDuplicates(t *testing.T) {
	s, cs, issues := parsePriceContent("prices/X.csv", "X", []byte("Date,Close\n2024-01-05,13\n2024-01-04,12\n2024-01-03,11\n2024-01-02,10\n"))
	if s == nil || len(s.days) != 4 || s.days[0] != mustDay("2024-01-02") || s.close[3] != 13 || cs.RowsMalformed != 0 || rulesOf(issues) != ruleOutOfOrder {
		t.Fatalf("newest-first: %+v malformed %d issues %v", s, cs.RowsMalformed, issues)
	}
	if p, ok := s.at(mustDay("2024-01-05")); !ok || p != 13 {
		t.Errorf("newest-first file lost its last price: %v", p)
	}
	s, cs, issues = parsePriceContent("prices/X.csv", "X", []byte("Date,Close\n2024-01-02,10\n2024-01-03,11\n2024-01-03,11\n2024-01-04,12\n2024-01-04,15\n2024-01-05,13\n"))
	if s == nil || len(s.days) != 4 || s.close[2] != 12 || cs.RowsMalformed != 2 || rulesOf(issues) != ruleDuplicate+","+ruleDuplicate {
		t.Fatalf("duplicates: %+v malformed %d issues %v", s, cs.RowsMalformed, issues)
	}
	if len(s.glitches) != 1 || s.glitches[0].from != mustDay("2024-01-04") || s.glitches[0].span {
		t.Errorf("only the conflicting day is a (point) glitch: %+v", s.glitches)
	}
	if p, g := s.price(mustDay("2024-01-04")); !math.IsNaN(p) || g == nil {
		t.Errorf("price on the conflicting day = %v", p)
	}
}

// A series that ends inside a forward window earns its return to its
// last close only when asked (history), flagged by the caller; a gap at
// the window's end (the series goes on later) is still missing.
func TestReturnToLastPrice(t *testing.T) {
	s, _ := checked(t, ramp(10, 100))
	from, to := s.days[10], s.days[99]+30
	if v, _, last := s.ret(from, to, false); !math.IsNaN(v) || last {
		t.Errorf("without toLast: %v %v", v, last)
	}
	v, g, last := s.ret(from, to, true)
	if want := s.close[99]/s.close[10] - 1; !last || g != nil || math.Abs(v-want) > 1e-12 {
		t.Errorf("to last close: %v (last %v), want %v", v, last, want)
	}
	gap := &series{ticker: "X", days: []Day{mustDay("2024-01-02"), mustDay("2024-03-01")}, close: []float64{10, 12}}
	if v, _, last := gap.ret(mustDay("2024-01-02"), mustDay("2024-02-01"), true); !math.IsNaN(v) || last {
		t.Errorf("gap at the window end: %v %v", v, last)
	}
}

// The coverage report names each file with its rule and dates.
func TestPriceIssueLines(t *testing.T) {
	lines := strings.Join(priceIssueLines([]PriceIssue{
		{"prices/GORO.csv", ruleQuantised, mustDay("2018-01-02"), mustDay("2020-07-28"), 600},
		{"prices/ATNI.csv", ruleSpike, mustDay("2020-03-18"), mustDay("2020-03-18"), 1},
	}), "\n")
	for _, want := range []string{"quantised=1", "spike=1", "flip_flop=0", "prices/GORO.csv 2018-01-02..2020-07-28", "prices/ATNI.csv 2020-03-18"} {
		if !strings.Contains(lines, want) {
			t.Errorf("report lacks %q:\n%s", want, lines)
		}
	}
}
