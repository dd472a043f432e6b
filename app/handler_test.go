//go:build !wasm

package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSubPathResolver(t *testing.T) {
	cases := []struct{ base, in, want string }{
		{"/", "/", "/"},
		{"/", "/web/app.wasm", "/web/app.wasm"},
		{"/screener", "/", "/screener/"},
		{"screener/", "/web/data/current.json", "/screener/web/data/current.json"},
		{"/screener", "/app.js", "/screener/app.js"},
		{"/screener", "https://example.org/x", "https://example.org/x"},
	}
	for _, c := range cases {
		if got := newSubPathResolver(c.base).Resolve(c.in); got != c.want {
			t.Errorf("base %q Resolve(%q) = %q, want %q", c.base, c.in, got, c.want)
		}
	}
}

// TestBuildDist generates a site for /screener from a fake web folder and
// checks what a static host and the offline cache depend on.
func TestBuildDist(t *testing.T) {
	registerRoutes()
	web := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(web, "data"), 0o755))
	must(os.WriteFile(filepath.Join(web, "app.wasm"), []byte("\x00asm fake"), 0o644))
	must(os.WriteFile(filepath.Join(web, "app.css"), []byte("body{}"), 0o644))
	must(os.WriteFile(filepath.Join(web, "icon.svg"), []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`), 0o644))
	snap, err := os.ReadFile("testdata/current_tiny.json")
	must(err)
	must(os.WriteFile(filepath.Join(web, "data", "current.json"), snap, 0o644))

	out := filepath.Join(t.TempDir(), "dist")
	must(buildDist(web, out, "/screener", io.Discard))

	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(out, name))
		must(err)
		return string(b)
	}
	worker := read("app-worker.js")
	for _, want := range []string{`"/screener/"`, `"/screener/web/data/current.json"`, `"/screener/web/app.wasm"`, `"/screener/web/icon-192.png"`} {
		if !strings.Contains(worker, want) {
			t.Errorf("app-worker.js does not cache %s", want)
		}
	}
	index := read("index.html")
	for _, want := range []string{`src="/screener/app.js"`, `rel="preload" href="/screener/web/data/current.json"`, "localStorage"} {
		if !strings.Contains(index, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
	if !strings.Contains(read("app.js"), `"GOAPP_VERSION":"`) || strings.Contains(read("app.js"), "{{") {
		t.Error("app.js not filled in")
	}
	for _, f := range []string{"web/app.wasm", "web/app.css", "web/icon-192.png", "web/icon-512.png", "web/data/current.json", ".nojekyll"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("missing %s", f)
		}
	}
	remote, err := findRemoteURLs(out)
	must(err)
	if len(remote) > 0 {
		t.Errorf("remote URLs: %v", remote)
	}
	// A second build replaces the first; a foreign folder is refused.
	must(buildDist(web, out, "/", io.Discard))
	if err := buildDist(web, web, "/", io.Discard); err == nil {
		t.Error("buildDist replaced a folder that is not a dist output")
	}
}
