package engine

import (
	"fmt"
	"math"
	"strconv"

	"screener/data/schema"

	"github.com/tidwall/gjson"
)

// The value decoders of Decode: each checks one body field or column
// (type, range, length) and says in its error which value is wrong, so a
// corrupt file is reported precisely instead of read as zeros. The fast
// paths (fastNumbers, fastWholes) skip gjson per element for the valid
// files that are nearly all of them; on any doubt the checked path runs.

// snapColumn describes how to fill one snapshot column: its kind picks the
// decoder and the one non-nil destination receives the values. A table of
// destinations (rather than one closure per column) keeps the wasm small.
type snapColumn struct {
	name     string
	kind     colKind
	required bool
	f64      *[]float64
	i32      *[]int32
	i8       *[]int8
	bl       *[]bool
}

// colKind is the decoder a snapshot column needs.
type colKind uint8

const (
	colNum colKind = iota
	colDate
	colSource
	colTicker
	colName
	colSector
	colBool
	colFlags
)

// fill decodes v into the column's destination in s.
func (c *snapColumn) fill(s *Snapshot, v gjson.Result) (err error) {
	switch c.kind {
	case colNum:
		if *c.f64, err = snapFloats(v, c.name, s.N); err == nil {
			err = checkPlausible(c.name, *c.f64)
		}
	case colDate:
		*c.i32, err = snapDates(v, c.name, s.N)
	case colSource:
		*c.i8, err = snapSources(v, c.name, s.N, len(s.Sources))
	case colTicker:
		s.Ticker, err = snapStrings(v, c.name, s.N)
	case colName:
		s.Name, err = snapStrings(v, c.name, s.N)
	case colSector:
		s.Sector, err = snapSectors(v, s.N, len(s.Sectors))
	case colBool:
		*c.bl, err = snapBools(v, c.name, s.N)
	case colFlags:
		s.Flags, err = snapFlags(v, s.N, len(s.FlagNames))
	}
	return err
}

// nanSlice is n missing values; one body with nanFloats (style.go).
func nanSlice(n int) []float64 { return nanFloats(n) }

func snapTypeName(v gjson.Result) string {
	switch v.Type {
	case gjson.Null:
		return "null"
	case gjson.False, gjson.True:
		return "a boolean"
	case gjson.Number:
		return "a number"
	case gjson.String:
		return "a string"
	}
	if v.IsArray() {
		return "an array"
	}
	if v.IsObject() {
		return "an object"
	}
	return "missing"
}

func snapStr(v gjson.Result, field string) (string, error) {
	if v.Type != gjson.String {
		return "", fmt.Errorf("%w: %s is %s, want a string", ErrCorrupt, field, snapTypeName(v))
	}
	return v.Str, nil
}

// number reads a finite JSON number.
func snapNumber(v gjson.Result, field string) (float64, error) {
	if v.Type != gjson.Number {
		return 0, fmt.Errorf("%w: %s is %s, want a number", ErrCorrupt, field, snapTypeName(v))
	}
	if math.IsInf(v.Num, 0) || math.IsNaN(v.Num) {
		return 0, fmt.Errorf("%w: %s = %s is not a finite number", ErrCorrupt, field, v.Raw)
	}
	return v.Num, nil
}

// integer reads a whole JSON number in [lo, hi].
func snapInt(v gjson.Result, field string, lo, hi int64) (int64, error) {
	x, err := snapNumber(v, field)
	if err != nil {
		return 0, err
	}
	if x != math.Trunc(x) || x < float64(lo) || x > float64(hi) {
		return 0, fmt.Errorf("%w: %s = %s, want a whole number in [%d, %d]", ErrCorrupt, field, v.Raw, lo, hi)
	}
	return int64(x), nil
}

// array checks that v is an array of exactly n values and calls fn on each.
func snapArray(v gjson.Result, name string, n int, fn func(i int, e gjson.Result) error) error {
	if !v.IsArray() {
		return fmt.Errorf("%w: column %q is %s, want an array", ErrCorrupt, name, snapTypeName(v))
	}
	i := 0
	var err error
	v.ForEach(func(_, e gjson.Result) bool {
		if i >= n {
			err = fmt.Errorf("%w: column %q has more than n=%d values", ErrCorrupt, name, n)
			return false
		}
		err = fn(i, e)
		i++
		return err == nil
	})
	if err != nil {
		return err
	}
	if i != n {
		return fmt.Errorf("%w: column %q has %d values, want n=%d", ErrCorrupt, name, i, n)
	}
	return nil
}

func snapElem(name string, i int) string { return name + "[" + strconv.Itoa(i) + "]" }

// wholeIn is the fast path of the per-element checks: a whole JSON number
// in [lo, hi]. On false the caller re-runs snapInt to build the error, so
// no element name is formatted for valid values.
func wholeIn(e gjson.Result, lo, hi int64) (int64, bool) {
	x := e.Num
	if e.Type != gjson.Number || x != math.Trunc(x) || x < float64(lo) || x > float64(hi) {
		return 0, false
	}
	return int64(x), true
}

// intAt checks element i of a column as a whole number in [lo, hi].
func intAt(e gjson.Result, name string, i int, lo, hi int64) (int64, error) {
	if x, ok := wholeIn(e, lo, hi); ok {
		return x, nil
	}
	return snapInt(e, snapElem(name, i), lo, hi)
}

func snapFloats(v gjson.Result, name string, n int) ([]float64, error) {
	out := make([]float64, n)
	if fastNumbers(v.Raw, n, out) {
		return out, nil
	}
	return out, snapArray(v, name, n, func(i int, e gjson.Result) error {
		if e.Type == gjson.Null {
			out[i] = math.NaN()
			return nil
		}
		if e.Type == gjson.Number && !math.IsInf(e.Num, 0) {
			out[i] = e.Num
			return nil
		}
		_, err := snapNumber(e, snapElem(name, i))
		return err
	})
}

func snapStrings(v gjson.Result, name string, n int) ([]string, error) {
	out := make([]string, n)
	return out, snapArray(v, name, n, func(i int, e gjson.Result) error {
		if e.Type == gjson.String {
			out[i] = e.Str
			return nil
		}
		_, err := snapStr(e, snapElem(name, i))
		return err
	})
}

// fastWholes is the fast path of the integer columns: every value a whole
// number in [lo, hi], or null where nullOK (NaN in the result).
func fastWholes(v gjson.Result, n int, lo, hi int64, nullOK bool) ([]float64, bool) {
	buf := make([]float64, n)
	if !fastNumbers(v.Raw, n, buf) {
		return nil, false
	}
	for _, x := range buf {
		if x != x {
			if !nullOK {
				return nil, false
			}
			continue
		}
		if x != math.Trunc(x) || x < float64(lo) || x > float64(hi) {
			return nil, false
		}
	}
	return buf, true
}

func snapSectors(v gjson.Result, n, nSectors int) ([]uint8, error) {
	out := make([]uint8, n)
	if buf, ok := fastWholes(v, n, 0, int64(nSectors)-1, false); ok {
		for i, x := range buf {
			out[i] = uint8(x)
		}
		return out, nil
	}
	return out, snapArray(v, schema.ColSector, n, func(i int, e gjson.Result) error {
		x, err := intAt(e, schema.ColSector, i, 0, int64(nSectors)-1)
		out[i] = uint8(x)
		return err
	})
}

func snapBools(v gjson.Result, name string, n int) ([]bool, error) {
	out := make([]bool, n)
	return out, snapArray(v, name, n, func(i int, e gjson.Result) error {
		switch e.Type {
		case gjson.True, gjson.False:
			out[i] = e.Type == gjson.True
			return nil
		}
		x, err := intAt(e, name, i, 0, 1)
		out[i] = x == 1
		return err
	})
}

// Plausible values. A value outside them is a damaged or hand-edited file
// (or a builder bug), and it would otherwise skew every percentile: the
// decoder refuses it and names the column.
const (
	minDate = 1900_01_01 // dates are YYYYMMDD within 1900..2100
	maxDate = 2100_12_31
	// maxMoney bounds the USD-millions columns (1e15 millions is far past
	// any company).
	maxMoney = 1e15
	// maxPrice is high because history prices are split-adjusted
	// backwards: serial reverse-splitters reach 4.8e8 USD in the builder's
	// 2020-2023 files (XXII, APVO), real output that must decode.
	maxPrice = 1e10
	// Returns and price ratios are fractions: -100% at worst, and at most
	// +1,000,000%.
	minReturn, maxReturn = -1, 1e4
)

// checkPlausible refuses a value of the numeric column name outside its
// plausible range: weights are % in 0..100, prices > 0, share counts and
// market caps ≥ 0, returns and ratios in [-1, 1e4], money |v| ≤ 1e15.
func checkPlausible(name string, vals []float64) error {
	lo, hi, loOpen := -maxMoney, maxMoney, false
	switch name {
	case schema.ColIWM, schema.ColIJR:
		lo, hi = 0, 100
	case schema.ColPrice:
		lo, hi, loOpen = 0, maxPrice, true
	case schema.ColShares, schema.ColMcap:
		lo = 0
	case schema.ColMom12_1, schema.ColMom6_1, schema.ColTrend, schema.ColFwd12, schema.ColFwdLast:
		lo, hi = minReturn, maxReturn
	}
	for i, x := range vals {
		if x != x {
			continue // missing
		}
		if x > hi || x < lo || (loOpen && x == lo) {
			return implausible(name, i, x, lo, hi, loOpen)
		}
	}
	return nil
}

//go:noinline
func implausible(name string, i int, x, lo, hi float64, loOpen bool) error {
	b := "["
	if loOpen {
		b = "("
	}
	return fmt.Errorf("%w: column %q: %s = %s is outside the plausible range %s%s, %s]", ErrCorrupt, name, snapElem(name, i),
		strconv.FormatFloat(x, 'g', -1, 64), b, strconv.FormatFloat(lo, 'g', -1, 64), strconv.FormatFloat(hi, 'g', -1, 64))
}

// dates reads YYYYMMDD integers; null reads as 0 (missing).
func snapDates(v gjson.Result, name string, n int) ([]int32, error) {
	out := make([]int32, n)
	if buf, ok := fastWholes(v, n, minDate, maxDate, true); ok {
		for i, x := range buf {
			if x == x {
				out[i] = int32(x)
			}
		}
		return out, nil
	}
	return out, snapArray(v, name, n, func(i int, e gjson.Result) error {
		if e.Type == gjson.Null {
			return nil
		}
		x, err := intAt(e, name, i, minDate, maxDate)
		out[i] = int32(x)
		return err
	})
}

// sources reads indexes into Sources; null reads as -1 (missing).
func snapSources(v gjson.Result, name string, n, nSources int) ([]int8, error) {
	out := make([]int8, n)
	if buf, ok := fastWholes(v, n, 0, int64(nSources)-1, true); ok {
		for i, x := range buf {
			out[i] = -1
			if x == x {
				out[i] = int8(x)
			}
		}
		return out, nil
	}
	return out, snapArray(v, name, n, func(i int, e gjson.Result) error {
		if e.Type == gjson.Null {
			out[i] = -1
			return nil
		}
		x, err := intAt(e, name, i, 0, int64(nSources)-1)
		out[i] = int8(x)
		return err
	})
}

func snapFlags(v gjson.Result, n, nFlags int) ([]uint32, error) {
	out := make([]uint32, n)
	hi := int64(1)<<nFlags - 1
	if buf, ok := fastWholes(v, n, 0, hi, false); ok {
		for i, x := range buf {
			out[i] = uint32(x)
		}
		return out, nil
	}
	return out, snapArray(v, schema.ColFlags, n, func(i int, e gjson.Result) error {
		x, err := intAt(e, schema.ColFlags, i, 0, hi)
		out[i] = uint32(x)
		return err
	})
}

// snapEach calls fn on each element of the array v (field names it in
// errors; want says what the array should hold), stopping at the first
// error.
func snapEach(v gjson.Result, field, want string, fn func(e gjson.Result) error) error {
	if !v.IsArray() {
		return fmt.Errorf("%w: %q is %s, want %s", ErrCorrupt, field, snapTypeName(v), want)
	}
	var err error
	v.ForEach(func(_, e gjson.Result) bool {
		err = fn(e)
		return err == nil
	})
	return err
}

// snapMembers calls fn on each member of the object v, in file order,
// stopping at the first error.
func snapMembers(v gjson.Result, field string, fn func(k string, e gjson.Result) error) error {
	if !v.IsObject() {
		return fmt.Errorf("%w: %q is %s, want an object", ErrCorrupt, field, snapTypeName(v))
	}
	var err error
	v.ForEach(func(k, e gjson.Result) bool {
		err = fn(k.Str, e)
		return err == nil
	})
	return err
}

func snapStrList(v gjson.Result, field string) ([]string, error) {
	var out []string
	err := snapEach(v, field, "an array of strings", func(e gjson.Result) error {
		s, err := snapStr(e, snapElem(field, len(out)))
		out = append(out, s)
		return err
	})
	return out, err
}

func snapProvenance(v gjson.Result) ([]Provenance, error) {
	var out []Provenance
	err := snapEach(v, "provenance", "an array", func(e gjson.Result) (err error) {
		if !e.IsObject() {
			return fmt.Errorf("%w: provenance entry is %s, want an object", ErrCorrupt, snapTypeName(e))
		}
		var p Provenance
		if p.File, err = snapStr(e.Get("file"), "provenance.file"); err != nil {
			return err
		}
		if a := e.Get("asof"); a.Type != gjson.Null && a.Exists() {
			if p.AsOf, err = snapStr(a, "provenance.asof"); err != nil {
				return err
			}
		}
		out = append(out, p)
		return nil
	})
	return out, err
}

func snapCoverage(v gjson.Result) ([]FieldShare, error) {
	var out []FieldShare
	err := snapMembers(v, "coverage", func(k string, e gjson.Result) error {
		x, err := snapNumber(e, "coverage."+k)
		out = append(out, FieldShare{k, x})
		return err
	})
	return out, err
}

// snapCounts reads an object of named whole numbers >= 0 (flagged, the
// survivorship counts) in file order.
func snapCounts(v gjson.Result, field string) ([]FieldCount, error) {
	var out []FieldCount
	err := snapMembers(v, field, func(k string, e gjson.Result) error {
		x, err := snapInt(e, field+"."+k, 0, math.MaxInt32)
		out = append(out, FieldCount{k, int(x)})
		return err
	})
	return out, err
}

// snapUniverseCheck reads "universe_check": whole counts >= 0, shares
// in [0, 1], the model's rule as a string; real_members, model_members,
// overlap and weight_overlap are required, and the overlap can exceed
// neither universe. Unknown keys are skipped (later additions).
func snapUniverseCheck(v gjson.Result) (*UniverseCheck, error) {
	uc := &UniverseCheck{}
	ints := map[string]*int{
		schema.CheckListed: &uc.Listed, schema.CheckNoPriceFile: &uc.NoPriceFile, schema.CheckNoPrice: &uc.NoPrice,
		schema.CheckNoShares: &uc.NoShares, schema.CheckMerged: &uc.MergedShareClasses, schema.CheckRealMembers: &uc.RealMembers,
		schema.CheckModelMembers: &uc.ModelMembers, schema.CheckOverlap: &uc.Overlap,
	}
	fracs := map[string]*float64{schema.CheckRealInModel: &uc.RealInModel, schema.CheckModelInReal: &uc.ModelInReal, schema.CheckWeightOverlap: &uc.WeightOverlap}
	seen := map[string]bool{}
	err := snapMembers(v, schema.UniverseCheck, func(k string, e gjson.Result) error {
		field := schema.UniverseCheck + "." + k
		seen[k] = true
		if p, ok := ints[k]; ok {
			x, err := snapInt(e, field, 0, maxRows)
			*p = int(x)
			return err
		}
		if p, ok := fracs[k]; ok {
			x, err := snapNumber(e, field)
			if err == nil && (x < 0 || x > 1) {
				err = fmt.Errorf("%w: %s = %s, want a share in [0, 1]", ErrCorrupt, field, e.Raw)
			}
			*p = x
			return err
		}
		if k == schema.CheckModel {
			var err error
			uc.Model, err = snapStr(e, field)
			return err
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, k := range []string{schema.CheckRealMembers, schema.CheckModelMembers, schema.CheckOverlap, schema.CheckWeightOverlap} {
		if !seen[k] {
			return nil, fmt.Errorf("%w: %s has no %q", ErrCorrupt, schema.UniverseCheck, k)
		}
	}
	if uc.Overlap > uc.RealMembers || uc.Overlap > uc.ModelMembers {
		return nil, fmt.Errorf("%w: %s: overlap %d exceeds real_members %d or model_members %d", ErrCorrupt, schema.UniverseCheck, uc.Overlap, uc.RealMembers, uc.ModelMembers)
	}
	return uc, nil
}
