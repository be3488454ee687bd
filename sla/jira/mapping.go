package jira

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/servuction/servuction/sla"
	"github.com/servuction/servuction/sla/internal/history"
)

// ErrInvalid is wrapped by every error of this package: a payload that is
// not the JSON the API returns, a history that cannot become a timeline, or
// an invalid Mapping.
var ErrInvalid = errors.New("jira: invalid input")

// Status is what a Jira status means to the clocks: working, waiting (with
// the reason), solved or closed. Its text forms are "working", "waiting",
// "waiting-customer", "waiting-third-party", "scheduled", "solved" and
// "closed".
type Status = history.Status

// Unmapped is a part of a history the Mapping does not know or the timeline
// cannot take, with where it is and why it was left out.
type Unmapped = history.Unmapped

// Result is a ticket's timeline and what was left out of it.
type Result struct {
	Ticket   sla.Ticket
	Unmapped []Unmapped
}

// Mapping says what a Jira Service Management project's statuses,
// priorities and fields mean to package sla. Start from [DefaultMapping].
type Mapping struct {
	// Statuses maps a status name to its meaning.
	Statuses map[string]Status
	// Priorities maps a priority name to an sla priority.
	Priorities map[string]sla.Priority
	// NoPriority is the priority of an issue that has none; PriorityUnknown
	// makes such an issue an error.
	NoPriority sla.Priority
	// Fields maps a field id (or name) to the ticket attribute it sets.
	Fields map[string]sla.Attribute
	// Ignore lists the field ids (or names) known and not used.
	Ignore []string
	// Agents are the account ids whose public comments are agent replies;
	// when empty, everyone but the reporter and Customers is an agent.
	Agents []string
	// Customers are account ids, besides the reporter, whose public
	// comments are customer replies (request participants, say).
	Customers []string
}

// DefaultMapping returns JSM's service-project statuses and Jira's
// priorities as the package documentation lists them, labels as the tags
// and components as the service, and the fields that carry nothing for the
// clocks ignored.
func DefaultMapping() Mapping {
	working, solved, closed := Status{State: history.Working}, Status{State: history.Solved}, Status{State: history.Closed}
	return Mapping{
		Statuses: map[string]Status{
			"Open": working, "Reopened": working, "To Do": working, "Waiting for support": working, "In Progress": working,
			"Work in progress": working, "Escalated": working, "Under investigation": working,
			"Waiting for customer": {State: history.Waiting, Reason: sla.WaitingCustomer},
			"Pending":              {State: history.Waiting, Reason: sla.WaitingThirdParty},
			"Resolved":             solved, "Done": solved, "Completed": solved,
			"Closed": closed, "Canceled": closed, "Declined": closed,
		},
		Priorities: map[string]sla.Priority{"Lowest": sla.Low, "Low": sla.Low, "Medium": sla.Normal, "High": sla.High, "Highest": sla.Urgent},
		Fields:     map[string]sla.Attribute{"labels": sla.AttrTags, "components": sla.AttrService},
		Ignore: []string{"summary", "description", "assignee", "reporter", "resolution", "resolutiondate", "issuelinks", "attachment",
			"duedate", "environment", "fixVersions", "versions", "timeestimate", "timeoriginalestimate", "timespent", "WorklogId", "Rank"},
	}
}

// Validate reports every problem of m, joined, each wrapping [ErrInvalid].
func (m Mapping) Validate() error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("jira: mapping: "+format+": %w", append(args, ErrInvalid)...))
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
	for _, k := range sortedKeys(m.Fields) {
		switch {
		case !m.Fields[k].IsValid() || m.Fields[k] == sla.AttrChannel:
			bad("field %q: attribute %s: want a defined attribute other than the channel", k, m.Fields[k])
		case k == "status" || k == "priority":
			bad("field %q: read through statuses and priorities, not as an attribute", k)
		case slices.Contains(m.Ignore, k):
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

type mappingJSON struct {
	Statuses   map[string]string `json:"statuses,omitempty"`
	Priorities map[string]string `json:"priorities,omitempty"`
	NoPriority string            `json:"noPriority,omitempty"`
	Fields     map[string]string `json:"fields,omitempty"`
	Ignore     []string          `json:"ignore,omitempty"`
	Agents     []string          `json:"agents,omitempty"`
	Customers  []string          `json:"customers,omitempty"`
}

// MarshalJSON writes the mapping with its meanings as text:
// {"statuses": {"Waiting for customer": "waiting-customer"}, "priorities":
// {"Highest": "urgent"}, "fields": {"labels": "tags"}, …}.
func (m Mapping) MarshalJSON() ([]byte, error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	j := mappingJSON{Ignore: m.Ignore, Agents: m.Agents, Customers: m.Customers,
		Statuses: textMap(m.Statuses, Status.String), Priorities: textMap(m.Priorities, sla.Priority.String),
		Fields: textMap(m.Fields, sla.Attribute.String)}
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
		return fmt.Errorf("jira: mapping: %s: %w", err, ErrInvalid)
	}
	out := Mapping{Ignore: j.Ignore, Agents: j.Agents, Customers: j.Customers}
	var errs []error
	check := func(what, k, v string, ok bool) {
		if !ok {
			errs = append(errs, fmt.Errorf("jira: mapping: %s %q: %q is not a name this package knows: %w", what, k, v, ErrInvalid))
		}
	}
	out.Statuses = parseMap(j.Statuses, func(k, v string) Status {
		st, ok := history.ParseStatus(v)
		check("status", k, v, ok)
		return st
	})
	out.Priorities = parseMap(j.Priorities, func(k, v string) sla.Priority {
		p, err := sla.ParsePriority(v)
		check("priority", k, v, err == nil)
		return p
	})
	out.Fields = parseMap(j.Fields, func(k, v string) sla.Attribute {
		a, err := sla.ParseAttribute(v)
		check("field", k, v, err == nil)
		return a
	})
	if j.NoPriority != "" {
		p, err := sla.ParsePriority(j.NoPriority)
		check("noPriority", "", j.NoPriority, err == nil)
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
