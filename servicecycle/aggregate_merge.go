package servicecycle

import (
	"fmt"
	"slices"
	"strings"
)

// unknownKey returns the node key of unknown moment id, adding it to the
// table if it is among the first MaxUnknownMoments ids in id order (moving
// the largest id listed to the overflow node when the table is full).
func (a *Aggregate) unknownKey(id string) int32 {
	if k, ok := a.unknownIdx[id]; ok {
		return -(k + 1)
	}
	if len(a.unknown) < MaxUnknownMoments {
		a.unknown = append(a.unknown, unknownAgg{id: strings.Clone(id)})
		k := int32(len(a.unknown) - 1)
		a.unknownIdx[a.unknown[k].id] = k
		return -(k + 1)
	}
	largest := int32(0)
	for k := range a.unknown {
		if a.unknown[k].id > a.unknown[largest].id {
			largest = int32(k)
		}
	}
	if id > a.unknown[largest].id {
		return otherKey
	}
	evicted := a.unknown[largest]
	a.other.add(&evicted)
	delete(a.unknownIdx, evicted.id)
	a.rekeyEdges(-(largest + 1), otherKey)
	a.unknown[largest] = unknownAgg{id: strings.Clone(id)}
	a.unknownIdx[a.unknown[largest].id] = largest
	return -(largest + 1)
}

// lookupUnknown returns the node key of an unknown id already resolved.
func (a *Aggregate) lookupUnknown(id string) int32 {
	if k, ok := a.unknownIdx[id]; ok {
		return -(k + 1)
	}
	return otherKey
}

func (a *Aggregate) unknownNode(key int32) *unknownAgg {
	if key == otherKey {
		return &a.other
	}
	return &a.unknown[-key-1]
}

func (u *unknownAgg) add(o *unknownAgg) {
	u.enc += o.enc
	u.journeys += o.journeys
	u.dropOff += o.dropOff
	for k := range u.dev {
		u.dev[k].count += o.dev[k].count
		u.dev[k].journeys += o.dev[k].journeys
	}
}

// employee returns the statistics of the named employee, or of the others
// when the table holds MaxEmployees names that come before it.
func (a *Aggregate) employee(name string) *employeeAgg {
	if k, ok := a.employeeIdx[name]; ok {
		return &a.employees[k]
	}
	if len(a.employees) < MaxEmployees {
		a.employees = append(a.employees, employeeAgg{name: strings.Clone(name)})
		k := int32(len(a.employees) - 1)
		a.employeeIdx[a.employees[k].name] = k
		return &a.employees[k]
	}
	largest := 0
	for k := range a.employees {
		if a.employees[k].name > a.employees[largest].name {
			largest = k
		}
	}
	if name > a.employees[largest].name {
		return &a.otherStaff
	}
	a.otherStaff.add(&a.employees[largest])
	delete(a.employeeIdx, a.employees[largest].name)
	a.employees[largest] = employeeAgg{name: strings.Clone(name)}
	a.employeeIdx[a.employees[largest].name] = int32(largest)
	return &a.employees[largest]
}

func (e *employeeAgg) add(o *employeeAgg) {
	e.enc += o.enc
	e.measured += o.measured
	e.below += o.below
	for i := range e.dist {
		e.dist[i] += o.dist[i]
	}
	for i := range e.fails {
		e.fails[i] += o.fails[i]
	}
}

func edgeKeyOf(from, to int32) uint64 { return uint64(uint32(from))<<32 | uint64(uint32(to)) }

// denseEdges is the largest cycle whose transitions between its own
// moments are found by a table rather than a map.
const denseEdges = 128

// edge returns the transition from → to, adding it if new.
func (a *Aggregate) edge(from, to int32) *edgeAgg {
	n := int32(len(a.moments))
	dense := from >= 0 && to >= 0 && n <= denseEdges
	if dense {
		if a.edgeDense == nil {
			a.edgeDense = make([]int32, n*n)
		}
		if i := a.edgeDense[from*n+to]; i > 0 {
			return &a.edges[i-1]
		}
	} else if i, ok := a.edgeIdx[edgeKeyOf(from, to)]; ok {
		return &a.edges[i]
	}
	a.edges = append(a.edges, edgeAgg{from: from, to: to})
	if dense {
		a.edgeDense[from*n+to] = int32(len(a.edges))
	} else {
		a.edgeIdx[edgeKeyOf(from, to)] = int32(len(a.edges) - 1)
	}
	return &a.edges[len(a.edges)-1]
}

// rekeyEdges moves the transitions from and to node key old to node key
// new, merging those that meet.
func (a *Aggregate) rekeyEdges(old, new int32) {
	edges := a.edges
	a.edges, a.edgeIdx = nil, make(map[uint64]int32, len(edges))
	clear(a.edgeDense)
	for i := range edges {
		e := &edges[i]
		if e.from == old {
			e.from = new
		}
		if e.to == old {
			e.to = new
		}
		to := a.edge(e.from, e.to)
		to.count += e.count
		to.time.merge(&e.time)
	}
}

// Merge adds o's journeys to a; o is unchanged. Merging is associative and
// commutative, and the zero Aggregate is its identity, so aggregates of
// shards merged in any order equal the aggregate of one pass. Aggregates of
// different cycles (by content) do not merge: the error wraps
// [ErrCycleMismatch] and a is unchanged.
func (a *Aggregate) Merge(o *Aggregate) error {
	if o == nil || o.cycle == nil {
		return nil
	}
	if a.cycle == nil {
		a.init(o.cycle)
	} else if !sameCycle(a.cycle, o.cycle) {
		return fmt.Errorf("servicecycle: merge aggregate of cycle %q into cycle %q: %w", o.cycle.Name(), a.cycle.Name(), ErrCycleMismatch)
	}
	a.journeys += o.journeys
	a.encounters += o.encounters
	a.completed += o.completed
	a.conforming += o.conforming
	a.cost += o.cost
	a.maxCost += o.maxCost
	a.duplicateCount += o.duplicateCount
	a.duplicates = mergeDuplicates(a.duplicates, o.duplicates)
	a.throughput.merge(&o.throughput)
	a.attention.add(&o.attention)
	for i := range a.moments {
		a.moments[i].add(&o.moments[i])
	}
	keys := a.mergeUnknown(o)
	for i := range o.employees {
		a.employee(o.employees[i].name).add(&o.employees[i])
	}
	a.otherStaff.add(&o.otherStaff)
	for i := range o.edges {
		e := &o.edges[i]
		to := a.edge(keys(e.from), keys(e.to))
		to.count += e.count
		to.time.merge(&e.time)
	}
	return nil
}

// mergeUnknown adds o's unknown moments, in id order, and returns the map
// from o's node keys to a's.
func (a *Aggregate) mergeUnknown(o *Aggregate) func(int32) int32 {
	order := make([]int, len(o.unknown))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(x, y int) int { return strings.Compare(o.unknown[x].id, o.unknown[y].id) })
	for _, i := range order {
		a.unknownKey(o.unknown[i].id)
	}
	mapped := make([]int32, len(o.unknown))
	for i := range o.unknown {
		mapped[i] = a.lookupUnknown(o.unknown[i].id)
		a.unknownNode(mapped[i]).add(&o.unknown[i])
	}
	a.other.add(&o.other)
	return func(k int32) int32 {
		if k >= 0 || k == otherKey {
			return k
		}
		return mapped[-k-1]
	}
}

func (m *momentAgg) add(o *momentAgg) {
	m.enc += o.enc
	m.journeys += o.journeys
	for i := range m.dist {
		m.dist[i] += o.dist[i]
	}
	m.measured += o.measured
	m.below += o.below
	for i := range m.channels {
		m.channels[i] += o.channels[i]
	}
	for i := range m.fails {
		m.fails[i] += o.fails[i]
	}
	m.since.merge(&o.since)
	m.dur.merge(&o.dur)
	m.waiting.merge(&o.waiting)
	m.dropOff += o.dropOff
	for k := range m.dev {
		m.dev[k].count += o.dev[k].count
		m.dev[k].journeys += o.dev[k].journeys
	}
	m.badN += o.badN
	m.goodN += o.goodN
	m.badSum += o.badSum
	m.goodSum += o.goodSum
	m.badSquares += o.badSquares
	m.goodSqrs += o.goodSqrs
}

func (t *attentionAgg) add(o *attentionAgg) {
	t.journeys += o.journeys
	t.correct += o.correct
	t.customer += o.customer
	t.employee += o.employee
	t.employeeN += o.employeeN
	t.image += o.image
	t.imageN += o.imageN
}
