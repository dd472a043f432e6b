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

// workerTemplate replaces go-app's default service worker: it waits for the
// cache to be filled before the install completes (the default fires and
// forgets), answers navigations that carry a query string (the URL state)
// with the cached page, so a shared link also opens offline, and keeps a
// copy of every data file fetched later (the history snapshots, which are
// not in the install list: most visitors never open History, and they are
// most of the data), so a view opened once also opens offline.
const workerTemplate = `const cacheName = "app-" + "{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};
const rootURL = "{{ROOT}}";

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(cacheName)
      .then((cache) => cache.addAll(resourcesToCache))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== cacheName).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  if (event.request.method !== "GET") {
    return;
  }
  event.respondWith(fromCache(event.request));
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
  if (response.ok && new URL(request.url).pathname.includes("/web/data/")) {
    await cache.put(request, response.clone());
  }
  return response;
}
`

// siteConfig is what the static site depends on besides the routes.
type siteConfig struct {
	Base               string   // sub-path, "/" or "/screener"
	Version            string   // hash of app.wasm
	WasmLength         int64    // raw size of app.wasm in bytes
	CacheableResources []string // extra /web/... paths cached for offline use
}

// newHandler is the go-app handler the static site is generated from.
// Every URL in it is local: one unreachable icon would leave the offline
// cache empty (cache.addAll is all-or-nothing).
func newHandler(c siteConfig) *app.Handler {
	res := newSubPathResolver(c.Base)
	headers := []string{storageFallbackScript, noWasmScript}
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
