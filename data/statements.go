package data

import (
	"math"

	"screener/data/schema"
)

// field is one statement line carried into snapshots.
type field int

const (
	fRev    field = iota // revenue
	fGP                  // gross profit
	fOpInc               // operating income
	fInt                 // interest expense, positive = expense
	fNI                  // net income
	fDA                  // depreciation & amortisation (cash flow statement)
	fOCF                 // operating cash flow
	fCapex               // capital expenditure, positive = spent
	fFCF                 // free cash flow
	fAssets              // total assets
	fEquity              // total equity
	fDebt                // short + long term debt
	fCash                // cash & short-term investments
	nFields
)

// block is a statement: income, balance sheet or cash flow.
type block int

const (
	bInc block = iota
	bBal
	bCF
	nBlocks
)

// fieldBlock says which statement a field is read from. D&A comes from
// the cash flow statement, where SimFin fills it far more often than in
// the income statement.
var fieldBlock = [nFields]block{
	fRev: bInc, fGP: bInc, fOpInc: bInc, fInt: bInc, fNI: bInc,
	fDA: bCF, fOCF: bCF, fCapex: bCF, fFCF: bCF,
	fAssets: bBal, fEquity: bBal, fDebt: bBal, fCash: bBal,
}

// Source indices, in the order of the snapshot's `sources` array.
const (
	srcSimfinQuarterly uint8 = iota
	srcSimfinAnnual
	srcSummary
	srcBanks
	srcInsurance
	nSources
)

// sourceNames are the contract's source names (schema.Sources): the
// conversion fails at start-up if the lists differ in length, and a test
// checks that each index names its source.
var sourceNames = [nSources]string(schema.Sources())

// record is one statement (one block) for one fiscal period. Values are
// in the company's currency units (not millions); NaN = missing.
type record struct {
	end, pub Day
	src      uint8
	annual   bool
	v        [nFields]float64
	// fpub and fsrc are each field's own publish date and source: after
	// two sources' reports of one period are merged, a field only SimFin
	// carries must not be credited to the quarterly summary.
	fpub [nFields]Day
	fsrc [nFields]uint8
}

func newRecord(end, pub Day, src uint8, annual bool) record {
	r := record{end: end, pub: pub, src: src, annual: annual}
	for i := range r.v {
		r.v[i] = math.NaN()
		r.fpub[i], r.fsrc[i] = pub, src
	}
	return r
}

// shareRec is one reported share count.
type shareRec struct {
	end, pub Day
	src      uint8
	v        float64
	bad      bool // rejected as off by >= 1,000x against the neighbours
}

// company gathers every statement of one company (one ticker key).
type company struct {
	key    string
	recs   [nBlocks][]record
	shares []shareRec
	events []flagEvent
	// from us-companies.csv
	name, isin, cik string
	industry        int
}

// parsedRow is one usable statement row, tagged with its company key.
type parsedRow struct {
	key    string
	blk    block
	rec    record
	shares float64 // NaN when the row has none
	events []flagEvent
}

// flagMalformed flags company key (if the row names one) with a skipped
// row, on every date: the row's own publish date is unknown.
func (p *parsedFile) flagMalformed(key string) {
	if key != "" {
		p.keys = append(p.keys, key)
		p.orphan = append(p.orphan, flagEvent{0, FlagMalformedRow})
	}
}

// parsedFile is what one file contributes.
type parsedFile struct {
	rows   []parsedRow
	orphan []flagEvent // malformed rows whose company could be named
	keys   []string    // company keys of orphan events
	counts Counts
}

func allMissing(r record) bool {
	for _, v := range r.v {
		if !math.IsNaN(v) {
			return false
		}
	}
	return true
}
