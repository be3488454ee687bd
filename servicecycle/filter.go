package servicecycle

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/servuction/servuction"
)

// Filter selects encounters before analysis, as process-mining tools filter
// an event log: by time window, channel, employee and moment. Every
// condition set must hold (an empty list or a zero instant sets none).
type Filter struct {
	// From and To bound the time window [From, To); a zero bound is open.
	From, To time.Time
	// Channels, Employees and Moments keep encounters on one of the
	// channels, served by one of the employees, at one of the moments (ids).
	Channels  []servuction.Channel
	Employees []string
	Moments   []string
	// Journeys keeps whole journeys: every encounter of a case with at
	// least one encounter that matches (PM4Py's "traces intersecting"),
	// rather than only the matching encounters.
	Journeys bool
}

// Validate reports every problem of the filter (errors.Join), each wrapping
// [ErrInvalidValue]: a window ending before it starts, an undefined
// channel, a blank employee or moment id.
func (f Filter) Validate() error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("servicecycle: filter: "+format+": %w", append(args, ErrInvalidValue)...))
	}
	if !f.From.IsZero() && !f.To.IsZero() && !f.From.Before(f.To) {
		bad("window from %s to %s is empty", f.From.Format(time.RFC3339), f.To.Format(time.RFC3339))
	}
	for i, c := range f.Channels {
		if !c.IsValid() || c == servuction.ChannelUnknown {
			bad("channels[%d] %d undefined", i, c)
		}
	}
	for i, e := range f.Employees {
		if isBlank(e) {
			bad("employees[%d] %q blank", i, e)
		}
	}
	for i, m := range f.Moments {
		if isBlank(m) {
			bad("moments[%d] %q blank", i, m)
		}
	}
	return errors.Join(errs...)
}

// Match reports whether e meets every condition of the filter.
func (f Filter) Match(e Encounter) bool {
	return (f.From.IsZero() || !e.At.Before(f.From)) && (f.To.IsZero() || e.At.Before(f.To)) &&
		(len(f.Channels) == 0 || slices.Contains(f.Channels, e.Channel)) &&
		(len(f.Employees) == 0 || slices.Contains(f.Employees, e.Employee)) &&
		(len(f.Moments) == 0 || slices.Contains(f.Moments, e.Moment))
}

// Apply returns the encounters of log the filter keeps, in log order: those
// that match, or with Journeys every encounter of a case with a match. An
// invalid filter returns nil and the error of [Filter.Validate].
func (f Filter) Apply(log []Encounter) ([]Encounter, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	var keep map[string]bool
	if f.Journeys {
		keep = map[string]bool{}
		for _, e := range log {
			if f.Match(e) {
				keep[e.Case] = true
			}
		}
	}
	out := make([]Encounter, 0, len(log))
	for _, e := range log {
		if (f.Journeys && keep[e.Case]) || (!f.Journeys && f.Match(e)) {
			out = append(out, e)
		}
	}
	return out, nil
}
