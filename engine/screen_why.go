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
	Unpriced                       // no price or no market cap: listed apart
	LowCoverage                    // fewer factors present than MinCoverage
	NoComposite                    // no weighted factor present, or (MissingExclude) one missing
	NumExclusions
)

var exclusionKeys = [NumExclusions]string{"listed", "not_a_row", "index", "sector", "profitable", "mcap", "unpriced", "coverage", "no_composite"}

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
	case !s.Priced(row):
		return Unpriced
	}
	return OutOfMcap
}
