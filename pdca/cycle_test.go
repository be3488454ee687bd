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

	res, err = c.Check(pSeries("after", repeat(80, 20)...), t0.Add(30*24*time.Hour))
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
	// No change in 10 points: the child's baseline is the current process,
	// the 10 post-change points after the latest 10 of the baseline (20, the
	// plan's MinBaseline).
	assert.Equal(t, append(baseline20()[10:], c.Record().After...), crec.Plan.Baseline, "the child's baseline is the current data")
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
	_, err := c.Check(pSeries("after", repeat(80, 20)...), t0.Add(30*24*time.Hour))
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

// walkPlan drives a new cycle with plan p to Checking.
func walkPlan(t *testing.T, id string, p PlanSpec) *Cycle {
	t.Helper()
	c, err := NewCycle(id)
	require.NoError(t, err)
	require.NoError(t, c.SetPlan(p))
	toChecking(t, c)
	return c
}

// toChecking approves, starts and completes a draft cycle's first action.
func toChecking(t *testing.T, c *Cycle) {
	t.Helper()
	require.NoError(t, c.Approve(t0))
	require.NoError(t, c.Start(t0))
	require.NoError(t, c.UpdateAction(0, Done, "attendance list"))
	require.NoError(t, c.BeginCheck(t0))
}

// executeSuggested carries out the decision a Check suggested. No
// suggestion must leave the cycle checking; Standardize and Abandon must
// succeed; Adjust must give a child whose own Check accepts its baseline
// (judged here with the post-change points next).
func executeSuggested(t *testing.T, c *Cycle, res CheckResult, next Series) {
	t.Helper()
	switch res.Suggested {
	case DecisionNone:
		assert.Equal(t, Checking, c.State(), "no decision suggested: keep checking")
	case Standardize:
		_, err := c.Standardize(t0)
		require.NoError(t, err, "the suggested Standardize must be executable")
	case Abandon:
		require.NoError(t, c.Abandon("suggested by the Check", t0))
	case Adjust:
		child, err := c.Adjust(c.ID()+"-next", t0)
		require.NoError(t, err, "the suggested Adjust must be executable")
		p := child.Record().Plan
		p.Actions = fcrPlan().Actions
		require.NoError(t, child.SetPlan(p))
		toChecking(t, child)
		cres, err := child.Check(next, t0)
		require.NoError(t, err)
		assert.NotEqual(t, ChartUnknown, cres.Baseline.Kind, "the child's Check must accept its baseline: %s", cres.Reason)
		assert.NotEqual(t, InsufficientData, cres.Verdict, cres.Reason)
	}
}

func TestSuggestedDecisionIsExecutable(t *testing.T) {
	// Issue 15, defect 2. A satisfaction index checked on an individuals
	// chart against baselineI (centre 10, UCL 15.317362).
	csat := Indicator{Name: "satisfaction index", Category: QualityOfWork, Unit: Index, Direction: HigherIsBetter}
	plan := func(target float64) PlanSpec {
		p := fcrPlan()
		p.Indicator, p.Baseline, p.Target = csat, baselineI(), Standard{Target: target, Sides: AtLeast}
		return p
	}
	quiet := indexSeries(9, 11, 9, 11, 9, 11, 9, 11, 9, 11)
	tests := []struct {
		name  string
		plan  PlanSpec
		after Series
		next  Series
	}{
		// One value above the UCL is a signal, and 16 ≥ 11 meets the target,
		// but one value cannot give the new standard's limits.
		{"one point improved, target met", plan(11), indexSeries(16), quiet},
		// 16 < 17 misses the target: Adjust would give the child a baseline
		// of one point, which its own Check refuses.
		{"one point improved, target missed", plan(17), indexSeries(16), quiet},
		// No change in 10 points of a p chart: the child's baseline must
		// still have the 20 points a baseline needs.
		{"no change in 10 points", fcrPlan(), pSeries("after", 69, 71, 69, 71, 69, 71, 69, 71, 69, 71),
			pSeries("next", 69, 71, 69, 71, 69, 71, 69, 71, 69, 71)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := walkPlan(t, "c1", tt.plan)
			res, err := c.Check(tt.after, t0)
			require.NoError(t, err)
			executeSuggested(t, c, res, tt.next)
		})
	}
}

func TestAdjustGivesTheChildTheCurrentProcess(t *testing.T) {
	csat := Indicator{Name: "satisfaction index", Category: QualityOfWork, Unit: Index, Direction: HigherIsBetter}
	plan := fcrPlan()
	plan.Indicator, plan.Baseline, plan.Target = csat, baselineI(), Standard{Target: 17, Sides: AtLeast}

	// Unstable: the child is judged against the parent's baseline, the last
	// stable state of the process.
	c := walkPlan(t, "u", plan)
	res, err := c.Check(indexSeries(16, 4, 16, 4, 10, 10, 10, 10, 10, 10), t0)
	require.NoError(t, err)
	require.Equal(t, Unstable, res.Verdict)
	child, err := c.Adjust("u-2", t0)
	require.NoError(t, err)
	assert.Equal(t, baselineI(), child.Record().Plan.Baseline)

	// Improved but missed the target, with 20 points at the new level: the
	// child's baseline is the new level.
	c = walkPlan(t, "m", plan)
	res, err = c.Check(indexSeries(fill(20, 14)...), t0)
	require.NoError(t, err)
	require.Equal(t, ImprovedTargetMissed, res.Verdict)
	require.Equal(t, Adjust, res.Suggested)
	child, err = c.Adjust("m-2", t0)
	require.NoError(t, err)
	assert.Equal(t, indexSeries(fill(20, 14)...), child.Record().Plan.Baseline)

	// Deteriorated in 10 points suggests Abandon; adjusting instead would
	// give the child 10 points, too few: refused, the cycle stays Acting.
	c = walkPlan(t, "d", plan)
	res, err = c.Check(indexSeries(fill(10, 4)...), t0)
	require.NoError(t, err)
	require.Equal(t, Deteriorated, res.Verdict)
	_, err = c.Adjust("d-2", t0)
	assert.ErrorIs(t, err, ErrInsufficientData)
	assert.ErrorContains(t, err, "the follow-up cycle's baseline: pdca: 10 points, limits need at least 20")
	assert.Equal(t, Acting, c.State())
	assert.Empty(t, c.Record().ChildID)
	require.NoError(t, c.Abandon("the new script lowered satisfaction", t0))
}

func TestStandardizeRefusesTooFewPoints(t *testing.T) {
	// A record decoded from JSON (or written by an older version) can be
	// Acting on an improvement of too few points: Standardize refuses it
	// with a clear error and leaves the cycle as it was.
	c := walkTo(t, "s")
	res, err := Check(fcr, Standard{Target: 0.78, Sides: AtLeast}, baseline20(), pSeries("after", repeat(80, 10)...), CheckPlan{Rules: WesternElectric})
	require.NoError(t, err)
	res.Suggested = Standardize
	c.rec.After, c.rec.Result = pSeries("after", repeat(80, 10)...), &res
	c.move(Acting, t0, "forced")
	_, err = c.Standardize(t0)
	assert.ErrorIs(t, err, ErrInsufficientData)
	assert.ErrorContains(t, err, "the new standard's limits: pdca: 10 points, limits need at least 20")
	assert.Equal(t, Acting, c.State())
	assert.Nil(t, c.Record().NewStandard)
}

func TestCycleJSONIsStrict(t *testing.T) {
	c := walkTo(t, "j")
	_, err := c.Check(pSeries("after", repeat(80, 20)...), t0)
	require.NoError(t, err)
	b, err := json.Marshal(c)
	require.NoError(t, err)
	s := string(b)
	for _, key := range []string{`"targetMet":true`, `"reasonEs":`, `"dispersion":{"model":"p"`, `"minBaseline"`} {
		if key == `"minBaseline"` {
			assert.NotContains(t, s, key, "zero minimums are omitted")
			continue
		}
		assert.Contains(t, s, key)
	}
	var back Cycle
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, c.Record(), back.Record())
	for name, edit := range map[string]func(string) string{
		"unknown field":      func(s string) string { return strings.Replace(s, `"id":"j"`, `"id":"j","colour":"red"`, 1) },
		"old snake_case key": func(s string) string { return strings.Replace(s, `"targetMet"`, `"target_met"`, 1) },
		"trailing data":      func(s string) string { return s + ` {}` },
	} {
		var target Cycle
		err := json.Unmarshal([]byte(edit(s)), &target)
		if name == "trailing data" {
			// encoding/json itself refuses trailing data before UnmarshalJSON runs.
			require.Error(t, err, name)
		} else {
			require.ErrorIs(t, err, ErrInvalidCycle, name)
		}
		assert.Equal(t, Record{}, target.Record(), name)
	}
	require.ErrorContains(t, back.UnmarshalJSON([]byte(s+` {}`)), "trailing data")
}
