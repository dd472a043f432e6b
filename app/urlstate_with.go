package main

import "screener/engine"

// What a State means to the engine and the views, and the changes the
// controls make to it: each returns a new State, within its bounds.

// EngineWeights are the weights the engine scores with: the slider values,
// clamped to 0..MaxWeight (only ratios matter to the engine).
func (s State) EngineWeights() engine.Weights {
	return s.Normalize().Weights
}

// Options are the engine's ranking options for this state. sectors is the
// snapshot's sector list (Snapshot.Sectors): the sector filter is stored as
// stable slugs in the URL and mapped here to the snapshot's bit positions.
func (s State) Options(sectors []string) engine.Options {
	s = s.Normalize()
	return engine.Options{
		Filter: engine.Filter{
			Index:          s.Index,
			Sectors:        s.Sectors.Mask(sectors),
			MinMcap:        s.MinMcap,
			MaxMcap:        s.MaxMcap,
			ProfitableOnly: s.ProfitableOnly,
			Values:         s.Values,
			Pcts:           s.Pcts,
		},
		SectorNeutral:     s.SectorNeutral,
		ExcludeFinancials: s.ExcludeFinancials,
		MinCoverage:       s.MinCoverage,
		Missing:           s.Missing,
	}
}

// ForEmbed is s as an embed shows it: in embed mode, at rank 1, with no
// panel open and no comparison picked, and without the language, so each
// reader gets the page in their own browser's language.
func (s State) ForEmbed() State {
	s.Lang, s.Page, s.Selected, s.Compare = "", 1, "", [MaxCompare]string{}
	s.Embed = true
	return s
}

// WithPreset selects a preset and its weights; an unknown key changes nothing.
func (s State) WithPreset(key string) State {
	if w, ok := PresetWeights(key); ok {
		s.Preset, s.Weights = key, w
	}
	return s
}

// WithWeight sets one slider (clamped to 0..MaxWeight); the weights become custom.
func (s State) WithWeight(f engine.Factor, v float64) State {
	if f < 0 || f >= engine.NumFactors {
		return s
	}
	s.Weights[f] = v
	s.Preset = ""
	return s.Normalize()
}

// FundList is the compared funds in column order.
func (s State) FundList() []string {
	out := make([]string, 0, MaxFunds)
	for _, t := range s.Funds {
		if t != "" {
			out = append(out, t)
		}
	}
	return out
}

// WithFunds sets the compared funds: unknown tickers and repeats are
// dropped, the list is cut at MaxFunds; fewer than MinFunds changes nothing.
func (s State) WithFunds(tickers []string) State {
	if f, ok := urlFunds(tickers); ok {
		s.Funds = f
	}
	return s
}
