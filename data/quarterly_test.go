package data

import (
	"math"
	"strings"
	"testing"
)

// One summary row becomes an income, a balance-sheet and a cash-flow
// record of the same period, plus a share count on the income record;
// columns are read by name, whatever the layout.
func TestQuarterlySummaryRow(t *testing.T) {
	res := parseSummaryContent("quarterly/XYZ.csv", "XYZ", []byte(
		"free_cash_flow,shares_outstanding,period_end,available_date,revenue,net_income,total_assets,equity\r\n"+
			"6,100,2024-06-30,2024-08-05,14.5,5,104,64\r\n"))
	if len(res.rows) != 3 {
		t.Fatalf("%d records, want 3 (income, balance, cash flow)", len(res.rows))
	}
	inc, bal, cf := res.rows[0], res.rows[1], res.rows[2]
	if inc.blk != bInc || inc.rec.v[fRev] != 14.5 || inc.rec.v[fNI] != 5 || inc.shares != 100 || inc.key != "XYZ" {
		t.Errorf("income %+v", inc)
	}
	if bal.blk != bBal || bal.rec.v[fAssets] != 104 || bal.rec.v[fEquity] != 64 || !math.IsNaN(bal.shares) {
		t.Errorf("balance %+v", bal)
	}
	if cf.blk != bCF || cf.rec.v[fFCF] != 6 || !math.IsNaN(cf.rec.v[fOCF]) {
		t.Errorf("cash flow %+v", cf)
	}
	for _, r := range res.rows {
		if r.rec.src != srcSummary || r.rec.annual || r.rec.end != mustDay("2024-06-30") || r.rec.pub != mustDay("2024-08-05") {
			t.Errorf("record %+v: want a summary quarter ending 2024-06-30 published 2024-08-05", r.rec)
		}
	}
}

// A row with dates only carries nothing and is dropped; a row with a bad
// date is malformed and flagged on the company, whose other rows count.
func TestQuarterlySummaryBadRows(t *testing.T) {
	res := parseSummaryContent("quarterly/JPM.csv", "JPM", []byte(
		"period_end,available_date,revenue,eps\n"+
			"2024-03-31,2024-05-01,,\n"+
			"2024-06-30,4279100,1,1\n"+
			"2024-09-30,2024-11-01,7,1\n"))
	if len(res.rows) != 3 || res.rows[0].rec.v[fRev] != 7 {
		t.Errorf("%d records, want the three of 2024Q3 only", len(res.rows))
	}
	if res.counts.Rows != 3 || res.counts.RowsMalformed != 1 || len(res.orphan) != 1 || res.keys[0] != "JPM" || res.orphan[0].flag != FlagMalformedRow {
		t.Errorf("counts %+v, orphan events %v for %v", res.counts, res.orphan, res.keys)
	}
}

// A file without its dates, or without a ticker in its name, is skipped
// and reported; a missing file is counted as unreadable.
func TestQuarterlySummaryBadFiles(t *testing.T) {
	res := parseSummaryContent("quarterly/X.csv", "X", []byte("ticker,revenue\nX,1\n"))
	if len(res.rows) != 0 || len(res.counts.BadHeaderFiles) != 1 || !strings.Contains(res.counts.BadHeaderFiles[0], "missing period_end, available_date") {
		t.Errorf("bad header: %v", res.counts.BadHeaderFiles)
	}
	res = parseSummaryContent("quarterly/_.csv", "", []byte("period_end,available_date\n2024-03-31,2024-05-01\n"))
	if len(res.counts.BadHeaderFiles) != 1 || !strings.Contains(res.counts.BadHeaderFiles[0], "no ticker") {
		t.Errorf("no ticker: %v", res.counts.BadHeaderFiles)
	}
	if res := parseSummaryFile(t.TempDir() + "/quarterly/NOPE.csv"); len(res.counts.UnreadFiles) != 1 {
		t.Errorf("missing file: %+v", res.counts)
	}
}
