package zendesk

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/servuction/servuction/sla"
	"github.com/servuction/servuction/sla/internal/history"
)

// auditsJSON is the body of List Audits for a Ticket, as far as it is read.
type auditsJSON struct {
	Audits []auditJSON `json:"audits"`
}

type auditJSON struct {
	ID        int64       `json:"id"`
	TicketID  int64       `json:"ticket_id"`
	CreatedAt time.Time   `json:"created_at"`
	AuthorID  int64       `json:"author_id"`
	Via       viaJSON     `json:"via"`
	Events    []eventJSON `json:"events"`
}

type viaJSON struct {
	Channel string `json:"channel"`
}

type eventJSON struct {
	Type          string          `json:"type"`
	FieldName     string          `json:"field_name"`
	Value         json.RawMessage `json:"value"`
	PreviousValue json.RawMessage `json:"previous_value"`
	Public        *bool           `json:"public"`
	AuthorID      int64           `json:"author_id"`
}

// skippedTypes are the audit event types that carry no ticket state.
var skippedTypes = []string{"Notification", "NotificationWithCcs", "Cc", "FollowerNotification", "OrganizationActivity",
	"SatisfactionRating", "AgentMacroReference", "Error"}

// ReadAudits reads the body of "List Audits for a Ticket" ({"audits":
// [...]}, one ticket, oldest first) and returns the ticket's timeline, as the
// package documentation states. created is the ticket's creation instant
// when the audits do not start with the creation audit, and must be zero
// when they do. A payload that is not that JSON, audits of several tickets
// or out of time order, no creation, or a timeline that sla refuses (a
// ticket without priority and no [Mapping.NoPriority], say) are errors
// wrapping [ErrInvalid]; what the mapping does not know is returned in
// Result.Unmapped.
func ReadAudits(r io.Reader, m Mapping, created time.Time) (Result, error) {
	if err := m.Validate(); err != nil {
		return Result{}, err
	}
	var body auditsJSON
	if err := json.NewDecoder(r).Decode(&body); err != nil {
		return Result{}, fmt.Errorf("zendesk: audits: %s: %w", err, ErrInvalid)
	}
	if len(body.Audits) == 0 {
		return Result{}, fmt.Errorf("zendesk: audits: none: %w", ErrInvalid)
	}
	rd := auditReader{m: m, b: &history.Builder{}}
	first := body.Audits[0]
	rd.b.Ticket.ID = strconv.FormatInt(first.TicketID, 10)
	for i, a := range body.Audits {
		switch {
		case a.TicketID != first.TicketID:
			return Result{}, fmt.Errorf("zendesk: audit %d: ticket %d, the first audit's is %d: want the audits of one ticket: %w", i+1, a.TicketID, first.TicketID, ErrInvalid)
		case a.CreatedAt.IsZero():
			return Result{}, fmt.Errorf("zendesk: audit %d: no created_at: %w", i+1, ErrInvalid)
		case i > 0 && a.CreatedAt.Before(body.Audits[i-1].CreatedAt):
			return Result{}, fmt.Errorf("zendesk: audit %d at %s: before audit %d: want the audits oldest first: %w",
				i+1, a.CreatedAt.Format(time.RFC3339), i, ErrInvalid)
		}
	}
	if err := rd.open(body.Audits, created); err != nil {
		return Result{}, err
	}
	for i, a := range body.Audits {
		rd.audit(i, a)
	}
	return rd.result()
}

// auditReader reads audits into a builder.
type auditReader struct {
	m         Mapping
	b         *history.Builder
	requester int64
	prio      bool // a priority was set
	creating  bool // reading the creation audit
}

// open starts the timeline: at the creation audit, or at created with the
// status and priority the first changes had before.
func (rd *auditReader) open(audits []auditJSON, created time.Time) error {
	creation := slices.ContainsFunc(audits[0].Events, func(e eventJSON) bool { return e.Type == "Create" })
	switch {
	case creation && !created.IsZero():
		return fmt.Errorf("zendesk: audits: the first audit creates the ticket, so no creation instant may be given: %w", ErrInvalid)
	case !creation && created.IsZero():
		return fmt.Errorf("zendesk: audits: the first audit does not create the ticket: read its whole history, or give its creation instant: %w", ErrInvalid)
	case !creation && audits[0].CreatedAt.Before(created):
		return fmt.Errorf("zendesk: audits: the first audit at %s is before the creation at %s: %w",
			audits[0].CreatedAt.Format(time.RFC3339), created.Format(time.RFC3339), ErrInvalid)
	}
	if creation {
		at := audits[0].CreatedAt
		st := Status{State: history.Working}
		for _, e := range audits[0].Events {
			if e.Type == "Create" && e.FieldName == "status" {
				if s, ok := rd.m.Statuses[text(e.Value)]; ok {
					st = s
				}
			}
		}
		rd.b.Open(at, st)
		if c, ok := rd.m.Channels[audits[0].Via.Channel]; ok {
			rd.b.Ticket.Channel = c
		} else if audits[0].Via.Channel != "" {
			rd.b.Note("audit 1", "via.channel", audits[0].Via.Channel, "channel not in the mapping")
		}
		return nil
	}
	// A later page: the values before the first changes are those at
	// creation.
	st := Status{State: history.Working}
	if e, ok := firstChange(audits, "status"); ok {
		if s, ok := rd.m.Statuses[text(e.PreviousValue)]; ok {
			st = s
		}
	}
	rd.b.Open(created, st)
	if e, ok := firstChange(audits, "priority"); ok {
		if p, ok := rd.m.Priorities[text(e.PreviousValue)]; ok {
			rd.b.Priority(created, p, "creation")
			rd.prio = true
		}
	}
	return nil
}

func firstChange(audits []auditJSON, field string) (eventJSON, bool) {
	for _, a := range audits {
		for _, e := range a.Events {
			if e.Type == "Change" && e.FieldName == field {
				return e, true
			}
		}
	}
	return eventJSON{}, false
}

// audit reads the events of audit i. The requester is read first, so that
// the comments of the same audit are told apart.
func (rd *auditReader) audit(i int, a auditJSON) {
	for _, e := range a.Events {
		if (e.Type == "Create" || e.Type == "Change") && e.FieldName == "requester_id" {
			rd.requester, _ = strconv.ParseInt(text(e.Value), 10, 64)
		}
	}
	rd.creating = i == 0 && slices.ContainsFunc(a.Events, func(e eventJSON) bool { return e.Type == "Create" })
	for k, e := range a.Events {
		where := fmt.Sprintf("audit %d, event %d", i+1, k+1)
		switch e.Type {
		case "Create", "Change":
			rd.field(a.CreatedAt, e, where)
		case "Comment", "VoiceComment":
			rd.comment(a, e, where)
		default:
			if !slices.Contains(skippedTypes, e.Type) {
				rd.b.Note(where, "type", e.Type, "event type not read by this package")
			}
		}
	}
}

// field reads a Create or Change event.
func (rd *auditReader) field(at time.Time, e eventJSON, where string) {
	v := text(e.Value)
	switch name := e.FieldName; {
	case name == "status":
		st, ok := rd.m.Statuses[v]
		if !ok {
			rd.b.Note(where, name, v, "status not in the mapping")
			return
		}
		rd.b.Status(at, st, where)
	case name == "priority":
		p, ok := rd.m.Priorities[v]
		if !ok {
			if v != "" {
				rd.b.Note(where, name, v, "priority not in the mapping")
			}
			return
		}
		rd.b.Priority(at, p, where)
		rd.prio = true
	case name == "requester_id": // read by audit
	case slices.Contains(rd.m.Ignore, name):
	default:
		attr, ok := rd.m.Fields[name]
		if !ok {
			rd.b.Note(where, name, v, "field not in the mapping")
			return
		}
		rd.attribute(at, attr, name, e.Value, where)
	}
}

// attribute sets a mapped field's attribute.
func (rd *auditReader) attribute(at time.Time, attr sla.Attribute, name string, raw json.RawMessage, where string) {
	if attr == sla.AttrTags {
		var tags []string
		if err := json.Unmarshal(raw, &tags); err != nil {
			// Zendesk writes tags as a list; a string is a space-separated list.
			tags = strings.Fields(text(raw))
		}
		rd.b.Attribute(at, attr, "", tags, where)
		return
	}
	v := text(raw)
	if n, ok := rd.m.Names[name+":"+v]; ok {
		v = n
	}
	if attr == sla.AttrChannel {
		rd.b.Note(where, name, v, "a channel is read from the creation audit's via, not from a field")
		return
	}
	rd.b.Attribute(at, attr, v, nil, where)
}

// comment reads a public comment as a reply.
func (rd *auditReader) comment(a auditJSON, e eventJSON, where string) {
	if e.Public == nil || !*e.Public {
		return // an internal note: no reply
	}
	author := e.AuthorID
	if author == 0 {
		author = a.AuthorID
	}
	id := strconv.FormatInt(author, 10)
	switch {
	case author == rd.requester && author != 0 && rd.creating:
		// The requester's comment in the creation audit is the request
		// itself, which Opened stands for.
	case author == rd.requester && author != 0, slices.Contains(rd.m.Customers, author):
		rd.b.Reply(a.CreatedAt, false, where)
	case slices.Contains(rd.m.Agents, author), len(rd.m.Agents) == 0 && rd.requester != 0:
		rd.b.Reply(a.CreatedAt, true, where)
	default:
		rd.b.Note(where, "comment author", id, "neither the requester, a customer nor an agent of the mapping")
	}
}

// result checks the timeline and returns it.
func (rd *auditReader) result() (Result, error) {
	if !rd.prio {
		if rd.m.NoPriority == sla.PriorityUnknown {
			return Result{}, fmt.Errorf("zendesk: ticket %s: no priority, and the mapping's noPriority is not set: %w", rd.b.Ticket.ID, ErrInvalid)
		}
		rd.b.Ticket.Priority = rd.m.NoPriority
	}
	if err := rd.b.Ticket.Validate(); err != nil {
		return Result{}, fmt.Errorf("zendesk: ticket %s: the timeline read is not valid (%s): %w", rd.b.Ticket.ID, err, ErrInvalid)
	}
	return Result{Ticket: rd.b.Ticket, Unmapped: rd.b.Unmapped}, nil
}

// text returns a JSON scalar as text: a string's content, a number's digits,
// "" for null.
func text(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	t := strings.TrimSpace(string(raw))
	if t == "null" {
		return ""
	}
	return t
}
