package sla

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fri returns an instant from Friday 6 March 2026 (UTC); hours may pass 24.
func fri(h, m int) time.Time { return time.Date(2026, 3, 6, h, m, 0, 0, time.UTC) }

// priorityCalendarAgreement counts resolution on Mon–Fri 09:00–17:00 UTC,
// except urgent tickets, counted 24×7: 4 h for urgent, 8 h for normal.
func priorityCalendarAgreement(t testing.TB) *Agreement {
	t.Helper()
	day := []Shift{MustParseShift("09:00-17:00")}
	office, err := NewCalendar(CalendarConfig{Week: map[time.Weekday][]Shift{
		time.Monday: day, time.Tuesday: day, time.Wednesday: day, time.Thursday: day, time.Friday: day}})
	require.NoError(t, err)
	a, err := NewAgreement(AgreementConfig{Name: "per priority", Kind: ServiceBased, Calendars: map[string]*Calendar{"office": office},
		Objectives: []Objective{{Metric: Resolution, Calendar: "office", PriorityCalendars: map[Priority]string{Urgent: ""}, Threshold: 90,
			Targets: map[Priority]time.Duration{Urgent: 4 * time.Hour, Normal: 8 * time.Hour}}}})
	require.NoError(t, err)
	return a
}

// TestPriorityCalendars checks feature 1 of issue 13 with values worked by
// hand. Friday 6 March 2026 16:00 is one business hour before the weekend.
func TestPriorityCalendars(t *testing.T) {
	a := priorityCalendarAgreement(t)
	sat := func(h int) time.Time { return fri(24+h, 0) }
	mon := func(h int) time.Time { return fri(72+h, 0) }
	tests := []struct {
		name     string
		prio     Priority
		events   []Event
		now      time.Time
		status   Status
		elapsed  time.Duration
		deadline time.Time
	}{
		// Urgent, 24×7: 16:00 + 4 h = 20:00; at 18:00, 2 h elapsed.
		{"urgent runs through the evening", Urgent, []Event{ev(Opened, fri(16, 0))}, fri(18, 0), Running, 2 * time.Hour, fri(20, 0)},
		// Normal, office hours: Friday 16–17 (1 h), then Monday 09:00 + 7 h.
		{"normal waits for Monday", Normal, []Event{ev(Opened, fri(16, 0))}, fri(18, 0), Running, time.Hour, mon(16)},
		// Normal until Saturday 10:00 (1 h, Friday 16–17), then urgent 24×7
		// with 3 h left: due Saturday 13:00; at 14:00, 1 h + 4 h = 5 h,
		// breached at 13:00.
		{"raised to urgent on Saturday", Normal, []Event{ev(Opened, fri(16, 0)), prioTo(Urgent, sat(10))}, sat(14),
			Breached, 5 * time.Hour, sat(13)},
		// Urgent until 18:00 (2 h, 24×7), then normal on office hours with
		// 6 h of its 8 h left: Monday 09:00 + 6 h = 15:00.
		{"lowered to normal on Friday evening", Urgent, []Event{ev(Opened, fri(16, 0)), prioTo(Normal, fri(18, 0))}, sat(12),
			Running, 2 * time.Hour, mon(15)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := a.Evaluate(Ticket{ID: "C", Priority: tt.prio, Events: tt.events}, tt.now)
			require.NoError(t, err)
			r := mustResult(t, e, Resolution)
			assert.Equal(t, tt.status, r.Status)
			assert.Equal(t, tt.elapsed, r.Elapsed)
			assert.True(t, r.Deadline.Equal(tt.deadline), "deadline %s, want %s", r.Deadline, tt.deadline)
		})
	}
}

func TestPriorityCalendarsConfig(t *testing.T) {
	a := priorityCalendarAgreement(t)
	data, err := json.Marshal(a)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"calendar":"office","priorityCalendars":{"urgent":""}`)
	var back Agreement
	require.NoError(t, json.Unmarshal(data, &back))
	assert.Equal(t, map[Priority]string{Urgent: ""}, back.Objectives()[0].PriorityCalendars)
	// Spanish priorities; the map is copied, not shared.
	require.NoError(t, json.Unmarshal([]byte(`{"name":"x","kind":"service-based","calendars":{"o":{"week":{"monday":["09:00-17:00"]}}},`+
		`"objectives":[{"metric":"resolution","priorityCalendars":{"urgente":"o"},"targets":{"urgente":"4h"},"threshold":90}]}`), &back))
	o := back.Objectives()[0]
	assert.Equal(t, map[Priority]string{Urgent: "o"}, o.PriorityCalendars)
	o.PriorityCalendars[Urgent] = "changed"
	assert.Equal(t, "o", back.Objectives()[0].PriorityCalendars[Urgent])

	for _, tt := range []struct {
		o    Objective
		want string
	}{
		{Objective{Metric: Resolution, PriorityCalendars: map[Priority]string{Urgent: "night"}, Threshold: 90, Targets: map[Priority]time.Duration{Urgent: time.Hour}},
			`calendar "night" for urgent not defined (have office)`},
		{Objective{Metric: Resolution, PriorityCalendars: map[Priority]string{Priority(9): ""}, Threshold: 90, Targets: map[Priority]time.Duration{Urgent: time.Hour}},
			"calendar for priority priority(9): want low, normal, high or urgent"},
		{Objective{Metric: Availability, PriorityCalendars: map[Priority]string{Urgent: ""}, Threshold: 90},
			"an availability objective has no priorities"},
	} {
		_, err := NewAgreement(AgreementConfig{Name: "x", Kind: ServiceBased, Calendars: map[string]*Calendar{"office": AlwaysOpen()}, Objectives: []Objective{tt.o}})
		require.Error(t, err)
		assert.ErrorIs(t, err, ErrInvalidAgreement)
		assert.Contains(t, err.Error(), tt.want)
	}
	_, err = json.Marshal(Objective{Metric: Resolution, PriorityCalendars: map[Priority]string{0: ""}})
	assert.ErrorIs(t, err, ErrInvalidAgreement)
}
