//go:build e2e

package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"screener/engine"
)

// TestDefinitionsOneTapAway: each factor's "?" shows its definition under
// its slider (and hides it again), the active preset is described under
// the preset buttons, and the stock detail folds a definition of every
// metric under its table, in English and Japanese.
func TestDefinitionsOneTapAway(t *testing.T) {
	srv := serveSite(distDir(t), "", nil)
	defer srv.Close()
	for _, lang := range []string{"en", "ja"} {
		ctx := newBrowser(t, 1440, 900)
		step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+"/?lang="+lang+"&p=janus4"))
		waitTable(t, ctx)
		desc := eval[string](t, ctx, `document.getElementById('preset-desc').textContent`)
		if lang == "en" && !strings.Contains(desc, "Janus Henderson") || lang == "ja" && !strings.Contains(desc, "ジャナス") {
			t.Errorf("%s: preset description %q", lang, desc)
		}
		for f := engine.Factor(0); f < engine.NumFactors; f++ {
			key := f.Key()
			step(t, ctx, 10*time.Second, chromedp.Click(chromedp.ID("wd-"+key)), chromedp.WaitVisible(chromedp.ID("wdef-"+key)))
			text := eval[string](t, ctx, `document.getElementById('wdef-`+key+`').textContent`)
			if len([]rune(text)) < 30 {
				t.Errorf("%s %s: definition %q", lang, key, text)
			}
			if eval[string](t, ctx, `document.getElementById('wd-`+key+`').getAttribute('aria-expanded')`) != "true" {
				t.Errorf("%s %s: the toggle does not say it is expanded", lang, key)
			}
		}
		saveScreenshot(t, ctx, "definitions-sliders-1440-"+lang, false)
		step(t, ctx, 10*time.Second, chromedp.Click(chromedp.ID("wd-value")), chromedp.WaitNotPresent(chromedp.ID("wdef-value")))

		step(t, ctx, 10*time.Second,
			chromedp.Click(chromedp.CSS(`#rank-table tbody tr:nth-child(1) td.name`)),
			chromedp.WaitVisible(chromedp.ID("stock-detail")))
		if n := eval[int](t, ctx, `document.querySelectorAll('#stock-detail details.defs dd').length`); n != engine.NumMetrics {
			t.Errorf("%s: the detail defines %d metrics, want %d", lang, n, engine.NumMetrics)
		}
		eval[bool](t, ctx, `(() => { const d = document.querySelector('#stock-detail details.defs'); d.open = true; d.scrollIntoView(); return true })()`)
		saveScreenshot(t, ctx, "definitions-metrics-1440-"+lang, false)
	}
}
