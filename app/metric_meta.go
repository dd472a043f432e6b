package main

import (
	"slices"

	"screener/engine"
)

// inputPeriod is one distinct period behind a metric's inputs: a
// statement window (engine.Snapshot.ColumnPeriod), or the price history
// as of the snapshot date (Block == engine.BlockMarket).
type inputPeriod struct {
	Block engine.Block
	engine.Period
}

// inputPeriods lists, in input order, the distinct periods behind metric
// mt for snapshot row i: e.g. FCF / EV reads the cash-flow window, the
// balance sheet (debt, cash) and the price (market cap). Operating income
// can be a quarter older than net income (data/SNAPSHOT.md), so each
// input column reports its own window, not its block's newest.
func inputPeriods(s *engine.Snapshot, mt engine.Metric, i int) []inputPeriod {
	var out []inputPeriod
	for _, col := range mt.Inputs() {
		p := inputPeriod{Block: engine.ColumnBlock(col)}
		if p.Block != engine.BlockMarket {
			p.Period = s.ColumnPeriod(col, i)
		}
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}
