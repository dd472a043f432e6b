package data

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// Price-series checks. The adjusted closes of prices/ and prices-to-2024/
// are as the public sources had them, glitches included: stretches
// quantised to a few levels, levels that flip and flip back, closes ten
// times off for a few days, adjustment arithmetic gone negative, and (in
// principle) rows out of order or repeated. A return, momentum or trend
// computed over such a stretch is not a market return, so each file is
// checked when it is read, and every glitch found becomes a stretch of
// days that the price readers (series.price, series.ret, series.trend)
// refuse: the value is null and the row is flagged (price_glitch for
// values as of the snapshot date, fwd_price_glitch for forward returns),
// never silently kept. Every file a rule hits is named in the coverage
// report with its dates (PriceIssue).
//
// The rules work on consecutive closes (trading days), not calendar days:
//
//   - nonpositive_close: a close <= 0 (adjustment factors applied past a
//     large distribution) is dropped, as before; a run of such closes is
//     a glitch stretch, because the closes around it come from the same
//     broken adjustment.
//   - out_of_order: rows whose date is before the previous row's are
//     sorted into place (a newest-first file used to lose all but its
//     first row); reported, not a glitch.
//   - duplicate_date: a date given twice. The same close twice is one
//     close (reported); two different closes leave that day's close
//     unknown: the first is kept and the day is a one-day glitch.
//   - jump_x10_reverts: a close 10x or 1/10 of the previous one that comes
//     back within jumpRevertDays closes (to within 3x of the close before
//     the jump): adjusted closes already undo splits, so the stretch in
//     between is bad data.
//   - jump_x10_up_persists: a one-day rise of 10x or more that stays: the
//     mark of a reverse split the source failed to adjust (a real 10x
//     day exists too; prices alone cannot tell them apart, and dropping a
//     real winner errs on the cautious side). The jump day is a glitch, so
//     every return across it is null. A one-day fall to 1/10 or less that
//     stays is far more often a real collapse (a de-SPAC, a failed trial,
//     a restructuring) and is kept, reported as jump_x10_down_kept:
//     nulling it would delete real losers and flatter history.
//   - flip_flop: flipRepeat or more one-day moves of 60% or more (but
//     less than 10x) that each revert within flipRevertDays closes to
//     within 20% of the close before them, each within flipGap closes of
//     the previous: a series flipping between levels. The stretch from
//     the first move to the last reversion is a glitch.
//   - spike: one such move (not part of a flip_flop) undone by the very
//     next close (within 5% of the close before): a single bad print. Only
//     that close is untrusted: a return whose ends lie outside it is
//     unaffected.
//   - quantised: quantWindow consecutive closes with at most quantLevels
//     distinct values (a stock that trades moves by more than that in a
//     quarter; a flat or two-level series is a stale or rounded feed, not
//     a market). The merged stretch is a glitch.
//
// All glitch stretches but spike and duplicate_date are "span" glitches: a
// return, momentum or trend whose window meets the stretch is null.
const (
	jumpFactor     = 10.0
	jumpRevertDays = 10
	jumpRevertTol  = 3.0
	flipFactor     = 1.6
	flipRevertTol  = 1.2
	flipRevertDays = 5
	flipGap        = 60
	flipRepeat     = 3
	spikeTol       = 1.05
	quantWindow    = 60
	quantLevels    = 4
)

// Price rule names, as the coverage report prints them.
const (
	ruleNonPositive  = "nonpositive_close"
	ruleOutOfOrder   = "out_of_order"
	ruleDuplicate    = "duplicate_date"
	ruleJumpReverts  = "jump_x10_reverts"
	ruleJumpPersists = "jump_x10_up_persists"
	ruleJumpDownKept = "jump_x10_down_kept"
	ruleFlipFlop     = "flip_flop"
	ruleSpike        = "spike"
	ruleQuantised    = "quantised"
)

// priceRules are the rules in report order, with what each does.
var priceRules = []struct{ name, what string }{
	{ruleQuantised, fmt.Sprintf("%d consecutive closes with at most %d distinct values; returns over the stretch null", quantWindow, quantLevels)},
	{ruleFlipFlop, fmt.Sprintf("%d+ one-day moves of %.0f%%+ each reverting within %d closes; returns over the stretch null", flipRepeat, 100*(flipFactor-1), flipRevertDays)},
	{ruleJumpReverts, fmt.Sprintf("a one-day move of %gx either way that reverts within %d closes; returns over it null", jumpFactor, jumpRevertDays)},
	{ruleJumpPersists, fmt.Sprintf("a one-day rise of %gx+ that stays (an unadjusted reverse split, or a real jump); returns across it null", jumpFactor)},
	{ruleJumpDownKept, fmt.Sprintf("a one-day fall to 1/%g or less that stays: kept as a real collapse, not a glitch", jumpFactor)},
	{ruleSpike, fmt.Sprintf("one move of %.0f%%+ undone by the next close: that close untrusted", 100*(flipFactor-1))},
	{ruleNonPositive, "closes <= 0 dropped; returns over the run null"},
	{ruleDuplicate, "a date given twice: same close kept once; different closes: that day untrusted"},
	{ruleOutOfOrder, "rows out of date order, sorted (not a glitch)"},
}

// glitch is a stretch of days [from, to] whose closes are not trusted.
// span: a return whose window meets the stretch is null too.
type glitch struct {
	rule     string
	from, to Day
	span     bool
}

// PriceIssue is one finding of the price checks for the coverage report:
// the file, the rule, the stretch of dates and how many rows or events.
type PriceIssue struct {
	File     string
	Rule     string
	From, To Day
	N        int
}

func (p PriceIssue) String() string {
	if p.From == p.To {
		return p.From.String()
	}
	return p.From.String() + ".." + p.To.String()
}

// priceRow is one readable row of a price file, in file order.
type priceRow struct {
	day   Day
	close float64
}

// cleanRows sorts rows by date (stably), drops duplicate dates and
// non-positive closes, and returns the closes left with the issues and
// glitches found. dropped counts the rows removed.
func cleanRows(file string, rows []priceRow) (days []Day, closes []float64, issues []PriceIssue, gl []glitch, dropped int) {
	late, first, last := 0, Day(0), Day(0)
	for i := 1; i < len(rows); i++ {
		if rows[i].day < rows[i-1].day {
			if late == 0 || rows[i].day < first {
				first = rows[i].day
			}
			if rows[i].day > last {
				last = rows[i].day
			}
			late++
		}
	}
	if late > 0 {
		sort.SliceStable(rows, func(i, j int) bool { return rows[i].day < rows[j].day })
		issues = append(issues, PriceIssue{file, ruleOutOfOrder, first, last, late})
	}
	// Duplicate dates: the same close once; different closes: the first
	// kept, the day untrusted.
	out := rows[:0:0]
	for i := 0; i < len(rows); i++ {
		r := rows[i]
		if len(out) > 0 && out[len(out)-1].day == r.day {
			dropped++
			prev := out[len(out)-1]
			issues = append(issues, PriceIssue{file, ruleDuplicate, r.day, r.day, 1})
			if prev.close != r.close {
				gl = append(gl, glitch{ruleDuplicate, r.day, r.day, false})
			}
			continue
		}
		out = append(out, r)
	}
	// Runs of non-positive closes: dropped, and a span glitch each.
	for i := 0; i < len(out); {
		if out[i].close > 0 {
			days = append(days, out[i].day)
			closes = append(closes, out[i].close)
			i++
			continue
		}
		j := i
		for j < len(out) && !(out[j].close > 0) {
			j++
		}
		dropped += j - i
		issues = append(issues, PriceIssue{file, ruleNonPositive, out[i].day, out[j-1].day, j - i})
		gl = append(gl, glitch{ruleNonPositive, out[i].day, out[j-1].day, true})
		i = j
	}
	return days, closes, issues, gl, dropped
}

// checkCloses runs the level rules (jumps, flip-flops, spikes,
// quantisation) on clean ascending closes.
func checkCloses(file string, days []Day, c []float64) (issues []PriceIssue, gl []glitch) {
	add := func(rule string, a, b int, span bool, n int) {
		issues = append(issues, PriceIssue{file, rule, days[a], days[b], n})
		if rule != ruleJumpDownKept {
			gl = append(gl, glitch{rule, days[a], days[b], span})
		}
	}
	n := len(c)
	inJump := make([]bool, n) // closes inside a 10x stretch: not flips
	for i := 1; i < n; i++ {
		r := c[i] / c[i-1]
		if r < jumpFactor && r > 1/jumpFactor {
			continue
		}
		back := -1
		for j := i + 1; j < n && j <= i+jumpRevertDays; j++ {
			if q := c[j] / c[i-1]; q <= jumpRevertTol && q >= 1/jumpRevertTol {
				back = j
				break
			}
		}
		switch {
		case back > 0:
			add(ruleJumpReverts, i, back-1, true, 1)
			for k := i; k <= back; k++ {
				inJump[k] = true
			}
			i = back
		case r >= jumpFactor:
			add(ruleJumpPersists, i, i, true, 1)
			inJump[i] = true
		default:
			add(ruleJumpDownKept, i, i, false, 1)
			inJump[i] = true
		}
	}
	// Flips: a 60%+ move that reverts within a few closes.
	type flip struct{ i, j int }
	var flips []flip
	lf, lr := math.Log(flipFactor), math.Log(flipRevertTol)
	for i := 1; i < n; i++ {
		if inJump[i] {
			continue
		}
		if math.Abs(math.Log(c[i]/c[i-1])) < lf {
			continue
		}
		for j := i + 1; j < n && j <= i+flipRevertDays; j++ {
			if inJump[j] {
				break
			}
			if math.Abs(math.Log(c[j]/c[i-1])) <= lr {
				flips = append(flips, flip{i, j})
				i = j
				break
			}
		}
	}
	for a := 0; a < len(flips); {
		b := a + 1
		for b < len(flips) && flips[b].i-flips[b-1].j <= flipGap {
			b++
		}
		if b-a >= flipRepeat {
			add(ruleFlipFlop, flips[a].i, flips[b-1].j-1, true, b-a)
		} else {
			for _, f := range flips[a:b] {
				if f.j == f.i+1 && math.Abs(math.Log(c[f.j]/c[f.i-1])) <= math.Log(spikeTol) {
					add(ruleSpike, f.i, f.i, false, 1)
				}
			}
		}
		a = b
	}
	// Quantised: quantWindow closes with at most quantLevels values.
	if n >= quantWindow {
		count := map[float64]int{}
		for _, v := range c[:quantWindow] {
			count[v]++
		}
		start, end := -1, -1
		flush := func() {
			if start >= 0 {
				add(ruleQuantised, start, end, true, end-start+1)
			}
			start = -1
		}
		for i := 0; ; i++ {
			if len(count) <= quantLevels {
				if start >= 0 && i <= end+1 {
					end = i + quantWindow - 1
				} else {
					flush()
					start, end = i, i+quantWindow-1
				}
			}
			if i+quantWindow >= n {
				break
			}
			if count[c[i]]--; count[c[i]] == 0 {
				delete(count, c[i])
			}
			count[c[i+quantWindow]]++
		}
		flush()
	}
	sort.SliceStable(gl, func(i, j int) bool { return gl[i].from < gl[j].from })
	return issues, gl
}

// glitchAt is the first glitch covering day d (span or not), or nil.
func (s *series) glitchAt(d Day) *glitch {
	for k := range s.glitches {
		g := &s.glitches[k]
		if g.from > d {
			break
		}
		if d <= g.to {
			return g
		}
	}
	return nil
}

// glitchOver is the first glitch that makes a return from close i0 to
// close i1 untrustworthy: a span glitch meeting [days[i0], days[i1]], or
// any glitch on either end; nil when the return is clean.
func (s *series) glitchOver(i0, i1 int) *glitch {
	a, b := s.days[i0], s.days[i1]
	for k := range s.glitches {
		g := &s.glitches[k]
		if g.from > b {
			break
		}
		if g.to < a {
			continue
		}
		if g.span || (a >= g.from && a <= g.to) || (b >= g.from && b <= g.to) {
			return g
		}
	}
	return nil
}

// describe names a glitch for a report line: rule, dates, file.
func (g *glitch) describe(file string) string {
	d := g.from.String()
	if g.to != g.from {
		d += ".." + g.to.String()
	}
	return fmt.Sprintf("%s %s (%s)", g.rule, d, file)
}

// priceIssueLines renders the checks for the coverage report: files per
// rule, then each file with its rule and dates.
func priceIssueLines(issues []PriceIssue) []string {
	byRule := map[string]map[string][]PriceIssue{}
	for _, p := range issues {
		if byRule[p.Rule] == nil {
			byRule[p.Rule] = map[string][]PriceIssue{}
		}
		byRule[p.Rule][p.File] = append(byRule[p.Rule][p.File], p)
	}
	var head []string
	for _, r := range priceRules {
		head = append(head, fmt.Sprintf("%s=%d", r.name, len(byRule[r.name])))
	}
	out := []string{"price-series checks, files per rule: " + strings.Join(head, " ")}
	for _, r := range priceRules {
		files := byRule[r.name]
		if len(files) == 0 {
			continue
		}
		out = append(out, fmt.Sprintf("  %s (%s): %d files", r.name, r.what, len(files)))
		for _, f := range sortedKeys(files) {
			var ds []string
			for _, p := range files[f] {
				ds = append(ds, p.String())
			}
			if len(ds) > 6 {
				ds = append(ds[:6], fmt.Sprintf("and %d more", len(ds)-6))
			}
			out = append(out, fmt.Sprintf("    %s %s", f, strings.Join(ds, ", ")))
		}
	}
	return out
}
