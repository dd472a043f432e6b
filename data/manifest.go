package data

import (
	"strconv"

	"screener/data/schema"
)

// manifest renders index.json's body: the files in the order given, each
// with its kind and date from the report's stats. Its own entry is not
// listed: it cannot hash itself.
func manifest(files []File, stats []SnapshotStats) []byte {
	byName := map[string]SnapshotStats{}
	for _, s := range stats {
		byName[s.Name] = s
	}
	var w jsonWriter
	w.raw(`{"kind":`)
	w.str(schema.KindIndex)
	w.raw(`,"files":[`)
	for i, f := range files {
		if i > 0 {
			w.raw(",")
		}
		st := byName[f.Name]
		w.raw(`{"name":`)
		w.str(f.Name)
		w.raw(`,"kind":`)
		w.str(st.Kind)
		w.raw(`,"asof":`)
		w.str(st.AsOf)
		w.raw(`,"bytes":` + strconv.Itoa(len(f.Data)) + `,"hash":`)
		w.str(f.Hash)
		w.raw("}")
	}
	w.raw("]}")
	return w.Bytes()
}

// enveloped is the output file name holding body in its envelope, with
// the body's hash kept for the manifest.
func enveloped(name string, body []byte) File {
	return File{Name: name, Data: schema.Envelope(body), Hash: schema.Hash(body)}
}
