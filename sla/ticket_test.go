package sla

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTicketJSON(t *testing.T) {
	bog := time.FixedZone("COT", -5*3600)
	tk := Ticket{ID: "T-9", Priority: Normal, Customer: "acme", Area: "ventas", Service: "internet", Events: []Event{
		{Kind: Opened, At: time.Date(2026, 3, 2, 9, 0, 0, 0, bog)},
		{Kind: Paused, At: time.Date(2026, 3, 2, 10, 0, 0, 0, bog), Reason: WaitingThirdParty},
		{Kind: Resumed, At: time.Date(2026, 3, 2, 11, 0, 0, 0, bog)},
		{Kind: PriorityChanged, At: time.Date(2026, 3, 2, 11, 0, 0, 0, bog), Priority: Urgent},
		{Kind: Resolved, At: time.Date(2026, 3, 2, 12, 0, 0, 0, bog)},
	}}
	data, err := json.Marshal(tk)
	require.NoError(t, err)
	assert.Contains(t, string(data), `{"kind":"paused","at":"2026-03-02T10:00:00-05:00","reason":"waiting-third-party"}`)
	assert.Contains(t, string(data), `{"kind":"priority-changed","at":"2026-03-02T11:00:00-05:00","priority":"urgent"}`)
	var back Ticket
	require.NoError(t, json.Unmarshal(data, &back))
	again, err := json.Marshal(back)
	require.NoError(t, err)
	assert.JSONEq(t, string(data), string(again))

	// Spanish names are accepted.
	es := `{"id":"x","priority":"alta","events":[{"kind":"abierto","at":"2026-03-02T09:00:00Z"},{"kind":"en espera","at":"2026-03-02T10:00:00Z","reason":"en espera del cliente"},{"kind":"reanudado","at":"2026-03-02T11:00:00Z"}]}`
	require.NoError(t, json.Unmarshal([]byte(es), &back))
	assert.Equal(t, High, back.Priority)
	assert.Equal(t, WaitingCustomer, back.Events[1].Reason)

	// Invalid timelines and names are rejected and leave the ticket alone.
	for _, bad := range []string{
		`{"id":"x","priority":"alta","events":[{"kind":"abierto","at":"2026-03-02T09:00:00Z"},{"kind":"reanudado","at":"2026-03-02T11:00:00Z"}]}`,
		`{"id":"x","priority":"vip","events":[{"kind":"abierto","at":"2026-03-02T09:00:00Z"}]}`,
		`{"id":"x","priority":"alta","events":[{"kind":"escalated","at":"2026-03-02T09:00:00Z"}]}`,
	} {
		err := json.Unmarshal([]byte(bad), &back)
		require.Error(t, err, bad)
		assert.True(t, errors.Is(err, ErrInvalidTicket), "%v", err)
		assert.Equal(t, High, back.Priority)
	}
}

func FuzzTicketJSON(f *testing.F) {
	f.Add([]byte(`{"id":"x","priority":"alta","events":[{"kind":"abierto","at":"2026-03-02T09:00:00Z"},{"kind":"paused","at":"2026-03-02T10:00:00Z","reason":"customer"},{"kind":"resumed","at":"2026-03-02T11:00:00Z"},{"kind":"priority-changed","at":"2026-03-02T11:00:00Z","priority":"low"},{"kind":"closed","at":"2026-03-02T12:00:00Z"}]}`))
	f.Add([]byte(`{"id":"y","priority":"high","events":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var tk Ticket
		if err := tk.UnmarshalJSON(data); err != nil {
			if !errors.Is(err, ErrInvalidTicket) {
				t.Fatalf("error does not wrap ErrInvalidTicket: %v", err)
			}
			return
		}
		if err := tk.Validate(); err != nil {
			t.Fatalf("decoded an invalid ticket: %v", err)
		}
		out, err := json.Marshal(tk)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		var back Ticket
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("decode what was encoded: %v\n%s", err, out)
		}
		again, _ := json.Marshal(back)
		if string(again) != string(out) {
			t.Fatalf("round trip changed the ticket:\n%s\n%s", out, again)
		}
	})
}
