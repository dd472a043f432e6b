package data

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"screener/data/schema"
)

// Russell-2000-like ranks: 1,001st to 3,000th largest by market cap.
const rankFirst, rankLast = 1001, 3000

// Options configure Build. Zero values mean the defaults: the snapshot
// dates of the contract (schema.CurrentAsOf, schema.HistoryYears), ranks
// 1,001-3,000, one worker per CPU.
type Options struct {
	DataDir      string
	CurrentAsOf  string
	HistoryYears []int
	Workers      int
	// RankFirst and RankLast bound the modelled Russell-2000-like universe
	// by rank where a year has no published breakpoint (1,001 and 3,000;
	// small fixtures use e.g. 1 and 3).
	RankFirst, RankLast int
	// years overrides the model's rank days and breakpoints (tests).
	years map[int]russellYear
}

// File is one output file: its name under the output directory and bytes.
type File struct {
	Name string
	Data []byte
	Hash string // the envelope's body hash
}

// Result is everything Build produced.
type Result struct {
	Files  []File
	Stats  []SnapshotStats
	Inputs Counts
	// Holdings are the checks of the IWM and IJR holdings files.
	Holdings []HoldingsCheck
	// PriceIssues are the price checks' findings in prices/ and
	// prices-to-2024/, file by file; Notes more lines of the report
	// (prices-to-2024/ matching).
	PriceIssues []PriceIssue
	Notes       []string
}

// ErrDataDir is wrapped by Build when DATA_DIR is missing or unreadable.
var ErrDataDir = errors.New("data directory unreadable")

// Build reads opts.DataDir and returns every snapshot file. It never
// panics on bad input: unreadable or malformed files are skipped and
// counted; only a missing DATA_DIR, holdings, statements or price
// directory is an error.
func Build(opts Options) (*Result, error) {
	opts, curDay, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	if err := checkDataDir(opts.DataDir); err != nil {
		return nil, err
	}
	if err := checkStatementDirs(opts.DataDir); err != nil {
		return nil, err
	}
	iwm, err := loadHoldings(opts.DataDir, "IWM")
	if err != nil {
		return nil, fmt.Errorf("%w: IWM holdings: %v", ErrDataDir, err)
	}
	ijr, err := loadHoldings(opts.DataDir, "IJR")
	if err != nil {
		return nil, fmt.Errorf("%w: IJR holdings: %v", ErrDataDir, err)
	}
	iwm, iwmCheck := validateHoldings("IWM", iwm)
	ijr, ijrCheck := validateHoldings("IJR", ijr)

	// Prices and statements are independent: load them side by side.
	var prices, old *Prices
	var perr error
	var fu *Fundamentals
	done := make(chan struct{})
	go func() {
		defer close(done)
		prices, perr = loadPrices(filepath.Join(opts.DataDir, "prices"), max(1, opts.Workers/2))
		var oerr error
		if old, oerr = loadPrices(filepath.Join(opts.DataDir, "prices-to-2024"), max(1, opts.Workers/2)); oerr != nil {
			old = &Prices{byKey: map[string]*series{}} // optional input
		}
	}()
	fu = loadFundamentals(opts.DataDir, max(1, opts.Workers-opts.Workers/2))
	<-done
	if perr != nil {
		return nil, fmt.Errorf("%w: %v", ErrDataDir, perr)
	}
	info, _ := loadHoldingsInfo(opts.DataDir)
	dec := loadIWMDecember(opts.DataDir)
	inputs := fu.counts
	inputs.add(prices.counts)
	inputs.add(old.counts)
	var listCounts Counts
	lists := loadRealLists(opts.DataDir, &listCounts)
	inputs.add(listCounts)
	years := opts.years
	if years == nil {
		years = russellYears
	}

	env := &buildEnv{fu: fu, prices: prices, info: info, dec: dec, rankFirst: opts.RankFirst, rankLast: opts.RankLast,
		to2024: listKeys(filepath.Join(opts.DataDir, "prices-to-2024")), old: old, lists: lists, years: years}
	env.fundKeys = map[string]bool{}
	for _, t := range fundPriceTickers {
		env.fundKeys[tickerKey(t)] = true
	}
	env.indexNames()
	env.matchPriceFiles()
	env.matchOldPrices()

	type out struct {
		file File
		st   SnapshotStats
	}
	jobs := []func() out{func() out {
		body, st := env.current(curDay, iwm, ijr)
		return out{enveloped(schema.CurrentFile, body), st}
	}}
	for _, y := range opts.HistoryYears {
		y := y
		jobs = append(jobs, func() out {
			d := mustDay(schema.HistoryAsOf(y))
			body, st := env.history(d)
			name := schema.HistoryFile(y)
			st.Name = name
			return out{enveloped(name, body), st}
		})
	}
	res := make([]out, len(jobs))
	parallelFor(len(jobs), opts.Workers, func(i int) { res[i] = jobs[i]() })

	r := &Result{Inputs: inputs, Holdings: []HoldingsCheck{iwmCheck, ijrCheck}, PriceIssues: append(append([]PriceIssue(nil), prices.issues...), old.issues...), Notes: env.matchLines()}
	for _, o := range res {
		o.st.Raw, o.st.Gzip = len(o.file.Data), gzipSize(o.file.Data)
		r.Files = append(r.Files, o.file)
		r.Stats = append(r.Stats, o.st)
	}
	fbody, fasof, ferr := buildFunds(opts.DataDir, prices)
	ff := enveloped(schema.FundsFile, fbody)
	r.Files = append(r.Files, ff)
	r.Stats = append(r.Stats, SnapshotStats{Name: schema.FundsFile, Kind: schema.KindFunds, AsOf: fasof.String(), Raw: len(ff.Data), Gzip: gzipSize(ff.Data)})
	if ferr != nil {
		r.Inputs.UnreadFiles = append(r.Inputs.UnreadFiles, rawFundsFile)
	}
	r.addClaimsFiles(env, opts.DataDir, curDay)
	// Last, so WriteDir writes it after every file it lists.
	r.Files = append(r.Files, enveloped(schema.IndexFile, manifest(r.Files, r.Stats)))
	return r, nil
}

// withDefaults fills in the zero values and parses the current date.
func (opts Options) withDefaults() (Options, Day, error) {
	if opts.CurrentAsOf == "" {
		opts.CurrentAsOf = schema.CurrentAsOf
	}
	if opts.HistoryYears == nil {
		opts.HistoryYears = schema.HistoryYears()
	}
	if opts.RankFirst <= 0 {
		opts.RankFirst = rankFirst
	}
	if opts.RankLast <= 0 {
		opts.RankLast = rankLast
	}
	if opts.RankLast < opts.RankFirst {
		return opts, 0, fmt.Errorf("rank range %d-%d is empty", opts.RankFirst, opts.RankLast)
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.NumCPU()
	}
	curDay, ok := parseDay(opts.CurrentAsOf)
	if !ok {
		return opts, 0, fmt.Errorf("bad current as-of date %q", opts.CurrentAsOf)
	}
	return opts, curDay, nil
}

// checkDataDir fails early, with ErrDataDir, on a DATA_DIR that cannot be
// read at all, rather than building empty snapshots from it.
func checkDataDir(dir string) error { return checkDir(dir, "", "") }

// checkDir fails, with ErrDataDir and the folder named (after label),
// when p is missing (with the consequence said by missing), not a folder,
// or unreadable.
func checkDir(p, label, missing string) error {
	st, err := os.Stat(p)
	if err != nil {
		return fmt.Errorf("%w: %s%s%s: %v", ErrDataDir, label, p, missing, err)
	}
	if !st.IsDir() {
		return fmt.Errorf("%w: %s%s is not a directory", ErrDataDir, label, p)
	}
	if _, err := os.ReadDir(p); err != nil {
		return fmt.Errorf("%w: %s%s: %v", ErrDataDir, label, p, err)
	}
	return nil
}

// statementDirs are the statement folders under DATA_DIR. A single
// unreadable file inside one is counted and reported, but a whole folder
// missing (a wrong DATA_DIR, an incomplete copy) would build snapshots
// with no fundamentals for anyone, so it is an error.
var statementDirs = []string{
	filepath.Join("fundamentals", "simfin"),
	filepath.Join("fundamentals", "quarterly"),
}

// checkStatementDirs fails, with ErrDataDir and the folder named, when a
// statements folder is missing, not a folder, or unreadable.
func checkStatementDirs(dataDir string) error {
	for _, rel := range statementDirs {
		if err := checkDir(filepath.Join(dataDir, rel), "statements folder ", " is missing (every company would lack fundamentals)"); err != nil {
			return err
		}
	}
	return nil
}

// WriteDir writes every file into dir (created if needed), each through a
// temporary file and a rename so a reader never sees half a snapshot.
func (r *Result) WriteDir(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range r.Files {
		p := filepath.Join(dir, f.Name)
		tmp := p + ".tmp"
		if err := os.WriteFile(tmp, f.Data, 0o644); err != nil {
			return err
		}
		if err := os.Rename(tmp, p); err != nil {
			return err
		}
	}
	return nil
}

// gzipSize is what a browser downloads (static hosts serve gzip): the
// report states it next to the raw size.
func gzipSize(b []byte) int {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(b)
	zw.Close()
	return buf.Len()
}

// parallelFor runs fn(0..n-1) on up to workers goroutines. Each call
// writes only its own result slot, so results never depend on scheduling.
func parallelFor(n, workers int, fn func(i int)) {
	if workers < 1 {
		workers = 1
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}
