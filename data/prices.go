package data

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// series is one ticker's daily adjusted closes, ascending by date, with
// the glitch stretches the price checks found in its file (pricecheck.go).
type series struct {
	ticker   string
	file     string // e.g. "prices/GORO.csv", for reports
	days     []Day
	close    []float64
	glitches []glitch // ascending by from
}

// maxStale is how many days the last close on or before a date may lag it
// and still count as the price on that date (holidays, trading halts);
// beyond it the stock was not trading.
const maxStale = 10

// idx is the index of the last close on or before d, or -1.
func (s *series) idx(d Day) int {
	lo, hi := 0, len(s.days) // first index with day > d
	for lo < hi {
		m := (lo + hi) / 2
		if s.days[m] <= d {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo - 1
}

// at is the last close on or before d, if it is at most maxStale days old.
func (s *series) at(d Day) (float64, bool) {
	if s == nil {
		return math.NaN(), false
	}
	i := s.idx(d)
	if i < 0 || int(d-s.days[i]) > maxStale {
		return math.NaN(), false
	}
	return s.close[i], true
}

// totalReturn is P(to)/P(from) − 1 from adjusted closes (dividends are in
// the adjustment, so this is a total return); NaN if either price is
// missing. It ignores the price checks: the readers below apply them.
func (s *series) totalReturn(from, to Day) float64 {
	a, ok1 := s.at(from)
	b, ok2 := s.at(to)
	if !ok1 || !ok2 {
		return math.NaN()
	}
	return b/a - 1
}

// atIdx is the index of the close that at(d) returns, or -1.
func (s *series) atIdx(d Day) int {
	if s == nil {
		return -1
	}
	i := s.idx(d)
	if i < 0 || int(d-s.days[i]) > maxStale {
		return -1
	}
	return i
}

// price is the close on d (as at) unless a glitch covers that close:
// then NaN and the glitch.
func (s *series) price(d Day) (float64, *glitch) {
	i := s.atIdx(d)
	if i < 0 {
		return math.NaN(), nil
	}
	if g := s.glitchAt(s.days[i]); g != nil {
		return math.NaN(), g
	}
	return s.close[i], nil
}

// ret is the total return from the close on `from` to the close on `to`,
// NaN (with the glitch) when a glitch stretch lies on or between them.
// With toLast, a series that ended before `to` (the company stopped
// trading, or its file ends) earns its return to its last close: last is
// then true. Without a close on `from`, or with a gap (not an end) at
// `to`, the return is NaN.
func (s *series) ret(from, to Day, toLast bool) (v float64, g *glitch, last bool) {
	i0 := s.atIdx(from)
	if i0 < 0 {
		return math.NaN(), nil, false
	}
	i1 := s.atIdx(to)
	if i1 < 0 {
		n := len(s.days) - 1
		if !toLast || s.days[n] >= to {
			return math.NaN(), nil, false
		}
		i1, last = n, true
	}
	if g := s.glitchOver(i0, i1); g != nil {
		return math.NaN(), g, false
	}
	return s.close[i1]/s.close[i0] - 1, nil, last
}

// trendWindow is the moving-average length of the trend metric.
const trendWindow = 200

// trend is P(d) / mean of the last 200 closes up to d (the 200-day moving
// average rule of trend followers); NaN with fewer than 200 closes, and
// NaN with the glitch when a glitch stretch lies in the window.
func (s *series) trend(d Day) (float64, *glitch) {
	i := s.atIdx(d)
	if i < 0 || i+1 < trendWindow {
		return math.NaN(), nil
	}
	if g := s.glitchOver(i+1-trendWindow, i); g != nil {
		return math.NaN(), g
	}
	sum := 0.0
	for _, c := range s.close[i+1-trendWindow : i+1] {
		sum += c
	}
	return s.close[i] / (sum / trendWindow), nil
}

func (s *series) last() Day {
	if s == nil || len(s.days) == 0 {
		return 0
	}
	return s.days[len(s.days)-1]
}

// parsePriceFile reads prices/<TICKER>.csv (Date, Close by header name).
// Rows with a bad date or a non-finite close are skipped and counted;
// the rest go through the price checks (cleanRows, checkCloses).
func parsePriceFile(path string) (*series, Counts, []PriceIssue) {
	content, err := os.ReadFile(path)
	if err != nil {
		return nil, Counts{UnreadFiles: []string{relName(path)}}, nil
	}
	return parsePriceContent(relName(path), strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)), content)
}

// parsePriceContent parses the bytes of one price file of ticker; name is
// used in reports. Rows out of date order are sorted; duplicate dates
// and non-positive closes are dropped and counted as malformed rows (as
// are unreadable rows); every finding is a PriceIssue and, where the
// closes around it cannot be trusted, a glitch of the series.
func parsePriceContent(name, ticker string, content []byte) (*series, Counts, []PriceIssue) {
	var c Counts
	h, ok := c.header(name, content, ',', "Date", "Close")
	if !ok {
		return nil, c, nil
	}
	di, ci := h.col("Date"), h.col("Close")
	rows := make([]priceRow, 0, len(content)/18)
	forEachRow(content, ',', h, &c, nil, func(fields []string) {
		d, ok := parseDay(fields[di])
		v, st := parseNumber(fields[ci])
		if st == numNonFinite {
			c.CellsNonFinite++
		}
		if !ok || st != numOK {
			c.RowsMalformed++
			return
		}
		rows = append(rows, priceRow{d, v})
	})
	days, closes, issues, gl, dropped := cleanRows(name, rows)
	c.RowsMalformed += dropped
	if len(days) == 0 {
		return nil, c, issues
	}
	more, gl2 := checkCloses(name, days, closes)
	issues = append(issues, more...)
	gl = append(gl, gl2...)
	sort.SliceStable(gl, func(i, j int) bool { return gl[i].from < gl[j].from })
	return &series{ticker: ticker, file: name, days: days, close: closes, glitches: gl}, c, issues
}

// Prices is every price file of one folder, by file ticker and by tickerKey.
type Prices struct {
	byKey  map[string]*series
	all    []*series // sorted by ticker
	counts Counts
	issues []PriceIssue
	last   Day // latest date in any file
}

func loadPrices(dir string, workers int) (*Prices, error) {
	paths, err := listCSV(dir)
	if err != nil {
		return nil, fmt.Errorf("price directory %s: %w", dir, err)
	}
	res := make([]*series, len(paths))
	cs := make([]Counts, len(paths))
	is := make([][]PriceIssue, len(paths))
	parallelFor(len(paths), workers, func(i int) { res[i], cs[i], is[i] = parsePriceFile(paths[i]) })
	p := &Prices{byKey: map[string]*series{}}
	for i, s := range res {
		p.counts.add(cs[i])
		p.issues = append(p.issues, is[i]...)
		if s == nil {
			continue
		}
		k := tickerKey(s.ticker)
		if _, dup := p.byKey[k]; dup {
			continue // first in file-name order wins
		}
		p.byKey[k] = s
		p.all = append(p.all, s)
		if s.last() > p.last {
			p.last = s.last()
		}
	}
	return p, nil
}
