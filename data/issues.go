package data

import (
	"fmt"
	"sort"
	"strings"

	"screener/data/schema"
)

// Flag is a per-stock data-quality problem, written as a bit of the
// snapshot's `flags` column (bit i = flagNames[i]).
type Flag uint8

const (
	// FlagSharesScale: today's rules passed over the newest share count:
	// off by 1,000x or more against the company's neighbouring periods or
	// its price-implied size (e.g. INOD FY2023 diluted shares 28,131
	// instead of ~29 million), or below the shares IWM alone holds. The
	// record is dropped; shares come from the next-newest plausible
	// record, or are null. (Current snapshot: not set where the fund
	// evidence chose another count, see FlagSharesFundCorrected.)
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
	// FlagSharesFundCorrected (current only): the fund evidence (IWM/IJR
	// weight, shares IWM holds; see shares.go) chose a different share
	// count than the neighbour test alone would have: a newer count the
	// neighbour test had rejected (e.g. a correct count after older counts
	// in thousands), or an older count because the newer ones are 1,000x
	// off in a way their neighbours share. shares/mcap use the count that
	// agrees with the evidence within 3x.
	FlagSharesFundCorrected
	// FlagMcapLowFloat (current only): no count agrees with the fund
	// evidence within 3x, but the count used is above it by at most 20x
	// (a float of 5% or more, the Russell minimum) and agrees with the
	// company's other counts, P/B and P/S: a low-float or multi-class
	// company. The value is kept; the flag says it disagrees with the weight.
	FlagMcapLowFloat
	// FlagMcapUnsupported: no count is supported by the evidence.
	// Current: none within 3x of the fund evidence, and the count today's
	// rules pick is below it, or more than 20x above it, or implausible
	// against book equity or sales. History: the size check (universe.go:
	// a real-list member far outside the Russell 2000's range on rank
	// day, or a share count 5x away from rank day's). shares and mcap are
	// null.
	FlagMcapUnsupported
	// FlagStale: some statement input (a TTM window or balance sheet) ended
	// more than StaleMonths before the as-of date and was dropped; the
	// period columns still name it.
	FlagStale
	// FlagPriceRescaled (current only): the adjusted close on the as-of
	// date differs by more than 25% from the real price the second IWM
	// file gives a month later, because a later split, reverse split or
	// distribution rescaled the series; price is divided by that factor so
	// that price × shares uses the share count's own units. Returns and
	// trend are ratios and unaffected.
	FlagPriceRescaled
	// FlagPriceGlitch: the price on the as-of date, a momentum or the
	// trend would have been read over a glitchy stretch of the price
	// series (pricecheck.go: quantised, flip-flopping, 10x jumps,
	// non-positive closes, bad prints); that value is null. A missing
	// price leaves the stock without market cap (history: out of the
	// universe).
	FlagPriceGlitch
	// FlagFwdPriceGlitch: a FORWARD return (fwd12, fwdlast) would have
	// spanned a glitchy stretch; it is null. Forward information: never an
	// input to selection or scoring.
	FlagFwdPriceGlitch
	// FlagFwdToLastPrice (history): the price series ends inside a forward
	// window (the company stopped trading, or its prices-to-2024/ file
	// ends on 2024-03-08): the forward return runs to the last close, as
	// if the position were sold there and held in cash. Value kept.
	// Forward information: never an input to selection or scoring.
	FlagFwdToLastPrice
	numFlags
)

// flagNames are the snapshot's `flag_names`, in bit order.
// The conversion fails at start-up if the contract (schema.FlagNames) and
// these bits differ in number; a test checks each bit's name.
var flagNames = [numFlags]string(schema.FlagNames())

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

// header counts a file read and indexes its header. ok is false when
// required columns are missing: the file is skipped whole, since its rows
// cannot be read by name, and reported with what it lacks (a column
// renamed upstream is the usual cause, and the report should say which).
func (c *Counts) header(name string, content []byte, sep byte, required ...string) (h headerIndex, ok bool) {
	c.Files++
	h = newHeaderIndex(readHeader(content, sep))
	if miss := h.missing(required...); len(miss) > 0 {
		c.BadHeaderFiles = append(c.BadHeaderFiles, fmt.Sprintf("%s (missing %s)", name, strings.Join(miss, ", ")))
		return h, false
	}
	return h, true
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
