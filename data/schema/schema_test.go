package schema

import (
	"strings"
	"testing"
)

// The hash is FNV-1a 64 of the body bytes: known vectors (the empty input
// is the FNV-1a 64 offset basis) and any change of a byte changes it.
func TestHash(t *testing.T) {
	for body, want := range map[string]string{
		"":   "fnv1a64:cbf29ce484222325",
		"{}": "fnv1a64:08f44b07b5901a25", // computed independently (Python)
	} {
		if got := Hash([]byte(body)); got != want {
			t.Errorf("Hash(%q) = %s, want %s", body, got, want)
		}
	}
	if Hash([]byte(`{"n":1}`)) == Hash([]byte(`{"n":2}`)) {
		t.Error("a changed byte must change the hash")
	}
}

func TestEnvelope(t *testing.T) {
	body := []byte(`{"kind":"funds","funds":[]}`)
	got := string(Envelope(body))
	want := `{"schema":1,"hash":"` + Hash(body) + `","body":` + string(body) + `}`
	if got != want {
		t.Errorf("Envelope = %s, want %s", got, want)
	}
	if !strings.HasPrefix(got, `{"schema":1,`) {
		t.Error(`"schema" must come first`)
	}
}

func TestFilesAndDates(t *testing.T) {
	ys := HistoryYears()
	if len(ys) != 6 || ys[0] != 2020 || ys[5] != 2025 {
		t.Errorf("HistoryYears = %v", ys)
	}
	ys[0] = 1999
	if HistoryYears()[0] != 2020 {
		t.Error("HistoryYears must return a fresh slice")
	}
	if HistoryFile(2024) != "history-2024.json" || HistoryAsOf(2024) != "2024-06-30" {
		t.Errorf("HistoryFile/HistoryAsOf: %s %s", HistoryFile(2024), HistoryAsOf(2024))
	}
	if CurrentFile != "current.json" || FundsFile != "funds.json" || CurrentAsOf != "2025-11-24" {
		t.Error("file names or current date changed: the app and deployed files depend on them")
	}
}

// Flag bits and source indexes are positions in the files: appending is
// additive, reordering would change the meaning of every written file.
func TestListsKeepTheirOrder(t *testing.T) {
	flags := FlagNames()
	if len(flags) != 13 || flags[0] != FlagSharesScale || flags[4] != FlagDebtBlankZero || flags[8] != FlagStale || flags[9] != FlagPriceRescaled ||
		flags[10] != FlagPriceGlitch || flags[11] != FlagFwdPriceGlitch || flags[12] != FlagFwdToLastPrice {
		t.Errorf("FlagNames = %v", flags)
	}
	// The forward flags are flags, and the as-of price_glitch is not one.
	for _, f := range ForwardFlags() {
		found := false
		for _, g := range flags {
			found = found || g == f
		}
		if !found || f == FlagPriceGlitch {
			t.Errorf("ForwardFlags lists %q", f)
		}
	}
	if src := Sources(); len(src) != 5 || src[1] != SourceSimfinAnnual || src[2] != SourceSummary {
		t.Errorf("Sources = %v", src)
	}
	sec := GICSSectors()
	if len(sec) != 11 || sec[0] != "Communication Services" || sec[10] != "Utilities" {
		t.Errorf("GICSSectors = %v", sec)
	}
	for i := 1; i < len(sec); i++ {
		if sec[i-1] >= sec[i] {
			t.Errorf("sectors not in alphabetical order at %q", sec[i])
		}
	}
	sec[0] = "x"
	if GICSSectors()[0] == "x" {
		t.Error("GICSSectors must return a fresh slice")
	}
}

func TestColumnKinds(t *testing.T) {
	if OnlyIn(ColIWM) != KindCurrent || OnlyIn(ColIJR) != KindCurrent || OnlyIn(ColSP600) != KindHistory || OnlyIn(ColMcap) != "" {
		t.Error("OnlyIn")
	}
	if ColRevP != "rev_p" || ColRevOpP != "rev_op_p" || ColEquityP != "equity_p" {
		t.Error("year-earlier columns are the base name + _p")
	}
}
