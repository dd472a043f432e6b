//go:build e2e

package e2e

import (
	"context"
	"encoding/csv"
	"fmt"
	"math/rand"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// inViewCount is the number of ranked stocks the status line says are in
// view, read from the pager ("1–3,012 of 3,012").
func inViewCount(t *testing.T, ctx context.Context) int {
	t.Helper()
	return eval[int](t, ctx, `+document.getElementById('page-range').textContent.split(/\s+/).pop().replace(/[^0-9]/g, '')`)
}

// TestAllRowsScrollsToTheLastStock: with every row selected the table
// keeps only the rows in view in the DOM, and scrolling its box to the
// bottom shows the last stock, whose rank is the count in view, with the
// table's row count and each row's index for screen readers.
func TestAllRowsScrollsToTheLastStock(t *testing.T) {
	exp := loadExpectation(t)
	ctx, _ := openScreener(t)
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
	// Screen readers meet only the rows in the DOM: the table says how
	// many rows it has, each row where it stands (the header is row 1).
	if got := eval[string](t, ctx, `document.getElementById('rank-table').getAttribute('aria-rowcount')`); got != fmt.Sprint(n+1) {
		t.Errorf("aria-rowcount %q, want %d", got, n+1)
	}
	if bad := eval[[]string](t, ctx, `Array.from(document.querySelectorAll('#rank-table tbody tr[data-row]'))
	  .filter(r => +r.getAttribute('aria-rowindex') !== +r.querySelector('td.rank').textContent + 1)
	  .map(r => r.querySelector('td.rank').textContent + ':' + r.getAttribute('aria-rowindex'))`); len(bad) > 0 {
		t.Errorf("rows whose aria-rowindex is not their rank + 1 (rank:index): %v", bad)
	}
	saveScreenshot(t, ctx, "table-all-rows-scrolled-1440-light", false)
	// Back up to the top: the first stock again, in the engine's order.
	eval[bool](t, ctx, `(() => { document.getElementById('rank-table-host').scrollTop = 0; return true })()`)
	waitJS(t, ctx, 10*time.Second, "rank 1 back at the top", `document.querySelector('#rank-table tbody tr[data-row] td.rank').textContent === '1'`)
}

// TestSliderBudgetAllRows: the slider budget holds with every row listed.
func TestSliderBudgetAllRows(t *testing.T) {
	ctx, _ := openScreenerAt(t, "rows=all", 1440, 900)
	// Scroll into the middle of the list first: the window is not at 0.
	eval[bool](t, ctx, `(() => { const h = document.getElementById('rank-table-host'); h.scrollTop = h.scrollHeight / 2; return true })()`)
	waitPainted(t, ctx)
	rng := rand.New(rand.NewSource(2))
	lat, reranked := dragSliders(t, ctx, rng, 6, 10)
	record("slider drag -> repaint, all rows", "p50 %.1f ms, p95 %.1f ms, max %.1f ms over %d moves, %d showed a re-ranked table (budget p50 %d, p95 %d)",
		percentile(lat, 50), percentile(lat, 95), percentile(lat, 100), len(lat), reranked, sliderBudgetP50, sliderBudgetP95)
	checkSliderBudget(t, "slider drag -> repaint (all rows)", lat)
	var traced []float64
	b := traceRun(t, ctx, func() { traced, _ = dragSliders(t, ctx, rng, 2, 10) })
	record("slider drag main thread, all rows", "%s", b.perMove(len(traced)))
	if n := eval[int](t, ctx, `document.querySelectorAll('#rank-table tbody tr[data-row]').length`); n > 120 {
		t.Errorf("%d rows in the DOM after the moves", n)
	}
}

// TestFocusReturnsToTheRow: closing the detail panel (its close button,
// or Escape) puts the keyboard focus back on the ticker of the row that
// opened it.
func TestFocusReturnsToTheRow(t *testing.T) {
	ctx, _ := openScreener(t)
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

// captureDownloadsJS records what the page saves (saveFile: a Blob URL on
// a clicked <a download>): window.__saved holds {name, blob}.
const captureDownloadsJS = `(() => {
  window.__saved = [];
  const create = URL.createObjectURL.bind(URL);
  const blobs = new Map();
  URL.createObjectURL = (b) => { const u = create(b); blobs.set(u, b); return u; };
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.download && blobs.has(this.href)) { window.__saved.push({name: this.download, blob: blobs.get(this.href)}); return; }
    return click.call(this);
  };
  return true;
})()`

// TestColumnChooserChangesTableAndCSV: adding a metric column in the
// chooser shows it in the table, sorts by it from its header, records it in
// the URL, and the CSV carries it among the shown columns; removing a
// factor column takes it out of both.
func TestColumnChooserChangesTableAndCSV(t *testing.T) {
	ctx, _ := openScreener(t)
	eval[bool](t, ctx, captureDownloadsJS)
	// Open the menu; tick "Return on equity: value", untick "Momentum".
	step(t, ctx, 10*time.Second, chromedp.Click(chromedp.CSS(`#col-chooser > summary`)))
	waitPainted(t, ctx)
	saveScreenshot(t, ctx, "table-column-chooser-1440-light", false)
	roeRaw := eval[int](t, ctx, `(() => { for (const d of document.querySelectorAll('#col-chooser .col-metric')) {
	  if (d.textContent.startsWith('Return on equity')) return +d.querySelector('input').dataset.col } return -1 })()`)
	momentum := eval[int](t, ctx, `(() => { for (const f of document.querySelectorAll('#col-chooser fieldset')) {
	  if (f.querySelector('legend').textContent === 'Momentum') return +f.querySelector('.col-factor input').dataset.col } return -1 })()`)
	if roeRaw < 0 || momentum < 0 {
		t.Fatalf("chooser boxes not found: roe %d momentum %d", roeRaw, momentum)
	}
	headers := func() []string {
		return eval[[]string](t, ctx, `Array.from(document.querySelectorAll('#rank-table thead th')).map(th => th.textContent.replace(/ [▲▼]$/, ''))`)
	}
	before := headers()
	rev := eval[string](t, ctx, `document.getElementById('rank-table').dataset.rev`)
	step(t, ctx, 10*time.Second, chromedp.Click(chromedp.CSS(fmt.Sprintf(`#col-chooser input[data-col="%d"]`, roeRaw))))
	waitJS(t, ctx, 10*time.Second, "the ROE column", `document.querySelector('#rank-table thead button.sort[data-col="`+fmt.Sprint(roeRaw)+`"]') !== null`)
	step(t, ctx, 10*time.Second, chromedp.Click(chromedp.CSS(fmt.Sprintf(`#col-chooser input[data-col="%d"]`, momentum))))
	waitJS(t, ctx, 10*time.Second, "the Momentum column to go", `document.querySelector('#rank-table thead button.sort[data-col="`+fmt.Sprint(momentum)+`"]') === null`)
	after := headers()
	if len(after) != len(before) || !containsStr(after, "ROE") || containsStr(after, "Mom.") {
		t.Errorf("headers before %v, after %v: want ROE in, Mom. out", before, after)
	}
	if rev == eval[string](t, ctx, `document.getElementById('rank-table').dataset.rev`) {
		t.Error("the table did not change")
	}
	cols := eval[string](t, ctx, `new URLSearchParams(location.search).get('cols') || ''`)
	if cols == "" {
		t.Error("the chosen columns are not in the URL")
	}
	// Close the menu, then sort by the new column from its header:
	// highest ROE first.
	step(t, ctx, 10*time.Second, chromedp.Click(chromedp.CSS(`#col-chooser > summary`)))
	step(t, ctx, 10*time.Second, chromedp.Click(chromedp.CSS(fmt.Sprintf(`#rank-table thead button.sort[data-col="%d"]`, roeRaw))))
	waitJS(t, ctx, 10*time.Second, "the table sorted by ROE", `document.querySelector('#rank-table thead th[aria-sort="descending"] button.sort[data-col="`+fmt.Sprint(roeRaw)+`"]') !== null`)
	idx := eval[int](t, ctx, `Array.from(document.querySelectorAll('#rank-table thead th')).findIndex(th => th.querySelector('button.sort[data-col="`+fmt.Sprint(roeRaw)+`"]'))`)
	vals := eval[[]string](t, ctx, fmt.Sprintf(`Array.from(document.querySelectorAll('#rank-table tbody tr[data-row]')).slice(0, 10).map(r => r.cells[%d].textContent)`, idx))
	prev := 1e18
	for _, v := range vals {
		x, err := strconv.ParseFloat(strings.TrimSuffix(strings.ReplaceAll(v, "−", "-"), "%"), 64)
		if err != nil || x > prev {
			t.Errorf("ROE column sorted highest first: %v", vals)
			break
		}
		prev = x
	}
	if !strings.Contains(eval[string](t, ctx, `location.search`), "sort=-roe") {
		t.Errorf("the sort is not in the URL: %s", eval[string](t, ctx, `location.search`))
	}
	// The CSV carries the shown columns first.
	step(t, ctx, 10*time.Second, chromedp.Click(chromedp.CSS(`#download-csv`)))
	waitJS(t, ctx, 10*time.Second, "the CSV", `window.__saved.length > 0`)
	text := eval[string](t, ctx, `window.__saved[0].blob.text()`)
	name := eval[string](t, ctx, `window.__saved[0].name`)
	if !strings.HasPrefix(name, "screener-quality6-") || !strings.HasSuffix(name, ".csv") {
		t.Errorf("CSV named %q", name)
	}
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(text, "\uFEFF")))
	r.Comment = '#'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("parsing the CSV: %v", err)
	}
	shown := recs[0][:len(after)]
	if !containsStr(shown, "Return on equity (value)") || containsStr(shown, "Momentum (percentile)") {
		t.Errorf("CSV shown columns %v", shown)
	}
	// Reloading the URL restores the columns and the sort.
	step(t, ctx, 30*time.Second, chromedp.Reload())
	waitTable(t, ctx)
	if got := headers(); !slicesEqualStr(got, after) {
		t.Errorf("after a reload the headers are %v, want %v", got, after)
	}
}

func containsStr(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func slicesEqualStr(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestPhoneFirstScreenShowsResults: on a 390×844 phone the weights and
// filters fold behind a toggle, so a result row is on the first screen;
// the toggle unfolds them, and on a desktop they show without it.
func TestPhoneFirstScreenShowsResults(t *testing.T) {
	ctx, _ := openScreenerAt(t, "", 390, 844)
	setView(t, ctx, 390, 844, false)
	waitViewport(t, ctx, 390, false)
	bottom := eval[float64](t, ctx, `document.querySelector('#rank-table tbody tr[data-row]').getBoundingClientRect().bottom`)
	record("phone 390x844: first result row bottom", "%.0f px (budget 844)", bottom)
	if bottom > 844 {
		t.Errorf("the first result row ends at %.0f px, below the 844 px first screen", bottom)
	}
	if eval[bool](t, ctx, `getComputedStyle(document.getElementById('controls')).display !== 'none'`) {
		t.Error("the controls are unfolded on a phone at first")
	}
	saveScreenshot(t, ctx, "table-phone-first-screen-390-light", false)
	step(t, ctx, 10*time.Second, chromedp.Click(chromedp.ID("controls-toggle")))
	waitJS(t, ctx, 10*time.Second, "the controls to unfold", `getComputedStyle(document.getElementById('controls')).display !== 'none' && document.getElementById('controls-toggle').getAttribute('aria-expanded') === 'true'`)
	if !eval[bool](t, ctx, `document.getElementById('w-value').getBoundingClientRect().height > 0`) {
		t.Error("the sliders are not shown after the toggle")
	}
	setView(t, ctx, 1440, 900, false)
	waitViewport(t, ctx, 1440, false)
	if !eval[bool](t, ctx, `getComputedStyle(document.getElementById('controls-toggle')).display === 'none' && getComputedStyle(document.getElementById('controls')).display !== 'none'`) {
		t.Error("on a desktop the controls show without a toggle")
	}
}

// TestTableScreenshots saves the table at phone and desktop widths, light
// and dark, in English and Japanese, and the phone table swiped sideways
// (the ticker column stays); it checks the page never scrolls sideways.
func TestTableScreenshots(t *testing.T) {
	srv := serveSite(distDir(t), "", nil)
	defer srv.Close()
	ctx := newBrowser(t, 1440, 900)
	for _, lang := range []string{"en", "ja"} {
		eachLook(t, ctx, func(name string, width int64) {
			step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+"/?lang="+lang+"&rows=all"))
			waitTable(t, ctx)
			waitPainted(t, ctx)
			checkNoSideScroll(t, ctx, name)
			saveScreenshot(t, ctx, "table-"+lang+"-"+name, false)
			if width <= 600 {
				eval[bool](t, ctx, `(() => { const h = document.getElementById('rank-table-host'); h.scrollLeft = 400; h.scrollTop = 29 * 1000; return true })()`)
				waitJS(t, ctx, 10*time.Second, "rank 1,000-odd rows in view", `(() => { const r = document.querySelector('#rank-table tbody tr[data-row] td.rank'); return r && +r.textContent > 900 })()`)
				waitPainted(t, ctx)
				// Four-digit ranks show whole; the ticker stays at the left.
				clipped := eval[bool](t, ctx, `Array.from(document.querySelectorAll('#rank-table td.rank')).some(td => td.scrollWidth > td.clientWidth)`)
				if clipped {
					t.Errorf("%s %s: a rank number is cut", lang, name)
				}
				left := eval[float64](t, ctx, `document.querySelector('#rank-table tbody tr[data-row] td.ticker').getBoundingClientRect().left - document.getElementById('rank-table-host').getBoundingClientRect().left`)
				if left > 2 {
					t.Errorf("%s %s: swiped sideways, the ticker column is %.0f px from the box's left edge", lang, name, left)
				}
				step(t, ctx, 10*time.Second, chromedp.ScrollIntoView(chromedp.ID("rank-table-host")))
				saveScreenshot(t, ctx, "table-"+lang+"-"+name+"-swiped", false)
			}
		})
	}
}

// TestPagerKeepsTheTableTopInView: Next, clicked below a long page, shows
// the next page from its first row, with the top of the table on screen.
func TestPagerKeepsTheTableTopInView(t *testing.T) {
	ctx, _ := openScreener(t)
	eval[bool](t, ctx, `(() => { const h = document.getElementById('rank-table-host'); h.scrollTop = h.scrollHeight; window.scrollTo(0, document.body.scrollHeight); return true })()`)
	step(t, ctx, 10*time.Second, chromedp.Click(chromedp.ID("page-next")))
	waitJS(t, ctx, 10*time.Second, "page 2 from rank 51", `document.querySelector('#rank-table tbody tr[data-row] td.rank').textContent === '51'`)
	waitPainted(t, ctx)
	top := eval[[]float64](t, ctx, `(() => { const h = document.getElementById('rank-table-host'); return [h.getBoundingClientRect().top, h.scrollTop, innerHeight] })()`)
	if top[0] < -1 || top[0] > top[2]-100 || top[1] != 0 {
		t.Errorf("after Next the table box is at %.0f px (viewport %.0f px), scrolled %.0f px: want its top in view and its first row shown", top[0], top[2], top[1])
	}
}
