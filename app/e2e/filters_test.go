//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"screener/engine"
)

// changeField sets a form field's value (or a checkbox) and fires its
// change event, as a user's edit would, then waits for the table to be
// rewritten when the change re-ranks.
func changeField(t *testing.T, ctx context.Context, id, value string, rerank bool) {
	t.Helper()
	rev := eval[string](t, ctx, `document.getElementById('rank-table').dataset.rev`)
	eval[bool](t, ctx, `(() => { const el = document.getElementById(`+mustJSON(id)+`);
	  if (el.type === 'checkbox') { el.checked = `+mustJSON(value == "on")+`; } else { el.value = `+mustJSON(value)+`; }
	  el.dispatchEvent(new Event('change', {bubbles: true})); return true; })()`)
	if rerank {
		step(t, ctx, 10*time.Second, chromedp.Poll[chromedp.Void](`document.getElementById('rank-table') && document.getElementById('rank-table').dataset.rev !== `+mustJSON(rev)))
	}
}

// TestAnyMetricFilterRoundTrips: a P/E bound set in the panel, two
// sectors and a typed market-cap bound rank exactly as the engine does,
// are written to the URL, and reloading that URL shows the same rows and
// the same controls.
func TestAnyMetricFilterRoundTrips(t *testing.T) {
	exp := loadExpectation(t)
	ctx, _ := openScreener(t)

	changeField(t, ctx, "mf-add", "v.pe", false)
	step(t, ctx, 10*time.Second, chromedp.WaitVisible(chromedp.ID("mf-v-pe-max")))
	changeField(t, ctx, "mf-v-pe-max", "15", true)
	sec := map[string]int{}
	for i, name := range exp.snap.Sectors {
		sec[name] = i
	}
	hc, it := sec["Health Care"], sec["Information Technology"]
	changeField(t, ctx, fmt.Sprintf("f-sec-%d", hc), "on", true)
	changeField(t, ctx, fmt.Sprintf("f-sec-%d", it), "on", true)
	changeField(t, ctx, "f-mcap-min-free", "250", true)

	var f engine.Filter
	f.Values[engine.FieldPE] = engine.Bound{Max: 15, HasMax: true}
	f.Sectors = 1<<uint(hc) | 1<<uint(it)
	f.MinMcap = 250
	want := exp.topNWith(engine.Options{Filter: f, MinCoverage: listedMinCoverage}, sliderWeights(engine.Presets()[0].Weights), 20)
	if len(want) == 0 {
		t.Fatal("the engine keeps no stock: pick another filter")
	}
	got := topTickers(t, ctx, 20)
	if !slices.Equal(got, want) {
		t.Fatalf("filtered rows differ from the engine:\n page   %v\n engine %v", got, want)
	}
	q := eval[string](t, ctx, `location.search`)
	for _, part := range []string{"fv=pe~~15", "sec=health.tech", "cap=250-"} {
		if !strings.Contains(q, part) {
			t.Errorf("URL %q lacks %q", q, part)
		}
	}

	// Reload the URL: same rows, same controls.
	step(t, ctx, 60*time.Second, chromedp.Navigate(eval[string](t, ctx, `location.href`)))
	waitTable(t, ctx)
	if again := topTickers(t, ctx, 20); !slices.Equal(again, want) {
		t.Fatalf("after reload:\n page   %v\n before %v", again, want)
	}
	if v := eval[string](t, ctx, `document.getElementById('mf-v-pe-max').value`); v != "15" {
		t.Errorf("P/E max field shows %q after reload", v)
	}
	if !eval[bool](t, ctx, fmt.Sprintf(`document.getElementById('f-sec-%d').checked && document.getElementById('f-sec-%d').checked`, hc, it)) {
		t.Errorf("sector boxes not checked after reload")
	}
	// No loss-maker passes a P/E bound.
	for _, tk := range topTickers(t, ctx, 50) {
		row, _ := exp.snap.Lookup(tk)
		if !(exp.snap.NI[row] > 0) {
			t.Errorf("%s listed under P/E ≤ 15 with net income %v", tk, exp.snap.NI[row])
		}
	}
}

// TestMalformedFilterIsNamed: a filter value that does not parse is
// ignored with a visible notice; the rest of the link still applies.
func TestMalformedFilterIsNamed(t *testing.T) {
	ctx, _ := openScreenerAt(t, "fv=pe~abc~~roe~0.1~&sec=util", 1440, 900)
	step(t, ctx, 10*time.Second, chromedp.WaitVisible(chromedp.ID("url-notice")))
	if txt := eval[string](t, ctx, `document.getElementById('url-notice').textContent`); !strings.Contains(txt, "fv=pe~abc~") {
		t.Errorf("notice %q does not name the bad value", txt)
	}
	if v := eval[string](t, ctx, `(document.getElementById('mf-v-roe-min') || {}).value`); v != "10" {
		t.Errorf("the good clause (ROE ≥ 10%%) is not applied: min field %q", v)
	}
}
