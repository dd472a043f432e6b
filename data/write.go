package data

import (
	"math"
	"strconv"

	"screener/data/schema"
)

type provenance struct{ file, asof string }

func commonProvenance(lastPrice Day) []provenance {
	return []provenance{
		{"fundamentals/simfin/us-income-annual.csv, us-balance-annual.csv", "downloaded 2026-04 (FY2019-FY2024)"},
		{"fundamentals/simfin/us-cashflow-annual.csv", "downloaded 2025-09 (FY2019-FY2023)"},
		{"fundamentals/simfin/us-{income,balance,cashflow}-quarterly.csv", "downloaded 2025-09 (published to 2024-09)"},
		{"fundamentals/simfin/us-*-banks-quarterly.csv, us-*-insurance-quarterly.csv", "downloaded 2026-01 (published to 2025-03)"},
		{"fundamentals/simfin/us-companies.csv, industries.csv", "downloaded 2026-04"},
		{"fundamentals/quarterly/*.csv", "published to mid-2025"},
		{"prices/*.csv", lastPrice.String()},
	}
}

type snapshotMeta struct {
	kind         string
	asof         Day
	universe     string
	modelled     bool
	survivorship string
	survCounts   []Stat
	survKey      string // body key of survCounts (default schema.SurvivorshipCounts)
	check        *universeCheck
	provenance   []provenance
}

// write renders a current or history body. Keys are written in a fixed
// order, never from a map, so that identical inputs give identical bytes
// (and the same hash).
func (e *buildEnv) write(m snapshotMeta, rows []*row) ([]byte, SnapshotStats) {
	cols := columnsOf(m.kind)
	st := e.snapshotStats(m, rows, cols)
	sectors, secIdx := sectorsOf(rows)
	var w jsonWriter
	w.Grow(1 << 20)
	w.raw(`{"kind":`)
	w.str(m.kind)
	w.raw(`,"asof":`)
	w.str(m.asof.String())
	w.raw(`,"universe":`)
	w.str(m.universe)
	w.raw(`,"modelled":`)
	w.raw(strconv.FormatBool(m.modelled))
	if m.check != nil {
		w.raw(",")
		w.str(schema.UniverseCheck)
		w.raw(":")
		m.check.write(&w)
	}
	w.raw(`,"survivorship":`)
	w.str(m.survivorship)
	if len(m.survCounts) > 0 {
		key := m.survKey
		if key == "" {
			key = schema.SurvivorshipCounts
		}
		w.raw(",")
		w.str(key)
		w.raw(":")
		w.stats(m.survCounts, 0)
	}
	w.raw(`,"stale_months":`)
	w.raw(strconv.Itoa(StaleMonths))
	w.raw(`,"provenance":[`)
	for i, p := range m.provenance {
		if i > 0 {
			w.raw(",")
		}
		w.raw(`{"file":`)
		w.str(p.file)
		w.raw(`,"asof":`)
		w.str(p.asof)
		w.raw("}")
	}
	w.raw(`],"coverage":`)
	w.stats(st.Coverage, 4)
	w.raw(`,"flagged":`)
	w.stats(st.Flagged, 0)
	w.raw(`,"flag_names":`)
	w.strs(flagNames[:])
	w.raw(`,"sources":`)
	w.strs(sourceNames[:])
	w.raw(`,"sectors":`)
	w.strs(sectors)
	w.raw(`,"fwd_last_date":`)
	w.str(e.prices.last.String())
	w.raw(`,"n":`)
	w.raw(strconv.Itoa(len(rows)))
	w.raw(`,"cols":{`)
	for ci, c := range cols {
		if ci > 0 {
			w.raw(",")
		}
		w.str(c.name)
		w.raw(":")
		writeColumn(&w, c, rows, secIdx)
	}
	w.raw("}}")
	return w.Bytes(), st
}

// sectorsOf is the body's "sectors": the GICS sectors, plus
// schema.UnknownSector only when some row has none of them, so that the
// sector filter offers no empty choice. idx maps each name to its index.
func sectorsOf(rows []*row) (sectors []string, idx map[string]int) {
	sectors = schema.GICSSectors()
	idx = map[string]int{}
	for i, s := range sectors {
		idx[s] = i
	}
	for _, r := range rows {
		if _, ok := idx[r.sector]; !ok {
			idx[schema.UnknownSector] = len(sectors)
			sectors = append(sectors, schema.UnknownSector)
			break
		}
	}
	return sectors, idx
}

// writeColumn writes one column's array. Integer columns (0 significant
// digits) are written whole, so dates stay YYYYMMDD and never 2.0250331e7.
func writeColumn(w *jsonWriter, c column, rows []*row, secIdx map[string]int) {
	w.raw("[")
	for i, r := range rows {
		if i > 0 {
			w.raw(",")
		}
		switch {
		case c.name == schema.ColSector:
			idx, ok := secIdx[r.sector]
			if !ok {
				idx = secIdx[schema.UnknownSector]
			}
			w.raw(strconv.Itoa(idx))
		case c.str != nil:
			w.str(c.str(r))
		default:
			v, sig := c.val(r)
			if sig == 0 {
				if math.IsNaN(v) {
					w.raw("null")
				} else {
					w.raw(strconv.FormatInt(int64(v), 10))
				}
			} else {
				w.num(v, sig)
			}
		}
	}
	w.raw("]")
}

// write renders the universe check: whole counts, then the shares to 4
// decimals, then the model's rule.
func (uc *universeCheck) write(w *jsonWriter) {
	w.raw("{")
	for i, c := range []struct {
		k string
		v int
	}{{schema.CheckListed, uc.listed}, {schema.CheckNoPriceFile, uc.noPriceFile}, {schema.CheckNoPrice, uc.noPrice},
		{schema.CheckNoShares, uc.noShares}, {schema.CheckMerged, uc.merged}, {schema.CheckRealMembers, uc.real},
		{schema.CheckModelMembers, uc.model}, {schema.CheckOverlap, uc.overlap}} {
		if i > 0 {
			w.raw(",")
		}
		w.str(c.k)
		w.raw(":" + strconv.Itoa(c.v))
	}
	for _, c := range []struct {
		k string
		v float64
	}{{schema.CheckRealInModel, uc.realInModel}, {schema.CheckModelInReal, uc.modelInReal}, {schema.CheckWeightOverlap, uc.weightOverlap}} {
		w.raw(",")
		w.str(c.k)
		w.raw(":" + strconv.FormatFloat(c.v, 'f', 4, 64))
	}
	w.raw(",")
	w.str(schema.CheckModel)
	w.raw(":")
	w.str(uc.rule)
	w.raw("}")
}
