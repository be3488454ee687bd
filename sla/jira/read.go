package jira

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/servuction/servuction/sla"
	"github.com/servuction/servuction/sla/internal/history"
)

// Issue is what the issue itself says (from "Get issue"), which the
// changelog does not: its key, its creation instant, its reporter, and the
// current values of the fields the mapping reads, keyed as changelog items
// are (fieldId, or field name): {"status": "Waiting for support",
// "priority": "Medium", "labels": "vip fibra"}.
type Issue struct {
	Key      string
	Created  time.Time
	Reporter string // account id
	Current  map[string]string
}

// changelogJSON is a page of changelogs: "values" in Get changelogs,
// "histories" in Get changelogs by IDs and in an issue's expanded changelog.
type changelogJSON struct {
	Values    []historyJSON `json:"values"`
	Histories []historyJSON `json:"histories"`
}

type historyJSON struct {
	ID      string     `json:"id"`
	Author  authorJSON `json:"author"`
	Created jiraTime   `json:"created"`
	Items   []itemJSON `json:"items"`
}

type authorJSON struct {
	AccountID string `json:"accountId"`
}

type itemJSON struct {
	Field      string  `json:"field"`
	FieldID    string  `json:"fieldId"`
	FromString *string `json:"fromString"`
	ToString   *string `json:"toString"`
}

// commentsJSON is the body of Get request comments.
type commentsJSON struct {
	Values []commentJSON `json:"values"`
}

type commentJSON struct {
	ID      string     `json:"id"`
	Public  *bool      `json:"public"`
	Author  authorJSON `json:"author"`
	Created struct {
		ISO8601 jiraTime `json:"iso8601"`
	} `json:"created"`
}

// jiraTime reads Jira's instants: "2015-10-09T10:22:00+0700",
// "1970-01-18T06:27:50.429+0000", or RFC 3339, in UTC (the time package
// would otherwise give "+0000" the machine's zone when it is UTC).
type jiraTime struct{ time.Time }

func (t *jiraTime) UnmarshalJSON(data []byte) error {
	var s string
	if err := json.Unmarshal(data, &s); err != nil {
		return fmt.Errorf("instant %s: want a string", data)
	}
	for _, layout := range []string{"2006-01-02T15:04:05.000-0700", "2006-01-02T15:04:05-0700", time.RFC3339Nano} {
		if v, err := time.Parse(layout, s); err == nil {
			t.Time = v.UTC()
			return nil
		}
	}
	return fmt.Errorf("instant %q: want 2006-01-02T15:04:05.000-0700", s)
}

// entry is one dated piece of the history: a changelog item or a comment.
type entry struct {
	at      time.Time
	comment bool
	item    itemJSON
	author  string
	public  bool
	where   string
}

// Read returns the timeline of issue from its changelog (the body of Get
// changelogs, or of Get changelogs by IDs, whole or pages merged) and its
// comments (the body of Get request comments; nil for none), as the package
// documentation states. A payload that is not that JSON, an issue without
// key or creation, an entry before the creation or without an instant, or a
// timeline sla refuses (an issue without priority and no
// [Mapping.NoPriority], say) are errors wrapping [ErrInvalid]; what the
// mapping does not know is returned in Result.Unmapped.
func Read(issue Issue, changelog, comments io.Reader, m Mapping) (Result, error) {
	if err := m.Validate(); err != nil {
		return Result{}, err
	}
	if issue.Key == "" || issue.Created.IsZero() {
		return Result{}, fmt.Errorf("jira: issue %q created %s: want a key and a creation instant: %w", issue.Key, issue.Created.Format(time.RFC3339), ErrInvalid)
	}
	entries, err := readEntries(changelog, comments)
	if err != nil {
		return Result{}, err
	}
	for _, e := range entries {
		if e.at.Before(issue.Created) {
			return Result{}, fmt.Errorf("jira: %s at %s: before the issue's creation at %s: %w",
				e.where, e.at.Format(time.RFC3339), issue.Created.Format(time.RFC3339), ErrInvalid)
		}
	}
	rd := reader{m: m, issue: issue, b: &history.Builder{}}
	rd.b.Ticket.ID = issue.Key
	rd.open(entries)
	for _, e := range entries {
		if e.comment {
			rd.comment(e)
		} else {
			rd.change(e)
		}
	}
	return rd.result()
}

// readEntries decodes both payloads into entries sorted by time, comments
// first at one instant.
func readEntries(changelog, comments io.Reader) ([]entry, error) {
	var entries []entry
	if changelog != nil {
		var page changelogJSON
		if err := json.NewDecoder(changelog).Decode(&page); err != nil {
			return nil, fmt.Errorf("jira: changelog: %s: %w", err, ErrInvalid)
		}
		for i, h := range append(page.Values, page.Histories...) {
			if h.Created.IsZero() {
				return nil, fmt.Errorf("jira: changelog %d (id %s): no created instant: %w", i+1, h.ID, ErrInvalid)
			}
			for k, it := range h.Items {
				entries = append(entries, entry{at: h.Created.Time, item: it, author: h.Author.AccountID,
					where: fmt.Sprintf("changelog %d (id %s), item %d", i+1, h.ID, k+1)})
			}
		}
	}
	if comments != nil {
		var page commentsJSON
		if err := json.NewDecoder(comments).Decode(&page); err != nil {
			return nil, fmt.Errorf("jira: comments: %s: %w", err, ErrInvalid)
		}
		for i, c := range page.Values {
			if c.Created.ISO8601.IsZero() {
				return nil, fmt.Errorf("jira: comment %d (id %s): no created instant: %w", i+1, c.ID, ErrInvalid)
			}
			entries = append(entries, entry{at: c.Created.ISO8601.Time, comment: true, author: c.Author.AccountID,
				public: c.Public != nil && *c.Public, where: fmt.Sprintf("comment %d (id %s)", i+1, c.ID)})
		}
	}
	slices.SortStableFunc(entries, func(a, b entry) int {
		if c := a.at.Compare(b.at); c != 0 {
			return c
		}
		switch {
		case a.comment && !b.comment:
			return -1
		case b.comment && !a.comment:
			return 1
		}
		return 0
	})
	return entries, nil
}

// reader reads entries into a builder.
type reader struct {
	m     Mapping
	issue Issue
	b     *history.Builder
	prio  bool
}

func key(it itemJSON) string {
	if it.FieldID != "" {
		return it.FieldID
	}
	return it.Field
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// initial returns a field's value at creation: the fromString of its first
// change, else its current value.
func (rd *reader) initial(entries []entry, field string) (string, bool) {
	for _, e := range entries {
		if !e.comment && key(e.item) == field {
			return str(e.item.FromString), true
		}
	}
	v, ok := rd.issue.Current[field]
	return v, ok
}

// open starts the timeline at the issue's creation with the values it had.
func (rd *reader) open(entries []entry) {
	at := rd.issue.Created
	st := Status{State: history.Working}
	if v, ok := rd.initial(entries, "status"); ok {
		if s, ok := rd.m.Statuses[v]; ok {
			st = s
		} else {
			rd.b.Note("creation", "status", v, "status not in the mapping")
		}
	}
	rd.b.Open(at, st)
	if v, ok := rd.initial(entries, "priority"); ok && v != "" {
		if p, ok := rd.m.Priorities[v]; ok {
			rd.b.Priority(at, p, "creation")
			rd.prio = true
		} else {
			rd.b.Note("creation", "priority", v, "priority not in the mapping")
		}
	}
	for _, field := range sortedKeys(rd.m.Fields) {
		if v, ok := rd.initial(entries, field); ok {
			rd.attribute(at, rd.m.Fields[field], v, "creation")
		}
	}
}

// change reads one changelog item.
func (rd *reader) change(e entry) {
	it := e.item
	to := str(it.ToString)
	switch k := key(it); {
	case k == "status":
		st, ok := rd.m.Statuses[to]
		if !ok {
			rd.b.Note(e.where, k, to, "status not in the mapping")
			return
		}
		rd.b.Status(e.at, st, e.where)
	case k == "priority":
		p, ok := rd.m.Priorities[to]
		if !ok {
			rd.b.Note(e.where, k, to, "priority not in the mapping")
			return
		}
		rd.b.Priority(e.at, p, e.where)
		rd.prio = true
	case slices.Contains(rd.m.Ignore, k) || slices.Contains(rd.m.Ignore, it.Field):
	default:
		attr, ok := rd.m.Fields[k]
		if !ok {
			rd.b.Note(e.where, k, to, "field not in the mapping")
			return
		}
		rd.attribute(e.at, attr, to, e.where)
	}
}

// attribute sets an attribute from a field's display value.
func (rd *reader) attribute(at time.Time, attr sla.Attribute, v, where string) {
	if attr == sla.AttrTags {
		rd.b.Attribute(at, attr, "", strings.Fields(v), where)
		return
	}
	rd.b.Attribute(at, attr, v, nil, where)
}

// comment reads a public comment as a reply.
func (rd *reader) comment(e entry) {
	if !e.public {
		return // internal: no reply
	}
	switch a := e.author; {
	case a != "" && a == rd.issue.Reporter, slices.Contains(rd.m.Customers, a):
		rd.b.Reply(e.at, false, e.where)
	case slices.Contains(rd.m.Agents, a), len(rd.m.Agents) == 0 && a != "":
		rd.b.Reply(e.at, true, e.where)
	default:
		rd.b.Note(e.where, "comment author", a, "neither the reporter, a customer nor an agent of the mapping")
	}
}

// result checks the timeline and returns it.
func (rd *reader) result() (Result, error) {
	if !rd.prio {
		if rd.m.NoPriority == sla.PriorityUnknown {
			return Result{}, fmt.Errorf("jira: issue %s: no priority, and the mapping's noPriority is not set: %w", rd.b.Ticket.ID, ErrInvalid)
		}
		rd.b.Ticket.Priority = rd.m.NoPriority
	}
	if err := rd.b.Ticket.Validate(); err != nil {
		return Result{}, fmt.Errorf("jira: issue %s: the timeline read is not valid (%s): %w", rd.b.Ticket.ID, err, ErrInvalid)
	}
	return Result{Ticket: rd.b.Ticket, Unmapped: rd.b.Unmapped}, nil
}
