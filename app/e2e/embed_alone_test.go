//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// blogPage is a blog page holding snippet after a tall introduction, so
// the embed sits below the fold and any scroll of the host shows. It is
// served from the site's own origin, so the test can look into the frame.
func blogPage(snippet string) string {
	return fmt.Sprintf(`<!doctype html><meta charset="utf-8"><title>blog</title>
<script>document.addEventListener("load", e => { if (e.target.tagName === "IFRAME") window.frameLoaded = true; }, true);</script>
<h1>My small-cap post</h1><p style="height:1400px">A long introduction.</p>
%s
<p style="height:1400px">After the embed.</p>`, snippet)
}

// waitFrameLoaded waits for the blog's iframe to load, across the blog's
// own navigation (an evaluation may miss the new document at first).
func waitFrameLoaded(t *testing.T, ctx context.Context) {
	t.Helper()
	waitUntil(t, 45*time.Second, "the iframe to load", func() (bool, string) {
		c, cancel := contextWithTimeout(ctx, 5*time.Second)
		defer cancel()
		ok, err := chromedp.Run(c, chromedp.Evaluate[bool](`window.frameLoaded === true`))
		return err == nil && ok, fmt.Sprint(err)
	})
}

// inFrame waits until expr, evaluated with doc bound to the iframe's
// document, is truthy, and returns it.
func inFrame[T any](t *testing.T, ctx context.Context, what, expr string) T {
	t.Helper()
	var out T
	js := `(() => { const f = document.querySelector('iframe'); const doc = f && f.contentDocument; if (!doc) return null; return (` + expr + `)(doc); })()`
	waitUntil(t, 60*time.Second, what, func() (bool, string) {
		c, cancel := contextWithTimeout(ctx, 5*time.Second)
		defer cancel()
		v, err := chromedp.Run(c, chromedp.Evaluate[*T](js))
		if err != nil || v == nil {
			return false, fmt.Sprint(err)
		}
		out = *v
		var zero T
		return any(out) != any(zero), fmt.Sprint(out)
	})
	return out
}

// TestEmbedStandsAlone: the embed code starts at rank 1 whatever page the
// author was on and may carry the sliders; the embed says which screen it
// is in a caption; opening a stock inside it does not scroll the blog; a
// single stock embeds as a card; an ETF embed may show one block.
func TestEmbedStandsAlone(t *testing.T) {
	var blog atomic.Value
	blog.Store("")
	site := serveSite(distDir(t), "", map[string]http.HandlerFunc{"/blog.html": func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, blog.Load().(string))
	}})
	defer site.Close()
	ctx := newThirdPartyBrowser(t, `if (navigator.clipboard) {
	  navigator.clipboard.writeText = (t) => { window.__copied = t; return Promise.resolve(); };
	}`)
	// The blog is on the site's origin (so the test can look into the
	// frame), where the site's service worker would answer its navigation
	// with the app's page: requests bypass the worker in this test.
	c, cancel := contextWithTimeout(ctx, 10*time.Second)
	defer cancel()
	if _, err := chromedp.Call(c, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(c, network.SetBypassServiceWorker, network.SetBypassServiceWorkerParams{Bypass: true}); err != nil {
		t.Fatal(err)
	}
	show := func(snippet string) {
		blog.Store(blogPage(snippet))
		step(t, ctx, 60*time.Second, chromedp.Navigate(site.URL+"/blog.html"))
		// The frame is lazy: it loads as the reader scrolls to it.
		eval[bool](t, ctx, `(() => { document.querySelector('iframe').scrollIntoView(); return true })()`)
		waitFrameLoaded(t, ctx)
	}

	// The author is on page 3 of the Janus preset, IWM, Health Care.
	step(t, ctx, 60*time.Second, chromedp.Navigate(site.URL+"/?p=janus4&u=iwm&sec=health&pg=3"))
	waitTable(t, ctx)
	step(t, ctx, 10*time.Second, chromedp.Click(chromedp.ID("embed-sliders")))
	snippet := copied(t, ctx, "copy-embed")
	if strings.Contains(snippet, "pg=") || !strings.Contains(snippet, "sl=1") || !strings.Contains(snippet, "embed=1") {
		t.Errorf("embed code %q: want page 1 (no pg=), sl=1 and embed=1", snippet)
	}
	show(snippet)
	caption := inFrame[string](t, ctx, "the embed's caption", `doc => (doc.getElementById('embed-caption') || {}).textContent`)
	for _, want := range []string{"Janus Henderson four-factor", "IWM (Russell 2000)", "Health Care", "2025-11-24"} {
		if !strings.Contains(caption, want) {
			t.Errorf("caption %q lacks %q", caption, want)
		}
	}
	first := inFrame[string](t, ctx, "rank 1 first, with the sliders", `doc => { const r = doc.querySelector('#rank-table tbody tr'); return r && r.querySelector('td').textContent.trim() === '1' && !!doc.getElementById('w-value') && r.dataset.ticker }`)
	y0 := eval[float64](t, ctx, `scrollY`)
	inFrame[bool](t, ctx, "the detail to open", `doc => { if (!doc.getElementById('stock-detail')) doc.querySelector('#rank-table tbody tr td.name').click(); return !!doc.getElementById('stock-detail') }`)
	time.Sleep(300 * time.Millisecond) // a scroll, if any, would be asynchronous
	if y1 := eval[float64](t, ctx, `scrollY`); y1 != y0 {
		t.Errorf("opening a stock inside the embed scrolled the blog from %.0f to %.0f", y0, y1)
	}
	saveScreenshot(t, ctx, "embed-caption-blog-1200", false)

	// The card of the first stock, copied from its detail panel.
	step(t, ctx, 60*time.Second, chromedp.Navigate(site.URL+"/?p=janus4&u=iwm&sec=health"))
	waitTable(t, ctx)
	step(t, ctx, 10*time.Second, chromedp.Click(chromedp.CSS(`#rank-table tbody tr:nth-child(1) td.name`)), chromedp.WaitVisible(chromedp.ID("detail-embed")))
	card := copied(t, ctx, "detail-embed")
	if !strings.Contains(card, "card="+first) {
		t.Errorf("card embed code %q lacks card=%s", card, first)
	}
	show(card)
	got := inFrame[string](t, ctx, "the card", `doc => { const c = doc.getElementById('stock-card'); const r = doc.getElementById('card-rank'); return c && r && c.dataset.ticker + ' ' + r.dataset.rank + ' ' + doc.querySelectorAll('#stock-card .card-bar').length }`)
	if got != first+" 1 6" {
		t.Errorf("card shows %q, want %q (rank 1, six factor bars)", got, first+" 1 6")
	}
	saveScreenshot(t, ctx, "embed-card-blog-1200", false)

	// One block of the ETF view.
	step(t, ctx, 60*time.Second, chromedp.Navigate(site.URL+"/?view=etfs"))
	waitJS(t, ctx, 30*time.Second, "the ETF view", `!!document.getElementById('embed-block')`)
	eval[bool](t, ctx, `(() => { const s = document.getElementById('embed-block'); s.value = 'etf-returns-h'; s.dispatchEvent(new Event('change', {bubbles: true})); return true })()`)
	block := copied(t, ctx, "copy-embed")
	if !strings.Contains(block, "blk=etf-returns-h") {
		t.Errorf("block embed code %q lacks blk=etf-returns-h", block)
	}
	show(block)
	shown := inFrame[string](t, ctx, "only the returns block", `doc => {
	  if (!doc.querySelector('[aria-labelledby="etf-returns-h"]')) return '';
	  return [...doc.querySelectorAll('#main section[aria-labelledby]')].filter(s => s.getClientRects().length > 0).map(s => s.getAttribute('aria-labelledby')).join(',');
	}`)
	if shown != "etf-returns-h" {
		t.Errorf("the block embed shows %q, want only etf-returns-h", shown)
	}
	saveScreenshot(t, ctx, "embed-block-blog-1200", false)
}
