package engine

import (
	"fmt"
	"sort"
	"strings"

	"github.com/tidwall/gjson"

	"screener/data/schema"
)

// Manifest is the data folder's index (schema.IndexFile): the snapshot
// files a build wrote, so readers list the history files from it instead
// of assuming years, and the page can tell, by comparing hashes, that the
// host now serves a newer build than the one it holds.
type Manifest struct {
	Files []ManifestFile
}

// ManifestFile is one file of a Manifest.
type ManifestFile struct {
	Name  string // file name in the same folder, e.g. "history-2024.json"
	Kind  string // schema.KindCurrent, KindHistory, KindFunds, KindLargeCap or KindDaily
	AsOf  string // YYYY-MM-DD
	Bytes int64  // size of the whole file
	Hash  string // the file's envelope hash (schema.Hash of its body)
}

// manifestMaxFiles bounds a manifest: a build writes a handful of files,
// and a reader must not start thousands of downloads on a hostile index.
const manifestMaxFiles = 64

// manifestMaxBytes bounds one listed file (the snapshots are ~1 MB).
const manifestMaxBytes = 64 << 20

// DecodeManifest reads index.json. Every entry must name a plain .json
// file of the folder (no path), of a known kind, with a date, a size and
// a hash in the envelope's format; names are unique. Errors wrap
// ErrSchema, ErrHash or ErrCorrupt and name the bad entry.
func DecodeManifest(b []byte) (*Manifest, error) {
	body, err := objectBody(b)
	if err != nil {
		return nil, err
	}
	if k := body.Get("kind").String(); k != schema.KindIndex {
		return nil, fmt.Errorf("%w: kind %q, want %q", ErrCorrupt, k, schema.KindIndex)
	}
	arr := body.Get("files")
	if !arr.IsArray() {
		return nil, fmt.Errorf("%w: index has no files array", ErrCorrupt)
	}
	count := 0
	arr.ForEach(func(_, _ gjson.Result) bool { count++; return count <= manifestMaxFiles })
	if count > manifestMaxFiles {
		return nil, fmt.Errorf("%w: index lists more than %d files", ErrCorrupt, manifestMaxFiles)
	}
	m := &Manifest{Files: make([]ManifestFile, 0, count)}
	seen := map[string]bool{}
	var ferr error
	arr.ForEach(func(_, v gjson.Result) bool {
		f, err := decodeManifestFile(v)
		if err == nil && seen[f.Name] {
			err = fmt.Errorf("%q listed twice", f.Name)
		}
		if err != nil {
			ferr = fmt.Errorf("%w: index entry %d: %v", ErrCorrupt, len(m.Files), err)
			return false
		}
		seen[f.Name] = true
		m.Files = append(m.Files, f)
		return true
	})
	if ferr != nil {
		return nil, ferr
	}
	return m, nil
}

func decodeManifestFile(v gjson.Result) (ManifestFile, error) {
	if !v.IsObject() {
		return ManifestFile{}, fmt.Errorf("not an object")
	}
	f := ManifestFile{
		Name: v.Get("name").String(),
		Kind: v.Get("kind").String(),
		AsOf: v.Get("asof").String(),
		Hash: v.Get("hash").String(),
	}
	if !plainJSONName(f.Name) {
		return f, fmt.Errorf("name %q is not a plain .json file name", f.Name)
	}
	switch f.Kind {
	case schema.KindCurrent, schema.KindHistory, schema.KindFunds, schema.KindLargeCap, schema.KindDaily:
	default:
		return f, fmt.Errorf("%s: unknown kind %q", f.Name, f.Kind)
	}
	if _, err := ParseDate(f.AsOf); err != nil {
		return f, fmt.Errorf("%s: asof: %v", f.Name, err)
	}
	n := v.Get("bytes")
	if n.Type != gjson.Number || n.Num != float64(int64(n.Num)) || n.Num < 1 || n.Num > manifestMaxBytes {
		return f, fmt.Errorf("%s: bytes %s is not a size between 1 and %d", f.Name, n.Raw, manifestMaxBytes)
	}
	f.Bytes = int64(n.Num)
	if !validHash(f.Hash) {
		return f, fmt.Errorf("%s: hash %q is not %s and 16 hex digits", f.Name, f.Hash, schema.HashPrefix)
	}
	return f, nil
}

// plainJSONName: lower-case letters, digits, '-', '_' and '.', ending in
// ".json", so that a name resolved against the folder stays in it.
func plainJSONName(s string) bool {
	if len(s) > 64 || !strings.HasSuffix(s, ".json") || strings.HasPrefix(s, ".") {
		return false
	}
	for _, c := range []byte(s) {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return !strings.Contains(s, "..")
}

func validHash(s string) bool {
	hex, ok := strings.CutPrefix(s, schema.HashPrefix)
	if !ok || len(hex) != 16 {
		return false
	}
	for _, c := range []byte(hex) {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// File is the entry named name.
func (m *Manifest) File(name string) (ManifestFile, bool) {
	for _, f := range m.Files {
		if f.Name == name {
			return f, true
		}
	}
	return ManifestFile{}, false
}

// History is the history files, oldest first.
func (m *Manifest) History() []ManifestFile {
	var out []ManifestFile
	for _, f := range m.Files {
		if f.Kind == schema.KindHistory {
			out = append(out, f)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].AsOf < out[j].AsOf })
	return out
}

// EnvelopeHash is the hash a data file's envelope records, once checked
// against its body: the file's identity, as the manifest lists it.
func EnvelopeHash(b []byte) (string, error) {
	if _, err := envelopeBody(b); err != nil {
		return "", err
	}
	return gjson.GetBytes(b, "hash").Str, nil
}
