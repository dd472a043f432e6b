//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"
)

const rankFixture = "../engine/testdata/current_small.json"

func TestRankCommand(t *testing.T) {
	var out bytes.Buffer
	if err := runRank([]string{"--snapshot", rankFixture, "--format", "csv", "--weights", "value=2,momentum=1"}, &out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	// DDD has no price: four ranked rows, DDD listed apart.
	if len(lines) != 5 || !strings.HasPrefix(lines[0], "rank,ticker,name,sector,composite_pct") || strings.Contains(out.String(), "DDD") {
		t.Fatalf("csv:\n%s", out.String())
	}
	out.Reset()
	if err := runRank([]string{"--snapshot", rankFixture, "--format", "json", "--top", "2", "--universe", "ijr"}, &out); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		UniverseSize int `json:"universe_size"`
		Rows         []struct {
			Rank   int
			Ticker string
		}
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil || doc.UniverseSize != 3 || len(doc.Rows) != 2 || doc.Rows[0].Rank != 1 {
		t.Fatalf("json %v: %s", err, out.String())
	}
	out.Reset()
	if err := runRank([]string{"--snapshot", rankFixture, "--preset", "janus4", "--sector-neutral", "--exclude-financials", "--sector", "fin,industrials"}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "CCC") || !strings.Contains(out.String(), "AAA") || strings.Contains(out.String(), "EEE") {
		t.Errorf("sector filter:\n%s", out.String())
	}
}

// The missing-factor rule reaches the ranking, and unpriced stocks are
// reported apart with their reason.
func TestRankCommandMissingRule(t *testing.T) {
	rank := func(rule string) (doc struct {
		Missing string
		Rows    []struct {
			Ticker    string
			Composite *float64
		}
		Unpriced []struct{ Ticker, Reason string }
	}) {
		var out bytes.Buffer
		// BBB.B has no momentum factor (coverage 5).
		if err := runRank([]string{"--snapshot", rankFixture, "--format", "json", "--weights", "value=1,momentum=1", "--missing", rule, "--min-coverage", "0"}, &out); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		return doc
	}
	composite := func(rows []struct {
		Ticker    string
		Composite *float64
	}, tk string) *float64 {
		for _, r := range rows {
			if r.Ticker == tk {
				return r.Composite
			}
		}
		t.Fatalf("%s not listed", tk)
		return nil
	}
	neutral, skip, exclude := rank("neutral"), rank("skip"), rank("EXCLUDE")
	if neutral.Missing != "neutral" || exclude.Missing != "exclude" {
		t.Errorf("missing rule echoed as %q / %q", neutral.Missing, exclude.Missing)
	}
	n, k := composite(neutral.Rows, "BBB.B"), composite(skip.Rows, "BBB.B")
	if n == nil || k == nil || math.Abs(*n-*k/2) > 1e-4 {
		t.Errorf("BBB.B composite neutral %v, skip %v: neutral must be half of skip (one of two factors at z = 0)", n, k)
	}
	if composite(exclude.Rows, "BBB.B") != nil {
		t.Error("exclude must leave BBB.B unranked")
	}
	if len(neutral.Unpriced) != 1 || neutral.Unpriced[0].Ticker != "DDD" || neutral.Unpriced[0].Reason != "no_price" {
		t.Errorf("unpriced %+v, want DDD no_price", neutral.Unpriced)
	}
	var out bytes.Buffer
	if err := runRank([]string{"--snapshot", rankFixture}, &out); err != nil || !strings.Contains(out.String(), "not ranked: 1 stocks without a price or market cap in the data on 2025-11-24 (1 no_price)") {
		t.Errorf("table: %v\n%s", err, out.String())
	}
	err := runExplain([]string{"DDD", "--snapshot", rankFixture}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "DDD is not ranked: no price or market cap") {
		t.Errorf("explain DDD: %v", err)
	}
}

func TestRankCommandErrors(t *testing.T) {
	cases := map[string][]string{
		"valid keys: profit, fcf, balance, efficiency, value, momentum": {"--weights", "quality=1"},
		"valid presets: quality6, janus4, momentum, deepvalue, equal":   {"--preset", "x"},
		"valid: any, iwm, ijr, both":                                    {"--universe", "r2k"},
		"valid: table, csv, json":                                       {"--format", "xml"},
		"valid sectors: Consumer Discretionary, Financials":             {"--sector", "energy"},
		"not both":                      {"--preset", "equal", "--weights", "value=1"},
		"valid: neutral, skip, exclude": {"--missing", "zero"},
		"flag provided but not defined": {"--nope"},
		"make snapshot":                 {"--snapshot", "/nonexistent.json"},
	}
	for want, args := range cases {
		if !strings.Contains(want, "snapshot") {
			args = append([]string{"--snapshot", rankFixture}, args...)
		}
		err := runRank(args, &bytes.Buffer{})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%v: error %v, want it to mention %q", args, err, want)
		}
	}
}

func TestExplainCommand(t *testing.T) {
	var out bytes.Buffer
	if err := runExplain([]string{"bbb-b", "--snapshot", rankFixture}, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"BBB.B  Beta Class B Holdings", "end 2025-09-30 published 2025-11-04 quarterly-summary", "op_margin ", "opinc=-50 rev_op=500", "composite"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("explain output lacks %q:\n%s", want, out.String())
		}
	}
	// Flags before the ticker work too.
	if err := runExplain([]string{"--snapshot", rankFixture, "--exclude-financials", "CCC"}, &bytes.Buffer{}); err != nil {
		t.Error(err)
	}
	err := runExplain([]string{"AAB", "--snapshot", rankFixture}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "did you mean: AAA") {
		t.Errorf("unknown ticker: %v", err)
	}
	err = runExplain([]string{"CCC", "--snapshot", rankFixture, "--universe", "iwm"}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "not in the selected universe") {
		t.Errorf("filtered ticker: %v", err)
	}
	if err := runExplain(nil, &bytes.Buffer{}); err == nil {
		t.Error("explain without ticker must fail")
	}
}

// The command line's CSV defuses formula-like names as the page's does, and
// --min-mcap refuses what is not a number of dollars.
func TestRankCSVAndBoundsAreSafe(t *testing.T) {
	if got := csvSafeCell("=HYPERLINK(1)"); got != "'=HYPERLINK(1)" {
		t.Errorf("csvSafeCell = %q", got)
	}
	for _, c := range []string{"-Inf", "+infinity", "-0x1p-2", "-1_0"} {
		if got := csvSafeCell(c); got != "'"+c {
			t.Errorf("csvSafeCell(%q) = %q, want it defused", c, got)
		}
	}
	if got := csvSafeCell("-12.5e3"); got != "-12.5e3" {
		t.Errorf("a plain number changed: %q", got)
	}
	for _, bad := range [][]string{{"--min-mcap", "NaN"}, {"--max-mcap", "+Inf"}, {"--min-mcap", "-1"}} {
		err := runRank(append([]string{"--snapshot", rankFixture}, bad...), &bytes.Buffer{})
		if err == nil || !strings.Contains(err.Error(), "want 0 ≤ min ≤ max") {
			t.Errorf("%v: %v", bad, err)
		}
	}
}
