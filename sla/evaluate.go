package sla

import (
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
	// Policy is the policy of the objective ("" for none).
	Policy string `json:"policy,omitempty"`
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
	PercentElapsed float64       `json:"percentElapsed"`
	// Deadline is the instant the target is used up if the clock keeps
	// running without pause: set for Running and AtRisk (when the elapsed
	// time already equals the target, the instant it reached it), and equal
	// to BreachedAt for Breached; zero when OnHold or Met.
	Deadline time.Time `json:"deadline,omitzero"`
	// BreachedAt is the instant the target was exceeded; zero unless
	// Breached.
	BreachedAt time.Time `json:"breachedAt,omitzero"`
	// StoppedAt is the instant the clock stopped (reply, resolution,
	// closure); zero while it runs or waits.
	StoppedAt time.Time `json:"stoppedAt,omitzero"`
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
	Priority Priority `json:"priority"`
	// Policy is the agreement's policy the ticket's attributes select at At
	// ("" when the agreement has none or none applies); each result names
	// the policy of its own objective, which may be an earlier one.
	Policy string    `json:"policy,omitempty"`
	At     time.Time `json:"at"`
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
// Which objective applies depends on the ticket's attributes and priority at
// each instant. The agreement's first [Policy] whose condition the
// attributes meet selects its objectives (objectives without a policy when
// none does, or when the agreement has no policies); among them, for each
// ticket metric, the objective in force is the one of the most specific
// scope (see [Kind]) that has a target for the priority, and the result
// names its policy, scope and level. So a customer's
// objective may set only the priorities it changes and leave the others to
// the department's or the company's. Each clock cycle is measured against
// the objective in force while it runs, and keeps the one it had once it
// stops or breaches (see the rules below). A metric none of whose cycles was
// measured against an objective is left out, as is one whose clock never
// started (a next response without a customer follow-up). [Availability]
// objectives are not evaluated on tickets.
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
//   - A priority change keeps the elapsed time and applies the objective
//     then in force, and its target, from that instant: a running clock
//     whose elapsed time already exceeds the new target is breached at the
//     change. A stopped clock keeps the objective, scope, target and verdict
//     it stopped with, and a breached one those it breached; no later event
//     removes a breach.
//   - An attribute change ([AttributeChanged]: tags, group, channel,
//     customer, …) follows the same rule as a priority change: the policy
//     and the scopes are chosen again from the new attributes, a running
//     clock keeps its elapsed time and takes the objective then in force,
//     and stopped and breached clocks keep theirs.
//   - While no objective of the metric has a target for the priority, a
//     running clock keeps the objective it had; a clock that starts then
//     counts on the calendar of the metric's most specific objective, and is
//     measured against the first objective that comes in force, from that
//     instant.
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
	if err := a.check(&t, now); err != nil {
		return Evaluation{}, err
	}
	var en engine
	en.reset(a, &t)
	en.run(&t, now)
	ev := Evaluation{Ticket: t.ID, Priority: en.prio, At: now}
	if en.policy > 0 {
		ev.Policy = a.cfg.Policies[en.policy-1].Name
	}
	for i := 0; i < en.n; i++ {
		if r, ok := en.result(&en.clocks[i], now); ok {
			if ev.Results == nil {
				ev.Results = make([]Result, 0, en.n-i)
			}
			ev.Results = append(ev.Results, r)
		}
	}
	return ev, nil
}

// check validates t for an evaluation at now and loads the zones it uses.
func (a *Agreement) check(t *Ticket, now time.Time) error {
	if err := t.Validate(); err != nil {
		return err
	}
	if t.Events[0].At.After(now) {
		return errorf(ErrInvalidTicket, "ticket %q: opened at %s, after the evaluation instant %s",
			t.ID, t.Events[0].At.Format(time.RFC3339), now.Format(time.RFC3339))
	}
	return a.ticketZones(t, now)
}
