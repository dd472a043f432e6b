package main

import (
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
		if strings.HasSuffix(f, "_test.go") || strings.HasPrefix(f, "i18n") {
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
	}
	for m := engine.Metric(0); m < engine.NumMetrics; m++ {
		used["metric."+m.Key()] = true
	}
	for _, p := range engine.Presets() {
		used["preset."+p.Key] = true
	}
	for _, c := range indexChoices {
		used["filters.index."+c.Key] = true
	}
	for _, k := range coverageChoices {
		used["filters.coverage."+strconv.Itoa(k)] = true
	}
	for _, v := range []viewKey{viewScreener, viewETFs, viewHistory} {
		used["view."+string(v)] = true
	}
	for _, b := range []statementBlock{blockIncome, blockBalance, blockCashFlow, blockPrices} {
		used[blockKey(b)] = true
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
