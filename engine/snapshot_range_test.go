package engine

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"screener/data/schema"
)

// withValue returns the fixture body with element 0 of column col set to
// the JSON value v.
func withValue(t *testing.T, col, v string) []byte {
	t.Helper()
	var body map[string]json.RawMessage
	if err := json.Unmarshal([]byte(snapFixtureBody(t)), &body); err != nil {
		t.Fatal(err)
	}
	var cols map[string][]json.RawMessage
	if err := json.Unmarshal(body["cols"], &cols); err != nil {
		t.Fatal(err)
	}
	if len(cols[col]) == 0 {
		t.Fatalf("fixture has no column %q", col)
	}
	cols[col][0] = json.RawMessage(v)
	body["cols"], _ = json.Marshal(cols)
	b, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	return snapEnvelope(string(b))
}

// TestDecodeRejectsImplausible: a value outside its column's plausible
// range is refused, and the error names the column; values at the edges
// of the ranges still decode.
func TestDecodeRejectsImplausible(t *testing.T) {
	bad := []struct{ col, v string }{
		{schema.ColRev, "2e15"}, {schema.ColNI, "-1.5e15"}, {schema.ColAssets, "1e300"}, {schema.ColCash, "-2e15"},
		{schema.ColIWM, "100.5"}, {schema.ColIJR, "-0.01"},
		{schema.ColPrice, "0"}, {schema.ColPrice, "-3"}, {schema.ColPrice, "2e10"},
		{schema.ColShares, "-1"}, {schema.ColMcap, "-5"},
		{schema.ColMom12_1, "-1.5"}, {schema.ColMom6_1, "20000"}, {schema.ColTrend, "1e5"},
		{schema.ColIncEnd, "18991231"}, {schema.ColBalPub, "21010101"}, {schema.ColCFEnd, "10000101"},
	}
	for _, c := range bad {
		_, err := Decode(withValue(t, c.col, c.v))
		if err == nil || !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), c.col) {
			t.Errorf("%s = %s: err %v, want ErrCorrupt naming the column", c.col, c.v, err)
		}
	}
	good := []struct{ col, v string }{
		{schema.ColRev, "1e15"}, {schema.ColNI, "-1e15"}, {schema.ColIWM, "100"}, {schema.ColIJR, "0"},
		{schema.ColPrice, "0.0001"}, {schema.ColPrice, "476183000"}, {schema.ColShares, "0"},
		{schema.ColMom12_1, "-1"}, {schema.ColMom6_1, "10000"}, {schema.ColIncEnd, "19000101"}, {schema.ColBalPub, "21001231"},
		{schema.ColPrice, "null"},
	}
	for _, c := range good {
		if _, err := Decode(withValue(t, c.col, c.v)); err != nil {
			t.Errorf("%s = %s: %v", c.col, c.v, err)
		}
	}
}
