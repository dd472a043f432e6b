package main

import (
	"errors"
	"fmt"
	"time"

	"screener/engine"
)

// loadErrorKind says which friendly message the error panel shows.
type loadErrorKind string

const (
	loadMissing loadErrorKind = "missing"      // HTTP 404
	loadNetwork loadErrorKind = "network"      // no response, or another HTTP error
	loadCorrupt loadErrorKind = "corrupt"      // truncated, bad JSON, hash mismatch, bad columns
	loadVersion loadErrorKind = "version"      // schema this build cannot read
	loadNoRows  loadErrorKind = "no-companies" // a valid current snapshot that lists no company
)

// loadError is a snapshot that could not be used, with the technical
// detail kept for the panel's "Details" section.
type loadError struct {
	Kind   loadErrorKind
	URL    string
	Detail string
}

func (e *loadError) Error() string { return string(e.Kind) + ": " + e.Detail }

// loadedSnapshot is everything the screener needs from one snapshot file.
type loadedSnapshot struct {
	Snap    *engine.Snapshot
	Metrics *engine.Metrics
}

// decodeSnapshot turns downloaded bytes into a snapshot and its metrics,
// classifying every failure; a panic in decoding (which would be a bug) is
// reported as a corrupt file rather than a blank page.
func decodeSnapshot(url string, b []byte) (res loadedSnapshot, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &loadError{Kind: loadCorrupt, URL: url, Detail: fmt.Sprint("decoder panic: ", r)}
		}
	}()
	t0 := time.Now()
	s, err := engine.Decode(b)
	publishTiming("decodeMs", msSince(t0))
	if err != nil {
		kind := loadCorrupt
		if errors.Is(err, engine.ErrSchema) {
			kind = loadVersion
		}
		return res, &loadError{Kind: kind, URL: url, Detail: err.Error()}
	}
	if s.Kind != "current" {
		return res, &loadError{Kind: loadCorrupt, URL: url, Detail: fmt.Sprintf("snapshot kind %q; want a current snapshot", s.Kind)}
	}
	if s.N == 0 {
		// The file decoded and its hash matched: it is not damaged, it
		// just has nothing to rank.
		return res, &loadError{Kind: loadNoRows, URL: url, Detail: fmt.Sprintf("snapshot of %s lists 0 companies", s.AsOf)}
	}
	t1 := time.Now()
	m := engine.ComputeMetrics(s)
	publishTiming("metricsMs", msSince(t1))
	return loadedSnapshot{Snap: s, Metrics: m}, nil
}

// classifyFetchError maps a failed download to the panel's message.
func classifyFetchError(url string, status int, err error) *loadError {
	kind := loadNetwork
	if status == 404 {
		kind = loadMissing
	}
	return &loadError{Kind: kind, URL: url, Detail: err.Error()}
}

func msSince(t time.Time) float64 { return float64(time.Since(t).Microseconds()) / 1000 }
