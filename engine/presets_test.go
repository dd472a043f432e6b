package engine

import (
	"math"
	"strings"
	"testing"
)

func TestPresets(t *testing.T) {
	want := map[string]struct {
		name string
		w    Weights
	}{
		"quality6":  {"2026 quality (six points)", Weights{1, 1, 1, 1, 1, 1}},
		"janus4":    {"Janus Henderson four-factor", Weights{0.5, 0.5, 0, 1, 1, 1}},
		"momentum":  {"2025 momentum only", Weights{0, 0, 0, 0, 0, 1}},
		"deepvalue": {"Deep value", Weights{0, 0, 0, 0, 1, 0}},
		"equal":     {"Equal weight", Weights{3, 3, 3, 2, 4, 3}},
	}
	ps := Presets()
	if len(ps) != len(want) {
		t.Fatalf("%d presets, want %d", len(ps), len(want))
	}
	for _, p := range ps {
		w, ok := want[p.Key]
		if !ok || p.Name != w.name || p.Weights != w.w {
			t.Errorf("preset %+v, want %+v", p, w)
		}
		if q, ok := PresetByKey(p.Key); !ok || q != p {
			t.Errorf("PresetByKey(%q)", p.Key)
		}
	}
	if _, ok := PresetByKey("nope"); ok {
		t.Error("unknown preset found")
	}
	// Janus: quality (profit + fcf) weighs as much as each other factor.
	j, _ := PresetByKey("janus4")
	if j.Weights[Profitability]+j.Weights[FreeCashFlow] != j.Weights[Valuation] {
		t.Error("janus4 quality split")
	}
	// Equal weight: every metric the same say, so factor weight ∝ metric count.
	e, _ := PresetByKey("equal")
	for f := Factor(0); f < NumFactors; f++ {
		if e.Weights[f] != float64(len(FactorMetrics(f))) {
			t.Errorf("equal weight for %s", f.Key())
		}
	}
	// Presets give different rankings on real-looking data (equal != quality6).
	s := synthSnapshot(500, 4, 0.1)
	sc := NewScreen(s, ComputeMetrics(s), Options{})
	q, _ := PresetByKey("quality6")
	sc.Score(q.Weights)
	a := append([]int32(nil), sc.Order...)
	sc.Score(e.Weights)
	same := true
	for i := range a {
		same = same && a[i] == sc.Order[i]
	}
	if same {
		t.Error("equal and quality6 rank identically")
	}
}

func TestParseWeights(t *testing.T) {
	w, err := ParseWeights("value=2, momentum=1,profit=0.5")
	if err != nil || w != (Weights{Profitability: 0.5, Valuation: 2, Momentum: 1}) {
		t.Fatalf("%v %v", w, err)
	}
	if w.String() != "profit=0.5,value=2,momentum=1" {
		t.Errorf("String %q", w.String())
	}
	if back, err := ParseWeights(w.String()); err != nil || back != w {
		t.Errorf("round trip %v %v", back, err)
	}
	bad := map[string]string{
		"quality=1":          "valid keys: profit, fcf, balance, efficiency, value, momentum",
		"value":              "not key=value",
		"value=-1":           "≥ 0",
		"value=NaN":          "finite",
		"value=Inf":          "finite",
		"value=x":            "finite",
		"value=1,value=2":    "twice",
		"":                   "empty",
		"value=0,momentum=0": "all weights are zero",
	}
	for spec, msg := range bad {
		if _, err := ParseWeights(spec); err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("ParseWeights(%q) = %v, want error mentioning %q", spec, err, msg)
		}
	}
	if w, err := ParseWeights("VALUE=1e300"); err != nil || w[Valuation] != 1e300 || math.IsInf(w[Valuation], 0) {
		t.Errorf("upper-case key: %v %v", w, err)
	}
}
