//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// TestDistPrecompressed: every text and wasm file of a generated site has
// a .br and a .gz beside it that decode to the same bytes, and `app serve`
// over that site sends them by Accept-Encoding with the right types.
func TestDistPrecompressed(t *testing.T) {
	registerRoutes()
	web := fakeWeb(t, bytes.Repeat([]byte("\x00asm fake "), 1000))
	must(t, os.WriteFile(filepath.Join(web, "app.wasm.gz"), []byte("stale"), 0o644))
	out := filepath.Join(t.TempDir(), "dist")
	var log bytes.Buffer
	must(t, buildDist(web, out, "/", &log))
	if !strings.Contains(log.String(), "Brotli") {
		t.Errorf("dist did not report the compressed sizes: %s", log.String())
	}

	checked := 0
	must(t, filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		ext := filepath.Ext(path)
		if ext == ".br" || ext == ".gz" {
			if _, err := os.Stat(strings.TrimSuffix(path, ext)); err != nil {
				t.Errorf("%s has no original", path)
			}
			return nil
		}
		raw, err := os.ReadFile(path)
		must(t, err)
		if !compressible(path) {
			for _, s := range []string{".br", ".gz"} {
				if _, err := os.Stat(path + s); err == nil {
					t.Errorf("%s%s written for a binary image", path, s)
				}
			}
			return nil
		}
		checked++
		brf, err := os.Open(path + ".br")
		if err != nil {
			t.Errorf("no %s.br", path)
			return nil
		}
		defer brf.Close()
		got, err := io.ReadAll(brotli.NewReader(brf))
		if err != nil || !bytes.Equal(got, raw) {
			t.Errorf("%s.br does not decode to %s (%v)", path, path, err)
		}
		gzf, err := os.Open(path + ".gz")
		if err != nil {
			t.Errorf("no %s.gz", path)
			return nil
		}
		defer gzf.Close()
		zr, err := gzip.NewReader(gzf)
		must(t, err)
		got, err = io.ReadAll(zr)
		if err != nil || !bytes.Equal(got, raw) {
			t.Errorf("%s.gz does not decode to %s (%v)", path, path, err)
		}
		return nil
	}))
	for _, f := range []string{"index.html", "app.js", "app-worker.js", "wasm_exec.js", "app.css", "manifest.webmanifest", "web/app.wasm", "web/app.css", "web/icon.svg", "web/data/current.json"} {
		if _, err := os.Stat(filepath.Join(out, f+".br")); err != nil {
			t.Errorf("no %s.br", f)
		}
	}
	if checked < 10 {
		t.Errorf("only %d compressible files", checked)
	}

	h, err := staticSiteHandler(out, "/")
	must(t, err)
	for path, want := range map[string]string{
		"/":                      "text/html; charset=utf-8",
		"/manifest.webmanifest":  "application/manifest+json",
		"/web/app.wasm":          "application/wasm",
		"/web/data/current.json": "application/json",
		"/app.js":                "text/javascript; charset=utf-8",
	} {
		for accept, enc := range map[string]string{"br, gzip": "br", "gzip": "gzip", "": ""} {
			rec := get(t, h, path, map[string]string{"Accept-Encoding": accept})
			if rec.Code != 200 || rec.Header().Get("Content-Encoding") != enc || rec.Header().Get("Content-Type") != want {
				t.Errorf("%s with %q: %d, encoding %q, type %q; want %q, %q", path, accept, rec.Code, rec.Header().Get("Content-Encoding"), rec.Header().Get("Content-Type"), enc, want)
			}
		}
	}
}
