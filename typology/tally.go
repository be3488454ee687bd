package typology

import (
	"fmt"
	"slices"

	"github.com/servuction/servuction"
)

// SegmentStats is one segment's size, revenue and margin.
type SegmentStats struct {
	Segment   Segment
	Customers int
	Revenue   servuction.Money
	Margin    servuction.Money
}

// MarginRate returns Margin / Revenue, or 0 when there is no revenue or the
// margin is negative (a rate for [RecommendLevel]).
func (s SegmentStats) MarginRate() float64 {
	if s.Revenue.Sign() <= 0 || s.Margin.Sign() <= 0 {
		return 0
	}
	return min(1, s.Margin.Amount.Div(s.Revenue.Amount).InexactFloat64())
}

// Level recommends Kotler's level of relationship marketing for the segment
// from its size and margin rate (see [RecommendLevel]).
func (s SegmentStats) Level(cfg LevelConfig) (LevelAdvice, error) {
	return RecommendLevel(s.Customers, s.MarginRate(), cfg)
}

// SegmentTally accumulates customers per segment with their revenue and
// margin, streaming: Add one customer at a time, Merge tallies computed
// apart (shards, machines), read the Result. The zero value is an empty
// tally ready to use and the identity of Merge; Merge is associative and
// commutative. A SegmentTally is not safe for concurrent use.
//
// Its size grows with the number of distinct segments (a segmentation's
// rules), never with the customers added. It encodes its whole state to
// JSON and back exactly (MarshalJSON, UnmarshalJSON), so tallies computed
// on other machines can be shipped and merged.
type SegmentTally struct {
	stats    map[Segment]*SegmentStats
	currency string // the currency of every amount so far, "" if none yet
	bare     bool   // a non-zero amount without currency was added
}

// merged returns the currency state after adding amounts with the given
// currency and bareness, or an error if they would mix currencies (a
// non-zero amount without currency mixes with any currency).
func (t *SegmentTally) merged(currency string, bare bool) (string, bool, error) {
	cur, b := t.currency, t.bare || bare
	if currency != "" {
		if cur != "" && cur != currency {
			return "", false, fmt.Errorf("typology: segment tally: currency %s differs from %s: %w", currency, cur, ErrInvalidHistory)
		}
		cur = currency
	}
	if b && cur != "" {
		return "", false, fmt.Errorf("typology: segment tally: amounts with and without currency %s: %w", cur, ErrInvalidHistory)
	}
	return cur, b, nil
}

// Add counts one customer of seg with the revenue and margin. An empty
// segment name, a negative revenue or a currency other than the tally's
// wraps [ErrInvalidHistory] and leaves the tally unchanged.
func (t *SegmentTally) Add(seg Segment, revenue, margin servuction.Money) error {
	if seg == "" {
		return fmt.Errorf("typology: segment tally: empty segment name: %w", ErrInvalidHistory)
	}
	if revenue.Sign() < 0 {
		return fmt.Errorf("typology: segment tally: segment %s: revenue %s is negative: %w", seg, revenue, ErrInvalidHistory)
	}
	if revenue.Currency != "" && margin.Currency != "" && revenue.Currency != margin.Currency {
		return fmt.Errorf("typology: segment tally: segment %s: revenue %s and margin %s: %w", seg, revenue, margin, ErrInvalidHistory)
	}
	currency := revenue.Currency
	if currency == "" {
		currency = margin.Currency
	}
	bare := (revenue.Currency == "" && !revenue.IsZero()) || (margin.Currency == "" && !margin.IsZero())
	cur, b, err := t.merged(currency, bare)
	if err != nil {
		return err
	}
	t.currency, t.bare = cur, b
	t.add(SegmentStats{Segment: seg, Customers: 1, Revenue: revenue, Margin: margin})
	return nil
}

// add merges s into the tally; currencies were checked, so the sums cannot
// fail.
func (t *SegmentTally) add(s SegmentStats) {
	if t.stats == nil {
		t.stats = make(map[Segment]*SegmentStats)
	}
	cur := t.stats[s.Segment]
	if cur == nil {
		cur = &SegmentStats{Segment: s.Segment}
		t.stats[s.Segment] = cur
	}
	cur.Customers += s.Customers
	cur.Revenue, _ = cur.Revenue.Add(s.Revenue)
	cur.Margin, _ = cur.Margin.Add(s.Margin)
}

// Merge adds every segment of o into t. Tallies in different currencies
// wrap [ErrInvalidHistory] and leave t unchanged.
func (t *SegmentTally) Merge(o *SegmentTally) error {
	if o == nil || o == t {
		if o == t && o != nil && len(o.stats) > 0 {
			return fmt.Errorf("typology: segment tally: merging a tally into itself: %w", ErrInvalidHistory)
		}
		return nil
	}
	cur, b, err := t.merged(o.currency, o.bare)
	if err != nil {
		return err
	}
	t.currency, t.bare = cur, b
	for _, s := range o.stats {
		t.add(*s)
	}
	return nil
}

// Result returns the segments sorted by name.
func (t *SegmentTally) Result() []SegmentStats {
	out := make([]SegmentStats, 0, len(t.stats))
	for _, s := range t.stats {
		out = append(out, *s)
	}
	slices.SortFunc(out, func(a, b SegmentStats) int {
		switch {
		case a.Segment < b.Segment:
			return -1
		case a.Segment > b.Segment:
			return 1
		}
		return 0
	})
	return out
}
