package servicecycle

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/servuction/servuction"
)

type grouperJSON struct {
	Cycle      json.RawMessage `json:"cycle,omitempty"`
	Encounters []Encounter     `json:"encounters"`
}

// encounter rebuilds the encounter a record was made from (its instant in
// UTC).
func (g *Grouper) encounter(r *record) Encounter {
	e := Encounter{Case: string(g.caseOf(r)), Moment: g.cycle.momentID(r.moment, g.unknownIDs),
		Channel: servuction.Channel(r.channel()), At: time.Unix(0, r.at).UTC(), Rating: r.rating(),
		Duration: time.Duration(r.dur), Employee: g.employeeName(r.employee), EmployeeRating: r.employeeRating(),
		ImageRating: r.imageRating(), Lifecycle: r.lifecycle()}
	e.FailPoints = FailPointSet(r.fails).List()
	return e
}

// MarshalJSON writes the grouper's cycle and every encounter it holds, in
// journey order (instants in UTC): its whole state, which grows with the
// encounters, as grouping by journey needs.
func (g *Grouper) MarshalJSON() ([]byte, error) {
	j := grouperJSON{Encounters: []Encounter{}}
	if g.cycle != nil {
		cyc, err := json.Marshal(g.cycle)
		if err != nil {
			return nil, err
		}
		j.Cycle = cyc
		g.sort()
		for _, recs := range g.parts {
			for i := range recs {
				j.Encounters = append(j.Encounters, g.encounter(&recs[i]))
			}
		}
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes, refusing unknown fields and
// invalid encounters (the error names the encounter's index and wraps
// [ErrInvalidAggregate]); on error *g is unchanged.
func (g *Grouper) UnmarshalJSON(data []byte) error {
	var j grouperJSON
	if err := decodeStrict(data, &j, "grouper"); err != nil {
		return fmt.Errorf("servicecycle: grouper JSON: %w: %w", err, ErrInvalidAggregate)
	}
	if j.Cycle == nil {
		if len(j.Encounters) > 0 {
			return fmt.Errorf("servicecycle: grouper JSON: encounters without a cycle: %w", ErrInvalidAggregate)
		}
		*g = Grouper{}
		return nil
	}
	var c Cycle
	if err := c.UnmarshalJSON(j.Cycle); err != nil {
		return fmt.Errorf("servicecycle: grouper JSON: %w: %w", err, ErrInvalidAggregate)
	}
	out := NewGrouper(&c)
	out.Grow(len(j.Encounters))
	for i, e := range j.Encounters {
		if err := out.Add(e); err != nil {
			return fmt.Errorf("servicecycle: grouper JSON: encounter %d: %w: %w", i, err, ErrInvalidAggregate)
		}
	}
	*g = *out
	return nil
}

// MarshalJSON writes the analyzer's state: its cycle and every encounter
// (see [Grouper.MarshalJSON]).
func (a *Analyzer) MarshalJSON() ([]byte, error) { return a.g.MarshalJSON() }

// UnmarshalJSON reads what MarshalJSON writes (see [Grouper.UnmarshalJSON]).
func (a *Analyzer) UnmarshalJSON(data []byte) error { return a.g.UnmarshalJSON(data) }
