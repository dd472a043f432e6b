// Command snapshot builds the screener's JSON snapshots from the raw data:
//
//	go run ./data/cmd/snapshot -data ../shared/data -out web/data
//
// It prints a coverage report and exits non-zero when DATA_DIR (or the
// holdings or prices in it) cannot be read.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"screener/data"
)

func main() {
	def := os.Getenv("DATA_DIR")
	if def == "" {
		def = "../shared/data"
	}
	dir := flag.String("data", def, "raw data directory (env DATA_DIR)")
	out := flag.String("out", "web/data", "output directory for the snapshots")
	flag.Parse()
	start := time.Now()
	res, err := data.Build(data.Options{DataDir: *dir})
	if err != nil {
		fmt.Fprintf(os.Stderr, "snapshot: %v\n", err)
		os.Exit(1)
	}
	if err := res.WriteDir(*out); err != nil {
		fmt.Fprintf(os.Stderr, "snapshot: writing %s: %v\n", *out, err)
		os.Exit(1)
	}
	fmt.Print(res.Report(time.Since(start)))
	fmt.Printf("wrote %d files to %s\n", len(res.Files), *out)
}
