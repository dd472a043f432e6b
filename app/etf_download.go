package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// etfDownload is the "Download CSV" button of the comparison tables.
type etfDownload struct {
	app.Compo

	Lang   lang
	Tables []*etfTable
	AsOf   string

	err string
}

func (d *etfDownload) Render() app.UI {
	l := d.Lang
	return app.Div().Class("etf-download").Body(
		app.Button().Type("button").ID("etf-csv").Class("primary").Text(l.t("etf.csv")).OnClick(d.onClick),
		app.If(d.err != "", func() app.UI {
			return app.Span().Class("warn").Role("alert").Text(d.err)
		}),
	)
}

func (d *etfDownload) onClick(ctx app.Context, e app.Event) {
	b, err := etfCSV(d.Lang, d.Tables)
	if err == nil {
		err = saveFile(CSVFileName("etfs", d.AsOf), "text/csv;charset=utf-8", b)
	}
	d.err = ""
	if err != nil {
		d.err = err.Error()
	}
}
