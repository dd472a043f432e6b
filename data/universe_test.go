package data

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"screener/data/schema"
)

// The June 2022 list: a ticker per row; the index itself (^RUT) is not a
// member.
func TestParseMembership(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(fixtureDir, membership2022File))
	if err != nil {
		t.Fatal(err)
	}
	ms, c := parseMembership(membership2022File, b)
	var ts []string
	for _, m := range ms {
		ts = append(ts, m.ticker)
	}
	if strings.Join(ts, " ") != "AAA NOPE OOO SSS SSS-B" || c.RowsMalformed != 1 {
		t.Errorf("members %v, malformed %d", ts, c.RowsMalformed)
	}
	if _, c := parseMembership("x.csv", []byte("symbol\nAAA\n")); len(c.BadHeaderFiles) != 1 {
		t.Errorf("a list without a ticker column: %v", c.BadHeaderFiles)
	}
}

// The IWM holdings CSV as iShares publishes it: a fund-facts block (and a
// BOM) before the header, a disclaimer after the rows; equities with a
// ticker only (no "-" rows, warrants or cash); sectors not all GICS
// ("Communication") do not matter.
func TestParseIWMHoldingsCSV(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(fixtureDir, iwm2025File))
	if err != nil {
		t.Fatal(err)
	}
	ms, _ := parseIWMHoldingsCSV(iwm2025File, b)
	var ts []string
	for _, m := range ms {
		ts = append(ts, m.ticker)
	}
	if strings.Join(ts, " ") != "AAA CCC JJJ III NNN OOO" || ms[0].name != "AAA CORP" {
		t.Errorf("members %v (%+v)", ts, ms)
	}
	if _, c := parseIWMHoldingsCSV("x.csv", []byte("Fund Holdings as of,x\nSymbol,Name\n")); len(c.BadHeaderFiles) != 1 {
		t.Errorf("no Ticker header: %v", c.BadHeaderFiles)
	}
}

// universeOptions builds the two real-list years with ranks 1-3, and for
// 2024 published-style breakpoints ($3.0B / $150.4M), so that the size
// check and the dollar range are exercised.
func universeOptions() Options {
	return Options{DataDir: fixtureDir, HistoryYears: []int{2022, 2024}, RankFirst: 1, RankLast: 3,
		years: map[int]russellYear{2022: {"2022-05-06", 0, 0}, 2024: {"2024-04-30", 3000, 150.4}}}
}

// checkBody is a history body's universe fields, with the body for cells.
type checkBody struct {
	Modelled      bool                       `json:"modelled"`
	Universe      string                     `json:"universe"`
	Survivorship  string                     `json:"survivorship"`
	Check         map[string]json.RawMessage `json:"universe_check"`
	Counts        map[string]int             `json:"survivorship_counts"`
	Provenance    []map[string]string        `json:"provenance"`
	snap          *snapBody
	checkNumbers  map[string]float64
	hasCheckModel bool
}

func universeSnapshots(t *testing.T, opts Options) (*Result, map[string]*checkBody) {
	t.Helper()
	res, err := Build(opts)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*checkBody{}
	for _, f := range res.Files {
		if !strings.HasPrefix(f.Name, "history-") {
			continue
		}
		var env struct {
			Body checkBody `json:"body"`
		}
		var raw struct {
			Body snapBody `json:"body"`
		}
		if err := json.Unmarshal(f.Data, &env); err != nil {
			t.Fatal(err)
		}
		json.Unmarshal(f.Data, &raw)
		b := &env.Body
		b.snap = &raw.Body
		b.checkNumbers = map[string]float64{}
		for k, v := range b.Check {
			var x float64
			if json.Unmarshal(v, &x) == nil {
				b.checkNumbers[k] = x
			} else if k == schema.CheckModel {
				b.hasCheckModel = true
			}
		}
		out[f.Name] = b
	}
	return res, out
}

// history-2022 is the real June 2022 list: every member with a price and
// a share count on 2022-06-30, nobody else. OOO is priced from
// prices-to-2024/ only and its file ends inside the fwdlast window
// (return to its last close, flagged); SSS's quantised stretch nulls its
// momentum and its later unadjusted 12x jump its fwdlast; SSS-B is its
// share class (one row); AAA reports only from 2023 (no share count);
// NOPE has no price file.
func TestHistoryRealList2022(t *testing.T) {
	_, snaps := universeSnapshots(t, universeOptions())
	h := snaps[schema.HistoryFile(2022)]
	if h.Modelled || !strings.Contains(h.Universe, "real list, not modelled") || !strings.Contains(h.Survivorship, "Real universe: 2 of the 5 listed members") {
		t.Errorf("modelled %v universe %q survivorship %q", h.Modelled, h.Universe, h.Survivorship)
	}
	want := map[string]float64{schema.CheckListed: 5, schema.CheckNoPriceFile: 1, schema.CheckNoPrice: 0, schema.CheckNoShares: 1, schema.CheckMerged: 1,
		schema.CheckRealMembers: 2, schema.CheckModelMembers: 2, schema.CheckOverlap: 2, schema.CheckRealInModel: 1, schema.CheckModelInReal: 1, schema.CheckWeightOverlap: 1}
	for k, v := range want {
		if got, ok := h.checkNumbers[k]; !ok || got != v {
			t.Errorf("universe_check.%s = %v (present %v), want %v", k, got, ok, v)
		}
	}
	if !h.hasCheckModel {
		t.Error("universe_check has no model text")
	}
	s := h.snap
	if got := strings.Join(tickers(t, s), " "); got != "OOO SSS" {
		t.Fatalf("tickers %s", got)
	}
	wantFlags(t, s, "OOO", schema.FlagFwdToLastPrice)
	wantCells(t, s, "OOO", map[string]string{"shares": "30", "fwdlast": "0.0087418"})
	wantFlags(t, s, "SSS", schema.FlagPriceGlitch, schema.FlagFwdPriceGlitch)
	wantCells(t, s, "SSS", map[string]string{"mom12_1": "null", "trend": "null", "fwdlast": "null", "fwd12": "0.015081", "price": "1.0543"})
	counts := map[string]int{schema.SurvRankedPool: 2, schema.SurvKept: 2, schema.SurvReporting: 3, schema.SurvNoPrice: 1, schema.SurvNoPricePricesOnly: 2,
		schema.SurvKeptFromPricesTo2024: 1, schema.SurvFwdToLastPrice: 1, schema.SurvPriceGlitch: 1}
	for k, v := range counts {
		if h.Counts[k] != v {
			t.Errorf("survivorship_counts.%s = %d, want %d", k, h.Counts[k], v)
		}
	}
	found := false
	for _, p := range h.Provenance {
		found = found || strings.HasPrefix(p["file"], membership2022File)
	}
	if !found {
		t.Errorf("provenance does not name the list: %v", h.Provenance)
	}
}

// history-2024 is the IWM list of 2025-05-13: OOO's file ends in March
// 2024 (no price on the date), NNN reports only from 2024-08 (no share
// count). JJJ's counts are 1,000x off and III's in thousands: as members
// of a small-cap index their market caps are impossible, so shares and
// mcap are null (mcap_unsupported) while they stay members. The model
// ($150.4M-$3.0B on 2024-04-30) shares only CCC with the list: AAA is
// above $3.0B on rank day.
func TestHistoryRealList2024(t *testing.T) {
	res, snaps := universeSnapshots(t, universeOptions())
	h := snaps[schema.HistoryFile(2024)]
	s := h.snap
	if got := strings.Join(tickers(t, s), " "); got != "AAA CCC III JJJ" || h.Modelled {
		t.Fatalf("tickers %s modelled %v", got, h.Modelled)
	}
	for _, tk := range []string{"III", "JJJ"} {
		wantFlags(t, s, tk, schema.FlagMcapUnsupported)
		wantCells(t, s, tk, map[string]string{"mcap": "null", "shares": "null"})
	}
	want := map[string]float64{schema.CheckListed: 6, schema.CheckNoPrice: 1, schema.CheckNoShares: 1, schema.CheckRealMembers: 4,
		schema.CheckModelMembers: 4, schema.CheckOverlap: 1, schema.CheckRealInModel: 0.25, schema.CheckModelInReal: 0.25}
	for k, v := range want {
		if got := h.checkNumbers[k]; got != v {
			t.Errorf("universe_check.%s = %v, want %v", k, got, v)
		}
	}
	// Weight overlap: CCC's weight among the sized real members (AAA 3132.2,
	// CCC 1314.4) is 0.2956, and larger in the model.
	if got := h.checkNumbers[schema.CheckWeightOverlap]; math.Abs(got-0.2956) > 1e-4 {
		t.Errorf("weight_overlap %v, want 0.2956", got)
	}
	rep := res.Report(0)
	for _, w := range []string{"universe check 2024: real list 4 members", "JJJ     mcap_unsupported", "not a Russell 2000 member's size"} {
		if !strings.Contains(rep, w) {
			t.Errorf("report lacks %q", w)
		}
	}
}

// The model ranks on rank day within the published range; without one it
// keeps ranks; the modelled years say so and carry no universe_check.
func TestModelledYear(t *testing.T) {
	opts := Options{DataDir: fixtureDir, HistoryYears: []int{2023}, RankFirst: 1, RankLast: 3}
	_, snaps := universeSnapshots(t, opts)
	h := snaps[schema.HistoryFile(2023)]
	if !h.Modelled || h.Check != nil || !strings.Contains(h.Universe, "modelled, not the real index") || !strings.Contains(h.Universe, "ranks 1-3") || !strings.Contains(h.Universe, "2023-04-28") {
		t.Errorf("modelled %v check %v universe %q", h.Modelled, h.Check, h.Universe)
	}
	// OOO's prices-to-2024/ file ends on 2024-03-08, inside fwd12's window.
	wantFlags(t, h.snap, "OOO", schema.FlagFwdToLastPrice)
	if got := h.snap.cell(t, "OOO", "fwd12"); got != h.snap.cell(t, "OOO", "fwdlast") || got == "null" {
		t.Errorf("OOO fwd12 %s fwdlast %s: both run to the last close", got, h.snap.cell(t, "OOO", "fwdlast"))
	}
}

func tickers(t *testing.T, b *snapBody) []string {
	t.Helper()
	var out []string
	for _, raw := range b.Cols["ticker"] {
		var s string
		json.Unmarshal(*raw, &s)
		out = append(out, s)
	}
	return out
}

// The dollar breakpoints decide where published, ranks
// elsewhere; the model keeps nothing below $30M.
func TestModelRange(t *testing.T) {
	e := &buildEnv{rankFirst: 2, rankLast: 3, years: map[int]russellYear{
		2020: {"2020-05-08", 100, 20}, 2021: {"2021-05-07", 0, 0}}}
	// Four companies, one share each, priced 200, 90, 50, 25 on rank day.
	for i, p := range []float64{200, 90, 50, 25} {
		tk := string(rune('A' + i))
		s := &series{ticker: tk, file: "prices/" + tk + ".csv"}
		for d := mustDay("2019-01-01"); d <= mustDay("2022-12-31"); d += 7 {
			s.days = append(s.days, d)
			s.close = append(s.close, p)
		}
		c := &company{key: tk, shares: []shareRec{{end: mustDay("2019-12-31"), pub: mustDay("2020-02-01"), v: 1e6}}}
		e.pool = append(e.pool, poolEntry{s: s, c: c})
	}
	keys := func(m modelUniverse) string {
		var ks []string
		for _, r := range m.rows {
			ks = append(ks, r.key)
		}
		return strings.Join(ks, " ")
	}
	// $20M-$100M: B (90) and C (50); D (25) is below Russell's $30M.
	if m := e.model(mustDay("2020-06-30")); keys(m) != "B C" || m.pool != 3 || !strings.Contains(m.rule, "between the published breakpoints") {
		t.Errorf("dollars: %s pool %d rule %q", keys(m), m.pool, m.rule)
	}
	// Ranks 2-3 of A, B, C.
	if m := e.model(mustDay("2021-06-30")); keys(m) != "B C" || !strings.Contains(m.rule, "ranks 2-3") {
		t.Errorf("ranks: %s %q", keys(m), m.rule)
	}
	e.years[2021] = russellYear{"2021-05-07", 60, 0}
	if m := e.model(mustDay("2021-06-30")); keys(m) != "C" {
		t.Errorf("upper dollar, lower rank: %s", keys(m))
	}
}

// The size tests (shares and mcap null, flagged, noted): below $10M on
// the date, or above the bound on the date and on rank day (or with no
// size then, or a jumped count); without a known bound, the lower test
// only.
func TestCheckSize(t *testing.T) {
	mk := func(shares, mcap float64) *row {
		return &row{ticker: "X", shares: shares, mcap: mcap, shEnd: 20240331, asofDay: mustDay("2024-06-30")}
	}
	rd := mustDay("2024-04-30")
	for name, c := range map[string]struct {
		r, rk *row
		top   float64
		null  bool
	}{
		"in range":                     {mk(10, 500), mk(10, 480), 9000, false},
		"above, also on rank day":      {mk(10, 12000), mk(10, 11000), 9000, true},
		"above, no rank day":           {mk(10, 12000), nil, 9000, true},
		"above, count jumped":          {mk(100, 12000), mk(10, 1100), 9000, true},
		"rose above since rank day":    {mk(10, 12000), mk(10, 4000), 9000, false},
		"below $10M":                   {mk(0.01, 5), mk(10, 500), 9000, true},
		"right now, wrong on rank day": {mk(20, 340), mk(0.02, 0.3), 9000, false},
		"count jumped, cap in range":   {mk(600, 6000), mk(10, 100), 9000, false},
		"no bound known: high kept":    {mk(10, 90000), mk(10, 88000), math.NaN(), false},
		"no bound known: low nulled":   {mk(0.01, 0.5), nil, math.NaN(), true},
	} {
		r := c.r
		checkSize(r, c.rk, c.top, rd)
		if got := math.IsNaN(r.mcap); got != c.null || got != has(r.flags, FlagMcapUnsupported) || got != (len(r.corr) == 1) {
			t.Errorf("%s: mcap %v flags %b notes %v", name, r.mcap, r.flags, r.corr)
		}
	}
}

// Membership overlap by company, weight overlap as the sum of the smaller
// weights; rows without a market cap count as members with no weight.
func TestCompareUniverses(t *testing.T) {
	rows := func(kv ...any) []*row {
		var out []*row
		for i := 0; i < len(kv); i += 2 {
			out = append(out, &row{key: kv[i].(string), mcap: kv[i+1].(float64)})
		}
		return out
	}
	lu := listUniverse{rows: rows("A", 60.0, "B", 30.0, "C", 10.0, "D", math.NaN()), listed: 5}
	m := modelUniverse{rows: rows("A", 20.0, "B", 20.0, "E", 60.0)}
	uc := compareUniverses(lu, m)
	if uc.real != 4 || uc.model != 3 || uc.overlap != 2 || uc.realInModel != 0.5 || math.Abs(uc.modelInReal-2.0/3) > 1e-12 {
		t.Errorf("%+v", uc)
	}
	// A: min(0.6, 0.2) + B: min(0.3, 0.2) = 0.4.
	if math.Abs(uc.weightOverlap-0.4) > 1e-12 {
		t.Errorf("weight overlap %v, want 0.4", uc.weightOverlap)
	}
}

// Ticker reuse: a prices-to-2024/ series that starts after its
// statements' periods ended is another company's (RRR, rejected); one
// that covers them is the company's (OOO).
func TestOwnsSeries(t *testing.T) {
	res, err := Build(Options{DataDir: fixtureDir, HistoryYears: []int{2021}, RankFirst: 1, RankLast: 3})
	if err != nil {
		t.Fatal(err)
	}
	notes := strings.Join(res.Notes, "\n")
	if !strings.Contains(notes, "1 rejected as another company's series") || !strings.Contains(notes, "prices-to-2024/RRR.csv (2023-06-02 to 2024-03-08; statements of RRR: 0 of 12 periods inside)") {
		t.Errorf("notes: %s", notes)
	}
	c := &company{key: "X"}
	for _, e := range []string{"2019-03-31", "2019-06-30", "2019-09-30", "2019-12-31"} {
		c.recs[bInc] = append(c.recs[bInc], record{end: mustDay(e)})
	}
	s := &series{days: []Day{mustDay("2022-01-03"), mustDay("2024-03-08")}, close: []float64{1, 1}}
	if ok, in, n := c.ownsSeries(s, mustDay("2018-01-02"), mustDay("2024-03-08")); ok || in != 0 || n != 4 {
		t.Errorf("a series starting after the periods: ok %v %d/%d", ok, in, n)
	}
	s.days[0] = mustDay("2018-06-01")
	if ok, _, _ := c.ownsSeries(s, mustDay("2018-01-02"), mustDay("2024-03-08")); !ok {
		t.Error("a series covering the periods must be the company's")
	}
	// Per date: a share count from before the series began is not its own.
	r := &row{shEnd: 20171231}
	if shareCovered(r, s) {
		t.Error("a 2017 count for a series from 2018-06 accepted")
	}
}
