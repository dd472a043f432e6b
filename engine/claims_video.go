package engine

import (
	"errors"
	"math"
)

// Claims A1–A9: the brokerage video of early January 2026.

// earlyJan2026 is the window the video's "recently" and "year to date"
// are read in: its exact date is not given, so the first weeks of January
// 2026 (to Friday, January 16) are searched day by day.
var earlyJan2026From, earlyJan2026To = mustDay("2026-01-02"), mustDay("2026-01-16")

// yearEnd2025 is the base of every 2026 year-to-date return: the last
// close of 2025.
var yearEnd2025 = mustDay("2025-12-31")

// A1: year to date IWM +6.76%, S&P 500 +1.38%, Nasdaq +1.18%. Each
// trading day of early January is tried; the values are those of the day
// whose three returns together come nearest (smallest Σ|v − c|), since
// the video's date is unknown. The verdict is that day's worst part.
func claimA1(in ClaimInputs) ClaimCard {
	c := ClaimCard{Article: ArticleBrokerVideo, Why: "a1_date_unknown"}
	if err := in.need(true, false, false, false); err != nil {
		return failed(c.Article, err)
	}
	claimed := []float64{0.0676, 0.0138, 0.0118}
	keys := []string{"iwm_ytd_return", "spy_ytd_return", "qqq_ytd_return"}
	targets := []string{"russell2000_ytd", "sp500_ytd", "nasdaq_ytd"}
	best, bestDist := []PeriodReturn(nil), math.Inf(1)
	c.Chart = &ClaimChart{Kind: "bars"}
	for _, d := range in.Daily.Days {
		if d < earlyJan2026From || d > earlyJan2026To {
			continue
		}
		rs, err := in.Daily.returns(yearEnd2025, d, "IWM", "SPY", "QQQ")
		if err != nil || rs[0].ToUsed != d {
			continue
		}
		dist := 0.0
		for k, r := range rs {
			dist += math.Abs(r.Return - claimed[k])
		}
		c.Chart.Points = append(c.Chart.Points, ChartPoint{Day: d, Value: rs[0].Return, Ref: math.NaN()})
		if dist < bestDist {
			best, bestDist = rs, dist
		}
	}
	if best == nil {
		return failed(c.Article, errors.New("no common closes of IWM, SPY and QQQ in early January 2026"))
	}
	for k, r := range best {
		c.Values = append(c.Values, retValue(keys[k], targets[k], claimed[k], r, false))
	}
	for i := range c.Chart.Points {
		c.Chart.Points[i].Mark = c.Chart.Points[i].Day == best[0].ToUsed
	}
	c.Verdict = primaryVerdicts(c.Values, judgeByUnit)
	return c
}

// A2: small caps carry about twice the leverage of large caps. Primary:
// aggregate debt/EBITDA (Σdebt/ΣEBITDA over EBITDA > 0) of the IWM
// holdings over that of the Russell 1000, both without Financials.
// Variants: medians, net debt, debt/assets, with Financials, the S&P 500.
func claimA2(in ClaimInputs) ClaimCard {
	c := ClaimCard{Article: ArticleBrokerVideo, Why: "a2_ebitda"}
	if err := in.need(false, true, true, false); err != nil {
		return failed(c.Article, err)
	}
	lev := func(s *Snapshot, g []bool) LeverageStats {
		return GroupLeverage(g, s.Debt, s.Cash, s.Assets, s.OpInc, s.DA)
	}
	sm, smF := lev(in.Small, groupIWM(in.Small, true)), lev(in.Small, groupIWM(in.Small, false))
	r1, r1F := lev(in.Large, groupFlag(in.Large, in.Large.R1000, true)), lev(in.Large, groupFlag(in.Large, in.Large.R1000, false))
	sp := lev(in.Large, groupFlag(in.Large, in.Large.SP500, true))
	const target = "leverage_small_over_large"
	ratio := func(key string, a, b float64) ClaimValue {
		v := snapValue(key, target, 2, a/b, UnitRatio, in.Large)
		v.Source = "current.json, largecap.json"
		return v
	}
	c.Values = []ClaimValue{
		ratio("debt_ebitda_agg_exfin_iwm_over_r1000", sm.DebtEBITDA, r1.DebtEBITDA),
		ratio("debt_ebitda_median_exfin_iwm_over_r1000", sm.DebtEBITDAMedian, r1.DebtEBITDAMedian),
		ratio("net_debt_ebitda_agg_exfin_iwm_over_r1000", sm.NetDebtEBITDA, r1.NetDebtEBITDA),
		ratio("net_debt_ebitda_median_exfin_iwm_over_r1000", sm.NetDebtEBITDAMedian, r1.NetDebtEBITDAMedian),
		ratio("debt_ebitda_agg_incl_losses_exfin_iwm_over_r1000", sm.DebtEBITDAAll, r1.DebtEBITDAAll),
		ratio("debt_assets_agg_exfin_iwm_over_r1000", sm.DebtAssets, r1.DebtAssets),
		ratio("debt_assets_median_exfin_iwm_over_r1000", sm.DebtAssetsMedian, r1.DebtAssetsMedian),
		ratio("debt_ebitda_agg_withfin_iwm_over_r1000", smF.DebtEBITDA, r1F.DebtEBITDA),
		ratio("debt_assets_agg_withfin_iwm_over_r1000", smF.DebtAssets, r1F.DebtAssets),
		ratio("debt_ebitda_agg_exfin_iwm_over_sp500", sm.DebtEBITDA, sp.DebtEBITDA),
		snapValue("debt_ebitda_agg_exfin_iwm", "", math.NaN(), sm.DebtEBITDA, UnitRatio, in.Small),
		snapValue("debt_ebitda_agg_exfin_r1000", "", math.NaN(), r1.DebtEBITDA, UnitRatio, in.Large),
		snapValue("companies_with_ebitda_exfin_iwm", "", math.NaN(), float64(sm.Positive), UnitCount, in.Small),
		snapValue("companies_with_ebitda_exfin_r1000", "", math.NaN(), float64(r1.Positive), UnitCount, in.Large),
	}
	c.Chart = &ClaimChart{Kind: "pairs", Pairs: []ChartPair{
		{"debt_ebitda_agg_exfin", sm.DebtEBITDA, r1.DebtEBITDA},
		{"net_debt_ebitda_agg_exfin", sm.NetDebtEBITDA, r1.NetDebtEBITDA},
		{"debt_ebitda_median_exfin", sm.DebtEBITDAMedian, r1.DebtEBITDAMedian},
	}}
	c.Verdict = primaryVerdicts(c.Values, judgeByUnit)
	return c
}

// A3: floating-rate shares of debt. The statements do not split fixed
// from floating debt.
func claimA3(ClaimInputs) ClaimCard { return cannot(ArticleBrokerVideo, "a3_no_floating") }

// streakCard is a "beat N days in a row" claim: the longest run in
// [from, to] of A beating each of bs (the first the primary).
func streakCard(in ClaimInputs, article, why string, claimed float64, from, to Day, a string, bs ...string) ClaimCard {
	c := ClaimCard{Article: article, Why: why}
	if err := in.need(true, false, false, false); err != nil {
		return failed(c.Article, err)
	}
	for k, b := range bs {
		diffs, err := in.Daily.DailyDiffs(a, b, from, to)
		if err != nil {
			return failed(c.Article, err)
		}
		st := LongestStreak(diffs)
		c.Values = append(c.Values, ClaimValue{Key: "longest_run_" + lower(a) + "_beat_" + lower(b), Value: float64(st.Days), Unit: UnitDays,
			Target: "days_in_a_row", Claimed: claimed, From: st.From.String(), To: st.To.String(), Source: "daily.json (prices/" + a + ".csv, prices/" + b + ".csv)"})
		if k == 0 {
			c.Chart = &ClaimChart{Kind: "bars"}
			for _, d := range diffs {
				c.Chart.Points = append(c.Chart.Points, ChartPoint{Day: d.Day, Value: d.Diff, Ref: math.NaN(), Mark: st.Days > 0 && d.Day >= st.From && d.Day <= st.To})
			}
		}
	}
	c.Verdict = primaryVerdicts(c.Values, judgeByUnit)
	return c
}

func lower(s string) string {
	b := []byte(s)
	for i, x := range b {
		if x >= 'A' && x <= 'Z' {
			b[i] = x + 'a' - 'A'
		}
	}
	return string(b)
}

// A4: small caps beat large caps ten days in a row "recently": the
// longest run of IWM beating IWB (primary) and SPY from December 1, 2025
// to mid-January 2026.
func claimA4(in ClaimInputs) ClaimCard {
	return streakCard(in, ArticleBrokerVideo, "a4_window", 10, mustDay("2025-12-01"), earlyJan2026To, "IWM", "IWB", "SPY")
}

// peValues are the P/E of the small and the large group and the discount
// 1 − small/large under each definition (the first the primary), then
// each group's share of profitable companies for context.
func peValues(small, large *Snapshot, gSmall, gLarge []bool, largeName string, claimSmall, claimLarge, claimDiscount float64) []ClaimValue {
	ps, pl := capPE(small, gSmall), capPE(large, gLarge)
	defs := []struct {
		key  string
		s, l float64
	}{
		{"harmonic_profitable", ps.Harmonic, pl.Harmonic},
		{"harmonic_incl_losses", ps.HarmonicAll, pl.HarmonicAll},
		{"median_profitable", ps.Median, pl.Median},
	}
	var out []ClaimValue
	for _, d := range defs {
		out = append(out, snapValue("pe_"+d.key+"_iwm", "pe_small", claimSmall, d.s, UnitRatio, small))
	}
	for _, d := range defs {
		out = append(out, snapValue("pe_"+d.key+"_"+largeName, "pe_large", claimLarge, d.l, UnitRatio, large))
	}
	for _, d := range defs {
		v := snapValue("discount_"+d.key+"_iwm_vs_"+largeName, "discount", claimDiscount, 1-d.s/d.l, UnitPct, large)
		v.Source = "current.json, largecap.json"
		out = append(out, v)
	}
	return append(out, snapValue("profitable_share_iwm", "", math.NaN(), float64(ps.Profitable)/math.Max(1, float64(ps.Priced)), UnitPct, small),
		snapValue("profitable_share_"+largeName, "", math.NaN(), float64(pl.Profitable)/math.Max(1, float64(pl.Priced)), UnitPct, large))
}

// A5: P/E 19.6 (Russell 2000) against 29.9 (Russell 1000), a 34%
// discount. Primary: cap-weighted harmonic P/E over profitable companies
// on the snapshot date (the data has one date, not a year's average).
func claimA5(in ClaimInputs) ClaimCard {
	c := ClaimCard{Article: ArticleBrokerVideo, Why: "pe_one_date"}
	if err := in.need(false, true, true, false); err != nil {
		return failed(c.Article, err)
	}
	gs, gl := groupIWM(in.Small, false), groupFlag(in.Large, in.Large.R1000, false)
	c.Values = peValues(in.Small, in.Large, gs, gl, "r1000", 19.6, 29.9, 0.34)
	c.Chart = peCharts(in.Small, in.Large, gs, gl)
	c.Verdict = primaryVerdicts(c.Values, func(v ClaimValue) Verdict {
		if v.Unit == UnitPct {
			return Judge(v.Value, v.Claimed, 0) // a discount is a ratio, not a return
		}
		return judgeByUnit(v)
	})
	return c
}

// peCharts pairs the three P/E definitions, small against large.
func peCharts(small, large *Snapshot, gs, gl []bool) *ClaimChart {
	ps, pl := capPE(small, gs), capPE(large, gl)
	return &ClaimChart{Kind: "pairs", Pairs: []ChartPair{
		{"pe_harmonic_profitable", ps.Harmonic, pl.Harmonic},
		{"pe_harmonic_incl_losses", ps.HarmonicAll, pl.HarmonicAll},
		{"pe_median_profitable", ps.Median, pl.Median},
	}}
}

// ratioHighCard is "A against B is at a `months` high": whether the
// ratio A/B made a new high of its trailing window on any day of [from,
// to], with the chart of the ratio over the window before to.
func ratioHighCard(in ClaimInputs, why string, months int, a, b string) ClaimCard {
	c := ClaimCard{Article: ArticleBrokerVideo, Why: why}
	if err := in.need(true, false, false, false); err != nil {
		return failed(c.Article, err)
	}
	from, to := mustDay("2025-12-01"), earlyJan2026To
	chartFrom := DayOf(to.Time().AddDate(0, -months, 0))
	pts, err := in.Daily.RatioHighs(a, b, months, chartFrom, to)
	if err != nil || len(pts) == 0 {
		if err == nil {
			err = errors.New("no common closes of " + a + " and " + b + " before " + to.String())
		}
		return failed(c.Article, err)
	}
	c.Chart = &ClaimChart{Kind: "ratio"}
	highs, lastHigh := 0, Day(0)
	for _, p := range pts {
		c.Chart.Points = append(c.Chart.Points, ChartPoint{Day: p.Day, Value: p.Ratio, Ref: p.PriorHigh, Mark: p.High})
		if p.Day >= from && p.High {
			highs++
			lastHigh = p.Day
		}
	}
	last := pts[len(pts)-1]
	src := "daily.json (prices/" + a + ".csv, prices/" + b + ".csv)"
	key := lower(a) + "_over_" + lower(b)
	yes := 0.0
	if highs > 0 {
		yes = 1
	}
	c.Values = []ClaimValue{
		{Key: key + "_new_high_in_window", Value: yes, Unit: UnitYesNo, Target: "new_high", Claimed: 1, From: from.String(), To: to.String(), Source: src},
		{Key: key + "_days_at_new_high", Value: float64(highs), Unit: UnitDays, Claimed: math.NaN(), From: from.String(), To: to.String(), Source: src},
		{Key: key + "_last_vs_prior_high", Value: last.Ratio/last.PriorHigh - 1, Unit: UnitPct, Claimed: math.NaN(), To: last.Day.String(), Source: src},
	}
	if lastHigh != 0 {
		c.Values[1].To = lastHigh.String()
	}
	c.Verdict = JudgeYes(highs > 0)
	return c
}

// A6: IWM against IWB made a 52-week high.
func claimA6(in ClaimInputs) ClaimCard { return ratioHighCard(in, "ratio_window", 12, "IWM", "IWB") }

// A7: the Russell 2000 against the Nasdaq-100 is at an 8-month high.
func claimA7(in ClaimInputs) ClaimCard { return ratioHighCard(in, "ratio_window", 8, "IWM", "QQQ") }

// A8: low-quality small caps beat the top quality quintile in 2025: the
// History view's quintile spreads answer it, not this view's data.
func claimA8(ClaimInputs) ClaimCard { return cannot(ArticleBrokerVideo, "a8_history") }

// A9: twenty years of factor returns; the data has six yearly windows.
func claimA9(ClaimInputs) ClaimCard { return cannot(ArticleBrokerVideo, "a9_twenty_years") }
