package data

import (
	"math"
	"os"
	"path/filepath"
	"strings"
)

// summaryRequired are the columns a quarterly-summary file must have; the
// value columns are optional and read by name, because one file (JPM.csv)
// has no `ticker` column and an extra `eps`.
var summaryRequired = []string{"period_end", "available_date"}

// parseSummaryFile reads one fundamentals/quarterly/<TICKER>.csv. The
// company key is the file name (which keeps "_delisted" apart); every row
// becomes three block records (income: revenue, net income; balance:
// assets, equity; cash flow: free cash flow) plus a share count.
func parseSummaryFile(path string) parsedFile {
	var out parsedFile
	content, err := os.ReadFile(path)
	if err != nil {
		out.counts.UnreadFiles = append(out.counts.UnreadFiles, relName(path))
		return out
	}
	key := tickerKey(strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)))
	return parseSummaryContent(relName(path), key, content)
}

// parseSummaryContent parses the bytes of one quarterly-summary file of
// company key; name is used in reports.
func parseSummaryContent(name, key string, content []byte) parsedFile {
	var out parsedFile
	h, ok := out.counts.header(name, content, ',', summaryRequired...)
	if !ok {
		return out
	}
	if key == "" {
		out.counts.BadHeaderFiles = append(out.counts.BadHeaderFiles, name+" (no ticker in file name)")
		return out
	}
	forEachRow(content, ',', h, &out.counts, func([]string) { out.flagMalformed(key) }, func(fields []string) {
		end, ok1 := parseDay(fields[h.col("period_end")])
		pub, ok2 := parseDay(fields[h.col("available_date")])
		if !ok1 || !ok2 {
			out.counts.RowsMalformed++
			out.flagMalformed(key)
			return
		}
		cr := cellReader{h: h, fields: fields, pub: pub, counts: &out.counts}
		get := cr.get
		inc := newRecord(end, pub, srcSummary, false)
		inc.v[fRev] = cr.revenue("revenue")
		inc.v[fNI] = get("net_income")
		bal := newRecord(end, pub, srcSummary, false)
		bal.v[fAssets] = get("total_assets")
		bal.v[fEquity] = get("equity")
		cf := newRecord(end, pub, srcSummary, false)
		cf.v[fFCF] = get("free_cash_flow")
		shares := get("shares_outstanding")
		// Rows with nothing but dates (JPM.csv has one) carry no information.
		if allMissing(inc) && allMissing(bal) && allMissing(cf) && math.IsNaN(shares) {
			return
		}
		out.rows = append(out.rows,
			parsedRow{key: key, blk: bInc, rec: inc, shares: shares, events: cr.events},
			parsedRow{key: key, blk: bBal, rec: bal, shares: math.NaN()},
			parsedRow{key: key, blk: bCF, rec: cf, shares: math.NaN()})
	})
	return out
}
