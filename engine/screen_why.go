package engine

import "math"

// Exclusion says why a snapshot row is not in a screen's ranked list, the
// first reason in the order the filters apply.
type Exclusion uint8

const (
	Listed        Exclusion = iota // a member with a composite: in the list
	NotARow                        // not a row of the snapshot
	OutOfIndex                     // not held by the chosen fund(s)
	OutOfSector                    // its sector is not selected
	NotProfitable                  // ProfitableOnly and net income ≤ 0 or missing
	OutOfMcap                      // market cap outside MinMcap..MaxMcap
	ValueFiltered                  // a value bound (Filter.Values) fails: Screen.FailedValue says which
	PctFiltered                    // a percentile bound (Filter.Pcts) fails: Screen.FailedPct says which
	Unpriced                       // no price or no market cap: listed apart
	LowCoverage                    // fewer factors present than MinCoverage
	NoComposite                    // no weighted factor present, or (MissingExclude) one missing
	NumExclusions
)

var exclusionKeys = [NumExclusions]string{"listed", "not_a_row", "index", "sector", "profitable", "mcap", "value", "percentile", "unpriced", "coverage", "no_composite"}

// Key is the reason's short stable name ("sector", "mcap", "coverage", …).
func (e Exclusion) Key() string { return keyAt(exclusionKeys[:], int(e)) }

// Why says why snapshot row is not in the ranked list (Listed when it
// is). Score must have run: the coverage floor and the missing rule act
// through the composite.
func (sc *Screen) Why(row int) Exclusion {
	s, o := sc.Snap, sc.Opts
	if row < 0 || row >= s.N {
		return NotARow
	}
	if j, ok := sc.Pos(row); ok {
		switch {
		case j < len(sc.Composite) && !math.IsNaN(sc.Composite[j]):
			return Listed
		case o.MinCoverage > 0 && int(sc.Coverage[j]) < o.MinCoverage:
			return LowCoverage
		}
		return NoComposite
	}
	switch {
	case !o.inIndex(s, row):
		return OutOfIndex
	case !o.inSectors(s, row):
		return OutOfSector
	case o.ProfitableOnly && !(s.NI[row] > 0):
		return NotProfitable
	}
	if _, failed := sc.FailedValue(row); failed {
		return ValueFiltered
	}
	switch {
	case !s.Priced(row):
		return Unpriced
	case sc.rowPos[row] <= -2:
		return PctFiltered
	}
	return OutOfMcap
}

// FailedValue is the first value bound (Filter.Values) row fails, in
// Field order; false when it fails none. A stock without a price is not
// judged on the fields that need one (Field.Market).
func (sc *Screen) FailedValue(row int) (Field, bool) {
	if row < 0 || row >= sc.Snap.N || sc.metrics == nil {
		return 0, false
	}
	return sc.Opts.failedValue(sc.Snap, sc.metrics, row, !sc.Snap.Priced(row))
}

// FailedPct is the first metric whose percentile bound (Filter.Pcts) took
// row out of the screen; false when none did.
func (sc *Screen) FailedPct(row int) (Metric, bool) {
	if row < 0 || row >= len(sc.rowPos) || sc.rowPos[row] > -2 {
		return 0, false
	}
	return Metric(-2 - sc.rowPos[row]), true
}
