package data

import (
	"fmt"
	"math"
	"sort"
	"strconv"

	"screener/data/schema"
)

// dailyTickers are the series of daily.json: the funds the articles'
// claims compare (Russell 2000, S&P 600, Russell 1000, S&P 500,
// Nasdaq-100, Russell 3000, total market), then two stocks one claim
// names by ticker.
var dailyTickers = []string{"IWM", "IJR", "IWB", "SPY", "QQQ", "IWV", "VTI", "VOO", "ALAB", "OKLO"}

// dailyStart is the first day of daily.json's date axis: the Russell
// funds start in May 2000, so earlier closes (SPY, QQQ) compare nothing.
const dailyStart = "2000-01-01"

// dailyScale: closes are written as whole multiples of 1/dailyScale USD
// (0.0001), below the 6-significant-digit rounding of every close since
// 2000 that is at least 10 USD.
const dailyScale = 10000

// buildDaily writes daily.json's body:
//
//	{"kind":"daily","asof":last date,"start":"2000-01-01","scale":10000,
//	 "adjusted":"…","days":[d0,d1−d0,…],"series":[{"ticker":"IWM",
//	 "file":"prices/IWM.csv","first":i,"close":[c0,c1−c0,…]},…]}
//
// "days" are the union of the series' dates from dailyStart, as day
// offsets from "start", each written as the gap from the previous one.
// A series starts at axis index "first"; its "close" holds one value per
// axis day from there, each scaled close (round(close·scale)) written as
// the change from the previous one, null on a day the series has no
// close (the next value is then relative to the last close written).
// Missing tickers are left out and counted in the notes.
func buildDaily(prices *Prices) (body []byte, asof Day, notes []string) {
	start := mustDay(dailyStart)
	var ss []*series
	for _, t := range dailyTickers {
		s := prices.byKey[tickerKey(t)]
		if s == nil || len(s.days) == 0 {
			notes = append(notes, "daily.json: no price file for "+t)
			continue
		}
		ss = append(ss, s)
	}
	seen := map[Day]bool{}
	var axis []Day
	for _, s := range ss {
		for _, d := range s.days {
			if d >= start && !seen[d] {
				seen[d] = true
				axis = append(axis, d)
			}
		}
	}
	sort.Slice(axis, func(i, j int) bool { return axis[i] < axis[j] })
	if len(axis) > 0 {
		asof = axis[len(axis)-1]
	}
	pos := make(map[Day]int, len(axis))
	for i, d := range axis {
		pos[d] = i
	}
	var w jsonWriter
	w.raw(`{"kind":`)
	w.str(schema.KindDaily)
	w.raw(`,"asof":`)
	w.str(asof.String())
	w.raw(`,"start":`)
	w.str(dailyStart)
	w.raw(`,"scale":` + strconv.Itoa(dailyScale))
	w.raw(`,"adjusted":`)
	w.str("dividend- and split-adjusted closes (total-return style), rounded to 6 significant digits by the source")
	w.raw(`,"days":[`)
	prev := start
	for i, d := range axis {
		if i > 0 {
			w.raw(",")
		}
		w.raw(strconv.Itoa(int(d - prev)))
		prev = d
	}
	w.raw(`],"series":[`)
	for si, s := range ss {
		if si > 0 {
			w.raw(",")
		}
		first := -1
		closes := make([]float64, len(axis))
		for i := range closes {
			closes[i] = math.NaN()
		}
		for j, d := range s.days {
			if i, ok := pos[d]; ok {
				closes[i] = s.close[j]
				if first < 0 || i < first {
					first = i
				}
			}
		}
		if first < 0 {
			first = len(axis)
		}
		w.raw(`{"ticker":`)
		w.str(s.ticker)
		w.raw(`,"file":`)
		w.str(s.file)
		w.raw(`,"first":` + strconv.Itoa(first) + `,"close":[`)
		var last int64
		for i := first; i < len(axis); i++ {
			if i > first {
				w.raw(",")
			}
			if math.IsNaN(closes[i]) {
				w.raw("null")
				continue
			}
			v := int64(math.Round(closes[i] * dailyScale))
			w.raw(strconv.FormatInt(v-last, 10))
			last = v
		}
		w.raw("]}")
		if len(s.glitches) > 0 {
			notes = append(notes, fmt.Sprintf("daily.json: %s has %d glitch stretch(es) flagged by the price checks; closes written as the file has them", s.file, len(s.glitches)))
		}
	}
	w.raw("]}")
	return w.Bytes(), asof, notes
}
