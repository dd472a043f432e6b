//go:build !wasm

package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"screener/data/schema"
	"screener/engine"
)

func init() {
	register("backtest", "score each history snapshot and report forward returns: backtest [--weights …|--preset …|--preset all] [--buckets 5|10] [--top 30] [--universe any|iwm|ijr|both] [--min-coverage 4] [--funds IWM,IJR,VTWG,VTWV] [--data web/data] [--format table|json]", runBacktest)
}

type btBucket struct {
	N       int     `json:"n"`
	Missing int     `json:"missing_fwd"`
	Value   jsonNum `json:"value"` // under the report's statistic
	Mean    jsonNum `json:"mean_fwd"`
	Median  jsonNum `json:"median_fwd"`
	Winsor  jsonNum `json:"winsor_mean_fwd"`
	CapW    jsonNum `json:"capw_mean_fwd"`
}

type btMover struct {
	Ticker string  `json:"ticker"`
	Return jsonNum `json:"fwd"`
}

type btDate struct {
	AsOf         string             `json:"asof"`
	Basis        string             `json:"basis"`
	From         string             `json:"from"`
	To           string             `json:"to"`
	Modelled     bool               `json:"modelled_universe"`
	Universe     int                `json:"universe"`
	Scored       int                `json:"scored"`
	MissingFwd   int                `json:"missing_fwd"`
	Buckets      []btBucket         `json:"buckets_bottom_to_top"`
	Spread       jsonNum            `json:"top_minus_bottom"`
	HitRate      jsonNum            `json:"top_hit_rate"`
	Movers       [2][]btMover       `json:"largest_returns_bottom_top"`
	IC           jsonNum            `json:"ic"`
	ICN          int                `json:"ic_n"`
	TopN         jsonNum            `json:"top_n"`
	TopNCount    int                `json:"top_n_count"`
	TopNMissing  int                `json:"top_n_missing_fwd"`
	Funds        map[string]jsonNum `json:"funds"`
	FactorSpread map[string]jsonNum `json:"factor_spread"`
	FactorIC     map[string]jsonNum `json:"factor_ic"`
	Survivorship string             `json:"survivorship"`
}

type btReport struct {
	Weights      string             `json:"weights"`
	Stat         string             `json:"stat"`
	Buckets      int                `json:"buckets"`
	TopN         int                `json:"top_n"`
	Dates        []btDate           `json:"dates"`
	Years        int                `json:"years_12m"`
	MeanIC       jsonNum            `json:"mean_ic"`
	SDIC         jsonNum            `json:"sd_ic"`
	TStatIC      jsonNum            `json:"t_ic"`
	CumSpread    jsonNum            `json:"cum_top_minus_bottom"`
	MeanSpread   jsonNum            `json:"mean_top_minus_bottom"`
	TStatSpread  jsonNum            `json:"t_top_minus_bottom"`
	SpreadWins   int                `json:"windows_top_ahead"`
	CumTopN      jsonNum            `json:"cum_top_n"`
	CumFunds     map[string]jsonNum `json:"cum_funds"`
	MeanFactorIC map[string]jsonNum `json:"mean_factor_ic"`
	MeanFactorS  map[string]jsonNum `json:"mean_factor_spread"`
	Notes        []string           `json:"notes"`
}

func runBacktest(args []string, stdout io.Writer) error {
	fl := flag.NewFlagSet("backtest", flag.ContinueOnError)
	fl.SetOutput(io.Discard)
	weights := fl.String("weights", "", "factor weights, e.g. value=2,momentum=1; keys: "+strings.Join(engine.FactorKeys(), ", "))
	preset := fl.String("preset", "", "weight preset: "+strings.Join(engine.PresetKeys(), ", ")+", or all (default "+DefaultPreset+")")
	buckets := fl.Int("buckets", engine.DefaultBuckets, "5 (quintiles) or 10 (deciles)")
	statKey := fl.String("stat", engine.DefaultStatistic.Key(), "bucket statistic: median, winsor (1%/99% winsorised mean), mean, capw (cap-weighted mean)")
	top := fl.Int("top", engine.DefaultTopN, "size of 'my screen' (top N by composite, equal-weighted)")
	universe := fl.String("universe", "any", "universe: any, iwm (Russell-2000-like), ijr (S&P-600-like), both")
	neutral := fl.Bool("sector-neutral", false, "rank each metric within its GICS sector")
	exFin := fl.Bool("exclude-financials", false, "leave Financials and Real Estate out of metrics that do not apply to them")
	minCov := fl.Int("min-coverage", engine.DefaultMinCoverage, "score only stocks with at least this many of the 6 factors present (0 = all)")
	funds := fl.String("funds", strings.Join(defaultETFs, ","), "funds to compare with 'my screen'")
	dir := fl.String("data", dataDir, "folder with the history, current and funds snapshots")
	format := fl.String("format", "table", "output format: table, json")
	var missing string
	registerMissing(fl, &missing)
	if err := fl.Parse(args); err != nil {
		return fmt.Errorf("%w; flags: --weights --preset --buckets --top --universe --sector-neutral --exclude-financials --min-coverage --missing --stat --funds --data --format", err)
	}
	st, ok := engine.ParseStatistic(strings.ToLower(*statKey))
	if !ok {
		return fmt.Errorf("--stat %q unknown; valid: mean, median, winsor, capw", *statKey)
	}
	if *format != "table" && *format != "json" {
		return fmt.Errorf("--format %q unknown; valid: table, json", *format)
	}
	if *buckets != 5 && *buckets != 10 {
		return fmt.Errorf("--buckets %d: want 5 or 10", *buckets)
	}
	if *top < 1 {
		return fmt.Errorf("--top %d: want at least 1", *top)
	}
	var o engine.Options
	idx, ok := engine.ParseIndex(strings.ToLower(*universe))
	if !ok && *universe != "" {
		return fmt.Errorf("--universe %q unknown; valid: any, iwm, ijr, both", *universe)
	}
	o.Index = idx
	if *minCov < 0 || *minCov > engine.NumFactors {
		return fmt.Errorf("--min-coverage %d: want 0..%d", *minCov, engine.NumFactors)
	}
	o.SectorNeutral, o.ExcludeFinancials, o.MinCoverage = *neutral, *exFin, *minCov
	var err error
	if o.Missing, err = parseMissing(missing); err != nil {
		return err
	}
	type run struct {
		w     engine.Weights
		label string
	}
	var runs []run
	if *preset == "all" {
		if *weights != "" {
			return errors.New("give --weights or --preset, not both")
		}
		for _, p := range engine.Presets() {
			runs = append(runs, run{p.Weights, "preset " + p.Key + " (" + p.Name + ")"})
		}
	} else {
		w, label, err := cliWeights(*weights, *preset)
		if err != nil {
			return err
		}
		runs = append(runs, run{w, label})
	}

	snaps, err := readHistory(*dir)
	if err != nil {
		return err
	}
	cur, err := readSnapshotFile(filepath.Join(*dir, schema.CurrentFile))
	if err != nil {
		return err
	}
	snaps = append(snaps, cur)
	fs, err := readFundsFile(filepath.Join(*dir, schema.FundsFile))
	if err != nil {
		return err
	}
	tickers, err := parseFundList(*funds, fs, 0, 8)
	if err != nil {
		return err
	}
	var priced []*engine.Fund
	for _, t := range tickers {
		f, _ := priceFund(fs, t)
		priced = append(priced, f)
	}
	bt, err := engine.NewBacktest(snaps, o)
	if err != nil {
		return err
	}
	fundRet := bt.FundWindowReturns(priced)

	var reps []*btReport
	for _, r := range runs {
		res := bt.Run(r.w, engine.BacktestConfig{Buckets: *buckets, TopN: *top, Stat: st})
		reps = append(reps, backtestReport(res, r.label, tickers, fundRet))
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", " ")
		if len(reps) == 1 {
			return enc.Encode(reps[0])
		}
		return enc.Encode(reps)
	}
	for _, rep := range reps {
		if err := writeBacktestTable(stdout, rep, tickers); err != nil {
			return err
		}
	}
	if len(reps) > 1 {
		if err := writePresetSummary(stdout, reps); err != nil {
			return err
		}
	}
	writeBacktestNotes(stdout, reps[0])
	return nil
}

func factorMap(v [engine.NumFactors]float64) map[string]jsonNum {
	m := map[string]jsonNum{}
	for f := engine.Factor(0); f < engine.NumFactors; f++ {
		m[f.Key()] = jsonNum(v[f])
	}
	return m
}

func backtestReport(res engine.BacktestResult, label string, tickers []string, fundRet [][]float64) *btReport {
	rep := &btReport{Weights: label, Buckets: res.Config.Buckets, TopN: res.Config.TopN, Years: res.Years,
		MeanIC: jsonNum(res.MeanIC), SDIC: jsonNum(res.SDIC), TStatIC: jsonNum(res.TStatIC),
		CumSpread: jsonNum(res.CumSpread), CumTopN: jsonNum(res.CumTopN), CumFunds: map[string]jsonNum{},
		MeanFactorIC: factorMap(res.MeanFactorIC), MeanFactorS: factorMap(res.MeanFactorS)}
	rep.Stat = res.Config.Stat.Key()
	rep.MeanSpread, rep.TStatSpread, rep.SpreadWins = jsonNum(res.MeanSpread), jsonNum(res.TStatSpread), res.SpreadWins
	res.WithFunds(tickers, fundRet)
	for i, d := range res.Dates {
		bd := btDate{AsOf: d.AsOf, Basis: string(d.Basis), From: fmtDate(d.From), To: fmtDate(d.To), Modelled: d.Modelled,
			Universe: d.Universe, Scored: d.Scored, MissingFwd: d.MissingFwd, Spread: jsonNum(d.Spread),
			IC: jsonNum(d.IC), ICN: d.ICN, TopN: jsonNum(d.TopN), TopNCount: d.TopNCount, TopNMissing: d.TopNMissing,
			Funds: map[string]jsonNum{}, FactorSpread: factorMap(d.FactorSpread), FactorIC: factorMap(d.FactorIC),
			Survivorship: d.Survivorship}
		for _, b := range d.Buckets {
			bd.Buckets = append(bd.Buckets, btBucket{N: b.N, Missing: b.Missing, Value: jsonNum(b.Of(res.Config.Stat)),
				Mean: jsonNum(b.Mean), Median: jsonNum(b.Median), Winsor: jsonNum(b.Winsor), CapW: jsonNum(b.CapW)})
		}
		bd.HitRate = jsonNum(d.HitRate)
		for k, ms := range d.Movers {
			for _, m := range ms {
				bd.Movers[k] = append(bd.Movers[k], btMover{m.Ticker, jsonNum(m.Return)})
			}
		}
		for k, t := range tickers {
			bd.Funds[t] = jsonNum(fundRet[i][k])
		}
		rep.Dates = append(rep.Dates, bd)
	}
	for k, t := range tickers {
		rep.CumFunds[t] = jsonNum(res.Funds.Cum[k])
	}
	rep.Notes = []string{
		"History universes: the real Russell 2000 lists for 2022 (June 2022 membership) and 2024 (IWM holdings of 2025-05-13); the other years are modelled (modelled_universe: ranked by total market cap on Russell's rank day); S&P-600-like adds positive trailing earnings. Each snapshot's universe text says which.",
		"Survivorship bias: companies that stopped trading before March 2024 without a price file are missing; those with one earn their return to their last price (flagged fwd_to_last_price). Names without any forward price are counted (missing_fwd) and left out, which flatters weak companies.",
		"Buckets: the forward return under the chosen statistic (--stat: median by default; winsor = mean of returns clipped to the window's 1st/99th percentiles; capw = market-cap-weighted mean); every bucket also carries all four in the JSON. Top N is an equal-weighted portfolio's return. Ties in the composite are never split across a bucket boundary (a tied run goes to the bucket of its mean position).",
		"Summary (mean IC, t = mean/(sd/√n), spreads added up, top-N compounded) uses the non-overlapping 12-month windows only; the to-last-price window of the current snapshot overlaps the last of them.",
		"Forward returns are read only after scoring; they never feed the composite.",
	}
	return rep
}

func writeBacktestTable(out io.Writer, rep *btReport, tickers []string) error {
	fmt.Fprintf(out, "BACKTEST %s — %d buckets by %s, top %d\n", rep.Weights, rep.Buckets, rep.Stat, rep.TopN)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "asof\twindow\tuniv\tscored\tno fwd\t")
	for b := 1; b <= rep.Buckets; b++ {
		fmt.Fprintf(tw, "Q%d\t", b)
	}
	fmt.Fprint(tw, "top−bot\thit\tIC\ttop N\t")
	for _, t := range tickers {
		fmt.Fprint(tw, t+"\t")
	}
	fmt.Fprintln(tw)
	for _, d := range rep.Dates {
		fmt.Fprintf(tw, "%s\t→ %s\t%d\t%d\t%d\t", d.AsOf, d.To, d.Universe, d.Scored, d.MissingFwd)
		for _, b := range d.Buckets {
			fmt.Fprint(tw, pctCell(b.Value, 1)+"\t")
		}
		for b := len(d.Buckets); b < rep.Buckets; b++ {
			fmt.Fprint(tw, "—\t")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t", pctCell(d.Spread, 1), pctCell(d.HitRate, 0), numCell(d.IC, 3), pctCell(d.TopN, 1))
		for _, t := range tickers {
			fmt.Fprint(tw, pctCell(d.Funds[t], 1)+"\t")
		}
		fmt.Fprintln(tw)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(out, "over %d non-overlapping 12-month windows: mean IC %s (sd %s, t %s); top−bottom ahead in %d, added up %s pp (t %s); top %d compounded %s%%",
		rep.Years, numCell(rep.MeanIC, 3), numCell(rep.SDIC, 3), numCell(rep.TStatIC, 2), rep.SpreadWins, pctCell(rep.CumSpread, 1), numCell(rep.TStatSpread, 2), rep.TopN, pctCell(rep.CumTopN, 1))
	for _, t := range tickers {
		fmt.Fprintf(out, "; %s %s%%", t, pctCell(rep.CumFunds[t], 1))
	}
	fmt.Fprintln(out)
	fmt.Fprint(out, "single-factor spread ("+rep.Stat+") / IC:")
	for _, k := range engine.FactorKeys() {
		fmt.Fprintf(out, " %s %s%%/%s", k, pctCell(rep.MeanFactorS[k], 1), numCell(rep.MeanFactorIC[k], 3))
	}
	fmt.Fprintln(out)
	fmt.Fprintln(out)
	return nil
}

// writeBacktestNotes prints the honesty notes once: the survivorship text
// of each snapshot and the method notes.
func writeBacktestNotes(out io.Writer, rep *btReport) {
	seen := map[string]bool{}
	for _, d := range rep.Dates {
		if d.Survivorship != "" && !seen[d.Survivorship] {
			seen[d.Survivorship] = true
			fmt.Fprintf(out, "survivorship %s: %s\n", d.AsOf, d.Survivorship)
		}
	}
	for _, n := range rep.Notes {
		fmt.Fprintln(out, "note: "+n)
	}
}

// writePresetSummary puts every preset's yearly spread and IC side by side.
func writePresetSummary(out io.Writer, reps []*btReport) error {
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(out, "PRESETS: top−bottom spread % (IC) per forward window")
	fmt.Fprint(tw, "preset\t")
	for _, d := range reps[0].Dates {
		fmt.Fprint(tw, d.AsOf+"\t")
	}
	fmt.Fprintln(tw, "mean IC\tt\tΣ spread pp\t")
	for _, r := range reps {
		name := strings.TrimPrefix(r.Weights, "preset ")
		if i := strings.Index(name, " "); i > 0 {
			name = name[:i]
		}
		fmt.Fprint(tw, name+"\t")
		for _, d := range r.Dates {
			fmt.Fprintf(tw, "%s (%s)\t", pctCell(d.Spread, 1), numCell(d.IC, 2))
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t\n", numCell(r.MeanIC, 3), numCell(r.TStatIC, 2), pctCell(r.CumSpread, 1))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(out)
	return nil
}
