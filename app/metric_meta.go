package main

import (
	"math"

	"screener/engine"
)

// statementBlock is a source of a metric's inputs: one of the snapshot's
// three statement blocks, each with its own fiscal period end and publish
// date, or the price history.
type statementBlock int

const (
	blockIncome statementBlock = iota
	blockBalance
	blockCashFlow
	blockPrices
)

// metricBlocks lists, per metric, the inputs it reads (the formulas of the
// design brief): e.g. FCF / EV reads the cash-flow statement, the balance
// sheet (debt, cash) and the price (market cap).
var metricBlocks = [engine.NumMetrics][]statementBlock{
	engine.OperatingMargin:       {blockIncome},
	engine.OperatingMarginChange: {blockIncome},
	engine.GrossProfitability:    {blockIncome, blockBalance},
	engine.FCFToAssets:           {blockCashFlow, blockBalance},
	engine.FCFMargin:             {blockCashFlow, blockIncome},
	engine.FCFChange:             {blockCashFlow, blockBalance},
	engine.DebtToAssets:          {blockBalance},
	engine.NetDebtToEBITDA:       {blockBalance, blockIncome},
	engine.InterestCoverage:      {blockIncome},
	engine.ROE:                   {blockIncome, blockBalance},
	engine.ROIC:                  {blockIncome, blockBalance},
	engine.EarningsYield:         {blockIncome, blockPrices},
	engine.EBITToEV:              {blockIncome, blockBalance, blockPrices},
	engine.FCFToEV:               {blockCashFlow, blockBalance, blockPrices},
	engine.BookToPrice:           {blockBalance, blockPrices},
	engine.Momentum12_1:          {blockPrices},
	engine.Momentum6_1:           {blockPrices},
	engine.Trend:                 {blockPrices},
}

// formatMetric shows a metric in its natural unit: multiples for coverage
// and leverage, plain ratios for book/price and trend, percentages for
// margins, yields and returns.
func formatMetric(m engine.Metric, x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return missingText
	}
	switch m {
	case engine.NetDebtToEBITDA, engine.InterestCoverage:
		return formatMultiple(x)
	case engine.BookToPrice, engine.Trend:
		return formatRatio(x)
	}
	return formatFraction(x)
}

// blockProvenance is where and when one input block of a stock came from.
type blockProvenance struct {
	Block     statementBlock
	PeriodEnd string
	Published string
	Source    string
}

// provenance returns the period end, publish date and source of block b
// for snapshot row i; prices are as of the snapshot date.
func provenance(s *engine.Snapshot, i int, b statementBlock) blockProvenance {
	p := blockProvenance{Block: b, PeriodEnd: missingText, Published: missingText, Source: missingText}
	var end, pub int32
	src := int8(-1)
	switch b {
	case blockIncome:
		end, pub, src = at32(s.IncEnd, i), at32(s.IncPub, i), at8(s.IncSrc, i)
	case blockBalance:
		end, pub, src = at32(s.BalEnd, i), at32(s.BalPub, i), at8(s.BalSrc, i)
	case blockCashFlow:
		end, pub, src = at32(s.CFEnd, i), at32(s.CFPub, i), at8(s.CFSrc, i)
	case blockPrices:
		// Prices run up to the snapshot date; the source name is a UI
		// string, so it is left to the caller's translation.
		p.PeriodEnd = s.AsOf
		p.Published = s.AsOf
		p.Source = ""
		return p
	}
	p.PeriodEnd = formatYMD(end)
	p.Published = formatYMD(pub)
	if src >= 0 && int(src) < len(s.Sources) {
		p.Source = s.Sources[src]
	}
	return p
}

func at32(v []int32, i int) int32 {
	if i < 0 || i >= len(v) {
		return 0
	}
	return v[i]
}

func at8(v []int8, i int) int8 {
	if i < 0 || i >= len(v) {
		return -1
	}
	return v[i]
}
