package pdca

import (
	"encoding/json"
	"errors"
	"fmt"
)

// Chain is the succession of cycles on one indicator: each cycle after the
// first adjusts the one before it ([Cycle.Adjust]), so together they hold the
// indicator's improvement history. A Chain marshals as a JSON array of
// cycles and is validated on decode.
type Chain []*Cycle

// Current returns the last cycle of the chain, or nil for an empty chain.
func (ch Chain) Current() *Cycle {
	if len(ch) == 0 {
		return nil
	}
	return ch[len(ch)-1]
}

// Append adds next to the chain after checking the link: next's parent is
// the current cycle, which was closed as Adjusted in its favour, and both
// measure the same indicator.
func (ch *Chain) Append(next *Cycle) error {
	if next == nil {
		return fmt.Errorf("pdca: chain: nil cycle: %w", ErrInvalidCycle)
	}
	ext := append(append(Chain(nil), *ch...), next)
	if err := ext.Validate(); err != nil {
		return err
	}
	*ch = ext
	return nil
}

// Validate checks every link: distinct IDs, each cycle's ParentID naming the
// one before it and that one's ChildID naming it, every cycle but the last
// closed as Adjusted, and the same indicator name throughout.
func (ch Chain) Validate() error {
	var errs []error
	seen := make(map[string]bool, len(ch))
	var prev Record
	for i, c := range ch {
		if c == nil {
			errs = append(errs, fmt.Errorf("pdca: chain: cycle %d is nil: %w", i+1, ErrInvalidCycle))
			continue
		}
		r := c.Record()
		if seen[r.ID] {
			errs = append(errs, fmt.Errorf("pdca: chain: cycle id %q repeated: %w", r.ID, ErrInvalidCycle))
		}
		seen[r.ID] = true
		if i == 0 {
			prev = r
			continue
		}
		if r.ParentID != prev.ID || prev.ChildID != r.ID || prev.State != Adjusted {
			errs = append(errs, fmt.Errorf("pdca: chain: cycle %q (parent %q) does not follow %q (%v, child %q): %w",
				r.ID, r.ParentID, prev.ID, prev.State, prev.ChildID, ErrInvalidCycle))
		}
		if r.Plan.Indicator.Name != prev.Plan.Indicator.Name {
			errs = append(errs, fmt.Errorf("pdca: chain: cycle %q measures %q, %q measures %q: %w",
				r.ID, r.Plan.Indicator.Name, prev.ID, prev.Plan.Indicator.Name, ErrInvalidCycle))
		}
		prev = r
	}
	return errors.Join(errs...)
}

// UnmarshalJSON decodes an array of cycles and validates the chain, leaving
// ch unchanged on error.
func (ch *Chain) UnmarshalJSON(b []byte) error {
	var cs []*Cycle
	if err := json.Unmarshal(b, &cs); err != nil {
		if errors.Is(err, ErrInvalidCycle) || errors.Is(err, ErrIllegalTransition) {
			return err
		}
		return fmt.Errorf("pdca: chain: %v: %w", err, ErrInvalidCycle)
	}
	if err := Chain(cs).Validate(); err != nil {
		return err
	}
	*ch = cs
	return nil
}
