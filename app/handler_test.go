//go:build !wasm

package main

import (
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"screener/data/schema"
	"screener/engine"
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
	writeFakeIndex(t, filepath.Join(web, "data"), snap)
	return web
}

// writeFakeIndex writes the manifest of a data folder holding only the
// current snapshot snap.
func writeFakeIndex(t *testing.T, dir string, snap []byte) {
	t.Helper()
	s, err := engine.Decode(snap)
	must(t, err)
	body := `{"kind":"index","files":[{"name":"current.json","kind":"current","asof":"` + s.AsOf +
		`","bytes":` + strconv.Itoa(len(snap)) + `,"hash":"` + s.Hash + `"}]}`
	must(t, os.WriteFile(filepath.Join(dir, schema.IndexFile), schema.Envelope([]byte(body)), 0o644))
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
	for _, want := range []string{`"/screener/"`, `"/screener/web/data/current.json"`, `"/screener/web/data/index.json"`, `"/screener/web/app.wasm"`, `"/screener/web/icon-192.png"`} {
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

// The worker's version follows every file of web/: the same inputs give
// the same worker (returning visitors download nothing again), a changed
// data file or stylesheet gives a new one (they get the new files).
func TestSiteVersionFollowsEveryFile(t *testing.T) {
	web := fakeWeb(t, []byte("\x00asm fake"))
	v1, err := siteVersion(web, "/")
	must(t, err)
	again, err := siteVersion(web, "/")
	must(t, err)
	if again != v1 {
		t.Fatalf("same files, versions %s and %s", v1, again)
	}
	seen := map[string]string{v1: "original"}
	change := func(what, rel string, b []byte) {
		must(t, os.WriteFile(filepath.Join(web, rel), b, 0o644))
		v, err := siteVersion(web, "/")
		must(t, err)
		if prev, dup := seen[v]; dup {
			t.Errorf("%s: version %s unchanged (same as %s)", what, v, prev)
		}
		seen[v] = what
	}
	change("stylesheet", "app.css", []byte("body{color:red}"))
	change("history file added", "data/history-2020.json", []byte("{}"))
	change("history file changed", "data/history-2020.json", []byte("{ }"))
	if v, _ := siteVersion(web, "/screener"); seen[v] != "" {
		t.Error("base path not in the version")
	}
}

// dist refuses a data folder its manifest does not describe.
func TestDistChecksTheManifest(t *testing.T) {
	registerRoutes()
	web := fakeWeb(t, []byte("\x00asm fake"))
	out := filepath.Join(t.TempDir(), "dist")
	snap, err := os.ReadFile(filepath.Join(web, "data", "current.json"))
	must(t, err)
	// Another build's current.json: same schema, another body.
	other := schema.Envelope([]byte(strings.Replace(string(snap[strings.Index(string(snap), `"body":`)+7:len(snap)-1]), `"asof":"`, `"asof":"1`, 1)))
	must(t, os.WriteFile(filepath.Join(web, "data", "current.json"), other, 0o644))
	if err := buildDist(web, out, "/", io.Discard); err == nil || !strings.Contains(err.Error(), "mixes two builds") {
		t.Errorf("mixed builds: %v", err)
	}
	must(t, os.Remove(filepath.Join(web, "data", schema.IndexFile)))
	if err := buildDist(web, out, "/", io.Discard); err == nil || !strings.Contains(err.Error(), "no index.json") {
		t.Errorf("no manifest: %v", err)
	}
}
