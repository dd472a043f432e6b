//go:build e2e

package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestLookSearchAndFilters saves the search suggestions and the filter
// panel (any-metric rows, several sectors, a typed market cap, saved
// screens) at phone and desktop widths, light and dark, in English and
// Japanese, and checks that neither makes the page scroll sideways.
func TestLookSearchAndFilters(t *testing.T) {
	srv := serveSite(distDir(t), "", nil)
	t.Cleanup(srv.Close)
	ctx := newBrowser(t, 1440, 900)
	for _, lang := range []string{"en", "ja"} {
		eachLook(t, ctx, func(name string, width int64) {
			name = lang + "-" + name
			step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+"/?lang="+lang+"&fv=pe~~15~roe~0.1~&fp=mom12_1~50~&sec=health.tech&cap=250-"))
			waitTable(t, ctx)
			// On a phone the weights and filters fold behind their toggle.
			eval[bool](t, ctx, `(() => { const b = document.getElementById('controls-toggle'); if (b && b.offsetParent !== null && b.getAttribute('aria-expanded') !== 'true') b.click(); return true })()`)
			waitJS(t, ctx, 10*time.Second, "the filters to be shown", `!!document.querySelector('details.filters') && document.querySelector('details.filters').offsetParent !== null`)
			eval[bool](t, ctx, `(document.querySelector('details.filters').open = true, document.getElementById('f-sector').open = true, true)`)
			step(t, ctx, 10*time.Second, chromedp.ScrollIntoView(chromedp.ID("metric-filters")))
			eval[bool](t, ctx, `(document.getElementById('f-sector').scrollIntoView({block: 'start'}), true)`)
			waitPainted(t, ctx)
			checkNoSideScroll(t, ctx, "filters "+name)
			saveScreenshot(t, ctx, "filters-"+name, false)

			if eval[int](t, ctx, `document.querySelectorAll('#saved-list li').length`) == 0 {
				step(t, ctx, 10*time.Second,
					chromedp.SendKeys(chromedp.ID("saved-name"), "Cheap health & tech"),
					chromedp.Click(chromedp.ID("saved-add")),
					chromedp.WaitVisible(chromedp.CSS(`#saved-list li`)))
			}
			eval[bool](t, ctx, `(document.querySelector('details.saved').scrollIntoView({block: 'center'}), true)`)
			waitPainted(t, ctx)
			saveScreenshot(t, ctx, "saved-"+name, false)

			eval[bool](t, ctx, `(document.getElementById('stock-search').scrollIntoView({block: 'start'}), true)`)
			step(t, ctx, 10*time.Second, chromedp.SendKeys(chromedp.ID("stock-search"), "hold"),
				chromedp.WaitVisible(chromedp.CSS(`#search-list li`)))
			waitPainted(t, ctx)
			checkNoSideScroll(t, ctx, "search "+name)
			saveScreenshot(t, ctx, "search-"+name, false)
		})
	}
}
