package engine

import (
	"fmt"
	"slices"
	"testing"
)

func searchFixture() ([]string, []string) {
	tickers := []string{"A", "AA", "AAP", "AAPL", "BRK.B", "CAT", "NSRGY", "ZION", "ZZZ"}
	names := []string{"Agilent Technologies", "Alcoa Corp", "Advance Auto Parts", "Apple Inc.", "Berkshire Hathaway",
		"Caterpillar Inc.", "Nestlé S.A.", "Zions Bancorporation", "Macy's Catalog"}
	return tickers, names
}

func findTickers(ix *SearchIndex, tickers []string, q string, limit int) []string {
	var out []string
	for _, r := range ix.Find(q, limit, nil) {
		out = append(out, tickers[r])
	}
	return out
}

func TestSearchOrder(t *testing.T) {
	tickers, names := searchFixture()
	ix := NewSearchIndex(tickers, names)
	cases := []struct {
		q    string
		want []string
	}{
		// Exact ticker first, then prefixes shortest first, then names.
		{"aa", []string{"AA", "AAP", "AAPL"}},
		{"AAP", []string{"AAP", "AAPL"}},
		{"cat", []string{"CAT", "ZZZ"}}, // ticker, then "Macy's Catalog" (word start)
		{"nestle", []string{"NSRGY"}},   // accent-insensitive
		{"NESTLÉ", []string{"NSRGY"}},
		{"ＡＡＰＬ", []string{"AAPL"}}, // full-width input
		{"macys", []string{"ZZZ"}}, // apostrophe ignored
		{"brk.b", []string{"BRK.B"}},
		{"erpil", []string{"CAT"}}, // inside a word
		{"  ", nil},
		{"qqq", nil},
	}
	for _, c := range cases {
		if got := findTickers(ix, tickers, c.q, 0); !slices.Equal(got, c.want) {
			t.Errorf("Find(%q) = %v, want %v", c.q, got, c.want)
		}
	}
	if got := findTickers(ix, tickers, "a", 2); !slices.Equal(got, []string{"A", "AA"}) {
		t.Errorf("Find(a, limit 2) = %v", got)
	}
	// Names: a word start ranks above a match inside a word.
	if got := findTickers(ix, tickers, "corp", 0); !slices.Equal(got, []string{"AA", "ZION"}) {
		t.Errorf("Find(corp) = %v, want [AA ZION]: Alcoa Corp (word) before Zions Bancorporation (inside)", got)
	}
}

func TestSearchMatchAgreesWithFind(t *testing.T) {
	tickers, names := searchFixture()
	ix := NewSearchIndex(tickers, names)
	for _, q := range []string{"a", "aa", "cat", "corp", "nestle", "x"} {
		found := ix.Find(q, 0, nil)
		for r := range tickers {
			m := ix.Match(q, r)
			if in := slices.Contains(found, int32(r)); in != (m != NumSearchMatches) {
				t.Errorf("q=%q row %s: Find has it %v, Match says %d", q, tickers[r], in, m)
			}
		}
	}
}

func TestFoldSearch(t *testing.T) {
	for in, want := range map[string]string{
		"Nestlé S.A.":          "nestle s.a.",
		"Straße":               "strasse",
		"  Foo,  Bar  ":        "foo bar",
		"Macy’s":               "macys",
		"ＡＢＣ　ｄｅｆ":              "abc def",
		"トヨタ":                  "トヨタ",
		"AT&T":                 "at&t",
		"abc":                  "abc",
		"Øresund Æble Œuvre":   "oresund aeble oeuvre",
		"\xff invalid utf8 ok": "\ufffd invalid utf8 ok",
	} {
		if got := FoldSearch(in); got != want {
			t.Errorf("FoldSearch(%q) = %q, want %q", in, got, want)
		}
	}
}

// BenchmarkSearchKeystroke is one keystroke's search over 2,000 names:
// a one-letter query matches most of them (the worst case for sorting).
func BenchmarkSearchKeystroke(b *testing.B) {
	s := synthSnapshot(2000, 1, 0.15)
	names := make([]string, s.N)
	for i := range names {
		names[i] = fmt.Sprintf("Company Number %d Holdings, Inc.", i)
	}
	benchSearch(b, NewSearchIndex(s.Ticker, names))
}

// BenchmarkSearchKeystrokeCurrent is the same over the shipped snapshot.
func BenchmarkSearchKeystrokeCurrent(b *testing.B) {
	s := decodeCurrent(b)
	benchSearch(b, NewSearchIndex(s.Ticker, s.Name))
}

func benchSearch(b *testing.B, ix *SearchIndex) {
	out := make([]int32, 0, len(ix.tickers))
	for _, q := range []string{"a", "comp", "holdings inc", "zzzz"} {
		b.Run(q, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				out = ix.Find(q, 8, out)
			}
		})
	}
}
