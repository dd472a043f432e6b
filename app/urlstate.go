package main

// URL state: everything a view needs to be restored lives in the query
// string, so a copied link, an embed snippet and the back/forward buttons
// all reopen the exact view. The query string is untrusted input: ParseState
// never fails, ignores what it does not know, clamps what is out of range
// and keeps the default where a value is malformed. It is pure Go (no
// syscall/js, no go-app) so the same code is fuzzed natively and runs in wasm.

import (
	"math"
	"net/url"
	"strconv"
	"strings"

	"screener/engine"
)

// Views a State can show.
const (
	ViewScreener = "screener"
	ViewETFs     = "etfs"
	ViewHistory  = "history"
	ViewClaims   = "claims"
)

// Bounds and defaults of the URL state.
const (
	MaxWeight     = 100        // slider scale: weights are whole numbers 0..MaxWeight
	DefaultWeight = MaxWeight  // the default preset (quality6) has every slider full
	MaxMcapM      = 10_000_000 // $10 trillion in USD millions: larger is a typo, clamp
	MaxPage       = 10_000     // the UI clamps further to the real page count
	MinFunds      = 2          // a comparison needs two funds
	MaxFunds      = 6          // and stays readable up to six columns
	MinTopN       = 1
	MaxTopN       = 200
	DefaultTopN   = engine.DefaultTopN
	DefaultPreset = engine.DefaultPreset
	DefaultStat   = engine.DefaultStatistic
	DefaultSort   = "rank"
	minMonth      = "1990-01" // before every fund's inception
	maxMonth      = "2100-12"
	maxTickerLen  = 10
)

// State is the restorable state of the page. It is comparable with ==, so
// the UI can tell whether a change needs a new history entry. A State is
// "normalised" when Normalize returns it unchanged; ParseState only returns
// normalised states.
type State struct {
	View string // ViewScreener, ViewETFs, ViewHistory or ViewClaims
	Lang string // "en", "ja", or "" = the browser's preference

	// Preset is a key of engine.Presets, or "" for custom weights. When it is set,
	// Weights equal that preset's weights.
	Preset string
	// Weights are slider values, whole numbers in 0..MaxWeight; only their
	// ratios matter to the engine.
	Weights engine.Weights

	Index             engine.Index
	Sectors           SectorSet // empty = every sector
	MinMcap, MaxMcap  float64   // USD millions, whole numbers; 0 = no bound
	ProfitableOnly    bool
	SectorNeutral     bool
	ExcludeFinancials bool
	// Values and Pcts bound metric values and percentiles (fv=, fp=;
	// engine.Filter.Values and .Pcts; urlstate_filters.go).
	Values [engine.NumFields]engine.Bound
	Pcts   [engine.NumMetrics]engine.Bound

	Sort     string // a key of SortKeys
	SortDesc bool
	Page     int    // 1-based, 1..MaxPage
	PageSize int    // table rows per page: a value of pageSizes (pageAll: every row)
	Columns  uint64 // the table's optional columns (a columnSet)
	Selected string // ticker of the open detail panel, "" = none
	// Compare are the tickers picked for side-by-side comparison, in the
	// order picked; "" after the last.
	Compare [MaxCompare]string

	// Funds compared in the ETF view, in column order: MinFunds..MaxFunds
	// distinct tickers of FundTickers, packed at the front, "" after.
	Funds   [MaxFunds]string
	ETFFrom string // first month of the growth chart, "YYYY-MM", "" = earliest common
	ETFAsOf string // last month of the trailing returns, "YYYY-MM", "" = latest

	// MinCoverage lists only stocks with at least this many of the six
	// factors present (0..engine.NumFactors).
	MinCoverage int
	// Missing is how the composite treats a weighted factor a stock lacks.
	Missing engine.MissingRule

	TopN    int // history: size of "my screen", MinTopN..MaxTopN
	Buckets int // history: 5 (quintiles) or 10 (deciles)
	// Stat is how the history summarises a bucket's forward returns
	// (st=median|winsor|mean|capw); the median by default.
	Stat engine.Statistic

	// Claim is the one card the Claims view shows (an engine.ClaimIDs
	// id), "" for all of them; only in that view.
	Claim string

	Embed       bool // compact layout without page chrome
	Transparent bool // embed: no page background
	// Block is the one block an ETF or History embed shows (the id its
	// heading has, one of EmbedBlocks); "" = the whole view.
	Block string
	// Card is the ticker of a single-stock card embed ("" = none).
	Card string
	// Sliders adds the weight sliders to a screener embed.
	Sliders bool
}

// FundTickers are the funds the ETF view can compare: the small-cap funds of
// the screener and IVV/SPY as the large-cap benchmark.
var FundTickers = [...]string{"IWM", "IJR", "VTWO", "VTWG", "VTWV", "IWO", "IWN", "SPSM", "VIOO", "VB", "IVV", "SPY"}

var defaultFunds = [MaxFunds]string{"IWM", "IJR", "VTWG", "VTWV"}

// SortKeys are the sortable columns of the ranked table ("score" is the
// composite percentile column, "cov" coverage). Factor columns use
// the engine's stable factor keys.
var SortKeys = append([]string{"rank", "ticker", "name", "sector", "mcap", "score",
	"profit", "fcf", "balance", "efficiency", "value", "momentum", "cov"}, metricSortKeys()...)

// DefaultState is the page as first opened: the "2026 quality" preset (all
// sliders at 100), all stocks of either index with at least four of the six
// factors, first page, the four headline funds.
func DefaultState() State {
	w, _ := PresetWeights(DefaultPreset)
	return State{
		View:        ViewScreener,
		Preset:      DefaultPreset,
		Weights:     w,
		Index:       engine.IndexAny,
		Sort:        DefaultSort,
		Page:        1,
		PageSize:    DefaultPageSize,
		Columns:     uint64(DefaultColumns),
		Funds:       defaultFunds,
		MinCoverage: engine.DefaultMinCoverage,
		TopN:        DefaultTopN,
		Buckets:     engine.DefaultBuckets,
		Stat:        DefaultStat,
	}
}

// Query keys, in the order Query writes them. Short but readable:
// ?view=etfs&p=janus4&u=iwm&sec=health.tech&sel=CRDO&lang=ja
const (
	keyView        = "view"
	keyPreset      = "p"
	keyWeights     = "w"
	keyIndex       = "u"
	keySectors     = "sec"
	keyMcap        = "cap" // then fv, fp: urlstate_filters.go
	keyProfitable  = "prof"
	keyNeutral     = "sn"
	keyExcludeFin  = "xfin"
	keyCoverage    = "cov"
	keyMissing     = "na"
	keySort        = "sort"
	keyPage        = "pg"
	keyPageSize    = "rows"
	keyColumns     = "cols"
	keySelected    = "sel"
	keyCompare     = "cmp"
	keyFunds       = "f"
	keyFrom        = "from"
	keyAsOf        = "asof"
	keyTopN        = "top"
	keyBuckets     = "bk"
	keyStat        = "st"
	keyLang        = "lang"
	keyEmbed       = "embed"
	keyTransparent = "transparent"
	keyBlock       = "blk"
	keyCard        = "card"
	keySliders     = "sl"
	keyClaim       = "claim"
	customPreset   = "custom" // p=custom: weights are the user's own
)

// ParseState decodes a query string (with or without the leading "?").
// It never fails: unknown keys are ignored, a repeated key keeps its first
// value, out-of-range numbers are clamped, malformed values leave the
// default in place. The result is normalised.
func ParseState(rawQuery string) State {
	s := DefaultState()
	vals := queryPairs(strings.TrimPrefix(rawQuery, "?"))
	get := func(k string) (string, bool) { v, ok := vals[k]; return v, ok }

	if v, ok := get(keyView); ok {
		switch v = strings.ToLower(v); v {
		case ViewScreener, ViewETFs, ViewHistory, ViewClaims:
			s.View = v
		}
	}
	if v, ok := get(keyLang); ok {
		s.Lang = langFromURL(v)
	}

	// Preset and weights: a preset alone brings its weights; explicit weights
	// win over the preset, and Normalize drops the preset if they differ.
	if v, ok := get(keyPreset); ok {
		v = strings.ToLower(v)
		if v == customPreset {
			s.Preset = ""
		} else if w, ok := PresetWeights(v); ok {
			s.Preset, s.Weights = v, w
		}
	}
	if v, ok := get(keyWeights); ok {
		if w, ok := urlWeights(v); ok {
			s.Weights = w
		}
	}

	if v, ok := get(keyIndex); ok {
		if x, ok := engine.ParseIndex(strings.ToLower(v)); ok {
			s.Index = x
		}
	}
	if v, ok := get(keySectors); ok {
		if set := urlSectors(v); set != 0 {
			s.Sectors = set
		}
	}
	if v, ok := get(keyMcap); ok {
		if lo, hi, ok := urlMcapRange(v); ok {
			s.MinMcap, s.MaxMcap = lo, hi
		}
	}
	parseFilterBounds(vals, &s)
	if v, ok := get(keyCoverage); ok {
		if n, ok := urlInt(v, 0, engine.NumFactors); ok {
			s.MinCoverage = n
		}
	}
	if v, ok := get(keyMissing); ok {
		if r, ok := engine.ParseMissingRule(strings.ToLower(v)); ok {
			s.Missing = r
		}
	}
	urlBool(vals, keyProfitable, &s.ProfitableOnly)
	urlBool(vals, keyNeutral, &s.SectorNeutral)
	urlBool(vals, keyExcludeFin, &s.ExcludeFinancials)
	urlBool(vals, keyEmbed, &s.Embed)
	urlBool(vals, keyTransparent, &s.Transparent)
	urlBool(vals, keySliders, &s.Sliders)
	if v, ok := get(keyBlock); ok {
		s.Block = v
	}
	if v, ok := get(keyCard); ok {
		if t, ok := urlTicker(v); ok {
			s.Card = t
		}
	}
	if v, ok := get(keyClaim); ok {
		s.Claim = strings.ToUpper(v)
	}

	if v, ok := get(keySort); ok {
		desc := strings.HasPrefix(v, "-")
		if k := strings.ToLower(strings.TrimPrefix(v, "-")); isURLSortKey(k) {
			s.Sort, s.SortDesc = k, desc
		}
	}
	if v, ok := get(keyPage); ok {
		if n, ok := urlInt(v, 1, MaxPage); ok {
			s.Page = n
		}
	}
	if v, ok := get(keyPageSize); ok {
		if n, ok := parsePageSize(strings.ToLower(v)); ok {
			s.PageSize = n
		}
	}
	if v, ok := get(keyColumns); ok {
		if c, ok := parseColumns(v); ok {
			s.Columns = uint64(c)
		}
	}
	if v, ok := get(keySelected); ok {
		if t, ok := urlTicker(v); ok {
			s.Selected = t
		}
	}
	if v, ok := get(keyCompare); ok {
		s.Compare = urlCompare(strings.Split(v, compareSep))
	}
	if v, ok := get(keyFunds); ok {
		if f, ok := urlFunds(urlList(v)); ok {
			s.Funds = f
		}
	}
	if v, ok := get(keyFrom); ok {
		if m, ok := urlMonth(v); ok {
			s.ETFFrom = m
		}
	}
	if v, ok := get(keyAsOf); ok {
		if m, ok := urlMonth(v); ok {
			s.ETFAsOf = m
		}
	}
	if v, ok := get(keyTopN); ok {
		if n, ok := urlInt(v, MinTopN, MaxTopN); ok {
			s.TopN = n
		}
	}
	if v, ok := get(keyBuckets); ok {
		if n, err := strconv.Atoi(v); err == nil && (n == 5 || n == 10) {
			s.Buckets = n
		}
	}
	if v, ok := get(keyStat); ok {
		if st, ok := engine.ParseStatistic(strings.ToLower(v)); ok {
			s.Stat = st
		}
	}
	return s.Normalize()
}

// Query encodes the state as a query string without the leading "?":
// defaults are omitted (DefaultState encodes as ""), keys come in a fixed
// order, and every value is made of URL-safe characters, so the link stays
// short and readable. ParseState(s.Query()) == s.Normalize().
func (s State) Query() string {
	s = s.Normalize()
	d := DefaultState()
	var b strings.Builder
	add := func(k, v string) {
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(k)
		b.WriteByte('=')
		b.WriteString(url.QueryEscape(v))
	}
	addBool := func(k string, v bool) {
		if v {
			add(k, "1")
		}
	}

	if s.View != d.View {
		add(keyView, s.View)
	}
	// A preset implies its weights. Custom weights are written as w, which
	// alone already means custom unless they equal the default preset's;
	// only then does "p=custom" say so.
	switch {
	case s.Preset != "" && s.Preset != d.Preset:
		add(keyPreset, s.Preset)
	case s.Preset == "" && s.Weights == d.Weights:
		add(keyPreset, customPreset)
	case s.Preset == "":
		add(keyWeights, urlFormatWeights(s.Weights))
	}
	if s.Index != d.Index {
		add(keyIndex, s.Index.Key())
	}
	if s.Sectors != 0 {
		add(keySectors, strings.Join(s.Sectors.Slugs(), "."))
	}
	if s.MinMcap != 0 || s.MaxMcap != 0 {
		add(keyMcap, formatMcapBound(s.MinMcap)+"-"+formatMcapBound(s.MaxMcap))
	}
	addFilterBounds(s, add)
	if s.MinCoverage != d.MinCoverage {
		add(keyCoverage, itoa(s.MinCoverage))
	}
	if s.Missing != d.Missing {
		add(keyMissing, s.Missing.Key())
	}
	addBool(keyProfitable, s.ProfitableOnly)
	addBool(keyNeutral, s.SectorNeutral)
	addBool(keyExcludeFin, s.ExcludeFinancials)
	if s.Sort != d.Sort || s.SortDesc != d.SortDesc {
		v := s.Sort
		if s.SortDesc {
			v = "-" + v
		}
		add(keySort, v)
	}
	if s.Page != d.Page {
		add(keyPage, itoa(s.Page))
	}
	if s.PageSize != d.PageSize {
		add(keyPageSize, pageSizeKey(s.PageSize))
	}
	if s.Columns != d.Columns {
		add(keyColumns, columnsKey(columnSet(s.Columns)))
	}
	if s.Selected != "" {
		add(keySelected, s.Selected)
	}
	if s.Compare[0] != "" {
		add(keyCompare, strings.Join(s.CompareList(), compareSep))
	}
	if s.Funds != d.Funds {
		add(keyFunds, strings.Join(s.FundList(), "."))
	}
	if s.ETFFrom != "" {
		add(keyFrom, s.ETFFrom)
	}
	if s.ETFAsOf != "" {
		add(keyAsOf, s.ETFAsOf)
	}
	if s.TopN != d.TopN {
		add(keyTopN, itoa(s.TopN))
	}
	if s.Buckets != d.Buckets {
		add(keyBuckets, itoa(s.Buckets))
	}
	if s.Stat != d.Stat {
		add(keyStat, s.Stat.Key())
	}
	if s.Lang != "" {
		add(keyLang, s.Lang)
	}
	if s.Claim != "" {
		add(keyClaim, s.Claim)
	}
	addBool(keyEmbed, s.Embed)
	addBool(keyTransparent, s.Transparent)
	if s.Block != "" {
		add(keyBlock, s.Block)
	}
	if s.Card != "" {
		add(keyCard, s.Card)
	}
	addBool(keySliders, s.Sliders)
	return b.String()
}

// knownClaim: id is one of the engine's claims.
func knownClaim(id string) bool {
	for _, c := range engine.ClaimIDs() {
		if c == id {
			return true
		}
	}
	return false
}

// Normalize brings every field within its bounds: unknown enum values fall
// back to the default, numbers are clamped and rounded, NaN becomes the
// default, the market-cap bounds and the ETF months are put in order, and a
// preset whose weights were changed becomes custom.
func (s State) Normalize() State {
	d := DefaultState()
	switch s.View {
	case ViewScreener, ViewETFs, ViewHistory, ViewClaims:
	default:
		s.View = d.View
	}
	if s.View != ViewClaims || !knownClaim(s.Claim) {
		s.Claim = ""
	}
	if s.Lang != "en" && s.Lang != "ja" {
		s.Lang = ""
	}
	for i, w := range s.Weights {
		if math.IsNaN(w) {
			w = DefaultWeight
		}
		s.Weights[i] = math.Round(math.Max(0, math.Min(MaxWeight, w)))
	}
	if pw, ok := PresetWeights(s.Preset); !ok || pw != s.Weights {
		s.Preset = ""
	}
	if s.Index < engine.IndexAny || s.Index > engine.IndexBoth {
		s.Index = d.Index
	}
	s.Sectors &= allSectors
	s.MinMcap, s.MaxMcap = mcapBound(s.MinMcap), mcapBound(s.MaxMcap)
	if s.MinMcap > 0 && s.MaxMcap > 0 && s.MinMcap > s.MaxMcap {
		s.MinMcap, s.MaxMcap = s.MaxMcap, s.MinMcap
	}
	normalizeFilterBounds(&s)
	s.MinCoverage = urlClamp(s.MinCoverage, 0, engine.NumFactors)
	if s.Missing >= engine.NumMissingRules {
		s.Missing = d.Missing
	}
	if !isURLSortKey(s.Sort) {
		s.Sort, s.SortDesc = d.Sort, d.SortDesc
	}
	s.Columns &= uint64(allColumns)
	if !validPageSize(s.PageSize) {
		s.PageSize = d.PageSize
	}
	s.Page = urlClamp(s.Page, 1, MaxPage)
	if s.PageSize == pageAll {
		s.Page = 1 // one page holds every row
	}
	if t, ok := urlTicker(s.Selected); ok {
		s.Selected = t
	} else {
		s.Selected = ""
	}
	s.Compare = urlCompare(s.Compare[:])
	if f, ok := urlFunds(s.Funds[:]); ok {
		s.Funds = f
	} else {
		s.Funds = d.Funds
	}
	s.ETFFrom, _ = urlMonth(s.ETFFrom) // "" when invalid
	s.ETFAsOf, _ = urlMonth(s.ETFAsOf)
	if s.ETFFrom != "" && s.ETFAsOf != "" && s.ETFFrom > s.ETFAsOf {
		s.ETFFrom, s.ETFAsOf = s.ETFAsOf, s.ETFFrom
	}
	s.TopN = urlClamp(s.TopN, MinTopN, MaxTopN)
	if s.Buckets != 5 && s.Buckets != 10 {
		s.Buckets = d.Buckets
	}
	if s.Stat >= engine.NumStatistics {
		s.Stat = d.Stat
	}
	if !s.Embed || embedBlockIndex(s.View, s.Block) < 0 {
		s.Block = ""
	}
	if t, ok := urlTicker(s.Card); ok && s.Embed {
		s.Card = t
	} else {
		s.Card = ""
	}
	s.Sliders = s.Sliders && s.Embed && s.View == ViewScreener
	return s
}
