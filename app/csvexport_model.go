package main

import "bytes"

// rankedCSV is the screener's CSV export: every listed stock (all pages),
// in the table's current order, with the table's columns, headers in the
// UI language.
func (sm *screenModel) rankedCSV() ([]byte, error) {
	var buf bytes.Buffer
	if err := RankedCSV(&buf, sm.screen, sm.view, sm.weights, string(sm.lang)); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
