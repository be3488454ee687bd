package typology

import (
	"fmt"
	"math"
)

// HoldoutBucket is one row of a holdout comparison: the customers who made X
// repeat purchases in the calibration period (X or more in the last row),
// with their mean number of purchases in the holdout period, actual and
// predicted.
type HoldoutBucket struct {
	X         int
	OrMore    bool // the last bucket: X or more
	Customers int
	Actual    float64 // mean purchases per customer in the holdout
	Predicted float64 // mean of E[Y(holdout) | X, Tx, T] over the customers
}

// HoldoutComparison is the check of a BG/NBD's forecasts against the
// holdout period, by calibration frequency as in Fader, Hardie & Lee (2005),
// figure 4 ("conditional expectations"), plus the totals.
type HoldoutComparison struct {
	Buckets []HoldoutBucket
	// Actual and Predicted are the total purchases of all customers in the
	// holdout period.
	Actual, Predicted float64
}

// CompareHoldout predicts each customer's purchases in a holdout period of
// the given length (in the model's time unit, e.g.
// [SummaryConfig.HoldoutLength]) from the calibration figures (X, Tx, T),
// and sets the prediction beside the actual HoldoutX, averaged over the
// customers of each calibration frequency 0, 1, …, maxX−1 and maxX or more.
// Empty buckets are left out. A wrong history wraps [ErrInvalidHistory]; a
// holdout ≤ 0 or not finite, or a maxX < 1, wraps [ErrInvalidConfig].
func (m BGNBD) CompareHoldout(data []CustomerSummary, holdout float64, maxX int) (HoldoutComparison, error) {
	if !(holdout > 0) || math.IsInf(holdout, 0) {
		return HoldoutComparison{}, fmt.Errorf("typology: holdout comparison: length %v: want > 0 and finite: %w", holdout, ErrInvalidConfig)
	}
	if maxX < 1 {
		return HoldoutComparison{}, fmt.Errorf("typology: holdout comparison: maxX %d: want ≥ 1: %w", maxX, ErrInvalidConfig)
	}
	if err := m.Validate(); err != nil {
		return HoldoutComparison{}, err
	}
	buckets := make([]HoldoutBucket, maxX+1)
	var out HoldoutComparison
	for i, c := range data {
		if c.HoldoutX < 0 {
			return HoldoutComparison{}, fmt.Errorf("typology: holdout comparison: customer %d %q: holdout purchases %d is negative: %w", i, c.Customer, c.HoldoutX, ErrInvalidHistory)
		}
		pred, err := m.ConditionalExpectedPurchases(holdout, c.X, c.Tx, c.T)
		if err != nil {
			return HoldoutComparison{}, fmt.Errorf("typology: holdout comparison: customer %d %q: %w: %w", i, c.Customer, err, ErrInvalidHistory)
		}
		b := &buckets[min(c.X, maxX)]
		b.Customers++
		b.Actual += float64(c.HoldoutX)
		b.Predicted += pred
		out.Actual += float64(c.HoldoutX)
		out.Predicted += pred
	}
	for x, b := range buckets {
		if b.Customers == 0 {
			continue
		}
		b.X, b.OrMore = x, x == maxX
		b.Actual /= float64(b.Customers)
		b.Predicted /= float64(b.Customers)
		out.Buckets = append(out.Buckets, b)
	}
	return out, nil
}
