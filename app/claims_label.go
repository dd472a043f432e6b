package main

import "strings"

// claimLabel reads a claim value's definition key ("debt_ebitda_agg_exfin_
// iwm_over_r1000") in words of language l ("debt / EBITDA, aggregate,
// ex-financials, IWM ÷ Russell 1000"): the key's parts are looked up in
// the "claims.tok.*" strings, longest phrase first, a date's parts are
// joined back into a date, and a part with no entry (a ticker, a year)
// stays as written. The key itself stays next to it: it is the name the
// claims command's JSON uses.
func claimLabel(l lang, key string) string {
	parts := strings.Split(key, "_")
	var words []string
	for i := 0; i < len(parts); {
		n := 0
		for k := min(4, len(parts)-i); k >= 1; k-- {
			if _, ok := enStrings["claims.tok."+strings.Join(parts[i:i+k], "_")]; ok {
				n = k
				break
			}
		}
		switch {
		case n > 0:
			words = append(words, l.t("claims.tok."+strings.Join(parts[i:i+n], "_")))
			i += n
		case i+2 < len(parts) && isDigits(parts[i], 4) && isDigits(parts[i+1], 2) && isDigits(parts[i+2], 2):
			words = append(words, parts[i]+"-"+parts[i+1]+"-"+parts[i+2])
			i += 3
		case i+1 < len(parts) && isDigits(parts[i], 4) && isDigits(parts[i+1], 4):
			words = append(words, parts[i]+"–"+parts[i+1]) // a span of years
			i += 2
		default:
			words = append(words, strings.ToUpper(parts[i]))
			i++
		}
	}
	out := strings.Join(words, " ")
	// Japanese punctuation carries its own space.
	return strings.ReplaceAll(strings.ReplaceAll(out, "、 ", "、"), "： ", "：")
}

// isDigits: s is n decimal digits.
func isDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
