// Package schema is the snapshot contract between the builder (package
// data, which writes the files) and the engine (package engine, which
// reads them): the schema version, the envelope and its hash, the file
// names and dates, the column names, the sector, source and flag lists and
// the survivorship count names. Both sides import these definitions and
// neither spells them again; schema imports neither side. The round-trip
// test in data/ builds every file from data/testdata/raw, decodes it with
// the engine, checks values, and fails on a column written but not read
// (unless listed in IgnoredColumns) or read but not written.
//
// The format, schema 1 (data/SNAPSHOT.md carries the same description
// and how the builder fills each column):
//
// # Files
//
//	file                                   kind     as of
//	current.json                           current  2025-11-24 (IWM/IJR holdings date)
//	history-2020.json … history-2025.json  history  June 30 of that year
//	funds.json                             funds    last fund price date
//	largecap.json                          largecap 2025-11-24 (IWD/IWF/IVV holdings date)
//	daily.json                             daily    last fund price date
//	index.json                             index    (lists the files above)
//
// largecap.json has the body and columns of current.json except iwm and
// ijr, plus r1000 and sp500 (0/1: held by IWD or IWF, held by IVV).
// daily.json holds daily adjusted closes on one date axis, delta-encoded
// (its layout is documented at the builder's buildDaily and the engine's
// DecodeDaily). Both are read by the Claims view only.
//
// # Envelope
//
//	{"schema":1,"hash":"fnv1a64:89ab01cd23ef4567","body":{...}}
//
// Three rules make it a contract:
//
//   - "schema" comes first so a reader can refuse a newer format before it
//     parses anything else.
//   - "hash" is FNV-1a 64 over the exact bytes of the "body" value as
//     written (from `{` to its matching `}`), lower-case hex. A cheap
//     checksum, not a signature: it catches truncation and corruption,
//     and it is fast in wasm.
//   - Output is byte-identical for identical inputs: fixed key order, no
//     maps iterated unsorted, no timestamps of the build itself.
//
// # Body of current and history
//
//	{
//	  "kind": "current",
//	  "asof": "2025-11-24",
//	  "universe": "IWM + IJR holdings as of 2025-11-24",
//	  "modelled": false,
//	  "survivorship": "text shown wherever history is shown, with numbers",
//	  "survivorship_holdings": {"holdings": 2008, "no_price": 132, ...},
//	  "stale_months": 15,
//	  "provenance": [{"file": "holdings/IWM.json", "asof": "2025-11-24"}, ...],
//	  "coverage": {"mcap": 0.81, "ni": 0.70, ...},
//	  "flagged": {"shares_scale": 12, "nonfinite": 0, ...},
//	  "flag_names": ["shares_scale", "negative_revenue", ...],
//	  "sources": ["simfin-quarterly", "simfin-annual", "quarterly-summary", "simfin-banks", "simfin-insurance"],
//	  "sectors": ["Communication Services", "Consumer Discretionary", ...],
//	  "fwd_last_date": "2026-08-03",
//	  "n": 1980,
//	  "cols": { "<name>": [ ...n values... ], ... }
//	}
//
// Every column is an array of exactly "n" values, one per stock, in the
// same stock order (sorted by ticker). null means missing; a missing value
// is never written as 0.
//
//   - "survivorship_counts" (history only): {"ranked_pool": N, "kept": n,
//     "reporting_12m": R, "reporting_no_price": M,
//     "reporting_no_price_delisted": K, "reporting_no_price_prices_only": B,
//     "reporting_unpriced_on_asof": U,
//     "reporting_unpriced_on_asof_prices_only": V,
//     "kept_from_prices_to_2024": O, "fwd_to_last_price": L,
//     "price_glitch": G}: N US companies ranked on the model's rank day; n
//     stocks in the universe; R companies published a statement in the 12
//     months before asof, of which M have no price series of their own in
//     prices/ or prices-to-2024/ (so cannot be in the universe; K marked
//     delisted) and B no file in prices/ (the count before
//     prices-to-2024/ was used); U with no price on asof from a series of
//     their own (lost to this universe) and V with none from any prices/
//     file (the same before prices-to-2024/); O of the universe priced from
//     prices-to-2024/, L with flag fwd_to_last_price, G with price_glitch
//     or fwd_price_glitch. See the Surv* names.
//   - "universe_check" (history snapshots whose universe is a real index
//     list, "modelled": false; absent elsewhere): {"listed": 1990,
//     "no_price_file": 220, "no_price": 5, "no_shares": 297,
//     "merged_share_classes": 5, "real_members": 1463, "model_members":
//     2118, "overlap": 1360, "real_in_model": 0.9296, "model_in_real":
//     0.6421, "weight_overlap": 0.7514, "model": "ranked by …"}: the model
//     of the modelled years measured against the list on asof. See
//     UniverseCheck and the Check* names.
//   - "survivorship_holdings" (current only; same shape, its own name):
//     {"holdings": N, "no_price": M, "no_price_file": K,
//     "in_prices_to_2024": L, "price_file_ended": J,
//     "price_file_starts_later": S, "price_gap": G, "price_glitch": P};
//     M = K + J + S + G + P.
//   - "stale_months": the age limit of statement inputs, 15: a TTM window
//     or balance sheet whose period ended more than 15 calendar months
//     before asof (end + 15 months < asof) is stale: its value is null and
//     the stock carries the "stale" flag.
//   - "flagged" counts each flag, plus "shares_older_3y" (not a flag bit)
//     and input-wide counters prefixed "input_".
//   - "sectors" is GICSSectors, plus UnknownSector appended only when
//     some stock has no sector.
//
// # Columns
//
//	name                      type         unit          meaning
//	ticker                    string                     display ticker as in the holdings file (BRK.B style)
//	name                      string                     company name
//	sector                    int                        index into "sectors"
//	iwm, ijr                  number/null  % of fund     weight in IWM / IJR (current only; null = not held)
//	sp600                     0/1                        history only: passes the modelled S&P-600-like rule (positive trailing earnings)
//	price                     number       USD           adjusted close on asof (current, flag price_rescaled: the real close)
//	shares                    number       millions      shares outstanding from the newest accepted statement on or before asof
//	mcap                      number       USD millions  price × shares
//	rev, gp, opinc, da,
//	int, ni                   number       USD millions  TTM revenue, gross profit, operating income, D&A, interest expense (positive = expense), net income
//	ocf, capex, fcf           number       USD millions  TTM operating cash flow, capex (positive = spent), free cash flow = ocf − capex
//	<flow>_p                  number       USD millions  the same TTM sums one year earlier
//	rev_op, rev_op_p          number       USD millions  TTM revenue over exactly the windows of opinc and opinc_p
//	assets, equity, debt,
//	cash                      number       USD millions  latest balance sheet
//	assets_p, equity_p        number       USD millions  the balance sheet about a year earlier
//	mom12_1                   number       fraction      total return from 12 months to 1 month before asof
//	mom6_1                    number       fraction      total return from 6 months to 1 month before asof
//	trend                     number       ratio         price / 200-trading-day average close
//	inc_end, inc_pub,
//	bal_end, bal_pub,
//	cf_end, cf_pub            int/null     YYYYMMDD      period end and publish date of each block's primary window (ni else rev; equity else assets; fcf else ocf)
//	inc_src, bal_src, cf_src  int/null                   index into "sources"
//	inc2_*, bal2_*, cf2_*     int/null                   end, pub, src of the secondary windows (opinc, gp, int, rev_op; debt, cash; ocf, capex, da)
//	sh_end                    int/null     YYYYMMDD      period end of the share count used for shares / mcap
//	flags                     int          bit set       bit i set = flag_names[i] was detected for this stock
//	fwd12                     number/null  fraction      FORWARD total return asof → asof+12 months. Never an input to scoring.
//	fwdlast                   number/null  fraction      FORWARD total return asof → fwd_last_date. Never an input to scoring.
//
// The forward returns: history runs a series that ends inside the window
// to its last close (flag fwd_to_last_price); a return, momentum or
// trend over a glitchy stretch of the price series is null (flags
// price_glitch, fwd_price_glitch).
//
// Money is in USD millions rounded to 5 significant digits; returns and
// ratios to 5 significant digits.
//
// # Flag bits
//
//	bit  name                   meaning
//	0    shares_scale           the newest share count was passed over (≥ 1,000x off the company's other counts, market cap ≥ 10,000x away from total assets, or fewer shares than IWM alone holds); an older count or null is used
//	1    nonfinite              a NaN/Inf or unparsable number in one of the company's rows (treated as missing)
//	2    negative_revenue       a period with revenue < 0 (that revenue treated as missing)
//	3    malformed_row          a row of the company with the wrong number of fields or a bad date, skipped
//	4    debt_blank_zero        blank debt lines on a full balance sheet read as debt 0 (value kept)
//	5    shares_fund_corrected  current only: the fund evidence chose another share count than today's rules (value kept)
//	6    mcap_low_float         current only: no count agrees with the fund evidence within 3x, but today's pick is at most 20x above it and plausible (value kept)
//	7    mcap_unsupported       no count is supported by the evidence (current: fund evidence; history: the Russell 2000 size range): shares and mcap are null
//	8    stale                  some statement input ended more than stale_months before asof and is null
//	9    price_rescaled         current only: price is the adjusted close divided by a later split's factor (value kept)
//	10   price_glitch           price, mom12_1, mom6_1 or trend would have been read over a glitchy stretch of the price series: null
//	11   fwd_price_glitch       fwd12 or fwdlast would have spanned a glitchy stretch: null (forward information)
//	12   fwd_to_last_price      history: the price series ends inside a forward window; the return runs to the last close (value kept; forward information)
//
// Bits 11 and 12 (ForwardFlags) carry information from after asof, like
// the forward columns: no screen, filter or score may read them.
//
// New bits are appended; bit order never changes.
//
// # Body of funds
//
//	{
//	  "kind": "funds",
//	  "asof": "2026-08-03",
//	  "provenance": [...],
//	  "funds": [
//	    {"ticker": "IWM", "name": "...", "issuer": "iShares", "index": "Russell 2000",
//	     "segment": "small", "style": "blend", "expense_ratio_pct": 0.19,
//	     "net_assets_usd": 67110458608, "net_assets_as_of": "2025-10-31",
//	     "inception": "2000-05-22", "holdings_count": null, "holdings_count_as_of": null,
//	     "turnover_pct": null, "facts_source": "iShares product list 2025-10-31",
//	     "first_month": "2000-05", "monthly": [32.59, ...],
//	     "last_date": "2026-08-03", "note": "..."}
//	  ]
//	}
//
// monthly[i] is the adjusted close of the last trading day of month
// first_month + i; the last entry is the close on last_date (a partial
// month). null fields mean unknown (a fund with facts but no price file
// has "monthly": [] and a note). Holdings weights for IWM and IJR are the
// iwm / ijr columns of current.json.
//
// # Body of index
//
//	{
//	  "kind": "index",
//	  "files": [
//	    {"name": "current.json", "kind": "current", "asof": "2025-11-24",
//	     "bytes": 751234, "hash": "fnv1a64:89ab01cd23ef4567"},
//	    ...
//	  ]
//	}
//
// One entry per other file of the folder, in the order written (current,
// history years oldest first, funds); "bytes" is the whole file's size and
// "hash" the file's own envelope hash, so a reader holding a decoded file
// can tell whether the folder now has a different one without fetching it.
// index.json is written last: a folder whose index lists a file has it.
package schema
