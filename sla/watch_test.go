package sla

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func mustWarnings(t testing.TB, ss ...string) []Warning {
	t.Helper()
	var ws []Warning
	for _, s := range ss {
		w, err := ParseWarning(s)
		require.NoError(t, err, s)
		ws = append(ws, w)
	}
	return ws
}

func TestParseWarning(t *testing.T) {
	for in, want := range map[string]Warning{
		"50%": {Percent: 50}, " 87.5 % ": {Percent: 87.5}, "30m": {Before: 30 * time.Minute}, "1d2h": {Before: 26 * time.Hour},
	} {
		got, err := ParseWarning(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
		back, err := ParseWarning(got.String())
		require.NoError(t, err)
		assert.Equal(t, got, back)
	}
	for _, in := range []string{"", "%", "0%", "100%", "-5%", "NaN%", "abc", "0s", "-30m", "50"} {
		_, err := ParseWarning(in)
		require.Error(t, err, in)
		assert.ErrorIs(t, err, ErrInvalidAgreement, in)
	}
	assert.False(t, Warning{Percent: 50, Before: time.Minute}.IsValid(), "both set")
	assert.False(t, Warning{}.IsValid())
	assert.False(t, Warning{Percent: math.Inf(1)}.IsValid())
	_, err := Warning{}.MarshalText()
	assert.ErrorIs(t, err, ErrInvalidAgreement)
}

// TestWatch checks feature 6 of issue 13 on a 24×7 agreement at Monday
// 12:00: first response (high, 4 h) warns at 50 %, 90 % and 30 min before
// the breach, resolution (high, 24 h) at 75 %.
func TestWatch(t *testing.T) {
	a, err := NewAgreement(AgreementConfig{Name: "watch", Kind: ServiceBased, Objectives: []Objective{
		{Metric: FirstResponse, Threshold: 90, Targets: map[Priority]time.Duration{High: 4 * time.Hour}, Warnings: mustWarnings(t, "50%", "90%", "30m")},
		{Metric: Resolution, Threshold: 90, Targets: map[Priority]time.Duration{High: 24 * time.Hour}, Warnings: mustWarnings(t, "75%")},
	}})
	require.NoError(t, err)
	tickets := []Ticket{
		// 3 h run: 50 % (2 h) passed; 30 min before is 3 h 30 (12:30),
		// 90 % is 3 h 36 (12:36), the breach 13:00. Resolution: 75 % is
		// 18 h, Tuesday 03:00; breach Tuesday 09:00.
		{ID: "T1", Priority: High, Events: []Event{ev(Opened, mon(9, 0))}},
		// 1 h run: 13:00, 14:30, 14:36, 15:00; resolution 75 % Tuesday
		// 05:00, breach 11:00.
		{ID: "T2", Priority: High, Events: []Event{ev(Opened, mon(11, 0))}},
		// Waiting for the customer: nothing ahead while it waits.
		{ID: "T3", Priority: High, Events: []Event{ev(Opened, mon(10, 0)), {Kind: Paused, At: mon(10, 30), Reason: WaitingCustomer}}},
		// Answered: only resolution, 4 h run: Tuesday 02:00 and 08:00.
		{ID: "T4", Priority: High, Events: []Event{ev(Opened, mon(8, 0)), ev(AgentReplied, mon(8, 30))}},
		{ID: "T5", Priority: High}, // invalid: no events
		// Opened after now: nothing runs yet, and it is no error.
		{ID: "T6", Priority: High, Events: []Event{ev(Opened, mon(12, 1))}},
	}
	line := func(u Upcoming) string {
		level := "breach"
		if !u.Breach() {
			level = u.Warning.String()
		}
		return fmt.Sprintf("%s %s %s %s", u.At.Format("Mon 15:04"), u.Ticket, u.Metric, level)
	}
	got, err := a.Watch(tickets, mon(12, 0), 3*time.Hour)
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrInvalidTicket)
	assert.Contains(t, err.Error(), `sla: watch: ticket 5: ticket "T5": no events`)
	assert.NotContains(t, err.Error(), "ticket 6")
	var lines []string
	for _, u := range got {
		lines = append(lines, line(u))
	}
	assert.Equal(t, []string{
		"Mon 12:30 T1 first-response 30m",
		"Mon 12:36 T1 first-response 90%",
		"Mon 13:00 T1 first-response breach",
		"Mon 13:00 T2 first-response 50%",
		"Mon 14:30 T2 first-response 30m",
		"Mon 14:36 T2 first-response 90%",
		"Mon 15:00 T2 first-response breach", // the end of the horizon is in it
	}, lines)
	assert.Equal(t, 1, got[3].Index)
	assert.Equal(t, "first-response", got[3].Objective)

	got, err = a.Watch(tickets[:4], mon(12, 0), 24*time.Hour)
	require.NoError(t, err)
	lines = nil
	for _, u := range got[7:] {
		lines = append(lines, line(u))
	}
	assert.Equal(t, []string{
		"Tue 02:00 T4 resolution 75%",
		"Tue 03:00 T1 resolution 75%",
		"Tue 05:00 T2 resolution 75%",
		"Tue 08:00 T4 resolution breach",
		"Tue 09:00 T1 resolution breach",
		"Tue 11:00 T2 resolution breach",
	}, lines)

	_, err = a.Watch(tickets, mon(12, 0), 0)
	assert.ErrorIs(t, err, ErrInvalidTicket)
	got, err = a.Watch(nil, mon(12, 0), time.Hour)
	assert.NoError(t, err)
	assert.Empty(t, got)
}

// TestWatchBusinessHours checks that levels are counted on the objective's
// calendar, and the horizon in real time: Mon–Fri 09:00–17:00, first
// response 4 h, opened Monday 15:00, watched at 16:00 (1 h run).
func TestWatchBusinessHours(t *testing.T) {
	day := MustParseShifts("09:00-17:00")
	office, err := NewCalendar(CalendarConfig{Week: map[time.Weekday][]Shift{
		time.Monday: day, time.Tuesday: day, time.Wednesday: day, time.Thursday: day, time.Friday: day}})
	require.NoError(t, err)
	a, err := NewAgreement(AgreementConfig{Name: "office", Kind: ServiceBased, Calendars: map[string]*Calendar{"office": office},
		Objectives: []Objective{{Metric: FirstResponse, Calendar: "office", Threshold: 90,
			Targets: map[Priority]time.Duration{High: 4 * time.Hour}, Warnings: mustWarnings(t, "30m")}}})
	require.NoError(t, err)
	tk := []Ticket{{ID: "B", Priority: High, Events: []Event{ev(Opened, mon(15, 0))}}}
	// 30 min before the breach is 3 h 30 run, 2 h 30 from now: Monday
	// 16–17, then Tuesday 09:00–10:30. The breach: Tuesday 11:00.
	got, err := a.Watch(tk, mon(16, 0), 24*time.Hour)
	require.NoError(t, err)
	require.Len(t, got, 2)
	assert.True(t, got[0].At.Equal(mon(24+10, 30)), "%s", got[0].At)
	assert.True(t, got[1].At.Equal(mon(24+11, 0)), "%s", got[1].At)
	// Until 18:00 only one business hour passes: nothing is reached.
	got, err = a.Watch(tk, mon(16, 0), 2*time.Hour)
	require.NoError(t, err)
	assert.Empty(t, got)
	// Opened Monday 13:00, the 4 h are used up at 17:00: watched at 20:00,
	// on target while the calendar is closed, it is due now.
	tk = []Ticket{{ID: "C", Priority: High, Events: []Event{ev(Opened, mon(13, 0))}}}
	got, err = a.Watch(tk, mon(20, 0), time.Hour)
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.True(t, got[0].Breach())
	assert.True(t, got[0].At.Equal(mon(20, 0)))
}

func TestWarningsConfig(t *testing.T) {
	var a Agreement
	require.NoError(t, json.Unmarshal([]byte(`{"name":"x","kind":"service-based","objectives":[`+
		`{"metric":"resolution","targets":{"alta":"8h"},"threshold":90,"warnings":["50%","75%","90%","30m"]}]}`), &a))
	assert.Equal(t, []Warning{{Percent: 50}, {Percent: 75}, {Percent: 90}, {Before: 30 * time.Minute}}, a.Objectives()[0].Warnings)
	data, err := json.Marshal(&a)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"warnings":["50%","75%","90%","30m"]`)
	for _, tt := range []struct {
		ws   []Warning
		want string
	}{
		{[]Warning{{Percent: 50}, {Percent: 150}}, "warning 2: {150 0s}: want a percentage in (0, 100)"},
		{[]Warning{{Before: time.Hour}, {Before: time.Hour}}, "warning 2: 1h listed twice"},
	} {
		_, err := NewAgreement(AgreementConfig{Name: "x", Kind: ServiceBased, Objectives: []Objective{
			{Metric: Resolution, Threshold: 90, Targets: map[Priority]time.Duration{High: time.Hour}, Warnings: tt.ws}}})
		require.Error(t, err)
		assert.Contains(t, err.Error(), tt.want)
	}
	err = json.Unmarshal([]byte(`{"name":"x","kind":"service-based","objectives":[{"metric":"resolution","targets":{"alta":"8h"},"threshold":90,"warnings":["soon"]}]}`), &a)
	assert.ErrorIs(t, err, ErrInvalidAgreement)
}

// TestSortKeys checks the radix sort against a stable comparison sort on
// random keys (fixed seed), with many ties and spans of every width.
func TestSortKeys(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 17))
	for round := 0; round < 200; round++ {
		n := rng.IntN(3000)
		width := time.Duration(1) << rng.IntN(63)
		keys := make([]watchKey, n)
		for i := range keys {
			keys[i] = watchKey{time.Duration(rng.Int64N(int64(width))), int32(i)}
			if rng.IntN(4) == 0 && i > 0 {
				keys[i].d = keys[rng.IntN(i)].d // a tie
			}
		}
		want := slices.Clone(keys)
		slices.SortStableFunc(want, func(x, y watchKey) int { return cmp.Compare(x.d, y.d) })
		sortKeys(keys)
		require.Equal(t, want, keys, "round %d", round)
	}
}

func FuzzParseWarning(f *testing.F) {
	for _, s := range []string{"50%", "87.5 %", "30m", "1d2h", "0%", "100%", "-5%", "soon", "NaN%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, err := ParseWarning(s)
		if err != nil {
			if !errors.Is(err, ErrInvalidAgreement) {
				t.Fatalf("%q: error does not wrap ErrInvalidAgreement: %v", s, err)
			}
			return
		}
		if !w.IsValid() {
			t.Fatalf("%q parsed to invalid %+v", s, w)
		}
		back, err := ParseWarning(w.String())
		if err != nil || back != w {
			t.Fatalf("%q: %+v written %q reads %+v, %v", s, w, w.String(), back, err)
		}
	})
}
