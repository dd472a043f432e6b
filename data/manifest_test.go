package data

import (
	"testing"

	"screener/data/schema"
	"screener/engine"
)

// roundTripFile is the built file named name.
func roundTripFile(t *testing.T, name string) File {
	t.Helper()
	for _, f := range roundTripFiles(t) {
		if f.Name == name {
			return f
		}
	}
	t.Fatalf("no %s built", name)
	return File{}
}

// index.json lists every other file, in the order written, with its kind
// and date as the file itself states them, its exact size and the hash its
// envelope records; the engine reads it back.
func TestManifestListsEveryFile(t *testing.T) {
	m, err := engine.DecodeManifest(roundTripFile(t, schema.IndexFile).Data)
	if err != nil {
		t.Fatal(err)
	}
	files := roundTripFiles(t)
	if len(m.Files) != len(files)-1 {
		t.Fatalf("index lists %d files, built %d besides it", len(m.Files), len(files)-1)
	}
	for i, e := range m.Files {
		f := files[i]
		if e.Name != f.Name || e.Bytes != int64(len(f.Data)) {
			t.Errorf("entry %d: %s %d bytes, built %s %d bytes", i, e.Name, e.Bytes, f.Name, len(f.Data))
		}
		var kind, asof, hash string
		switch f.Name {
		case schema.FundsFile:
			fs, err := engine.DecodeFunds(f.Data)
			if err != nil {
				t.Fatal(err)
			}
			kind, asof, hash = schema.KindFunds, fs.AsOf, f.Hash
		case schema.DailyFile:
			d, err := engine.DecodeDaily(f.Data)
			if err != nil {
				t.Fatal(err)
			}
			kind, asof, hash = schema.KindDaily, d.AsOf, f.Hash
		default:
			s, err := engine.Decode(f.Data)
			if err != nil {
				t.Fatal(err)
			}
			kind, asof, hash = s.Kind, s.AsOf, s.Hash
		}
		if e.Kind != kind || e.AsOf != asof || e.Hash != hash {
			t.Errorf("%s: index says %s %s %s, file says %s %s %s", e.Name, e.Kind, e.AsOf, e.Hash, kind, asof, hash)
		}
	}
	hist := m.History()
	years := schema.HistoryYears()
	if len(hist) != len(years) {
		t.Fatalf("index has %d history files, want %d", len(hist), len(years))
	}
	for i, y := range years {
		if hist[i].Name != schema.HistoryFile(y) {
			t.Errorf("history %d: %s, want %s", i, hist[i].Name, schema.HistoryFile(y))
		}
	}
}
