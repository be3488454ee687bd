package typology

import (
	"fmt"
	"math"

	"github.com/servuction/servuction"
	"github.com/shopspring/decimal"
)

// SimpleCLV returns the customer lifetime value of a customer who brings
// margin per period and stays from one period to the next with probability
// retention, discounted at rate discount per period:
//
//	CLV = margin × retention / (1 + discount − retention)
//
// Payment timing: the margin of each period is received at the end of the
// period, and only if the customer is still a customer then; the current
// period's margin is not included (Gupta & Lehmann 2003, "Customers as
// assets"). The result is exact to 16 decimal places, in margin's currency.
// retention must be in [0, 1) and discount in [0, 1]; anything else wraps
// [ErrInvalidModel].
func SimpleCLV(margin servuction.Money, retention, discount decimal.Decimal) (servuction.Money, error) {
	one := decimal.NewFromInt(1)
	if retention.Sign() < 0 || !retention.LessThan(one) {
		return servuction.Money{}, fmt.Errorf("typology: CLV: retention %s out of range [0, 1): %w", retention, ErrInvalidModel)
	}
	if discount.Sign() < 0 || discount.GreaterThan(one) {
		return servuction.Money{}, fmt.Errorf("typology: CLV: discount %s out of range [0, 1]: %w", discount, ErrInvalidModel)
	}
	den := one.Add(discount).Sub(retention) // > 0 since retention < 1
	return servuction.Money{Amount: margin.Amount.Mul(retention).DivRound(den, 16), Currency: margin.Currency}, nil
}

// BGNBD is the beta-geometric/NBD model of Fader, Hardie & Lee (2005),
// "'Counting your customers' the easy way: an alternative to the Pareto/NBD
// model", Marketing Science 24(2): while alive, a customer buys as a Poisson
// process with rate λ ~ Gamma(R, Alpha); after each purchase the customer
// drops out with probability p ~ Beta(A, B). Time is in whatever unit the
// parameters were fitted in (weeks for [CDNOW]).
//
// Purchase histories are (x, tx, T): x repeat purchases (after the first),
// the last at time tx after the first purchase, observed for T since the first
// purchase. The zero BGNBD is invalid: build it with [NewBGNBD].
type BGNBD struct {
	R, Alpha, A, B float64
}

// CDNOW is the BG/NBD fitted to the CDNOW sample (2 357 customers, weeks) in
// Fader, Hardie & Lee (2005), Table 1 / section 5: r = 0.243, α = 4.414,
// a = 0.793, b = 2.426.
var CDNOW = BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}

// NewBGNBD returns the model with the given parameters, each of which must be
// positive and finite.
func NewBGNBD(r, alpha, a, b float64) (BGNBD, error) {
	m := BGNBD{R: r, Alpha: alpha, A: a, B: b}
	return m, m.Validate()
}

// Validate reports whether every parameter is positive and finite.
func (m BGNBD) Validate() error {
	for _, p := range []struct {
		name string
		v    float64
	}{{"r", m.R}, {"alpha", m.Alpha}, {"a", m.A}, {"b", m.B}} {
		if !(p.v > 0) || math.IsInf(p.v, 0) {
			return fmt.Errorf("typology: BG/NBD: parameter %s = %v: want positive and finite: %w", p.name, p.v, ErrInvalidModel)
		}
	}
	return nil
}

func checkHistory(x int, tx, T float64) error {
	switch {
	case x < 0:
		return fmt.Errorf("typology: BG/NBD: x = %d repeat purchases is negative: %w", x, ErrInvalidModel)
	case !(T >= 0) || math.IsInf(T, 0):
		return fmt.Errorf("typology: BG/NBD: T = %v: want ≥ 0 and finite: %w", T, ErrInvalidModel)
	case !(tx >= 0 && tx <= T):
		return fmt.Errorf("typology: BG/NBD: tx = %v: want 0 ≤ tx ≤ T = %v: %w", tx, T, ErrInvalidModel)
	case x == 0 && tx != 0:
		return fmt.Errorf("typology: BG/NBD: tx = %v with no repeat purchase: want 0: %w", tx, ErrInvalidModel)
	}
	return nil
}

// hyp2f1 sums the Gauss hypergeometric series 2F1(a, b; c; z) for
// 0 ≤ z < 1 and a, b, c > 0 until a term no longer changes the sum.
func hyp2f1(a, b, c, z float64) (float64, error) { return scaledHyp2f1(0, a, b, c, z) }

// scaledHyp2f1 returns exp(logScale) · 2F1(a, b; c; z), summing the scaled
// terms in logs so that neither a tiny scale nor huge terms overflow: with
// a, b, c > 0 and 0 ≤ z < 1 every term is positive. It stops once the terms
// decrease for good and the last no longer changes the sum.
func scaledHyp2f1(logScale, a, b, c, z float64) (float64, error) {
	if !(a > 0 && b > 0 && c > 0 && z >= 0 && z < 1) {
		return 0, fmt.Errorf("typology: BG/NBD: 2F1(%v, %v; %v; %v) outside a, b, c > 0, 0 ≤ z < 1: %w", a, b, c, z, ErrInvalidModel)
	}
	if z == 0 {
		return math.Exp(logScale), nil
	}
	logz := math.Log(z)
	maxAB := max(a, b)
	logt := logScale
	sum := math.Exp(logt)
	for j := 0; j < 2_000_000; j++ {
		fj := float64(j)
		ratio := math.Log((a+fj)*(b+fj)/((c+fj)*(fj+1))) + logz
		logt += ratio
		term := math.Exp(logt)
		sum += term
		// Past j ≥ max(a, b) the ratio of terms only moves toward z, so a
		// decreasing, negligible term stays negligible.
		if ratio < 0 && fj >= maxAB && term <= 1e-16*sum {
			if math.IsInf(sum, 0) || math.IsNaN(sum) {
				break
			}
			return sum, nil
		}
	}
	return 0, fmt.Errorf("typology: BG/NBD: 2F1(%v, %v; %v; %v) did not converge (horizon too long for the parameters): %w", a, b, c, z, ErrInvalidModel)
}

// ExpectedPurchases returns E[X(t)], the expected number of repeat purchases
// in (0, t] of a customer picked at random (Fader, Hardie & Lee 2005, eq. 7):
//
//	E[X(t)] = (a+b−1)/(a−1) · [1 − (α/(α+t))^r · 2F1(r, b; a+b−1; t/(α+t))]
//
// It needs a ≠ 1 (the formula's singularity), a + b > 1 (where the series
// applies) and t ≥ 0.
func (m BGNBD) ExpectedPurchases(t float64) (float64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	if !(t >= 0) || math.IsInf(t, 0) {
		return 0, fmt.Errorf("typology: BG/NBD: t = %v: want ≥ 0 and finite: %w", t, ErrInvalidModel)
	}
	if math.Abs(m.A-1) < 1e-9 {
		return 0, fmt.Errorf("typology: BG/NBD: a = %v: the expectation is undefined at a = 1: %w", m.A, ErrInvalidModel)
	}
	if t == 0 {
		return 0, nil
	}
	// (α/(α+t))^r · 2F1(…), the scale taken into the series.
	s, err := scaledHyp2f1(m.R*(math.Log(m.Alpha)-math.Log(m.Alpha+t)), m.R, m.B, m.A+m.B-1, t/(m.Alpha+t))
	if err != nil {
		return 0, err
	}
	return (m.A + m.B - 1) / (m.A - 1) * (1 - s), nil
}

// PAlive returns the probability that a customer with history (x, tx, T) is
// still alive at T (Fader, Hardie & Lee 2008, "Computing P(alive) using the
// BG/NBD model"):
//
//	P(alive) = 1 / (1 + [x > 0] · a/(b+x−1) · ((α+T)/(α+tx))^(r+x))
//
// A customer with no repeat purchase is alive with probability 1 (the model
// lets a customer drop out only right after a purchase).
func (m BGNBD) PAlive(x int, tx, T float64) (float64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	if err := checkHistory(x, tx, T); err != nil {
		return 0, err
	}
	if x == 0 {
		return 1, nil
	}
	return 1 / (1 + m.deadOdds(x, tx, T)), nil
}

// deadOdds is a/(b+x−1) · ((α+T)/(α+tx))^(r+x), computed in logs.
func (m BGNBD) deadOdds(x int, tx, T float64) float64 {
	fx := float64(x)
	return math.Exp(math.Log(m.A/(m.B+fx-1)) + (m.R+fx)*(math.Log(m.Alpha+T)-math.Log(m.Alpha+tx)))
}

// ConditionalExpectedPurchases returns E[Y(t) | x, tx, T], the expected
// number of purchases in (T, T+t] of a customer with history (x, tx, T)
// (Fader, Hardie & Lee 2005, eq. 10):
//
//	(a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; t/(α+T+t))]
//	  / (1 + [x > 0] · a/(b+x−1) · ((α+T)/(α+tx))^(r+x))
//
// It needs a ≠ 1, a + b + x > 1 and t ≥ 0.
func (m BGNBD) ConditionalExpectedPurchases(t float64, x int, tx, T float64) (float64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	if err := checkHistory(x, tx, T); err != nil {
		return 0, err
	}
	if !(t >= 0) || math.IsInf(t, 0) {
		return 0, fmt.Errorf("typology: BG/NBD: t = %v: want ≥ 0 and finite: %w", t, ErrInvalidModel)
	}
	if math.Abs(m.A-1) < 1e-9 {
		return 0, fmt.Errorf("typology: BG/NBD: a = %v: the expectation is undefined at a = 1: %w", m.A, ErrInvalidModel)
	}
	if t == 0 {
		return 0, nil
	}
	fx := float64(x)
	s, err := scaledHyp2f1((m.R+fx)*(math.Log(m.Alpha+T)-math.Log(m.Alpha+T+t)), m.R+fx, m.B+fx, m.A+m.B+fx-1, t/(m.Alpha+T+t))
	if err != nil {
		return 0, err
	}
	num := (m.A + m.B + fx - 1) / (m.A - 1) * (1 - s)
	den := 1.0
	if x > 0 {
		den += m.deadOdds(x, tx, T)
	}
	return num / den, nil
}
