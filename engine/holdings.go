package engine

import (
	"fmt"
	"math"
	"strings"
)

// Holdings-based fund aggregates: a fund is a weight vector over the rows
// of a snapshot. Only the weights of names present in the snapshot count;
// non-equity lines (cash, futures) and names the snapshot lacks are left
// out, and each aggregate reports the share of weight it could use.

// Portfolio is a set of non-negative weights over snapshot rows (any
// scale; 0 or NaN = not held).
type Portfolio struct {
	Ticker string
	W      []float64
	// Modelled is set for portfolios built by rule (VTWG/VTWV from IWM)
	// rather than read from a holdings file.
	Modelled bool
	Note     string
}

// weight is W[i] with NaN, negative and infinite values read as 0.
func (p Portfolio) weight(i int) float64 {
	w := p.W[i]
	if w > 0 && !math.IsInf(w, 1) {
		return w
	}
	return 0
}

// Total is Σ wᵢ over the snapshot rows.
func (p Portfolio) Total() float64 {
	t := 0.0
	for i := range p.W {
		t += p.weight(i)
	}
	return t
}

// HoldingsFunds are the funds whose weights the engine can form from a
// current snapshot: the two holdings files, VTWO (same index as IWM) and
// the two modelled Russell 2000 style funds.
var HoldingsFunds = []string{"IWM", "IJR", "VTWO", "VTWG", "VTWV"}

// FundPortfolio builds the holdings-based portfolio of a fund from a
// current snapshot: IWM and IJR from their weight columns; VTWO from IWM's
// weights (both track the Russell 2000); VTWG and VTWV modelled from IWM by
// StyleSplit. Other funds have no holdings in the data: an error.
func FundPortfolio(s *Snapshot, ticker string) (Portfolio, error) {
	t := strings.ToUpper(ticker)
	switch t {
	case "IWM", "IJR", "VTWO":
		col, src := s.IWM, "IWM"
		if t == "IJR" {
			col, src = s.IJR, "IJR"
		}
		p := Portfolio{Ticker: t, W: make([]float64, s.N)}
		for i, w := range col {
			if w > 0 {
				p.W[i] = w
			}
		}
		if p.Total() == 0 {
			return p, fmt.Errorf("%s: the %s snapshot has no %s weights", t, s.Kind, src)
		}
		if t == "VTWO" {
			p.Note = "VTWO tracks the Russell 2000 like IWM: IWM's holdings stand in"
		}
		return p, nil
	case "VTWG", "VTWV":
		iwm, err := FundPortfolio(s, "IWM")
		if err != nil {
			return Portfolio{}, err
		}
		st := StyleSplit(s, iwm.W)
		if t == "VTWG" {
			return Portfolio{Ticker: t, W: st.Growth, Modelled: true, Note: StyleNote}, nil
		}
		return Portfolio{Ticker: t, W: st.Value, Modelled: true, Note: StyleNote}, nil
	}
	return Portfolio{}, fmt.Errorf("%s: no holdings in the data (holdings-based funds: %s)", t, strings.Join(HoldingsFunds, ", "))
}

// HoldingsStats are look-through aggregates of a portfolio: the fund is
// treated as one company owning wᵢ/mcapᵢ of each holding.
type HoldingsStats struct {
	// Holdings is the number of snapshot names held; Weight their total
	// weight as given (e.g. 97.5 when 2.5% of IWM is cash or unmatched).
	Holdings int
	Weight   float64

	// PE is the weighted-harmonic P/E Σwᵢ / Σwᵢ·(Eᵢ/Pᵢ) = aggregate market
	// cap over aggregate earnings, loss-makers counted (their negative
	// earnings lower the denominator); NaN when aggregate earnings ≤ 0.
	// EarningsYield is its inverse Σwᵢ·(Eᵢ/Pᵢ)/Σwᵢ, defined even then.
	PE, EarningsYield float64
	// PEProfitable is the same harmonic P/E over the profitable names only
	// (E > 0), the convention of most published index P/Es; shown next to
	// PE so the effect of counting losses is visible.
	PEProfitable float64
	// PB = Σwᵢ / Σwᵢ·(Bᵢ/Pᵢ), book = total equity (negative book counted).
	PB float64
	// FCFYield = Σwᵢ·(FCFᵢ/Pᵢ) / Σwᵢ.
	FCFYield float64
	// LossCount and LossWeight are the shares (0..1) of names and of weight
	// with TTM net income < 0, among names with net income known.
	LossCount, LossWeight float64
	// DebtToAssets = Σ(wᵢ/mcapᵢ)·Debtᵢ / Σ(wᵢ/mcapᵢ)·Assetsᵢ (owned debt
	// over owned assets).
	DebtToAssets float64
	// ROE = Σ(wᵢ/mcapᵢ)·NIᵢ / Σ(wᵢ/mcapᵢ)·Ēᵢ with Ē the average of equity
	// now and a year earlier (latest equity where the earlier one is
	// missing); NaN when owned equity ≤ 0.
	ROE float64
	// EarningsCover, BookCover, FCFCover, LeverageCover and ROECover are
	// the shares (0..1) of the portfolio weight each aggregate could use.
	EarningsCover, BookCover, FCFCover, LeverageCover, ROECover float64
	// StatementCover is the share of weight with income statement (net
	// income, revenue) and balance sheet (assets, equity) all present.
	StatementCover float64
	// Sector[k] is the share (0..1) of weight in Snapshot.Sectors[k].
	Sector []float64
}

// ComputeHoldingsStats aggregates a portfolio over snapshot s.
func ComputeHoldingsStats(s *Snapshot, p Portfolio) HoldingsStats {
	var (
		tot                       float64
		ey, eyW, bp, bpW, fy, fyW float64
		eyPos, eyPosW             float64
		lossN, niN, lossW, niW    float64
		debt, assets, levW        float64
		ni, eq, roeW, stmtW       float64
	)
	st := HoldingsStats{Sector: make([]float64, len(s.Sectors))}
	for i := 0; i < s.N && i < len(p.W); i++ {
		w := p.weight(i)
		if w == 0 {
			continue
		}
		st.Holdings++
		tot += w
		if int(s.Sector[i]) < len(st.Sector) {
			st.Sector[s.Sector[i]] += w
		}
		mcap := s.Mcap[i]
		if !(mcap > 0) {
			continue
		}
		if !math.IsNaN(s.NI[i]) {
			ey += w * s.NI[i] / mcap
			eyW += w
			niN++
			niW += w
			if s.NI[i] < 0 {
				lossN++
				lossW += w
			} else if s.NI[i] > 0 {
				eyPos += w * s.NI[i] / mcap
				eyPosW += w
			}
		}
		if !math.IsNaN(s.Equity[i]) {
			bp += w * s.Equity[i] / mcap
			bpW += w
		}
		if !math.IsNaN(s.FCF[i]) {
			fy += w * s.FCF[i] / mcap
			fyW += w
		}
		own := w / mcap
		if !math.IsNaN(s.Debt[i]) && s.Assets[i] > 0 {
			debt += own * s.Debt[i]
			assets += own * s.Assets[i]
			levW += w
		}
		if e := averageEquity(s.Equity[i], s.EquityP[i]); !math.IsNaN(s.NI[i]) && !math.IsNaN(e) {
			ni += own * s.NI[i]
			eq += own * e
			roeW += w
		}
		if !math.IsNaN(s.NI[i]) && !math.IsNaN(s.Rev[i]) && !math.IsNaN(s.Assets[i]) && !math.IsNaN(s.Equity[i]) {
			stmtW += w
		}
	}
	st.Weight = tot
	div := func(a, b float64) float64 {
		if b == 0 {
			return math.NaN()
		}
		return a / b
	}
	st.EarningsYield = div(ey, eyW)
	st.PE = math.NaN()
	if ey > 0 {
		st.PE = eyW / ey
	}
	st.PEProfitable = math.NaN()
	if eyPos > 0 {
		st.PEProfitable = eyPosW / eyPos
	}
	st.PB = math.NaN()
	if bp > 0 {
		st.PB = bpW / bp
	}
	st.FCFYield = div(fy, fyW)
	st.LossCount = div(lossN, niN)
	st.LossWeight = div(lossW, niW)
	st.DebtToAssets = div(debt, assets)
	st.ROE = math.NaN()
	if eq > 0 {
		st.ROE = ni / eq
	}
	st.EarningsCover, st.BookCover, st.FCFCover = div(eyW, tot), div(bpW, tot), div(fyW, tot)
	st.LeverageCover, st.ROECover, st.StatementCover = div(levW, tot), div(roeW, tot), div(stmtW, tot)
	for k := range st.Sector {
		st.Sector[k] = div(st.Sector[k], tot)
	}
	return st
}

func averageEquity(now, before float64) float64 {
	if math.IsNaN(before) {
		return now
	}
	if math.IsNaN(now) {
		return math.NaN()
	}
	return (now + before) / 2
}

// FactorProfile is a portfolio's weighted-average factor and composite
// percentiles in a Screen (after Score).
type FactorProfile struct {
	// Factor[k] = Σwⱼ·pctₖⱼ / Σwⱼ over held members with factor k present.
	Factor [NumFactors]float64
	// Composite is the weighted mean of CompositePct.
	Composite float64
	// InScreen is the share (0..1) of the portfolio weight that is in the
	// screen's universe at all.
	InScreen float64
}

// PortfolioFactorProfile averages the screen's percentiles under the
// portfolio weights; moving a weight slider (Score) moves Composite.
func PortfolioFactorProfile(sc *Screen, p Portfolio) FactorProfile {
	var num, den [NumFactors]float64
	var cn, cd, in float64
	for j, row := range sc.Members {
		if int(row) >= len(p.W) {
			continue
		}
		w := p.weight(int(row))
		if w == 0 {
			continue
		}
		in += w
		for f := 0; f < NumFactors; f++ {
			if v := sc.FactorPct[f][j]; !math.IsNaN(v) {
				num[f] += w * v
				den[f] += w
			}
		}
		if j < len(sc.CompositePct) {
			if v := sc.CompositePct[j]; !math.IsNaN(v) {
				cn += w * v
				cd += w
			}
		}
	}
	var fp FactorProfile
	for f := range fp.Factor {
		fp.Factor[f] = math.NaN()
		if den[f] > 0 {
			fp.Factor[f] = num[f] / den[f]
		}
	}
	fp.Composite = math.NaN()
	if cd > 0 {
		fp.Composite = cn / cd
	}
	fp.InScreen = math.NaN()
	if t := p.Total(); t > 0 {
		fp.InScreen = in / t
	}
	return fp
}

// Overlap is Σᵢ min(aᵢ, bᵢ) in percent, with each portfolio first
// normalised to 100% over the snapshot names it holds: 100 = identical,
// 0 = nothing in common. NaN when either portfolio is empty.
func Overlap(a, b Portfolio) float64 {
	ta, tb := a.Total(), b.Total()
	if ta == 0 || tb == 0 {
		return math.NaN()
	}
	o := 0.0
	for i := 0; i < len(a.W) && i < len(b.W); i++ {
		o += math.Min(a.weight(i)/ta, b.weight(i)/tb)
	}
	return 100 * o
}
