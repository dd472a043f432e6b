//go:build e2e

package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestNoWasmParam: ?wasm=false (go-app's switch for serving the
// pre-rendered page without the app) must not leave the page on
// "Loading…" forever: the loading panel explains and links to the page
// without it, and that link starts the app.
func TestNoWasmParam(t *testing.T) {
	srv := serveSite(distDir(t), "", nil)
	t.Cleanup(srv.Close)
	ctx := newBrowser(t, 1200, 900)
	step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+"/?wasm=false&w=value-2"))
	waitJS(t, ctx, 20*time.Second, "the no-wasm explanation", `!!document.getElementById('no-wasm')`)
	text := eval[string](t, ctx, `document.getElementById('no-wasm').textContent`)
	if !strings.Contains(text, "wasm=false") {
		t.Errorf("no-wasm panel says %q", text)
	}
	if busy := eval[bool](t, ctx, `!!document.querySelector('[aria-busy="true"]')`); busy {
		t.Error("the page is still marked busy")
	}
	href := eval[string](t, ctx, `document.querySelector('#no-wasm a').getAttribute('href')`)
	if strings.Contains(href, "wasm=") || !strings.Contains(href, "w=value-2") {
		t.Errorf("link %q, want the same page without wasm=false", href)
	}
	step(t, ctx, 60*time.Second, chromedp.Click(chromedp.CSS(`#no-wasm a`)))
	waitTable(t, ctx)
}
