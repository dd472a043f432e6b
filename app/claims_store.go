package main

import (
	"errors"
	"sync"

	"screener/data/schema"
	"screener/engine"
)

// claimsFiles are the snapshots the claims read, by file name: the
// Claims view fetches them when it opens, the claims command reads them
// from --data.
var claimsFiles = []string{schema.DailyFile, schema.CurrentFile, schema.LargeCapFile, schema.FundsFile}

// claimsInputs decodes the claims' files (raw bytes by name, as
// claimsFiles) with the engine's decoders.
func claimsInputs(raw map[string][]byte) (engine.ClaimInputs, error) {
	small, err := engine.Decode(raw[schema.CurrentFile])
	if err != nil {
		return engine.ClaimInputs{}, fileErr(schema.CurrentFile, err)
	}
	return claimsInputsWith(raw, small)
}

// claimsInputsWith is claimsInputs with current.json already decoded.
func claimsInputsWith(raw map[string][]byte, small *engine.Snapshot) (engine.ClaimInputs, error) {
	in := engine.ClaimInputs{Small: small}
	var err error
	if in.Daily, err = engine.DecodeDaily(raw[schema.DailyFile]); err != nil {
		return in, fileErr(schema.DailyFile, err)
	}
	if in.Large, err = engine.Decode(raw[schema.LargeCapFile]); err != nil {
		return in, fileErr(schema.LargeCapFile, err)
	}
	if in.Funds, err = engine.DecodeFunds(raw[schema.FundsFile]); err != nil {
		return in, fileErr(schema.FundsFile, err)
	}
	return in, nil
}

type fileError struct {
	name string
	err  error
}

func (e fileError) Error() string { return e.name + ": " + e.err.Error() }
func (e fileError) Unwrap() error { return e.err }

func fileErr(name string, err error) error { return fileError{name, err} }

// claimsPhase is where the Claims view's download stands.
type claimsPhase uint8

const (
	claimsIdle claimsPhase = iota
	claimsLoading
	claimsReady
	claimsFailed
)

// claimsStore holds the Claims view's data for the page's lifetime: the
// files are fetched when the view first opens (never on the first visit
// to the page), and the cards computed once, off the UI goroutine.
type claimsStore struct {
	mu    sync.Mutex
	phase claimsPhase
	err   *loadError
	cards []engine.ClaimCard
	wake  func()
}

// status is a consistent copy of the store's state.
func (s *claimsStore) status() (claimsPhase, *loadError, []engine.ClaimCard) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.phase, s.err, s.cards
}

// setWake installs the mounted view's render request (nil when it leaves).
func (s *claimsStore) setWake(f func()) {
	s.mu.Lock()
	s.wake = f
	s.mu.Unlock()
}

// startLoad fetches the claims' files other than current.json (the
// screener holds it decoded), decodes them and computes the cards, unless
// that is under way or done; a failed load starts again.
func (s *claimsStore) startLoad(async func(func()), resolve func(string) string, current *engine.Snapshot) {
	s.mu.Lock()
	if s.phase == claimsLoading || s.phase == claimsReady {
		s.mu.Unlock()
		return
	}
	s.phase, s.err = claimsLoading, nil
	s.mu.Unlock()
	async(func() {
		cards, lerr := loadClaims(resolve, current)
		s.mu.Lock()
		if lerr != nil {
			s.phase, s.err = claimsFailed, lerr
		} else {
			s.phase, s.cards = claimsReady, cards
		}
		f := s.wake
		s.mu.Unlock()
		if f != nil {
			f()
		}
	})
}

// loadClaims downloads the files in parallel and computes the cards with
// the same code as the claims command (claimsInputs, engine.Claims).
func loadClaims(resolve func(string) string, current *engine.Snapshot) ([]engine.ClaimCard, *loadError) {
	var names []string
	for _, n := range claimsFiles {
		if n != schema.CurrentFile {
			names = append(names, n)
		}
	}
	results := make([]chan fetched, len(names))
	for i, n := range names {
		results[i] = make(chan fetched, 1)
		go func(url string, out chan<- fetched) {
			b, status, err := fetchBytes(url, cacheDefault)
			out <- fetched{b, status, err}
		}(resolve(siteDataDir+n), results[i])
	}
	raw := map[string][]byte{}
	var lerr *loadError
	for i, n := range names {
		r := <-results[i]
		if r.err != nil && lerr == nil {
			lerr = classifyFetchError(resolve(siteDataDir+n), r.status, r.err)
		}
		raw[n] = r.b
	}
	if lerr != nil {
		return nil, lerr
	}
	in, err := claimsInputsWith(raw, current)
	if err != nil {
		le := &loadError{Kind: loadCorrupt, Detail: err.Error()}
		if fe, ok := err.(fileError); ok {
			le.URL = resolve(siteDataDir + fe.name)
			if errors.Is(fe.err, engine.ErrSchema) {
				le.Kind = loadVersion
			}
		}
		return nil, le
	}
	return engine.Claims(in), nil
}
