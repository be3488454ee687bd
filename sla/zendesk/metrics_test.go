package zendesk

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/servuction/servuction/sla"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReadMetricEventsVendorExample reads the examples of the Ticket metric
// event types reference
// (https://developer.zendesk.com/documentation/ticketing/reference-guides/ticket-metric-event-types-reference),
// byte for byte in testdata/metric-event-types.json in the
// {"ticket_metric_events": [...]} of the List Ticket Metric Events response
// (https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_metric_events/):
// requester_wait_time activated at 08:00 (the ticket's creation), paused at
// 08:30 (pending: waiting for the customer) and activated again at 09:00.
func TestReadMetricEventsVendorExample(t *testing.T) {
	m := DefaultMapping()
	m.NoPriority = sla.Normal
	res, err := ReadMetricEvents(open(t, "metric-event-types.json"), m)
	require.NoError(t, err)
	at := func(h, min int) time.Time { return time.Date(2015, 8, 27, h, min, 0, 0, time.UTC) }
	assert.Equal(t, sla.Ticket{ID: "987", Priority: sla.Normal, Events: []sla.Event{
		{Kind: sla.Opened, At: at(8, 0)},
		{Kind: sla.Paused, At: at(8, 30), Reason: sla.WaitingCustomer},
		{Kind: sla.Resumed, At: at(9, 0)},
	}}, res.Ticket)
	assert.Empty(t, res.Unmapped)
	_, err = ReadMetricEvents(open(t, "metric-event-types.json"), DefaultMapping())
	assert.ErrorContains(t, err, "noPriority")
}

// TestReadMetricEventsWholeClock reads a ticket's metric events written by
// us in the documented shape, out of order: reply_time fulfil events are
// agent replies and its later instances customer replies; requester wait
// time pauses, resumes, solves and reopens; the skipped metrics and
// Zendesk's own SLA events change nothing; an unknown metric is noted.
func TestReadMetricEventsWholeClock(t *testing.T) {
	in := `{"ticket_metric_events": [
	 {"id": 9, "ticket_id": 1, "metric": "requester_wait_time", "instance_id": 1, "type": "fulfill", "time": "2026-03-02T16:00:00Z"},
	 {"id": 1, "ticket_id": 1, "metric": "reply_time", "instance_id": 1, "type": "activate", "time": "2026-03-02T09:00:00Z"},
	 {"id": 2, "ticket_id": 1, "metric": "requester_wait_time", "instance_id": 1, "type": "activate", "time": "2026-03-02T09:00:00Z"},
	 {"id": 3, "ticket_id": 1, "metric": "agent_work_time", "instance_id": 1, "type": "activate", "time": "2026-03-02T09:00:00Z"},
	 {"id": 4, "ticket_id": 1, "metric": "reply_time", "instance_id": 1, "type": "apply_sla", "time": "2026-03-02T09:00:00Z"},
	 {"id": 5, "ticket_id": 1, "metric": "reply_time", "instance_id": 1, "type": "fulfill", "time": "2026-03-02T09:40:00Z"},
	 {"id": 6, "ticket_id": 1, "metric": "requester_wait_time", "instance_id": 1, "type": "pause", "time": "2026-03-02T09:40:00Z"},
	 {"id": 7, "ticket_id": 1, "metric": "reply_time", "instance_id": 2, "type": "activate", "time": "2026-03-02T11:00:00Z"},
	 {"id": 8, "ticket_id": 1, "metric": "requester_wait_time", "instance_id": 1, "type": "activate", "time": "2026-03-02T11:00:00Z"},
	 {"id": 10, "ticket_id": 1, "metric": "reply_time", "instance_id": 2, "type": "breach", "time": "2026-03-02T19:00:00Z"},
	 {"id": 11, "ticket_id": 1, "metric": "requester_wait_time", "instance_id": 1, "type": "activate", "time": "2026-03-03T09:00:00Z"},
	 {"id": 12, "ticket_id": 1, "metric": "happiness", "instance_id": 1, "type": "activate", "time": "2026-03-03T09:30:00Z"}]}`
	m := DefaultMapping()
	m.NoPriority = sla.High
	res, err := ReadMetricEvents(strings.NewReader(in), m)
	require.NoError(t, err)
	at := func(day, h, min int) time.Time { return time.Date(2026, 3, day, h, min, 0, 0, time.UTC) }
	assert.Equal(t, []sla.Event{
		{Kind: sla.Opened, At: at(2, 9, 0)},
		{Kind: sla.AgentReplied, At: at(2, 9, 40)},
		{Kind: sla.Paused, At: at(2, 9, 40), Reason: sla.WaitingCustomer},
		{Kind: sla.CustomerReplied, At: at(2, 11, 0)},
		{Kind: sla.Resumed, At: at(2, 11, 0)},
		{Kind: sla.Resolved, At: at(2, 16, 0)},
		{Kind: sla.Reopened, At: at(3, 9, 0)},
	}, res.Ticket.Events)
	assert.Equal(t, []Unmapped{{Where: "metric event 12 (id 12)", Field: "happiness", Value: "activate", Reason: "metric event not read by this package"}}, res.Unmapped)
}

func TestReadMetricEventsErrors(t *testing.T) {
	m := DefaultMapping()
	m.NoPriority = sla.Normal
	for _, tt := range []struct{ name, in, says string }{
		{"not JSON", `[`, "zendesk: metric events: "},
		{"none", `{"ticket_metric_events": []}`, "none"},
		{"two tickets", `{"ticket_metric_events": [{"ticket_id": 1, "time": "2026-03-02T09:00:00Z"}, {"ticket_id": 2, "time": "2026-03-02T09:00:00Z"}]}`, "metric event 2: ticket 2"},
		{"no time", `{"ticket_metric_events": [{"ticket_id": 1, "type": "activate"}]}`, "no time"},
		{"never activated", `{"ticket_metric_events": [{"ticket_id": 1, "metric": "reply_time", "type": "breach", "time": "2026-03-02T09:00:00Z"}]}`, "no activate event"},
	} {
		_, err := ReadMetricEvents(strings.NewReader(tt.in), m)
		assert.ErrorIs(t, err, ErrInvalid, tt.name)
		assert.ErrorContains(t, err, tt.says, tt.name)
	}
}

func FuzzReadMetricEvents(f *testing.F) {
	data, err := os.ReadFile("testdata/metric-event-types.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	m := DefaultMapping()
	m.NoPriority = sla.Normal
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := ReadMetricEvents(bytes.NewReader(data), m)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "zendesk: ") {
				t.Fatalf("error without the package prefix: %v", err)
			}
			return
		}
		if err := res.Ticket.Validate(); err != nil {
			t.Fatalf("an invalid timeline was returned: %v", err)
		}
	})
}
