package typology

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/servuction/servuction"
	"github.com/shopspring/decimal"
)

// Transaction is one purchase in a transaction log, the raw input of the
// customer-value models.
type Transaction struct {
	Customer string
	At       time.Time
	Amount   servuction.Money // ≥ 0; one currency for the whole log
}

// SummaryConfig sets the periods of [SummarizeTransactions]: the
// calibration period, in which the models are fitted, ends at
// CalibrationEnd; the holdout period (CalibrationEnd, HoldoutEnd] is kept
// apart to check their forecasts.
type SummaryConfig struct {
	// CalibrationEnd is the last instant of the calibration period; a
	// purchase at CalibrationEnd belongs to it. Required.
	CalibrationEnd time.Time
	// HoldoutEnd is the last instant of the holdout period; the zero time
	// means no holdout. Purchases after the last period are not counted.
	HoldoutEnd time.Time
	// Unit is the unit of Tx, T and the holdout length; zero means a week
	// (7 days of 24 h), the unit of the BG/NBD papers.
	Unit time.Duration
	// MergeSameDay counts the purchases a customer makes on one civil date
	// (in Location) as one purchase of their summed amount, at the first of
	// them: what Fader, Hardie & Lee did with CDNOW and what a model of
	// purchase occasions, not of tickets, wants.
	MergeSameDay bool
	// Location is the zone of the civil dates of MergeSameDay; nil means UTC.
	Location *time.Location
}

func (c SummaryConfig) unit() time.Duration {
	if c.Unit == 0 {
		return 7 * Day
	}
	return c.Unit
}

// HoldoutLength returns the length of the holdout period in Unit (0 without
// a holdout).
func (c SummaryConfig) HoldoutLength() float64 {
	if c.HoldoutEnd.IsZero() {
		return 0
	}
	return float64(c.HoldoutEnd.Sub(c.CalibrationEnd)) / float64(c.unit())
}

// Validate reports every problem of c, joined, each wrapping
// [ErrInvalidConfig].
func (c SummaryConfig) Validate() error {
	var errs []error
	if c.CalibrationEnd.IsZero() {
		errs = append(errs, fmt.Errorf("typology: summary: CalibrationEnd not set: %w", ErrInvalidConfig))
	}
	if !c.HoldoutEnd.IsZero() && !c.HoldoutEnd.After(c.CalibrationEnd) {
		errs = append(errs, fmt.Errorf("typology: summary: HoldoutEnd %s not after CalibrationEnd %s: %w",
			c.HoldoutEnd.Format(time.RFC3339), c.CalibrationEnd.Format(time.RFC3339), ErrInvalidConfig))
	}
	if c.Unit < 0 {
		errs = append(errs, fmt.Errorf("typology: summary: Unit %s is negative: %w", c.Unit, ErrInvalidConfig))
	}
	return errors.Join(errs...)
}

// CustomerSummary is one customer's purchases summarized for the
// customer-value models: (X, Tx, T) for the BG/NBD, the mean repeat amount for
// the Gamma-Gamma spend model, and the holdout figures to check forecasts.
type CustomerSummary struct {
	Customer string
	// X is the number of repeat purchases in the calibration period (after
	// the first purchase).
	X int
	// Tx is the time from the first purchase to the last calibration
	// purchase, and T the time from the first purchase to the end of the
	// calibration period, in the unit of the summary.
	Tx, T float64
	// MeanAmount is the mean amount of the X repeat purchases (the first
	// purchase is left out, as in Fader, Hardie & Lee 2005), to 16 decimal
	// places; zero (in the log's currency) when X = 0.
	MeanAmount servuction.Money
	// HoldoutX and HoldoutAmount are the number and the total amount of the
	// purchases in the holdout period.
	HoldoutX      int
	HoldoutAmount servuction.Money
}

// SummarizeTransactions turns a transaction log into one summary per
// customer whose first purchase falls in the calibration period (customers
// who first buy in the holdout are left out: the models forecast the
// customers they have seen), sorted by customer. The order of the log does
// not matter.
//
// A transaction without customer or instant, a negative amount, or amounts
// in two currencies wraps [ErrInvalidHistory]; a wrong config wraps
// [ErrInvalidConfig]. Every problem is reported, up to 20.
func SummarizeTransactions(log []Transaction, cfg SummaryConfig) ([]CustomerSummary, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	currency, err := checkLog(log)
	if err != nil {
		return nil, err
	}
	end := cfg.CalibrationEnd
	if !cfg.HoldoutEnd.IsZero() {
		end = cfg.HoldoutEnd
	}
	idx := make([]int, 0, len(log))
	for i := range log {
		if !log[i].At.After(end) {
			idx = append(idx, i)
		}
	}
	slices.SortFunc(idx, func(a, b int) int {
		return cmp.Or(cmp.Compare(log[a].Customer, log[b].Customer), log[a].At.Compare(log[b].At))
	})
	var out []CustomerSummary
	for lo := 0; lo < len(idx); {
		hi := lo + 1
		for hi < len(idx) && log[idx[hi]].Customer == log[idx[lo]].Customer {
			hi++
		}
		if s, ok := summarizeCustomer(log, idx[lo:hi], cfg, currency); ok {
			out = append(out, s)
		}
		lo = hi
	}
	return out, nil
}

// checkLog reports every problem of the log and returns its currency.
func checkLog(log []Transaction) (string, error) {
	var errs []error
	add := func(err error) {
		if len(errs) < maxReported {
			errs = append(errs, err)
		}
	}
	currency := ""
	for i, t := range log {
		if t.Customer == "" {
			add(fmt.Errorf("typology: transaction %d: no customer: %w", i, ErrInvalidHistory))
		}
		if t.At.IsZero() {
			add(fmt.Errorf("typology: transaction %d (%q): instant not set: %w", i, t.Customer, ErrInvalidHistory))
		}
		if t.Amount.Sign() < 0 {
			add(fmt.Errorf("typology: transaction %d (%q): amount %s is negative: %w", i, t.Customer, t.Amount, ErrInvalidHistory))
		}
		if cur := t.Amount.Currency; cur != "" {
			if currency == "" {
				currency = cur
			} else if cur != currency {
				add(fmt.Errorf("typology: transaction %d (%q): currency %s differs from %s: %w", i, t.Customer, cur, currency, ErrInvalidHistory))
			}
		}
	}
	return currency, errors.Join(errs...)
}

// summarizeCustomer summarizes one customer's transactions, idx sorted by
// time; false when the first purchase is after the calibration period.
func summarizeCustomer(log []Transaction, idx []int, cfg SummaryConfig, currency string) (CustomerSummary, bool) {
	first := log[idx[0]]
	if first.At.After(cfg.CalibrationEnd) {
		return CustomerSummary{}, false
	}
	loc := cfg.Location
	if loc == nil {
		loc = time.UTC
	}
	sameDay := func(a, b time.Time) bool {
		ya, ma, da := a.In(loc).Date()
		yb, mb, db := b.In(loc).Date()
		return ya == yb && ma == mb && da == db
	}
	unit := float64(cfg.unit())
	s := CustomerSummary{Customer: first.Customer, T: float64(cfg.CalibrationEnd.Sub(first.At)) / unit}
	var repeat, holdout servuction.Money
	prev := first.At
	for _, i := range idx[1:] {
		t := log[i]
		merged := cfg.MergeSameDay && sameDay(prev, t.At)
		inCal := !t.At.After(cfg.CalibrationEnd)
		if merged && inCal == !prev.After(cfg.CalibrationEnd) {
			// Same occasion as the previous purchase: add the amount only
			// (to the first purchase's, which is not a repeat, it is lost).
			if prev.After(cfg.CalibrationEnd) {
				holdout, _ = holdout.Add(t.Amount)
			} else if s.X > 0 {
				repeat, _ = repeat.Add(t.Amount)
			}
			continue
		}
		prev = t.At
		if inCal {
			s.X++
			s.Tx = float64(t.At.Sub(first.At)) / unit
			repeat, _ = repeat.Add(t.Amount)
		} else {
			s.HoldoutX++
			holdout, _ = holdout.Add(t.Amount)
		}
	}
	s.MeanAmount.Currency, s.HoldoutAmount = currency, servuction.Money{Amount: holdout.Amount, Currency: currency}
	if s.X > 0 {
		s.MeanAmount.Amount = repeat.Amount.DivRound(decimal.NewFromInt(int64(s.X)), 16)
	}
	return s, true
}
