package typology

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/servuction/servuction"
	"github.com/shopspring/decimal"
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
// [now − window, now]. A history without purchases has Recency −1 (never
// bought), which scores 1. A window ≤ 0 wraps [ErrInvalidConfig].
func Summarize(h History, now time.Time, window time.Duration) (RFMInput, error) {
	if window <= 0 {
		return RFMInput{}, fmt.Errorf("typology: RFM window %s: want > 0: %w", formatDuration(window), ErrInvalidConfig)
	}
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
		if !p.At.Before(from) {
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

// keyed is a sort key and the index of its customer.
type keyed struct {
	key int64
	idx int32
}

// ntile returns the score 1–5 that R's dplyr::ntile(x, 5) gives the pos-th
// of n values in order (1-based, no ties): n = 5q + rem values fall into five
// groups, the first rem of q+1 values and the others of q, in order.
func ntile(pos, n int) int {
	q, rem := n/5, n%5
	larger := q + 1
	if thr := larger * rem; pos > thr {
		return (pos-thr+q-1)/q + rem
	}
	return (pos + larger - 1) / larger
}

// tieScore returns the score of a value below which k of n customers lie
// (strictly worse) and which t customers, itself included, share: the ntile
// score of the position of its mid-rank, ⌈k + (t+1)/2⌉.
func tieScore(k, t, n int) int8 { return int8(ntile(k+(t+2)/2, n)) }

// scoreSorted writes the score of every customer of pairs, sorted worse
// first, into score: equal neighbours (same(i-1, i)) form one tie group and
// share a score (see [ScoreRFM] for the policy).
func scoreSorted(n int, idx func(i int) int32, same func(i int) bool, score []int8) {
	for k := 0; k < n; {
		t := 1
		for k+t < n && same(k+t) {
			t++
		}
		s := tieScore(k, t, n)
		for i := k; i < k+t; i++ {
			score[idx(i)] = s
		}
		k += t
	}
}

func scoreKeys(pairs, buf []keyed, score []int8) {
	radixSort(pairs, buf)
	scoreSorted(len(pairs), func(i int) int32 { return pairs[i].idx }, func(i int) bool { return pairs[i-1].key == pairs[i].key }, score)
}

// moneyKeys returns the amounts as int64 coefficients at their smallest
// common exponent, or false when one would not fit in 18 digits.
func moneyKeys(in []RFMInput, pairs []keyed) bool {
	minExp := int32(math.MaxInt32)
	for i := range in {
		if in[i].Monetary.Amount.IsZero() {
			continue
		}
		minExp = min(minExp, in[i].Monetary.Amount.Exponent())
	}
	for i := range in {
		a := in[i].Monetary.Amount
		if a.IsZero() {
			pairs[i] = keyed{0, int32(i)}
			continue
		}
		shift := int(a.Exponent() - minExp)
		if a.NumDigits()+shift > 18 {
			return false
		}
		c := a.CoefficientInt64()
		for ; shift > 0; shift-- {
			c *= 10
		}
		pairs[i] = keyed{c, int32(i)}
	}
	return true
}

// ScoreRFM scores every customer 1–5 on recency, frequency and monetary value
// by quintiles of the given customers (5 = most recent, most frequent, highest
// spend), and assigns each a segment with seg; a nil seg means
// [DefaultSegmentation].
//
// # Tie policy: mid-ranks
//
// Without ties the scores are R's dplyr::ntile(x, 5): customers in order,
// n = 5q + r of them, the first r scores take q+1 customers each and the
// others q. Equal values share one score, that of the position of their
// mid-rank (R's rank(x, ties.method = "average"), rounded up when it is a
// half): in R, ntile(seq_along(x), 5)[ceiling(rank(x))]. So five identical
// customers all score 3, not 1 (dplyr::ntile would split them 1, 2, 3, 4, 5
// by their order in the input); a value shared by most customers scores in
// the middle of the scores they span, and a score may be left empty.
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
	if n > math.MaxInt32 {
		return nil, fmt.Errorf("typology: RFM of %d customers: at most %d at once: %w", n, math.MaxInt32, ErrInvalidHistory)
	}
	pairs := make([]keyed, n)
	buf := make([]keyed, n)
	r := make([]int8, n)
	f := make([]int8, n)
	m := make([]int8, n)
	// Recency: a longer time is worse, never bought (−1) worst of all.
	for i := range in {
		k := int64(math.MinInt64)
		if in[i].Recency >= 0 {
			k = -int64(in[i].Recency)
		}
		pairs[i] = keyed{k, int32(i)}
	}
	scoreKeys(pairs, buf, r)
	for i := range in {
		pairs[i] = keyed{int64(in[i].Frequency), int32(i)}
	}
	scoreKeys(pairs, buf, f)
	if moneyKeys(in, pairs) {
		scoreKeys(pairs, buf, m)
	} else {
		// Amounts too long for int64 keys: compare the decimals themselves.
		for i := range pairs {
			pairs[i].idx = int32(i)
		}
		amount := func(i int) decimal.Decimal { return in[pairs[i].idx].Monetary.Amount }
		slices.SortFunc(pairs, func(a, b keyed) int { return in[a.idx].Monetary.Amount.Cmp(in[b.idx].Monetary.Amount) })
		scoreSorted(n, func(i int) int32 { return pairs[i].idx }, func(i int) bool { return amount(i - 1).Equal(amount(i)) }, m)
	}
	out := make([]RFMScore, n)
	for i := range out {
		s := RFMScore{Customer: in[i].Customer, R: int(r[i]), F: int(f[i]), M: int(m[i])}
		s.SegmentIdx = seg.index(s.R, s.F, s.M, in[i].Data)
		s.Segment = seg.rules[s.SegmentIdx].Segment
		out[i] = s
	}
	return out, nil
}
