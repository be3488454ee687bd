package servicecycle

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// aggregateVersion is the version of the aggregate's encoding.
const aggregateVersion = 1

type aggregateJSON struct {
	Version        int             `json:"version"`
	Cycle          json.RawMessage `json:"cycle"`
	Journeys       int64           `json:"journeys"`
	Encounters     int64           `json:"encounters"`
	Completed      int64           `json:"completed"`
	Conforming     int64           `json:"conforming"`
	Cost           int64           `json:"cost"`
	MaxCost        int64           `json:"maxCost"`
	DuplicateCount int64           `json:"duplicateCount"`
	Duplicates     []Duplicate     `json:"duplicates,omitempty"`
	Throughput     timingJSON      `json:"throughput"`
	Attention      attentionJSON   `json:"attention"`
	Moments        []momentJSON    `json:"moments"`
	Unknown        []unknownJSON   `json:"unknown,omitempty"`
	OtherUnknown   *unknownJSON    `json:"otherUnknown,omitempty"`
	Employees      []employeeJSON  `json:"employees,omitempty"`
	OtherEmployees *employeeJSON   `json:"otherEmployees,omitempty"`
	Edges          []edgeJSON      `json:"edges,omitempty"`
}

type attentionJSON struct {
	Journeys  int64 `json:"journeys"`
	Correct   int64 `json:"correct"`
	Customer  int64 `json:"customerSum"`
	Employee  int64 `json:"employeeSum"`
	EmployeeN int64 `json:"employeeN"`
	Image     int64 `json:"imageSum"`
	ImageN    int64 `json:"imageN"`
}

type deviationJSON struct {
	Kind     Deviation `json:"kind"`
	Count    int64     `json:"count"`
	Journeys int64     `json:"journeys"`
}

type driverJSON struct {
	Bad         int64 `json:"bad"`
	Good        int64 `json:"good"`
	BadSum      int64 `json:"badSum"`
	GoodSum     int64 `json:"goodSum"`
	BadSquares  int64 `json:"badSquares"`
	GoodSquares int64 `json:"goodSquares"`
}

type momentJSON struct {
	ID            string                `json:"id"`
	Encounters    int64                 `json:"encounters"`
	Journeys      int64                 `json:"journeys"`
	Ratings       [MaxRating]int64      `json:"ratings"`
	Measured      int64                 `json:"measured"`
	BelowStandard int64                 `json:"belowStandard"`
	Channels      [8]int64              `json:"channels"`
	FailPoints    [failPointCount]int64 `json:"failPoints"`
	SincePrevious timingJSON            `json:"sincePrevious"`
	Duration      timingJSON            `json:"duration"`
	Waiting       timingJSON            `json:"waiting"`
	DropOff       int64                 `json:"dropOff"`
	Deviations    []deviationJSON       `json:"deviations,omitempty"`
	Drivers       driverJSON            `json:"drivers"`
}

type unknownJSON struct {
	ID         string          `json:"id"`
	Encounters int64           `json:"encounters"`
	Journeys   int64           `json:"journeys"`
	DropOff    int64           `json:"dropOff"`
	Deviations []deviationJSON `json:"deviations,omitempty"`
}

type employeeJSON struct {
	Name          string                `json:"name"`
	Encounters    int64                 `json:"encounters"`
	Measured      int64                 `json:"measured"`
	BelowStandard int64                 `json:"belowStandard"`
	Ratings       [MaxRating]int64      `json:"ratings"`
	FailPoints    [failPointCount]int64 `json:"failPoints"`
}

type edgeJSON struct {
	From  string     `json:"from"`
	To    string     `json:"to"`
	Count int64      `json:"count"`
	Time  timingJSON `json:"time"`
}

func devsJSON(dev *[NotReached + 1]devCount) []deviationJSON {
	var out []deviationJSON
	for k, d := range dev {
		if d.count != 0 || d.journeys != 0 {
			out = append(out, deviationJSON{Kind: Deviation(k), Count: d.count, Journeys: d.journeys})
		}
	}
	return out
}

// MarshalJSON writes the aggregate's whole state with its cycle, in a
// canonical form: equal aggregates encode to equal bytes.
func (a *Aggregate) MarshalJSON() ([]byte, error) {
	if a.cycle == nil {
		return json.Marshal(struct {
			Version int `json:"version"`
		}{aggregateVersion})
	}
	cyc, err := json.Marshal(a.cycle)
	if err != nil {
		return nil, err
	}
	j := aggregateJSON{Version: aggregateVersion, Cycle: cyc, Journeys: a.journeys, Encounters: a.encounters,
		Completed: a.completed, Conforming: a.conforming, Cost: a.cost, MaxCost: a.maxCost,
		DuplicateCount: a.duplicateCount, Duplicates: a.duplicates, Throughput: a.throughput.toJSON(),
		Attention: a.attention.toJSON()}
	for i := range a.moments {
		j.Moments = append(j.Moments, a.momentJSON(i))
	}
	nodes := a.nodeOrder()
	for _, nd := range nodes {
		if nd.key < 0 && nd.key != otherKey {
			j.Unknown = append(j.Unknown, unknownToJSON(a.unknownNode(nd.key)))
		}
	}
	if a.other != (unknownAgg{}) {
		o := unknownToJSON(&a.other)
		j.OtherUnknown = &o
	}
	staff := slices.Clone(a.employees)
	slices.SortFunc(staff, func(x, y employeeAgg) int { return strings.Compare(x.name, y.name) })
	for i := range staff {
		j.Employees = append(j.Employees, employeeToJSON(&staff[i]))
	}
	if a.otherStaff != (employeeAgg{}) {
		o := employeeToJSON(&a.otherStaff)
		j.OtherEmployees = &o
	}
	r := rank(nodes)
	for _, e := range a.sortedEdges(r) {
		j.Edges = append(j.Edges, edgeJSON{From: nodes[r[e.from]].id, To: nodes[r[e.to]].id, Count: e.count, Time: e.time.toJSON()})
	}
	return json.Marshal(j)
}

// sortedEdges returns the edges in node order of From then To.
func (a *Aggregate) sortedEdges(r map[int32]int) []*edgeAgg {
	out := make([]*edgeAgg, len(a.edges))
	for i := range a.edges {
		out[i] = &a.edges[i]
	}
	slices.SortFunc(out, func(x, y *edgeAgg) int {
		if c := r[x.from] - r[y.from]; c != 0 {
			return c
		}
		return r[x.to] - r[y.to]
	})
	return out
}

func (a *Aggregate) momentJSON(i int) momentJSON {
	m := &a.moments[i]
	return momentJSON{ID: a.cycle.cfg.Moments[i].ID, Encounters: m.enc, Journeys: m.journeys, Ratings: m.dist,
		Measured: m.measured, BelowStandard: m.below, Channels: m.channels, FailPoints: m.fails,
		SincePrevious: m.since.toJSON(), Duration: m.dur.toJSON(), Waiting: m.waiting.toJSON(), DropOff: m.dropOff,
		Deviations: devsJSON(&m.dev), Drivers: driverJSON{Bad: m.badN, Good: m.goodN, BadSum: m.badSum,
			GoodSum: m.goodSum, BadSquares: m.badSquares, GoodSquares: m.goodSqrs}}
}

func unknownToJSON(u *unknownAgg) unknownJSON {
	return unknownJSON{ID: u.id, Encounters: u.enc, Journeys: u.journeys, DropOff: u.dropOff, Deviations: devsJSON(&u.dev)}
}

func employeeToJSON(e *employeeAgg) employeeJSON {
	return employeeJSON{Name: e.name, Encounters: e.enc, Measured: e.measured, BelowStandard: e.below,
		Ratings: e.dist, FailPoints: e.fails}
}

// UnmarshalJSON reads an aggregate written by MarshalJSON, refusing unknown
// fields and any state an aggregate cannot reach (a negative count, a
// histogram that does not add up, an unknown id that the cycle knows,
// lists out of order, a transition between moments not listed…); the
// error wraps [ErrInvalidAggregate] and *a is unchanged.
func (a *Aggregate) UnmarshalJSON(data []byte) error {
	var j aggregateJSON
	if err := decodeStrict(data, &j, "aggregate"); err != nil {
		return fmt.Errorf("servicecycle: aggregate JSON: %w: %w", err, ErrInvalidAggregate)
	}
	if j.Version != aggregateVersion {
		return fmt.Errorf("servicecycle: aggregate JSON: version %d, want %d: %w", j.Version, aggregateVersion, ErrInvalidAggregate)
	}
	if j.Cycle == nil {
		if !j.isZero() {
			return fmt.Errorf("servicecycle: aggregate JSON: state without a cycle: %w", ErrInvalidAggregate)
		}
		*a = Aggregate{}
		return nil
	}
	var c Cycle
	if err := c.UnmarshalJSON(j.Cycle); err != nil {
		return fmt.Errorf("servicecycle: aggregate JSON: %w: %w", err, ErrInvalidAggregate)
	}
	out := NewAggregate(&c)
	d := aggregateDecoder{a: out}
	d.decode(&j)
	if len(d.errs) > 0 {
		return errors.Join(d.errs...)
	}
	*a = *out
	return nil
}

func (j *aggregateJSON) isZero() bool {
	return j.Journeys == 0 && j.Encounters == 0 && j.Moments == nil && j.Edges == nil && j.Unknown == nil &&
		j.Employees == nil && j.Duplicates == nil && j.DuplicateCount == 0 && j.Throughput.N == 0
}

func (t attentionAgg) toJSON() attentionJSON {
	return attentionJSON{Journeys: t.journeys, Correct: t.correct, Customer: t.customer, Employee: t.employee,
		EmployeeN: t.employeeN, Image: t.image, ImageN: t.imageN}
}
