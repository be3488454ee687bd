package complaint

import (
	"fmt"
	"slices"
	"time"

	"github.com/servuction/servuction"
)

// Case is the state of one complaint, claim or other request, folded from its
// trail entries. A Case is a value: the [Desk] returns copies, and changing
// one changes nothing stored.
type Case struct {
	ID string `json:"id"`
	Intake
	State   State  `json:"state"`
	Version uint64 `json:"version"` // number of trail entries of the case

	Tier       Tier       `json:"tier,omitzero"`
	Department Department `json:"department,omitzero"`
	Assignee   string     `json:"assignee,omitempty"`
	// HandledBy lists the tiers that held the case, in the order they first
	// did; the cost model charges handling per tier.
	HandledBy   []Tier `json:"handledBy,omitempty"`
	Escalations int    `json:"escalations,omitempty"`
	Reopens     int    `json:"reopens,omitempty"`

	ReceivedAt      time.Time `json:"receivedAt,omitzero"`
	AcknowledgedAt  time.Time `json:"acknowledgedAt,omitzero"`
	FirstResponseAt time.Time `json:"firstResponseAt,omitzero"`
	ResolvedAt      time.Time `json:"resolvedAt,omitzero"`
	ClosedAt        time.Time `json:"closedAt,omitzero"`
	// UpdatedAt is the instant of the last event other than a delivery
	// record; a new event may not be earlier.
	UpdatedAt time.Time `json:"updatedAt,omitzero"`

	Resolution       Resolution `json:"resolution,omitzero"`
	CallbackRequired bool       `json:"callbackRequired,omitempty"`
	CallbackDue      time.Time  `json:"callbackDue,omitzero"`
	CallbackAttempts int        `json:"callbackAttempts,omitempty"`
	MergedInto       string     `json:"mergedInto,omitempty"`

	Checklists []Checklist `json:"checklists,omitempty"`
	Costs      []Cost      `json:"costs,omitempty"`
	// Outbox holds the messages recorded with the case's transitions that
	// have not been reported delivered yet.
	Outbox []Message `json:"outbox,omitempty"`
}

// clone returns a deep copy of the slices of c.
func (c Case) clone() Case {
	c.HandledBy = slices.Clone(c.HandledBy)
	c.Checklists = slices.Clone(c.Checklists)
	c.Costs = slices.Clone(c.Costs)
	c.Outbox = slices.Clone(c.Outbox)
	c.Resolution.Alternatives = slices.Clone(c.Resolution.Alternatives)
	return c
}

// Fold rebuilds a case from its trail entries, in order. It checks that each
// entry continues the case (same id, next version, From equal to the current
// state) and that its transition is a row of the table; guards are not
// re-checked, since the trail records what was decided.
func Fold(entries []Entry) (Case, error) {
	var c Case
	for _, e := range entries {
		if err := c.apply(e); err != nil {
			return Case{}, err
		}
	}
	return c, nil
}

// apply mutates c with the entry, which must continue it. It never writes
// into the arrays of c's slices, which cached copies of the case share: a
// changed slice is a new one.
func (c *Case) apply(en Entry) error {
	if err := continues(c.ID, c.Version, c.State, en); err != nil {
		return err
	}
	ev := en.Event
	if c.Version == 0 {
		c.ID = ev.Case
	}
	at := ev.At
	switch ev.Type {
	case Receive:
		c.Intake = *ev.Intake
		c.ReceivedAt = at
	case Acknowledge:
		c.ackAt(at)
	case Assign, Escalate:
		c.ackAt(at)
		if ev.Type == Escalate {
			c.Escalations++
		}
		if ev.ToTier != TierUnknown {
			c.Tier = ev.ToTier
			if !slices.Contains(c.HandledBy, ev.ToTier) {
				c.HandledBy = appendNew(c.HandledBy, ev.ToTier)
			}
		}
		if ev.ToDepartment != DepartmentNone || ev.Type == Assign {
			c.Department = ev.ToDepartment
		}
		c.Assignee = ev.Assignee
	case WaitForCustomer:
		c.respondAt(at)
	case Resolve:
		c.ackAt(at)
		c.respondAt(at)
		c.ResolvedAt = at
		if ev.Resolution != nil {
			c.Resolution = *ev.Resolution
			c.Resolution.Alternatives = slices.Clone(ev.Resolution.Alternatives)
			c.CallbackRequired = ev.Resolution.Callback
		}
		c.CallbackAttempts = 0
		c.CallbackDue = time.Time{}
		if c.Tier == TierUnknown && ev.Tier != TierUnknown {
			// Resolved at first contact: the actor's tier held the case.
			c.Tier = ev.Tier
			c.HandledBy = appendNew(c.HandledBy, ev.Tier)
		}
	case ScheduleCallback:
		c.CallbackRequired = true
		c.CallbackDue = ev.Due
	case CallBack:
		c.CallbackAttempts++
		c.respondAt(at)
	case CallbackFailed:
		c.CallbackAttempts++
	case Close:
		c.ClosedAt = at
	case Reopen:
		c.Reopens++
		c.ClosedAt = time.Time{}
	case Dispute:
		c.ClosedAt = time.Time{}
	case Merge:
		c.MergedInto = ev.Target
	case Note:
		if ev.Public {
			c.respondAt(at)
		}
	case RecordChecklist:
		if ev.Checklist != nil {
			c.Checklists = appendNew(c.Checklists, ev.Checklist.clone())
		}
	case RecordCost:
		if ev.Cost != nil {
			c.Costs = appendNew(c.Costs, *ev.Cost)
		}
	case Notified:
		if i := slices.IndexFunc(c.Outbox, func(m Message) bool { return m.Key == ev.Key }); i >= 0 {
			out := make([]Message, 0, len(c.Outbox)-1+len(en.Outbox))
			c.Outbox = append(append(out, c.Outbox[:i]...), c.Outbox[i+1:]...)
		}
	}
	if len(en.Outbox) > 0 {
		c.Outbox = appendNew(c.Outbox, en.Outbox...)
	}
	c.State = en.To
	c.Version = en.Version
	if ev.Type != Notified {
		// Delivery records come from the desk's own clock, asynchronously:
		// they do not move the case's time forward.
		c.UpdatedAt = at
	}
	return nil
}

// appendNew returns s with vs appended in a new array, leaving s's array
// as it was.
func appendNew[T any](s []T, vs ...T) []T {
	out := make([]T, len(s), len(s)+len(vs))
	copy(out, s)
	return append(out, vs...)
}

func (c *Case) ackAt(t time.Time) {
	if c.AcknowledgedAt.IsZero() {
		c.AcknowledgedAt = t
	}
}

func (c *Case) respondAt(t time.Time) {
	if c.FirstResponseAt.IsZero() {
		c.FirstResponseAt = t
	}
}

// TotalCost returns the sum of the costs recorded on the case (refunds,
// credits, returns, legal), or an error if they mix currencies.
func (c Case) TotalCost() (servuction.Money, error) {
	var total servuction.Money
	for _, k := range c.Costs {
		var err error
		if total, err = total.Add(k.Amount); err != nil {
			return servuction.Money{}, fmt.Errorf("complaint: case %s: %w", c.ID, err)
		}
	}
	return total, nil
}
