//go:build !wasm

package main

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"screener/data/schema"
	"screener/engine"
)

func init() {
	register("rank", "rank the snapshot: rank [--weights value=2,momentum=1 | --preset quality6] [--universe iwm] [--where \"pe<15,roe>0.10\"] [--top 25] [--format table|csv|json]", runRank)
	register("explain", "explain one stock's metrics, percentiles and contributions: explain TICKER [rank flags]", runExplain)
}

// screenFlags are the options shared by rank and explain.
type screenFlags struct {
	snapshot, weights, preset, universe, sectors string
	missing, where                               string
	minMcap, maxMcap                             float64
	profitable, neutral, exFin                   bool
	minCoverage                                  int
}

func (sf *screenFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&sf.snapshot, "snapshot", filepath.Join(dataDir, schema.CurrentFile), "snapshot file (data/SNAPSHOT.md)")
	fs.StringVar(&sf.weights, "weights", "", "factor weights, e.g. value=2,momentum=1; keys: "+strings.Join(engine.FactorKeys(), ", "))
	fs.StringVar(&sf.preset, "preset", "", "weight preset: "+strings.Join(engine.PresetKeys(), ", ")+" (default "+DefaultPreset+")")
	fs.StringVar(&sf.universe, "universe", "any", "universe: iwm, ijr, both, any")
	fs.StringVar(&sf.sectors, "sector", "", "comma-separated GICS sectors to keep (name or unique prefix, any case)")
	fs.Float64Var(&sf.minMcap, "min-mcap", 0, "minimum market cap, USD millions (0 = none)")
	fs.Float64Var(&sf.maxMcap, "max-mcap", 0, "maximum market cap, USD millions (0 = none)")
	fs.BoolVar(&sf.profitable, "profitable", false, "keep only stocks with positive TTM net income")
	fs.BoolVar(&sf.neutral, "sector-neutral", false, "rank each metric within its GICS sector (universe fallback below 8 stocks)")
	fs.IntVar(&sf.minCoverage, "min-coverage", engine.DefaultMinCoverage, "rank only stocks with at least this many of the 6 factors present (0 = all)")
	fs.BoolVar(&sf.exFin, "exclude-financials", false, "leave Financials and Real Estate out of metrics that do not apply to them")
	registerMissing(fs, &sf.missing)
	fs.StringVar(&sf.where, "where", "", "filters on any metric, "+engine.WhereGrammar)
}

// resolve loads the snapshot and turns the flags into engine options and weights.
func (sf *screenFlags) resolve() (*engine.Snapshot, engine.Options, engine.Weights, string, error) {
	var o engine.Options
	w, label, err := cliWeights(sf.weights, sf.preset)
	if err != nil {
		return nil, o, w, "", err
	}
	idx, ok := engine.ParseIndex(strings.ToLower(sf.universe))
	if !ok && sf.universe != "" {
		return nil, o, w, "", fmt.Errorf("--universe %q unknown; valid: any, iwm, ijr, both", sf.universe)
	}
	o.Index = idx
	if !(sf.minMcap >= 0) || !(sf.maxMcap >= 0) || math.IsInf(sf.minMcap, 0) || math.IsInf(sf.maxMcap, 0) || (sf.maxMcap > 0 && sf.minMcap > sf.maxMcap) {
		return nil, o, w, "", fmt.Errorf("--min-mcap %g / --max-mcap %g: want 0 ≤ min ≤ max (0 = no bound)", sf.minMcap, sf.maxMcap)
	}
	o.MinMcap, o.MaxMcap = sf.minMcap, sf.maxMcap
	o.ProfitableOnly, o.SectorNeutral, o.ExcludeFinancials = sf.profitable, sf.neutral, sf.exFin
	if sf.minCoverage < 0 || sf.minCoverage > engine.NumFactors {
		return nil, o, w, "", fmt.Errorf("--min-coverage %d: want 0..%d", sf.minCoverage, engine.NumFactors)
	}
	o.MinCoverage = sf.minCoverage
	if o.Missing, err = parseMissing(sf.missing); err != nil {
		return nil, o, w, "", err
	}
	if err := applyWhere(sf.where, &o.Filter); err != nil {
		return nil, o, w, "", err
	}

	s, err := readDecoded(sf.snapshot, "--snapshot", engine.Decode)
	if err != nil {
		return nil, o, w, "", err
	}
	if o.Sectors, err = cliSectors(sf.sectors, s.Sectors); err != nil {
		return nil, o, w, "", err
	}
	return s, o, w, label, nil
}

// applyWhere adds the --where bounds (engine.ParseWhere) to f; a market
// cap bound given both there and by --min-mcap/--max-mcap is an error,
// not a silent choice.
func applyWhere(spec string, f *engine.Filter) error {
	var wf engine.Filter
	if err := engine.ParseWhere(spec, &wf); err != nil {
		return fmt.Errorf("--where: %w", err)
	}
	if wf.MinMcap > 0 && f.MinMcap > 0 || wf.MaxMcap > 0 && f.MaxMcap > 0 {
		return fmt.Errorf("--where: a market cap bound is also set by --min-mcap/--max-mcap; give it once")
	}
	if wf.MinMcap > 0 {
		f.MinMcap = wf.MinMcap
	}
	if wf.MaxMcap > 0 {
		f.MaxMcap = wf.MaxMcap
	}
	if f.MinMcap > 0 && f.MaxMcap > 0 && f.MinMcap > f.MaxMcap {
		return fmt.Errorf("--where: market cap lower bound %g is above the upper bound %g", f.MinMcap, f.MaxMcap)
	}
	f.Values, f.Pcts = wf.Values, wf.Pcts
	return nil
}

// cliSectors maps a comma-separated list of sector names (any case, or a
// unique prefix) to the Filter.Sectors bit set.
func cliSectors(spec string, names []string) (uint32, error) {
	var bits uint32
	for _, part := range strings.Split(spec, ",") {
		part = strings.ToLower(strings.TrimSpace(part))
		if part == "" {
			continue
		}
		match := -1
		for i, n := range names {
			ln := strings.ToLower(n)
			if ln == part {
				match = i
				break
			}
			if strings.HasPrefix(ln, part) {
				if match >= 0 {
					match = -2 // ambiguous prefix
				} else if match == -1 {
					match = i
				}
			}
		}
		if match < 0 {
			return 0, fmt.Errorf("--sector %q unknown or ambiguous; valid sectors: %s", part, strings.Join(names, ", "))
		}
		bits |= 1 << uint(match)
	}
	return bits, nil
}

func runRank(args []string, stdout io.Writer) error {
	fs := newCLIFlagSet("rank")
	var sf screenFlags
	sf.register(fs)
	top := fs.Int("top", 25, "number of rows to print (0 = all)")
	format := fs.String("format", "table", "output format: table, csv, json")
	if err := fs.Parse(args); err != nil {
		return helpIsNotAnError(err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q (rank takes only flags)", fs.Arg(0))
	}
	if *top < 0 {
		return fmt.Errorf("--top %d: want ≥ 0", *top)
	}
	if f := *format; f != "table" && f != "csv" && f != "json" {
		return fmt.Errorf("--format %q unknown; valid: table, csv, json", f)
	}
	s, o, w, label, err := sf.resolve()
	if err != nil {
		return err
	}
	sc := engine.NewScreen(s, engine.ComputeMetrics(s), o)
	sc.Score(w)
	order := sc.Order
	if *top > 0 && *top < len(order) {
		order = order[:*top]
	}
	switch *format {
	case "csv":
		return rankCSV(stdout, sc, order)
	case "json":
		return rankJSON(stdout, sc, order, w)
	}
	where := ""
	if w := engine.FormatWhere(o.Filter); w != "" {
		where = " · where " + w
	}
	fmt.Fprintf(stdout, "%s · %s · %d stocks in universe · %s · missing factors: %s%s\n\n", s.Kind, s.AsOf, len(sc.Members), label, o.Missing.Key(), where)
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	hdr := []string{"rank", "ticker", "name", "composite%"}
	for f := engine.Factor(0); f < engine.NumFactors; f++ {
		hdr = append(hdr, f.Key())
	}
	hdr = append(hdr, "cov")
	fmt.Fprintln(tw, strings.Join(hdr, "\t")+"\t")
	for r, j := range order {
		row := sc.Members[j]
		cells := []string{strconv.Itoa(r + 1), s.Ticker[row], cliShort(s.Name[row], 28), fmtPct(sc.CompositePct[j])}
		for f := 0; f < engine.NumFactors; f++ {
			cells = append(cells, fmtPct(sc.FactorPct[f][j]))
		}
		cells = append(cells, fmt.Sprintf("%d/6", sc.Coverage[j]))
		fmt.Fprintln(tw, strings.Join(cells, "\t")+"\t")
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(sc.Unpriced) > 0 {
		fmt.Fprintf(stdout, "\nnot ranked: %d stocks without a price or market cap in the data on %s (%s)", len(sc.Unpriced), s.AsOf, unpricedSummary(sc))
		if *top == 0 {
			fmt.Fprintf(stdout, ":\n%s\n", unpricedLines(sc))
		} else {
			fmt.Fprintln(stdout, "; --top 0 lists them")
		}
	}
	return nil
}

// unpricedSummary counts the screen's unpriced stocks by reason, e.g.
// "160 no_price, 322 no_shares".
func unpricedSummary(sc *engine.Screen) string {
	var n [engine.NumUnpricedReasons]int
	for _, row := range sc.Unpriced {
		n[sc.Snap.WhyUnpriced(int(row))]++
	}
	var parts []string
	for r, c := range n {
		if c > 0 {
			parts = append(parts, strconv.Itoa(c)+" "+engine.UnpricedReason(r).Key())
		}
	}
	return strings.Join(parts, ", ")
}

// unpricedLines names the screen's unpriced stocks with their reason, one
// per line: "ABC  no_price  Company name".
func unpricedLines(sc *engine.Screen) string {
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	for _, row := range sc.Unpriced {
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", sc.Snap.Ticker[row], sc.Snap.WhyUnpriced(int(row)).Key(), sc.Snap.Name[row])
	}
	tw.Flush()
	return strings.TrimRight(b.String(), "\n")
}

func rankCSV(out io.Writer, sc *engine.Screen, order []int32) error {
	s := sc.Snap
	cw := csv.NewWriter(out)
	hdr := []string{"rank", "ticker", "name", "sector", "composite_pct", "composite"}
	for f := engine.Factor(0); f < engine.NumFactors; f++ {
		hdr = append(hdr, f.Key()+"_pct")
	}
	hdr = append(hdr, "coverage")
	cw.Write(hdr)
	for r, j := range order {
		row := sc.Members[j]
		// Names come from data files: defuse anything a spreadsheet would run.
		rec := []string{strconv.Itoa(r + 1), csvSafeCell(s.Ticker[row]), csvSafeCell(s.Name[row]), csvSafeCell(s.Sectors[s.Sector[row]]), fmtNum(sc.CompositePct[j]), fmtNum(sc.Composite[j])}
		for f := 0; f < engine.NumFactors; f++ {
			rec = append(rec, fmtNum(sc.FactorPct[f][j]))
		}
		rec = append(rec, strconv.Itoa(int(sc.Coverage[j])))
		cw.Write(rec)
	}
	cw.Flush()
	return cw.Error()
}

func rankJSON(out io.Writer, sc *engine.Screen, order []int32, w engine.Weights) error {
	type row struct {
		Rank         int                `json:"rank"`
		Ticker       string             `json:"ticker"`
		Name         string             `json:"name"`
		Sector       string             `json:"sector"`
		CompositePct jsonNum            `json:"composite_pct"`
		Composite    jsonNum            `json:"composite"`
		Factors      map[string]jsonNum `json:"factor_pct"`
		Coverage     int                `json:"coverage"`
	}
	s := sc.Snap
	weights := map[string]float64{}
	for f := engine.Factor(0); f < engine.NumFactors; f++ {
		weights[f.Key()] = w[f]
	}
	rows := make([]row, 0, len(order))
	for r, j := range order {
		i := sc.Members[j]
		fp := map[string]jsonNum{}
		for f := engine.Factor(0); f < engine.NumFactors; f++ {
			fp[f.Key()] = jsonNum(sc.FactorPct[f][j])
		}
		rows = append(rows, row{r + 1, s.Ticker[i], s.Name[i], s.Sectors[s.Sector[i]], jsonNum(sc.CompositePct[j]), jsonNum(sc.Composite[j]), fp, int(sc.Coverage[j])})
	}
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	type unpriced struct {
		Ticker string `json:"ticker"`
		Name   string `json:"name"`
		Reason string `json:"reason"`
	}
	up := make([]unpriced, len(sc.Unpriced))
	for k, row := range sc.Unpriced {
		up[k] = unpriced{s.Ticker[row], s.Name[row], s.WhyUnpriced(int(row)).Key()}
	}
	return enc.Encode(map[string]any{"asof": s.AsOf, "kind": s.Kind, "universe_size": len(sc.Members), "weights": weights,
		"missing": sc.Opts.Missing.Key(), "rows": rows, "unpriced": up})
}

func runExplain(args []string, stdout io.Writer) error {
	fs := newCLIFlagSet("explain")
	var sf screenFlags
	sf.register(fs)
	// Accept the ticker before or after the flags.
	var ticker string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		ticker, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		return helpIsNotAnError(err)
	}
	if ticker == "" && fs.NArg() > 0 {
		ticker = fs.Arg(0)
		if err := fs.Parse(fs.Args()[1:]); err != nil {
			return helpIsNotAnError(err)
		}
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q (explain takes one ticker)", fs.Arg(0))
	}
	if ticker == "" {
		return errors.New("usage: explain TICKER [--snapshot file] [rank flags]")
	}
	s, o, w, label, err := sf.resolve()
	if err != nil {
		return err
	}
	row, ok := s.Lookup(ticker)
	if !ok {
		if near := closeTickers(s, ticker, 6); len(near) > 0 {
			return fmt.Errorf("ticker %q not in the %s snapshot; did you mean: %s", ticker, s.AsOf, strings.Join(near, ", "))
		}
		return fmt.Errorf("ticker %q not in the %s snapshot (%d tickers; see `rank --top 0`)", ticker, s.AsOf, s.N)
	}
	m := engine.ComputeMetrics(s)
	sc := engine.NewScreen(s, m, o)
	sc.Score(w)
	j, in := sc.Pos(row)
	if !in && slices.Contains(sc.Unpriced, int32(row)) {
		return fmt.Errorf("%s is not ranked: no price or market cap in the data on %s (%s); the screen lists it apart", s.Ticker[row], s.AsOf, s.WhyUnpriced(row).Key())
	}
	if !in {
		why := sc.Why(row).Key()
		if f, ok := sc.FailedValue(row); ok {
			why += " " + f.Key()
		} else if k, ok := sc.FailedPct(row); ok {
			why += " pct." + k.Key()
		}
		return fmt.Errorf("%s is in the snapshot but not in the selected universe (filtered out by: %s)", s.Ticker[row], why)
	}
	return writeExplain(stdout, sc, m, row, j, w, label)
}

func writeExplain(out io.Writer, sc *engine.Screen, m *engine.Metrics, row, j int, w engine.Weights, label string) error {
	s, o := sc.Snap, sc.Opts
	fmt.Fprintf(out, "%s  %s  (%s)\n", s.Ticker[row], s.Name[row], s.Sectors[s.Sector[row]])
	fmt.Fprintf(out, "snapshot %s %s · price %s · mcap %s USD m · IWM weight %s%% · IJR weight %s%%\n", s.Kind, s.AsOf, cliDash(fmtNum(s.Price[row])), cliDash(fmtNum(s.Mcap[row])), cliDash(fmtNum(s.IWM[row])), cliDash(fmtNum(s.IJR[row])))
	rank := fmt.Sprintf("rank %d of %d", sc.Rank(j), len(sc.Members))
	if math.IsNaN(sc.Composite[j]) {
		rank = fmt.Sprintf("unranked (coverage below --min-coverage %d, no weighted factor present, or --missing exclude)", o.MinCoverage)
	}
	fmt.Fprintf(out, "%s · %s · composite %s (pct %s) · coverage %d/6\n\n", label, rank, cliDash(fmtNum(sc.Composite[j])), fmtPct(sc.CompositePct[j]), sc.Coverage[j])

	fmt.Fprintln(out, "data used (fiscal period end, publish date, source; _p = the same TTM sums / balance a year earlier):")
	// SimFin-only lines can come from an older window than the block's
	// primary one; show it as [X2] where it differs.
	secondary := map[engine.Block]string{engine.BlockIncome: "opinc, gp, int, rev_op", engine.BlockBalance: "debt, cash", engine.BlockCashFlow: "ocf, capex, da"}
	for _, b := range []engine.Block{engine.BlockIncome, engine.BlockBalance, engine.BlockCashFlow} {
		p := s.Period(b, row)
		fmt.Fprintf(out, "  [%s] %-9s end %-10s published %-10s %s\n", blockTag(b), b, cliDash(engine.FormatDate(p.End)), cliDash(engine.FormatDate(p.Pub)), cliDash(p.Source))
		first, _, _ := strings.Cut(secondary[b], ",")
		if q := s.ColumnPeriod(first, row); q != p {
			fmt.Fprintf(out, "  [%s2] %-8s end %-10s published %-10s %s (%s)\n", blockTag(b), b, cliDash(engine.FormatDate(q.End)), cliDash(engine.FormatDate(q.Pub)), cliDash(q.Source), secondary[b])
		}
	}
	fmt.Fprintf(out, "  [M] market    prices, market cap and momentum as of %s\n", s.AsOf)
	if s.Flags[row] != 0 {
		var names []string
		for i, n := range s.FlagNames {
			if s.Flags[row]&(1<<uint(i)) != 0 {
				names = append(names, n)
			}
		}
		fmt.Fprintf(out, "  data-quality flags: %s (flagged values are excluded; debt_blank_zero means blank SimFin debt lines were read as no debt)\n", strings.Join(names, ", "))
	}
	fmt.Fprintln(out)

	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "factor\tmetric\tvalue\tpct\tfrom\tinputs (USD millions; returns and ratios as fractions)")
	for f := engine.Factor(0); f < engine.NumFactors; f++ {
		for _, k := range engine.FactorMetrics(f) {
			var in, from []string
			for _, col := range k.Inputs() {
				c, _ := s.Float(col)
				in = append(in, col+"="+cliDash(fmtNum(c[row])))
				b := engine.ColumnBlock(col)
				t := blockTag(b)
				if b != engine.BlockMarket && s.ColumnPeriod(col, row) != s.Period(b, row) {
					t += "2"
				}
				if !slices.Contains(from, t) {
					from = append(from, t)
				}
			}
			dir := ""
			if !k.HigherIsBetter() {
				dir = " (lower better)"
			}
			masked := ""
			if math.IsNaN(sc.MetricPct[k][j]) && !math.IsNaN(m.Value[k][row]) {
				masked = " [excluded for financials]"
			}
			val := cliDash(fmtNum(m.Value[k][row]))
			if math.IsInf(m.Value[k][row], 0) {
				val = metricText(langEN, k, m.Value[k][row])
			}
			fmt.Fprintf(tw, "%s\t%s%s\t%s\t%s\t%s\t%s%s\n", f.Key(), k.Key(), dir, val, fmtPct(sc.MetricPct[k][j]), strings.Join(from, "+"), strings.Join(in, " "), masked)
		}
	}
	tw.Flush()
	fmt.Fprintln(out)

	contrib := sc.Contributions(j, w)
	tw = tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "factor\tpct\tz\tweight\tcontribution\t")
	sum := 0.0
	for f := engine.Factor(0); f < engine.NumFactors; f++ {
		if !math.IsNaN(contrib[f]) {
			sum += contrib[f]
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t\n", f.Key(), fmtPct(sc.FactorPct[f][j]), cliDash(fmtSigned(sc.FactorZ[f][j])), fmtNum(w[f]), cliDash(fmtSigned(contrib[f])))
	}
	fmt.Fprintf(tw, "composite\t\t\t\t%s\t\n", cliDash(fmtSigned(sum)))
	if err := tw.Flush(); err != nil {
		return err
	}
	if miss := sc.MissingWeighted(j, w); len(miss) > 0 {
		keys := make([]string, len(miss))
		for k, f := range miss {
			keys[k] = f.Key()
		}
		fmt.Fprintf(out, "\nmissing weighted factors: %s; --missing %s: %s\n", strings.Join(keys, ", "), o.Missing.Key(), missingRuleText[o.Missing])
	}
	return nil
}

// missingRuleText says, per rule, what happened to a missing factor.
var missingRuleText = [engine.NumMissingRules]string{
	engine.MissingNeutral: "each counts with its weight at the universe median (z = 0)",
	engine.MissingSkip:    "the composite averages the present factors only",
	engine.MissingExclude: "the stock is left unranked",
}

// blockTag is the one-letter label of a statement block in explain output.
func blockTag(b engine.Block) string {
	switch b {
	case engine.BlockIncome:
		return "I"
	case engine.BlockBalance:
		return "B"
	case engine.BlockCashFlow:
		return "C"
	}
	return "M"
}

func fmtSigned(x float64) string {
	if math.IsNaN(x) {
		return ""
	}
	return strconv.FormatFloat(x, 'f', 3, 64)
}

// closeTickers suggests tickers within edit distance 2 of t, or sharing its
// prefix, or whose company name contains it; at most max, closest first.
func closeTickers(s *engine.Snapshot, t string, max int) []string {
	q := strings.ToUpper(strings.TrimSpace(t))
	type cand struct {
		d      int
		ticker string
	}
	var cs []cand
	for i, tk := range s.Ticker {
		u := strings.ToUpper(tk)
		d := editDistance(q, u)
		switch {
		case d <= 2:
		case len(q) >= 2 && strings.HasPrefix(u, q):
			d = 3
		case len(q) >= 3 && strings.Contains(strings.ToUpper(s.Name[i]), q):
			d = 4
		default:
			continue
		}
		cs = append(cs, cand{d, tk})
	}
	slices.SortFunc(cs, func(a, b cand) int {
		if a.d != b.d {
			return a.d - b.d
		}
		return strings.Compare(a.ticker, b.ticker)
	})
	var out []string
	for _, c := range cs {
		if len(out) == max {
			break
		}
		out = append(out, c.ticker)
	}
	return out
}

// editDistance is the Levenshtein distance between a and b (bytes).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
