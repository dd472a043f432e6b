package engine

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/tidwall/gjson"
)

// Month counts calendar months since year 0: year*12 + (month−1). It keys
// the monthly close series of funds.json, which only knows months.
type Month int32

// MonthOf is the month containing t.
func MonthOf(t time.Time) Month { return Month(t.Year()*12 + int(t.Month()) - 1) }

// ParseMonth reads "YYYY-MM".
func ParseMonth(s string) (Month, error) {
	t, err := time.Parse("2006-01", s)
	if err != nil {
		return 0, fmt.Errorf("month %q: want YYYY-MM", s)
	}
	return MonthOf(t), nil
}

// Year is the calendar year of m.
func (m Month) Year() int { return int(m) / 12 }

// String formats m as "YYYY-MM".
func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year(), int(m)%12+1) }

// End is the last calendar day of m (UTC midnight).
func (m Month) End() time.Time {
	return time.Date(m.Year(), time.Month(int(m)%12+1)+1, 0, 0, 0, 0, 0, time.UTC)
}

// ParseDate reads "YYYY-MM-DD" as a UTC date.
func ParseDate(s string) (time.Time, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("date %q: want YYYY-MM-DD", s)
	}
	return t, nil
}

// Fund is one entry of funds.json: descriptive facts (each with the date it
// is valid for) and the monthly adjusted-close series. Unknown numbers are
// NaN, unknown strings "".
type Fund struct {
	Ticker, Name, Issuer, Index, Segment, Style string
	ExpenseRatioPct                             float64 // % a year
	NetAssetsUSD                                float64
	NetAssetsAsOf, Inception, FactsSource       string
	Note                                        string
	// HoldingsCount is the number of holdings the issuer publishes (NaN:
	// not in the data) as of HoldingsCountAsOf; TurnoverPct the published
	// portfolio turnover, % a year (NaN: not in the data), as of the facts
	// source's date.
	HoldingsCount     float64
	HoldingsCountAsOf string
	TurnoverPct       float64
	// FirstMonth is the month of Monthly[0].
	FirstMonth Month
	// Monthly[i] is the adjusted close on the last trading day of month
	// FirstMonth+i; the last entry is the close on LastDate (possibly a
	// partial month). NaN = no close that month. Empty when the fund has no
	// price file (VONE; VTWO before prices/VTWO.csv existed).
	Monthly []float64
	// LastDate is the date of the last close; zero when Monthly is empty.
	LastDate time.Time
}

// Funds is the decoded funds.json body.
type Funds struct {
	AsOf  string
	Funds []Fund
}

// Lookup finds a fund by ticker (case-insensitive).
func (fs *Funds) Lookup(ticker string) (*Fund, bool) {
	for i := range fs.Funds {
		if strings.EqualFold(fs.Funds[i].Ticker, ticker) {
			return &fs.Funds[i], true
		}
	}
	return nil, false
}

// Tickers lists the funds in file order.
func (fs *Funds) Tickers() []string {
	out := make([]string, len(fs.Funds))
	for i, f := range fs.Funds {
		out[i] = f.Ticker
	}
	return out
}

// objectBody checks the envelope as Decode does (envelopeBody) and returns
// the body object. Errors wrap ErrSchema, ErrHash or ErrCorrupt.
func objectBody(b []byte) (gjson.Result, error) {
	raw, err := envelopeBody(b)
	if err != nil {
		return gjson.Result{}, err
	}
	if !gjson.ValidBytes(raw) {
		return gjson.Result{}, fmt.Errorf("%w: body is not valid JSON", ErrCorrupt)
	}
	body := gjson.ParseBytes(raw)
	if !body.IsObject() {
		return gjson.Result{}, fmt.Errorf("%w: body is not an object", ErrCorrupt)
	}
	return body, nil
}

// DecodeFunds reads a funds.json snapshot (kind "funds", data/SNAPSHOT.md).
// A wrong schema, a hash mismatch, a wrong kind or a malformed fund entry is
// an error; unknown facts stay NaN or "".
func DecodeFunds(b []byte) (*Funds, error) {
	body, err := objectBody(b)
	if err != nil {
		return nil, err
	}
	if k := body.Get("kind").String(); k != "funds" {
		return nil, fmt.Errorf("%w: kind %q, want \"funds\"", ErrCorrupt, k)
	}
	arr := body.Get("funds")
	if !arr.IsArray() {
		return nil, fmt.Errorf("%w: funds snapshot has no funds array", ErrCorrupt)
	}
	fs := &Funds{AsOf: body.Get("asof").String()}
	var ferr error
	arr.ForEach(func(_, v gjson.Result) bool {
		f, err := decodeFund(v)
		if err != nil {
			ferr = err
			return false
		}
		fs.Funds = append(fs.Funds, f)
		return true
	})
	if ferr != nil {
		return nil, ferr
	}
	return fs, nil
}

func decodeFund(v gjson.Result) (Fund, error) {
	f := Fund{
		Ticker:          v.Get("ticker").String(),
		Name:            v.Get("name").String(),
		Issuer:          v.Get("issuer").String(),
		Index:           v.Get("index").String(),
		Segment:         v.Get("segment").String(),
		Style:           v.Get("style").String(),
		ExpenseRatioPct: numOrNaN(v.Get("expense_ratio_pct")),
		NetAssetsUSD:    numOrNaN(v.Get("net_assets_usd")),
		NetAssetsAsOf:   v.Get("net_assets_as_of").String(),
		Inception:       v.Get("inception").String(),
		FactsSource:     v.Get("facts_source").String(),
		Note:            v.Get("note").String(),

		HoldingsCount:     numOrNaN(v.Get("holdings_count")),
		HoldingsCountAsOf: v.Get("holdings_count_as_of").String(),
		TurnoverPct:       numOrNaN(v.Get("turnover_pct")),
	}
	if f.Ticker == "" {
		return f, fmt.Errorf("%w: a fund has no ticker", ErrCorrupt)
	}
	mon := v.Get("monthly")
	if !mon.IsArray() {
		return f, fmt.Errorf("%w: fund %s: monthly is not an array", ErrCorrupt, f.Ticker)
	}
	mon.ForEach(func(_, x gjson.Result) bool {
		p := numOrNaN(x)
		if !(p > 0) || math.IsInf(p, 0) {
			p = math.NaN() // a non-positive close is not a price
		}
		f.Monthly = append(f.Monthly, p)
		return true
	})
	if len(f.Monthly) == 0 {
		return f, nil
	}
	fm, err := ParseMonth(v.Get("first_month").String())
	if err != nil {
		return f, fmt.Errorf("%w: fund %s: first_month: %v", ErrCorrupt, f.Ticker, err)
	}
	f.FirstMonth = fm
	ld, err := ParseDate(v.Get("last_date").String())
	if err != nil {
		return f, fmt.Errorf("%w: fund %s: last_date: %v", ErrCorrupt, f.Ticker, err)
	}
	if MonthOf(ld) != fm+Month(len(f.Monthly)-1) {
		return f, fmt.Errorf("%w: fund %s: last_date %s is not in the month of the last close (%s)", ErrCorrupt, f.Ticker, ld.Format(time.DateOnly), (fm + Month(len(f.Monthly)-1)).String())
	}
	f.LastDate = ld
	return f, nil
}

// numOrNaN is the JSON number, or NaN for null/absent/non-numbers.
func numOrNaN(r gjson.Result) float64 {
	if r.Type != gjson.Number {
		return math.NaN()
	}
	return r.Float()
}
