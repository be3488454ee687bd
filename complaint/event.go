package complaint

import (
	"time"

	"github.com/servuction/servuction"
)

// Intake is what is registered when a case is received (the advisor records
// the request in the customer system, the tele cliente).
type Intake struct {
	Kind     Kind               `json:"kind"`
	Channel  servuction.Channel `json:"channel,omitzero"`
	Severity Severity           `json:"severity,omitzero"`
	// Customer identifies the customer; required. Duplicates can only be
	// merged between cases of the same customer.
	Customer string `json:"customer"`
	Subject  string `json:"subject,omitempty"`
	// RemedySought is what the customer asks for (a refund, a replacement…).
	RemedySought string `json:"remedySought,omitempty"`
	// FollowUpOf links a follow-up case to the case it continues, when the
	// earlier one can no longer be reopened.
	FollowUpOf string `json:"followUpOf,omitempty"`
}

// Event is one thing that happens to a case. Type, Case and Actor are always
// required; the other fields are the event's payload and are read only by the
// event types that document them. A zero At is filled by the [Desk] from its
// clock.
type Event struct {
	Type  EventType `json:"type"`
	Case  string    `json:"case"`
	At    time.Time `json:"at"`
	Actor string    `json:"actor"`
	// Tier is the actor's own tier, recorded for traceability.
	Tier Tier `json:"tier,omitzero"`

	// Intake of a [Receive] event.
	Intake *Intake `json:"intake,omitempty"`
	// ToTier and ToDepartment route an [Assign] or [Escalate]; Assignee names
	// the agent who takes the case.
	ToTier       Tier       `json:"toTier,omitzero"`
	ToDepartment Department `json:"toDepartment,omitzero"`
	Assignee     string     `json:"assignee,omitempty"`
	// Reason of an [Escalate], [Dispute], [Reopen], [Withdraw] or [CallbackFailed].
	Reason string `json:"reason,omitempty"`
	// Note is the hand-off note of an [Escalate] and the text of a [Note].
	Note string `json:"note,omitempty"`
	// Public marks a [Note] sent to the customer: it counts as a response.
	Public bool `json:"public,omitempty"`
	// Resolution of a [Resolve].
	Resolution *Resolution `json:"resolution,omitempty"`
	// Due is when a [ScheduleCallback] callback is due; not before At.
	Due time.Time `json:"due,omitzero"`
	// Target is the case a [Merge] merges into.
	Target string `json:"target,omitempty"`
	// Checklist of a [RecordChecklist].
	Checklist *Checklist `json:"checklist,omitempty"`
	// Cost of a [RecordCost].
	Cost *Cost `json:"cost,omitempty"`
	// Key of the outbox message a [Notified] event reports delivered.
	Key string `json:"key,omitempty"`
}

// clone returns a copy of e that shares no memory with it.
func (e Event) clone() Event {
	if e.Intake != nil {
		in := *e.Intake
		e.Intake = &in
	}
	if e.Resolution != nil {
		r := *e.Resolution
		r.Alternatives = append([]string(nil), r.Alternatives...)
		e.Resolution = &r
	}
	if e.Checklist != nil {
		cl := e.Checklist.clone()
		e.Checklist = &cl
	}
	if e.Cost != nil {
		k := *e.Cost
		e.Cost = &k
	}
	return e
}
