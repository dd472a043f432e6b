//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"screener/data/schema"
	"screener/engine"
	"sort"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func init() {
	register("dist", "write the self-contained static site: -out dist -base / (or /screener) -web web", runDist)
}

func runDist(args []string, stdout io.Writer) error {
	fl := flag.NewFlagSet("dist", flag.ContinueOnError)
	out := fl.String("out", "dist", "output folder (replaced)")
	base := fl.String("base", "/", `sub-path the site is served from, "/" or e.g. "/screener"`)
	web := fl.String("web", "web", "folder with app.wasm, app.css, icons and data/*.json")
	if err := fl.Parse(args); err != nil {
		return err
	}
	return buildDist(*web, *out, *base, stdout)
}

// buildDist generates the static site for base into out and copies the
// assets next to it. It refuses to delete a folder that does not look like
// an earlier output.
func buildDist(web, out, base string, stdout io.Writer) error {
	wasm, err := os.ReadFile(filepath.Join(web, "app.wasm"))
	if err != nil {
		return fmt.Errorf("reading app.wasm (run `make wasm` first): %w", err)
	}
	if err := resetOutDir(out); err != nil {
		return err
	}
	snapshots, err := filepath.Glob(filepath.Join(web, "data", "*.json"))
	if err != nil {
		return err
	}
	sort.Strings(snapshots)
	if len(snapshots) == 0 {
		fmt.Fprintln(stdout, "warning: no snapshot in", filepath.Join(web, "data"), "(run `make snapshot`); the page will show the missing-snapshot panel")
	}
	if err := checkManifest(filepath.Join(web, "data")); err != nil {
		return err
	}
	// The first screen needs the current snapshot and the manifest, the
	// ETF view the funds; the history snapshots are cached when History
	// first fetches them (workerTemplate), so a first visit does not
	// download them.
	cacheable := []string{"/web/icon.svg"}
	for _, s := range snapshots {
		switch name := filepath.Base(s); name {
		case schema.CurrentFile, schema.FundsFile, schema.IndexFile:
			cacheable = append(cacheable, siteDataDir+name)
		}
	}
	version, err := siteVersion(web, base)
	if err != nil {
		return err
	}
	h := newHandler(siteConfig{
		Base:               base,
		Version:            version,
		WasmLength:         int64(len(wasm)),
		CacheableResources: cacheable,
	})
	if err := app.GenerateStaticWebsite(out, h); err != nil {
		return fmt.Errorf("generating static site: %w", err)
	}
	if err := copyTree(web, filepath.Join(out, "web")); err != nil {
		return err
	}
	if err := writeIcons(filepath.Join(out, "web")); err != nil {
		return err
	}
	if err := stripRemoteMeta(out); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, ".nojekyll"), nil, 0o644); err != nil {
		return err
	}
	remote, err := findRemoteURLs(out)
	if err != nil {
		return err
	}
	if len(remote) > 0 {
		return fmt.Errorf("remote URLs in the static site (it must work offline): %s", strings.Join(remote, "; "))
	}
	sizes, err := precompress(out)
	if err != nil {
		return err
	}
	wasmSize := sizes["web/app.wasm"]
	fmt.Fprintf(stdout, "dist: %s (base %q, version %s, app.wasm %.2f MB raw, %.2f MB gzip -9, %.2f MB Brotli 11, %d snapshots)\n",
		out, newSubPathResolver(base).Resolve("/"), h.Version, float64(len(wasm))/1e6, float64(wasmSize.gzip)/1e6, float64(wasmSize.br)/1e6, len(snapshots))
	var first, all compressedSize
	for name, sz := range sizes {
		all.add(sz)
		if firstVisitFiles[name] {
			first.add(sz)
		}
	}
	fmt.Fprintf(stdout, "first visit (page, scripts, styles, app.wasm, current.json): %d bytes raw, %d gzip, %d Brotli; with the offline cache's other files: %d raw, %d gzip, %d Brotli\n",
		first.raw, first.gzip, first.br, all.raw, all.gzip, all.br)
	return nil
}

// siteVersion is the service worker's version: a hash over the path and
// bytes of every file under web (app.wasm, styles, icons, every data file,
// also those cached only when first used) and the base path. Any change
// there is a new worker, which is how returning visitors get new data; an
// identical rebuild keeps the version, so they download nothing again.
func siteVersion(web, base string) (string, error) {
	h := sha256.New()
	io.WriteString(h, "base "+base+"\n")
	err := filepath.WalkDir(web, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !d.Type().IsRegular() {
			return err
		}
		rel, err := filepath.Rel(web, path)
		if err != nil {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s %d\n", filepath.ToSlash(rel), len(b))
		h.Write(b)
		return nil
	})
	if err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)[:8]), nil
}

// checkManifest refuses a data folder whose manifest (index.json) does not
// describe it: a listed file missing or of another size or hash (a partial
// copy, two builds mixed). The page would otherwise find out file by file.
// A folder without any snapshot is left to the missing-snapshot panel.
func checkManifest(dir string) error {
	b, err := os.ReadFile(filepath.Join(dir, schema.IndexFile))
	if errors.Is(err, fs.ErrNotExist) {
		if _, cerr := os.Stat(filepath.Join(dir, schema.CurrentFile)); errors.Is(cerr, fs.ErrNotExist) {
			return nil
		}
		return fmt.Errorf("%s: no %s beside the snapshots (run `make snapshot`)", dir, schema.IndexFile)
	}
	if err != nil {
		return err
	}
	m, err := engine.DecodeManifest(b)
	if err != nil {
		return fmt.Errorf("%s: %w", filepath.Join(dir, schema.IndexFile), err)
	}
	for _, f := range m.Files {
		data, err := os.ReadFile(filepath.Join(dir, f.Name))
		if err != nil {
			return fmt.Errorf("%s lists %s: %w (run `make snapshot`)", schema.IndexFile, f.Name, err)
		}
		hash, err := engine.EnvelopeHash(data)
		if err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
		if int64(len(data)) != f.Bytes || hash != f.Hash {
			return fmt.Errorf("%s: %d bytes, hash %s; %s lists %d bytes, hash %s: the folder mixes two builds (run `make snapshot`)",
				f.Name, len(data), hash, schema.IndexFile, f.Bytes, f.Hash)
		}
	}
	return nil
}

// firstVisitFiles are what the browser fetches before the page is
// interactive (index.html's stylesheets, scripts, manifest and preload,
// the wasm and the service worker); the other compressible files are
// downloaded by the service worker for offline use.
var firstVisitFiles = map[string]bool{
	"index.html": true, "app.js": true, "wasm_exec.js": true, "app.css": true,
	"web/app.css": true, "manifest.webmanifest": true, "app-worker.js": true,
	"web/app.wasm": true, "web/data/current.json": true, "web/data/index.json": true, "web/icon.svg": true,
}

type compressedSize struct{ raw, gzip, br int64 }

func (c *compressedSize) add(o compressedSize) {
	c.raw += o.raw
	c.gzip += o.gzip
	c.br += o.br
}

// precompress writes name.br (Brotli, quality 11) and name.gz (gzip -9)
// beside every text and wasm file of the site, for `app serve` (and hosts
// that serve precompressed files) to send by Accept-Encoding. It returns
// the sizes by slash path relative to out.
func precompress(out string) (map[string]compressedSize, error) {
	var names []string
	err := filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !d.Type().IsRegular() || !compressible(path) {
			return err
		}
		names = append(names, path)
		return nil
	})
	if err != nil {
		return nil, err
	}
	// app.wasm first: Brotli 11 on it takes most of the time.
	sort.Slice(names, func(i, j int) bool {
		si, sj := strings.HasSuffix(names[i], ".wasm"), strings.HasSuffix(names[j], ".wasm")
		if si != sj {
			return si
		}
		return names[i] < names[j]
	})
	sizes := make(map[string]compressedSize, len(names))
	var mu sync.Mutex
	var firstErr error
	work := make(chan string)
	var wg sync.WaitGroup
	for range max(1, runtime.NumCPU()) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for path := range work {
				sz, err := compressFile(path)
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = err
				}
				if rel, rerr := filepath.Rel(out, path); rerr == nil {
					sizes[filepath.ToSlash(rel)] = sz
				}
				mu.Unlock()
			}
		}()
	}
	for _, n := range names {
		work <- n
	}
	close(work)
	wg.Wait()
	return sizes, firstErr
}

func compressFile(path string) (compressedSize, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return compressedSize{}, err
	}
	gz, err := gzipBytes(b)
	if err != nil {
		return compressedSize{}, err
	}
	br, err := brotliBytes(b)
	if err != nil {
		return compressedSize{}, err
	}
	if err := os.WriteFile(path+".gz", gz, 0o644); err != nil {
		return compressedSize{}, err
	}
	if err := os.WriteFile(path+".br", br, 0o644); err != nil {
		return compressedSize{}, err
	}
	return compressedSize{raw: int64(len(b)), gzip: int64(len(gz)), br: int64(len(br))}, nil
}

func brotliBytes(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	w := brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: brotli.BestCompression, LGWin: 24})
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// resetOutDir empties out, but only when it is missing, empty or an earlier
// output (it holds app-worker.js): a typo must not delete a source folder.
func resetOutDir(out string) error {
	entries, err := os.ReadDir(out)
	if errors.Is(err, fs.ErrNotExist) {
		return os.MkdirAll(out, 0o755)
	}
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		if _, err := os.Stat(filepath.Join(out, "app-worker.js")); err != nil {
			return fmt.Errorf("refusing to replace %s: it is not empty and not an earlier dist output", out)
		}
	}
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	return os.MkdirAll(out, 0o755)
}

// copyTree copies regular files from src into dst, skipping hidden files and
// compressed side files (dist writes its own).
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		if rel != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() || strings.HasSuffix(path, ".gz") || strings.HasSuffix(path, ".br") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}

// remoteMeta matches the Open Graph tags go-app always writes with an
// absolute "https://<domain>" URL; a static, offline site has no domain.
var remoteMeta = regexp.MustCompile(`(?m)^[ \t]*<meta [^>]*"https?://[^"]*"[^>]*>\n?`)

// wasmExecIssueURL is the only URL in Go's wasm_exec.js, inside a comment.
const wasmExecIssueURL = "https://github.com/golang/go/issues/28975"

// stripRemoteMeta removes the remote Open Graph tags from the pages and the
// issue link from the wasm_exec.js comment, so the site holds no remote
// URL at all and the check below stays strict.
func stripRemoteMeta(out string) error {
	js := filepath.Join(out, "wasm_exec.js")
	b, err := os.ReadFile(js)
	if err != nil {
		return err
	}
	b = bytes.ReplaceAll(b, []byte(wasmExecIssueURL), []byte("golang/go#28975"))
	if err := os.WriteFile(js, b, 0o644); err != nil {
		return err
	}
	pages, err := filepath.Glob(filepath.Join(out, "*.html"))
	if err != nil {
		return err
	}
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.WriteFile(p, remoteMeta.ReplaceAll(b, nil), 0o644); err != nil {
			return err
		}
	}
	return nil
}

var remoteURL = regexp.MustCompile(`https?://[^\s"'<>)]*`)

// findRemoteURLs lists "file: url" for every http(s) URL in a text file of
// the site. The wasm binary is skipped: its strings are library constants
// (e.g. go-app's unused default icon), never fetched by this site.
func findRemoteURLs(out string) ([]string, error) {
	var found []string
	err := filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch filepath.Ext(path) {
		case ".wasm", ".png", ".br", ".gz":
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range remoteURL.FindAll(b, -1) {
			// XML namespace names (xmlns of inline SVG) are identifiers, never fetched.
			if bytes.HasPrefix(m, []byte("http://www.w3.org/")) {
				continue
			}
			found = append(found, path+": "+string(m))
		}
		return nil
	})
	return found, err
}

func gzipBytes(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
