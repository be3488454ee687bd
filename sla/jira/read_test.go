package jira

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/servuction/servuction/sla"
	"github.com/servuction/servuction/sla/internal/history"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func open(t *testing.T, name string) *os.File {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	require.NoError(t, err)
	t.Cleanup(func() { f.Close() })
	return f
}

// TestReadVendorChangelogExample reads the example response of "Get
// changelogs" as Atlassian documents it, in testdata/get-changelogs.json:
// https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-changelog-get
//
// Both of its changelogs change the placeholder field "fields" (fieldId
// "fieldId") from "" to "label-1" and then to "label-1 label-2": a field the
// mapping does not know, noted twice and not guessed to be the labels.
func TestReadVendorChangelogExample(t *testing.T) {
	created := time.Date(1970, 1, 18, 6, 0, 0, 0, time.UTC)
	issue := Issue{Key: "TT-1", Created: created, Current: map[string]string{"status": "Waiting for support", "priority": "Medium"}}
	res, err := Read(issue, open(t, "get-changelogs.json"), nil, DefaultMapping())
	require.NoError(t, err)
	assert.Equal(t, sla.Ticket{ID: "TT-1", Priority: sla.Normal, Events: []sla.Event{{Kind: sla.Opened, At: created}}}, res.Ticket)
	assert.Equal(t, []Unmapped{
		{Where: "changelog 1 (id 10001), item 1", Field: "fieldId", Value: "label-1", Reason: "field not in the mapping"},
		{Where: "changelog 2 (id 10002), item 1", Field: "fieldId", Value: "label-1 label-2", Reason: "field not in the mapping"},
	}, res.Unmapped)
	// Once the mapping says what the field is, the changes are read.
	m := DefaultMapping()
	m.Fields["fieldId"] = sla.AttrTags
	res, err = Read(issue, open(t, "get-changelogs.json"), nil, m)
	require.NoError(t, err)
	assert.Empty(t, res.Unmapped)
	assert.Nil(t, res.Ticket.Tags, `the first change's fromString "" is the value at creation`)
	assert.Equal(t, []sla.Event{
		{Kind: sla.Opened, At: created},
		{Kind: sla.AttributeChanged, At: time.Date(1970, 1, 18, 6, 27, 50, 429e6, time.UTC), Attribute: sla.AttrTags, Tags: []string{"label-1"}},
		{Kind: sla.AttributeChanged, At: time.Date(1970, 1, 18, 6, 27, 51, 429e6, time.UTC), Attribute: sla.AttrTags, Tags: []string{"label-1", "label-2"}},
	}, res.Ticket.Events)
}

// TestReadVendorCommentsExample reads the example response of Jira Service
// Management's "Get request comments",
// https://developer.atlassian.com/cloud/jira/service-desk/rest/api-group-request/#api-rest-servicedeskapi-request-issueidorkey-comment-get,
// in testdata/get-request-comments.json: one public comment by Fred F. User
// at 2015-10-09T10:22:00+0700. By the reporter it is a customer reply; by
// anyone else an agent reply; by someone the mapping lists neither as agent
// nor as customer (when it lists agents) it is noted.
func TestReadVendorCommentsExample(t *testing.T) {
	fred := "qm:a713c8ea-1075-4e30-9d96-891a7d181739:5ad6d3581db05e2a66fa80b"
	created := time.Date(2015, 10, 9, 0, 0, 0, 0, time.UTC)
	at := time.Date(2015, 10, 9, 3, 22, 0, 0, time.UTC)
	issue := Issue{Key: "HELPDESK-1", Created: created, Reporter: fred, Current: map[string]string{"priority": "High"}}
	tests := []struct {
		name     string
		reporter string
		agents   []string
		want     []sla.EventKind
		unmapped int
	}{
		{"by the reporter", fred, nil, []sla.EventKind{sla.Opened, sla.CustomerReplied}, 0},
		{"by an agent", "someone-else", nil, []sla.EventKind{sla.Opened, sla.AgentReplied}, 0},
		{"by a stranger", "someone-else", []string{"agent-9"}, []sla.EventKind{sla.Opened}, 1},
	}
	for _, tt := range tests {
		issue.Reporter = tt.reporter
		m := DefaultMapping()
		m.Agents = tt.agents
		res, err := Read(issue, nil, open(t, "get-request-comments.json"), m)
		require.NoError(t, err, tt.name)
		var got []sla.EventKind
		for _, e := range res.Ticket.Events {
			got = append(got, e.Kind)
		}
		assert.Equal(t, tt.want, got, tt.name)
		assert.Len(t, res.Unmapped, tt.unmapped, tt.name)
		if len(res.Ticket.Events) == 2 {
			assert.True(t, res.Ticket.Events[1].At.Equal(at), tt.name)
		}
	}
}

// TestReadComposedHistory reads a whole JSM history written by us in the
// documented shapes of Get changelogs and Get request comments: every event
// below is worked by hand from testdata/composed-*.json.
func TestReadComposedHistory(t *testing.T) {
	at := func(day, h, min int) time.Time { return time.Date(2026, 3, day, h, min, 0, 0, time.UTC) }
	issue := Issue{Key: "IT-42", Created: at(2, 9, 0), Reporter: "cust-1",
		Current: map[string]string{"status": "Awaiting triage", "priority": "High", "labels": "vip", "components": "Fibra"}}
	res, err := Read(issue, open(t, "composed-changelog.json"), open(t, "composed-comments.json"), DefaultMapping())
	require.NoError(t, err)
	in := func(e sla.Event) sla.Event { e.At = e.At.UTC(); return e }
	var got []sla.Event
	for _, e := range res.Ticket.Events {
		got = append(got, in(e))
	}
	assert.Equal(t, sla.Normal, res.Ticket.Priority, "the first priority change was from Medium")
	assert.Nil(t, res.Ticket.Tags, "the labels were empty at creation")
	assert.Equal(t, "", res.Ticket.Service)
	assert.Equal(t, []sla.Event{
		{Kind: sla.Opened, At: at(2, 9, 0)}, // Waiting for support
		// 09:30 Waiting for support → In Progress: both working, nothing.
		{Kind: sla.AgentReplied, At: at(2, 9, 45)}, // the comment comes first at one instant
		{Kind: sla.Paused, At: at(2, 9, 45), Reason: sla.WaitingCustomer},
		{Kind: sla.CustomerReplied, At: at(2, 10, 30)},
		{Kind: sla.Resumed, At: at(2, 10, 30)},
		{Kind: sla.PriorityChanged, At: at(2, 11, 0), Priority: sla.High},
		{Kind: sla.AttributeChanged, At: at(2, 11, 0), Attribute: sla.AttrTags, Tags: []string{"vip"}},
		// 12:00 an internal comment: no reply.
		{Kind: sla.Paused, At: at(2, 13, 0), Reason: sla.WaitingThirdParty}, // Pending
		{Kind: sla.Resumed, At: at(2, 15, 0)},
		{Kind: sla.AttributeChanged, At: at(2, 15, 0), Attribute: sla.AttrService, Value: "Fibra"},
		{Kind: sla.AgentReplied, At: at(2, 16, 0)},
		{Kind: sla.Resolved, At: at(2, 16, 0)},
	}, got)
	assert.Equal(t, []Unmapped{
		{Where: "changelog 4 (id 10103), item 3", Field: "customfield_10010", Value: "Report a system problem", Reason: "field not in the mapping"},
		{Where: "changelog 8 (id 10108), item 1", Field: "status", Value: "Awaiting triage", Reason: "status not in the mapping"},
	}, res.Unmapped)
}

func TestReadErrors(t *testing.T) {
	created := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	issue := Issue{Key: "X-1", Created: created, Current: map[string]string{"priority": "Low"}}
	for _, tt := range []struct {
		name               string
		issue              Issue
		changelog, comment string
		says               string
	}{
		{"no key", Issue{Created: created}, "", "", "want a key"},
		{"no creation", Issue{Key: "X-1"}, "", "", "want a key and a creation instant"},
		{"changelog not JSON", issue, `{"values": [`, "", "jira: changelog: "},
		{"comments not JSON", issue, "", `[1]`, "jira: comments: "},
		{"bad instant", issue, `{"values": [{"id": "1", "created": "yesterday", "items": []}]}`, "", `instant "yesterday"`},
		{"no instant", issue, `{"values": [{"id": "1", "items": []}]}`, "", "no created instant"},
		{"comment without instant", issue, "", `{"values": [{"id": "5", "public": true}]}`, "comment 1 (id 5): no created instant"},
		{"before the creation", issue, `{"values": [{"id": "1", "created": "2026-03-01T09:00:00.000+0000", "items": [{"fieldId": "status", "toString": "Done"}]}]}`, "", "before the issue's creation"},
		{"no priority", Issue{Key: "X-1", Created: created}, "", "", "no priority"},
	} {
		var cl, co *strings.Reader
		var err error
		switch {
		case tt.changelog != "" && tt.comment != "":
			cl, co = strings.NewReader(tt.changelog), strings.NewReader(tt.comment)
			_, err = Read(tt.issue, cl, co, DefaultMapping())
		case tt.changelog != "":
			_, err = Read(tt.issue, strings.NewReader(tt.changelog), nil, DefaultMapping())
		case tt.comment != "":
			_, err = Read(tt.issue, nil, strings.NewReader(tt.comment), DefaultMapping())
		default:
			_, err = Read(tt.issue, nil, nil, DefaultMapping())
		}
		assert.ErrorIs(t, err, ErrInvalid, tt.name)
		assert.ErrorContains(t, err, tt.says, tt.name)
		assert.True(t, strings.HasPrefix(err.Error(), "jira: "), tt.name)
	}
}

func TestMappingJSON(t *testing.T) {
	m := DefaultMapping()
	m.NoPriority = sla.Normal
	m.Agents = []string{"agent-1"}
	data, err := json.Marshal(m)
	require.NoError(t, err)
	var back Mapping
	require.NoError(t, json.Unmarshal(data, &back))
	assert.Equal(t, m, back)
	var es Mapping
	require.NoError(t, json.Unmarshal([]byte(`{"statuses": {"Esperando al cliente": "waiting-customer"}, "priorities": {"Alta": "alta"}, "fields": {"customfield_10010": "tipo de solicitud"}}`), &es))
	assert.Equal(t, Status{State: history.Waiting, Reason: sla.WaitingCustomer}, es.Statuses["Esperando al cliente"])
	assert.Equal(t, sla.AttrRequestKind, es.Fields["customfield_10010"])
	for _, bad := range []string{
		`{"statuses": {"Open": "asleep"}}`,
		`{"priorities": {"P1": "blocker"}}`,
		`{"fields": {"labels": "colour"}}`,
		`{"fields": {"status": "group"}}`,
		`{"fields": {"x": "channel"}}`,
		`{"fields": {"summary": "service"}, "ignore": ["summary"]}`,
		`{"statuses": {}, "extra": 1}`,
	} {
		kept := DefaultMapping()
		m := kept
		err := json.Unmarshal([]byte(bad), &m)
		assert.ErrorIs(t, err, ErrInvalid, bad)
		assert.Equal(t, kept, m, "unchanged on error: %s", bad)
	}
}

func FuzzRead(f *testing.F) {
	cl, err := os.ReadFile("testdata/composed-changelog.json")
	if err != nil {
		f.Fatal(err)
	}
	co, err := os.ReadFile("testdata/composed-comments.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(cl, co)
	issue := Issue{Key: "IT-42", Created: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC), Reporter: "cust-1", Current: map[string]string{"priority": "High"}}
	f.Fuzz(func(t *testing.T, changelog, comments []byte) {
		res, err := Read(issue, bytes.NewReader(changelog), bytes.NewReader(comments), DefaultMapping())
		if err != nil {
			if !strings.HasPrefix(err.Error(), "jira: ") {
				t.Fatalf("error without the package prefix: %v", err)
			}
			return
		}
		if err := res.Ticket.Validate(); err != nil {
			t.Fatalf("an invalid timeline was returned: %v", err)
		}
	})
}

func FuzzMappingJSON(f *testing.F) {
	data, _ := json.Marshal(DefaultMapping())
	f.Add(data)
	f.Fuzz(func(t *testing.T, data []byte) {
		var m Mapping
		if err := json.Unmarshal(data, &m); err != nil {
			return
		}
		out, err := json.Marshal(m)
		if err != nil {
			t.Fatalf("a decoded mapping does not encode: %v", err)
		}
		var back Mapping
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("round trip: %v", err)
		}
	})
}
