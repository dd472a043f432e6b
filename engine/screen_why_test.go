package engine

import "testing"

// TestWhyNamesTheFirstFilter: every row gets exactly one reason, Listed
// exactly for the ranked members, and the reason matches the filter that
// removed it.
func TestWhyNamesTheFirstFilter(t *testing.T) {
	s := synthSnapshot(300, 1, 0.15)
	m := ComputeMetrics(s)
	o := Options{Filter: Filter{Sectors: 1 | 2 | 4, MinMcap: 200, ProfitableOnly: true}, MinCoverage: 5}
	sc := NewScreen(s, m, o)
	sc.Score(Weights{1, 1, 1, 1, 1, 1})
	seen := map[Exclusion]int{}
	for i := 0; i < s.N; i++ {
		why := sc.Why(i)
		seen[why]++
		j, member := sc.Pos(i)
		switch why {
		case Listed:
			if !member || sc.Composite[j] != sc.Composite[j] {
				t.Fatalf("row %d Listed but not ranked", i)
			}
		case OutOfSector:
			if o.Sectors&(1<<s.Sector[i]) != 0 {
				t.Fatalf("row %d OutOfSector but its sector %d is selected", i, s.Sector[i])
			}
		case NotProfitable:
			if s.NI[i] > 0 {
				t.Fatalf("row %d NotProfitable with NI %v", i, s.NI[i])
			}
		case OutOfMcap:
			if s.Mcap[i] >= o.MinMcap {
				t.Fatalf("row %d OutOfMcap with mcap %v", i, s.Mcap[i])
			}
		case LowCoverage:
			if !member || int(sc.Coverage[j]) >= o.MinCoverage {
				t.Fatalf("row %d LowCoverage wrongly", i)
			}
		}
	}
	for _, want := range []Exclusion{Listed, OutOfSector, NotProfitable, OutOfMcap} {
		if seen[want] == 0 {
			t.Errorf("no row with reason %s in the fixture: %v", want.Key(), seen)
		}
	}
	if sc.Why(-1) != NotARow || sc.Why(s.N) != NotARow {
		t.Errorf("out-of-range rows are not NotARow")
	}
}
