package servicecycle

import (
	"errors"
	"fmt"
	"math/bits"
	"slices"
	"time"

	"github.com/servuction/servuction"
)

// JourneySummary is the second stage of the analysis: what one journey says,
// computed from all its encounters by [Summarize] (or by
// [Grouper.Summaries]) and added to an [Aggregate]. Its size grows with the
// journey, not with the log. It encodes to JSON and back exactly (strict
// decoding), so that a distributed engine can pass it between stages.
type JourneySummary struct {
	// Case identifies the journey.
	Case string `json:"case"`
	// Steps are the journey's visits to moments in time order, duplicates
	// dropped and each start paired with its completion.
	Steps []Step `json:"steps"`
	// Duplicates lists the encounters logged more than once (same moment,
	// instant and lifecycle), by instant then moment.
	Duplicates []Duplicate `json:"duplicates,omitempty"`
	// Deviations from the designed cycle, read from an optimal alignment
	// (see [Cycle.Align]); Cost is the alignment's cost, MaxCost its worst
	// cost and Fitness = 1 − Cost/MaxCost.
	Deviations []JourneyDeviation `json:"deviations,omitempty"`
	Cost       int                `json:"cost"`
	MaxCost    int                `json:"maxCost"`
	Fitness    float64            `json:"fitness"`
	// Complete reports whether the journey reached an end of the cycle: it
	// lived an end moment (or one from which only optional moments lead to
	// an end), whatever it did afterwards.
	Complete bool `json:"complete"`
	// Throughput is the time from the journey's first step to the end of
	// its last (the latest step start plus duration).
	Throughput time.Duration `json:"throughput"`
	// Outcome is the journey's rating at the cycle's outcome moment (the
	// last, when rated several times); 0 when not rated.
	Outcome int `json:"outcome"`

	cycle *Cycle // the cycle that computed it, for Aggregate.Add to trust it
}

// Step is one visit of a journey to a moment.
type Step struct {
	// Moment is the moment's id (one the cycle may not know).
	Moment string `json:"moment"`
	// At is when the visit started (its only instant for an Instant
	// encounter), in UTC.
	At time.Time `json:"at"`
	// Duration is the time spent at the moment: the logged duration, or
	// the time from the start to the completion event.
	Duration time.Duration `json:"duration"`
	// Encounters counts the encounters that make the step: 1, or 2 for a
	// start with its completion.
	Encounters int                `json:"encounters"`
	Channel    servuction.Channel `json:"channel,omitempty"`
	Employee   string             `json:"employee,omitempty"`
	// Rating, EmployeeRating and ImageRating are as in [Encounter] (for a
	// start with its completion, the completion's where it has them).
	Rating         int          `json:"rating,omitempty"`
	EmployeeRating int          `json:"employeeRating,omitempty"`
	ImageRating    int          `json:"imageRating,omitempty"`
	FailPoints     FailPointSet `json:"failPoints,omitempty"`

	// Hints for Aggregate.Add, set by the summarizer: the cycle index (or
	// -1), the start and the end in Unix nanoseconds.
	node    int32
	at, end int64
}

// End returns when the visit ended: At plus Duration.
func (s Step) End() time.Time { return s.At.Add(s.Duration) }

// Clone returns a deep copy of s that later iterations of
// [Grouper.Summaries] do not overwrite.
func (s *JourneySummary) Clone() JourneySummary {
	out := *s
	out.Steps = slices.Clone(s.Steps)
	out.Duplicates = slices.Clone(s.Duplicates)
	out.Deviations = slices.Clone(s.Deviations)
	return out
}

// Summarize returns the summary of one journey: encounters of one case, in
// any order, all of them (a journey's summary cannot be updated with more
// encounters later). Invalid encounters are reported together (errors.Join)
// and nothing is returned; encounters of different cases are refused.
func Summarize(c *Cycle, encounters []Encounter) (JourneySummary, error) {
	if c == nil || c.Len() == 0 {
		return JourneySummary{}, fmt.Errorf("servicecycle: summarize: no cycle: %w", ErrInvalidEncounter)
	}
	if len(encounters) == 0 {
		return JourneySummary{}, fmt.Errorf("servicecycle: summarize: no encounters: %w", ErrInvalidEncounter)
	}
	g := NewGrouper(c)
	var errs []error
	for i, e := range encounters {
		if e.Case != encounters[0].Case {
			errs = append(errs, fmt.Errorf("servicecycle: summarize: encounter %d: case %q, not %q: %w", i, e.Case, encounters[0].Case, ErrInvalidEncounter))
			continue
		}
		if err := g.Add(e); err != nil {
			errs = append(errs, fmt.Errorf("servicecycle: summarize: encounter %d: %w", i, err))
		}
	}
	if len(errs) > 0 {
		return JourneySummary{}, errors.Join(errs...)
	}
	var out JourneySummary
	for s := range g.Summaries() {
		out = s.Clone()
	}
	return out, nil
}

// FailPointSet is a set of fail points; in JSON, a list of their names.
type FailPointSet uint16

// Has reports whether f is in the set.
func (s FailPointSet) Has(f FailPoint) bool { return f < failPointCount && s&(1<<f) != 0 }

// List returns the fail points of the set in order.
func (s FailPointSet) List() []FailPoint {
	var out []FailPoint
	for x := uint16(s); x != 0; x &= x - 1 {
		out = append(out, FailPoint(bits.TrailingZeros16(x)))
	}
	return out
}

// summarizer computes journey summaries from a grouper's sorted records,
// reusing its buffers.
type summarizer struct {
	g       *Grouper
	c       *Cycle
	al      *aligner
	sum     JourneySummary
	ev      []int32
	pending []pendingStart
}

type pendingStart struct {
	moment int32
	step   int
}

func newSummarizer(g *Grouper) *summarizer {
	return &summarizer{g: g, c: g.cycle, al: newAligner(g.cycle)}
}

// summarize fills the summary of one journey from its sorted records.
func (z *summarizer) summarize(recs []record) *JourneySummary {
	s := &z.sum
	*s = JourneySummary{Case: string(z.g.caseOf(&recs[0])), Steps: s.Steps[:0], Duplicates: s.Duplicates[:0],
		Deviations: s.Deviations[:0], cycle: z.c}
	z.steps(recs)
	z.conformance()
	z.outcomes()
	return s
}

// steps drops duplicates and pairs starts with completions.
func (z *summarizer) steps(recs []record) {
	s := &z.sum
	z.pending = z.pending[:0]
	for i := range recs {
		r := &recs[i]
		if i > 0 {
			p := &recs[i-1]
			if p.at == r.at && p.moment == r.moment && p.lifecycle() == r.lifecycle() {
				z.duplicate(r)
				continue
			}
		}
		if r.lifecycle() == Complete {
			if k := z.pendingFor(r.moment); k >= 0 {
				z.complete(&s.Steps[k], r)
				continue
			}
		}
		s.Steps = append(s.Steps, z.step(r))
		if r.lifecycle() == Start {
			z.pending = append(z.pending, pendingStart{moment: r.moment, step: len(s.Steps) - 1})
		}
	}
}

func (z *summarizer) step(r *record) Step {
	st := Step{At: time.Unix(0, r.at).UTC(), Duration: time.Duration(r.dur), Encounters: 1,
		Channel: servuction.Channel(r.channel()), Employee: z.g.employeeName(r.employee), Rating: r.rating(),
		EmployeeRating: r.employeeRating(), ImageRating: r.imageRating(), FailPoints: FailPointSet(r.fails), node: -1,
		at: r.at, end: r.at + r.dur}
	if r.moment >= 0 {
		st.Moment, st.node = z.c.cfg.Moments[r.moment].ID, r.moment
	} else {
		st.Moment = z.g.unknownIDs[-r.moment-1]
	}
	return st
}

// pendingFor removes and returns the step of the oldest unpaired start of
// moment m, or -1.
func (z *summarizer) pendingFor(m int32) int {
	for i, p := range z.pending {
		if p.moment == m {
			z.pending = slices.Delete(z.pending, i, i+1)
			return p.step
		}
	}
	return -1
}

// complete pairs step st (a start) with its completion r.
func (z *summarizer) complete(st *Step, r *record) {
	st.Encounters++
	switch { // a logged duration first, then the time from start to completion
	case st.Duration > 0:
	case r.dur > 0:
		st.Duration = time.Duration(r.dur)
	default:
		st.Duration = time.Duration(r.at - st.at)
	}
	st.end = st.at + int64(st.Duration)
	if st.Channel == 0 {
		st.Channel = servuction.Channel(r.channel())
	}
	if st.Employee == "" {
		st.Employee = z.g.employeeName(r.employee)
	}
	st.Rating = cmpOr(r.rating(), st.Rating)
	st.EmployeeRating = cmpOr(r.employeeRating(), st.EmployeeRating)
	st.ImageRating = cmpOr(r.imageRating(), st.ImageRating)
	st.FailPoints |= FailPointSet(r.fails)
}

func cmpOr(a, b int) int {
	if a != 0 {
		return a
	}
	return b
}

// duplicate counts a copy of the previous record.
func (z *summarizer) duplicate(r *record) {
	s := &z.sum
	id := z.c.momentID(r.moment, z.g.unknownIDs)
	at := time.Unix(0, r.at).UTC()
	if l := len(s.Duplicates) - 1; l >= 0 && s.Duplicates[l].Moment == id && s.Duplicates[l].At.Equal(at) {
		s.Duplicates[l].Copies++
		return
	}
	s.Duplicates = append(s.Duplicates, Duplicate{Case: s.Case, Moment: id, At: at, Copies: 2})
}

// momentID names moment m: a cycle index, or -(unknown index + 1).
func (c *Cycle) momentID(m int32, unknownIDs []string) string {
	if m >= 0 {
		return c.cfg.Moments[m].ID
	}
	return unknownIDs[-m-1]
}

// conformance aligns the journey, skipping the dynamic programme when the
// journey follows the design (cost 0).
func (z *summarizer) conformance() {
	s := &z.sum
	s.MaxCost = len(s.Steps) + z.c.minPath
	if z.conforms() {
		s.Fitness = 1
		return
	}
	z.ev = z.ev[:0]
	for _, st := range s.Steps {
		z.ev = append(z.ev, st.node)
	}
	moves := z.al.align(z.ev)
	for _, m := range moves {
		s.Cost += m.cost
	}
	s.Deviations = z.al.deviations(moves, z.ev, func(pos int32) string { return s.Steps[pos].Moment }, s.Deviations)
	s.Fitness = fitness(s.Cost, s.MaxCost)
}

// conforms reports whether the journey lives a path of the design, passing
// over optional moments only: its alignment costs nothing.
func (z *summarizer) conforms() bool {
	steps, c := z.sum.Steps, z.c
	n := int32(c.Len())
	prev := int32(-1)
	for i, st := range steps {
		v := st.node
		if v < 0 || (i == 0 && !c.entry[v]) || (i > 0 && !c.allowed[prev*n+v]) {
			return false
		}
		prev = v
	}
	return prev >= 0 && c.finish[prev]
}

// outcomes fills Complete, Throughput and Outcome.
func (z *summarizer) outcomes() {
	s, c := &z.sum, z.c
	if len(s.Steps) == 0 {
		return
	}
	first := s.Steps[0].at
	for _, st := range s.Steps {
		if st.node >= 0 && c.finish[st.node] {
			s.Complete = true
		}
		if d := time.Duration(st.end - first); d > s.Throughput {
			s.Throughput = d
		}
		if int(st.node) == c.outcome && st.Rating > 0 {
			s.Outcome = st.Rating
		}
	}
}
