//go:build !wasm

package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"screener/data/schema"
	"screener/engine"
)

func init() {
	register("etf", "compare small-cap ETFs: etf [--funds IWM,IJR,VTWG,VTWV] [--asof 2025-06-30] [--start YYYY-MM-DD] [--weights …|--preset …] [--data web/data] [--format table|json]", runETF)
}

// defaultETFs is the comparison the ETF view opens with.
var defaultETFs = DefaultState().FundList()

type etfTrailing struct {
	Years      int     `json:"years"`
	From       string  `json:"from,omitempty"`
	To         string  `json:"to,omitempty"`
	Annualised jsonNum `json:"annualised"`
	Total      jsonNum `json:"total"`
	// Note says why a window has no return: the price file starts later.
	Note string `json:"note,omitempty"`
}

type etfYear struct {
	Year    int     `json:"year"`
	Return  jsonNum `json:"return"`
	Partial bool    `json:"partial,omitempty"`
}

type etfPoint struct {
	Date  string  `json:"date"`
	Value jsonNum `json:"value"`
}

type etfHoldings struct {
	Modelled bool   `json:"modelled"`
	Note     string `json:"note,omitempty"`
	Holdings int    `json:"holdings"`
	// ZeroWeight counts names the holdings file lists at 0.00% (held,
	// nothing to aggregate); holdings counts the others.
	ZeroWeight    int     `json:"holdings_at_zero_weight"`
	WeightMatched jsonNum `json:"weight_matched_pct"`
	// The fund-page figures (definitions: engine.HoldingsStats).
	PEProfitable      jsonNum            `json:"pe_profitable_harmonic"`
	PEProfitableCover jsonNum            `json:"pe_profitable_weight_covered"`
	PBPositive        jsonNum            `json:"pb_positive_book_harmonic"`
	PBPositiveCover   jsonNum            `json:"pb_positive_book_weight_covered"`
	PE                jsonNum            `json:"pe_loss_inclusive_aggregate"`
	PB                jsonNum            `json:"pb_all_books_aggregate"`
	MedianMcap        jsonNum            `json:"median_mcap_weighted_musd"`
	MedianMcapCover   jsonNum            `json:"median_mcap_weight_covered"`
	ROEWeighted       jsonNum            `json:"roe_weighted_avg_positive_equity"`
	ROEWeightedCover  jsonNum            `json:"roe_weighted_avg_weight_covered"`
	EarningsYield     jsonNum            `json:"earnings_yield"`
	FCFYield          jsonNum            `json:"fcf_yield"`
	LossCount         jsonNum            `json:"loss_makers_by_count"`
	LossWeight        jsonNum            `json:"loss_makers_by_weight"`
	DebtToAssets      jsonNum            `json:"debt_to_assets"`
	ROE               jsonNum            `json:"roe_aggregate"`
	StatementCover    jsonNum            `json:"statement_coverage_by_weight"`
	Sectors           map[string]jsonNum `json:"sector_weights"`
	FactorPct         map[string]jsonNum `json:"avg_factor_pct"`
	CompositePct      jsonNum            `json:"avg_composite_pct"`
	// VsIssuer puts the names matched in the data next to the issuer's
	// published holdings count, each with its date, not adjusted.
	VsIssuer *etfVsIssuer `json:"compared_with_issuer,omitempty"`
	InScreen jsonNum      `json:"weight_in_screen"`
}

type etfVsIssuer struct {
	HoldingsInData     int     `json:"holdings_in_data"`
	HoldingsInDataAsOf string  `json:"holdings_in_data_as_of"`
	HoldingsIssuer     jsonNum `json:"holdings_issuer"`
	HoldingsIssuerAsOf string  `json:"holdings_issuer_as_of"`
	TurnoverIssuerPct  jsonNum `json:"turnover_issuer_pct,omitempty"`
	TurnoverIssuerAsOf string  `json:"turnover_issuer_source,omitempty"`
}

type etfFund struct {
	Ticker          string  `json:"ticker"`
	Name            string  `json:"name"`
	Index           string  `json:"index"`
	Style           string  `json:"style"`
	ExpenseRatioPct jsonNum `json:"expense_ratio_pct"`
	NetAssetsUSD    jsonNum `json:"net_assets_usd"`
	NetAssetsAsOf   string  `json:"net_assets_as_of"`
	Inception       string  `json:"inception"`
	FactsSource     string  `json:"facts_source,omitempty"`
	// The issuer's published holdings count (with its date) and turnover.
	HoldingsCount     jsonNum       `json:"holdings_count_published"`
	HoldingsCountAsOf string        `json:"holdings_count_published_as_of,omitempty"`
	TurnoverPct       jsonNum       `json:"turnover_pct_published"`
	Prices            string        `json:"prices"`
	Trailing          []etfTrailing `json:"trailing"`
	CalendarYears     []etfYear     `json:"calendar_years"`
	Volatility        jsonNum       `json:"volatility"`
	MaxDrawdown       jsonNum       `json:"max_drawdown"`
	DrawdownPeak      string        `json:"drawdown_peak,omitempty"`
	DrawdownTrough    string        `json:"drawdown_trough,omitempty"`
	Growth            []etfPoint    `json:"growth_of_10000"`
	Holdings          *etfHoldings  `json:"holdings,omitempty"`
	Notes             []string      `json:"notes,omitempty"`

	price *engine.Fund
}

type etfStyleWindow struct {
	AsOf    string     `json:"asof"`
	Basis   string     `json:"basis"`
	From    string     `json:"from"`
	To      string     `json:"to"`
	Fund    string     `json:"fund_window"`
	Model   [4]jsonNum `json:"model_blend_growth_value_spread"`
	Real    [4]jsonNum `json:"real_iwm_vtwg_vtwv_spread"`
	Covered [3]jsonNum `json:"model_weight_with_forward_price"`
}

type etfStyle struct {
	Method        string           `json:"method"`
	Windows       []etfStyleWindow `json:"windows"`
	N             int              `json:"n_12m_windows"`
	MeanDiff      [4]jsonNum       `json:"mean_tracking_difference"`
	TrackingError [4]jsonNum       `json:"tracking_error"`
	Corr          [4]jsonNum       `json:"correlation_of_window_returns"`
	Limits        string           `json:"limits"`
}

type etfReport struct {
	AsOf         string      `json:"asof"`
	Start        string      `json:"start"`
	PricesTo     string      `json:"prices_to"`
	HoldingsAsOf string      `json:"holdings_asof"`
	Weights      string      `json:"weights"`
	Funds        []*etfFund  `json:"funds"`
	Overlap      [][]jsonNum `json:"overlap_pct"`
	Correlation  [][]jsonNum `json:"correlation"`
	CorrMonths   [][]int     `json:"correlation_months"`
	Style        *etfStyle   `json:"modelled_style_tracking,omitempty"`
	Sectors      []string    `json:"sectors"`
	Notes        []string    `json:"notes"`
}

func runETF(args []string, stdout io.Writer) error {
	fl := flag.NewFlagSet("etf", flag.ContinueOnError)
	fl.SetOutput(io.Discard)
	funds := fl.String("funds", strings.Join(defaultETFs, ","), "2–6 comma-separated fund tickers")
	asof := fl.String("asof", "", "as-of date YYYY-MM-DD for trailing returns (default: last price date)")
	start := fl.String("start", "", "start date YYYY-MM-DD for growth of 10,000, volatility, drawdown, correlation (default: the latest first close among the funds)")
	dir := fl.String("data", dataDir, "folder with the funds, current and history snapshots")
	weights := fl.String("weights", "", "factor weights for the funds' average percentiles, e.g. value=2,momentum=1")
	preset := fl.String("preset", "", "weight preset: "+strings.Join(engine.PresetKeys(), ", ")+" (default "+DefaultPreset+")")
	format := fl.String("format", "table", "output format: table, json")
	var missing string
	registerMissing(fl, &missing)
	if err := fl.Parse(args); err != nil {
		return fmt.Errorf("%w; flags: --funds --asof --start --data --weights --preset --missing --format", err)
	}
	rule, err := parseMissing(missing)
	if err != nil {
		return err
	}
	if *format != "table" && *format != "json" {
		return fmt.Errorf("--format %q unknown; valid: table, json", *format)
	}
	w, wlabel, err := cliWeights(*weights, *preset)
	if err != nil {
		return err
	}
	fs, err := readFundsFile(filepath.Join(*dir, schema.FundsFile))
	if err != nil {
		return err
	}
	tickers, err := parseFundList(*funds, fs, MinFunds, MaxFunds)
	if err != nil {
		return err
	}
	cur, err := readSnapshotFile(filepath.Join(*dir, schema.CurrentFile))
	if err != nil {
		return err
	}
	rep, err := buildETFReport(fs, cur, tickers, *asof, *start, w, wlabel, rule)
	if err != nil {
		return err
	}
	if slices.ContainsFunc(tickers, func(t string) bool { return t == "VTWG" || t == "VTWV" }) {
		hist, err := readHistory(*dir)
		if err != nil {
			return err
		}
		rep.Style = styleReport(fs, append(hist, cur))
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", " ")
		return enc.Encode(rep)
	}
	return writeETFTable(stdout, rep)
}

// parseFundList checks a list of lo..hi distinct tickers known to funds.json.
func parseFundList(spec string, fs *engine.Funds, lo, hi int) ([]string, error) {
	valid := fs.Tickers()
	var out []string
	for _, t := range strings.Split(spec, ",") {
		t = strings.ToUpper(strings.TrimSpace(t))
		if t == "" {
			continue
		}
		if _, ok := fs.Lookup(t); !ok {
			return nil, fmt.Errorf("--funds: unknown fund %q; valid funds: %s", t, strings.Join(valid, ", "))
		}
		if slices.Contains(out, t) {
			return nil, fmt.Errorf("--funds: %s listed twice", t)
		}
		out = append(out, t)
	}
	if len(out) < lo || len(out) > hi {
		return nil, fmt.Errorf("--funds: pick %d to %d funds (got %d); valid funds: %s", lo, hi, len(out), strings.Join(valid, ", "))
	}
	return out, nil
}

func buildETFReport(fs *engine.Funds, cur *engine.Snapshot, tickers []string, asofS, startS string, w engine.Weights, wlabel string, missing engine.MissingRule) (*etfReport, error) {
	rep := &etfReport{PricesTo: fs.AsOf, HoldingsAsOf: cur.AsOf, Weights: wlabel, Sectors: cur.Sectors}
	var asof time.Time
	for _, t := range tickers {
		f, _ := fs.Lookup(t)
		pf, _ := priceFund(fs, t)
		ef := &etfFund{Ticker: f.Ticker, Name: f.Name, Index: f.Index, Style: f.Style,
			ExpenseRatioPct: jsonNum(f.ExpenseRatioPct), NetAssetsUSD: jsonNum(f.NetAssetsUSD),
			NetAssetsAsOf: f.NetAssetsAsOf, Inception: f.Inception, FactsSource: f.FactsSource,
			HoldingsCount: jsonNum(f.HoldingsCount), HoldingsCountAsOf: f.HoldingsCountAsOf, TurnoverPct: jsonNum(f.TurnoverPct),
			Notes: fundNoteTexts(fs, f), price: pf, Volatility: jsonNum(math.NaN()), MaxDrawdown: jsonNum(math.NaN())}
		ef.Prices = "none"
		if pf != nil {
			ef.Prices = pf.Ticker + " monthly adjusted closes to " + fmtDate(pf.LastDate)
			if pf.LastDate.After(asof) {
				asof = pf.LastDate
			}
		}
		rep.Funds = append(rep.Funds, ef)
	}
	if asofS != "" {
		d, err := engine.ParseDate(asofS)
		if err != nil {
			return nil, fmt.Errorf("--asof: %w", err)
		}
		asof = d
	}
	if asof.IsZero() {
		return nil, errors.New("none of the selected funds has prices in funds.json")
	}
	// Common start: the latest first close among the funds, unless given.
	var start time.Time
	for _, ef := range rep.Funds {
		if ef.price != nil {
			if p := ef.price.Points(); len(p) > 0 && p[0].Date.After(start) {
				start = p[0].Date
			}
		}
	}
	if startS != "" {
		d, err := engine.ParseDate(startS)
		if err != nil {
			return nil, fmt.Errorf("--start: %w", err)
		}
		start = d
	}
	if !start.Before(asof) {
		return nil, fmt.Errorf("start %s is not before as-of %s", fmtDate(start), fmtDate(asof))
	}
	rep.AsOf, rep.Start = fmtDate(asof), fmtDate(start)

	c, err := computeETFComparison(fs, tickers, start, asof, func(t string) *etfHoldView { return etfHoldingsOf(cur, t) })
	if err != nil {
		return nil, err
	}
	sc := engine.NewScreen(cur, engine.ComputeMetrics(cur), engine.Options{Missing: missing})
	sc.Score(w)
	prof := etfProfiles(sc, c)
	rep.Correlation, rep.Overlap = etfMatrixOf(c.Corr), etfMatrixOf(c.Overlap)
	rep.CorrMonths = c.CorrN
	for i, fv := range c.Funds {
		ef, ps := rep.Funds[i], fv.Price
		if ef.price != nil {
			for _, tr := range ps.Trailing {
				et := etfTrailing{tr.Years, fmtDate(tr.From), fmtDate(tr.To), jsonNum(tr.Annualised), jsonNum(tr.Total), ""}
				if tr.Short {
					et.Note = fmt.Sprintf("%d y: the price file starts %s", tr.Years, ef.price.FirstMonth)
				}
				ef.Trailing = append(ef.Trailing, et)
			}
			for _, y := range ps.Years {
				ef.CalendarYears = append(ef.CalendarYears, etfYear{y.Year, jsonNum(y.Return), y.Partial})
			}
			ef.Volatility = jsonNum(ps.Vol)
			ef.MaxDrawdown, ef.DrawdownPeak, ef.DrawdownTrough = jsonNum(ps.Drawdown.Depth), fmtDate(ps.Drawdown.Peak), fmtDate(ps.Drawdown.Trough)
			for _, p := range ps.Growth {
				ef.Growth = append(ef.Growth, etfPoint{fmtDate(p.Date), jsonNum(p.Value)})
			}
		}
		if fv.Hold != nil {
			ef.Holdings = holdingsReport(cur, fv.Hold, prof[i])
			if f := fv.Fund; f.HoldingsCount > 0 {
				ef.Holdings.VsIssuer = &etfVsIssuer{HoldingsInData: fv.Hold.Stats.Holdings + fv.Hold.Portfolio.ZeroWeight, HoldingsInDataAsOf: cur.AsOf,
					HoldingsIssuer: jsonNum(f.HoldingsCount), HoldingsIssuerAsOf: f.HoldingsCountAsOf,
					TurnoverIssuerPct: jsonNum(f.TurnoverPct), TurnoverIssuerAsOf: f.FactsSource}
			}
		}
	}
	rep.Notes = []string{
		"Returns are total returns from month-end adjusted closes (the last close may be mid-month); trailing returns are annualised by actual/actual years; volatility is the sample sd of complete monthly returns ×√12; drawdown is on month-end closes and understates intra-month falls.",
		"Holdings aggregates, as fund pages state them: pe_profitable_harmonic = Σw / Σw·E/P over holdings with E > 0 and pb_positive_book_harmonic = Σw / Σw·B/P over B > 0 (each *_weight_covered = their share of the weight); pe_loss_inclusive_aggregate = Σw / Σw·E/P over all holdings (losses counted); median_mcap_weighted_musd = market cap at which half the weight is reached (USD millions); roe_weighted_avg_positive_equity = Σw·ROE / Σw over holdings with positive average equity (loss-makers counted); roe_aggregate = owned net income / owned equity. Only names in the current snapshot count (weight_matched_pct). Funds tracking the same index share one holdings model (note).",
		"Average factor percentiles are within the IWM+IJR universe of the current snapshot, under " + wlabel + ".",
	}
	return rep, nil
}

// etfMatrixOf converts a comparison matrix for JSON (NaN as null).
func etfMatrixOf(m [][]float64) [][]jsonNum {
	out := make([][]jsonNum, len(m))
	for i, row := range m {
		out[i] = make([]jsonNum, len(row))
		for j, v := range row {
			out[i][j] = jsonNum(v)
		}
	}
	return out
}

// holdingsReport is a fund's look-through block of the JSON report.
func holdingsReport(cur *engine.Snapshot, hv *etfHoldView, prof engine.FactorProfile) *etfHoldings {
	p, st := hv.Portfolio, hv.Stats
	h := &etfHoldings{Modelled: p.Modelled, Note: p.Note, Holdings: st.Holdings, ZeroWeight: p.ZeroWeight,
		PEProfitable: jsonNum(st.PEProfitable), PEProfitableCover: jsonNum(st.PEProfitableCover),
		PBPositive: jsonNum(st.PBPositive), PBPositiveCover: jsonNum(st.PBPositiveCover),
		PE: jsonNum(st.PE), PB: jsonNum(st.PB), MedianMcap: jsonNum(st.MedianMcap), MedianMcapCover: jsonNum(st.MedianMcapCover),
		ROEWeighted: jsonNum(st.ROEWeighted), ROEWeightedCover: jsonNum(st.ROEWeightedCover), EarningsYield: jsonNum(st.EarningsYield), FCFYield: jsonNum(st.FCFYield),
		LossCount: jsonNum(st.LossCount), LossWeight: jsonNum(st.LossWeight), DebtToAssets: jsonNum(st.DebtToAssets),
		ROE: jsonNum(st.ROE), StatementCover: jsonNum(st.StatementCover), Sectors: map[string]jsonNum{},
		FactorPct: map[string]jsonNum{}, CompositePct: jsonNum(prof.Composite), InScreen: jsonNum(prof.InScreen),
		WeightMatched: jsonNum(math.NaN())}
	if !p.Modelled {
		h.WeightMatched = jsonNum(st.Weight)
	}
	for k, name := range cur.Sectors {
		h.Sectors[name] = jsonNum(st.Sector[k])
	}
	for f := engine.Factor(0); f < engine.NumFactors; f++ {
		h.FactorPct[f.Key()] = jsonNum(prof.Factor[f])
	}
	return h
}

func styleReport(fs *engine.Funds, snaps []*engine.Snapshot) *etfStyle {
	get := func(t string) *engine.Fund {
		f, _ := fs.Lookup(t)
		return f
	}
	tr := engine.TrackStyle(snaps, get("IWM"), get("VTWG"), get("VTWV"))
	out := &etfStyle{
		Method: engine.StyleNote,
		N:      tr.N,
		Limits: "Monthly-return correlation cannot be measured: snapshots hold one forward return per stock, and only the current one has real IWM weights. " +
			"Each June-30 history snapshot gives one 12-month window (modelled Russell-2000-like universe, market-cap weights, survivors only); the current snapshot one window to the last price, " +
			"whose fund window is matched to the nearest month-end close. The blend column is the control: its gap to the real IWM is the data's own error before any style modelling.",
	}
	for k := 0; k < 4; k++ {
		out.MeanDiff[k], out.TrackingError[k], out.Corr[k] = jsonNum(tr.MeanDiff[k]), jsonNum(tr.TrackingError[k]), jsonNum(tr.Corr[k])
	}
	for _, w := range tr.Windows {
		sw := etfStyleWindow{AsOf: w.AsOf, Basis: string(w.Basis), From: fmtDate(w.From), To: fmtDate(w.To),
			Fund: fmtDate(w.RealFrom) + " → " + fmtDate(w.RealTo)}
		for k := 0; k < 4; k++ {
			sw.Model[k], sw.Real[k] = jsonNum(w.Model[k]), jsonNum(w.Real[k])
		}
		for k := 0; k < 3; k++ {
			sw.Covered[k] = jsonNum(w.Cover[k])
		}
		out.Windows = append(out.Windows, sw)
	}
	return out
}

// fundNoteTexts are a fund's caveats in English, as the page says them.
func fundNoteTexts(fs *engine.Funds, f *engine.Fund) []string {
	var out []string
	for _, key := range fundNotes(fs, f) {
		out = append(out, langEN.t(key))
	}
	return out
}
