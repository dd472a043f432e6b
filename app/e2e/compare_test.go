//go:build e2e

package e2e

import (
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"screener/engine"
)

// TestCompareSideBySide: two stocks picked from their detail panels sit in
// the tray and open side by side, with the ranks the table shows, every
// metric, and the picks in the URL (a reload keeps them).
func TestCompareSideBySide(t *testing.T) {
	srv := serveSite(distDir(t), "", nil)
	defer srv.Close()
	for _, lang := range []string{"en", "ja"} {
		ctx := newBrowser(t, 1440, 900)
		step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+"/?lang="+lang))
		waitTable(t, ctx)
		var tickers []string
		for _, n := range []int{1, 3} {
			sel := `#rank-table tbody tr:nth-child(` + strconv.Itoa(n) + `) td.name`
			step(t, ctx, 10*time.Second, chromedp.Click(chromedp.CSS(sel)), chromedp.WaitVisible(chromedp.ID("detail-compare")))
			tickers = append(tickers, eval[string](t, ctx, `document.getElementById('stock-detail').dataset.ticker`))
			step(t, ctx, 10*time.Second, chromedp.Click(chromedp.ID("detail-compare")))
			waitJS(t, ctx, 10*time.Second, "the pick to be in the tray", `document.querySelectorAll('#compare-tray .compare-chip').length === `+strconv.Itoa(len(tickers)))
			step(t, ctx, 10*time.Second, chromedp.Click(chromedp.ID("detail-close")), chromedp.WaitNotPresent(chromedp.ID("stock-detail")))
		}
		step(t, ctx, 10*time.Second, chromedp.Click(chromedp.ID("compare-open")), chromedp.WaitVisible(chromedp.ID("compare-panel")))
		heads := eval[[]string](t, ctx, `[...document.querySelectorAll('#compare-panel thead th[data-ticker]')].map(th => th.dataset.ticker)`)
		if len(heads) != 2 || heads[0] != tickers[0] || heads[1] != tickers[1] {
			t.Errorf("%s: columns %v, picked %v", lang, heads, tickers)
		}
		ranks := eval[[]string](t, ctx, `[...document.querySelectorAll('#compare-panel tr[data-row="rank"] td')].map(td => td.textContent)`)
		if len(ranks) != 2 || ranks[0] != "1" || ranks[1] != "3" {
			t.Errorf("%s: ranks %v, want the table's 1 and 3", lang, ranks)
		}
		if n := eval[int](t, ctx, `document.querySelectorAll('#compare-panel tbody tr[data-row]').length`); n != 4+2*engine.NumFactors+engine.NumMetrics {
			t.Errorf("%s: %d rows, want %d", lang, n, 4+2*engine.NumFactors+engine.NumMetrics)
		}
		eachLook(t, ctx, func(name string, width int64) {
			saveScreenshot(t, ctx, "compare-"+lang+"-"+name, false)
		})
		setView(t, ctx, 1440, 900, false)
		q := eval[string](t, ctx, `location.search`)
		step(t, ctx, 30*time.Second, chromedp.Reload())
		waitTable(t, ctx)
		if n := eval[int](t, ctx, `document.querySelectorAll('#compare-tray .compare-chip').length`); n != 2 {
			t.Errorf("%s: after reloading %s the tray holds %d picks", lang, q, n)
		}
	}
}
