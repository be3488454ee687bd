package pdca

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/servuction/servuction"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var t0 = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

func fcrPlan() PlanSpec {
	return PlanSpec{
		Objective: "Raise first-contact resolution to 78%",
		Why:       "Repeat calls cost time and annoy customers",
		How:       "Train agents on the ten most common issues",
		Owner:     "Call-centre supervisor",
		Indicator: fcr,
		Baseline:  baseline20(),
		Target:    Standard{Target: 0.78, Sides: AtLeast},
		Actions: []Action{{Title: "Product training", Kind: Training, Owner: "Trainer",
			Due: servuction.MustParseDate("2026-03-15")}},
		Check: CheckPlan{Rules: WesternElectric},
	}
}

// walkTo drives a new cycle to Checking.
func walkTo(t *testing.T, id string) *Cycle {
	t.Helper()
	c, err := NewCycle(id)
	require.NoError(t, err)
	require.NoError(t, c.SetPlan(fcrPlan()))
	require.NoError(t, c.Approve(t0))
	require.NoError(t, c.Start(t0.Add(time.Hour)))
	require.NoError(t, c.UpdateAction(0, Done, "attendance list: 24 agents"))
	require.NoError(t, c.Recognize(Recognition{Person: "Ana", Contribution: "wrote the FAQ", On: servuction.MustParseDate("2026-03-20")}))
	require.NoError(t, c.BeginCheck(t0.Add(24*time.Hour)))
	return c
}

func TestCycleStandardize(t *testing.T) {
	c := walkTo(t, "fcr-1")
	res, err := c.Check(pSeries("after", 71, 72), t0.Add(48*time.Hour))
	require.NoError(t, err)
	assert.Equal(t, InsufficientData, res.Verdict)
	assert.Equal(t, Checking, c.State(), "insufficient data keeps checking")

	res, err = c.Check(pSeries("after", repeat(80, 10)...), t0.Add(30*24*time.Hour))
	require.NoError(t, err)
	assert.Equal(t, ImprovedTargetMet, res.Verdict)
	assert.Equal(t, Acting, c.State())

	std, err := c.Standardize(t0.Add(31 * 24 * time.Hour))
	require.NoError(t, err)
	assert.Equal(t, Standardized, c.State())
	// The new standard's limits come from the post-change data: p̄ = 0.80,
	// σ = √(0.8·0.2) = 0.4.
	require.NotNil(t, std.Limits)
	assert.Equal(t, Proportions, std.Limits.Kind)
	assert.InDelta(t, 0.80, std.Limits.Center, 1e-12)
	assert.InDelta(t, 0.4, std.Limits.Sigma, 1e-12)
	assert.InDelta(t, 0.78, std.Target, 0)

	rec := c.Record()
	var states []State
	for _, h := range rec.History {
		states = append(states, h.To)
	}
	assert.Equal(t, []State{Planned, Doing, Checking, Acting, Standardized}, states)
	assert.Equal(t, Standardize, rec.Decision)
	assert.Len(t, rec.Recognitions, 1)
}

func TestCycleAdjustChainsAndAbandon(t *testing.T) {
	c := walkTo(t, "fcr-1")
	res, err := c.Check(pSeries("after", 69, 71, 69, 71, 69, 71, 69, 71, 69, 71), t0.Add(30*24*time.Hour))
	require.NoError(t, err)
	assert.Equal(t, NoChange, res.Verdict)
	_, err = c.Standardize(t0)
	assert.ErrorIs(t, err, ErrIllegalTransition, "no improvement to standardize")
	assert.Equal(t, Acting, c.State())

	child, err := c.Adjust("fcr-2", t0.Add(31*24*time.Hour))
	require.NoError(t, err)
	assert.Equal(t, Adjusted, c.State())
	crec := child.Record()
	assert.Equal(t, "fcr-1", crec.ParentID)
	assert.Equal(t, Draft, crec.State)
	assert.Equal(t, c.Record().After, crec.Plan.Baseline, "the child's baseline is the current data")
	assert.Empty(t, crec.Plan.Actions)
	assert.Equal(t, "fcr-2", c.Record().ChildID)
	// The child needs new actions before it can be approved.
	assert.ErrorIs(t, child.Approve(t0), ErrInvalidCycle)

	d := walkTo(t, "fcr-3")
	_, err = d.Check(pSeries("after", repeat(60, 10)...), t0)
	require.NoError(t, err)
	assert.ErrorIs(t, d.Abandon(" ", t0), ErrInvalidCycle, "rationale required")
	require.NoError(t, d.Abandon("script confused customers", t0))
	assert.Equal(t, Abandoned, d.State())
}

func TestCycleIllegalTransitionsLeaveStateUnchanged(t *testing.T) {
	c, err := NewCycle("x")
	require.NoError(t, err)
	before := c.Record()
	for name, call := range map[string]func() error{
		"start":       func() error { return c.Start(t0) },
		"begin check": func() error { return c.BeginCheck(t0) },
		"check":       func() error { _, err := c.Check(nil, t0); return err },
		"standardize": func() error { _, err := c.Standardize(t0); return err },
		"adjust":      func() error { _, err := c.Adjust("y", t0); return err },
		"abandon":     func() error { return c.Abandon("why", t0) },
		"update":      func() error { return c.UpdateAction(0, Done, "e") },
		"recognize": func() error {
			return c.Recognize(Recognition{Person: "a", Contribution: "b", On: servuction.MustParseDate("2026-01-01")})
		},
	} {
		err := call()
		assert.ErrorIs(t, err, ErrIllegalTransition, name)
		assert.Equal(t, before, c.Record(), name)
	}

	// Approve of an empty plan reports every missing part at once.
	err = c.Approve(t0)
	require.ErrorIs(t, err, ErrInvalidCycle)
	for _, part := range []string{"objective", "owner", "indicator", "standard", "rules", "baseline", "no actions"} {
		assert.Contains(t, err.Error(), part)
	}
	assert.Equal(t, Draft, c.State())

	// Cancel from an open state; then nothing moves.
	require.ErrorIs(t, c.Cancel("", t0), ErrInvalidCycle)
	require.NoError(t, c.Cancel("budget cut", t0))
	assert.ErrorIs(t, c.Cancel("again", t0), ErrIllegalTransition)
	assert.Equal(t, Cancelled, c.State())

	// Actions: done needs evidence; index out of range.
	d, _ := NewCycle("d")
	require.NoError(t, d.SetPlan(fcrPlan()))
	require.NoError(t, d.Approve(t0))
	require.NoError(t, d.Start(t0))
	assert.ErrorIs(t, d.UpdateAction(0, Done, ""), ErrInvalidCycle)
	assert.ErrorIs(t, d.UpdateAction(3, InProgress, ""), ErrInvalidCycle)
	assert.ErrorIs(t, d.BeginCheck(t0), ErrInvalidCycle, "action still pending")
	assert.Equal(t, Doing, d.State())
	_, err = NewCycle(" ")
	assert.ErrorIs(t, err, ErrInvalidCycle)
}

func TestCycleJSONRoundTrip(t *testing.T) {
	c := walkTo(t, "fcr-1")
	_, err := c.Check(pSeries("after", repeat(80, 10)...), t0.Add(30*24*time.Hour))
	require.NoError(t, err)
	_, err = c.Standardize(t0.Add(31 * 24 * time.Hour))
	require.NoError(t, err)

	b, err := json.Marshal(c)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"state":"standardized"`)
	assert.Contains(t, string(b), `"verdict":"improved-target-met"`)
	var back Cycle
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, c.Record(), back.Record())
	b2, err := json.Marshal(&back)
	require.NoError(t, err)
	assert.JSONEq(t, string(b), string(b2))

	// Tampered records are rejected and leave the target unchanged.
	for name, edit := range map[string]func(string) string{
		"state without history": func(s string) string { return strings.Replace(s, `"state":"standardized"`, `"state":"doing"`, 1) },
		"unknown state":         func(s string) string { return strings.Replace(s, `"state":"standardized"`, `"state":"finished"`, 1) },
		"empty id":              func(s string) string { return strings.Replace(s, `"id":"fcr-1"`, `"id":""`, 1) },
		"skipped step": func(s string) string {
			return strings.Replace(s, `"from":"doing","to":"checking"`, `"from":"doing","to":"acting"`, 1)
		},
		"incomplete plan": func(s string) string { return strings.Replace(s, `"owner":"Call-centre supervisor"`, `"owner":""`, 1) },
	} {
		var target Cycle
		err := json.Unmarshal([]byte(edit(string(b))), &target)
		require.Error(t, err, name)
		assert.True(t, errors.Is(err, ErrInvalidCycle) || errors.Is(err, ErrIllegalTransition) || errors.Is(err, ErrInvalidName), name)
		assert.Equal(t, Record{}, target.Record(), name)
	}
}

func TestEnumsParseSpanish(t *testing.T) {
	tests := []struct {
		in   string
		want any
		fn   func(string) (any, error)
	}{
		{"verificar", CheckPhase, func(s string) (any, error) { return ParsePhase(s) }},
		{"Planear", Plan, func(s string) (any, error) { return ParsePhase(s) }},
		{"capacidad de respuesta", Responsiveness, func(s string) (any, error) { return ParseCategory(s) }},
		{"eficiencia", Efficiency, func(s string) (any, error) { return ParseCategory(s) }},
		{"Índice", Index, func(s string) (any, error) { return ParseUnit(s) }},
		{"razon", Ratio, func(s string) (any, error) { return ParseUnit(s) }},
		{"estandarizar", Standardize, func(s string) (any, error) { return ParseDecision(s) }},
		{"capacitación", Training, func(s string) (any, error) { return ParseActionKind(s) }},
		{"taller", Workshop, func(s string) (any, error) { return ParseActionKind(s) }},
		{"proporción", Proportions, func(s string) (any, error) { return ParseChartKind(s) }},
		{"menor es mejor", LowerIsBetter, func(s string) (any, error) { return ParseDirection(s) }},
		{"datos insuficientes", InsufficientData, func(s string) (any, error) { return ParseVerdict(s) }},
		{"cancelado", Cancelled, func(s string) (any, error) { return ParseState(s) }},
		{"al menos", AtLeast, func(s string) (any, error) { return ParseSides(s) }},
		{"hecha", Done, func(s string) (any, error) { return ParseActionStatus(s) }},
		{"desfavorable", Adverse, func(s string) (any, error) { return ParseEffect(s) }},
	}
	for _, tt := range tests {
		got, err := tt.fn(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
	_, err := ParseState("nowhere")
	assert.ErrorIs(t, err, ErrInvalidName)
}

func TestChain(t *testing.T) {
	first := walkTo(t, "fcr-1")
	_, err := first.Check(pSeries("after", 69, 71, 69, 71, 69, 71, 69, 71, 69, 71), t0)
	require.NoError(t, err)
	second, err := first.Adjust("fcr-2", t0)
	require.NoError(t, err)

	var ch Chain
	require.NoError(t, ch.Append(first))
	stranger, _ := NewCycle("other")
	assert.ErrorIs(t, ch.Append(stranger), ErrInvalidCycle, "not the child of fcr-1")
	assert.Len(t, ch, 1, "rejected append leaves the chain unchanged")
	require.NoError(t, ch.Append(second))
	assert.Equal(t, "fcr-2", ch.Current().ID())

	b, err := json.Marshal(ch)
	require.NoError(t, err)
	var back Chain
	require.NoError(t, json.Unmarshal(b, &back))
	require.Len(t, back, 2)
	assert.Equal(t, ch[0].Record(), back[0].Record())
	assert.Equal(t, ch[1].Record(), back[1].Record())

	// Swapped order breaks the links.
	var bad Chain
	swapped, _ := json.Marshal(Chain{second, first})
	assert.ErrorIs(t, json.Unmarshal(swapped, &bad), ErrInvalidCycle)
	assert.Nil(t, bad)
}

func TestCycleConcurrentUse(t *testing.T) {
	c := walkTo(t, "fcr-1")
	done := make(chan struct{})
	for range 4 {
		go func() {
			defer func() { done <- struct{}{} }()
			for range 50 {
				_ = c.Record()
				_ = c.State()
				_ = c.Recognize(Recognition{Person: "p", Contribution: "c", On: servuction.MustParseDate("2026-04-01")})
			}
		}()
	}
	for range 4 {
		<-done
	}
	assert.Len(t, c.Record().Recognitions, 1+4*50)
}
