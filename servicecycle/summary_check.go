package servicecycle

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// check verifies a summary that another process (or another cycle value)
// computed, and fills the scratch node of each step. Every problem is
// reported (errors.Join), each wrapping ErrInvalidSummary.
func (a *Aggregate) check(s *JourneySummary) error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("servicecycle: journey summary %q: "+format+": %w",
			append(append([]any{s.Case}, args...), ErrInvalidSummary)...))
	}
	if strings.TrimSpace(s.Case) == "" {
		bad("blank case")
	}
	if len(s.Steps) == 0 {
		bad("no steps")
		return errors.Join(errs...)
	}
	sc := &a.scratch
	sc.nodes, sc.at, sc.end = sc.nodes[:0], sc.at[:0], sc.end[:0]
	for i, st := range s.Steps {
		checkStep(bad, i, st)
		if i > 0 && st.At.Before(s.Steps[i-1].At) {
			bad("step %d: at %s before step %d", i+1, st.At.Format(time.RFC3339Nano), i)
		}
		v := int32(-1)
		if x, ok := a.cycle.index[st.Moment]; ok {
			v = int32(x)
		}
		sc.nodes = append(sc.nodes, v)
		sc.at, sc.end = append(sc.at, st.At.UnixNano()), append(sc.end, st.End().UnixNano())
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	a.checkDerived(s, bad)
	return errors.Join(errs...)
}

func checkStep(bad func(string, ...any), i int, st Step) {
	if strings.TrimSpace(st.Moment) == "" {
		bad("step %d: blank moment", i+1)
	}
	if st.At.IsZero() || st.At.Before(minAt) || st.At.After(maxAt) {
		bad("step %d: at %s outside years 1678–2261", i+1, st.At.Format(time.RFC3339))
	}
	if st.Duration < 0 || st.At.Add(st.Duration).After(maxAt) {
		bad("step %d: duration %v out of range", i+1, st.Duration)
	}
	if st.Encounters != 1 && st.Encounters != 2 {
		bad("step %d: encounters %d (want 1, or 2 for a start and its completion)", i+1, st.Encounters)
	}
	for _, r := range []struct {
		field string
		v     int
	}{{"rating", st.Rating}, {"employeeRating", st.EmployeeRating}, {"imageRating", st.ImageRating}} {
		if r.v < 0 || r.v > MaxRating {
			bad("step %d: %s %d outside 1–5", i+1, r.field, r.v)
		}
	}
	if !st.Channel.IsValid() {
		bad("step %d: channel %d undefined", i+1, st.Channel)
	}
	if st.FailPoints&1 != 0 || st.FailPoints >= 1<<failPointCount {
		bad("step %d: fail points %#x undefined", i+1, uint16(st.FailPoints))
	}
}

// checkDerived checks the figures a summary derives from its steps and
// deviations against this aggregate's cycle.
func (a *Aggregate) checkDerived(s *JourneySummary, bad func(string, ...any)) {
	c := a.cycle
	var complete bool
	var throughput time.Duration
	outcome := 0
	first := s.Steps[0].At
	for i, st := range s.Steps {
		v := a.scratch.nodes[i]
		complete = complete || (v >= 0 && c.finish[v])
		throughput = max(throughput, st.End().Sub(first))
		if int(v) == c.outcome && st.Rating > 0 {
			outcome = st.Rating
		}
	}
	if complete != s.Complete {
		bad("complete %t, but its steps say %t", s.Complete, complete)
	}
	if throughput != s.Throughput {
		bad("throughput %v, but its steps say %v", s.Throughput, throughput)
	}
	if outcome != s.Outcome {
		bad("outcome %d, but its steps say %d", s.Outcome, outcome)
	}
	cost := 0
	for i, d := range s.Deviations {
		if d.Kind < Skipped || d.Kind > NotReached || strings.TrimSpace(d.Moment) == "" ||
			d.Position < 1 || d.Position > len(s.Steps)+1 || d.Expected < 0 || d.Expected > len(s.Steps)+1 {
			bad("deviation %d malformed: %+v", i+1, d)
		}
		cost += d.cost()
	}
	if cost != s.Cost {
		bad("cost %d, but its deviations cost %d", s.Cost, cost)
	}
	if want := len(s.Steps) + c.minPath; s.MaxCost != want {
		bad("maxCost %d, want %d steps + %d", s.MaxCost, len(s.Steps), c.minPath)
	}
	if s.Cost > s.MaxCost || s.Fitness != fitness(s.Cost, s.MaxCost) {
		bad("fitness %v with cost %d of %d", s.Fitness, s.Cost, s.MaxCost)
	}
	for i, d := range s.Duplicates {
		if d.Case != s.Case || d.Copies < 2 || strings.TrimSpace(d.Moment) == "" {
			bad("duplicate %d malformed: %+v", i+1, d)
		}
	}
}
