package engine

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Preset is a named set of factor weights (package doc, "Presets").
type Preset struct {
	Key, Name string
	Weights   Weights
}

// DefaultPreset is the key of the preset a screen starts with.
const DefaultPreset = "quality6"

// Presets returns the five presets, in display order.
//
// "equal" differs from "quality6" on purpose: quality6 gives each of the
// six FACTORS the same weight, so a factor with two metrics (capital
// efficiency) counts as much as one with four (valuation); "equal" gives
// each of the 18 METRICS the same say by weighting every factor by its
// number of metrics (3, 3, 3, 2, 4, 3). The two coincide only if every
// factor had the same number of metrics. (Because each factor is re-ranked
// and normal-scored before weighting, "equal" is the factor-level
// approximation of averaging all 18 metric percentiles, not an identity.)
func Presets() []Preset {
	var equal Weights
	for f := Factor(0); f < NumFactors; f++ {
		equal[f] = float64(len(factorMetrics[f]))
	}
	return []Preset{
		{"quality6", "2026 quality (six points)", Weights{1, 1, 1, 1, 1, 1}},
		// Janus Henderson's four factors are value, quality, capital
		// efficiency and momentum, equally weighted; quality is split
		// evenly between profitability and free cash flow.
		{"janus4", "Janus Henderson four-factor", Weights{Profitability: 0.5, FreeCashFlow: 0.5, CapitalEfficiency: 1, Valuation: 1, Momentum: 1}},
		{"momentum", "2025 momentum only", Weights{Momentum: 1}},
		{"deepvalue", "Deep value", Weights{Valuation: 1}},
		{"equal", "Equal weight", equal},
	}
}

// PresetByKey finds a preset by its key ("quality6", "janus4", "momentum",
// "deepvalue", "equal").
func PresetByKey(key string) (Preset, bool) {
	for _, p := range Presets() {
		if p.Key == key {
			return p, true
		}
	}
	return Preset{}, false
}

// PresetKeys lists the preset keys in display order.
func PresetKeys() []string {
	var keys []string
	for _, p := range Presets() {
		keys = append(keys, p.Key)
	}
	return keys
}

// FactorKeys lists the factor keys in factor order.
func FactorKeys() []string { return append([]string(nil), factorKeys[:]...) }

// ParseWeights reads "value=2,momentum=1": factor keys not listed get 0.
// Unknown keys, repeated keys, and negative, NaN or infinite weights are
// errors naming the valid keys; so is a spec whose weights are all zero.
func ParseWeights(spec string) (Weights, error) {
	var w Weights
	var seen [NumFactors]bool
	valid := strings.Join(factorKeys[:], ", ")
	spec = strings.TrimSpace(spec)
	if spec == "" {
		return w, fmt.Errorf("empty weights; want key=value pairs with keys %s", valid)
	}
	for _, part := range strings.Split(spec, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		key, val, ok := strings.Cut(part, "=")
		if !ok {
			return w, fmt.Errorf("weight %q is not key=value; valid keys: %s", part, valid)
		}
		f, ok := ParseFactor(strings.ToLower(strings.TrimSpace(key)))
		if !ok {
			return w, fmt.Errorf("unknown factor %q; valid keys: %s", key, valid)
		}
		if seen[f] {
			return w, fmt.Errorf("factor %q given twice", key)
		}
		seen[f] = true
		x, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
		if err != nil || math.IsNaN(x) || math.IsInf(x, 0) || x < 0 {
			return w, fmt.Errorf("weight %s=%q: want a finite number ≥ 0", key, val)
		}
		w[f] = x
	}
	total := 0.0
	for _, x := range w {
		total += x
	}
	if !(total > 0) {
		return w, fmt.Errorf("all weights are zero; give at least one of %s a positive weight", valid)
	}
	return w, nil
}

// String formats weights as ParseWeights reads them, omitting zeros.
func (w Weights) String() string {
	var parts []string
	for f, x := range w {
		if x != 0 {
			parts = append(parts, factorKeys[f]+"="+strconv.FormatFloat(x, 'g', -1, 64))
		}
	}
	return strings.Join(parts, ",")
}
