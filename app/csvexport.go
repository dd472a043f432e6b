package main

// CSV export of the ranked list and of any other table (the ETF comparison).
// Pure Go over engine types, so it is tested natively; the UI turns the
// bytes into a download.

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"screener/engine"
)

// csvText is the CSV wording of one language: column headers and sector
// names. It lives here, not in the UI string tables, because the export is
// pure Go and must not depend on the UI's files.
type csvText struct {
	rank, ticker, name, sector, mcap, composite, coverage string
	factor                                                [engine.NumFactors]string
	pctWeight                                             string            // factor header: name, weight
	sectors                                               map[string]string // slug -> name
}

var csvTexts = map[string]csvText{
	"en": {
		rank: "Rank", ticker: "Ticker", name: "Company", sector: "Sector",
		mcap:      "Market cap (USD M)",
		composite: "Composite percentile",
		coverage:  "Coverage (factors of 6)",
		factor: [engine.NumFactors]string{"Profitability", "Free cash flow", "Balance sheet",
			"Capital efficiency", "Valuation", "Momentum"},
		pctWeight: "%s percentile (weight %s)",
	},
	"ja": {
		rank: "順位", ticker: "ティッカー", name: "銘柄名", sector: "セクター",
		mcap:      "時価総額（百万ドル）",
		composite: "総合スコア（パーセンタイル）",
		coverage:  "カバレッジ（6因子中）",
		factor:    [engine.NumFactors]string{"利益", "フリーキャッシュフロー", "財務", "資金効率", "割安度", "モメンタム"},
		pctWeight: "%s パーセンタイル（ウェイト%s）",
		// GICS sector names as MSCI and S&P publish them in Japanese.
		sectors: map[string]string{
			"comm": "コミュニケーション・サービス", "discr": "一般消費財・サービス",
			"staples": "生活必需品", "energy": "エネルギー", "fin": "金融",
			"health": "ヘルスケア", "ind": "資本財・サービス", "tech": "情報技術",
			"mat": "素材", "re": "不動産", "util": "公益事業",
		},
	},
}

// csvTextFor returns the wording for lang, English when unknown.
func csvTextFor(lang string) csvText {
	if t, ok := csvTexts[lang]; ok {
		return t
	}
	return csvTexts["en"]
}

// RankedCSV writes the ranked list as CSV: one row per member position in
// order (the table's display order; nil means sc.Order, best first), with
// rank (1-based position in sc.Order, as the table shows it), ticker, name,
// sector, market cap in USD millions, composite percentile, the six factor
// percentiles and coverage. Headers are in lang ("en" or "ja"); the factor
// headers carry the slider weights so the file records the screen that made
// it. Missing values are empty cells, never 0. sc must have been scored.
func RankedCSV(out io.Writer, sc *engine.Screen, order []int32, weights engine.Weights, lang string) error {
	if sc == nil || sc.Snap == nil {
		return errors.New("csv export: no screen")
	}
	n := len(sc.Members)
	if len(sc.Order) != n || len(sc.CompositePct) != n || len(sc.Coverage) != n {
		return errors.New("csv export: the screen has not been scored")
	}
	for f := range sc.FactorPct {
		if len(sc.FactorPct[f]) != n {
			return errors.New("csv export: factor percentiles do not match the members")
		}
	}
	s := sc.Snap
	for _, r := range sc.Members {
		if r < 0 || int(r) >= len(s.Ticker) || int(r) >= len(s.Name) || int(r) >= len(s.Sector) || int(r) >= len(s.Mcap) {
			return fmt.Errorf("csv export: member row %d outside the snapshot", r)
		}
	}
	if order == nil {
		order = sc.Order
	}
	rank := make([]int32, n) // member position -> 1-based rank
	for p, j := range sc.Order {
		if j < 0 || int(j) >= n {
			return fmt.Errorf("csv export: rank order holds position %d of %d", j, n)
		}
		rank[j] = int32(p + 1)
	}

	t := csvTextFor(lang)
	header := []string{t.rank, t.ticker, t.name, t.sector, t.mcap, t.composite}
	for f := 0; f < engine.NumFactors; f++ {
		header = append(header, fmt.Sprintf(t.pctWeight, t.factor[f], plainNum(weights[f], 'f', -1)))
	}
	header = append(header, t.coverage)

	rows := make([][]string, 0, len(order))
	for _, j := range order {
		if j < 0 || int(j) >= n {
			return fmt.Errorf("csv export: row order holds position %d of %d", j, n)
		}
		r := sc.Members[j]
		row := []string{
			itoa(int(rank[j])),
			s.Ticker[r],
			s.Name[r],
			csvSector(s, int(s.Sector[r]), t),
			plainNum(s.Mcap[r], 'f', -1),
			plainNum(sc.CompositePct[j], 'f', 2),
		}
		for f := 0; f < engine.NumFactors; f++ {
			row = append(row, plainNum(sc.FactorPct[f][j], 'f', 2))
		}
		row = append(row, itoa(int(sc.Coverage[j])))
		rows = append(rows, row)
	}
	return TableCSV(out, header, rows)
}

// TableCSV writes header and rows as CSV for spreadsheets: a UTF-8 byte
// order mark (without it Excel reads UTF-8 as the local code page and the
// Japanese headers garble), CRLF line ends (RFC 4180), and text cells that
// a spreadsheet would run as a formula (leading = + - @ tab or CR) prefixed
// with an apostrophe (OWASP "CSV injection"); plain numbers are left alone.
func TableCSV(out io.Writer, header []string, rows [][]string) error {
	return CommentedCSV(out, nil, header, rows)
}

// CommentedCSV is TableCSV with a block of comment lines before the
// header, each "# " and its text (pandas' comment="#", R's comment.char):
// what made the file. A comment is one field on its line: line breaks
// become spaces and commas semicolons, so a spreadsheet never splits it
// into cells that could start a formula.
func CommentedCSV(out io.Writer, comments []string, header []string, rows [][]string) error {
	if _, err := io.WriteString(out, "\uFEFF"); err != nil {
		return err
	}
	var b strings.Builder
	for _, c := range comments {
		b.WriteString("# ")
		for _, r := range c {
			switch r {
			case '\r', '\n':
				r = ' '
			case ',':
				r = ';'
			}
			b.WriteRune(r)
		}
		b.WriteString("\r\n")
	}
	for _, rec := range append([][]string{header}, rows...) {
		for i, c := range rec {
			if i > 0 {
				b.WriteByte(',')
			}
			csvField(&b, csvSafeCell(c))
		}
		b.WriteString("\r\n")
	}
	_, err := io.WriteString(out, b.String())
	return err
}

// csvField writes one field the way encoding/csv's Writer does with
// UseCRLF (quoted when it holds a comma, quote or line break, starts with
// a space, or is `\.`; quotes doubled; line breaks as CRLF). Written out
// here, it keeps encoding/csv out of app.wasm.
func csvField(b *strings.Builder, f string) {
	r, _ := utf8.DecodeRuneInString(f)
	if f != `\.` && !strings.ContainsAny(f, ",\"\r\n") && (f == "" || !unicode.IsSpace(r)) {
		b.WriteString(f)
		return
	}
	b.WriteByte('"')
	for i := 0; i < len(f); i++ {
		switch c := f[i]; c {
		case '"':
			b.WriteString(`""`)
		case '\r':
			// dropped: a line break is written as CRLF from its \n
		case '\n':
			b.WriteString("\r\n")
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
}

// csvSafeCell defuses a cell a spreadsheet would evaluate as a formula.
func csvSafeCell(c string) string {
	if c == "" || !strings.ContainsRune("=+-@\t\r", rune(c[0])) {
		return c
	}
	if isPlainNumber(c) {
		return c // a signed number, not a formula
	}
	return "'" + c
}

// isPlainNumber reports whether c is a finite decimal number such as
// "-12.5" or "+1e-3": ParseFloat alone would also pass "-Inf", hex floats
// and digit separators, which a spreadsheet does not read as numbers.
func isPlainNumber(c string) bool {
	for i := 0; i < len(c); i++ {
		if !strings.ContainsRune("0123456789.+-eE", rune(c[i])) {
			return false
		}
	}
	_, err := strconv.ParseFloat(c, 64)
	return err == nil
}

// csvSector names sector index k of the snapshot in the export language:
// a GICS sector known by slug is translated, anything else is kept as the
// snapshot spells it; an index outside the list is empty.
func csvSector(s *engine.Snapshot, k int, t csvText) string {
	if k < 0 || k >= len(s.Sectors) {
		return ""
	}
	name := s.Sectors[k]
	if local, ok := t.sectors[SectorSlug(name)]; ok {
		return local
	}
	return name
}

// CSVFileName is the download name for an export of kind ("screener",
// "etfs") from the snapshot dated asOf: "screener-2025-11-24.csv". Both
// parts are reduced to [a-z0-9-] so the name is safe on every file system.
func CSVFileName(kind, asOf string) string {
	clean := func(s string) string {
		var b strings.Builder
		for _, r := range strings.ToLower(s) {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' {
				b.WriteRune(r)
			}
		}
		return strings.Trim(b.String(), "-")
	}
	k, d := clean(kind), clean(asOf)
	if k == "" {
		k = "export"
	}
	if d == "" {
		return k + ".csv"
	}
	return k + "-" + d + ".csv"
}
