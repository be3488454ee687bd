package servicecycle

import (
	"errors"
	"fmt"
)

// Analyzer runs the three stages of the analysis in one process: it groups
// encounters by journey ([Grouper]), summarises each journey
// ([JourneySummary]), and aggregates the summaries ([Aggregate], and
// [Variants] for the paths) into an [Analysis]. Encounters may arrive in any
// order and interleaved; a journey's encounters are put in time order when
// the result is computed.
//
// An Analyzer holds every encounter until Result, as grouping by journey
// needs; to run past one machine, run the stages on a distributed engine
// (group by case, [Summarize], then combine [Aggregate] values, whose size
// does not grow with the encounters).
//
// The zero Analyzer is the identity of [Analyzer.Merge]; use [NewAnalyzer]
// to add encounters. An Analyzer is not safe for concurrent use: give each
// goroutine its own and merge them, which gives exactly the result of one
// pass over all the encounters.
type Analyzer struct {
	g Grouper
}

// NewAnalyzer returns an empty analyzer for cycle c, a cycle built by
// [NewCycle].
func NewAnalyzer(c *Cycle) *Analyzer { return &Analyzer{g: *NewGrouper(c)} }

// Grow makes room for n more encounters, so that adding them does not
// reallocate; useful when the size of a log is known.
func (a *Analyzer) Grow(n int) { a.g.Grow(n) }

// Cycle returns the cycle the analyzer measures against (nil for the zero Analyzer).
func (a *Analyzer) Cycle() *Cycle { return a.g.cycle }

// Len returns the number of encounters added.
func (a *Analyzer) Len() int { return a.g.Len() }

// Add records an encounter. An invalid encounter (see [Encounter.Validate])
// is rejected with an error wrapping [ErrInvalidEncounter] and leaves the
// analyzer unchanged. A moment id the cycle does not know is accepted and
// reported in the analysis as an unknown-moment deviation.
func (a *Analyzer) Add(e Encounter) error { return a.g.Add(e) }

// Merge adds every encounter of o to a; o is unchanged. Merging is
// associative and the zero Analyzer is its identity, so shards analysed
// apart and merged give the result of one pass. Analyzers of different
// cycles (by content) do not merge: the error wraps [ErrCycleMismatch] and a
// is unchanged.
func (a *Analyzer) Merge(o *Analyzer) error {
	if o == nil {
		return nil
	}
	return a.g.Merge(&o.g)
}

// Result computes the analysis of the encounters added so far. It does not
// change what the analyzer holds, and it can take more encounters
// afterwards. Its cost is linear in the number of encounters.
func (a *Analyzer) Result() Analysis {
	c := a.g.cycle
	if c == nil {
		return Analysis{}
	}
	agg, vars := NewAggregate(c), NewVariants(c)
	for s := range a.g.Summaries() {
		_ = agg.Add(s) // a summary of the same cycle is never refused
		vars.Add(s)
	}
	res := agg.Result()
	res.Variants = vars.Result()
	return res
}

// Analyze is a convenience that adds every encounter to a new analyzer for c
// and returns the result. Invalid encounters are left out and reported
// together in the error (errors.Join, at most the first 20 named, each
// wrapping [ErrInvalidEncounter]); the analysis of the valid ones is returned
// in every case.
func Analyze(c *Cycle, encounters []Encounter) (Analysis, error) {
	a := NewAnalyzer(c)
	a.Grow(len(encounters))
	var errs []error
	bad := 0
	a.g.addAll(encounters, func(err error) {
		bad++
		if len(errs) < 20 {
			errs = append(errs, err)
		}
	})
	if bad > len(errs) {
		errs = append(errs, fmt.Errorf("servicecycle: %d more invalid encounters: %w", bad-len(errs), ErrInvalidEncounter))
	}
	var err error
	if len(errs) > 0 {
		err = errors.Join(errs...)
	}
	return a.Result(), err
}
