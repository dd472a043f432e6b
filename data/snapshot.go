// Package data builds the screener's point-in-time snapshots (see
// SNAPSHOT.md) from the raw files in DATA_DIR: fund holdings, SimFin
// statements, the quarterly summary files, daily adjusted closes and the
// fund facts. It is native-only tooling; the browser never imports it.
package data

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"
)

// SchemaVersion is the snapshot format written (data/SNAPSHOT.md).
const SchemaVersion = 1

// CurrentAsOf is the date of the IWM and IJR holdings files.
const CurrentAsOf = "2025-11-24"

// HistoryYears are the June-30 history snapshots.
var HistoryYears = []int{2020, 2021, 2022, 2023, 2024, 2025}

// Russell-2000-like ranks: 1,001st to 3,000th largest by market cap.
const rankFirst, rankLast = 1001, 3000

// Options configure Build. Zero values mean the defaults above.
type Options struct {
	DataDir      string
	CurrentAsOf  string
	HistoryYears []int
	Workers      int
	// RankFirst and RankLast bound the modelled Russell-2000-like universe
	// (1,001 and 3,000; small fixtures use e.g. 1 and 3).
	RankFirst, RankLast int
}

// File is one output file: its name under the output directory and bytes.
type File struct {
	Name string
	Data []byte
}

// Stat is a named number in a report, in a fixed order.
type Stat struct {
	Key   string
	Value float64
}

// SnapshotStats summarises one written snapshot for the coverage report.
type SnapshotStats struct {
	Name, Kind, AsOf string
	N                int
	Coverage         []Stat // share of the universe with the column present
	Flagged          []Stat
	Survivorship     string
	Raw, Gzip        int
	// Rules counts each cross-check rule's hits (and stale inputs per
	// block); Corrections names every stock a rule changed; Checks are
	// result lines of the acceptance checks.
	Rules       []Stat
	Corrections []Correction
	Checks      []string
}

// Result is everything Build produced.
type Result struct {
	Files  []File
	Stats  []SnapshotStats
	Inputs Counts
}

// ErrDataDir is wrapped by Build when DATA_DIR is missing or unreadable.
var ErrDataDir = errors.New("data directory unreadable")

// Build reads opts.DataDir and returns every snapshot file. It never
// panics on bad input: unreadable or malformed files are skipped and
// counted; only a missing DATA_DIR, holdings or price directory is an error.
func Build(opts Options) (*Result, error) {
	if opts.CurrentAsOf == "" {
		opts.CurrentAsOf = CurrentAsOf
	}
	if opts.HistoryYears == nil {
		opts.HistoryYears = HistoryYears
	}
	if opts.RankFirst <= 0 {
		opts.RankFirst = rankFirst
	}
	if opts.RankLast <= 0 {
		opts.RankLast = rankLast
	}
	if opts.RankLast < opts.RankFirst {
		return nil, fmt.Errorf("rank range %d-%d is empty", opts.RankFirst, opts.RankLast)
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.NumCPU()
	}
	curDay, ok := parseDay(opts.CurrentAsOf)
	if !ok {
		return nil, fmt.Errorf("bad current as-of date %q", opts.CurrentAsOf)
	}
	st, err := os.Stat(opts.DataDir)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrDataDir, opts.DataDir, err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("%w: %s is not a directory", ErrDataDir, opts.DataDir)
	}
	if _, err := os.ReadDir(opts.DataDir); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrDataDir, opts.DataDir, err)
	}
	iwm, err := loadHoldings(opts.DataDir, "IWM")
	if err != nil {
		return nil, fmt.Errorf("%w: IWM holdings: %v", ErrDataDir, err)
	}
	ijr, err := loadHoldings(opts.DataDir, "IJR")
	if err != nil {
		return nil, fmt.Errorf("%w: IJR holdings: %v", ErrDataDir, err)
	}

	// Prices and statements are independent: load them side by side.
	var prices *Prices
	var perr error
	var fu *Fundamentals
	done := make(chan struct{})
	go func() {
		defer close(done)
		prices, perr = loadPrices(filepath.Join(opts.DataDir, "prices"), max(1, opts.Workers/2))
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

	env := &buildEnv{fu: fu, prices: prices, info: info, dec: dec, rankFirst: opts.RankFirst, rankLast: opts.RankLast,
		to2024: listKeys(filepath.Join(opts.DataDir, "prices-to-2024"))}
	env.fundKeys = map[string]bool{}
	for _, t := range fundPriceTickers {
		env.fundKeys[tickerKey(t)] = true
	}
	env.indexNames()
	env.matchPriceFiles()

	type out struct {
		file File
		st   SnapshotStats
	}
	jobs := []func() out{func() out {
		body, st := env.current(curDay, iwm, ijr)
		return out{File{"current.json", envelope(body)}, st}
	}}
	for _, y := range opts.HistoryYears {
		y := y
		jobs = append(jobs, func() out {
			d := mustDay(fmt.Sprintf("%04d-06-30", y))
			body, st := env.history(d)
			name := fmt.Sprintf("history-%d.json", y)
			st.Name = name
			return out{File{name, envelope(body)}, st}
		})
	}
	res := make([]out, len(jobs))
	parallelFor(len(jobs), opts.Workers, func(i int) { res[i] = jobs[i]() })

	r := &Result{Inputs: inputs}
	for _, o := range res {
		o.st.Raw, o.st.Gzip = len(o.file.Data), gzipSize(o.file.Data)
		r.Files = append(r.Files, o.file)
		r.Stats = append(r.Stats, o.st)
	}
	fbody, fasof, ferr := buildFunds(opts.DataDir, prices)
	fdata := envelope(fbody)
	r.Files = append(r.Files, File{"funds.json", fdata})
	r.Stats = append(r.Stats, SnapshotStats{Name: "funds.json", Kind: "funds", AsOf: fasof.String(), Raw: len(fdata), Gzip: gzipSize(fdata)})
	if ferr != nil {
		r.Inputs.UnreadFiles = append(r.Inputs.UnreadFiles, "funds.json")
	}
	return r, nil
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

// envelope wraps a body as {"schema":1,"hash":"fnv1a64:<16 hex>","body":…};
// the hash is FNV-1a 64 over exactly the body bytes.
func envelope(body []byte) []byte {
	h := fnv.New64a()
	h.Write(body)
	var b bytes.Buffer
	b.Grow(len(body) + 64)
	fmt.Fprintf(&b, `{"schema":%d,"hash":"fnv1a64:%016x","body":`, SchemaVersion, h.Sum64())
	b.Write(body)
	b.WriteString("}")
	return b.Bytes()
}

func gzipSize(b []byte) int {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(b)
	zw.Close()
	return buf.Len()
}

// fmtSig formats v rounded to sig significant digits in plain decimal
// notation (sig < 0: the shortest exact form); null when not finite.
func fmtSig(v float64, sig int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "null"
	}
	if v == 0 {
		return "0"
	}
	if sig > 0 {
		v, _ = strconv.ParseFloat(strconv.FormatFloat(v, 'e', sig-1, 64), 64)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// buildEnv is the loaded input shared (read-only) by the snapshot jobs.
type buildEnv struct {
	fu       *Fundamentals
	prices   *Prices
	info     map[string]holdingsInfo
	dec      iwmDecember
	fundKeys map[string]bool
	// to2024 are the ticker keys of prices-to-2024/ (names only: those
	// files are not read).
	to2024 map[string]bool
	// rankFirst, rankLast: the history universe's market-cap ranks.
	rankFirst, rankLast int
	byName              map[string]*company
	byCIK               map[string]*company
	// cikTickers counts us-companies tickers per CIK.
	cikTickers map[string]int
	// priced marks statement companies that some price file maps to.
	priced map[string]bool
	// pool is every non-fund price file with its statement company, one
	// price file per company.
	pool []poolEntry
}

type poolEntry struct {
	s *series
	c *company
}

// companyFor finds the statements of a ticker: the exact key first, then
// (for tickers that visibly name a share class) the class siblings, then
// a renamed ticker: the same SEC CIK in us-companies.csv (CECO's
// statements sit under its old ticker CECE), or, for tickers SimFin does
// not list at all, the same company name (see indexNames).
func (e *buildEnv) companyFor(ticker, name string) *company {
	for _, k := range classCandidates(ticker, name) {
		if c := e.fu.companies[k]; c != nil {
			return c
		}
	}
	if m, ok := e.fu.meta[tickerKey(ticker)]; ok {
		c := e.byCIK[m.cik]
		if c == nil {
			return nil
		}
		// A CIK listed under three or more tickers is a family of
		// tracking stocks (Liberty Media's CIK also carries the Braves
		// stocks): its statements describe the parent, unless the names agree.
		if e.cikTickers[m.cik] > 2 && nameKey(m.name) != nameKey(c.name) {
			return nil
		}
		return c
	}
	if name == "" {
		return nil
	}
	return e.byName[nameKey(name)]
}

// indexNames maps CIKs and normalised company names (us-companies.csv)
// to companies whose statements sit under a ticker with no price file of
// its own (an old ticker). A CIK or name shared by two such companies is
// dropped, so that namesakes (First BanCorp / First Bancorp) never merge.
func (e *buildEnv) indexNames() {
	e.byName = map[string]*company{}
	e.byCIK = map[string]*company{}
	nameCount := map[string]int{}
	cikCount := map[string]int{}
	for _, k := range sortedKeys(e.fu.companies) {
		c := e.fu.companies[k]
		nk := nameKey(c.name)
		if nk != "" {
			nameCount[nk]++
		}
		if c.cik != "" {
			cikCount[c.cik]++
		}
		if e.prices.byKey[k] != nil || strings.HasSuffix(k, delistedSuffix) {
			continue
		}
		if nk != "" {
			e.byName[nk] = c
		}
		if c.cik != "" {
			e.byCIK[c.cik] = c
		}
	}
	for nk, n := range nameCount {
		if n > 1 {
			delete(e.byName, nk)
		}
	}
	e.cikTickers = map[string]int{}
	for _, m := range e.fu.meta {
		if m.cik != "" {
			e.cikTickers[m.cik]++
		}
	}
	for ck, n := range cikCount {
		if n > 1 {
			delete(e.byCIK, ck)
		}
	}
}

// priceFor finds a ticker's price file: the exact key, else (for a
// ticker that visibly names a share class, e.g. holdings GEFB or CWENA)
// a sibling class's file (GEF, CWEN). Market cap multiplies by the
// company's total share count, so any class's price serves.
func (e *buildEnv) priceFor(ticker, name string) *series {
	for _, k := range classCandidates(ticker, name) {
		if s := e.prices.byKey[k]; s != nil {
			return s
		}
	}
	return nil
}

// matchPriceFiles pairs price files with statement companies. Where two
// share classes map to one company, the class whose key equals the
// company's wins (else the first by ticker), so no company is counted twice.
func (e *buildEnv) matchPriceFiles() {
	e.priced = map[string]bool{}
	chosen := map[string]int{}
	for _, s := range e.prices.all {
		k := tickerKey(s.ticker)
		if e.fundKeys[k] {
			continue
		}
		name := ""
		if in, ok := e.info[k]; ok {
			name = in.name
		}
		c := e.companyFor(s.ticker, name)
		if c == nil {
			continue
		}
		e.priced[c.key] = true
		if i, ok := chosen[c.key]; ok {
			if tickerKey(e.pool[i].s.ticker) != c.key && k == c.key {
				e.pool[i].s = s
			}
			continue
		}
		chosen[c.key] = len(e.pool)
		e.pool = append(e.pool, poolEntry{s, c})
	}
}

// row is one stock of a snapshot, values in snapshot units.
type row struct {
	ticker, name, sector string
	iwm, ijr             float64
	sp600                int
	price, shares, mcap  float64
	cur, prior           [nFields]float64
	revOp, revOpP        float64 // revenue over the operating-income windows
	mom12, mom6, trend   float64
	fwd12, fwdlast       float64
	ends                 [nBlocks][2]int // [block][primary, secondary] period end YYYYMMDD, 0 = null
	pubs                 [nBlocks][2]int // publish date YYYYMMDD, 0 = null
	srcs                 [nBlocks][2]int // index into sources, -1 = null
	shEnd                int             // period end of the share count, 0 = null
	flags                uint32
	// Sizing inputs (see shares.go): candidate share counts newest first,
	// shares IWM holds (0 = unknown), total assets (USD millions, also a
	// stale balance sheet within maxAge, as before the stale rule) for the
	// plausibility test.
	cands      []shareCand
	held       float64
	sizeAssets float64
	baseIdx    int
	corr       []Correction
	// adjPrice is the adjusted close on asof (price may become the real
	// one); decF the factor later corporate actions put into the adjusted
	// series (adjusted / real on decDate, the second IWM file's day; 0 =
	// unknown); asofDay the snapshot date.
	adjPrice         float64
	decF             float64
	decDate, asofDay Day
	staleMask        uint32           // bit f: field f's window is stale
	staleBlk         [nBlocks][2]bool // the block column's window is stale
	labelWin         [nFields]window  // each field's own window, for the label check
	labelWinP        [nFields]window  // and its year-earlier window
}

// primary and secondary fields name the window recorded per block: each
// field uses its own newest window, so e.g. TTM net income may reach a
// 2025 quarter from the quarterly summary while operating income (SimFin
// only) ends at the last SimFin report.
var blockPrimary = [nBlocks][]field{bInc: {fNI, fRev}, bBal: {fEquity, fAssets}, bCF: {fFCF, fOCF}}
var blockSecondary = [nBlocks]field{bInc: fOpInc, bBal: fDebt, bCF: fOCF}

const million = 1e6

// fill computes a stock's values on asof from its price series and
// statements, except shares and mcap (sizeRow). Forward returns are filled
// here too but nothing else reads them.
func (e *buildEnv) fill(r *row, s *series, c *company, asof Day, fwdEnd Day) {
	nan := math.NaN()
	r.price, r.shares, r.mcap = nan, nan, nan
	r.revOp, r.revOpP = nan, nan
	r.mom12, r.mom6, r.trend, r.fwd12, r.fwdlast = nan, nan, nan, nan, nan
	r.sizeAssets = nan
	for f := range r.cur {
		r.cur[f], r.prior[f] = nan, nan
	}
	for b := range r.srcs {
		r.srcs[b] = [2]int{-1, -1}
	}
	if s != nil {
		if p, ok := s.at(asof); ok {
			r.price = p
			m1 := asof.AddMonths(-1)
			r.mom12 = s.totalReturn(asof.AddMonths(-12), m1)
			r.mom6 = s.totalReturn(asof.AddMonths(-6), m1)
			r.trend = s.trend(asof)
			if fwdEnd != 0 {
				r.fwd12 = s.totalReturn(asof, fwdEnd)
			}
			r.fwdlast = s.totalReturn(asof, e.prices.last)
		}
	}
	r.adjPrice = r.price
	if c == nil {
		return
	}
	p := c.asOf(asof)
	r.flags = p.flags
	r.cands = p.shareCands
	if p.revAtOp.ok {
		r.revOp = p.revAtOp.v / million
	}
	if p.revAtOpPrior.ok {
		r.revOpP = p.revAtOpPrior.v / million
	}
	for f := field(0); f < nFields; f++ {
		r.labelWin[f], r.labelWinP[f] = p.cur[f], p.prior[f]
		if p.cur[f].ok {
			r.cur[f] = p.cur[f].v / million
		}
		if p.prior[f].ok {
			r.prior[f] = p.prior[f].v / million
		}
		if p.cur[f].stale {
			r.staleMask |= 1 << f
			r.flags |= 1 << FlagStale
		}
	}
	if w := p.cur[fAssets]; w.ok || (w.stale && int(asof-w.end) <= maxAge) {
		r.sizeAssets = w.v / million
	}
	// Each block's columns name the window of its primary field (the
	// first fresh one in order, else the newest stale one: "stale: period
	// ended …") and of its secondary field, fresh or stale.
	set := func(b block, i int, w window) {
		r.ends[b][i], r.pubs[b][i], r.srcs[b][i] = w.end.YMD(), w.pub.YMD(), int(w.src)
		r.staleBlk[b][i] = w.stale
	}
	for b := block(0); b < nBlocks; b++ {
		var best window
		for _, f := range blockPrimary[b] {
			if w := p.cur[f]; w.ok {
				best = w
				break
			}
		}
		if !best.ok {
			for _, f := range blockPrimary[b] {
				if w := p.cur[f]; w.stale && (!best.stale || w.end > best.end) {
					best = w
				}
			}
		}
		if best.ok || best.stale {
			set(b, 0, best)
		}
		if w := p.cur[blockSecondary[b]]; w.ok || w.stale {
			set(b, 1, w)
		}
	}
}

// sectorOf is the GICS sector: holdings first, else SimFin's industry mapped.
func (e *buildEnv) sectorOf(key string, c *company) string {
	if in, ok := e.info[key]; ok && in.sector != "" {
		return in.sector
	}
	if c != nil {
		if in, ok := e.info[c.key]; ok && in.sector != "" {
			return in.sector
		}
		return simfinToGICS(c.industry)
	}
	return ""
}

// current builds the current snapshot: every equity in the IWM and IJR
// holdings, with its weights.
func (e *buildEnv) current(asof Day, iwm, ijr []holding) ([]byte, SnapshotStats) {
	byKey := map[string]*row{}
	var order []string
	add := func(hs []holding, fund int) {
		for _, h := range hs {
			if !isEquity(h) {
				continue
			}
			k := tickerKey(h.Ticker)
			if k == "" {
				// A stock row without a ticker ("-"): find it by name.
				t := e.tickerByName(h.Name)
				if t == "" {
					continue
				}
				h.Ticker, k = t, tickerKey(t)
			}
			r := byKey[k]
			if r == nil {
				r = &row{ticker: strings.TrimSpace(h.Ticker), name: strings.TrimSpace(h.Name), sector: strings.TrimSpace(h.Sector),
					iwm: math.NaN(), ijr: math.NaN(), sp600: -1}
				byKey[k] = r
				order = append(order, k)
			}
			w := weightOf(h)
			if fund == 0 && math.IsNaN(r.iwm) {
				r.iwm = w
			} else if fund == 1 && math.IsNaN(r.ijr) {
				r.ijr = w
			}
		}
	}
	add(iwm, 0)
	add(ijr, 1)
	fwdEnd := Day(0)
	if d := asof.AddMonths(12); d <= e.prices.last {
		fwdEnd = d
	}
	rows := make([]*row, 0, len(order))
	var pairs []pricePair
	var sv holdingsSurvivorship
	for _, k := range order {
		r := byKey[k]
		s := e.priceFor(r.ticker, r.name)
		c := e.companyFor(r.ticker, r.name)
		e.fill(r, s, c, asof, fwdEnd)
		r.held, r.asofDay = e.dec.held[k], asof
		if px, ok := e.dec.price[k]; ok && s != nil && tickerKey(s.ticker) == k {
			pairs = append(pairs, pricePair{r, s, px})
		}
		sv.count(e, r, s, asof)
		rows = append(rows, r)
	}
	sortRows(rows)
	decDate := priceFactors(asof, pairs)
	// Pass 1: today's rules, to estimate the fund-wide constants from the
	// stocks that pass them; pass 2: with the fund evidence.
	for _, r := range rows {
		sizeRow(r, nil)
	}
	ev := estimateEvidence(rows)
	for _, r := range rows {
		sizeRow(r, ev)
	}
	meta := snapshotMeta{
		kind: "current", asof: asof,
		universe:     fmt.Sprintf("IWM + IJR holdings as of %s (%d equities)", asof, len(rows)),
		survivorship: sv.text(asof, e.prices.last),
		survCounts:   sv.stats(),
		survKey:      "survivorship_holdings",
		provenance:   currentProvenance(e.prices.last),
	}
	body, st := e.write(meta, rows)
	if decDate != 0 {
		st.Checks = append(st.Checks, fmt.Sprintf("second IWM file dated %s by its prices (%d of its tickers priced here)", decDate, len(pairs)))
	} else {
		st.Checks = append(st.Checks, "second IWM file: no date matched its prices; no price rescaled")
	}
	st.Checks = append(st.Checks, "fund evidence: "+ev.String())
	st.Checks = append(st.Checks, checkFundWeights(rows, ev).lines()...)
	return body, st
}

// history builds the modelled Russell-2000-like universe on asof: US
// companies with a price and a share count on that date, ranked by
// market cap, ranks 1,001–3,000 kept. Nothing forward-looking enters the
// selection: forward returns are computed after the universe is fixed.
func (e *buildEnv) history(asof Day) ([]byte, SnapshotStats) {
	type cand struct {
		r *row
		e poolEntry
	}
	var cands []cand
	for _, pe := range e.pool {
		k := tickerKey(pe.s.ticker)
		if !e.isUS(k, pe.c) {
			continue
		}
		r := &row{ticker: pe.s.ticker, iwm: math.NaN(), ijr: math.NaN()}
		e.fill(r, pe.s, pe.c, asof, 0)
		sizeRow(r, nil)
		if !(r.mcap > 0) {
			continue
		}
		cands = append(cands, cand{r, pe})
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].r.mcap != cands[j].r.mcap {
			return cands[i].r.mcap > cands[j].r.mcap
		}
		return cands[i].r.ticker < cands[j].r.ticker
	})
	pool := len(cands)
	lo, hi := e.rankFirst-1, min(e.rankLast, len(cands))
	if lo > hi {
		lo = hi
	}
	kept := cands[lo:hi]
	fwdEnd := asof.AddMonths(12)
	if fwdEnd > e.prices.last {
		fwdEnd = e.prices.last // the newest year runs to the last price
	}
	rows := make([]*row, 0, len(kept))
	for _, cd := range kept {
		r := cd.r
		k := tickerKey(cd.e.s.ticker)
		r.fwd12 = cd.e.s.totalReturn(asof, fwdEnd)
		r.name = e.nameOf(k, cd.e.c)
		r.sector = e.sectorOf(k, cd.e.c)
		r.sp600 = 0
		if r.cur[fNI] > 0 {
			r.sp600 = 1
		}
		rows = append(rows, r)
	}
	sortRows(rows)

	// Survivorship: companies that were reporting around asof but have no
	// price file cannot be ranked at all.
	reporting, noPrice, delisted := 0, 0, 0
	for _, k := range sortedKeys(e.fu.companies) {
		c := e.fu.companies[k]
		if !c.reportedWithin(asof-365, asof) {
			continue
		}
		reporting++
		if !e.priced[c.key] {
			noPrice++
			if strings.HasSuffix(c.key, delistedSuffix) {
				delisted++
			}
		}
	}
	text := fmt.Sprintf("Modelled universe (no historical constituent list exists here): %d US companies had a price and a share count on %s; "+
		"ranks %d-%d by market cap are kept (%d companies). Survivorship bias: the price files carry only names still trading in 2026, "+
		"so %d of the %d companies that published statements in the 12 months before %s (%.0f%%; %d of them marked delisted) have no price "+
		"and are missing from this universe. Companies that later failed are under-represented, which flatters weak companies and "+
		"overstates forward returns.",
		pool, asof, e.rankFirst, e.rankLast, len(rows), noPrice, reporting, asof, 100*float64(noPrice)/math.Max(1, float64(reporting)), delisted)
	meta := snapshotMeta{
		kind: "history", asof: asof, modelled: true,
		universe: fmt.Sprintf("Russell-2000-like (modelled): US companies ranked %d-%d by market cap on %s among %d companies with price and shares; sp600 = positive TTM net income",
			e.rankFirst, e.rankLast, asof, pool),
		survivorship: text,
		survCounts: []Stat{{"ranked_pool", float64(pool)}, {"kept", float64(len(rows))}, {"reporting_12m", float64(reporting)},
			{"reporting_no_price", float64(noPrice)}, {"reporting_no_price_delisted", float64(delisted)}},
		provenance: historyProvenance(e.prices.last),
	}
	body, st := e.write(meta, rows)
	return body, st
}

// reportedWithin: some statement of the company became public in (from, to].
func (c *company) reportedWithin(from, to Day) bool {
	for b := range c.recs {
		for _, r := range c.recs[b] {
			if r.pub > from && r.pub <= to {
				return true
			}
		}
	}
	return false
}

// isUS applies the "US companies" rule: the holdings country where the
// ticker is in any holdings file, else a US ISIN where SimFin gives one;
// companies with neither are kept (every SimFin file here is its US market).
func (e *buildEnv) isUS(key string, c *company) bool {
	if in, ok := e.info[key]; ok && in.country != "" {
		return in.country == "United States"
	}
	if c != nil && len(c.isin) >= 2 {
		return strings.HasPrefix(c.isin, "US")
	}
	return true
}

func (e *buildEnv) nameOf(key string, c *company) string {
	if in, ok := e.info[key]; ok && in.name != "" {
		return in.name
	}
	if c != nil && c.name != "" {
		return c.name
	}
	return key
}

func sortRows(rows []*row) {
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].ticker < rows[j].ticker })
}

type provenance struct{ file, asof string }

func commonProvenance(lastPrice Day) []provenance {
	return []provenance{
		{"fundamentals/simfin/us-income-annual.csv, us-balance-annual.csv", "downloaded 2026-04 (FY2019-FY2024)"},
		{"fundamentals/simfin/us-cashflow-annual.csv", "downloaded 2025-09 (FY2019-FY2023)"},
		{"fundamentals/simfin/us-{income,balance,cashflow}-quarterly.csv", "downloaded 2025-09 (published to 2024-09)"},
		{"fundamentals/simfin/us-*-banks-quarterly.csv, us-*-insurance-quarterly.csv", "downloaded 2026-01 (published to 2025-03)"},
		{"fundamentals/simfin/us-companies.csv, industries.csv", "downloaded 2026-04"},
		{"fundamentals/quarterly/*.csv", "published to mid-2025"},
		{"prices/*.csv", lastPrice.String()},
	}
}

func currentProvenance(lastPrice Day) []provenance {
	return append([]provenance{{"holdings/IWM.json", CurrentAsOf}, {"holdings/IJR.json", CurrentAsOf},
		{"holdings/russell2000-iwm-2025-12.csv (shares held and real prices: share-count, market-cap and price cross-checks)", "2025-12"},
		{"prices-to-2024/ (file names only: survivorship counts)", "2024-03-08"}}, commonProvenance(lastPrice)...)
}

func historyProvenance(lastPrice Day) []provenance {
	return append([]provenance{{"holdings/*.json (sectors and countries only)", CurrentAsOf}}, commonProvenance(lastPrice)...)
}

type snapshotMeta struct {
	kind         string
	asof         Day
	universe     string
	modelled     bool
	survivorship string
	survCounts   []Stat
	survKey      string // body key of survCounts (default "survivorship_counts")
	provenance   []provenance
}

// column is one snapshot column: its name, whether it counts toward
// coverage, and how to write a row's value.
type column struct {
	name     string
	coverage bool
	only     string                      // "current", "history" or "" for both
	val      func(r *row) (float64, int) // value and significant digits (0 = integer)
	str      func(r *row) string
}

func money(f field) func(r *row) (float64, int) {
	return func(r *row) (float64, int) { return r.cur[f], 5 }
}
func moneyP(f field) func(r *row) (float64, int) {
	return func(r *row) (float64, int) { return r.prior[f], 5 }
}
func intOrNull(v int) float64 {
	if v == 0 {
		return math.NaN()
	}
	return float64(v)
}

var columns = []column{
	{name: "ticker", str: func(r *row) string { return r.ticker }},
	{name: "name", str: func(r *row) string { return r.name }},
	{name: "sector"}, // written specially: index into sectors
	{name: "iwm", coverage: true, only: "current", val: func(r *row) (float64, int) { return r.iwm, 5 }},
	{name: "ijr", coverage: true, only: "current", val: func(r *row) (float64, int) { return r.ijr, 5 }},
	{name: "sp600", only: "history", val: func(r *row) (float64, int) { return float64(r.sp600), 0 }},
	{name: "price", coverage: true, val: func(r *row) (float64, int) { return r.price, 6 }},
	{name: "shares", coverage: true, val: func(r *row) (float64, int) { return r.shares, 5 }},
	{name: "mcap", coverage: true, val: func(r *row) (float64, int) { return r.mcap, 5 }},
	{name: "rev", coverage: true, val: money(fRev)},
	{name: "gp", coverage: true, val: money(fGP)},
	{name: "opinc", coverage: true, val: money(fOpInc)},
	{name: "da", coverage: true, val: money(fDA)},
	{name: "int", coverage: true, val: money(fInt)},
	{name: "ni", coverage: true, val: money(fNI)},
	{name: "ocf", coverage: true, val: money(fOCF)},
	{name: "capex", coverage: true, val: money(fCapex)},
	{name: "fcf", coverage: true, val: money(fFCF)},
	{name: "rev_p", coverage: true, val: moneyP(fRev)},
	{name: "gp_p", coverage: true, val: moneyP(fGP)},
	{name: "opinc_p", coverage: true, val: moneyP(fOpInc)},
	{name: "da_p", coverage: true, val: moneyP(fDA)},
	{name: "int_p", coverage: true, val: moneyP(fInt)},
	{name: "ni_p", coverage: true, val: moneyP(fNI)},
	{name: "ocf_p", coverage: true, val: moneyP(fOCF)},
	{name: "capex_p", coverage: true, val: moneyP(fCapex)},
	{name: "fcf_p", coverage: true, val: moneyP(fFCF)},
	{name: "rev_op", coverage: true, val: func(r *row) (float64, int) { return r.revOp, 5 }},
	{name: "rev_op_p", coverage: true, val: func(r *row) (float64, int) { return r.revOpP, 5 }},
	{name: "assets", coverage: true, val: money(fAssets)},
	{name: "equity", coverage: true, val: money(fEquity)},
	{name: "debt", coverage: true, val: money(fDebt)},
	{name: "cash", coverage: true, val: money(fCash)},
	{name: "assets_p", coverage: true, val: moneyP(fAssets)},
	{name: "equity_p", coverage: true, val: moneyP(fEquity)},
	{name: "mom12_1", coverage: true, val: func(r *row) (float64, int) { return r.mom12, 5 }},
	{name: "mom6_1", coverage: true, val: func(r *row) (float64, int) { return r.mom6, 5 }},
	{name: "trend", coverage: true, val: func(r *row) (float64, int) { return r.trend, 5 }},
	{name: "inc_end", val: func(r *row) (float64, int) { return intOrNull(r.ends[bInc][0]), 0 }},
	{name: "inc_pub", val: func(r *row) (float64, int) { return intOrNull(r.pubs[bInc][0]), 0 }},
	{name: "bal_end", val: func(r *row) (float64, int) { return intOrNull(r.ends[bBal][0]), 0 }},
	{name: "bal_pub", val: func(r *row) (float64, int) { return intOrNull(r.pubs[bBal][0]), 0 }},
	{name: "cf_end", val: func(r *row) (float64, int) { return intOrNull(r.ends[bCF][0]), 0 }},
	{name: "cf_pub", val: func(r *row) (float64, int) { return intOrNull(r.pubs[bCF][0]), 0 }},
	{name: "inc_src", val: func(r *row) (float64, int) { return srcOrNull(r.srcs[bInc][0]), 0 }},
	{name: "bal_src", val: func(r *row) (float64, int) { return srcOrNull(r.srcs[bBal][0]), 0 }},
	{name: "cf_src", val: func(r *row) (float64, int) { return srcOrNull(r.srcs[bCF][0]), 0 }},
	{name: "inc2_end", val: func(r *row) (float64, int) { return intOrNull(r.ends[bInc][1]), 0 }},
	{name: "bal2_end", val: func(r *row) (float64, int) { return intOrNull(r.ends[bBal][1]), 0 }},
	{name: "cf2_end", val: func(r *row) (float64, int) { return intOrNull(r.ends[bCF][1]), 0 }},
	{name: "inc2_pub", val: func(r *row) (float64, int) { return intOrNull(r.pubs[bInc][1]), 0 }},
	{name: "bal2_pub", val: func(r *row) (float64, int) { return intOrNull(r.pubs[bBal][1]), 0 }},
	{name: "cf2_pub", val: func(r *row) (float64, int) { return intOrNull(r.pubs[bCF][1]), 0 }},
	{name: "inc2_src", val: func(r *row) (float64, int) { return srcOrNull(r.srcs[bInc][1]), 0 }},
	{name: "bal2_src", val: func(r *row) (float64, int) { return srcOrNull(r.srcs[bBal][1]), 0 }},
	{name: "cf2_src", val: func(r *row) (float64, int) { return srcOrNull(r.srcs[bCF][1]), 0 }},
	{name: "sh_end", val: func(r *row) (float64, int) { return intOrNull(r.shEnd), 0 }},
	{name: "flags", val: func(r *row) (float64, int) { return float64(r.flags), 0 }},
	{name: "fwd12", coverage: true, val: func(r *row) (float64, int) { return r.fwd12, 5 }},
	{name: "fwdlast", coverage: true, val: func(r *row) (float64, int) { return r.fwdlast, 5 }},
}

func srcOrNull(s int) float64 {
	if s < 0 {
		return math.NaN()
	}
	return float64(s)
}

// write renders a current or history body with a fixed key order.
func (e *buildEnv) write(m snapshotMeta, rows []*row) ([]byte, SnapshotStats) {
	st := SnapshotStats{Name: m.kind + ".json", Kind: m.kind, AsOf: m.asof.String(), N: len(rows), Survivorship: m.survivorship}
	// Sectors: the eleven GICS sectors, plus "Unknown" only when used.
	sectors := append([]string(nil), gicsSectors...)
	secIdx := map[string]int{}
	for i, s := range sectors {
		secIdx[s] = i
	}
	for _, r := range rows {
		if _, ok := secIdx[r.sector]; !ok {
			secIdx["Unknown"] = len(sectors)
			sectors = append(sectors, "Unknown")
			break
		}
	}
	unknown := secIdx["Unknown"]
	var cols []column
	for _, c := range columns {
		if c.only == "" || c.only == m.kind {
			cols = append(cols, c)
		}
	}
	for _, c := range cols {
		if !c.coverage {
			continue
		}
		n := 0
		for _, r := range rows {
			if v, _ := c.val(r); !math.IsNaN(v) {
				n++
			}
		}
		st.Coverage = append(st.Coverage, Stat{c.name, float64(n) / math.Max(1, float64(len(rows)))})
	}
	for f := Flag(0); f < numFlags; f++ {
		n := 0
		for _, r := range rows {
			if r.flags&(1<<f) != 0 {
				n++
			}
		}
		st.Flagged = append(st.Flagged, Stat{flagNames[f], float64(n)})
	}
	stale := 0
	for _, r := range rows {
		if r.shEnd != 0 && m.asof-dayFromYMD(r.shEnd) > 3*365 {
			stale++
		}
	}
	st.Flagged = append(st.Flagged, Stat{"shares_older_3y", float64(stale)})
	st.Rules, st.Corrections = ruleStats(rows)
	st.Checks = labelCheck(rows)
	in := e.fu.counts
	in.add(e.prices.counts)
	st.Flagged = append(st.Flagged,
		Stat{"input_rows_malformed", float64(in.RowsMalformed)},
		Stat{"input_cells_nonfinite", float64(in.CellsNonFinite + in.CellsBad)},
		Stat{"input_negative_revenue_rows", float64(in.NegRevenue)},
		Stat{"input_share_records_rejected", float64(in.SharesScale)},
		Stat{"input_non_usd_rows", float64(in.NonUSD)},
		Stat{"input_debt_blank_read_as_zero", float64(in.DebtBlankZero)},
		Stat{"input_files_bad_header", float64(len(in.BadHeaderFiles))},
		Stat{"input_files_unreadable", float64(len(in.UnreadFiles))})

	var w jsonWriter
	w.Grow(1 << 20)
	w.raw(`{"kind":`)
	w.str(m.kind)
	w.raw(`,"asof":`)
	w.str(m.asof.String())
	w.raw(`,"universe":`)
	w.str(m.universe)
	w.raw(`,"modelled":`)
	w.raw(strconv.FormatBool(m.modelled))
	w.raw(`,"survivorship":`)
	w.str(m.survivorship)
	if len(m.survCounts) > 0 {
		key := m.survKey
		if key == "" {
			key = "survivorship_counts"
		}
		w.raw(",")
		w.str(key)
		w.raw(":")
		writeStats(&w, m.survCounts, 0)
	}
	w.raw(`,"stale_months":`)
	w.raw(strconv.Itoa(StaleMonths))
	w.raw(`,"provenance":[`)
	for i, p := range m.provenance {
		if i > 0 {
			w.raw(",")
		}
		w.raw(`{"file":`)
		w.str(p.file)
		w.raw(`,"asof":`)
		w.str(p.asof)
		w.raw("}")
	}
	w.raw(`],"coverage":`)
	writeStats(&w, st.Coverage, 4)
	w.raw(`,"flagged":`)
	writeStats(&w, st.Flagged, 0)
	w.raw(`,"flag_names":[`)
	for i, n := range flagNames {
		if i > 0 {
			w.raw(",")
		}
		w.str(n)
	}
	w.raw(`],"sources":[`)
	for i, n := range sourceNames {
		if i > 0 {
			w.raw(",")
		}
		w.str(n)
	}
	w.raw(`],"sectors":[`)
	for i, n := range sectors {
		if i > 0 {
			w.raw(",")
		}
		w.str(n)
	}
	w.raw(`],"fwd_last_date":`)
	w.str(e.prices.last.String())
	w.raw(`,"n":`)
	w.raw(strconv.Itoa(len(rows)))
	w.raw(`,"cols":{`)
	for ci, c := range cols {
		if ci > 0 {
			w.raw(",")
		}
		w.str(c.name)
		w.raw(":[")
		for i, r := range rows {
			if i > 0 {
				w.raw(",")
			}
			switch {
			case c.name == "sector":
				idx, ok := secIdx[r.sector]
				if !ok {
					idx = unknown
				}
				w.raw(strconv.Itoa(idx))
			case c.str != nil:
				w.str(c.str(r))
			default:
				v, sig := c.val(r)
				if sig == 0 {
					if math.IsNaN(v) {
						w.raw("null")
					} else {
						w.raw(strconv.FormatInt(int64(v), 10))
					}
				} else {
					w.num(v, sig)
				}
			}
		}
		w.raw("]")
	}
	w.raw("}}")
	return w.Bytes(), st
}

// writeStats writes an object of named numbers (decimals places when > 0).
func writeStats(w *jsonWriter, ss []Stat, decimals int) {
	w.raw("{")
	for i, s := range ss {
		if i > 0 {
			w.raw(",")
		}
		w.str(s.Key)
		w.raw(":")
		if decimals > 0 {
			w.raw(strconv.FormatFloat(s.Value, 'f', decimals, 64))
		} else {
			w.raw(strconv.FormatFloat(s.Value, 'f', -1, 64))
		}
	}
	w.raw("}")
}

// Report renders the coverage report printed by the command.
func (r *Result) Report(elapsed time.Duration) string {
	var b strings.Builder
	in := r.Inputs
	fmt.Fprintf(&b, "inputs: %d files, %d rows; skipped: %d malformed rows, %d non-finite/bad cells, %d negative-revenue periods, %d non-USD rows; %d share records rejected (>=1000x off); %d balance sheets with blank debt read as zero debt\n",
		in.Files, in.Rows, in.RowsMalformed, in.CellsNonFinite+in.CellsBad, in.NegRevenue, in.NonUSD, in.SharesScale, in.DebtBlankZero)
	for _, f := range in.BadHeaderFiles {
		fmt.Fprintf(&b, "  unexpected header, file skipped: %s\n", f)
	}
	for _, f := range in.UnreadFiles {
		fmt.Fprintf(&b, "  unreadable, skipped: %s\n", f)
	}
	for _, s := range r.Stats {
		fmt.Fprintf(&b, "\n%s  kind=%s asof=%s n=%d  size %d B raw, %d B gzip\n", s.Name, s.Kind, s.AsOf, s.N, s.Raw, s.Gzip)
		if len(s.Coverage) > 0 {
			b.WriteString("  coverage:")
			for i, c := range s.Coverage {
				if i%8 == 0 {
					b.WriteString("\n   ")
				}
				fmt.Fprintf(&b, " %-8s %5.1f%%", c.Key, 100*c.Value)
			}
			b.WriteString("\n  flagged:")
			for _, c := range s.Flagged {
				fmt.Fprintf(&b, " %s=%g", c.Key, c.Value)
			}
			b.WriteString("\n")
		}
		if s.Kind == "history" || s.Kind == "current" {
			fmt.Fprintf(&b, "  survivorship: %s\n", s.Survivorship)
		}
		if len(s.Rules) > 0 {
			b.WriteString("  rules:")
			for _, c := range s.Rules {
				fmt.Fprintf(&b, " %s=%g", c.Key, c.Value)
			}
			b.WriteString("\n")
		}
		for _, c := range s.Checks {
			fmt.Fprintf(&b, "  %s\n", c)
		}
		if len(s.Corrections) > 0 {
			fmt.Fprintf(&b, "  corrections (%d):\n", len(s.Corrections))
			for _, c := range s.Corrections {
				fmt.Fprintf(&b, "    %s\n", c)
			}
		}
	}
	fmt.Fprintf(&b, "\nbuilt %d files in %.1fs\n", len(r.Files), elapsed.Seconds())
	return b.String()
}

// tickerByName resolves a holdings row that has a name but no ticker:
// the one ticker that other holdings files or SimFin's company list give
// that name, provided it has a price file; "" when none or ambiguous.
func (e *buildEnv) tickerByName(name string) string {
	nk := nameKey(name)
	if nk == "" {
		return ""
	}
	found := map[string]bool{}
	for _, k := range sortedKeys(e.info) {
		if nameKey(e.info[k].name) == nk && e.prices.byKey[k] != nil {
			found[k] = true
		}
	}
	for _, k := range sortedKeys(e.fu.meta) {
		if nameKey(e.fu.meta[k].name) == nk && e.prices.byKey[k] != nil {
			found[k] = true
		}
	}
	if len(found) != 1 {
		return ""
	}
	for k := range found {
		return e.prices.byKey[k].ticker
	}
	return ""
}

// dayFromYMD inverts Day.YMD.
func dayFromYMD(v int) Day {
	return Day(time.Date(v/10000, time.Month(v/100%100), v%100, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}
