package typology

import (
	"fmt"
	"math"
	"slices"

	"github.com/servuction/servuction"
	"github.com/shopspring/decimal"
)

// RFMSketch accumulates what RFM scoring needs to know about a customer
// base, so that the base can be scored on many machines in two passes:
// first every machine adds its customers to a sketch, the sketches are
// merged (in any order, after travelling as JSON) and [RFMSketch.Result]
// computes the quintile boundaries; then every machine scores its own
// customers with [RFMBoundaries.Score]. The scores are those of [ScoreRFM]
// (the same mid-rank tie policy) on the customers' figures at the sketch's
// resolution:
//
//   - recency in whole days (a customer who bought 36 hours ago counts as 1
//     day), exact;
//   - frequency, exact;
//   - monetary value to three significant digits (amounts are rounded down
//     to a bucket such as 22.3, 8 450 or 1.23 million, less than 1 % wide).
//     Amounts with at most three significant digits (85 000, 19.9) are
//     exact; otherwise amounts in one bucket are ranked as ties, so a
//     customer's rank moves by at most the number of other customers in
//     its bucket ([RFMBoundaries.MonetaryRankError] bounds it).
//
// Its size does not grow with the customers added: it holds one count per
// distinct number of days, per distinct frequency and per amount bucket
// (about 900 per power of ten the amounts span).
//
// The zero value is an empty sketch ready to use and the identity of Merge;
// Merge is associative and commutative. An RFMSketch is not safe for
// concurrent use.
type RFMSketch struct {
	n         int64
	currency  string
	recency   map[int64]int64 // whole days since the last purchase, −1 never → customers
	frequency map[int64]int64
	monetary  map[int64]int64 // amountKey → customers
}

// amountKey maps a non-negative amount to its bucket, an int64 that orders
// as the amounts do: 0 for zero, otherwise (e + 2³¹)·1000 + m for the
// amount's leading three digits m (100–999) times 10ᵉ.
func amountKey(a decimal.Decimal) int64 {
	if a.Sign() <= 0 {
		return 0
	}
	digits := a.Coefficient().String()
	nd := len(digits)
	m := int64(0)
	for i := 0; i < 3; i++ {
		m *= 10
		if i < nd {
			m += int64(digits[i] - '0')
		}
	}
	e := int64(a.Exponent()) + int64(nd) - 3
	return (e+1<<31)*1000 + m
}

// keyAmount is the lower bound of the bucket of amountKey k.
func keyAmount(k int64) decimal.Decimal {
	if k == 0 {
		return decimal.Zero
	}
	return decimal.New(k%1000, int32(k/1000-1<<31))
}

// maxAmountExponent bounds the decimal exponent of the amounts a sketch
// takes: amounts from 10⁻⁴⁰ to 10⁴⁰ and beyond in digits, far past any
// currency, so that no bucket prints as a hundred million digits.
const maxAmountExponent = 40

// recencyDays is the recency in whole days, −1 for never bought.
func recencyDays(r int64) int64 {
	if r < 0 {
		return -1
	}
	return r / int64(Day)
}

// checkRFMInput reports what is wrong with one customer's figures, as
// [ScoreRFM] does.
func checkRFMInput(c RFMInput, currency string) error {
	switch {
	case !c.Monetary.Amount.IsZero() && (c.Monetary.Amount.Exponent() < -maxAmountExponent || c.Monetary.Amount.Exponent() > maxAmountExponent):
		return fmt.Errorf("typology: RFM customer %q: monetary exponent %d outside ±%d: %w", c.Customer, c.Monetary.Amount.Exponent(), maxAmountExponent, ErrInvalidHistory)
	case c.Frequency < 0:
		return fmt.Errorf("typology: RFM customer %q: frequency %d is negative: %w", c.Customer, c.Frequency, ErrInvalidHistory)
	case c.Monetary.Sign() < 0:
		return fmt.Errorf("typology: RFM customer %q: monetary %s is negative: %w", c.Customer, c.Monetary, ErrInvalidHistory)
	case c.Recency < -1:
		return fmt.Errorf("typology: RFM customer %q: recency %s is negative: %w", c.Customer, c.Recency, ErrInvalidHistory)
	case c.Monetary.Currency != "" && currency != "" && c.Monetary.Currency != currency:
		return fmt.Errorf("typology: RFM customer %q: currency %s differs from %s: %w", c.Customer, c.Monetary.Currency, currency, ErrInvalidHistory)
	}
	return nil
}

// Add counts one customer. Figures [ScoreRFM] would refuse (negative
// frequency or amount, recency below −1, another currency) wrap
// [ErrInvalidHistory] and leave the sketch unchanged.
func (s *RFMSketch) Add(c RFMInput) error {
	if err := checkRFMInput(c, s.currency); err != nil {
		return err
	}
	if s.recency == nil {
		s.recency, s.frequency, s.monetary = map[int64]int64{}, map[int64]int64{}, map[int64]int64{}
	}
	if s.currency == "" {
		s.currency = c.Monetary.Currency
	}
	s.n++
	s.recency[recencyDays(int64(c.Recency))]++
	s.frequency[int64(c.Frequency)]++
	s.monetary[amountKey(c.Monetary.Amount)]++
	return nil
}

// Merge adds the customers of o into s. Sketches in different currencies,
// or merging a non-empty sketch into itself, wrap [ErrInvalidHistory] and
// leave s unchanged.
func (s *RFMSketch) Merge(o *RFMSketch) error {
	if o == nil || o.n == 0 {
		return nil
	}
	if o == s {
		return fmt.Errorf("typology: RFM sketch: merging a sketch into itself: %w", ErrInvalidHistory)
	}
	if s.currency != "" && o.currency != "" && s.currency != o.currency {
		return fmt.Errorf("typology: RFM sketch: currency %s differs from %s: %w", o.currency, s.currency, ErrInvalidHistory)
	}
	if s.recency == nil {
		s.recency, s.frequency, s.monetary = map[int64]int64{}, map[int64]int64{}, map[int64]int64{}
	}
	if s.currency == "" {
		s.currency = o.currency
	}
	s.n += o.n
	for k, v := range o.recency {
		s.recency[k] += v
	}
	for k, v := range o.frequency {
		s.frequency[k] += v
	}
	for k, v := range o.monetary {
		s.monetary[k] += v
	}
	return nil
}

// Customers returns the number of customers added.
func (s *RFMSketch) Customers() int64 { return s.n }

// sortedCounts returns the (key, count) pairs of m, keys ascending.
func sortedCounts(m map[int64]int64) [][2]int64 {
	out := make([][2]int64, 0, len(m))
	for k, v := range m {
		out = append(out, [2]int64{k, v})
	}
	slices.SortFunc(out, func(a, b [2]int64) int { return cmpInt64(a[0], b[0]) })
	return out
}

func cmpInt64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// cutsOf returns, for scores 2–5, the smallest sort key (worse first) whose
// score reaches it, math.MaxInt64 when none does, over a histogram sorted
// by sort key.
func cutsOf(hist [][2]int64, n int64) [4]int64 {
	cuts := [4]int64{math.MaxInt64, math.MaxInt64, math.MaxInt64, math.MaxInt64}
	var k int64
	for _, h := range hist {
		s := tieScore64(k, h[1], n)
		for sc := int64(2); sc <= int64(s); sc++ {
			if cuts[sc-2] == math.MaxInt64 {
				cuts[sc-2] = h[0]
			}
		}
		k += h[1]
	}
	return cuts
}

// tieScore64 is tieScore for counts that may exceed an int on 32-bit
// platforms.
func tieScore64(k, t, n int64) int {
	pos := k + (t+2)/2
	q, rem := n/5, n%5
	larger := q + 1
	if thr := larger * rem; pos > thr {
		return int((pos-thr+q-1)/q + rem)
	}
	return int((pos + larger - 1) / larger)
}

// Result returns the quintile boundaries of the customers added so far.
func (s *RFMSketch) Result() RFMBoundaries {
	b := RFMBoundaries{customers: s.n, currency: s.currency}
	if s.n == 0 {
		for i := range b.cuts {
			b.cuts[i] = [4]int64{math.MaxInt64, math.MaxInt64, math.MaxInt64, math.MaxInt64}
		}
		return b
	}
	// Recency: fewer days is better, never bought (−1) worst: sort key −days,
	// never → MinInt64.
	rec := make([][2]int64, 0, len(s.recency))
	for d, v := range s.recency {
		rec = append(rec, [2]int64{recencySortKey(d), v})
	}
	slices.SortFunc(rec, func(a, b [2]int64) int { return cmpInt64(a[0], b[0]) })
	b.cuts[0] = cutsOf(rec, s.n)
	b.cuts[1] = cutsOf(sortedCounts(s.frequency), s.n)
	mon := sortedCounts(s.monetary)
	b.cuts[2] = cutsOf(mon, s.n)
	for _, h := range mon {
		if h[0] != 0 && h[1] > 1 { // zero amounts are exact ties
			b.monetaryRankError = max(b.monetaryRankError, h[1]-1)
		}
	}
	return b
}

func recencySortKey(days int64) int64 {
	if days < 0 {
		return math.MinInt64
	}
	return -days
}

// RFMBoundaries are the quintile boundaries of a customer base computed by
// [RFMSketch.Result]: for each of recency, frequency and monetary value, the
// least figure that earns each score 2–5. They are immutable and small;
// ship them to the machines that score customers with [RFMBoundaries.Score].
type RFMBoundaries struct {
	customers         int64
	currency          string
	cuts              [3][4]int64 // sort keys: recency −days, frequency, amountKey; MaxInt64 none
	monetaryRankError int64
}

// Customers returns the number of customers the boundaries were computed
// from.
func (b RFMBoundaries) Customers() int64 { return b.customers }

// MonetaryRankError returns the most customers whose non-zero amounts fell
// into one bucket, less one: a bound on how far a customer's monetary rank
// can be from the rank of its exact amount. It is 0 when no two customers
// share a bucket; customers with equal amounts count too (the sketch cannot
// tell them from near ones), so the bound is loose when amounts tie.
func (b RFMBoundaries) MonetaryRankError() int64 { return b.monetaryRankError }

// RecencyDays returns, for scores 2–5, the most whole days since the last
// purchase that still earn the score (−1, the code of never bought, when
// every customer earns it, even one who never bought), and false where no
// customer earns it (a score left empty by ties).
func (b RFMBoundaries) RecencyDays() (days [4]int64, ok [4]bool) {
	for i, c := range b.cuts[0] {
		switch c {
		case math.MaxInt64:
		case math.MinInt64:
			days[i], ok[i] = -1, true
		default:
			days[i], ok[i] = -c, true
		}
	}
	return days, ok
}

// Frequency returns, for scores 2–5, the least number of purchases that
// earns the score, and false where no customer earns it.
func (b RFMBoundaries) Frequency() (purchases [4]int64, ok [4]bool) {
	for i, c := range b.cuts[1] {
		if c != math.MaxInt64 {
			purchases[i], ok[i] = c, true
		}
	}
	return purchases, ok
}

// Monetary returns, for scores 2–5, the least amount that earns the score
// (the lower bound of its three-digit bucket), and false where no customer
// earns it.
func (b RFMBoundaries) Monetary() (amounts [4]servuction.Money, ok [4]bool) {
	for i, c := range b.cuts[2] {
		if c != math.MaxInt64 {
			amounts[i], ok[i] = servuction.Money{Amount: keyAmount(c), Currency: b.currency}, true
		}
	}
	return amounts, ok
}

func scoreOf(cuts [4]int64, key int64) int {
	s := 1
	for _, c := range cuts {
		if key >= c {
			s++
		}
	}
	return s
}

// Score scores one customer against the boundaries and assigns the
// segment with seg (nil: [DefaultSegmentation]). For a customer who was
// added to the sketch the scores are those [ScoreRFM] gives over all the
// sketch's customers at its resolution (see [RFMSketch]). Figures that
// [ScoreRFM] refuses, or another currency, wrap [ErrInvalidHistory];
// boundaries of no customers wrap [ErrInvalidConfig].
func (b RFMBoundaries) Score(c RFMInput, seg *Segmentation) (RFMScore, error) {
	if b.customers == 0 {
		return RFMScore{}, fmt.Errorf("typology: RFM boundaries of no customers: %w", ErrInvalidConfig)
	}
	if err := checkRFMInput(c, b.currency); err != nil {
		return RFMScore{}, err
	}
	if seg == nil {
		seg = DefaultSegmentation()
	}
	s := RFMScore{Customer: c.Customer,
		R: scoreOf(b.cuts[0], recencySortKey(recencyDays(int64(c.Recency)))),
		F: scoreOf(b.cuts[1], int64(c.Frequency)),
		M: scoreOf(b.cuts[2], amountKey(c.Monetary.Amount)),
	}
	s.SegmentIdx = seg.index(s.R, s.F, s.M, c.Data)
	s.Segment = seg.rules[s.SegmentIdx].Segment
	return s, nil
}
