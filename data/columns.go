package data

import (
	"math"

	"screener/data/schema"
)

// column is one snapshot column: its name (a schema.Col* constant, so the
// engine reads what is written here), whether it counts toward coverage,
// and how to write a row's value. The kinds a column is written in are
// the contract's (schema.OnlyIn), not this table's.
type column struct {
	name     string
	coverage bool
	val      func(r *row) (float64, int) // value and significant digits (0 = integer)
	str      func(r *row) string
}

// columns in the order written. sector has neither val nor str: its
// values index the body's "sectors", which depend on the rows (see write).
var columns = buildColumns()

// flowFields are the TTM flows in column order.
var flowFields = []field{fRev, fGP, fOpInc, fDA, fInt, fNI, fOCF, fCapex, fFCF}

// periodColumns name each block's window columns: [block][primary,
// secondary][end, pub, src].
var periodColumns = [nBlocks][2][3]string{
	bInc: {{schema.ColIncEnd, schema.ColIncPub, schema.ColIncSrc}, {schema.ColInc2End, schema.ColInc2Pub, schema.ColInc2Src}},
	bBal: {{schema.ColBalEnd, schema.ColBalPub, schema.ColBalSrc}, {schema.ColBal2End, schema.ColBal2Pub, schema.ColBal2Src}},
	bCF:  {{schema.ColCFEnd, schema.ColCFPub, schema.ColCFSrc}, {schema.ColCF2End, schema.ColCF2Pub, schema.ColCF2Src}},
}

func buildColumns() []column {
	num := func(name string, sig int, v func(r *row) float64) column {
		return column{name: name, coverage: true, val: func(r *row) (float64, int) { return v(r), sig }}
	}
	cols := []column{
		{name: schema.ColTicker, str: func(r *row) string { return r.ticker }},
		{name: schema.ColName, str: func(r *row) string { return r.name }},
		{name: schema.ColSector},
		num(schema.ColIWM, 5, func(r *row) float64 { return r.iwm }),
		num(schema.ColIJR, 5, func(r *row) float64 { return r.ijr }),
		{name: schema.ColSP600, val: func(r *row) (float64, int) { return float64(r.sp600), 0 }},
		{name: schema.ColR1000, val: func(r *row) (float64, int) { return float64(r.r1000), 0 }},
		{name: schema.ColSP500, val: func(r *row) (float64, int) { return float64(r.sp500), 0 }},
		num(schema.ColPrice, 6, func(r *row) float64 { return r.price }),
		num(schema.ColShares, 5, func(r *row) float64 { return r.shares }),
		num(schema.ColMcap, 5, func(r *row) float64 { return r.mcap }),
	}
	money := func(fs []field, prior bool) {
		for _, f := range fs {
			if prior {
				cols = append(cols, num(fieldNames[f]+schema.PriorSuffix, 5, func(r *row) float64 { return r.prior[f] }))
			} else {
				cols = append(cols, num(fieldNames[f], 5, func(r *row) float64 { return r.cur[f] }))
			}
		}
	}
	money(flowFields, false)
	money(flowFields, true)
	cols = append(cols, num(schema.ColRevOp, 5, func(r *row) float64 { return r.revOp }),
		num(schema.ColRevOpP, 5, func(r *row) float64 { return r.revOpP }))
	money([]field{fAssets, fEquity, fDebt, fCash}, false)
	money([]field{fAssets, fEquity}, true)
	cols = append(cols, num(schema.ColMom12_1, 5, func(r *row) float64 { return r.mom12 }),
		num(schema.ColMom6_1, 5, func(r *row) float64 { return r.mom6 }),
		num(schema.ColTrend, 5, func(r *row) float64 { return r.trend }))
	// Window columns: the primary windows' ends and publish dates block by
	// block, then their sources; then the secondary windows' ends,
	// publish dates and sources.
	period := func(i, part int, b block) column {
		return column{name: periodColumns[b][i][part], val: func(r *row) (float64, int) {
			switch part {
			case 0:
				return intOrNull(r.ends[b][i]), 0
			case 1:
				return intOrNull(r.pubs[b][i]), 0
			}
			return srcOrNull(r.srcs[b][i]), 0
		}}
	}
	for b := block(0); b < nBlocks; b++ {
		cols = append(cols, period(0, 0, b), period(0, 1, b))
	}
	for _, parts := range [][2]int{{0, 2}, {1, 0}, {1, 1}, {1, 2}} {
		for b := block(0); b < nBlocks; b++ {
			cols = append(cols, period(parts[0], parts[1], b))
		}
	}
	return append(cols,
		column{name: schema.ColShEnd, val: func(r *row) (float64, int) { return intOrNull(r.shEnd), 0 }},
		column{name: schema.ColFlags, val: func(r *row) (float64, int) { return float64(r.flags), 0 }},
		num(schema.ColFwd12, 5, func(r *row) float64 { return r.fwd12 }),
		num(schema.ColFwdLast, 5, func(r *row) float64 { return r.fwdlast }))
}

// columnsOf are the columns written in a snapshot of kind, in order.
func columnsOf(kind string) []column {
	var out []column
	for _, c := range columns {
		if k := schema.OnlyIn(c.name); k == "" || k == kind {
			out = append(out, c)
		}
	}
	return out
}

// intOrNull: a date of 0 is a missing date, written null, never 0.
func intOrNull(v int) float64 {
	if v == 0 {
		return math.NaN()
	}
	return float64(v)
}

// srcOrNull: a source of -1 is a missing source, written null.
func srcOrNull(s int) float64 {
	if s < 0 {
		return math.NaN()
	}
	return float64(s)
}
