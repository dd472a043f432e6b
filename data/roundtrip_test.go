package data

import (
	"encoding/json"
	"math"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"screener/data/schema"
	"screener/engine"
)

// The round trip: the builder writes every file from the fixture DATA_DIR
// (data/testdata/raw), the engine decodes it, and what it decodes is what
// was written. The builder and the engine agree only through package
// schema and this test; it imports the engine, which the builder itself
// never does.

var roundTrip struct {
	once sync.Once
	res  *Result
	err  error
}

// roundTripFiles builds the fixture with the default dates (so every
// history year) and ranks 1-3, once for all the tests below.
func roundTripFiles(t *testing.T) []File {
	t.Helper()
	roundTrip.once.Do(func() {
		roundTrip.res, roundTrip.err = Build(Options{DataDir: fixtureDir, RankFirst: 1, RankLast: 3})
	})
	if roundTrip.err != nil {
		t.Fatal(roundTrip.err)
	}
	return roundTrip.res.Files
}

// rawBody is a current or history body read with encoding/json, apart
// from the engine, to compare the engine's reading with.
type rawBody struct {
	N       int                        `json:"n"`
	Sources []string                   `json:"sources"`
	Sectors []string                   `json:"sectors"`
	Cols    map[string]json.RawMessage `json:"cols"`
}

func readRawBody(t *testing.T, f File) rawBody {
	t.Helper()
	var env struct {
		Body rawBody `json:"body"`
	}
	if err := json.Unmarshal(f.Data, &env); err != nil {
		t.Fatalf("%s: %v", f.Name, err)
	}
	return env.Body
}

// decodeAll decodes every current and history file with the engine.
func decodeAll(t *testing.T) map[string]*engine.Snapshot {
	t.Helper()
	out := map[string]*engine.Snapshot{}
	for _, f := range roundTripFiles(t) {
		if f.Name == schema.FundsFile || f.Name == schema.DailyFile || f.Name == schema.IndexFile {
			continue
		}
		s, err := engine.Decode(f.Data)
		if err != nil {
			t.Fatalf("engine.Decode(%s): %v", f.Name, err)
		}
		out[f.Name] = s
	}
	return out
}

// The files are the contract's, in its order, each of the kind and date
// its name promises, with the contract's lists.
func TestRoundTripFiles(t *testing.T) {
	var names []string
	for _, f := range roundTripFiles(t) {
		names = append(names, f.Name)
	}
	want := []string{schema.CurrentFile}
	for _, y := range schema.HistoryYears() {
		want = append(want, schema.HistoryFile(y))
	}
	want = append(want, schema.FundsFile, schema.LargeCapFile, schema.DailyFile, schema.IndexFile)
	if !slices.Equal(names, want) {
		t.Fatalf("files %v, want %v", names, want)
	}
	snaps := decodeAll(t)
	check := func(name, kind, asof string) {
		s := snaps[name]
		if s.Kind != kind || s.AsOf != asof || s.StaleMonths != StaleMonths || s.FwdLastDate != "2026-08-03" {
			t.Errorf("%s: kind %s asof %s stale_months %d fwd_last_date %s", name, s.Kind, s.AsOf, s.StaleMonths, s.FwdLastDate)
		}
		if !slices.Equal(s.FlagNames, schema.FlagNames()) || !slices.Equal(s.Sources, schema.Sources()) || !slices.Equal(s.Sectors, schema.GICSSectors()) {
			t.Errorf("%s: flag names %v, sources %v, sectors %v", name, s.FlagNames, s.Sources, s.Sectors)
		}
	}
	check(schema.CurrentFile, schema.KindCurrent, schema.CurrentAsOf)
	for _, y := range schema.HistoryYears() {
		check(schema.HistoryFile(y), schema.KindHistory, schema.HistoryAsOf(y))
	}
	check(schema.LargeCapFile, schema.KindLargeCap, schema.CurrentAsOf)
}

// Every cell of every column the builder writes reads back as written,
// into the Snapshot field of the column's name (rev_op_p -> RevOpP: the
// field name is the column name without underscores, in any case), so a
// column decoded into the wrong field fails here: null as NaN, 0 (dates)
// or -1 (sources), a sector as its index. The periods the engine derives
// from the date and source columns are checked too.
func TestRoundTripEveryCell(t *testing.T) {
	snaps := decodeAll(t)
	for _, f := range roundTripFiles(t) {
		if s := snaps[f.Name]; s != nil {
			b := readRawBody(t, f)
			for _, col := range sortedKeys(b.Cols) {
				checkColumn(t, f.Name, col, s, b)
			}
			checkPeriods(t, f.Name, s, b)
		}
	}
}

// snapshotField is the Snapshot field named like column col.
func snapshotField(s *engine.Snapshot, col string) (reflect.Value, bool) {
	v := reflect.ValueOf(s).Elem()
	fold := func(n string) string { return strings.ToLower(strings.ReplaceAll(n, "_", "")) }
	for i := 0; i < v.NumField(); i++ {
		if f := v.Type().Field(i); f.IsExported() && fold(f.Name) == fold(col) {
			return v.Field(i), true
		}
	}
	return reflect.Value{}, false
}

func checkColumn(t *testing.T, file, col string, s *engine.Snapshot, b rawBody) {
	t.Helper()
	field, ok := snapshotField(s, col)
	if !ok {
		t.Errorf("%s: column %q has no Snapshot field named like it: decode it into one, or teach this test the name", file, col)
		return
	}
	if field.Kind() != reflect.Slice || field.Len() != b.N {
		t.Errorf("%s: column %q decoded into %s of length %d, want n=%d", file, col, field.Type(), field.Len(), b.N)
		return
	}
	if col == schema.ColTicker || col == schema.ColName {
		var want []string
		if err := json.Unmarshal(b.Cols[col], &want); err != nil || !slices.Equal(field.Interface().([]string), want) {
			t.Errorf("%s: %s decoded %v, written %v (%v)", file, col, field.Interface(), want, err)
		}
		return
	}
	var want []*float64
	if err := json.Unmarshal(b.Cols[col], &want); err != nil {
		t.Fatalf("%s: column %s: %v", file, col, err)
	}
	for i, w := range want {
		var got float64
		null := false
		switch e := field.Index(i); e.Kind() {
		case reflect.Float64:
			got, null = e.Float(), math.IsNaN(e.Float())
		case reflect.Int32: // dates: 0 = missing
			got, null = float64(e.Int()), e.Int() == 0
		case reflect.Int8: // sources: -1 = missing
			got, null = float64(e.Int()), e.Int() == -1
		case reflect.Uint8, reflect.Uint32: // sector index, flag bits
			got = float64(e.Uint())
		case reflect.Bool:
			if e.Bool() {
				got = 1
			}
		default:
			t.Fatalf("%s: column %q decoded into %s: no check for that type", file, col, field.Type())
		}
		if null != (w == nil) || w != nil && got != *w {
			t.Errorf("%s: %s[%d] decoded %v (missing %v), written %v", file, col, i, got, null, cell(w))
		}
	}
}

// checkPeriods compares each block's primary window (Snapshot.Period) and
// secondary window (Snapshot.ColumnPeriod of a column that uses it) with
// the *_end, *_pub and *_src columns written.
func checkPeriods(t *testing.T, file string, s *engine.Snapshot, b rawBody) {
	t.Helper()
	nums := func(col string) []*float64 {
		var v []*float64
		if err := json.Unmarshal(b.Cols[col], &v); err != nil {
			t.Fatalf("%s: column %s: %v", file, col, err)
		}
		return v
	}
	blocks := []struct {
		b                                    engine.Block
		end, pub, src, end2, pub2, src2, use string // use: a column of the secondary window
	}{
		{engine.BlockIncome, schema.ColIncEnd, schema.ColIncPub, schema.ColIncSrc, schema.ColInc2End, schema.ColInc2Pub, schema.ColInc2Src, schema.ColOpInc},
		{engine.BlockBalance, schema.ColBalEnd, schema.ColBalPub, schema.ColBalSrc, schema.ColBal2End, schema.ColBal2Pub, schema.ColBal2Src, schema.ColDebt},
		{engine.BlockCashFlow, schema.ColCFEnd, schema.ColCFPub, schema.ColCFSrc, schema.ColCF2End, schema.ColCF2Pub, schema.ColCF2Src, schema.ColOCF},
	}
	period := func(end, pub, src *float64) engine.Period {
		var p engine.Period
		if end != nil {
			p.End = int32(*end)
		}
		if pub != nil {
			p.Pub = int32(*pub)
		}
		if src != nil {
			p.Source = b.Sources[int(*src)]
		}
		return p
	}
	for _, bl := range blocks {
		end, pub, src := nums(bl.end), nums(bl.pub), nums(bl.src)
		end2, pub2, src2 := nums(bl.end2), nums(bl.pub2), nums(bl.src2)
		for i := range end {
			primary := s.Period(bl.b, i)
			if want := period(end[i], pub[i], src[i]); primary != want {
				t.Errorf("%s: %s period of row %d decoded %+v, written %+v", file, bl.b, i, primary, want)
			}
			want := primary // no secondary window: the column uses the primary one
			if end2[i] != nil {
				want = period(end2[i], pub2[i], src2[i])
			}
			if got := s.ColumnPeriod(bl.use, i); got != want {
				t.Errorf("%s: %s period of row %d decoded %+v, written %+v", file, bl.use, i, got, want)
			}
		}
	}
}

func cell(v *float64) any {
	if v == nil {
		return "null"
	}
	return *v
}

// Values the fixture was made to produce (data/testdata/raw/README.md),
// read through the engine.
func TestRoundTripValues(t *testing.T) {
	snaps := decodeAll(t)
	cur := snaps[schema.CurrentFile]
	row := func(s *engine.Snapshot, ticker string) int {
		i, ok := s.Lookup(ticker)
		if !ok {
			t.Fatalf("%s not in the %s snapshot", ticker, s.Kind)
		}
		return i
	}
	flags := func(s *engine.Snapshot, i int) string {
		var out []string
		for b, n := range s.FlagNames {
			if s.Flags[i]&(1<<b) != 0 {
				out = append(out, n)
			}
		}
		return strings.Join(out, ",")
	}
	if cur.N != 14 || strings.Join(cur.Ticker, " ") != "AAA BBBB CCC DDD EEE FFF HHH III JJJ KKK LLL MMM NNN PPP" || cur.Modelled {
		t.Errorf("current: n %d tickers %v modelled %v", cur.N, cur.Ticker, cur.Modelled)
	}
	// AAA: TTM net income 5+6+7+8 from four summary quarters, a year
	// earlier 1+2+3+4; operating income SimFin-only to 2024Q2 (stale).
	a := row(cur, "AAA")
	if cur.NI[a] != 26 || cur.NIP[a] != 10 || cur.IncEnd[a] != 20250331 || cur.IWM[a] != 2.2 || cur.Sectors[cur.Sector[a]] != "Industrials" || cur.ShEnd[a] != 20250331 {
		t.Errorf("AAA: ni %v ni_p %v inc_end %d iwm %v sh_end %d", cur.NI[a], cur.NIP[a], cur.IncEnd[a], cur.IWM[a], cur.ShEnd[a])
	}
	if p := cur.ColumnPeriod(schema.ColOpInc, a); p.End != 20240630 || !math.IsNaN(cur.OpInc[a]) || flags(cur, a) != "malformed_row,stale" {
		t.Errorf("AAA: opinc %v period %+v flags %s", cur.OpInc[a], p, flags(cur, a))
	}
	// HHH: the fund evidence brings back its 50 M shares of 2024Q3.
	h := row(cur, "HHH")
	if cur.Shares[h] != 50 || cur.Mcap[h] != 1089.8 || cur.ShEnd[h] != 20240930 || flags(cur, h) != schema.FlagSharesFundCorrected {
		t.Errorf("HHH: shares %v mcap %v sh_end %d flags %s", cur.Shares[h], cur.Mcap[h], cur.ShEnd[h], flags(cur, h))
	}
	// JJJ: no count is supported: shares and mcap missing, never 0.
	j := row(cur, "JJJ")
	if !math.IsNaN(cur.Shares[j]) || !math.IsNaN(cur.Mcap[j]) || cur.ShEnd[j] != 0 || flags(cur, j) != schema.FlagMcapUnsupported {
		t.Errorf("JJJ: shares %v mcap %v sh_end %d flags %s", cur.Shares[j], cur.Mcap[j], cur.ShEnd[j], flags(cur, j))
	}
	// PPP: the real price of a later reverse split; KKK: low float kept.
	if p := row(cur, "PPP"); cur.Price[p] != 2 || cur.Mcap[p] != 200 || flags(cur, p) != schema.FlagPriceRescaled {
		t.Errorf("PPP: price %v mcap %v flags %s", cur.Price[p], cur.Mcap[p], flags(cur, p))
	}
	if k := row(cur, "KKK"); cur.Shares[k] != 60 || flags(cur, k) != schema.FlagMcapLowFloat {
		t.Errorf("KKK: shares %v flags %s", cur.Shares[k], flags(cur, k))
	}
	// LLL: FY2023 annual reports only, stale on the current date.
	l := row(cur, "LLL")
	if p := cur.Period(engine.BlockIncome, l); p.End != 20231231 || !p.Annual() || !math.IsNaN(cur.NI[l]) || !math.IsNaN(cur.Rev[l]) || flags(cur, l) != schema.FlagStale || !cur.Stale(p.End) {
		t.Errorf("LLL: period %+v ni %v rev %v flags %s", p, cur.NI[l], cur.Rev[l], flags(cur, l))
	}
	// EEE: in IWM without statements or prices: missing, not zero.
	if e := row(cur, "EEE"); !math.IsNaN(cur.Price[e]) || !math.IsNaN(cur.Mcap[e]) || cur.IWM[e] != 0.1 || !math.IsNaN(cur.IJR[e]) {
		t.Errorf("EEE: price %v mcap %v iwm %v ijr %v", cur.Price[e], cur.Mcap[e], cur.IWM[e], cur.IJR[e])
	}
	for i := range cur.Fwd12 {
		if !math.IsNaN(cur.Fwd12[i]) {
			t.Errorf("current fwd12[%d] = %v: no 12 months of prices after the date", i, cur.Fwd12[i])
		}
	}
	wantHold := map[string]int{schema.HoldHoldings: 14, schema.HoldNoPrice: 2, schema.HoldNoPriceFile: 1, schema.HoldInPricesTo2024: 1,
		schema.HoldPriceFileEnded: 1, schema.HoldPriceFileStartsLater: 0, schema.HoldPriceGap: 0, schema.HoldPriceGlitch: 0}
	checkCounts(t, "current survivorship_holdings", cur.SurvivorshipHoldings, wantHold)
	if cur.SurvivorshipCounts != nil {
		t.Errorf("current carries history survivorship counts %v", cur.SurvivorshipCounts)
	}

	// history-2025: HHH's wrong count (no fund evidence in history) ranks
	// it among the three largest; all three have positive net income.
	h25 := snaps[schema.HistoryFile(2025)]
	if h25.N != 3 || strings.Join(h25.Ticker, " ") != "AAA HHH JJJ" || !h25.Modelled || !h25.SP600[0] || !h25.SP600[1] || !h25.SP600[2] {
		t.Errorf("history-2025: n %d tickers %v modelled %v sp600 %v", h25.N, h25.Ticker, h25.Modelled, h25.SP600)
	}
	if i := row(h25, "HHH"); h25.Shares[i] != 51000 || !math.IsNaN(h25.IWM[i]) || math.IsNaN(h25.Fwd12[i]) {
		t.Errorf("history-2025 HHH: shares %v iwm %v fwd12 %v", h25.Shares[i], h25.IWM[i], h25.Fwd12[i])
	}
	checkCounts(t, "history-2025 survivorship_counts", h25.SurvivorshipCounts, map[string]int{schema.SurvRankedPool: 12, schema.SurvKept: 3,
		schema.SurvReporting: 13, schema.SurvNoPrice: 0, schema.SurvNoPriceDelisted: 0, schema.SurvNoPricePricesOnly: 0,
		schema.SurvUnpriced: 0, schema.SurvUnpricedPricesOnly: 0, schema.SurvKeptFromPricesTo2024: 0, schema.SurvFwdToLastPrice: 0, schema.SurvPriceGlitch: 0})
	// history-2022 is the real list (membership/): OOO priced from
	// prices-to-2024/ (forward return to its last close), SSS with a
	// quantised stretch in its momentum window and an unadjusted jump in
	// its fwdlast window.
	h22 := snaps[schema.HistoryFile(2022)]
	if h22.Modelled || strings.Join(h22.Ticker, " ") != "OOO SSS" || h22.UniverseCheck == nil || h22.UniverseCheck.RealMembers != 2 || h22.UniverseCheck.Listed != 5 {
		t.Errorf("history-2022: modelled %v tickers %v check %+v", h22.Modelled, h22.Ticker, h22.UniverseCheck)
	}
	if o := row(h22, "OOO"); flags(h22, o) != schema.FlagFwdToLastPrice || math.IsNaN(h22.FwdLast[o]) {
		t.Errorf("history-2022 OOO: flags %s fwdlast %v", flags(h22, o), h22.FwdLast[o])
	}
	if o := row(h22, "SSS"); flags(h22, o) != schema.FlagPriceGlitch+","+schema.FlagFwdPriceGlitch || !math.IsNaN(h22.Mom12_1[o]) || !math.IsNaN(h22.FwdLast[o]) || math.IsNaN(h22.Fwd12[o]) {
		t.Errorf("history-2022 SSS: flags %s mom12 %v fwdlast %v fwd12 %v", flags(h22, o), h22.Mom12_1[o], h22.FwdLast[o], h22.Fwd12[o])
	}
	checkCounts(t, "history-2021 survivorship_counts", snaps[schema.HistoryFile(2021)].SurvivorshipCounts, map[string]int{schema.SurvRankedPool: 0, schema.SurvKept: 0,
		schema.SurvReporting: 3, schema.SurvNoPrice: 1, schema.SurvNoPriceDelisted: 0, schema.SurvNoPricePricesOnly: 2,
		schema.SurvUnpriced: 1, schema.SurvUnpricedPricesOnly: 2, schema.SurvKeptFromPricesTo2024: 0, schema.SurvFwdToLastPrice: 0, schema.SurvPriceGlitch: 0})
	// On 2024-06-30 OOO has a series of its own (prices-to-2024/) but no
	// price: it counts as unpriced, not as without a series.
	h24 := snaps[schema.HistoryFile(2024)].SurvivorshipCounts
	for name, want := range map[string]int{schema.SurvNoPrice: 0, schema.SurvNoPricePricesOnly: 1, schema.SurvUnpriced: 1, schema.SurvUnpricedPricesOnly: 1} {
		if n, _ := engine.CountOf(h24, name); n != want {
			t.Errorf("history-2024 %s = %d, want %d", name, n, want)
		}
	}
	if h20 := snaps[schema.HistoryFile(2020)]; h20.N != 0 || len(h20.Mcap) != 0 {
		t.Errorf("history-2020 (before the fixture's statements): n %d", h20.N)
	}
}

func checkCounts(t *testing.T, what string, got []engine.FieldCount, want map[string]int) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %v, want %v", what, got, want)
	}
	for name, n := range want {
		if g, ok := engine.CountOf(got, name); !ok || g != n {
			t.Errorf("%s: %s = %d (present %v), want %d", what, name, g, ok, n)
		}
	}
}

// universe_check reads back as written, in the real-list years only
// (modelled false); the modelled years have none.
func TestRoundTripUniverseCheck(t *testing.T) {
	snaps := decodeAll(t)
	for _, f := range roundTripFiles(t) {
		s := snaps[f.Name]
		if s == nil || s.Kind != schema.KindHistory {
			continue
		}
		var env struct {
			Body struct {
				Check map[string]any `json:"universe_check"`
			} `json:"body"`
		}
		if err := json.Unmarshal(f.Data, &env); err != nil {
			t.Fatal(err)
		}
		raw := env.Body.Check
		if (raw == nil) != s.Modelled || (s.UniverseCheck == nil) != (raw == nil) {
			t.Errorf("%s: modelled %v, universe_check written %v decoded %v", f.Name, s.Modelled, raw != nil, s.UniverseCheck != nil)
			continue
		}
		if raw == nil {
			continue
		}
		uc := s.UniverseCheck
		got := map[string]any{schema.CheckListed: float64(uc.Listed), schema.CheckNoPriceFile: float64(uc.NoPriceFile), schema.CheckNoPrice: float64(uc.NoPrice),
			schema.CheckNoShares: float64(uc.NoShares), schema.CheckMerged: float64(uc.MergedShareClasses), schema.CheckRealMembers: float64(uc.RealMembers),
			schema.CheckModelMembers: float64(uc.ModelMembers), schema.CheckOverlap: float64(uc.Overlap), schema.CheckRealInModel: uc.RealInModel,
			schema.CheckModelInReal: uc.ModelInReal, schema.CheckWeightOverlap: uc.WeightOverlap, schema.CheckModel: uc.Model}
		if !reflect.DeepEqual(got, raw) {
			t.Errorf("%s: universe_check decoded %v, written %v", f.Name, got, raw)
		}
	}
}

// funds.json decodes with the engine's funds decoder: facts in the facts
// file's order, IWM's monthly series from its inception, VTWO without a
// price file and with a note saying so.
func TestRoundTripFunds(t *testing.T) {
	fs, err := engine.DecodeFunds(roundTripFile(t, schema.FundsFile).Data)
	if err != nil {
		t.Fatal(err)
	}
	if fs.AsOf != "2026-08-03" || strings.Join(fs.Tickers(), " ") != "IWM VTWO" {
		t.Errorf("funds asof %s tickers %v", fs.AsOf, fs.Tickers())
	}
	iwm, _ := fs.Lookup("IWM")
	if iwm == nil || iwm.FirstMonth.String() != "2000-05" || len(iwm.Monthly) == 0 || iwm.LastDate.Format("2006-01-02") != "2026-08-03" || iwm.ExpenseRatioPct != 0.19 || iwm.NetAssetsUSD != 67110458608 {
		t.Errorf("IWM: %+v", iwm)
	}
	vtwo, _ := fs.Lookup("VTWO")
	if vtwo == nil || len(vtwo.Monthly) != 0 || !strings.Contains(vtwo.Note, "IWM's prices stand in") || vtwo.ExpenseRatioPct != 0.07 {
		t.Errorf("VTWO: %+v", vtwo)
	}
}

// The column contract: every column the builder writes is read by the
// engine or listed in schema.IgnoredColumns, and every column the engine
// reads is written. Adding a column on one side only fails here.
func TestColumnContract(t *testing.T) {
	writtenIn := map[string][]string{} // column -> files
	byKind := map[string]map[string]bool{}
	for _, f := range roundTripFiles(t) {
		if f.Name == schema.FundsFile || f.Name == schema.DailyFile || f.Name == schema.IndexFile {
			continue
		}
		s, err := engine.Decode(f.Data)
		if err != nil {
			t.Fatal(err)
		}
		if byKind[s.Kind] == nil {
			byKind[s.Kind] = map[string]bool{}
		}
		for col := range readRawBody(t, f).Cols {
			writtenIn[col] = append(writtenIn[col], f.Name)
			byKind[s.Kind][col] = true
		}
	}
	for _, msg := range columnContract(writtenIn, byKind, schema.IgnoredColumns()) {
		t.Error(msg)
	}
}

// columnContract lists the breaches of the column contract, given the
// files each column is written in, the columns written per kind and the
// deliberately ignored columns.
func columnContract(writtenIn map[string][]string, byKind map[string]map[string]bool, ignored []string) []string {
	var msgs []string
	read := map[string]string{} // column -> "required"/"optional", over both kinds
	for _, kind := range []string{schema.KindCurrent, schema.KindHistory, schema.KindLargeCap} {
		if byKind[kind] == nil {
			continue // no file of this kind given (TestRoundTripFiles checks the list)
		}
		req, opt := engine.ReadColumns(kind)
		for _, c := range opt {
			if read[c] == "" {
				read[c] = "optional"
			}
		}
		for _, c := range req {
			read[c] = "required"
			if !byKind[kind][c] {
				msgs = append(msgs, "column "+quote(c)+" is required by engine.Decode in "+kind+" snapshots, but the builder does not write it there")
			}
		}
	}
	for _, c := range sortedKeys(writtenIn) {
		if read[c] == "" && !slices.Contains(ignored, c) {
			msgs = append(msgs, "column "+quote(c)+" is written by the builder ("+strings.Join(writtenIn[c], ", ")+
				") but neither read by engine.Decode nor listed in schema.IgnoredColumns: read it in the engine or list it as deliberately ignored")
		}
	}
	for _, c := range sortedKeys(read) {
		if writtenIn[c] == nil {
			msgs = append(msgs, "column "+quote(c)+" is read by engine.Decode ("+read[c]+") but the builder writes it in no snapshot: write it in data/columns.go or stop reading it")
		}
	}
	for _, c := range ignored {
		if read[c] != "" {
			msgs = append(msgs, "column "+quote(c)+" is listed in schema.IgnoredColumns but engine.Decode reads it: take it off the list")
		}
		if writtenIn[c] == nil {
			msgs = append(msgs, "column "+quote(c)+" is listed in schema.IgnoredColumns but the builder does not write it: take it off the list")
		}
	}
	sort.Strings(msgs)
	return msgs
}

func quote(s string) string { b, _ := json.Marshal(s); return string(b) }

// The contract check itself must be able to fail, in each direction.
func TestColumnContractCatchesOneSidedColumns(t *testing.T) {
	req, opt := engine.ReadColumns(schema.KindCurrent)
	hreq, hopt := engine.ReadColumns(schema.KindHistory)
	writtenIn := map[string][]string{}
	byKind := map[string]map[string]bool{schema.KindCurrent: {}, schema.KindHistory: {}}
	for _, c := range append(req, opt...) {
		if c != schema.ColSP600 {
			writtenIn[c] = []string{"current.json"}
			byKind[schema.KindCurrent][c] = true
		}
	}
	for _, c := range append(hreq, hopt...) {
		if c != schema.ColIWM && c != schema.ColIJR {
			writtenIn[c] = append(writtenIn[c], "history-2025.json")
			byKind[schema.KindHistory][c] = true
		}
	}
	if msgs := columnContract(writtenIn, byKind, nil); len(msgs) != 0 {
		t.Fatalf("a consistent pair reported: %v", msgs)
	}
	writtenIn["dummy"] = []string{"current.json"}
	if msgs := columnContract(writtenIn, byKind, nil); len(msgs) != 1 || !strings.Contains(msgs[0], `"dummy" is written by the builder`) {
		t.Errorf("a column written only: %v", msgs)
	}
	if msgs := columnContract(writtenIn, byKind, []string{"dummy"}); len(msgs) != 0 {
		t.Errorf("an ignored column reported: %v", msgs)
	}
	delete(writtenIn, "dummy")
	delete(writtenIn, schema.ColShEnd)
	if msgs := columnContract(writtenIn, byKind, nil); len(msgs) != 1 || !strings.Contains(msgs[0], `"sh_end" is read by engine.Decode (optional) but the builder writes it in no snapshot`) {
		t.Errorf("a column read only: %v", msgs)
	}
	delete(byKind[schema.KindCurrent], schema.ColMcap)
	if msgs := columnContract(writtenIn, byKind, nil); len(msgs) != 2 || !strings.Contains(strings.Join(msgs, "\n"), `"mcap" is required by engine.Decode in current snapshots`) {
		t.Errorf("a required column missing from one kind: %v", msgs)
	}
}
