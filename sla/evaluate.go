package sla

import (
	"fmt"
	"time"

	"github.com/servuction/servuction/internal/enum"
)

// Status is where an objective stands for one ticket.
type Status uint8

// The statuses of an objective for a ticket. The zero value [StatusUnknown]
// never appears in an evaluation.
const (
	StatusUnknown Status = iota // not set
	Running                     // en curso: the clock runs, below the at-risk share of the target
	OnHold                      // en pausa: the ticket waits (paused); the clock is stopped
	AtRisk                      // en riesgo: the clock runs past the objective's at-risk share of the target
	Met                         // cumplido: the clock stopped within the target
	Breached                    // incumplido: the target was exceeded (incumplimiento)
)

var statusNames = enum.New("sla: status", ErrUnknownName,
	[]string{"unknown", "running", "paused", "at-risk", "met", "breached"},
	map[string]Status{
		"desconocido": StatusUnknown, "en curso": Running, "corriendo": Running,
		"en pausa": OnHold, "pausado": OnHold, "on-hold": OnHold, "en espera": OnHold, "en riesgo": AtRisk,
		"cumplido": Met, "incumplido": Breached, "incumplimiento": Breached, "vencido": Breached,
	})

// ParseStatus returns the status named s ("at-risk", "incumplido", …).
func ParseStatus(s string) (Status, error) { return statusNames.Parse(s) }

// String returns the status's English name, e.g. "at-risk".
func (s Status) String() string { return statusNames.String(s) }

// IsValid reports whether s is a defined status other than [StatusUnknown].
func (s Status) IsValid() bool { return s != StatusUnknown && statusNames.Valid(s) }

// IsFinal reports whether s is a verdict ([Met] or [Breached]) rather than a
// clock still running or paused. A breach is final even while the ticket is
// open: a late clock cannot become punctual.
func (s Status) IsFinal() bool { return s == Met || s == Breached }

// MarshalText implements encoding.TextMarshaler.
func (s Status) MarshalText() ([]byte, error) { return statusNames.MarshalText(s) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseStatus].
func (s *Status) UnmarshalText(text []byte) error { return statusNames.UnmarshalText(s, text) }

// Result is where one objective stands for one ticket at the evaluation
// instant.
type Result struct {
	// Objective is the objective's name; Metric its metric.
	Objective string `json:"objective"`
	Metric    Metric `json:"metric"`
	// Scope is the scope of the objective that applied; Level the level it
	// stands for: in a multilevel agreement the unit's level (Corporate for
	// scope ""), in a customer-based one Customer, Department (area) or
	// Corporate (default); LevelUnknown in a service-based one.
	Scope string `json:"scope,omitempty"`
	Level Level  `json:"level,omitempty"`
	// Threshold is the objective's attainment threshold, copied for reports.
	Threshold float64 `json:"threshold"`
	Status    Status  `json:"status"`
	// Target is the target in force: for a stopped clock, that of the
	// priority when it stopped; for a running one, that of the current
	// priority.
	Target time.Duration `json:"target"`
	// Elapsed is the time counted on the objective's calendar, pauses
	// excluded. Remaining is Target − Elapsed, negative once over target.
	// PercentElapsed is 100 × Elapsed / Target.
	Elapsed        time.Duration `json:"elapsed"`
	Remaining      time.Duration `json:"remaining"`
	PercentElapsed float64       `json:"percent_elapsed"`
	// Deadline is the instant the target is used up if the clock keeps
	// running without pause: set for Running and AtRisk (when the elapsed
	// time already equals the target, the instant it reached it), and equal
	// to BreachedAt for Breached; zero when OnHold or Met.
	Deadline time.Time `json:"deadline,omitzero"`
	// BreachedAt is the instant the target was exceeded; zero unless
	// Breached.
	BreachedAt time.Time `json:"breached_at,omitzero"`
	// StoppedAt is the instant the clock stopped (reply, resolution,
	// closure); zero while it runs or waits.
	StoppedAt time.Time `json:"stopped_at,omitzero"`
	// Cycles is how many times the clock started (1 for first response and
	// resolution; one per customer follow-up for next response; one per
	// interval between updates for periodic update); Breaches how many of
	// those cycles exceeded the target.
	Cycles   int `json:"cycles"`
	Breaches int `json:"breaches"`
}

// Evaluation is where every applicable objective stands for one ticket.
type Evaluation struct {
	Ticket string `json:"ticket"`
	// Priority is the ticket's priority at At.
	Priority Priority  `json:"priority"`
	At       time.Time `json:"at"`
	// Results holds one result per applicable objective, in metric order
	// (first response, next response, periodic update, resolution).
	Results []Result `json:"results"`
}

// Result returns the result for metric m.
func (e Evaluation) Result(m Metric) (Result, bool) {
	for _, r := range e.Results {
		if r.Metric == m {
			return r, true
		}
	}
	return Result{}, false
}

// Breached reports whether any objective is breached.
func (e Evaluation) Breached() bool {
	for _, r := range e.Results {
		if r.Status == Breached {
			return true
		}
	}
	return false
}

// timeCounter counts business time: a *Calendar, or always for 24×7 without
// the calendar machinery.
type timeCounter interface {
	Between(start, end time.Time) time.Duration
	Add(start time.Time, d time.Duration) time.Time
}

// always is the 24×7 clock: real elapsed time.
type always struct{}

func (always) Between(start, end time.Time) time.Duration {
	if !end.After(start) {
		return 0
	}
	return end.Sub(start)
}

func (always) Add(start time.Time, d time.Duration) time.Time { return start.Add(d) }

// Evaluate returns where each objective of a that applies to t stands at now.
//
// Which objectives apply depends on the agreement's [Kind]: for each ticket
// metric, the most specific scope with an objective that has a target for
// the ticket's priority at now wins, and the result names its scope and
// level. So a customer's objective may set only the priorities it changes and
// leave the others to the department's or the company's. A metric no scope
// sets a target for is left out, as is one whose clock never started (a next
// response without a customer follow-up). [Availability] objectives are not
// evaluated on tickets.
//
// Events after now are ignored: the evaluation is the ticket as it stood at
// now. The timeline must be valid ([Ticket.Validate]) and the ticket opened
// at or before now; otherwise the error wraps [ErrInvalidTicket].
//
// The clocks, counted on each objective's calendar:
//
//   - First response starts at [Opened] and stops at the first
//     [AgentReplied], [Resolved] or [Closed].
//   - Next response starts at a [CustomerReplied] that comes after the first
//     response while no next-response clock runs and the ticket is not
//     resolved; it stops at the next AgentReplied, Resolved or Closed. Each
//     start is a cycle.
//   - Periodic update starts at each AgentReplied and at each [Reopened]
//     while the ticket is not resolved, and stops at the next AgentReplied,
//     Resolved or Closed: no gap between updates may exceed the target. Each
//     start is a cycle.
//   - Resolution starts at Opened and stops at Resolved, or at Closed when
//     never resolved. A reopen continues the same clock: the time between
//     resolution and reopening does not count, the time before and after
//     does, against one target.
//
// The rules every clock follows:
//
//   - Pauses remove exactly the calendar time they overlap: between [Paused]
//     and [Resumed] no clock counts, and outside pauses every running clock
//     counts [Calendar.Between] of the interval, so closed hours inside a
//     pause are not removed twice.
//   - A priority change keeps the elapsed time and applies the new target
//     from that instant: a running clock whose elapsed time already exceeds
//     the new target is breached at the change; a stopped clock keeps the
//     target and verdict it stopped with.
//   - A clock is breached when its elapsed time exceeds its target; the
//     breach instant is when the elapsed time reached the target
//     ([Calendar.Add] of the time left), whatever happens after it:
//     events in closed hours, a pause, a stop and a reopen do not move
//     it. A breach is final. Elapsed time exactly equal to the target is
//     met.
//   - A running clock is [OnHold] while the ticket waits, else [AtRisk] once
//     Elapsed >= AtRisk × Target, else [Running].
//
// For metrics with several cycles, the result describes the first breached
// cycle if any, else the running cycle, else the longest cycle; Cycles and
// Breaches count all of them.
func (a *Agreement) Evaluate(t Ticket, now time.Time) (Evaluation, error) {
	if err := t.Validate(); err != nil {
		return Evaluation{}, err
	}
	if t.Events[0].At.After(now) {
		return Evaluation{}, fmt.Errorf("sla: ticket %q: opened at %s, after the evaluation instant %s: %w",
			t.ID, t.Events[0].At.Format(time.RFC3339), now.Format(time.RFC3339), ErrInvalidTicket)
	}
	final := t.Priority
	for _, e := range t.Events {
		if e.At.After(now) {
			break
		}
		if e.Kind == PriorityChanged {
			final = e.Priority
		}
	}
	ev := Evaluation{Ticket: t.ID, Priority: final, At: now}
	var buf [8]scopeLevel
	scopes := a.scopes(&t, buf[:0])
	for m := FirstResponse; m <= Resolution; m++ {
		for _, s := range scopes {
			i, ok := a.byScope[scopeMetric{s.scope, m}]
			if !ok {
				continue
			}
			c := &a.obj[i]
			if !c.targets[final].ok {
				continue // this level sets no target for the priority: ask the next one
			}
			if r, ok := c.evaluate(&t, final, now); ok {
				r.Scope, r.Level = s.scope, s.level
				if ev.Results == nil {
					ev.Results = make([]Result, 0, 4)
				}
				ev.Results = append(ev.Results, r)
			}
			break // the most specific scope wins
		}
	}
	return ev, nil
}

// cycle is one run of a clock.
type cycle struct {
	elapsed   time.Duration
	target    time.Duration
	breached  bool
	breachAt  time.Time
	reachedAt time.Time // when elapsed reached target, zero before
	stoppedAt time.Time
	active    bool
}

// retarget applies a new target at instant at: a target already reached
// there was reached at that instant.
func (cy *cycle) retarget(target time.Duration, at time.Time) {
	if target == cy.target {
		return
	}
	cy.target, cy.reachedAt = target, time.Time{}
	if cy.elapsed >= target {
		cy.reachedAt = at
	}
}

// evaluate runs the objective's clock over the ticket's events up to now.
// ok is false when the clock never started (no cycle).
func (c *compiled) evaluate(t *Ticket, final Priority, now time.Time) (Result, bool) {
	target := func(p Priority) time.Duration {
		if c.targets[p].ok {
			return time.Duration(c.targets[p].d)
		}
		return time.Duration(c.targets[final].d)
	}
	var (
		cur                    cycle // the cycle being run or last run
		started                bool
		best                   cycle // the cycle the result describes so far
		haveBest               bool
		cycles, breaches       int
		prio                   = t.Priority
		paused, resolved, resp bool
		last                   time.Time
	)
	// settle folds a finished cycle into best.
	settle := func(cy cycle) {
		switch {
		case !haveBest:
			best, haveBest = cy, true
		case best.breached:
		case cy.breached || cy.elapsed >= best.elapsed:
			best = cy
		}
	}
	advance := func(to time.Time) {
		if cur.active && !paused && to.After(last) {
			d := c.cal.Between(last, to)
			if cur.reachedAt.IsZero() && cur.elapsed+d >= cur.target {
				cur.reachedAt = c.cal.Add(last, cur.target-cur.elapsed)
			}
			if !cur.breached && cur.elapsed+d > cur.target {
				// The breach instant is when the target was reached,
				// whatever came between then and now.
				cur.breached, cur.breachAt = true, cur.reachedAt
				breaches++
			}
			cur.elapsed += d
		}
		last = to
	}
	start := func(fresh bool) {
		if fresh {
			if started {
				settle(cur)
			}
			cur = cycle{target: target(prio)}
			cycles++
		}
		started = true
		cur.active = true
		cur.stoppedAt = time.Time{}
		cur.retarget(target(prio), last)
	}
	stop := func(at time.Time) {
		if cur.active {
			cur.active = false
			cur.stoppedAt = at
		}
	}
	for _, e := range t.Events {
		if e.At.After(now) {
			break
		}
		advance(e.At)
		switch e.Kind {
		case Opened:
			if c.Metric == FirstResponse || c.Metric == Resolution {
				start(true)
			}
		case AgentReplied:
			switch c.Metric {
			case FirstResponse, NextResponse:
				stop(e.At)
			case PeriodicUpdate:
				stop(e.At)
				if !resolved {
					start(true)
				}
			}
			resp = true
		case CustomerReplied:
			if c.Metric == NextResponse && resp && !resolved && !cur.active {
				start(true)
			}
		case Paused:
			paused = true
		case Resumed:
			paused = false
		case PriorityChanged:
			prio = e.Priority
			if cur.active {
				cur.retarget(target(prio), e.At)
				if !cur.breached && cur.elapsed > cur.target {
					cur.breached, cur.breachAt = true, e.At
					breaches++
				}
			}
		case Resolved:
			stop(e.At)
			resolved, resp = true, true
		case Reopened:
			resolved = false
			switch c.Metric {
			case Resolution:
				start(false)
				if !cur.breached && cur.elapsed > cur.target {
					cur.breached, cur.breachAt = true, e.At
					breaches++
				}
			case PeriodicUpdate:
				start(true)
			}
		case Closed:
			stop(e.At)
			resp = true
		}
	}
	advance(now)
	if !started {
		return Result{}, false
	}
	if !haveBest || !best.breached && (cur.breached || cur.active || cur.elapsed >= best.elapsed) {
		best = cur
	}
	r := Result{
		Objective: c.Name,
		Metric:    c.Metric,
		Threshold: c.Threshold,
		Target:    best.target,
		Elapsed:   best.elapsed,
		Remaining: best.target - best.elapsed,
		StoppedAt: best.stoppedAt,
		Cycles:    cycles,
		Breaches:  breaches,
	}
	if best.target > 0 {
		r.PercentElapsed = 100 * float64(best.elapsed) / float64(best.target)
	}
	switch {
	case best.breached:
		r.Status, r.BreachedAt, r.Deadline = Breached, best.breachAt, best.breachAt
	case !best.active:
		r.Status = Met
	case paused:
		r.Status = OnHold
	default:
		r.Status = Running
		if float64(best.elapsed) >= c.atRisk*float64(best.target) {
			r.Status = AtRisk
		}
		r.Deadline = best.reachedAt // the target is used up: it ran out when reached
		if r.Remaining > 0 {
			r.Deadline = c.cal.Add(now, r.Remaining)
		}
	}
	return r, true
}
