//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"screener/data/schema"
	"screener/engine"
)

// rebuildWithAsOf writes a copy of the site's web folder whose current
// snapshot says it is of date asof (a new envelope, so a new hash, and a
// manifest that lists it) and generates a site from it with `app dist`,
// as a rebuild with new data would.
func rebuildWithAsOf(t *testing.T, asof string) string {
	t.Helper()
	web := filepath.Join(t.TempDir(), "web")
	if err := os.CopyFS(web, os.DirFS(filepath.Join(repoRoot, "web"))); err != nil {
		t.Fatal(err)
	}
	dataDir := filepath.Join(web, "data")
	cur, err := os.ReadFile(filepath.Join(dataDir, schema.CurrentFile))
	if err != nil {
		t.Fatal(err)
	}
	old, err := engine.Decode(cur)
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(string(cur), `"body":`)
	body := strings.Replace(string(cur[i+len(`"body":`):len(cur)-1]), `"asof":"`+old.AsOf+`"`, `"asof":"`+asof+`"`, 1)
	newCur := schema.Envelope([]byte(body))
	if err := os.WriteFile(filepath.Join(dataDir, schema.CurrentFile), newCur, 0o644); err != nil {
		t.Fatal(err)
	}
	idx, err := os.ReadFile(filepath.Join(dataDir, schema.IndexFile))
	if err != nil {
		t.Fatal(err)
	}
	m, err := engine.DecodeManifest(idx)
	if err != nil {
		t.Fatal(err)
	}
	type entry struct {
		Name  string `json:"name"`
		Kind  string `json:"kind"`
		AsOf  string `json:"asof"`
		Bytes int64  `json:"bytes"`
		Hash  string `json:"hash"`
	}
	var files []entry
	for _, f := range m.Files {
		if f.Name == schema.CurrentFile {
			f.AsOf, f.Bytes, f.Hash = asof, int64(len(newCur)), schema.Hash([]byte(body))
		}
		files = append(files, entry{f.Name, f.Kind, f.AsOf, f.Bytes, f.Hash})
	}
	ib, _ := json.Marshal(map[string]any{"kind": schema.KindIndex, "files": files})
	if err := os.WriteFile(filepath.Join(dataDir, schema.IndexFile), schema.Envelope(ib), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "dist")
	goTool := os.Getenv("GO")
	if goTool == "" {
		goTool = "go"
	}
	cmd := exec.Command(goTool, "run", "./app", "dist", "-web", web, "-out", out, "-base", "/")
	cmd.Dir = repoRoot
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("dist of the rebuilt site: %v\n%s", err, b)
	}
	return out
}

// workerVersion is the cache name the site's service worker uses.
func workerVersion(t *testing.T, dir string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "app-worker.js"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`const cacheName = "app-" \+ "([0-9a-f]+)";`).FindSubmatch(b)
	if m == nil {
		t.Fatal("app-worker.js has no cacheName")
	}
	return "app-" + string(m[1])
}

// switchableSite serves whichever site folder root holds, as a host does
// before and after a deploy.
func switchableSite(root *atomic.Value) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.FileServer(http.Dir(root.Load().(string))).ServeHTTP(w, r)
	}))
}

func statusText(t *testing.T, ctx context.Context) string {
	return eval[string](t, ctx, `(document.querySelector('#app .status') || {}).innerText || ''`)
}

// TestReturningVisitorGetsNewData: after a rebuild with a changed
// snapshot, a returning visitor's page (served from the offline cache)
// notices the new data and says so; the first reload after that visit
// shows it. A second deploy is then taken through the banner's Reload.
func TestReturningVisitorGetsNewData(t *testing.T) {
	a := distDir(t)
	b := rebuildWithAsOf(t, "2025-11-25")
	if workerVersion(t, a) == workerVersion(t, b) {
		t.Fatal("a rebuild with a changed snapshot kept the service worker's version")
	}
	var root atomic.Value
	root.Store(a)
	srv := switchableSite(&root)
	defer srv.Close()
	ctx := newBrowser(t, 1440, 900)
	step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+"/?preset=janus4"))
	waitTable(t, ctx)
	waitCached(t, ctx, len(workerResources(t, a)))
	if s := statusText(t, ctx); !strings.Contains(s, schema.CurrentAsOf) {
		t.Fatalf("first visit status %q, want %s", s, schema.CurrentAsOf)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('#update-banner').length`); n != 0 {
		t.Error("the first visit offers an update (its own service worker's install is not one)")
	}

	root.Store(b) // the deploy
	step(t, ctx, 60*time.Second, chromedp.Reload())
	waitTable(t, ctx)
	if s := statusText(t, ctx); !strings.Contains(s, schema.CurrentAsOf) {
		t.Errorf("the visit after the deploy shows %q; it is served from the cache, so it should still show %s", s, schema.CurrentAsOf)
	}
	waitJS(t, ctx, 30*time.Second, "the update banner naming the new data", `(() => { const b = document.getElementById('update-banner'); return b && b.dataset.asof === '2025-11-25' })()`)
	saveScreenshot(t, ctx, "update-banner-1440-light", false)
	vb := workerVersion(t, b)
	waitUntil(t, 60*time.Second, "the new service worker to take over", func() (bool, string) {
		keys := eval[[]string](t, ctx, `caches.keys()`)
		return len(keys) == 1 && keys[0] == vb, fmt.Sprintf("caches %v, want only %s", keys, vb)
	})

	step(t, ctx, 60*time.Second, chromedp.Reload())
	waitTable(t, ctx)
	if s := statusText(t, ctx); !strings.Contains(s, "2025-11-25") {
		t.Errorf("first reload after the detecting visit shows %q, want the new data 2025-11-25", s)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('#update-banner').length`); n != 0 {
		t.Error("the banner is still shown with the new data")
	}
	if q := eval[string](t, ctx, `location.search`); !strings.Contains(q, "preset=janus4") {
		t.Errorf("the reload lost the screen: %q", q)
	}

	// Back to the first build: the banner's Reload brings it in one click.
	root.Store(a)
	step(t, ctx, 60*time.Second, chromedp.Reload())
	waitTable(t, ctx)
	waitJS(t, ctx, 30*time.Second, "the update banner", `(() => { const b = document.getElementById('update-banner'); return b && b.dataset.asof === '`+schema.CurrentAsOf+`' })()`)
	step(t, ctx, 60*time.Second, chromedp.Click(chromedp.CSS(`#update-banner button`)))
	waitUntil(t, 60*time.Second, "the page to reload with the data of the first build", func() (bool, string) {
		s := statusText(t, ctx)
		return strings.Contains(s, schema.CurrentAsOf) && eval[int](t, ctx, `document.querySelectorAll('#rank-table tbody tr').length`) > 0, s
	})
	if q := eval[string](t, ctx, `location.search`); !strings.Contains(q, "preset=janus4") {
		t.Errorf("the banner's reload lost the screen: %q", q)
	}
}

// TestCachedCorruptSnapshotFixedByReload: a damaged snapshot in the
// offline cache shows the error panel on every reload; the panel's Reload
// fetches it again past every cache and the page comes back.
func TestCachedCorruptSnapshotFixedByReload(t *testing.T) {
	dir := distDir(t)
	srv := serveSite(dir, "", nil)
	defer srv.Close()
	ctx := newBrowser(t, 1440, 900)
	step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+"/"))
	waitTable(t, ctx)
	waitCached(t, ctx, len(workerResources(t, dir)))
	eval[bool](t, ctx, `(async () => {
	  const c = await caches.open((await caches.keys())[0]);
	  await c.put(location.origin + '/web/data/current.json', new Response('{"schema":1,"hash":"fnv1a64:0000000000000000","body":{"kind":"cur'));
	  return true;
	})()`)
	for i := 0; i < 2; i++ {
		step(t, ctx, 60*time.Second, chromedp.Reload(), chromedp.WaitVisible(chromedp.ID("load-error")))
	}
	if kind := eval[string](t, ctx, `document.getElementById('load-error').dataset.kind`); kind != "corrupt" {
		t.Errorf("panel kind %q, want corrupt", kind)
	}
	step(t, ctx, 60*time.Second, chromedp.Click(chromedp.CSS(`#load-error button.primary`)))
	waitUntil(t, 60*time.Second, "the page to come back after the panel's Reload", func() (bool, string) {
		n := eval[int](t, ctx, `document.querySelectorAll('#rank-table tbody tr').length`)
		return n > 0, strconv.Itoa(n) + " rows"
	})
	size := eval[int](t, ctx, `(async () => {
	  const c = await caches.open((await caches.keys())[0]);
	  const r = await c.match(location.origin + '/web/data/current.json');
	  return r ? (await r.arrayBuffer()).byteLength : 0;
	})()`)
	if size < 100000 {
		t.Errorf("the cached snapshot is %d bytes after the Reload; the good file is larger", size)
	}
}

// TestLoadingShowsBytes: while app.wasm downloads (slowly here), the
// loading label shows the bytes received out of the total besides go-app's
// percentage.
func TestLoadingShowsBytes(t *testing.T) {
	dir := distDir(t)
	wasm, err := os.ReadFile(filepath.Join(dir, "web", "app.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	slow := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/wasm")
		w.Header().Set("Content-Length", strconv.Itoa(len(wasm)))
		for i := 0; i < len(wasm); i += 128 << 10 {
			w.Write(wasm[i:min(len(wasm), i+128<<10)])
			w.(http.Flusher).Flush()
			time.Sleep(40 * time.Millisecond)
		}
	}
	srv := serveSite(dir, "", map[string]http.HandlerFunc{"/web/app.wasm": slow})
	defer srv.Close()
	ctx := newBrowser(t, 390, 844)
	step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+"/"))
	total := fmt.Sprintf("/ %.1f MB", float64(len(wasm))/1e6)
	waitJS(t, ctx, 30*time.Second, "the loading label to show the bytes received", `(() => {
	  const l = document.getElementById('app-wasm-loader-label');
	  return l && /[1-9]\d*% · \d+\.\d \/ \d+\.\d MB$/.test(l.textContent) && l.textContent.includes('`+total+`');
	})()`)
	saveScreenshot(t, ctx, "loading-bytes-390-light", false)
	waitTable(t, ctx)
}
