package main

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"screener/engine"
)

// stockSearch is the search box of the screener's toolbar: a combobox
// (WAI-ARIA 1.2 "list autocomplete") over every stock of the snapshot,
// listed or not, matched by ticker or company name as the user types.
// Arrow keys move through the suggestions, Enter opens one, Escape closes
// the list (then clears the box); "/" anywhere outside a text field
// focuses the box. A listed stock opens on its table page with its row in
// view; for a stock the filters hide, the box says why and offers to show
// it anyway.
type stockSearch struct {
	app.Compo

	M    *screenModel
	Lang lang

	query   string
	results []int32
	active  int  // index of the highlighted suggestion, -1 for none
	open    bool // the suggestion list is shown
	hidden  int  // snapshot row chosen but not listed, -1 for none

	releaseKeys func()
}

const searchInputID = "stock-search"

func (c *stockSearch) OnInit() { c.active, c.hidden = -1, -1 }

func (c *stockSearch) OnMount(ctx app.Context) {
	releaseSlash := onSlashKey(ctx, func() {
		if el := app.Window().GetElementByID(searchInputID); el.Truthy() {
			el.Call("focus")
			el.Call("select")
		}
	})
	// The box's keys are read by a listener of our own: go-app runs its
	// handlers after the event has finished, too late to cancel it, and
	// Enter must not also activate what takes the focus next (the
	// detail panel's close button), nor Escape reach the screener's own
	// handler (which closes the panel).
	input := app.Window().GetElementByID(searchInputID)
	keys := app.FuncOf(func(this app.Value, args []app.Value) any {
		e := args[0]
		key := e.Get("key").String()
		switch key {
		case "ArrowDown", "ArrowUp", "Enter", "Escape":
		default:
			return nil
		}
		if key == "Escape" && !c.open && c.query == "" && c.hidden < 0 {
			return nil // nothing to close here: the screener's Escape applies
		}
		e.Call("preventDefault")
		e.Call("stopPropagation")
		ctx.Dispatch(func(ctx app.Context) { c.onKey(ctx, key) })
		return nil
	})
	input.Call("addEventListener", "keydown", keys)
	c.releaseKeys = func() {
		releaseSlash()
		input.Call("removeEventListener", "keydown", keys)
		keys.Release()
	}
}

func (c *stockSearch) OnDismount() {
	if c.releaseKeys != nil {
		c.releaseKeys()
		c.releaseKeys = nil
	}
}

func (c *stockSearch) Render() app.UI {
	l := c.Lang
	open := c.open && len(c.results) > 0
	input := app.Input().Type("search").ID(searchInputID).Class("search-input").
		Placeholder(l.t("search.placeholder")).
		Attr("role", "combobox").Attr("aria-autocomplete", "list").Attr("aria-controls", "search-list").
		Attr("aria-expanded", strconv.FormatBool(open)).Attr("autocomplete", "off").Attr("spellcheck", "false").
		Aria("keyshortcuts", "/").
		Value(c.query).OnInput(c.onInput).OnBlur(c.onBlur).OnFocus(c.onFocus)
	if open && c.active >= 0 {
		input = input.Aria("activedescendant", "search-opt-"+itoa(c.active))
	}
	return divClass("stock-search").Role("search").Body(
		rawElem("label", l.t("search.label"), "for", searchInputID, "class", "visually-hidden"),
		input,
		// The list is written as one HTML string (the table's technique):
		// a delegated mousedown picks the option and keeps focus in the box.
		divClass("search-pop").OnMouseDown(c.onPick).Body(c.listHTML(open)),
		app.If(c.hidden >= 0, c.renderHidden),
		rawElem("span", c.countText(open), "class", "visually-hidden", "role", "status", "aria-live", "polite"),
	)
}

// countText is what a screen reader hears as the list changes.
func (c *stockSearch) countText(open bool) string {
	if c.query == "" || !c.open {
		return ""
	}
	if !open {
		return c.Lang.t("search.none")
	}
	return c.Lang.tf("search.count", len(c.results))
}

func (c *stockSearch) listHTML(open bool) app.UI {
	m, l := c.M, c.Lang
	var w htmlWriter
	if !open {
		w.WriteString(`<ul id="search-list" role="listbox" class="search-list" hidden></ul>`)
		return w.UI()
	}
	w.WriteString(`<ul id="search-list" role="listbox" class="search-list"`)
	w.attr("aria-label", l.t("search.label"))
	w.WriteString(`>`)
	for k, r := range c.results {
		row := int(r)
		w.WriteString(`<li role="option" id="search-opt-` + itoa(k) + `" data-row="` + itoa(row) + `" aria-selected="` + strconv.FormatBool(k == c.active) + `">`)
		w.tagText(`<span class="ticker">`, m.snap.Ticker[row], `</span> `)
		w.tagText(`<span class="name">`, m.snap.Name[row], `</span>`)
		if why := m.why(row); why != engine.Listed {
			w.tagText(` <span class="tag">`, l.t("search.notlisted"), `</span>`)
		}
		w.WriteString(`</li>`)
	}
	w.WriteString(`</ul>`)
	return w.UI()
}

// renderHidden says why the chosen stock is not listed and offers to
// open it anyway.
func (c *stockSearch) renderHidden() app.UI {
	m, l := c.M, c.Lang
	row := c.hidden
	return divClass("search-why").ID("search-why").Role("status").Body(
		rawElem("span", l.tf("search.hidden", m.snap.Ticker[row], whyText(l, m, row, m.why(row)))),
		app.Button().Type("button").ID("search-show").Class("link").Text(l.t("search.show")).OnClick(c.onShowAnyway),
	)
}

func (c *stockSearch) onInput(ctx app.Context, e app.Event) {
	c.query = ctx.JSSrc().Get("value").String()
	c.results = append(c.results[:0], c.M.findStocks(c.query)...)
	c.active, c.open, c.hidden = -1, true, -1
	if len(c.results) > 0 {
		c.active = 0
	}
}

func (c *stockSearch) onFocus(ctx app.Context, e app.Event) {
	if c.query == "" || c.open {
		ctx.PreventUpdate()
		return
	}
	c.open = true
}

func (c *stockSearch) onBlur(ctx app.Context, e app.Event) {
	if !c.open {
		ctx.PreventUpdate()
		return
	}
	c.open = false
}

// onKey acts on the keys the box's listener (OnMount) passes on.
func (c *stockSearch) onKey(ctx app.Context, key string) {
	n := len(c.results)
	switch key {
	case "ArrowDown", "ArrowUp":
		if n == 0 {
			break
		}
		if !c.open {
			c.open = true
			break
		}
		c.active = nextOption(c.active, n, key == "ArrowUp")
	case "Enter":
		if c.open && c.active >= 0 && c.active < n {
			c.choose(ctx, int(c.results[c.active]))
		}
	case "Escape":
		if c.open && n > 0 {
			c.open = false
		} else {
			c.query, c.results, c.hidden = "", c.results[:0], -1
		}
	}
}

// nextOption moves the highlight one option down (or up), wrapping
// around the ends; from none it goes to the first (or last).
func nextOption(active, n int, up bool) int {
	switch {
	case n == 0:
		return -1
	case active < 0 && up:
		return n - 1
	case active < 0:
		return 0
	case up:
		return (active + n - 1) % n
	}
	return (active + 1) % n
}

// onPick opens the suggestion under the pointer (mousedown, so the box
// keeps focus and the list is still there when the pick is read).
func (c *stockSearch) onPick(ctx app.Context, e app.Event) {
	target := e.Get("target")
	if !target.Truthy() || target.Get("closest").IsUndefined() {
		ctx.PreventUpdate()
		return
	}
	li := target.Call("closest", "li[data-row]")
	if !li.Truthy() {
		ctx.PreventUpdate()
		return
	}
	e.PreventDefault()
	if row, err := strconv.Atoi(li.Get("dataset").Get("row").String()); err == nil {
		c.choose(ctx, row)
	}
}

// choose opens a listed stock where the table lists it, or explains why
// an unlisted one is missing.
func (c *stockSearch) choose(ctx app.Context, row int) {
	m := c.M
	if row < 0 || row >= m.snap.N {
		return
	}
	c.open, c.active = false, -1
	c.query = m.snap.Ticker[row]
	if m.why(row) != engine.Listed {
		c.hidden = row
		return
	}
	c.hidden = -1
	m.showStock(row)
	scrollRowIntoView(row)
}

func (c *stockSearch) onShowAnyway(ctx app.Context, e app.Event) {
	row := c.hidden
	c.hidden = -1
	c.M.selectRow(row)
}

// scrollRowIntoView scrolls the table row of snapshot row into view once
// the table shows it: the table is written in an animation frame after
// the change, so this looks for the row on each of the next frames.
func scrollRowIntoView(row int) {
	sel := `#rank-table tr[data-row="` + itoa(row) + `"]`
	var try func(left int)
	try = func(left int) {
		onNextFrame(func() {
			doc := app.Window().Get("document")
			if tr := doc.Call("querySelector", sel); tr.Truthy() {
				tr.Call("scrollIntoView", map[string]any{"block": "center"})
				return
			}
			if left > 0 {
				try(left - 1)
			}
		})
	}
	try(30)
}

// onSlashKey calls focus when "/" is pressed outside a text field
// (the shortcut of GitHub, YouTube and most search boxes); the returned
// function removes the listener.
func onSlashKey(ctx app.Context, focus func()) func() {
	doc := app.Window().Get("document")
	fn := app.FuncOf(func(this app.Value, args []app.Value) any {
		e := args[0]
		if e.Get("key").String() != "/" || e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() || e.Get("altKey").Bool() {
			return nil
		}
		t := e.Get("target")
		if t.Truthy() && !t.Get("closest").IsUndefined() && t.Call("closest", "input, textarea, select, [contenteditable]").Truthy() {
			return nil
		}
		e.Call("preventDefault")
		ctx.Dispatch(func(app.Context) { focus() })
		return nil
	})
	doc.Call("addEventListener", "keydown", fn)
	return func() {
		doc.Call("removeEventListener", "keydown", fn)
		fn.Release()
	}
}
