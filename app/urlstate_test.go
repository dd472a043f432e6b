package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"screener/engine"
)

func TestDefaultStateEncodesEmpty(t *testing.T) {
	d := DefaultState()
	if q := d.Query(); q != "" {
		t.Fatalf("DefaultState().Query() = %q, want empty", q)
	}
	if got := ParseState(""); got != d {
		t.Fatalf("ParseState(\"\") = %+v, want %+v", got, d)
	}
	if d.Normalize() != d {
		t.Fatal("DefaultState is not normalised")
	}
	want := engine.Weights{100, 100, 100, 100, 100, 100}
	if d.Weights != want || d.Preset != "quality6" || d.TopN != 30 || d.Buckets != 5 || d.Stat != engine.StatMedian || d.Page != 1 ||
		d.Index != engine.IndexAny || strings.Join(d.FundList(), ",") != "IWM,IJR,VTWG,VTWV" {
		t.Fatalf("DefaultState = %+v", d)
	}
}

func TestQueryIsShortReadableAndOrdered(t *testing.T) {
	s := DefaultState().WithWeight(engine.Momentum, 80)
	s.Index = engine.IndexIWM
	s.Sectors = SectorSet(0).With("health", true).With("tech", true)
	s.Selected = "CRDO"
	s.Lang = "ja"
	want := "w=100.100.100.100.100.80&u=iwm&sec=health.tech&sel=CRDO&lang=ja"
	if got := s.Query(); got != want {
		t.Fatalf("Query() = %q, want %q", got, want)
	}
	if got := ParseState(want); got != s {
		t.Fatalf("ParseState(%q) = %+v, want %+v", want, got, s)
	}

	all := DefaultState().WithPreset("janus4")
	all.View = ViewHistory
	all.MinMcap, all.MaxMcap = 300, 2000
	all.ProfitableOnly, all.SectorNeutral, all.ExcludeFinancials = true, true, true
	all.Missing = engine.MissingExclude
	all.Sort, all.SortDesc = "mcap", true
	all.Page = 3
	all = all.WithFunds([]string{"ijr", "SPY", "IJR"})
	all.ETFFrom, all.ETFAsOf = "2016-01", "2026-07"
	all.TopN, all.Buckets = 50, 10
	all.Stat = engine.StatWinsor
	all.Lang = "en"
	all.Embed, all.Transparent = true, true
	want = "view=history&p=janus4&cap=300-2000&na=exclude&prof=1&sn=1&xfin=1&sort=-mcap&pg=3&f=IJR.SPY" +
		"&from=2016-01&asof=2026-07&top=50&bk=10&st=winsor&lang=en&embed=1&transparent=1"
	if got := all.Query(); got != want {
		t.Fatalf("Query() =\n %q, want\n %q", got, want)
	}
	if got := ParseState(want); got != all {
		t.Fatalf("ParseState round trip:\n got %+v\nwant %+v", got, all)
	}
}

func TestParseStateUntrustedInput(t *testing.T) {
	d := DefaultState()
	cases := []struct {
		q    string
		want func(s *State) // applied to DefaultState
	}{
		{"unknown=1&x=%zz&=&&&", func(s *State) {}},
		{"?view=ETFS&lang=JA-jp", func(s *State) { s.View, s.Lang = ViewETFs, "ja" }},
		{"view=admin&lang=fr", func(s *State) {}},
		// Weights are clamped; a wrong count or a non-number keeps the default.
		{"w=150.-3.50.50.50.99999999999999999999", func(s *State) {
			s.Preset, s.Weights = "", engine.Weights{100, 0, 50, 50, 50, 100}
		}},
		{"w=1.2.3", func(s *State) {}},
		{"w=1.2.3.4.5.x", func(s *State) {}},
		{"w=NaN.1.1.1.1.1", func(s *State) {}},
		{"w=10,20,30,40,50,60", func(s *State) { s.Preset, s.Weights = "", engine.Weights{10, 20, 30, 40, 50, 60} }},
		// A preset brings its weights; explicit weights that differ make it custom.
		{"p=momentum", func(s *State) { s.Preset, s.Weights = "momentum", engine.Weights{engine.Momentum: 100} }},
		{"cov=9", func(s *State) { s.MinCoverage = 6 }},
		{"cov=0", func(s *State) { s.MinCoverage = 0 }},
		{"cov=x", func(s *State) {}},
		{"na=EXCLUDE", func(s *State) { s.Missing = engine.MissingExclude }},
		{"na=skip&na=neutral", func(s *State) { s.Missing = engine.MissingSkip }},
		{"na=zero", func(s *State) {}},
		{"na=9", func(s *State) {}},
		{"p=janus4&w=1.1.1.1.1.1", func(s *State) { s.Preset, s.Weights = "", engine.Weights{1, 1, 1, 1, 1, 1} }},
		{"p=custom", func(s *State) { s.Preset = "" }},
		{"p=nonsense", func(s *State) {}},
		{"u=BOTH&sec=tech.nope.FIN", func(s *State) {
			s.Index, s.Sectors = engine.IndexBoth, SectorSet(0).With("tech", true).With("fin", true)
		}},
		{"u=spx&sec=nope", func(s *State) {}},
		{"cap=5000-300", func(s *State) { s.MinMcap, s.MaxMcap = 300, 5000 }},
		{"cap=-2000", func(s *State) { s.MaxMcap = 2000 }},
		{"cap=99999999999-", func(s *State) { s.MinMcap = MaxMcapM }},
		{"cap=1e3-", func(s *State) {}},
		{"cap=300", func(s *State) {}},
		{"prof=yes&sn=true&xfin=on&embed&transparent=maybe", func(s *State) {
			s.ProfitableOnly, s.SectorNeutral, s.ExcludeFinancials, s.Embed = true, true, true, true
		}},
		{"sort=-ticker&pg=0", func(s *State) { s.Sort, s.SortDesc, s.Page = "ticker", true, 1 }},
		{"sort=-drop table&pg=1e9", func(s *State) {}},
		{"pg=99999999999999999999999", func(s *State) { s.Page = MaxPage }},
		{"sel=brk.b", func(s *State) { s.Selected = "BRK.B" }},
		{"sel=%3Cscript%3Ealert(1)%3C/script%3E", func(s *State) {}},
		{"sel=ABCDEFGHIJK", func(s *State) {}},
		{"f=spy.ivv.spy.XYZ.iwm.ijr.vb.vioo.spsm", func(s *State) {
			s.Funds = [MaxFunds]string{"SPY", "IVV", "IWM", "IJR", "VB", "VIOO"}
		}},
		{"f=IWM", func(s *State) {}},
		{"from=2026-07&asof=2016-1", func(s *State) { s.ETFFrom, s.ETFAsOf = "2016-01", "2026-07" }},
		{"from=1900-05&asof=2026-07-31", func(s *State) { s.ETFFrom, s.ETFAsOf = minMonth, "2026-07" }},
		{"from=0999-05", func(s *State) { s.ETFFrom = minMonth }},
		{"from=2020-13&asof=20x0-01", func(s *State) {}},
		{"top=0&bk=7", func(s *State) { s.TopN = MinTopN }},
		{"top=1000&bk=10", func(s *State) { s.TopN, s.Buckets = MaxTopN, 10 }},
		{"lang=ja&lang=en", func(s *State) { s.Lang = "ja" }}, // first value wins
		// The history's statistic: the median by default; a known key in
		// any case; anything else keeps the median.
		{"st=mean", func(s *State) { s.Stat = engine.StatMean }},
		{"st=WINSOR", func(s *State) { s.Stat = engine.StatWinsor }},
		{"st=capw&st=mean", func(s *State) { s.Stat = engine.StatCapWeighted }},
		{"st=median", func(s *State) {}},
		{"st=", func(s *State) {}},
		{"st=1", func(s *State) {}},
		{"st=average", func(s *State) {}},
		{"st=mean%00", func(s *State) {}},
		{"st=%zz", func(s *State) {}},
	}
	for _, c := range cases {
		want := d
		c.want(&want)
		if got := ParseState(c.q); got != want {
			t.Errorf("ParseState(%q)\n got %+v\nwant %+v", c.q, got, want)
		}
	}
}

func TestPresetWeightsKeepEngineRatios(t *testing.T) {
	for _, p := range engine.Presets() {
		w, ok := PresetWeights(p.Key)
		if !ok {
			t.Fatalf("preset %q has no slider weights", p.Key)
		}
		for i := range w {
			if w[i] < 0 || w[i] > MaxWeight || w[i] != math.Round(w[i]) {
				t.Errorf("%s: slider %d = %v, want a whole number in 0..100", p.Key, i, w[i])
			}
			for j := range w { // w[i]/w[j] == e[i]/e[j], cross-multiplied
				if w[i]*p.Weights[j] != w[j]*p.Weights[i] {
					t.Errorf("%s: sliders %v not proportional to engine weights %v", p.Key, w, p.Weights)
				}
			}
		}
		s := ParseState("p=" + p.Key)
		if s.Preset != p.Key || s.Weights != w {
			t.Errorf("p=%s parsed to preset %q weights %v", p.Key, s.Preset, s.Weights)
		}
	}
	if _, ok := PresetWeights("nope"); ok {
		t.Error("unknown preset accepted")
	}
}

func TestOptionsMapsSectorSlugsToSnapshotBits(t *testing.T) {
	// Snapshot order differs from the slug table's on purpose.
	sectors := []string{"Utilities", "information technology", "Health Care", "Financials", "Cash and/or Derivatives"}
	s := ParseState("u=ijr&sec=tech.health&cap=300-2000&prof=1&sn=1&xfin=1&na=skip")
	o := s.Options(sectors)
	want := engine.Options{
		Filter: engine.Filter{Index: engine.IndexIJR, Sectors: 1<<1 | 1<<2,
			MinMcap: 300, MaxMcap: 2000, ProfitableOnly: true},
		SectorNeutral: true, ExcludeFinancials: true,
		MinCoverage: engine.DefaultMinCoverage, Missing: engine.MissingSkip,
	}
	if o != want {
		t.Fatalf("Options = %+v, want %+v", o, want)
	}
	if m := DefaultState().Options(sectors).Sectors; m != 0 {
		t.Errorf("no sector filter gave mask %b, want 0 (every sector)", m)
	}
	// A filter on a sector the snapshot lacks must select nothing, not everything.
	if m := ParseState("sec=energy").Options(sectors).Sectors; m == 0 || m&(1<<len(sectors)-1) != 0 {
		t.Errorf("sector absent from snapshot gave mask %b, want a bit no stock has", m)
	}
	if got := DefaultState().WithWeight(engine.Valuation, 30).EngineWeights(); got != (engine.Weights{100, 100, 100, 100, 30, 100}) {
		t.Errorf("EngineWeights = %v", got)
	}
	for _, g := range gicsSectors {
		if SectorSlug(g.Name) != g.Slug || SectorName(g.Slug) != g.Name {
			t.Errorf("sector %q / %q does not round-trip", g.Name, g.Slug)
		}
	}
	if SectorSlug("Telecommunication Services") != "comm" || SectorSlug("Cash and/or Derivatives") != "" {
		t.Error("sector aliases")
	}
}

// tickerRE is what a ticker from the URL may look like on the page.
var tickerRE = regexp.MustCompile(`^[A-Z0-9.-]{1,10}$`)
var monthRE = regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])$`)

// checkBounds fails if any field of s is outside what the UI can render.
func checkBounds(t *testing.T, s State) {
	t.Helper()
	bad := func(f string, a ...any) { t.Helper(); t.Errorf("state out of bounds: "+f+" in %+v", append(a, s)...) }
	switch s.View {
	case ViewScreener, ViewETFs, ViewHistory:
	default:
		bad("view %q", s.View)
	}
	if s.Lang != "" && s.Lang != "en" && s.Lang != "ja" {
		bad("lang %q", s.Lang)
	}
	if pw, ok := PresetWeights(s.Preset); s.Preset != "" && (!ok || pw != s.Weights) {
		bad("preset %q", s.Preset)
	}
	for _, w := range s.Weights {
		if !(w >= 0 && w <= MaxWeight) || w != math.Round(w) {
			bad("weight %v", w)
		}
	}
	if s.Index < engine.IndexAny || s.Index > engine.IndexBoth {
		bad("index %d", s.Index)
	}
	if s.Sectors&^allSectors != 0 {
		bad("sectors %b", s.Sectors)
	}
	for _, m := range []float64{s.MinMcap, s.MaxMcap} {
		if !(m >= 0 && m <= MaxMcapM) || m != math.Round(m) {
			bad("mcap %v", m)
		}
	}
	if s.MinMcap > 0 && s.MaxMcap > 0 && s.MinMcap > s.MaxMcap {
		bad("mcap order")
	}
	if !isURLSortKey(s.Sort) {
		bad("sort %q", s.Sort)
	}
	if s.Page < 1 || s.Page > MaxPage {
		bad("page %d", s.Page)
	}
	if s.Selected != "" && !tickerRE.MatchString(s.Selected) {
		bad("selected %q", s.Selected)
	}
	funds := s.FundList()
	if len(funds) < MinFunds || len(funds) > MaxFunds || strings.Join(funds, "") != strings.Join(s.Funds[:], "") {
		bad("funds %v", s.Funds)
	}
	seen := map[string]bool{}
	for _, f := range funds {
		if seen[f] || !strings.Contains(" "+strings.Join(FundTickers[:], " ")+" ", " "+f+" ") {
			bad("fund %q", f)
		}
		seen[f] = true
	}
	for _, m := range []string{s.ETFFrom, s.ETFAsOf} {
		if m != "" && (!monthRE.MatchString(m) || m < minMonth || m > maxMonth) {
			bad("month %q", m)
		}
	}
	if s.ETFFrom != "" && s.ETFAsOf != "" && s.ETFFrom > s.ETFAsOf {
		bad("month order")
	}
	if s.TopN < MinTopN || s.TopN > MaxTopN {
		bad("top %d", s.TopN)
	}
	if s.Buckets != 5 && s.Buckets != 10 {
		bad("buckets %d", s.Buckets)
	}
	if s.Stat >= engine.NumStatistics {
		bad("statistic %d", s.Stat)
	}
}

// randomState draws any State, including values far out of range, NaN
// and junk strings; normalising it gives an arbitrary valid state.
func randomState(r *rand.Rand) State {
	pick := func(xs ...string) string { return xs[r.IntN(len(xs))] }
	num := func() float64 {
		switch r.IntN(6) {
		case 0:
			return math.NaN()
		case 1:
			return -r.Float64() * 1e3
		case 2:
			return r.Float64() * 1e8
		default:
			return float64(r.IntN(120))
		}
	}
	s := State{
		View:              pick(ViewScreener, ViewETFs, ViewHistory, "x", ""),
		Lang:              pick("en", "ja", "", "fr"),
		Preset:            pick(append(engine.PresetKeys(), "", "bogus")...),
		Index:             engine.Index(r.IntN(6) - 1),
		Sectors:           SectorSet(r.Uint32()),
		ProfitableOnly:    r.IntN(2) == 0,
		SectorNeutral:     r.IntN(2) == 0,
		ExcludeFinancials: r.IntN(2) == 0,
		Sort:              pick(append(SortKeys[:], "", "x")...),
		SortDesc:          r.IntN(2) == 0,
		Page:              r.IntN(2*MaxPage) - 10,
		Selected:          pick("", "CRDO", "brk.b", "<b>", "TOOLONGTICKER", "A-1"),
		ETFFrom:           fmt.Sprintf("%04d-%02d", 1980+r.IntN(140), r.IntN(14)),
		ETFAsOf:           pick("", "2026-07", "bad", "2001-02-03"),
		MinCoverage:       r.IntN(10) - 2,
		TopN:              r.IntN(300) - 50,
		Buckets:           []int{0, 5, 10, 7}[r.IntN(4)],
		Stat:              engine.Statistic(r.IntN(engine.NumStatistics + 2)),
		Embed:             r.IntN(2) == 0,
		Transparent:       r.IntN(2) == 0,
	}
	if r.IntN(2) == 0 { // a preset with its own weights
		s.Weights, _ = PresetWeights(s.Preset)
	} else {
		for i := range s.Weights {
			s.Weights[i] = num()
		}
	}
	s.MinMcap, s.MaxMcap = num(), num()
	for i := range s.Funds {
		if r.IntN(3) > 0 {
			s.Funds[i] = pick(append(FundTickers[:], "XYZ", "")...)
		}
	}
	return s
}

// TestRoundTripProperty: for any normalised state, ParseState(s.Query())
// gives s back, and Normalize is idempotent.
func TestRoundTripProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 2026))
	nonDefault := 0
	for i := 0; i < 20000; i++ {
		s := randomState(r).Normalize()
		checkBounds(t, s)
		if s.Normalize() != s {
			t.Fatalf("Normalize not idempotent on %+v", s)
		}
		q := s.Query()
		if got := ParseState(q); got != s {
			t.Fatalf("round trip of %q:\n got %+v\nwant %+v", q, got, s)
		}
		if strings.ContainsAny(q, "%+ ") { // every value is URL-safe as written
			t.Fatalf("query %q needed escaping", q)
		}
		if q != "" {
			nonDefault++
		}
	}
	if nonDefault < 19000 {
		t.Fatalf("generator too weak: only %d non-default states", nonDefault)
	}
}

func FuzzParseState(f *testing.F) {
	for _, seed := range []string{
		"", "w=100.100.100.100.100.80&u=iwm&sec=health.tech&sel=CRDO&lang=ja",
		"view=history&p=janus4&cap=300-2000&prof=1&sn=1&xfin=1&sort=-mcap&pg=3&f=IJR.SPY&from=2016-01&asof=2026-07&top=50&bk=10&st=capw&lang=en&embed=1&transparent=1",
		"st=winsor&view=history", "st=MEAN&st=median",
		"p=custom&w=0.0.0.0.0.0", "sel=%3Cscript%3E&f=iwm,ijr,spy&cap=-1", "?a=%zz;b=1&&=&sort=-",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, q string) {
		s := ParseState(q)
		checkBounds(t, s)
		if s.Normalize() != s {
			t.Fatalf("ParseState(%q) not normalised: %+v", q, s)
		}
		q2 := s.Query()
		s2 := ParseState(q2)
		if s2 != s {
			t.Fatalf("ParseState(%q) = %+v\nre-encoded %q parses to %+v", q, s, q2, s2)
		}
		if q3 := s2.Query(); q3 != q2 {
			t.Fatalf("Query not deterministic: %q then %q", q2, q3)
		}
	})
}

// TestStatisticInTheURL: the history's statistic travels as st=..., the
// default median is left out, and each engine statistic round-trips.
func TestStatisticInTheURL(t *testing.T) {
	for st := engine.Statistic(0); st < engine.NumStatistics; st++ {
		s := DefaultState()
		s.View, s.Stat = ViewHistory, st
		q := s.Query()
		want := "view=history&st=" + st.Key()
		if st == engine.StatMedian {
			want = "view=history"
		}
		if q != want {
			t.Errorf("%s: Query() = %q, want %q", st.Key(), q, want)
		}
		if got := ParseState(q); got != s {
			t.Errorf("%s: ParseState(%q) = %+v, want %+v", st.Key(), q, got, s)
		}
	}
	s := DefaultState()
	s.Stat = engine.NumStatistics + 3
	if n := s.Normalize(); n.Stat != engine.StatMedian {
		t.Errorf("out-of-range statistic normalised to %d, want the median", n.Stat)
	}
	// The History view's store carries it both ways.
	h := newHistoryStore()
	histFromState(h, ParseState("st=capw"))
	var back State = DefaultState()
	histIntoState(h, &back)
	if back.Stat != engine.StatCapWeighted || h.config().Stat != engine.StatCapWeighted {
		t.Errorf("store round trip: state %v, store %v", back.Stat, h.config().Stat)
	}
	histFromState(h, DefaultState())
	if h.config().Stat != engine.StatMedian {
		t.Errorf("default state left the store at %v", h.config().Stat)
	}
}
