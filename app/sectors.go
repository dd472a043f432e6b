package main

// GICS sectors as the URL and the UI name them.

import "strings"

// gicsSectors are the eleven GICS sectors with their short, stable URL slugs,
// in GICS-name order. The snapshot's sector list is data (its order and
// content can change between snapshots), so the URL stores slugs, never indices.
var gicsSectors = [...]struct{ Slug, Name string }{
	{"comm", "Communication Services"},
	{"discr", "Consumer Discretionary"},
	{"staples", "Consumer Staples"},
	{"energy", "Energy"},
	{"fin", "Financials"},
	{"health", "Health Care"},
	{"ind", "Industrials"},
	{"tech", "Information Technology"},
	{"mat", "Materials"},
	{"re", "Real Estate"},
	{"util", "Utilities"},
}

const allSectors = SectorSet(1<<len(gicsSectors) - 1)

// SectorSet is a set of GICS sectors, bit i = gicsSectors[i].
type SectorSet uint16

// SectorSlugs are the sector slugs in display order.
func SectorSlugs() []string {
	out := make([]string, len(gicsSectors))
	for i, g := range gicsSectors {
		out[i] = g.Slug
	}
	return out
}

// SectorSlug maps a GICS sector name (case, spacing and "&"/"and" forgiven)
// to its slug; "" for a name that is not a GICS sector.
func SectorSlug(name string) string {
	n := gicsKey(name)
	for _, g := range gicsSectors {
		if gicsKey(g.Name) == n {
			return g.Slug
		}
	}
	// The sector renamed in 2018 still appears in older data.
	if n == "telecommunicationservices" {
		return "comm"
	}
	return ""
}

// SectorName is the English GICS name of a slug, "" if unknown.
func SectorName(slug string) string {
	for _, g := range gicsSectors {
		if g.Slug == slug {
			return g.Name
		}
	}
	return ""
}

func gicsKey(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.ReplaceAll(name, "&", "and")) {
		if r >= 'a' && r <= 'z' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func sectorSlugBit(slug string) SectorSet {
	for i, g := range gicsSectors {
		if g.Slug == slug {
			return 1 << i
		}
	}
	return 0
}

// Has reports whether the set holds the sector with this slug.
func (ss SectorSet) Has(slug string) bool { b := sectorSlugBit(slug); return b != 0 && ss&b != 0 }

// With returns the set with the sector added (on) or removed.
func (ss SectorSet) With(slug string, on bool) SectorSet {
	if on {
		return ss | sectorSlugBit(slug)
	}
	return ss &^ sectorSlugBit(slug)
}

// Slugs lists the set's slugs in display order.
func (ss SectorSet) Slugs() []string {
	var out []string
	for i, g := range gicsSectors {
		if ss&(1<<i) != 0 {
			out = append(out, g.Slug)
		}
	}
	return out
}

// Mask maps the set onto engine.Filter.Sectors for a snapshot whose sector
// list is sectors (bit i = sectors[i]). The empty set gives 0 (every
// sector). A non-empty set that matches none of the snapshot's sectors must
// still select nothing, not everything: it sets a bit past the snapshot's
// sectors, which no stock carries.
func (ss SectorSet) Mask(sectors []string) uint32 {
	if ss == 0 {
		return 0
	}
	var m uint32
	for i, name := range sectors {
		if i >= 32 {
			break
		}
		if slug := SectorSlug(name); slug != "" && ss.Has(slug) {
			m |= 1 << i
		}
	}
	if m == 0 && len(sectors) < 32 {
		m = 1 << 31
	}
	return m
}
