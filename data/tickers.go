package data

import (
	"strings"
)

// delistedSuffix marks SimFin and quarterly-summary tickers of companies
// that were delisted; such a ticker may since have been reused by another
// company, so it must never match a live ticker.
const delistedSuffix = "_DELISTED"

// tickerKey is the matching key of a ticker across sources: upper case with
// every character but letters and digits dropped, so BRK.B, BRK-B, BRK/B
// and BRKB all map to "BRKB". A "_delisted" suffix is kept apart.
func tickerKey(t string) string {
	t = strings.ToUpper(strings.TrimSpace(t))
	suffix := ""
	if strings.HasSuffix(t, delistedSuffix) {
		t, suffix = strings.TrimSuffix(t, delistedSuffix), delistedSuffix
	}
	var b strings.Builder
	b.Grow(len(t) + len(suffix))
	for i := 0; i < len(t); i++ {
		c := t[i]
		if (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') {
			b.WriteByte(c)
		}
	}
	b.WriteString(suffix)
	return b.String()
}

// hasClassSeparator reports whether a ticker spells a share class with
// punctuation ("MOG-A", "BRK.B").
func hasClassSeparator(t string) bool {
	return strings.ContainsAny(strings.TrimSpace(t), ".-/ ")
}

// classCandidates lists the statement keys to try for a ticker, best
// first. Statements are filed per company, not per share class, so a class
// ticker (holdings "GEFB", price file "GEF-B") falls back to its base
// ("GEF") and its sibling classes ("GEFA"). The fallback is only tried when
// the ticker visibly names a class — a separator, or a company name
// containing "CLASS X" with X the last letter — so that "ABCB" never
// silently becomes "ABC".
func classCandidates(ticker, name string) []string {
	key := tickerKey(ticker)
	out := []string{key}
	if len(key) < 2 || strings.HasSuffix(key, delistedSuffix) {
		return out
	}
	last := key[len(key)-1]
	if last < 'A' || last > 'Z' {
		return out
	}
	upperName := strings.ToUpper(name)
	if !hasClassSeparator(ticker) && !strings.Contains(upperName, "CLASS "+string(last)) {
		return out
	}
	base := key[:len(key)-1]
	out = append(out, base)
	for _, c := range "ABC" {
		if byte(c) != last {
			out = append(out, base+string(c))
		}
	}
	return out
}

// nameStopWords are dropped when comparing company names across sources
// (legal forms and share-class words only: "BANCORP" or "FINANCIAL" tell
// companies apart and are kept).
var nameStopWords = map[string]bool{
	"INC": true, "CORP": true, "CORPORATION": true, "CO": true, "COMPANY": true, "LTD": true,
	"LIMITED": true, "PLC": true, "CLASS": true, "THE": true, "AND": true, "SA": true, "NV": true,
	"LLC": true, "LP": true, "HOLDINGS": true, "HOLDING": true, "GROUP": true, "ORD": true,
	"A": true, "B": true, "C": true, "I": true,
}

// nameKey normalises a company name for matching renamed tickers:
// "CECO ENVIRONMENTAL CORP" and "CECO Environmental Corp." both give
// "CECO ENVIRONMENTAL".
func nameKey(name string) string {
	name = strings.ToUpper(strings.ReplaceAll(name, "&", " AND "))
	var b strings.Builder
	for i := 0; i < len(name); i++ {
		c := name[i]
		if (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') {
			b.WriteByte(c)
		} else {
			b.WriteByte(' ')
		}
	}
	var words []string
	for _, w := range strings.Fields(b.String()) {
		if !nameStopWords[w] {
			words = append(words, w)
		}
	}
	return strings.Join(words, " ")
}
