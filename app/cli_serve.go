//go:build !wasm

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

func init() {
	register("serve", "serve a built static site on localhost: -dir dist -addr localhost:8080 -base /", runServe)
}

func runServe(args []string, stdout io.Writer) error {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	dir := fl.String("dir", "dist", "static site folder written by `app dist`")
	addr := fl.String("addr", "localhost:8080", "listen address")
	base := fl.String("base", "/", "sub-path the site was generated for")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(*dir, "index.html")); err != nil {
		return fmt.Errorf("%s has no index.html (run `make dist` first): %w", *dir, err)
	}
	h, err := staticSiteHandler(*dir, *base)
	if err != nil {
		return err
	}
	// Bind first: a busy port is an error here, not after "serving …".
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := newStaticServer(h)
	prefix := newSubPathResolver(*base).Resolve("/")
	fmt.Fprintf(stdout, "serving %s on http://%s%s\n", *dir, ln.Addr(), prefix)
	err = srv.Serve(ln)
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

// newStaticServer bounds how long a client may take: a slow or stalled
// client cannot hold a connection (and a goroutine) forever. The write
// timeout leaves room for app.wasm over a slow link.
func newStaticServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      5 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
}

// staticMIME is the Content-Type of every kind of file `dist` writes, set
// explicitly rather than taken from the machine's mime.types (which may
// lack .wasm or .webmanifest, and a wrong wasm type disables streaming
// compilation).
var staticMIME = map[string]string{
	".html":        "text/html; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".json":        "application/json",
	".webmanifest": "application/manifest+json",
	".wasm":        "application/wasm",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".ico":         "image/x-icon",
	".txt":         "text/plain; charset=utf-8",
}

// cacheControl is the Cache-Control of a site file. No file name of this
// site carries a content hash (app.wasm, the snapshots and app.js keep
// their names across builds; the version lives in app-worker.js), and the
// service worker's cache.addAll goes through the HTTP cache: a max-age on
// any of them would let a new worker install the previous build's files.
// So every page, script, style, wasm and snapshot is "no-cache" (the
// browser keeps it but revalidates, a 304 when unchanged), and only the
// icons, which never change between builds in practice, may be reused for
// an hour without asking.
func cacheControl(name string) string {
	switch path.Ext(name) {
	case ".png", ".ico":
		return "public, max-age=3600"
	case ".svg":
		if strings.HasPrefix(path.Base(name), "icon") {
			return "public, max-age=3600"
		}
	}
	return "no-cache"
}

// staticSiteHandler serves dir under the sub-path base, the way a static
// host (GitHub Pages) does: "/screener" redirects to "/screener/", the
// folder index is index.html, and nothing else is rewritten. Unlike
// http.FileServer it never lists a folder, never follows a symlink out of
// dir, sets the Content-Type of every file `dist` writes, and sends the
// precompressed .br or .gz variant the client accepts.
func staticSiteHandler(dir, base string) (http.Handler, error) {
	root, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if root, err = filepath.EvalSymlinks(root); err != nil {
		return nil, err
	}
	prefix := strings.TrimSuffix(newSubPathResolver(base).Resolve("/"), "/")
	files := &staticFiles{root: root}
	mux := http.NewServeMux()
	if prefix == "" {
		mux.Handle("/", files)
		return mux, nil
	}
	mux.Handle(prefix+"/", http.StripPrefix(prefix, files))
	mux.Handle("/", http.RedirectHandler(prefix+"/", http.StatusFound))
	return mux, nil
}

type staticFiles struct{ root string }

func (s *staticFiles) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name := path.Clean("/" + r.URL.Path)
	if strings.HasSuffix(r.URL.Path, "/") {
		name = path.Join(name, "index.html")
	}
	for _, part := range strings.Split(name, "/") {
		if strings.HasPrefix(part, ".") {
			http.NotFound(w, r) // .nojekyll and other hidden files
			return
		}
	}
	full, ok := s.resolve(name)
	if !ok {
		http.NotFound(w, r)
		return
	}
	fi, err := os.Stat(full)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	if !fi.Mode().IsRegular() {
		// A folder is served only as "folder/" through its index.html,
		// never listed.
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	ctype, ok := staticMIME[path.Ext(name)]
	if !ok {
		ctype = "application/octet-stream"
	}
	h.Set("Content-Type", ctype)
	h.Set("Cache-Control", cacheControl(name))
	h.Set("X-Content-Type-Options", "nosniff")

	send, sendInfo, enc := full, fi, ""
	if compressible(name) {
		h.Add("Vary", "Accept-Encoding")
		for _, e := range acceptedEncodings(r.Header.Get("Accept-Encoding")) {
			p, ok := s.resolve(name + encodingSuffix[e])
			if !ok {
				continue
			}
			if vi, err := os.Stat(p); err == nil && vi.Mode().IsRegular() {
				send, sendInfo, enc = p, vi, e
				break
			}
		}
	}
	f, err := os.Open(send)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	if enc != "" {
		h.Set("Content-Encoding", enc)
	}
	// One validator per representation, so a cached gzip body is never
	// revalidated as the Brotli one.
	h.Set("ETag", `"`+strconv.FormatInt(sendInfo.ModTime().UnixNano(), 36)+"-"+strconv.FormatInt(sendInfo.Size(), 36)+encodingTag(enc)+`"`)
	http.ServeContent(w, r, name, sendInfo.ModTime(), f)
}

// resolve maps a cleaned URL path to a file under root, following
// symlinks and refusing any that lead outside root.
func (s *staticFiles) resolve(name string) (string, bool) {
	p := filepath.Join(s.root, filepath.FromSlash(name))
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		return "", false
	}
	rel, err := filepath.Rel(s.root, real)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", false
	}
	return real, true
}

var encodingSuffix = map[string]string{"br": ".br", "gzip": ".gz"}

func encodingTag(enc string) string {
	if enc == "" {
		return ""
	}
	return "-" + enc
}

// compressible reports whether dist writes .br and .gz variants of name.
func compressible(name string) bool {
	switch path.Ext(name) {
	case ".html", ".js", ".css", ".json", ".webmanifest", ".wasm", ".svg", ".txt":
		return true
	}
	return false
}

// acceptedEncodings returns the precompressed encodings the client takes,
// best first: br, then gzip. A q=0 refuses an encoding, "*" stands for the
// ones not named.
func acceptedEncodings(header string) []string {
	q := map[string]float64{}
	star := -1.0
	for _, part := range strings.Split(header, ",") {
		fields := strings.Split(part, ";")
		coding := strings.ToLower(strings.TrimSpace(fields[0]))
		if coding == "" {
			continue
		}
		weight := 1.0
		for _, p := range fields[1:] {
			p = strings.TrimSpace(p)
			if v, ok := strings.CutPrefix(p, "q="); ok {
				f, err := strconv.ParseFloat(v, 64)
				if err != nil {
					f = 0
				}
				weight = f
			}
		}
		if coding == "x-gzip" {
			coding = "gzip"
		}
		if coding == "*" {
			star = weight
			continue
		}
		q[coding] = weight
	}
	var out []string
	for _, e := range []string{"br", "gzip"} {
		w, named := q[e]
		if !named {
			w = star
		}
		if w > 0 {
			out = append(out, e)
		}
	}
	return out
}
