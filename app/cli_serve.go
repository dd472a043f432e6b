//go:build !wasm

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
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
	h := staticSiteHandler(*dir, *base)
	prefix := newSubPathResolver(*base).Resolve("/")
	fmt.Fprintf(stdout, "serving %s on http://%s%s\n", *dir, *addr, prefix)
	err := http.ListenAndServe(*addr, h)
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

// staticSiteHandler serves dir under the sub-path base, the way a static
// host (GitHub Pages) does: "/screener" redirects to "/screener/", the
// folder index is index.html, and nothing else is rewritten.
func staticSiteHandler(dir, base string) http.Handler {
	prefix := strings.TrimSuffix(newSubPathResolver(base).Resolve("/"), "/")
	files := http.FileServer(http.Dir(dir))
	mux := http.NewServeMux()
	if prefix == "" {
		mux.Handle("/", files)
		return mux
	}
	mux.Handle(prefix+"/", http.StripPrefix(prefix, files))
	mux.Handle("/", http.RedirectHandler(prefix+"/", http.StatusFound))
	return mux
}
