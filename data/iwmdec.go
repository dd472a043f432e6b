package data

import (
	"os"
	"path/filepath"
)

// iwmDecemberFile is the second IWM holdings file, under holdings/: a
// month after the as-of date, with shares held and real prices.
const iwmDecemberFile = "russell2000-iwm-2025-12.csv"

// iwmDecember is the second IWM holdings file, by ticker key: the shares the
// fund holds (Market Value / Price) and the file's own market price.
type iwmDecember struct {
	held, price map[string]float64
}

// loadIWMDecember reads the second IWM file. Shares held bound shares
// outstanding from below and, as a roughly constant fraction of each
// company's float, estimate it (see shares.go); the file's prices are
// real (unadjusted) closes of the day it was made, which expose adjusted
// closes that a later split or distribution rescaled.
func loadIWMDecember(dataDir string) iwmDecember {
	out := iwmDecember{held: map[string]float64{}, price: map[string]float64{}}
	content, err := os.ReadFile(filepath.Join(dataDir, "holdings", iwmDecemberFile))
	if err != nil {
		return out
	}
	return parseIWMDecember(content)
}

// parseIWMDecember reads the file's content; rows without a positive
// market value and price are skipped, since only both give shares held.
func parseIWMDecember(content []byte) iwmDecember {
	out := iwmDecember{held: map[string]float64{}, price: map[string]float64{}}
	h := newHeaderIndex(readHeader(content, ','))
	if len(h.missing("Ticker", "Market Value", "Price")) > 0 {
		return out
	}
	var ignored Counts // the file is evidence, not an input the report counts
	forEachRow(content, ',', h, &ignored, nil, func(fields []string) {
		mv, s1 := parseNumber(fields[h.col("Market Value")])
		px, s2 := parseNumber(fields[h.col("Price")])
		k := tickerKey(fields[h.col("Ticker")])
		if s1 == numOK && s2 == numOK && px > 0 && mv > 0 && k != "" {
			out.held[k] = mv / px
			out.price[k] = px
		}
	})
	return out
}
