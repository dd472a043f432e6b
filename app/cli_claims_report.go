//go:build !wasm

package main

import "screener/engine"

// claimValueJSON is one computed value as the claims command prints it
// and as the Claims view tags its cell (data-raw): the same numbers.
type claimValueJSON struct {
	Value   jsonNum `json:"value"`
	Unit    string  `json:"unit"`
	Target  string  `json:"claimed_quantity,omitempty"`
	Claimed jsonNum `json:"claimed"`
	Closest bool    `json:"closest_to_claim,omitempty"`
	From    string  `json:"from,omitempty"`
	To      string  `json:"to,omitempty"`
	Source  string  `json:"source,omitempty"`
}

// claimJSON is one card: values keyed by their definition's name.
type claimJSON struct {
	ID      string                    `json:"id"`
	Article string                    `json:"article"`
	Claim   string                    `json:"claim"`
	Verdict string                    `json:"verdict"`
	Note    string                    `json:"note,omitempty"`
	Error   string                    `json:"error,omitempty"`
	Order   []string                  `json:"definitions_in_order"`
	Values  map[string]claimValueJSON `json:"values"`
}

// claimsReport is the claims command's JSON.
type claimsReport struct {
	Thresholds map[string]float64 `json:"thresholds"`
	Claims     []claimJSON        `json:"claims"`
}

// buildClaimsReport turns the engine's cards into the report, texts in l.
func buildClaimsReport(cards []engine.ClaimCard, l lang) claimsReport {
	rep := claimsReport{Thresholds: map[string]float64{
		"holds_within_relative": engine.HoldsWithin, "roughly_within_relative": engine.RoughlyWithin,
		"return_floor_pp": engine.ReturnFloor * 100, "days_floor": engine.DaysFloor, "far_more_ratio": engine.FarMore,
	}}
	for _, c := range cards {
		j := claimJSON{ID: c.ID, Article: c.Article, Claim: l.t("claims.claim." + c.ID), Verdict: c.Verdict.Key(), Error: c.Err,
			Values: map[string]claimValueJSON{}}
		if c.Why != "" {
			j.Note = l.t("claims.why." + c.Why)
		}
		for _, v := range c.Values {
			j.Order = append(j.Order, v.Key)
			j.Values[v.Key] = claimValueJSON{Value: jsonNum(v.Value), Unit: v.Unit.Key(), Target: v.Target, Claimed: jsonNum(v.Claimed),
				Closest: v.Closest, From: v.From, To: v.To, Source: v.Source}
		}
		rep.Claims = append(rep.Claims, j)
	}
	return rep
}
