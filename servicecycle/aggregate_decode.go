package servicecycle

import (
	"fmt"
	"slices"
	"strings"
)

// aggregateDecoder checks an encoded aggregate and fills a.
type aggregateDecoder struct {
	a    *Aggregate
	errs []error
}

func (d *aggregateDecoder) bad(format string, args ...any) {
	if len(d.errs) < 20 {
		d.errs = append(d.errs, fmt.Errorf("servicecycle: aggregate JSON: "+format+": %w", append(args, ErrInvalidAggregate)...))
	}
}

// count checks that v is a count an aggregate can hold.
func (d *aggregateDecoder) count(field string, v int64) int64 {
	if v < 0 || v > maxCount {
		d.bad("%s %d out of range", field, v)
	}
	return v
}

func (d *aggregateDecoder) timing(field string, j timingJSON) timing {
	t, err := timingFromJSON(j)
	if err != nil {
		d.bad("%s: %v", field, err)
	}
	return t
}

func (d *aggregateDecoder) decode(j *aggregateJSON) {
	a := d.a
	a.journeys, a.encounters = d.count("journeys", j.Journeys), d.count("encounters", j.Encounters)
	a.completed, a.conforming = d.count("completed", j.Completed), d.count("conforming", j.Conforming)
	a.cost, a.maxCost = d.count("cost", j.Cost), d.count("maxCost", j.MaxCost)
	a.duplicateCount = d.count("duplicateCount", j.DuplicateCount)
	if a.completed > a.journeys || a.conforming > a.journeys || a.cost > a.maxCost {
		d.bad("completed %d, conforming %d of %d journeys, cost %d of %d", a.completed, a.conforming, a.journeys, a.cost, a.maxCost)
	}
	a.throughput = d.timing("throughput", j.Throughput)
	if a.throughput.n != a.completed {
		d.bad("throughput of %d journeys, %d completed", a.throughput.n, a.completed)
	}
	d.duplicates(j.Duplicates)
	d.attention(j.Attention)
	d.moments(j.Moments)
	d.unknown(j.Unknown, j.OtherUnknown)
	d.employees(j.Employees, j.OtherEmployees)
	d.edges(j.Edges)
}

func (d *aggregateDecoder) duplicates(dups []Duplicate) {
	if len(dups) > MaxReportedDuplicates {
		d.bad("%d duplicates listed, more than %d", len(dups), MaxReportedDuplicates)
	}
	for i, x := range dups {
		if strings.TrimSpace(x.Case) == "" || strings.TrimSpace(x.Moment) == "" || x.Copies < 2 ||
			(i > 0 && compareDuplicates(dups[i-1], x) >= 0) {
			d.bad("duplicate %d malformed or out of order", i)
		}
	}
	d.a.duplicates = slices.Clone(dups)
}

func (d *aggregateDecoder) attention(j attentionJSON) {
	for _, v := range []int64{j.Journeys, j.Correct, j.Customer, j.Employee, j.EmployeeN, j.Image, j.ImageN} {
		d.count("attention", v)
	}
	if j.Correct > j.Journeys || j.Customer > MaxRating*j.Journeys || j.Employee > MaxRating*j.EmployeeN || j.Image > MaxRating*j.ImageN {
		d.bad("attention sums inconsistent")
	}
	d.a.attention = attentionAgg{journeys: j.Journeys, correct: j.Correct, customer: j.Customer, employee: j.Employee,
		employeeN: j.EmployeeN, image: j.Image, imageN: j.ImageN}
}

func (d *aggregateDecoder) devs(where string, in []deviationJSON) (out [NotReached + 1]devCount) {
	for i, x := range in {
		if x.Kind < Skipped || x.Kind > NotReached || (i > 0 && in[i-1].Kind >= x.Kind) ||
			x.Journeys < 1 || x.Journeys > x.Count || x.Count > maxCount {
			d.bad("%s: deviation %d malformed or out of order", where, i)
			continue
		}
		out[x.Kind] = devCount{count: x.Count, journeys: x.Journeys}
	}
	return out
}

func (d *aggregateDecoder) moments(ms []momentJSON) {
	c := d.a.cycle
	if len(ms) != c.Len() {
		d.bad("%d moments for a cycle of %d", len(ms), c.Len())
		return
	}
	for i, j := range ms {
		where := fmt.Sprintf("moment %q", j.ID)
		if j.ID != c.cfg.Moments[i].ID {
			d.bad("moment %d is %q, the cycle's is %q", i, j.ID, c.cfg.Moments[i].ID)
		}
		m := &d.a.moments[i]
		m.enc, m.journeys = d.count(where+" encounters", j.Encounters), d.count(where+" journeys", j.Journeys)
		m.measured, m.below, m.dropOff = d.count(where+" measured", j.Measured), d.count(where+" belowStandard", j.BelowStandard), d.count(where+" dropOff", j.DropOff)
		d.arrays(where, j.Ratings[:], j.Channels[:], j.FailPoints[:])
		m.dist, m.channels, m.fails = j.Ratings, j.Channels, j.FailPoints
		if m.below > m.measured || m.journeys > d.a.journeys || m.journeys > m.enc || j.FailPoints[0] != 0 {
			d.bad("%s: counts inconsistent", where)
		}
		m.since, m.dur, m.waiting = d.timing(where+" sincePrevious", j.SincePrevious), d.timing(where+" duration", j.Duration), d.timing(where+" waiting", j.Waiting)
		m.dev = d.devs(where, j.Deviations)
		dr := j.Drivers
		for _, v := range []int64{dr.Bad, dr.Good, dr.BadSum, dr.GoodSum, dr.BadSquares, dr.GoodSquares} {
			d.count(where+" drivers", v)
		}
		if dr.BadSum > MaxRating*dr.Bad || dr.GoodSum > MaxRating*dr.Good || dr.BadSquares > MaxRating*dr.BadSum || dr.GoodSquares > MaxRating*dr.GoodSum {
			d.bad("%s: driver sums inconsistent", where)
		}
		m.badN, m.goodN, m.badSum, m.goodSum, m.badSquares, m.goodSqrs = dr.Bad, dr.Good, dr.BadSum, dr.GoodSum, dr.BadSquares, dr.GoodSquares
	}
}

func (d *aggregateDecoder) arrays(where string, arrays ...[]int64) {
	for _, arr := range arrays {
		for _, v := range arr {
			d.count(where, v)
		}
	}
}

func (d *aggregateDecoder) unknown(us []unknownJSON, other *unknownJSON) {
	a := d.a
	if len(us) > MaxUnknownMoments || (other != nil && len(us) < MaxUnknownMoments) {
		d.bad("%d unknown moments listed (and others counted apart: %t), the table holds %d", len(us), other != nil, MaxUnknownMoments)
	}
	for i, u := range us {
		_, known := a.cycle.index[u.ID]
		if strings.TrimSpace(u.ID) == "" || known || (i > 0 && us[i-1].ID >= u.ID) {
			d.bad("unknown moment %d (%q): blank, known to the cycle or out of order", i, u.ID)
			continue
		}
		a.unknown = append(a.unknown, d.unknownAgg(u))
		a.unknownIdx[u.ID] = int32(len(a.unknown) - 1)
	}
	if other != nil {
		if other.ID != "" || (other.Encounters == 0 && other.DropOff == 0 && len(other.Deviations) == 0) {
			d.bad("otherUnknown: id %q must be empty, counts nonzero", other.ID)
		}
		a.other = d.unknownAgg(*other)
	}
}

func (d *aggregateDecoder) unknownAgg(u unknownJSON) unknownAgg {
	where := fmt.Sprintf("unknown moment %q", u.ID)
	out := unknownAgg{id: u.ID, enc: d.count(where, u.Encounters), journeys: d.count(where, u.Journeys),
		dropOff: d.count(where, u.DropOff), dev: d.devs(where, u.Deviations)}
	if out.journeys > out.enc || out.journeys > d.a.journeys {
		d.bad("%s: journeys %d inconsistent", where, out.journeys)
	}
	return out
}

func (d *aggregateDecoder) employees(es []employeeJSON, other *employeeJSON) {
	a := d.a
	if len(es) > MaxEmployees || (other != nil && len(es) < MaxEmployees) {
		d.bad("%d employees listed (and others counted apart: %t), the table holds %d", len(es), other != nil, MaxEmployees)
	}
	for i, e := range es {
		if strings.TrimSpace(e.Name) == "" || (i > 0 && es[i-1].Name >= e.Name) {
			d.bad("employee %d (%q): blank or out of order", i, e.Name)
			continue
		}
		a.employees = append(a.employees, d.employeeAgg(e))
		a.employeeIdx[e.Name] = int32(len(a.employees) - 1)
	}
	if other != nil {
		if other.Name != "" || *other == (employeeJSON{}) {
			d.bad("otherEmployees: name %q must be empty, counts nonzero", other.Name)
		}
		a.otherStaff = d.employeeAgg(*other)
	}
}

func (d *aggregateDecoder) employeeAgg(e employeeJSON) employeeAgg {
	where := fmt.Sprintf("employee %q", e.Name)
	d.arrays(where, e.Ratings[:], e.FailPoints[:])
	out := employeeAgg{name: e.Name, enc: d.count(where, e.Encounters), measured: d.count(where, e.Measured),
		below: d.count(where, e.BelowStandard), dist: e.Ratings, fails: e.FailPoints}
	if out.below > out.measured || e.FailPoints[0] != 0 {
		d.bad("%s: counts inconsistent", where)
	}
	return out
}

// edges checks the transitions: between listed nodes, one per pair, in node
// order, each with one time per transition.
func (d *aggregateDecoder) edges(es []edgeJSON) {
	a := d.a
	key := func(id string) (int32, bool) {
		if id == "" {
			return otherKey, len(a.unknown) == MaxUnknownMoments
		}
		if i, ok := a.cycle.index[id]; ok {
			return int32(i), true
		}
		k, ok := a.unknownIdx[id]
		return -(k + 1), ok
	}
	r := rank(a.nodeOrderWithOther())
	for i, e := range es {
		from, ok1 := key(e.From)
		to, ok2 := key(e.To)
		if !ok1 || !ok2 {
			d.bad("edge %d: %q → %q names a moment not listed", i, e.From, e.To)
			continue
		}
		if i > 0 && len(a.edges) > 0 {
			p := a.edges[len(a.edges)-1]
			if r[p.from] > r[from] || (p.from == from && r[p.to] >= r[to]) {
				d.bad("edge %d: %q → %q out of order or repeated", i, e.From, e.To)
			}
		}
		t := d.timing(fmt.Sprintf("edge %q → %q time", e.From, e.To), e.Time)
		if e.Count < 1 || e.Count > maxCount || t.n != e.Count {
			d.bad("edge %q → %q: count %d with %d times", e.From, e.To, e.Count, t.n)
		}
		*a.edge(from, to) = edgeAgg{from: from, to: to, count: e.Count, time: t}
	}
}

// nodeOrderWithOther is nodeOrder with the overflow node always last.
func (a *Aggregate) nodeOrderWithOther() []node {
	nodes := a.nodeOrder()
	if nodes[len(nodes)-1].key != otherKey {
		nodes = append(nodes, node{otherKey, ""})
	}
	return nodes
}
