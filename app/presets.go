package main

// Presets on the sliders: engine presets are ratios; the sliders hold
// whole numbers 0..MaxWeight.

import (
	"math"

	"screener/engine"
)

// PresetWeights returns the slider values of the engine preset with this
// key (engine.Presets). This is the one rule that turns a preset into
// sliders, for the URL and the UI alike: engine presets are ratios, and on
// the sliders the largest weight sits at MaxWeight, the rest keep their
// ratio to it, rounded to whole steps. quality6 is all 100; janus4 (0.5,
// 0.5, 0, 1, 1, 1) is 50.50.0.100.100.100; equal (3, 3, 3, 2, 4, 3 metrics
// per factor) is 75.75.75.50.100.75: the ratios are exact for every preset
// of the engine. (Putting the largest at the top, not the smallest at the
// middle, means a one-factor preset shows that factor's slider full.)
func PresetWeights(key string) (engine.Weights, bool) {
	p, ok := engine.PresetByKey(key)
	if !ok {
		return engine.Weights{}, false
	}
	return sliderScale(p.Weights)
}

// sliderScale scales ratio weights so the largest is MaxWeight and rounds
// to whole steps; all-zero or non-finite weights have no slider form.
func sliderScale(in engine.Weights) (engine.Weights, bool) {
	hi := 0.0
	for _, x := range in {
		if x > 0 {
			hi = math.Max(hi, x)
		}
	}
	var w engine.Weights
	if !(hi > 0) || math.IsInf(hi, 0) {
		return w, false
	}
	for f, x := range in {
		if x > 0 {
			w[f] = math.Round(x / hi * MaxWeight)
		}
	}
	return w, true
}

// matchingPreset returns the key of the preset whose slider weights equal
// w, or "".
func matchingPreset(w engine.Weights) string {
	for _, p := range engine.Presets() {
		if pw, _ := PresetWeights(p.Key); pw == w {
			return p.Key
		}
	}
	return ""
}
