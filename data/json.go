package data

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
)

// jsonWriter writes compact JSON by hand rather than with encoding/json:
// the key order is the contract's and fixed, and numbers are rounded to
// the significant digits each column promises.
type jsonWriter struct{ bytes.Buffer }

func (w *jsonWriter) raw(s string) { w.WriteString(s) }

func (w *jsonWriter) str(s string) {
	b, _ := json.Marshal(s) // a string always marshals
	w.Write(b)
}

func (w *jsonWriter) strp(s *string) {
	if s == nil {
		w.raw("null")
		return
	}
	w.str(*s)
}

// strs writes an array of strings.
func (w *jsonWriter) strs(ss []string) {
	w.raw("[")
	for i, s := range ss {
		if i > 0 {
			w.raw(",")
		}
		w.str(s)
	}
	w.raw("]")
}

// stats writes an object of named numbers, with decimals places when > 0
// (coverage shares), else in the shortest exact form (counts).
func (w *jsonWriter) stats(ss []Stat, decimals int) {
	w.raw("{")
	for i, s := range ss {
		if i > 0 {
			w.raw(",")
		}
		w.str(s.Key)
		w.raw(":")
		if decimals > 0 {
			w.raw(strconv.FormatFloat(s.Value, 'f', decimals, 64))
		} else {
			w.raw(strconv.FormatFloat(s.Value, 'f', -1, 64))
		}
	}
	w.raw("}")
}

// num writes v rounded to sig significant digits, null when not finite.
func (w *jsonWriter) num(v float64, sig int) { w.raw(fmtSig(v, sig)) }

// exactp writes a fact as given (shortest round-trip form).
func (w *jsonWriter) exactp(v *float64) {
	if v == nil {
		w.raw("null")
		return
	}
	w.raw(fmtSig(*v, -1))
}

// fmtSig formats v rounded to sig significant digits in plain decimal
// notation (sig < 0: the shortest exact form); null when not finite.
func fmtSig(v float64, sig int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "null"
	}
	if v == 0 {
		return "0"
	}
	if sig > 0 {
		v, _ = strconv.ParseFloat(strconv.FormatFloat(v, 'e', sig-1, 64), 64)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
