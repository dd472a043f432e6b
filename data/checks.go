package data

import (
	"fmt"
	"sort"
	"strings"

	"screener/data/schema"
)

// ruleFlags are the cross-check rules whose hits the report counts and
// names stock by stock.
var ruleFlags = []Flag{FlagPriceRescaled, FlagSharesScale, FlagSharesFundCorrected, FlagMcapLowFloat, FlagMcapUnsupported,
	FlagPriceGlitch, FlagFwdPriceGlitch, FlagFwdToLastPrice}

// ruleStats counts each rule's hits and the stale inputs per block, and
// collects every correction, sorted by ticker.
func ruleStats(rows []*row) ([]Stat, []Correction) {
	var st []Stat
	var corr []Correction
	for _, f := range ruleFlags {
		st = append(st, Stat{flagNames[f], float64(countRows(rows, func(r *row) bool { return r.flags&(1<<f) != 0 }))})
	}
	for _, r := range rows {
		corr = append(corr, r.corr...)
		corr = append(corr, r.pxNotes...)
	}
	sort.SliceStable(corr, func(i, j int) bool { return corr[i].Ticker < corr[j].Ticker })
	names := [nBlocks]string{"income", "balance", "cashflow"}
	for b := block(0); b < nBlocks; b++ {
		for i, which := range []string{"primary", "secondary"} {
			n := countRows(rows, func(r *row) bool { return r.staleBlk[b][i] })
			st = append(st, Stat{"stale_" + names[b] + "_" + which, float64(n)})
		}
	}
	for _, f := range []field{fRev, fGP, fOpInc, fInt, fNI, fDA, fOCF, fCapex, fFCF, fAssets, fEquity, fDebt, fCash} {
		n := countRows(rows, func(r *row) bool { return r.staleMask&(1<<f) != 0 })
		st = append(st, Stat{"stale_" + fieldNames[f], float64(n)})
	}
	return st, corr
}

// fieldNames are the fields' column names, for report lines a reader can
// match to the snapshot.
var fieldNames = [nFields]string{fRev: schema.ColRev, fGP: schema.ColGP, fOpInc: schema.ColOpInc, fInt: schema.ColInt, fNI: schema.ColNI,
	fDA: schema.ColDA, fOCF: schema.ColOCF, fCapex: schema.ColCapex, fFCF: schema.ColFCF, fAssets: schema.ColAssets,
	fEquity: schema.ColEquity, fDebt: schema.ColDebt, fCash: schema.ColCash}

// labelColumn is the block column (block, 0 = primary / 1 = secondary)
// that describes a flow field's window (package schema: "Columns"); the
// engine reads its source to call the value "TTM" (four quarters) or a
// fiscal year (source simfin-annual).
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
	colNames := [nBlocks][2]string{{schema.ColIncSrc, schema.ColInc2Src}, {schema.ColBalSrc, schema.ColBal2Src}, {schema.ColCFSrc, schema.ColCF2Src}}
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

// fundWeightCheck is the acceptance test of the cross-checks: listed
// market caps that disagree with an IWM or IJR weight by more than
// fundAgree (allowing for the weights' rounding to 0.01%), and how many of
// them carry no share/mcap/price flag (must be 0). The same on the point
// ratio mcap / (weight × K) for weights of at least kMinWeight.
type fundWeightCheck struct {
	listed, withWeight, disagree, unflagged  int
	bigWeight, pointDisagree, pointUnflagged int
	unflaggedTickers, pointTickers           []string
}

func checkFundWeights(rows []*row, ev *fundEvidence) fundWeightCheck {
	var fc fundWeightCheck
	for _, r := range rows {
		if !(r.mcap > 0) {
			continue
		}
		fc.listed++
		cs := ev.checks(r, r.shares*million, r.price)
		dis, point, any, big := false, false, false, false
		for _, c := range cs {
			if !strings.HasSuffix(c.name, "weight") {
				continue
			}
			any = true
			if c.v != vAgree {
				dis = true
			}
			w := r.iwm
			if strings.HasPrefix(c.name, "IJR") {
				w = r.ijr
			}
			if w >= kMinWeight {
				big = true
				if c.ratio > fundAgree || c.ratio < 1/fundAgree {
					point = true
				}
			}
		}
		if any {
			fc.withWeight++
		}
		if big {
			fc.bigWeight++
		}
		flagged := r.flags&shareFlags != 0
		if dis {
			fc.disagree++
			if !flagged {
				fc.unflagged++
				fc.unflaggedTickers = append(fc.unflaggedTickers, r.ticker)
			}
		}
		if point {
			fc.pointDisagree++
			if !flagged {
				fc.pointUnflagged++
				fc.pointTickers = append(fc.pointTickers, r.ticker)
			}
		}
	}
	return fc
}

func (fc fundWeightCheck) lines() []string {
	return []string{
		fmt.Sprintf("fund-weight check: %d listed market caps, %d with an IWM/IJR weight > 0; %d disagree with a weight by more than %gx (weight taken as +-%.3f%% for its rounding), %d of them unflagged%s",
			fc.listed, fc.withWeight, fc.disagree, fundAgree, weightHalfStep, fc.unflagged, tickerList(fc.unflaggedTickers)),
		fmt.Sprintf("fund-weight check on the point ratio mcap / (weight x K), weights >= %.2f%% only (%d stocks): %d disagree by more than %gx, %d of them unflagged%s",
			kMinWeight, fc.bigWeight, fc.pointDisagree, fundAgree, fc.pointUnflagged, tickerList(fc.pointTickers)),
	}
}

func tickerList(ts []string) string {
	if len(ts) == 0 {
		return ""
	}
	return " (" + strings.Join(ts, " ") + ")"
}
