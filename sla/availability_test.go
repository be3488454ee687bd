package sla

import (
	"errors"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func availabilityAgreement(t testing.TB, cals map[string]*Calendar, cal string, target float64) *Agreement {
	t.Helper()
	a, err := NewAgreement(AgreementConfig{Name: "uptime", Kind: ServiceBased, Calendars: cals,
		Objectives: []Objective{{Name: "up", Metric: Availability, Threshold: target, Calendar: cal},
			{Name: "fr", Metric: FirstResponse, Threshold: 90, Targets: hours(1)}}})
	require.NoError(t, err)
	return a
}

func TestAvailability24x7(t *testing.T) {
	a := availabilityAgreement(t, nil, "", 99.9)
	from := time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
	to := from.AddDate(0, 0, 30)
	// 30 days = 43,200 min; 99.9 % allows 43.2 min = 43m12s of downtime.
	// Outages 10:00–10:10 and 10:05–10:25 overlap: together 25 min, not 30.
	// One more reaches back before the window: only its 5 min inside count.
	outages := []Outage{
		{Start: from.Add(10 * time.Hour), End: from.Add(10*time.Hour + 10*time.Minute)},
		{Start: from.Add(10*time.Hour + 5*time.Minute), End: from.Add(10*time.Hour + 25*time.Minute)},
		{Start: from.Add(-time.Hour), End: from.Add(5 * time.Minute)},
	}
	r, err := a.Availability("up", outages, from, to)
	require.NoError(t, err)
	assert.Equal(t, 720*time.Hour, r.ServiceTime)
	assert.Equal(t, 30*time.Minute, r.Downtime)
	// (43200 − 30) / 43200 = 99.930555… %
	assert.InDelta(t, 100*(43200.0-30)/43200, r.Achieved, 1e-9)
	assert.True(t, r.Met)
	assert.InDelta(t, float64(43*time.Minute+12*time.Second), float64(r.Budget), float64(time.Millisecond))
	assert.InDelta(t, float64(13*time.Minute+12*time.Second), float64(r.BudgetLeft), float64(time.Millisecond))
	// 30 / 43.2 = 69.44 % of the budget spent.
	assert.InDelta(t, 100*30/43.2, r.BudgetUsed, 1e-6)
}

func TestAvailabilityBusinessHours(t *testing.T) {
	// Mon–Fri 08:00–18:00 UTC: an outage overnight costs nothing; one from
	// 17:00 to 09:00 costs 1 h + 1 h.
	wk := MustParseShifts("08:00-18:00")
	cal, err := NewCalendar(CalendarConfig{Week: map[time.Weekday][]Shift{1: wk, 2: wk, 3: wk, 4: wk, 5: wk}})
	require.NoError(t, err)
	a := availabilityAgreement(t, map[string]*Calendar{"office": cal}, "office", 99)
	from, to := mon(0, 0), mon(24*5, 0) // Monday to Saturday 00:00: 50 h of service
	r, err := a.Availability("up", []Outage{
		{Start: mon(20, 0), End: mon(24+6, 0)},    // Mon 20:00 – Tue 06:00: closed hours
		{Start: mon(24+17, 0), End: mon(48+9, 0)}, // Tue 17:00 – Wed 09:00: 2 h
	}, from, to)
	require.NoError(t, err)
	assert.Equal(t, 50*time.Hour, r.ServiceTime)
	assert.Equal(t, 2*time.Hour, r.Downtime)
	assert.InDelta(t, 96.0, r.Achieved, 1e-9) // 48 / 50
	assert.False(t, r.Met)
	assert.Equal(t, 30*time.Minute, r.Budget) // 1 % of 50 h
	assert.Equal(t, -90*time.Minute, r.BudgetLeft)
	assert.InDelta(t, 400.0, r.BudgetUsed, 1e-9)
}

func TestBurnRateAndAlerts(t *testing.T) {
	a := availabilityAgreement(t, nil, "", 99.9)
	now := time.Date(2026, 4, 10, 12, 0, 0, 0, time.UTC)
	// 30 min down in the last hour: 0.5 of the time against 0.001 allowed.
	burn, err := a.BurnRate("up", []Outage{{Start: now.Add(-40 * time.Minute), End: now.Add(-10 * time.Minute)}}, time.Hour, now)
	require.NoError(t, err)
	assert.InDelta(t, 500.0, burn, 1e-6)

	tests := []struct {
		name   string
		outage Outage
		firing []bool // page 1h/5m, page 6h/30m, ticket 3d/6h
		long   []float64
	}{
		{
			// Down for the last 10 min. 1h: 10/60/0.001 = 166.7, 5m: 1000;
			// 6h: 10/360/0.001 = 27.8, 30m: 333.3; 3d: 10/4320/0.001 = 2.31,
			// 6h: 27.8. Every rule fires.
			name: "ongoing", outage: Outage{Start: now.Add(-10 * time.Minute), End: now},
			firing: []bool{true, true, true}, long: []float64{10.0 / 60 / 0.001, 10.0 / 360 / 0.001, 10.0 / 4320 / 0.001},
		},
		{
			// 20 min down, ended 2 h ago. 1h and 5m: 0, no page; 6h: 55.6 but
			// 30m: 0, no page; 3d: 20/4320/0.001 = 4.63 and 6h: 55.6 ≥ 1:
			// a ticket.
			name: "over", outage: Outage{Start: now.Add(-140 * time.Minute), End: now.Add(-120 * time.Minute)},
			firing: []bool{false, false, true}, long: []float64{0, 20.0 / 360 / 0.001, 20.0 / 4320 / 0.001},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			alerts, err := a.Alerts("up", []Outage{tt.outage}, now, nil)
			require.NoError(t, err)
			require.Len(t, alerts, 3)
			for i, al := range alerts {
				assert.Equal(t, tt.firing[i], al.Firing, "rule %d", i)
				assert.InEpsilon(t, 1+tt.long[i], 1+al.LongBurn, 1e-6, "rule %d", i)
			}
		})
	}
	rules := DefaultAlertRules()
	assert.Equal(t, AlertRule{Severity: Page, Long: time.Hour, Short: 5 * time.Minute, Burn: 14.4}, rules[0])
	assert.Equal(t, AlertRule{Severity: TicketAlert, Long: 72 * time.Hour, Short: 6 * time.Hour, Burn: 1}, rules[2])
}

func TestAvailabilityErrors(t *testing.T) {
	a := availabilityAgreement(t, nil, "", 100)
	now := mon(12, 0)
	_, err := a.Availability("fr", nil, mon(0, 0), now)
	assert.True(t, errors.Is(err, ErrInvalidAgreement), "%v", err)
	_, err = a.Availability("nope", nil, mon(0, 0), now)
	assert.True(t, errors.Is(err, ErrInvalidAgreement), "%v", err)
	_, err = a.Availability("up", []Outage{{Start: now, End: now.Add(-time.Minute)}}, mon(0, 0), now)
	assert.True(t, errors.Is(err, ErrInvalidOutage), "%v", err)
	assert.Contains(t, err.Error(), "outage 0")
	_, err = a.Availability("up", nil, now, mon(0, 0))
	assert.True(t, errors.Is(err, ErrInvalidOutage), "%v", err)
	_, err = a.BurnRate("up", nil, 0, now)
	assert.True(t, errors.Is(err, ErrInvalidOutage), "%v", err)
	_, err = a.Alerts("up", nil, now, []AlertRule{{Severity: Page, Long: time.Minute, Short: time.Hour, Burn: 2}})
	assert.True(t, errors.Is(err, ErrInvalidOutage), "%v", err)

	// A 100 % target has no budget: any downtime burns infinitely fast.
	burn, err := a.BurnRate("up", []Outage{{Start: now.Add(-time.Minute), End: now}}, time.Hour, now)
	require.NoError(t, err)
	assert.True(t, math.IsInf(burn, 1))
	r, err := a.Availability("up", []Outage{{Start: now.Add(-time.Minute), End: now}}, mon(0, 0), now)
	require.NoError(t, err)
	assert.True(t, math.IsInf(r.BudgetUsed, 1))
	assert.Equal(t, time.Duration(0), r.Budget)
}
