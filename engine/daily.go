package engine

import (
	"fmt"
	"math"
	"time"

	"screener/data/schema"

	"github.com/tidwall/gjson"
)

// Day is a calendar date as days since 1970-01-01 (UTC).
type Day int32

// DayOf is t's calendar date.
func DayOf(t time.Time) Day {
	return Day(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// ParseDay reads "YYYY-MM-DD".
func ParseDay(s string) (Day, error) {
	t, err := ParseDate(s)
	if err != nil {
		return 0, err
	}
	return DayOf(t), nil
}

// Time is the date at 00:00 UTC.
func (d Day) Time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// String is "YYYY-MM-DD".
func (d Day) String() string { return d.Time().Format(time.DateOnly) }

// DailySeries is one ticker of daily.json: Close has one value per day of
// the file's axis, NaN before the series starts and on days it has no
// close.
type DailySeries struct {
	Ticker, File string
	Close        []float64
}

// DailyPrices is a decoded daily.json (kind "daily"): daily adjusted
// closes on one shared date axis, ascending.
type DailyPrices struct {
	AsOf, Start, Adjusted string
	Days                  []Day
	Series                []DailySeries
}

// Lookup is the series of ticker.
func (dp *DailyPrices) Lookup(ticker string) (*DailySeries, bool) {
	for i := range dp.Series {
		if normTicker(dp.Series[i].Ticker) == normTicker(ticker) {
			return &dp.Series[i], true
		}
	}
	return nil, false
}

// maxDailyDays bounds the axis (about 400 years of trading days) so a
// hostile file cannot make the decoder allocate without limit.
const maxDailyDays = 100_000

// DecodeDaily reads a daily.json snapshot. The format (written by the
// builder): "start" (YYYY-MM-DD), "scale" (closes are whole multiples of
// 1/scale), "days" (day offsets: the first from start, each next one the
// gap from the previous day, every gap ≥ 1), and "series", each with
// "ticker", "file", "first" (axis index of its first close) and "close":
// one entry per axis day from first, each the change of round(close ×
// scale) from the last close written, null for a day without a close.
// Every close must come out positive. Errors wrap ErrSchema, ErrHash or
// ErrCorrupt; it never panics.
func DecodeDaily(b []byte) (*DailyPrices, error) {
	body, err := objectBody(b)
	if err != nil {
		return nil, err
	}
	if k := body.Get("kind").String(); k != schema.KindDaily {
		return nil, fmt.Errorf("%w: kind %q, want %q", ErrCorrupt, k, schema.KindDaily)
	}
	dp := &DailyPrices{AsOf: body.Get("asof").String(), Adjusted: body.Get("adjusted").String()}
	start := body.Get("start")
	d0, err := ParseDay(start.String())
	if start.Type != gjson.String || err != nil {
		return nil, fmt.Errorf("%w: daily \"start\" is not a YYYY-MM-DD date", ErrCorrupt)
	}
	dp.Start = start.Str
	sc := body.Get("scale")
	if sc.Type != gjson.Number || sc.Num < 1 || sc.Num > 1e9 || sc.Num != math.Trunc(sc.Num) {
		return nil, fmt.Errorf("%w: daily \"scale\" is %s, want a whole number in 1..1e9", ErrCorrupt, sc.Raw)
	}
	scale := sc.Num
	days := body.Get("days")
	if !days.IsArray() {
		return nil, fmt.Errorf("%w: daily has no \"days\" array", ErrCorrupt)
	}
	cur := d0
	days.ForEach(func(_, v gjson.Result) bool {
		g, ok := wholeIn(v, 0, 366*100)
		if !ok || (len(dp.Days) > 0 && g < 1) || len(dp.Days) >= maxDailyDays {
			err = fmt.Errorf("%w: days[%d] is %s, want a whole gap of at least 1 day", ErrCorrupt, len(dp.Days), v.Raw)
			return false
		}
		cur += Day(g)
		dp.Days = append(dp.Days, cur)
		return true
	})
	if err != nil {
		return nil, err
	}
	n := len(dp.Days)
	series := body.Get("series")
	if !series.IsArray() {
		return nil, fmt.Errorf("%w: daily has no \"series\" array", ErrCorrupt)
	}
	series.ForEach(func(_, v gjson.Result) bool {
		var s DailySeries
		s, err = decodeDailySeries(v, n, scale)
		if err == nil {
			for _, o := range dp.Series {
				if normTicker(o.Ticker) == normTicker(s.Ticker) {
					err = fmt.Errorf("%w: daily series %q appears twice", ErrCorrupt, s.Ticker)
				}
			}
		}
		dp.Series = append(dp.Series, s)
		return err == nil
	})
	if err != nil {
		return nil, err
	}
	return dp, nil
}

// decodeDailySeries reads one entry of "series" over an axis of n days.
func decodeDailySeries(v gjson.Result, n int, scale float64) (DailySeries, error) {
	s := DailySeries{Ticker: v.Get("ticker").String(), File: v.Get("file").String()}
	if !v.IsObject() || s.Ticker == "" {
		return s, fmt.Errorf("%w: a daily series has no ticker", ErrCorrupt)
	}
	first, ok := wholeIn(v.Get("first"), 0, int64(n))
	if !ok {
		return s, fmt.Errorf("%w: daily %s: \"first\" is %s, want 0..%d", ErrCorrupt, s.Ticker, v.Get("first").Raw, n)
	}
	cl := v.Get("close")
	if !cl.IsArray() {
		return s, fmt.Errorf("%w: daily %s has no \"close\" array", ErrCorrupt, s.Ticker)
	}
	s.Close = nanFloats(n)
	i := int(first)
	var last int64
	var err error
	cl.ForEach(func(_, e gjson.Result) bool {
		if i >= n {
			err = fmt.Errorf("%w: daily %s has more closes than days", ErrCorrupt, s.Ticker)
			return false
		}
		if e.Type != gjson.Null {
			d, ok := wholeIn(e, -1e15, 1e15)
			if !ok || last+d <= 0 {
				err = fmt.Errorf("%w: daily %s: close[%d] is %s, want a whole change leaving a positive close", ErrCorrupt, s.Ticker, i-int(first), e.Raw)
				return false
			}
			last += d
			s.Close[i] = float64(last) / scale
		}
		i++
		return true
	})
	if err == nil && i != n {
		err = fmt.Errorf("%w: daily %s has %d closes from day %d, want %d", ErrCorrupt, s.Ticker, i-int(first), first, n-int(first))
	}
	return s, err
}
