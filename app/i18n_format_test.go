package main

import (
	"math"
	"testing"
)

func TestJapaneseNumberFormats(t *testing.T) {
	cases := []struct {
		millions float64
		mcap     string
		cell     string
	}{
		{1234, "12.3億ドル", "12.3"},
		{123.4, "1.23億ドル", "1.23"},
		{100, "1億ドル", "1.00"},
		{45.6, "4,560万ドル", "0.46"},
		{9.876, "988万ドル", "0.10"},
		{67100, "671億ドル", "671"},
		{math.NaN(), missingText, missingText},
	}
	for _, c := range cases {
		if got := langJA.mcap(c.millions); got != c.mcap {
			t.Errorf("ja mcap(%v) = %q, want %q", c.millions, got, c.mcap)
		}
		if got := langJA.mcapCell(c.millions); got != c.cell {
			t.Errorf("ja mcapCell(%v) = %q, want %q", c.millions, got, c.cell)
		}
	}
	if got := langEN.mcap(1234); got != "1.23 B" {
		t.Errorf("en mcap = %q", got)
	}
	if got := langJA.date("2025-11-24"); got != "2025年11月24日" {
		t.Errorf("ja date = %q", got)
	}
	if got := langJA.date("soon"); got != "soon" {
		t.Errorf("ja date of junk = %q", got)
	}
	if got := langJA.sector("Health Care"); got != "ヘルスケア" {
		t.Errorf("ja sector = %q", got)
	}
	if got := langJA.sector("Shell companies"); got != "Shell companies" {
		t.Errorf("unknown sector = %q", got)
	}
	if got := preferredLang([]string{"fr-FR", "ja-JP", "en"}); got != langJA {
		t.Errorf("preferredLang = %q", got)
	}
	if got := preferredLang([]string{"de"}); got != langEN {
		t.Errorf("preferredLang(de) = %q", got)
	}
}
