package engine

import (
	"errors"
	"math"
	"os"
	"strings"
	"testing"
	"time"

	"screener/data/schema"
)

func loadFundsFixture(t *testing.T) *Funds {
	t.Helper()
	body, err := os.ReadFile("testdata/funds-body.json")
	if err != nil {
		t.Fatal(err)
	}
	body = []byte(strings.TrimSpace(string(body)))
	env := string(schema.Envelope(body))
	fs, err := DecodeFunds([]byte(env))
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

func isoDay(s string) time.Time {
	t, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return t
}

func closeTo(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestDecodeFunds(t *testing.T) {
	fs := loadFundsFixture(t)
	if len(fs.Funds) != 2 {
		t.Fatalf("funds = %d, want 2", len(fs.Funds))
	}
	a, ok := fs.Lookup("aaa")
	if !ok || a.ExpenseRatioPct != 0.19 || a.FirstMonth.String() != "2019-06" || len(a.Monthly) != 26 {
		t.Fatalf("AAA decoded wrong: %+v", a)
	}
	if !math.IsNaN(a.Monthly[2]) {
		t.Errorf("null close must stay missing, got %v", a.Monthly[2])
	}
	if a.HoldingsCount != 2009 || a.HoldingsCountAsOf != "2025-06-30" || a.TurnoverPct != 12.5 {
		t.Errorf("AAA published facts: %v holdings as of %q, turnover %v", a.HoldingsCount, a.HoldingsCountAsOf, a.TurnoverPct)
	}
	b, _ := fs.Lookup("BBB")
	if !math.IsNaN(b.ExpenseRatioPct) || !math.IsNaN(b.NetAssetsUSD) || len(b.Monthly) != 0 || !math.IsNaN(b.HoldingsCount) || !math.IsNaN(b.TurnoverPct) {
		t.Errorf("BBB unknowns must be NaN/empty: %+v", b)
	}
}

func TestDecodeFundsRejectsBadInput(t *testing.T) {
	body := `{"kind":"funds","asof":"x","funds":[]}`
	good := string(schema.Envelope([]byte(body)))
	if _, err := DecodeFunds([]byte(good)); err != nil {
		t.Fatalf("minimal valid file rejected: %v", err)
	}
	cases := map[string]struct {
		in   string
		want error
	}{
		"empty":     {"", ErrCorrupt},
		"truncated": {good[:len(good)-10], ErrCorrupt},
		"schema":    {strings.Replace(good, `"schema":1`, `"schema":2`, 1), ErrSchema},
		"hash":      {strings.Replace(good, `"asof":"x"`, `"asof":"y"`, 1), ErrHash},
		"kind": {func() string {
			b := `{"kind":"current","funds":[]}`
			return string(schema.Envelope([]byte(b)))
		}(), ErrCorrupt},
		"bad month": {func() string {
			b := `{"kind":"funds","funds":[{"ticker":"A","first_month":"2020-13","monthly":[1,2],"last_date":"2020-02-03"}]}`
			return string(schema.Envelope([]byte(b)))
		}(), ErrCorrupt},
		"last date outside last month": {func() string {
			b := `{"kind":"funds","funds":[{"ticker":"A","first_month":"2020-01","monthly":[1,2],"last_date":"2020-05-03"}]}`
			return string(schema.Envelope([]byte(b)))
		}(), ErrCorrupt},
	}
	for name, c := range cases {
		_, err := DecodeFunds([]byte(c.in))
		if name == "truncated" && errors.Is(err, ErrHash) {
			continue // a cut body no longer matches its hash: also a clear refusal
		}
		if !errors.Is(err, c.want) {
			t.Errorf("%s: err = %v, want %v", name, err, c.want)
		}
	}
}

// 2019-06-30 → 2021-06-30 spans 2020-02-29: 731 days but exactly two
// years, so a doubling is √2 − 1 = 41.421% a year (731/365 would give
// 41.37%).
func TestAnnualisedReturnAcrossLeapYear(t *testing.T) {
	if y := YearFraction(isoDay("2019-06-30"), isoDay("2021-06-30")); y != 2 {
		t.Fatalf("YearFraction = %v, want exactly 2", y)
	}
	if y := YearFraction(isoDay("2020-01-01"), isoDay("2020-07-01")); !closeTo(y, 182.0/366, 1e-12) {
		t.Errorf("half of leap year 2020 = %v, want 182/366", y)
	}
	fs := loadFundsFixture(t)
	a, _ := fs.Lookup("AAA")
	tr := TrailingReturns(a, isoDay("2021-06-30"), []int{1, 2, 3})
	if !closeTo(tr[1].Annualised, math.Sqrt2-1, 1e-12) || tr[1].From != isoDay("2019-06-30") || tr[1].To != isoDay("2021-06-30") {
		t.Errorf("2-year = %+v, want √2−1 from 2019-06-30", tr[1])
	}
	if !closeTo(tr[0].Annualised, 200.0/130-1, 1e-12) {
		t.Errorf("1-year = %v, want %v", tr[0].Annualised, 200.0/130-1)
	}
	if tr[0].Short || tr[1].Short || !tr[2].Short {
		t.Errorf("Short = %v %v %v, want only the 3-year window before the first close", tr[0].Short, tr[1].Short, tr[2].Short)
	}
	if !math.IsNaN(tr[2].Annualised) {
		t.Errorf("3-year on a 2-year-old fund = %v, want NaN", tr[2].Annualised)
	}
}

func TestMaxDrawdown(t *testing.T) {
	fs := loadFundsFixture(t)
	a, _ := fs.Lookup("AAA")
	dd := MaxDrawdown(a, isoDay("2019-01-01"), isoDay("2021-12-31"))
	// Peak 120 (2019-09), trough 60 (2019-11): a 50% fall; the later
	// 240 → 200 fall (16.7%) is smaller.
	if !closeTo(dd.Depth, 0.5, 1e-12) || dd.Peak != isoDay("2019-09-30") || dd.Trough != isoDay("2019-11-30") {
		t.Errorf("drawdown = %+v, want 50%% from 2019-09-30 to 2019-11-30", dd)
	}
	dd = MaxDrawdown(a, isoDay("2020-01-01"), isoDay("2021-12-31"))
	if !closeTo(dd.Depth, 1-200.0/240, 1e-12) {
		t.Errorf("drawdown since 2020 = %v, want %v", dd.Depth, 1-200.0/240)
	}
}

func TestCalendarYearsGrowthVolatility(t *testing.T) {
	fs := loadFundsFixture(t)
	a, _ := fs.Lookup("AAA")
	ys := CalendarYearReturns(a, isoDay("2021-07-15"))
	if len(ys) != 3 {
		t.Fatalf("years = %+v", ys)
	}
	if !ys[0].Partial || !closeTo(ys[0].Return, 0.3, 1e-12) {
		t.Errorf("2019 (from inception) = %+v, want partial +30%%", ys[0])
	}
	if ys[1].Partial || !closeTo(ys[1].Return, 190.0/130-1, 1e-12) {
		t.Errorf("2020 = %+v, want %v", ys[1], 190.0/130-1)
	}
	if !ys[2].Partial || !closeTo(ys[2].Return, 201.0/190-1, 1e-12) {
		t.Errorf("2021 YTD = %+v", ys[2])
	}
	g := GrowthOf(a, isoDay("2020-06-30"), isoDay("2021-06-30"), 10000)
	if len(g) != 13 || g[0].Value != 10000 || !closeTo(g[12].Value, 10000*200.0/130, 1e-9) {
		t.Errorf("growth of 10k = %v", g)
	}
	// The partial July 2021 (close on the 15th) is not a monthly return.
	rs := MonthlyReturns(a, isoDay("2019-01-01"), isoDay("2021-12-31"))
	if _, ok := rs[MonthOf(isoDay("2021-07-15"))]; ok {
		t.Error("partial last month counted as a monthly return")
	}
	if _, ok := rs[MonthOf(isoDay("2019-09-30"))]; ok {
		t.Error("return across a missing close counted")
	}
	if v := Volatility(a, isoDay("2019-01-01"), isoDay("2021-12-31")); !(v > 0) {
		t.Errorf("volatility = %v", v)
	}
}

func TestCorrelationMatrix(t *testing.T) {
	mk := func(ps ...float64) *Fund {
		return &Fund{FirstMonth: MonthOf(isoDay("2020-01-31")), Monthly: ps, LastDate: MonthOf(isoDay("2020-01-31")).End().AddDate(0, len(ps)-1, 0)}
	}
	a := mk(100, 110, 99, 120, 114)
	// b's monthly returns are exactly twice a's: correlation 1.
	b := &Fund{FirstMonth: a.FirstMonth, Monthly: []float64{100}}
	for i := 1; i < len(a.Monthly); i++ {
		r := a.Monthly[i]/a.Monthly[i-1] - 1
		b.Monthly = append(b.Monthly, b.Monthly[i-1]*(1+2*r))
	}
	b.LastDate = (b.FirstMonth + Month(len(b.Monthly)-1)).End()
	a.LastDate = b.LastDate
	c, n := CorrelationMatrix([]*Fund{a, b}, isoDay("2019-12-31"), isoDay("2020-12-31"))
	if n[0][1] != 4 || !closeTo(c[0][1], 1, 1e-12) || !closeTo(c[1][1], 1, 1e-12) {
		t.Errorf("corr = %v n = %v", c, n)
	}
}
