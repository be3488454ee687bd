package servicecycle

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/servuction/servuction"
)

// Result computes the analysis of the journeys added so far; it does not
// change the aggregate. Its cost depends on the aggregate's size (the
// cycle), not on the number of journeys. Variants are left empty: they come
// from a [Variants] accumulator ([Analyzer.Result] fills them).
func (a *Aggregate) Result() Analysis {
	c := a.cycle
	if c == nil {
		return Analysis{}
	}
	res := Analysis{Cycle: c.Name(), Encounters: int(a.encounters), Journeys: int(a.journeys),
		DuplicateCount: int(a.duplicateCount), Duplicates: slices.Clone(a.duplicates),
		Completed: int(a.completed), Completion: share(a.completed, a.journeys),
		Throughput: a.throughput.summary(), Conforming: int(a.conforming), Conformance: share(a.conforming, a.journeys),
		Fitness: fitness(int(a.cost), int(a.maxCost)), Attention: a.attention.result()}
	nodes := a.nodeOrder()
	res.Moments = a.momentResults()
	res.Unknown = a.unknownResults(nodes)
	res.DropOff = a.dropOffs(nodes)
	res.Edges, res.Bottleneck = a.edgeResults(nodes)
	res.Deviations = a.deviationCounts(nodes)
	res.Drivers = a.drivers()
	res.Employees = a.employeeResults()
	return res
}

func share(x, of int64) float64 {
	if of <= 0 {
		return 0
	}
	return float64(x) / float64(of)
}

// node is a node of the directly-follows graph in result order.
type node struct {
	key int32
	id  string
}

// nodeOrder lists the nodes: the cycle's moments in order, then the unknown
// ids by id, then the overflow node "" when it was used.
func (a *Aggregate) nodeOrder() []node {
	var out []node
	for i, m := range a.cycle.cfg.Moments {
		out = append(out, node{int32(i), m.ID})
	}
	unk := make([]node, len(a.unknown))
	for k, u := range a.unknown {
		unk[k] = node{int32(-(k + 1)), u.id}
	}
	slices.SortFunc(unk, func(x, y node) int { return strings.Compare(x.id, y.id) })
	out = append(out, unk...)
	if a.other != (unknownAgg{}) || slices.ContainsFunc(a.edges, func(e edgeAgg) bool { return e.from == otherKey || e.to == otherKey }) {
		out = append(out, node{otherKey, ""})
	}
	return out
}

// rank returns the position of each node key in nodes.
func rank(nodes []node) map[int32]int {
	r := make(map[int32]int, len(nodes))
	for i, nd := range nodes {
		r[nd.key] = i
	}
	return r
}

func (a *Aggregate) momentResults() []MomentStats {
	out := make([]MomentStats, len(a.moments))
	for i, mo := range a.cycle.cfg.Moments {
		m := &a.moments[i]
		s := MomentStats{ID: mo.ID, Name: mo.Label(), Critical: mo.Critical, Encounters: int(m.enc),
			Journeys: int(m.journeys), Reach: share(m.journeys, a.journeys), Satisfaction: satisfactionOf(m.dist),
			Measured: int(m.measured), BelowStandard: int(m.below), BelowShare: share(m.below, m.measured),
			SincePrevious: m.since.summary(), Duration: m.dur.summary(), Waiting: m.waiting.summary(),
			FailPoints: failPointCounts(m.fails)}
		for ch, cnt := range m.channels {
			if cnt > 0 {
				s.Channels = append(s.Channels, ChannelCount{Channel: servuction.Channel(ch), Count: int(cnt)})
			}
		}
		out[i] = s
	}
	return out
}

// failPointCounts lists the nonzero counts, most frequent first, then in
// fail-point order.
func failPointCounts(fails [failPointCount]int64) []FailPointCount {
	var out []FailPointCount
	for f, cnt := range fails {
		if cnt > 0 {
			out = append(out, FailPointCount{FailPoint: FailPoint(f), Count: int(cnt)})
		}
	}
	slices.SortStableFunc(out, func(x, y FailPointCount) int { return cmp.Compare(y.Count, x.Count) })
	return out
}

func (a *Aggregate) unknownResults(nodes []node) []UnlistedMoment {
	var out []UnlistedMoment
	for _, nd := range nodes {
		if nd.key < 0 {
			u := a.unknownNode(nd.key)
			out = append(out, UnlistedMoment{ID: nd.id, Encounters: int(u.enc), Journeys: int(u.journeys)})
		}
	}
	return out
}

func (a *Aggregate) dropOffs(nodes []node) []DropOff {
	var out []DropOff
	for _, nd := range nodes {
		var cnt int64
		if nd.key >= 0 {
			cnt = a.moments[nd.key].dropOff
		} else {
			cnt = a.unknownNode(nd.key).dropOff
		}
		if cnt > 0 {
			out = append(out, DropOff{Moment: nd.id, Journeys: int(cnt), Share: share(cnt, a.journeys)})
		}
	}
	slices.SortStableFunc(out, func(x, y DropOff) int { return cmp.Compare(y.Journeys, x.Journeys) })
	return out
}

// edgeResults lists the transitions in node order of From then To, and the
// bottleneck: the largest mean time, ties to the larger count, then to edge
// order.
func (a *Aggregate) edgeResults(nodes []node) ([]Edge, *Edge) {
	r := rank(nodes)
	order := make([]int, len(a.edges))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(x, y int) int {
		ex, ey := &a.edges[x], &a.edges[y]
		return cmp.Or(cmp.Compare(r[ex.from], r[ey.from]), cmp.Compare(r[ex.to], r[ey.to]))
	})
	n := a.cycle.Len()
	out := make([]Edge, len(order))
	for i, k := range order {
		e := &a.edges[k]
		out[i] = Edge{From: nodes[r[e.from]].id, To: nodes[r[e.to]].id, Count: int(e.count), Time: e.time.summary(),
			Designed: e.from >= 0 && e.to >= 0 && a.cycle.allowed[int(e.from)*n+int(e.to)]}
	}
	var bottleneck *Edge
	for i := range out {
		e := &out[i]
		if b := bottleneck; b == nil || e.Time.Mean > b.Time.Mean || (e.Time.Mean == b.Time.Mean && e.Count > b.Count) {
			bottleneck = e
		}
	}
	if bottleneck != nil {
		b := *bottleneck
		bottleneck = &b
	}
	return out, bottleneck
}

// deviationCounts lists the deviations by kind, then node order.
func (a *Aggregate) deviationCounts(nodes []node) []DeviationCount {
	var out []DeviationCount
	for _, k := range Deviations() {
		for _, nd := range nodes {
			dc := a.devCounts(nd.key)[k]
			if dc.count > 0 {
				out = append(out, DeviationCount{Kind: k, Moment: nd.id, Count: int(dc.count), Journeys: int(dc.journeys)})
			}
		}
	}
	return out
}

// drivers lists the moments with two journeys or more on each side, largest
// effect first, then larger Cohen's d, then cycle order.
func (a *Aggregate) drivers() []Driver {
	var out []Driver
	for i, mo := range a.cycle.cfg.Moments {
		if d, ok := driverOf(&a.moments[i]); ok {
			d.Moment, d.Name, d.Critical = mo.ID, mo.Label(), mo.Critical
			out = append(out, d)
		}
	}
	slices.SortStableFunc(out, func(x, y Driver) int {
		return cmp.Or(cmp.Compare(y.Effect, x.Effect), cmp.Compare(y.CohensD, x.CohensD))
	})
	return out
}

// driverOf compares the outcome of the journeys with a bad and a good
// experience at a moment (Welch's interval with fractional degrees of
// freedom); it needs two journeys in each group.
func driverOf(m *momentAgg) (Driver, bool) {
	if m.badN < 2 || m.goodN < 2 {
		return Driver{}, false
	}
	nb, ng := float64(m.badN), float64(m.goodN)
	mb, mg := float64(m.badSum)/nb, float64(m.goodSum)/ng
	vb := math.Max(0, (float64(m.badSquares)-nb*mb*mb)/(nb-1))
	vg := math.Max(0, (float64(m.goodSqrs)-ng*mg*mg)/(ng-1))
	d := Driver{Bad: int(m.badN), Good: int(m.goodN), BadOutcome: mb, GoodOutcome: mg, Effect: mg - mb}
	d.Low, d.High = d.Effect, d.Effect
	if se2 := vb/nb + vg/ng; se2 > 0 {
		df := se2 * se2 / ((vb/nb)*(vb/nb)/(nb-1) + (vg/ng)*(vg/ng)/(ng-1))
		half := tQuantile975(df) * math.Sqrt(se2)
		d.Low, d.High = d.Effect-half, d.Effect+half
	}
	if sp := math.Sqrt(((nb-1)*vb + (ng-1)*vg) / (nb + ng - 2)); sp > 0 {
		d.CohensD = d.Effect / sp
	}
	return d, true
}

func (a *Aggregate) employeeResults() []EmployeeStats {
	all := slices.Clone(a.employees)
	slices.SortFunc(all, func(x, y employeeAgg) int { return strings.Compare(x.name, y.name) })
	if a.otherStaff.enc > 0 {
		all = append(all, a.otherStaff)
	}
	var out []EmployeeStats
	for i := range all {
		e := &all[i]
		out = append(out, EmployeeStats{Employee: e.name, Encounters: int(e.enc), Satisfaction: satisfactionOf(e.dist),
			Measured: int(e.measured), BelowStandard: int(e.below), BelowShare: share(e.below, e.measured),
			FailPoints: failPointCounts(e.fails)})
	}
	return out
}

func (t *attentionAgg) result() CorrectAttention {
	out := CorrectAttention{Journeys: int(t.journeys), Correct: int(t.correct), Share: share(t.correct, t.journeys)}
	if t.journeys > 0 && t.employeeN > 0 && t.imageN > 0 {
		out.Customer = float64(t.customer) / float64(t.journeys)
		out.Employee = float64(t.employee) / float64(t.employeeN)
		out.Image = float64(t.image) / float64(t.imageN)
	}
	return out
}
