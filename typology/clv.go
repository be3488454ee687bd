package typology

import (
	"fmt"
	"math"

	"github.com/servuction/servuction"
	"github.com/shopspring/decimal"
)

// CLVConfig sets the horizon and discounting of [ModelCLV].
type CLVConfig struct {
	// Periods is the number of future periods valued, ≥ 1 (e.g. 12 months).
	Periods int
	// PeriodLength is the length of one period in the BG/NBD's time unit,
	// > 0 (e.g. 52/12 for months when the model is in weeks).
	PeriodLength float64
	// Discount is the discount rate per period, ≥ 0 (e.g. 0.01 a month,
	// about 12.7 % a year).
	Discount decimal.Decimal
	// Margin is the share of spend that is contribution, in (0, 1]; zero
	// means 1 (the value is revenue).
	Margin decimal.Decimal
}

// Validate reports every field out of range, wrapping [ErrInvalidConfig].
func (c CLVConfig) Validate() error {
	switch {
	case c.Periods < 1:
		return fmt.Errorf("typology: CLV: Periods %d: want ≥ 1: %w", c.Periods, ErrInvalidConfig)
	case !(c.PeriodLength > 0) || math.IsInf(c.PeriodLength, 0):
		return fmt.Errorf("typology: CLV: PeriodLength %v: want > 0 and finite: %w", c.PeriodLength, ErrInvalidConfig)
	case c.Discount.Sign() < 0:
		return fmt.Errorf("typology: CLV: Discount %s: want ≥ 0: %w", c.Discount, ErrInvalidConfig)
	case c.Margin.Sign() < 0 || c.Margin.GreaterThan(decimal.NewFromInt(1)):
		return fmt.Errorf("typology: CLV: Margin %s: want in (0, 1], or 0 for 1: %w", c.Margin, ErrInvalidConfig)
	}
	return nil
}

// DiscountedPurchases returns the expected purchases of a customer with
// history (x, tx, T) over the next cfg.Periods periods, each period's
// purchases discounted to now at the end of the period:
//
//	Σₖ₌₁ᴷ (E[Y(k·L) | x, tx, T] − E[Y((k−1)·L) | x, tx, T]) / (1 + d)ᵏ
//
// with L = PeriodLength and d = Discount (the discrete discounting of
// lifetimes' customer_lifetime_value). Margin is not applied.
func (m BGNBD) DiscountedPurchases(x int, tx, T float64, cfg CLVConfig) (float64, error) {
	if err := cfg.Validate(); err != nil {
		return 0, err
	}
	d := cfg.Discount.InexactFloat64()
	var sum, prev float64
	for k := 1; k <= cfg.Periods; k++ {
		y, err := m.ConditionalExpectedPurchases(float64(k)*cfg.PeriodLength, x, tx, T)
		if err != nil {
			return 0, err
		}
		sum += (y - prev) / math.Pow(1+d, float64(k))
		prev = y
	}
	return sum, nil
}

// ModelCLV returns the customer lifetime value of c from fitted models:
// Margin × the Gamma-Gamma expected spend per purchase given c's X repeat
// purchases and their MeanAmount × the BG/NBD's discounted expected
// purchases ([BGNBD.DiscountedPurchases]) over the horizon of cfg.
//
// Discounting is discrete and stated: each period's expected purchases are
// discounted by (1 + Discount)^k at the end of period k; purchases after
// the horizon are not valued. The result is in c.MeanAmount's currency,
// rounded to 2 decimal places (the models are floating-point estimates).
// Invalid models wrap [ErrInvalidModel], a wrong cfg [ErrInvalidConfig], a
// wrong history [ErrInvalidHistory].
func ModelCLV(bg BGNBD, gg GammaGamma, c CustomerSummary, cfg CLVConfig) (servuction.Money, error) {
	if err := cfg.Validate(); err != nil {
		return servuction.Money{}, err
	}
	if err := checkHistory(c.X, c.Tx, c.T); err != nil {
		return servuction.Money{}, fmt.Errorf("typology: CLV: customer %q: %w: %w", c.Customer, err, ErrInvalidHistory)
	}
	mean := c.MeanAmount.Amount.InexactFloat64()
	if c.X > 0 && !(mean > 0) {
		return servuction.Money{}, fmt.Errorf("typology: CLV: customer %q: mean amount %s of %d repeat purchases: want > 0: %w", c.Customer, c.MeanAmount, c.X, ErrInvalidHistory)
	}
	spend, err := gg.ConditionalExpectedSpend(c.X, mean)
	if err != nil {
		return servuction.Money{}, err
	}
	n, err := bg.DiscountedPurchases(c.X, c.Tx, c.T, cfg)
	if err != nil {
		return servuction.Money{}, err
	}
	margin := 1.0
	if !cfg.Margin.IsZero() {
		margin = cfg.Margin.InexactFloat64()
	}
	v := margin * spend * n
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return servuction.Money{}, fmt.Errorf("typology: CLV: customer %q: value %v not finite: %w", c.Customer, v, ErrInvalidModel)
	}
	return servuction.Money{Amount: decimal.NewFromFloat(v).Round(2), Currency: c.MeanAmount.Currency}, nil
}
