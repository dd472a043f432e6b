package engine

import (
	"math"
	"reflect"
	"strconv"
)

// fixtureSnapshot is a hand-built snapshot of n rows with every numeric
// column missing (NaN), tickers T000…, one sector; tests set what they use.
func fixtureSnapshot(kind string, n int) *Snapshot {
	s := &Snapshot{Kind: kind, AsOf: "2024-06-30", FwdLastDate: "2026-08-03", N: n,
		Sectors: []string{"Industrials", "Financials", "Health Care"}}
	v := reflect.ValueOf(s).Elem()
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		if !f.CanSet() || f.Kind() != reflect.Slice {
			continue
		}
		switch f.Type().Elem().Kind() {
		case reflect.Float64:
			col := make([]float64, n)
			for k := range col {
				col[k] = math.NaN()
			}
			f.Set(reflect.ValueOf(col))
		case reflect.Int32, reflect.Int8, reflect.Uint32, reflect.Uint8, reflect.Bool:
			f.Set(reflect.MakeSlice(f.Type(), n, n))
		}
	}
	s.Ticker, s.Name = make([]string, n), make([]string, n)
	for i := range s.Ticker {
		s.Ticker[i] = "T" + strconv.Itoa(1000 + i)[1:]
		s.Name[i] = "Company " + s.Ticker[i]
	}
	return s
}
