package main

import (
	"math"
	"testing"

	"screener/engine"
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

func TestFormatCount(t *testing.T) {
	for in, want := range map[int]string{0: "0", 999: "999", 1980: "1,980", 1234567: "1,234,567", -4500: "-4,500"} {
		if got := formatCount(in); got != want {
			t.Errorf("formatCount(%d) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[float64]string{0: "0", 999.4: "999", 54231.49: "54,231", 1234567.5: "1,234,568", -1200: "−1,200", math.NaN(): "—"} {
		if got := formatThousands(in); got != want {
			t.Errorf("formatThousands(%v) = %q, want %q", in, got, want)
		}
	}
}

func TestFormatNumbers(t *testing.T) {
	inf, nan := math.Inf(1), math.NaN()
	for _, c := range []struct{ got, want string }{
		{formatNum(-3.14159, 2, "", false), "-3.14"},
		{formatNum(-3.14159, 2, "", true), "−3.14"},
		{formatNum(12.34, 1, "%", true), "12.3%"},
		{formatNum(inf, 1, "%", true), "—"},
		{formatFixed(99.95, 1), "100.0"},
		{formatFixed(nan, 0), "—"},
		{formatRatio(-0.5), "-0.50"},
		{formatSigned(-0.456, 2, ""), "−0.46"},
		{formatSigned(0.5, 2, ""), "+0.50"},
		{formatSigned(0, 2, ""), "+0.00"},
		{formatSigned(nan, 2, ""), "—"},
		{formatSignedPct(0.0784), "+7.8%"},
		{formatSignedPct(-0.363), "−36.3%"},
		{formatSignedPct(-0.0004), "0.0%"},
		{formatSignedPct(nan), "—"},
		{formatPctTick(-0.4), "−40%"},
		{formatPrice(12.5), "$12.50"},
		{formatPrice(nan), "—"},
		{formatMetric(engine.OperatingMargin, 0.1234), "12.3%"},
		{formatMetric(engine.NetDebtToEBITDA, 3.44), "3.4×"},
		{formatMetric(engine.NetDebtToEBITDA, inf), "—"},
		{formatMetric(engine.BookToPrice, 0.456), "0.46"},
		{rawNum(0.1), "0.1"},
		{rawNum(1e-7), "1e-07"},
		{rawNum(nan), ""},
		{plainNum(1e-7, 'f', -1), "0.0000001"},
		{plainNum(-inf, 'f', 2), ""},
		{orMissing(""), "—"},
		{orMissing("x"), "x"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
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
