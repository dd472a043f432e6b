package engine

import "math"

// Claims E1–E2 (Japanese ETF blog, September 2025) and B1–B4 (Japanese
// broker note, March 2026).

// E1: to the end of 2023, with dividends: IWM 5 years +18% (3.3% a
// year), 10 years +90% (6.6%); IJR +30% (5.3%), +120% (8.2%); the S&P
// 500 (VOO) +85% (13%), +185% (11%). Each from the last close of 2018
// or 2013 to the last close of 2023.
func claimE1(in ClaimInputs) ClaimCard {
	c := ClaimCard{Article: ArticleETFBlog, Why: "adjusted_closes"}
	if err := in.need(true, false, false, false); err != nil {
		return failed(c.Article, err)
	}
	end := mustDay("2023-12-31")
	for _, f := range []struct {
		ticker           string
		c5, a5, c10, a10 float64
	}{{"IWM", 0.18, 0.033, 0.90, 0.066}, {"IJR", 0.30, 0.053, 1.20, 0.082}, {"VOO", 0.85, 0.13, 1.85, 0.11}} {
		t := lower(f.ticker)
		for _, p := range []struct {
			y, from string
			cum, a  float64
		}{{"5y", "2018-12-31", f.c5, f.a5}, {"10y", "2013-12-31", f.c10, f.a10}} {
			r, err := in.Daily.Return(f.ticker, mustDay(p.from), end)
			if err != nil {
				return failed(c.Article, err)
			}
			y := p.y
			c.Values = append(c.Values, retValue(t+"_return_"+y+"_to_2023", t+"_"+y, p.cum, r, false),
				retValue(t+"_annualised_"+y+"_to_2023", t+"_"+y+"_annualised", p.a, r, true))
		}
	}
	c.Verdict = primaryVerdicts(c.Values, judgeByUnit)
	return c
}

// E2: IWM about 8% a year over 2016–2019, about +20% in 2020 and −20%
// in 2022 (calendar years, from the previous year's last close).
func claimE2(in ClaimInputs) ClaimCard {
	c := ClaimCard{Article: ArticleETFBlog, Why: "adjusted_closes"}
	if err := in.need(true, false, false, false); err != nil {
		return failed(c.Article, err)
	}
	for _, p := range []struct {
		key, target string
		claimed     float64
		from, to    string
		annualised  bool
	}{
		{"iwm_annualised_2016_2019", "iwm_2016_2019", 0.08, "2015-12-31", "2019-12-31", true},
		{"iwm_return_2020", "iwm_2020", 0.20, "2019-12-31", "2020-12-31", false},
		{"iwm_return_2022", "iwm_2022", -0.20, "2021-12-31", "2022-12-31", false},
	} {
		r, err := in.Daily.Return("IWM", mustDay(p.from), mustDay(p.to))
		if err != nil {
			return failed(c.Article, err)
		}
		c.Values = append(c.Values, retValue(p.key, p.target, p.claimed, r, p.annualised))
	}
	c.Verdict = primaryVerdicts(c.Values, judgeByUnit)
	return c
}

// B1: year to date to 2026-03-11 small caps (IWM) are ahead of large
// caps (IWB) on total return and stayed positive after the sell-off that
// began on 2026-02-28 (a Saturday: from the close of Friday 02-27).
func claimB1(in ClaimInputs) ClaimCard {
	c := ClaimCard{Article: ArticleBrokerNote}
	if err := in.need(true, false, false, false); err != nil {
		return failed(c.Article, err)
	}
	to := mustDay("2026-03-11")
	rs, err := in.Daily.returns(yearEnd2025, to, "IWM", "IWB")
	if err != nil {
		return failed(c.Article, err)
	}
	since, err := in.Daily.returns(mustDay("2026-02-27"), to, "IWM", "IWB")
	if err != nil {
		return failed(c.Article, err)
	}
	yes := func(b bool) float64 {
		if b {
			return 1
		}
		return 0
	}
	src := "daily.json (prices/IWM.csv, prices/IWB.csv)"
	c.Values = []ClaimValue{
		{Key: "iwm_ahead_of_iwb_ytd", Value: yes(rs[0].Return > rs[1].Return), Unit: UnitYesNo, Target: "small_ahead_ytd", Claimed: 1, From: rs[0].FromUsed.String(), To: rs[0].ToUsed.String(), Source: src},
		{Key: "iwm_ytd_positive", Value: yes(rs[0].Return > 0), Unit: UnitYesNo, Target: "small_ytd_positive", Claimed: 1, From: rs[0].FromUsed.String(), To: rs[0].ToUsed.String(), Source: src},
		retValue("iwm_ytd_return", "", math.NaN(), rs[0], false),
		retValue("iwb_ytd_return", "", math.NaN(), rs[1], false),
		retValue("iwm_return_since_2026_02_27", "", math.NaN(), since[0], false),
		retValue("iwb_return_since_2026_02_27", "", math.NaN(), since[1], false),
	}
	c.Verdict = primaryVerdicts(c.Values, judgeByUnit)
	return c
}

// midYear2021 is "about mid-2021", where the note says large caps began
// to pull ahead.
var midYear2021 = mustDay("2021-06-30")

// B2: small and large caps moved together until about mid-2021, then
// large caps pulled far ahead. With IWM and IWB from their common start
// in 2000 (not 30 years): "together" is IWM's relative performance
// (1+r_IWM)/(1+r_IWB) − 1 to mid-2021 within ±HoldsWithin (roughly:
// ±RoughlyWithin); "far ahead" is IWB's relative performance since then
// at least FarMore − 1.
func claimB2(in ClaimInputs) ClaimCard {
	c := ClaimCard{Article: ArticleBrokerNote, Why: "b2_since_2000"}
	if err := in.need(true, false, false, false); err != nil {
		return failed(c.Article, err)
	}
	start := mustDay("2000-05-26")
	last := in.Daily.Days[len(in.Daily.Days)-1]
	a, err := in.Daily.returns(start, midYear2021, "IWM", "IWB")
	if err != nil {
		return failed(c.Article, err)
	}
	b, err := in.Daily.returns(midYear2021, last, "IWM", "IWB")
	if err != nil {
		return failed(c.Article, err)
	}
	src := "daily.json (prices/IWM.csv, prices/IWB.csv)"
	rel1 := (1+a[0].Return)/(1+a[1].Return) - 1
	rel2 := (1+b[1].Return)/(1+b[0].Return) - 1
	c.Values = []ClaimValue{
		{Key: "iwm_relative_to_iwb_2000_to_mid_2021", Value: rel1, Unit: UnitPct, Target: "together_to_mid_2021", Claimed: 0, From: a[0].FromUsed.String(), To: a[0].ToUsed.String(), Source: src},
		{Key: "iwb_relative_to_iwm_since_mid_2021", Value: rel2, Unit: UnitPct, Target: "large_far_ahead_since", Claimed: FarMore - 1, From: b[0].FromUsed.String(), To: b[0].ToUsed.String(), Source: src},
		retValue("iwm_return_2000_to_mid_2021", "", math.NaN(), a[0], false),
		retValue("iwb_return_2000_to_mid_2021", "", math.NaN(), a[1], false),
		retValue("iwm_return_since_mid_2021", "", math.NaN(), b[0], false),
		retValue("iwb_return_since_mid_2021", "", math.NaN(), b[1], false),
	}
	together := VerdictNotHold
	switch {
	case math.Abs(rel1) <= HoldsWithin:
		together = VerdictHolds
	case math.Abs(rel1) <= RoughlyWithin:
		together = VerdictRoughly
	}
	c.Verdict = worst(together, JudgeAtLeast(rel2, FarMore-1))
	pts, err := in.Daily.RatioHighs("IWM", "IWB", 0, start, last)
	if err == nil {
		c.Chart = &ClaimChart{Kind: "ratio"}
		for i, p := range pts {
			if i%5 == 0 || i == len(pts)-1 { // weekly points: enough for a 26-year line
				c.Chart.Points = append(c.Chart.Points, ChartPoint{Day: p.Day, Value: p.Ratio, Ref: math.NaN(), Mark: p.Day == a[0].ToUsed})
			}
		}
	}
	return c
}

// B3: individual small caps' returns are far more dispersed than large
// caps': the cross-section spread of the 12-1 month returns (mom12_1,
// the one 12-month return both snapshots carry) of the IWM holdings over
// that of the Russell 1000 (primary: interquartile range) and the S&P
// 500, against FarMore.
func claimB3(in ClaimInputs) ClaimCard {
	c := ClaimCard{Article: ArticleBrokerNote, Why: "b3_mom12_1"}
	if err := in.need(false, true, true, false); err != nil {
		return failed(c.Article, err)
	}
	sm := GroupDispersion(groupIWM(in.Small, false), in.Small.Mom12_1)
	r1 := GroupDispersion(groupFlag(in.Large, in.Large.R1000, false), in.Large.Mom12_1)
	sp := GroupDispersion(groupFlag(in.Large, in.Large.SP500, false), in.Large.Mom12_1)
	ratio := func(key string, a, b float64) ClaimValue {
		v := snapValue(key, "dispersion_small_over_large", FarMore, a/b, UnitRatio, in.Large)
		v.Source = "current.json, largecap.json"
		return v
	}
	c.Values = []ClaimValue{
		ratio("iqr_mom12_1_iwm_over_r1000", sm.IQR, r1.IQR),
		ratio("stdev_mom12_1_iwm_over_r1000", sm.StDev, r1.StDev),
		ratio("iqr_mom12_1_iwm_over_sp500", sm.IQR, sp.IQR),
		snapValue("iqr_mom12_1_iwm", "", math.NaN(), sm.IQR, UnitPct, in.Small),
		snapValue("iqr_mom12_1_r1000", "", math.NaN(), r1.IQR, UnitPct, in.Large),
		snapValue("stdev_mom12_1_iwm", "", math.NaN(), sm.StDev, UnitPct, in.Small),
		snapValue("stdev_mom12_1_r1000", "", math.NaN(), r1.StDev, UnitPct, in.Large),
	}
	c.Chart = &ClaimChart{Kind: "pairs", Pairs: []ChartPair{{"iqr_mom12_1", sm.IQR, r1.IQR}, {"stdev_mom12_1", sm.StDev, r1.StDev}}}
	c.Verdict = primaryVerdicts(c.Values, func(v ClaimValue) Verdict { return JudgeAtLeast(v.Value, v.Claimed) })
	return c
}

// B4: EPS growth forecasts; the data has no estimates.
func claimB4(ClaimInputs) ClaimCard { return cannot(ArticleBrokerNote, "b4_forecasts") }
