package main

import (
	"sync"

	"screener/data/schema"
	"screener/engine"
)

// indexPath is the data manifest: the files of one build with their
// hashes (engine.Manifest).
const indexPath = siteDataDir + schema.IndexFile

// cacheMode is a download's RequestInit.cache. The service worker reads
// it: "no-store" and "reload" go to the network first (and refresh the
// worker's copy), the default answers from the worker's cache.
type cacheMode string

const (
	cacheDefault cacheMode = ""
	cacheNoStore cacheMode = "no-store"
	cacheReload  cacheMode = "reload"
)

// dataIndex is the data manifest as this visit knows it: downloaded once,
// from the network first (offline: the worker's copy), so that it
// describes what the host serves now, not what the page was cached with.
// get blocks until it has arrived, so it is called off the UI goroutine.
type dataIndex struct {
	start sync.Once
	done  chan struct{}
	m     *engine.Manifest
	err   *loadError
}

func newDataIndex() *dataIndex { return &dataIndex{done: make(chan struct{})} }

// load starts the download (once) of the manifest at url.
func (d *dataIndex) load(url string) {
	d.start.Do(func() {
		go func() {
			defer close(d.done)
			b, status, err := fetchBytes(url, cacheNoStore)
			if err != nil {
				d.err = classifyFetchError(url, status, err)
				return
			}
			m, err := engine.DecodeManifest(b)
			if err != nil {
				d.err = &loadError{Kind: loadCorrupt, URL: url, Detail: err.Error()}
				return
			}
			d.m = m
		}()
	})
}

// get waits for the manifest (load must have been called).
func (d *dataIndex) get() (*engine.Manifest, *loadError) {
	<-d.done
	return d.m, d.err
}

// ready is the manifest when it has arrived (nil if it failed).
func (d *dataIndex) ready() (*engine.Manifest, bool) {
	select {
	case <-d.done:
		return d.m, true
	default:
		return nil, false
	}
}

// newerData is the date of the current snapshot the host now serves when
// it is not the one the page holds (held), "" otherwise.
func newerData(m *engine.Manifest, held *engine.Snapshot) string {
	if m == nil || held == nil {
		return ""
	}
	f, ok := m.File(schema.CurrentFile)
	if !ok || f.Hash == held.Hash {
		return ""
	}
	return f.AsOf
}
