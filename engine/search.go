package engine

import (
	"strings"
	"unicode/utf8"
)

// SearchIndex finds stocks by ticker or company name as the user types.
// It holds each row's ticker and name folded once (FoldSearch), so a
// keystroke costs one pass of byte comparisons over the snapshot and no
// allocation beyond the caller's result buffer.
type SearchIndex struct {
	tickers []string // folded tickers, by snapshot row
	names   []string // folded names, by snapshot row
	hits    []searchHit
}

type searchHit struct {
	row   int32
	class uint8 // SearchMatch
}

// SearchMatch says how a query matched a stock; lower is a better match.
type SearchMatch uint8

const (
	MatchTickerExact  SearchMatch = iota // the whole ticker
	MatchTickerPrefix                    // the start of the ticker
	MatchNameWord                        // the start of a word of the name
	MatchNameInside                      // anywhere in the name
	NumSearchMatches
)

// NewSearchIndex folds the tickers and names (parallel, by snapshot row).
func NewSearchIndex(tickers, names []string) *SearchIndex {
	ix := &SearchIndex{tickers: make([]string, len(tickers)), names: make([]string, len(tickers))}
	for i, t := range tickers {
		ix.tickers[i] = FoldSearch(t)
		if i < len(names) {
			ix.names[i] = FoldSearch(names[i])
		}
	}
	return ix
}

// Find appends to out (reset first) the rows matching query, best first, at
// most limit (limit ≤ 0: all): a ticker equal to the query, then tickers
// starting with it (shorter first), then names with a word starting with
// it, then names containing it; ties in ticker order. Ticker and name are
// compared folded (FoldSearch: case, accents and full-width forms
// ignored), so "nestle" finds "Nestlé" and "ａａｐｌ" finds "AAPL". A
// blank query finds nothing.
func (ix *SearchIndex) Find(query string, limit int, out []int32) []int32 {
	out = out[:0]
	q := FoldSearch(query)
	if q == "" {
		return out
	}
	hits := ix.hits[:0]
	for i, t := range ix.tickers {
		switch {
		case t == q:
			hits = append(hits, searchHit{int32(i), uint8(MatchTickerExact)})
		case strings.HasPrefix(t, q):
			hits = append(hits, searchHit{int32(i), uint8(MatchTickerPrefix)})
		default:
			if k := strings.Index(ix.names[i], q); k >= 0 {
				class := MatchNameInside
				if wordStart(ix.names[i], k) || nameWordMatch(ix.names[i][k+1:], q) {
					class = MatchNameWord
				}
				hits = append(hits, searchHit{int32(i), uint8(class)})
			}
		}
	}
	ix.hits = hits
	// Counting sort by class keeps each class in row order; tickers come
	// before names, so only ticker prefixes need a length order.
	for c := SearchMatch(0); c < NumSearchMatches; c++ {
		start := len(out)
		for _, h := range hits {
			if SearchMatch(h.class) == c {
				out = append(out, h.row)
			}
		}
		if c == MatchTickerPrefix {
			sortByLen(out[start:], ix.tickers)
		}
		if limit > 0 && len(out) >= limit {
			return out[:limit]
		}
	}
	return out
}

// Match is how query matches row (NumSearchMatches when it does not).
func (ix *SearchIndex) Match(query string, row int) SearchMatch {
	q := FoldSearch(query)
	if q == "" || row < 0 || row >= len(ix.tickers) {
		return NumSearchMatches
	}
	t, n := ix.tickers[row], ix.names[row]
	switch k := strings.Index(n, q); {
	case t == q:
		return MatchTickerExact
	case strings.HasPrefix(t, q):
		return MatchTickerPrefix
	case k >= 0 && (wordStart(n, k) || nameWordMatch(n[k+1:], q)):
		return MatchNameWord
	case k >= 0:
		return MatchNameInside
	}
	return NumSearchMatches
}

// nameWordMatch reports whether q starts a word anywhere in n.
func nameWordMatch(n, q string) bool {
	for {
		k := strings.Index(n, q)
		if k < 0 {
			return false
		}
		if wordStart(n, k) {
			return true
		}
		n = n[k+1:]
	}
}

// wordStart reports whether byte k of s begins a word (follows a
// non-letter, non-digit byte, or starts s).
func wordStart(s string, k int) bool {
	if k == 0 {
		return true
	}
	c := s[k-1]
	return !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80)
}

// sortByLen orders rows by ticker length, stable (insertion sort: the
// ticker-prefix class is small, and this keeps Find free of closures).
func sortByLen(rows []int32, tickers []string) {
	for i := 1; i < len(rows); i++ {
		r := rows[i]
		j := i
		for j > 0 && len(tickers[rows[j-1]]) > len(tickers[r]) {
			rows[j] = rows[j-1]
			j--
		}
		rows[j] = r
	}
}

// FoldSearch lower-cases s, strips the accents of Latin letters (é → e,
// ß → ss, ø → o), maps full-width ASCII (Ｎ, ０) to ASCII and folds
// punctuation runs to one space, so that search is insensitive to case,
// accents, input method and punctuation ("Inc," or "Inc"). Other scripts (kana,
// kanji) pass through unchanged.
func FoldSearch(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || c >= 'A' && c <= 'Z' || !isWordByte(c) {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if r >= 0xFF01 && r <= 0xFF5E { // full-width ASCII forms
			r -= 0xFF01 - '!'
		} else if r == 0x3000 { // ideographic space
			r = ' '
		} else if r == 0x2019 { // typographic apostrophe
			r = '\''
		}
		if r < utf8.RuneSelf {
			c := byte(r)
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c == '\'' {
				continue // "Macy's" is found by "macys"
			}
			if !isWordByte(c) {
				space = b.Len() > 0
				continue
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteByte(c)
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		if f := foldLatin(r); f != "" {
			b.WriteString(f)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isWordByte is what search compares: lower-case letters, digits, the
// '.' and '-' of tickers such as BRK.B and MOG-A, and the '&' of AT&T.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '&'
}

// latinFold maps the accented letters of Latin-1 and Latin Extended-A
// (U+00C0..U+017F), which cover the company names of US listings, to
// their base letters; "" where no folding applies.
var latinFold = func() map[rune]string {
	groups := map[string]string{
		"a":  "àáâãäåāăąÀÁÂÃÄÅĀĂĄ",
		"ae": "æÆ",
		"c":  "çćĉċčÇĆĈĊČ",
		"d":  "ďđðĎĐÐ",
		"e":  "èéêëēĕėęěÈÉÊËĒĔĖĘĚ",
		"g":  "ĝğġģĜĞĠĢ",
		"h":  "ĥħĤĦ",
		"i":  "ìíîïĩīĭįıÌÍÎÏĨĪĬĮİ",
		"j":  "ĵĴ",
		"k":  "ķĶ",
		"l":  "ĺļľŀłĹĻĽĿŁ",
		"n":  "ñńņňÑŃŅŇ",
		"o":  "òóôõöøōŏőÒÓÔÕÖØŌŎŐ",
		"oe": "œŒ",
		"r":  "ŕŗřŔŖŘ",
		"s":  "śŝşšŚŜŞŠ",
		"ss": "ß",
		"t":  "ţťŧŢŤŦ",
		"u":  "ùúûüũūŭůűųÙÚÛÜŨŪŬŮŰŲ",
		"w":  "ŵŴ",
		"y":  "ýÿŷÝŸŶ",
		"z":  "źżžŹŻŽ",
		"th": "þÞ",
	}
	m := map[rune]string{}
	for base, letters := range groups {
		for _, r := range letters {
			m[r] = base
		}
	}
	return m
}()

func foldLatin(r rune) string {
	if r < 0xC0 || r > 0x17F {
		return ""
	}
	return latinFold[r]
}
