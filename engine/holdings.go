package engine

import (
	"cmp"
	"fmt"
	"math"
	"slices"
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
	// Shared is the fund whose holdings stand for this one because both
	// track the same index (IWM for VTWO), "" for the fund's own.
	Shared string
	Note   string
	// ZeroWeight counts the names the holdings file lists at a weight that
	// rounds to 0.00%: held, but with no weight to aggregate (W = 0).
	ZeroWeight int
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
// current snapshot: the two holdings files (IWM, IJR), the two modelled
// Russell 2000 style halves (VTWG, VTWV), then the funds tracking the
// same index as one of those four, which share its holdings
// (HoldingsSource). Sources come first, so a caller can build each once.
var HoldingsFunds = []string{"IWM", "IJR", "VTWG", "VTWV", "VTWO", "IWO", "IWN", "VIOO", "SPSM"}

// HoldingsSource is the fund whose holdings stand for ticker and the
// index both track: IWM for the Russell 2000 (IWM, VTWO), IJR for the
// S&P SmallCap 600 (IJR, VIOO, SPSM), the modelled VTWG for the Russell
// 2000 Growth (VTWG, IWO) and VTWV for the Russell 2000 Value (VTWV,
// IWN); "", "" for other funds.
func HoldingsSource(ticker string) (src, index string) {
	switch strings.ToUpper(ticker) {
	case "IWM", "VTWO":
		return "IWM", "Russell 2000"
	case "IJR", "VIOO", "SPSM":
		return "IJR", "S&P SmallCap 600"
	case "VTWG", "IWO":
		return "VTWG", "Russell 2000 Growth"
	case "VTWV", "IWN":
		return "VTWV", "Russell 2000 Value"
	}
	return "", ""
}

// SharedPortfolio is src's portfolio standing for ticker, a fund tracking
// the same index (HoldingsSource): the same weights (shared, read-only),
// Shared set to src's ticker and a note saying so.
func SharedPortfolio(src Portfolio, ticker string) Portfolio {
	t := strings.ToUpper(ticker)
	if t == src.Ticker {
		return src
	}
	_, index := HoldingsSource(t)
	p := src
	p.Ticker, p.Shared = t, src.Ticker
	p.Note = t + " tracks the " + index + " like " + src.Ticker + ": " + src.Ticker + "'s holdings stand in"
	if src.Modelled {
		p.Note = t + " tracks the " + index + " like " + src.Ticker + ": the same modelled holdings. " + src.Note
	}
	return p
}

// FundPortfolio builds the holdings-based portfolio of a fund from a
// current snapshot: IWM and IJR from their weight columns; VTWG and VTWV
// modelled from IWM by StyleSplit; the other funds of HoldingsFunds as the
// fund tracking the same index (SharedPortfolio). Other funds have no
// holdings in the data: an error.
func FundPortfolio(s *Snapshot, ticker string) (Portfolio, error) {
	t := strings.ToUpper(ticker)
	src, _ := HoldingsSource(t)
	switch {
	case src == "":
		return Portfolio{}, fmt.Errorf("%s: no holdings in the data (holdings-based funds: %s)", t, strings.Join(HoldingsFunds, ", "))
	case src != t:
		p, err := FundPortfolio(s, src)
		if err != nil {
			return Portfolio{}, err
		}
		return SharedPortfolio(p, t), nil
	case t == "IWM" || t == "IJR":
		col := s.IWM
		if t == "IJR" {
			col = s.IJR
		}
		p := Portfolio{Ticker: t, W: make([]float64, s.N)}
		for i, w := range col {
			if w > 0 {
				p.W[i] = w
			} else if w == 0 {
				p.ZeroWeight++ // listed at 0.00% (NaN = not held)
			}
		}
		if p.Total() == 0 {
			return p, fmt.Errorf("%s: the %s snapshot has no %s weights", t, s.Kind, t)
		}
		return p, nil
	}
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

// HoldingsStats are look-through aggregates of a portfolio: the fund is
// treated as one company owning wᵢ/mcapᵢ of each holding. The headline
// valuation figures follow the convention of fund fact sheets (iShares,
// Vanguard, SPDR): harmonic means over the holdings with positive
// earnings or positive book, each with the share of weight it covers.
type HoldingsStats struct {
	// Holdings is the number of snapshot names held; Weight their total
	// weight as given (e.g. 97.5 when 2.5% of IWM is cash or unmatched).
	Holdings int
	Weight   float64

	// PEProfitable is the fund-page P/E: the weighted harmonic mean over
	// the profitable holdings, Σwᵢ / Σwᵢ·(Eᵢ/Pᵢ) over Eᵢ > 0 (E = TTM net
	// income, P = market cap); PEProfitableCover is Σwᵢ over those
	// holdings / the portfolio weight (0..1). NaN without profitable names.
	PEProfitable, PEProfitableCover float64
	// PBPositive is the fund-page P/B: Σwᵢ / Σwᵢ·(Bᵢ/Pᵢ) over the holdings
	// with positive book equity Bᵢ > 0; PBPositiveCover its share of weight.
	PBPositive, PBPositiveCover float64
	// PE is the loss-inclusive aggregate P/E Σwᵢ / Σwᵢ·(Eᵢ/Pᵢ) over all
	// holdings with earnings known = aggregate market cap over aggregate
	// earnings (losses lower the denominator); NaN when aggregate earnings
	// ≤ 0. EarningsYield is its inverse Σwᵢ·(Eᵢ/Pᵢ)/Σwᵢ, defined even then.
	PE, EarningsYield float64
	// PB = Σwᵢ / Σwᵢ·(Bᵢ/Pᵢ) over all holdings with book known, negative
	// book counted (kept for comparison; PBPositive is the headline).
	PB float64
	// MedianMcap is the weight-weighted median market cap (USD millions):
	// holdings sorted by market cap, the cap of the holding at which the
	// cumulative weight first reaches half the weight with a known cap
	// (the "weighted median market cap" of Vanguard's and iShares' pages,
	// not the median company). MedianMcapCover is that weight's share.
	MedianMcap, MedianMcapCover float64
	// FCFYield = Σwᵢ·(FCFᵢ/Pᵢ) / Σwᵢ.
	FCFYield float64
	// LossCount and LossWeight are the shares (0..1) of names and of weight
	// with TTM net income < 0, among names with net income known.
	LossCount, LossWeight float64
	// DebtToAssets = Σ(wᵢ/mcapᵢ)·Debtᵢ / Σ(wᵢ/mcapᵢ)·Assetsᵢ (owned debt
	// over owned assets).
	DebtToAssets float64
	// ROEWeighted is the fund-page ROE: the weighted average of the
	// holdings' own ROE, Σwᵢ·ROEᵢ / Σwᵢ with ROEᵢ = NIᵢ / Ēᵢ, over the
	// holdings with positive average equity Ēᵢ (loss-makers counted with
	// their negative ROE; negative-equity names, whose ROE has no meaning,
	// left out). Ē is the average of equity now and a year earlier (latest
	// equity where the earlier one is missing). ROEWeightedCover is the
	// share of weight used.
	ROEWeighted, ROEWeightedCover float64
	// ROE is the aggregate ROE Σ(wᵢ/mcapᵢ)·NIᵢ / Σ(wᵢ/mcapᵢ)·Ēᵢ (owned
	// earnings over owned equity, all equity signs); NaN when owned
	// equity ≤ 0.
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

// ComputeHoldingsStats aggregates a portfolio over snapshot s; the
// definitions are those of HoldingsStats' fields.
func ComputeHoldingsStats(s *Snapshot, p Portfolio) HoldingsStats {
	var (
		tot                       float64
		ey, eyW, bp, bpW, fy, fyW float64
		eyPos, eyPosW             float64
		bpPos, bpPosW             float64
		lossN, niN, lossW, niW    float64
		debt, assets, levW        float64
		ni, eq, roeW, stmtW       float64
		roeSum, roeSumW           float64
	)
	var caps []wcap
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
		if !(mcap > 0) || math.IsInf(mcap, 1) {
			continue
		}
		caps = append(caps, wcap{mcap, w})
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
			if s.Equity[i] > 0 {
				bpPos += w * s.Equity[i] / mcap
				bpPosW += w
			}
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
			if e > 0 {
				roeSum += w * s.NI[i] / e
				roeSumW += w
			}
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
	st.PBPositive = math.NaN()
	if bpPos > 0 {
		st.PBPositive = bpPosW / bpPos
	}
	st.MedianMcap, st.MedianMcapCover = weightedMedianCap(caps), math.NaN()
	capW := 0.0
	for _, c := range caps {
		capW += c.w
	}
	st.MedianMcapCover = div(capW, tot)
	st.FCFYield = div(fy, fyW)
	st.LossCount = div(lossN, niN)
	st.LossWeight = div(lossW, niW)
	st.DebtToAssets = div(debt, assets)
	st.ROE = math.NaN()
	if eq > 0 {
		st.ROE = ni / eq
	}
	st.ROEWeighted = div(roeSum, roeSumW)
	st.EarningsCover, st.BookCover, st.FCFCover = div(eyW, tot), div(bpW, tot), div(fyW, tot)
	st.PEProfitableCover, st.PBPositiveCover, st.ROEWeightedCover = div(eyPosW, tot), div(bpPosW, tot), div(roeSumW, tot)
	st.LeverageCover, st.ROECover, st.StatementCover = div(levW, tot), div(roeW, tot), div(stmtW, tot)
	for k := range st.Sector {
		st.Sector[k] = div(st.Sector[k], tot)
	}
	return st
}

// wcap is one holding's market cap and weight.
type wcap struct{ mcap, w float64 }

// weightedMedianCap is the weight-weighted median market cap: sorted by
// cap, the cap at which the cumulative weight first reaches half the
// total (NaN for none).
func weightedMedianCap(caps []wcap) float64 {
	if len(caps) == 0 {
		return math.NaN()
	}
	slices.SortFunc(caps, func(a, b wcap) int { return cmp.Compare(a.mcap, b.mcap) })
	tot := 0.0
	for _, c := range caps {
		tot += c.w
	}
	cum := 0.0
	for _, c := range caps {
		cum += c.w
		if cum >= tot/2 {
			return c.mcap
		}
	}
	return caps[len(caps)-1].mcap
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
