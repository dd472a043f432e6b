package main

import (
	"math"
	"testing"

	"screener/engine"
)

func TestParseTypedBound(t *testing.T) {
	cases := []struct {
		in        string
		scale     float64
		x         float64
		has, okay bool
	}{
		{"15", 1, 15, true, true},
		{" 10 % ", 100, 0.1, true, true},
		{"10,5", 100, 0.105, true, true},
		{"−5", 1, -5, true, true},
		{"", 1, 0, false, true},
		{"abc", 1, 0, false, false},
		{"1e3", 1, 0, false, false},
		{"--1", 1, 0, false, false},
		{"99999999999999", 1, 0, false, false},
	}
	for _, c := range cases {
		x, has, ok := parseTypedBound(c.in, c.scale)
		if ok != c.okay || has != c.has || math.Abs(x-c.x) > 1e-12 {
			t.Errorf("parseTypedBound(%q, %v) = %v %v %v, want %v %v %v", c.in, c.scale, x, has, ok, c.x, c.has, c.okay)
		}
	}
}

func TestBoundText(t *testing.T) {
	roe := filterRow{'v', int(engine.FieldROE)}
	pe := filterRow{'v', int(engine.FieldPE)}
	price := filterRow{'v', int(engine.FieldPrice)}
	mom := filterRow{'p', int(engine.Momentum12_1)}
	for _, c := range []struct {
		r    filterRow
		b    engine.Bound
		want string
	}{
		{roe, engine.Bound{Min: 0.1, HasMin: true}, "ROE ≥ 10%"},
		{pe, engine.Bound{Min: 2, Max: 15, HasMin: true, HasMax: true}, "2 ≤ P/E ≤ 15"},
		{price, engine.Bound{Max: 5, HasMax: true}, "Share price ≤ $5"},
		{mom, engine.Bound{Min: 50, HasMin: true}, langEN.tf("flt.pct", langEN.t("metric.mom12_1")) + " ≥ 50"},
	} {
		if got := boundText(langEN, c.r, c.b); got != c.want {
			t.Errorf("boundText = %q, want %q", got, c.want)
		}
	}
	if r, ok := parseFilterRow("p.roe"); !ok || r != (filterRow{'p', int(engine.ROE)}) || r.domID() != "p-roe" {
		t.Errorf("parseFilterRow(p.roe) = %v %v", r, ok)
	}
	if _, ok := parseFilterRow("x.pe"); ok {
		t.Error("parseFilterRow accepted kind x")
	}
}
