//go:build !wasm

package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"screener/engine"
)

func init() {
	register("claims", "test the articles' claims against the data: claims [--data web/data] [--format table|json]", runClaims)
}

func runClaims(args []string, stdout io.Writer) error {
	fl := flag.NewFlagSet("claims", flag.ContinueOnError)
	fl.SetOutput(io.Discard)
	dir := fl.String("data", dataDir, "folder with daily.json, current.json, largecap.json and funds.json")
	format := fl.String("format", "table", "output format: table, json")
	if err := fl.Parse(args); err != nil {
		return fmt.Errorf("%w; flags: --data --format", err)
	}
	if fl.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q; flags: --data --format", fl.Arg(0))
	}
	if *format != "table" && *format != "json" {
		return fmt.Errorf("--format %q unknown; valid: table, json", *format)
	}
	raw := map[string][]byte{}
	for _, name := range claimsFiles {
		b, err := readCapped(filepath.Join(*dir, name), maxDataFileBytes, "--data")
		if err != nil {
			return err
		}
		raw[name] = b
	}
	in, err := claimsInputs(raw)
	if err != nil {
		return fmt.Errorf("%s: %w", *dir, err)
	}
	rep := buildClaimsReport(engine.Claims(in), langEN)
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", " ")
		return enc.Encode(rep)
	}
	return writeClaimsTable(stdout, rep)
}

// writeClaimsTable prints one block per claim: id, verdict, the claim,
// then one line per value (definition, value, claimed, dates, source).
func writeClaimsTable(w io.Writer, rep claimsReport) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, c := range rep.Claims {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", c.ID, strings.ToUpper(strings.ReplaceAll(c.Verdict, "_", " ")), c.Claim)
		for _, k := range c.Order {
			v := c.Values[k]
			mark := ""
			if v.Closest {
				mark = " (closest to the article)"
			}
			fmt.Fprintf(tw, "\t  %s\t%s\tclaimed %s%s\t%s\t%s\n", k, cliClaimNum(float64(v.Value), v.Unit), cliClaimNum(float64(v.Claimed), v.Unit), mark, cliDateRange(v.From, v.To), v.Source)
		}
		if c.Note != "" {
			fmt.Fprintf(tw, "\t  note: %s\n", c.Note)
		}
		if c.Error != "" {
			fmt.Fprintf(tw, "\t  error: %s\n", c.Error)
		}
	}
	return tw.Flush()
}

// cliClaimNum formats a value in its unit ("-" when missing).
func cliClaimNum(x float64, unit string) string {
	if math.IsNaN(x) {
		return "-"
	}
	switch unit {
	case "pct":
		return fmt.Sprintf("%+.2f%%", 100*x)
	case "yes_no":
		if x == 1 {
			return "yes"
		}
		return "no"
	case "days", "count":
		return fmt.Sprintf("%.0f", x)
	case "usd_bn":
		return fmt.Sprintf("$%.1f bn", x)
	}
	return fmt.Sprintf("%.2f", x)
}

func cliDateRange(from, to string) string {
	switch {
	case from == "" && to == "":
		return "-"
	case from == "":
		return to
	}
	return from + ".." + to
}
