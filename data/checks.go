package data

import (
	"fmt"
	"math"
	"path/filepath"
	"sort"
	"strings"
)

// ruleFlags are the cross-check rules whose hits the report counts and
// names stock by stock.
var ruleFlags = []Flag{FlagPriceRescaled, FlagSharesScale, FlagSharesFundCorrected, FlagMcapLowFloat, FlagMcapUnsupported}

// ruleStats counts each rule's hits and the stale inputs per block, and
// collects every correction, sorted by ticker.
func ruleStats(rows []*row) ([]Stat, []Correction) {
	var st []Stat
	var corr []Correction
	for _, f := range ruleFlags {
		n := 0
		for _, r := range rows {
			if r.flags&(1<<f) != 0 {
				n++
			}
		}
		st = append(st, Stat{flagNames[f], float64(n)})
	}
	for _, r := range rows {
		corr = append(corr, r.corr...)
	}
	sort.SliceStable(corr, func(i, j int) bool { return corr[i].Ticker < corr[j].Ticker })
	names := [nBlocks]string{"income", "balance", "cashflow"}
	for b := block(0); b < nBlocks; b++ {
		for i, which := range []string{"primary", "secondary"} {
			n := 0
			for _, r := range rows {
				if r.staleBlk[b][i] {
					n++
				}
			}
			st = append(st, Stat{"stale_" + names[b] + "_" + which, float64(n)})
		}
	}
	for _, f := range []field{fRev, fGP, fOpInc, fInt, fNI, fDA, fOCF, fCapex, fFCF, fAssets, fEquity, fDebt, fCash} {
		n := 0
		for _, r := range rows {
			if r.staleMask&(1<<f) != 0 {
				n++
			}
		}
		st = append(st, Stat{"stale_" + fieldNames[f], float64(n)})
	}
	return st, corr
}

var fieldNames = [nFields]string{fRev: "rev", fGP: "gp", fOpInc: "opinc", fInt: "int", fNI: "ni", fDA: "da",
	fOCF: "ocf", fCapex: "capex", fFCF: "fcf", fAssets: "assets", fEquity: "equity", fDebt: "debt", fCash: "cash"}

// labelColumn is the block column (block, 0 = primary / 1 = secondary)
// that SNAPSHOT.md says describes a flow field's window; the engine reads
// its source to call the value "TTM" (four quarters) or a fiscal year
// (source simfin-annual).
var labelColumn = map[field][2]int{
	fRev: {int(bInc), 0}, fNI: {int(bInc), 0}, fGP: {int(bInc), 1}, fOpInc: {int(bInc), 1}, fInt: {int(bInc), 1},
	fFCF: {int(bCF), 0}, fOCF: {int(bCF), 1}, fCapex: {int(bCF), 1}, fDA: {int(bCF), 1},
}

// labelCheck tests the engine's inference "source simfin-annual = annual
// report, any other source = a sum of four quarters" on every value
// written: per window (its own source), and per column (the source of the
// block column that describes the field).
func labelCheck(rows []*row) []string {
	windowBad := 0
	type miss struct {
		n        int
		examples []string
	}
	colAnnual := map[field]*miss{}
	colEnd := map[field]*miss{}
	priorKind := map[field]*miss{}
	values := 0
	for _, r := range rows {
		for f := field(0); f < nFields; f++ {
			w := r.labelWin[f]
			if !w.ok {
				continue
			}
			if w.annual != (w.src == srcSimfinAnnual) {
				windowBad++
			}
			lc, ok := labelColumn[f]
			if !ok {
				continue
			}
			values++
			b, i := block(lc[0]), lc[1]
			add := func(m map[field]*miss, detail string) {
				if m[f] == nil {
					m[f] = &miss{}
				}
				m[f].n++
				if len(m[f].examples) < 3 {
					m[f].examples = append(m[f].examples, r.ticker+" "+detail)
				}
			}
			if pw := r.labelWinP[f]; pw.ok && pw.annual != w.annual {
				add(priorKind, fmt.Sprintf("(%s to %s, year-earlier %s to %s)", kindOf(w), w.end, kindOf(pw), pw.end))
			}
			if src := r.srcs[b][i]; src < 0 || (src == int(srcSimfinAnnual)) != w.annual {
				kind := kindOf(w)
				col := "null"
				if src >= 0 {
					col = sourceNames[src]
				}
				add(colAnnual, fmt.Sprintf("(%s to %s, column says %s)", kind, w.end, col))
			} else if r.ends[b][i] != w.end.YMD() {
				add(colEnd, fmt.Sprintf("(ends %s, column %d)", w.end, r.ends[b][i]))
			}
		}
	}
	colNames := [nBlocks][2]string{{"inc_src", "inc2_src"}, {"bal_src", "bal2_src"}, {"cf_src", "cf2_src"}}
	out := []string{fmt.Sprintf("TTM/annual label check: %d windows whose own source contradicts annual-vs-quarters (must be 0); %d flow values checked against their block column", windowBad, values)}
	for _, f := range []field{fRev, fNI, fGP, fOpInc, fInt, fFCF, fOCF, fCapex, fDA} {
		lc := labelColumn[f]
		if m := colAnnual[f]; m != nil {
			out = append(out, fmt.Sprintf("  %s: %d values whose window is of the other kind than %s says, e.g. %s", fieldNames[f], m.n, colNames[lc[0]][lc[1]], strings.Join(m.examples, ", ")))
		}
		if m := colEnd[f]; m != nil {
			out = append(out, fmt.Sprintf("  %s: %d values of the same kind as %s says but another period end, e.g. %s", fieldNames[f], m.n, colNames[lc[0]][lc[1]], strings.Join(m.examples, ", ")))
		}
		if m := priorKind[f]; m != nil {
			out = append(out, fmt.Sprintf("  %s_p: %d year-earlier values of the other kind than the current value (no column names their source), e.g. %s", fieldNames[f], m.n, strings.Join(m.examples, ", ")))
		}
	}
	return out
}

func kindOf(w window) string {
	if w.annual {
		return "annual"
	}
	return "4 quarters"
}

// holdingsSurvivorship counts the current holdings without a price on
// the as-of date, and why.
type holdingsSurvivorship struct {
	holdings, noPrice, noFile, inTo2024, ended, startsLater, gap int
}

func (h *holdingsSurvivorship) count(e *buildEnv, r *row, s *series, asof Day) {
	h.holdings++
	if !math.IsNaN(r.price) {
		return
	}
	h.noPrice++
	switch {
	case s == nil:
		h.noFile++
		for _, k := range classCandidates(r.ticker, r.name) {
			if e.to2024[k] {
				h.inTo2024++
				break
			}
		}
	case s.last() < asof:
		h.ended++
	case s.days[0] > asof:
		h.startsLater++
	default:
		h.gap++
	}
}

func (h *holdingsSurvivorship) stats() []Stat {
	return []Stat{{"holdings", float64(h.holdings)}, {"no_price", float64(h.noPrice)}, {"no_price_file", float64(h.noFile)},
		{"in_prices_to_2024", float64(h.inTo2024)}, {"price_file_ended", float64(h.ended)},
		{"price_file_starts_later", float64(h.startsLater)}, {"price_gap", float64(h.gap)}}
}

func (h *holdingsSurvivorship) text(asof, lastPrice Day) string {
	t := fmt.Sprintf("Current holdings: %d equities in the IWM and IJR holdings of %s. No price on %s for %d of them, so no market cap, "+
		"valuation or momentum, and no rank: no price file at all for %d (the price source kept only names still trading in mid-2026; "+
		"for %d of these prices-to-2024/ has a file, but it ends in March 2024), a price file that ends before %s for %d",
		h.holdings, asof, asof, h.noPrice, h.noFile, h.inTo2024, asof, h.ended)
	if h.startsLater > 0 {
		t += fmt.Sprintf(", a price file that starts only after %s (a later listing under the same ticker) for %d", asof, h.startsLater)
	}
	if h.gap > 0 {
		t += fmt.Sprintf(", a gap of more than %d days in the price file around %s for %d", maxStale, asof, h.gap)
	}
	t += fmt.Sprintf(". Holdings acquired, merged or delisted since are therefore missing from the rankings, and forward returns (%s to %s) "+
		"exist only for names still trading. Statement values are SimFin's as later restated, not the numbers first reported on the publish date.",
		asof, lastPrice)
	return t
}

// listKeys returns the ticker keys of the *.csv files in dir (names only).
func listKeys(dir string) map[string]bool {
	out := map[string]bool{}
	paths, err := listCSV(dir)
	if err != nil {
		return out
	}
	for _, p := range paths {
		base := filepath.Base(p)
		out[tickerKey(strings.TrimSuffix(base, filepath.Ext(base)))] = true
	}
	return out
}
