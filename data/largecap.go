package data

import (
	"fmt"

	"screener/data/schema"
)

// largeCapFunds are the holdings files of the large-cap snapshot: the
// Russell 1000 is IWD ∪ IWF (its value and growth halves), the S&P 500
// is IVV.
var largeCapFunds = []struct {
	fund  string
	r1000 bool
}{{"IWD", true}, {"IWF", true}, {"IVV", false}}

// loadLargeCapHoldings reads the large-cap holdings files; a missing one
// is an error (the caller then skips the large-cap snapshot and says so).
func loadLargeCapHoldings(dataDir string) ([][]holding, error) {
	out := make([][]holding, len(largeCapFunds))
	for i, f := range largeCapFunds {
		hs, err := loadHoldings(dataDir, f.fund)
		if err != nil {
			return nil, fmt.Errorf("%s holdings: %v", f.fund, err)
		}
		out[i] = hs
	}
	return out, nil
}

// largeCap builds the large-cap snapshot: every equity of the Russell
// 1000 (IWD ∪ IWF) and S&P 500 (IVV) holdings, valued on asof by the
// current snapshot's rules (fill: point-in-time statements, stale rule,
// price checks; sizeRow: share-count checks). The fund evidence of the
// small-cap snapshot (IWM/IJR weights, shares IWM holds) does not apply
// to these funds, so counts are checked by today's rules only.
func (e *buildEnv) largeCap(asof Day, funds [][]holding) ([]byte, SnapshotStats) {
	order, byKey := e.holdingRows(funds, func(r *row, fund int, _ holding) {
		if largeCapFunds[fund].r1000 {
			r.r1000 = 1
		} else {
			r.sp500 = 1
		}
	})
	fwdEnd := Day(0)
	if d := asof.AddMonths(12); d <= e.prices.last {
		fwdEnd = d
	}
	rows := make([]*row, 0, len(order))
	var sv holdingsSurvivorship
	nR1000, nSP500 := 0, 0
	for _, k := range order {
		r := byKey[k]
		s := e.valueRow(r, asof, fwdEnd)
		sv.count(e, r, s, asof)
		nR1000 += r.r1000
		nSP500 += r.sp500
		rows = append(rows, r)
	}
	sortRows(rows)
	for _, r := range rows {
		sizeRow(r, nil)
	}
	meta := snapshotMeta{
		kind: schema.KindLargeCap, asof: asof,
		universe: fmt.Sprintf("Russell 1000 (IWD + IWF holdings, %d equities) and S&P 500 (IVV holdings, %d equities) as of %s (%d equities in all)",
			nR1000, nSP500, asof, len(rows)),
		survivorship: sv.text("IWD, IWF and IVV", asof, e.prices.last),
		survCounts:   sv.stats(),
		survKey:      schema.SurvivorshipHoldings,
		provenance: append([]provenance{{"holdings/IWD.json", schema.CurrentAsOf}, {"holdings/IWF.json", schema.CurrentAsOf},
			{"holdings/IVV.json", schema.CurrentAsOf}}, commonProvenance(e.prices.last)...),
	}
	body, st := e.write(meta, rows)
	st.Name = schema.LargeCapFile
	st.Checks = append(st.Checks, fmt.Sprintf("index flags: %d in the Russell 1000 (IWD or IWF), %d in the S&P 500 (IVV); share counts checked by today's rules only (no large-cap fund evidence)", nR1000, nSP500))
	return body, st
}
