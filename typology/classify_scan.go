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
		if c == "" || c == currency {
			return
		}
		if currency != "" {
			s.valid = false
		}
		currency = c
	}
	for i := range ps {
		pu := &ps[i]
		if pu.At.IsZero() || pu.At.After(now) || pu.Amount.Sign() < 0 || !pu.Tier.IsValid() {
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
		if !pu.At.Before(from) {
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
