//go:build !wasm

package main

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

// TestRankWhere: --where keeps the stocks that pass every clause; a P/E
// bound never keeps a loss-maker (BBB.B loses money: no P/E).
func TestRankWhere(t *testing.T) {
	rank := func(where string, extra ...string) (string, error) {
		var out bytes.Buffer
		args := append([]string{"--snapshot", rankFixture, "--format", "csv", "--min-coverage", "0", "--where", where}, extra...)
		err := runRank(args, &out)
		return out.String(), err
	}
	tickers := func(csv string) []string {
		var out []string
		for _, line := range strings.Split(strings.TrimSpace(csv), "\n")[1:] {
			out = append(out, strings.Split(line, ",")[1])
		}
		return out
	}
	cases := []struct {
		where string
		want  string
	}{
		{"pe<15", "CCC"},                    // P/E 10; AAA, EEE are 16.7; BBB.B has none
		{"pe>12", "AAA EEE"},                // a loss-maker is not "expensive" either
		{"roe>=0.07", "AAA CCC"},            // EEE 6.9%
		{"roe>=7%", "AAA CCC"},              // percent form
		{"pe<=20,roe>0.1,mcap>=500", "CCC"}, // all three
		{"mcap<800", "BBB.B CCC"},           // free market-cap bound
		{"pct.roe>=50,pe<100", "AAA CCC"},   // ROE percentiles among AAA, CCC, EEE: 50, 83, 17
	}
	for _, c := range cases {
		out, err := rank(c.where)
		if err != nil {
			t.Fatalf("--where %q: %v", c.where, err)
		}
		got := tickers(out)
		if strings.Join(slices.Sorted(slices.Values(got)), " ") != c.want {
			t.Errorf("--where %q kept %v, want %s", c.where, got, c.want)
		}
	}
	for _, bad := range []struct{ where, mention string }{
		{"pe<<15", `"pe<<15"`},
		{"foo>1", `unknown name "foo"`},
		{"pe<15,roe>", `"roe>"`},
		{"pct.roe>120", "0..100"},
	} {
		if _, err := rank(bad.where); err == nil || !strings.Contains(err.Error(), bad.mention) || !strings.Contains(err.Error(), "--where") {
			t.Errorf("--where %q: error %v, want one naming %s", bad.where, err, bad.mention)
		}
	}
	if _, err := rank("mcap>100", "--min-mcap", "50"); err == nil || !strings.Contains(err.Error(), "once") {
		t.Errorf("mcap bound given twice: %v", err)
	}
}
