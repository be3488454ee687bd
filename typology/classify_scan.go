package typology

import "time"

// purchaseScan is what one pass over a history's purchases finds: whether
// they are valid (as [History.Validate] judges them), the margin of the
// window, and the counts the rules use.
type purchaseScan struct {
	valid                       bool
	inWindow                    int
	margin                      marginSum
	tied, promo, budget, tiered int
	rational, affective         int  // motivation signals
	asc, desc                   bool // the purchases are in increasing (decreasing) order of time
}

// scanPurchases makes one pass over ps at now, for a window starting at
// from.
func scanPurchases(ps []Purchase, now, from time.Time) purchaseScan {
	s := purchaseScan{valid: true, margin: newMarginSum(), asc: true, desc: true}
	currency := ""
	checkCur := func(c string) {
		if c == "" || sameCurrency(c, currency) {
			return
		}
		if currency != "" {
			s.valid = false
		}
		currency = c
	}
	// Instants compare by their wall clock (Unix seconds, nanoseconds) as
	// Time's methods do when now has no monotonic reading; otherwise they
	// go through those methods.
	wall := now == now.Round(0)
	nowSec, nowNs := now.Unix(), now.Nanosecond()
	fromSec, fromNs := from.Unix(), from.Nanosecond()
	for i := range ps {
		pu := &ps[i]
		var bad, early bool
		if wall {
			sec, ns := pu.At.Unix(), pu.At.Nanosecond()
			bad = (sec == zeroUnix && ns == 0) || sec > nowSec || (sec == nowSec && ns > nowNs)
			early = sec < fromSec || (sec == fromSec && ns < fromNs)
		} else {
			bad = pu.At.IsZero() || pu.At.After(now)
			early = pu.At.Before(from)
		}
		if bad || pu.Amount.Sign() < 0 || !pu.Tier.IsValid() {
			s.valid = false
		}
		checkCur(pu.Amount.Currency)
		checkCur(pu.Margin.Currency)
		if i > 0 {
			switch pu.At.Compare(ps[i-1].At) {
			case -1:
				s.asc = false
			case 1:
				s.desc = false
			}
		}
		if !early {
			s.inWindow++
			s.margin.add(&pu.Margin)
		}
		if pu.Tied {
			s.tied++
		}
		if pu.Promotion {
			s.promo++
		}
		if pu.Tier != TierUnknown {
			s.tiered++
			if pu.Tier == TierBudget {
				s.budget++
			}
		}
		switch {
		case pu.Promotion || pu.Tier == TierBudget:
			s.rational++
		case pu.Tier == TierPremium:
			s.affective++
		}
	}
	return s
}

// zeroUnix is the Unix time of the zero time.Time.
var zeroUnix = time.Time{}.Unix()

// sameCurrency is a == b for currency codes, comparing three-letter codes
// byte by byte instead of calling the runtime's general comparison.
func sameCurrency(a, b string) bool {
	if len(a) == 3 && len(b) == 3 {
		return a[0] == b[0] && a[1] == b[1] && a[2] == b[2]
	}
	return a == b
}

// restValid reports whether the contacts, surveys and observations of h
// are valid at now, as [History.Validate] judges them.
func (h *History) restValid(now time.Time) bool {
	bad := func(at time.Time) bool { return at.IsZero() || at.After(now) }
	for i := range h.Contacts {
		c := &h.Contacts[i]
		if bad(c.At) || c.Satisfaction < 0 || c.Satisfaction > 5 || !c.Finding.IsValid() || !c.Channel.IsValid() {
			return false
		}
	}
	for i := range h.Surveys {
		if s := &h.Surveys[i]; bad(s.At) || s.Rating < 0 || s.Rating > 5 {
			return false
		}
	}
	for i := range h.Observations {
		if o := &h.Observations[i]; bad(o.At) || !o.Personality.IsValid() || !o.Motivation.IsValid() {
			return false
		}
	}
	return true
}
