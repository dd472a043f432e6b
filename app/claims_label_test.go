package main

import "testing"

// A definition key reads as words in each language: phrases before their
// parts, dates and year spans joined, tickers as written.
func TestClaimLabel(t *testing.T) {
	for _, c := range []struct {
		key  string
		l    lang
		want string
	}{
		{"debt_ebitda_agg_exfin_iwm_over_r1000", langEN, "debt / EBITDA, aggregate, ex-financials: IWM ÷ Russell 1000"},
		{"net_debt_ebitda_median_exfin_iwm_over_r1000", langEN, "net debt / EBITDA, median, ex-financials: IWM ÷ Russell 1000"},
		{"iwm_return_since_2026_02_27", langEN, "IWM return since 2026-02-27"},
		{"iwm_annualised_2016_2019", langEN, "IWM annualised return 2016–2019"},
		{"pe_harmonic_profitable_iwm", langJA, "PER、調和平均、黒字のみ、IWM"},
	} {
		if got := claimLabel(c.l, c.key); got != c.want {
			t.Errorf("%s (%s): %q, want %q", c.key, c.l, got, c.want)
		}
	}
}
