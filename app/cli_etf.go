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
	"strconv"
	"strings"
	"text/tabwriter"
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

// ---- table output ----

func pctCell(x jsonNum, decimals int) string {
	f := float64(x)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "—"
	}
	return strconv.FormatFloat(100*f, 'f', decimals, 64)
}

func numCell(x jsonNum, decimals int) string {
	f := float64(x)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "—"
	}
	return strconv.FormatFloat(f, 'f', decimals, 64)
}

func writeETFTable(out io.Writer, rep *etfReport) error {
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	row := func(label string, cell func(ef *etfFund) string) {
		fmt.Fprint(tw, label+"\t")
		for _, ef := range rep.Funds {
			fmt.Fprint(tw, cell(ef)+"\t")
		}
		fmt.Fprintln(tw)
	}
	head := func(title string) {
		fmt.Fprint(tw, title+"\t")
		for _, ef := range rep.Funds {
			fmt.Fprint(tw, ef.Ticker+"\t")
		}
		fmt.Fprintln(tw)
	}
	fmt.Fprintf(out, "ETF comparison as of %s (prices to %s; holdings as of %s); window from %s\n\n", rep.AsOf, rep.PricesTo, rep.HoldingsAsOf, rep.Start)
	head("FACTS")
	row("expense ratio %", func(ef *etfFund) string { return numCell(ef.ExpenseRatioPct, 2) })
	row("net assets $bn", func(ef *etfFund) string { return numCell(ef.NetAssetsUSD/1e9, 1) })
	row("  as of", func(ef *etfFund) string { return cellStr(ef.NetAssetsAsOf) })
	row("inception", func(ef *etfFund) string { return cellStr(ef.Inception) })
	row("holdings (issuer)", func(ef *etfFund) string { return numCell(ef.HoldingsCount, 0) })
	row("  as of", func(ef *etfFund) string { return cellStr(ef.HoldingsCountAsOf) })
	row("turnover % (issuer)", func(ef *etfFund) string { return numCell(ef.TurnoverPct, 1) })
	row("prices", func(ef *etfFund) string {
		if ef.price == nil {
			return "none"
		}
		return ef.price.Ticker
	})
	fmt.Fprintln(tw)
	head("TOTAL RETURN % a year, to " + rep.AsOf)
	for k, y := range []int{1, 3, 5, 10} {
		row(strconv.Itoa(y)+"y", func(ef *etfFund) string {
			if k >= len(ef.Trailing) {
				return "—"
			}
			if ef.Trailing[k].Note != "" {
				return "— (prices from " + ef.price.FirstMonth.String() + ")"
			}
			return pctCell(ef.Trailing[k].Annualised, 2)
		})
	}
	fmt.Fprintln(tw)
	head("RISK from " + rep.Start)
	row("volatility %", func(ef *etfFund) string { return pctCell(ef.Volatility, 1) })
	row("max drawdown %", func(ef *etfFund) string { return pctCell(ef.MaxDrawdown, 1) })
	row("  trough", func(ef *etfFund) string { return cellStr(ef.DrawdownTrough) })
	row("10,000 grows to", func(ef *etfFund) string {
		if len(ef.Growth) == 0 {
			return "—"
		}
		return numCell(ef.Growth[len(ef.Growth)-1].Value, 0)
	})
	fmt.Fprintln(tw)
	head("CALENDAR YEAR %")
	years := map[int]bool{}
	for _, ef := range rep.Funds {
		for _, y := range ef.CalendarYears {
			years[y.Year] = true
		}
	}
	var ys []int
	for y := range years {
		ys = append(ys, y)
	}
	slices.Sort(ys)
	for _, y := range ys {
		row(strconv.Itoa(y), func(ef *etfFund) string {
			for _, cy := range ef.CalendarYears {
				if cy.Year == y {
					s := pctCell(cy.Return, 1)
					if cy.Partial {
						s += "*"
					}
					return s
				}
			}
			return "—"
		})
	}
	fmt.Fprintln(tw)
	head("HOLDINGS (" + rep.HoldingsAsOf + ")")
	h := func(label string, cell func(h *etfHoldings) string) {
		row(label, func(ef *etfFund) string {
			if ef.Holdings == nil {
				return "n/a"
			}
			return cell(ef.Holdings)
		})
	}
	h("basis", func(h *etfHoldings) string {
		if h.Modelled {
			return "modelled"
		}
		return "holdings"
	})
	h("names", func(h *etfHoldings) string { return strconv.Itoa(h.Holdings) })
	h("  + at 0.00% weight", func(h *etfHoldings) string { return strconv.Itoa(h.ZeroWeight) })
	h("names · issuer's count", func(h *etfHoldings) string {
		if h.VsIssuer == nil {
			return "—"
		}
		return strconv.Itoa(h.VsIssuer.HoldingsInData) + " · " + numCell(h.VsIssuer.HoldingsIssuer, 0) + " (" + h.VsIssuer.HoldingsIssuerAsOf + ")"
	})
	h("weight matched %", func(h *etfHoldings) string { return numCell(h.WeightMatched, 1) })
	h("P/E profitable (harmonic)", func(h *etfHoldings) string { return numCell(h.PEProfitable, 1) })
	h("  weight covered %", func(h *etfHoldings) string { return pctCell(h.PEProfitableCover, 0) })
	h("P/B positive book (harm.)", func(h *etfHoldings) string { return numCell(h.PBPositive, 2) })
	h("  weight covered %", func(h *etfHoldings) string { return pctCell(h.PBPositiveCover, 0) })
	h("P/E incl. losses (aggr.)", func(h *etfHoldings) string { return numCell(h.PE, 1) })
	h("median mcap wtd, $M", func(h *etfHoldings) string { return numCell(h.MedianMcap, 0) })
	h("earnings yield %", func(h *etfHoldings) string { return pctCell(h.EarningsYield, 2) })
	h("FCF yield %", func(h *etfHoldings) string { return pctCell(h.FCFYield, 2) })
	h("loss-makers % names", func(h *etfHoldings) string { return pctCell(h.LossCount, 1) })
	h("loss-makers % weight", func(h *etfHoldings) string { return pctCell(h.LossWeight, 1) })
	h("debt/assets %", func(h *etfHoldings) string { return pctCell(h.DebtToAssets, 1) })
	h("ROE wtd avg, equity>0 %", func(h *etfHoldings) string { return pctCell(h.ROEWeighted, 1) })
	h("  weight covered %", func(h *etfHoldings) string { return pctCell(h.ROEWeightedCover, 0) })
	h("ROE aggregate %", func(h *etfHoldings) string { return pctCell(h.ROE, 1) })
	h("statement cover %", func(h *etfHoldings) string { return pctCell(h.StatementCover, 1) })
	for f := engine.Factor(0); f < engine.NumFactors; f++ {
		h("avg pct "+f.Key(), func(h *etfHoldings) string { return numCell(h.FactorPct[f.Key()], 1) })
	}
	h("avg composite pct", func(h *etfHoldings) string { return numCell(h.CompositePct, 1) })
	fmt.Fprintln(tw)
	head("SECTOR %")
	for _, name := range rep.Sectors {
		h(cliShort(name, 22), func(h *etfHoldings) string { return pctCell(h.Sectors[name], 1) })
	}
	fmt.Fprintln(tw)
	matrix := func(title string, m [][]jsonNum, scale float64, dec int) {
		head(title)
		for i, ef := range rep.Funds {
			fmt.Fprint(tw, ef.Ticker+"\t")
			for j := range rep.Funds {
				fmt.Fprint(tw, numCell(m[i][j]*jsonNum(scale), dec)+"\t")
			}
			fmt.Fprintln(tw)
		}
		fmt.Fprintln(tw)
	}
	matrix("OVERLAP % Σmin(w)", rep.Overlap, 1, 1)
	matrix("CORRELATION (monthly)", rep.Correlation, 1, 3)
	if err := tw.Flush(); err != nil {
		return err
	}
	if st := rep.Style; st != nil {
		tw = tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(out, "MODELLED STYLE TRACKING (model vs real, %): "+st.Method)
		fmt.Fprintln(tw, "window\tbasis\tfund closes\tR2000 model\tIWM\tgrowth model\tVTWG\tvalue model\tVTWV\tG−V model\tVTWG−VTWV\tcover\t")
		for _, w := range st.Windows {
			fmt.Fprintf(tw, "%s → %s\t%s\t%s\t", w.From, w.To, w.Basis, w.Fund)
			for k := 0; k < 4; k++ {
				fmt.Fprintf(tw, "%s\t%s\t", pctCell(w.Model[k], 1), pctCell(w.Real[k], 1))
			}
			fmt.Fprintf(tw, "%s\t\n", pctCell(w.Covered[0], 0))
		}
		sum := func(label string, v [4]jsonNum, cell func(jsonNum) string) {
			fmt.Fprintf(tw, "%s\t\t\t", label)
			for k := 0; k < 4; k++ {
				fmt.Fprintf(tw, "%s\t\t", cell(v[k]))
			}
			fmt.Fprintln(tw, "\t")
		}
		sum(fmt.Sprintf("mean diff (%d×12m)", st.N), st.MeanDiff, func(x jsonNum) string { return pctCell(x, 1) })
		sum("tracking error", st.TrackingError, func(x jsonNum) string { return pctCell(x, 1) })
		sum("correlation", st.Corr, func(x jsonNum) string { return numCell(x, 3) })
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintln(out, "limits: "+st.Limits)
	}
	fmt.Fprintln(out, "\nNOTES")
	for _, ef := range rep.Funds {
		for _, n := range ef.Notes {
			fmt.Fprintf(out, "  %s: %s\n", ef.Ticker, n)
		}
	}
	for _, n := range rep.Notes {
		fmt.Fprintln(out, "  "+n)
	}
	fmt.Fprintln(out, "  * = partial year.")
	return nil
}

// fundNoteTexts are a fund's caveats in English, as the page says them.
func fundNoteTexts(fs *engine.Funds, f *engine.Fund) []string {
	var out []string
	for _, key := range fundNotes(fs, f) {
		out = append(out, langEN.t(key))
	}
	return out
}
