package main

import (
	"math"
	"testing"
)

func TestFormatMcap(t *testing.T) {
	cases := map[float64]string{
		1234:       "1.23 B",
		12345:      "12.3 B",
		456:        "456 M",
		12.34:      "12.3 M",
		0.5:        "0.50 M",
		math.NaN(): "—",
	}
	for in, want := range cases {
		if got := formatMcap(in); got != want {
			t.Errorf("formatMcap(%v) = %q, want %q", in, got, want)
		}
	}
}

func TestFormatCountAndDates(t *testing.T) {
	for in, want := range map[int]string{0: "0", 999: "999", 1980: "1,980", 1234567: "1,234,567", -4500: "-4,500"} {
		if got := formatCount(in); got != want {
			t.Errorf("formatCount(%d) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[int32]string{20250930: "2025-09-30", 0: "—", 20251340: "—", 123: "—"} {
		if got := formatYMD(in); got != want {
			t.Errorf("formatYMD(%d) = %q, want %q", in, got, want)
		}
	}
}

func TestFormatNumbers(t *testing.T) {
	if got := formatFraction(0.1234); got != "12.3%" {
		t.Errorf("formatFraction = %q", got)
	}
	if got := formatSigned(-0.456); got != "−0.46" {
		t.Errorf("formatSigned = %q", got)
	}
	if got := formatSigned(0.5); got != "+0.50" {
		t.Errorf("formatSigned = %q", got)
	}
	if got := formatMultiple(math.Inf(1)); got != "—" {
		t.Errorf("formatMultiple(Inf) = %q", got)
	}
}

func TestTranslationFallback(t *testing.T) {
	if got := langEN.t("col.ticker"); got != "Ticker" {
		t.Errorf("t(col.ticker) = %q", got)
	}
	if got := lang("xx").t("col.ticker"); got != "Ticker" {
		t.Errorf("unknown language should fall back to English, got %q", got)
	}
	if got := langEN.t("no.such.key"); got != "no.such.key" {
		t.Errorf("missing key should show the key, got %q", got)
	}
	if parseLang("zz") != langEN {
		t.Error("parseLang should default to English")
	}
}
