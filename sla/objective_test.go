package sla

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMetricIsTicket(t *testing.T) {
	tests := []struct {
		m      Metric
		ticket bool
		valid  bool
	}{
		{MetricUnknown, false, false},
		{FirstResponse, true, true},
		{NextResponse, true, true},
		{PeriodicUpdate, true, true},
		{Resolution, true, true},
		{Availability, false, true}, // measured on service hours, not on tickets
		{FirstResolution, true, true},
		{RequesterWait, true, true},
		{AgentWork, true, true},
		{OnHoldTime, true, true},
		{GroupOwnership, true, true},
		{Metric(11), false, false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.ticket, tt.m.IsTicket(), "%d", tt.m)
		assert.Equal(t, tt.valid, tt.m.IsValid(), "%d", tt.m)
	}
	assert.Equal(t, []Metric{FirstResponse, NextResponse, PeriodicUpdate, FirstResolution, Resolution,
		RequesterWait, AgentWork, OnHoldTime, GroupOwnership, Availability}, Metrics())
	// Metrics returns a copy.
	ms := Metrics()
	ms[0] = Availability
	assert.Equal(t, FirstResponse, Metrics()[0])
	for name, m := range map[string]Metric{"total resolution": Resolution, "primera resolución": FirstResolution,
		"requester wait time": RequesterWait, "tiempo de trabajo del agente": AgentWork, "tiempo en espera de terceros": OnHoldTime,
		"group SLA": GroupOwnership, "tiempo por grupo": GroupOwnership} {
		got, err := ParseMetric(name)
		require.NoError(t, err, name)
		assert.Equal(t, m, got, name)
	}
}

// TestObjectiveValidateBounds checks the edges of every range an objective
// must respect: threshold in (0, 100], at-risk share in [0, 1] (0 meaning
// DefaultAtRisk), targets in (0, maxDuration].
func TestObjectiveValidateBounds(t *testing.T) {
	base := func(mod func(*Objective)) Objective {
		o := Objective{Metric: Resolution, Threshold: 90, Targets: map[Priority]time.Duration{High: time.Hour}}
		mod(&o)
		return o
	}
	tests := []struct {
		name string
		o    Objective
		want string // "" when valid
	}{
		{"plain", base(func(o *Objective) {}), ""},
		{"threshold 100", base(func(o *Objective) { o.Threshold = 100 }), ""},
		{"threshold just above 0", base(func(o *Objective) { o.Threshold = 0.001 }), ""},
		{"threshold 0", base(func(o *Objective) { o.Threshold = 0 }), "threshold 0 outside (0, 100]"},
		{"threshold negative", base(func(o *Objective) { o.Threshold = -5 }), "threshold -5 outside"},
		{"threshold above 100", base(func(o *Objective) { o.Threshold = 100.01 }), "threshold 100.01 outside"},
		{"threshold NaN", base(func(o *Objective) { o.Threshold = math.NaN() }), "threshold NaN outside"},
		{"at risk 1", base(func(o *Objective) { o.AtRisk = 1 }), ""},
		{"at risk 0 means default", base(func(o *Objective) { o.AtRisk = 0 }), ""},
		{"at risk negative", base(func(o *Objective) { o.AtRisk = -0.1 }), "atRisk -0.1 outside"},
		{"at risk above 1", base(func(o *Objective) { o.AtRisk = 1.01 }), "atRisk 1.01 outside"},
		{"at risk NaN", base(func(o *Objective) { o.AtRisk = math.NaN() }), "atRisk NaN outside"},
		{"target 1ns", base(func(o *Objective) { o.Targets[High] = 1 }), ""},
		{"target zero", base(func(o *Objective) { o.Targets[High] = 0 }), "target for high 0s: want a positive duration"},
		{"target negative", base(func(o *Objective) { o.Targets[High] = -time.Hour }), "target for high -1h: want a positive duration"},
		{"target at the bound", base(func(o *Objective) { o.Targets[High] = maxDuration }), ""},
		{"target past the bound", base(func(o *Objective) { o.Targets[High] = maxDuration + 1 }), "longer than 100000 days"},
		{"target for unknown priority", base(func(o *Objective) { o.Targets[PriorityUnknown] = time.Hour }), "target for priority unknown"},
		{"no targets", base(func(o *Objective) { o.Targets = nil }), "no targets"},
		{"unknown metric", Objective{Threshold: 90, Targets: map[Priority]time.Duration{High: time.Hour}}, "metric unknown undefined"},
		{"availability", Objective{Metric: Availability, Threshold: 99.5}, ""},
		{"availability with targets", Objective{Metric: Availability, Threshold: 99.5, Targets: map[Priority]time.Duration{High: time.Hour}}, "has no targets"},
		{"named", Objective{Name: "rapido", Metric: Resolution, Threshold: 0, Targets: map[Priority]time.Duration{High: time.Hour}}, "objective 1 (rapido): threshold 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs := objectiveErrs(tt.o)
			if tt.want == "" {
				assert.Empty(t, errs)
				return
			}
			require.Len(t, errs, 1, "%v", errs)
			assert.ErrorIs(t, errs[0], ErrInvalidAgreement)
			assert.Contains(t, errs[0].Error(), tt.want)
		})
	}
	// An unnamed objective is named by its metric.
	errs := objectiveErrs(Objective{Metric: Resolution, Threshold: 0, Targets: map[Priority]time.Duration{High: time.Hour}})
	require.Len(t, errs, 1)
	assert.Contains(t, errs[0].Error(), `sla: agreement "x": objective 1 (resolution): threshold 0`)
}

// objectiveErrs returns the problems NewAgreement reports about o, the only
// objective of an agreement.
func objectiveErrs(o Objective) []error {
	_, err := NewAgreement(AgreementConfig{Name: "x", Kind: ServiceBased, Objectives: []Objective{o}})
	if err == nil {
		return nil
	}
	return err.(interface{ Unwrap() []error }).Unwrap()
}

// TestObjectiveTargetProblemsInPriorityOrder checks that problems with
// several targets are reported in priority order (low, normal, high,
// urgent), whatever the map's order.
func TestObjectiveTargetProblemsInPriorityOrder(t *testing.T) {
	o := Objective{Metric: Resolution, Threshold: 90, Targets: map[Priority]time.Duration{
		Urgent: -4, Low: -1, High: -3, Normal: -2}}
	for range 20 { // map order changes between runs of the loop
		errs := objectiveErrs(o)
		require.Len(t, errs, 4)
		var order []string
		for _, e := range errs {
			msg := e.Error()
			order = append(order, msg[strings.Index(msg, "target for ")+len("target for "):][:3])
		}
		assert.Equal(t, []string{"low", "nor", "hig", "urg"}, order)
	}
	assert.Equal(t, []Priority{Low, Normal, High, Urgent}, sortedPriorities(o.Targets))
	assert.Empty(t, sortedPriorities(nil))
}

func TestObjectiveCloneAndTarget(t *testing.T) {
	o := Objective{Metric: Resolution, Threshold: 90, Targets: map[Priority]time.Duration{High: time.Hour}}
	c := o.clone()
	c.Targets[High] = 2 * time.Hour
	d, ok := o.Target(High)
	assert.True(t, ok)
	assert.Equal(t, time.Hour, d, "the clone does not share targets")
	_, ok = o.Target(Low)
	assert.False(t, ok)
	assert.Nil(t, Objective{}.clone().Targets)
}
