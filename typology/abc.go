package typology

import (
	"errors"
	"fmt"
	"slices"

	"github.com/servuction/servuction"
	"github.com/shopspring/decimal"
)

// Contribution is a customer's margin over a period, the input of [ABC].
type Contribution struct {
	Customer string
	Margin   servuction.Money
}

// ABCConfig holds the cumulative shares of the ABC (Pareto) classes. Zero
// fields mean the defaults: class A takes the best customers up to A = 0.80 of
// the total positive contribution, class B up to B = 0.95, class C the rest.
type ABCConfig struct {
	A, B float64
}

// Validate reports shares out of 0 < A < B < 1 (after defaults), wrapping
// [ErrInvalidConfig].
func (c ABCConfig) Validate() error {
	c = c.withDefaults()
	if !(c.A > 0 && c.A < c.B && c.B < 1) {
		return fmt.Errorf("typology: ABC shares A = %v, B = %v: want 0 < A < B < 1: %w", c.A, c.B, ErrInvalidConfig)
	}
	return nil
}

func (c ABCConfig) withDefaults() ABCConfig {
	if c.A == 0 {
		c.A = 0.8
	}
	if c.B == 0 {
		c.B = 0.95
	}
	return c
}

// ABCClass is one customer's place in the ABC analysis.
type ABCClass struct {
	Customer string
	Margin   servuction.Money
	// Class is VeryProfitable (A), Profitable (B), LittleProfitable (C) or
	// NotProfitable (margin ≤ 0).
	Class Profitability
	// Share is the customer's share of the total positive contribution; 0 for
	// a margin ≤ 0.
	Share float64
}

// ABCResult is the ABC analysis of a customer base.
type ABCResult struct {
	Classes []ABCClass       // in the order of the input
	Total   servuction.Money // the total positive contribution
	bands   Bands
}

// Bands returns the margin thresholds that reproduce the classes for a
// [Config]: VeryProfitable is the smallest margin in class A, Profitable the
// smallest in class B (or A's when B is empty). A base without a positive
// margin gives zero Bands.
func (r ABCResult) Bands() Bands { return r.bands }

// ABC sorts customers into the seeds' profitability classes by the Pareto
// rule on positive contribution: customers with a margin ≤ 0 are
// NotProfitable; the others, from the largest margin down, are class A
// (VeryProfitable, muy rentables) while the cumulative share of the positive
// total before them is below cfg.A, class B (Profitable, rentables) while it
// is below cfg.B, and class C (LittleProfitable, poco rentables) after. The
// customer who crosses a line belongs to the class above it.
//
// Tie policy: customers with equal margins get the same class, the class of
// the first of them, so [ABCResult.Bands] reproduce the classes exactly.
//
// Margins in several currencies wrap [ErrInvalidHistory]; a bad cfg wraps
// [ErrInvalidConfig].
func ABC(cs []Contribution, cfg ABCConfig) (ABCResult, error) {
	if err := cfg.Validate(); err != nil {
		return ABCResult{}, err
	}
	cfg = cfg.withDefaults()
	res := ABCResult{Classes: make([]ABCClass, len(cs))}
	var pos []int
	var errs []error
	for i, c := range cs {
		res.Classes[i] = ABCClass{Customer: c.Customer, Margin: c.Margin, Class: NotProfitable}
		if c.Margin.Sign() <= 0 {
			continue
		}
		pos = append(pos, i)
		var err error
		if res.Total, err = res.Total.Add(c.Margin); err != nil && len(errs) < maxReported {
			errs = append(errs, fmt.Errorf("typology: ABC customer %d %q: %v: %w", i, c.Customer, err, ErrInvalidHistory))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return ABCResult{}, err
	}
	if len(pos) == 0 {
		return res, nil
	}
	slices.SortStableFunc(pos, func(i, j int) int { return cs[j].Margin.Amount.Cmp(cs[i].Margin.Amount) })
	total := res.Total.Amount
	lineA := total.Mul(decimal.NewFromFloat(cfg.A))
	lineB := total.Mul(decimal.NewFromFloat(cfg.B))
	var before decimal.Decimal
	var class Profitability
	minA, minB := decimal.Decimal{}, decimal.Decimal{}
	hasB := false
	for k, i := range pos {
		m := cs[i].Margin.Amount
		if k == 0 || !m.Equal(cs[pos[k-1]].Margin.Amount) {
			switch {
			case before.LessThan(lineA):
				class = VeryProfitable
			case before.LessThan(lineB):
				class = Profitable
			default:
				class = LittleProfitable
			}
		}
		switch class {
		case VeryProfitable:
			minA = m
		case Profitable:
			minB, hasB = m, true
		}
		res.Classes[i].Class = class
		res.Classes[i].Share = m.Div(total).InexactFloat64()
		before = before.Add(m)
	}
	if !hasB {
		minB = minA
	}
	cur := res.Total.Currency
	res.bands = Bands{Profitable: servuction.Money{Amount: minB, Currency: cur}, VeryProfitable: servuction.Money{Amount: minA, Currency: cur}}
	return res, nil
}
