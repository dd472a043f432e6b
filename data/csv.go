package data

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Raw files are read whole and split by hand: the inputs are simple
// delimiter-separated text (quotes only appear in the second IWM holdings
// file), and a hand-rolled splitter is several times faster than
// encoding/csv on the 130 MB of price files.

var errUnterminatedQuote = errors.New("unterminated quote")

// splitRow splits one line into fields at sep. A field may be wrapped in
// double quotes (RFC 4180), in which case sep inside it is literal and ""
// is an escaped quote. A trailing '\r' is dropped. dst is reused to avoid
// allocating per row; the returned fields alias line unless they needed
// unescaping.
func splitRow(line []byte, sep byte, dst []string) ([]string, error) {
	dst = dst[:0]
	line = bytes.TrimSuffix(line, []byte{'\r'})
	if bytes.IndexByte(line, '"') < 0 {
		for {
			i := bytes.IndexByte(line, sep)
			if i < 0 {
				return append(dst, string(line)), nil
			}
			dst = append(dst, string(line[:i]))
			line = line[i+1:]
		}
	}
	var b strings.Builder
	for {
		if len(line) > 0 && line[0] == '"' {
			b.Reset()
			i := 1
			closed := false
			for i < len(line) {
				c := line[i]
				if c == '"' {
					if i+1 < len(line) && line[i+1] == '"' {
						b.WriteByte('"')
						i += 2
						continue
					}
					closed = true
					i++
					break
				}
				b.WriteByte(c)
				i++
			}
			if !closed {
				return dst, errUnterminatedQuote
			}
			dst = append(dst, b.String())
			line = line[i:]
			if len(line) == 0 {
				return dst, nil
			}
			if line[0] != sep {
				return dst, errors.New("text after closing quote")
			}
			line = line[1:]
			continue
		}
		i := bytes.IndexByte(line, sep)
		if i < 0 {
			return append(dst, string(line)), nil
		}
		dst = append(dst, string(line[:i]))
		line = line[i+1:]
	}
}

// forEachLine calls fn for every non-empty line after the first (the header,
// returned separately). Line numbers are 1-based file lines.
func forEachLine(content []byte, fn func(lineNo int, line []byte)) (header []byte) {
	first := true
	n := 0
	for len(content) > 0 {
		i := bytes.IndexByte(content, '\n')
		var line []byte
		if i < 0 {
			line, content = content, nil
		} else {
			line, content = content[:i], content[i+1:]
		}
		n++
		if first {
			header = bytes.TrimSuffix(line, []byte{'\r'})
			header = bytes.TrimPrefix(header, []byte("\xef\xbb\xbf")) // UTF-8 BOM
			first = false
			continue
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		fn(n, line)
	}
	return header
}

// forEachRow calls fn with the fields of every data row. A row whose
// fields do not match the header in number (a separator missing or extra)
// would shift every value into the wrong column: it is counted as
// malformed and handed to malformed (nil: dropped) instead.
func forEachRow(content []byte, sep byte, h headerIndex, c *Counts, malformed func(fields []string), fn func(fields []string)) {
	var fields []string
	forEachLine(content, func(_ int, line []byte) {
		c.Rows++
		var err error
		fields, err = splitRow(line, sep, fields)
		if err != nil || len(fields) != h.n {
			c.RowsMalformed++
			if malformed != nil {
				malformed(fields)
			}
			return
		}
		fn(fields)
	})
}

// numStatus says what parseNumber found in a cell.
type numStatus uint8

const (
	numOK        numStatus = iota
	numEmpty               // empty cell: missing, not an error
	numNonFinite           // NaN or ±Inf written in the file
	numBad                 // not a number at all
)

// parseNumber reads a decimal cell. Thousands separators (",") are
// accepted because the holdings CSV writes "563,265,731.50". Missing is
// NaN with numEmpty; non-finite and unparsable cells are NaN with their
// own status so that the caller can count them.
func parseNumber(s string) (float64, numStatus) {
	s = strings.TrimSpace(s)
	if s == "" || s == "-" || strings.EqualFold(s, "null") || strings.EqualFold(s, "none") {
		return math.NaN(), numEmpty
	}
	if strings.IndexByte(s, ',') >= 0 {
		s = strings.ReplaceAll(s, ",", "")
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		var ne *strconv.NumError
		if errors.As(err, &ne) && errors.Is(ne.Err, strconv.ErrRange) {
			return math.NaN(), numNonFinite
		}
		return math.NaN(), numBad
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return math.NaN(), numNonFinite
	}
	return v, numOK
}

// headerIndex maps column names to positions, so files are read by header
// names, never by position (one quarterly file has a different layout).
type headerIndex struct {
	cols map[string]int
	n    int // number of header fields: every row must have exactly n
}

func newHeaderIndex(fields []string) headerIndex {
	h := headerIndex{cols: make(map[string]int, len(fields)), n: len(fields)}
	for i, f := range fields {
		f = strings.TrimSpace(f)
		if _, dup := h.cols[f]; !dup {
			h.cols[f] = i
		}
	}
	return h
}

// col is the position of name, or -1.
func (h headerIndex) col(name string) int {
	if i, ok := h.cols[name]; ok {
		return i
	}
	return -1
}

// missing lists the required names absent from the header.
func (h headerIndex) missing(names ...string) []string {
	var out []string
	for _, n := range names {
		if _, ok := h.cols[n]; !ok {
			out = append(out, n)
		}
	}
	return out
}

// cellReader reads the named numeric cells of one statement row. A cell
// that is not a finite number reads as missing and is counted and flagged
// (as of the row's publish date), so no parser can forget either step.
type cellReader struct {
	h      headerIndex
	fields []string
	pub    Day
	counts *Counts
	events []flagEvent
}

func (r *cellReader) get(name string) float64 {
	i := r.h.col(name)
	if i < 0 {
		return math.NaN()
	}
	v, st := parseNumber(r.fields[i])
	switch st {
	case numNonFinite:
		r.counts.CellsNonFinite++
		r.events = append(r.events, flagEvent{r.pub, FlagNonFinite})
	case numBad:
		r.counts.CellsBad++
		r.events = append(r.events, flagEvent{r.pub, FlagNonFinite})
	}
	return v
}

// revenue reads a revenue cell; a negative revenue is a data error, not a
// business outcome, so it is counted, flagged and read as missing.
func (r *cellReader) revenue(name string) float64 {
	v := r.get(name)
	if v < 0 {
		r.counts.NegRevenue++
		r.events = append(r.events, flagEvent{r.pub, FlagNegativeRevenue})
		return math.NaN()
	}
	return v
}

// readHeader returns the first line of content split at sep.
func readHeader(content []byte, sep byte) []string {
	line := content
	if i := strings.IndexByte(string(content[:min(len(content), 1<<16)]), '\n'); i >= 0 {
		line = content[:i]
	}
	line = []byte(strings.TrimPrefix(strings.TrimSuffix(string(line), "\r"), "\xef\xbb\xbf"))
	f, err := splitRow(line, sep, nil)
	if err != nil {
		return nil
	}
	return f
}

// relName keeps the last two path elements ("simfin/us-income-annual.csv")
// so reports never depend on where DATA_DIR is.
func relName(path string) string {
	dir, file := filepath.Split(filepath.Clean(path))
	return filepath.ToSlash(filepath.Join(filepath.Base(dir), file))
}

// listCSV returns the sorted paths of *.csv files in dir.
func listCSV(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range ents {
		if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".csv") {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(out)
	return out, nil
}
