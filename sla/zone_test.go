package sla

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// zoneAgreement counts resolution (8 h) on a Bogotá office calendar, Mon–Fri
// 09:00–17:00, in each ticket's zone; customer "acme" is in Tokyo.
func zoneAgreement(t testing.TB, rule ZoneRule) *Agreement {
	t.Helper()
	day := MustParseShifts("09:00-17:00")
	office, err := NewCalendar(CalendarConfig{Zone: "America/Bogota", Week: map[time.Weekday][]Shift{
		time.Monday: day, time.Tuesday: day, time.Wednesday: day, time.Thursday: day, time.Friday: day}})
	require.NoError(t, err)
	cfg := AgreementConfig{Name: "zones", Kind: ServiceBased, Zone: rule, Calendars: map[string]*Calendar{"office": office},
		Objectives: []Objective{
			{Metric: Resolution, Calendar: "office", Threshold: 90, Targets: map[Priority]time.Duration{Normal: 8 * time.Hour}},
			{Metric: FirstResolution, Threshold: 90, DayTargets: map[Priority]BusinessDays{Normal: {0, true}}}, // eod, 24×7
		}}
	if rule == TicketZone {
		cfg.CustomerZones = map[string]string{"acme": "Asia/Tokyo"}
	}
	a, err := NewAgreement(cfg)
	require.NoError(t, err)
	return a
}

// TestTicketZones checks the second half of feature 9 of issue 13. Monday 2
// March 2026 15:00 UTC is 10:00 in Bogotá (UTC−5), 16:00 in Madrid (UTC+1)
// and 24:00 in Tokyo (UTC+9).
func TestTicketZones(t *testing.T) {
	opened := time.Date(2026, 3, 2, 15, 0, 0, 0, time.UTC)
	madrid, _ := time.LoadLocation("Europe/Madrid")
	bogota, _ := time.LoadLocation("America/Bogota")
	tokyo, _ := time.LoadLocation("Asia/Tokyo")
	tests := []struct {
		name     string
		rule     ZoneRule
		tk       Ticket
		deadline time.Time // of the 8 business hours
		eod      time.Time // end of the 24×7 day the ticket opened on
	}{
		// Bogotá hours: 10–17 (7 h), then Tuesday 09–10.
		{"calendar's zone", CalendarZone, Ticket{TimeZone: "Europe/Madrid"}, time.Date(2026, 3, 3, 10, 0, 0, 0, bogota), time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)},
		// Madrid hours: 16–17 on Monday, then Tuesday 09:00 + 7 h.
		{"ticket's zone", TicketZone, Ticket{TimeZone: "Europe/Madrid"}, time.Date(2026, 3, 3, 16, 0, 0, 0, madrid), time.Date(2026, 3, 3, 0, 0, 0, 0, madrid)},
		// Tokyo, from the customer: opened at midnight starting Tuesday 3:
		// Tuesday 09:00 + 8 h = 17:00; the day ends on Wednesday 00:00.
		{"customer's zone", TicketZone, Ticket{Customer: "acme"}, time.Date(2026, 3, 3, 17, 0, 0, 0, tokyo), time.Date(2026, 3, 4, 0, 0, 0, 0, tokyo)},
		// The ticket's own zone wins over the customer's.
		{"ticket's zone first", TicketZone, Ticket{Customer: "acme", TimeZone: "Europe/Madrid"}, time.Date(2026, 3, 3, 16, 0, 0, 0, madrid), time.Date(2026, 3, 3, 0, 0, 0, 0, madrid)},
		// Neither: the calendar's zone.
		{"no zone", TicketZone, Ticket{Customer: "globex"}, time.Date(2026, 3, 3, 10, 0, 0, 0, bogota), time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := zoneAgreement(t, tt.rule)
			tt.tk.ID, tt.tk.Priority, tt.tk.Events = "Z", Normal, []Event{ev(Opened, opened)}
			e, err := a.Evaluate(tt.tk, opened)
			require.NoError(t, err)
			r := mustResult(t, e, Resolution)
			assert.True(t, r.Deadline.Equal(tt.deadline), "deadline %s, want %s", r.Deadline, tt.deadline)
			eod := mustResult(t, e, FirstResolution)
			assert.True(t, eod.Deadline.Equal(tt.eod), "eod %s, want %s", eod.Deadline, tt.eod)
		})
	}

	// Moving to Tokyo mid-ticket: Madrid's Monday 16–17 (1 h) counts, then
	// Tokyo hours from Tuesday 09:00 there (7 h left): 16:00 Tokyo time.
	a := zoneAgreement(t, TicketZone)
	e, err := a.Evaluate(Ticket{ID: "Z", Priority: Normal, TimeZone: "Europe/Madrid", Events: []Event{ev(Opened, opened),
		{Kind: AttributeChanged, At: opened.Add(2 * time.Hour), Attribute: AttrTimeZone, Value: "Asia/Tokyo"}}}, opened.Add(2*time.Hour))
	require.NoError(t, err)
	r := mustResult(t, e, Resolution)
	assert.Equal(t, time.Hour, r.Elapsed)
	assert.True(t, r.Deadline.Equal(time.Date(2026, 3, 3, 16, 0, 0, 0, tokyo)), "%s", r.Deadline)
	assert.Equal(t, "Asia/Tokyo", r.Deadline.Location().String(), "deadlines are in the ticket's zone")

	// A zone missing from the database is the ticket's error, at opening or
	// in a change.
	for _, tk := range []Ticket{
		{ID: "Z", Priority: Normal, TimeZone: "Mars/Olympus", Events: []Event{ev(Opened, opened)}},
		{ID: "Z", Priority: Normal, Events: []Event{ev(Opened, opened), {Kind: AttributeChanged, At: opened, Attribute: AttrTimeZone, Value: "Mars/Olympus"}}},
	} {
		_, err := a.Evaluate(tk, opened)
		require.Error(t, err)
		assert.ErrorIs(t, err, ErrInvalidTicket)
		assert.Contains(t, err.Error(), `time zone "Mars/Olympus": not in the zone database`)
	}
	// The zone is only read with TicketZone: the same ticket is fine under
	// CalendarZone.
	_, err = zoneAgreement(t, CalendarZone).Evaluate(Ticket{ID: "Z", Priority: Normal, TimeZone: "Mars/Olympus", Events: []Event{ev(Opened, opened)}}, opened)
	require.NoError(t, err)
}

func TestZoneConfig(t *testing.T) {
	a := zoneAgreement(t, TicketZone)
	data, err := json.Marshal(a)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"zone":"ticket","customerZones":{"acme":"Asia/Tokyo"}`)
	var back Agreement
	require.NoError(t, json.Unmarshal(data, &back))
	assert.Equal(t, a.Config().CustomerZones, back.Config().CustomerZones)
	cfg := back.Config()
	cfg.CustomerZones["acme"] = "UTC"
	assert.Equal(t, "Asia/Tokyo", back.Config().CustomerZones["acme"], "Config returns a copy")
	for _, tt := range []struct {
		cfg  AgreementConfig
		want string
	}{
		{AgreementConfig{Name: "x", Kind: ServiceBased, CustomerZones: map[string]string{"a": "UTC"}}, "customer zones are read only with zone ticket"},
		{AgreementConfig{Name: "x", Kind: ServiceBased, Zone: TicketZone, CustomerZones: map[string]string{"a": "Mars/Olympus"}}, `customer "a": time zone "Mars/Olympus": not in the zone database`},
		{AgreementConfig{Name: "x", Kind: ServiceBased, Zone: TicketZone, CustomerZones: map[string]string{"a": ""}}, `customer "a": time zone "": want an IANA name`},
		{AgreementConfig{Name: "x", Kind: ServiceBased, Zone: 9}, "zone zone rule(9): want calendar or ticket"},
	} {
		_, err := NewAgreement(tt.cfg)
		require.Error(t, err)
		assert.ErrorIs(t, err, ErrInvalidAgreement)
		assert.Contains(t, err.Error(), tt.want)
	}
	z, err := ParseZoneRule("zona del cliente")
	require.NoError(t, err)
	assert.Equal(t, TicketZone, z)
}

// TestEvaluateZonesConcurrently builds a zone's calendars from several
// goroutines at once (run with -race).
func TestEvaluateZonesConcurrently(t *testing.T) {
	a := zoneAgreement(t, TicketZone)
	opened := time.Date(2026, 3, 2, 15, 0, 0, 0, time.UTC)
	done := make(chan time.Time)
	for _, z := range []string{"Europe/Madrid", "Europe/Madrid", "Asia/Tokyo", "Europe/Madrid"} {
		go func() {
			e, err := a.Evaluate(Ticket{ID: "Z", Priority: Normal, TimeZone: z, Events: []Event{ev(Opened, opened)}}, opened)
			if err != nil {
				done <- time.Time{}
				return
			}
			r, _ := e.Result(Resolution)
			done <- r.Deadline
		}()
	}
	var got []time.Time
	for range 4 {
		got = append(got, <-done)
	}
	n := 0
	for _, d := range got {
		if d.Equal(time.Date(2026, 3, 3, 15, 0, 0, 0, time.UTC)) { // Tuesday 16:00 in Madrid
			n++
		}
	}
	assert.Equal(t, 3, n, "%v", got)
}
