package data

import (
	"fmt"
	"math"
	"strings"
	"time"
)

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

// snapshotStats are one body's numbers for the coverage report; its
// coverage and flag counts are written into the body too, so that the
// page can state them without recounting.
func (e *buildEnv) snapshotStats(m snapshotMeta, rows []*row, cols []column) SnapshotStats {
	st := SnapshotStats{Name: m.kind + ".json", Kind: m.kind, AsOf: m.asof.String(), N: len(rows), Survivorship: m.survivorship}
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
		st.Flagged = append(st.Flagged, Stat{flagNames[f], float64(countRows(rows, func(r *row) bool { return r.flags&(1<<f) != 0 }))})
	}
	old := countRows(rows, func(r *row) bool { return r.shEnd != 0 && m.asof-dayFromYMD(r.shEnd) > 3*365 })
	st.Flagged = append(st.Flagged, Stat{"shares_older_3y", float64(old)})
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
	return st
}

// countRows counts the rows for which pred holds.
func countRows(rows []*row, pred func(r *row) bool) int {
	n := 0
	for _, r := range rows {
		if pred(r) {
			n++
		}
	}
	return n
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
	for _, h := range r.Holdings {
		fmt.Fprintf(&b, "%s\n", h)
	}
	for _, l := range r.Notes {
		fmt.Fprintf(&b, "%s\n", l)
	}
	for _, l := range priceIssueLines(r.PriceIssues) {
		fmt.Fprintf(&b, "%s\n", l)
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
