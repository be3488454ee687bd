package complaint

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/servuction/servuction/sla"
)

// Priority returns the SLA priority of a severity: low → low, medium →
// normal, high → high, critical → urgent; an unknown severity counts as
// normal.
func (s Severity) Priority() sla.Priority {
	switch s {
	case SeverityLow:
		return sla.Low
	case SeverityHigh:
		return sla.High
	case SeverityCritical:
		return sla.Urgent
	}
	return sla.Normal
}

// TicketOf turns a case's trail entries into the timeline an
// [sla.Agreement] evaluates, so a case carries the agreement's clocks
// (acknowledgement and first response, next response, resolution):
//
//   - receive opens the ticket, at the priority of the case's severity; the
//     ticket's Customer is the case's customer and its Service the case's
//     kind ("claim", "inquiry"…), so service-based agreements can set
//     targets per kind;
//   - acknowledge, a public note and the question that puts the case to
//     wait for the customer are agent replies (the acknowledgement is the
//     first response the customer sees);
//   - waiting for the customer pauses every clock until resume, which is
//     the customer's reply; waiting for a third party does not pause them,
//     the company stays responsible;
//   - resolve resolves; dispute and reopen reopen; merge and withdraw close.
//     Callbacks and a close after resolution do not move the clocks.
func TicketOf(entries []Entry) (sla.Ticket, error) {
	if len(entries) == 0 || entries[0].Event.Type != Receive || entries[0].Event.Intake == nil {
		return sla.Ticket{}, fmt.Errorf("complaint: ticket: the trail of a case must start with receive: %w", ErrInvalidEvent)
	}
	var b ticketBuilder
	for _, e := range entries {
		b.add(e)
	}
	return b.t, nil
}

// ticketBuilder builds a case's ticket entry by entry, as [TicketOf]. It
// never writes into the array of a ticket it handed out: an added event
// makes a new one.
type ticketBuilder struct {
	t                sla.Ticket
	resolved, closed bool
}

func (b *ticketBuilder) add(e Entry) {
	at := e.Event.At
	if b.closed {
		return
	}
	switch e.Event.Type {
	case Receive:
		if in := e.Event.Intake; in != nil {
			b.t = sla.Ticket{ID: e.Event.Case, Priority: in.Severity.Priority(), Customer: in.Customer, Service: in.Kind.String()}
		}
		b.push(sla.Event{Kind: sla.Opened, At: at})
	case Acknowledge:
		b.push(sla.Event{Kind: sla.AgentReplied, At: at})
	case Note:
		if e.Event.Public && !b.resolved {
			b.push(sla.Event{Kind: sla.AgentReplied, At: at})
		}
	case WaitForCustomer:
		b.push(sla.Event{Kind: sla.AgentReplied, At: at}, sla.Event{Kind: sla.Paused, At: at, Reason: sla.WaitingCustomer})
	case Resume:
		if e.From == WaitingCustomer {
			b.push(sla.Event{Kind: sla.CustomerReplied, At: at}, sla.Event{Kind: sla.Resumed, At: at})
		}
	case Resolve:
		if !b.resolved {
			b.push(sla.Event{Kind: sla.Resolved, At: at})
			b.resolved = true
		}
	case Dispute, Reopen:
		if b.resolved {
			b.push(sla.Event{Kind: sla.Reopened, At: at})
			b.resolved = false
		}
	case Merge, Withdraw:
		b.push(sla.Event{Kind: sla.Closed, At: at})
		b.closed = true
	}
}

func (b *ticketBuilder) push(evs ...sla.Event) { b.t.Events = appendNew(b.t.Events, evs...) }

// riskRule is what the desk needs of an objective to find when its clock
// turns at risk: the share of the target and the calendar that counts it
// (nil for 24×7).
type riskRule struct {
	share float64
	cal   *sla.Calendar
}

// riskRules indexes the objectives of a by name.
func riskRules(a *sla.Agreement) map[string]riskRule {
	if a == nil {
		return nil
	}
	cals := a.Config().Calendars
	out := map[string]riskRule{}
	for _, o := range a.Objectives() {
		r := riskRule{share: o.AtRisk, cal: cals[o.Calendar]}
		if r.share == 0 {
			r.share = sla.DefaultAtRisk
		}
		out[o.Name] = r
	}
	return out
}

// deadlines returns the DueAt and RiskAt of entry en, which continues the
// case whose ticket so far is tb: the earliest instant a running clock
// breaches (or breached, if one is overdue) and the earliest one a running
// clock is at risk, evaluated at the entry's instant.
func (d *Desk) deadlines(tb ticketBuilder, en Entry) (due, risk time.Time, err error) {
	tb.add(en)
	if len(tb.t.Events) == 0 {
		return time.Time{}, time.Time{}, nil
	}
	at := en.Event.At
	ev, err := d.cfg.Agreement.Evaluate(tb.t, at)
	if err != nil {
		return time.Time{}, time.Time{}, fmt.Errorf("complaint: case %s: SLA deadlines: %w", en.Event.Case, err)
	}
	earliest := func(cur, t time.Time) time.Time {
		if cur.IsZero() || t.Before(cur) {
			return t
		}
		return cur
	}
	for _, r := range ev.Results {
		switch {
		case r.Status == sla.Breached && r.StoppedAt.IsZero():
			due, risk = earliest(due, r.BreachedAt), earliest(risk, r.BreachedAt)
		case r.Status == sla.Running || r.Status == sla.AtRisk:
			due = earliest(due, r.Deadline)
			risk = earliest(risk, d.riskAt(r, at))
		}
	}
	return due.UTC(), risk.UTC(), nil
}

// riskAt returns when running clock r, evaluated at at, reaches its at-risk
// share of the target: at itself if it already has.
func (d *Desk) riskAt(r sla.Result, at time.Time) time.Time {
	rule := d.risk[r.Objective]
	threshold := time.Duration(math.Ceil(rule.share * float64(r.Target)))
	if r.Elapsed >= threshold {
		return at
	}
	if rule.cal == nil {
		return at.Add(threshold - r.Elapsed)
	}
	return rule.cal.Add(at, threshold-r.Elapsed)
}

// Clocks evaluates case id against agreement a at now: where each of its
// SLA clocks stands.
func (d *Desk) Clocks(ctx context.Context, a *sla.Agreement, id string, now time.Time) (sla.Evaluation, error) {
	entries, err := d.cfg.Store.Load(ctx, id)
	if err != nil {
		return sla.Evaluation{}, err
	}
	t, err := TicketOf(entries)
	if err != nil {
		return sla.Evaluation{}, err
	}
	return a.Evaluate(t, now)
}

// Flag is an open case whose SLA clocks need attention.
type Flag struct {
	Case       Case
	Evaluation sla.Evaluation
	// Results are the objectives that raised the flag: overdue ones (the
	// clock still runs past its target) or at-risk ones.
	Results []sla.Result
}

// Watchlist lists the open cases past a target whose clock still runs
// (Overdue) and those past the at-risk share of a target (AtRisk), each in
// the order the cases were received. A case overdue on one objective and at
// risk on another is listed in both.
type Watchlist struct {
	Overdue, AtRisk []Flag
}

// Watch evaluates every open case (received and neither resolved nor
// terminal, or disputed) against agreement a at now. With a store that is a
// [Querier] it reads only the open cases (from the desk's cache when they
// are up to date); with another store it replays the whole trail.
func (d *Desk) Watch(ctx context.Context, a *sla.Agreement, now time.Time) (Watchlist, error) {
	var w Watchlist
	err := d.openCases(ctx, func(c Case, entries func() ([]Entry, sla.Ticket, error)) error {
		_, t, err := entries()
		if err != nil {
			return err
		}
		ev, err := a.Evaluate(t, now)
		if err != nil {
			return fmt.Errorf("complaint: case %s: %w", c.ID, err)
		}
		var over, risk []sla.Result
		for _, r := range ev.Results {
			switch {
			case r.Status == sla.Breached && r.StoppedAt.IsZero():
				over = append(over, r)
			case r.Status == sla.AtRisk:
				risk = append(risk, r)
			}
		}
		if len(over) > 0 {
			w.Overdue = append(w.Overdue, Flag{Case: c.clone(), Evaluation: ev, Results: over})
		}
		if len(risk) > 0 {
			w.AtRisk = append(w.AtRisk, Flag{Case: c.clone(), Evaluation: ev, Results: risk})
		}
		return nil
	})
	if err != nil {
		return Watchlist{}, err
	}
	return w, nil
}

// openStates are the states of [State.Open].
var openStates = []State{Received, Acknowledged, Assigned, InProgress, WaitingCustomer, WaitingThirdParty, Disputed}

// openCases calls f for every open case in the order of receipt, with a
// function that returns the case's ticket (and, without a querier, its
// entries).
func (d *Desk) openCases(ctx context.Context, f func(c Case, ticket func() ([]Entry, sla.Ticket, error)) error) error {
	if _, ok := d.cfg.Store.(Querier); ok {
		return d.eachCase(ctx, Query{States: openStates}, func(fc folded) error {
			return f(fc.c, func() ([]Entry, sla.Ticket, error) {
				if d.cfg.Agreement != nil {
					return nil, fc.tb.t, nil
				}
				entries, err := d.cfg.Store.Load(ctx, fc.c.ID)
				if err != nil {
					return nil, sla.Ticket{}, err
				}
				t, err := TicketOf(entries)
				return entries, t, err
			})
		})
	}
	all, err := d.cfg.Store.Entries(ctx, 0)
	if err != nil {
		return err
	}
	byCase := map[string][]Entry{}
	var order []string
	for _, e := range all {
		id := e.Event.Case
		if _, ok := byCase[id]; !ok {
			order = append(order, id)
		}
		byCase[id] = append(byCase[id], e)
	}
	for _, id := range order {
		entries := byCase[id]
		c, err := Fold(entries)
		if err != nil {
			return err
		}
		if !c.State.Open() {
			continue
		}
		if err := f(c, func() ([]Entry, sla.Ticket, error) {
			t, err := TicketOf(entries)
			return entries, t, err
		}); err != nil {
			return err
		}
	}
	return nil
}

// EscalateBreaches escalates every overdue case one tier up, as actor, with
// the breach as the reason and a hand-off note naming the objectives and the
// current assignee (a breach may escalate). A case is escalated once per
// breach: not again if it was escalated after the breach, nor when it is
// waiting for the customer, not yet assigned or already at the top tier. It
// returns the escalated cases.
func (d *Desk) EscalateBreaches(ctx context.Context, a *sla.Agreement, now time.Time, actor string) ([]Case, error) {
	w, err := d.Watch(ctx, a, now)
	if err != nil {
		return nil, err
	}
	var out []Case
	for _, f := range w.Overdue {
		c := f.Case
		if c.Tier == TierUnknown || c.Tier >= Specialist || !slices.Contains([]State{Assigned, InProgress, WaitingThirdParty}, c.State) {
			continue
		}
		first := f.Results[0].BreachedAt
		var names []string
		for _, r := range f.Results {
			names = append(names, fmt.Sprintf("%s (target %s, breached %s)", r.Objective, sla.FormatDuration(r.Target), r.BreachedAt.UTC().Format(time.RFC3339)))
			if r.BreachedAt.Before(first) {
				first = r.BreachedAt
			}
		}
		entries, err := d.cfg.Store.Load(ctx, c.ID)
		if err != nil {
			return out, err
		}
		already := false
		for _, e := range entries {
			if e.Event.Type == Escalate && !e.Event.At.Before(first) {
				already = true
			}
		}
		if already {
			continue
		}
		assignee := c.Assignee
		if assignee == "" {
			assignee = "nobody"
		}
		next, err := d.Apply(ctx, Event{Type: Escalate, Case: c.ID, At: now, Actor: actor,
			Reason: "SLA breach: " + strings.Join(names, "; "),
			Note:   fmt.Sprintf("escalated automatically on SLA breach; was with %s at tier %s", assignee, c.Tier)})
		if err != nil {
			return out, err
		}
		out = append(out, next)
	}
	return out, nil
}
