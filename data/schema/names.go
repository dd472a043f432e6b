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
	FlagPriceGlitch         = "price_glitch"          // bit 10
	FlagFwdPriceGlitch      = "fwd_price_glitch"      // bit 11, forward information
	FlagFwdToLastPrice      = "fwd_to_last_price"     // bit 12, value kept, forward information
)

// FlagNames is "flag_names": bit i of "flags" is FlagNames()[i]. A fresh
// slice each call.
func FlagNames() []string {
	return []string{FlagSharesScale, FlagNonFinite, FlagNegativeRevenue, FlagMalformedRow, FlagDebtBlankZero,
		FlagSharesFundCorrected, FlagMcapLowFloat, FlagMcapUnsupported, FlagStale, FlagPriceRescaled,
		FlagPriceGlitch, FlagFwdPriceGlitch, FlagFwdToLastPrice}
}

// ForwardFlags are the flag names that describe FORWARD returns (fwd12,
// fwdlast): like those columns they carry information from after the
// snapshot date, so no screen, filter or score may read them. A fresh
// slice each call.
func ForwardFlags() []string { return []string{FlagFwdPriceGlitch, FlagFwdToLastPrice} }

// Body keys of the survivorship counts: objects of name -> whole number.
// The current body's object has its own key, because the history view
// reads SurvivorshipCounts from every snapshot and expects the history
// names in it.
const (
	SurvivorshipCounts   = "survivorship_counts"   // history
	SurvivorshipHoldings = "survivorship_holdings" // current
)

// Names in SurvivorshipCounts: of RankedPool US companies ranked on the
// model's rank day (a price and a share count there, total market cap
// >= $30M), Kept stocks form the universe (modelled years: those in the
// Russell 2000 range priced on asof; real years: the list members priced
// on asof); Reporting companies published a statement in the 12 months
// before asof, of which NoPrice have no price series in prices/ or
// prices-to-2024/ (so cannot be in the universe), NoPriceDelisted of those
// marked delisted.
const (
	SurvRankedPool      = "ranked_pool"
	SurvKept            = "kept"
	SurvReporting       = "reporting_12m"
	SurvNoPrice         = "reporting_no_price"
	SurvNoPriceDelisted = "reporting_no_price_delisted"
	// Added with prices-to-2024/: NoPricePricesOnly counts the reporting
	// companies without a file in prices/ (NoPrice before prices-to-2024/
	// was used; NoPrice is after); Unpriced those without a price on asof
	// from a series of their own (prices/ or prices-to-2024/: the
	// companies this universe loses) and UnpricedPricesOnly those without
	// one from any prices/ file (the same before the change);
	// KeptFromPricesTo2024 the universe's
	// stocks priced from prices-to-2024/, FwdToLastPrice those whose
	// forward return runs to their last close (flag fwd_to_last_price),
	// PriceGlitch those with a value nulled by the price checks (flag
	// price_glitch or fwd_price_glitch).
	SurvNoPricePricesOnly    = "reporting_no_price_prices_only"
	SurvUnpriced             = "reporting_unpriced_on_asof"
	SurvUnpricedPricesOnly   = "reporting_unpriced_on_asof_prices_only"
	SurvKeptFromPricesTo2024 = "kept_from_prices_to_2024"
	SurvFwdToLastPrice       = "fwd_to_last_price"
	SurvPriceGlitch          = "price_glitch"
)

// Names in SurvivorshipHoldings: Holdings equities in the IWM/IJR
// holdings; NoPrice of them have no price on asof, because they have no
// price file at all (NoPriceFile; InPricesTo2024 of those have a file in
// prices-to-2024/), a file that ended before asof (PriceFileEnded), one
// that starts after it (PriceFileStartsLater), a gap of more than 10
// days at asof (PriceGap) or a close on asof inside a glitchy stretch of
// the file (PriceGlitch, flag price_glitch). NoPrice is NoPriceFile +
// PriceFileEnded + PriceFileStartsLater + PriceGap + PriceGlitch.
const (
	HoldHoldings             = "holdings"
	HoldNoPrice              = "no_price"
	HoldNoPriceFile          = "no_price_file"
	HoldInPricesTo2024       = "in_prices_to_2024"
	HoldPriceFileEnded       = "price_file_ended"
	HoldPriceFileStartsLater = "price_file_starts_later"
	HoldPriceGap             = "price_gap"
	HoldPriceGlitch          = "price_glitch"
)

// UniverseCheck is the body key (history snapshots whose universe is a
// real membership list, "modelled": false) of the model measured against
// that list on the snapshot date: an object with the Check* keys, the
// counts whole numbers, the shares fractions in [0, 1] written to 4
// decimals, CheckModel a string.
const UniverseCheck = "universe_check"

// Keys of UniverseCheck. Of CheckListed rows of the real list,
// CheckNoPriceFile have no price series in the data, CheckNoPrice no
// price on asof, CheckNoShares no share count, and CheckMerged were a
// further share class of a company already listed; CheckRealMembers are
// the universe. CheckModelMembers is the size of the model's universe
// built the way the modelled years are (rule text: CheckModel),
// CheckOverlap the companies in both; CheckRealInModel = overlap / real
// members, CheckModelInReal = overlap / model members, and
// CheckWeightOverlap is the sum over companies of the smaller of their
// market-cap weights (mcap on asof / the universe's total) in the two.
const (
	CheckListed        = "listed"
	CheckNoPriceFile   = "no_price_file"
	CheckNoPrice       = "no_price"
	CheckNoShares      = "no_shares"
	CheckMerged        = "merged_share_classes"
	CheckRealMembers   = "real_members"
	CheckModelMembers  = "model_members"
	CheckOverlap       = "overlap"
	CheckRealInModel   = "real_in_model"
	CheckModelInReal   = "model_in_real"
	CheckWeightOverlap = "weight_overlap"
	CheckModel         = "model"
)
