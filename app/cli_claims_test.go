//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"screener/data"
	"screener/data/schema"
	"screener/engine"
)

// claimsFixtureDir builds the snapshots from the hand-made raw data into
// a temporary folder: every file the claims read is among them.
func claimsFixtureDir(t *testing.T) string {
	t.Helper()
	res, err := data.Build(data.Options{DataDir: "../data/testdata/raw", RankFirst: 1, RankLast: 3})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := res.WriteDir(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

// The JSON names every value after its definition and carries every
// claim in order, with the verdict key; on the fixture (IWM is the one
// fund with daily prices) the IWM-only claims are computed and the others
// say which series is missing.
func TestClaimsCommandJSON(t *testing.T) {
	dir := claimsFixtureDir(t)
	days := `[0,1461,366,365,364]` // 2015-12-31, 2019-12-31, 2020-12-31, 2021-12-31, 2022-12-30
	daily := `{"kind":"daily","asof":"2022-12-30","start":"2015-12-31","scale":100,"adjusted":"test","days":` + days +
		`,"series":[{"ticker":"IWM","file":"prices/IWM.csv","first":0,"close":[10000,5000,3000,2000,-4000]}]}`
	if err := os.WriteFile(filepath.Join(dir, schema.DailyFile), schema.Envelope([]byte(daily)), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := runClaims([]string{"--data", dir, "--format", "json"}, &out); err != nil {
		t.Fatal(err)
	}
	var rep claimsReport
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Claims) != len(engine.ClaimIDs()) || rep.Thresholds["holds_within_relative"] != engine.HoldsWithin {
		t.Fatalf("%d claims, thresholds %v", len(rep.Claims), rep.Thresholds)
	}
	byID := map[string]claimJSON{}
	for i, c := range rep.Claims {
		if c.ID != engine.ClaimIDs()[i] || c.Claim == "" || strings.HasPrefix(c.Claim, "claims.") {
			t.Errorf("claim %d: %+v", i, c)
		}
		if len(c.Order) != len(c.Values) {
			t.Errorf("%s: order %v, values %v", c.ID, c.Order, c.Values)
		}
		byID[c.ID] = c
	}
	if c := byID["A3"]; c.Verdict != "cannot_test" || c.Error != "" || !strings.Contains(c.Note, "floating") {
		t.Errorf("A3 %+v", c)
	}
	if c := byID["A1"]; c.Verdict != "cannot_test" || c.Error == "" || len(c.Values) != 0 {
		t.Errorf("A1 without January 2026 prices: %+v", c)
	}
	// IWM closes 100, 150, 180, 200, 160 at the ends of 2015, 2019, 2020,
	// 2021, 2022: 2016-2019 annualised 1.5^(1/4) − 1 = 10.67% against the
	// claimed 8% (2.7 points: roughly), 2020 +20%, 2022 −20%.
	e2 := byID["E2"]
	v := e2.Values["iwm_annualised_2016_2019"]
	if e2.Verdict != "roughly" || v.From != "2015-12-31" || v.To != "2019-12-31" || v.Unit != "pct" || float64(v.Claimed) != 0.08 ||
		math.Abs(float64(v.Value)-0.106682) > 1e-6 || float64(e2.Values["iwm_return_2022"].Value) != -0.2 {
		t.Errorf("E2 %+v", e2)
	}
	// The table prints the same claims.
	out.Reset()
	if err := runClaims([]string{"--data", dir}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "iwm_return_2020") || !strings.Contains(out.String(), "CANNOT TEST") {
		t.Errorf("table:\n%s", out.String())
	}
}

func TestClaimsCommandErrors(t *testing.T) {
	if err := runClaims([]string{"--format", "xml"}, io.Discard); err == nil || !strings.Contains(err.Error(), "table, json") {
		t.Errorf("bad format: %v", err)
	}
	if err := runClaims([]string{"extra"}, io.Discard); err == nil {
		t.Error("stray argument accepted")
	}
	err := runClaims([]string{"--data", t.TempDir()}, io.Discard)
	if err == nil || !strings.Contains(err.Error(), schema.DailyFile) {
		t.Errorf("missing files: %v", err)
	}
	dir := claimsFixtureDir(t)
	if err := runClaims([]string{"--data", filepath.Join(dir, schema.CurrentFile)}, io.Discard); err == nil {
		t.Error("a file as --data accepted")
	}
}
