package main

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"screener/engine"
)

// embedHeights are the iframe heights the embed code starts with, per view,
// in CSS pixels: enough for the view's first screen (the screener's 50-row
// page is about 1,900 px). The embedded page then reports its real height
// and the snippet's script resizes the frame.
var embedHeights = map[viewKey]int{viewScreener: 1900, viewETFs: 1400, viewHistory: 1300, viewClaims: 1600}

// embedBlockHeight and embedCardHeight start a one-block and a
// single-stock embed (resized from the reported height as above).
const embedBlockHeight, embedCardHeight = 520, 340

// shareBar offers "Copy link", "Copy embed code" (with a transparent
// background option) and, on the screener, "Download CSV". A copy that the
// browser refuses (a cross-site iframe, an old browser) shows the text in
// a selected read-only field for a manual copy.
type shareBar struct {
	app.Compo

	Lang  lang
	View  viewKey
	Query string // the page state (State.Query)
	Ready bool
	OnCSV func() error

	transparent bool
	sliders     bool   // screener embed: with the weight sliders
	block       string // ETF, History or Claims embed: one block ("" = all)
	message     string // "Copied" or an error, announced politely
	manual      string // text to copy by hand after a refused copy
}

func (b *shareBar) Render() app.UI {
	l := b.Lang
	return app.Elem("section").ID("share").Class("share-bar").Aria("label", l.t("share.title")).Body(
		app.Button().Type("button").ID("copy-link").Text(l.t("share.link")).OnClick(b.onCopyLink),
		app.Button().Type("button").ID("copy-embed").Text(l.t("share.embed")).OnClick(b.onCopyEmbed),
		app.Span().Class("check inline").Body(
			app.Input().Type("checkbox").ID("embed-transparent").Checked(b.transparent).OnChange(b.onTransparent),
			app.Label().For("embed-transparent").Text(l.t("share.transparent")),
		),
		b.renderEmbedOptions(),
		app.If(b.View == viewScreener && b.OnCSV != nil, func() app.UI {
			return app.Button().Type("button").ID("download-csv").Text(l.t("share.csv")).OnClick(b.onCSV)
		}),
		app.Span().ID("share-status").Class("share-status").Role("status").Aria("live", "polite").Text(b.message),
		app.If(b.manual != "", func() app.UI {
			return divClass("manual-copy").Body(
				app.Label().For("share-text").Text(l.t("share.text")),
				// An input, not a textarea (~16 KB less wasm); the snippet's
				// line break is not needed by HTML.
				app.Input().Type("text").ID("share-text").ReadOnly(true).Value(b.manual).
					OnFocus(func(ctx app.Context, e app.Event) { ctx.JSSrc().Call("select") }).
					OnKeyDown(b.onManualKey),
			)
		}),
	)
}

func (b *shareBar) linkURL() string { return pageURL(b.Query) }

// embedURL is the page URL for the iframe: the same screen as an embed
// shows it (State.ForEmbed), with the options chosen beside the button.
func (b *shareBar) embedURL() string {
	st := ParseState(b.Query).ForEmbed()
	st.Transparent = b.transparent
	st.Sliders = b.sliders && b.View == viewScreener
	switch {
	case b.View == viewClaims && b.block != "":
		st.Claim = b.block
	case embedBlockIndex(string(b.View), b.block) >= 0:
		st.Block = b.block
	}
	return pageURL(st.Query())
}

// renderEmbedOptions: a screener embed may carry the weight sliders; an
// ETF or History embed may show one block of the view, a Claims embed one
// claim's card.
func (b *shareBar) renderEmbedOptions() app.UI {
	l := b.Lang
	if b.View == viewScreener {
		return app.Span().Class("check inline embed-extra").Body(
			app.Input().Type("checkbox").ID("embed-sliders").Checked(b.sliders).
				OnChange(func(ctx app.Context, e app.Event) { b.sliders = ctx.JSSrc().Get("checked").Bool() }),
			app.Label().For("embed-sliders").Text(l.t("share.sliders")),
		)
	}
	blocks := embedBlocks[string(b.View)]
	if b.View == viewClaims {
		blocks = engine.ClaimIDs()
	}
	vals, labels := []string{""}, []string{l.t("share.block.all")}
	sel := 0
	for i, id := range blocks {
		vals = append(vals, id)
		if b.View == viewClaims {
			labels = append(labels, l.tf("embed.block.claim", id))
		} else {
			labels = append(labels, l.t("embed.block."+id))
		}
		if id == b.block {
			sel = i + 1
		}
	}
	return app.Span().Class("embed-block-pick embed-extra").Body(
		rawElem("label", l.t("share.block"), "for", "embed-block"),
		selectElem("embed-block", func(ctx app.Context, e app.Event) { b.block = ctx.JSSrc().Get("value").String() }, selectOptions(vals, labels, sel)),
	)
}

func (b *shareBar) onCopyLink(ctx app.Context, e app.Event) {
	b.copy(ctx, b.linkURL())
}

func (b *shareBar) onCopyEmbed(ctx app.Context, e app.Event) {
	h := embedHeights[b.View]
	if b.block != "" && b.View != viewScreener {
		h = embedBlockHeight
	}
	b.copy(ctx, embedSnippet(b.embedURL(), h, b.Lang.t("embed.frame")))
}

func (b *shareBar) onTransparent(ctx app.Context, e app.Event) {
	b.transparent = ctx.JSSrc().Get("checked").Bool()
}

func (b *shareBar) onCSV(ctx app.Context, e app.Event) {
	b.manual = ""
	b.message = ""
	if err := b.OnCSV(); err != nil {
		b.message = b.Lang.tf("share.csv.failed", err.Error())
	}
}

func (b *shareBar) copy(ctx app.Context, text string) {
	b.message, b.manual = "", ""
	copyText(ctx, text, func(ctx app.Context, ok bool) {
		if ok {
			b.message = b.Lang.t("share.copied")
			return
		}
		b.message = b.Lang.t("share.failed")
		b.manual = text
		ctx.Defer(func(app.Context) {
			if el := app.Window().GetElementByID("share-text"); el.Truthy() {
				el.Call("focus")
				el.Call("select")
			}
		})
	})
}

// onManualKey closes the manual-copy field on Escape.
func (b *shareBar) onManualKey(ctx app.Context, e app.Event) {
	if e.Get("key").String() == "Escape" {
		b.manual = ""
		b.message = ""
		if el := app.Window().GetElementByID("copy-link"); el.Truthy() {
			el.Call("focus")
		}
		return
	}
	ctx.PreventUpdate()
}

// embedSnippet is the HTML a blog author pastes: the iframe, lazy-loaded
// and borderless, with an accessible title, and a one-line script that
// resizes it to the height the embedded page reports (postMessage
// "screener-height", accepted only from the frame's own window and
// origin). Without the script (platforms that strip scripts) the frame
// keeps its starting height and scrolls.
func embedSnippet(src string, height int, title string) string {
	origin := src
	if i := strings.Index(src, "://"); i >= 0 {
		if j := strings.IndexByte(src[i+3:], '/'); j >= 0 {
			origin = src[:i+3+j]
		}
	}
	var w htmlWriter
	w.tagText(`<iframe src="`, src, `" width="100%" height="`+itoa(height)+`" style="border:0" loading="lazy" title="`)
	w.tagText("", title, `"></iframe>`+"\n"+
		`<script>addEventListener("message",function(e){if(e.origin!==`+jsString(origin)+
		`||!e.data||e.data.type!=="`+heightMessageType+`")return;document.querySelectorAll("iframe").forEach(function(f){if(f.contentWindow===e.source)f.style.height=Math.ceil(+e.data.height)+"px"})})</script>`)
	return w.String()
}

// jsString quotes s as a JavaScript string literal that is also safe inside
// an HTML <script> element.
func jsString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '<' || r == '>' || r == '&' || r < 0x20 || r == 0x2028 || r == 0x2029:
			b.WriteString(`\u`)
			h := strconv.FormatInt(int64(r), 16)
			b.WriteString(strings.Repeat("0", 4-len(h)) + h)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// langNames are the language choices, each written in its own script.
var langNames = []struct {
	Lang lang
	Name string
}{{langEN, "English"}, {langJA, "日本語"}}

// langSwitch is the visible language choice: plain elements rather than a
// component (a component type links go-app's wrappers into app.wasm).
type langSwitch struct {
	Lang   lang
	OnPick func(lang)
}

func (s *langSwitch) render() app.UI {
	opts := make([]app.UI, len(langNames))
	for i, n := range langNames {
		o := app.Elem("option").Attr("value", string(n.Lang)).Lang(string(n.Lang))
		if n.Lang == s.Lang {
			// Only the chosen option carries the attribute: go-app's
			// pre-render writes selected="false" as is, and any
			// selected attribute selects (the static page showed 日本語).
			o = o.Attr("selected", true)
		}
		opts[i] = o.Text(n.Name)
	}
	return divClass("lang-switch").Body(
		app.Label().For("lang-select").Class("visually-hidden").Text(s.Lang.t("lang.label")),
		app.Elem("select").ID("lang-select").OnChange(s.onChange).Body(opts...),
	)
}

func (s *langSwitch) onChange(ctx app.Context, e app.Event) {
	v := ctx.JSSrc().Get("value").String()
	if l := parseLang(v); string(l) == v && s.OnPick != nil {
		s.OnPick(l)
	}
}
