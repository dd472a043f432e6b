//go:build !wasm

package main

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// serveFixture is a small dist folder with one file of every kind dist
// writes, a .br and .gz beside app.js, and a symlink out of the root.
func serveFixture(t *testing.T) (dir, outside string) {
	t.Helper()
	dir = t.TempDir()
	outside = t.TempDir()
	files := map[string]string{
		"index.html":            "<!doctype html><title>x</title>",
		"app.js":                "console.log(1)",
		"app.js.br":             "BR",
		"app.js.gz":             "GZ",
		"app-worker.js":         "self",
		"wasm_exec.js":          "go",
		"app.css":               "body{}",
		"manifest.webmanifest":  "{}",
		".nojekyll":             "",
		"web/app.wasm":          "\x00asm",
		"web/app.css":           "body{}",
		"web/icon.svg":          "<svg/>",
		"web/icon-192.png":      "\x89PNG",
		"web/data/current.json": `{"a":1}`,
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(outside, "secret.txt"), []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(dir, "web", "leak.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "web", "out")); err != nil {
		t.Fatal(err)
	}
	// A symlink that stays inside the root is fine.
	if err := os.Symlink(filepath.Join(dir, "app.css"), filepath.Join(dir, "web", "inside.css")); err != nil {
		t.Fatal(err)
	}
	return dir, outside
}

func get(t *testing.T, h http.Handler, target string, hdr map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestServeHardening(t *testing.T) {
	dir, _ := serveFixture(t)
	for _, base := range []string{"/", "/screener"} {
		h, err := staticSiteHandler(dir, base)
		if err != nil {
			t.Fatal(err)
		}
		p := strings.TrimSuffix(newSubPathResolver(base).Resolve("/"), "/")
		types := map[string]string{
			"/":                      "text/html; charset=utf-8",
			"/index.html":            "text/html; charset=utf-8",
			"/app.js":                "text/javascript; charset=utf-8",
			"/app-worker.js":         "text/javascript; charset=utf-8",
			"/wasm_exec.js":          "text/javascript; charset=utf-8",
			"/app.css":               "text/css; charset=utf-8",
			"/manifest.webmanifest":  "application/manifest+json",
			"/web/app.wasm":          "application/wasm",
			"/web/icon.svg":          "image/svg+xml",
			"/web/icon-192.png":      "image/png",
			"/web/data/current.json": "application/json",
			"/web/inside.css":        "text/css; charset=utf-8",
		}
		for path, want := range types {
			rec := get(t, h, p+path, nil)
			if rec.Code != http.StatusOK {
				t.Errorf("base %s: GET %s = %d, want 200", base, path, rec.Code)
				continue
			}
			if got := rec.Header().Get("Content-Type"); got != want {
				t.Errorf("base %s: GET %s Content-Type %q, want %q", base, path, got, want)
			}
			if rec.Header().Get("Cache-Control") == "" {
				t.Errorf("base %s: GET %s has no Cache-Control", base, path)
			}
		}
		for _, path := range []string{"/web/", "/web", "/web/data/", "/web/leak.txt", "/web/out/secret.txt", "/.nojekyll", "/missing.js"} {
			rec := get(t, h, p+path, nil)
			if rec.Code != http.StatusNotFound {
				t.Errorf("base %s: GET %s = %d, want 404", base, path, rec.Code)
			}
			if strings.Contains(rec.Body.String(), "secret") || strings.Contains(rec.Body.String(), "<a href") {
				t.Errorf("base %s: GET %s leaked %q", base, path, rec.Body.String())
			}
		}
		// Past the mux (which cleans paths), ".." still cannot climb out.
		raw := httptest.NewRequest(http.MethodGet, "/", nil)
		raw.URL.Path = "/../" + filepath.Base(filepath.Dir(dir)) + "/secret.txt"
		rr := httptest.NewRecorder()
		(&staticFiles{root: dir}).ServeHTTP(rr, raw)
		if rr.Code != http.StatusNotFound {
			t.Errorf("raw %s = %d, want 404", raw.URL.Path, rr.Code)
		}
		req := httptest.NewRequest(http.MethodPost, p+"/index.html", nil)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusMethodNotAllowed {
			t.Errorf("POST = %d, want 405", rec.Code)
		}
	}
	h, _ := staticSiteHandler(dir, "/screener")
	if rec := get(t, h, "/screener", nil); rec.Code/100 != 3 || rec.Header().Get("Location") != "/screener/" {
		t.Errorf("GET /screener = %d %q, want a redirect to /screener/", rec.Code, rec.Header().Get("Location"))
	}
}

func TestServeCacheControl(t *testing.T) {
	dir, _ := serveFixture(t)
	h, err := staticSiteHandler(dir, "/")
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/", "/app.js", "/app-worker.js", "/manifest.webmanifest", "/web/app.wasm", "/web/data/current.json"} {
		if got := get(t, h, path, nil).Header().Get("Cache-Control"); got != "no-cache" {
			t.Errorf("%s Cache-Control %q, want no-cache (names are not content-hashed)", path, got)
		}
	}
	if got := get(t, h, "/web/icon-192.png", nil).Header().Get("Cache-Control"); !strings.Contains(got, "max-age=") {
		t.Errorf("icon Cache-Control %q, want a max-age", got)
	}
}

func TestServeContentEncoding(t *testing.T) {
	dir, _ := serveFixture(t)
	h, err := staticSiteHandler(dir, "/")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ accept, enc, body string }{
		{"gzip, deflate, br, zstd", "br", "BR"},
		{"br;q=0.1, gzip", "br", "BR"},
		{"gzip", "gzip", "GZ"},
		{"x-gzip", "gzip", "GZ"},
		{"br;q=0, gzip", "gzip", "GZ"},
		{"*", "br", "BR"},
		{"*, br;q=0", "gzip", "GZ"},
		{"", "", "console.log(1)"},
		{"identity", "", "console.log(1)"},
		{"deflate", "", "console.log(1)"},
	}
	for _, c := range cases {
		rec := get(t, h, "/app.js", map[string]string{"Accept-Encoding": c.accept})
		if got := rec.Header().Get("Content-Encoding"); got != c.enc {
			t.Errorf("Accept-Encoding %q: Content-Encoding %q, want %q", c.accept, got, c.enc)
		}
		if rec.Body.String() != c.body {
			t.Errorf("Accept-Encoding %q: body %q, want %q", c.accept, rec.Body.String(), c.body)
		}
		if rec.Header().Get("Vary") != "Accept-Encoding" {
			t.Errorf("Accept-Encoding %q: Vary %q", c.accept, rec.Header().Get("Vary"))
		}
		if got := rec.Header().Get("Content-Type"); got != "text/javascript; charset=utf-8" {
			t.Errorf("Accept-Encoding %q: Content-Type %q", c.accept, got)
		}
	}
	// No variant on disk: identity, whatever the client accepts.
	rec := get(t, h, "/app.css", map[string]string{"Accept-Encoding": "br, gzip"})
	if rec.Header().Get("Content-Encoding") != "" || rec.Body.String() != "body{}" {
		t.Errorf("app.css without variants: encoding %q body %q", rec.Header().Get("Content-Encoding"), rec.Body.String())
	}
	// A revalidation of the Brotli body gets a 304.
	rec = get(t, h, "/app.js", map[string]string{"Accept-Encoding": "br"})
	etag := rec.Header().Get("ETag")
	rec = get(t, h, "/app.js", map[string]string{"Accept-Encoding": "br", "If-None-Match": etag})
	if rec.Code != http.StatusNotModified {
		t.Errorf("If-None-Match %s = %d, want 304", etag, rec.Code)
	}
	rec = get(t, h, "/app.js", map[string]string{"Accept-Encoding": "gzip", "If-None-Match": etag})
	if rec.Code != http.StatusOK || rec.Body.String() != "GZ" {
		t.Errorf("gzip with the Brotli ETag = %d %q, want 200 GZ", rec.Code, rec.Body.String())
	}
}

// TestServeBusyPort: a port already in use is an error, and nothing claims
// to be serving.
func TestServeBusyPort(t *testing.T) {
	dir, _ := serveFixture(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var out bytes.Buffer
	done := make(chan error, 1)
	go func() { done <- runServe([]string{"-dir", dir, "-addr", ln.Addr().String()}, &out) }()
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("serve on a busy port returned nil")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("serve on a busy port did not fail")
	}
	if strings.Contains(out.String(), "serving") {
		t.Errorf("printed %q before failing", out.String())
	}
}

func TestServeTimeouts(t *testing.T) {
	srv := newStaticServer(http.NotFoundHandler())
	if srv.ReadHeaderTimeout <= 0 || srv.ReadTimeout <= 0 || srv.WriteTimeout <= 0 || srv.IdleTimeout <= 0 {
		t.Errorf("timeouts %v %v %v %v, want all set", srv.ReadHeaderTimeout, srv.ReadTimeout, srv.WriteTimeout, srv.IdleTimeout)
	}
	// A real server over the handler serves the wasm with its type.
	dir, _ := serveFixture(t)
	h, err := staticSiteHandler(dir, "/")
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewUnstartedServer(h)
	ts.Config = newStaticServer(h)
	ts.Start()
	defer ts.Close()
	resp, err := http.Get(ts.URL + "/web/app.wasm")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.Header.Get("Content-Type") != "application/wasm" || string(b) != "\x00asm" {
		t.Errorf("app.wasm: %q %q", resp.Header.Get("Content-Type"), b)
	}
}
