package main

import (
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// cssColours reads the custom properties (--name: #rrggbb) of the first
// :root block of css after marker.
func cssColours(t *testing.T, css, marker string) map[string]string {
	t.Helper()
	i := strings.Index(css, marker)
	if i < 0 {
		t.Fatalf("no %q in app.css", marker)
	}
	block := css[i:]
	j := strings.Index(block, ":root")
	k := strings.Index(block[j:], "}")
	block = block[j : j+k]
	out := map[string]string{}
	for _, m := range regexp.MustCompile(`--([a-z0-9-]+):\s*(#[0-9a-fA-F]{6})\b`).FindAllStringSubmatch(block, -1) {
		out[m[1]] = m[2]
	}
	return out
}

// relLuminance is the WCAG 2.x relative luminance of "#rrggbb".
func relLuminance(hex string) float64 {
	ch := func(s string) float64 {
		v, _ := strconv.ParseUint(s, 16, 8)
		c := float64(v) / 255
		if c <= 0.04045 {
			return c / 12.92
		}
		return math.Pow((c+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(hex[1:3]) + 0.7152*ch(hex[3:5]) + 0.0722*ch(hex[5:7])
}

// contrastRatio is the WCAG contrast ratio (L1 + 0.05) / (L2 + 0.05).
func contrastRatio(a, b string) float64 {
	la, lb := relLuminance(a), relLuminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// TestColourContrast: every text colour of web/app.css on every background
// it is drawn on reaches WCAG AA for normal text (4.5:1), in the light and
// the dark theme. Transparent heat shade h2 shows the row background.
func TestColourContrast(t *testing.T) {
	// The formula: #767676 on white is the well-known AA limit (4.54:1).
	if r := contrastRatio("#767676", "#ffffff"); math.Abs(r-4.54) > 0.01 {
		t.Fatalf("contrastRatio(#767676, #fff) = %.3f, want 4.54", r)
	}
	b, err := os.ReadFile("../web/app.css")
	if err != nil {
		t.Fatal(err)
	}
	css := string(b)
	light := cssColours(t, css, ":root {")
	dark := cssColours(t, css, "@media (prefers-color-scheme: dark)")
	pairs := [][2]string{
		{"fg", "bg"}, {"fg", "bg-alt"}, {"fg", "bg-raised"},
		{"fg-muted", "bg"}, {"fg-muted", "bg-alt"}, {"fg-muted", "bg-raised"},
		{"accent", "bg"}, {"accent", "bg-raised"}, {"accent-fg", "accent"},
		{"fg", "accent-soft"}, {"fg", "row-hover"}, {"fg", "row-selected"}, {"accent", "row-selected"},
		{"pos", "bg"}, {"neg", "bg"}, {"warn", "bg"}, {"neg", "bg-raised"},
		{"fg", "h0"}, {"fg", "h1"}, {"fg", "h3"}, {"fg", "h4"},
	}
	for name, theme := range map[string]map[string]string{"light": light, "dark": dark} {
		for _, p := range pairs {
			fg, bg := theme[p[0]], theme[p[1]]
			if fg == "" || bg == "" {
				t.Errorf("%s: --%s or --%s not set", name, p[0], p[1])
				continue
			}
			if r := contrastRatio(fg, bg); r < 4.5 {
				t.Errorf("%s: --%s %s on --%s %s: contrast %.2f:1, below 4.5:1", name, p[0], fg, p[1], bg, r)
			}
		}
	}
}
