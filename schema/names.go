package schema

// GICSSectors are the eleven GICS sectors in alphabetical order: the first
// entries of every body's "sectors" (the "sector" column indexes it).
// Holdings rows with any other sector (cash, futures) are not equities.
// A fresh slice each call.
func GICSSectors() []string {
	return []string{
		"Communication Services", "Consumer Discretionary", "Consumer Staples", "Energy",
		"Financials", "Health Care", "Industrials", "Information Technology",
		"Materials", "Real Estate", "Utilities",
	}
}

// UnknownSector is appended to "sectors", after the GICS sectors, only
// when some stock has no sector.
const UnknownSector = "Unknown"

// Statement sources: the entries of "sources", which the *_src columns
// index. A window's source is SourceSimfinAnnual exactly when it is one
// annual report; any other source means a sum of four quarters.
const (
	SourceSimfinQuarterly = "simfin-quarterly"
	SourceSimfinAnnual    = "simfin-annual"
	SourceSummary         = "quarterly-summary"
	SourceSimfinBanks     = "simfin-banks"
	SourceSimfinInsurance = "simfin-insurance"
)

// Sources is "sources" in index order. A fresh slice each call.
func Sources() []string {
	return []string{SourceSimfinQuarterly, SourceSimfinAnnual, SourceSummary, SourceSimfinBanks, SourceSimfinInsurance}
}

// Flag names: "flag_names", in bit order of the "flags" column. New bits
// are appended; bit order never changes. What each flag means, and which
// keep their value, is in the package documentation's flag table.
const (
	FlagSharesScale         = "shares_scale"          // bit 0
	FlagNonFinite           = "nonfinite"             // bit 1
	FlagNegativeRevenue     = "negative_revenue"      // bit 2
	FlagMalformedRow        = "malformed_row"         // bit 3
	FlagDebtBlankZero       = "debt_blank_zero"       // bit 4, value kept
	FlagSharesFundCorrected = "shares_fund_corrected" // bit 5, value kept
	FlagMcapLowFloat        = "mcap_low_float"        // bit 6, value kept
	FlagMcapUnsupported     = "mcap_unsupported"      // bit 7
	FlagStale               = "stale"                 // bit 8
	FlagPriceRescaled       = "price_rescaled"        // bit 9, value kept
)

// FlagNames is "flag_names": bit i of "flags" is FlagNames()[i]. A fresh
// slice each call.
func FlagNames() []string {
	return []string{FlagSharesScale, FlagNonFinite, FlagNegativeRevenue, FlagMalformedRow, FlagDebtBlankZero,
		FlagSharesFundCorrected, FlagMcapLowFloat, FlagMcapUnsupported, FlagStale, FlagPriceRescaled}
}

// Body keys of the survivorship counts: objects of name -> whole number.
// The current body's object has its own key, because the history view
// reads SurvivorshipCounts from every snapshot and expects the history
// names in it.
const (
	SurvivorshipCounts   = "survivorship_counts"   // history
	SurvivorshipHoldings = "survivorship_holdings" // current
)

// Names in SurvivorshipCounts: of RankedPool US companies with a price and
// a share count on asof, Kept made the universe; Reporting published a
// statement in the 12 months before asof, of which NoPrice have no price
// file (so cannot be in the universe), NoPriceDelisted of those marked
// delisted.
const (
	SurvRankedPool      = "ranked_pool"
	SurvKept            = "kept"
	SurvReporting       = "reporting_12m"
	SurvNoPrice         = "reporting_no_price"
	SurvNoPriceDelisted = "reporting_no_price_delisted"
)

// Names in SurvivorshipHoldings: Holdings equities in the IWM/IJR
// holdings; NoPrice of them have no price on asof, because they have no
// price file at all (NoPriceFile; InPricesTo2024 of those have a file in
// prices-to-2024/), a file that ended before asof (PriceFileEnded), one
// that starts after it (PriceFileStartsLater) or a gap of more than 10
// days at asof (PriceGap). NoPrice is the sum of the last four.
const (
	HoldHoldings             = "holdings"
	HoldNoPrice              = "no_price"
	HoldNoPriceFile          = "no_price_file"
	HoldInPricesTo2024       = "in_prices_to_2024"
	HoldPriceFileEnded       = "price_file_ended"
	HoldPriceFileStartsLater = "price_file_starts_later"
	HoldPriceGap             = "price_gap"
)
