package zendesk

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/servuction/servuction"
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

// TestReadAuditsVendorListExample reads the example response of "List Audits
// for a Ticket" as Zendesk documents it, byte for byte in
// testdata/list-audits-for-a-ticket.json:
// https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_audits/#list-audits-for-a-ticket
//
// Its one audit is not the creation audit, so the creation instant is given.
// The private comment is an internal note; the status goes from new to open,
// both "working", so no clock moves; custom_status_id is a field the
// default mapping does not know, and is noted, not guessed. The example sets
// no priority: the mapping's NoPriority applies.
func TestReadAuditsVendorListExample(t *testing.T) {
	m := DefaultMapping()
	m.NoPriority = sla.Normal
	created := time.Date(2011, 9, 25, 22, 0, 0, 0, time.UTC)
	res, err := ReadAudits(open(t, "list-audits-for-a-ticket.json"), m, created)
	require.NoError(t, err)
	assert.Equal(t, sla.Ticket{ID: "666", Priority: sla.Normal, Events: []sla.Event{{Kind: sla.Opened, At: created}}}, res.Ticket)
	assert.Equal(t, []Unmapped{{Where: "audit 1, event 3", Field: "custom_status_id", Value: "123", Reason: "field not in the mapping"}}, res.Unmapped)

	// Without the creation instant the page cannot be read: it does not
	// start at the ticket's creation.
	_, err = ReadAudits(open(t, "list-audits-for-a-ticket.json"), m, time.Time{})
	assert.ErrorIs(t, err, ErrInvalid)
	assert.ErrorContains(t, err, "does not create the ticket")
	// Nor without a priority for tickets that have none.
	_, err = ReadAudits(open(t, "list-audits-for-a-ticket.json"), DefaultMapping(), created)
	assert.ErrorContains(t, err, "no priority")
}

// TestReadAuditsVendorFormatExample reads the audit of the "JSON format"
// example of the Ticket Audits page
// (https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_audits/#json-format),
// byte for byte in testdata/audit-json-format.json, wrapped in the
// {"audits": [...]} of a list. Its public comment is by user 35436, whom
// nothing in the example names requester or agent: the comment is noted
// until the mapping says who 35436 is. The Notification event is skipped.
func TestReadAuditsVendorFormatExample(t *testing.T) {
	audit, err := os.ReadFile("testdata/audit-json-format.json")
	require.NoError(t, err)
	list := []byte(`{"audits": [` + string(audit) + `]}`)
	created := time.Date(2009, 7, 20, 22, 0, 0, 0, time.UTC)
	m := DefaultMapping()
	m.NoPriority = sla.Low
	res, err := ReadAudits(bytes.NewReader(list), m, created)
	require.NoError(t, err)
	assert.Equal(t, []sla.Event{{Kind: sla.Opened, At: created}}, res.Ticket.Events)
	assert.Equal(t, []Unmapped{{Where: "audit 1, event 1", Field: "comment author", Value: "35436",
		Reason: "neither the requester, a customer nor an agent of the mapping"}}, res.Unmapped)

	at := time.Date(2009, 7, 20, 22, 55, 29, 0, time.UTC)
	for _, tt := range []struct {
		name string
		set  func(*Mapping)
		want sla.EventKind
	}{
		{"a customer", func(m *Mapping) { m.Customers = []int64{35436} }, sla.CustomerReplied},
		{"an agent", func(m *Mapping) { m.Agents = []int64{35436} }, sla.AgentReplied},
	} {
		m := m
		tt.set(&m)
		res, err := ReadAudits(bytes.NewReader(list), m, created)
		require.NoError(t, err, tt.name)
		assert.Equal(t, []sla.Event{{Kind: sla.Opened, At: created}, {Kind: tt.want, At: at}}, res.Ticket.Events, tt.name)
		assert.Empty(t, res.Unmapped, tt.name)
	}
}

// TestReadAuditsComposedHistory reads a whole ticket history written by us
// in the shapes the Ticket Audits page and the Ticket Audit events reference
// (https://developer.zendesk.com/documentation/ticketing/reference-guides/ticket-audit-events-reference)
// document: Create, Change, Comment, Notification and an event type this
// package does not read. Every event of the timeline below is worked by hand
// from testdata/composed-history.json.
func TestReadAuditsComposedHistory(t *testing.T) {
	m := DefaultMapping()
	m.Names = map[string]string{"group_id:360001": "Soporte N1", "group_id:360002": "Redes", "organization_id:9001": "Acme"}
	res, err := ReadAudits(open(t, "composed-history.json"), m, time.Time{})
	require.NoError(t, err)
	at := func(day, h, min int) time.Time { return time.Date(2026, 3, day, h, min, 0, 0, time.UTC) }
	want := sla.Ticket{ID: "4242", Priority: sla.High, Channel: servuction.Email, RequestKind: "incident",
		Tags: []string{"vip", "fibra"}, Group: "Soporte N1", Customer: "Acme",
		Events: []sla.Event{
			{Kind: sla.Opened, At: at(2, 9, 0)}, // the requester's comment is the request
			{Kind: sla.AgentReplied, At: at(2, 9, 40)},
			{Kind: sla.Paused, At: at(2, 9, 40), Reason: sla.WaitingCustomer}, // pending
			{Kind: sla.CustomerReplied, At: at(2, 11, 0)},
			{Kind: sla.Resumed, At: at(2, 11, 0)}, // open
			{Kind: sla.PriorityChanged, At: at(2, 11, 30), Priority: sla.Urgent},
			{Kind: sla.AttributeChanged, At: at(2, 11, 30), Attribute: sla.AttrGroup, Value: "Redes"},
			{Kind: sla.Paused, At: at(2, 12, 0), Reason: sla.WaitingThirdParty}, // hold; the private comment is a note
			{Kind: sla.Resumed, At: at(2, 15, 0)},
			{Kind: sla.AttributeChanged, At: at(2, 15, 0), Attribute: sla.AttrTags, Tags: []string{"vip", "fibra", "escalado"}},
			{Kind: sla.AgentReplied, At: at(2, 16, 0)},
			{Kind: sla.Resolved, At: at(2, 16, 0)},
			{Kind: sla.CustomerReplied, At: at(3, 9, 0)},
			{Kind: sla.Reopened, At: at(3, 9, 0)},
			{Kind: sla.Resolved, At: at(3, 10, 0)},
			{Kind: sla.Closed, At: at(6, 10, 0)},
		}}
	assert.Equal(t, want, res.Ticket)
	assert.Equal(t, []Unmapped{
		{Where: "audit 1, event 10", Field: "360011112222", Value: "modem-x", Reason: "field not in the mapping"},
		{Where: "audit 4, event 3", Field: "custom_status_id", Value: "123", Reason: "field not in the mapping"},
		{Where: "audit 5, event 4", Field: "type", Value: "TicketSharingEvent", Reason: "event type not read by this package"},
	}, res.Unmapped)

	// The timeline evaluates: a first response 40 minutes after opening is
	// within a 1-hour target on 24×7.
	a := sla.MustAgreement(sla.AgreementConfig{Name: "z", Kind: sla.ServiceBased, Objectives: []sla.Objective{
		{Metric: sla.FirstResponse, Threshold: 90, Targets: map[sla.Priority]time.Duration{sla.High: time.Hour, sla.Urgent: time.Hour}}}})
	ev, err := a.Evaluate(res.Ticket, at(6, 12, 0))
	require.NoError(t, err)
	fr, ok := ev.Result(sla.FirstResponse)
	require.True(t, ok)
	assert.Equal(t, sla.Met, fr.Status)
	assert.Equal(t, 40*time.Minute, fr.Elapsed)
}

func TestReadAuditsErrors(t *testing.T) {
	m := DefaultMapping()
	m.NoPriority = sla.Normal
	created := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name, in string
		created  time.Time
		says     string
	}{
		{"not JSON", `{"audits": [`, created, "zendesk: audits: "},
		{"no audits", `{"audits": []}`, created, "none"},
		{"two tickets", `{"audits": [{"ticket_id": 1, "created_at": "2026-03-02T10:00:00Z"}, {"ticket_id": 2, "created_at": "2026-03-02T11:00:00Z"}]}`, created, "audit 2: ticket 2"},
		{"out of order", `{"audits": [{"ticket_id": 1, "created_at": "2026-03-02T11:00:00Z"}, {"ticket_id": 1, "created_at": "2026-03-02T10:00:00Z"}]}`, created, "audit 2 at"},
		{"no time", `{"audits": [{"ticket_id": 1}]}`, created, "no created_at"},
		{"a creation and an instant", `{"audits": [{"ticket_id": 1, "created_at": "2026-03-02T10:00:00Z", "events": [{"type": "Create", "field_name": "status", "value": "new"}]}]}`, created, "no creation instant may be given"},
		{"a page before the creation", `{"audits": [{"ticket_id": 1, "created_at": "2026-03-02T08:00:00Z"}]}`, created, "before the creation"},
	}
	for _, tt := range tests {
		_, err := ReadAudits(strings.NewReader(tt.in), m, tt.created)
		assert.ErrorIs(t, err, ErrInvalid, tt.name)
		assert.ErrorContains(t, err, tt.says, tt.name)
		assert.True(t, strings.HasPrefix(err.Error(), "zendesk: "), tt.name)
	}
	bad := DefaultMapping()
	bad.Statuses["pending"] = Status{State: 9}
	_, err := ReadAudits(strings.NewReader(`{}`), bad, created)
	assert.ErrorIs(t, err, ErrInvalid)
	assert.ErrorContains(t, err, `status "pending"`)
}

// TestReadAuditsUnknownStatusAndLateChanges: a status the mapping does not
// know and anything after closing are noted, and the timeline stays valid.
func TestReadAuditsUnknownStatusAndLateChanges(t *testing.T) {
	in := `{"audits": [
	 {"ticket_id": 5, "created_at": "2026-03-02T09:00:00Z", "via": {"channel": "carrier-pigeon"}, "events": [
	   {"type": "Create", "field_name": "status", "value": "new"}, {"type": "Create", "field_name": "priority", "value": "low"},
	   {"type": "Create", "field_name": "requester_id", "value": 1}]},
	 {"ticket_id": 5, "created_at": "2026-03-02T10:00:00Z", "events": [{"type": "Change", "field_name": "status", "value": "triage"},
	   {"type": "Change", "field_name": "priority", "value": "blocker"}]},
	 {"ticket_id": 5, "created_at": "2026-03-02T11:00:00Z", "events": [{"type": "Change", "field_name": "status", "value": "closed"}]},
	 {"ticket_id": 5, "created_at": "2026-03-02T12:00:00Z", "author_id": 1, "events": [{"type": "Comment", "public": true}]}]}`
	res, err := ReadAudits(strings.NewReader(in), DefaultMapping(), time.Time{})
	require.NoError(t, err)
	assert.Equal(t, sla.Low, res.Ticket.Priority)
	assert.Equal(t, servuction.ChannelUnknown, res.Ticket.Channel)
	assert.Equal(t, []sla.EventKind{sla.Opened, sla.Closed}, kinds(res.Ticket.Events))
	assert.Equal(t, []Unmapped{
		{Where: "audit 1", Field: "via.channel", Value: "carrier-pigeon", Reason: "channel not in the mapping"},
		{Where: "audit 2, event 1", Field: "status", Value: "triage", Reason: "status not in the mapping"},
		{Where: "audit 2, event 2", Field: "priority", Value: "blocker", Reason: "priority not in the mapping"},
		{Where: "audit 4, event 1", Field: "comment", Reason: "after the ticket was closed"},
	}, res.Unmapped)
}

func kinds(evs []sla.Event) []sla.EventKind {
	out := make([]sla.EventKind, len(evs))
	for i, e := range evs {
		out[i] = e.Kind
	}
	return out
}

func TestMappingJSON(t *testing.T) {
	m := DefaultMapping()
	m.NoPriority = sla.Normal
	m.Names = map[string]string{"group_id:1": "N1"}
	m.Agents = []int64{7}
	data, err := json.Marshal(m)
	require.NoError(t, err)
	var back Mapping
	require.NoError(t, json.Unmarshal(data, &back))
	assert.Equal(t, m, back)

	var es Mapping
	require.NoError(t, json.Unmarshal([]byte(`{"statuses": {"pendiente": "waiting-customer"}, "priorities": {"alta": "alta"}, "fields": {"grupo": "grupo"}}`), &es))
	assert.Equal(t, Status{State: history.Waiting, Reason: sla.WaitingCustomer}, es.Statuses["pendiente"])
	assert.Equal(t, sla.High, es.Priorities["alta"])
	assert.Equal(t, sla.AttrGroup, es.Fields["grupo"])

	for _, bad := range []string{
		`{"statuses": {"pending": "asleep"}}`,
		`{"priorities": {"p1": "blocker"}}`,
		`{"channels": {"x": "pigeon"}}`,
		`{"fields": {"x": "colour"}}`,
		`{"fields": {"subject": "service"}, "ignore": ["subject"]}`,
		`{"noPriority": "soon"}`,
		`{"status": {}}`,
		`{"statuses": []}`,
	} {
		kept := DefaultMapping()
		m := kept
		err := json.Unmarshal([]byte(bad), &m)
		assert.ErrorIs(t, err, ErrInvalid, bad)
		assert.Equal(t, kept, m, "unchanged on error: %s", bad)
	}
}

func FuzzReadAudits(f *testing.F) {
	for _, name := range []string{"composed-history.json", "list-audits-for-a-ticket.json"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	m := DefaultMapping()
	m.NoPriority = sla.Normal
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, created := range []time.Time{{}, time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)} {
			res, err := ReadAudits(bytes.NewReader(data), m, created)
			if err != nil {
				if !strings.HasPrefix(err.Error(), "zendesk: ") {
					t.Fatalf("error without the package prefix: %v", err)
				}
				continue
			}
			if err := res.Ticket.Validate(); err != nil {
				t.Fatalf("an invalid timeline was returned: %v", err)
			}
		}
	})
}

func FuzzMappingJSON(f *testing.F) {
	data, _ := json.Marshal(DefaultMapping())
	f.Add(data)
	f.Add([]byte(`{"statuses": {"pendiente": "waiting-customer"}}`))
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
