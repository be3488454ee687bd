package zendesk

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/sla"
	"github.com/servuction/servuction/sla/internal/history"
)

// ErrInvalid is wrapped by every error of this package: a payload that is
// not the JSON the API returns, a history that cannot become a timeline, or
// an invalid Mapping.
var ErrInvalid = errors.New("zendesk: invalid input")

// Status is what a Zendesk status means to the clocks: working, waiting
// (with the reason), solved or closed. Its text forms are "working",
// "waiting", "waiting-customer", "waiting-third-party", "scheduled",
// "solved" and "closed".
type Status = history.Status

// Unmapped is a part of a history the Mapping does not know or the timeline
// cannot take, with where it is and why it was left out.
type Unmapped = history.Unmapped

// Result is a ticket's timeline and what was left out of it.
type Result struct {
	Ticket   sla.Ticket
	Unmapped []Unmapped
}

// Mapping says what Zendesk's statuses, priorities, channels and fields mean
// to package sla. Start from [DefaultMapping] and change what your account
// names differently.
type Mapping struct {
	// Statuses maps a ticket status to its meaning.
	Statuses map[string]Status
	// Priorities maps a ticket priority to an sla priority.
	Priorities map[string]sla.Priority
	// NoPriority is the priority of a ticket that has none (Zendesk's
	// priority is optional); PriorityUnknown makes such a ticket an error.
	NoPriority sla.Priority
	// Channels maps a via channel to the channel of the ticket.
	Channels map[string]servuction.Channel
	// Fields maps a field_name to the ticket attribute it sets.
	Fields map[string]sla.Attribute
	// Names maps "field:value" (e.g. "group_id:360001") to the name the
	// attribute takes ("Soporte N1"); without an entry the value is kept
	// as it is.
	Names map[string]string
	// Ignore lists the fields known and not used.
	Ignore []string
	// Agents are the user ids whose public comments are agent replies; when
	// empty, everyone but the requester and Customers is an agent.
	Agents []int64
	// Customers are user ids, besides the requester, whose public comments
	// are customer replies (CCs of the requester's company, say).
	Customers []int64
}

// DefaultMapping returns Zendesk's standard statuses, priorities and via
// channels, the fields type, group_id, organization_id and tags as the
// request kind, group, customer and tags, and the usual fields that carry
// nothing for the clocks (subject, description, assignee_id, …) ignored.
func DefaultMapping() Mapping {
	return Mapping{
		Statuses: map[string]Status{
			"new": {State: history.Working}, "open": {State: history.Working},
			"pending": {State: history.Waiting, Reason: sla.WaitingCustomer},
			"hold":    {State: history.Waiting, Reason: sla.WaitingThirdParty},
			"solved":  {State: history.Solved}, "closed": {State: history.Closed},
		},
		Priorities: map[string]sla.Priority{"low": sla.Low, "normal": sla.Normal, "high": sla.High, "urgent": sla.Urgent},
		Channels: map[string]servuction.Channel{
			"email": servuction.Email, "voice": servuction.Phone, "chat": servuction.WebChat,
			"native_messaging": servuction.InstantMessaging, "whatsapp": servuction.InstantMessaging, "sms": servuction.InstantMessaging,
			"twitter": servuction.SocialMedia, "facebook": servuction.SocialMedia, "instagram_dm": servuction.SocialMedia,
			"web": servuction.SelfService, "mobile": servuction.SelfService,
		},
		Fields: map[string]sla.Attribute{"type": sla.AttrRequestKind, "group_id": sla.AttrGroup, "organization_id": sla.AttrCustomer, "tags": sla.AttrTags},
		Ignore: []string{"subject", "description", "assignee_id", "submitter_id", "brand_id", "ticket_form_id", "due_at",
			"is_public", "collaborator_ids", "follower_ids", "email_cc_ids", "problem_id", "satisfaction_score", "recipient"},
	}
}

// Validate reports every problem of m, joined, each wrapping [ErrInvalid].
func (m Mapping) Validate() error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("zendesk: mapping: "+format+": %w", append(args, ErrInvalid)...))
	}
	for _, k := range sortedKeys(m.Statuses) {
		if m.Statuses[k].String() == "unknown" {
			bad("status %q: meaning undefined (want one of %s)", k, strings.Join(history.StatusNames(), ", "))
		}
	}
	for _, k := range sortedKeys(m.Priorities) {
		if !m.Priorities[k].IsValid() {
			bad("priority %q: sla priority %s undefined", k, m.Priorities[k])
		}
	}
	if m.NoPriority != sla.PriorityUnknown && !m.NoPriority.IsValid() {
		bad("noPriority %s undefined", m.NoPriority)
	}
	for _, k := range sortedKeys(m.Channels) {
		if c := m.Channels[k]; c == servuction.ChannelUnknown || !c.IsValid() {
			bad("channel %q: channel %s undefined", k, c)
		}
	}
	for _, k := range sortedKeys(m.Fields) {
		if !m.Fields[k].IsValid() {
			bad("field %q: attribute %s undefined", k, m.Fields[k])
		}
		if slices.Contains(m.Ignore, k) {
			bad("field %q is both mapped and ignored", k)
		}
	}
	return errors.Join(errs...)
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// mappingJSON is a Mapping in JSON, enums as text.
type mappingJSON struct {
	Statuses   map[string]string `json:"statuses,omitempty"`
	Priorities map[string]string `json:"priorities,omitempty"`
	NoPriority string            `json:"noPriority,omitempty"`
	Channels   map[string]string `json:"channels,omitempty"`
	Fields     map[string]string `json:"fields,omitempty"`
	Names      map[string]string `json:"names,omitempty"`
	Ignore     []string          `json:"ignore,omitempty"`
	Agents     []int64           `json:"agents,omitempty"`
	Customers  []int64           `json:"customers,omitempty"`
}

// MarshalJSON writes the mapping with its meanings as text:
// {"statuses": {"pending": "waiting-customer"}, "priorities": {"urgent": "urgent"},
// "fields": {"group_id": "group"}, "names": {"group_id:360001": "Soporte N1"}, …}.
func (m Mapping) MarshalJSON() ([]byte, error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	j := mappingJSON{Names: m.Names, Ignore: m.Ignore, Agents: m.Agents, Customers: m.Customers}
	j.Statuses = textMap(m.Statuses, Status.String)
	j.Priorities = textMap(m.Priorities, sla.Priority.String)
	j.Channels = textMap(m.Channels, servuction.Channel.String)
	j.Fields = textMap(m.Fields, sla.Attribute.String)
	if m.NoPriority != sla.PriorityUnknown {
		j.NoPriority = m.NoPriority.String()
	}
	return json.Marshal(j)
}

func textMap[V any](m map[string]V, text func(V) string) map[string]string {
	if m == nil {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = text(v)
	}
	return out
}

// UnmarshalJSON reads what MarshalJSON writes, strictly: unknown keys and
// unknown names are errors wrapping [ErrInvalid], and m is unchanged on
// error. Priorities and attributes may be named in English or Spanish.
func (m *Mapping) UnmarshalJSON(data []byte) error {
	var j mappingJSON
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&j); err != nil {
		return fmt.Errorf("zendesk: mapping: %s: %w", err, ErrInvalid)
	}
	out := Mapping{Names: j.Names, Ignore: j.Ignore, Agents: j.Agents, Customers: j.Customers}
	var errs []error
	parse := func(what, k, v string, ok bool) {
		if !ok {
			errs = append(errs, fmt.Errorf("zendesk: mapping: %s %q: %q is not a name this package knows: %w", what, k, v, ErrInvalid))
		}
	}
	out.Statuses = parseMap(j.Statuses, func(k, v string) Status {
		st, ok := history.ParseStatus(v)
		parse("status", k, v, ok)
		return st
	})
	out.Priorities = parseMap(j.Priorities, func(k, v string) sla.Priority {
		p, err := sla.ParsePriority(v)
		parse("priority", k, v, err == nil)
		return p
	})
	out.Channels = parseMap(j.Channels, func(k, v string) servuction.Channel {
		c, err := servuction.ParseChannel(v)
		parse("channel", k, v, err == nil)
		return c
	})
	out.Fields = parseMap(j.Fields, func(k, v string) sla.Attribute {
		a, err := sla.ParseAttribute(v)
		parse("field", k, v, err == nil)
		return a
	})
	if j.NoPriority != "" {
		p, err := sla.ParsePriority(j.NoPriority)
		parse("noPriority", "", j.NoPriority, err == nil)
		out.NoPriority = p
	}
	if len(errs) == 0 {
		errs = append(errs, out.Validate())
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	*m = out
	return nil
}

func parseMap[V any](m map[string]string, parse func(k, v string) V) map[string]V {
	if m == nil {
		return nil
	}
	out := make(map[string]V, len(m))
	for _, k := range sortedKeys(m) {
		out[k] = parse(k, m[k])
	}
	return out
}
