package sla

import (
	"slices"
	"time"
)

// Cycle is one run of an objective's clock on a ticket, as Jira Service
// Management lists an SLA's completed cycles and its ongoing cycle: a
// first response has one, a next response one per customer follow-up, a
// periodic update one per interval between updates, a group ownership one
// per stretch a group owns the ticket, and a resolution one, reopenings
// included.
type Cycle struct {
	// Objective, Metric, Scope, Level and Policy say what the cycle was
	// measured against, as in [Result].
	Objective string
	Metric    Metric
	Scope     string
	Level     Level
	Policy    string
	// Group is the group that owned the ticket, for [GroupOwnership].
	Group string
	// Start is when the clock started; Stop when it stopped for good
	// (zero for the ongoing cycle).
	Start, Stop time.Time
	// Target, Elapsed and Remaining are as in [Result]; Paused is the time
	// of the objective's calendar during the cycle that the clock did not
	// count: the waits that stop it, the time its party did not own the
	// ticket, and for a resolution the time between a resolution and the
	// reopening.
	Target, Elapsed, Remaining, Paused time.Duration
	// Status is Met or Breached for a completed cycle; Running, AtRisk or
	// OnHold (paused) for the ongoing one.
	Status Status
	// BreachedAt is when the target ran out, zero unless breached;
	// Deadline as in [Result].
	BreachedAt, Deadline time.Time
}

// slotCycle is a cycle and the slot of its clock, for ordering.
type slotCycle struct {
	slot int
	c    Cycle
}

// Cycles returns every clock cycle of t at now that was measured against an
// objective: the completed ones and, per metric, the ongoing one, ordered by
// metric as in [Evaluation] and by start within a metric. The clocks follow
// the rules of [Agreement.Evaluate]; an evaluation's result describes one
// of these cycles. Errors are those of Evaluate.
func (a *Agreement) Cycles(t Ticket, now time.Time) ([]Cycle, error) {
	if err := a.check(&t, now); err != nil {
		return nil, err
	}
	var out []slotCycle
	en := engine{sink: &out}
	en.reset(a, &t)
	en.run(&t, now)
	for i := 0; i < en.n; i++ {
		if c := &en.clocks[i]; c.started && c.cur.obj >= 0 {
			out = append(out, slotCycle{i, en.describe(c, &c.cur, true, now)})
		}
	}
	slices.SortStableFunc(out, func(x, y slotCycle) int { return x.slot - y.slot })
	cycles := make([]Cycle, len(out))
	for i, sc := range out {
		cycles[i] = sc.c
	}
	return cycles, nil
}

// describe returns cycle d of clock c at instant now; isCur is whether d is
// c's current cycle.
func (en *engine) describe(c *clock, d *cycle, isCur bool, now time.Time) Cycle {
	o := &en.a.obj[d.obj]
	cy := Cycle{Objective: o.Name, Metric: o.Metric, Scope: o.Scope, Level: d.level, Policy: o.Policy, Group: d.group,
		Start: d.start, Stop: d.stoppedAt, Target: d.target, Elapsed: d.elapsed, Remaining: d.target - d.elapsed, Paused: d.paused}
	if d.active {
		cy.Stop = time.Time{}
	}
	cy.Status, cy.Deadline = en.status(c, d, o, isCur, now)
	if cy.Status == Breached {
		cy.BreachedAt = d.reachedAt
	}
	return cy
}
