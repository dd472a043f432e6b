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
		f := enveloped(schema.LargeCapFile, body)
		st.Name, st.Raw, st.Gzip = schema.LargeCapFile, len(f.Data), gzipSize(f.Data)
		r.Files = append(r.Files, f)
		r.Stats = append(r.Stats, st)
	}
	body, last, notes := buildDaily(env.prices)
	f := enveloped(schema.DailyFile, body)
	r.Notes = append(r.Notes, notes...)
	r.Files = append(r.Files, f)
	r.Stats = append(r.Stats, SnapshotStats{Name: schema.DailyFile, Kind: schema.KindDaily, AsOf: last.String(), Raw: len(f.Data), Gzip: gzipSize(f.Data)})
}
