package main

// The ETF and History views' part of the URL state. Each view keeps its
// settings in a struct the shell owns (etfState, historyStore); these
// functions copy them to and from a State.

// etfFromState sets the ETF view's selection from st; the default funds
// are stored as nil (the view's own default), so an untouched view stays
// untouched.
func etfFromState(e *etfState, st State) {
	if e == nil {
		return
	}
	e.Funds = nil
	if st.Funds != DefaultState().Funds {
		e.Funds = st.FundList()
	}
	e.From, e.AsOf = st.ETFFrom, st.ETFAsOf
	e.Rev++
}

// etfIntoState copies the ETF view's selection into st.
func etfIntoState(e *etfState, st *State) {
	if e == nil {
		return
	}
	funds := e.Funds
	if len(funds) == 0 {
		funds = DefaultState().FundList()
	}
	*st = st.WithFunds(funds)
	st.ETFFrom, st.ETFAsOf = e.From, e.AsOf
}

// histFromState sets the History view's top-N, buckets and statistic
// from st.
func histFromState(h *historyStore, st State) {
	if h == nil {
		return
	}
	h.TopN, h.Buckets = st.TopN, st.Buckets
	h.Stat = st.Stat
}

// histIntoState copies the History view's settings into st (Normalize
// clamps them).
func histIntoState(h *historyStore, st *State) {
	if h == nil {
		return
	}
	st.TopN, st.Buckets = h.TopN, h.Buckets
	st.Stat = h.config().Stat
}
