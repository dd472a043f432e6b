//go:build e2e

package e2e

import (
	"context"
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
	eachLook(t, ctx, func(name string, width int64) {
		step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+"/"))
		waitTable(t, ctx)
		checkNoSideScroll(t, ctx, name)
		saveScreenshot(t, ctx, "screener-"+name, false)
		if width > 600 {
			saveScreenshot(t, ctx, "screener-"+name+"-full", true)
		} else {
			step(t, ctx, 10*time.Second, chromedp.ScrollIntoView(chromedp.ID("rank-table")))
			saveScreenshot(t, ctx, "screener-"+name+"-table", false)
		}
		step(t, ctx, 10*time.Second,
			chromedp.Click(chromedp.CSS(`#rank-table tbody tr:nth-child(2) td.num`)),
			chromedp.WaitVisible(chromedp.ID("stock-detail")))
		saveScreenshot(t, ctx, "detail-"+name, false)
	})
}

// eachLook sets the viewport to a phone (390 px) and a desktop (1440 px),
// each in light and dark, and calls fn with the look's name ("390-dark").
func eachLook(t *testing.T, ctx context.Context, fn func(name string, width int64)) {
	t.Helper()
	for _, size := range []struct{ w, h int64 }{{390, 844}, {1440, 900}} {
		for _, dark := range []bool{false, true} {
			scheme := "light"
			if dark {
				scheme = "dark"
			}
			setView(t, ctx, size.w, size.h, dark)
			fn(fmt.Sprintf("%d-%s", size.w, scheme), size.w)
		}
	}
}

// checkNoSideScroll fails when the page scrolls sideways: wide tables must
// scroll inside their own box.
func checkNoSideScroll(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	if overflow := eval[float64](t, ctx, `document.documentElement.scrollWidth - document.documentElement.clientWidth`); overflow > 1 {
		t.Errorf("%s: page scrolls sideways by %.0f px", name, overflow)
	}
}
