package engine

import "math"

// Verdict is how a computed number compares with an article's claim.
type Verdict uint8

const (
	// VerdictHolds: within HoldsWithin of the claimed number.
	VerdictHolds Verdict = iota
	// VerdictRoughly: within RoughlyWithin, but not HoldsWithin.
	VerdictRoughly
	// VerdictNotHold: further off, or a yes/no claim the data says no to.
	VerdictNotHold
	// VerdictCannot: the data cannot answer the claim (the card says why).
	VerdictCannot
	numVerdicts = 4
)

var verdictKeys = [numVerdicts]string{"holds", "roughly", "does_not_hold", "cannot_test"}

// Key is the verdict's stable name, used by JSON and the UI's strings.
func (v Verdict) Key() string { return keyAt(verdictKeys[:], int(v)) }

// The thresholds of every verdict, defined once. A computed value v
// against a claimed c:
//
//	holds    |v − c| ≤ max(floor,   HoldsWithin·|c|)
//	roughly  |v − c| ≤ max(3·floor, RoughlyWithin·|c|)
//
// floor is the claim's unit of precision: 1 percentage point for returns
// (ReturnFloor), one day for run lengths (DaysFloor), none for ratios such
// as P/E. A lower bound ("more than a third") holds at or above the bound
// and roughly within RoughlyWithin below it.
const (
	HoldsWithin   = 0.10
	RoughlyWithin = 0.25
	ReturnFloor   = 0.01
	DaysFloor     = 1
)

// Judge compares v with the claimed c (see the thresholds above).
func Judge(v, c, floor float64) Verdict {
	if math.IsNaN(v) || math.IsNaN(c) {
		return VerdictCannot
	}
	d := math.Abs(v - c)
	switch {
	case d <= math.Max(floor, HoldsWithin*math.Abs(c))+1e-12:
		return VerdictHolds
	case d <= math.Max(3*floor, RoughlyWithin*math.Abs(c))+1e-12:
		return VerdictRoughly
	}
	return VerdictNotHold
}

// JudgeAtLeast compares v with a lower bound ("more than a third": c =
// 1/3; "far more dispersed": c = FarMore).
func JudgeAtLeast(v, c float64) Verdict {
	switch {
	case math.IsNaN(v) || math.IsNaN(c):
		return VerdictCannot
	case v >= c:
		return VerdictHolds
	case v >= c-RoughlyWithin*math.Abs(c):
		return VerdictRoughly
	}
	return VerdictNotHold
}

// JudgeYes is a yes/no claim's verdict.
func JudgeYes(yes bool) Verdict {
	if yes {
		return VerdictHolds
	}
	return VerdictNotHold
}

// FarMore is the ratio a "far more" or "far ahead" claim needs (1.5: half
// as much again); "moved together" means a relative performance within
// HoldsWithin (roughly: RoughlyWithin).
const FarMore = 1.5

// worst is the least favourable of vs (a claim of several parts holds
// only as far as its weakest part); VerdictCannot parts are skipped
// unless every part is one.
func worst(vs ...Verdict) Verdict {
	w, any := VerdictHolds, false
	for _, v := range vs {
		if v == VerdictCannot {
			continue
		}
		any = true
		if v > w {
			w = v
		}
	}
	if !any {
		return VerdictCannot
	}
	return w
}
