package sla

import (
	"errors"
	"fmt"
	"time"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/internal/enum"
)

// Priority is how urgent a ticket is; every time objective sets a target per
// priority. Priorities are ordered: [Low] < [Normal] < [High] < [Urgent]. The
// zero value [PriorityUnknown] is not a valid ticket priority.
type Priority uint8

// The ticket priorities (prioridad).
const (
	PriorityUnknown Priority = iota // not set
	Low                             // baja
	Normal                          // normal, media
	High                            // alta
	Urgent                          // urgente, crítica
)

var priorityNames = enum.New("sla: priority", ErrUnknownName,
	[]string{"unknown", "low", "normal", "high", "urgent"},
	map[string]Priority{
		"desconocida": PriorityUnknown, "desconocido": PriorityUnknown,
		"baja": Low, "medium": Normal, "media": Normal, "alta": High,
		"urgente": Urgent, "critical": Urgent, "crítica": Urgent,
	})

// Priorities returns the valid priorities, lowest first.
func Priorities() []Priority { return []Priority{Low, Normal, High, Urgent} }

// ParsePriority returns the priority named s: "low", "normal", "high",
// "urgent", or the Spanish "baja", "normal", "alta", "urgente" (any case,
// accents optional).
func ParsePriority(s string) (Priority, error) { return priorityNames.Parse(s) }

// String returns the priority's English name, e.g. "urgent".
func (p Priority) String() string { return priorityNames.String(p) }

// IsValid reports whether p is a priority a ticket can have ([Low] to [Urgent]).
func (p Priority) IsValid() bool { return p != PriorityUnknown && priorityNames.Valid(p) }

// MarshalText implements encoding.TextMarshaler.
func (p Priority) MarshalText() ([]byte, error) { return priorityNames.MarshalText(p) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParsePriority].
func (p *Priority) UnmarshalText(text []byte) error { return priorityNames.UnmarshalText(p, text) }

// EventKind is what happened at one point of a ticket's timeline.
type EventKind uint8

// The events of a ticket's timeline. The zero value [EventUnknown] is invalid
// in a timeline.
const (
	EventUnknown     EventKind = iota // not set
	Opened                            // abierto: the customer's request is registered; starts every clock
	AgentReplied                      // respuesta del agente: a reply or update the customer can see
	CustomerReplied                   // respuesta del cliente: the customer writes again
	Paused                            // en espera: waiting for the customer or a third party; stops the clocks its reason pauses
	Resumed                           // reanudado: the wait is over; clocks run again
	PriorityChanged                   // cambio de prioridad: Event.Priority is the new priority
	Resolved                          // resuelto: the solution is given; stops the resolution clock
	Reopened                          // reabierto: the solution did not hold; the resolution clock continues
	Closed                            // cerrado: nothing may follow
	AttributeChanged                  // cambio de atributo: Event.Attribute takes Event.Value (or Event.Tags)
)

var eventNames = enum.New("sla: event kind", ErrUnknownName,
	[]string{"unknown", "opened", "agent-replied", "customer-replied", "paused", "resumed",
		"priority-changed", "resolved", "reopened", "closed", "attribute-changed"},
	map[string]EventKind{
		"desconocido": EventUnknown, "abierto": Opened, "apertura": Opened, "open": Opened, "created": Opened,
		"respuesta del agente": AgentReplied, "agent reply": AgentReplied, "reply": AgentReplied,
		"respuesta del cliente": CustomerReplied, "customer reply": CustomerReplied,
		"en espera": Paused, "pausado": Paused, "pause": Paused, "on hold": Paused,
		"reanudado": Resumed, "resume": Resumed,
		"cambio de prioridad": PriorityChanged, "priority change": PriorityChanged,
		"resuelto": Resolved, "solved": Resolved, "solucionado": Resolved,
		"reabierto": Reopened, "reopen": Reopened,
		"cerrado": Closed, "close": Closed,
		"cambio de atributo": AttributeChanged, "changed": AttributeChanged, "attribute change": AttributeChanged,
		"field changed": AttributeChanged, "cambio": AttributeChanged,
	})

// ParseEventKind returns the event kind named s ("agent-replied",
// "respuesta del cliente", "en espera", "resuelto", "cambio de atributo", …).
func ParseEventKind(s string) (EventKind, error) { return eventNames.Parse(s) }

// String returns the event kind's English name, e.g. "agent-replied".
func (k EventKind) String() string { return eventNames.String(k) }

// IsValid reports whether k is a defined event kind other than [EventUnknown].
func (k EventKind) IsValid() bool { return k != EventUnknown && eventNames.Valid(k) }

// MarshalText implements encoding.TextMarshaler.
func (k EventKind) MarshalText() ([]byte, error) { return eventNames.MarshalText(k) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseEventKind].
func (k *EventKind) UnmarshalText(text []byte) error { return eventNames.UnmarshalText(k, text) }

// PauseReason says why a ticket waits. Each objective says which reasons
// stop its clock ([Objective.PauseReasons]): by default every reason stops
// every clock, except the requester wait time, which only a wait for the
// customer stops (Zendesk's "pending"), and the on-hold time, which counts
// waits for a third party (Zendesk's "on-hold").
type PauseReason uint8

// The reasons a ticket may wait. The zero value [PauseUnspecified] is allowed.
const (
	PauseUnspecified  PauseReason = iota // no reason recorded
	WaitingCustomer                      // en espera del cliente: information or a test only the customer can give
	WaitingThirdParty                    // en espera de un tercero: a supplier, carrier or another company (proveedor de servicio)
	Scheduled                            // programado: the customer asked to be served later
)

var pauseNames = enum.New("sla: pause reason", ErrUnknownName,
	[]string{"unspecified", "waiting-customer", "waiting-third-party", "scheduled"},
	map[string]PauseReason{
		"sin especificar": PauseUnspecified, "": PauseUnspecified,
		"en espera del cliente": WaitingCustomer, "espera del cliente": WaitingCustomer, "customer": WaitingCustomer,
		"pending": WaitingCustomer, "pendiente": WaitingCustomer, "on-hold": WaitingThirdParty, "hold": WaitingThirdParty,
		"en espera de un tercero": WaitingThirdParty, "espera de un tercero": WaitingThirdParty,
		"tercero": WaitingThirdParty, "third party": WaitingThirdParty, "proveedor": WaitingThirdParty, "supplier": WaitingThirdParty,
		"programado": Scheduled, "agendado": Scheduled,
	})

// ParsePauseReason returns the reason named s ("waiting-customer",
// "en espera de un tercero", …).
func ParsePauseReason(s string) (PauseReason, error) { return pauseNames.Parse(s) }

// String returns the reason's English name.
func (r PauseReason) String() string { return pauseNames.String(r) }

// IsValid reports whether r is a defined reason.
func (r PauseReason) IsValid() bool { return pauseNames.Valid(r) }

// MarshalText implements encoding.TextMarshaler.
func (r PauseReason) MarshalText() ([]byte, error) { return pauseNames.MarshalText(r) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParsePauseReason].
func (r *PauseReason) UnmarshalText(text []byte) error { return pauseNames.UnmarshalText(r, text) }

// Event is one point of a ticket's timeline.
type Event struct {
	Kind EventKind `json:"kind"`
	At   time.Time `json:"at"`
	// Priority is the new priority of a PriorityChanged event; it must be
	// left zero on other events.
	Priority Priority `json:"priority,omitempty"`
	// Reason is why a Paused event waits; it must be left zero on other
	// events.
	Reason PauseReason `json:"reason,omitempty"`
	// Attribute is the attribute an AttributeChanged event changes, and
	// Value its new value ("" clears it): a channel name for [AttrChannel]
	// (parsed with [servuction.ParseChannel]), an IANA zone name for
	// [AttrTimeZone], any text for the others. A change of [AttrTags] gives
	// the whole new tag set in Tags and leaves Value empty. All three must be
	// left zero on other events.
	Attribute Attribute `json:"attribute,omitempty"`
	Value     string    `json:"value,omitempty"`
	Tags      []string  `json:"tags,omitempty"`
}

// Ticket is one customer request as a timeline of events, the input of
// [Agreement.Evaluate]. Build it as a literal:
//
//	t := sla.Ticket{ID: "T-1", Priority: sla.High, Customer: "acme", Events: []sla.Event{
//		{Kind: sla.Opened, At: opened},
//		{Kind: sla.AgentReplied, At: replied},
//		{Kind: sla.Resolved, At: resolved},
//	}}
//
// A valid timeline (see [Ticket.Validate]) starts with one [Opened] event,
// never goes back in time, resumes only what was paused, pauses only what
// runs, resolves only what is open, reopens only what was resolved, and has
// nothing after [Closed]. Events at the same instant are taken in slice order.
// A customer's reply does not end a pause by itself: record [Resumed] when the
// wait is over.
//
// The attributes (Channel, RequestKind, Tags, Group, Customer, Area, Service,
// Supplier, TimeZone) are their values at opening; [AttributeChanged] events
// change them later, as [PriorityChanged] events change the priority. They
// select the agreement's policy and scope, the group or supplier an OLA or
// underpinning contract binds, and the zone of the ticket's business hours.
//
// In JSON the keys are lowerCamelCase ("requestKind", "timeZone"), enums are
// written by name, and an unknown key is an error:
//
//	{"id": "T-1", "priority": "high", "channel": "email", "requestKind": "incident",
//	 "tags": ["vip"], "group": "soporte-n1", "customer": "acme", "events": [
//	  {"kind": "opened", "at": "2026-03-02T09:00:00-05:00"},
//	  {"kind": "attribute-changed", "at": "2026-03-02T10:00:00-05:00", "attribute": "group", "value": "redes"},
//	  {"kind": "attribute-changed", "at": "2026-03-02T10:05:00-05:00", "attribute": "tags", "tags": ["vip", "fibra"]}]}
type Ticket struct {
	ID string `json:"id"`
	// Priority is the priority at opening; PriorityChanged events change it.
	Priority Priority `json:"priority"`
	// Customer names the customer or organisation (customer-based
	// agreements) or, in a multilevel agreement, the customer or department
	// unit the ticket belongs to. Empty when unknown.
	Customer string `json:"customer,omitempty"`
	// Area names the customer's business area or department; it selects
	// targets when Customer has none.
	Area string `json:"area,omitempty"`
	// Service names the service the request is about (service-based
	// agreements). Empty when unknown.
	Service string `json:"service,omitempty"`
	// Channel is the medium the request came through; ChannelUnknown when
	// not recorded.
	Channel servuction.Channel `json:"channel,omitempty"`
	// RequestKind is the kind of request as the help desk names it: a
	// Zendesk ticket type ("incident", "question"), a Jira Service
	// Management request type, a ServiceNow record class. Empty when
	// unknown.
	RequestKind string `json:"requestKind,omitempty"`
	// Tags are the ticket's tags or labels, none empty.
	Tags []string `json:"tags,omitempty"`
	// Group is the group (assignee group, assignment group) that owns the
	// ticket; "" when unassigned.
	Group string `json:"group,omitempty"`
	// Supplier is the outside supplier (proveedor) working on the ticket,
	// for underpinning contracts; "" when none.
	Supplier string `json:"supplier,omitempty"`
	// TimeZone is the IANA zone of the requester ("America/Bogota"); it
	// matters only to agreements that count business hours in the ticket's
	// zone (see [AgreementConfig]). "" when unknown.
	TimeZone string  `json:"timeZone,omitempty"`
	Events   []Event `json:"events"`
}

// Validate reports the problems of the ticket, joined, each naming the
// event's position (from 1), kind and instant (the first ten, then how many
// more). Errors wrap [ErrInvalidTicket].
func (t Ticket) Validate() error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, errorf(ErrInvalidTicket, "ticket %q: "+format, append([]any{t.ID}, args...)...))
	}
	if !t.Priority.IsValid() {
		bad("priority %s: want low, normal, high or urgent", t.Priority)
	}
	if !t.Channel.IsValid() {
		bad("channel %s undefined", t.Channel)
	}
	if msg := checkTags(t.Tags); msg != "" {
		bad("%s", msg)
	}
	if msg := checkZoneName(t.TimeZone); msg != "" {
		bad("%s", msg)
	}
	if len(t.Events) == 0 {
		bad("no events: the first event must be %s", Opened)
		return errors.Join(errs...)
	}
	if t.Events[0].Kind != Opened {
		bad("event 1 (%s): the first event must be %s", t.Events[0].Kind, Opened)
	}
	var st timelineState
	more := 0
	for i, e := range t.Events {
		if msg := st.step(i, e, t.Events); msg != "" {
			if len(errs) >= maxTicketErrors {
				more++
				continue
			}
			bad("event %d (%s at %s): %s", i+1, e.Kind, e.At.Format(time.RFC3339), msg)
		}
	}
	if more > 0 {
		bad("and %d more problems", more)
	}
	return errors.Join(errs...)
}

// maxTicketErrors bounds the problems Validate spells out.
const maxTicketErrors = 10

// timelineState tracks what a timeline allows next.
type timelineState struct {
	opened, paused, resolved, closed bool
}

// step checks event i against the state and advances it; it returns "" or the
// problem.
func (s *timelineState) step(i int, e Event, all []Event) string {
	if i > 0 && e.At.Before(all[i-1].At) {
		return fmt.Sprintf("goes back in time, before event %d at %s", i, all[i-1].At.Format(time.RFC3339))
	}
	if s.closed {
		return "the ticket is already closed"
	}
	if e.Kind != PriorityChanged && e.Priority != PriorityUnknown {
		return fmt.Sprintf("priority %s is only allowed on %s", e.Priority, PriorityChanged)
	}
	if e.Kind != Paused && e.Reason != PauseUnspecified {
		return fmt.Sprintf("reason %s is only allowed on %s", e.Reason, Paused)
	}
	if e.Kind != AttributeChanged && (e.Attribute != AttributeUnknown || e.Value != "" || len(e.Tags) > 0) {
		return fmt.Sprintf("attribute, value and tags are only allowed on %s", AttributeChanged)
	}
	switch e.Kind {
	case Opened:
		if s.opened {
			return "opened twice"
		}
		s.opened = true
	case AgentReplied, CustomerReplied, Closed:
		if e.Kind == Closed {
			s.closed = true
		}
	case Paused:
		if !e.Reason.IsValid() {
			return fmt.Sprintf("reason %s undefined", e.Reason)
		}
		if s.paused {
			return "paused while already paused"
		}
		s.paused = true
	case Resumed:
		if !s.paused {
			return "resumed without a pause"
		}
		s.paused = false
	case PriorityChanged:
		if !e.Priority.IsValid() {
			return fmt.Sprintf("priority %s: want low, normal, high or urgent", e.Priority)
		}
	case Resolved:
		if s.resolved {
			return "resolved twice without a reopen"
		}
		s.resolved = true
	case Reopened:
		if !s.resolved {
			return "reopened without being resolved"
		}
		s.resolved = false
	case AttributeChanged:
		if msg := checkChange(e); msg != "" {
			return msg
		}
	default:
		return fmt.Sprintf("kind %s undefined", e.Kind)
	}
	if !s.opened {
		return "before the ticket was opened"
	}
	return ""
}

// UnmarshalJSON decodes a ticket and validates it with [Ticket.Validate],
// leaving t unchanged on error. An unknown key, in the ticket or in one of
// its events, is an error.
func (t *Ticket) UnmarshalJSON(data []byte) error {
	type plain Ticket
	var p plain
	if err := strictDecode(data, &p); err != nil {
		return errorf(ErrInvalidTicket, "ticket: %v", err)
	}
	if err := Ticket(p).Validate(); err != nil {
		return err
	}
	*t = Ticket(p)
	return nil
}
