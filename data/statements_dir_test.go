package data

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copyDir copies the regular files of src into dst, recursively.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestMissingStatementsFolder: the builder refuses a DATA_DIR without a
// whole statements folder, naming it, instead of writing snapshots in
// which no company has fundamentals.
func TestMissingStatementsFolder(t *testing.T) {
	for _, rel := range statementDirs {
		dir := t.TempDir()
		copyDir(t, fixtureDir, dir)
		if err := os.RemoveAll(filepath.Join(dir, rel)); err != nil {
			t.Fatal(err)
		}
		opts := fixtureOptions()
		opts.DataDir = dir
		_, err := Build(opts)
		if err == nil || !errors.Is(err, ErrDataDir) || !strings.Contains(err.Error(), rel) {
			t.Errorf("without %s: err = %v, want ErrDataDir naming the folder", rel, err)
		}
	}
}
