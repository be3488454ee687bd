package sla

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseBusinessDays(t *testing.T) {
	for in, want := range map[string]BusinessDays{
		"2bd": {2, false}, " 1 bd ": {1, false}, "10BD": {10, false}, "3dh": {3, false},
		"eod": {0, true}, "EOD+1bd": {1, true}, "eod+5bd": {5, true},
		"end of next business day": {1, true}, "End of  business day": {0, true}, "fin del día hábil": {0, true},
		"fin del siguiente día hábil": {1, true}, "3660bd": {3660, false},
	} {
		got, err := ParseBusinessDays(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
		back, err := ParseBusinessDays(got.String())
		require.NoError(t, err)
		assert.Equal(t, got, back, "String round trip of %q", in)
	}
	for _, in := range []string{"", "bd", "0bd", "-1bd", "+2bd", "3661bd", "eod+", "eod+0bd", "eod-1bd", "eod1bd", "2d", "2bdx", "two bd", "1.5bd"} {
		_, err := ParseBusinessDays(in)
		require.Error(t, err, in)
		assert.ErrorIs(t, err, ErrInvalidDuration, in)
	}
	assert.Equal(t, "eod", BusinessDays{0, true}.String())
	assert.False(t, BusinessDays{}.IsValid())
	_, err := BusinessDays{0, false}.MarshalText()
	assert.ErrorIs(t, err, ErrInvalidDuration)
	var b BusinessDays
	require.NoError(t, b.UnmarshalText([]byte("eod+2bd")))
	assert.Equal(t, BusinessDays{2, true}, b)
	assert.Error(t, b.UnmarshalText([]byte("soon")))
	assert.Equal(t, BusinessDays{2, true}, b, "unchanged on error")
}

// TestBusinessDayDeadlines checks the worked examples of the BusinessDays
// doc comment and a few calendars with holidays, half days, split and night
// shifts. Each row gives the deadline and the business time to it.
func TestBusinessDayDeadlines(t *testing.T) {
	day := MustParseShifts("09:00-17:00")
	office, err := NewCalendar(CalendarConfig{Week: map[time.Weekday][]Shift{
		time.Monday: day, time.Tuesday: day, time.Wednesday: day, time.Thursday: day, time.Friday: day}})
	require.NoError(t, err)
	bogota, err := NewCalendar(BogotaConfig()) // Mon–Fri 08–18, Sat 08–13, Colombia's festivos
	require.NoError(t, err)
	split := MustParseShifts("09:00-12:00", "14:00-18:00")
	splitCal, err := NewCalendar(CalendarConfig{Week: map[time.Weekday][]Shift{time.Monday: split, time.Tuesday: split}})
	require.NoError(t, err)
	night := MustParseShifts("22:00-06:00")
	nightCal, err := NewCalendar(CalendarConfig{Week: map[time.Weekday][]Shift{time.Monday: night, time.Tuesday: night, time.Wednesday: night}})
	require.NoError(t, err)
	utc := func(d, h, m int) time.Time { return time.Date(2026, 3, d, h, m, 0, 0, time.UTC) }
	bog := bogota.Location()
	tests := []struct {
		name     string
		cal      *Calendar
		start    time.Time
		target   string
		deadline time.Time
		business time.Duration
	}{
		// The doc comment's table: Monday 2, Friday 6, Saturday 7 March 2026.
		{"Mon 11:00 2bd", office, utc(2, 11, 0), "2bd", utc(4, 11, 0), 16 * time.Hour},
		{"Mon 11:00 eod", office, utc(2, 11, 0), "eod", utc(2, 17, 0), 6 * time.Hour},
		{"Mon 11:00 eod+1bd", office, utc(2, 11, 0), "eod+1bd", utc(3, 17, 0), 14 * time.Hour},
		{"Fri 16:00 2bd", office, utc(6, 16, 0), "2bd", utc(10, 16, 0), 16 * time.Hour},
		{"Fri 16:00 eod", office, utc(6, 16, 0), "eod", utc(6, 17, 0), time.Hour},
		{"Fri 16:00 eod+1bd", office, utc(6, 16, 0), "eod+1bd", utc(9, 17, 0), 9 * time.Hour},
		{"Sat 10:00 2bd", office, utc(7, 10, 0), "2bd", utc(11, 9, 0), 16 * time.Hour},
		{"Sat 10:00 eod", office, utc(7, 10, 0), "eod", utc(9, 17, 0), 8 * time.Hour},
		{"Sat 10:00 eod+1bd", office, utc(7, 10, 0), "eod+1bd", utc(10, 17, 0), 16 * time.Hour},
		{"Mon 08:00 2bd", office, utc(2, 8, 0), "2bd", utc(4, 9, 0), 16 * time.Hour},
		{"Mon 17:30 1bd", office, utc(2, 17, 30), "1bd", utc(4, 9, 0), 8 * time.Hour}, // Tuesday is the start's day
		// Bogotá: Friday 20 March 10:00, 2bd: Saturday 21 is a (half)
		// business day, Monday 23 is San José (festivo), so Tuesday 24 at
		// 10:00 (2 h into its day as on Friday): 8 h + 5 h + 2 h.
		{"Bogotá over a festivo", bogota, time.Date(2026, 3, 20, 10, 0, 0, 0, bog), "2bd", time.Date(2026, 3, 24, 10, 0, 0, 0, bog), 15 * time.Hour},
		// 15:00 on Friday is 7 h into a 10 h day; Saturday has 5 h only:
		// 1bd ends at its close, 3 h + 5 h later.
		{"Bogotá into a half day", bogota, time.Date(2026, 3, 20, 15, 0, 0, 0, bog), "1bd", time.Date(2026, 3, 21, 13, 0, 0, 0, bog), 8 * time.Hour},
		{"Bogotá eod on Saturday", bogota, time.Date(2026, 3, 21, 9, 0, 0, 0, bog), "eod", time.Date(2026, 3, 21, 13, 0, 0, 0, bog), 4 * time.Hour},
		// Split shift, Monday 15:00 is 3 h + 1 h into the day: 1bd is
		// Tuesday 15:00.
		{"split shift", splitCal, utc(2, 15, 0), "1bd", utc(3, 15, 0), 7 * time.Hour},
		{"split shift at lunch", splitCal, utc(2, 13, 0), "eod", utc(2, 18, 0), 4 * time.Hour},
		// Night shift: Tuesday 03:00 belongs to Monday's 22:00–06:00 (5 h
		// used): 1bd is Wednesday 03:00, in Tuesday's shift.
		{"night shift", nightCal, utc(3, 3, 0), "1bd", utc(4, 3, 0), 8 * time.Hour},
		{"night shift eod", nightCal, utc(3, 3, 0), "eod", utc(3, 6, 0), 3 * time.Hour},
		// 24×7 (no calendar): a business day is a UTC day.
		{"24x7 1bd", nil, utc(2, 11, 0), "1bd", utc(3, 11, 0), 24 * time.Hour},
		{"24x7 eod", nil, utc(2, 11, 0), "eod", utc(3, 0, 0), 13 * time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := ParseBusinessDays(tt.target)
			require.NoError(t, err)
			pat, loc := always24, time.UTC
			if tt.cal != nil {
				pat, loc = newDayPattern(tt.cal), tt.cal.Location()
			}
			got, ok := pat.deadline(tt.start, b, loc)
			require.True(t, ok)
			assert.True(t, got.Equal(tt.deadline), "deadline %s, want %s", got, tt.deadline)
			assert.Equal(t, tt.business, between(tt.cal, tt.start, got))
		})
	}
	// A calendar closed for more than ten years has no business day.
	_, ok := (&dayPattern{}).deadline(utc(2, 9, 0), BusinessDays{Days: 1}, time.UTC)
	assert.False(t, ok)
}

// TestEvaluateBusinessDays evaluates business-day targets on Mon–Fri
// 09:00–17:00 UTC: normal "2bd", high "eod".
func TestEvaluateBusinessDays(t *testing.T) {
	day := MustParseShifts("09:00-17:00")
	office, err := NewCalendar(CalendarConfig{Week: map[time.Weekday][]Shift{
		time.Monday: day, time.Tuesday: day, time.Wednesday: day, time.Thursday: day, time.Friday: day}})
	require.NoError(t, err)
	var a Agreement
	require.NoError(t, json.Unmarshal([]byte(`{"name":"bd","kind":"service-based","calendars":{"office":`+mustJSON(t, office.Config())+`},`+
		`"objectives":[{"metric":"resolution","calendar":"office","targets":{"normal":"2bd","high":"eod","urgent":"4h"},"threshold":90}]}`), &a))
	o := a.Objectives()[0]
	assert.Equal(t, map[Priority]BusinessDays{Normal: {2, false}, High: {0, true}}, o.DayTargets)
	assert.Equal(t, map[Priority]time.Duration{Urgent: 4 * time.Hour}, o.Targets)
	data, err := json.Marshal(&a)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"targets":{"high":"eod","normal":"2bd","urgent":"4h"}`)

	fri := func(dd, h int) time.Time { return time.Date(2026, 3, 6+dd, h, 0, 0, 0, time.UTC) }
	// Normal, opened Friday 16:00: 2bd is 16 business hours. Waiting for
	// the customer Monday 09–12: Fri 16–17 (1 h) + Mon 12–17 (5 h) + Tue
	// 09–16 (7 h) = 13 h on Tuesday 16:00 (past 80 %: at risk), 3 h left:
	// Tuesday 16–17 and Wednesday 09–11.
	e, err := a.Evaluate(Ticket{ID: "B", Priority: Normal, Events: []Event{ev(Opened, fri(0, 16)),
		{Kind: Paused, At: fri(3, 9), Reason: WaitingCustomer}, ev(Resumed, fri(3, 12))}}, fri(4, 16))
	require.NoError(t, err)
	r := mustResult(t, e, Resolution)
	assert.Equal(t, AtRisk, r.Status)
	assert.Equal(t, 16*time.Hour, r.Target)
	assert.Equal(t, 13*time.Hour, r.Elapsed)
	assert.True(t, r.Deadline.Equal(fri(5, 11)), "%s", r.Deadline)

	// Raised to high at Monday 10:00: "eod" counts from the opening, so
	// the target is Friday's last hour, already past (2 h run): breached at
	// the change.
	e, err = a.Evaluate(Ticket{ID: "B", Priority: Normal, Events: []Event{ev(Opened, fri(0, 16)), prioTo(High, fri(3, 10))}}, fri(3, 11))
	require.NoError(t, err)
	r = mustResult(t, e, Resolution)
	assert.Equal(t, Breached, r.Status)
	assert.Equal(t, time.Hour, r.Target)
	assert.True(t, r.BreachedAt.Equal(fri(3, 10)), "%s", r.BreachedAt)

	for _, tt := range []struct{ in, want string }{
		{`"targets":{"normal":"0bd"}`, `target for normal: business days "0bd"`},
		{`"targets":{"normal":"eod+"}`, `business days "eod+"`},
		{`"targets":{"normal":"2bd","media":"4h"}`, "two targets for normal"},
	} {
		err := json.Unmarshal([]byte(`{"name":"bd","kind":"service-based","objectives":[{"metric":"resolution",`+tt.in+`,"threshold":90}]}`), &a)
		require.Error(t, err, tt.in)
		assert.ErrorIs(t, err, ErrInvalidAgreement)
		assert.Contains(t, err.Error(), tt.want)
	}
	_, err = NewAgreement(AgreementConfig{Name: "x", Kind: ServiceBased, Objectives: []Objective{{Metric: Resolution, Threshold: 90,
		Targets: map[Priority]time.Duration{Normal: time.Hour}, DayTargets: map[Priority]BusinessDays{Normal: {1, false}, High: {}}}}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "normal has a target in time (1h) and in business days (1bd): want one")
	assert.Contains(t, err.Error(), "business-day target for high: 0 days (end of day false)")
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

func FuzzParseBusinessDays(f *testing.F) {
	for _, s := range []string{"2bd", "eod", "eod+1bd", "end of next business day", "3dh", "0bd", "eod+", " 7 BD "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := ParseBusinessDays(s)
		if err != nil {
			if !errors.Is(err, ErrInvalidDuration) {
				t.Fatalf("%q: error does not wrap ErrInvalidDuration: %v", s, err)
			}
			return
		}
		if !b.IsValid() {
			t.Fatalf("%q parsed to invalid %+v", s, b)
		}
		back, err := ParseBusinessDays(b.String())
		if err != nil || back != b {
			t.Fatalf("%q: %+v written %q reads %+v, %v", s, b, b.String(), back, err)
		}
		if !isBusinessDays(b.String()) {
			t.Fatalf("%q is not recognised as a business-day target", b.String())
		}
	})
}
