package sla

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// mon returns an instant on Monday 2 March 2026 (UTC), hours may pass 24.
func mon(h, m int) time.Time { return time.Date(2026, 3, 2, h, m, 0, 0, time.UTC) }

func ev(k EventKind, at time.Time) Event { return Event{Kind: k, At: at} }

func prioTo(p Priority, at time.Time) Event { return Event{Kind: PriorityChanged, At: at, Priority: p} }

// clockAgreement is a service-based agreement counted 24×7, so every elapsed
// time below is plain wall-clock arithmetic.
func clockAgreement(t testing.TB) *Agreement {
	t.Helper()
	a, err := NewAgreement(AgreementConfig{
		Name: "24x7",
		Kind: ServiceBased,
		Objectives: []Objective{
			{Metric: FirstResponse, Threshold: 95, Targets: map[Priority]time.Duration{Urgent: time.Hour, High: 4 * time.Hour, Normal: 8 * time.Hour}},
			{Metric: NextResponse, Threshold: 90, Targets: map[Priority]time.Duration{High: 2 * time.Hour, Normal: 4 * time.Hour}},
			{Metric: PeriodicUpdate, Threshold: 90, Targets: map[Priority]time.Duration{High: 4 * time.Hour, Normal: 4 * time.Hour}},
			{Metric: Resolution, Threshold: 90, AtRisk: 0.5, Targets: map[Priority]time.Duration{Urgent: 4 * time.Hour, High: Day, Normal: 3 * Day}},
		},
	})
	require.NoError(t, err)
	return a
}

func mustResult(t *testing.T, e Evaluation, m Metric) Result {
	t.Helper()
	r, ok := e.Result(m)
	require.True(t, ok, "no %s result in %+v", m, e)
	return r
}

func TestEvaluateFirstResponse(t *testing.T) {
	a := clockAgreement(t)
	tests := []struct {
		name      string
		prio      Priority
		events    []Event
		now       time.Time
		status    Status
		target    time.Duration
		elapsed   time.Duration
		breachAt  time.Time
		deadline  time.Time
		stoppedAt time.Time
	}{
		{
			// 09:00 → 10:30 is 1h30 of a 4h target: met, 37.5 %.
			name: "met", prio: High, now: mon(18, 0),
			events: []Event{ev(Opened, mon(9, 0)), ev(AgentReplied, mon(10, 30))},
			status: Met, target: 4 * time.Hour, elapsed: 90 * time.Minute, stoppedAt: mon(10, 30),
		},
		{
			// 09:00 → 14:00 is 5h > 4h: breached when the 4h ran out, at 13:00.
			name: "breached", prio: High, now: mon(18, 0),
			events: []Event{ev(Opened, mon(9, 0)), ev(AgentReplied, mon(14, 0))},
			status: Breached, target: 4 * time.Hour, elapsed: 5 * time.Hour,
			breachAt: mon(13, 0), deadline: mon(13, 0), stoppedAt: mon(14, 0),
		},
		{
			// Exactly the target is within it: 09:00 → 13:00 = 4h.
			name: "exactly on target", prio: High, now: mon(18, 0),
			events: []Event{ev(Opened, mon(9, 0)), ev(AgentReplied, mon(13, 0))},
			status: Met, target: 4 * time.Hour, elapsed: 4 * time.Hour, stoppedAt: mon(13, 0),
		},
		{
			// At 12:30 no reply yet: 3h30 ≥ 0.8 × 4h = 3h12 → at risk, due 13:00.
			name: "at risk", prio: High, now: mon(12, 30),
			events: []Event{ev(Opened, mon(9, 0))},
			status: AtRisk, target: 4 * time.Hour, elapsed: 210 * time.Minute, deadline: mon(13, 0),
		},
		{
			// At 11:00: 2h < 3h12 → running, due 13:00.
			name: "running", prio: High, now: mon(11, 0),
			events: []Event{ev(Opened, mon(9, 0))},
			status: Running, target: 4 * time.Hour, elapsed: 2 * time.Hour, deadline: mon(13, 0),
		},
		{
			// Paused 10:00–12:00 removes 2h: 09:00 → 14:00 counts 1h + 2h = 3h.
			name: "pause removes its time", prio: High, now: mon(18, 0),
			events: []Event{ev(Opened, mon(9, 0)), {Kind: Paused, At: mon(10, 0), Reason: WaitingCustomer},
				ev(Resumed, mon(12, 0)), ev(AgentReplied, mon(14, 0))},
			status: Met, target: 4 * time.Hour, elapsed: 3 * time.Hour, stoppedAt: mon(14, 0),
		},
		{
			// Still paused at 11:00: 1h counted, no deadline while waiting.
			name: "on hold", prio: High, now: mon(11, 0),
			events: []Event{ev(Opened, mon(9, 0)), ev(Paused, mon(10, 0))},
			status: OnHold, target: 4 * time.Hour, elapsed: time.Hour,
		},
		{
			// Normal (8h) until 12:00, then urgent (1h): 3h already elapsed
			// exceed the new target, so the breach is at the change.
			name: "upgrade past the new target breaches at the change", prio: Normal, now: mon(18, 0),
			events: []Event{ev(Opened, mon(9, 0)), prioTo(Urgent, mon(12, 0)), ev(AgentReplied, mon(12, 30))},
			status: Breached, target: time.Hour, elapsed: 210 * time.Minute,
			breachAt: mon(12, 0), deadline: mon(12, 0), stoppedAt: mon(12, 30),
		},
		{
			// Normal until 09:30, then high (4h) keeping the 30 min: the 4h
			// run out at 13:00; a reply at 12:00 (3h) is met.
			name: "upgrade keeps elapsed time", prio: Normal, now: mon(12, 0),
			events: []Event{ev(Opened, mon(9, 0)), prioTo(High, mon(9, 30)), ev(AgentReplied, mon(12, 0))},
			status: Met, target: 4 * time.Hour, elapsed: 3 * time.Hour, stoppedAt: mon(12, 0),
		},
		{
			// Urgent (1h) until 09:30, then normal (8h): a reply at 12:00 (3h)
			// is met against 8h; the urgent hour had not run out at 09:30.
			name: "downgrade applies the longer target", prio: Urgent, now: mon(12, 0),
			events: []Event{ev(Opened, mon(9, 0)), prioTo(Normal, mon(9, 30)), ev(AgentReplied, mon(12, 0))},
			status: Met, target: 8 * time.Hour, elapsed: 3 * time.Hour, stoppedAt: mon(12, 0),
		},
		{
			// Urgent (1h) breached at 10:00; a downgrade at 11:00 cannot undo
			// it, and the result keeps the target that was breached (issue
			// 13, defect B).
			name: "a breach is final", prio: Urgent, now: mon(12, 0),
			events: []Event{ev(Opened, mon(9, 0)), prioTo(Normal, mon(11, 0)), ev(AgentReplied, mon(11, 30))},
			status: Breached, target: time.Hour, elapsed: 150 * time.Minute,
			breachAt: mon(10, 0), deadline: mon(10, 0), stoppedAt: mon(11, 30),
		},
		{
			// Replied at 10:00 (1h of 4h); the upgrade at 11:00 comes after
			// the clock stopped and leaves its target and verdict alone.
			name: "stopped clock keeps its target", prio: High, now: mon(12, 0),
			events: []Event{ev(Opened, mon(9, 0)), ev(AgentReplied, mon(10, 0)), prioTo(Urgent, mon(11, 0))},
			status: Met, target: 4 * time.Hour, elapsed: time.Hour, stoppedAt: mon(10, 0),
		},
		{
			// A resolution without any reply stops the first-response clock.
			name: "resolution answers", prio: High, now: mon(12, 0),
			events: []Event{ev(Opened, mon(9, 0)), ev(Resolved, mon(11, 0))},
			status: Met, target: 4 * time.Hour, elapsed: 2 * time.Hour, stoppedAt: mon(11, 0),
		},
		{
			// Events after now are ignored: at 10:00 the 14:00 reply has not
			// happened, 1h of 4h has elapsed.
			name: "events after now are ignored", prio: High, now: mon(10, 0),
			events: []Event{ev(Opened, mon(9, 0)), ev(AgentReplied, mon(14, 0))},
			status: Running, target: 4 * time.Hour, elapsed: time.Hour, deadline: mon(13, 0),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := a.Evaluate(Ticket{ID: "T", Priority: tt.prio, Events: tt.events}, tt.now)
			require.NoError(t, err)
			r := mustResult(t, e, FirstResponse)
			assert.Equal(t, tt.status, r.Status)
			assert.Equal(t, tt.target, r.Target)
			assert.Equal(t, tt.elapsed, r.Elapsed)
			assert.Equal(t, tt.target-tt.elapsed, r.Remaining)
			assert.InDelta(t, 100*float64(tt.elapsed)/float64(tt.target), r.PercentElapsed, 1e-9)
			assert.True(t, tt.breachAt.Equal(r.BreachedAt), "breached at %s, want %s", r.BreachedAt, tt.breachAt)
			assert.True(t, tt.deadline.Equal(r.Deadline), "deadline %s, want %s", r.Deadline, tt.deadline)
			assert.True(t, tt.stoppedAt.Equal(r.StoppedAt), "stopped at %s, want %s", r.StoppedAt, tt.stoppedAt)
			assert.Equal(t, 1, r.Cycles)
			assert.Equal(t, "first-response", r.Objective)
		})
	}
}

func TestEvaluateResolutionReopen(t *testing.T) {
	a := clockAgreement(t)
	// High: 1 day. Mon 09:00 → 17:00 is 8h; reopened Tue 09:00 (the night
	// between does not count), resolved Tue 22:00: 8h + 13h = 21h ≤ 24h.
	met := Ticket{ID: "R1", Priority: High, Events: []Event{
		ev(Opened, mon(9, 0)), ev(Resolved, mon(17, 0)), ev(Reopened, mon(24+9, 0)), ev(Resolved, mon(24+22, 0)),
	}}
	e, err := a.Evaluate(met, mon(72, 0))
	require.NoError(t, err)
	r := mustResult(t, e, Resolution)
	assert.Equal(t, Met, r.Status)
	assert.Equal(t, 21*time.Hour, r.Elapsed)
	assert.Equal(t, 1, r.Cycles)
	assert.True(t, mon(24+22, 0).Equal(r.StoppedAt))

	// Reopened Wed 09:00 instead: the 16h left run out Thu 01:00; resolved
	// Thu 02:00 gives 8h + 17h = 25h.
	late := Ticket{ID: "R2", Priority: High, Events: []Event{
		ev(Opened, mon(9, 0)), ev(Resolved, mon(17, 0)), ev(Reopened, mon(48+9, 0)), ev(Resolved, mon(72+2, 0)),
	}}
	e, err = a.Evaluate(late, mon(96, 0))
	require.NoError(t, err)
	r = mustResult(t, e, Resolution)
	assert.Equal(t, Breached, r.Status)
	assert.Equal(t, 25*time.Hour, r.Elapsed)
	assert.True(t, mon(72+1, 0).Equal(r.BreachedAt), "breached at %s", r.BreachedAt)

	// While resolved (Mon 20:00), the clock is stopped and met at 8h.
	e, err = a.Evaluate(late, mon(20, 0))
	require.NoError(t, err)
	r = mustResult(t, e, Resolution)
	assert.Equal(t, Met, r.Status)
	assert.Equal(t, 8*time.Hour, r.Elapsed)

	// Reopened and running on Wed 12:00: 8h + 3h = 11h, custom at-risk 0.5
	// × 24h = 12h not reached; due when 13h more have run, Thu 01:00.
	e, err = a.Evaluate(late, mon(48+12, 0))
	require.NoError(t, err)
	r = mustResult(t, e, Resolution)
	assert.Equal(t, Running, r.Status)
	assert.Equal(t, 11*time.Hour, r.Elapsed)
	assert.True(t, mon(72+1, 0).Equal(r.Deadline), "deadline %s", r.Deadline)
	// At Wed 14:00, 13h ≥ 12h: at risk.
	e, err = a.Evaluate(late, mon(48+14, 0))
	require.NoError(t, err)
	assert.Equal(t, AtRisk, mustResult(t, e, Resolution).Status)
}

func TestEvaluateNextResponseAndUpdates(t *testing.T) {
	a := clockAgreement(t)
	// High. Next response (2h): customer 10:00 → agent 13:00 is 3h,
	// breached at 12:00; customer 14:00 → agent 14:30 is met. Periodic
	// update (4h): agent 09:30 → 13:00 (3h30), 13:00 → 14:30 (1h30),
	// 14:30 → resolved 19:00 (4h30, breached at 18:30).
	tk := Ticket{ID: "N", Priority: High, Events: []Event{
		ev(Opened, mon(9, 0)), ev(AgentReplied, mon(9, 30)),
		ev(CustomerReplied, mon(10, 0)), ev(CustomerReplied, mon(11, 0)), ev(AgentReplied, mon(13, 0)),
		ev(CustomerReplied, mon(14, 0)), ev(AgentReplied, mon(14, 30)), ev(Resolved, mon(19, 0)),
	}}
	e, err := a.Evaluate(tk, mon(20, 0))
	require.NoError(t, err)
	require.Len(t, e.Results, 4)
	assert.Equal(t, []Metric{FirstResponse, NextResponse, PeriodicUpdate, Resolution},
		[]Metric{e.Results[0].Metric, e.Results[1].Metric, e.Results[2].Metric, e.Results[3].Metric})

	nr := mustResult(t, e, NextResponse)
	assert.Equal(t, Breached, nr.Status)
	assert.Equal(t, 3*time.Hour, nr.Elapsed, "the first breached cycle is reported")
	assert.True(t, mon(12, 0).Equal(nr.BreachedAt))
	assert.Equal(t, 2, nr.Cycles)
	assert.Equal(t, 1, nr.Breaches)

	pu := mustResult(t, e, PeriodicUpdate)
	assert.Equal(t, Breached, pu.Status)
	assert.Equal(t, 270*time.Minute, pu.Elapsed)
	assert.True(t, mon(18, 30).Equal(pu.BreachedAt))
	assert.Equal(t, 3, pu.Cycles)
	assert.Equal(t, 1, pu.Breaches)

	// 09:00 → 19:00 = 10h of 24h.
	res := mustResult(t, e, Resolution)
	assert.Equal(t, Met, res.Status)
	assert.Equal(t, 10*time.Hour, res.Elapsed)
	assert.True(t, e.Breached())
}

func TestEvaluateNotApplicable(t *testing.T) {
	a := clockAgreement(t)
	// Low has no target anywhere; urgent has no next-response or update
	// target. A ticket without follow-ups has no next-response cycle.
	e, err := a.Evaluate(Ticket{ID: "L", Priority: Low, Events: []Event{ev(Opened, mon(9, 0))}}, mon(10, 0))
	require.NoError(t, err)
	assert.Empty(t, e.Results)

	e, err = a.Evaluate(Ticket{ID: "U", Priority: Urgent, Events: []Event{ev(Opened, mon(9, 0)), ev(AgentReplied, mon(9, 10))}}, mon(10, 0))
	require.NoError(t, err)
	require.Len(t, e.Results, 2)
	assert.Equal(t, FirstResponse, e.Results[0].Metric)
	assert.Equal(t, Resolution, e.Results[1].Metric)
	assert.Equal(t, Urgent, e.Priority)
}

func TestEvaluateBadTimelines(t *testing.T) {
	a := clockAgreement(t)
	tests := []struct {
		name   string
		ticket Ticket
		want   string
	}{
		{"no events", Ticket{ID: "x", Priority: High}, "no events"},
		{"no priority", Ticket{ID: "x", Events: []Event{ev(Opened, mon(9, 0))}}, "priority unknown"},
		{"not opened first", Ticket{ID: "x", Priority: High, Events: []Event{ev(AgentReplied, mon(9, 0))}}, "first event must be opened"},
		{"back in time", Ticket{ID: "x", Priority: High, Events: []Event{ev(Opened, mon(9, 0)), ev(AgentReplied, mon(8, 0))}}, "event 2 (agent-replied at 2026-03-02T08:00:00Z): goes back in time"},
		{"resume without pause", Ticket{ID: "x", Priority: High, Events: []Event{ev(Opened, mon(9, 0)), ev(Resumed, mon(10, 0))}}, "resumed without a pause"},
		{"pause twice", Ticket{ID: "x", Priority: High, Events: []Event{ev(Opened, mon(9, 0)), ev(Paused, mon(10, 0)), ev(Paused, mon(11, 0))}}, "paused while already paused"},
		{"after close", Ticket{ID: "x", Priority: High, Events: []Event{ev(Opened, mon(9, 0)), ev(Closed, mon(10, 0)), ev(AgentReplied, mon(11, 0))}}, "already closed"},
		{"opened twice", Ticket{ID: "x", Priority: High, Events: []Event{ev(Opened, mon(9, 0)), ev(Opened, mon(10, 0))}}, "opened twice"},
		{"reopen unresolved", Ticket{ID: "x", Priority: High, Events: []Event{ev(Opened, mon(9, 0)), ev(Reopened, mon(10, 0))}}, "reopened without being resolved"},
		{"resolve twice", Ticket{ID: "x", Priority: High, Events: []Event{ev(Opened, mon(9, 0)), ev(Resolved, mon(10, 0)), ev(Resolved, mon(11, 0))}}, "resolved twice"},
		{"bad new priority", Ticket{ID: "x", Priority: High, Events: []Event{ev(Opened, mon(9, 0)), prioTo(PriorityUnknown, mon(10, 0))}}, "priority unknown"},
		{"priority on a reply", Ticket{ID: "x", Priority: High, Events: []Event{ev(Opened, mon(9, 0)), {Kind: AgentReplied, At: mon(10, 0), Priority: Low}}}, "only allowed on priority-changed"},
		{"undefined kind", Ticket{ID: "x", Priority: High, Events: []Event{ev(Opened, mon(9, 0)), ev(EventKind(42), mon(10, 0))}}, "kind event kind(42) undefined"},
		{"opened after now", Ticket{ID: "x", Priority: High, Events: []Event{ev(Opened, mon(23, 0))}}, "after the evaluation instant"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := a.Evaluate(tt.ticket, mon(22, 0))
			require.Error(t, err)
			assert.True(t, errors.Is(err, ErrInvalidTicket), "%v", err)
			assert.Contains(t, err.Error(), tt.want)
			assert.Contains(t, err.Error(), `sla: ticket "x"`)
		})
	}
}

func TestEvaluateConcurrently(t *testing.T) {
	a, bog := officeAgreement(t)
	tk := Ticket{ID: "C", Priority: High, Events: []Event{
		ev(Opened, time.Date(2026, 3, 6, 16, 0, 0, 0, bog)), ev(AgentReplied, time.Date(2026, 3, 9, 13, 0, 0, 0, bog))}}
	now := time.Date(2026, 3, 9, 18, 0, 0, 0, bog)
	want, err := a.Evaluate(tk, now)
	require.NoError(t, err)
	done := make(chan Evaluation)
	for i := 0; i < 4; i++ {
		go func() {
			e, _ := a.Evaluate(tk, now)
			done <- e
		}()
	}
	for i := 0; i < 4; i++ {
		assert.Equal(t, want, <-done)
	}
}

func TestResultJSON(t *testing.T) {
	a := clockAgreement(t)
	// First response breached: 09:00 → 14:00 is 5h against 4h.
	e, err := a.Evaluate(Ticket{ID: "J", Priority: High, Events: []Event{ev(Opened, mon(9, 0)), ev(AgentReplied, mon(14, 0))}}, mon(15, 0))
	require.NoError(t, err)
	data, err := json.Marshal(e)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"status":"breached","target":"4h","elapsed":"5h","remaining":"-1h"`)
	var back Evaluation
	require.NoError(t, json.Unmarshal(data, &back))
	assert.Equal(t, len(e.Results), len(back.Results))
	for i := range e.Results {
		assert.Equal(t, e.Results[i].Remaining, back.Results[i].Remaining)
		assert.Equal(t, e.Results[i].Target, back.Results[i].Target)
		assert.True(t, e.Results[i].Deadline.Equal(back.Results[i].Deadline))
	}
	var r Result
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"target":"4 hours"}`), &r), ErrInvalidDuration)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"status":"late","target":"4h","elapsed":"0s","remaining":"4h"}`), &r), ErrUnknownName)
}
