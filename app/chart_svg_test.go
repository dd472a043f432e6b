package main

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestNiceTicksCoverRangeWithRoundSteps(t *testing.T) {
	for _, c := range []struct{ lo, hi float64 }{
		{-1.17, 0.3}, {0, 1.57}, {0.02, 0.021}, {-3, -1}, {5, 5}, {0, 0}, {-0.05, 2300},
	} {
		ticks := niceTicks(c.lo, c.hi, 5)
		if len(ticks) < 2 || ticks[0] > c.lo || ticks[len(ticks)-1] < c.hi {
			t.Errorf("[%v, %v]: ticks %v do not cover the range", c.lo, c.hi, ticks)
			continue
		}
		step := ticks[1] - ticks[0]
		m := step / math.Pow(10, math.Floor(math.Log10(step)))
		if !(math.Abs(m-1) < 1e-9 || math.Abs(m-2) < 1e-9 || math.Abs(m-5) < 1e-9) {
			t.Errorf("[%v, %v]: step %v is not 1, 2 or 5 × 10^k", c.lo, c.hi, step)
		}
		if len(ticks) > 12 {
			t.Errorf("[%v, %v]: %d ticks", c.lo, c.hi, len(ticks))
		}
		if c.lo < 0 && c.hi > 0 {
			found := false
			for _, v := range ticks {
				found = found || v == 0
			}
			if !found {
				t.Errorf("[%v, %v]: no tick at exactly 0 in %v", c.lo, c.hi, ticks)
			}
		}
	}
}

func TestLinePathBreaksAtMissingValues(t *testing.T) {
	x := pointScale(5, 0, 400)
	y := linearScale{0, 1, 100, 0}
	d := linePath([]float64{0, 0.5, math.NaN(), 1, 0.25}, x, y)
	if got := strings.Count(d, "M"); got != 2 {
		t.Errorf("path %q has %d segments, want 2 (the NaN breaks the line)", d, got)
	}
	if strings.Contains(d, "NaN") {
		t.Errorf("path %q draws a NaN", d)
	}
	if d := linePath([]float64{math.NaN()}, x, y); d != "" {
		t.Errorf("all-missing path %q, want none", d)
	}
}

var (
	rectRe = regexp.MustCompile(`<rect [^>]*>`)
	attrRe = regexp.MustCompile(`([a-z-]+)="([^"]*)"`)
)

// svgRects returns the attributes of every <rect> (go-app writes them in
// map order).
func svgRects(html string) []map[string]string {
	var out []map[string]string
	for _, tag := range rectRe.FindAllString(html, -1) {
		m := map[string]string{}
		for _, a := range attrRe.FindAllStringSubmatch(tag, -1) {
			m[a[1]] = a[2]
		}
		out = append(out, m)
	}
	return out
}

// Negative bars hang below the zero line, positive ones stand on it, and
// a missing value draws no bar.
func TestBarChartNegativeValues(t *testing.T) {
	c := BarChart{Title: "t", Width: 400, Height: 200, Labels: []string{"a", "b", "c"}, SignColors: true,
		Series: []ChartSeries{{Name: "s", Values: []float64{0.3, -0.6, math.NaN()}}}}
	bars := svgRects(c.HTML())
	if len(bars) != 2 {
		t.Fatalf("%d bars, want 2 (NaN draws none): %v", len(bars), bars)
	}
	num := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
	posTop, posH := num(bars[0]["y"]), num(bars[0]["height"])
	negTop, negH := num(bars[1]["y"]), num(bars[1]["height"])
	zero := posTop + posH
	if math.Abs(negTop-zero) > 0.11 {
		t.Errorf("negative bar starts at y=%v, zero line at %v", negTop, zero)
	}
	if r := negH / posH; math.Abs(r-2) > 0.02 {
		t.Errorf("bar heights %v and %v, want ratio 2 (|−0.6| / 0.3)", negH, posH)
	}
	if bars[0]["class"] != "bar pos" || bars[1]["class"] != "bar neg" {
		t.Errorf("classes %q %q, want bar pos and bar neg", bars[0]["class"], bars[1]["class"])
	}
}

func TestChartsWithoutDataSayMissing(t *testing.T) {
	for _, html := range []string{
		LineChart{Title: "t", XLabels: []string{"a"}, Series: []ChartSeries{{Values: []float64{math.NaN()}}}}.HTML(),
		BarChart{Title: "t"}.HTML(),
	} {
		if !strings.Contains(html, missingText) || strings.Contains(html, "NaN") {
			t.Errorf("empty chart: %s", html)
		}
	}
}
