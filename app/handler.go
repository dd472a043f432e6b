//go:build !wasm

package main

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// subPathResolver prefixes every local resource with the sub-path the site
// is served from. Unlike app.GitHubPages it resolves "/" to prefix+"/": the
// host serves the directory index at "/screener/", and the service worker
// must cache exactly that URL or an offline start finds nothing.
type subPathResolver struct{ prefix string }

// newSubPathResolver normalises base ("/", "/screener", "screener/") to a
// prefix without a trailing slash ("" for the root).
func newSubPathResolver(base string) subPathResolver {
	p := strings.Trim(base, "/")
	if p == "" {
		return subPathResolver{}
	}
	return subPathResolver{prefix: "/" + p}
}

func (r subPathResolver) Resolve(location string) string {
	if strings.HasPrefix(location, "http://") || strings.HasPrefix(location, "https://") {
		return location
	}
	if location == "" || location == "/" {
		return r.prefix + "/"
	}
	if !strings.HasPrefix(location, "/") {
		location = "/" + location
	}
	return r.prefix + location
}

// storageFallbackScript runs before app.js: inside a cross-site iframe with
// third-party storage blocked, reading window.localStorage throws and go-app
// would crash at start, so a throwing storage is replaced by an in-memory one.
const storageFallbackScript = `<script>(function(){function mem(){var d={};return{getItem:function(k){return Object.prototype.hasOwnProperty.call(d,k)?d[k]:null},setItem:function(k,v){d[k]=String(v)},removeItem:function(k){delete d[k]},clear:function(){d={}},key:function(i){var k=Object.keys(d);return i<k.length?k[i]:null},get length(){return Object.keys(d).length}}}["localStorage","sessionStorage"].forEach(function(n){try{var s=window[n],t="__probe__";s.setItem(t,t);s.removeItem(t)}catch(e){try{Object.defineProperty(window,n,{value:mem(),configurable:true})}catch(e2){}}})})();</script>`

// noWasmScript runs when the page is parsed. go-app's app.js does not
// start the wasm for crawlers or with ?wasm=false in the URL (its
// goappCanLoadWebAssembly, meant for serving the pre-rendered page to
// search engines): it removes the loader and returns, so the pre-rendered
// "Loading the snapshot…" would stay forever. app.js is go-app's generated
// file (its Go template, not ours), so rather than patch it this script
// checks, once the deferred app.js has run, whether go-app removed the
// loader synchronously (which it does only when it will not load the wasm)
// and then replaces the loading panel with an explanation and a link to the
// same page without wasm=false.
const noWasmScript = `<script>document.addEventListener("DOMContentLoaded",function(){if(document.getElementById("app-wasm-loader"))return;var p=document.querySelector("#main .loading");if(!p)return;var u=new URL(location.href);var off=u.searchParams.get("wasm")==="false";u.searchParams.delete("wasm");p.removeAttribute("aria-busy");p.setAttribute("role","alert");p.id="no-wasm";p.textContent="";var m=document.createElement("p");m.textContent=off?"This page runs as WebAssembly, which wasm=false in the address turns off. · このページは WebAssembly で動きますが、アドレスの wasm=false で無効になっています。":"This page runs as WebAssembly, which is not started for this browser. · このページは WebAssembly で動きますが、このブラウザでは起動されません。";p.appendChild(m);if(off){var a=document.createElement("a");a.href=u.pathname+u.search+u.hash;a.textContent="Open the page without wasm=false · wasm=false なしで開く";var q=document.createElement("p");q.appendChild(a);p.appendChild(q)}var s=document.querySelector("#app .status");if(s)s.textContent=""})</script>`

// workerTemplate replaces go-app's default service worker. Its version
// (cacheName) is a hash over every file the site serves from web/ (wasm,
// styles, icons, data): a rebuild with new data or styles is a new worker,
// which the browser installs on the next visit. Unlike go-app's default it
//   - fills its cache past the browser's HTTP cache (cache: "reload"), so
//     a new worker never stores an old file, and waits for that before the
//     install completes;
//   - answers navigations that carry a query string (the URL state) with
//     the cached page, so a shared link also opens offline;
//   - keeps a copy of every data file fetched later (the history
//     snapshots, not in the install list: most visitors never open
//     History), so a view opened once also opens offline, and on
//     activation fetches the new build's version of each such file;
//   - goes to the network first for the data manifest (index.json, how
//     the page notices a newer build) and for requests made with cache
//     "no-store" or "reload" (the error panel's and the update banner's
//     Reload), refreshing its copy, and falls back to its copy offline.
const workerTemplate = `const cacheName = "app-" + "{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};
const rootURL = "{{ROOT}}";
const dataDir = "/web/data/";
const indexName = "index.json";
// How long the manifest may take before the cached copy answers (lie-fi).
const networkTimeoutMs = 4000;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(cacheName)
      .then((cache) => cache.addAll(resourcesToCache.map((u) => new Request(u, { cache: "reload" }))))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(activate().then(() => self.clients.claim()));
});

async function activate() {
  const cache = await caches.open(cacheName);
  for (const key of await caches.keys()) {
    if (key === cacheName) {
      continue;
    }
    const old = await caches.open(key);
    for (const request of await old.keys()) {
      if (!isData(request.url) || (await cache.match(request))) {
        continue;
      }
      try {
        const response = await fetch(request.url, { cache: "reload" });
        if (response.ok) {
          await cache.put(request.url, response);
        }
      } catch (err) {
        // Offline: the file is fetched again when a view needs it.
      }
    }
    await caches.delete(key);
  }
}

function isData(url) {
  return new URL(url).pathname.includes(dataDir);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") {
    return;
  }
  const fresh = request.mode !== "navigate" &&
    (request.cache === "no-store" || request.cache === "reload" || new URL(request.url).pathname.endsWith(dataDir + indexName));
  event.respondWith(fresh ? fromNetwork(request) : fromCache(request));
});

async function fromCache(request) {
  const cache = await caches.open(cacheName);
  let hit = await cache.match(request);
  if (!hit && request.mode === "navigate") {
    hit = (await cache.match(request, { ignoreSearch: true })) || (await cache.match(rootURL));
  }
  if (hit) {
    return hit;
  }
  const response = await fetch(request);
  if (response.ok && isData(request.url)) {
    await cache.put(request, response.clone());
  }
  return response;
}

async function fromNetwork(request) {
  const cache = await caches.open(cacheName);
  try {
    const response = await withTimeout(fetch(request, { cache: "no-store" }), networkTimeoutMs);
    if (response.ok && (isData(request.url) || (await cache.match(request)))) {
      await cache.put(request.url, response.clone());
    }
    return response;
  } catch (err) {
    const hit = await cache.match(request);
    if (hit) {
      return hit;
    }
    throw err;
  }
}

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), ms);
    promise.then((v) => { clearTimeout(timer); resolve(v); }, (e) => { clearTimeout(timer); reject(e); });
  });
}
`

// reloadScript records, as the page is parsed, whether a service worker
// already controls it (window.screenerHadWorker): on a first visit the
// new worker claims the page and go-app reports that as an update, which
// it is not. It also defines window.screenerReload(urls), the error panel's and
// the update banner's Reload (reloadPastCaches): it lets a newer service
// worker, if the host has one, install and take over (waiting at most a
// few seconds), fetches urls past every cache so the worker's copies are
// the host's, then reloads the page.
const reloadScript = `<script>window.screenerHadWorker=!!(navigator.serviceWorker&&navigator.serviceWorker.controller);window.screenerReload=async function(urls){try{var sw=navigator.serviceWorker,reg=sw&&await sw.getRegistration();if(reg){await reg.update().catch(function(){});var w=reg.installing||reg.waiting;if(w){await new Promise(function(done){var t=setTimeout(done,8000);w.addEventListener("statechange",function(){if(w.state==="activated"||w.state==="redundant"){clearTimeout(t);done()}})})}}await Promise.all((urls||[]).map(function(u){return fetch(u,{cache:"reload"}).catch(function(){})}))}catch(e){}location.reload()}</script>`

// progressBytesScript adds the downloaded size to go-app's loading label,
// which shows only a percentage ("Loading 45%" becomes "Loading 45% ·
// 3.0 / 6.6 MB"): the label is go-app's, rewritten on each progress step,
// so the script appends to it after each rewrite. The sizes are those of
// the decompressed app.wasm, the unit go-app's percentage counts in.
func progressBytesScript(wasmBytes int64) string {
	return `<script>document.addEventListener("DOMContentLoaded",function(){var l=document.getElementById("app-wasm-loader-label");if(!l)return;var total=` +
		strconv.FormatInt(wasmBytes, 10) +
		`;function mb(b){return(b/1e6).toFixed(1)}new MutationObserver(function(){var m=/(\d+)%$/.exec(l.textContent);if(m)l.textContent+=" · "+mb(total*m[1]/100)+" / "+mb(total)+" MB"}).observe(l,{childList:true,characterData:true,subtree:true})})</script>`
}

// siteConfig is what the static site depends on besides the routes.
type siteConfig struct {
	Base               string   // sub-path, "/" or "/screener"
	Version            string   // hash over every file of web/ (siteVersion)
	WasmLength         int64    // raw size of app.wasm in bytes
	CacheableResources []string // extra /web/... paths cached for offline use
}

// newHandler is the go-app handler the static site is generated from.
// Every URL in it is local: one unreachable icon would leave the offline
// cache empty (cache.addAll is all-or-nothing).
func newHandler(c siteConfig) *app.Handler {
	res := newSubPathResolver(c.Base)
	headers := []string{storageFallbackScript, noWasmScript, reloadScript, progressBytesScript(c.WasmLength)}
	for _, r := range c.CacheableResources {
		if r == currentSnapshotPath {
			// The snapshot downloads while the wasm compiles; the app's
			// fetch then takes it from the preload cache.
			headers = append(headers, `<link rel="preload" href="`+res.Resolve(r)+`" as="fetch" crossorigin="anonymous">`)
		}
	}
	return &app.Handler{
		Name:            "Small-cap factor screener",
		ShortName:       "Screener",
		Title:           "Small-cap factor screener",
		Description:     "Rank Russell 2000 and S&P SmallCap 600 companies on six factors, in the browser, offline.",
		Lang:            "en",
		BackgroundColor: "#ffffff",
		ThemeColor:      "#1f5fbf",
		// Shown before the app (and its language) loads: both languages.
		LoadingLabel: "Loading · 読み込み中 {progress}%",
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			Maskable: "/web/icon-512.png",
			SVG:      "/web/icon.svg",
		},
		Styles:                []string{"/web/app.css"},
		CacheableResources:    c.CacheableResources,
		RawHeaders:            headers,
		Resources:             res,
		Version:               c.Version,
		WasmContentLength:     strconv.FormatInt(c.WasmLength, 10),
		ServiceWorkerTemplate: strings.ReplaceAll(workerTemplate, "{{ROOT}}", res.Resolve("/")),
	}
}
