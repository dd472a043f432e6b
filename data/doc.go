// Package data builds the screener's point-in-time snapshots from the raw
// files in DATA_DIR: fund holdings, SimFin statements, the quarterly
// summary files, daily adjusted closes and the fund facts. The files it
// writes follow the contract of package schema; SNAPSHOT.md says how each
// value is filled. It is native-only tooling; the browser never imports it.
//
// Each raw source is parsed in a file of its own (holdings.go, iwmdec.go,
// simfin.go, companies.go, quarterly.go, prices.go, membership.go,
// funds.go), so that a change of one upstream format touches one file and
// its test. Price series are checked for glitches as they are read
// (pricecheck.go); prices-to-2024/ files are matched to their companies
// with a ticker-reuse test (oldprices.go). The statements are merged
// (fundamentals.go) and read as of each date (pit.go); rows are filled
// (row.go), sized (shares.go, evidence.go), gathered into universes
// (current.go; history.go with universe.go: real lists, the Russell
// model, the check of one against the other), written (columns.go,
// write.go, fundsbody.go) and reported (report.go, checks.go,
// survivorship.go).
package data
