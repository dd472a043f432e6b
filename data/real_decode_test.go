package data

import (
	"os"
	"path/filepath"
	"testing"

	"screener/data/schema"
	"screener/engine"
)

// TestRealDataDecodes builds the snapshots from the real raw data (DATA_DIR,
// or ../../shared/data next to the repository) when it is there, and
// decodes every file: the decoder's plausible-value checks must accept the
// builder's real output. Skipped without the data or with -short.
func TestRealDataDecodes(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	dir := os.Getenv("DATA_DIR")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "data")
	}
	if _, err := os.Stat(filepath.Join(dir, "holdings")); err != nil {
		t.Skipf("no raw data at %s", dir)
	}
	res, err := Build(Options{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Files {
		if f.Name == schema.IndexFile {
			if _, err := engine.DecodeManifest(f.Data); err != nil {
				t.Errorf("%s: %v", f.Name, err)
			}
			continue
		}
		if f.Name == schema.FundsFile {
			if _, err := engine.DecodeFunds(f.Data); err != nil {
				t.Errorf("%s: %v", f.Name, err)
			}
			continue
		}
		if f.Name == schema.DailyFile {
			if dp, err := engine.DecodeDaily(f.Data); err != nil || len(dp.Series) != 10 {
				t.Errorf("%s: %v", f.Name, err)
			}
			continue
		}
		s, err := engine.Decode(f.Data)
		if err != nil {
			t.Errorf("%s: %v", f.Name, err)
			continue
		}
		if s.N == 0 {
			t.Errorf("%s: no companies", f.Name)
		}
	}
}
