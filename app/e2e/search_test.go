//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"screener/engine"
)

// TestSearchOpensListedStockOnItsPage: "/" focuses the search box; typing
// a listed stock's ticker (one on the third page) and pressing Enter opens
// its detail, moves the table to its page and scrolls its row into view.
func TestSearchOpensListedStockOnItsPage(t *testing.T) {
	exp := loadExpectation(t)
	ctx, _ := openScreener(t)
	listed := exp.topN(sliderWeights(engine.Presets()[0].Weights), 130)
	tk := listed[120] // page 3 of 50

	eval[bool](t, ctx, `(document.activeElement && document.activeElement.blur(), true)`)
	step(t, ctx, 10*time.Second, chromedp.KeyEvent("/"))
	waitJS(t, ctx, 5*time.Second, `"/" to focus the search box`, `document.activeElement && document.activeElement.id === 'stock-search'`)
	step(t, ctx, 10*time.Second, chromedp.SendKeys(chromedp.ID("stock-search"), strings.ToLower(tk)))
	waitJS(t, ctx, 10*time.Second, "suggestions with the ticker first",
		fmt.Sprintf(`(() => { const li = document.querySelector('#search-list li'); return li && li.querySelector('.ticker').textContent === %q && li.getAttribute('aria-selected') === 'true' })()`, tk))
	if exp := eval[string](t, ctx, `document.getElementById('stock-search').getAttribute('aria-expanded')`); exp != "true" {
		t.Errorf("combobox aria-expanded = %q with the list open", exp)
	}
	step(t, ctx, 10*time.Second, keyDown(kb.Enter))
	waitJS(t, ctx, 10*time.Second, "the stock's detail panel", fmt.Sprintf(`(() => { const d = document.getElementById('stock-detail'); return d && d.dataset.ticker === %q })()`, tk))
	waitJS(t, ctx, 10*time.Second, "the stock's row on the table page, scrolled into view",
		fmt.Sprintf(`(() => { const tr = document.querySelector('#rank-table tr[data-ticker=%q]'); if (!tr) return false; const r = tr.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight })()`, tk))
	if rng := eval[string](t, ctx, `document.getElementById('page-range').textContent`); !strings.HasPrefix(rng, "101") {
		t.Errorf("page range %q, want the third page (101–150)", rng)
	}
	if q := eval[string](t, ctx, `location.search`); !strings.Contains(q, "sel="+tk) || !strings.Contains(q, "pg=3") {
		t.Errorf("URL %q lacks sel=%s and pg=3", q, tk)
	}
}

// TestSearchExplainsHiddenStock: with the list filtered to one sector, a
// stock of another sector is still found, the box says it is filtered
// out by sector, and "Show anyway" opens its detail with the same note.
func TestSearchExplainsHiddenStock(t *testing.T) {
	exp := loadExpectation(t)
	ctx, _ := openScreenerAt(t, "sec=util", 1440, 900)
	var tk, sector string
	for _, cand := range exp.topN(sliderWeights(engine.Presets()[0].Weights), 50) {
		row, _ := exp.snap.Lookup(cand)
		if s := exp.snap.Sectors[exp.snap.Sector[row]]; s != "Utilities" {
			tk, sector = cand, s
			break
		}
	}
	step(t, ctx, 10*time.Second, chromedp.SendKeys(chromedp.ID("stock-search"), tk))
	waitJS(t, ctx, 10*time.Second, "the hidden stock among the suggestions, marked not listed",
		fmt.Sprintf(`(() => { const li = document.querySelector('#search-list li'); return li && li.querySelector('.ticker').textContent === %q && !!li.querySelector('.tag') })()`, tk))
	saveScreenshot(t, ctx, "search-suggestions-hidden-1440-light", false)
	step(t, ctx, 10*time.Second, chromedp.KeyEvent(kb.Enter), chromedp.WaitVisible(chromedp.ID("search-why")))
	why := eval[string](t, ctx, `document.getElementById('search-why').textContent`)
	if !strings.Contains(why, tk) || !strings.Contains(why, "sector") || !strings.Contains(why, sector) {
		t.Errorf("why text %q does not say %s is filtered out by sector (%s)", why, tk, sector)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('#stock-detail').length`); n != 0 {
		t.Errorf("a hidden stock opened without Show anyway")
	}
	step(t, ctx, 10*time.Second, chromedp.Click(chromedp.ID("search-show")))
	waitJS(t, ctx, 10*time.Second, "the hidden stock's detail panel", fmt.Sprintf(`(() => { const d = document.getElementById('stock-detail'); return d && d.dataset.ticker === %q })()`, tk))
	note := eval[string](t, ctx, `(document.getElementById('detail-hidden') || {}).textContent || ''`)
	if !strings.Contains(note, sector) {
		t.Errorf("detail note %q does not say why the stock is not listed", note)
	}
	saveScreenshot(t, ctx, "search-show-anyway-1440-light", false)
}

// TestUnknownSelectedTickerIsNamed: ?sel= with a ticker the snapshot lacks
// shows a notice naming it, and the list still shows.
func TestUnknownSelectedTickerIsNamed(t *testing.T) {
	ctx, srv := openScreenerAt(t, "sel=ZZZZQ", 1440, 900)
	step(t, ctx, 10*time.Second, chromedp.WaitVisible(chromedp.ID("notice-sel")))
	if txt := eval[string](t, ctx, `document.getElementById('notice-sel').textContent`); !strings.Contains(txt, "ZZZZQ") {
		t.Errorf("notice %q does not name the ticker", txt)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('#stock-detail').length`); n != 0 {
		t.Errorf("a detail panel opened for an unknown ticker")
	}

	// A stock no screen can rank (no price) opens from a link too, saying why.
	exp := loadExpectation(t)
	unpriced := ""
	for i := 0; i < exp.snap.N && unpriced == ""; i++ {
		if !exp.snap.Priced(i) {
			unpriced = exp.snap.Ticker[i]
		}
	}
	if unpriced == "" {
		t.Skip("every stock of the snapshot has a price")
	}
	step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+"/?sel="+unpriced))
	waitTable(t, ctx)
	waitJS(t, ctx, 10*time.Second, "the unpriced stock's panel with its reason",
		fmt.Sprintf(`(() => { const d = document.getElementById('stock-detail'); const n = document.getElementById('detail-hidden'); return d && d.dataset.ticker === %q && n && n.textContent.includes('no price') })()`, unpriced))
	if rank := eval[string](t, ctx, `document.querySelector('#stock-detail .detail-rank').textContent`); !strings.Contains(rank, "—") {
		t.Errorf("unpriced stock shows a rank: %q", rank)
	}
}

// keyDown presses and releases key without the "char" event that
// chromedp.KeyEvent sends after the key-down: a browser suppresses the
// keypress of a cancelled key-down, the DevTools protocol's separate char
// event is not, and it would activate whatever took the focus (the detail
// panel's close button).
func keyDown(key string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		for _, k := range kb.Encode(rune(key[0])) {
			if k.Type == kb.KeyChar {
				continue
			}
			if _, err := cdp.Call(ctx, t, input.DispatchKeyEvent, *k); err != nil {
				return err
			}
		}
		return nil
	})
}
