package sla

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
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
	// 30 min down in the last hour. The 30-day period's budget is 0.001 ×
	// 43,200 min = 43.2 min: 30 / 43.2 of it in 1/720 of the period is a
	// burn rate of 30 / 43.2 × 720 = 500, the workbook's 0.5 / 0.001.
	burn, err := a.BurnRate("up", []Outage{{Start: now.Add(-40 * time.Minute), End: now.Add(-10 * time.Minute)}}, time.Hour, DefaultBudgetPeriod, now)
	require.NoError(t, err)
	assert.InDelta(t, 500.0, burn, 1e-9)

	tests := []struct {
		name   string
		outage Outage
		firing []bool    // page 1h/5m, page 6h/30m, ticket 3d/6h
		long   []float64 // burn rates over the long windows
		spent  []float64 // percent of the period's budget spent in the long windows
	}{
		{
			// Down for the last 10 min: 10 / 43.2 = 23.1 % of the budget in
			// every window. 1h: 23.1 % ≥ 2 %, 5m holds the same 10 min (at
			// least 2 × 5/60 %); 6h: ≥ 5 %; 3d: ≥ 10 %. Every rule fires.
			// Burn over 1h: 10/60/0.001 = 166.7; 6h: 27.8; 3d: 2.31.
			name: "ongoing", outage: Outage{Start: now.Add(-10 * time.Minute), End: now},
			firing: []bool{true, true, true}, long: []float64{10.0 / 60 / 0.001, 10.0 / 360 / 0.001, 10.0 / 4320 / 0.001},
			spent: []float64{100 * 10 / 43.2, 100 * 10 / 43.2, 100 * 10 / 43.2},
		},
		{
			// 20 min down, ended 2 h ago: 46.3 % of the budget. 1h: nothing
			// spent, no page; 6h: 46.3 % but 30m: nothing, no page; 3d:
			// 46.3 % ≥ 10 % and 6h: 46.3 % ≥ 10 × 6/72 %: a ticket.
			name: "over", outage: Outage{Start: now.Add(-140 * time.Minute), End: now.Add(-120 * time.Minute)},
			firing: []bool{false, false, true}, long: []float64{0, 20.0 / 360 / 0.001, 20.0 / 4320 / 0.001},
			spent: []float64{0, 100 * 20 / 43.2, 100 * 20 / 43.2},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			alerts, err := a.Alerts("up", []Outage{tt.outage}, now, nil)
			require.NoError(t, err)
			require.Len(t, alerts, 3)
			for i, al := range alerts {
				assert.Equal(t, tt.firing[i], al.Firing, "rule %d", i+1)
				assert.InEpsilon(t, 1+tt.long[i], 1+al.LongBurn, 1e-9, "rule %d", i+1)
				assert.InEpsilon(t, 1+tt.spent[i], 1+al.LongBudget, 1e-9, "rule %d", i+1)
			}
		})
	}
	rules := DefaultAlertRules()
	assert.Equal(t, AlertRule{Severity: Page, Long: time.Hour, Short: 5 * time.Minute, Budget: 2}, rules[0])
	assert.Equal(t, AlertRule{Severity: TicketAlert, Long: 72 * time.Hour, Short: 6 * time.Hour, Budget: 10}, rules[2])
	// The workbook's burn rates: 2 % of 30 days in 1 h is 0.02 × 720 = 14.4;
	// 5 % in 6 h is 0.05 × 120 = 6; 10 % in 3 days is 0.1 × 10 = 1.
	for i, want := range []float64{14.4, 6, 1} {
		assert.InDelta(t, want, rules[i].Burn(), 1e-12)
	}
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
	assert.Contains(t, err.Error(), "outage 1 ")
	_, err = a.Availability("up", nil, now, mon(0, 0))
	assert.True(t, errors.Is(err, ErrInvalidOutage), "%v", err)
	_, err = a.BurnRate("up", nil, 0, DefaultBudgetPeriod, now)
	assert.True(t, errors.Is(err, ErrInvalidOutage), "%v", err)
	_, err = a.Alerts("up", nil, now, []AlertRule{{Severity: Page, Long: time.Minute, Short: time.Hour, Budget: 2}})
	assert.True(t, errors.Is(err, ErrInvalidOutage), "%v", err)

	// A 100 % target has no budget: any downtime burns infinitely fast.
	burn, err := a.BurnRate("up", []Outage{{Start: now.Add(-time.Minute), End: now}}, time.Hour, DefaultBudgetPeriod, now)
	require.NoError(t, err)
	assert.True(t, math.IsInf(burn, 1))
	r, err := a.Availability("up", []Outage{{Start: now.Add(-time.Minute), End: now}}, mon(0, 0), now)
	require.NoError(t, err)
	assert.True(t, math.IsInf(r.BudgetUsed, 1))
	assert.Equal(t, time.Duration(0), r.Budget)
}

// TestAlertsShareOfPeriodBudgetBusinessHours is defect E: on a business-hours
// objective, a 30-second outage at opening evaluated a minute later filled
// half of the one minute of service in the 1 h window and paged at 50×,
// although it spent a sliver of the month's error budget. An alert now fires
// on a share of the period's budget, as the SRE Workbook means it.
func TestAlertsShareOfPeriodBudgetBusinessHours(t *testing.T) {
	wk := MustParseShifts("09:00-17:00")
	cal, err := NewCalendar(CalendarConfig{Week: map[time.Weekday][]Shift{1: wk, 2: wk, 3: wk, 4: wk, 5: wk}})
	require.NoError(t, err)
	office := availabilityAgreement(t, map[string]*Calendar{"office": cal}, "office", 99)
	allDay := availabilityAgreement(t, nil, "", 99)
	sec := func(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }
	// The 30-day period before Monday 2 March 2026 09:01 UTC runs from
	// Saturday 31 January 09:01: four Mon–Fri weeks (2–27 February) of 8 h
	// and the minute 09:00–09:01 on 2 March, 9,601 min of service. At 99 %
	// its budget is 96.01 min = 5,760.6 s. At 09:02 it is 5,761.2 s.
	// On 24×7 the budget is 1 % of 30 days, 25,920 s, at any instant.
	const office0901, office0902, allDayBudget = 5760.6, 5761.2, 25920.0
	tests := []struct {
		name   string
		a      *Agreement
		down   time.Duration // from 09:00 on 2 March
		now    time.Time
		budget float64 // the period's budget, seconds
		firing []bool  // page 1h/5m (2 %), page 6h/30m (5 %), ticket 3d/6h (10 %)
	}{
		// 30 s of 5,760.6 s is 0.52 % of the budget: no page.
		{"business hours, 30 s at opening", office, sec(30), mon(9, 1), office0901, []bool{false, false, false}},
		// 2 min = 120 s of 5,761.2 s is 2.08 % ≥ 2 % in the hour, and the
		// same 2.08 % ≥ 2 × 5/60 % in 5 min: the fast page fires.
		{"business hours, 2 min at opening", office, 2 * time.Minute, mon(9, 2), office0902, []bool{true, false, false}},
		// 110 s of 5,761.2 s is 1.91 % < 2 %: no page.
		{"business hours, 1 min 50 s at opening", office, sec(110), mon(9, 2), office0902, []bool{false, false, false}},
		// 24×7: 30 s of 25,920 s is 0.12 %; 10 min is 600 / 25,920 = 2.31 %
		// ≥ 2 %: the fast page, at the workbook's burn rate (10/60)/0.01 = 16.7.
		{"24×7, 30 s", allDay, sec(30), mon(9, 1), allDayBudget, []bool{false, false, false}},
		{"24×7, 10 min", allDay, 10 * time.Minute, mon(9, 10), allDayBudget, []bool{true, false, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			outage := []Outage{{Start: mon(9, 0), End: mon(9, 0).Add(tt.down)}}
			alerts, err := tt.a.Alerts("up", outage, tt.now, nil)
			require.NoError(t, err)
			require.Len(t, alerts, 3)
			spent := 100 * tt.down.Seconds() / tt.budget
			for i, al := range alerts {
				assert.Equal(t, tt.firing[i], al.Firing, "rule %d: %+v", i+1, al)
				assert.InEpsilon(t, spent, al.LongBudget, 1e-9, "rule %d", i+1)
				// The short window holds the part of the outage after now − Short.
				shortDown := outage[0].End.Sub(maxTime(outage[0].Start, tt.now.Add(-al.Rule.Short)))
				assert.InEpsilon(t, 100*shortDown.Seconds()/tt.budget, al.ShortBudget, 1e-9, "rule %d", i+1)
				// Burn: the share spent over the window's share of 30 days.
				assert.InEpsilon(t, spent/100*float64(DefaultBudgetPeriod)/float64(al.Rule.Long), al.LongBurn, 1e-9, "rule %d", i+1)
			}
		})
	}
	// The 30 s at opening on business hours: 0.52 % over 1/720 of the
	// period is a burn rate of 30 / 5,760.6 × 720 = 3.75, where the old rule
	// saw 50.
	burn, err := office.BurnRate("up", []Outage{{Start: mon(9, 0), End: mon(9, 0).Add(30 * time.Second)}}, time.Hour, DefaultBudgetPeriod, mon(9, 1))
	require.NoError(t, err)
	assert.InEpsilon(t, 30/office0901*720, burn, 1e-9)
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// TestAvailabilityObjectivesShareAScope is defect G: a service measured both
// 24×7 and on business hours has two availability objectives in one scope;
// they are asked for by name, so they do not compete as ticket objectives do.
func TestAvailabilityObjectivesShareAScope(t *testing.T) {
	wk := MustParseShifts("09:00-17:00")
	office := mustCal(t, CalendarConfig{Week: map[time.Weekday][]Shift{1: wk, 2: wk, 3: wk, 4: wk, 5: wk}})
	a, err := NewAgreement(AgreementConfig{Name: "línea", Kind: ServiceBased, Calendars: map[string]*Calendar{"office": office},
		Objectives: []Objective{
			{Name: "up 24×7", Metric: Availability, Scope: "web", Threshold: 99.5},
			{Name: "up office", Metric: Availability, Scope: "web", Calendar: "office", Threshold: 99.9},
			{Name: "fr", Metric: FirstResponse, Scope: "web", Threshold: 90, Targets: hours(1)},
		}})
	require.NoError(t, err)
	// Monday 20:00 to Tuesday 08:00 down: 12 h of the week's 120 h of 24×7
	// time, none of the office's 40 h.
	outages := []Outage{{Start: mon(20, 0), End: mon(24+8, 0)}}
	from, to := mon(0, 0), mon(24*5, 0)
	all, err := a.Availability("up 24×7", outages, from, to)
	require.NoError(t, err)
	assert.Equal(t, 12*time.Hour, all.Downtime)
	assert.InDelta(t, 90.0, all.Achieved, 1e-9)
	biz, err := a.Availability("up office", outages, from, to)
	require.NoError(t, err)
	assert.Equal(t, time.Duration(0), biz.Downtime)
	assert.Equal(t, 40*time.Hour, biz.ServiceTime)
	// Two ticket objectives of one metric in one scope still conflict.
	_, err = NewAgreement(AgreementConfig{Name: "dup", Kind: ServiceBased, Objectives: []Objective{
		{Name: "a", Metric: FirstResponse, Threshold: 90, Targets: hours(1)},
		{Name: "b", Metric: FirstResponse, Threshold: 90, Targets: hours(2)}}})
	assert.ErrorIs(t, err, ErrInvalidAgreement)
}

// TestAvailabilityEdges checks how outages are clipped and merged, and the
// edges of the verdict and the budget, on a 24×7 clock where every figure is
// plain arithmetic.
func TestAvailabilityEdges(t *testing.T) {
	from := time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
	h := func(x float64) time.Time { return from.Add(time.Duration(x * float64(time.Hour))) }
	out := func(a, b float64) Outage { return Outage{Start: h(a), End: h(b)} }
	tests := []struct {
		name     string
		target   float64
		outages  []Outage
		to       float64 // window [from, h(to))
		down     time.Duration
		achieved float64
		met      bool
		budget   time.Duration
		used     float64
	}{
		// 10 h window, 1 h down: 100 × 9 / 10 = 90 % exactly, which meets 90 %.
		{"exactly on target", 90, []Outage{out(2, 3)}, 10, time.Hour, 90, true, time.Hour, 100},
		// 1 h 1 min down: (600 − 61) / 600 = 89.83 %, under 90 %.
		{"just under target", 90, []Outage{out(2, 3+1.0/60)}, 10, 61 * time.Minute, 100 * 539.0 / 600, false, time.Hour, 100 * 61.0 / 60},
		// An outage wholly before or after the window costs nothing.
		{"outside the window", 90, []Outage{out(-3, -1), out(11, 12)}, 10, 0, 100, true, time.Hour, 0},
		// One running past the end counts up to the end: 9 h → 10 h.
		{"past the end", 90, []Outage{out(9, 15)}, 10, time.Hour, 90, true, time.Hour, 100},
		// 2–6 h holds 3–4 h: the union is 4 h, not 5 h, and not 1 h.
		{"contained outage", 50, []Outage{out(2, 6), out(3, 4)}, 10, 4 * time.Hour, 60, true, 5 * time.Hour, 80},
		// 2–3 h and 5–6 h: 2 h, the gap between them is up.
		{"disjoint outages", 50, []Outage{out(5, 6), out(2, 3)}, 10, 2 * time.Hour, 80, true, 5 * time.Hour, 40},
		// 2–3 h and 3–4 h touch: 2 h.
		{"touching outages", 50, []Outage{out(2, 3), out(3, 4)}, 10, 2 * time.Hour, 80, true, 5 * time.Hour, 40},
		// A zero-length outage costs nothing.
		{"zero-length outage", 90, []Outage{out(4, 4)}, 10, 0, 100, true, time.Hour, 0},
		// An empty window has no service: 100 % achieved, nothing used.
		{"empty window", 99, []Outage{out(-1, 1)}, 0, 0, 100, true, 0, 0},
		// 100 % with no downtime: no budget, none used (not infinite).
		{"perfect target kept", 100, nil, 10, 0, 100, true, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := availabilityAgreement(t, nil, "", tt.target)
			r, err := a.Availability("up", tt.outages, from, h(tt.to))
			require.NoError(t, err)
			assert.Equal(t, time.Duration(tt.to*float64(time.Hour)), r.ServiceTime)
			assert.Equal(t, tt.down, r.Downtime)
			assert.InDelta(t, tt.achieved, r.Achieved, 1e-9)
			assert.Equal(t, tt.met, r.Met)
			assert.Equal(t, tt.budget, r.Budget)
			assert.Equal(t, tt.budget-tt.down, r.BudgetLeft)
			assert.InDelta(t, tt.used, r.BudgetUsed, 1e-9)
			assert.Equal(t, "up", r.Objective)
			assert.Equal(t, tt.target, r.Target)
		})
	}
}

func TestAvailabilityZeroTimes(t *testing.T) {
	a := availabilityAgreement(t, nil, "", 99)
	now := mon(12, 0)
	tests := []struct {
		name     string
		outages  []Outage
		from, to time.Time
	}{
		{"zero start", nil, time.Time{}, now},
		{"zero end", nil, mon(0, 0), time.Time{}},
		{"outage with zero start", []Outage{{End: now}}, mon(0, 0), now},
		{"outage with zero end", []Outage{{Start: now}}, mon(0, 0), now},
		{"second outage reversed", []Outage{{Start: mon(1, 0), End: mon(2, 0)}, {Start: mon(3, 0), End: mon(2, 0)}}, mon(0, 0), now},
	}
	for _, tt := range tests {
		_, err := a.Availability("up", tt.outages, tt.from, tt.to)
		assert.ErrorIs(t, err, ErrInvalidOutage, tt.name)
	}
	_, err := a.Availability("up", []Outage{{Start: mon(1, 0), End: mon(2, 0)}, {Start: mon(3, 0), End: mon(2, 0)}}, mon(0, 0), now)
	assert.Contains(t, err.Error(), "sla: outage 2 [")
	// A zero-length window and a zero-length outage are fine.
	_, err = a.Availability("up", []Outage{{Start: now, End: now}}, now, now)
	assert.NoError(t, err)
}

// TestAlertsFireAtTheBudgetShare checks that a rule fires when both windows
// reach its share of the budget, equality included. With a 50 % objective
// over a 2-hour period on a 24×7 clock the period's budget is 1 h, and the
// rule "50 % of it in 1 h, checked over 30 min" has a burn rate of
// 0.5 × 2h/1h = 1: the figures below are exact in binary floating point.
func TestAlertsFireAtTheBudgetShare(t *testing.T) {
	a := availabilityAgreement(t, nil, "", 50)
	now := time.Date(2026, 4, 10, 12, 0, 0, 0, time.UTC)
	ago := func(m int) time.Time { return now.Add(-time.Duration(m) * time.Minute) }
	rule := AlertRule{Severity: Page, Long: time.Hour, Short: 30 * time.Minute, Budget: 50, Period: 2 * time.Hour}
	assert.Equal(t, 1.0, rule.Burn())
	tests := []struct {
		name                 string
		outage               Outage
		longSpent, shortSpnt float64 // percent of the 1 h budget
		long, short          float64 // burn rates
		firing               bool
	}{
		// Down the last 30 min: 50 % of the budget in both windows. Long:
		// 50 % ≥ 50 %, burn 0.5 × 2 = 1; short: 50 % ≥ 25 %, burn 0.5 × 4 = 2.
		{"long exactly at the share", Outage{Start: ago(30), End: now}, 50, 50, 1, 2, true},
		// Down 60 → 15 min ago. Long: 45 min, 75 %, burn 1.5; short: 15 min,
		// 25 % = 50 % × 30/60 exactly, burn 1.
		{"short exactly at the share", Outage{Start: ago(60), End: ago(15)}, 75, 25, 1.5, 1, true},
		// Down 60 → 30 min ago. Long: 50 %; short: nothing.
		{"short quiet", Outage{Start: ago(60), End: ago(30)}, 50, 0, 1, 0, false},
		// Down the last 15 min. Long: 25 % < 50 %; short: 25 %.
		{"long under the share", Outage{Start: ago(15), End: now}, 25, 25, 0.5, 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			alerts, err := a.Alerts("up", []Outage{tt.outage}, now, []AlertRule{rule})
			require.NoError(t, err)
			require.Len(t, alerts, 1)
			assert.Equal(t, tt.longSpent, alerts[0].LongBudget)
			assert.Equal(t, tt.shortSpnt, alerts[0].ShortBudget)
			assert.Equal(t, tt.long, alerts[0].LongBurn)
			assert.Equal(t, tt.short, alerts[0].ShortBurn)
			assert.Equal(t, tt.firing, alerts[0].Firing)
			assert.Equal(t, rule, alerts[0].Rule)
			burn, err := a.BurnRate("up", []Outage{tt.outage}, time.Hour, 2*time.Hour, now)
			require.NoError(t, err)
			assert.Equal(t, tt.long, burn)
		})
	}
	// No downtime burns nothing, even with a 100 % objective.
	perfect := availabilityAgreement(t, nil, "", 100)
	burn, err := perfect.BurnRate("up", nil, time.Hour, DefaultBudgetPeriod, now)
	require.NoError(t, err)
	assert.Equal(t, 0.0, burn)
	burn, err = perfect.BurnRate("up", []Outage{{Start: ago(120), End: ago(61)}}, time.Hour, DefaultBudgetPeriod, now)
	require.NoError(t, err)
	assert.Equal(t, 0.0, burn, "the outage ended before the window")
	// With no budget, any downtime spends an infinite share and fires.
	al, err := perfect.Alerts("up", []Outage{{Start: ago(10), End: now}}, now, nil)
	require.NoError(t, err)
	assert.True(t, math.IsInf(al[0].LongBudget, 1))
	assert.True(t, math.IsInf(al[0].ShortBurn, 1))
	assert.True(t, al[0].Firing)
	out, err := json.Marshal(al[0])
	require.NoError(t, err)
	assert.Contains(t, string(out), `"longBudget":"+Inf"`)
}

func TestAlertRuleValidation(t *testing.T) {
	a := availabilityAgreement(t, nil, "", 99.9)
	now := time.Date(2026, 4, 10, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		r  AlertRule
		ok bool
	}{
		{AlertRule{Severity: Page, Long: time.Hour, Short: time.Minute, Budget: 2}, true},
		{AlertRule{Severity: TicketAlert, Long: 2 * time.Nanosecond, Short: time.Nanosecond, Budget: 0.001}, true},
		{AlertRule{Severity: Page, Long: DefaultBudgetPeriod, Short: time.Minute, Budget: 100}, true},        // long = period, whole budget
		{AlertRule{Severity: Page, Long: time.Hour, Short: time.Minute, Budget: 2, Period: time.Hour}, true}, // long = period
		{AlertRule{Long: time.Hour, Short: time.Minute, Budget: 2}, false},                                   // no severity
		{AlertRule{Severity: Page, Long: time.Hour, Short: 0, Budget: 2}, false},                             // short 0
		{AlertRule{Severity: Page, Long: time.Hour, Short: -time.Minute, Budget: 2}, false},                  // short negative
		{AlertRule{Severity: Page, Long: time.Hour, Short: time.Hour, Budget: 2}, false},                     // long = short
		{AlertRule{Severity: Page, Long: time.Hour, Short: time.Minute, Budget: 0}, false},                   // budget 0
		{AlertRule{Severity: Page, Long: time.Hour, Short: time.Minute, Budget: 100.5}, false},               // budget over 100
		{AlertRule{Severity: Page, Long: time.Hour, Short: time.Minute, Budget: math.NaN()}, false},          // budget NaN
		{AlertRule{Severity: Page, Long: time.Hour, Short: time.Minute, Budget: math.Inf(1)}, false},         // budget +Inf
		{AlertRule{Severity: Page, Long: time.Hour, Short: time.Minute, Budget: 2, Period: -time.Hour}, false},
		{AlertRule{Severity: Page, Long: 2 * time.Hour, Short: time.Minute, Budget: 2, Period: time.Hour}, false}, // long past the period
		{AlertRule{Severity: Page, Long: DefaultBudgetPeriod + 1, Short: time.Minute, Budget: 2}, false},          // past the default period
		{AlertRule{Severity: Severity(7), Long: time.Hour, Short: time.Minute, Budget: 2}, false},                 // severity out of range
	}
	for i, tt := range tests {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			assert.Equal(t, tt.ok, tt.r.Validate() == nil)
			al, err := a.Alerts("up", nil, now, []AlertRule{DefaultAlertRules()[0], tt.r})
			if tt.ok {
				require.NoError(t, err)
				assert.Len(t, al, 2)
				return
			}
			assert.ErrorIs(t, err, ErrInvalidOutage)
			assert.Contains(t, err.Error(), "sla: alert rule 2 (")
			assertOnePrefix(t, err, ErrInvalidOutage)
			assert.Nil(t, al)
		})
	}
	_, err := a.Alerts("fr", nil, now, nil)
	assert.ErrorIs(t, err, ErrInvalidAgreement)
	_, err = a.Alerts("up", []Outage{{Start: now}}, now, nil)
	assert.ErrorIs(t, err, ErrInvalidOutage)
	_, err = a.BurnRate("nope", nil, time.Hour, DefaultBudgetPeriod, now)
	assert.ErrorIs(t, err, ErrInvalidAgreement)
	for _, w := range [][2]time.Duration{{-time.Hour, Day}, {time.Hour, 0}, {2 * Day, Day}} {
		_, err = a.BurnRate("up", nil, w[0], w[1], now)
		assert.ErrorIs(t, err, ErrInvalidOutage, "window %s, period %s", w[0], w[1])
	}
	_, err = a.BurnRate("up", []Outage{{Start: now}}, time.Hour, Day, now)
	assert.ErrorIs(t, err, ErrInvalidOutage)
}

// TestAlertRuleJSON checks the rule's text encoding and its strict decoding.
func TestAlertRuleJSON(t *testing.T) {
	for _, r := range append(DefaultAlertRules(), AlertRule{Severity: Page, Long: 90 * time.Minute, Short: 5 * time.Minute, Budget: 2.5, Period: 7 * Day}) {
		out, err := json.Marshal(r)
		require.NoError(t, err)
		var back AlertRule
		require.NoError(t, json.Unmarshal(out, &back), string(out))
		assert.Equal(t, r, back)
	}
	out, err := json.Marshal(DefaultAlertRules()[0])
	require.NoError(t, err)
	assert.JSONEq(t, `{"severity":"page","long":"1h","short":"5m","budget":2}`, string(out))
	var r AlertRule
	require.NoError(t, json.Unmarshal([]byte(`{"severity":"aviso","long":"6h","short":"30m","budget":5,"period":"30d"}`), &r))
	assert.Equal(t, AlertRule{Severity: Page, Long: 6 * time.Hour, Short: 30 * time.Minute, Budget: 5, Period: 30 * Day}, r)
	for _, bad := range []string{
		`{"severity":"page","long":"1h","short":"5m","budget":2,"burn":14.4}`, // unknown key
		`{"severity":"page","long":"1h","short":"5m","budget":0}`,             // invalid rule
		`{"severity":"page","long":"an hour","short":"5m","budget":2}`,        // bad duration
		`{"severity":"page","long":"1h","short":"5m","budget":2,"period":"x"}`,
		`{"severity":"loud","long":"1h","short":"5m","budget":2}`, // unknown severity
		`{"severity":"page","long":3600,"short":"5m","budget":2}`, // not text
	} {
		kept := AlertRule{Severity: TicketAlert, Long: 3 * time.Hour, Short: time.Hour, Budget: 1}
		r := kept
		err := json.Unmarshal([]byte(bad), &r)
		assert.ErrorIs(t, err, ErrInvalidOutage, bad)
		assert.Equal(t, kept, r, "unchanged on error")
		assertOnePrefix(t, err, ErrInvalidOutage)
	}
}

// assertOnePrefix checks the package's error convention: one "sla: " prefix,
// then the message, then the sentinel's text once, at the end.
func assertOnePrefix(t *testing.T, err, sentinel error) {
	t.Helper()
	require.Error(t, err)
	msg := err.Error()
	assert.ErrorIs(t, err, sentinel)
	assert.True(t, strings.HasPrefix(msg, "sla: "), msg)
	assert.True(t, strings.HasSuffix(msg, ": "+sentinel.Error()), msg)
	assert.Equal(t, 2, strings.Count(msg, "sla: "), "one prefix and the sentinel once: %s", msg)
}
