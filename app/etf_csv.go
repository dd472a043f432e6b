package main

import "bytes"

// etfCSV writes the comparison tables, as the page shows them, into one
// CSV file (TableCSV: BOM, CRLF, formula cells defused): each table starts
// with a row of its title and the fund columns; percentages are in percent
// units (the label says "(%)"), missing values are empty, never zero.
func etfCSV(l lang, tables []*etfTable) ([]byte, error) {
	var rows [][]string
	for i, t := range tables {
		if i > 0 {
			rows = append(rows, nil)
		}
		rows = append(rows, t.csvRows()...)
	}
	if len(rows) == 0 {
		return nil, nil
	}
	var b bytes.Buffer
	if err := TableCSV(&b, rows[0], rows[1:]); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
