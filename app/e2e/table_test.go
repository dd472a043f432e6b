//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"math/rand"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// openScreenerAt opens the built site at query q (without "?") in a
// width×height browser and waits for the table.
func openScreenerAt(t *testing.T, q string, width, height int) context.Context {
	t.Helper()
	srv := serveSite(distDir(t), "", nil)
	t.Cleanup(srv.Close)
	ctx := newBrowser(t, width, height)
	step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+"/?"+q))
	waitTable(t, ctx)
	return ctx
}

// inViewCount is the number of ranked stocks the status line says are in
// view, read from the pager ("1–3,012 of 3,012").
func inViewCount(t *testing.T, ctx context.Context) int {
	t.Helper()
	return eval[int](t, ctx, `+document.getElementById('page-range').textContent.split(/\s+/).pop().replace(/[^0-9]/g, '')`)
}

// TestAllRowsScrollsToTheLastStock: with every row selected the table
// keeps only the rows in view in the DOM, and scrolling its box to the
// bottom shows the last stock, whose rank is the count in view.
func TestAllRowsScrollsToTheLastStock(t *testing.T) {
	exp := loadExpectation(t)
	ctx := openScreenerAt(t, "", 1440, 900)
	step(t, ctx, 10*time.Second, chromedp.SetValue(chromedp.ID("page-size"), "all"))
	eval[bool](t, ctx, `document.getElementById('page-size').dispatchEvent(new Event('change', {bubbles: true}))`)
	waitJS(t, ctx, 10*time.Second, "the URL to say rows=all", `location.search.includes('rows=all')`)
	n := inViewCount(t, ctx)
	if want := len(exp.listedTickers()); n != want {
		t.Fatalf("%d stocks in view, want %d", n, want)
	}
	rows := eval[int](t, ctx, `document.querySelectorAll('#rank-table tbody tr[data-row]').length`)
	if rows < 20 || rows > 120 {
		t.Errorf("%d rows in the DOM for %d stocks: want only the ones in view and a few more", rows, n)
	}
	height := eval[float64](t, ctx, `document.getElementById('rank-table-host').scrollHeight`)
	rowH := eval[float64](t, ctx, `document.querySelector('#rank-table tbody tr[data-row]').getBoundingClientRect().height`)
	if height < float64(n)*rowH*0.95 {
		t.Errorf("the table box scrolls %.0f px, want the height of %d rows of %.1f px", height, n, rowH)
	}
	eval[bool](t, ctx, `(() => { const h = document.getElementById('rank-table-host'); h.scrollTop = h.scrollHeight; return true })()`)
	waitJS(t, ctx, 10*time.Second, "the last stock's row after scrolling to the bottom",
		`(() => { const r = document.querySelectorAll('#rank-table tbody tr[data-row]'); return r.length > 0 && r[r.length-1].querySelector('td.rank').textContent === '`+fmt.Sprint(n)+`' })()`)
	// The last row is inside the box's visible part, below the sticky header.
	visible := eval[bool](t, ctx, `(() => { const h = document.getElementById('rank-table-host').getBoundingClientRect();
	  const r = document.querySelectorAll('#rank-table tbody tr[data-row]'); const b = r[r.length-1].getBoundingClientRect();
	  const head = document.querySelector('#rank-table thead th').getBoundingClientRect();
	  return b.bottom <= h.bottom + 1 && b.top >= head.bottom - 1 && head.top >= h.top - 1 })()`)
	if !visible {
		t.Error("after scrolling to the bottom the last row is not in view under the header")
		t.Log(eval[string](t, ctx, `(() => { const h = document.getElementById('rank-table-host');
		  const r = document.querySelectorAll('#rank-table tbody tr[data-row]'); const b = r[r.length-1].getBoundingClientRect();
		  const head = document.querySelector('#rank-table thead th').getBoundingClientRect();
		  return JSON.stringify({host: h.getBoundingClientRect(), st: h.scrollTop, sh: h.scrollHeight, ch: h.clientHeight, last: b, head}) })()`))
	}
	saveScreenshot(t, ctx, "table-all-rows-scrolled-1440-light", false)
	// Back up to the top: the first stock again, in the engine's order.
	eval[bool](t, ctx, `(() => { document.getElementById('rank-table-host').scrollTop = 0; return true })()`)
	waitJS(t, ctx, 10*time.Second, "rank 1 back at the top", `document.querySelector('#rank-table tbody tr[data-row] td.rank').textContent === '1'`)
}

// TestSliderBudgetAllRows: the slider budget holds with every row listed.
func TestSliderBudgetAllRows(t *testing.T) {
	ctx := openScreenerAt(t, "rows=all", 1440, 900)
	// Scroll into the middle of the list first: the window is not at 0.
	eval[bool](t, ctx, `(() => { const h = document.getElementById('rank-table-host'); h.scrollTop = h.scrollHeight / 2; return true })()`)
	waitPainted(t, ctx)
	rng := rand.New(rand.NewSource(2))
	cur := map[string]int{"profit": 100, "fcf": 100, "balance": 100, "efficiency": 100, "value": 100, "momentum": 100}
	lat, inFrame := sliderMoves(t, ctx, rng, cur, 40)
	record("slider input -> repaint, all rows", "p50 %.1f ms, p95 %.1f ms, max %.1f ms over %d moves, %d inside a frame callback (budget p50 %d, p95 %d)",
		percentile(lat, 50), percentile(lat, 95), percentile(lat, 100), len(lat), inFrame, sliderBudgetP50, sliderBudgetP95)
	checkSliderBudget(t, "slider input -> repaint (all rows)", lat)
	const traced = 20
	b := traceRun(t, ctx, func() { sliderMoves(t, ctx, rng, cur, traced) })
	record("slider move main thread, all rows", "%s", b.perMove(traced))
	if n := eval[int](t, ctx, `document.querySelectorAll('#rank-table tbody tr[data-row]').length`); n > 120 {
		t.Errorf("%d rows in the DOM after the moves", n)
	}
}

// TestFocusReturnsToTheRow: closing the detail panel (its close button,
// or Escape) puts the keyboard focus back on the ticker of the row that
// opened it.
func TestFocusReturnsToTheRow(t *testing.T) {
	ctx := openScreenerAt(t, "", 1440, 900)
	third := eval[string](t, ctx, `document.querySelectorAll('#rank-table tbody tr[data-row]')[2].dataset.ticker`)
	focused := `(() => { const a = document.activeElement; const tr = a && a.closest('tr[data-row]');
	  return !!tr && a.matches('button.link') && tr.dataset.ticker === ` + mustJSON(third) + ` })()`
	for _, how := range []string{"close button", "Escape"} {
		step(t, ctx, 10*time.Second,
			chromedp.Click(chromedp.CSS(`#rank-table tr[data-ticker="`+third+`"] button.link`)),
			chromedp.WaitVisible(chromedp.ID("stock-detail")))
		waitJS(t, ctx, 10*time.Second, "the focus in the detail panel", `document.activeElement && document.activeElement.id === 'detail-close'`)
		if how == "Escape" {
			step(t, ctx, 10*time.Second, chromedp.KeyEvent(kb.Escape))
		} else {
			step(t, ctx, 10*time.Second, chromedp.Click(chromedp.ID("detail-close")))
		}
		waitJS(t, ctx, 10*time.Second, "the panel to close", `!document.getElementById('stock-detail')`)
		waitJS(t, ctx, 10*time.Second, "the focus back on "+third+"'s ticker after closing with the "+how, focused)
	}
}
