package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// csvFormulaStart are the first characters that make a spreadsheet run a
// cell as a formula (or, tab and CR, hide one), as TableCSV documents.
const csvFormulaStart = "=+-@\t\r"

// csvReadBack is what a CSV reader must give back for cell c written by
// TableCSV, from TableCSV's documentation: a cell starting like a formula
// gets an apostrophe in front unless it is a plain decimal number (digits,
// sign, point, exponent: not "-Inf" or a hex float, which a spreadsheet
// does not read as numbers), and a carriage return is not kept (a line break inside a
// cell is written as CRLF from its \n, as encoding/csv's Writer does with
// UseCRLF; readers turn CRLF back into \n).
// plainDecimal is the test's own reading of "a number a spreadsheet reads
// as one": only digits, signs, points and exponents, and strconv parses it.
func plainDecimal(c string) bool {
	if strings.Trim(c, "0123456789.+-eE") != "" {
		return false
	}
	_, err := strconv.ParseFloat(c, 64)
	return err == nil
}

func csvReadBack(c string) string {
	if c != "" && strings.IndexByte(csvFormulaStart, c[0]) >= 0 && !plainDecimal(c) {
		c = "'" + c
	}
	return strings.ReplaceAll(c, "\r", "")
}

// csvBlankRow reports whether TableCSV writes rec as an empty line: no
// cell, or one empty cell. The ETF export uses such rows between its
// tables; CSV readers (encoding/csv among them) skip empty lines.
func csvBlankRow(rec []string) bool {
	return len(rec) == 0 || len(rec) == 1 && rec[0] == ""
}

// FuzzCSVRoundTrip: whatever the cells hold (quotes, commas, line breaks,
// leading spaces, formula characters, invalid UTF-8), the file TableCSV
// writes for the browser's "Download CSV" is RFC 4180 with CRLF and a
// byte-order mark, encoding/csv reads it back to the same cells (carriage
// returns aside, see csvReadBack), and no cell read back starts like a
// formula unless it is a number.
//
// Each of a, b, c and d is split on \x1f (unit separator) into the cells
// of one record; the record {a, b, c, d} keeps them whole, and a nil row
// stands for the ETF export's blank separator rows.
func FuzzCSVRoundTrip(f *testing.F) {
	for _, s := range [][4]string{
		{"Rank\x1fTicker\x1fCompany", "1\x1fAAA\x1fAlpha, \"A\" Corp", "2\x1fBBB\x1f=HYPERLINK(\"http://x\")", "3\x1fCCC\x1f"},
		{"Fund\x1f1y", "IWM\x1f-12.5", "@SUM(A1)\x1f+1", "-x\x1f"},
		{"", "", "\x1f", "\x1f\x1f"},
		{"a\nb\x1fc\r\nd", "\re\x1f\tf", " leading\x1ftrailing ", `\.` + "\x1f\"\"\x1f\""},
		{"=1+1", "+1e3\x1f-0.5\x1f-Inf\x1f+NaN", "-1+2\x1f@x\x1f-\x1f+", "日本語\x1f時価総額（百万ドル）\x1f\uFEFFbom"},
		{"\xff\xfe\x1f\xc3", "a\r\x1f\r", "\r\n\x1f\n\n", "x,y\x1f\"q\"\x1f'=already"},
		{"only one cell", "", "two\x1fcells", "\t"},
	} {
		f.Add(s[0], s[1], s[2], s[3])
	}
	f.Fuzz(func(t *testing.T, a, b, c, d string) {
		header := strings.Split(a, "\x1f")
		rows := [][]string{strings.Split(b, "\x1f"), {a, b, c, d}, nil, strings.Split(c, "\x1f"), strings.Split(d, "\x1f")}

		var buf bytes.Buffer
		if err := TableCSV(&buf, header, rows); err != nil {
			t.Fatalf("TableCSV: %v", err)
		}
		out := buf.Bytes()
		body, ok := bytes.CutPrefix(out, []byte("\uFEFF"))
		if !ok {
			t.Fatalf("no UTF-8 byte order mark: %q", out[:min(len(out), 8)])
		}
		// CRLF only: every LF follows a CR and every CR precedes an LF.
		for i, ch := range body {
			if ch == '\n' && (i == 0 || body[i-1] != '\r') || ch == '\r' && (i+1 == len(body) || body[i+1] != '\n') {
				t.Fatalf("bare %q at byte %d of %q", ch, i, body)
			}
		}
		if !bytes.HasSuffix(body, []byte("\r\n")) {
			t.Fatalf("last line does not end in CRLF: %q", body)
		}

		rd := csv.NewReader(bytes.NewReader(body))
		rd.FieldsPerRecord = -1 // records of any length: the cells decide
		got, err := rd.ReadAll()
		if err != nil {
			t.Fatalf("encoding/csv cannot read the output: %v\ncells %q\nfile  %q", err, append([][]string{header}, rows...), body)
		}
		var want [][]string
		for _, rec := range append([][]string{header}, rows...) {
			if csvBlankRow(rec) {
				continue
			}
			w := make([]string, len(rec))
			for i, cell := range rec {
				w[i] = csvReadBack(cell)
			}
			want = append(want, w)
		}
		if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", want) {
			t.Fatalf("read back differs\n cells %q\n got   %q\n want  %q\n file  %q", append([][]string{header}, rows...), got, want, body)
		}
		// The spreadsheet property on what a reader sees.
		for _, rec := range got {
			for _, cell := range rec {
				if cell == "" || strings.IndexByte(csvFormulaStart, cell[0]) < 0 {
					continue
				}
				if !plainDecimal(cell) {
					t.Fatalf("cell %q reads back starting like a formula", cell)
				}
			}
		}
	})
}
