package engine

import (
	"errors"
	"strings"
	"testing"

	"screener/data/schema"
)

const manifestGood = `{"kind":"index","files":[` +
	`{"name":"current.json","kind":"current","asof":"2025-11-24","bytes":751234,"hash":"fnv1a64:0123456789abcdef"},` +
	`{"name":"history-2021.json","kind":"history","asof":"2021-06-30","bytes":500000,"hash":"fnv1a64:1123456789abcdef"},` +
	`{"name":"history-2020.json","kind":"history","asof":"2020-06-30","bytes":400000,"hash":"fnv1a64:2123456789abcdef"},` +
	`{"name":"funds.json","kind":"funds","asof":"2026-08-03","bytes":90000,"hash":"fnv1a64:3123456789abcdef"}]}`

func TestDecodeManifest(t *testing.T) {
	m, err := DecodeManifest(schema.Envelope([]byte(manifestGood)))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Files) != 4 {
		t.Fatalf("%d files", len(m.Files))
	}
	cur, ok := m.File("current.json")
	if !ok || cur.Bytes != 751234 || cur.Hash != "fnv1a64:0123456789abcdef" || cur.AsOf != "2025-11-24" {
		t.Errorf("current entry %+v %v", cur, ok)
	}
	if _, ok := m.File("history-2019.json"); ok {
		t.Error("found an unlisted file")
	}
	h := m.History()
	if len(h) != 2 || h[0].Name != "history-2020.json" || h[1].Name != "history-2021.json" {
		t.Errorf("history %+v, want 2020 then 2021", h)
	}
}

// Each bad entry is refused with ErrCorrupt and a message naming what is
// wrong with it; so are a wrong kind and a tampered body.
func TestDecodeManifestRejects(t *testing.T) {
	entry := func(name, kind, asof, bytes, hash string) string {
		return `{"kind":"index","files":[{"name":"` + name + `","kind":"` + kind + `","asof":"` + asof + `","bytes":` + bytes + `,"hash":"` + hash + `"}]}`
	}
	const h = "fnv1a64:0123456789abcdef"
	cases := map[string]struct{ body, want string }{
		"path":       {entry("../etc/passwd.json", "history", "2020-06-30", "10", h), "plain .json"},
		"slash":      {entry("data/current.json", "current", "2020-06-30", "10", h), "plain .json"},
		"not json":   {entry("current.js", "current", "2020-06-30", "10", h), "plain .json"},
		"upper":      {entry("Current.json", "current", "2020-06-30", "10", h), "plain .json"},
		"kind":       {entry("x.json", "prices", "2020-06-30", "10", h), "unknown kind"},
		"date":       {entry("x.json", "history", "2020-13-40", "10", h), "asof"},
		"zero bytes": {entry("x.json", "history", "2020-06-30", "0", h), "bytes"},
		"huge":       {entry("x.json", "history", "2020-06-30", "1e300", h), "bytes"},
		"fraction":   {entry("x.json", "history", "2020-06-30", "1.5", h), "bytes"},
		"hash":       {entry("x.json", "history", "2020-06-30", "10", "sha256:00"), "hash"},
		"hash hex":   {entry("x.json", "history", "2020-06-30", "10", "fnv1a64:0123456789ABCDEF"), "hash"},
		"wrong kind": {`{"kind":"funds","files":[]}`, "kind"},
		"no files":   {`{"kind":"index"}`, "files"},
		"not object": {`{"kind":"index","files":[3]}`, "not an object"},
		"twice":      {`{"kind":"index","files":[` + strings.Repeat(`{"name":"a.json","kind":"funds","asof":"2020-01-01","bytes":1,"hash":"`+h+`"},`, 2) + `{}]}`, "twice"},
		"many":       {`{"kind":"index","files":[` + strings.TrimSuffix(strings.Repeat(`{"name":"a.json"},`, manifestMaxFiles+1), ",") + `]}`, "more than"},
	}
	for name, c := range cases {
		_, err := DecodeManifest(schema.Envelope([]byte(c.body)))
		if err == nil || !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err %v, want ErrCorrupt mentioning %q", name, err, c.want)
		}
	}
	tampered := schema.Envelope([]byte(manifestGood))
	tampered[len(tampered)-10] = '9'
	if _, err := DecodeManifest(tampered); !errors.Is(err, ErrHash) {
		t.Errorf("tampered: %v, want ErrHash", err)
	}
}

// FuzzDecodeManifest: any body, enveloped with its correct hash, decodes
// or fails with an error, never a panic, and whatever decodes keeps the
// promises readers rely on (plain names, known kinds, bounded sizes).
func FuzzDecodeManifest(f *testing.F) {
	f.Add([]byte(manifestGood))
	f.Add([]byte(`{"kind":"index","files":[]}`))
	f.Add([]byte(`{"kind":"index","files":[{"name":"a..json"}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		m, err := DecodeManifest(schema.Envelope(body))
		if err != nil {
			return
		}
		for _, e := range m.Files {
			if strings.ContainsAny(e.Name, "/\\") || strings.Contains(e.Name, "..") || !strings.HasSuffix(e.Name, ".json") {
				t.Fatalf("unsafe name %q accepted", e.Name)
			}
			if e.Bytes < 1 || e.Bytes > manifestMaxBytes {
				t.Fatalf("size %d accepted", e.Bytes)
			}
		}
	})
}
