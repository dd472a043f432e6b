//go:build !wasm

package main

import (
	"path"
	"strings"
	"testing"

	"screener/data"
	"screener/data/schema"
	"screener/engine"
)

// The History view downloads exactly the history files the builder writes
// (read from the manifest it writes), oldest first, then the funds file:
// built here from the hand-made raw data.
func TestHistoryPathsAreTheBuilderOutputs(t *testing.T) {
	res, err := data.Build(data.Options{DataDir: "../data/testdata/raw", RankFirst: 1, RankLast: 3})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	var m *engine.Manifest
	for _, f := range res.Files {
		if strings.HasPrefix(f.Name, "history-") {
			want = append(want, f.Name)
		}
		if f.Name == schema.IndexFile {
			if m, err = engine.DecodeManifest(f.Data); err != nil {
				t.Fatal(err)
			}
		}
	}
	want = append(want, schema.FundsFile)
	got := historyPaths(m)
	if len(got) != len(want) {
		t.Fatalf("view fetches %v, builder writes %v", got, want)
	}
	for i, p := range got {
		if path.Base(p) != want[i] || path.Dir(p)+"/" != siteDataDir {
			t.Errorf("path %d = %s, want %s%s", i, p, siteDataDir, want[i])
		}
	}
}
