//go:build e2e

package e2e

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"screener/engine"
)

// shareWeights are non-default slider values for the shared-URL tests.
var shareWeights = engine.Weights{100, 50, 0, 100, 20, 80}

// listedOrder is the engine's ranking for weights w and options o among
// the stocks the page lists (at least listedMinCoverage factors).
func (e *expectation) listedOrder(w engine.Weights, o engine.Options) []string {
	o.MinCoverage = listedMinCoverage
	sc := engine.NewScreen(e.snap, e.metrics, o)
	sc.Score(w)
	var out []string
	for _, j := range sc.Order {
		if sc.Coverage[j] >= listedMinCoverage {
			out = append(out, e.snap.Ticker[sc.Members[j]])
		}
	}
	return out
}

func weightsParam(w engine.Weights) string {
	parts := make([]string, len(w))
	for i, x := range w {
		parts[i] = strconv.Itoa(int(x))
	}
	return strings.Join(parts, ".")
}

// waitRev waits until the table was rewritten after revision rev.
func waitRev(t *testing.T, ctx context.Context, rev string) {
	t.Helper()
	waitJS(t, ctx, 15*time.Second, "the ranked table to re-render after revision "+rev,
		`!!document.getElementById('rank-table') && document.getElementById('rank-table').dataset.rev !== `+mustJSON(rev))
}

func tableRev(t *testing.T, ctx context.Context) string {
	return eval[string](t, ctx, `document.getElementById('rank-table').dataset.rev`)
}

// TestSharedURLRestoresView: a link with custom weights, an index and
// profitability filter, an open stock and lang=ja opens in Japanese with
// exactly the engine's ranking for that state, the sliders and filters set
// as in the link, the stock's panel open, and the address bar unchanged.
func TestSharedURLRestoresView(t *testing.T) {
	exp := loadExpectation(t)
	opts := engine.Options{Filter: engine.Filter{Index: engine.IndexIWM, ProfitableOnly: true}}
	want := exp.listedOrder(shareWeights, opts)
	if len(want) < 60 {
		t.Fatalf("only %d stocks for the shared filter", len(want))
	}
	sel := want[2]
	query := "w=" + weightsParam(shareWeights) + "&u=iwm&prof=1&sel=" + sel + "&lang=ja"

	srv := serveSite(distDir(t), "", nil)
	defer srv.Close()
	ctx := newBrowser(t, 1440, 900)
	step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+"/?"+query))
	waitTable(t, ctx)
	step(t, ctx, 15*time.Second, chromedp.WaitVisible(chromedp.CSS(`#stock-detail[data-ticker="`+sel+`"]`)))

	if got := topTickers(t, ctx, 50); !slices.Equal(got, want[:50]) {
		t.Errorf("shared URL ranking differs from the engine:\n page   %v\n engine %v", got[:10], want[:10])
	}
	if got := eval[string](t, ctx, `document.documentElement.lang`); got != "ja" {
		t.Errorf("html lang = %q, want ja", got)
	}
	for f := engine.Factor(0); f < engine.NumFactors; f++ {
		if v := eval[string](t, ctx, `document.getElementById('w-`+f.Key()+`').value`); v != fmt.Sprint(shareWeights[f]) {
			t.Errorf("slider %s = %s, want %v", f.Key(), v, shareWeights[f])
		}
	}
	if v := eval[string](t, ctx, `document.getElementById('f-index').value`); v != "iwm" {
		t.Errorf("index filter = %q", v)
	}
	if !eval[bool](t, ctx, `document.getElementById('f-profitable').checked`) {
		t.Error("profitable filter not checked")
	}
	if got := eval[string](t, ctx, `location.search`); got != "?"+query {
		t.Errorf("address bar rewritten on open: %q", got)
	}
	record("share: shared URL", "ja, %d listed, top %v, %s open", len(want), want[:3], sel)
}

// TestHistoryBackForward: discrete changes (preset, opened stock, view of
// another page) are history entries; back and forward restore each state,
// and a slider drag rewrites the current entry instead of adding one.
func TestHistoryBackForward(t *testing.T) {
	exp := loadExpectation(t)
	ctx, _ := openScreener(t)
	def := topTickers(t, ctx, 20)
	h0 := eval[int](t, ctx, `history.length`)

	rev := tableRev(t, ctx)
	step(t, ctx, 10*time.Second, chromedp.Click(chromedp.CSS(`[data-preset="janus4"]`)))
	waitRev(t, ctx, rev)
	janus := topTickers(t, ctx, 20)
	janusW, _ := engine.PresetByKey("janus4")
	if want := exp.topN(sliderWeights(janusW.Weights), 20); !slices.Equal(janus, want) {
		t.Errorf("janus4 order differs from the engine: %v vs %v", janus, want)
	}
	if q := eval[string](t, ctx, `location.search`); q != "?p=janus4" {
		t.Errorf("after preset: URL query %q, want ?p=janus4", q)
	}
	// Open the third stock.
	third := janus[2]
	step(t, ctx, 10*time.Second, chromedp.Click(chromedp.CSS(`#rank-table tr[data-ticker="`+third+`"] td.name`)))
	step(t, ctx, 10*time.Second, chromedp.WaitVisible(chromedp.CSS(`#stock-detail[data-ticker="`+third+`"]`)))
	if q := eval[string](t, ctx, `location.search`); q != "?p=janus4&sel="+third {
		t.Errorf("after opening %s: URL query %q", third, q)
	}
	if h := eval[int](t, ctx, `history.length`); h != h0+2 {
		t.Errorf("history length %d after two discrete changes, want %d", h, h0+2)
	}

	// A slider drag: several input events, one rewritten entry.
	eval[bool](t, ctx, `(() => { const s = document.getElementById('w-value');
	  for (const v of [60, 40, 30]) { s.value = v; s.dispatchEvent(new Event('input', {bubbles: true})); }
	  return true })()`)
	step(t, ctx, 10*time.Second, chromedp.Poll[chromedp.Void](`location.search.includes('w=50.50.0.100.30.100')`))
	if h := eval[int](t, ctx, `history.length`); h != h0+2 {
		t.Errorf("a slider drag added history entries: length %d, want %d", h, h0+2)
	}

	// Back: the stock panel closes, the weights are janus4 again.
	rev = tableRev(t, ctx)
	step(t, ctx, 10*time.Second, chromedp.Evaluate[chromedp.Void](`history.back()`))
	waitRev(t, ctx, rev)
	step(t, ctx, 10*time.Second, chromedp.Poll[chromedp.Void](`!document.getElementById('stock-detail')`))
	if got := topTickers(t, ctx, 20); !slices.Equal(got, janus) {
		t.Errorf("back to the preset: order %v, want %v", got, janus)
	}
	if p := eval[string](t, ctx, `document.querySelector('[data-preset="janus4"]').getAttribute('aria-pressed')`); p != "true" {
		t.Errorf("back to the preset: janus4 aria-pressed=%q", p)
	}
	// Back again: the default page.
	rev = tableRev(t, ctx)
	step(t, ctx, 10*time.Second, chromedp.Evaluate[chromedp.Void](`history.back()`))
	waitRev(t, ctx, rev)
	if got := topTickers(t, ctx, 20); !slices.Equal(got, def) {
		t.Errorf("back to the start: order %v, want %v", got, def)
	}
	if v := eval[string](t, ctx, `document.getElementById('w-value').value`); v != "100" {
		t.Errorf("back to the start: value slider %s, want 100", v)
	}
	// Forward twice: the dragged weights and the open stock.
	rev = tableRev(t, ctx)
	step(t, ctx, 10*time.Second, chromedp.Evaluate[chromedp.Void](`history.forward()`))
	waitRev(t, ctx, rev)
	rev = tableRev(t, ctx)
	step(t, ctx, 10*time.Second, chromedp.Evaluate[chromedp.Void](`history.forward()`))
	waitRev(t, ctx, rev)
	step(t, ctx, 10*time.Second, chromedp.WaitVisible(chromedp.CSS(`#stock-detail[data-ticker="`+third+`"]`)))
	if v := eval[string](t, ctx, `document.getElementById('w-value').value`); v != "30" {
		t.Errorf("forward: value slider %s, want 30 (the drag's last value)", v)
	}
	record("share: back/forward", "preset, stock, drag (1 entry), back x2, forward x2 restored")
}

// TestEmbedSnippetCrossSite: the "Copy embed code" snippet, pasted as is
// into a page of another site, shows the view in a cross-site iframe with
// third-party storage blocked; the frame reports its height by postMessage
// and the snippet's script sizes the iframe to it.
func TestEmbedSnippetCrossSite(t *testing.T) {
	exp := loadExpectation(t)
	site := serveSite(distDir(t), "", nil)
	defer site.Close()
	// The screener is served as "localhost", the blog as "127.0.0.1": two
	// sites, so the frame is third-party.
	siteURL := strings.Replace(site.URL, "127.0.0.1", "localhost", 1)

	// The clipboard write is captured so the test can paste what the
	// user would.
	ctx := newThirdPartyBrowser(t, `if (navigator.clipboard) {
	  navigator.clipboard.writeText = (t) => { window.__copied = t; return Promise.resolve(); };
	}`)

	// The author's view: momentum preset, IJR only.
	step(t, ctx, 60*time.Second, chromedp.Navigate(siteURL+"/?p=momentum&u=ijr"))
	waitTable(t, ctx)
	step(t, ctx, 10*time.Second, chromedp.Click(chromedp.CSS(`#copy-embed`)))
	snippet := eval[string](t, ctx, `new Promise(r => { const f = () => window.__copied ? r(window.__copied) : setTimeout(f, 50); f(); })`)
	if !strings.HasPrefix(snippet, `<iframe src="`+siteURL+`/?p=momentum&amp;u=ijr&amp;embed=1"`) ||
		!strings.Contains(snippet, `width="100%"`) || !strings.Contains(snippet, `loading="lazy"`) ||
		!strings.Contains(snippet, `style="border:0"`) || !strings.Contains(snippet, `title="`) {
		t.Fatalf("embed snippet:\n%s", snippet)
	}

	// The blog notes the iframe's load event (a capturing listener on the
	// document sees it) and every message it receives.
	blog := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><meta charset="utf-8"><title>blog</title>
<script>window.heights = []; addEventListener("message", e => window.heights.push({origin: e.origin, data: e.data}));
document.addEventListener("load", e => { if (e.target.tagName === "IFRAME") window.frameLoaded = true; }, true);</script>
<h1>My small-cap post</h1><p>Before the embed.</p>
%s
<p>After the embed.</p>`, snippet)
	}))
	defer blog.Close()
	step(t, ctx, 60*time.Second, chromedp.Navigate(blog.URL+"/"))
	waitJS(t, ctx, 45*time.Second, "the embedded iframe's document to load", `window.frameLoaded === true`)
	c, cancel := contextWithTimeout(ctx, 90*time.Second)
	defer cancel()
	frames, err := chromedp.Run(c, chromedp.Nodes(chromedp.CSS("iframe")))
	if err != nil || len(frames) == 0 {
		t.Fatalf("iframe not found: %v", err)
	}
	// chromedp learns of the frame's JavaScript context from an event it
	// handles on another goroutine, so the first poll inside the frame can
	// still miss it: poll again until polling inside it starts.
	waitUntil(t, 60*time.Second, "the embedded screener to render rows or its error panel", func() (bool, string) {
		_, err := chromedp.Run(c, chromedp.Poll[bool](`document.querySelectorAll('#rank-table tbody tr').length > 0 || !!document.getElementById('load-error')`,
			chromedp.WithPollingInFrame(frames[0]), chromedp.WithPollingTimeout(10*time.Second)))
		return err == nil, fmt.Sprint(err)
	})
	inFrame, err := chromedp.Run(c, chromedp.Poll[[]string](`(() => {
	  if (document.querySelector('.topbar') || document.getElementById('share')) return ['chrome shown'];
	  return Array.from(document.querySelectorAll('#rank-table tbody tr[data-row]')).slice(0, 20).map(r => r.dataset.ticker);
	})()`, chromedp.WithPollingInFrame(frames[0])))
	if err != nil {
		t.Fatal(err)
	}
	// The rows in the frame's table box are in the DOM: at least the
	// first few.
	mom, _ := engine.PresetByKey("momentum")
	want := exp.listedOrder(sliderWeights(mom.Weights), engine.Options{Filter: engine.Filter{Index: engine.IndexIJR}})
	if len(inFrame) < 5 || !slices.Equal(inFrame, want[:len(inFrame)]) {
		t.Errorf("embedded ranking:\n frame  %v\n engine %v", inFrame, want[:20])
	}
	// The height message arrives from the frame's origin and the snippet
	// sized the iframe to it.
	type msg struct {
		Origin string `json:"origin"`
		Height int    `json:"height"`
		Frame  int    `json:"frame"`
	}
	var m msg
	waitUntil(t, 20*time.Second, "a height report over 300 px and the iframe sized to it", func() (bool, string) {
		m = eval[msg](t, ctx, `(() => { const hs = window.heights.filter(h => h.data && h.data.type === "screener-height");
		  const last = hs[hs.length - 1] || {origin: "", data: {height: 0}};
		  return {origin: last.origin, height: last.data.height, frame: Math.round(document.querySelector('iframe').getBoundingClientRect().height)}; })()`)
		return m.Height > 300 && m.Frame == m.Height, fmt.Sprintf("%+v", m)
	})
	if m.Origin != siteURL || m.Height <= 300 || m.Frame != m.Height {
		t.Errorf("height report: %+v (want origin %s, height > 300, iframe sized to it)", m, siteURL)
	}
	record("embed: snippet in cross-site iframe", "height %d px reported by %s, iframe resized; storage blocked", m.Height, m.Origin)
	// The frame is another renderer process: give it time to present the
	// layout at its new size before the host page is captured.
	time.Sleep(500 * time.Millisecond)
	saveScreenshot(t, ctx, "share-embed-blog-1200-light", false)
}

// TestCSVDownloadMatchesTable: "Download CSV" saves every listed stock in
// the table's order with its columns; the first page of the file is the
// table's first page, cell for cell where both show the same number.
func TestCSVDownloadMatchesTable(t *testing.T) {
	exp := loadExpectation(t)
	srv := serveSite(distDir(t), "", nil)
	defer srv.Close()
	ctx := newBrowser(t, 1440, 900)
	dir := t.TempDir()
	on := true
	c, cancel := contextWithTimeout(ctx, 10*time.Second)
	defer cancel()
	if _, err := chromedp.CallBrowser(c, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir, EventsEnabled: &on,
	}); err != nil {
		t.Fatalf("set download behaviour: %v", err)
	}
	step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+"/?u=ijr&sort=-mcap"))
	waitTable(t, ctx)
	// Wait for the browser's own word that the download is complete.
	dl, dlCancel := contextWithTimeout(ctx, 30*time.Second)
	defer dlCancel()
	begins := chromedp.BrowserEvents(dl, browser.DownloadWillBegin)
	progress := chromedp.BrowserEvents(dl, browser.DownloadProgress)
	step(t, ctx, 10*time.Second, chromedp.Click(chromedp.CSS(`#download-csv`)))
	name := "screener-quality6-" + exp.snap.AsOf + ".csv" // the screen (default preset) and the data date
	for ev, err := range begins {
		if err != nil {
			t.Fatalf("no download began within 30 s of the click: %v", err)
		}
		if ev.SuggestedFilename != name {
			t.Errorf("download named %q, want %q", ev.SuggestedFilename, name)
		}
		break
	}
	for ev, err := range progress {
		if err != nil {
			entries, _ := os.ReadDir(dir)
			t.Fatalf("the CSV download did not complete within 30 s (%v; dir holds %v)", err, entries)
		}
		if ev.State == browser.DownloadProgressStateCanceled {
			t.Fatalf("the browser canceled the CSV download")
		}
		if ev.State == browser.DownloadProgressStateCompleted {
			break
		}
	}
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil || len(data) == 0 {
		entries, _ := os.ReadDir(dir)
		t.Fatalf("download complete, but no %s (dir holds %v): %v", name, entries, err)
	}
	if !bytes.HasPrefix(data, []byte("\uFEFF")) {
		t.Error("CSV lacks the UTF-8 byte order mark")
	}
	if !bytes.Contains(data, []byte("\r\n# Data as of: "+exp.snap.AsOf+"\r\n")) {
		t.Error("CSV header block lacks the data date")
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
	r.Comment = '#'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("parsing the CSV: %v", err)
	}
	header, rows := recs[0], recs[1:]
	// The 13 shown columns, then every metric's value and percentile,
	// every factor's percentile and z, and the composite.
	if len(header) != 13+2*int(engine.NumMetrics)+2*int(engine.NumFactors)+1 || header[0] != "Rank" || header[1] != "Ticker" {
		t.Errorf("CSV header %v", header)
	}
	listed := eval[string](t, ctx, `document.getElementById('page-range').textContent`)
	if !strings.HasSuffix(listed, " of "+formatCount(len(rows))) {
		t.Errorf("CSV has %d rows, the table lists %q", len(rows), listed)
	}
	type cell struct{ Rank, Ticker, Score string }
	if !eval[bool](t, ctx, openTableBoxJS) {
		t.Fatal("the table box opened to its full height still leaves rows out of the DOM")
	}
	table := eval[[]cell](t, ctx, `Array.from(document.querySelectorAll('#rank-table tbody tr[data-row]')).map(r => ({
	  rank: r.querySelector('td.rank').textContent, ticker: r.dataset.ticker, score: r.querySelector('td.score').textContent}))`)
	if len(table) != 50 || len(rows) < 50 {
		t.Fatalf("table %d rows, CSV %d rows", len(table), len(rows))
	}
	for i, tr := range table {
		r := rows[i]
		// The CSV has two decimals, the table one: equal within rounding.
		sameScore := r[5] == "" && tr.Score == "—"
		if x, err := strconv.ParseFloat(r[5], 64); err == nil {
			y, err := strconv.ParseFloat(tr.Score, 64)
			sameScore = err == nil && math.Abs(x-y) <= 0.051
		}
		if r[0] != tr.Rank || r[1] != tr.Ticker || !sameScore {
			t.Errorf("row %d: CSV %v / %v / %v, table %+v", i+1, r[0], r[1], r[5], tr)
		}
	}
	// Sorted by market cap, largest first, as the table.
	prev := 1e18
	for i, r := range rows {
		if r[4] == "" {
			continue
		}
		x, err := strconv.ParseFloat(r[4], 64)
		if err != nil || x > prev {
			t.Errorf("CSV row %d market cap %q after %v: not the table's order", i+1, r[4], prev)
			break
		}
		prev = x
	}
	record("csv download", "%s, %d rows, %d bytes; first page equals the table", name, len(rows), len(data))
}

// latinWord is an English word: three or more Latin letters.
var latinWord = regexp.MustCompile(`[A-Za-z]{3,}`)

// jaAllowed are Latin words a Japanese page legitimately shows: fund
// tickers, accounting acronyms, the language switch's "English", file
// formats and the data source names.
var jaAllowed = map[string]bool{
	"IWM": true, "IJR": true, "FCF": true, "EBITDA": true, "EBIT": true, "ROE": true, "ROIC": true,
	"PER": true, "PBR": true, "TTM": true, "ETF": true, "CSV": true, "English": true,
	"SimFin": true, "SEC": true, "EDGAR": true,
}

// TestJapaneseHasNoEnglishChrome: with lang=ja, the visible text and the
// accessible names (aria-label, title) of the page, the filters and an
// open stock panel hold no English word except tickers, company names
// (which are data) and the allowed acronyms.
func TestJapaneseHasNoEnglishChrome(t *testing.T) {
	exp := loadExpectation(t)
	tickers := map[string]bool{}
	for _, tk := range exp.snap.Ticker {
		tickers[tk] = true
	}
	// Fund tickers, fund and issuer names and index names are proper
	// nouns (data), as company names are; descriptions are not.
	fb, err := os.ReadFile(filepath.Join(distDir(t), "web", "data", "funds.json"))
	if err != nil {
		t.Fatal(err)
	}
	funds, err := engine.DecodeFunds(fb)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range funds.Funds {
		for _, s := range []string{f.Ticker, f.Name, f.Issuer, f.Index} {
			for _, w := range latinWord.FindAllString(s, -1) {
				tickers[w] = true
			}
		}
	}
	srv := serveSite(distDir(t), "", nil)
	defer srv.Close()
	ctx := newBrowser(t, 1440, 900)
	top := exp.topN(sliderWeights(engine.Presets()[0].Weights), 1)[0]
	step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+"/?lang=ja&sel="+top))
	waitTable(t, ctx)
	step(t, ctx, 15*time.Second, chromedp.WaitVisible(chromedp.CSS(`#stock-detail`)))
	scanEnglish(t, ctx, tickers, "screener")
	// The other views, once their content is complete: the tables and
	// chart filled in and nothing on the page marked busy (loading or
	// updating).
	for _, v := range []struct{ view, ready string }{
		{"etfs", `!!document.querySelector('#etf-holdings td[data-metric="pe"]') && document.querySelectorAll('#etf-growth polyline').length > 0`},
		{"history", `!!document.querySelector('#hist-results[data-rev] #hist-summary')`},
	} {
		t.Run(v.view, func(t *testing.T) {
			step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+"/?lang=ja&view="+v.view))
			waitJS(t, ctx, 60*time.Second, "the Japanese "+v.view+" view to be complete",
				v.ready+` && !document.querySelector('[aria-busy="true"]')`)
			scanEnglish(t, ctx, tickers, v.view)
		})
	}
}

// scanEnglish fails for every English word in the page's visible text and
// accessible names, tickers, company names and allowed acronyms aside.
func scanEnglish(t *testing.T, ctx context.Context, tickers map[string]bool, view string) {
	t.Helper()
	texts := eval[[]string](t, ctx, `(() => {
	  const out = [];
	  const data = 'td.name, td.ticker, .company, .ticker, [data-ticker] > td:nth-child(2)';
	  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
	    const el = n.parentElement;
	    if (!el || el.closest('script, style') || el.closest(data) || !n.nodeValue.trim()) continue;
	    if (el.getClientRects().length === 0 && !el.closest('option, .visually-hidden, caption')) continue;
	    out.push(n.nodeValue.trim());
	  }
	  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
	    if (el.closest(data) || el.id === 'stock-detail') continue;
	    for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
	      const v = el.getAttribute(a); if (v) out.push(v);
	    }
	  }
	  return out.concat([document.title]);
	})()`)
	bad := map[string]string{}
	for _, s := range texts {
		for _, w := range latinWord.FindAllString(s, -1) {
			if !jaAllowed[w] && !tickers[w] {
				bad[w] = s
			}
		}
	}
	for w, s := range bad {
		t.Errorf("%s: English %q in the Japanese UI: %.90q", view, w, s)
	}
	record("ja: english words in "+view, "%d (of %d text pieces scanned)", len(bad), len(texts))
}

// shareWords are the share bar's labels and messages per language.
var shareWords = map[string]struct{ link, embed, csv, transparent, copied, failed, frame string }{
	"en": {"Copy link", "Copy embed code", "Download CSV", "Transparent background", "Copied",
		"Copy failed", "Small-cap factor screener (embedded)"},
	"ja": {"リンクをコピー", "埋め込みコードをコピー", "CSVをダウンロード", "背景を透明にする", "コピーしました",
		"コピーできませんでした", "米国小型株ファクター・スクリーナー（埋め込み）"},
}

// shareBarLayout measures the share bar: its controls' labels, and every
// way one of them is hidden, clipped, outside the bar or the viewport, or
// on top of another.
const shareBarLayoutJS = `(() => {
  const vw = document.documentElement.clientWidth, problems = [];
  const bar = document.getElementById('share');
  if (!bar) return {problems: ['no #share on the page'], labels: {}};
  const box = bar.getBoundingClientRect();
  if (box.width === 0 || box.height === 0 || getComputedStyle(bar).visibility === 'hidden') problems.push('the share bar is not shown');
  if (box.left < -0.5 || box.right > vw + 0.5) problems.push('the share bar spans ' + box.left + '..' + box.right + ' px, viewport 0..' + vw);
  if (bar.scrollWidth > bar.clientWidth + 1) problems.push('the share bar overflows: content ' + bar.scrollWidth + ' px in ' + bar.clientWidth);
  const lbl = document.querySelector('label[for="embed-transparent"]');
  const parts = [['copy-link', document.getElementById('copy-link')], ['copy-embed', document.getElementById('copy-embed')],
    ['embed-transparent', document.getElementById('embed-transparent')], ['its label', lbl],
    ['download-csv', document.getElementById('download-csv')]];
  const rects = [];
  for (const [name, el] of parts) {
    if (!el) { problems.push(name + ' missing'); continue; }
    const r = el.getBoundingClientRect(), cs = getComputedStyle(el);
    if (r.width < 1 || r.height < 1 || cs.visibility === 'hidden' || +cs.opacity === 0) { problems.push(name + ' not shown'); continue; }
    if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) problems.push(name + ' sticks out of the share bar');
    if (r.left < -0.5 || r.right > vw + 0.5) problems.push(name + ' outside the viewport (' + r.left + '..' + r.right + ' of ' + vw + ')');
    if (el.tagName === 'BUTTON' && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) problems.push(name + ' clips its label');
    if (el.tagName === 'BUTTON' && (r.width < 24 || r.height < 24)) problems.push(name + ' is ' + r.width + '×' + r.height + ' px, below a 24 px target');
    if (cs.color === cs.backgroundColor) problems.push(name + ' text colour equals its background');
    rects.push([name, r]);
  }
  for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) {
    const a = rects[i][1], b = rects[j][1];
    const w = Math.min(a.right, b.right) - Math.max(a.left, b.left), h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    if (w > 1 && h > 1) problems.push(rects[i][0] + ' overlaps ' + rects[j][0]);
  }
  const text = id => ((document.getElementById(id) || {}).textContent || '').trim();
  return {problems, labels: {link: text('copy-link'), embed: text('copy-embed'), csv: text('download-csv'),
    transparent: lbl ? lbl.textContent.trim() : ''}};
})()`

type shareLayout struct {
	Problems []string          `json:"problems"`
	Labels   map[string]string `json:"labels"`
}

// checkShareBar fails for every layout problem of the share bar and for
// labels not in the page's language.
func checkShareBar(t *testing.T, ctx context.Context, name, lang string) {
	t.Helper()
	l := eval[shareLayout](t, ctx, shareBarLayoutJS)
	for _, p := range l.Problems {
		t.Errorf("%s: %s", name, p)
	}
	w := shareWords[lang]
	if want := map[string]string{"link": w.link, "embed": w.embed, "csv": w.csv, "transparent": w.transparent}; fmt.Sprint(l.Labels) != fmt.Sprint(want) {
		t.Errorf("%s: share bar labels %q, want %q", name, l.Labels, want)
	}
}

// copied clicks the button with id and returns what it put on the
// (captured) clipboard.
func copied(t *testing.T, ctx context.Context, id string) string {
	t.Helper()
	eval[bool](t, ctx, `(() => { window.__copied = undefined; return true })()`)
	step(t, ctx, 10*time.Second, chromedp.Click(chromedp.ID(id)))
	waitJS(t, ctx, 10*time.Second, "#"+id+" to write to the clipboard", `typeof window.__copied === 'string'`)
	return eval[string](t, ctx, `window.__copied`)
}

// TestShareLooks: the share bar in both languages at phone and desktop
// width, light and dark, shows its buttons with labels in the page's
// language, inside the bar and the viewport, unclipped and not on top of
// each other, and the page does not scroll sideways. "Copy embed code"
// copies an iframe of this page in embed mode (without the language, with
// transparent=1 once ticked) titled in the page's language; where the
// browser refuses the clipboard, the same snippet is offered selected in
// a field that fits a phone screen. The compact embed shows the engine's
// ranking without the page chrome. Screenshots of each are saved.
func TestShareLooks(t *testing.T) {
	exp := loadExpectation(t)
	srv := serveSite(distDir(t), "", nil)
	defer srv.Close()
	ctx := newBrowser(t, 1440, 900)
	// The clipboard is captured, and refuses while __clipboardRefuses is set.
	addInitScript(t, ctx, `window.__clipboardRefuses = false;
	  navigator.clipboard.writeText = (t) => window.__clipboardRefuses
	    ? Promise.reject(new DOMException("denied", "NotAllowedError")) : (window.__copied = t, Promise.resolve());
	  const exec0 = document.execCommand.bind(document);
	  document.execCommand = (...a) => window.__clipboardRefuses ? false : exec0(...a);`)
	for _, lang := range []string{"en", "ja"} {
		w := shareWords[lang]
		step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+"/?lang="+lang))
		waitTable(t, ctx)
		for _, width := range []int64{390, 1440} {
			for _, dark := range []bool{false, true} {
				setView(t, ctx, width, 900, dark)
				waitViewport(t, ctx, width, dark)
				scheme := "light"
				if dark {
					scheme = "dark"
				}
				name := fmt.Sprintf("share-%s-%d-%s", lang, width, scheme)
				checkNoSideScroll(t, ctx, name)
				checkShareBar(t, ctx, name, lang)
				saveScreenshot(t, ctx, name, false)
			}
		}

		// The snippets (at 1440 dark, the last look).
		if got, want := copied(t, ctx, "copy-link"), srv.URL+"/?lang="+lang; got != want {
			t.Errorf("%s: Copy link gave %q, want %q", lang, got, want)
		}
		snippet := copied(t, ctx, "copy-embed")
		if want := `<iframe src="` + srv.URL + `/?embed=1" width="100%" height="1900" style="border:0" loading="lazy" title="` + w.frame + `"></iframe>` + "\n<script>"; !strings.HasPrefix(snippet, want) {
			t.Errorf("%s: embed snippet\n%s\nwant it to start with\n%s", lang, snippet, want)
		}
		if want := `e.origin!==` + mustJSON(srv.URL); !strings.Contains(snippet, want) || !strings.HasSuffix(snippet, "</script>") {
			t.Errorf("%s: the snippet's script does not accept heights from %s only:\n%s", lang, srv.URL, snippet)
		}
		waitJS(t, ctx, 10*time.Second, fmt.Sprintf("the share status to say %q after a copy", w.copied),
			`document.getElementById('share-status').textContent === `+mustJSON(w.copied))
		step(t, ctx, 10*time.Second, chromedp.Click(chromedp.ID("embed-transparent")))
		waitJS(t, ctx, 5*time.Second, "the transparent background box to be ticked", `document.getElementById('embed-transparent').checked`)
		snippet = copied(t, ctx, "copy-embed")
		if !strings.HasPrefix(snippet, `<iframe src="`+srv.URL+`/?embed=1&amp;transparent=1" `) {
			t.Errorf("%s: transparent embed snippet %.120q", lang, snippet)
		}
		// (The box stays ticked: a second click within go-app's update
		// frame of the first would be undone by the first one's pending
		// render, a race a person does not click fast enough to meet.)

		// A refused copy on a phone: the (transparent) snippet in a
		// selected field.
		setView(t, ctx, 390, 844, false)
		waitViewport(t, ctx, 390, false)
		eval[bool](t, ctx, `(() => { window.__clipboardRefuses = true; return true })()`)
		step(t, ctx, 10*time.Second, chromedp.Click(chromedp.ID("copy-embed")))
		waitJS(t, ctx, 10*time.Second, "the manual-copy field, focused, after a refused copy",
			`!!document.getElementById('share-text') && document.activeElement === document.getElementById('share-text')`)
		waitPainted(t, ctx)
		f := eval[[]string](t, ctx, `(() => { const f = document.getElementById('share-text'), r = f.getBoundingClientRect(), bar = document.getElementById('share').getBoundingClientRect();
		  return [f.value, String(document.activeElement === f && f.selectionStart === 0 && f.selectionEnd === f.value.length),
		    String(r.width > 100 && r.left >= bar.left - 0.5 && r.right <= bar.right + 0.5 && r.right <= document.documentElement.clientWidth + 0.5),
		    document.getElementById('share-status').textContent] })()`)
		name := "share-" + lang + "-390-light-manual-copy"
		// The field is a one-line input: it drops the snippet's line break
		// (HTML does not need it).
		if want := strings.ReplaceAll(snippet, "\n", ""); f[0] != want {
			t.Errorf("%s: manual-copy field holds %q, want the snippet %q", name, f[0], want)
		}
		if f[1] != "true" {
			t.Errorf("%s: the manual-copy field is not focused with all its text selected", name)
		}
		if f[2] != "true" {
			t.Errorf("%s: the manual-copy field does not fit the share bar on a phone screen", name)
		}
		if !strings.HasPrefix(f[3], w.failed) {
			t.Errorf("%s: status %q, want it to start with %q", name, f[3], w.failed)
		}
		checkNoSideScroll(t, ctx, name)
		saveScreenshot(t, ctx, name, false)
	}

	// The compact embed: the engine's ranking without header or share bar.
	setView(t, ctx, 700, 900, false)
	step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+"/?lang=ja&embed=1&p=janus4"))
	waitTable(t, ctx)
	waitViewport(t, ctx, 700, false)
	name := "share-embed-ja-700-light"
	checkNoSideScroll(t, ctx, name)
	janus, _ := engine.PresetByKey("janus4")
	if got, want := topTickers(t, ctx, 10), exp.topN(sliderWeights(janus.Weights), 10); !slices.Equal(got, want) {
		t.Errorf("%s: top 10 %v, engine %v", name, got, want)
	}
	chrome := eval[[]string](t, ctx, `['.topbar', '#share', '#lang-select', 'button.view-tab'].filter(s => document.querySelector(s))`)
	if len(chrome) > 0 {
		t.Errorf("%s: page chrome shown in the embed: %v", name, chrome)
	}
	if got := eval[[]string](t, ctx, `[document.documentElement.lang, (document.getElementById('embed-open') || {}).textContent || '']`); got[0] != "ja" || !strings.HasPrefix(got[1], "全画面で開く") {
		t.Errorf("%s: lang %q, open-full-page link %q", name, got[0], got[1])
	}
	saveScreenshot(t, ctx, name, false)
}

// TestLanguageSwitchAndPreference: without lang= the page follows the
// browser's preferred language; the visible switch changes every label at
// once, is recorded in the URL, and back returns to the previous language.
func TestLanguageSwitchAndPreference(t *testing.T) {
	srv := serveSite(distDir(t), "", nil)
	defer srv.Close()
	ctx := newBrowserWith(t, 1440, 900, "", []chromedp.ExecAllocatorOption{chromedp.Flag("lang", "ja-JP")})
	addInitScript(t, ctx, `Object.defineProperty(navigator, "languages", {get: () => ["ja-JP", "ja", "en-US"]});`)
	step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+"/"))
	waitTable(t, ctx)
	if h := eval[string](t, ctx, `document.querySelector('.brand h1').textContent`); h != "米国小型株ファクター・スクリーナー" {
		t.Errorf("browser prefers Japanese, title is %q", h)
	}
	rev := tableRev(t, ctx)
	eval[bool](t, ctx, `(() => { const s = document.getElementById('lang-select'); s.value = 'en';
	  s.dispatchEvent(new Event('change', {bubbles: true})); return true })()`)
	waitRev(t, ctx, rev)
	step(t, ctx, 10*time.Second, chromedp.Poll[chromedp.Void](`document.querySelector('.brand h1').textContent === 'Small-cap factor screener'`))
	got := eval[[]string](t, ctx, `[document.documentElement.lang, location.search,
	  document.querySelector('#rank-table th:nth-child(2)').textContent,
	  document.querySelector('.presets h2').textContent, document.querySelector('.weights h2').textContent]`)
	if want := []string{"en", "?lang=en", "Ticker", "Presets", "Factor weights"}; !slices.Equal(got, want) {
		t.Errorf("after switching to English: %q, want %q", got, want)
	}
	rev = tableRev(t, ctx)
	step(t, ctx, 10*time.Second, chromedp.Evaluate[chromedp.Void](`history.back()`))
	waitRev(t, ctx, rev)
	if th := eval[string](t, ctx, `document.querySelector('#rank-table th:nth-child(2)').textContent`); th != "ティッカー" {
		t.Errorf("back: ticker header %q, want the Japanese one", th)
	}
}

// TestKeyboardAndLabels: every control has an accessible name; a stock
// opens from the keyboard (Tab to its button, Enter) and Escape closes it;
// the skip button moves focus to the results; focus is visible.
func TestKeyboardAndLabels(t *testing.T) {
	srv := serveSite(distDir(t), "", nil)
	defer srv.Close()
	for _, lang := range []string{"en", "ja"} {
		ctx := newBrowser(t, 1440, 900)
		step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+"/?lang="+lang))
		waitTable(t, ctx)
		unnamed := eval[[]string](t, ctx, `(() => {
		  const out = [];
		  for (const el of document.querySelectorAll('button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"])')) {
		    const labels = el.labels ? Array.from(el.labels).map(l => l.textContent).join(' ') : '';
		    const name = (el.getAttribute('aria-label') || labels || el.textContent || el.title || '').trim();
		    if (!name) out.push(el.outerHTML.slice(0, 80));
		  }
		  return out;
		})()`)
		if len(unnamed) > 0 {
			t.Errorf("%s: controls without a name: %q", lang, unnamed)
		}
		// Skip button: the first Tab stop, Enter moves focus to #main.
		step(t, ctx, 10*time.Second, chromedp.KeyEvent(kb.Tab))
		if f := eval[string](t, ctx, `document.activeElement.className`); f != "skip-link" {
			t.Errorf("%s: first Tab stop is %q, want the skip button", lang, f)
		}
		step(t, ctx, 10*time.Second, chromedp.KeyEvent(kb.Enter))
		step(t, ctx, 10*time.Second, chromedp.Poll[chromedp.Void](`document.activeElement.id === 'main'`))
		// Tab from the results reaches the first sort button, then the table.
		first := eval[string](t, ctx, `document.querySelector('#rank-table tbody tr').dataset.ticker`)
		step(t, ctx, 10*time.Second, chromedp.Focus(chromedp.CSS(`#rank-table tbody tr td.ticker button`)))
		if o := eval[string](t, ctx, `getComputedStyle(document.activeElement).outlineStyle`); o == "none" {
			t.Errorf("%s: focused ticker button has no visible outline", lang)
		}
		step(t, ctx, 10*time.Second, chromedp.KeyEvent(kb.Enter))
		step(t, ctx, 10*time.Second, chromedp.WaitVisible(chromedp.CSS(`#stock-detail[data-ticker="`+first+`"]`)))
		step(t, ctx, 10*time.Second, chromedp.KeyEvent(kb.Escape))
		step(t, ctx, 10*time.Second, chromedp.Poll[chromedp.Void](`!document.getElementById('stock-detail')`))
	}
}

// TestCopyLinkFallback: where the browser refuses both clipboard routes
// (a cross-site iframe without clipboard permission), "Copy link" shows
// the link selected in a read-only field for a manual copy, says so, and
// Escape closes the field.
func TestCopyLinkFallback(t *testing.T) {
	srv := serveSite(distDir(t), "", nil)
	defer srv.Close()
	ctx := newBrowser(t, 1440, 900)
	addInitScript(t, ctx, `navigator.clipboard.writeText = () => Promise.reject(new DOMException("denied", "NotAllowedError"));
	  document.execCommand = () => false;`)
	step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+"/?p=deepvalue&lang=ja"))
	waitTable(t, ctx)
	step(t, ctx, 10*time.Second, chromedp.Click(chromedp.CSS(`#copy-link`)))
	step(t, ctx, 10*time.Second, chromedp.WaitVisible(chromedp.CSS(`#share-text`)))
	got := eval[[]string](t, ctx, `(() => { const f = document.getElementById('share-text');
	  return [f.value, String(document.activeElement === f), String(f.selectionEnd - f.selectionStart === f.value.length),
	    document.getElementById('share-status').textContent]; })()`)
	if want := srv.URL + "/?p=deepvalue&lang=ja"; got[0] != want || got[1] != "true" || got[2] != "true" || !strings.Contains(got[3], "コピーできませんでした") {
		t.Errorf("fallback field: %q (want value %s, focused, all selected, a Japanese message)", got, want)
	}
	step(t, ctx, 10*time.Second, chromedp.KeyEvent(kb.Escape))
	step(t, ctx, 10*time.Second, chromedp.Poll[chromedp.Void](`!document.getElementById('share-text')`))
}
