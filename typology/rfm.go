package typology

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/servuction/servuction"
)

// RFMInput is one customer's recency, frequency and monetary value, the three
// figures of RFM analysis (Hughes 1994, "Strategic Database Marketing"),
// the seeds' data-base marketing.
type RFMInput struct {
	Customer string
	// Recency is the time since the last purchase; shorter is better.
	Recency time.Duration
	// Frequency is the number of purchases in the period analysed.
	Frequency int
	// Monetary is the amount spent in the period; all customers' amounts must
	// share one currency.
	Monetary servuction.Money
	// Data is optional profile data that segment rules may select on.
	Data *CustomerData
}

// Summarize returns the RFM figures of h at now: recency since the last
// purchase, and the number and total amount of the purchases in the window
// (now − window, now]. A history without purchases has Recency −1 (never
// bought), which scores 1.
func Summarize(h History, now time.Time, window time.Duration) (RFMInput, error) {
	if err := h.Validate(now); err != nil {
		return RFMInput{}, err
	}
	in := RFMInput{Customer: h.Customer, Recency: -1, Data: h.Data}
	var last time.Time
	from := now.Add(-window)
	for _, p := range h.Purchases {
		if p.At.After(last) {
			last = p.At
		}
		if p.At.After(from) {
			in.Frequency++
			var err error
			if in.Monetary, err = in.Monetary.Add(p.Amount); err != nil {
				return RFMInput{}, fmt.Errorf("typology: customer %q: %v: %w", h.Customer, err, ErrInvalidHistory)
			}
		}
	}
	if !last.IsZero() {
		in.Recency = now.Sub(last)
	}
	return in, nil
}

// RFMScore is a customer's RFM scores, each 1 (worst) to 5 (best), and the
// segment their rules put the customer in.
type RFMScore struct {
	Customer   string
	R, F, M    int
	Segment    Segment
	SegmentIdx int // index of the rule that matched in the Segmentation
}

// Code returns the scores as the usual three digits, e.g. "545".
func (s RFMScore) Code() string { return fmt.Sprintf("%d%d%d", s.R, s.F, s.M) }

// quintiles writes into score the quintile score 1–5 of every customer, by
// the key order given by less (worse first).
//
// Tie policy: customers with equal keys get the same score, the score of the
// first (worst-placed) of them: score = 1 + ⌊5·k/n⌋, where k is the number of
// customers strictly worse. So quintiles are exact when there are no ties and
// ties never split across scores; a heavily tied value can leave a score empty.
func quintiles(n int, order []int32, score []int8, less func(i, j int32) int) {
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, less)
	k := 0
	for i := 0; i < n; i++ {
		if i > 0 && less(order[i-1], order[i]) != 0 {
			k = i
		}
		score[order[i]] = int8(1 + 5*k/n)
	}
}

// ScoreRFM scores every customer 1–5 on recency, frequency and monetary value
// by quintiles of the given customers (5 = most recent, most frequent, highest
// spend), with the tie policy of equal values, equal score (the lower one:
// score = 1 + ⌊5·k/n⌋, k = customers strictly worse), and assigns each a
// segment with seg; a nil seg means [DefaultSegmentation].
//
// Negative frequency or amount, a recency below −1 ns (−1 means never
// bought and scores worst), and mixed currencies are errors wrapping
// [ErrInvalidHistory]. The result is in the order of in.
func ScoreRFM(in []RFMInput, seg *Segmentation) ([]RFMScore, error) {
	if seg == nil {
		seg = DefaultSegmentation()
	}
	var errs []error
	currency := ""
	for i, c := range in {
		if len(errs) >= maxReported {
			break
		}
		if c.Frequency < 0 {
			errs = append(errs, fmt.Errorf("typology: RFM customer %d %q: frequency %d is negative: %w", i, c.Customer, c.Frequency, ErrInvalidHistory))
		}
		if c.Monetary.Sign() < 0 {
			errs = append(errs, fmt.Errorf("typology: RFM customer %d %q: monetary %s is negative: %w", i, c.Customer, c.Monetary, ErrInvalidHistory))
		}
		if c.Recency < -1 {
			errs = append(errs, fmt.Errorf("typology: RFM customer %d %q: recency %s is negative: %w", i, c.Customer, c.Recency, ErrInvalidHistory))
		}
		if cur := c.Monetary.Currency; cur != "" {
			if currency == "" {
				currency = cur
			} else if cur != currency {
				errs = append(errs, fmt.Errorf("typology: RFM customer %d %q: currency %s differs from %s: %w", i, c.Customer, cur, currency, ErrInvalidHistory))
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	n := len(in)
	if n == 0 {
		return nil, nil
	}
	order := make([]int32, n)
	r := make([]int8, n)
	f := make([]int8, n)
	m := make([]int8, n)
	// Recency: a longer time is worse; never bought (−1) is worst of all.
	quintiles(n, order, r, func(i, j int32) int {
		a, b := in[i].Recency, in[j].Recency
		switch {
		case a < 0 && b < 0:
			return 0
		case a < 0:
			return -1
		case b < 0:
			return 1
		}
		return cmp.Compare(b, a)
	})
	quintiles(n, order, f, func(i, j int32) int { return cmp.Compare(in[i].Frequency, in[j].Frequency) })
	quintiles(n, order, m, func(i, j int32) int { return in[i].Monetary.Amount.Cmp(in[j].Monetary.Amount) })
	out := make([]RFMScore, n)
	for i := range out {
		s := RFMScore{Customer: in[i].Customer, R: int(r[i]), F: int(f[i]), M: int(m[i])}
		s.SegmentIdx = seg.index(s.R, s.F, s.M, in[i].Data)
		s.Segment = seg.rules[s.SegmentIdx].Segment
		out[i] = s
	}
	return out, nil
}
