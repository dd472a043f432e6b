package engine

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"screener/data/schema"
)

// Periods: which fiscal window, publish date and source stand behind a
// statement column, and how old it is on the snapshot date.

// Block is the statement block a column comes from; each block records its
// own fiscal period end, publish date and source per stock.
type Block int

const (
	BlockMarket   Block = iota // prices, market cap, momentum: as of the snapshot date
	BlockIncome                // TTM income statement lines
	BlockBalance               // balance sheet lines
	BlockCashFlow              // TTM cash-flow lines
)

// String names the block ("market", "income", "balance", "cash flow").
func (b Block) String() string {
	switch b {
	case BlockIncome:
		return "income"
	case BlockBalance:
		return "balance"
	case BlockCashFlow:
		return "cash flow"
	}
	return "market"
}

// ColumnBlock returns the statement block of a numeric column name
// (schema.Col*); year-earlier columns (schema.PriorSuffix) belong to the
// block of their base column.
func ColumnBlock(col string) Block {
	switch strings.TrimSuffix(col, schema.PriorSuffix) {
	case schema.ColRev, schema.ColRevOp, schema.ColGP, schema.ColOpInc, schema.ColInt, schema.ColNI:
		return BlockIncome
	case schema.ColOCF, schema.ColCapex, schema.ColFCF, schema.ColDA: // D&A comes from the cash-flow statement
		return BlockCashFlow
	case schema.ColAssets, schema.ColEquity, schema.ColDebt, schema.ColCash, schema.ColShares:
		return BlockBalance
	}
	return BlockMarket
}

// Period is the fiscal period behind one statement block of one stock.
type Period struct {
	End, Pub int32  // YYYYMMDD; 0 = missing
	Source   string // entry of Snapshot.Sources; "" = missing
}

// Period returns the fiscal period end, publish date and source used for
// block b of row i (the zero Period for BlockMarket or a missing block).
func (s *Snapshot) Period(b Block, i int) Period {
	switch b {
	case BlockIncome:
		return s.period(s.IncEnd, s.IncPub, s.IncSrc, i)
	case BlockBalance:
		return s.period(s.BalEnd, s.BalPub, s.BalSrc, i)
	case BlockCashFlow:
		return s.period(s.CFEnd, s.CFPub, s.CFSrc, i)
	}
	return Period{}
}

// ColumnPeriod is the fiscal period behind numeric column col of row i.
// The builder gives each field its own newest window, so the columns
// only SimFin carries (operating income and its revenue, gross profit,
// interest; debt and cash; operating cash flow, capex, D&A) can come from
// an older period than the block's primary one (net income, equity, FCF).
// "_p" columns report the period of their base column.
func (s *Snapshot) ColumnPeriod(col string, i int) Period {
	b := ColumnBlock(col)
	switch strings.TrimSuffix(col, schema.PriorSuffix) {
	case schema.ColOpInc, schema.ColRevOp, schema.ColGP, schema.ColInt:
		if p := s.period(s.Inc2End, s.Inc2Pub, s.Inc2Src, i); p.End != 0 {
			return p
		}
	case schema.ColDebt, schema.ColCash:
		if p := s.period(s.Bal2End, s.Bal2Pub, s.Bal2Src, i); p.End != 0 {
			return p
		}
	case schema.ColOCF, schema.ColCapex, schema.ColDA:
		if p := s.period(s.CF2End, s.CF2Pub, s.CF2Src, i); p.End != 0 {
			return p
		}
	}
	return s.Period(b, i)
}

// Annual reports whether the period is one fiscal year's report rather
// than the trailing twelve months of four consecutive quarters: the
// builder writes schema.SourceSimfinAnnual exactly for annual reports.
func (p Period) Annual() bool { return p.Source == schema.SourceSimfinAnnual }

// Stale reports whether a period that ended on end (YYYYMMDD) is past the
// snapshot's age limit: end + StaleMonths calendar months (clamped to the
// month's last day) before AsOf. The builder has already left such inputs
// out; this says why they are missing.
func (s *Snapshot) Stale(end int32) bool {
	asof, err := ParseDate(s.AsOf)
	if end <= 0 || s.StaleMonths <= 0 || err != nil {
		return false
	}
	y, m, d := int(end/10000), time.Month(end/100%100), int(end%100)
	limit := time.Date(y, m+time.Month(s.StaleMonths), 1, 0, 0, 0, 0, time.UTC)
	limit = limit.AddDate(0, 0, min(d, daysIn(limit))-1)
	return limit.Before(asof)
}

// AgeMonths is how long before AsOf a period ended, in average months
// (365.25/12 days); NaN for a missing date.
func (s *Snapshot) AgeMonths(end int32) float64 {
	asof, err := ParseDate(s.AsOf)
	if end <= 0 || err != nil {
		return math.NaN()
	}
	t := time.Date(int(end/10000), time.Month(end/100%100), int(end%100), 0, 0, 0, 0, time.UTC)
	return asof.Sub(t).Hours() / 24 / (365.25 / 12)
}

// MedianStatementAgeMonths is the median AgeMonths of the stocks' income
// statement windows (the period of net income, else revenue): how old the
// numbers behind the factors typically are on the snapshot date. NaN when
// no stock has one.
func (s *Snapshot) MedianStatementAgeMonths() float64 {
	var ages []float64
	for _, end := range s.IncEnd {
		if a := s.AgeMonths(end); !math.IsNaN(a) {
			ages = append(ages, a)
		}
	}
	if len(ages) == 0 {
		return math.NaN()
	}
	slices.Sort(ages)
	n := len(ages)
	return (ages[(n-1)/2] + ages[n/2]) / 2
}

// daysIn is the number of days in t's month.
func daysIn(t time.Time) int {
	return time.Date(t.Year(), t.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func (s *Snapshot) period(end, pub []int32, src []int8, i int) Period {
	var p Period
	if i >= 0 && i < len(end) && i < len(pub) {
		p.End, p.Pub = end[i], pub[i]
	}
	if i >= 0 && i < len(src) && src[i] >= 0 && int(src[i]) < len(s.Sources) {
		p.Source = s.Sources[src[i]]
	}
	return p
}

// FormatDate renders a YYYYMMDD integer as "2025-06-30" ("" when 0).
func FormatDate(d int32) string {
	if d <= 0 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d/10000, d/100%100, d%100)
}
