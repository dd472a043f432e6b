//go:build !wasm

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"screener/data/schema"
	"screener/engine"
)

// command is one native subcommand: the local server, the static-site
// generator and the scripting commands share this one binary, so the wasm
// build (main_wasm.go) never links any of them.
type command struct {
	usage string
	run   func(args []string, stdout io.Writer) error
}

var commands = map[string]command{}

// register is called from the init function of each cli_*.go file, so each
// command lives in its own file and this dispatcher never changes.
func register(name, usage string, run func(args []string, stdout io.Writer) error) {
	commands[name] = command{usage: usage, run: run}
}

func main() {
	registerRoutes()
	if len(os.Args) < 2 {
		printUsage(os.Stderr)
		os.Exit(2)
	}
	name := os.Args[1]
	c, ok := commands[name]
	if !ok {
		fmt.Fprintf(os.Stderr, "unknown command %q\n", name)
		printUsage(os.Stderr)
		os.Exit(2)
	}
	if err := c.run(os.Args[2:], os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
		os.Exit(1)
	}
}

func printUsage(w io.Writer) {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprintln(w, "usage: app <command> [flags]; commands:")
	for _, n := range names {
		fmt.Fprintf(w, "  %-9s %s\n", n, commands[n].usage)
	}
}

// ---- shared by the commands ----

// jsonNum is a float that encodes NaN and ±Inf as JSON null, rounded to 6
// significant digits (the snapshots carry 5); large dollar amounts keep
// every digit.
type jsonNum float64

func (x jsonNum) MarshalJSON() ([]byte, error) {
	f := float64(x)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return []byte("null"), nil
	}
	if math.Abs(f) >= 1e6 { // money in dollars: keep every digit
		return strconv.AppendFloat(nil, f, 'f', -1, 64), nil
	}
	return strconv.AppendFloat(nil, f, 'g', 6, 64), nil
}

// cliWeights resolves --weights / --preset (default DefaultPreset).
func cliWeights(weights, preset string) (engine.Weights, string, error) {
	var w engine.Weights
	switch {
	case weights != "" && preset != "":
		return w, "", errors.New("give --weights or --preset, not both")
	case weights != "":
		w, err := engine.ParseWeights(weights)
		if err != nil {
			return w, "", fmt.Errorf("--weights: %w", err)
		}
		return w, "weights " + w.String(), nil
	}
	if preset == "" {
		preset = DefaultPreset
	}
	p, ok := engine.PresetByKey(preset)
	if !ok {
		return w, "", fmt.Errorf("--preset %q unknown; valid presets: %s", preset, strings.Join(engine.PresetKeys(), ", "))
	}
	return p.Weights, "preset " + p.Key + " (" + p.Name + ")", nil
}

func readSnapshotFile(path string) (*engine.Snapshot, error) {
	return readDecoded(path, "--data", engine.Decode)
}

func readFundsFile(path string) (*engine.Funds, error) {
	return readDecoded(path, "--data", engine.DecodeFunds)
}

// readDecoded reads a data file and decodes it, naming the file (and the
// flag that chooses it) in errors.
func readDecoded[T any](path, flag string, decode func([]byte) (T, error)) (T, error) {
	var zero T
	b, err := readCapped(path, maxDataFileBytes, flag)
	if err != nil {
		return zero, err
	}
	v, err := decode(b)
	if err != nil {
		return zero, fmt.Errorf("%s: %w", path, err)
	}
	return v, nil
}

// maxDataFileBytes caps what readDecoded reads: the largest snapshot the
// builder writes is under 2 MB, and a device or a runaway file
// (--snapshot /dev/zero) must end in an error, not an endless read.
const maxDataFileBytes = 64 << 20

// readCapped reads at most limit bytes of path; a longer file (or an
// endless device) is an error naming the path and the limit.
// A missing file suggests `make snapshot` or the flag named by flagHint.
func readCapped(path string, limit int64, flagHint string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%w (build it with `make snapshot`, or pass %s)", err, flagHint)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil {
		if fi.IsDir() {
			return nil, fmt.Errorf("%s is a directory, not a data file", path)
		}
		if fi.Mode().IsRegular() && fi.Size() > limit {
			return nil, fmt.Errorf("%s: %d bytes, more than the %d MB a data file may have", path, fi.Size(), limit>>20)
		}
	}
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%s: more than the %d MB a data file may have (not a snapshot?)", path, limit>>20)
	}
	return b, nil
}

// dataDir is where the commands read the snapshots by default: the
// builder's output folder.
const dataDir = "web/data"

// readHistory loads every history snapshot the folder's data manifest
// (index.json) lists, oldest first. A listed file that is missing, or that
// is not the one listed (another build's), is an error: results over fewer
// or mixed windows would look complete.
func readHistory(dir string) ([]*engine.Snapshot, error) {
	m, err := readDecoded(filepath.Join(dir, schema.IndexFile), "--data", engine.DecodeManifest)
	if err != nil {
		return nil, err
	}
	var out []*engine.Snapshot
	for _, f := range m.History() {
		path := filepath.Join(dir, f.Name)
		s, err := readSnapshotFile(path)
		if err != nil {
			return nil, err
		}
		if s.Hash != f.Hash || s.AsOf != f.AsOf {
			return nil, fmt.Errorf("%s: %s of %s, but %s lists %s of %s: the folder mixes two builds (run `make snapshot`)",
				path, s.Hash, s.AsOf, schema.IndexFile, f.Hash, f.AsOf)
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s lists no history snapshot", filepath.Join(dir, schema.IndexFile))
	}
	return out, nil
}

func fmtDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func cellStr(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// cliShort cuts s to n runes, ending in "…" when cut.
func cliShort(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// helpIsNotAnError lets -h exit 0 after the flag package printed the usage.
func helpIsNotAnError(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	return err
}

func newCLIFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(os.Stderr) // unknown flags print the valid ones there
	return fs
}

// registerMissing adds the --missing flag (rank, explain, backtest, etf).
func registerMissing(fs *flag.FlagSet, dst *string) {
	fs.StringVar(dst, "missing", engine.MissingNeutral.Key(), "a weighted factor a stock lacks: neutral (counted at the median, z = 0), skip (average the present factors), exclude (leave the stock unranked)")
}

// parseMissing reads the --missing flag.
func parseMissing(v string) (engine.MissingRule, error) {
	r, ok := engine.ParseMissingRule(strings.ToLower(strings.TrimSpace(v)))
	if !ok {
		return 0, fmt.Errorf("--missing %q unknown; valid: neutral, skip, exclude", v)
	}
	return r, nil
}

// fmtPct formats a percentile with one decimal, "-" when missing.
func fmtPct(p float64) string {
	if math.IsNaN(p) {
		return "-"
	}
	return strconv.FormatFloat(p, 'f', 1, 64)
}

// fmtNum formats a value with 5 significant digits (the snapshot's precision), "" when missing.
func fmtNum(x float64) string {
	if math.IsNaN(x) {
		return ""
	}
	return strconv.FormatFloat(x, 'g', 5, 64)
}

func cliDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
