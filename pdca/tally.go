package pdca

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
)

// Tally accumulates the input of an attribute chart from individual
// records: for each period, the events counted (calls resolved at first
// contact, complaints) and the opportunities they were counted in (calls
// answered, contacts, minutes of exposure). Its [Tally.Series] is what
// [Series.Chart] takes for p, np and p′ charts (events out of
// opportunities), c charts (events; opportunities unused) and u and u′
// charts (events per opportunity).
//
// A Tally is a streaming accumulator: [Tally.Add] records, [Tally.Merge]
// partial tallies from other machines in any order, [Tally.MarshalJSON]
// and [Tally.UnmarshalJSON] carry its whole state exactly. Counts are whole
// numbers (int64) so that merging is exact and associative; count exposure
// in whole units (minutes rather than fractional hours). Its size grows
// with the number of periods, not of records. The zero value is an empty
// tally, ready to use. A Tally is not safe for concurrent use.
type Tally struct {
	cells map[string]tallyCell
}

type tallyCell struct{ events, opportunities int64 }

// Add records events counted in opportunities for period (a label that
// sorts in time order: "2026-03-02", "2026-W14"): one call is Add(day, 1,
// 1) if resolved at first contact and Add(day, 0, 1) if not; a batch adds
// its totals. Events and opportunities must be ≥ 0, and the period's totals
// must stay within int64. A rejected call changes nothing.
func (t *Tally) Add(period string, events, opportunities int64) error {
	if strings.TrimSpace(period) == "" {
		return fmt.Errorf("pdca: tally: period %q is empty: %w", period, ErrInvalidData)
	}
	if events < 0 || opportunities < 0 {
		return fmt.Errorf("pdca: tally: period %s: events %d, opportunities %d: want ≥ 0: %w", period, events, opportunities, ErrInvalidData)
	}
	c := t.cells[period]
	if c.events > math.MaxInt64-events || c.opportunities > math.MaxInt64-opportunities {
		return fmt.Errorf("pdca: tally: period %s: totals overflow int64: %w", period, ErrInvalidData)
	}
	if t.cells == nil {
		t.cells = make(map[string]tallyCell)
	}
	t.cells[period] = tallyCell{c.events + events, c.opportunities + opportunities}
	return nil
}

// Merge adds other's counts to t, period by period; merging in any order
// gives the same tally. A nil other adds nothing. If a total would overflow,
// Merge returns an error and t is unchanged.
func (t *Tally) Merge(other *Tally) error {
	if other == nil {
		return nil
	}
	sum := make(map[string]tallyCell, len(t.cells)+len(other.cells))
	for p, c := range t.cells {
		sum[p] = c
	}
	for _, p := range other.periods() { // sorted: the first overflow reported is deterministic
		o, c := other.cells[p], sum[p]
		if c.events > math.MaxInt64-o.events || c.opportunities > math.MaxInt64-o.opportunities {
			return fmt.Errorf("pdca: tally: merge: period %s: totals overflow int64: %w", p, ErrInvalidData)
		}
		sum[p] = tallyCell{c.events + o.events, c.opportunities + o.opportunities}
	}
	t.cells = sum
	return nil
}

// Series returns one sample per period, in the periods' sort order: Value
// is the events, Size the opportunities. Counts above 2⁵³ lose precision as
// float64.
func (t *Tally) Series() Series {
	ps := t.periods()
	s := make(Series, len(ps))
	for i, p := range ps {
		c := t.cells[p]
		s[i] = Sample{Period: p, Value: float64(c.events), Size: float64(c.opportunities)}
	}
	return s
}

// Result is [Tally.Series], the accumulator's result.
func (t *Tally) Result() Series { return t.Series() }

// Chart returns the Phase I chart of kind of the tally's periods: see
// [Series.Chart].
func (t *Tally) Chart(kind ChartKind) (Chart, error) { return t.Series().Chart(kind) }

// Len returns the number of periods.
func (t *Tally) Len() int { return len(t.cells) }

func (t *Tally) periods() []string {
	ps := make([]string, 0, len(t.cells))
	for p := range t.cells {
		ps = append(ps, p)
	}
	slices.Sort(ps)
	return ps
}

// tallyJSON is the encoding of a Tally: its periods in sort order.
type tallyJSON struct {
	Periods []tallyPeriodJSON `json:"periods"`
}

type tallyPeriodJSON struct {
	Period        string `json:"period"`
	Events        int64  `json:"events"`
	Opportunities int64  `json:"opportunities"`
}

// MarshalJSON encodes the whole tally: {"periods": [{"period", "events",
// "opportunities"}, ...]} in the periods' sort order, so equal tallies
// encode to equal bytes.
func (t *Tally) MarshalJSON() ([]byte, error) {
	out := tallyJSON{Periods: make([]tallyPeriodJSON, 0, len(t.cells))}
	for _, p := range t.periods() {
		c := t.cells[p]
		out.Periods = append(out.Periods, tallyPeriodJSON{p, c.events, c.opportunities})
	}
	return json.Marshal(out)
}

// UnmarshalJSON decodes a tally as MarshalJSON writes it, refusing unknown
// fields, a missing periods list, empty or repeated periods and negative
// counts. On error t is unchanged.
func (t *Tally) UnmarshalJSON(b []byte) error {
	var in struct {
		Periods *[]tallyPeriodJSON `json:"periods"`
	}
	if err := decodeStrict(b, &in); err != nil {
		return fmt.Errorf("pdca: tally: %v: %w", err, ErrInvalidData)
	}
	if in.Periods == nil {
		return fmt.Errorf("pdca: tally: no periods list: %w", ErrInvalidData)
	}
	var errs []error
	cells := make(map[string]tallyCell, len(*in.Periods))
	for i, p := range *in.Periods {
		switch _, dup := cells[p.Period]; {
		case strings.TrimSpace(p.Period) == "":
			errs = append(errs, fmt.Errorf("pdca: tally: period %d: empty label: %w", i+1, ErrInvalidData))
		case dup:
			errs = append(errs, fmt.Errorf("pdca: tally: period %d: %q repeated: %w", i+1, p.Period, ErrInvalidData))
		case p.Events < 0 || p.Opportunities < 0:
			errs = append(errs, fmt.Errorf("pdca: tally: period %d %s: events %d, opportunities %d: want ≥ 0: %w", i+1, p.Period, p.Events, p.Opportunities, ErrInvalidData))
		}
		cells[p.Period] = tallyCell{p.Events, p.Opportunities}
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	t.cells = cells
	return nil
}
