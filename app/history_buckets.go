package main

// historyBuckets is the core table: for every date, the composite's
// quantile buckets (lowest scores left, highest right) with each bucket's
// forward return under the chosen statistic (median, winsorised mean,
// mean or cap-weighted mean), its number of names and how many of them
// have no forward price (left out of every statistic).
type historyBuckets struct {
	Lang lang
	R    *historyResult
}

func (b *historyBuckets) write(w *htmlWriter) {
	l := histLang{b.Lang}
	r := b.R
	k := r.Config.Buckets
	stat := r.Config.Stat
	noun := histStatNoun(l, r)
	title := l.tf("hist.buckets.title5", noun)
	if k == 10 {
		title = l.tf("hist.buckets.title10", noun)
	}
	w.open("section", "id", "hist-buckets", "class", "hist-block", "aria-labelledby", "hist-buckets-title")
	w.elem("h3", title, "id", "hist-buckets-title")
	w.elem("p", l.tf("hist.buckets.help", noun), "class", "small muted")
	w.open("div", "class", "table-wrap")
	w.open("table", "id", "hist-bucket-table", "class", "hist-table hist-buckets-table")
	w.open("thead")
	w.open("tr")
	w.elem("th", l.t("hist.col.date"))
	w.elem("th", l.t("hist.col.scored"), "class", "num")
	w.elem("th", l.t("hist.col.nofwd"), "class", "num", "title", l.t("hist.col.nofwd.title"))
	for q := 0; q < k; q++ {
		label := bucketName(l.lang, q, k)
		switch q {
		case 0:
			label += " " + l.t("hist.bucket.low")
		case k - 1:
			label += " " + l.t("hist.bucket.high")
		}
		w.elem("th", label, "class", "num")
	}
	w.close("tr")
	w.close("thead")
	w.open("tbody")
	for _, d := range r.Dates {
		w.open("tr", "data-asof", d.AsOf)
		w.elem("th", histDate(l.lang, d.AsOf), "scope", "row")
		w.elem("td", formatCount(d.Scored), "class", "num")
		w.elem("td", formatCount(d.MissingFwd), "class", "num")
		for q := 0; q < k; q++ {
			if q >= len(d.Buckets) {
				w.elem("td", missingText, "class", "num")
				continue
			}
			bs := d.Buckets[q]
			sub := l.tf("hist.bucket.n", formatCount(bs.N))
			if bs.Missing > 0 {
				sub = l.tf("hist.bucket.nmiss", formatCount(bs.N), formatCount(bs.Missing))
			}
			v := bs.Of(stat)
			w.open("td", "class", "num hist-bucket", "data-q", itoa(q), "data-v", rawNum(v),
				"data-n", itoa(bs.N), "data-miss", itoa(bs.Missing))
			w.elem("span", formatSignedPct(v), "class", signClass(v))
			w.elem("span", sub, "class", "small muted hist-n")
			w.close("td")
		}
		w.close("tr")
	}
	w.close("tbody")
	w.close("table")
	w.close("div")
	w.close("section")
}
