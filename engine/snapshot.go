package engine

import (
	"errors"
	"fmt"
	"strings"

	"screener/data/schema"

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

// FieldCount is a named count: the stocks on which a data-quality check
// fired ("flagged"), or one of the survivorship counts.
type FieldCount struct {
	Name  string
	Count int
}

// CountOf finds the count called name; ok is false when cs has none.
func CountOf(cs []FieldCount, name string) (n int, ok bool) {
	for _, c := range cs {
		if c.Name == name {
			return c.Count, true
		}
	}
	return 0, false
}

// Snapshot is a decoded `current` or `history` snapshot (format: package
// schema): one slice per column, all of length N, in the file's stock
// order. Missing numbers are NaN, missing dates 0 and missing sources -1.
type Snapshot struct {
	// Hash is the envelope's body hash: the file's identity, compared with
	// the data manifest's entry to notice a newer build.
	Hash                                            string
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
	// SurvivorshipCounts (history: schema.Surv* names) and
	// SurvivorshipHoldings (current: schema.Hold* names) are the numbers
	// behind the Survivorship text; nil when the file has none.
	SurvivorshipCounts, SurvivorshipHoldings []FieldCount
	// UniverseCheck (history snapshots whose universe is a real index
	// list, Modelled false) measures the model the modelled years use
	// against that list; nil when the file has none.
	UniverseCheck *UniverseCheck

	Ticker, Name []string
	Sector       []uint8
	IWM, IJR     []float64 // weight in % of the fund, NaN = not held
	SP600        []bool    // history: passes the modelled S&P-600-like rule
	// R1000 and SP500 (large-cap snapshot only; all false elsewhere):
	// held by IWD or IWF (Russell 1000), held by IVV (S&P 500).
	R1000, SP500 []bool

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
	// ShEnd is the period end of the share count behind Shares and Mcap
	// (YYYYMMDD, 0 = missing): how old the count is. Optional; nil when
	// the snapshot has none.
	ShEnd []int32

	// Fwd12 and FwdLast are FORWARD returns (asof → +12 months, asof →
	// FwdLastDate). They exist for the history view only and are never read
	// by scoring code.
	Fwd12, FwdLast []float64

	byTicker map[string]int32
}

// UniverseCheck is the body's "universe_check" (schema.UniverseCheck):
// the modelled Russell 2000 of the year against the real list, both as
// of the snapshot date. Of Listed rows of the list, NoPriceFile have no
// price series in the data, NoPrice no price on the date, NoShares no
// share count and MergedShareClasses were a further class of a listed
// company; RealMembers form the universe. ModelMembers is the model's
// universe (rule: Model), Overlap the companies in both; RealInModel =
// Overlap/RealMembers, ModelInReal = Overlap/ModelMembers, WeightOverlap
// the sum over companies of the smaller market-cap weight in the two.
type UniverseCheck struct {
	Listed, NoPriceFile, NoPrice, NoShares, MergedShareClasses int
	RealMembers, ModelMembers, Overlap                         int
	RealInModel, ModelInReal, WeightOverlap                    float64
	Model                                                      string
}

// maxRows bounds n so that a corrupt or hostile file cannot make the
// decoder allocate gigabytes before the column lengths are checked.
const maxRows = 200_000

// HashBody is schema.Hash, the envelope's body hash. It stays for the
// funds decoder and the tests of this package; new code calls schema.Hash.
func HashBody(body []byte) string { return schema.Hash(body) }

// Decode parses and validates a `current`, `history` or `largecap` snapshot. It checks,
// in order: the schema version (before anything else is parsed), the body
// hash, the kind, then every field and column (presence, type, length).
// It never panics on bad input; every error wraps ErrSchema, ErrHash or
// ErrCorrupt.
func Decode(b []byte) (*Snapshot, error) {
	raw, err := envelopeBody(b)
	if err != nil {
		return nil, err
	}
	s, err := decodeBody(raw)
	if err != nil {
		return nil, err
	}
	// envelopeBody checked that the recorded hash is the body's.
	s.Hash = gjson.GetBytes(b, "hash").Str
	return s, nil
}

// envelopeBody checks a snapshot's envelope — schema first, so a newer
// format is refused before anything else is read, then the hash of the
// exact body bytes — and returns those bytes. Every snapshot kind
// (current, history, funds) goes through it.
func envelopeBody(b []byte) ([]byte, error) {
	if len(b) == 0 {
		return nil, fmt.Errorf("%w: empty file", ErrCorrupt)
	}
	ver := gjson.GetBytes(b, "schema")
	if ver.Type != gjson.Number {
		if !gjson.ValidBytes(b) {
			return nil, fmt.Errorf("%w: not valid JSON (truncated?)", ErrCorrupt)
		}
		return nil, fmt.Errorf("%w: no numeric \"schema\" field", ErrSchema)
	}
	if ver.Num != schema.Version {
		return nil, fmt.Errorf("%w: file has schema %s, this build reads schema %d", ErrSchema, ver.Raw, schema.Version)
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
	if got := schema.Hash(raw); got != hash.Str {
		if !gjson.ValidBytes(b) {
			return nil, fmt.Errorf("%w: body hash %s, file says %s: file is truncated or not valid JSON", ErrHash, got, hash.Str)
		}
		return nil, fmt.Errorf("%w: body hash %s, file says %s: file is corrupted", ErrHash, got, hash.Str)
	}
	return raw, nil
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
			s.Flagged, err = snapCounts(v, "flagged")
		case schema.SurvivorshipCounts:
			s.SurvivorshipCounts, err = snapCounts(v, schema.SurvivorshipCounts)
		case schema.SurvivorshipHoldings:
			s.SurvivorshipHoldings, err = snapCounts(v, schema.SurvivorshipHoldings)
		case schema.UniverseCheck:
			s.UniverseCheck, err = snapUniverseCheck(v)
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
	if s.Kind != schema.KindCurrent && s.Kind != schema.KindHistory && s.Kind != schema.KindLargeCap {
		return nil, fmt.Errorf("%w: kind %q, want \"current\", \"history\" or \"largecap\"", ErrCorrupt, s.Kind)
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

// floatColumn is a numeric column and the Snapshot slice it fills.
type floatColumn struct {
	name string
	dst  *[]float64
}

// floatColumns are the numeric columns: the one table of names that
// Decode fills and Float reads.
func (s *Snapshot) floatColumns() []floatColumn {
	return []floatColumn{
		{schema.ColIWM, &s.IWM}, {schema.ColIJR, &s.IJR},
		{schema.ColPrice, &s.Price}, {schema.ColShares, &s.Shares}, {schema.ColMcap, &s.Mcap},
		{schema.ColRev, &s.Rev}, {schema.ColGP, &s.GP}, {schema.ColOpInc, &s.OpInc}, {schema.ColDA, &s.DA},
		{schema.ColInt, &s.Int}, {schema.ColNI, &s.NI}, {schema.ColOCF, &s.OCF}, {schema.ColCapex, &s.Capex},
		{schema.ColFCF, &s.FCF}, {schema.ColRevP, &s.RevP}, {schema.ColGPP, &s.GPP}, {schema.ColOpIncP, &s.OpIncP},
		{schema.ColDAP, &s.DAP}, {schema.ColIntP, &s.IntP}, {schema.ColNIP, &s.NIP}, {schema.ColOCFP, &s.OCFP},
		{schema.ColCapexP, &s.CapexP}, {schema.ColFCFP, &s.FCFP}, {schema.ColRevOp, &s.RevOp}, {schema.ColRevOpP, &s.RevOpP},
		{schema.ColAssets, &s.Assets}, {schema.ColEquity, &s.Equity}, {schema.ColDebt, &s.Debt}, {schema.ColCash, &s.Cash},
		{schema.ColAssetsP, &s.AssetsP}, {schema.ColEquityP, &s.EquityP},
		{schema.ColMom12_1, &s.Mom12_1}, {schema.ColMom6_1, &s.Mom6_1}, {schema.ColTrend, &s.Trend},
		{schema.ColFwd12, &s.Fwd12}, {schema.ColFwdLast, &s.FwdLast},
	}
}

// columns is what Decode reads from a snapshot of s.Kind. A column the
// contract writes in one kind only (schema.OnlyIn) is required in that
// kind and optional in the other. The secondary windows and sh_end came
// after the first files: optional, so those files still decode.
func (s *Snapshot) columns() []snapColumn {
	inKind := func(col string) bool { k := schema.OnlyIn(col); return k == "" || k == s.Kind }
	spec := []snapColumn{
		{name: schema.ColTicker, kind: colTicker, required: true},
		{name: schema.ColName, kind: colName, required: true},
		{name: schema.ColSector, kind: colSector, required: true},
		{name: schema.ColSP600, kind: colBool, required: inKind(schema.ColSP600), bl: &s.SP600},
		{name: schema.ColR1000, kind: colBool, required: inKind(schema.ColR1000), bl: &s.R1000},
		{name: schema.ColSP500, kind: colBool, required: inKind(schema.ColSP500), bl: &s.SP500},
		{name: schema.ColFlags, kind: colFlags, required: true},
	}
	for _, c := range s.floatColumns() {
		spec = append(spec, snapColumn{name: c.name, kind: colNum, required: inKind(c.name), f64: c.dst})
	}
	dates := [...]struct {
		name     string
		dst      *[]int32
		required bool
	}{
		{schema.ColIncEnd, &s.IncEnd, true}, {schema.ColIncPub, &s.IncPub, true},
		{schema.ColBalEnd, &s.BalEnd, true}, {schema.ColBalPub, &s.BalPub, true},
		{schema.ColCFEnd, &s.CFEnd, true}, {schema.ColCFPub, &s.CFPub, true},
		{schema.ColInc2End, &s.Inc2End, false}, {schema.ColInc2Pub, &s.Inc2Pub, false},
		{schema.ColBal2End, &s.Bal2End, false}, {schema.ColBal2Pub, &s.Bal2Pub, false},
		{schema.ColCF2End, &s.CF2End, false}, {schema.ColCF2Pub, &s.CF2Pub, false},
		{schema.ColShEnd, &s.ShEnd, false},
	}
	for _, d := range dates {
		spec = append(spec, snapColumn{name: d.name, kind: colDate, required: d.required, i32: d.dst})
	}
	sources := [...]struct {
		name     string
		dst      *[]int8
		required bool
	}{
		{schema.ColIncSrc, &s.IncSrc, true}, {schema.ColBalSrc, &s.BalSrc, true}, {schema.ColCFSrc, &s.CFSrc, true},
		{schema.ColInc2Src, &s.Inc2Src, false}, {schema.ColBal2Src, &s.Bal2Src, false}, {schema.ColCF2Src, &s.CF2Src, false},
	}
	for _, d := range sources {
		spec = append(spec, snapColumn{name: d.name, kind: colSource, required: d.required, i8: d.dst})
	}
	return spec
}

// ReadColumns lists the columns Decode reads from a snapshot of kind
// (schema.KindCurrent or schema.KindHistory): the required ones, without
// which it fails, and the optional ones, read when present. Any other
// column is skipped. The builder's round-trip test compares these lists
// with the columns it writes.
func ReadColumns(kind string) (required, optional []string) {
	for _, c := range (&Snapshot{Kind: kind}).columns() {
		if c.required {
			required = append(required, c.name)
		} else {
			optional = append(optional, c.name)
		}
	}
	return required, optional
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
	for _, b := range []*[]bool{&s.SP600, &s.R1000, &s.SP500} {
		if *b == nil {
			*b = make([]bool, s.N)
		}
	}
	return nil
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

// Float returns the numeric column named col (schema.Col*). The forward
// returns are not offered: nothing that ranks stocks may read them.
func (s *Snapshot) Float(col string) ([]float64, bool) {
	if col == schema.ColFwd12 || col == schema.ColFwdLast {
		return nil, false
	}
	for _, c := range s.floatColumns() {
		if c.name == col {
			return *c.dst, true
		}
	}
	return nil, false
}
