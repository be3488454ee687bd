package complaint

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Policy holds the desk's lifecycle rules. Zero fields take the defaults.
// In JSON the reopen window is text ("14d", "72h").
type Policy struct {
	// ReopenWindow is how long after resolution a case can still be disputed
	// or reopened; after it, a dispute opens a linked follow-up case. Default
	// 14 days.
	ReopenWindow time.Duration
	// MaxCallbackAttempts is how many failed callbacks make the customer
	// unreachable. Default 3.
	MaxCallbackAttempts int
}

// DefaultReopenWindow and DefaultCallbackAttempts are the defaults of a zero
// [Policy].
const (
	DefaultReopenWindow     = 14 * 24 * time.Hour
	DefaultCallbackAttempts = 3
)

// Validate reports every invalid field of p.
func (p Policy) Validate() error {
	var errs []error
	if p.ReopenWindow < 0 {
		errs = append(errs, fmt.Errorf("complaint: policy: reopen window %s is negative: %w", p.ReopenWindow, ErrInvalidConfig))
	}
	if p.MaxCallbackAttempts < 0 {
		errs = append(errs, fmt.Errorf("complaint: policy: max callback attempts %d is negative: %w", p.MaxCallbackAttempts, ErrInvalidConfig))
	}
	return errors.Join(errs...)
}

func (p Policy) reopenWindow() time.Duration {
	if p.ReopenWindow == 0 {
		return DefaultReopenWindow
	}
	return p.ReopenWindow
}

func (p Policy) maxAttempts() int {
	if p.MaxCallbackAttempts == 0 {
		return DefaultCallbackAttempts
	}
	return p.MaxCallbackAttempts
}

// Decide checks event ev against case c and the policy and returns the trail
// entry it produces (not yet sealed: Seq, Prev and Hash are left to the
// [Store]). It checks the event on its own (type, actor, instant not before the
// case's last event, enum values, amounts), that the lifecycle has a
// transition for it in the case's state ([ErrIllegalTransition]) and the
// protocols that guard the transition ([ErrGuard]). Decide is pure: c is not
// changed. Checks that need other cases (a merge target of the same customer)
// are done by the [Desk].
func Decide(c Case, ev Event, p Policy) (Entry, error) {
	ev = ev.clone()
	if err := checkEvent(c, &ev); err != nil {
		return Entry{}, err
	}
	en := Entry{Version: c.Version + 1, From: c.State, To: c.State, Event: ev}
	if c.State.Terminal() && ev.Type != Notified {
		return Entry{}, illegal(c, ev.Type)
	}
	if ev.Type.Annotation() {
		if c.State == StateUnknown {
			return Entry{}, illegal(c, ev.Type)
		}
		return en, checkAnnotation(c, ev)
	}
	to, ok := next(c.State, ev.Type)
	if !ok {
		return Entry{}, illegal(c, ev.Type)
	}
	en.To = to
	if err := checkTransition(c, &en, p); err != nil {
		return Entry{}, err
	}
	return en, nil
}

// guarder builds the errors of the guards of one event in one state.
type guarder struct {
	id    string
	typ   EventType
	state State
}

func (g guarder) fail(format string, args ...any) error {
	return fmt.Errorf("complaint: case %s: %s in state %s: %s: %w", g.id, g.typ, g.state, fmt.Sprintf(format, args...), ErrGuard)
}

// checkTransition checks the protocols that guard transition en of case c
// and completes en (the escalation's tier, the callback's outcome).
func checkTransition(c Case, en *Entry, p Policy) error {
	ev := en.Event
	g := guarder{ev.Case, ev.Type, c.State}
	switch ev.Type {
	case Receive:
		return checkIntake(en.Event.Intake, ev)
	case Assign:
		if ev.ToTier == TierUnknown {
			return invalid(ev, "assign needs a tier")
		}
	case Escalate:
		if strings.TrimSpace(ev.Reason) == "" {
			return g.fail("an escalation needs a reason")
		}
		if strings.TrimSpace(ev.Note) == "" {
			return g.fail("an escalation needs a hand-off note")
		}
		switch {
		case ev.ToTier == TierUnknown && ev.ToDepartment == DepartmentNone:
			if c.Tier >= Specialist {
				return g.fail("no tier above %s: route to a department", c.Tier)
			}
			en.Event.ToTier = c.Tier + 1
		case ev.ToTier != TierUnknown && ev.ToTier <= c.Tier:
			return g.fail("tier %s is not above the current tier %s", ev.ToTier, c.Tier)
		}
	case Resolve:
		return checkResolution(c, ev, g)
	case ScheduleCallback:
		if ev.Due.IsZero() {
			return invalid(ev, "callback due time is missing")
		}
		if ev.Due.Before(ev.At) {
			return invalid(ev, "callback due %s is before the event at %s", ev.Due.Format(time.RFC3339), ev.At.Format(time.RFC3339))
		}
	case CallbackFailed:
		if c.CallbackAttempts+1 >= p.maxAttempts() {
			en.To = Unreachable
		}
	case Close:
		if c.State == Resolved && c.CallbackRequired {
			return g.fail("the customer must be called back before closing")
		}
	case Dispute, Reopen:
		if end := c.ResolvedAt.Add(p.reopenWindow()); ev.At.After(end) {
			return g.fail("the reopen window closed at %s: open a follow-up case", end.Format(time.RFC3339))
		}
	case Merge:
		if ev.Target == "" {
			return invalid(ev, "merge target is missing")
		}
		if ev.Target == ev.Case {
			return invalid(ev, "a case cannot be merged into itself")
		}
	}
	return nil
}

// checkIntake checks a receive's intake, trimming the customer.
func checkIntake(in *Intake, ev Event) error {
	if in == nil {
		return invalid(ev, "intake is missing")
	}
	in.Customer = strings.TrimSpace(in.Customer)
	var errs []error
	if in.Kind == KindUnknown || !in.Kind.IsValid() {
		errs = append(errs, invalid(ev, "kind %s is not a known kind", in.Kind))
	}
	if in.Customer == "" {
		errs = append(errs, invalid(ev, "customer is missing"))
	}
	if !in.Channel.IsValid() {
		errs = append(errs, invalid(ev, "channel %s is not defined", in.Channel))
	}
	if !in.Severity.IsValid() {
		errs = append(errs, invalid(ev, "severity %s is not defined", in.Severity))
	}
	if in.FollowUpOf == ev.Case && in.FollowUpOf != "" {
		errs = append(errs, invalid(ev, "a case cannot follow up itself"))
	}
	return errors.Join(errs...)
}

func checkResolution(c Case, ev Event, g guarder) error {
	r := ev.Resolution
	if r == nil {
		return invalid(ev, "resolution is missing")
	}
	if r.Outcome == OutcomeUnknown || !r.Outcome.IsValid() {
		return invalid(ev, "outcome %s is not a decision", r.Outcome)
	}
	if !r.Cause.IsValid() {
		return invalid(ev, "cause %s is not defined", r.Cause)
	}
	var errs []error
	upheld := r.Outcome == Upheld || r.Outcome == PartlyUpheld
	if upheld && c.Kind.AsksForRedress() && strings.TrimSpace(r.Remedy) == "" {
		errs = append(errs, g.fail("an %s %s needs a remedy", r.Outcome, c.Kind))
	}
	if upheld && c.Kind.ReportsFailure() && r.Cause == CauseUnknown {
		errs = append(errs, g.fail("an %s %s needs a root cause", r.Outcome, c.Kind))
	}
	if r.Outcome == Rejected {
		if strings.TrimSpace(r.Justification) == "" {
			errs = append(errs, g.fail("a rejection needs a justification"))
		}
		n := 0
		for _, a := range r.Alternatives {
			if strings.TrimSpace(a) != "" {
				n++
			}
		}
		if n == 0 {
			errs = append(errs, g.fail("a rejection needs at least one alternative offered"))
		}
	}
	return errors.Join(errs...)
}

func checkAnnotation(c Case, ev Event) error {
	switch ev.Type {
	case Note:
		if strings.TrimSpace(ev.Note) == "" {
			return invalid(ev, "note text is missing")
		}
	case RecordChecklist:
		if ev.Checklist == nil {
			return invalid(ev, "checklist is missing")
		}
		if err := ev.Checklist.Validate(); err != nil {
			return fmt.Errorf("complaint: case %s: %w", ev.Case, err)
		}
	case RecordCost:
		if ev.Cost == nil {
			return invalid(ev, "cost is missing")
		}
		if err := ev.Cost.Validate(); err != nil {
			return fmt.Errorf("complaint: case %s: %w", ev.Case, err)
		}
		for _, k := range c.Costs {
			if k.Amount.Currency != ev.Cost.Amount.Currency {
				return invalid(ev, "cost currency %q differs from the case's costs in %q", ev.Cost.Amount.Currency, k.Amount.Currency)
			}
		}
	case Notified:
		for _, m := range c.Outbox {
			if m.Key == ev.Key {
				return nil
			}
		}
		return invalid(ev, "no pending message with key %q", ev.Key)
	}
	return nil
}

// checkEvent checks what every event needs and normalises At to UTC.
func checkEvent(c Case, ev *Event) error {
	ev.Actor = strings.TrimSpace(ev.Actor)
	switch {
	case ev.Type == EventUnknown || !ev.Type.IsValid():
		return fmt.Errorf("complaint: case %s: event type %s is not defined: %w", ev.Case, ev.Type, ErrInvalidEvent)
	case ev.Case == "":
		return fmt.Errorf("complaint: %s: case id is missing: %w", ev.Type, ErrInvalidEvent)
	case c.Version > 0 && ev.Case != c.ID:
		return invalid(*ev, "event for case %q applied to case %q", ev.Case, c.ID)
	case ev.Actor == "":
		return invalid(*ev, "actor is missing")
	case ev.At.IsZero():
		return invalid(*ev, "instant is missing")
	case !ev.Tier.IsValid():
		return invalid(*ev, "actor tier %s is not defined", ev.Tier)
	case !ev.ToTier.IsValid():
		return invalid(*ev, "tier %s is not defined", ev.ToTier)
	case !ev.ToDepartment.IsValid():
		return invalid(*ev, "department %s is not defined", ev.ToDepartment)
	}
	ev.At = ev.At.UTC().Round(0)
	if !ev.Due.IsZero() {
		ev.Due = ev.Due.UTC().Round(0)
	}
	if ev.At.Before(c.UpdatedAt) {
		return invalid(*ev, "at %s is before the case's last event at %s", ev.At.Format(time.RFC3339Nano), c.UpdatedAt.Format(time.RFC3339Nano))
	}
	return nil
}

func invalid(ev Event, format string, args ...any) error {
	return fmt.Errorf("complaint: case %s: %s: %s: %w", ev.Case, ev.Type, fmt.Sprintf(format, args...), ErrInvalidEvent)
}

func illegal(c Case, e EventType) error {
	id := c.ID
	if id == "" {
		id = "(new)"
	}
	return fmt.Errorf("complaint: case %s: no transition for event %s in state %s: %w", id, e, c.State, ErrIllegalTransition)
}
