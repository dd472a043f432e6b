//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"screener/engine"
)

// etfEngine decodes the funds and snapshot the site ships, with the engine.
func etfEngine(t *testing.T) (*engine.Funds, *engine.Snapshot) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(distDir(t), "web", "data", "funds.json"))
	if err != nil {
		t.Fatal(err)
	}
	fs, err := engine.DecodeFunds(b)
	if err != nil {
		t.Fatal(err)
	}
	return fs, loadExpectation(t).snap
}

// etfValue reads the full-precision value of a comparison cell.
func etfValue(t *testing.T, ctx context.Context, table, fund, metric string) float64 {
	t.Helper()
	s := etfCellRaw(t, ctx, table, fund, metric)
	if s == "" {
		return math.NaN()
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("%s %s %s: %q", table, fund, metric, s)
	}
	return v
}

// etfCellJS is a JS expression for a comparison cell (an empty stand-in
// when the cell is not on the page).
func etfCellJS(table, fund, metric string) string {
	return fmt.Sprintf(`(document.querySelector('#%s td[data-fund=%q][data-metric=%q]') || {dataset: {}})`, table, fund, metric)
}

// etfCellRaw reads a comparison cell's data-value as the page wrote it
// ("" when the cell or its value is missing).
func etfCellRaw(t *testing.T, ctx context.Context, table, fund, metric string) string {
	t.Helper()
	return eval[string](t, ctx, etfCellJS(table, fund, metric)+`.dataset.value || ''`)
}

func openETFs(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	step(t, ctx, 60*time.Second,
		chromedp.Navigate(url),
		// The pre-rendered page has the tabs too: click once the app runs.
		chromedp.WaitVisible(chromedp.CSS("#rank-table tbody tr")),
		chromedp.Click(chromedp.CSS(`button.view-tab[data-view="etfs"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#etf-holdings td[data-metric="pe"]`)),
	)
}

// TestETFView opens the ETFs tab and checks the numbers against the engine
// on the same files, then changes the fund selection and moves a weight
// slider.
func TestETFView(t *testing.T) {
	fs, cur := etfEngine(t)
	srv := serveSite(distDir(t), "", nil)
	defer srv.Close()
	ctx := newBrowser(t, 1440, 900)
	t0 := time.Now()
	openETFs(t, ctx, srv.URL+"/")
	record("etf_open_ms", "%d (navigate → ETF tables shown)", time.Since(t0).Milliseconds())
	record("etf_load_ms", "%.0f (funds.json fetch+decode, holdings, modelled split, tracking)", timing(t, ctx)["etfLoadMs"])

	// Default selection, in order.
	got := eval[[]string](t, ctx, `Array.from(document.querySelectorAll('#etf-returns thead th.num')).map(th => th.textContent)`)
	if fmt.Sprint(got) != "[IWM IJR VTWG VTWV]" {
		t.Errorf("default funds %v", got)
	}

	// The fund-page valuation of IWM (P/E over profitable holdings, P/B
	// over positive book, each with its weight covered), the loss-inclusive
	// P/E, weighted median market cap and ROE, and the 1-year return.
	p, err := engine.FundPortfolio(cur, "IWM")
	if err != nil {
		t.Fatal(err)
	}
	hs := engine.ComputeHoldingsStats(cur, p)
	wantPE := hs.PEProfitable
	for _, c := range []struct {
		metric string
		want   float64
	}{
		{"pe", hs.PEProfitable}, {"pe-cover", hs.PEProfitableCover}, {"pb-positive-book", hs.PBPositive},
		{"pb-positive-book-cover", hs.PBPositiveCover}, {"pe-loss-inclusive", hs.PE}, {"median-mcap", hs.MedianMcap},
		{"roe-weighted", hs.ROEWeighted}, {"roe-weighted-cover", hs.ROEWeightedCover}, {"roe-aggregate", hs.ROE},
	} {
		if math.IsNaN(c.want) {
			t.Errorf("IWM %s: the engine gives NaN", c.metric)
		}
		if v := etfValue(t, ctx, "etf-holdings", "IWM", c.metric); v != c.want {
			t.Errorf("IWM %s shown %v, engine %v", c.metric, v, c.want)
		}
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('#etf-hold-h ~ div details.etf-defs dd, .etf-defs dd').length`); n < 5 {
		t.Errorf("%d definitions under the holdings table, want ≥ 5", n)
	}
	eval[bool](t, ctx, `(() => { const d = document.querySelector('.etf-defs'); d.open = true; d.scrollIntoView(); return true })()`)
	saveScreenshot(t, ctx, "etf-defs-open", false)
	eval[bool](t, ctx, `(() => { document.querySelector('.etf-defs').open = false; return true })()`)
	iwm, _ := fs.Lookup("IWM")
	want1y := engine.TrailingReturns(iwm, iwm.LastDate, []int{1})[0].Annualised
	if r := etfValue(t, ctx, "etf-returns", "IWM", "ret1"); r != want1y || math.IsNaN(r) {
		t.Errorf("IWM 1-year return shown %v, engine %v", r, want1y)
	}
	// The text agrees with the value.
	txt := eval[string](t, ctx, `document.querySelector('#etf-holdings td[data-fund="IWM"][data-metric="pe"]').textContent`)
	if txt != strconv.FormatFloat(wantPE, 'f', 1, 64) {
		t.Errorf("IWM P/E text %q, engine %.1f", txt, wantPE)
	}
	// The chart draws one line per priced fund.
	if n := eval[int](t, ctx, `document.querySelectorAll('#etf-growth polyline').length`); n != 4 {
		t.Errorf("%d chart lines, want 4", n)
	}

	// Change the selection: add SPSM (IJR's holdings: same index), drop VTWV.
	step(t, ctx, 20*time.Second,
		chromedp.Click(chromedp.ID("etf-f-SPSM")),
		chromedp.WaitVisible(chromedp.CSS(`#etf-returns td[data-fund="SPSM"][data-metric="ret1"]`)),
		chromedp.Click(chromedp.ID("etf-f-VTWV")),
		chromedp.WaitNotPresent(chromedp.CSS(`#etf-returns td[data-fund="VTWV"]`)),
	)
	got = eval[[]string](t, ctx, `Array.from(document.querySelectorAll('#etf-returns thead th.num')).map(th => th.textContent)`)
	if fmt.Sprint(got) != "[IWM IJR VTWG SPSM]" {
		t.Errorf("after the change: funds %v", got)
	}
	spsm, _ := fs.Lookup("SPSM")
	want := engine.TrailingReturns(spsm, spsm.LastDate, []int{1})[0].Annualised
	if r := etfValue(t, ctx, "etf-returns", "SPSM", "ret1"); r != want {
		t.Errorf("SPSM 1-year %v, engine %v", r, want)
	}
	if v, w := etfValue(t, ctx, "etf-holdings", "SPSM", "pe"), etfValue(t, ctx, "etf-holdings", "IJR", "pe"); v != w || math.IsNaN(v) {
		t.Errorf("SPSM P/E %v, want IJR's %v (same index)", v, w)
	}
	if s := eval[string](t, ctx, `document.querySelector('.etf-notes').textContent`); !strings.Contains(s, "SLY") {
		t.Errorf("SPSM note missing: %q", s)
	}

	// Move the valuation slider to 0 and back: the average composite
	// percentile of IWM must follow.
	before := etfValue(t, ctx, "etf-holdings", "IWM", "pct-composite")
	beforeRaw := etfCellRaw(t, ctx, "etf-holdings", "IWM", "pct-composite")
	eval[bool](t, ctx, `(() => { const el = document.getElementById('w-value');
	  el.value = '0'; el.dispatchEvent(new Event('input', {bubbles: true})); return true })()`)
	waitJS(t, ctx, 10*time.Second, fmt.Sprintf("IWM's composite percentile (%s) to change after the valuation slider moved to 0", beforeRaw),
		etfCellJS("etf-holdings", "IWM", "pct-composite")+`.dataset.value !== `+mustJSON(beforeRaw))
	if after := etfValue(t, ctx, "etf-holdings", "IWM", "pct-composite"); after == before || math.IsNaN(after) {
		t.Errorf("IWM composite percentile stayed %v after the valuation slider moved to 0", after)
	}
	// It is the engine's profile under the same weights and screen.
	if v := etfValue(t, ctx, "etf-holdings", "IWM", "pct-value"); math.IsNaN(v) || v <= 0 || v >= 100 {
		t.Errorf("IWM average value percentile %v", v)
	}

	// The modelled-style tracking over the yearly snapshots is the
	// engine's TrackStyle on the same files.
	step(t, ctx, 60*time.Second,
		chromedp.Click(chromedp.ID("etf-track-load")),
		chromedp.WaitVisible(chromedp.CSS(`#etf-track-table tr.etf-sum`)),
	)
	snaps := []*engine.Snapshot{}
	paths, _ := filepath.Glob(filepath.Join(distDir(t), "web", "data", "history-*.json"))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		s, err := engine.Decode(b)
		if err != nil {
			t.Fatal(err)
		}
		snaps = append(snaps, s)
	}
	vtwg, _ := fs.Lookup("VTWG")
	vtwv, _ := fs.Lookup("VTWV")
	tr := engine.TrackStyle(append(snaps, cur), iwm, vtwg, vtwv)
	rows := eval[int](t, ctx, `document.querySelectorAll('#etf-track-table tbody tr:not(.etf-sum)').length`)
	if rows != len(tr.Windows) || rows < 2 {
		t.Errorf("%d tracking windows shown, engine %d", rows, len(tr.Windows))
	}
	for k := 0; k < 4; k++ {
		// Wasm and native floating point may differ in the last bit.
		if v := etfValue(t, ctx, "etf-track-table", "sum", fmt.Sprintf("meandiff-%d", k)); math.Abs(v-tr.MeanDiff[k]) > 1e-12 {
			t.Errorf("mean tracking difference %d: shown %v, engine %v", k, v, tr.MeanDiff[k])
		}
	}
	record("etf_tracking_windows", "%d (N=%d 12-month); spread mean diff %.4f, TE %.4f, corr %.3f", len(tr.Windows), tr.N, tr.MeanDiff[3], tr.TrackingError[3], tr.Corr[3])

	// A dates change moves the trailing returns' end.
	retRaw := etfCellRaw(t, ctx, "etf-returns", "IWM", "ret1")
	eval[bool](t, ctx, `(() => { const el = document.getElementById('etf-asof');
	  el.value = '2025-06'; el.dispatchEvent(new Event('change', {bubbles: true})); return true })()`)
	asof, _ := engine.ParseMonth("2025-06")
	want = engine.TrailingReturns(iwm, asof.End(), []int{1})[0].Annualised
	waitJS(t, ctx, 10*time.Second, fmt.Sprintf("IWM's 1-year return (%s, to the last month) to change after the as-of month moved to 2025-06", retRaw),
		etfCellJS("etf-returns", "IWM", "ret1")+`.dataset.value !== `+mustJSON(retRaw))
	if r := etfValue(t, ctx, "etf-returns", "IWM", "ret1"); r != want {
		t.Errorf("IWM 1-year to 2025-06: shown %v, engine %v", r, want)
	}
}

// TestETFScreenshots saves the ETF view at phone and desktop widths, light
// and dark, English and Japanese, and checks the page does not scroll
// sideways.
func TestETFScreenshots(t *testing.T) {
	srv := serveSite(distDir(t), "", nil)
	defer srv.Close()
	ctx := newBrowser(t, 1440, 900)
	for _, lang := range []string{"en", "ja"} {
		eachLook(t, ctx, func(look string, _ int64) {
			name := "etf-" + lang + "-" + look
			openETFs(t, ctx, srv.URL+"/?lang="+lang)
			checkNoSideScroll(t, ctx, name)
			saveScreenshot(t, ctx, name, true)
		})
	}
	// The eight small-cap funds, in the two selections the six-fund picker
	// allows: each index's funds side by side.
	for i, funds := range []string{"IWM.VTWO.IJR.SPSM", "VTWG.IWO.VTWV.IWN"} {
		for _, lang := range []string{"en", "ja"} {
			for _, width := range []int64{390, 1440} {
				setView(t, ctx, width, 900, false)
				name := fmt.Sprintf("etf-funds%d-%s-%d", i+1, lang, width)
				openETFs(t, ctx, srv.URL+"/?f="+funds+"&lang="+lang)
				checkNoSideScroll(t, ctx, name)
				saveScreenshot(t, ctx, name, true)
			}
		}
	}
}

// TestETFFundsMissing: without funds.json the ETF view shows the same
// friendly error panel as a missing snapshot; the screener still works.
func TestETFFundsMissing(t *testing.T) {
	srv := serveSite(distDir(t), "", map[string]http.HandlerFunc{
		"/web/data/funds.json": func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) },
	})
	defer srv.Close()
	ctx := newBrowser(t, 1440, 900)
	step(t, ctx, 60*time.Second,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS("#rank-table tbody tr")),
		chromedp.Click(chromedp.CSS(`button.view-tab[data-view="etfs"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#load-error[data-kind="missing"]`)),
	)
	if s := eval[string](t, ctx, `document.getElementById('load-error').innerText`); !strings.Contains(s, "funds.json") {
		t.Errorf("error panel does not name the file: %q", s)
	}
}
