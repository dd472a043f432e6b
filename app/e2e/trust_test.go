//go:build e2e

package e2e

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"screener/engine"
)

// TestRankingsYouCanTrust: under every preset with the default settings,
// none of the engine's top 100 lacks a price or a market cap, the page
// shows the engine's top 10, and the top 10 is saved as a screenshot at
// phone and desktop widths in English and Japanese.
func TestRankingsYouCanTrust(t *testing.T) {
	exp := loadExpectation(t)
	srv := serveSite(distDir(t), "", nil)
	defer srv.Close()
	ctx := newBrowser(t, 1440, 900)
	opts := engine.Options{MinCoverage: listedMinCoverage}
	for _, p := range engine.Presets() {
		w := sliderWeights(p.Weights)
		sc := engine.NewScreen(exp.snap, exp.metrics, opts)
		sc.Score(w)
		for _, j := range sc.Order[:min(100, len(sc.Order))] {
			row := int(sc.Members[j])
			if !exp.snap.Priced(row) || !(exp.snap.Mcap[row] > 0) {
				t.Errorf("%s: %s ranks in the top 100 without a price or market cap", p.Key, exp.snap.Ticker[row])
			}
		}
		want := exp.topNWith(opts, w, 10)
		for _, lang := range []string{"en", "ja"} {
			for _, width := range []int64{390, 1440} {
				setView(t, ctx, width, 900, false)
				step(t, ctx, 60*time.Second, chromedp.Navigate(fmt.Sprintf("%s/?p=%s&lang=%s", srv.URL, p.Key, lang)))
				waitTable(t, ctx)
				if got := topTickers(t, ctx, 10); !slices.Equal(got, want) {
					t.Errorf("%s %s: page top 10 %v, engine %v", p.Key, lang, got, want)
				}
				step(t, ctx, 10*time.Second, chromedp.ScrollIntoView(chromedp.ID("rank-table")))
				saveScreenshot(t, ctx, fmt.Sprintf("top10-%s-%s-%d", p.Key, lang, width), false)
			}
		}
	}
}

// TestMissingRuleAndUnpriced: the missing-factor select re-ranks exactly as
// the engine does under each rule and is written to the URL; stocks
// without a price or market cap are counted and listed below the table.
func TestMissingRuleAndUnpriced(t *testing.T) {
	exp := loadExpectation(t)
	ctx, _ := openScreener(t)
	w := sliderWeights(engine.Presets()[0].Weights)

	sc := engine.NewScreen(exp.snap, exp.metrics, engine.Options{})
	summary := eval[string](t, ctx, `document.querySelector('#unpriced summary').textContent`)
	if !strings.HasPrefix(summary, formatCount(len(sc.Unpriced))+" ") {
		t.Errorf("unpriced summary %q, want %d stocks", summary, len(sc.Unpriced))
	}
	listed := eval[[]string](t, ctx, `Array.from(document.querySelectorAll('#unpriced tbody td.ticker')).map(td => td.textContent)`)
	var wantListed []string
	for _, r := range sc.Unpriced {
		wantListed = append(wantListed, exp.snap.Ticker[r])
	}
	if !slices.Equal(listed, wantListed) {
		t.Errorf("unpriced list has %d tickers, engine %d", len(listed), len(wantListed))
	}
	ranked := map[string]bool{}
	for _, tk := range topTickers(t, ctx, 50) {
		ranked[tk] = true
	}
	for _, tk := range wantListed {
		if ranked[tk] {
			t.Errorf("%s is both ranked and listed as unpriced", tk)
		}
	}

	for _, rule := range []engine.MissingRule{engine.MissingSkip, engine.MissingExclude, engine.MissingNeutral} {
		rev := eval[string](t, ctx, `document.getElementById('rank-table').dataset.rev`)
		eval[bool](t, ctx, `(() => { const el = document.getElementById('f-missing'); el.value = `+mustJSON(rule.Key())+`;
		  el.dispatchEvent(new Event('change', {bubbles: true})); return true; })()`)
		step(t, ctx, 10*time.Second, chromedp.Poll[chromedp.Void](`document.getElementById('rank-table').dataset.rev !== `+mustJSON(rev)))
		want := exp.topNWith(engine.Options{MinCoverage: listedMinCoverage, Missing: rule}, w, 20)
		if got := topTickers(t, ctx, 20); !slices.Equal(got, want) {
			t.Errorf("missing=%s: page %v, engine %v", rule.Key(), got, want)
		}
		u := eval[string](t, ctx, `location.search`)
		if has := strings.Contains(u, "na="+rule.Key()); has != (rule != engine.MissingNeutral) {
			t.Errorf("missing=%s: URL %q", rule.Key(), u)
		}
		note := eval[string](t, ctx, `document.getElementById('f-missing-note').textContent`)
		if note == "" {
			t.Errorf("missing=%s: no explanation under the select", rule.Key())
		}
	}

	// A stock missing a weighted factor says how it was treated.
	sc = engine.NewScreen(exp.snap, exp.metrics, engine.Options{MinCoverage: listedMinCoverage})
	sc.Score(w)
	for _, j := range sc.Order {
		if math.IsNaN(sc.Composite[j]) || sc.Coverage[j] == engine.NumFactors {
			continue
		}
		tk := exp.snap.Ticker[sc.Members[j]]
		srvURL := eval[string](t, ctx, `location.origin`)
		step(t, ctx, 60*time.Second, chromedp.Navigate(srvURL+"/?sel="+tk))
		step(t, ctx, 30*time.Second, chromedp.WaitVisible(chromedp.ID("detail-missing")))
		if txt := eval[string](t, ctx, `document.getElementById('detail-missing').textContent`); !strings.Contains(txt, "median") {
			t.Errorf("%s: missing-factor note %q does not say it counts at the median", tk, txt)
		}
		saveScreenshot(t, ctx, "detail-missing-factor", false)
		break
	}
}
