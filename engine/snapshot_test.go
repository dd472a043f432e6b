package engine

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"screener/data/schema"
)

func TestDecodeFixture(t *testing.T) {
	s := loadSnapFixture(t)
	if s.Kind != "current" || s.AsOf != "2025-11-24" || s.N != 5 || s.Modelled || s.FwdLastDate != "2026-08-03" || s.StaleMonths != 15 {
		t.Fatalf("header: %+v", s)
	}
	if len(s.Provenance) != 2 || s.Provenance[1] != (Provenance{"holdings/IJR.json", "2025-11-24"}) {
		t.Errorf("provenance %+v", s.Provenance)
	}
	if len(s.Coverage) != 2 || s.Coverage[0] != (FieldShare{"mcap", 0.8}) {
		t.Errorf("coverage %+v", s.Coverage)
	}
	if len(s.Flagged) != 2 || s.Flagged[0] != (FieldCount{"shares_scale", 1}) {
		t.Errorf("flagged %+v", s.Flagged)
	}
	if s.Ticker[1] != "BBB.B" || s.Sector[2] != 1 || s.Sectors[1] != "Financials" {
		t.Errorf("strings/sectors: %v %v", s.Ticker, s.Sector)
	}
	// null stays missing, never zero.
	if !math.IsNaN(s.IWM[2]) || !math.IsNaN(s.IJR[1]) || !math.IsNaN(s.Mcap[3]) || !math.IsNaN(s.FCFP[1]) {
		t.Error("nulls must decode as NaN")
	}
	if s.RevP[1] != 0 || s.Debt[1] != 0 {
		t.Error("explicit zeros must stay zero")
	}
	if s.CFEnd[3] != 0 || s.CFSrc[3] != -1 || s.IncEnd[0] != 20250630 || s.IncSrc[2] != 3 {
		t.Errorf("dates/sources: %v %v", s.CFEnd, s.CFSrc)
	}
	if s.Flags[3] != 1 {
		t.Errorf("flags %v", s.Flags)
	}
	if got := s.Period(BlockIncome, 2); got != (Period{20250630, 20250801, "simfin-banks"}) {
		t.Errorf("period %+v", got)
	}
	if got := s.Period(BlockCashFlow, 3); got != (Period{}) {
		t.Errorf("missing period %+v", got)
	}
	if FormatDate(20250630) != "2025-06-30" || FormatDate(0) != "" {
		t.Error("FormatDate")
	}
	if len(s.SP600) != 5 || s.SP600[0] {
		t.Error("current snapshot: SP600 must read as all false")
	}
}

func TestLookup(t *testing.T) {
	s := loadSnapFixture(t)
	for _, q := range []string{"BBB.B", "bbb.b", "BBB-B", "BBB/B", " bbb b "} {
		if i, ok := s.Lookup(q); !ok || i != 1 {
			t.Errorf("Lookup(%q) = %d, %v", q, i, ok)
		}
	}
	if _, ok := s.Lookup("ZZZ"); ok {
		t.Error("unknown ticker found")
	}
	if _, ok := s.Lookup(""); ok {
		t.Error("empty ticker found")
	}
	hand := &Snapshot{N: 2, Ticker: []string{"X", "Y.A"}} // no index: linear path
	if i, ok := hand.Lookup("y-a"); !ok || i != 1 {
		t.Error("Lookup on a hand-built snapshot")
	}
}

func TestDecodeErrors(t *testing.T) {
	good := snapFixtureBytes(t)
	body := snapFixtureBody(t)
	replace := func(old, new string) []byte {
		if !strings.Contains(body, old) {
			t.Fatalf("fixture has no %q", old)
		}
		return snapEnvelope(strings.Replace(body, old, new, 1))
	}
	cases := []struct {
		name string
		in   []byte
		want error
		msg  string
	}{
		{"empty", nil, ErrCorrupt, "empty"},
		{"not json", []byte("<html>"), ErrCorrupt, "not valid JSON"},
		{"no schema", []byte(`{"hash":"x","body":{}}`), ErrSchema, "schema"},
		{"schema string", []byte(`{"schema":"1","body":{}}`), ErrSchema, "schema"},
		{"newer schema", []byte(strings.Replace(string(good), `"schema":1`, `"schema":2`, 1)), ErrSchema, "schema 2"},
		{"bad hash", []byte(strings.Replace(string(good), `"AAA"`, `"AAB"`, 1)), ErrHash, "corrupted"},
		{"truncated", good[:len(good)/2], ErrHash, "truncated"},
		{"truncated early", good[:30], ErrCorrupt, "not valid JSON"},
		{"no hash", []byte(`{"schema":1,"body":{}}`), ErrCorrupt, "hash"},
		{"no body", []byte(`{"schema":1,"hash":"fnv1a64:0"}`), ErrCorrupt, "body"},
		{"kind funds", replace(`"kind": "current"`, `"kind": "funds"`), ErrCorrupt, `kind "funds"`},
		{"n string", replace(`"n": 5`, `"n": "5"`), ErrCorrupt, `n is a string`},
		{"n negative", replace(`"n": 5`, `"n": -1`), ErrCorrupt, "whole number"},
		{"n huge", replace(`"n": 5`, `"n": 1e12`), ErrCorrupt, "whole number"},
		{"short column", replace(`[20, 4, 35, null, 10]`, `[20, 4, 35, null]`), ErrCorrupt, `column "price" has 4 values, want n=5`},
		{"long column", replace(`[20, 4, 35, null, 10]`, `[20, 4, 35, null, 10, 11]`), ErrCorrupt, `more than n=5`},
		{"string in number column", replace(`[20, 4, 35, null, 10]`, `[20, "4", 35, null, 10]`), ErrCorrupt, `price[1] is a string`},
		{"object column", replace(`[20, 4, 35, null, 10]`, `{"a": 1}`), ErrCorrupt, `column "price" is an object`},
		{"infinite", replace(`[20, 4, 35, null, 10]`, `[20, 4, 1e999, null, 10]`), ErrCorrupt, "not a finite number"},
		{"sector out of range", replace(`[2, 0, 1, 4, 3]`, `[2, 0, 1, 5, 3]`), ErrCorrupt, "sector[3]"},
		{"sector fraction", replace(`[2, 0, 1, 4, 3]`, `[2, 0.5, 1, 4, 3]`), ErrCorrupt, "sector[1]"},
		{"ticker number", replace(`"BBB.B"`, `7`), ErrCorrupt, "ticker[1] is a number"},
		{"ticker null", replace(`"BBB.B"`, `null`), ErrCorrupt, "ticker[1] is null"},
		{"bad date", replace(`[20250805, 20251104, 20250801, 20250301, 20251030]`, `[20250805, 12, 20250801, 20250301, 20251030]`), ErrCorrupt, "inc_pub[1]"},
		{"source out of range", replace(`[0, 2, 3, 1, 0]`, `[0, 2, 9, 1, 0]`), ErrCorrupt, "inc_src[2]"},
		{"flag bit unnamed", replace(`[0, 0, 0, 1, 0]`, `[0, 0, 0, 4, 0]`), ErrCorrupt, "flags[3]"},
		{"missing column", replace(`"mcap":     [1000, 200, 700, null, 1000],`, ``), ErrCorrupt, `no column "mcap"`},
		{"missing iwm in current", replace(`"iwm":      [0.05, 0.01, null, 0.03, 0.02],`, ``), ErrCorrupt, `no column "iwm"`},
		{"duplicate column", replace(`"mcap":     [`, `"price": [1,2,3,4,5], "mcap": [`), ErrCorrupt, "twice"},
		{"modelled string", replace(`"modelled": false`, `"modelled": "no"`), ErrCorrupt, "modelled"},
		{"sectors not strings", replace(`"sectors": [`, `"sectors": [1, `), ErrCorrupt, "sectors[0]"},
		{"no cols", replace(`"cols": {`, `"colz": {`), ErrCorrupt, "cols"},
		{"body array", snapEnvelope(`[1,2]`), ErrCorrupt, "body"},
		{"body bad json", snapEnvelope(`{"kind": "current", "n": 5,,}`), ErrCorrupt, "not valid JSON"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := Decode(c.in)
			if err == nil {
				t.Fatalf("no error, got %d rows", s.N)
			}
			if !errors.Is(err, c.want) {
				t.Errorf("error %q does not wrap %v", err, c.want)
			}
			if !strings.Contains(err.Error(), c.msg) {
				t.Errorf("error %q does not mention %q", err, c.msg)
			}
		})
	}
}

func TestDecodeHistoryKind(t *testing.T) {
	body := snapFixtureBody(t)
	body = strings.Replace(body, `"kind": "current"`, `"kind": "history"`, 1)
	body = strings.Replace(body, `"iwm":      [0.05, 0.01, null, 0.03, 0.02],`, ``, 1)
	body = strings.Replace(body, `"ijr":      [0.3, null, 0.2, null, 0.1],`, ``, 1)
	if _, err := Decode(snapEnvelope(body)); err == nil || !strings.Contains(err.Error(), `no column "sp600"`) {
		t.Fatalf("history without sp600: %v", err)
	}
	body = strings.Replace(body, `"ticker":`, `"sp600": [1, 0, true, false, 0], "ticker":`, 1)
	s, err := Decode(snapEnvelope(body))
	if err != nil {
		t.Fatal(err)
	}
	if !s.SP600[0] || s.SP600[1] || !s.SP600[2] || !math.IsNaN(s.IWM[0]) {
		t.Errorf("sp600 %v iwm %v", s.SP600, s.IWM)
	}
	m := ComputeMetrics(s)
	if n := len(NewScreen(s, m, Options{Filter: Filter{Index: IndexIJR}}).Members); n != 2 {
		t.Errorf("history IJR-like universe has %d members, want 2", n)
	}
	if n := len(NewScreen(s, m, Options{Filter: Filter{Index: IndexIWM}}).Members); n != 4 {
		t.Errorf("history IWM-like universe has %d members, want 4 (DDD has no price)", n)
	}
}

// FuzzDecode: no input may panic Decode, decodeBody (reached without a
// valid hash), or the scoring of whatever decodes successfully.
func FuzzDecode(f *testing.F) {
	good := snapFixtureBytes(f)
	body := snapFixtureBody(f)
	f.Add(good)
	f.Add(good[:len(good)/3])
	f.Add([]byte(body))
	f.Add([]byte(`{"kind":"current","n":1,"sectors":["A"],"sources":[],"flag_names":[],"cols":{"ticker":["A"]}}`))
	f.Add(snapEnvelope(`{"kind":"history","n":0,"cols":{}}`))
	f.Add([]byte(strings.Replace(body, `"n": 5,`, `"n": 5, "universe_check": {"real_members": 3, "model_members": 4, "overlap": 2, "weight_overlap": 0.5},`, 1)))
	f.Fuzz(func(t *testing.T, b []byte) {
		check := func(s *Snapshot, err error) {
			if err != nil {
				if !errors.Is(err, ErrSchema) && !errors.Is(err, ErrHash) && !errors.Is(err, ErrCorrupt) {
					t.Fatalf("unclassified error %v", err)
				}
				return
			}
			for _, n := range []int{len(s.Ticker), len(s.Name), len(s.Sector), len(s.IWM), len(s.Mcap), len(s.Flags), len(s.CFSrc), len(s.SP600)} {
				if n != s.N {
					t.Fatalf("column length %d, n=%d", n, s.N)
				}
			}
			sc := NewScreen(s, ComputeMetrics(s), Options{SectorNeutral: true, ExcludeFinancials: true})
			sc.Score(Weights{1, 1, 1, 1, 1, 1})
		}
		check(Decode(b))
		check(decodeBody(b))
	})
}

// Operating income (SimFin only) can end a quarter before net income (the
// newer quarterly summary): its metrics must report its own period, and
// columns without a secondary window the block's primary one.
func TestColumnPeriodUsesSecondaryWindow(t *testing.T) {
	s := loadSnapFixture(t)
	n := s.N
	s.Inc2End, s.Inc2Pub, s.Inc2Src = make([]int32, n), make([]int32, n), make([]int8, n)
	for i := range s.Inc2Src {
		s.Inc2Src[i] = -1
	}
	s.IncEnd[0], s.IncPub[0] = 20250331, 20250507
	s.Inc2End[0], s.Inc2Pub[0], s.Inc2Src[0] = 20241231, 20250226, 0
	for _, col := range []string{"opinc", "opinc_p", "rev_op", "gp", "int"} {
		if p := s.ColumnPeriod(col, 0); p.End != 20241231 || p.Pub != 20250226 || p.Source != s.Sources[0] {
			t.Errorf("%s: period %+v, want the secondary window 2024-12-31", col, p)
		}
	}
	if p := s.ColumnPeriod("ni", 0); p.End != 20250331 {
		t.Errorf("ni: period %+v, want the primary window 2025-03-31", p)
	}
	// Row 1 has no secondary window: fall back to the primary one.
	if p, q := s.ColumnPeriod("opinc", 1), s.Period(BlockIncome, 1); p != q {
		t.Errorf("opinc without secondary window: %+v, want primary %+v", p, q)
	}
	if ColumnBlock("da") != BlockCashFlow || ColumnBlock("rev_op") != BlockIncome {
		t.Error("da belongs to the cash-flow block, rev_op to income")
	}
}

// The age limit counts calendar months from the period end, clamped to
// the month's last day, and is exclusive: a period exactly StaleMonths old
// on the snapshot date is still usable.
func TestStale(t *testing.T) {
	s := &Snapshot{AsOf: "2025-11-24", StaleMonths: 15}
	for end, want := range map[int32]bool{
		20240824: false, // limit 2025-11-24 = asof
		20240823: true,
		20240630: true,  // the June fiscal year 2024: 17 months old
		20241231: false, // calendar FY2024
		0:        false, // no date: nothing to call stale
	} {
		if got := s.Stale(end); got != want {
			t.Errorf("Stale(%d) = %v, want %v", end, got, want)
		}
	}
	s = &Snapshot{AsOf: "2025-02-28", StaleMonths: 6}
	if s.Stale(20240831) || !(&Snapshot{AsOf: "2025-03-01", StaleMonths: 6}).Stale(20240831) {
		t.Error("Aug 31 + 6 months must clamp to Feb 28")
	}
	if (&Snapshot{AsOf: "2025-11-24"}).Stale(20100101) {
		t.Error("no limit recorded: nothing is stale")
	}
	if a := (&Snapshot{AsOf: "2025-11-24"}).AgeMonths(20241124); math.Abs(a-12) > 0.05 {
		t.Errorf("AgeMonths one year = %v", a)
	}
	if !(Period{Source: "simfin-annual"}).Annual() || (Period{Source: "quarterly-summary"}).Annual() {
		t.Error("Annual follows the source")
	}
}

func TestMedianStatementAge(t *testing.T) {
	s := &Snapshot{AsOf: "2025-11-24", IncEnd: []int32{20250924, 0, 20250524, 20241124}}
	// Ages 2, 6 and 12 months (the missing date is left out): median 6.
	if a := s.MedianStatementAgeMonths(); math.Abs(a-6) > 0.05 {
		t.Errorf("median age %v, want 6", a)
	}
	if a := (&Snapshot{AsOf: "2025-11-24"}).MedianStatementAgeMonths(); !math.IsNaN(a) {
		t.Errorf("no statements: %v, want NaN", a)
	}
}

// engine.SchemaVersion (types.go) is kept for the funds decoder; it must
// be the contract's number, or the two decoders would disagree.
func TestSchemaVersionIsTheContracts(t *testing.T) {
	if SchemaVersion != schema.Version {
		t.Errorf("SchemaVersion %d, schema.Version %d", SchemaVersion, schema.Version)
	}
	if HashBody([]byte("{}")) != schema.Hash([]byte("{}")) {
		t.Error("HashBody must be schema.Hash")
	}
}

// The survivorship counts and the share count's period end are decoded
// like every other field: present values read, absent ones nil, malformed
// ones a corrupt file.
func TestDecodeSurvivorshipAndShEnd(t *testing.T) {
	body := snapFixtureBody(t)
	with := strings.Replace(body, `"n": 5,`, `"n": 5, "survivorship_counts": {"ranked_pool": 9, "kept": 5}, "survivorship_holdings": {"holdings": 7, "no_price": 2},`, 1)
	with = strings.Replace(with, `"ticker":`, `"sh_end": [20250630, null, 20241231, 20250630, 20250930], "ticker":`, 1)
	s, err := Decode(snapEnvelope(with))
	if err != nil {
		t.Fatal(err)
	}
	if n, ok := CountOf(s.SurvivorshipCounts, schema.SurvKept); !ok || n != 5 || len(s.SurvivorshipCounts) != 2 {
		t.Errorf("survivorship_counts %+v", s.SurvivorshipCounts)
	}
	if n, ok := CountOf(s.SurvivorshipHoldings, schema.HoldNoPrice); !ok || n != 2 {
		t.Errorf("survivorship_holdings %+v", s.SurvivorshipHoldings)
	}
	if _, ok := CountOf(s.SurvivorshipCounts, "nope"); ok {
		t.Error("CountOf found a name that is not there")
	}
	if len(s.ShEnd) != 5 || s.ShEnd[0] != 20250630 || s.ShEnd[1] != 0 {
		t.Errorf("sh_end %v", s.ShEnd)
	}
	plain := loadSnapFixture(t)
	if plain.SurvivorshipCounts != nil || plain.SurvivorshipHoldings != nil || plain.ShEnd != nil {
		t.Error("absent counts and sh_end must stay nil")
	}
	for name, bad := range map[string][2]string{
		"count string":   {`"n": 5,`, `"n": 5, "survivorship_counts": {"kept": "5"},`},
		"count negative": {`"n": 5,`, `"n": 5, "survivorship_counts": {"kept": -1},`},
		"counts array":   {`"n": 5,`, `"n": 5, "survivorship_holdings": [1],`},
		"sh_end short":   {`"ticker":`, `"sh_end": [20250630], "ticker":`},
	} {
		_, err := Decode(snapEnvelope(strings.Replace(body, bad[0], bad[1], 1)))
		if !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: err %v, want ErrCorrupt", name, err)
		}
	}
}

// ReadColumns is what the builder's round-trip test compares with the
// columns written: it must follow the kinds of the contract.
func TestReadColumns(t *testing.T) {
	has := func(list []string, col string) bool { return slices.Contains(list, col) }
	req, opt := ReadColumns(schema.KindCurrent)
	if !has(req, schema.ColIWM) || !has(req, schema.ColMcap) || !has(req, schema.ColIncSrc) || !has(opt, schema.ColSP600) || !has(opt, schema.ColShEnd) || !has(opt, schema.ColInc2End) {
		t.Errorf("current: required %v optional %v", req, opt)
	}
	req, opt = ReadColumns(schema.KindHistory)
	if !has(req, schema.ColSP600) || !has(opt, schema.ColIWM) || has(req, schema.ColIWM) {
		t.Errorf("history: required %v optional %v", req, opt)
	}
}

// Float reads the same name table Decode fills, and never offers the
// forward returns to scoring code.
func TestFloatColumns(t *testing.T) {
	s := loadSnapFixture(t)
	if c, ok := s.Float(schema.ColRevOpP); !ok || &c[0] != &s.RevOpP[0] {
		t.Error("Float(rev_op_p) is not RevOpP")
	}
	if c, ok := s.Float(schema.ColIWM); !ok || &c[0] != &s.IWM[0] {
		t.Error("Float(iwm) is not IWM")
	}
	for _, col := range []string{schema.ColFwd12, schema.ColFwdLast, schema.ColIncEnd, "nope"} {
		if _, ok := s.Float(col); ok {
			t.Errorf("Float(%q) offered", col)
		}
	}
}

// universe_check (history snapshots of a real index list) decodes into
// UniverseCheck; absent, it stays nil; a malformed one is a corrupt file.
func TestDecodeUniverseCheck(t *testing.T) {
	body := snapFixtureBody(t)
	check := `"universe_check": {"listed": 1990, "no_price_file": 220, "no_price": 5, "no_shares": 297, "merged_share_classes": 5, "real_members": 1463, "model_members": 2118, "overlap": 1360, "real_in_model": 0.9296, "model_in_real": 0.6421, "weight_overlap": 0.7514, "model": "ranked on 2022-05-06", "later_key": [1]},`
	s, err := Decode(snapEnvelope(strings.Replace(body, `"n": 5,`, `"n": 5, `+check, 1)))
	if err != nil {
		t.Fatal(err)
	}
	want := UniverseCheck{Listed: 1990, NoPriceFile: 220, NoPrice: 5, NoShares: 297, MergedShareClasses: 5, RealMembers: 1463, ModelMembers: 2118,
		Overlap: 1360, RealInModel: 0.9296, ModelInReal: 0.6421, WeightOverlap: 0.7514, Model: "ranked on 2022-05-06"}
	if s.UniverseCheck == nil || *s.UniverseCheck != want {
		t.Errorf("universe_check %+v, want %+v", s.UniverseCheck, want)
	}
	if loadSnapFixture(t).UniverseCheck != nil {
		t.Error("absent universe_check must stay nil")
	}
	minimal := `"universe_check": {"real_members": 3, "model_members": 4, "overlap": 2, "weight_overlap": 0.5},`
	if s, err := Decode(snapEnvelope(strings.Replace(body, `"n": 5,`, `"n": 5, `+minimal, 1))); err != nil || s.UniverseCheck.Overlap != 2 || s.UniverseCheck.Listed != 0 {
		t.Errorf("minimal universe_check: %+v %v", s, err)
	}
	for name, bad := range map[string]string{
		"not an object":    `"universe_check": [1],`,
		"count string":     `"universe_check": {"real_members": "3", "model_members": 4, "overlap": 2, "weight_overlap": 0.5},`,
		"count negative":   `"universe_check": {"real_members": -3, "model_members": 4, "overlap": 2, "weight_overlap": 0.5},`,
		"share above one":  `"universe_check": {"real_members": 3, "model_members": 4, "overlap": 2, "weight_overlap": 1.5},`,
		"missing overlap":  `"universe_check": {"real_members": 3, "model_members": 4, "weight_overlap": 0.5},`,
		"overlap too big":  `"universe_check": {"real_members": 3, "model_members": 4, "overlap": 5, "weight_overlap": 0.5},`,
		"model not string": `"universe_check": {"real_members": 3, "model_members": 4, "overlap": 2, "weight_overlap": 0.5, "model": 7},`,
	} {
		_, err := Decode(snapEnvelope(strings.Replace(body, `"n": 5,`, `"n": 5, `+bad, 1)))
		if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "universe_check") {
			t.Errorf("%s: err %v, want ErrCorrupt naming universe_check", name, err)
		}
	}
}
