package sla

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/servuction/servuction"
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
	f.Add([]byte(`{"id":"z","priority":"low","channel":"email","requestKind":"incident","tags":["vip"],"group":"n1","supplier":"telco","timeZone":"America/Bogota",` +
		`"events":[{"kind":"opened","at":"2026-03-02T09:00:00Z"},{"kind":"attribute-changed","at":"2026-03-02T10:00:00Z","attribute":"group","value":"n2"},` +
		`{"kind":"attribute-changed","at":"2026-03-02T10:00:00Z","attribute":"tags","tags":["a","b"]},{"kind":"attribute-changed","at":"2026-03-02T11:00:00Z","attribute":"channel","value":"chat"}]}`))
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

// TestTicketAttributesJSON checks the attributes and attribute changes of a
// ticket: lowerCamelCase keys, enums by name, a round trip that changes
// nothing, vendor and Spanish names, and unknown keys refused.
func TestTicketAttributesJSON(t *testing.T) {
	bog := time.FixedZone("COT", -5*3600)
	at := func(h, m int) time.Time { return time.Date(2026, 3, 2, h, m, 0, 0, bog) }
	tk := Ticket{ID: "T-7", Priority: High, Customer: "acme", Service: "fibra", Channel: servuction.Email,
		RequestKind: "incident", Tags: []string{"vip", "sede-norte"}, Group: "soporte-n1", TimeZone: "America/Bogota",
		Events: []Event{
			{Kind: Opened, At: at(9, 0)},
			{Kind: AttributeChanged, At: at(10, 0), Attribute: AttrGroup, Value: "redes"},
			{Kind: AttributeChanged, At: at(10, 5), Attribute: AttrTags, Tags: []string{"vip"}},
			{Kind: AttributeChanged, At: at(10, 6), Attribute: AttrSupplier, Value: "telco"},
			{Kind: AttributeChanged, At: at(11, 0), Attribute: AttrSupplier},
			{Kind: AttributeChanged, At: at(11, 0), Attribute: AttrChannel, Value: "phone"},
		}}
	require.NoError(t, tk.Validate())
	data, err := json.Marshal(tk)
	require.NoError(t, err)
	for _, want := range []string{
		`"channel":"email"`, `"requestKind":"incident"`, `"tags":["vip","sede-norte"]`, `"group":"soporte-n1"`, `"timeZone":"America/Bogota"`,
		`{"kind":"attribute-changed","at":"2026-03-02T10:00:00-05:00","attribute":"group","value":"redes"}`,
		`{"kind":"attribute-changed","at":"2026-03-02T10:05:00-05:00","attribute":"tags","tags":["vip"]}`,
		`{"kind":"attribute-changed","at":"2026-03-02T11:00:00-05:00","attribute":"supplier"}`,
	} {
		assert.Contains(t, string(data), want)
	}
	var back Ticket
	require.NoError(t, json.Unmarshal(data, &back))
	assert.Equal(t, tk.Tags, back.Tags)
	assert.Equal(t, servuction.Email, back.Channel)
	again, err := json.Marshal(back)
	require.NoError(t, err)
	assert.JSONEq(t, string(data), string(again))

	// Vendor and Spanish names of attributes and channels.
	es := `{"id":"x","priority":"alta","channel":"teléfono","events":[{"kind":"abierto","at":"2026-03-02T09:00:00Z"},` +
		`{"kind":"cambio de atributo","at":"2026-03-02T10:00:00Z","attribute":"organización","value":"globex"},` +
		`{"kind":"changed","at":"2026-03-02T10:00:00Z","attribute":"labels","tags":["a"]}]}`
	require.NoError(t, json.Unmarshal([]byte(es), &back))
	assert.Equal(t, servuction.Phone, back.Channel)
	assert.Equal(t, AttrCustomer, back.Events[1].Attribute)
	assert.Equal(t, AttrTags, back.Events[2].Attribute)

	// Unknown keys, in the ticket or in an event, are refused; the ticket is left alone.
	for _, bad := range []string{
		`{"id":"x","priority":"alta","organisation":"acme","events":[{"kind":"abierto","at":"2026-03-02T09:00:00Z"}]}`,
		`{"id":"x","priority":"alta","events":[{"kind":"abierto","at":"2026-03-02T09:00:00Z","by":"bot"}]}`,
		`{"id":"x","priority":"alta","request_kind":"incident","events":[{"kind":"abierto","at":"2026-03-02T09:00:00Z"}]}`,
		`{"id":"x","priority":"alta","events":[{"kind":"abierto","at":"2026-03-02T09:00:00Z"}]} {}`,
	} {
		err := back.UnmarshalJSON([]byte(bad))
		require.Error(t, err, bad)
		assert.ErrorIs(t, err, ErrInvalidTicket, bad)
		assert.Equal(t, "x", back.ID)
		assert.Equal(t, servuction.Phone, back.Channel)
	}
}

// TestTicketAttributeRules checks the validation of attributes and their
// changes, one rule at a time.
func TestTicketAttributeRules(t *testing.T) {
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	open := Event{Kind: Opened, At: t0}
	change := func(a Attribute, v string, tags ...string) Event {
		return Event{Kind: AttributeChanged, At: t0.Add(time.Minute), Attribute: a, Value: v, Tags: tags}
	}
	tests := []struct {
		name string
		tk   Ticket
		want string // "" when valid
	}{
		{"every attribute", Ticket{Channel: servuction.WebChat, RequestKind: "question", Tags: []string{"a"}, Group: "g", Supplier: "s", TimeZone: "Etc/GMT+5",
			Events: []Event{open, change(AttrGroup, ""), change(AttrRequestKind, "incident"), change(AttrCustomer, "c"), change(AttrArea, "a"),
				change(AttrService, "s"), change(AttrSupplier, "s"), change(AttrTimeZone, "Europe/Madrid"), change(AttrTags, ""), change(AttrChannel, "correo")}}, ""},
		{"undefined channel", Ticket{Channel: servuction.Channel(42), Events: []Event{open}}, "channel channel(42) undefined"},
		{"empty tag", Ticket{Tags: []string{"a", " "}, Events: []Event{open}}, "tag 2: empty"},
		{"bad zone", Ticket{TimeZone: "../etc/passwd", Events: []Event{open}}, `time zone "../etc/passwd": want an IANA name`},
		{"zone with a space", Ticket{TimeZone: "America/New York", Events: []Event{open}}, `time zone "America/New York"`},
		{"change without attribute", Ticket{Events: []Event{open, change(AttributeUnknown, "x")}}, "attribute unknown: want one of channel, request-kind, tags"},
		{"tags in value", Ticket{Events: []Event{open, change(AttrTags, "a,b")}}, `value "a,b": a tags change gives the new tags in tags`},
		{"empty tag in a change", Ticket{Events: []Event{open, change(AttrTags, "", "a", "")}}, "tag 2: empty"},
		{"tags on a group change", Ticket{Events: []Event{open, change(AttrGroup, "g", "a")}}, "tags are only allowed on a change of tags, this one changes group"},
		{"unknown channel", Ticket{Events: []Event{open, change(AttrChannel, "fax")}}, `channel "fax": want one of in-person, phone, email`},
		{"bad zone change", Ticket{Events: []Event{open, change(AttrTimeZone, "Mars/Olympus Mons")}}, `time zone "Mars/Olympus Mons"`},
		{"attribute on a reply", Ticket{Events: []Event{open, {Kind: AgentReplied, At: t0, Attribute: AttrGroup}}}, "attribute, value and tags are only allowed on attribute-changed"},
		{"value on a reply", Ticket{Events: []Event{open, {Kind: AgentReplied, At: t0, Value: "x"}}}, "only allowed on attribute-changed"},
		{"tags on a reply", Ticket{Events: []Event{open, {Kind: AgentReplied, At: t0, Tags: []string{"x"}}}}, "only allowed on attribute-changed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.tk.ID, tt.tk.Priority = "T-1", Normal
			err := tt.tk.Validate()
			if tt.want == "" {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidTicket)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}
