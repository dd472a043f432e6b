package data

import (
	"strconv"

	"screener/data/schema"
)

// manifestEntry is one file of the data manifest (schema.IndexFile).
type manifestEntry struct {
	name, kind, asof, hash string
	bytes                  int
}

// manifest renders index.json's body: the files in the order given, each
// with its kind and date from the report's stats. Its own entry is not
// listed: it cannot hash itself.
func manifest(files []File, stats []SnapshotStats) []byte {
	byName := map[string]SnapshotStats{}
	for _, s := range stats {
		byName[s.Name] = s
	}
	entries := make([]manifestEntry, 0, len(files))
	for _, f := range files {
		st := byName[f.Name]
		entries = append(entries, manifestEntry{name: f.Name, kind: st.Kind, asof: st.AsOf, hash: f.Hash, bytes: len(f.Data)})
	}
	var w jsonWriter
	w.raw(`{"kind":`)
	w.str(schema.KindIndex)
	w.raw(`,"files":[`)
	for i, e := range entries {
		if i > 0 {
			w.raw(",")
		}
		w.raw(`{"name":`)
		w.str(e.name)
		w.raw(`,"kind":`)
		w.str(e.kind)
		w.raw(`,"asof":`)
		w.str(e.asof)
		w.raw(`,"bytes":` + strconv.Itoa(e.bytes) + `,"hash":`)
		w.str(e.hash)
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
