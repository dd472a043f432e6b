//go:build !wasm

package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"screener/data/schema"
)

// emptySnapshot rewrites the tiny snapshot with every column emptied and
// n = 0, with a correct hash: a valid file that lists no company.
func emptySnapshot(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/current_tiny.json")
	if err != nil {
		t.Fatal(err)
	}
	var env map[string]json.RawMessage
	if err := json.Unmarshal(b, &env); err != nil {
		t.Fatal(err)
	}
	var body map[string]json.RawMessage
	if err := json.Unmarshal(env["body"], &body); err != nil {
		t.Fatal(err)
	}
	empty := func(v json.RawMessage) json.RawMessage {
		if strings.HasPrefix(strings.TrimSpace(string(v)), "[") {
			return json.RawMessage("[]")
		}
		return v
	}
	for k, v := range body {
		body[k] = empty(v)
	}
	var cols map[string]json.RawMessage
	if err := json.Unmarshal(body["cols"], &cols); err != nil {
		t.Fatal(err)
	}
	for k, v := range cols {
		cols[k] = empty(v)
	}
	body["cols"], _ = json.Marshal(cols)
	body["n"] = json.RawMessage("0")
	raw, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(map[string]any{"schema": json.RawMessage(env["schema"]), "hash": schema.Hash(raw), "body": json.RawMessage(raw)})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestDecodeSnapshotNoCompanies: a valid snapshot with no company is not
// "damaged": the panel says there are no companies in it.
func TestDecodeSnapshotNoCompanies(t *testing.T) {
	_, err := decodeSnapshot("current.json", emptySnapshot(t))
	le, ok := err.(*loadError)
	if !ok || le.Kind != loadNoRows {
		t.Fatalf("want a %s error, got %v", loadNoRows, err)
	}
	for _, l := range []lang{langEN, langJA} {
		p := &errorPanel{Lang: l, Kind: le.Kind, Detail: le.Detail}
		msg := p.message()
		if msg == l.t("error.corrupt") || msg == "" || strings.HasPrefix(msg, "error.") {
			t.Errorf("%v: the panel says %q for a snapshot with no companies", l, msg)
		}
	}
	if !strings.Contains(langEN.t("error.nocompanies"), "no companies") {
		t.Errorf("English message %q", langEN.t("error.nocompanies"))
	}
}
