package sla

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRequestAvailability(t *testing.T) {
	a := availabilityAgreement(t, nil, "", 99.9)
	from := time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
	to := from.Add(24 * time.Hour)
	counts := []RequestCount{
		{At: from.Add(-time.Minute), Good: 0, Total: 500},          // before the window
		{At: from, Good: 9990, Total: 10000},                       // the window's first instant
		{At: from.Add(12 * time.Hour), Good: 19_975, Total: 20000}, // out of order is fine
		{At: from.Add(time.Hour), Good: 0, Total: 0},               // no traffic
		{At: to, Good: 0, Total: 700},                              // the window's end is out
	}
	r, err := a.RequestAvailability("up", counts, from, to)
	require.NoError(t, err)
	// 30,000 requests, 29,965 good: 99.8833…%; 35 bad against a budget of
	// 0.1 % × 30,000 = 30: 116.67 % of it used, 5 over.
	assert.Equal(t, "up", r.Objective)
	assert.Equal(t, [2]time.Time{from, to}, [2]time.Time{r.From, r.To})
	assert.Equal(t, 99.9, r.Target)
	assert.Equal(t, [3]int64{30000, 29965, 35}, [3]int64{r.Total, r.Good, r.Bad})
	assert.InDelta(t, 100*29965.0/30000, r.Achieved, 1e-12)
	assert.False(t, r.Met)
	assert.InDelta(t, 30.0, r.Budget, 1e-9)
	assert.InDelta(t, -5.0, r.BudgetLeft, 1e-9)
	assert.InDelta(t, 100*35/30.0, r.BudgetUsed, 1e-9)

	// No request: 100 %, nothing used.
	r, err = a.RequestAvailability("up", nil, from, to)
	require.NoError(t, err)
	assert.Equal(t, 100.0, r.Achieved)
	assert.True(t, r.Met)
	assert.Equal(t, 0.0, r.BudgetUsed)

	// A business-hours objective counts the requests of open hours only:
	// Monday 2 March 2026, 09:00–17:00 UTC.
	wk := MustParseShifts("09:00-17:00")
	office := mustCal(t, CalendarConfig{Week: map[time.Weekday][]Shift{1: wk, 2: wk, 3: wk, 4: wk, 5: wk}})
	b := availabilityAgreement(t, map[string]*Calendar{"office": office}, "office", 99)
	r, err = b.RequestAvailability("up", []RequestCount{
		{At: mon(3, 0), Good: 0, Total: 50},     // at night: not part of the commitment
		{At: mon(9, 0), Good: 990, Total: 1000}, // opening
		{At: mon(16, 59), Good: 1, Total: 2},
		{At: mon(17, 0), Good: 0, Total: 9}, // closing time: closed
	}, mon(0, 0), mon(24, 0))
	require.NoError(t, err)
	assert.Equal(t, int64(1002), r.Total)
	assert.Equal(t, int64(11), r.Bad)
	assert.InDelta(t, 100*991.0/1002, r.Achieved, 1e-12)

	// A 100 % objective has no budget: one bad request uses +Inf of it.
	p := availabilityAgreement(t, nil, "", 100)
	r, err = p.RequestAvailability("up", []RequestCount{{At: from, Good: 9, Total: 10}}, from, to)
	require.NoError(t, err)
	assert.True(t, math.IsInf(r.BudgetUsed, 1))
}

func TestRequestAvailabilityErrors(t *testing.T) {
	a := availabilityAgreement(t, nil, "", 99.9)
	now := mon(12, 0)
	tests := []struct {
		name   string
		counts []RequestCount
		says   string
	}{
		{"zero instant", []RequestCount{{Good: 1, Total: 1}}, "request count 1 "},
		{"negative total", []RequestCount{{At: now, Total: 1}, {At: now, Good: 0, Total: -1}}, "request count 2 "},
		{"negative good", []RequestCount{{At: now, Good: -1, Total: 1}}, "request count 1 "},
		{"more good than total", []RequestCount{{At: now, Good: 3, Total: 2}}, "request count 1 (3 good of 2"},
		{"totals past 2^63", []RequestCount{{At: mon(1, 0), Total: math.MaxInt64}, {At: mon(2, 0), Total: 1}}, "request count 2: the total passes 2^63"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := a.RequestAvailability("up", tt.counts, mon(0, 0), now)
			assertOnePrefix(t, err, ErrInvalidOutage)
			assert.Contains(t, err.Error(), tt.says)
			_, err = a.RequestAlerts("up", tt.counts, now, nil)
			assert.ErrorIs(t, err, ErrInvalidOutage)
		})
	}
	_, err := a.RequestAvailability("fr", nil, mon(0, 0), now)
	assert.ErrorIs(t, err, ErrInvalidAgreement)
	_, err = a.RequestAvailability("up", nil, now, mon(0, 0))
	assert.ErrorIs(t, err, ErrInvalidOutage)
	_, err = a.RequestBurnRate("up", nil, 2*Day, Day, now)
	assert.ErrorIs(t, err, ErrInvalidOutage)
	_, err = a.RequestAlerts("up", nil, now, []AlertRule{{Severity: Page, Long: time.Hour, Short: time.Hour, Budget: 2}})
	assertOnePrefix(t, err, ErrInvalidOutage)
	_, err = a.RequestAlerts("nope", nil, now, nil)
	assert.ErrorIs(t, err, ErrInvalidAgreement)
}

// TestRequestAlerts checks request-based alerts on a share of the period's
// budget: a burst on steady traffic pages, and one bad request among the
// night's two does not, where the window's error rate (50 %, a burn rate of
// 500 at 99.9 %) would.
func TestRequestAlerts(t *testing.T) {
	a := availabilityAgreement(t, nil, "", 99.9)
	now := time.Date(2026, 4, 10, 12, 0, 0, 0, time.UTC)
	// Steady traffic: 60,000 good requests every hour for 30 days (720
	// counts, the last at 11:00), then 1,000 requests a minute from 11:50
	// to 11:59, half of them bad.
	var counts []RequestCount
	for k := 1; k <= 720; k++ {
		counts = append(counts, RequestCount{At: now.Add(-time.Duration(k) * time.Hour), Good: 60000, Total: 60000})
	}
	for m := 1; m <= 10; m++ {
		counts = append(counts, RequestCount{At: now.Add(-time.Duration(m) * time.Minute), Good: 500, Total: 1000})
	}
	// The period holds 720 × 60,000 + 10 × 1,000 = 43,210,000 requests: a
	// budget of 43,210 bad ones. The 5,000 bad of the last 10 min are
	// 11.571 % of it, in every long window; the 5-min window holds 2,500
	// (5.786 %), the others all 5,000. Every rule fires.
	const budget = 43210.0
	alerts, err := a.RequestAlerts("up", counts, now, nil)
	require.NoError(t, err)
	require.Len(t, alerts, 3)
	shorts := []float64{2500, 5000, 5000}
	for i, al := range alerts {
		assert.True(t, al.Firing, "rule %d", i+1)
		assert.InEpsilon(t, 100*5000/budget, al.LongBudget, 1e-12, "rule %d", i+1)
		assert.InEpsilon(t, 100*shorts[i]/budget, al.ShortBudget, 1e-12, "rule %d", i+1)
		assert.InEpsilon(t, 5000/budget*float64(DefaultBudgetPeriod)/float64(al.Rule.Long), al.LongBurn, 1e-12, "rule %d", i+1)
	}
	burn, err := a.RequestBurnRate("up", counts, time.Hour, DefaultBudgetPeriod, now)
	require.NoError(t, err)
	assert.InEpsilon(t, 5000/budget*720, burn, 1e-12) // 83.31

	// A quiet night: the same daytime traffic from 08:00 to 19:00 only, and
	// at 03:00 two requests, one bad. The budget is 0.1 % of 30 × 12 ×
	// 60,000 + 2 requests; one bad request is 0.0046 % of it: no alert.
	night := time.Date(2026, 4, 10, 3, 1, 0, 0, time.UTC)
	counts = counts[:0]
	for d := 1; d <= 30; d++ {
		for h := 8; h < 20; h++ {
			counts = append(counts, RequestCount{At: time.Date(2026, 4, 10-d, h, 0, 0, 0, time.UTC), Good: 60000, Total: 60000})
		}
	}
	counts = append(counts, RequestCount{At: night.Add(-time.Minute), Good: 1, Total: 2})
	alerts, err = a.RequestAlerts("up", counts, night, nil)
	require.NoError(t, err)
	nightBudget := 0.001 * (30*12*60000 + 2)
	for i, al := range alerts {
		assert.False(t, al.Firing, "rule %d", i+1)
		assert.InEpsilon(t, 100/nightBudget, al.LongBudget, 1e-9, "rule %d", i+1)
	}
}
