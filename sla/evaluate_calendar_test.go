package sla

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// officeAgreement counts in a Mon–Fri 09:00–17:00 Bogotá calendar.
func officeAgreement(t testing.TB) (*Agreement, *time.Location) {
	t.Helper()
	bog, err := time.LoadLocation("America/Bogota")
	require.NoError(t, err)
	wk := MustParseShifts("09:00-17:00")
	cal, err := NewCalendar(CalendarConfig{Zone: "America/Bogota", Week: map[time.Weekday][]Shift{1: wk, 2: wk, 3: wk, 4: wk, 5: wk}})
	require.NoError(t, err)
	a, err := NewAgreement(AgreementConfig{Name: "office", Kind: ServiceBased, Calendars: map[string]*Calendar{"office": cal},
		Objectives: []Objective{
			{Metric: FirstResponse, Calendar: "office", Threshold: 90, Targets: map[Priority]time.Duration{High: 4 * time.Hour}},
			{Metric: Resolution, Calendar: "office", Threshold: 90, Targets: map[Priority]time.Duration{High: 16 * time.Hour}},
		}})
	require.NoError(t, err)
	return a, bog
}

func TestEvaluateBusinessHours(t *testing.T) {
	a, bog := officeAgreement(t)
	// 2–6 March 2026 is Monday–Friday; 9 March is the next Monday.
	at := func(day, h, m int) time.Time { return time.Date(2026, 3, day, h, m, 0, 0, bog) }
	tests := []struct {
		name     string
		events   []Event
		now      time.Time
		status   Status
		elapsed  time.Duration
		deadline time.Time
		breachAt time.Time
	}{
		{
			// Opened Friday 16:00: 1 h on Friday, the weekend is closed, so
			// the other 3 h run out Monday 12:00. Replied Monday 13:00: 1 h
			// + 4 h = 5 h, breached at 12:00.
			name:   "over a weekend",
			events: []Event{ev(Opened, at(6, 16, 0)), ev(AgentReplied, at(9, 13, 0))},
			now:    at(9, 18, 0), status: Breached, elapsed: 5 * time.Hour,
			deadline: at(9, 12, 0), breachAt: at(9, 12, 0),
		},
		{
			// Running on Saturday: only Friday's hour counts; due Monday 12:00.
			name:   "weekend counts nothing",
			events: []Event{ev(Opened, at(6, 16, 0))},
			now:    at(7, 11, 0), status: Running, elapsed: time.Hour, deadline: at(9, 12, 0),
		},
		{
			// Opened Monday 15:00, paused 16:00 to Tuesday 10:00, replied
			// Tuesday 12:00. The pause overlaps 1 h on Monday (16–17) and
			// 1 h on Tuesday (09–10) of business time, and the night, which
			// counts nothing anyway: 15–16 plus 10–12 = 3 h.
			name: "pause removes exactly the business time it overlaps",
			events: []Event{ev(Opened, at(2, 15, 0)), {Kind: Paused, At: at(2, 16, 0), Reason: WaitingThirdParty},
				ev(Resumed, at(3, 10, 0)), ev(AgentReplied, at(3, 12, 0))},
			now: at(3, 18, 0), status: Met, elapsed: 3 * time.Hour,
		},
		{
			// A pause entirely in closed hours (18:00 to 08:00) removes
			// nothing: 15–17 Monday plus 09–12 Tuesday = 5 h, as without it.
			name: "pause in closed hours removes nothing",
			events: []Event{ev(Opened, at(2, 15, 0)), ev(Paused, at(2, 18, 0)),
				ev(Resumed, at(3, 8, 0)), ev(AgentReplied, at(3, 12, 0))},
			now: at(3, 18, 0), status: Breached, elapsed: 5 * time.Hour,
			deadline: at(3, 11, 0), breachAt: at(3, 11, 0),
		},
		{
			// The target runs out exactly at Friday's closing, 17:00; a reply
			// on Saturday adds no business time: 4 h, met.
			name:   "reply while closed after the last open minute",
			events: []Event{ev(Opened, at(6, 13, 0)), ev(AgentReplied, at(7, 10, 0))},
			now:    at(9, 9, 0), status: Met, elapsed: 4 * time.Hour,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := a.Evaluate(Ticket{ID: "B", Priority: High, Events: tt.events}, tt.now)
			require.NoError(t, err)
			r := mustResult(t, e, FirstResponse)
			assert.Equal(t, tt.status, r.Status)
			assert.Equal(t, tt.elapsed, r.Elapsed)
			assert.True(t, tt.deadline.Equal(r.Deadline), "deadline %s, want %s", r.Deadline, tt.deadline)
			assert.True(t, tt.breachAt.Equal(r.BreachedAt), "breached at %s, want %s", r.BreachedAt, tt.breachAt)
		})
	}
}

func TestEvaluateColombianHoliday(t *testing.T) {
	bog, err := time.LoadLocation("America/Bogota")
	require.NoError(t, err)
	cal, err := NewCalendar(BogotaConfig())
	require.NoError(t, err)
	a := MustAgreement(AgreementConfig{Name: "bogota", Kind: ServiceBased, Calendars: map[string]*Calendar{"bogota": cal},
		Objectives: []Objective{{Metric: Resolution, Calendar: "bogota", Threshold: 90, Targets: map[Priority]time.Duration{High: 8 * time.Hour}}}})
	// San José (19 March) fell on Thursday in 2026 and moved to Monday 23
	// March (Ley Emiliani). Opened Friday 20 March 16:00: Friday 16–18 = 2 h,
	// Saturday 08–13 = 5 h, Sunday and the holiday Monday closed, so the
	// last hour runs out Tuesday 24 March 09:00.
	e, err := a.Evaluate(Ticket{ID: "H", Priority: High, Events: []Event{ev(Opened, time.Date(2026, 3, 20, 16, 0, 0, 0, bog))}},
		time.Date(2026, 3, 23, 17, 0, 0, 0, bog))
	require.NoError(t, err)
	r := mustResult(t, e, Resolution)
	assert.Equal(t, 7*time.Hour, r.Elapsed)
	assert.Equal(t, AtRisk, r.Status) // 7 h ≥ 0.8 × 8 h
	assert.True(t, time.Date(2026, 3, 24, 9, 0, 0, 0, bog).Equal(r.Deadline), "deadline %s", r.Deadline)
}
