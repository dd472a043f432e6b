package data

import (
	"strconv"
	"strings"
	"time"
)

// Day is a calendar date as days since 1970-01-01 (UTC).
type Day int32

// parseDay reads an ISO date (YYYY-MM-DD); ok is false for anything else,
// including dates outside 1900–2100 (a number in a date column, say).
func parseDay(s string) (Day, bool) {
	s = strings.TrimSpace(s)
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, false
	}
	y, err1 := strconv.Atoi(s[0:4])
	m, err2 := strconv.Atoi(s[5:7])
	d, err3 := strconv.Atoi(s[8:10])
	if err1 != nil || err2 != nil || err3 != nil || y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // 2021-02-30 and the like
		return 0, false
	}
	return Day(t.Unix() / 86400), true
}

// mustDay is parseDay for constants in this package.
func mustDay(s string) Day {
	d, ok := parseDay(s)
	if !ok {
		panic("data: bad constant date " + s)
	}
	return d
}

func (d Day) Time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// String is the ISO form, YYYY-MM-DD.
func (d Day) String() string { return d.Time().Format("2006-01-02") }

// YMD is the date as the integer YYYYMMDD used in snapshot columns.
func (d Day) YMD() int {
	t := d.Time()
	return t.Year()*10000 + int(t.Month())*100 + t.Day()
}

// AddMonths moves by calendar months, clamping to the month's last day
// (2020-03-31 minus one month is 2020-02-29, not 2020-03-02).
func (d Day) AddMonths(n int) Day {
	t := d.Time()
	first := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, n, 0)
	last := first.AddDate(0, 1, -1).Day()
	day := t.Day()
	if day > last {
		day = last
	}
	return Day(time.Date(first.Year(), first.Month(), day, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// dayFromYMD inverts Day.YMD.
func dayFromYMD(v int) Day {
	return Day(time.Date(v/10000, time.Month(v/100%100), v%100, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}
