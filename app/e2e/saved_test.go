//go:build e2e

package e2e

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"screener/engine"
)

// TestSavedScreenSurvivesReload: a named screen is kept in localStorage,
// listed again after a reload of the default page, loads its filters by a
// click on its name (the same rows as the engine's), links to its URL,
// and a deletion is kept too.
func TestSavedScreenSurvivesReload(t *testing.T) {
	exp := loadExpectation(t)
	ctx, srv := openScreener(t)
	changeField(t, ctx, "f-index", "iwm", true)
	changeField(t, ctx, "mf-add", "v.pe", false)
	step(t, ctx, 10*time.Second, chromedp.WaitVisible(chromedp.ID("mf-v-pe-max")))
	changeField(t, ctx, "mf-v-pe-max", "20", true)
	step(t, ctx, 10*time.Second,
		chromedp.SendKeys(chromedp.ID("saved-name"), "Cheap IWM"),
		chromedp.Click(chromedp.ID("saved-add")),
		chromedp.WaitVisible(chromedp.CSS(`#saved-list li[data-name="Cheap IWM"]`)))
	if !eval[bool](t, ctx, `(localStorage.getItem('screener.saved') || '').includes('Cheap IWM')`) {
		t.Fatal("the screen is not in localStorage")
	}
	if eval[bool](t, ctx, `!!document.getElementById('saved-memory')`) {
		t.Error("a normal browser tab is said not to keep saved screens")
	}

	// A fresh visit of the default page lists it; its name links to its URL.
	step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+"/"))
	waitTable(t, ctx)
	step(t, ctx, 10*time.Second, chromedp.WaitVisible(chromedp.CSS(`#saved-list li[data-name="Cheap IWM"] a.saved-link`)))
	href := eval[string](t, ctx, `document.querySelector('#saved-list a.saved-link').href`)
	if !strings.Contains(href, "u=iwm") || !strings.Contains(href, "fv=pe~~20") {
		t.Errorf("saved screen links to %q", href)
	}
	rev := eval[string](t, ctx, `document.getElementById('rank-table').dataset.rev`)
	step(t, ctx, 10*time.Second, chromedp.Click(chromedp.CSS(`#saved-list a.saved-link`)))
	step(t, ctx, 10*time.Second, chromedp.Poll[chromedp.Void](`document.getElementById('rank-table').dataset.rev !== `+mustJSON(rev)))
	var f engine.Filter
	f.Index = engine.IndexIWM
	f.Values[engine.FieldPE] = engine.Bound{Max: 20, HasMax: true}
	want := exp.topNWith(engine.Options{Filter: f, MinCoverage: listedMinCoverage}, sliderWeights(engine.Presets()[0].Weights), 20)
	if got := topTickers(t, ctx, 20); !slices.Equal(got, want) {
		t.Errorf("loaded screen shows\n %v\nengine\n %v", got, want)
	}
	if q := eval[string](t, ctx, `location.search`); !strings.Contains(q, "u=iwm") || !strings.Contains(q, "fv=pe~~20") {
		t.Errorf("URL after loading: %q", q)
	}

	// Delete, reload: gone.
	step(t, ctx, 10*time.Second, chromedp.Click(chromedp.CSS(`#saved-list li button.saved-delete`)),
		chromedp.WaitNotPresent(chromedp.CSS(`#saved-list li`)))
	step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+"/"))
	waitTable(t, ctx)
	if n := eval[int](t, ctx, `document.querySelectorAll('#saved-list li').length`); n != 0 {
		t.Errorf("%d saved screens after deleting the only one and reloading", n)
	}
}

// TestSavedScreensWithoutStorage: where localStorage is blocked, the
// page's in-memory stand-in keeps saved screens for the visit and the
// panel says they will not last.
func TestSavedScreensWithoutStorage(t *testing.T) {
	srv := serveSite(distDir(t), "", nil)
	t.Cleanup(srv.Close)
	ctx := newBrowser(t, 1440, 900)
	addInitScript(t, ctx, `Object.defineProperty(window, "localStorage", {configurable: true,
	  get() { throw new DOMException("Access is denied for this document.", "SecurityError"); }});`)
	step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+"/"))
	waitTable(t, ctx)
	step(t, ctx, 10*time.Second, chromedp.WaitVisible(chromedp.ID("saved-memory")))
	step(t, ctx, 10*time.Second,
		chromedp.SendKeys(chromedp.ID("saved-name"), "For now"),
		chromedp.Click(chromedp.ID("saved-add")),
		chromedp.WaitVisible(chromedp.CSS(`#saved-list li[data-name="For now"]`)))
}
