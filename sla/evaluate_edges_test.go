package sla

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEvaluateExactEdges checks the documented edges of a verdict on the 24×7
// clockAgreement: elapsed time equal to the target is within it, and a
// running clock is at risk from Elapsed = AtRisk × Target on. The
// resolution objective uses AtRisk 0.5 and 4 h for urgent tickets, so the
// at-risk point is exactly 2 h.
func TestEvaluateExactEdges(t *testing.T) {
	a := clockAgreement(t)
	tests := []struct {
		name     string
		prio     Priority
		metric   Metric
		events   []Event
		now      time.Time
		status   Status
		elapsed  time.Duration
		breachAt time.Time
		deadline time.Time
	}{
		// Urgent resolution opened 09:00: at 11:00, 2 h = 0.5 × 4 h → at risk.
		{"at risk exactly", Urgent, Resolution, []Event{ev(Opened, mon(9, 0))}, mon(11, 0),
			AtRisk, 2 * time.Hour, time.Time{}, mon(13, 0)},
		// One second earlier it is still running.
		{"just before at risk", Urgent, Resolution, []Event{ev(Opened, mon(9, 0))}, mon(11, 0).Add(-time.Second),
			Running, 2*time.Hour - time.Second, time.Time{}, mon(13, 0)},
		// At 13:00 the 4 h are used up but not exceeded: at risk, due now.
		{"running exactly on target", Urgent, Resolution, []Event{ev(Opened, mon(9, 0))}, mon(13, 0),
			AtRisk, 4 * time.Hour, time.Time{}, mon(13, 0)},
		// One second later it is breached, at 13:00.
		{"running just past target", Urgent, Resolution, []Event{ev(Opened, mon(9, 0))}, mon(13, 0).Add(time.Second),
			Breached, 4*time.Hour + time.Second, mon(13, 0), mon(13, 0)},
		// First response, normal (8 h) then urgent (1 h) at 10:00 with 1 h
		// elapsed: equal to the new target, not past it; the reply at 10:00
		// meets it.
		{"upgrade to exactly the elapsed time", Normal, FirstResponse,
			[]Event{ev(Opened, mon(9, 0)), prioTo(Urgent, mon(10, 0)), ev(AgentReplied, mon(10, 0))}, mon(12, 0),
			Met, time.Hour, time.Time{}, time.Time{}},
		// The same upgrade one minute later (61 min elapsed > 60) breaches
		// at the change.
		{"upgrade past the elapsed time", Normal, FirstResponse,
			[]Event{ev(Opened, mon(9, 0)), prioTo(Urgent, mon(10, 1)), ev(AgentReplied, mon(10, 1))}, mon(12, 0),
			Breached, 61 * time.Minute, mon(10, 1), mon(10, 1)},
		// Urgent resolution 09:00 → 13:00 resolved (4 h, met), reopened at
		// 14:00: 4 h elapsed equals the target, so the reopened clock is not
		// breached; at 14:00 it is at risk, and its deadline is when the 4 h
		// were used up, 13:00 (issue 13, defect A: the reopen does not move
		// it).
		{"reopened exactly on target", Urgent, Resolution,
			[]Event{ev(Opened, mon(9, 0)), ev(Resolved, mon(13, 0)), ev(Reopened, mon(14, 0))}, mon(14, 0),
			AtRisk, 4 * time.Hour, time.Time{}, mon(13, 0)},
		// Resolved at 13:01 (4 h 1 min) it was already breached at 13:00.
		{"reopened past target", Urgent, Resolution,
			[]Event{ev(Opened, mon(9, 0)), ev(Resolved, mon(13, 1)), ev(Reopened, mon(14, 0))}, mon(14, 0),
			Breached, 241 * time.Minute, mon(13, 0), mon(13, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := a.Evaluate(Ticket{ID: "T", Priority: tt.prio, Events: tt.events}, tt.now)
			require.NoError(t, err)
			r := mustResult(t, e, tt.metric)
			assert.Equal(t, tt.status, r.Status)
			assert.Equal(t, tt.elapsed, r.Elapsed)
			assert.Equal(t, r.Target-tt.elapsed, r.Remaining)
			assert.True(t, tt.breachAt.Equal(r.BreachedAt), "breached at %s, want %s", r.BreachedAt, tt.breachAt)
			assert.True(t, tt.deadline.Equal(r.Deadline), "deadline %s, want %s", r.Deadline, tt.deadline)
		})
	}
}

// TestEvaluateOpenedAfterNow checks that a ticket opened after the
// evaluation instant is rejected, and one opened at that instant is not.
func TestEvaluateOpenedAfterNow(t *testing.T) {
	a := clockAgreement(t)
	tk := Ticket{ID: "T", Priority: High, Events: []Event{ev(Opened, mon(9, 0))}}
	_, err := a.Evaluate(tk, mon(9, 0).Add(-time.Nanosecond))
	assert.ErrorIs(t, err, ErrInvalidTicket)
	e, err := a.Evaluate(tk, mon(9, 0))
	require.NoError(t, err)
	r := mustResult(t, e, FirstResponse)
	assert.Equal(t, Running, r.Status)
	assert.Equal(t, time.Duration(0), r.Elapsed)
	assert.True(t, mon(13, 0).Equal(r.Deadline))
	// A priority change after now does not set the evaluation's priority;
	// one exactly at now does.
	tk.Events = append(tk.Events, prioTo(Urgent, mon(10, 0)))
	e, err = a.Evaluate(tk, mon(10, 0).Add(-time.Nanosecond))
	require.NoError(t, err)
	assert.Equal(t, High, e.Priority)
	e, err = a.Evaluate(tk, mon(10, 0))
	require.NoError(t, err)
	assert.Equal(t, Urgent, e.Priority)
}
