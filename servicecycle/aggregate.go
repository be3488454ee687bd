package servicecycle

import (
	"fmt"
	"math/bits"
	"slices"
	"strings"
)

// Limits of an [Aggregate]'s tables, so that its size depends on the cycle
// and never on the number of encounters.
const (
	// MaxUnknownMoments is the number of moment ids the cycle does not know
	// that an aggregate lists one by one: the first in id order. The others
	// are counted together under the id "" (an id no moment can have).
	MaxUnknownMoments = 100
	// MaxEmployees is the number of employees an aggregate measures one by
	// one: the first by name. The others are counted together under the
	// name "".
	MaxEmployees = 1000

	maxCount = 1 << 50 // largest count an encoded aggregate may hold
	otherKey = -(MaxUnknownMoments + 1)
)

// Aggregate is the third stage of the analysis: a fixed-size, mergeable
// accumulator of [JourneySummary] values, from which [Aggregate.Result]
// computes the [Analysis]. Its size depends on the cycle (its moments, the
// transitions observed between them, at most [MaxUnknownMoments] unknown
// moment ids and [MaxEmployees] employees, and a duration histogram of at
// most 7 296 buckets per timing), never on the number of encounters or
// journeys. It encodes to JSON and back exactly (lowerCamelCase keys, strict
// decoding), and merging aggregates of shards in any order gives exactly
// the aggregate of one pass: every statistic is a count, an exact sum or a
// histogram whose state does not depend on order. Medians and 90th
// percentiles are exact up to [ExactTimings] durations and within
// [QuantileRelativeError] beyond.
//
// For a distributed engine (e.g. an Apache Beam CombineFn): the accumulator
// is an Aggregate ([NewAggregate] per key), AddInput is [Aggregate.Add],
// MergeAccumulators [Aggregate.Merge], ExtractOutput [Aggregate.Result], and
// the coder its JSON encoding. The zero Aggregate has no cycle: Add refuses
// summaries, Merge takes the other's cycle. An Aggregate is not safe for
// concurrent use.
type Aggregate struct {
	cycle *Cycle

	journeys, encounters, completed, conforming int64
	cost, maxCost, duplicateCount               int64
	duplicates                                  []Duplicate
	throughput                                  timing
	attention                                   attentionAgg

	moments     []momentAgg
	unknown     []unknownAgg // at most MaxUnknownMoments
	unknownIdx  map[string]int32
	other       unknownAgg // the unknown ids beyond the table
	employees   []employeeAgg
	employeeIdx map[string]int32
	otherStaff  employeeAgg
	edges       []edgeAgg
	edgeIdx     map[uint64]int32 // transitions with an unknown moment, or of large cycles
	edgeDense   []int32          // transitions between the cycle's moments: index + 1

	scratch addScratch
}

type devCount struct{ count, journeys int64 }

// momentAgg accumulates one moment of the cycle.
type momentAgg struct {
	enc, journeys        int64
	dist                 [MaxRating]int64
	measured, below      int64
	channels             [8]int64
	fails                [failPointCount]int64
	since, dur, waiting  timing
	dropOff              int64
	dev                  [NotReached + 1]devCount
	badN, goodN          int64 // drivers: journeys by experience, with an outcome
	badSum, goodSum      int64 // their outcome ratings
	badSquares, goodSqrs int64 // and squares
}

// unknownAgg accumulates one moment id the cycle does not know ("" for the
// ids beyond the table).
type unknownAgg struct {
	id            string
	enc, journeys int64
	dropOff       int64
	dev           [NotReached + 1]devCount
}

// employeeAgg accumulates the encounters one employee served.
type employeeAgg struct {
	name                 string
	enc, measured, below int64
	dist                 [MaxRating]int64
	fails                [failPointCount]int64
}

// edgeAgg is a transition of the directly-follows graph between node keys:
// a cycle index, -(unknown slot + 1), or otherKey.
type edgeAgg struct {
	from, to int32
	count    int64
	time     timing
}

// attentionAgg holds the sums behind CorrectAttention.
type attentionAgg struct {
	journeys, correct, customer, employee, employeeN, image, imageN int64
}

// addScratch is working memory for Add, not part of the state.
type addScratch struct {
	journey int64   // journeys added by this aggregate, for the stamps
	nodes   []int32 // the node key of each step
	at, end []int64 // the start and end of each step, Unix nanoseconds
	seen    []int64 // per moment: the journey that last reached it
	worst   []int8  // per moment: the journey's worst rating there
	touched []int32
	keys    []devKey
}

type devKey struct {
	kind Deviation
	node int32
	id   string
}

// NewAggregate returns an empty aggregate for cycle c, a cycle built by
// [NewCycle].
func NewAggregate(c *Cycle) *Aggregate {
	a := &Aggregate{}
	a.init(c)
	return a
}

func (a *Aggregate) init(c *Cycle) {
	a.cycle = c
	a.moments = make([]momentAgg, c.Len())
	a.unknownIdx, a.employeeIdx, a.edgeIdx = map[string]int32{}, map[string]int32{}, map[uint64]int32{}
}

// Cycle returns the cycle the aggregate measures against (nil for the zero
// Aggregate).
func (a *Aggregate) Cycle() *Cycle { return a.cycle }

// Journeys returns the number of journeys added.
func (a *Aggregate) Journeys() int { return int(a.journeys) }

// Add adds the summary of one journey. A summary that [Summarize] or
// [Grouper.Summaries] computed on the aggregate's cycle is taken as is; any
// other (one decoded from JSON, say) is checked first: its steps in time
// order with valid fields, and its completion, throughput, outcome, cost,
// worst cost and fitness as its steps and deviations give them on this
// cycle. A rejected summary leaves the aggregate unchanged; the error wraps
// [ErrInvalidSummary]. Adding the same journey twice counts it twice: the
// stage before must have grouped all of a journey's encounters.
func (a *Aggregate) Add(s *JourneySummary) error {
	if a.cycle == nil {
		return fmt.Errorf("servicecycle: aggregate has no cycle (use NewAggregate): %w", ErrInvalidSummary)
	}
	if s == nil {
		return fmt.Errorf("servicecycle: nil journey summary: %w", ErrInvalidSummary)
	}
	if s.cycle != a.cycle {
		if err := a.check(s); err != nil {
			return err
		}
	} else {
		a.trustedNodes(s)
	}
	a.scratch.journey++
	a.resolveUnknown(s)
	a.addSteps(s)
	a.addJourney(s)
	a.addDeviations(s)
	return nil
}

// trustedNodes takes the node of each step from the summarizer's hints.
func (a *Aggregate) trustedNodes(s *JourneySummary) {
	sc := &a.scratch
	sc.nodes, sc.at, sc.end = sc.nodes[:0], sc.at[:0], sc.end[:0]
	for _, st := range s.Steps {
		sc.nodes, sc.at, sc.end = append(sc.nodes, st.node), append(sc.at, st.at), append(sc.end, st.end)
	}
}

// resolveUnknown gives each unknown step its node key, in id order (so that
// a table eviction never moves a key already given).
func (a *Aggregate) resolveUnknown(s *JourneySummary) {
	sc := &a.scratch
	var ids []string
	for i, v := range sc.nodes {
		if v < 0 {
			ids = append(ids, s.Steps[i].Moment)
		}
	}
	if ids == nil {
		return
	}
	slices.Sort(ids)
	for _, id := range slices.Compact(ids) {
		a.unknownKey(id)
	}
	for i, v := range sc.nodes {
		if v < 0 {
			sc.nodes[i] = a.lookupUnknown(s.Steps[i].Moment)
		}
	}
}

// addSteps adds the per-moment, per-employee and transition statistics.
func (a *Aggregate) addSteps(s *JourneySummary) {
	sc := &a.scratch
	c := a.cycle
	n := c.Len()
	if len(sc.seen) != n {
		sc.seen, sc.worst = make([]int64, n), make([]int8, n)
	}
	sc.touched = sc.touched[:0]
	var unknownIDs []string
	for i := range s.Steps {
		st := &s.Steps[i]
		v := sc.nodes[i]
		a.encounters += int64(st.Encounters)
		measured, below := false, false
		if v >= 0 {
			measured, below = a.addMomentStep(s, i, v)
		} else {
			u := a.unknownNode(v)
			u.enc += int64(st.Encounters)
			if !slices.Contains(unknownIDs, st.Moment) { // journeys count each id once
				unknownIDs = append(unknownIDs, st.Moment)
				u.journeys++
			}
		}
		if st.Employee != "" {
			a.addEmployee(st, measured, below)
		}
		if i > 0 {
			e := a.edge(sc.nodes[i-1], v)
			e.count++
			e.time.add(sc.at[i] - sc.at[i-1])
		}
	}
}

// addMomentStep adds step i, at cycle moment v, and reports whether a
// standard applied to it and whether it missed one.
func (a *Aggregate) addMomentStep(s *JourneySummary, i int, v int32) (measured, below bool) {
	sc, st, c := &a.scratch, &s.Steps[i], a.cycle
	m := &a.moments[v]
	m.enc += int64(st.Encounters)
	if sc.seen[v] != sc.journey {
		sc.seen[v] = sc.journey
		m.journeys++
		sc.worst[v] = 0
		if int(v) != c.outcome {
			sc.touched = append(sc.touched, v)
		}
	}
	if r := st.Rating; r > 0 {
		m.dist[r-1]++
		if sc.worst[v] == 0 || int8(r) < sc.worst[v] {
			sc.worst[v] = int8(r)
		}
	}
	std := c.cfg.Moments[v].Standards
	if std.MinRating > 0 && st.Rating > 0 {
		measured, below = true, st.Rating < std.MinRating
	}
	if std.MaxWait > 0 && st.Duration > 0 {
		measured, below = true, below || st.Duration > std.MaxWait
	}
	if measured {
		m.measured++
	}
	if below {
		m.below++
	}
	if st.Duration > 0 {
		m.dur.add(int64(st.Duration))
	}
	m.channels[st.Channel&7]++
	for f := uint16(st.FailPoints); f != 0; f &= f - 1 {
		m.fails[bits.TrailingZeros16(f)]++
	}
	if i > 0 {
		m.since.add(sc.at[i] - sc.at[i-1])
		m.waiting.add(max(0, sc.at[i]-sc.end[i-1]))
	}
	return measured, below
}

// addEmployee adds a step to its employee's statistics.
func (a *Aggregate) addEmployee(st *Step, measured, below bool) {
	e := a.employee(st.Employee)
	e.enc++
	if st.Rating > 0 {
		e.dist[st.Rating-1]++
	}
	if measured {
		e.measured++
	}
	if below {
		e.below++
	}
	for f := uint16(st.FailPoints); f != 0; f &= f - 1 {
		e.fails[bits.TrailingZeros16(f)]++
	}
}

// addJourney adds the journey-level figures: completion, drop-off,
// throughput, conformance, duplicates, drivers and correct attention.
func (a *Aggregate) addJourney(s *JourneySummary) {
	sc := &a.scratch
	a.journeys++
	a.cost += int64(s.Cost)
	a.maxCost += int64(s.MaxCost)
	if s.Cost == 0 {
		a.conforming++
	}
	if s.Complete {
		a.completed++
		a.throughput.add(int64(s.Throughput))
	} else if last := sc.nodes[len(sc.nodes)-1]; last >= 0 {
		a.moments[last].dropOff++
	} else {
		a.unknownNode(last).dropOff++
	}
	for _, d := range s.Duplicates {
		a.duplicateCount += int64(d.Copies - 1)
	}
	a.duplicates = mergeDuplicates(a.duplicates, s.Duplicates)
	if s.Outcome > 0 {
		a.addDrivers(s.Outcome)
		a.addAttention(s)
	}
}

// addDrivers splits the journeys with an outcome by their worst experience
// at each moment they rated (the outcome moment aside).
func (a *Aggregate) addDrivers(outcome int) {
	sc := &a.scratch
	o := int64(outcome)
	for _, v := range sc.touched {
		worst := sc.worst[v]
		if worst == 0 {
			continue
		}
		m := &a.moments[v]
		bad := worst <= 2
		if min := a.cycle.cfg.Moments[v].Standards.MinRating; min > 0 {
			bad = int(worst) < min
		}
		if bad {
			m.badN, m.badSum, m.badSquares = m.badN+1, m.badSum+o, m.badSquares+o*o
		} else {
			m.goodN, m.goodSum, m.goodSqrs = m.goodN+1, m.goodSum+o, m.goodSqrs+o*o
		}
	}
}

// addAttention adds a journey carrying the three ratings of correct attention.
func (a *Aggregate) addAttention(s *JourneySummary) {
	var emp, empN, img, imgN int64
	for _, st := range s.Steps {
		if st.EmployeeRating > 0 {
			emp, empN = emp+int64(st.EmployeeRating), empN+1
		}
		if st.ImageRating > 0 {
			img, imgN = img+int64(st.ImageRating), imgN+1
		}
	}
	if empN == 0 || imgN == 0 {
		return
	}
	t := &a.attention
	t.journeys++
	t.customer += int64(s.Outcome)
	t.employee, t.employeeN = t.employee+emp, t.employeeN+empN
	t.image, t.imageN = t.image+img, t.imageN+imgN
	if s.Outcome >= 4 && emp >= 4*empN && img >= 4*imgN {
		t.correct++
	}
}

// addDeviations counts each deviation at its node; Journeys counts each
// (kind, moment id) once per journey.
func (a *Aggregate) addDeviations(s *JourneySummary) {
	if len(s.Deviations) == 0 {
		return
	}
	sc := &a.scratch
	sc.keys = sc.keys[:0]
	for _, d := range s.Deviations {
		sc.keys = append(sc.keys, devKey{kind: d.Kind, node: a.nodeOf(d.Moment), id: d.Moment})
	}
	for i, k := range sc.keys {
		dc := a.devCounts(k.node)
		dc[k.kind].count++
		if !slices.ContainsFunc(sc.keys[:i], func(p devKey) bool { return p.kind == k.kind && p.id == k.id }) {
			dc[k.kind].journeys++
		}
	}
}

// nodeOf returns the node key of a moment id.
func (a *Aggregate) nodeOf(id string) int32 {
	if i, ok := a.cycle.index[id]; ok {
		return int32(i)
	}
	return a.lookupUnknown(id)
}

func (a *Aggregate) devCounts(node int32) *[NotReached + 1]devCount {
	if node >= 0 {
		return &a.moments[node].dev
	}
	return &a.unknownNode(node).dev
}

// mergeDuplicates returns the first MaxReportedDuplicates of both lists, by
// case, instant and moment.
func mergeDuplicates(have, more []Duplicate) []Duplicate {
	if len(more) == 0 {
		return have
	}
	have = append(have, more...)
	slices.SortFunc(have, compareDuplicates)
	return have[:min(len(have), MaxReportedDuplicates)]
}

func compareDuplicates(x, y Duplicate) int {
	if c := strings.Compare(x.Case, y.Case); c != 0 {
		return c
	}
	if c := x.At.Compare(y.At); c != 0 {
		return c
	}
	return strings.Compare(x.Moment, y.Moment)
}
