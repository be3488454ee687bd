package sla

import (
	"errors"
	"math"
	"sort"

	"github.com/servuction/servuction"
	"github.com/shopspring/decimal"
)

// CreditBand maps a range of compliance to a service credit (penalización):
// when an objective's compliance c over a period satisfies Min <= c < Max,
// the provider owes Share percent of the fee. "90–95 % → 5 %" is
// CreditBand{Min: 90, Max: 95, Share: decimal.NewFromInt(5)}.
type CreditBand struct {
	Min   float64         `json:"min"`
	Max   float64         `json:"max"`
	Share decimal.Decimal `json:"share"`
}

// CreditPolicy turns compliance into service credits. Each objective whose
// compliance over the period falls in a band earns Fee × Share / 100; the
// credits of all objectives are added and the total is capped at Cap. The
// zero value grants no credits.
type CreditPolicy struct {
	// Fee is the fee of the period the compliance is measured over.
	Fee servuction.Money `json:"fee"`
	// Bands are the compliance ranges, without overlaps.
	Bands []CreditBand `json:"bands,omitempty"`
	// Cap bounds the total credit of a period; a zero Cap means no bound.
	Cap servuction.Money `json:"cap"`
}

// IsZero reports whether p grants no credits (it has no bands).
func (p CreditPolicy) IsZero() bool { return len(p.Bands) == 0 }

func (p CreditPolicy) clone() CreditPolicy {
	p.Bands = append([]CreditBand(nil), p.Bands...)
	return p
}

// validate checks the bands: 0 <= Min < Max <= 100, shares in (0, 100], no
// overlaps, a non-negative fee and cap in one currency.
func (p CreditPolicy) validate() error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, errorf(ErrInvalidAgreement, "credits: "+format, args...))
	}
	if p.IsZero() {
		if !p.Fee.IsZero() || !p.Cap.IsZero() {
			bad("fee %s or cap %s without bands", p.Fee, p.Cap)
		}
		return errors.Join(errs...)
	}
	if p.Fee.Sign() <= 0 {
		bad("fee %s: want a positive amount", p.Fee)
	}
	if p.Cap.Sign() < 0 {
		bad("cap %s: want zero (no cap) or a positive amount", p.Cap)
	}
	if !p.Cap.IsZero() && p.Cap.Currency != p.Fee.Currency {
		bad("cap %s and fee %s in different currencies", p.Cap, p.Fee)
	}
	hundred := decimal.NewFromInt(100)
	for i, b := range p.Bands {
		if math.IsNaN(b.Min) || math.IsNaN(b.Max) || b.Min < 0 || b.Max > 100 || b.Min >= b.Max {
			bad("band %d: compliance [%v, %v): want 0 <= min < max <= 100", i+1, b.Min, b.Max)
		}
		if b.Share.Sign() <= 0 || b.Share.GreaterThan(hundred) {
			bad("band %d: share %s%%: want (0, 100]", i+1, b.Share)
		}
	}
	idx := make([]int, len(p.Bands))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(x, y int) bool { return p.Bands[idx[x]].Min < p.Bands[idx[y]].Min })
	for k := 1; k < len(idx); k++ {
		a, b := p.Bands[idx[k-1]], p.Bands[idx[k]]
		if b.Min < a.Max {
			bad("band %d [%v, %v) overlaps band %d [%v, %v)", idx[k]+1, b.Min, b.Max, idx[k-1]+1, a.Min, a.Max)
		}
	}
	return errors.Join(errs...)
}

// Share returns the share of the fee, in percent, owed for compliance c, and
// zero when no band holds c.
func (p CreditPolicy) Share(c float64) decimal.Decimal {
	for _, b := range p.Bands {
		if c >= b.Min && c < b.Max {
			return b.Share
		}
	}
	return decimal.Zero
}

// Credit returns the credit owed for one objective with compliance c:
// Fee × Share(c) / 100, not capped.
func (p CreditPolicy) Credit(c float64) servuction.Money {
	s := p.Share(c)
	if s.IsZero() {
		return servuction.Money{Amount: decimal.Zero, Currency: p.Fee.Currency}
	}
	return p.Fee.Mul(s).Mul(decimal.New(1, -2))
}

// Total adds credits and applies the cap: min(sum, Cap) when Cap is set.
func (p CreditPolicy) Total(credits ...servuction.Money) servuction.Money {
	sum := servuction.Money{Amount: decimal.Zero, Currency: p.Fee.Currency}
	for _, c := range credits {
		sum.Amount = sum.Amount.Add(c.Amount)
	}
	if !p.Cap.IsZero() && sum.Amount.GreaterThan(p.Cap.Amount) {
		sum.Amount = p.Cap.Amount
	}
	return sum
}
