package sla

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTicketValidateRules checks each rule of the ticket timeline on its own:
// the message names the first problem and a valid timeline has none.
func TestTicketValidateRules(t *testing.T) {
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	at := func(m int) time.Time { return t0.Add(time.Duration(m) * time.Minute) }
	ev := func(k EventKind, m int) Event { return Event{Kind: k, At: at(m)} }
	tests := []struct {
		name   string
		events []Event
		want   string // "" when valid
	}{
		{"open only", []Event{ev(Opened, 0)}, ""},
		{"full life", []Event{ev(Opened, 0), ev(AgentReplied, 1), ev(CustomerReplied, 2), {Kind: Paused, At: at(3), Reason: Scheduled},
			ev(Resumed, 4), {Kind: PriorityChanged, At: at(5), Priority: Low}, ev(Resolved, 6), ev(Reopened, 7), ev(Resolved, 8), ev(Closed, 9)}, ""},
		{"same instant is not back in time", []Event{ev(Opened, 0), ev(AgentReplied, 0), ev(Resolved, 0)}, ""},
		{"pause without a reason", []Event{ev(Opened, 0), ev(Paused, 1), ev(Resumed, 2)}, ""},
		{"no events", nil, "no events"},
		{"first event not opened", []Event{ev(AgentReplied, 0)}, "event 1 (agent-replied): the first event must be opened"},
		{"back in time", []Event{ev(Opened, 5), ev(AgentReplied, 4)}, "event 2 (agent-replied at 2026-03-02T09:04:00Z): goes back in time, before event 1"},
		{"after close", []Event{ev(Opened, 0), ev(Closed, 1), ev(AgentReplied, 2)}, "event 3 (agent-replied at 2026-03-02T09:02:00Z): the ticket is already closed"},
		{"priority on a reply", []Event{ev(Opened, 0), {Kind: AgentReplied, At: at(1), Priority: High}}, "priority high is only allowed on priority-changed"},
		{"reason on a reply", []Event{ev(Opened, 0), {Kind: AgentReplied, At: at(1), Reason: Scheduled}}, "reason scheduled is only allowed on paused"},
		{"opened twice", []Event{ev(Opened, 0), ev(Opened, 1)}, "event 2 (opened at 2026-03-02T09:01:00Z): opened twice"},
		{"undefined reason", []Event{ev(Opened, 0), {Kind: Paused, At: at(1), Reason: PauseReason(9)}}, "undefined"},
		{"paused twice", []Event{ev(Opened, 0), ev(Paused, 1), ev(Paused, 2)}, "event 3 (paused at 2026-03-02T09:02:00Z): paused while already paused"},
		{"resume without pause", []Event{ev(Opened, 0), ev(Resumed, 1)}, "resumed without a pause"},
		{"resume twice", []Event{ev(Opened, 0), ev(Paused, 1), ev(Resumed, 2), ev(Resumed, 3)}, "event 4 (resumed at 2026-03-02T09:03:00Z): resumed without a pause"},
		{"priority change to unknown", []Event{ev(Opened, 0), ev(PriorityChanged, 1)}, "priority unknown: want low, normal, high or urgent"},
		{"resolved twice", []Event{ev(Opened, 0), ev(Resolved, 1), ev(Resolved, 2)}, "resolved twice without a reopen"},
		{"reopen unresolved", []Event{ev(Opened, 0), ev(Reopened, 1)}, "reopened without being resolved"},
		{"reopen twice", []Event{ev(Opened, 0), ev(Resolved, 1), ev(Reopened, 2), ev(Reopened, 3)}, "event 4 (reopened at 2026-03-02T09:03:00Z): reopened without being resolved"},
		{"unknown kind", []Event{ev(Opened, 0), ev(EventUnknown, 1)}, "kind unknown undefined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Ticket{ID: "T-1", Priority: Normal, Events: tt.events}.Validate()
			if tt.want == "" {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidTicket)
			assert.Contains(t, err.Error(), tt.want)
			assert.Contains(t, err.Error(), `sla: ticket "T-1": `)
		})
	}
	// An event before the opening is reported as such once the first event is wrong.
	err := Ticket{ID: "x", Priority: Normal, Events: []Event{ev(AgentReplied, 0), ev(Opened, 1)}}.Validate()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "event 1 (agent-replied at 2026-03-02T09:00:00Z): before the ticket was opened")
	assert.NotContains(t, err.Error(), "event 2", "the late opening itself is fine")
	// The priority is checked even with no events.
	err = Ticket{ID: "x"}.Validate()
	assert.Contains(t, err.Error(), "priority unknown")
	assert.Contains(t, err.Error(), "no events")
}

// TestTicketValidateErrorCap checks that at most maxTicketErrors (10) problems
// are spelled out, the rest counted in one last line.
func TestTicketValidateErrorCap(t *testing.T) {
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		resumes int    // each Resumed without a pause is one problem
		lines   int    // error lines
		more    string // the summary line, "" when none
	}{
		{9, 9, ""},
		{10, 10, ""},                    // exactly the cap: no summary
		{11, 11, "and 1 more problems"}, // 10 spelled out + 1 summary line
		{15, 11, "and 5 more problems"}, // 15 - 10 = 5 counted
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.resumes), func(t *testing.T) {
			evs := []Event{{Kind: Opened, At: t0}}
			for i := 1; i <= tt.resumes; i++ {
				evs = append(evs, Event{Kind: Resumed, At: t0.Add(time.Duration(i) * time.Minute)})
			}
			err := Ticket{ID: "x", Priority: Low, Events: evs}.Validate()
			require.Error(t, err)
			lines := strings.Split(err.Error(), "\n")
			assert.Len(t, lines, tt.lines)
			if tt.more == "" {
				assert.NotContains(t, err.Error(), "more problems")
			} else {
				assert.Contains(t, lines[len(lines)-1], tt.more)
			}
		})
	}
}
