package sla

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// countWrapped returns how many times target occurs in err's tree.
func countWrapped(err, target error) int {
	if err == nil {
		return 0
	}
	n := 0
	if err == target {
		n++
	}
	switch u := err.(type) {
	case interface{ Unwrap() []error }:
		for _, e := range u.Unwrap() {
			n += countWrapped(e, target)
		}
	case interface{ Unwrap() error }:
		n += countWrapped(u.Unwrap(), target)
	}
	return n
}

// TestErrorConvention is defect G of issue 13 for tickets, objectives,
// agreements and their JSON: each message has one package prefix,
// positions count from 1, and the sentinel is wrapped once.
func TestErrorConvention(t *testing.T) {
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	decode := func(s string) error {
		var a Agreement
		return json.Unmarshal([]byte(s), &a)
	}
	decodeTicket := func(s string) error {
		var tk Ticket
		return tk.UnmarshalJSON([]byte(s))
	}
	_, newErr := NewAgreement(AgreementConfig{Name: "x", Kind: ServiceBased, Units: []Unit{{Name: "u"}},
		Objectives: []Objective{{Metric: Resolution, Threshold: 0, Targets: map[Priority]time.Duration{High: time.Hour}}}})
	tests := []struct {
		name     string
		err      error
		sentinel error
		want     string // a part of the message, with 1-based positions
	}{
		{"first event", Ticket{ID: "T", Priority: High, Events: []Event{{Kind: AgentReplied, At: t0}}}.Validate(), ErrInvalidTicket,
			`sla: ticket "T": event 1 (agent-replied): the first event must be opened`},
		{"back in time", Ticket{ID: "T", Priority: High, Events: []Event{{Kind: Opened, At: t0}, {Kind: AgentReplied, At: t0.Add(-time.Minute)}}}.Validate(),
			ErrInvalidTicket, "event 2 (agent-replied at 2026-03-02T08:59:00Z): goes back in time, before event 1 at"},
		{"objective", newErr, ErrInvalidAgreement, `sla: agreement "x": objective 1 (resolution): threshold 0 outside (0, 100]`},
		{"unit", newErr, ErrInvalidAgreement, "units are only for multilevel agreements"},
		{"bad target in JSON", decode(`{"name":"x","kind":"service-based","objectives":[{"metric":"resolution","targets":{"high":"zz"},"threshold":90}]}`),
			ErrInvalidAgreement, `target for high: duration "zz": want text such as`},
		{"bad priority in JSON", decode(`{"name":"x","kind":"service-based","objectives":[{"metric":"resolution","targets":{"vip":"4h"},"threshold":90}]}`),
			ErrInvalidAgreement, `priority "vip": unknown name (want one of low, normal, high, urgent)`},
		{"bad calendar in JSON", decode(`{"name":"x","kind":"service-based","calendars":{"o":{"week":{"monday":["09:00-25:00"]}}},"objectives":[]}`),
			ErrInvalidAgreement, `calendar "o"`},
		{"bad kind in JSON", decode(`{"name":"x","kind":"gold","objectives":[]}`), ErrInvalidAgreement, `kind "gold": unknown name`},
		{"bad ticket JSON", decodeTicket(`{"id":"x","priority":"vip","events":[]}`), ErrInvalidTicket, `priority "vip": unknown name`},
		{"unknown key in a ticket", decodeTicket(`{"id":"x","priority":"high","owner":"me","events":[]}`), ErrInvalidTicket, `unknown field "owner"`},
		{"duration", func() error { _, err := ParseDuration("4x"); return err }(), ErrInvalidDuration, `sla: duration "4x"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Error(t, tt.err)
			assert.True(t, errors.Is(tt.err, tt.sentinel), "%v", tt.err)
			assert.Contains(t, tt.err.Error(), tt.want)
			msgs := []error{tt.err}
			if j, ok := tt.err.(interface{ Unwrap() []error }); ok && strings.Contains(tt.err.Error(), "\n") {
				msgs = j.Unwrap() // errors.Join: one message per problem
			}
			for _, m := range msgs {
				assert.Equal(t, 1, countWrapped(m, tt.sentinel), "the sentinel is wrapped once: %v", m)
			}
			for _, line := range strings.Split(tt.err.Error(), "\n") {
				// One prefix, and the sentinel's text once, at the end.
				body, ok := strings.CutSuffix(line, ": "+tt.sentinel.Error())
				assert.True(t, ok, "ends with the sentinel's text: %q", line)
				assert.True(t, strings.HasPrefix(body, "sla: "), "starts with the prefix: %q", line)
				assert.Equal(t, 1, strings.Count(body, "sla: "), "one package prefix per message: %q", line)
				assert.NotContains(t, line, "json: ", "no other package's prefix: %q", line)
			}
		})
	}
}
