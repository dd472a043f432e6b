package main

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// savedScreens names and keeps screens (weights, filters, sort) in the
// browser's localStorage and lists them with load, copy link and delete;
// each name is also a link to the screen's URL, so it opens in a new tab
// or is copied like any link. Where storage is blocked (a cross-site
// iframe) the page's in-memory stand-in keeps them until the tab closes,
// and the panel says so.
type savedScreens struct {
	app.Compo

	M    *screenModel
	Lang lang

	list       []savedScreen
	persistent bool
	name       string
	message    string
	release    func()
}

func (c *savedScreens) OnMount(ctx app.Context) {
	c.list = decodeSaved(storageGet(savedStorageKey))
	c.persistent = storagePersistent()
	// A plain click on a name loads the screen in place; go-app would
	// otherwise treat it as a navigation it does not route. The listener
	// is ours so that the click is cancelled before the browser follows
	// the link; a click with a modifier (new tab) is left to the browser.
	doc := app.Window().Get("document")
	click := app.FuncOf(func(this app.Value, args []app.Value) any {
		e := args[0]
		if e.Get("button").Int() != 0 || e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() || e.Get("shiftKey").Bool() || e.Get("altKey").Bool() {
			return nil
		}
		t := e.Get("target")
		if !t.Truthy() || t.Get("closest").IsUndefined() {
			return nil
		}
		a := t.Call("closest", "#saved-list a.saved-link")
		if !a.Truthy() {
			return nil
		}
		e.Call("preventDefault")
		e.Call("stopPropagation")
		i, err := strconv.Atoi(a.Get("dataset").Get("i").String())
		if err == nil {
			ctx.Dispatch(func(app.Context) { c.load(i) })
		}
		return nil
	})
	// On the document, capturing: it runs before go-app's own link
	// handler on the window.
	doc.Call("addEventListener", "click", click, true)
	c.release = func() {
		doc.Call("removeEventListener", "click", click, true)
		click.Release()
	}
}

func (c *savedScreens) OnDismount() {
	if c.release != nil {
		c.release()
		c.release = nil
	}
}

func (c *savedScreens) Render() app.UI {
	l := c.Lang
	items := make([]app.UI, len(c.list))
	for i, s := range c.list {
		i, s := i, s
		scope := app.EventScope(strconv.Itoa(i) + s.Name)
		items[i] = app.Elem("li").Attr("data-name", s.Name).Body(
			rawElem("a", s.Name, "href", pageURL(s.Query), "class", "saved-link", "data-i", itoa(i)),
			divClass("saved-actions").Body(
				app.Button().Type("button").Class("link saved-load").Text(l.t("saved.load")).Aria("label", l.tf("saved.load.aria", s.Name)).
					OnClick(func(ctx app.Context, e app.Event) { c.load(i) }, scope),
				app.Button().Type("button").Class("link saved-copy").Text(l.t("saved.copy")).Aria("label", l.tf("saved.copy.aria", s.Name)).
					OnClick(func(ctx app.Context, e app.Event) { c.copyLink(ctx, s) }, scope),
				app.Button().Type("button").Class("link saved-delete").Text(l.t("saved.delete")).Aria("label", l.tf("saved.delete.aria", s.Name)).
					OnClick(func(ctx app.Context, e app.Event) { c.remove(i) }, scope),
			),
		)
	}
	return app.Elem("details").Class("group saved").Attr("open", true).Body(
		app.Elem("summary").Body(rawElem("h2", l.t("saved.title"))),
		divClass("saved-form").Body(
			app.Input().Type("text").ID("saved-name").Class("search-input").Placeholder(l.t("saved.name")).
				Aria("label", l.t("saved.name")).Attr("maxlength", maxSavedName).Value(c.name).
				OnInput(c.onName).OnKeyDown(c.onNameKey),
			app.Button().Type("button").ID("saved-add").Text(l.t("saved.save")).OnClick(c.onSave),
		),
		app.If(!c.persistent, func() app.UI {
			return rawElem("p", l.t("saved.memory"), "class", "muted small", "id", "saved-memory")
		}),
		app.If(len(c.list) == 0, func() app.UI {
			return rawElem("p", l.t("saved.none"), "class", "muted small")
		}),
		app.Elem("ul").ID("saved-list").Class("saved-list").Body(items...),
		app.Span().ID("saved-status").Class("muted small").Role("status").Aria("live", "polite").Text(c.message),
	)
}

func (c *savedScreens) onName(ctx app.Context, e app.Event) {
	c.name = ctx.JSSrc().Get("value").String()
	ctx.PreventUpdate()
}

func (c *savedScreens) onNameKey(ctx app.Context, e app.Event) {
	if e.Get("key").String() == "Enter" {
		c.onSave(ctx, e)
		return
	}
	ctx.PreventUpdate()
}

func (c *savedScreens) onSave(ctx app.Context, e app.Event) {
	l := c.Lang
	name := cleanSavedName(c.name)
	list, ok := withSaved(c.list, name, c.M.currentScreenQuery())
	switch {
	case name == "":
		c.message = l.t("saved.noname")
	case !ok:
		c.message = l.tf("saved.full", maxSavedScreens)
	case !storageSet(savedStorageKey, encodeSaved(list)):
		c.message = l.t("saved.failed")
	default:
		c.list, c.name, c.message = list, "", l.tf("saved.saved", name)
	}
}

func (c *savedScreens) load(i int) {
	if i < 0 || i >= len(c.list) {
		return
	}
	c.message = c.Lang.tf("saved.loaded", c.list[i].Name)
	c.M.loadScreen(c.list[i].Query)
}

func (c *savedScreens) remove(i int) {
	if i < 0 || i >= len(c.list) {
		return
	}
	name := c.list[i].Name
	list := withoutSaved(c.list, i)
	if !storageSet(savedStorageKey, encodeSaved(list)) {
		c.message = c.Lang.t("saved.failed")
		return
	}
	c.list, c.message = list, c.Lang.tf("saved.deleted", name)
}

func (c *savedScreens) copyLink(ctx app.Context, s savedScreen) {
	copyText(ctx, pageURL(s.Query), func(ctx app.Context, ok bool) {
		if ok {
			c.message = c.Lang.t("share.copied")
		} else {
			c.message = c.Lang.t("share.failed") + " " + pageURL(s.Query)
		}
	})
}

// storageGet reads a localStorage entry ("" when absent or blocked).
func storageGet(key string) (v string) {
	defer func() { _ = recover() }()
	if s := app.Window().Get("localStorage"); s.Truthy() {
		if x := s.Call("getItem", key); x.Truthy() {
			return x.String()
		}
	}
	return ""
}

// storageSet writes a localStorage entry; false when the browser refuses
// (quota, blocked storage).
func storageSet(key, value string) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	s := app.Window().Get("localStorage")
	if !s.Truthy() {
		return false
	}
	s.Call("setItem", key, value)
	return true
}

// storagePersistent reports whether localStorage is the browser's own
// (kept across visits) rather than the page's in-memory stand-in, which
// the handler installs where storage is blocked.
func storagePersistent() (ok bool) {
	defer func() { _ = recover() }()
	w := app.Window()
	st := w.Get("Storage")
	return st.Truthy() && w.Get("localStorage").InstanceOf(st)
}
