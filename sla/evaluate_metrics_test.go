package sla

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// metricsTicket is worked by hand below on a 24×7 clock (normal priority):
//
//	09:00 opened, group n1       12:00 resumed              17:00 resumed
//	09:30 agent replied          13:00 group → n2           18:00 resolved
//	10:00 waiting for customer   14:00 waiting third party  20:00 reopened
//	                                                        21:00 resolved
func metricsTicket() Ticket {
	return Ticket{ID: "W", Priority: Normal, Group: "n1", Events: []Event{
		ev(Opened, mon(9, 0)), ev(AgentReplied, mon(9, 30)),
		{Kind: Paused, At: mon(10, 0), Reason: WaitingCustomer}, ev(Resumed, mon(12, 0)),
		{Kind: AttributeChanged, At: mon(13, 0), Attribute: AttrGroup, Value: "n2"},
		{Kind: Paused, At: mon(14, 0), Reason: WaitingThirdParty}, ev(Resumed, mon(17, 0)),
		ev(Resolved, mon(18, 0)), ev(Reopened, mon(20, 0)), ev(Resolved, mon(21, 0)),
	}}
}

// TestMetricsAndPauseReasons checks features 3 and 4 of issue 13.
func TestMetricsAndPauseReasons(t *testing.T) {
	target := func(d time.Duration) map[Priority]time.Duration { return map[Priority]time.Duration{Normal: d} }
	a, err := NewAgreement(AgreementConfig{Name: "metrics", Kind: ServiceBased, Objectives: []Objective{
		{Metric: FirstResolution, Threshold: 90, Targets: target(4 * time.Hour)},
		{Metric: Resolution, Threshold: 90, Targets: target(6 * time.Hour)},
		{Metric: RequesterWait, Threshold: 90, Targets: target(7*time.Hour + 30*time.Minute)},
		{Metric: AgentWork, Threshold: 90, Targets: target(5 * time.Hour)},
		{Metric: OnHoldTime, Threshold: 90, Targets: target(2 * time.Hour)},
		{Metric: GroupOwnership, Threshold: 90, Targets: target(90 * time.Minute)},
	}})
	require.NoError(t, err)
	e, err := a.Evaluate(metricsTicket(), mon(22, 0))
	require.NoError(t, err)
	tests := []struct {
		metric   Metric
		status   Status
		elapsed  time.Duration
		breachAt time.Time
		cycles   int
		breaches int
	}{
		// 09–18 less both waits (10–12, 14–17); the reopening is not counted.
		{FirstResolution, Met, 4 * time.Hour, time.Time{}, 1, 0},
		// The same 4 h plus the reopened hour 20–21.
		{Resolution, Met, 5 * time.Hour, time.Time{}, 1, 0},
		// Only the wait for the customer pauses: 09–10, 12–18 (7 h), 20–21:
		// 8 h; the 7 h 30 ran out at 20:30.
		{RequesterWait, Breached, 8 * time.Hour, mon(20, 30), 1, 1},
		// Every wait pauses: as total resolution, exactly 5 h.
		{AgentWork, Met, 5 * time.Hour, time.Time{}, 1, 0},
		// Only the wait for the third party counts: 14–17, past 2 h at 16:00.
		{OnHoldTime, Breached, 3 * time.Hour, mon(16, 0), 1, 1},
		// n1 09–13 less 10–12: 2 h, past 90 min at 12:30; n2 13–18 less
		// 14–17: 2 h, breached at 17:30; n2 again 20–21: 1 h, met. The
		// first breached cycle is described.
		{GroupOwnership, Breached, 2 * time.Hour, mon(12, 30), 3, 2},
	}
	require.Len(t, e.Results, len(tests))
	for i, tt := range tests {
		r := e.Results[i]
		assert.Equal(t, tt.metric, r.Metric, "results in evaluation order")
		assert.Equal(t, tt.status, r.Status, tt.metric.String())
		assert.Equal(t, tt.elapsed, r.Elapsed, tt.metric.String())
		assert.True(t, r.BreachedAt.Equal(tt.breachAt), "%s: breached at %s, want %s", tt.metric, r.BreachedAt, tt.breachAt)
		assert.Equal(t, tt.cycles, r.Cycles, tt.metric.String())
		assert.Equal(t, tt.breaches, r.Breaches, tt.metric.String())
	}

	// At 15:00, during the wait for the third party: total resolution is
	// paused (09–10, 12–14: 3 h), requester wait runs (09–10, 12–15: 4 h),
	// on-hold time runs (14–15: 1 h, due 16:00), n2's ownership is paused.
	e, err = a.Evaluate(metricsTicket(), mon(15, 0))
	require.NoError(t, err)
	for _, tt := range []struct {
		m       Metric
		status  Status
		elapsed time.Duration
	}{{Resolution, OnHold, 3 * time.Hour}, {RequesterWait, Running, 4 * time.Hour}, {OnHoldTime, Running, time.Hour},
		{GroupOwnership, Breached, 2 * time.Hour}} {
		r := mustResult(t, e, tt.m)
		assert.Equal(t, tt.status, r.Status, tt.m.String())
		assert.Equal(t, tt.elapsed, r.Elapsed, tt.m.String())
	}
	assert.True(t, mustResult(t, e, OnHoldTime).Deadline.Equal(mon(16, 0)))
	// At 11:00, waiting for the customer: on-hold time does not count
	// (paused), requester wait is paused too.
	e, err = a.Evaluate(metricsTicket(), mon(11, 0))
	require.NoError(t, err)
	assert.Equal(t, OnHold, mustResult(t, e, OnHoldTime).Status)
	assert.Equal(t, time.Duration(0), mustResult(t, e, OnHoldTime).Elapsed)
	assert.Equal(t, OnHold, mustResult(t, e, RequesterWait).Status)
	assert.Equal(t, time.Hour, mustResult(t, e, RequesterWait).Elapsed)
}

// TestCustomPauseReasons sets the pause reasons per objective: none at all,
// or only waits for a third party.
func TestCustomPauseReasons(t *testing.T) {
	target := map[Priority]time.Duration{Normal: 24 * time.Hour}
	a, err := NewAgreement(AgreementConfig{Name: "custom", Kind: ServiceBased, Objectives: []Objective{
		{Metric: FirstResolution, Threshold: 90, Targets: target, PauseReasons: []PauseReason{WaitingThirdParty}},
		{Metric: Resolution, Threshold: 90, Targets: target, PauseReasons: []PauseReason{}},
		{Metric: OnHoldTime, Threshold: 90, Targets: target, PauseReasons: []PauseReason{WaitingCustomer, WaitingThirdParty}},
	}})
	require.NoError(t, err)
	e, err := a.Evaluate(metricsTicket(), mon(22, 0))
	require.NoError(t, err)
	// 09–18 less 14–17.
	assert.Equal(t, 6*time.Hour, mustResult(t, e, FirstResolution).Elapsed)
	// Nothing pauses: 09–18 and 20–21.
	assert.Equal(t, 10*time.Hour, mustResult(t, e, Resolution).Elapsed)
	// Both waits count: 10–12 and 14–17.
	assert.Equal(t, 5*time.Hour, mustResult(t, e, OnHoldTime).Elapsed)
}

func TestPauseReasonsConfig(t *testing.T) {
	assert.Equal(t, []PauseReason{WaitingCustomer}, DefaultPauseReasons(RequesterWait))
	assert.Equal(t, []PauseReason{WaitingThirdParty}, DefaultPauseReasons(OnHoldTime))
	assert.Equal(t, []PauseReason{PauseUnspecified, WaitingCustomer, WaitingThirdParty, Scheduled}, DefaultPauseReasons(AgentWork))
	assert.Nil(t, DefaultPauseReasons(Availability))
	assert.Nil(t, DefaultPauseReasons(MetricUnknown))

	// An empty list stays apart from an absent one, in JSON as in Go.
	var a Agreement
	require.NoError(t, json.Unmarshal([]byte(`{"name":"x","kind":"service-based","objectives":[`+
		`{"metric":"resolution","targets":{"normal":"4h"},"threshold":90,"pauseReasons":[]},`+
		`{"metric":"requester-wait","targets":{"normal":"4h"},"threshold":90,"pauseReasons":["pending","en espera de un tercero"]},`+
		`{"metric":"agent-work","targets":{"normal":"4h"},"threshold":90}]}`), &a))
	os := a.Objectives()
	assert.NotNil(t, os[0].PauseReasons)
	assert.Empty(t, os[0].PauseReasons)
	assert.Equal(t, []PauseReason{WaitingCustomer, WaitingThirdParty}, os[1].PauseReasons)
	assert.Nil(t, os[2].PauseReasons)
	data, err := json.Marshal(&a)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"threshold":90,"pauseReasons":[]}`)
	assert.Contains(t, string(data), `"pauseReasons":["waiting-customer","waiting-third-party"]}`)
	assert.Contains(t, string(data), `{"name":"agent-work","metric":"agent-work","targets":{"normal":"4h"},"threshold":90}`)

	for _, tt := range []struct {
		o    Objective
		want string
	}{
		{Objective{Metric: Resolution, Threshold: 90, Targets: map[Priority]time.Duration{Normal: time.Hour}, PauseReasons: []PauseReason{WaitingCustomer, 7}},
			"pause reason 2: pause reason(7) undefined"},
		{Objective{Metric: Resolution, Threshold: 90, Targets: map[Priority]time.Duration{Normal: time.Hour}, PauseReasons: []PauseReason{Scheduled, Scheduled}},
			"pause reason 2: scheduled listed twice"},
		{Objective{Metric: Availability, Threshold: 99, PauseReasons: []PauseReason{}}, "an availability objective has no clock to pause"},
	} {
		_, err := NewAgreement(AgreementConfig{Name: "x", Kind: ServiceBased, Objectives: []Objective{tt.o}})
		require.Error(t, err)
		assert.ErrorIs(t, err, ErrInvalidAgreement)
		assert.Contains(t, err.Error(), tt.want)
	}
}
