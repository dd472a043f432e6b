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

// fakeWeb writes a web folder as `dist` reads it: the given app.wasm, a
// stylesheet, the icon and the hand-made current snapshot.
func fakeWeb(t *testing.T, wasm []byte) string {
	t.Helper()
	web := t.TempDir()
	must(t, os.MkdirAll(filepath.Join(web, "data"), 0o755))
	must(t, os.WriteFile(filepath.Join(web, "app.wasm"), wasm, 0o644))
	must(t, os.WriteFile(filepath.Join(web, "app.css"), []byte("body{}"), 0o644))
	must(t, os.WriteFile(filepath.Join(web, "icon.svg"), []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`), 0o644))
	snap, err := os.ReadFile("testdata/current_tiny.json")
	must(t, err)
	must(t, os.WriteFile(filepath.Join(web, "data", "current.json"), snap, 0o644))
	return web
}

// must fails the test on an error of its set-up.
func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestBuildDist generates a site for /screener from a fake web folder and
// checks what a static host and the offline cache depend on.
func TestBuildDist(t *testing.T) {
	registerRoutes()
	web := fakeWeb(t, []byte("\x00asm fake"))

	out := filepath.Join(t.TempDir(), "dist")
	must(t, buildDist(web, out, "/screener", io.Discard))

	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(out, name))
		must(t, err)
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
	must(t, err)
	if len(remote) > 0 {
		t.Errorf("remote URLs: %v", remote)
	}
	// A second build replaces the first; a foreign folder is refused.
	must(t, buildDist(web, out, "/", io.Discard))
	if err := buildDist(web, web, "/", io.Discard); err == nil {
		t.Error("buildDist replaced a folder that is not a dist output")
	}
}
