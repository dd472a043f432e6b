package data

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
)

// series is one ticker's daily adjusted closes, ascending by date.
type series struct {
	ticker string
	days   []Day
	close  []float64
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
// the adjustment, so this is a total return); NaN if either price is missing.
func (s *series) totalReturn(from, to Day) float64 {
	a, ok1 := s.at(from)
	b, ok2 := s.at(to)
	if !ok1 || !ok2 {
		return math.NaN()
	}
	return b/a - 1
}

// trendWindow is the moving-average length of the trend metric.
const trendWindow = 200

// trend is P(d) / mean of the last 200 closes up to d (the 200-day moving
// average rule of trend followers); NaN with fewer than 200 closes.
func (s *series) trend(d Day) float64 {
	p, ok := s.at(d)
	if !ok {
		return math.NaN()
	}
	i := s.idx(d)
	if i+1 < trendWindow {
		return math.NaN()
	}
	sum := 0.0
	for _, c := range s.close[i+1-trendWindow : i+1] {
		sum += c
	}
	return p / (sum / trendWindow)
}

func (s *series) last() Day {
	if s == nil || len(s.days) == 0 {
		return 0
	}
	return s.days[len(s.days)-1]
}

// parsePriceFile reads prices/<TICKER>.csv (Date, Close by header name).
// Rows with a bad date, a non-positive or non-finite close, or a date not
// after the previous row are skipped and counted.
func parsePriceFile(path string) (*series, Counts) {
	var c Counts
	content, err := os.ReadFile(path)
	if err != nil {
		c.UnreadFiles = append(c.UnreadFiles, relName(path))
		return nil, c
	}
	return parsePriceContent(relName(path), strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)), content)
}

// parsePriceContent parses the bytes of one price file of ticker; name is
// used in reports.
func parsePriceContent(name, ticker string, content []byte) (*series, Counts) {
	var c Counts
	h, ok := c.header(name, content, ',', "Date", "Close")
	if !ok {
		return nil, c
	}
	di, ci := h.col("Date"), h.col("Close")
	s := &series{ticker: ticker}
	n := len(content) / 18
	s.days = make([]Day, 0, n)
	s.close = make([]float64, 0, n)
	forEachRow(content, ',', h, &c, nil, func(fields []string) {
		d, ok := parseDay(fields[di])
		v, st := parseNumber(fields[ci])
		if st == numNonFinite {
			c.CellsNonFinite++
		}
		if !ok || st != numOK || v <= 0 || (len(s.days) > 0 && d <= s.days[len(s.days)-1]) {
			c.RowsMalformed++
			return
		}
		s.days = append(s.days, d)
		s.close = append(s.close, v)
	})
	if len(s.days) == 0 {
		return nil, c
	}
	return s, c
}

// Prices is every price file, by file ticker and by tickerKey.
type Prices struct {
	byKey  map[string]*series
	all    []*series // sorted by ticker
	counts Counts
	last   Day // latest date in any file
}

func loadPrices(dir string, workers int) (*Prices, error) {
	paths, err := listCSV(dir)
	if err != nil {
		return nil, fmt.Errorf("price directory %s: %w", dir, err)
	}
	res := make([]*series, len(paths))
	cs := make([]Counts, len(paths))
	parallelFor(len(paths), workers, func(i int) { res[i], cs[i] = parsePriceFile(paths[i]) })
	p := &Prices{byKey: map[string]*series{}}
	for i, s := range res {
		p.counts.add(cs[i])
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
