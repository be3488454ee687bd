package complaint

import (
	"context"
	"fmt"
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
	in := entries[0].Event.Intake
	t := sla.Ticket{ID: entries[0].Event.Case, Priority: in.Severity.Priority(), Customer: in.Customer, Service: in.Kind.String()}
	add := func(k sla.EventKind, at time.Time) { t.Events = append(t.Events, sla.Event{Kind: k, At: at}) }
	resolved, closed := false, false
	for _, e := range entries {
		at := e.Event.At
		if closed {
			break
		}
		switch e.Event.Type {
		case Receive:
			add(sla.Opened, at)
		case Acknowledge:
			add(sla.AgentReplied, at)
		case Note:
			if e.Event.Public && !resolved {
				add(sla.AgentReplied, at)
			}
		case WaitForCustomer:
			add(sla.AgentReplied, at)
			t.Events = append(t.Events, sla.Event{Kind: sla.Paused, At: at, Reason: sla.WaitingCustomer})
		case Resume:
			if e.From == WaitingCustomer {
				add(sla.CustomerReplied, at)
				add(sla.Resumed, at)
			}
		case Resolve:
			if !resolved {
				add(sla.Resolved, at)
				resolved = true
			}
		case Dispute, Reopen:
			if resolved {
				add(sla.Reopened, at)
				resolved = false
			}
		case Merge, Withdraw:
			add(sla.Closed, at)
			closed = true
		}
	}
	return t, nil
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
// terminal, or disputed) against agreement a at now.
func (d *Desk) Watch(ctx context.Context, a *sla.Agreement, now time.Time) (Watchlist, error) {
	all, err := d.cfg.Store.Entries(ctx, 0)
	if err != nil {
		return Watchlist{}, err
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
	var w Watchlist
	for _, id := range order {
		entries := byCase[id]
		c, err := Fold(entries)
		if err != nil {
			return Watchlist{}, err
		}
		if !c.State.Open() {
			continue
		}
		t, err := TicketOf(entries)
		if err != nil {
			return Watchlist{}, err
		}
		ev, err := a.Evaluate(t, now)
		if err != nil {
			return Watchlist{}, fmt.Errorf("complaint: case %s: %w", id, err)
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
	}
	return w, nil
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
