package engine

import (
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tidwall/gjson"
)

// Decoder errors. Decode wraps exactly one of them with the detail, so callers
// can branch with errors.Is and still show the message.
var (
	// ErrSchema: the envelope has no schema number or one this build cannot read.
	ErrSchema = errors.New("snapshot schema")
	// ErrHash: the body bytes do not match the recorded FNV-1a 64 hash
	// (a truncated download or a corrupted file).
	ErrHash = errors.New("snapshot hash mismatch")
	// ErrCorrupt: the JSON is malformed, or a field or column is missing, has
	// the wrong type or the wrong length.
	ErrCorrupt = errors.New("corrupt snapshot")
)

// Provenance names one raw input of the snapshot and its as-of date.
type Provenance struct{ File, AsOf string }

// FieldShare is the share (0..1) of stocks for which a field is present.
type FieldShare struct {
	Field string
	Share float64
}

// FieldCount counts the stocks on which a data-quality check fired.
type FieldCount struct {
	Name  string
	Count int
}

// Snapshot is a decoded `current` or `history` snapshot (data/SNAPSHOT.md):
// one slice per column, all of length N, in the file's stock order.
// Missing numbers are NaN, missing dates 0 and missing sources -1.
type Snapshot struct {
	Kind, AsOf, Universe, Survivorship, FwdLastDate string
	Modelled                                        bool
	Provenance                                      []Provenance
	Coverage                                        []FieldShare
	Flagged                                         []FieldCount
	FlagNames, Sources, Sectors                     []string
	N                                               int
	// StaleMonths is the builder's age limit: a statement window whose
	// period ended more than this many calendar months before AsOf was
	// left out (its values are missing, its dates kept). 0 = no limit
	// recorded.
	StaleMonths int

	Ticker, Name []string
	Sector       []uint8
	IWM, IJR     []float64 // weight in % of the fund, NaN = not held
	SP600        []bool    // history: passes the modelled S&P-600-like rule

	Price, Shares, Mcap []float64

	// TTM flows (USD millions) and the same sums one year earlier (…P).
	Rev, GP, OpInc, DA, Int, NI, OCF, Capex, FCF          []float64
	RevP, GPP, OpIncP, DAP, IntP, NIP, OCFP, CapexP, FCFP []float64
	// RevOp and RevOpP are TTM revenue over exactly the periods of OpInc and
	// OpIncP (columns rev_op, rev_op_p): Rev may come from a newer source
	// than operating income, and a margin must not mix periods.
	RevOp, RevOpP []float64

	// Latest balance sheet and the one about a year earlier.
	Assets, Equity, Debt, Cash, AssetsP, EquityP []float64

	Mom12_1, Mom6_1, Trend []float64

	IncEnd, IncPub, BalEnd, BalPub, CFEnd, CFPub []int32 // YYYYMMDD, 0 = missing
	// The secondary windows (inc2_*, bal2_*, cf2_*): the period behind the
	// SimFin-only columns, which can be older than the block's primary
	// window. Optional; nil when the snapshot has none.
	Inc2End, Inc2Pub, Bal2End, Bal2Pub, CF2End, CF2Pub []int32
	Inc2Src, Bal2Src, CF2Src                           []int8
	IncSrc, BalSrc, CFSrc                              []int8 // index into Sources, -1 = missing
	Flags                                              []uint32

	// Fwd12 and FwdLast are FORWARD returns (asof → +12 months, asof →
	// FwdLastDate). They exist for the history view only and are never read
	// by scoring code.
	Fwd12, FwdLast []float64

	byTicker map[string]int32
}

// maxRows bounds n so that a corrupt or hostile file cannot make the
// decoder allocate gigabytes before the column lengths are checked.
const maxRows = 200_000

// HashBody is the snapshot content hash: FNV-1a 64 over the exact body
// bytes, as "fnv1a64:" + 16 lower-case hex digits (data/SNAPSHOT.md).
func HashBody(body []byte) string {
	h := fnv.New64a()
	h.Write(body)
	return fmt.Sprintf("fnv1a64:%016x", h.Sum64())
}

// Decode parses and validates a `current` or `history` snapshot. It checks,
// in order: the schema version (before anything else is parsed), the body
// hash, the kind, then every field and column (presence, type, length).
// It never panics on bad input; every error wraps ErrSchema, ErrHash or
// ErrCorrupt.
func Decode(b []byte) (*Snapshot, error) {
	if len(b) == 0 {
		return nil, fmt.Errorf("%w: empty file", ErrCorrupt)
	}
	schema := gjson.GetBytes(b, "schema")
	if schema.Type != gjson.Number {
		if !gjson.ValidBytes(b) {
			return nil, fmt.Errorf("%w: not valid JSON (truncated?)", ErrCorrupt)
		}
		return nil, fmt.Errorf("%w: no numeric \"schema\" field", ErrSchema)
	}
	if schema.Num != SchemaVersion {
		return nil, fmt.Errorf("%w: file has schema %s, this build reads schema %d", ErrSchema, schema.Raw, SchemaVersion)
	}
	hash := gjson.GetBytes(b, "hash")
	if hash.Type != gjson.String {
		if !gjson.ValidBytes(b) {
			return nil, fmt.Errorf("%w: not valid JSON (truncated?)", ErrCorrupt)
		}
		return nil, fmt.Errorf("%w: no \"hash\" string", ErrCorrupt)
	}
	body := gjson.GetBytes(b, "body")
	if body.Type != gjson.JSON || body.Index <= 0 || body.Index+len(body.Raw) > len(b) {
		if !gjson.ValidBytes(b) {
			return nil, fmt.Errorf("%w: not valid JSON (truncated?)", ErrCorrupt)
		}
		return nil, fmt.Errorf("%w: no \"body\" object", ErrCorrupt)
	}
	raw := b[body.Index : body.Index+len(body.Raw)]
	if got := HashBody(raw); got != hash.Str {
		if !gjson.ValidBytes(b) {
			return nil, fmt.Errorf("%w: body hash %s, file says %s: file is truncated or not valid JSON", ErrHash, got, hash.Str)
		}
		return nil, fmt.Errorf("%w: body hash %s, file says %s: file is corrupted", ErrHash, got, hash.Str)
	}
	return decodeBody(raw)
}

// decodeBody decodes the hashed body object. It is separate from Decode so
// that the fuzzer can reach the column checks without forging hashes.
func decodeBody(raw []byte) (*Snapshot, error) {
	if !gjson.ValidBytes(raw) {
		return nil, fmt.Errorf("%w: body is not valid JSON", ErrCorrupt)
	}
	body := gjson.ParseBytes(raw)
	if !body.IsObject() {
		return nil, fmt.Errorf("%w: body is not an object", ErrCorrupt)
	}
	s := &Snapshot{}
	var cols gjson.Result
	var err error
	nSeen := false
	body.ForEach(func(key, v gjson.Result) bool {
		switch key.Str {
		case "kind":
			s.Kind, err = snapStr(v, "kind")
		case "asof":
			s.AsOf, err = snapStr(v, "asof")
		case "universe":
			s.Universe, err = snapStr(v, "universe")
		case "survivorship":
			s.Survivorship, err = snapStr(v, "survivorship")
		case "fwd_last_date":
			if v.Type != gjson.Null {
				s.FwdLastDate, err = snapStr(v, "fwd_last_date")
			}
		case "modelled":
			if v.Type != gjson.True && v.Type != gjson.False {
				err = fmt.Errorf("%w: \"modelled\" is %s, want true or false", ErrCorrupt, snapTypeName(v))
			}
			s.Modelled = v.Type == gjson.True
		case "provenance":
			s.Provenance, err = snapProvenance(v)
		case "coverage":
			s.Coverage, err = snapCoverage(v)
		case "flagged":
			s.Flagged, err = snapFlagged(v)
		case "flag_names":
			s.FlagNames, err = snapStrList(v, "flag_names")
		case "sources":
			s.Sources, err = snapStrList(v, "sources")
		case "sectors":
			s.Sectors, err = snapStrList(v, "sectors")
		case "stale_months":
			var m int64
			m, err = snapInt(v, "stale_months", 0, 1200)
			s.StaleMonths = int(m)
		case "n":
			var n int64
			n, err = snapInt(v, "n", 0, maxRows)
			s.N, nSeen = int(n), true
		case "cols":
			cols = v
		}
		return err == nil
	})
	if err != nil {
		return nil, err
	}
	if s.Kind != "current" && s.Kind != "history" {
		return nil, fmt.Errorf("%w: kind %q, want \"current\" or \"history\"", ErrCorrupt, s.Kind)
	}
	if !nSeen {
		return nil, fmt.Errorf("%w: no \"n\"", ErrCorrupt)
	}
	if len(s.Sectors) > 32 {
		return nil, fmt.Errorf("%w: %d sectors, at most 32 fit the sector filter", ErrCorrupt, len(s.Sectors))
	}
	if len(s.FlagNames) > 32 {
		return nil, fmt.Errorf("%w: %d flag names, at most 32 fit the flags column", ErrCorrupt, len(s.FlagNames))
	}
	if len(s.Sources) > 127 {
		return nil, fmt.Errorf("%w: %d sources, at most 127", ErrCorrupt, len(s.Sources))
	}
	if !cols.IsObject() {
		return nil, fmt.Errorf("%w: no \"cols\" object", ErrCorrupt)
	}
	if err := s.decodeColumns(cols); err != nil {
		return nil, err
	}
	s.byTicker = make(map[string]int32, s.N)
	for i, t := range s.Ticker {
		s.byTicker[normTicker(t)] = int32(i)
	}
	return s, nil
}

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
	colSP600
	colFlags
)

// fill decodes v into the column's destination in s.
func (c *snapColumn) fill(s *Snapshot, v gjson.Result) (err error) {
	switch c.kind {
	case colNum:
		*c.f64, err = snapFloats(v, c.name, s.N)
	case colDate:
		*c.i32, err = snapDates(v, c.name, s.N)
	case colSource:
		*c.i8, err = snapSources(v, c.name, s.N, len(s.Sources))
	case colTicker:
		s.Ticker, err = snapStrings(v, "ticker", s.N)
	case colName:
		s.Name, err = snapStrings(v, "name", s.N)
	case colSector:
		s.Sector, err = snapSectors(v, s.N, len(s.Sectors))
	case colSP600:
		s.SP600, err = snapBools(v, "sp600", s.N)
	case colFlags:
		s.Flags, err = snapFlags(v, s.N, len(s.FlagNames))
	}
	return err
}

func (s *Snapshot) columns() []snapColumn {
	current := s.Kind == "current"
	spec := []snapColumn{
		{name: "ticker", kind: colTicker, required: true},
		{name: "name", kind: colName, required: true},
		{name: "sector", kind: colSector, required: true},
		{name: "iwm", required: current, f64: &s.IWM},
		{name: "ijr", required: current, f64: &s.IJR},
		{name: "sp600", kind: colSP600, required: !current},
		{name: "flags", kind: colFlags, required: true},
	}
	nums := [...]struct {
		name string
		dst  *[]float64
	}{
		{"price", &s.Price}, {"shares", &s.Shares}, {"mcap", &s.Mcap},
		{"rev", &s.Rev}, {"gp", &s.GP}, {"opinc", &s.OpInc}, {"da", &s.DA}, {"int", &s.Int},
		{"ni", &s.NI}, {"ocf", &s.OCF}, {"capex", &s.Capex}, {"fcf", &s.FCF},
		{"rev_p", &s.RevP}, {"gp_p", &s.GPP}, {"opinc_p", &s.OpIncP}, {"da_p", &s.DAP}, {"int_p", &s.IntP},
		{"ni_p", &s.NIP}, {"ocf_p", &s.OCFP}, {"capex_p", &s.CapexP}, {"fcf_p", &s.FCFP},
		{"rev_op", &s.RevOp}, {"rev_op_p", &s.RevOpP},
		{"assets", &s.Assets}, {"equity", &s.Equity}, {"debt", &s.Debt}, {"cash", &s.Cash},
		{"assets_p", &s.AssetsP}, {"equity_p", &s.EquityP},
		{"mom12_1", &s.Mom12_1}, {"mom6_1", &s.Mom6_1}, {"trend", &s.Trend},
		{"fwd12", &s.Fwd12}, {"fwdlast", &s.FwdLast},
	}
	for _, n := range nums {
		spec = append(spec, snapColumn{name: n.name, kind: colNum, required: true, f64: n.dst})
	}
	// Statement dates and sources; the second statement set is optional.
	stmts := [...]struct {
		end, pub *[]int32
		src      *[]int8
	}{
		{&s.IncEnd, &s.IncPub, &s.IncSrc}, {&s.BalEnd, &s.BalPub, &s.BalSrc}, {&s.CFEnd, &s.CFPub, &s.CFSrc},
		{&s.Inc2End, &s.Inc2Pub, &s.Inc2Src}, {&s.Bal2End, &s.Bal2Pub, &s.Bal2Src}, {&s.CF2End, &s.CF2Pub, &s.CF2Src},
	}
	prefixes := [...]string{"inc", "bal", "cf", "inc2", "bal2", "cf2"}
	for i, st := range stmts {
		p, req := prefixes[i], i < 3
		spec = append(spec,
			snapColumn{name: p + "_end", kind: colDate, required: req, i32: st.end},
			snapColumn{name: p + "_pub", kind: colDate, required: req, i32: st.pub},
			snapColumn{name: p + "_src", kind: colSource, required: req, i8: st.src})
	}
	return spec
}

// decodeColumns walks the cols object once (one scan of the bulk of the
// file) and fills each known column; unknown columns are ignored so that
// the builder can add columns without breaking older readers.
func (s *Snapshot) decodeColumns(cols gjson.Result) error {
	spec := s.columns()
	byName := make(map[string]int, len(spec))
	for i, c := range spec {
		byName[c.name] = i
	}
	seen := make([]bool, len(spec))
	var err error
	cols.ForEach(func(key, v gjson.Result) bool {
		i, ok := byName[key.Str]
		if !ok {
			return true
		}
		if seen[i] {
			err = fmt.Errorf("%w: column %q appears twice", ErrCorrupt, key.Str)
			return false
		}
		seen[i] = true
		err = spec[i].fill(s, v)
		return err == nil
	})
	if err != nil {
		return err
	}
	for i, c := range spec {
		if seen[i] {
			continue
		}
		if c.required {
			return fmt.Errorf("%w: %s snapshot has no column %q", ErrCorrupt, s.Kind, c.name)
		}
	}
	// Optional columns absent from this kind of snapshot read as missing.
	if s.IWM == nil {
		s.IWM = nanSlice(s.N)
	}
	if s.IJR == nil {
		s.IJR = nanSlice(s.N)
	}
	if s.SP600 == nil {
		s.SP600 = make([]bool, s.N)
	}
	return nil
}

func nanSlice(n int) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = math.NaN()
	}
	return v
}

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
	return out, snapArray(v, "sector", n, func(i int, e gjson.Result) error {
		x, err := intAt(e, "sector", i, 0, int64(nSectors)-1)
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

// dates reads YYYYMMDD integers; null reads as 0 (missing).
func snapDates(v gjson.Result, name string, n int) ([]int32, error) {
	out := make([]int32, n)
	if buf, ok := fastWholes(v, n, 1000_01_01, 9999_12_31, true); ok {
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
		x, err := intAt(e, name, i, 1000_01_01, 9999_12_31)
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
	return out, snapArray(v, "flags", n, func(i int, e gjson.Result) error {
		x, err := intAt(e, "flags", i, 0, hi)
		out[i] = uint32(x)
		return err
	})
}

func snapStrList(v gjson.Result, field string) ([]string, error) {
	if !v.IsArray() {
		return nil, fmt.Errorf("%w: %q is %s, want an array of strings", ErrCorrupt, field, snapTypeName(v))
	}
	var out []string
	var err error
	v.ForEach(func(_, e gjson.Result) bool {
		var s string
		s, err = snapStr(e, snapElem(field, len(out)))
		out = append(out, s)
		return err == nil
	})
	return out, err
}

func snapProvenance(v gjson.Result) ([]Provenance, error) {
	if !v.IsArray() {
		return nil, fmt.Errorf("%w: \"provenance\" is %s, want an array", ErrCorrupt, snapTypeName(v))
	}
	var out []Provenance
	var err error
	v.ForEach(func(_, e gjson.Result) bool {
		if !e.IsObject() {
			err = fmt.Errorf("%w: provenance entry is %s, want an object", ErrCorrupt, snapTypeName(e))
			return false
		}
		var p Provenance
		if p.File, err = snapStr(e.Get("file"), "provenance.file"); err != nil {
			return false
		}
		if a := e.Get("asof"); a.Type != gjson.Null && a.Exists() {
			if p.AsOf, err = snapStr(a, "provenance.asof"); err != nil {
				return false
			}
		}
		out = append(out, p)
		return true
	})
	return out, err
}

func snapCoverage(v gjson.Result) ([]FieldShare, error) {
	if !v.IsObject() {
		return nil, fmt.Errorf("%w: \"coverage\" is %s, want an object", ErrCorrupt, snapTypeName(v))
	}
	var out []FieldShare
	var err error
	v.ForEach(func(k, e gjson.Result) bool {
		var x float64
		x, err = snapNumber(e, "coverage."+k.Str)
		out = append(out, FieldShare{k.Str, x})
		return err == nil
	})
	return out, err
}

func snapFlagged(v gjson.Result) ([]FieldCount, error) {
	if !v.IsObject() {
		return nil, fmt.Errorf("%w: \"flagged\" is %s, want an object", ErrCorrupt, snapTypeName(v))
	}
	var out []FieldCount
	var err error
	v.ForEach(func(k, e gjson.Result) bool {
		var x int64
		x, err = snapInt(e, "flagged."+k.Str, 0, math.MaxInt32)
		out = append(out, FieldCount{k.Str, int(x)})
		return err == nil
	})
	return out, err
}

// normTicker folds the spellings of a share-class ticker ("BRK.B",
// "brk-b", "BRK/B", "BRK B") to one key.
func normTicker(t string) string {
	t = strings.ToUpper(strings.TrimSpace(t))
	return strings.Map(func(r rune) rune {
		switch r {
		case '-', '/', ' ', '_':
			return '.'
		}
		return r
	}, t)
}

// Lookup returns the row of a ticker, ignoring case and the separator used
// for share classes ("BRK.B" = "brk-b" = "BRK/B").
func (s *Snapshot) Lookup(ticker string) (int, bool) {
	key := normTicker(ticker)
	if key == "" {
		return 0, false
	}
	if s.byTicker != nil && len(s.byTicker) <= len(s.Ticker) {
		if i, ok := s.byTicker[key]; ok && int(i) < len(s.Ticker) && normTicker(s.Ticker[i]) == key {
			return int(i), true
		}
	}
	// Hand-built snapshots (tests, other packages) have no index.
	for i, t := range s.Ticker {
		if normTicker(t) == key {
			return i, true
		}
	}
	return 0, false
}

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
// (data/SNAPSHOT.md); "_p" columns belong to the block of their base column.
func ColumnBlock(col string) Block {
	switch strings.TrimSuffix(col, "_p") {
	case "rev", "rev_op", "gp", "opinc", "int", "ni":
		return BlockIncome
	case "ocf", "capex", "fcf", "da": // D&A comes from the cash-flow statement
		return BlockCashFlow
	case "assets", "equity", "debt", "cash", "shares":
		return BlockBalance
	}
	return BlockMarket
}

// Float returns the numeric column with the data/SNAPSHOT.md name col.
func (s *Snapshot) Float(col string) ([]float64, bool) {
	var c []float64
	switch col {
	case "iwm":
		c = s.IWM
	case "ijr":
		c = s.IJR
	case "price":
		c = s.Price
	case "shares":
		c = s.Shares
	case "mcap":
		c = s.Mcap
	case "rev":
		c = s.Rev
	case "gp":
		c = s.GP
	case "opinc":
		c = s.OpInc
	case "da":
		c = s.DA
	case "int":
		c = s.Int
	case "ni":
		c = s.NI
	case "ocf":
		c = s.OCF
	case "capex":
		c = s.Capex
	case "fcf":
		c = s.FCF
	case "rev_p":
		c = s.RevP
	case "gp_p":
		c = s.GPP
	case "opinc_p":
		c = s.OpIncP
	case "da_p":
		c = s.DAP
	case "int_p":
		c = s.IntP
	case "ni_p":
		c = s.NIP
	case "ocf_p":
		c = s.OCFP
	case "capex_p":
		c = s.CapexP
	case "fcf_p":
		c = s.FCFP
	case "rev_op":
		c = s.RevOp
	case "rev_op_p":
		c = s.RevOpP
	case "assets":
		c = s.Assets
	case "equity":
		c = s.Equity
	case "debt":
		c = s.Debt
	case "cash":
		c = s.Cash
	case "assets_p":
		c = s.AssetsP
	case "equity_p":
		c = s.EquityP
	case "mom12_1":
		c = s.Mom12_1
	case "mom6_1":
		c = s.Mom6_1
	case "trend":
		c = s.Trend
	default:
		return nil, false
	}
	return c, true
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
	switch strings.TrimSuffix(col, "_p") {
	case "opinc", "rev_op", "gp", "int":
		if p := s.period(s.Inc2End, s.Inc2Pub, s.Inc2Src, i); p.End != 0 {
			return p
		}
	case "debt", "cash":
		if p := s.period(s.Bal2End, s.Bal2Pub, s.Bal2Src, i); p.End != 0 {
			return p
		}
	case "ocf", "capex", "da":
		if p := s.period(s.CF2End, s.CF2Pub, s.CF2Src, i); p.End != 0 {
			return p
		}
	}
	return s.Period(b, i)
}

// annualSource is the Sources entry of SimFin's annual reports; every
// other source is quarterly, and the builder sums four consecutive
// quarters into a TTM window.
const annualSource = "simfin-annual"

// Annual reports whether the period is one fiscal year's report rather
// than the trailing twelve months of four consecutive quarters.
func (p Period) Annual() bool { return p.Source == annualSource }

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
