//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestEmbedInCrossSiteIframe: a blog on another site embeds the screener
// in an iframe while the browser blocks third-party storage; reading
// localStorage then throws, and the page must still start (the in-memory
// storage fallback in the page head) and show the table.
//
// Chromium partitions third-party storage instead of blocking it, even
// with third-party cookies blocked, so the blocking of stricter browsers
// (Safari, Firefox strict mode, Brave) is reproduced by a script that runs
// before any page script in the framed document and makes the
// localStorage and sessionStorage getters throw a SecurityError, as those
// browsers do.
func TestEmbedInCrossSiteIframe(t *testing.T) {
	site := serveSite(distDir(t), "", nil)
	defer site.Close()
	// Same server, other host name: "localhost" and "127.0.0.1" are
	// different sites, so the frame is third-party.
	frameURL := strings.Replace(site.URL, "127.0.0.1", "localhost", 1) + "/"
	blog := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, `<!doctype html><title>blog</title><h1>My small-cap post</h1>
<iframe id="embed" src="%s" width="1000" height="700" style="border:1px solid #ccc"></iframe>`, frameURL)
	}))
	defer blog.Close()

	ctx := newThirdPartyBrowser(t, "")
	step(t, ctx, 60*time.Second, chromedp.Navigate(blog.URL+"/"))
	c, cancel := contextWithTimeout(ctx, 60*time.Second)
	defer cancel()
	frames, err := chromedp.Run(c, chromedp.Nodes(chromedp.CSS("#embed")))
	if err != nil || len(frames) == 0 {
		t.Fatalf("iframe not found: %v", err)
	}
	if _, err := chromedp.Run(c, chromedp.Poll[bool](`document.querySelectorAll('#rank-table tbody tr').length > 0 || !!document.getElementById('load-error')`,
		chromedp.WithPollingInFrame(frames[0]), chromedp.WithPollingTimeout(45*time.Second))); err != nil {
		t.Fatalf("the embedded screener did not render: %v", err)
	}
	state, err := chromedp.Run(c, chromedp.Poll[string](`(() => {
	  const rows = document.querySelectorAll('#rank-table tbody tr[data-row]').length;
	  const page = document.getElementById('page-range').textContent;
	  const fallback = !(window.localStorage instanceof Storage);
	  return page + ' listed, ' + rows + ' rows in view; storage ' + (fallback ? 'blocked, in-memory fallback active' : 'available');
	})()`, chromedp.WithPollingInFrame(frames[0])))
	if err != nil {
		t.Fatal(err)
	}
	record("embed: cross-site iframe", "%s", state)
	if !strings.HasPrefix(state, "1–50 of ") || !strings.Contains(state, "fallback active") {
		t.Errorf("embedded screener: %s", state)
	}
	saveScreenshot(t, ctx, "embed-iframe-1200-light", false)
}

// newThirdPartyBrowser opens a 1200×900 browser in which pages served as
// "localhost" are a third party whose storage is blocked: third-party
// cookies off, and localStorage/sessionStorage throwing there (as in
// Safari, or Firefox's strict mode). The cross-site frame stays in the
// page's process so tests can look inside it. extraInit runs in every
// document too.
func newThirdPartyBrowser(t *testing.T, extraInit string) context.Context {
	t.Helper()
	prefs := `{"profile":{"cookie_controls_mode":1,"block_third_party_cookies":true,"default_content_setting_values":{"cookies":1}}}`
	ctx := newBrowserWith(t, 1200, 900, prefs, []chromedp.ExecAllocatorOption{
		chromedp.Flag("disable-site-isolation-trials", true),
		chromedp.Flag("disable-features", "IsolateOrigins,site-per-process"),
	})
	blockThirdPartyCookies(t, ctx)
	addInitScript(t, ctx, `if (location.hostname === "localhost") {
	  for (const n of ["localStorage", "sessionStorage"]) {
	    Object.defineProperty(window, n, {configurable: true,
	      get() { throw new DOMException("Access is denied for this document.", "SecurityError"); }});
	  }
	}
	`+extraInit)
	return ctx
}
