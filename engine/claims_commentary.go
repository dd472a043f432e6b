package engine

import (
	"errors"
	"math"
)

// Claims C1–C4 (US commentary, January 2026) and D1–D3 (US commentary,
// October 2025).

// C1: IWM at a P/E of 19.5, more than a third below the large-cap
// benchmark; about +50% would close the gap. Benchmark: the S&P 500
// (primary) and the Russell 1000. "+50% to close" is large/small − 1.
func claimC1(in ClaimInputs) ClaimCard {
	c := ClaimCard{Article: ArticleUSJan, Why: "pe_one_date"}
	if err := in.need(false, true, true, false); err != nil {
		return failed(c.Article, err)
	}
	gs := groupIWM(in.Small, false)
	ps := capPE(in.Small, gs)
	c.Values = []ClaimValue{
		snapValue("pe_harmonic_profitable_iwm", "pe_small", 19.5, ps.Harmonic, UnitRatio, in.Small),
		snapValue("pe_harmonic_incl_losses_iwm", "pe_small", 19.5, ps.HarmonicAll, UnitRatio, in.Small),
		snapValue("pe_median_profitable_iwm", "pe_small", 19.5, ps.Median, UnitRatio, in.Small),
	}
	var gap []ClaimValue
	for _, lg := range []struct {
		name string
		flag []bool
	}{{"sp500", in.Large.SP500}, {"r1000", in.Large.R1000}} {
		pl := capPE(in.Large, groupFlag(in.Large, lg.flag, false))
		for _, d := range []struct {
			key  string
			s, l float64
		}{{"harmonic_profitable", ps.Harmonic, pl.Harmonic}, {"median_profitable", ps.Median, pl.Median}} {
			v := snapValue("discount_"+d.key+"_iwm_vs_"+lg.name, "discount_at_least_a_third", 1.0/3, 1-d.s/d.l, UnitPct, in.Large)
			v.Source = "current.json, largecap.json"
			c.Values = append(c.Values, v)
			u := v
			u.Key, u.Target, u.Claimed, u.Value = "rise_to_close_"+d.key+"_iwm_vs_"+lg.name, "rise_to_close_gap", 0.5, d.l/d.s-1
			gap = append(gap, u)
		}
	}
	c.Values = append(c.Values, gap...)
	c.Chart = peCharts(in.Small, in.Large, gs, groupFlag(in.Large, in.Large.SP500, false))
	c.Verdict = primaryVerdicts(c.Values, func(v ClaimValue) Verdict {
		switch v.Target {
		case "discount_at_least_a_third":
			return JudgeAtLeast(v.Value, v.Claimed)
		case "rise_to_close_gap":
			return Judge(v.Value, v.Claimed, 0)
		}
		return judgeByUnit(v)
	})
	return c
}

// C2: the S&P 500 rose 75% over three years and trades at a P/E of about
// 28. Return: SPY over the three calendar years to the end of 2025
// (primary) and to mid-January 2026; P/E: the S&P 500 (IVV holdings).
func claimC2(in ClaimInputs) ClaimCard {
	c := ClaimCard{Article: ArticleUSJan, Why: "pe_one_date"}
	if err := in.need(true, false, true, false); err != nil {
		return failed(c.Article, err)
	}
	r1, err := in.Daily.Return("SPY", mustDay("2022-12-31"), yearEnd2025)
	if err != nil {
		return failed(c.Article, err)
	}
	r2, err := in.Daily.Return("SPY", mustDay("2023-01-16"), earlyJan2026To)
	if err != nil {
		return failed(c.Article, err)
	}
	pl := capPE(in.Large, groupFlag(in.Large, in.Large.SP500, false))
	c.Values = []ClaimValue{
		retValue("spy_return_3y_to_2025_12_31", "sp500_3y_return", 0.75, r1, false),
		retValue("spy_return_3y_to_2026_01_16", "sp500_3y_return", 0.75, r2, false),
		snapValue("pe_harmonic_profitable_sp500", "pe_sp500", 28, pl.Harmonic, UnitRatio, in.Large),
		snapValue("pe_harmonic_incl_losses_sp500", "pe_sp500", 28, pl.HarmonicAll, UnitRatio, in.Large),
		snapValue("pe_median_profitable_sp500", "pe_sp500", 28, pl.Median, UnitRatio, in.Large),
	}
	c.Verdict = primaryVerdicts(c.Values, judgeByUnit)
	return c
}

// C3: in January the Russell 2000 beat the S&P 500 fourteen sessions in
// a row: the longest run of IWM beating SPY in January 2026.
func claimC3(in ClaimInputs) ClaimCard {
	return streakCard(in, ArticleUSJan, "", 14, mustDay("2026-01-01"), mustDay("2026-01-31"), "IWM", "SPY", "IWB")
}

// C4: IWM has about $75 bn of net assets: funds.json's figure, as of its
// own date.
func claimC4(in ClaimInputs) ClaimCard {
	c := ClaimCard{Article: ArticleUSJan, Why: "c4_facts_date"}
	if err := in.need(false, false, false, true); err != nil {
		return failed(c.Article, err)
	}
	f, ok := in.Funds.Lookup("IWM")
	if !ok || math.IsNaN(f.NetAssetsUSD) {
		return failed(c.Article, errors.New("funds.json has no net assets for IWM"))
	}
	c.Values = []ClaimValue{{Key: "iwm_net_assets", Value: f.NetAssetsUSD / 1e9, Unit: UnitUSDbn, Target: "iwm_net_assets", Claimed: 75,
		To: f.NetAssetsAsOf, Source: "funds.json (" + f.FactsSource + ")"}}
	c.Verdict = primaryVerdicts(c.Values, judgeByUnit)
	return c
}

// D1: forward P/Es need earnings estimates, which the data has none of.
func claimD1(ClaimInputs) ClaimCard { return cannot(ArticleUSOct, "d1_forward") }

// earlyOct2025 is "early October" 2025: Friday, October 3.
var earlyOct2025 = mustDay("2025-10-03")

// D2: small caps +8.9% in 2025 to early October against +13.4% for the
// broad market: IWM against IWV (Russell 3000, primary) and VTI.
func claimD2(in ClaimInputs) ClaimCard {
	c := ClaimCard{Article: ArticleUSOct, Why: "d2_date"}
	if err := in.need(true, false, false, false); err != nil {
		return failed(c.Article, err)
	}
	rs, err := in.Daily.returns(mustDay("2024-12-31"), earlyOct2025, "IWM", "IWV", "VTI")
	if err != nil {
		return failed(c.Article, err)
	}
	c.Values = []ClaimValue{
		retValue("iwm_ytd_return", "small_ytd", 0.089, rs[0], false),
		retValue("iwv_ytd_return", "broad_ytd", 0.134, rs[1], false),
		retValue("vti_ytd_return", "broad_ytd", 0.134, rs[2], false),
	}
	c.Verdict = primaryVerdicts(c.Values, judgeByUnit)
	return c
}

// D3: a narrow rally: ALAB +155.8% in Q3 2025; OKLO +107% in a month,
// +630% in six months, +1,190% over 52 weeks (to early October). The
// stocks' own returns are tested; how much of IWM's return the top names
// made needs every holding's daily prices, which the snapshots lack, so
// IWM's own Q3 return is shown for scale only.
func claimD3(in ClaimInputs) ClaimCard {
	c := ClaimCard{Article: ArticleUSOct, Why: "d3_partial"}
	if err := in.need(true, false, false, false); err != nil {
		return failed(c.Article, err)
	}
	q3From, q3To := mustDay("2025-06-30"), mustDay("2025-09-30")
	type ret struct {
		key, target, ticker string
		claimed             float64
		from, to            Day
	}
	for _, r := range []ret{
		{"alab_return_q3_2025", "alab_q3", "ALAB", 1.558, q3From, q3To},
		{"oklo_return_1m", "oklo_1m", "OKLO", 1.07, DayOf(earlyOct2025.Time().AddDate(0, -1, 0)), earlyOct2025},
		{"oklo_return_6m", "oklo_6m", "OKLO", 6.30, DayOf(earlyOct2025.Time().AddDate(0, -6, 0)), earlyOct2025},
		{"oklo_return_52w", "oklo_52w", "OKLO", 11.90, earlyOct2025 - 364, earlyOct2025},
		{"iwm_return_q3_2025", "", "IWM", math.NaN(), q3From, q3To},
	} {
		pr, err := in.Daily.Return(r.ticker, r.from, r.to)
		if err != nil {
			return failed(c.Article, err)
		}
		c.Values = append(c.Values, retValue(r.key, r.target, r.claimed, pr, false))
	}
	c.Verdict = primaryVerdicts(c.Values, judgeByUnit)
	return c
}
