package main

import (
	"strings"

	"screener/engine"
)

// Date and label formats of the History view and its table cells (the
// numbers are format.go's).

// histDate shows a YYYY-MM-DD date in the language's table style
// (Japanese tables write 2025/11/24).
func histDate(l lang, iso string) string {
	if l == langJA {
		return strings.ReplaceAll(iso, "-", "/")
	}
	return iso
}

// histIs12m reports whether a date's forward window is the 12-month one
// (the windows the summary compounds); the other is "to the last price".
func histIs12m(d engine.DateResult) bool { return d.Basis == engine.ForwardYear }

// histShortLabel names a date on a chart axis: its year for a June-30
// snapshot, "now" for the current one.
func histShortLabel(l lang, d engine.DateResult) string {
	if !histIs12m(d) {
		return l.t("hist.now")
	}
	return d.From.Format("2006")
}

// bucketName is the column head of bucket b of k (0 = lowest composite):
// Q1…Q5 for quintiles, D1…D10 for deciles.
func bucketName(l lang, b, k int) string {
	if k == 10 {
		return l.tf("hist.bucket.d", b+1)
	}
	return l.tf("hist.bucket.q", b+1)
}

// histWindowHead writes a row header with the window's start date and,
// after it (hidden on phones), its end date.
func histWindowHead(w *htmlWriter, l lang, d engine.DateResult) {
	w.open("th", "scope", "row")
	w.elem("span", histDate(l, d.AsOf))
	w.elem("span", " → "+histDate(l, d.To.Format("2006-01-02")), "class", "small muted hist-window")
	w.close("th")
}

// histReturnCell writes a numeric cell with a signed, coloured return;
// key names it for scripts and tests (data-k), data-v carries the value.
func histReturnCell(w *htmlWriter, key string, v float64) {
	w.open("td", "class", "num", "data-k", key, "data-v", rawNum(v))
	w.elem("span", formatSignedPct(v), "class", signClass(v))
	w.close("td")
}

// histLang looks up the History view's strings without inlining lang.t's
// two map lookups at each of the view's ~60 call sites (wasm size).
type histLang struct{ lang }

//go:noinline
func (h histLang) t(key string) string { return h.lang.t(key) }

//go:noinline
func (h histLang) tf(key string, args ...any) string { return h.lang.tf(key, args...) }
