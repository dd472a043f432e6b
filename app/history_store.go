package main

import (
	"sync"

	"screener/engine"
)

// historyPhase is where the History view's lazy download stands.
type historyPhase int

const (
	histIdle    historyPhase = iota // nothing requested: the tab was never opened
	histLoading                     // downloading and decoding the files
	histReady                       // data decoded (the backtest may still be preparing)
	histFailed                      // a file could not be used; err says why
)

// historyStore is the History view's state that outlives the view: the
// downloaded snapshots, the backtest prepared for the current filters,
// and the view's settings. The shell keeps one for the page's lifetime so
// that leaving and re-opening the tab neither downloads nor prepares again.
//
// Download and preparation run in goroutines (ctx.Async of the mounted
// view); they publish through mu, and the mounted view's wake callback
// asks for a render. Everything else is read and written on the UI
// goroutine.
type historyStore struct {
	// TopN, Buckets and Stat are the settings the URL state carries (set
	// them before the view renders; config clamps them to MinTopN..MaxTopN,
	// 5 or 10 and a known statistic). OnConfig, when set, is called on the
	// UI goroutine after the user changed one.
	TopN     int
	Buckets  int
	Stat     engine.Statistic
	OnConfig func(topN, buckets int)

	mu        sync.Mutex
	phase     historyPhase
	done      int // files decoded so far
	total     int // files to download (0 until the manifest is read)
	err       *loadError
	data      *historyData
	prep      *historyPrep
	want      engine.Options // options the next preparation is for
	preparing bool
	prepErr   string
	wake      func()
}

// newHistoryStore is a store with the default settings and nothing loaded.
func newHistoryStore() *historyStore {
	return &historyStore{TopN: DefaultTopN, Buckets: engine.DefaultBuckets, Stat: DefaultStat}
}

// config returns the settings, clamped to what the engine accepts.
func (s *historyStore) config() engine.BacktestConfig {
	c := engine.BacktestConfig{Buckets: s.Buckets, TopN: s.TopN, Stat: s.Stat}
	if c.Buckets != 10 {
		c.Buckets = engine.DefaultBuckets
	}
	if c.TopN == 0 {
		c.TopN = DefaultTopN
	}
	c.TopN = max(MinTopN, min(c.TopN, MaxTopN))
	if c.Stat >= engine.NumStatistics {
		c.Stat = DefaultStat
	}
	return c
}

// historyStatus is a consistent copy of the store's loading state.
type historyStatus struct {
	Phase     historyPhase
	Done      int
	Total     int
	Err       *loadError
	Data      *historyData
	Prep      *historyPrep
	Preparing bool
	PrepErr   string
}

func (s *historyStore) status() historyStatus {
	s.mu.Lock()
	defer s.mu.Unlock()
	return historyStatus{Phase: s.phase, Done: s.done, Total: s.total, Err: s.err,
		Data: s.data, Prep: s.prep, Preparing: s.preparing, PrepErr: s.prepErr}
}

// setWake installs the mounted view's render request (nil when it leaves).
func (s *historyStore) setWake(f func()) {
	s.mu.Lock()
	s.wake = f
	s.mu.Unlock()
}

func (s *historyStore) notify() {
	s.mu.Lock()
	f := s.wake
	s.mu.Unlock()
	if f != nil {
		f()
	}
}

// startLoad begins the download unless it is under way or done; a failed
// download starts again. async runs the work off the UI goroutine
// (ctx.Async). The backtest is then prepared for opts.
func (s *historyStore) startLoad(async func(func()), resolve func(string) string, index *dataIndex, current *engine.Snapshot, opts engine.Options) {
	s.mu.Lock()
	if s.phase == histLoading || s.phase == histReady {
		s.mu.Unlock()
		return
	}
	s.phase, s.done, s.err = histLoading, 0, nil
	s.mu.Unlock()
	async(func() {
		d, lerr := loadHistoryData(resolve, index, current, func(k, n int) {
			s.mu.Lock()
			s.done, s.total = k, n
			s.mu.Unlock()
			s.notify()
		})
		s.mu.Lock()
		if lerr != nil {
			s.phase, s.err = histFailed, lerr
		} else {
			s.phase, s.data = histReady, d
		}
		s.mu.Unlock()
		if lerr == nil {
			s.prepareLoop(opts)
		}
		s.notify()
	})
}

// requestPrepare asks for the backtest to be prepared for opts (the
// screener's filters changed); it returns at once. The current
// preparation, if any, is kept until the new one is ready.
func (s *historyStore) requestPrepare(async func(func()), opts engine.Options) {
	opts = opts.ScreenKey()
	s.mu.Lock()
	if s.phase != histReady || (s.prep != nil && s.prep.Opts == opts && !s.preparing) || (s.preparing && s.want == opts) {
		s.mu.Unlock()
		return
	}
	busy := s.preparing
	s.want = opts
	s.mu.Unlock()
	if !busy {
		async(func() {
			s.prepareLoop(opts)
			s.notify()
		})
	}
}

// prepareLoop prepares for opts, then again for as long as a newer option
// set was requested meanwhile; only the last one is published.
func (s *historyStore) prepareLoop(opts engine.Options) {
	opts = opts.ScreenKey()
	s.mu.Lock()
	s.preparing, s.want = true, opts
	d := s.data
	s.mu.Unlock()
	for {
		p, err := prepareHistory(d, opts)
		s.mu.Lock()
		if s.want != opts {
			opts = s.want
			s.mu.Unlock()
			continue
		}
		s.preparing = false
		if err != nil {
			s.prepErr = err.Error()
		} else {
			s.prep, s.prepErr = p, ""
		}
		s.mu.Unlock()
		return
	}
}
