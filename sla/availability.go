package sla

import (
	"fmt"
	"math"
	"slices"
	"time"
)

// Outage is an interval [Start, End) during which the service was down.
type Outage struct {
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
	// Cause describes the outage, for reports.
	Cause string `json:"cause,omitempty"`
}

// AvailabilityResult is an availability objective over a window
// (disponibilidad horaria) and its error budget.
//
// Time is counted on the objective's calendar, so a 99.9 % objective on a
// business-hours calendar is 99.9 % of service hours: an outage at night
// costs nothing. Overlapping outages are merged first, so no minute is
// counted twice.
type AvailabilityResult struct {
	Objective string    `json:"objective"`
	From      time.Time `json:"from"`
	To        time.Time `json:"to"`
	// Target is the availability to reach, in percent.
	Target float64 `json:"target"`
	// ServiceTime is the calendar time in [From, To); Downtime the part of
	// it the outages cover.
	ServiceTime time.Duration `json:"serviceTime"`
	Downtime    time.Duration `json:"downtime"`
	// Achieved is 100 × (ServiceTime − Downtime) / ServiceTime; 100 when
	// there is no service time.
	Achieved float64 `json:"achieved"`
	// Met reports whether Achieved >= Target.
	Met bool `json:"met"`
	// Budget is the error budget, the downtime the target allows:
	// (1 − Target/100) × ServiceTime. BudgetLeft is Budget − Downtime,
	// negative once overspent, and BudgetUsed is 100 × Downtime / Budget
	// (+Inf when the budget is zero and there was downtime).
	Budget     time.Duration `json:"budget"`
	BudgetLeft time.Duration `json:"budgetLeft"`
	BudgetUsed float64       `json:"budgetUsed"`
}

// availabilityObjective returns the compiled availability objective called
// name.
func (a *Agreement) availabilityObjective(name string) (*compiled, error) {
	i := a.index(name)
	if i < 0 {
		return nil, fmt.Errorf("sla: agreement %q: objective %q not defined: %w", a.cfg.Name, name, ErrInvalidAgreement)
	}
	if a.obj[i].Metric != Availability {
		return nil, fmt.Errorf("sla: agreement %q: objective %q is %s, not availability: %w", a.cfg.Name, name, a.obj[i].Metric, ErrInvalidAgreement)
	}
	return &a.obj[i], nil
}

// Availability measures the availability objective called name over [from,
// to) given the outages. Outages may overlap and may reach outside the
// window; only their part inside counts. An outage whose End is before its
// Start, a zero instant or a window whose end is before its start is an
// error wrapping [ErrInvalidOutage] that names the outage by its position
// (the first is 1); an unknown objective wraps [ErrInvalidAgreement].
func (a *Agreement) Availability(name string, outages []Outage, from, to time.Time) (AvailabilityResult, error) {
	c, err := a.availabilityObjective(name)
	if err != nil {
		return AvailabilityResult{}, err
	}
	if err := checkOutages(outages, from, to); err != nil {
		return AvailabilityResult{}, err
	}
	service, down := c.uptime(outages, from, to)
	r := AvailabilityResult{Objective: c.Name, From: from, To: to, Target: c.Threshold, ServiceTime: service, Downtime: down}
	r.Achieved = 100
	if service > 0 {
		r.Achieved = 100 * float64(service-down) / float64(service)
	}
	r.Met = r.Achieved >= r.Target
	r.Budget = time.Duration(math.Round((1 - r.Target/100) * float64(service)))
	r.BudgetLeft = r.Budget - down
	switch {
	case r.Budget > 0:
		r.BudgetUsed = 100 * float64(down) / float64(r.Budget)
	case down > 0:
		r.BudgetUsed = math.Inf(1)
	}
	return r, nil
}

func checkOutages(outages []Outage, from, to time.Time) error {
	if from.IsZero() || to.IsZero() || to.Before(from) {
		return fmt.Errorf("sla: availability window [%s, %s): want a non-zero start before the end: %w",
			from.Format(time.RFC3339), to.Format(time.RFC3339), ErrInvalidOutage)
	}
	for i, o := range outages {
		if o.Start.IsZero() || o.End.IsZero() || o.End.Before(o.Start) {
			return fmt.Errorf("sla: outage %d [%s, %s): want a non-zero start before the end: %w",
				i+1, o.Start.Format(time.RFC3339), o.End.Format(time.RFC3339), ErrInvalidOutage)
		}
	}
	return nil
}

// uptime returns the calendar time in [from, to) and the part of it the
// outages cover, overlaps merged.
func (c *compiled) uptime(outages []Outage, from, to time.Time) (service, down time.Duration) {
	service = c.cal.Between(from, to)
	type span struct{ s, e time.Time }
	spans := make([]span, 0, len(outages))
	for _, o := range outages {
		s, e := o.Start, o.End
		if s.Before(from) {
			s = from
		}
		if e.After(to) {
			e = to
		}
		if e.After(s) {
			spans = append(spans, span{s, e})
		}
	}
	slices.SortFunc(spans, func(x, y span) int { return x.s.Compare(y.s) })
	var cur span
	for i, sp := range spans {
		switch {
		case i == 0:
			cur = sp
		case !sp.s.After(cur.e):
			if sp.e.After(cur.e) {
				cur.e = sp.e
			}
		default:
			down += c.cal.Between(cur.s, cur.e)
			cur = sp
		}
	}
	if len(spans) > 0 {
		down += c.cal.Between(cur.s, cur.e)
	}
	return service, down
}
