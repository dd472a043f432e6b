//go:build js && wasm

// Added to go-app's package by the overlay; run with
//   GOOS=js GOARCH=wasm go test -overlay=build/wasm-overlay/overlay.json \
//     github.com/maxence-charriere/go-app/v10/pkg/app
// (make test-wasm does). The expectations are
// go-app v10.1.11's behaviour for the same calls.

package app

import "testing"

func TestOverlayClientResourceResolver(t *testing.T) {
	for _, c := range []struct{ base, in, want string }{
		{"", "/web/data/snapshot.json", "/data/snapshot.json"},
		{"/screener/web", "/web/data/history-2024.json", "/screener/web/data/history-2024.json"},
		{"/screener/web", "web/app.css", "/screener/web/app.css"},
		{"/s", "/web/a/", "/s/a"},
		{"/s", "/web", "/s/web"},
		{"/s", "web/", "/s/web"},
		{"/s", "/web//a", "/s//a"},
		{"/s", "//web/a", "//web/a"},
		{"/s", "/webx/a", "/webx/a"},
		{"/s", "/app.css", "/app.css"},
		{"/s", "", ""},
		{"/s", "/", "/"},
		{"/s", "https://cdn.example/web/a", "https://cdn.example/web/a"},
		{"/s", "http://x/web/a", "http://x/web/a"},
	} {
		if got := clientResourceResolver(c.base)(c.in); got != c.want {
			t.Errorf("clientResourceResolver(%q)(%q) = %q, want %q", c.base, c.in, got, c.want)
		}
	}
}

type overlayTestCompo struct {
	Compo
	name string
}

func TestOverlayRouter(t *testing.T) {
	r := makeRouter()
	made := func(path string) string {
		c, ok := r.createComponent(path)
		if !ok {
			return ""
		}
		return c.(*overlayTestCompo).name
	}
	if made("/") != "" {
		t.Fatal("an empty router routed /")
	}
	r.route("/", func() Composer { return &overlayTestCompo{name: "root"} })
	if made("/x") != "" {
		t.Fatal("an exact route matched another path")
	}
	r.routeWithRegexp("^/.*", func() Composer { return &overlayTestCompo{name: "any"} })
	r.routeWithRegexp("^/.*", func() Composer { return &overlayTestCompo{name: "second"} })
	for path, want := range map[string]string{"/": "root", "/x": "any", "/screener": "any", "/a/b?c": "any", "": ""} {
		if got := made(path); got != want {
			t.Errorf("path %q: got %q, want %q", path, got, want)
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("an unsupported pattern did not panic")
		}
	}()
	r.routeWithRegexp("^/etf/.*", func() Composer { return nil })
}
