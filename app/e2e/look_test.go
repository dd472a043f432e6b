//go:build e2e

package e2e

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestScreenshots saves the screener and the detail panel at phone and
// desktop widths, light and dark, as artifacts to look at; it also checks
// that nothing overflows the page horizontally (the table scrolls inside
// its own box).
func TestScreenshots(t *testing.T) {
	srv := serveSite(distDir(t), "", nil)
	defer srv.Close()
	ctx := newBrowser(t, 1440, 900)
	for _, size := range []struct{ w, h int64 }{{390, 844}, {1440, 900}} {
		for _, dark := range []bool{false, true} {
			scheme := "light"
			if dark {
				scheme = "dark"
			}
			name := fmt.Sprintf("%d-%s", size.w, scheme)
			setView(t, ctx, size.w, size.h, dark)
			step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+"/"))
			waitTable(t, ctx)
			overflow := eval[float64](t, ctx, `document.documentElement.scrollWidth - document.documentElement.clientWidth`)
			if overflow > 1 {
				t.Errorf("%s: page scrolls sideways by %.0f px", name, overflow)
			}
			saveScreenshot(t, ctx, "screener-"+name, false)
			if size.w > 600 {
				saveScreenshot(t, ctx, "screener-"+name+"-full", true)
			} else {
				step(t, ctx, 10*time.Second, chromedp.ScrollIntoView(chromedp.ID("rank-table")))
				saveScreenshot(t, ctx, "screener-"+name+"-table", false)
			}
			step(t, ctx, 10*time.Second,
				chromedp.Click(chromedp.CSS(`#rank-table tbody tr:nth-child(2) td.num`)),
				chromedp.WaitVisible(chromedp.ID("stock-detail")))
			saveScreenshot(t, ctx, "detail-"+name, false)
		}
	}
}
