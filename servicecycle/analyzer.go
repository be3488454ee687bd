package servicecycle

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// record is the compact form in which an [Analyzer] keeps an encounter.
type record struct {
	at       int64 // Unix nanoseconds
	dur      int64
	journey  int32 // index into Analyzer.cases
	moment   int32 // cycle index, or -(unknown index + 1)
	employee int32 // index into Analyzer.employeeIDs + 1, 0 for none
	fails    uint32
	rating   int8
	empRate  int8
	image    int8
	channel  uint8
}

// Analyzer accumulates encounters of one cycle and computes their
// [Analysis]. Encounters may arrive in any order; a journey's encounters are
// put in time order when the result is computed.
//
// The zero Analyzer is the identity of [Analyzer.Merge]; use [NewAnalyzer]
// to add encounters. An Analyzer is not safe for concurrent use: give each
// goroutine its own and merge them, which gives exactly the result of one
// pass over all the encounters.
type Analyzer struct {
	cycle       *Cycle
	cases       map[string]int32
	caseIDs     []string
	unknown     map[string]int32
	unknownIDs  []string
	employees   map[string]int32
	employeeIDs []string
	recs        []record
}

// NewAnalyzer returns an empty analyzer for cycle c, a cycle built by
// [NewCycle].
func NewAnalyzer(c *Cycle) *Analyzer {
	return &Analyzer{cycle: c, cases: map[string]int32{}, unknown: map[string]int32{}, employees: map[string]int32{}}
}

// Grow makes room for n more encounters, so that adding them does not
// reallocate; useful when the size of a log is known.
func (a *Analyzer) Grow(n int) {
	if n > 0 {
		a.recs = slices.Grow(a.recs, n)
	}
}

// Cycle returns the cycle the analyzer measures against (nil for the zero Analyzer).
func (a *Analyzer) Cycle() *Cycle { return a.cycle }

// Len returns the number of encounters added.
func (a *Analyzer) Len() int { return len(a.recs) }

// Add records an encounter. An invalid encounter (see [Encounter.Validate])
// is rejected with an error wrapping [ErrInvalidEncounter] and leaves the
// analyzer unchanged. A moment id the cycle does not know is accepted and
// reported in the analysis as an unknown-moment deviation.
func (a *Analyzer) Add(e Encounter) error {
	if a.cycle == nil || a.cycle.Len() == 0 {
		return fmt.Errorf("servicecycle: analyzer has no cycle (use NewAnalyzer with a cycle from NewCycle): %w", ErrInvalidEncounter)
	}
	if err := e.Validate(); err != nil {
		return err
	}
	var fails uint32
	for _, f := range e.FailPoints {
		fails |= 1 << f
	}
	r := record{at: e.At.UnixNano(), dur: int64(e.Duration), fails: fails, rating: int8(e.Rating),
		empRate: int8(e.EmployeeRating), image: int8(e.ImageRating), channel: uint8(e.Channel)}
	if i, ok := a.cycle.index[e.Moment]; ok {
		r.moment = int32(i)
	} else {
		r.moment = -(a.internUnknown(e.Moment) + 1)
	}
	if e.Employee != "" {
		r.employee = a.internEmployee(e.Employee) + 1
	}
	r.journey = a.internCase(e.Case)
	a.recs = append(a.recs, r)
	return nil
}

func (a *Analyzer) internCase(id string) int32 {
	j, ok := a.cases[id]
	if !ok {
		j = int32(len(a.caseIDs))
		a.cases[id] = j
		a.caseIDs = append(a.caseIDs, id)
	}
	return j
}

func (a *Analyzer) internEmployee(id string) int32 {
	k, ok := a.employees[id]
	if !ok {
		k = int32(len(a.employeeIDs))
		a.employees[id] = k
		a.employeeIDs = append(a.employeeIDs, strings.Clone(id))
	}
	return k
}

func (a *Analyzer) internUnknown(id string) int32 {
	u, ok := a.unknown[id]
	if !ok {
		u = int32(len(a.unknownIDs))
		a.unknown[id] = u
		a.unknownIDs = append(a.unknownIDs, strings.Clone(id))
	}
	return u
}

// Merge adds every encounter of o to a; o is unchanged. Merging is
// associative and the zero Analyzer is its identity, so shards analysed
// apart and merged give the result of one pass. Analyzers of different
// cycles (by content) do not merge: the error wraps [ErrCycleMismatch] and a
// is unchanged.
func (a *Analyzer) Merge(o *Analyzer) error {
	if o == nil || o.cycle == nil {
		return nil
	}
	if a.cycle == nil {
		a.cycle = o.cycle
	} else if a.cycle != o.cycle && !reflect.DeepEqual(a.cycle.cfg, o.cycle.cfg) {
		return fmt.Errorf("servicecycle: merge cycle %q into cycle %q: %w", o.cycle.Name(), a.cycle.Name(), ErrCycleMismatch)
	}
	if a.cases == nil {
		a.cases, a.unknown, a.employees = map[string]int32{}, map[string]int32{}, map[string]int32{}
	}
	caseMap := make([]int32, len(o.caseIDs))
	for i, id := range o.caseIDs {
		caseMap[i] = a.internCase(id)
	}
	unkMap := make([]int32, len(o.unknownIDs))
	for i, id := range o.unknownIDs {
		unkMap[i] = a.internUnknown(id)
	}
	empMap := make([]int32, len(o.employeeIDs))
	for i, id := range o.employeeIDs {
		empMap[i] = a.internEmployee(id) + 1
	}
	a.recs = append(a.recs, o.recs...)
	tail := a.recs[len(a.recs)-len(o.recs):]
	for i := range tail {
		r := &tail[i]
		r.journey = caseMap[r.journey]
		if r.moment < 0 {
			r.moment = -(unkMap[-r.moment-1] + 1)
		}
		if r.employee > 0 {
			r.employee = empMap[r.employee-1]
		}
	}
	return nil
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
	for _, e := range encounters {
		if err := a.Add(e); err != nil {
			bad++
			if len(errs) < 20 {
				errs = append(errs, err)
			}
		}
	}
	if bad > len(errs) {
		errs = append(errs, fmt.Errorf("servicecycle: %d more invalid encounters: %w", bad-len(errs), ErrInvalidEncounter))
	}
	var err error
	if len(errs) > 0 {
		err = errors.Join(errs...)
	}
	return a.Result(), err
}
