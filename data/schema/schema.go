package schema

import (
	"fmt"
	"hash/fnv"
	"strconv"
)

// Version is the envelope's "schema" number. A reader refuses any other
// value before it parses anything else; additive changes (new body fields,
// new columns, new flag bits appended) keep it at 1.
const Version = 1

// The "kind" of a body.
const (
	KindCurrent = "current"
	KindHistory = "history"
	KindFunds   = "funds"
	KindIndex   = "index"
	// KindLargeCap is the large-cap snapshot (largecap.json): the current
	// snapshot's columns and rules over the Russell 1000 and S&P 500
	// holdings, for the Claims view's small-versus-large comparisons.
	KindLargeCap = "largecap"
	// KindDaily is daily.json: the funds' daily adjusted closes.
	KindDaily = "daily"
)

// File names under the output folder (web/data/): current.json,
// history-YYYY.json for each of HistoryYears, funds.json.
const (
	CurrentFile = "current.json"
	FundsFile   = "funds.json"
	// IndexFile is the data manifest: every other file of the folder with
	// its kind, date, size and body hash (see the package documentation).
	// Readers list the history files from it, and the page compares it
	// with what it holds to notice a newer build.
	IndexFile = "index.json"
	// LargeCapFile and DailyFile are read by the Claims view only, when
	// it opens.
	LargeCapFile = "largecap.json"
	DailyFile    = "daily.json"
)

// CurrentAsOf is the "asof" of current.json: the date of the IWM and IJR
// holdings files, the universe of the current snapshot.
const CurrentAsOf = "2025-11-24"

// historyFirst and historyLast bound the history years. The app downloads
// the history files by name (a static host cannot list a folder), so the
// years are part of the contract, not a detail of the builder.
const historyFirst, historyLast = 2020, 2025

// HistoryYears are the years of the history snapshots, oldest first: one
// file per year, dated June 30 (HistoryAsOf). A fresh slice each call.
func HistoryYears() []int {
	out := make([]int, 0, historyLast-historyFirst+1)
	for y := historyFirst; y <= historyLast; y++ {
		out = append(out, y)
	}
	return out
}

// HistoryFile is the file name of the history snapshot of year y:
// "history-2024.json".
func HistoryFile(y int) string { return "history-" + strconv.Itoa(y) + ".json" }

// HistoryAsOf is the "asof" of the history snapshot of year y: June 30,
// "2024-06-30".
func HistoryAsOf(y int) string { return fmt.Sprintf("%04d-06-30", y) }

// HashPrefix names the hash function in the envelope's "hash" string.
const HashPrefix = "fnv1a64:"

// Hash is the envelope's "hash": FNV-1a 64 over the exact bytes of the
// body value as written (from `{` to its matching `}`), as HashPrefix +
// 16 lower-case hex digits. A cheap checksum, not a signature: it catches
// truncation and corruption and is fast in wasm.
func Hash(body []byte) string {
	h := fnv.New64a()
	h.Write(body)
	return fmt.Sprintf(HashPrefix+"%016x", h.Sum64())
}

// Envelope wraps a body as {"schema":1,"hash":"fnv1a64:<16 hex>","body":…}.
// "schema" comes first so that a reader can refuse a newer format before
// it parses anything else; the body bytes are copied unchanged, so Hash
// over them is what a reader recomputes.
func Envelope(body []byte) []byte {
	head := fmt.Sprintf(`{"schema":%d,"hash":"%s","body":`, Version, Hash(body))
	out := make([]byte, 0, len(head)+len(body)+1)
	out = append(out, head...)
	out = append(out, body...)
	return append(out, '}')
}
