package sla

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// eightHourAgreement is a service-based agreement with an 8 h resolution target
// counted on Mon–Fri 09:00–17:00 UTC.
func eightHourAgreement(t testing.TB) *Agreement {
	t.Helper()
	day := []Shift{MustParseShift("09:00-17:00")}
	cal, err := NewCalendar(CalendarConfig{Week: map[time.Weekday][]Shift{
		time.Monday: day, time.Tuesday: day, time.Wednesday: day, time.Thursday: day, time.Friday: day}})
	require.NoError(t, err)
	a, err := NewAgreement(AgreementConfig{Name: "office", Kind: ServiceBased, Calendars: map[string]*Calendar{"office": cal},
		Objectives: []Objective{{Metric: Resolution, Calendar: "office", Threshold: 90, Targets: map[Priority]time.Duration{Normal: 8 * time.Hour}}}})
	require.NoError(t, err)
	return a
}

// TestBreachInstantIgnoresLaterEvents is defect A of issue 13: the breach
// instant is when the elapsed business time reached the target, whatever
// happens later. Opened Monday 09:00 with 8 business hours on Mon–Fri
// 09:00–17:00, the target is used up at Monday 17:00 (09:00 + 8 h). Events
// in the closed hours after it (a customer reply at 18:00, a pause from 18:00
// to Tuesday 10:00) must not move BreachedAt nor Deadline.
func TestBreachInstantIgnoresLaterEvents(t *testing.T) {
	a := eightHourAgreement(t)
	tue := func(h int) time.Time { return mon(24+h, 0) }
	tests := []struct {
		name    string
		events  []Event
		now     time.Time
		status  Status
		elapsed time.Duration
	}{
		// Mon 09–17 (8 h) + Tue 09–10 (1 h) = 9 h > 8 h.
		{"resolved Tuesday 10:00", []Event{ev(Opened, mon(9, 0)), ev(Resolved, tue(10))}, tue(12), Breached, 9 * time.Hour},
		// The reply at Mon 18:00 falls in closed hours: still 9 h.
		{"customer reply Monday 18:00", []Event{ev(Opened, mon(9, 0)), ev(CustomerReplied, mon(18, 0)), ev(Resolved, tue(10))},
			tue(12), Breached, 9 * time.Hour},
		// Paused Mon 18:00 → Tue 10:00 removes no business hour of Monday
		// and Tuesday's 09–10; resolved Tue 11:00: 8 h + 1 h (10–11) = 9 h.
		{"pause Monday 18:00 to Tuesday 10:00", []Event{ev(Opened, mon(9, 0)), {Kind: Paused, At: mon(18, 0), Reason: WaitingCustomer},
			ev(Resumed, tue(10)), ev(Resolved, tue(11))}, tue(12), Breached, 9 * time.Hour},
		// Still open on Tuesday 09:30: 8 h + 30 min.
		{"open, customer reply Monday 18:00", []Event{ev(Opened, mon(9, 0)), ev(CustomerReplied, mon(18, 0))},
			mon(24+9, 30), Breached, 8*time.Hour + 30*time.Minute},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := a.Evaluate(Ticket{ID: "A", Priority: Normal, Events: tt.events}, tt.now)
			require.NoError(t, err)
			r := mustResult(t, e, Resolution)
			assert.Equal(t, tt.status, r.Status)
			assert.Equal(t, tt.elapsed, r.Elapsed)
			assert.True(t, r.BreachedAt.Equal(mon(17, 0)), "BreachedAt %s, want Monday 17:00", r.BreachedAt)
			assert.True(t, r.Deadline.Equal(mon(17, 0)), "Deadline %s, want Monday 17:00", r.Deadline)
		})
	}
}

// TestDeadlineOfAClockOnTarget checks the deadline of a clock whose elapsed
// time equals its target while the calendar is closed: the target ran out
// when it was reached (Monday 17:00), not at the evaluation instant.
func TestDeadlineOfAClockOnTarget(t *testing.T) {
	a := eightHourAgreement(t)
	for _, events := range [][]Event{
		{ev(Opened, mon(9, 0))},
		{ev(Opened, mon(9, 0)), ev(CustomerReplied, mon(18, 0))},
		{ev(Opened, mon(9, 0)), {Kind: Paused, At: mon(18, 0)}, ev(Resumed, mon(20, 0))},
	} {
		// Monday 21:00: 09–17 = 8 h elapsed, exactly the target, not past it.
		e, err := a.Evaluate(Ticket{ID: "A", Priority: Normal, Events: events}, mon(21, 0))
		require.NoError(t, err)
		r := mustResult(t, e, Resolution)
		assert.Equal(t, AtRisk, r.Status)
		assert.Equal(t, 8*time.Hour, r.Elapsed)
		assert.True(t, r.Deadline.Equal(mon(17, 0)), "Deadline %s, want Monday 17:00", r.Deadline)
	}
}

// TestFinishedVerdictsSurviveLaterChanges is defect B of issue 13: a later
// priority change must not rewrite finished verdicts. Every clock here is
// 24×7, so the elapsed times are wall-clock arithmetic.
func TestFinishedVerdictsSurviveLaterChanges(t *testing.T) {
	h := func(n int) time.Duration { return time.Duration(n) * time.Hour }
	a, err := NewAgreement(AgreementConfig{Name: "B", Kind: ServiceBased, Objectives: []Objective{
		// The default standard: 4 h to answer normal and high tickets.
		{Name: "fr", Metric: FirstResponse, Threshold: 90, Targets: map[Priority]time.Duration{Normal: h(4), High: h(4)}},
		// The fibre service answers high tickets within 1 h; it sets nothing
		// for normal ones, which follow the default.
		{Name: "fr-fibra", Metric: FirstResponse, Scope: "fibra", Threshold: 90, Targets: map[Priority]time.Duration{High: h(1)}},
		// Updates every 2 h on normal tickets only.
		{Name: "upd", Metric: PeriodicUpdate, Threshold: 90, Targets: map[Priority]time.Duration{Normal: h(2)}},
		{Name: "res", Metric: Resolution, Threshold: 90, Targets: map[Priority]time.Duration{Normal: h(8), Low: h(24)}},
	}})
	require.NoError(t, err)
	evaluate := func(events ...Event) Evaluation {
		t.Helper()
		e, err := a.Evaluate(Ticket{ID: "B", Priority: Normal, Service: "fibra", Events: events}, mon(23, 0))
		require.NoError(t, err)
		return e
	}

	t.Run("met first response stays met", func(t *testing.T) {
		// Normal: the fibre scope sets nothing, the default's 4 h apply;
		// answered after 2 h (09:00 → 11:00): met under "fr". Raised to
		// high at 12:00, where fibre's 1 h would have been breached.
		e := evaluate(ev(Opened, mon(9, 0)), ev(AgentReplied, mon(11, 0)), prioTo(High, mon(12, 0)))
		r := mustResult(t, e, FirstResponse)
		assert.Equal(t, Met, r.Status)
		assert.Equal(t, "fr", r.Objective)
		assert.Equal(t, "", r.Scope)
		assert.Equal(t, h(4), r.Target)
		assert.Equal(t, h(2), r.Elapsed)
		assert.Equal(t, h(2), r.Remaining)
	})

	t.Run("breached periodic update stays breached", func(t *testing.T) {
		// Normal: replied 10:00, next update 13:00 (3 h > 2 h): breached at
		// 12:00; the second cycle, 13:00 → resolved 14:30, is met. Lowered
		// to low at 15:00, a priority "upd" sets no target for: the
		// breached cycle stays, with its 2 h target.
		e := evaluate(ev(Opened, mon(9, 0)), ev(AgentReplied, mon(10, 0)), ev(AgentReplied, mon(13, 0)),
			ev(Resolved, mon(14, 30)), prioTo(Low, mon(15, 0)))
		r := mustResult(t, e, PeriodicUpdate)
		assert.Equal(t, Breached, r.Status)
		assert.Equal(t, "upd", r.Objective)
		assert.Equal(t, h(2), r.Target)
		assert.Equal(t, h(3), r.Elapsed)
		assert.True(t, r.BreachedAt.Equal(mon(12, 0)), "BreachedAt %s", r.BreachedAt)
		assert.Equal(t, 1, r.Breaches)
		assert.Equal(t, 2, r.Cycles)
	})

	t.Run("a breach is final", func(t *testing.T) {
		// Normal resolution, 8 h: still open at 18:00, breached at 17:00.
		// Lowered to low (24 h) at 18:00, resolved at 19:00 (10 h, within
		// 24 h): the breach stays, with the target it breached.
		e := evaluate(ev(Opened, mon(9, 0)), ev(AgentReplied, mon(9, 30)), prioTo(Low, mon(18, 0)), ev(Resolved, mon(19, 0)))
		r := mustResult(t, e, Resolution)
		assert.Equal(t, Breached, r.Status)
		assert.Equal(t, h(8), r.Target)
		assert.Equal(t, h(10), r.Elapsed)
		assert.Equal(t, -h(2), r.Remaining)
		assert.True(t, r.BreachedAt.Equal(mon(17, 0)), "BreachedAt %s", r.BreachedAt)
	})
}
