//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// workerResources reads the list the service worker caches on install.
func workerResources(t *testing.T, dir string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "app-worker.js"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`const resourcesToCache = (\[[^\]]*\]);`).FindSubmatch(b)
	if m == nil {
		t.Fatal("app-worker.js has no resourcesToCache list")
	}
	var list []string
	if err := jsonUnmarshal(m[1], &list); err != nil {
		t.Fatal(err)
	}
	return list
}

// waitCached waits until the service worker controls the page and its
// cache holds every resource of the install list.
func waitCached(t *testing.T, ctx context.Context, want int) {
	t.Helper()
	expr := `(async () => {
	  if (!navigator.serviceWorker || !navigator.serviceWorker.controller) return 0;
	  const keys = await caches.keys();
	  if (keys.length === 0) return 0;
	  const c = await caches.open(keys[0]);
	  return (await c.keys()).length;
	})()`
	waitUntil(t, 60*time.Second, fmt.Sprintf("the service worker to control the page and cache all %d resources of its install list", want), func() (bool, string) {
		n := eval[int](t, ctx, expr)
		return n >= want, fmt.Sprintf("%d of %d cached (0 also when no worker controls the page yet)", n, want)
	})
}

// checkOfflineReload: first visit, wait for the offline cache, reload
// online (repeat visit), then stop the server, switch the browser offline
// and reload: the screener must come up from the service worker cache.
func checkOfflineReload(t *testing.T, dir, prefix, label string) {
	srv := serveSite(dir, prefix, nil)
	ctx := newBrowser(t, 1440, 900)
	url := srv.URL + prefix + "/"
	step(t, ctx, 60*time.Second, chromedp.Navigate(url))
	waitTable(t, ctx)
	waitCached(t, ctx, len(workerResources(t, dir)))

	step(t, ctx, 60*time.Second, chromedp.Reload())
	waitTable(t, ctx)
	record(label+": repeat visit ready", "%.0f ms (budget 800)", timing(t, ctx)["readyAt"])
	repeat := timing(t, ctx)["readyAt"]

	srv.CloseClientConnections()
	srv.Close()
	setOffline(t, ctx, true)
	step(t, ctx, 60*time.Second, chromedp.Reload())
	waitTable(t, ctx)
	offline := timing(t, ctx)["readyAt"]
	record(label+": offline reload ready", "%.0f ms (budget 800)", offline)
	online := eval[bool](t, ctx, `navigator.onLine`)
	if online {
		t.Errorf("browser still reports online during the offline reload")
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('#rank-table tbody tr').length`); n == 0 {
		t.Error("offline reload shows no rows")
	}
	for name, ms := range map[string]float64{"repeat": repeat, "offline": offline} {
		if ms > 800*budgetSlack() {
			t.Errorf("%s %s visit ready at %.0f ms, budget 800 ms × slack %.1f", label, name, ms, budgetSlack())
		}
	}
}

// TestOfflineReload: the site works offline after the first visit.
func TestOfflineReload(t *testing.T) {
	checkOfflineReload(t, distDir(t), "", "root")
}

// TestSubPath: a site generated for /screener works there, online and
// offline, and /screener without the slash reaches it.
func TestSubPath(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "dist-sub")
	goTool := os.Getenv("GO")
	if goTool == "" {
		goTool = "go"
	}
	cmd := exec.Command(goTool, "run", "./app", "dist", "-out", dir, "-base", "/screener")
	cmd.Dir = repoRoot
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("generating the /screener site: %v\n%s", err, out)
	}
	idx, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, ref := range []string{`src="/screener/app.js"`, `href="/screener/web/app.css"`, `href="/screener/manifest.webmanifest"`} {
		if !strings.Contains(string(idx), ref) {
			t.Errorf("index.html lacks %s", ref)
		}
	}
	if res := workerResources(t, dir); !contains(res, "/screener/") || !contains(res, "/screener/web/data/current.json") {
		t.Errorf("worker caches %v; want /screener/ and the snapshot", res)
	}

	srv := serveSite(dir, "/screener", nil)
	defer srv.Close()
	ctx := newBrowser(t, 1440, 900)
	step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+"/screener"))
	waitTable(t, ctx)
	if loc := eval[string](t, ctx, `location.pathname`); loc != "/screener/" {
		t.Errorf("landed on %q", loc)
	}
	checkOfflineReload(t, dir, "/screener", "sub-path /screener")
}

// TestBadSnapshotShowsErrorPanel: a truncated, a wrong-version and a
// missing snapshot each show the friendly panel, never a blank page.
func TestBadSnapshotShowsErrorPanel(t *testing.T) {
	dir := distDir(t)
	good, err := os.ReadFile(filepath.Join(dir, "web", "data", "current.json"))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, kind string
		serve      http.HandlerFunc
	}{
		{"truncated", "corrupt", func(w http.ResponseWriter, r *http.Request) { w.Write(good[:len(good)/2]) }},
		{"flipped-byte", "corrupt", func(w http.ResponseWriter, r *http.Request) {
			b := []byte(strings.Replace(string(good), `"n":`, `"n": `, 1))
			w.Write(b)
		}},
		{"wrong-version", "version", func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte(strings.Replace(string(good), `"schema":1`, `"schema":99`, 1)))
		}},
		{"missing", "missing", http.NotFound},
	}
	ctx := newBrowser(t, 1440, 900)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := serveSite(dir, "", map[string]http.HandlerFunc{"/web/data/current.json": c.serve})
			defer srv.Close()
			step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.ID("load-error")))
			if kind := eval[string](t, ctx, `document.getElementById('load-error').dataset.kind`); kind != c.kind {
				t.Errorf("panel kind %q, want %q", kind, c.kind)
			}
			text := eval[string](t, ctx, `document.getElementById('load-error').innerText`)
			if !strings.Contains(text, "could not be loaded") {
				t.Errorf("panel text %q", text)
			}
			if n := eval[int](t, ctx, `document.querySelectorAll('#rank-table').length`); n != 0 {
				t.Error("a table is shown despite the bad snapshot")
			}
			if c.name == "truncated" {
				saveScreenshot(t, ctx, "error-corrupt-1440-light", false)
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestHistoryOfflineAfterFirstUse: the first visit's offline cache holds
// no history snapshot (they are most of the data and most visitors never
// open History); once History has been opened online, it also opens
// offline.
func TestHistoryOfflineAfterFirstUse(t *testing.T) {
	dir := distDir(t)
	for _, r := range workerResources(t, dir) {
		if strings.Contains(r, "/history-") {
			t.Errorf("the install list pre-caches %s", r)
		}
	}
	srv := serveSite(dir, "", nil)
	ctx := newBrowser(t, 1440, 900)
	step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+"/"))
	waitTable(t, ctx)
	waitCached(t, ctx, len(workerResources(t, dir)))
	openHistory(t, ctx)
	cachedHistory := `(async () => {
	  const keys = await caches.keys();
	  const c = await caches.open(keys[0]);
	  return (await c.keys()).filter(r => r.url.includes('/history-')).length;
	})()`
	waitUntil(t, 30*time.Second, "the worker to keep the six history files it served", func() (bool, string) {
		n := eval[int](t, ctx, cachedHistory)
		return n == 6, fmt.Sprintf("%d history files cached", n)
	})

	srv.CloseClientConnections()
	srv.Close()
	setOffline(t, ctx, true)
	step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+"/?view=history"))
	waitHistResults(t, ctx)
	if eval[bool](t, ctx, `navigator.onLine`) {
		t.Error("browser still reports online")
	}
}
