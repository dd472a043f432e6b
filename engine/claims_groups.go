package engine

import (
	"math"

	"screener/data/schema"
)

// The company groups the cross-section claims compare: small caps are
// the IWM holdings (the Russell 2000) of current.json, large caps the
// Russell 1000 (r1000) or the S&P 500 (sp500) of largecap.json; either
// with or without the Financials sector, whose debt (deposits, funding)
// is not borrowing in the sense of the leverage claims.

// groupIWM is the mask of the rows held by IWM; exFin drops Financials.
func groupIWM(s *Snapshot, exFin bool) []bool {
	in := make([]bool, s.N)
	for i := range in {
		in[i] = !math.IsNaN(s.IWM[i]) && !(exFin && isFinancial(s, i))
	}
	return in
}

// groupFlag is the mask of the rows with flag[i] (R1000, SP500).
func groupFlag(s *Snapshot, flag []bool, exFin bool) []bool {
	in := make([]bool, s.N)
	for i := range in {
		in[i] = flag[i] && !(exFin && isFinancial(s, i))
	}
	return in
}

func isFinancial(s *Snapshot, i int) bool {
	k := int(s.Sector[i])
	return k < len(s.Sectors) && s.Sectors[k] == "Financials"
}

// capPE is GroupPE weighted by market cap.
func capPE(s *Snapshot, in []bool) PEStats { return GroupPE(in, s.Mcap, s.NI, s.Mcap) }

// snapSource names a snapshot file for a value's Source.
func snapSource(s *Snapshot) string {
	if s.Kind == schema.KindLargeCap {
		return schema.LargeCapFile
	}
	return schema.CurrentFile
}

// snapValue is a value read from a snapshot on its date.
func snapValue(key, target string, claimed, v float64, unit Unit, s *Snapshot) ClaimValue {
	return ClaimValue{Key: key, Value: v, Unit: unit, Target: target, Claimed: claimed, To: s.AsOf, Source: snapSource(s)}
}
