//go:build !wasm

package main

import (
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestStaticPageAttributes reads the index.html `dist` generates (what a
// visitor sees before the wasm starts) and checks the attributes go-app's
// pre-render used to get wrong: a decorative logo without alt, a
// selected="false" option (which selects it), and a valueless aria-busy.
func TestStaticPageAttributes(t *testing.T) {
	registerRoutes()
	web := fakeWeb(t, []byte("\x00asm fake"))
	out := filepath.Join(t.TempDir(), "dist")
	must(t, buildDist(web, out, "/", io.Discard))
	b, err := os.ReadFile(filepath.Join(out, "index.html"))
	must(t, err)
	page := string(b)
	body := page[strings.Index(page, "<body"):]

	for _, img := range regexp.MustCompile(`<img\b[^>]*>`).FindAllString(body, -1) {
		if !strings.Contains(img, " alt=") {
			t.Errorf("image without alt: %s", img)
		}
	}
	if !strings.Contains(body, `class="logo"`) || !strings.Contains(body, `aria-hidden="true"`) {
		t.Error("the logo is missing or not marked decorative")
	}
	if strings.Contains(body, `selected="false"`) {
		t.Error(`selected="false" selects the option`)
	}
	opts := regexp.MustCompile(`<option\b[^>]*>[^<]*`).FindAllString(body, -1)
	var chosen []string
	for _, o := range opts {
		if regexp.MustCompile(`\sselected[\s>=]`).MatchString(o) {
			chosen = append(chosen, o)
		}
	}
	if len(chosen) != 1 || !strings.HasSuffix(chosen[0], "English") {
		t.Errorf("selected options %q, want English only", chosen)
	}
	// Every aria-* attribute has a value: a bare one is not "true".
	for _, m := range regexp.MustCompile(`\saria-[a-z]+[^=a-z]`).FindAllString(body, -1) {
		t.Errorf("aria attribute without a value: %q", m)
	}
	if !strings.Contains(body, `aria-busy="true"`) {
		t.Error(`the loading panel is not aria-busy="true"`)
	}
	if !strings.Contains(page, noWasmScript) {
		t.Error("the ?wasm=false explanation script is missing")
	}
}
