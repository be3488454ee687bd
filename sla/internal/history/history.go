// Package history turns a help desk's ticket history — status changes,
// public comments, priority and attribute changes, in time order — into a
// valid sla.Ticket timeline, for the importers of package sla's
// subpackages. What the history holds that the timeline cannot take (a
// change after closing, a status the mapping does not know) is kept as an
// Unmapped note, never guessed.
package history

import (
	"fmt"
	"time"

	"github.com/servuction/servuction/sla"
)

// State is where a ticket's clocks stand after a status change.
type State uint8

// The states a vendor status maps to.
const (
	StateUnknown State = iota // not mapped
	Working                   // the team is on it: the clocks run
	Waiting                   // waiting (for Reason): the clocks stop
	Solved                    // a solution was given: the resolution clock stops
	Closed                    // closed for good: nothing may follow
)

// Status is what a vendor status means: a State and, for Waiting, the
// reason.
type Status struct {
	State  State
	Reason sla.PauseReason
}

// Unmapped is something of a vendor's history the mapping does not know or
// the timeline cannot take: where it is (e.g. "audit 3, event 2"), the
// field, its value, and why it was left out.
type Unmapped struct {
	Where  string `json:"where"`
	Field  string `json:"field"`
	Value  string `json:"value,omitempty"`
	Reason string `json:"reason"`
}

// String writes the note on one line.
func (u Unmapped) String() string {
	s := u.Where + ": " + u.Field
	if u.Value != "" {
		s += fmt.Sprintf(" %q", u.Value)
	}
	return s + ": " + u.Reason
}

// Builder accumulates a ticket's history in time order. The zero value is
// not usable: call Open first.
type Builder struct {
	Ticket   sla.Ticket
	Unmapped []Unmapped
	state    Status
	prio     sla.Priority
	last     time.Time
}

// Open starts the timeline at the ticket's creation, in the status it was
// created with.
func (b *Builder) Open(at time.Time, st Status) {
	b.Ticket.Events = append(b.Ticket.Events, sla.Event{Kind: sla.Opened, At: at})
	b.state, b.last = Status{State: Working}, at
	b.Status(at, st, "creation")
}

// ok checks that at does not go back in time and that the ticket is not
// closed; otherwise it notes why and returns false.
func (b *Builder) ok(at time.Time, where, field, value string) bool {
	switch {
	case at.Before(b.last):
		b.note(where, field, value, fmt.Sprintf("at %s, before the previous entry at %s", at.Format(time.RFC3339), b.last.Format(time.RFC3339)))
		return false
	case b.state.State == Closed:
		b.note(where, field, value, "after the ticket was closed")
		return false
	}
	b.last = at
	return true
}

func (b *Builder) note(where, field, value, reason string) {
	b.Unmapped = append(b.Unmapped, Unmapped{Where: where, Field: field, Value: value, Reason: reason})
}

// Note records something the mapping does not know.
func (b *Builder) Note(where, field, value, reason string) { b.note(where, field, value, reason) }

func (b *Builder) add(e sla.Event) { b.Ticket.Events = append(b.Ticket.Events, e) }

// Status records a status change to st at at: Paused and Resumed around
// waits, Resolved, Reopened and Closed, as the step from the current state
// requires. A status of StateUnknown is the caller's to note.
func (b *Builder) Status(at time.Time, st Status, where string) {
	if st.State == StateUnknown || st == b.state || !b.ok(at, where, "status", "") {
		return
	}
	cur := b.state
	// Leave the current state.
	switch {
	case cur.State == Waiting:
		b.add(sla.Event{Kind: sla.Resumed, At: at})
	case cur.State == Solved && st.State != Closed:
		b.add(sla.Event{Kind: sla.Reopened, At: at})
	}
	// Enter the new one.
	switch st.State {
	case Waiting:
		b.add(sla.Event{Kind: sla.Paused, At: at, Reason: st.Reason})
	case Solved:
		b.add(sla.Event{Kind: sla.Resolved, At: at})
	case Closed:
		b.add(sla.Event{Kind: sla.Closed, At: at})
	}
	b.state = st
}

// Reply records a public comment: by an agent, or by the customer.
func (b *Builder) Reply(at time.Time, agent bool, where string) {
	if !b.ok(at, where, "comment", "") {
		return
	}
	kind := sla.CustomerReplied
	if agent {
		kind = sla.AgentReplied
	}
	b.add(sla.Event{Kind: kind, At: at})
}

// opening reports whether at is the instant the ticket opened: what is set
// then is the ticket's initial value, not a change.
func (b *Builder) opening(at time.Time) bool {
	return len(b.Ticket.Events) > 0 && at.Equal(b.Ticket.Events[0].At)
}

// Priority records the priority p from at on (at the opening instant, the
// ticket's priority).
func (b *Builder) Priority(at time.Time, p sla.Priority, where string) {
	if b.opening(at) {
		b.Ticket.Priority, b.prio = p, p
		return
	}
	if p == b.prio || !b.ok(at, where, "priority", p.String()) {
		return
	}
	b.add(sla.Event{Kind: sla.PriorityChanged, At: at, Priority: p})
	b.prio = p
}

// Attribute records attr taking value (or, for tags, the tag set) at at. At
// the opening instant it sets the ticket's field instead.
func (b *Builder) Attribute(at time.Time, attr sla.Attribute, value string, tags []string, where string) {
	if len(tags) == 0 {
		tags = nil
	}
	if b.opening(at) {
		b.setInitial(attr, value, tags)
		return
	}
	if !b.ok(at, where, attr.String(), value) {
		return
	}
	e := sla.Event{Kind: sla.AttributeChanged, At: at, Attribute: attr, Value: value, Tags: tags}
	if attr == sla.AttrTags {
		e.Value = ""
	}
	b.add(e)
}

func (b *Builder) setInitial(attr sla.Attribute, value string, tags []string) {
	t := &b.Ticket
	switch attr {
	case sla.AttrTags:
		t.Tags = tags
	case sla.AttrRequestKind:
		t.RequestKind = value
	case sla.AttrGroup:
		t.Group = value
	case sla.AttrCustomer:
		t.Customer = value
	case sla.AttrArea:
		t.Area = value
	case sla.AttrService:
		t.Service = value
	case sla.AttrSupplier:
		t.Supplier = value
	case sla.AttrTimeZone:
		t.TimeZone = value
	}
}

// statusNames are the text forms of the statuses, in the importers'
// mappings.
var statusNames = []struct {
	name string
	st   Status
}{
	{"working", Status{State: Working}},
	{"waiting", Status{State: Waiting}},
	{"waiting-customer", Status{State: Waiting, Reason: sla.WaitingCustomer}},
	{"waiting-third-party", Status{State: Waiting, Reason: sla.WaitingThirdParty}},
	{"scheduled", Status{State: Waiting, Reason: sla.Scheduled}},
	{"solved", Status{State: Solved}},
	{"closed", Status{State: Closed}},
}

// StatusNames lists the text forms of statuses.
func StatusNames() []string {
	out := make([]string, len(statusNames))
	for i, s := range statusNames {
		out[i] = s.name
	}
	return out
}

// ParseStatus returns the status named s ("working", "waiting-customer",
// "solved", …) and false when s names none.
func ParseStatus(s string) (Status, bool) {
	for _, n := range statusNames {
		if n.name == s {
			return n.st, true
		}
	}
	return Status{}, false
}

// String returns the status's text form.
func (s Status) String() string {
	for _, n := range statusNames {
		if n.st == s {
			return n.name
		}
	}
	return "unknown"
}
