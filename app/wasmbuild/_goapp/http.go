//go:build js && wasm

// This file is ours, not go-app's. The wasm build compiles it in place of
// go-app's pkg/app/http.go and leaves out pkg/app/resource.go (see
// ../overlay.sh). Those two files are go-app's server side: the HTTP
// handler and the resource resolvers. They import net/http, whose package
// initialisers alone keep crypto/tls, crypto/x509, crypto/hpke, the FIPS
// elliptic curves, mime, log and net in app.wasm (~1.45 MB raw, ~0.45 MB
// gzip) although the browser runs none of it.
//
// All that go-app's other files need from those two in the js/wasm build:
//   - Handler, named by GenerateStaticWebsite in go-app's wasm.go (which
//     only panics in the browser): an empty struct is enough;
//   - clientResourceResolver, used by RunWhenOnBrowser for
//     Context.ResolveStaticResource.
//
// (The directory name starts with "_" so that ./... patterns skip it: these
// files only compile as part of go-app's package, through the overlay.)

package app

import "strings"

// Handler is go-app's HTTP handler type. Nothing uses it in the browser.
type Handler struct{}

// clientResourceResolver returns the function that maps a static resource
// path to its URL: a path naming web/ or something below it (with or
// without a leading slash) moves under staticURL, minus its leading "web/";
// http(s) URLs and other paths stay as they are.
func clientResourceResolver(staticURL string) func(string) string {
	return func(p string) string {
		if strings.HasPrefix(p, "https://") || strings.HasPrefix(p, "http://") || !isWebPath(p) {
			return p
		}
		return staticURL + "/" + strings.TrimPrefix(strings.Trim(p, "/"), "web/")
	}
}

// isWebPath reports whether p is "web" or "/web", or starts with "web/" or
// "/web/".
func isWebPath(p string) bool {
	p = strings.TrimPrefix(p, "/")
	return p == "web" || strings.HasPrefix(p, "web/")
}
