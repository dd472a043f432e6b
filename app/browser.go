package main

// Small browser services for the shell: the page URL and history, the
// user's languages, the clipboard, and the embed height report. Each one is
// a no-op on the server side (pre-rendering and native tests), where there
// is no window.

import (
	"math"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// heightMessageType is the postMessage type an embedding page listens for.
const heightMessageType = "screener-height"

// pageQuery is the page's query string without "?".
func pageQuery() string {
	if app.IsServer {
		return ""
	}
	return strings.TrimPrefix(app.Window().Get("location").Get("search").String(), "?")
}

// pageURL is the absolute URL of this page (origin and path, so a site on
// a sub-path keeps it) with query q.
func pageURL(q string) string {
	if app.IsServer {
		return "/?" + q
	}
	loc := app.Window().Get("location")
	u := loc.Get("origin").String() + loc.Get("pathname").String()
	if q != "" {
		u += "?" + q
	}
	return u
}

// writeHistory puts query q in the address bar: pushState adds a history
// entry (a discrete change the back button should undo), replaceState
// rewrites the current one (a slider drag). Both keep the path, so the one
// route and a sub-path both stay.
func writeHistory(q string, push bool) {
	if app.IsServer {
		return
	}
	loc := app.Window().Get("location")
	u := loc.Get("pathname").String()
	if q != "" {
		u += "?" + q
	}
	method := "replaceState"
	if push {
		method = "pushState"
	}
	// Safari throws (SecurityError) past ~100 calls in 30 s; a lost URL
	// update must not stop the page.
	defer func() { _ = recover() }()
	app.Window().Get("history").Call(method, nil, "", u)
}

// dispatch is ctx.Dispatch kept out of line: inlined, each call site
// compiled its own ~900-byte wrapper closure into app.wasm.
//
//go:noinline
func dispatch(ctx app.Context, f func(app.Context)) { ctx.Dispatch(f) }

// divClass is app.Div().Class(class) kept out of line: each inlined
// app.Div builds its whole element struct at the call site.
//
//go:noinline
func divClass(class string) app.HTMLDiv { return app.Div().Class(class) }

// onPopState calls f on the UI goroutine after back/forward. go-app also
// handles popstate, but it skips a URL equal to the last one it navigated
// to itself, and the shell writes history directly, so it listens too.
func onPopState(ctx app.Context, f func(ctx app.Context)) {
	if app.IsServer {
		return
	}
	fn := app.FuncOf(func(this app.Value, args []app.Value) any {
		dispatch(ctx, f)
		return nil
	})
	app.Window().Call("addEventListener", "popstate", fn)
}

// browserLang is the first of the user's preferred languages
// (navigator.languages) the page has, English when none is.
func browserLang() lang {
	if app.IsServer {
		return langEN
	}
	nav := app.Window().Get("navigator")
	var prefs []string
	if ls := nav.Get("languages"); ls.Truthy() {
		for i := 0; i < ls.Length(); i++ {
			prefs = append(prefs, ls.Index(i).String())
		}
	}
	if l := nav.Get("language"); l.Truthy() {
		prefs = append(prefs, l.String())
	}
	return preferredLang(prefs)
}

// preferredLang picks the first supported language of a preference list
// ("ja-JP", "en-US", ...), English when none is supported.
func preferredLang(prefs []string) lang {
	for _, p := range prefs {
		if v := langFromURL(p); v != "" {
			return lang(v)
		}
	}
	return langEN
}

// setDocumentLang sets <html lang> (screen readers pick their voice and
// browsers their CJK font from it) and the window title.
func setDocumentLang(l lang) {
	if app.IsServer {
		return
	}
	doc := app.Window().Get("document")
	doc.Get("documentElement").Set("lang", string(l))
	doc.Set("title", l.t("app.title"))
}

// setRootClass switches a class on <html>, for page-wide styles such as the
// embed's transparent background.
func setRootClass(class string, on bool) {
	if app.IsServer {
		return
	}
	app.Window().Get("document").Get("documentElement").Get("classList").Call("toggle", class, on)
}

// reportHeight posts the height of the element with id to the parent page
// whenever it changes size (a ResizeObserver), as
// {type: "screener-height", height}, so an embedding page can size its
// iframe. Outside an iframe it does nothing.
func reportHeight(id string) {
	if app.IsServer {
		return
	}
	w := app.Window()
	if w.Get("parent").Equal(w.JSValue()) {
		return
	}
	last := -1
	post := func() {
		el := w.GetElementByID(id)
		if !el.Truthy() {
			return
		}
		rect := el.Call("getBoundingClientRect")
		h := int(math.Ceil(rect.Get("bottom").Float() + w.Get("scrollY").Float()))
		if h == last || h <= 0 {
			return
		}
		last = h
		msg := app.Window().Get("Object").New()
		msg.Set("type", heightMessageType)
		msg.Set("height", h)
		w.Get("parent").Call("postMessage", msg, "*")
	}
	cb := app.FuncOf(func(this app.Value, args []app.Value) any {
		post()
		return nil
	})
	if ro := w.Get("ResizeObserver"); ro.Truthy() {
		if el := w.GetElementByID(id); el.Truthy() {
			ro.New(cb).Call("observe", el)
		}
	}
	w.Call("addEventListener", "resize", cb)
	post()
}

// copyText writes text to the clipboard and calls done with the outcome
// on the UI goroutine. Inside a cross-site iframe the asynchronous
// Clipboard API is usually refused (permissions policy), so a failure
// tries the older execCommand("copy") on a hidden textarea; if that fails
// too the caller shows the text selected for a manual copy.
func copyText(ctx app.Context, text string, done func(ctx app.Context, ok bool)) {
	if app.IsServer {
		done(ctx, false)
		return
	}
	finish := func(ok bool) { dispatch(ctx, func(ctx app.Context) { done(ctx, ok) }) }
	fallback := func() bool {
		defer func() { _ = recover() }()
		doc := app.Window().Get("document")
		ta := doc.Call("createElement", "textarea")
		ta.Set("value", text)
		ta.Call("setAttribute", "readonly", "")
		ta.Get("style").Set("position", "fixed")
		ta.Get("style").Set("opacity", "0")
		doc.Get("body").Call("appendChild", ta)
		ta.Call("select")
		ok := doc.Call("execCommand", "copy").Bool()
		ta.Call("remove")
		return ok
	}
	clip := app.Window().Get("navigator").Get("clipboard")
	if !clip.Truthy() || !clip.Get("writeText").Truthy() {
		finish(fallback())
		return
	}
	var onOK, onErr app.Func
	release := func() { onOK.Release(); onErr.Release() }
	onOK = app.FuncOf(func(this app.Value, args []app.Value) any {
		release()
		finish(true)
		return nil
	})
	onErr = app.FuncOf(func(this app.Value, args []app.Value) any {
		release()
		finish(fallback())
		return nil
	})
	clip.Call("writeText", text).Call("then", onOK, onErr)
}

// reloadPastCaches reloads the page after fetching urls past every cache
// (the browser's and the service worker's, which refreshes its copy) and
// letting a newer service worker, if the host has one, take over first:
// window.screenerReload, defined in the page head (reloadScript). The page
// state is in the URL, so the reloaded page shows the same screen.
func reloadPastCaches(urls ...string) {
	if app.IsServer {
		return
	}
	list := make([]any, len(urls))
	for i, u := range urls {
		list[i] = u
	}
	w := app.Window()
	if w.Get("screenerReload").Truthy() {
		w.Call("screenerReload", list)
		return
	}
	w.Get("location").Call("reload")
}

// pageHadWorker: a service worker controlled this page when it was parsed
// (reloadScript), i.e. this is not the visit that installed the first one.
func pageHadWorker() bool {
	return !app.IsServer && app.Window().Get("screenerHadWorker").Truthy()
}

// setEmbedStyle puts css in the page's one embed style element (created on
// first use; "" empties it): how an embed narrowed to one block hides the
// rest of its view, whatever the view renders later.
func setEmbedStyle(css string) {
	if app.IsServer {
		return
	}
	doc := app.Window().Get("document")
	el := doc.Call("getElementById", "embed-style")
	if !el.Truthy() {
		if css == "" {
			return
		}
		el = doc.Call("createElement", "style")
		el.Set("id", "embed-style")
		doc.Get("head").Call("appendChild", el)
	}
	el.Set("textContent", css)
}
