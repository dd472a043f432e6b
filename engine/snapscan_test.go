package engine

import (
	"math"
	"strconv"
	"testing"
)

func TestFastNumbers(t *testing.T) {
	ok := []struct {
		raw  string
		want []float64
	}{
		{`[]`, nil},
		{` [ 1 , -2.5,null,3e2, 0, -0.0, 1.2345E-7, 12345678901234567890, 0.1 ] `, []float64{1, -2.5, nanV, 300, 0, 0, 1.2345e-7, 12345678901234567890, 0.1}},
		{"[\n1.0000000000000002,\t2.2250738585072014e-308]", []float64{1.0000000000000002, 2.2250738585072014e-308}},
	}
	for _, c := range ok {
		out := make([]float64, len(c.want))
		if !fastNumbers(c.raw, len(c.want), out) {
			t.Errorf("%s: rejected", c.raw)
			continue
		}
		for i := range out {
			if !closeOrBothNaN(out[i], c.want[i]) || (out[i] == c.want[i] && math.Float64bits(out[i]) != math.Float64bits(c.want[i]) && c.want[i] != 0) {
				t.Errorf("%s: [%d] = %v, want %v", c.raw, i, out[i], c.want[i])
			}
		}
	}
	bad := []string{`[1,2]`, `[1,2,3,4]`, `[1,"2",3]`, `[1,true,3]`, `[1,,3]`, `[1,2,3`, `{"a":1}`, `[1,2,3]x`,
		`[01,2,3]`, `[1.,2,3]`, `[1e,2,3]`, `[-,2,3]`, `[1e999,2,3]`, `[nul,2,3]`, `[.5,2,3]`, `[1 2,3]`, ``}
	for _, raw := range bad {
		if fastNumbers(raw, 3, make([]float64, 3)) {
			t.Errorf("%q accepted", raw)
		}
	}
}

// TestScanNumberMatchesStrconv: the fast path must give exactly what
// strconv.ParseFloat gives, bit for bit.
func TestScanNumberMatchesStrconv(t *testing.T) {
	inputs := []string{"0.1", "0.3", "123.45", "-9.8765e-3", "1e22", "1e23", "4.35e-10", "99999", "1.2345e+15",
		"0.000012345", "8.7654e21", "123456789012345", "1234567890123456", "3.0000e-5", "17976931348623157e292"}
	for i := 0; i < 2000; i++ {
		x := math.Float64frombits(uint64(i) * 0x9E3779B97F4A7C15) // spread over all exponents
		if math.IsNaN(x) || math.IsInf(x, 0) {
			continue
		}
		inputs = append(inputs, strconv.FormatFloat(x, 'g', 5, 64), strconv.FormatFloat(x, 'g', -1, 64))
	}
	for _, in := range inputs {
		want, err := strconv.ParseFloat(in, 64)
		got, j, ok := scanNumber(in, 0)
		if err != nil || math.IsInf(want, 0) {
			if ok {
				t.Errorf("%s accepted", in)
			}
			continue
		}
		if !ok || j != len(in) || math.Float64bits(got) != math.Float64bits(want) {
			t.Errorf("%s: got %v (%v, %d), want %v", in, got, ok, j, want)
		}
	}
}

// FuzzScanNumber: whatever the fast scanner accepts, strconv parses to the
// same bits.
func FuzzScanNumber(f *testing.F) {
	for _, s := range []string{"0.1", "-1.2345e-7", "123456789012345678", "1e22", "01", "-0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, j, ok := scanNumber(s, 0)
		if !ok {
			return
		}
		want, err := strconv.ParseFloat(s[:j], 64)
		if err != nil || math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("%q: scan %v, strconv %v %v", s[:j], got, want, err)
		}
	})
}
