package main

// Number, date and sector formats that differ by language. English keeps
// the B/M units of format.go; Japanese writes US dollar amounts the way the
// Japanese financial press does ("時価総額は約12億ドル"): 億ドル (10^8 USD)
// from one 億 up, 万ドル (10^4 USD) below, three significant figures.

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"screener/engine"
)

// mcap shows a market cap given in USD millions with its unit:
// en "1.23 B", ja "12.3億ドル" / "4,560万ドル".
func (l lang) mcap(millions float64) string {
	if l != langJA || !finite(millions) {
		return formatMcap(millions)
	}
	oku := millions / 100 // 1億ドル = USD 100 million
	if math.Abs(oku) >= 1 {
		return trimZeros(sig3(oku)) + "億ドル"
	}
	return formatCount(int(round3(millions*100))) + "万ドル"
}

// mcapCell is a market cap in a table column: English with its unit; in
// Japanese a plain number of 億ドル, the unit being in the header
// (時価総額（億ドル）), so the column compares at a glance.
func (l lang) mcapCell(millions float64) string {
	if l != langJA || !finite(millions) {
		return formatMcap(millions)
	}
	return sig3(millions / 100)
}

// date shows an ISO date "2025-11-24" as prose: unchanged in English,
// "2025年11月24日" in Japanese; anything else is returned as is.
func (l lang) date(iso string) string {
	if l != langJA {
		return iso
	}
	p := strings.Split(iso, "-")
	if len(p) != 3 {
		return iso
	}
	var n [3]int
	for i, s := range p {
		v, err := strconv.Atoi(s)
		if err != nil {
			return iso
		}
		n[i] = v
	}
	return itoa(n[0]) + "年" + itoa(n[1]) + "月" + itoa(n[2]) + "日"
}

// sector names a GICS sector (as the snapshot spells it) in l; a name that
// is not a GICS sector is shown as the data has it.
func (l lang) sector(name string) string {
	if slug := SectorSlug(name); slug != "" {
		return l.t("sector." + slug)
	}
	return name
}

// round3 rounds x to three significant figures.
func round3(x float64) float64 {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	p := math.Pow(10, math.Floor(math.Log10(math.Abs(x)))-2)
	return math.Round(x/p) * p
}

// trimZeros drops trailing decimal zeros ("1.00" -> "1", "12.50" -> "12.5").
func trimZeros(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	return strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
}

// snapshotFields are the snapshot's field names with a label ("field."+name);
// a name ending in "_p" is the same field a year earlier.
var snapshotFields = []string{"iwm", "ijr", "price", "shares", "mcap", "rev", "gp", "opinc", "da", "int", "ni",
	"ocf", "capex", "fcf", "rev_op", "assets", "equity", "debt", "cash", "mom12_1", "mom6_1", "trend", "fwd12", "fwdlast"}

// snapshotSources are the statement sources the snapshot names ("source."+id).
var snapshotSources = []string{"simfin-quarterly", "simfin-annual", "quarterly-summary", "simfin-banks", "simfin-insurance"}

// field names a snapshot field in l; an unknown field keeps its name.
func (l lang) field(name string) string {
	if base, ok := strings.CutSuffix(name, "_p"); ok && slices.Contains(snapshotFields, base) {
		return l.tf("field.prior", l.t("field."+base))
	}
	if slices.Contains(snapshotFields, name) {
		return l.t("field." + name)
	}
	return name
}

// source names a statement source in l; an unknown source keeps its id.
func (l lang) source(id string) string {
	if slices.Contains(snapshotSources, id) {
		return l.t("source." + id)
	}
	return id
}

// universe describes the snapshot's universe: English shows the
// snapshot's own description, other languages a translated one.
func (l lang) universe(s *engine.Snapshot) string {
	if l == langEN && s.Universe != "" {
		return s.Universe
	}
	return l.tf("status.universe", l.date(s.AsOf))
}
