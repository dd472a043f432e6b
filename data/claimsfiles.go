package data

import "screener/data/schema"

// addClaimsFiles appends the Claims view's files: the large-cap snapshot
// (skipped, and said so in the report, when a large-cap holdings file is
// missing) and the funds' daily closes.
func (r *Result) addClaimsFiles(env *buildEnv, dataDir string, asof Day) {
	if funds, err := loadLargeCapHoldings(dataDir); err != nil {
		r.Notes = append(r.Notes, "largecap.json not built: "+err.Error())
	} else {
		body, st := env.largeCap(asof, funds)
		data := schema.Envelope(body)
		st.Raw, st.Gzip = len(data), gzipSize(data)
		r.Files = append(r.Files, File{schema.LargeCapFile, data})
		r.Stats = append(r.Stats, st)
	}
	body, last, notes := buildDaily(env.prices)
	data := schema.Envelope(body)
	r.Notes = append(r.Notes, notes...)
	r.Files = append(r.Files, File{schema.DailyFile, data})
	r.Stats = append(r.Stats, SnapshotStats{Name: schema.DailyFile, Kind: schema.KindDaily, AsOf: last.String(), Raw: len(data), Gzip: gzipSize(data)})
}
