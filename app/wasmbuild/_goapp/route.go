//go:build js && wasm

// This file is ours, not go-app's: the wasm build compiles it in place of
// go-app's pkg/app/route.go (see ../overlay.sh). go-app's router stores
// RouteWithRegexp routes as *regexp.Regexp, which links package regexp,
// its parser and the unicode tables into app.wasm (~0.48 MB raw, ~0.13 MB
// gzip). This router has exact-path routes and, of RouteWithRegexp, only
// the catch-all pattern "^/.*" that app/routes.go uses: go-app's engine
// routes paths that always start with "/", so it matches all of them. Any
// other pattern panics when it is registered, at start-up.

package app

import "sync"

// catchAll is the one RouteWithRegexp pattern this router understands.
const catchAll = "^/.*"

type router struct {
	mu       sync.RWMutex
	exact    map[string]func() Composer
	fallback func() Composer // from RouteWithRegexp(catchAll, ...)
}

func makeRouter() router {
	return router{exact: make(map[string]func() Composer)}
}

func (r *router) route(path string, newComponent func() Composer) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.exact[path] = newComponent
}

func (r *router) routeWithRegexp(pattern string, newComponent func() Composer) {
	if pattern != catchAll {
		panic("app.RouteWithRegexp(" + pattern + "): the wasm build's router " +
			"(app/wasmbuild/_goapp/route.go) only knows the pattern " + catchAll)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.fallback == nil { // regexp routes are tried in order: the first wins
		r.fallback = newComponent
	}
}

// createComponent makes the component routed at path: an exact route
// first, then the catch-all.
func (r *router) createComponent(path string) (Composer, bool) {
	r.mu.RLock()
	newComponent, ok := r.exact[path]
	if !ok && r.fallback != nil && len(path) > 0 && path[0] == '/' {
		newComponent, ok = r.fallback, true
	}
	r.mu.RUnlock()
	if !ok {
		return nil, false
	}
	return newComponent(), true
}
