package data

import (
	"math"
	"path/filepath"
	"sort"
)

// Fundamentals holds every company's statements from all sources, keyed by
// tickerKey.
type Fundamentals struct {
	companies map[string]*company
	// meta is every row of us-companies.csv, with or without statements.
	meta   map[string]companyMeta
	counts Counts
}

// loadFundamentals reads the SimFin files and the quarterly summary files
// (in parallel, merged in a fixed order so the result never depends on
// scheduling) and marks implausible share counts.
func loadFundamentals(dataDir string, workers int) *Fundamentals {
	simDir := filepath.Join(dataDir, "fundamentals", "simfin")
	sumDir := filepath.Join(dataDir, "fundamentals", "quarterly")
	type job func() parsedFile
	var jobs []job
	for _, sf := range simfinFiles {
		sf := sf
		jobs = append(jobs, func() parsedFile { return parseSimfinFile(filepath.Join(simDir, sf.name), sf) })
	}
	summaryFiles, err := listCSV(sumDir)
	fu := newFundamentals()
	if err != nil {
		fu.counts.UnreadFiles = append(fu.counts.UnreadFiles, "fundamentals/quarterly/")
	}
	for _, p := range summaryFiles {
		p := p
		jobs = append(jobs, func() parsedFile { return parseSummaryFile(p) })
	}
	results := make([]parsedFile, len(jobs))
	parallelFor(len(jobs), workers, func(i int) { results[i] = jobs[i]() })
	for _, res := range results {
		fu.add(res)
	}
	fu.finish(parseCompanies(filepath.Join(simDir, "us-companies.csv")))
	return fu
}

func newFundamentals() *Fundamentals {
	return &Fundamentals{companies: map[string]*company{}}
}

// add merges one file's rows into the companies. Files must be added in a
// fixed order: it decides which of two equal records wins.
func (fu *Fundamentals) add(res parsedFile) {
	get := func(key string) *company {
		c := fu.companies[key]
		if c == nil {
			c = &company{key: key}
			fu.companies[key] = c
		}
		return c
	}
	fu.counts.add(res.counts)
	for _, r := range res.rows {
		c := get(r.key)
		c.recs[r.blk] = append(c.recs[r.blk], r.rec)
		if !math.IsNaN(r.shares) {
			c.shares = append(c.shares, shareRec{end: r.rec.end, pub: r.rec.pub, src: r.rec.src, v: r.shares})
		}
		c.events = append(c.events, r.events...)
	}
	for i, k := range res.keys {
		c := get(k)
		c.events = append(c.events, res.orphan[i])
	}
}

// finish attaches the company list (names, CIKs, industries) and marks
// implausible share counts, which needs every company's counts at once.
func (fu *Fundamentals) finish(meta map[string]companyMeta, mc Counts) {
	fu.counts.add(mc)
	fu.meta = meta
	for k, m := range meta {
		if c := fu.companies[k]; c != nil {
			c.name, c.isin, c.cik, c.industry = m.name, m.isin, m.cik, m.industry
		}
	}
	for _, c := range fu.companies {
		fu.counts.SharesScale += c.markShareGlitches()
	}
}

// shareScaleLimit is the factor at which a share count is implausible:
// real share counts move by splits (2–20x) and issuance, never by 1,000x
// between neighbouring periods.
const shareScaleLimit = 1000

// markShareGlitches rejects share counts that are ≥ 1,000x off the median
// of the company's counts at other period ends within three years
// (neighbours are looked up both ways in time: this is a data-cleaning
// test, not a signal, and the glitch is visible in either direction).
// It returns the number of rejected records.
func (c *company) markShareGlitches() int {
	sort.Slice(c.shares, func(i, j int) bool {
		a, b := c.shares[i], c.shares[j]
		if a.end != b.end {
			return a.end < b.end
		}
		if a.src != b.src {
			return a.src < b.src
		}
		if a.pub != b.pub {
			return a.pub < b.pub
		}
		return a.v < b.v
	})
	n := 0
	var nb []float64
	for i := range c.shares {
		s := &c.shares[i]
		if !(s.v > 0) {
			s.bad = true
			continue
		}
		nb = nb[:0]
		for j := range c.shares {
			o := c.shares[j]
			d := int(o.end - s.end)
			if d < 0 {
				d = -d
			}
			if d > 15 && d <= 3*366 && o.v > 0 {
				nb = append(nb, o.v)
			}
		}
		if len(nb) == 0 {
			continue
		}
		sort.Float64s(nb)
		med := nb[len(nb)/2]
		if len(nb)%2 == 0 {
			med = (nb[len(nb)/2-1] + nb[len(nb)/2]) / 2
		}
		if r := s.v / med; r >= shareScaleLimit || r <= 1.0/shareScaleLimit {
			s.bad = true
			n++
		}
	}
	return n
}
