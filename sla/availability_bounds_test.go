package sla

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
