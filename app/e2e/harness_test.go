//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"screener/engine"
)

// repoRoot is the module root, two levels above this package.
var repoRoot = func() string {
	wd, err := os.Getwd()
	if err != nil {
		panic(err)
	}
	return filepath.Clean(filepath.Join(wd, "..", ".."))
}()

// distDir is the built static site (make dist), generated for base "/".
func distDir(t *testing.T) string {
	d := os.Getenv("DIST")
	if d == "" {
		d = filepath.Join(repoRoot, "dist")
	}
	if _, err := os.Stat(filepath.Join(d, "index.html")); err != nil {
		t.Fatalf("no built site in %s (run `make dist`): %v", d, err)
	}
	return d
}

func artifactsDir(t *testing.T) string {
	d := os.Getenv("ARTIFACTS")
	if d == "" {
		d = filepath.Join(repoRoot, ".artifacts")
	}
	if err := os.MkdirAll(d, 0o755); err != nil {
		t.Fatal(err)
	}
	return d
}

func chromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	return "/usr/bin/chromium"
}

// newBrowser starts a fresh headless Chromium with its own profile (so no
// service worker or cache leaks between tests) and returns a tab context.
func newBrowser(t *testing.T, width, height int) context.Context {
	t.Helper()
	return newBrowserWith(t, width, height, "", nil)
}

// newBrowserWith is newBrowser with a profile Preferences file written
// before start (JSON, "" for none) and extra command-line flags.
func newBrowserWith(t *testing.T, width, height int, prefs string, extra []chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	profile := t.TempDir()
	if prefs != "" {
		if err := os.MkdirAll(filepath.Join(profile, "Default"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(profile, "Default", "Preferences"), []byte(prefs), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath()),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(width, height),
	}
	opts = append(opts, extra...)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	t.Cleanup(func() {
		cancelCtx()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting chromium %s: %v", chromiumPath(), err)
	}
	return ctx
}

// step runs actions with a timeout derived from the browser context.
func step(t *testing.T, ctx context.Context, d time.Duration, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	c, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	if err := chromedp.Do(c, actions...); err != nil {
		t.Fatalf("browser step failed: %v", err)
	}
}

// eval evaluates a JS expression (awaiting promises) into T.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	c, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	v, err := chromedp.Run(c, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %.80q: %v", expr, err)
	}
	return v
}

// serveSite serves dir under prefix ("" or "/screener") like a static host.
// override, when set, answers some paths itself (a broken snapshot).
func serveSite(dir, prefix string, override map[string]http.HandlerFunc) *httptest.Server {
	files := http.FileServer(http.Dir(dir))
	mux := http.NewServeMux()
	var h http.Handler = files
	if prefix != "" {
		h = http.StripPrefix(prefix, files)
		mux.Handle("/", http.RedirectHandler(prefix+"/", http.StatusFound))
	}
	mux.Handle(prefix+"/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if o, ok := override[r.URL.Path]; ok {
			o(w, r)
			return
		}
		h.ServeHTTP(w, r)
	}))
	return httptest.NewServer(mux)
}

// ---- waiting for conditions (never for a fixed time) ----

// waitJS waits until the JavaScript expression cond is truthy in the page
// (chromedp.Poll: evaluated on every animation frame, awaited when it is
// a promise) and fails the test after d, saying what it waited for. The
// poll does not survive a navigation: across one, use waitUntil.
func waitJS(t *testing.T, ctx context.Context, d time.Duration, what, cond string) {
	t.Helper()
	c, cancel := context.WithTimeout(ctx, d+10*time.Second)
	defer cancel()
	if _, err := chromedp.Run(c, chromedp.Poll[chromedp.Void](cond, chromedp.WithPollingTimeout(d))); err != nil {
		t.Fatalf("waited %v for %s: %v\n  condition: %s", d, what, err, strings.Join(strings.Fields(cond), " "))
	}
}

// waitUntil calls check until it reports done and fails the test after d
// with what it waited for and check's last description of what it saw.
// For conditions read from Go (a number compared with the engine's), or
// that must hold across a navigation. check is called every 50 ms: a
// polling interval, not a guess of how long the page needs.
func waitUntil(t *testing.T, d time.Duration, what string, check func() (done bool, seen string)) {
	t.Helper()
	deadline := time.Now().Add(d)
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		done, seen := check()
		if done {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("waited %v for %s; last seen: %s", d, what, seen)
		}
		<-tick.C
	}
}

// waitPainted waits until the page's web fonts are loaded and the current
// DOM and layout have been painted (two animation frames: the first runs
// before the paint of the current state, the second after it), so a
// screenshot or a layout measure sees what a user sees.
func waitPainted(t *testing.T, ctx context.Context) {
	t.Helper()
	waitJS(t, ctx, 10*time.Second, "fonts loaded and the current layout painted",
		`document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))))`)
}

// waitViewport waits until the page lays out at the emulated viewport
// width and colour scheme setView asked for, then for the paint.
func waitViewport(t *testing.T, ctx context.Context, width int64, dark bool) {
	t.Helper()
	waitJS(t, ctx, 10*time.Second, fmt.Sprintf("the page to lay out at %d px wide, dark=%v", width, dark),
		fmt.Sprintf(`document.documentElement.clientWidth === %d && matchMedia('(prefers-color-scheme: dark)').matches === %v`, width, dark))
	waitPainted(t, ctx)
}

// openScreener serves the built site, opens it in a 1440×900 browser and
// waits for the ranked table; the server stops when the test ends.
func openScreener(t *testing.T) (context.Context, *httptest.Server) {
	t.Helper()
	return openScreenerAt(t, "", 1440, 900)
}

// openScreenerAt is openScreener at query q (without "?", "" for none) in
// a width×height browser.
func openScreenerAt(t *testing.T, q string, width, height int) (context.Context, *httptest.Server) {
	t.Helper()
	srv := serveSite(distDir(t), "", nil)
	t.Cleanup(srv.Close)
	ctx := newBrowser(t, width, height)
	path := "/"
	if q != "" {
		path += "?" + q
	}
	step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+path))
	waitTable(t, ctx)
	return ctx, srv
}

// waitTable waits until the ranked table shows rows.
func waitTable(t *testing.T, ctx context.Context) {
	t.Helper()
	step(t, ctx, 60*time.Second, chromedp.WaitVisible(chromedp.CSS("#rank-table tbody tr")))
}

// topTickers reads the first n tickers of the table's page, in display
// order. Only the rows in the table box's view are in the DOM: when fewer
// than n are, the box is opened for the read (openTableBoxJS).
func topTickers(t *testing.T, ctx context.Context, n int) []string {
	t.Helper()
	read := fmt.Sprintf(`Array.from(document.querySelectorAll('#rank-table tbody tr[data-row]')).slice(0, %d).map(r => r.dataset.ticker)`, n)
	if got := eval[[]string](t, ctx, read); len(got) >= n || !eval[bool](t, ctx, `!!document.querySelector('#rank-table tbody tr.vspace:last-child')`) {
		return got
	}
	eval[bool](t, ctx, openTableBoxJS)
	defer eval[bool](t, ctx, closeTableBoxJS)
	return eval[[]string](t, ctx, read)
}

// openTableBoxJS opens the table box to its full height, scrolled to the
// top, and resolves once the window of rows in the DOM covers the page
// (no bottom spacer is left); closeTableBoxJS puts the box back.
const (
	openTableBoxJS = `(async () => {
  const host = document.getElementById('rank-table-host');
  const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  host.style.maxHeight = 'none';
  host.scrollTop = 0;
  host.dispatchEvent(new Event('scroll'));
  for (let i = 0; i < 100 && host.querySelector('tbody tr.vspace:last-child'); i++) await frame();
  return !host.querySelector('tbody tr.vspace:last-child');
})()`
	closeTableBoxJS = `(async () => {
  const host = document.getElementById('rank-table-host');
  host.style.maxHeight = '';
  host.dispatchEvent(new Event('scroll'));
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  return true;
})()`
)

// timing reads what the page measured about itself (window.screenerTiming).
func timing(t *testing.T, ctx context.Context) map[string]float64 {
	return eval[map[string]float64](t, ctx, `window.screenerTiming || {}`)
}

// ---- the engine's expectation on the same snapshot ----

type expectation struct {
	snap    *engine.Snapshot
	metrics *engine.Metrics
}

var (
	expectOnce sync.Once
	expectVal  *expectation
	expectErr  error
)

// loadExpectation decodes the snapshot the site ships, with the engine.
func loadExpectation(t *testing.T) *expectation {
	t.Helper()
	expectOnce.Do(func() {
		b, err := os.ReadFile(filepath.Join(distDir(t), "web", "data", "current.json"))
		if err != nil {
			expectErr = err
			return
		}
		s, err := engine.Decode(b)
		if err != nil {
			expectErr = err
			return
		}
		expectVal = &expectation{snap: s, metrics: engine.ComputeMetrics(s)}
	})
	if expectErr != nil {
		t.Fatalf("loading the shipped snapshot with the engine: %v", expectErr)
	}
	return expectVal
}

// listedMinCoverage mirrors the page's default: stocks with fewer than 4
// of the 6 factors are unranked and not listed.
const listedMinCoverage = engine.DefaultMinCoverage

// topN is what the engine ranks first for slider weights w with no filter,
// among the stocks the page lists by default.
func (e *expectation) topN(w engine.Weights, n int) []string {
	return e.topNWith(engine.Options{MinCoverage: listedMinCoverage}, w, n)
}

// topNWith is the engine's top n tickers under options o (the ranked ones
// only, as the page lists them).
func (e *expectation) topNWith(o engine.Options, w engine.Weights, n int) []string {
	sc := engine.NewScreen(e.snap, e.metrics, o)
	sc.Score(w)
	var out []string
	for _, j := range sc.Order {
		if len(out) == n || math.IsNaN(sc.Composite[j]) {
			break
		}
		out = append(out, e.snap.Ticker[sc.Members[j]])
	}
	return out
}

// listedTickers are the tickers the page lists by default, in any order.
func (e *expectation) listedTickers() []string {
	sc := engine.NewScreen(e.snap, e.metrics, engine.Options{})
	var out []string
	for j, c := range sc.Coverage {
		if c >= listedMinCoverage {
			out = append(out, e.snap.Ticker[sc.Members[j]])
		}
	}
	return out
}

// sliderWeights mirrors what the page does to a preset: scale so the
// largest weight is 100 and round to the sliders' integer steps.
func sliderWeights(w engine.Weights) engine.Weights {
	top := 0.0
	for _, x := range w {
		top = math.Max(top, x)
	}
	var out engine.Weights
	for f, x := range w {
		out[f] = math.Round(x / top * 100)
	}
	return out
}

// ---- measurements, printed and saved at the end ----

var (
	measureMu sync.Mutex
	measures  = map[string]string{}
)

func record(key, format string, args ...any) {
	measureMu.Lock()
	defer measureMu.Unlock()
	measures[key] = fmt.Sprintf(format, args...)
}

func TestMain(m *testing.M) {
	code := m.Run()
	measureMu.Lock()
	keys := make([]string, 0, len(measures))
	for k := range measures {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%-34s %s\n", k, measures[k])
	}
	measureMu.Unlock()
	fmt.Print("\n== browser measurements ==\n" + b.String())
	if d := os.Getenv("ARTIFACTS"); d != "" && b.Len() > 0 {
		_ = os.MkdirAll(d, 0o755)
		_ = os.WriteFile(filepath.Join(d, "e2e-measurements.txt"), []byte(b.String()), 0o644)
	}
	os.Exit(code)
}

// percentile returns the p-th percentile (0..100, nearest rank) of xs.
func percentile(xs []float64, p float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return math.NaN()
	}
	k := int(math.Ceil(p/100*float64(len(s)))) - 1
	return s[max(0, min(k, len(s)-1))]
}

func saveScreenshot(t *testing.T, ctx context.Context, name string, full bool) {
	t.Helper()
	c, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	var png []byte
	var err error
	if full {
		png, err = chromedp.Run(c, chromedp.FullScreenshot(100))
	} else {
		png, err = chromedp.Run(c, chromedp.CaptureScreenshot())
	}
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	p := filepath.Join(artifactsDir(t), name+".png")
	if err := os.WriteFile(p, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s", p)
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
