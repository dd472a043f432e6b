package main

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"screener/data/schema"
	"screener/engine"
)

// historyFundsPath holds the comparison funds' monthly closes.
const historyFundsPath = siteDataDir + schema.FundsFile

// historyCompareFunds are the funds "my screen" is measured against: the
// Russell 2000 and S&P 600 trackers, the benchmarks a small-cap screen
// must beat, and the Russell 2000 growth and value halves, which tell a
// style tilt from stock picking.
var historyCompareFunds = []string{"IWM", "IJR", "VTWG", "VTWV"}

// historyPaths lists the files the History view downloads when it first
// opens: the history snapshots the data manifest lists, oldest first, then
// funds.json. The current snapshot is the one the screener already holds.
// A static host cannot list a folder, so the manifest names the files.
func historyPaths(m *engine.Manifest) []string {
	hist := m.History()
	out := make([]string, 0, len(hist)+1)
	for _, f := range hist {
		out = append(out, siteDataDir+f.Name)
	}
	return append(out, historyFundsPath)
}

// survivorshipCounts are the numbers behind a history snapshot's
// survivorship text (engine.Snapshot.SurvivorshipCounts). OK is false
// when the snapshot does not carry all of them.
type survivorshipCounts struct {
	// Reporting companies published a statement in the 12 months before
	// the date; Unpriced of them had no price on the date, and Before of
	// them would have had none without the 2024 price files.
	Reporting, Unpriced, Before int
	OK                          bool
}

// survivorshipOf picks the counts the survivorship table shows. A count
// above ten million cannot be a number of companies: the table shows
// none rather than a wrong one.
func survivorshipOf(s *engine.Snapshot) survivorshipCounts {
	get := func(name string) (int, bool) {
		n, ok := engine.CountOf(s.SurvivorshipCounts, name)
		return n, ok && n <= 1e7
	}
	var c survivorshipCounts
	var ok [3]bool
	c.Reporting, ok[0] = get(schema.SurvReporting)
	c.Unpriced, ok[1] = get(schema.SurvUnpriced)
	c.Before, ok[2] = get(schema.SurvUnpricedPricesOnly)
	c.OK = ok == [3]bool{true, true, true}
	return c
}

// historyData is everything the History view downloads, decoded.
type historyData struct {
	// Snaps are the history snapshots oldest first, then the current one;
	// Surv is parallel (the current snapshot carries no counts).
	Snaps []*engine.Snapshot
	Surv  []survivorshipCounts
	// Funds are the price series of FundTickers (nil: no prices).
	FundTickers []string
	Funds       []*engine.Fund
}

// fetched is one downloaded file.
type fetched struct {
	b      []byte
	status int
	err    error
}

// loadHistoryData downloads the history files the data manifest lists and
// funds.json (all at once: the browser fetches in parallel) and decodes
// them one by one in order, sleeping briefly after each so the browser
// paints the progress and handles input (a decode blocks the only thread
// for tens of ms in wasm, and ctx.Async runs on that same thread: only a
// sleep yields it). progress(k, n) is called after the k-th of n files.
func loadHistoryData(resolve func(string) string, index *dataIndex, current *engine.Snapshot, progress func(done, total int)) (*historyData, *loadError) {
	m, lerr := index.get()
	if lerr != nil {
		return nil, lerr
	}
	paths := historyPaths(m)
	progress(0, len(paths))
	results := make([]chan fetched, len(paths))
	for i, p := range paths {
		results[i] = make(chan fetched, 1)
		go func(url string, out chan<- fetched) {
			b, status, err := fetchBytes(url, cacheDefault)
			out <- fetched{b, status, err}
		}(resolve(p), results[i])
	}
	d := &historyData{}
	for i, p := range paths {
		r := <-results[i]
		url := resolve(p)
		var lerr *loadError
		if r.err != nil {
			lerr = classifyFetchError(url, r.status, r.err)
		} else if p == historyFundsPath {
			names, funds, err := decodeCompareFunds(r.b)
			if err != nil {
				lerr = &loadError{Kind: loadCorrupt, URL: url, Detail: err.Error()}
			}
			d.FundTickers, d.Funds = names, funds
		} else {
			var s *engine.Snapshot
			s, lerr = listedHistorySnapshot(url, r.b, m)
			if lerr == nil {
				d.Snaps = append(d.Snaps, s)
				d.Surv = append(d.Surv, survivorshipOf(s))
			}
		}
		if lerr != nil {
			// Wait for the other downloads so none writes after we return.
			for _, c := range results[i+1:] {
				<-c
			}
			return nil, lerr
		}
		progress(i+1, len(paths))
		time.Sleep(4 * time.Millisecond)
	}
	if current != nil {
		d.Snaps = append(d.Snaps, current)
		d.Surv = append(d.Surv, survivorshipCounts{})
	}
	return d, nil
}

// listedHistorySnapshot decodes a history file and checks it is the one
// the manifest lists. A copy from an earlier build (kept by the offline
// cache while the host moved on) is fetched again past every cache once;
// only when that too differs is it an error, as mixing two builds'
// windows would give results no build describes.
func listedHistorySnapshot(url string, b []byte, m *engine.Manifest) (*engine.Snapshot, *loadError) {
	name := url[strings.LastIndex(url, "/")+1:]
	want, _ := m.File(name)
	for attempt := 0; ; attempt++ {
		s, err := decodeHistorySnapshot(b)
		if err != nil {
			// decodeHistorySnapshot never wraps its *loadError: a type
			// assertion suffices and keeps errors.As (~25 KB) out.
			le, ok := err.(*loadError)
			if !ok {
				le = &loadError{Kind: loadCorrupt, Detail: err.Error()}
			}
			le.URL = url
			return nil, le
		}
		if s.Hash == want.Hash || attempt == 1 {
			if s.Hash != want.Hash {
				return nil, &loadError{Kind: loadCorrupt, URL: url, Detail: fmt.Sprintf("%s is %s, but %s lists %s: another build's file", name, s.Hash, schema.IndexFile, want.Hash)}
			}
			return s, nil
		}
		fresh, status, ferr := fetchBytes(url, cacheReload)
		if ferr != nil {
			return nil, classifyFetchError(url, status, ferr)
		}
		b = fresh
	}
}

// decodeHistorySnapshot decodes one history file, classifying failures
// like the screener's snapshot (a decoder panic would be a bug; it is
// reported as a corrupt file, not a blank page).
func decodeHistorySnapshot(b []byte) (s *engine.Snapshot, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &loadError{Kind: loadCorrupt, Detail: fmt.Sprint("decoder panic: ", r)}
		}
	}()
	s, err = engine.Decode(b)
	if err != nil {
		kind := loadCorrupt
		if errors.Is(err, engine.ErrSchema) {
			kind = loadVersion
		}
		return nil, &loadError{Kind: kind, Detail: err.Error()}
	}
	if s.Kind != schema.KindHistory {
		return nil, &loadError{Kind: loadCorrupt, Detail: fmt.Sprintf("snapshot kind %q, want history", s.Kind)}
	}
	return s, nil
}

// decodeCompareFunds decodes funds.json and picks the comparison funds; a
// fund without a price series stays nil (its column shows "—").
func decodeCompareFunds(b []byte) (tickers []string, funds []*engine.Fund, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("funds decoder panic: %v", r)
		}
	}()
	fs, err := engine.DecodeFunds(b)
	if err != nil {
		return nil, nil, err
	}
	for _, t := range historyCompareFunds {
		var f *engine.Fund
		if x, ok := fs.Lookup(t); ok && len(x.Monthly) > 0 {
			f = x
		}
		tickers = append(tickers, t)
		funds = append(funds, f)
	}
	return tickers, funds, nil
}

// historyPrep is the backtest prepared for one option set (metrics,
// percentiles and sorted forward returns per date: engine.NewBacktest),
// with the funds' returns over the same windows.
type historyPrep struct {
	Opts    engine.Options // a ScreenKey: coverage and the missing rule are applied at run time
	BT      *engine.Backtest
	FundRet [][]float64 // [date][fund]
}

// prepareHistory runs engine.NewBacktest one date at a time, sleeping
// between dates so a filter change does not freeze the page, and joins
// the dates oldest first, as NewBacktest orders them.
func prepareHistory(d *historyData, o engine.Options) (*historyPrep, error) {
	o = o.ScreenKey()
	bt := &engine.Backtest{Opts: o}
	for _, s := range d.Snaps {
		one, err := engine.NewBacktest([]*engine.Snapshot{s}, o)
		if err != nil {
			return nil, err
		}
		bt.Dates = append(bt.Dates, one.Dates...)
		time.Sleep(2 * time.Millisecond)
	}
	engine.SortDatesByFrom(bt.Dates)
	return &historyPrep{Opts: o, BT: bt, FundRet: bt.FundWindowReturns(d.Funds)}, nil
}
