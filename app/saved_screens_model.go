package main

// Saved screens: named screener states kept in the browser's
// localStorage. Each is a name and the screener's part of the URL state
// (screenQuery), stored one per line as "name<TAB>query" after a version
// line: queries are URL-escaped and names are cleaned of tabs and line
// breaks, so the format needs no escaping and no JSON decoder. Pure Go,
// tested natively.

import "strings"

const (
	savedStorageKey = "screener.saved"
	savedVersion    = "v1"
	maxSavedScreens = 50
	maxSavedName    = 60 // runes
)

// savedScreen is one saved screen.
type savedScreen struct {
	Name  string
	Query string // State.Query of the screener's settings (screenQuery)
}

// screenQuery is the part of st a saved screen keeps: weights, filters,
// ranking options and sort, on the screener. The open stock, the page,
// the language and the other views' settings are the reader's own.
func screenQuery(st State) string {
	st = st.Normalize()
	out := DefaultState()
	out.Preset, out.Weights = st.Preset, st.Weights
	out.Index, out.Sectors = st.Index, st.Sectors
	out.MinMcap, out.MaxMcap = st.MinMcap, st.MaxMcap
	out.ProfitableOnly, out.SectorNeutral, out.ExcludeFinancials = st.ProfitableOnly, st.SectorNeutral, st.ExcludeFinancials
	out.Values, out.Pcts = st.Values, st.Pcts
	out.MinCoverage, out.Missing = st.MinCoverage, st.Missing
	out.Sort, out.SortDesc = st.Sort, st.SortDesc
	return out.Query()
}

// cleanSavedName trims a name, turns tabs and line breaks into spaces
// and cuts it at maxSavedName runes; "" when nothing is left.
func cleanSavedName(name string) string {
	name = strings.Join(strings.Fields(name), " ")
	if r := []rune(name); len(r) > maxSavedName {
		name = string(r[:maxSavedName])
	}
	return name
}

// decodeSaved reads the stored list; lines it cannot read (another
// version, a damaged entry) are skipped, so a bad store never breaks the
// page. Each query is re-normalised (ParseState), as from any URL.
func decodeSaved(stored string) []savedScreen {
	lines := strings.Split(stored, "\n")
	if len(lines) == 0 || lines[0] != savedVersion {
		return nil
	}
	var out []savedScreen
	for _, line := range lines[1:] {
		name, q, ok := strings.Cut(line, "\t")
		if name = cleanSavedName(name); !ok || name == "" || len(out) == maxSavedScreens {
			continue
		}
		out = append(out, savedScreen{Name: name, Query: screenQuery(ParseState(q))})
	}
	return out
}

// encodeSaved writes the list in decodeSaved's format.
func encodeSaved(list []savedScreen) string {
	var b strings.Builder
	b.WriteString(savedVersion)
	for _, s := range list {
		b.WriteString("\n" + cleanSavedName(s.Name) + "\t" + s.Query)
	}
	return b.String()
}

// withSaved adds a screen, or replaces the one with the same name (case
// ignored) in place; false when the name is empty or the list is full.
func withSaved(list []savedScreen, name, query string) ([]savedScreen, bool) {
	name = cleanSavedName(name)
	if name == "" {
		return list, false
	}
	for i, s := range list {
		if strings.EqualFold(s.Name, name) {
			out := append([]savedScreen(nil), list...)
			out[i] = savedScreen{Name: name, Query: query}
			return out, true
		}
	}
	if len(list) >= maxSavedScreens {
		return list, false
	}
	return append(append([]savedScreen(nil), list...), savedScreen{Name: name, Query: query}), true
}

// withoutSaved removes the screen at index i.
func withoutSaved(list []savedScreen, i int) []savedScreen {
	if i < 0 || i >= len(list) {
		return list
	}
	return append(append([]savedScreen(nil), list[:i]...), list[i+1:]...)
}

// loadScreen shows a saved screen's settings (a history entry of its own,
// like any filter change); the open stock closes and the list starts at
// its first page.
func (sm *screenModel) loadScreen(q string) {
	sm.filterRows = nil
	sm.applyState(ParseState(q))
	sm.stateChanged(true)
}

// currentScreenQuery is what saving now would keep.
func (sm *screenModel) currentScreenQuery() string {
	st := DefaultState()
	sm.fillState(&st)
	return screenQuery(st)
}
