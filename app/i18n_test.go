package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"screener/engine"
)

// usedKeys collects every translation key the UI asks for: the literal
// keys in the sources and the families built from engine names.
func usedKeys(t *testing.T) map[string]bool {
	t.Helper()
	used := map[string]bool{}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	lit := regexp.MustCompile(`\.tf?\("([a-z0-9_.]+)"`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || (strings.HasPrefix(f, "i18n") && f != "i18n_format.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range lit.FindAllSubmatch(b, -1) {
			if k := string(m[1]); !strings.HasSuffix(k, ".") { // "factor."+key: a family, listed below
				used[k] = true
			}
		}
	}
	for f := engine.Factor(0); f < engine.NumFactors; f++ {
		used["factor."+f.Key()] = true
		used["factor.short."+f.Key()] = true
		used["factor.def."+f.Key()] = true
	}
	for m := engine.Metric(0); m < engine.NumMetrics; m++ {
		used["metric."+m.Key()] = true
		used["metric.def."+m.Key()] = true
	}
	for _, p := range engine.Presets() {
		used["preset."+p.Key] = true
		used["preset.desc."+p.Key] = true
	}
	used["preset.desc.custom"] = true
	for k := range enStrings {
		if strings.HasPrefix(k, "claims.tok.") {
			used[k] = true // claimLabel looks the parts up by name
		}
	}
	for _, v := range []string{ViewETFs, ViewHistory} {
		for _, id := range embedBlocks[v] {
			used["embed.block."+id] = true
		}
	}
	for _, c := range indexChoices {
		used["filters.index."+c.Key] = true
	}
	for _, s := range etfHoldStats {
		used[s.key] = true
		if s.hint != "" {
			used[s.hint] = true
		}
	}
	for _, k := range []string{noteVTWO, noteNoPrices, noteSLY, noteModelled} {
		used[k] = true
	}
	for _, d := range factsDocuments {
		used[d.key] = true
	}
	for _, k := range coverageChoices {
		used["filters.coverage."+strconv.Itoa(k)] = true
	}
	for k := range claimsUsedKeys() {
		used[k] = true
	}
	for _, v := range []viewKey{viewScreener, viewETFs, viewHistory} {
		used["view."+string(v)] = true
	}
	for _, f := range snapshotFields {
		used["field."+f] = true
	}
	used["field.prior"] = true
	for _, id := range snapshotSources {
		used["source."+id] = true
	}
	for _, slug := range SectorSlugs() {
		used["sector."+slug] = true
	}
	for _, b := range []engine.Block{engine.BlockIncome, engine.BlockBalance, engine.BlockCashFlow, engine.BlockMarket} {
		used[blockKey(b)] = true
	}
	for r := engine.MissingRule(0); r < engine.NumMissingRules; r++ {
		for _, p := range []string{"filters.missing.", "filters.missing.note.", "status.hidden.", "detail.missing."} {
			used[p+r.Key()] = true
		}
	}
	for f := engine.Field(0); f < engine.NumFields; f++ {
		used["flt."+f.Key()] = true
	}
	for r := engine.NoPrice; r < engine.NumUnpricedReasons; r++ {
		used["unpriced.reason."+r.Key()] = true
	}
	// The History view's statistic, verdict answers and flip sentences.
	for st := engine.Statistic(0); st < engine.NumStatistics; st++ {
		for _, p := range []string{"hist.stat.", "hist.stat.note.", "hist.stat.noun.", "hist.verdict.by."} {
			used[p+st.Key()] = true
		}
	}
	for _, a := range []histAnswer{histYes, histMostly, histPartly, histNo} {
		used["hist.verdict."+string(a)] = true
	}
	for _, by := range []string{"mean", "median"} {
		used["hist.verdict.q.flip."+by] = true
		used["hist.verdict.flip."+by] = true
	}
	for _, mt := range []engine.Metric{engine.NetDebtToEBITDA, engine.InterestCoverage} {
		used["metric.best."+mt.Key()] = true
	}
	for mt := engine.Metric(0); mt < engine.NumMetrics; mt++ {
		used["metric.short."+mt.Key()] = true // the table's metric columns
	}
	return used
}

// TestEnglishTableIsComplete: every key the UI uses has English text, and
// the table holds no dead entries (each entry is one more string for every
// translator).
func TestEnglishTableIsComplete(t *testing.T) {
	used := usedKeys(t)
	for k := range used {
		if enStrings[k] == "" {
			t.Errorf("no English text for key %q", k)
		}
	}
	for k := range enStrings {
		if !used[k] {
			t.Errorf("English table has unused key %q", k)
		}
	}
}

// TestOtherLanguagesUseKnownKeys: a translation table may be partial (it
// falls back to English) but must not invent keys.
func TestOtherLanguagesUseKnownKeys(t *testing.T) {
	for l, table := range languages {
		for k := range table {
			if _, ok := enStrings[k]; !ok {
				t.Errorf("%s table has key %q that English lacks", l, k)
			}
		}
	}
}

// TestLanguageTablesMatch: every language has exactly English's keys, so a
// key added for one view cannot silently fall back to English elsewhere.
func TestLanguageTablesMatch(t *testing.T) {
	for l, table := range languages {
		for k := range enStrings {
			if _, ok := table[k]; !ok {
				t.Errorf("%s table lacks key %q", l, k)
			}
		}
		for k := range table {
			if _, ok := enStrings[k]; !ok {
				t.Errorf("%s table has key %q that English lacks", l, k)
			}
		}
	}
}

// fmtVerb matches one fmt verb with an optional explicit argument index.
var fmtVerb = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?([a-zA-Z%])`)

// dummyArgs builds arguments matching the verbs of the English string.
func dummyArgs(en string) []any {
	var args []any
	for _, m := range fmtVerb.FindAllStringSubmatch(en, -1) {
		switch m[3] {
		case "%":
		case "d":
			args = append(args, 7)
		case "f", "g":
			args = append(args, 1.5)
		default:
			args = append(args, "x")
		}
	}
	return args
}

// TestTranslationsKeepVerbs: a translation formats the same arguments as
// English (it may reorder them with %[n] but not drop, add or retype one).
func TestTranslationsKeepVerbs(t *testing.T) {
	for l, table := range languages {
		for k, en := range enStrings {
			s, ok := table[k]
			if !ok {
				continue
			}
			args := dummyArgs(en)
			if !strings.Contains(en, "%") || strings.Contains(fmt.Sprintf(en, args...), "%!") {
				continue // not a format string (e.g. "%ile"), used with t
			}
			if got := fmt.Sprintf(s, args...); strings.Contains(got, "%!") {
				t.Errorf("%s %q: verbs do not match English %q: %s", l, k, en, got)
			}
		}
	}
}

// jaAllowedLatin lists the Latin words a Japanese reader sees as-is:
// tickers, accounting acronyms and the language's own name.
var jaAllowedLatin = map[string]bool{
	"IWM": true, "IJR": true, "FCF": true, "EBITDA": true, "EBIT": true,
	"ROE": true, "ROIC": true, "PER": true, "PBR": true, "TTM": true,
	"ETF": true, "ETFs": true, "CSV": true, "English": true,
	"IVV": true, "SPY": true, "VTWG": true, "VTWV": true, "VTWO": true,
	"IWB": true, "IWV": true, "IWO": true, "VOO": true, "VTI": true, "QQQ": true, "EPS": true, "ALAB": true, "OKLO": true,
	"SimFin": true, "IJS": true, "IJT": true, "SLY": true, "VIOO": true, "VB": true, "SPDR": true, "SPSM": true,
}

// TestJapaneseHasNoEnglish: Japanese strings contain no English words
// (three or more Latin letters) other than acronyms and tickers; text in
// `backticks` is a command and stays as typed.
func TestJapaneseHasNoEnglish(t *testing.T) {
	code := regexp.MustCompile("`[^`]*`")
	word := regexp.MustCompile(`[A-Za-z]{3,}`)
	for k, s := range jaStrings {
		s = code.ReplaceAllString(s, "")
		for _, w := range word.FindAllString(s, -1) {
			if !jaAllowedLatin[w] {
				t.Errorf("ja %q: English word %q in %q", k, w, jaStrings[k])
			}
		}
	}
}
