package data

import "sort"

// Flag is a per-stock data-quality problem, written as a bit of the
// snapshot's `flags` column (bit i = flagNames[i]).
type Flag uint8

const (
	// FlagSharesScale: a share count off by 1,000x or more against the
	// company's neighbouring periods or its price-implied size (e.g. INOD
	// FY2023 diluted shares 28,131 instead of ~29 million). The record is
	// dropped; shares come from the next-newest plausible record, or are null.
	FlagSharesScale Flag = iota
	// FlagNonFinite: a NaN/Inf or unparsable number in one of the company's
	// statement rows; the cell is treated as missing.
	FlagNonFinite
	// FlagNegativeRevenue: a period with revenue < 0; that period's revenue
	// is treated as missing, so TTM revenue over it is missing.
	FlagNegativeRevenue
	// FlagMalformedRow: one of the company's rows had the wrong number of
	// fields or an invalid date and was skipped.
	FlagMalformedRow
	// FlagDebtBlankZero: a SimFin balance sheet reported its liabilities
	// but neither debt line; debt is taken as 0 (SimFin's blank for "no
	// borrowings"). The only flag that keeps, rather than nulls, its value.
	FlagDebtBlankZero
	numFlags
)

// flagNames are the snapshot's `flag_names`, in bit order.
var flagNames = [numFlags]string{"shares_scale", "nonfinite", "negative_revenue", "malformed_row", "debt_blank_zero"}

// flagEvent is a flag raised by a row that became public on pub (0 when
// the row had no readable date), so that a snapshot only shows flags it
// could have seen.
type flagEvent struct {
	pub  Day
	flag Flag
}

// Counts are input-wide tallies of what was read, skipped and flagged.
type Counts struct {
	Files          int
	Rows           int
	RowsMalformed  int
	CellsNonFinite int
	CellsBad       int
	NegRevenue     int
	SharesScale    int // share records rejected as off by >= 1,000x
	NonUSD         int // statement rows in another currency, skipped
	DebtBlankZero  int // balance sheets whose blank debt lines were read as 0
	BadHeaderFiles []string
	UnreadFiles    []string
}

func (c *Counts) add(o Counts) {
	c.Files += o.Files
	c.Rows += o.Rows
	c.RowsMalformed += o.RowsMalformed
	c.CellsNonFinite += o.CellsNonFinite
	c.CellsBad += o.CellsBad
	c.NegRevenue += o.NegRevenue
	c.SharesScale += o.SharesScale
	c.NonUSD += o.NonUSD
	c.DebtBlankZero += o.DebtBlankZero
	c.BadHeaderFiles = append(c.BadHeaderFiles, o.BadHeaderFiles...)
	c.UnreadFiles = append(c.UnreadFiles, o.UnreadFiles...)
	sort.Strings(c.BadHeaderFiles)
	sort.Strings(c.UnreadFiles)
}
