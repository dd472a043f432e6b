package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// errorPanel explains, in plain words, why there is no table: a missing,
// corrupt or wrong-version snapshot, or a failed download. The technical
// detail is one click away.
type errorPanel struct {
	app.Compo

	Lang   lang
	Kind   loadErrorKind
	URL    string
	Detail string
}

// message is the panel's plain-words explanation of p.Kind.
func (p *errorPanel) message() string {
	l := p.Lang
	switch p.Kind {
	case loadMissing:
		return l.tf("error.missing", p.URL)
	case loadVersion:
		return l.t("error.version")
	case loadNetwork:
		return l.t("error.network")
	case loadNoRows:
		return l.t("error.nocompanies")
	}
	return l.t("error.corrupt")
}

func (p *errorPanel) Render() app.UI {
	l := p.Lang
	msg := p.message()
	// The technical detail, folded.
	var detail htmlWriter
	detail.tagText("<details><summary>", l.t("error.detail"), "</summary><pre>")
	detail.tagText("", p.Detail, "</pre></details>")
	return app.Elem("section").ID("load-error").Class("panel error").Role("alert").DataSet("kind", string(p.Kind)).Body(
		rawElem("h2", l.t("error.title")),
		rawElem("p", msg),
		detail.UI(),
		app.Button().Type("button").Class("primary").Text(l.t("error.reload")).OnClick(p.reload),
	)
}

// reload fetches the failed file again past every cache: a damaged copy
// kept by the offline cache would otherwise come back on each reload.
func (p *errorPanel) reload(ctx app.Context, e app.Event) {
	if p.URL == "" {
		reloadPastCaches()
		return
	}
	reloadPastCaches(p.URL)
}
