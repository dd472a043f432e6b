package main

import (
	"strings"
	"testing"

	"screener/engine"
)

func TestSavedScreensRoundTrip(t *testing.T) {
	st := DefaultState().WithPreset("janus4")
	st.Values[engine.FieldPE] = engine.Bound{Max: 15, HasMax: true}
	st.Sectors = sectorSlugBit("tech")
	st.Selected, st.Page, st.Lang, st.View = "AAPL", 3, "ja", ViewETFs
	q := screenQuery(st)
	for _, gone := range []string{"sel=", "pg=", "lang=", "view="} {
		if strings.Contains(q, gone) {
			t.Errorf("saved query %q keeps %s", q, gone)
		}
	}
	back := ParseState(q)
	if back.Values != st.Values || back.Sectors != st.Sectors || back.Preset != "janus4" {
		t.Fatalf("saved query %q lost settings: %+v", q, back)
	}
	list, ok := withSaved(nil, "  Cheap\ttech \n", q)
	if !ok || list[0].Name != "Cheap tech" {
		t.Fatalf("withSaved: %v %+v", ok, list)
	}
	list, _ = withSaved(list, "Momentum", screenQuery(DefaultState()))
	list, _ = withSaved(list, "cheap TECH", q) // same name: replaced in place
	if len(list) != 2 || list[0].Name != "cheap TECH" {
		t.Fatalf("replace by name: %+v", list)
	}
	dec := decodeSaved(encodeSaved(list))
	if len(dec) != 2 || dec[0] != list[0] || dec[1] != list[1] {
		t.Fatalf("decode(encode) = %+v, want %+v", dec, list)
	}
	if got := withoutSaved(dec, 0); len(got) != 1 || got[0].Name != "Momentum" || len(dec) != 2 {
		t.Fatalf("withoutSaved: %+v (original %d)", got, len(dec))
	}
	if _, ok := withSaved(list, " \t ", q); ok {
		t.Error("an empty name was saved")
	}
}

// TestSavedScreensDamagedStore: another version or damaged lines never
// break the page; the good lines survive, and their queries are
// normalised as any URL is.
func TestSavedScreensDamagedStore(t *testing.T) {
	if decodeSaved("v0\na\tp=janus4") != nil || decodeSaved("") != nil {
		t.Error("a store of another version was read")
	}
	got := decodeSaved("v1\nno tab here\n\tp=janus4\nGood\tp=janus4&fv=pe~x~&w=junk\n")
	if len(got) != 1 || got[0].Name != "Good" || got[0].Query != "p=janus4" {
		t.Fatalf("damaged store read as %+v", got)
	}
	var full []savedScreen
	for i := range maxSavedScreens + 5 {
		full, _ = withSaved(full, "s"+itoa(i), "")
	}
	if len(full) != maxSavedScreens {
		t.Errorf("list grew to %d, cap %d", len(full), maxSavedScreens)
	}
}
