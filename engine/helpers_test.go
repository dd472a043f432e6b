package engine

import (
	"bytes"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"testing"

	"screener/data/schema"
)

var updateFixtureHash = flag.Bool("update-fixture-hash", false, "rewrite the hash of testdata/*.json fixtures after editing them by hand")

const snapFixturePath = "testdata/current_small.json"

// snapEnvelope wraps a body in the schema-1 envelope with its correct hash.
func snapEnvelope(body string) []byte {
	return schema.Envelope([]byte(body))
}

// snapFixtureBytes reads the hand-made fixture.
func snapFixtureBytes(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile(snapFixturePath)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// snapFixtureBody returns the body bytes of the fixture (from `{` after
// "body": to the last `}` before the envelope's closing brace).
func snapFixtureBody(t testing.TB) string {
	t.Helper()
	b := snapFixtureBytes(t)
	i := bytes.Index(b, []byte(`"body":`))
	j := bytes.LastIndexByte(b, '}')
	if i < 0 || j < 0 {
		t.Fatal("fixture has no body")
	}
	return string(bytes.TrimSpace(b[i+len(`"body":`) : j]))
}

func loadSnapFixture(t testing.TB) *Snapshot {
	t.Helper()
	s, err := Decode(snapFixtureBytes(t))
	if err != nil {
		t.Fatalf("decode fixture: %v", err)
	}
	return s
}

// TestFixtureHash keeps the hand-written fixture's hash honest; run with
// -update-fixture-hash after editing the fixture.
func TestFixtureHash(t *testing.T) {
	b := snapFixtureBytes(t)
	body := snapFixtureBody(t)
	want := HashBody([]byte(body))
	i := bytes.Index(b, []byte(`"fnv1a64:`))
	if i < 0 {
		t.Fatal("fixture has no hash")
	}
	got := string(b[i+1 : i+1+len(want)])
	if got == want {
		return
	}
	if !*updateFixtureHash {
		t.Fatalf("fixture hash %s, body hashes to %s; rerun with -update-fixture-hash", got, want)
	}
	copy(b[i+1:], want)
	if err := os.WriteFile(snapFixturePath, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

var synthSectors = []string{"Communication Services", "Consumer Discretionary", "Consumer Staples", "Energy", "Financials", "Health Care", "Industrials", "Information Technology", "Materials", "Real Estate", "Utilities"}

// synthSnapshot builds a deterministic random current snapshot of n stocks
// (about missingShare of inputs missing), for property tests and
// benchmarks when the real snapshot is absent.
func synthSnapshot(n int, seed uint64, missingShare float64) *Snapshot {
	r := rand.New(rand.NewPCG(seed, 7))
	s := &Snapshot{Kind: "current", AsOf: "2025-11-24", N: n, Sectors: synthSectors, Sources: []string{"simfin-quarterly"}}
	col := func(mean, sd float64) []float64 {
		c := make([]float64, n)
		for i := range c {
			if r.Float64() < missingShare {
				c[i] = math.NaN()
				continue
			}
			c[i] = mean + sd*r.NormFloat64()
		}
		return c
	}
	pos := func(mean, sd float64) []float64 {
		c := col(mean, sd)
		for i := range c {
			c[i] = math.Abs(c[i])
		}
		return c
	}
	for i := 0; i < n; i++ {
		s.Ticker = append(s.Ticker, fmt.Sprintf("T%05d", i))
		s.Name = append(s.Name, fmt.Sprintf("Company %d", i))
		s.Sector = append(s.Sector, uint8(r.IntN(len(synthSectors))))
		s.SP600 = append(s.SP600, false)
		s.Flags = append(s.Flags, 0)
		s.IWM = append(s.IWM, 0.05)
		ijr := math.NaN()
		if i%3 == 0 {
			ijr = 0.2
		}
		s.IJR = append(s.IJR, ijr)
	}
	s.Mcap = pos(2000, 1500)
	s.Price, s.Shares = pos(30, 20), pos(50, 30)
	s.Rev, s.RevP = pos(1000, 800), pos(900, 700)
	s.GP, s.GPP = col(300, 200), col(280, 200)
	s.OpInc, s.OpIncP = col(60, 80), col(50, 80)
	s.DA, s.DAP = pos(40, 30), pos(40, 30)
	s.Int, s.IntP = col(15, 15), col(15, 15)
	s.NI, s.NIP = col(30, 70), col(25, 70)
	s.OCF, s.OCFP = col(90, 80), col(80, 80)
	s.Capex, s.CapexP = pos(40, 30), pos(40, 30)
	s.FCF, s.FCFP = make([]float64, n), make([]float64, n)
	for i := range s.FCF {
		s.FCF[i] = s.OCF[i] - s.Capex[i]
		s.FCFP[i] = s.OCFP[i] - s.CapexP[i]
	}
	s.Assets, s.AssetsP = pos(3000, 2000), pos(2900, 2000)
	s.Equity, s.EquityP = col(1000, 900), col(950, 900)
	s.Debt, s.Cash = pos(600, 500), pos(300, 250)
	s.Mom12_1, s.Mom6_1, s.Trend = col(0.08, 0.35), col(0.04, 0.2), pos(1, 0.15)
	for _, c := range []*[]int32{&s.IncEnd, &s.IncPub, &s.BalEnd, &s.BalPub, &s.CFEnd, &s.CFPub} {
		*c = make([]int32, n)
	}
	for _, c := range []*[]int8{&s.IncSrc, &s.BalSrc, &s.CFSrc} {
		*c = make([]int8, n)
	}
	s.Fwd12, s.FwdLast = col(0.1, 0.4), col(0.1, 0.4)
	return s
}
