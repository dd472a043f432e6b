package data

import (
	"os"
	"strings"
)

// companyMeta is one row of us-companies.csv.
type companyMeta struct {
	name, isin, cik string
	industry        int
}

// parseCompanies reads us-companies.csv (names, ISIN, CIK, industry): the
// names and CIKs find statements filed under an old ticker, the ISIN and
// industry decide the US rule and the sector of companies in no holdings
// file.
func parseCompanies(path string) (map[string]companyMeta, Counts) {
	content, err := os.ReadFile(path)
	if err != nil {
		return nil, Counts{UnreadFiles: []string{relName(path)}}
	}
	return parseCompaniesContent(relName(path), content)
}

// parseCompaniesContent parses the bytes of us-companies.csv; name is used
// in reports. The first row of a ticker wins.
func parseCompaniesContent(name string, content []byte) (map[string]companyMeta, Counts) {
	var c Counts
	h, ok := c.header(name, content, ';', "Ticker", "Company Name")
	if !ok {
		return nil, c
	}
	out := map[string]companyMeta{}
	forEachRow(content, ';', h, &c, nil, func(fields []string) {
		key := tickerKey(fields[h.col("Ticker")])
		if key == "" {
			c.RowsMalformed++
			return
		}
		m := companyMeta{name: strings.TrimSpace(fields[h.col("Company Name")])}
		if i := h.col("ISIN"); i >= 0 {
			m.isin = strings.TrimSpace(fields[i])
		}
		if i := h.col("CIK"); i >= 0 {
			m.cik = strings.TrimSpace(fields[i])
		}
		if i := h.col("IndustryId"); i >= 0 {
			if v, st := parseNumber(fields[i]); st == numOK {
				m.industry = int(v)
			}
		}
		if _, dup := out[key]; !dup {
			out[key] = m
		}
	})
	return out, c
}

// simfinToGICS maps SimFin industry ids to GICS sectors for companies
// that are in no holdings file. SimFin's own sectors are close to
// Morningstar's; where an industry sits in a different GICS sector
// (online media, entertainment, advertising and publishing are
// Communication Services; education is Consumer Discretionary; packaging
// is Materials) the industry decides.
func simfinToGICS(industry int) string {
	switch industry {
	case 101002, 103001, 103011, 103026, 108001:
		return "Communication Services"
	case 102006:
		return "Consumer Discretionary"
	case 103018:
		return "Materials"
	case 108002, 108003, 108004:
		return "Industrials"
	case 111001:
		return "Financials"
	}
	switch industry / 1000 {
	case 100:
		return "Industrials"
	case 101:
		return "Information Technology"
	case 102:
		return "Consumer Staples"
	case 103:
		return "Consumer Discretionary"
	case 104:
		return "Financials"
	case 105:
		return "Utilities"
	case 106:
		return "Health Care"
	case 107:
		return "Energy"
	case 109:
		return "Real Estate"
	case 110:
		return "Materials"
	}
	return ""
}
