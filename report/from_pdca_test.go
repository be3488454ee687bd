package report

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/pdca"
)

func TestFromControlChart(t *testing.T) {
	// p chart of 10, 12, 8, 10 defectives in samples of 100: p̄ = 40/400 =
	// 0.10, σ = √(0.1·0.9/100) = 0.03, limits 0.10 ± 0.09 → 0.01 and 0.19.
	c, err := pdca.P([]int{10, 12, 8, 10}, []int{100, 100, 100, 100})
	require.NoError(t, err)
	out := FromControlChart(c, []string{"w1", "w2", "w3", "w4"}, pdca.WesternElectric, English)
	assert.Equal(t, "p", out.Kind)
	assert.Equal(t, "%", out.Unit, "a p chart is drawn in percent")
	assert.InDelta(t, 10, out.Center, 1e-9)
	assert.InDeltaSlice(t, []float64{10, 12, 8, 10}, out.Values, 1e-9)
	assert.InDelta(t, 19, out.UCL[0], 1e-9)
	assert.InDelta(t, 1, out.LCL[3], 1e-9)
	assert.Empty(t, out.Flags)
	checkSVG(t, out.SVG(English))
}

// cycleFixture runs a cycle whose 20-day baseline is p̄ = 0.10 (σ = 0.03 in
// samples of 100, UCL 0.19) and whose 8 days after the change are at 0.20,
// each beyond the UCL, against a target of at least 0.15.
func cycleFixture(t *testing.T) *pdca.Cycle {
	t.Helper()
	var base, after pdca.Series
	for i := 0; i < 20; i++ {
		base = append(base, pdca.Sample{Period: fmt.Sprintf("b%02d", i+1), Value: float64([]int{10, 12, 8, 10}[i%4]), Size: 100})
	}
	for i := 0; i < 8; i++ {
		after = append(after, pdca.Sample{Period: fmt.Sprintf("a%02d", i+1), Value: 20, Size: 100})
	}
	t0 := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	c, err := pdca.NewCycle("c1")
	require.NoError(t, err)
	require.NoError(t, c.SetPlan(pdca.PlanSpec{Objective: "raise FCR", Owner: "me",
		Indicator: pdca.Indicator{Name: "FCR", Category: pdca.QualityOfWork, Unit: pdca.Percent, Direction: pdca.HigherIsBetter, Chart: pdca.Proportions},
		Baseline:  base, Target: pdca.Standard{Target: 0.15, Sides: pdca.AtLeast},
		Actions: []pdca.Action{{Title: "training", Kind: pdca.Training, Owner: "me", Due: servuction.Date{Year: 2026, Month: time.March, Day: 2}}},
		Check:   pdca.CheckPlan{Rules: pdca.RuleSet{pdca.WE1}, MinBaseline: 8}})) // 8 post-change days may set the new limits
	require.NoError(t, c.Approve(t0))
	require.NoError(t, c.Start(t0))
	require.NoError(t, c.UpdateAction(0, pdca.Done, "done"))
	require.NoError(t, c.BeginCheck(t0))
	_, err = c.Check(after, t0)
	require.NoError(t, err)
	return c
}

func TestFromCheck(t *testing.T) {
	c := cycleFixture(t)
	_, err := FromCheck(pdca.Record{ID: "x"}, English)
	require.ErrorIs(t, err, ErrInvalidInput, "a cycle not checked yet")

	ch, err := FromCheck(c.Record(), English)
	require.NoError(t, err)
	assert.Len(t, ch.Values, 28)
	assert.Equal(t, 20, ch.PhaseII)
	assert.InDelta(t, 10, ch.Center, 1e-9)
	assert.InDelta(t, 19, ch.UCL[27], 1e-9, "post-change points on the frozen limits")
	assert.InDelta(t, 20, ch.Values[27], 1e-9)
	assert.True(t, ch.ShowTarget)
	assert.InDelta(t, 15, ch.Target, 1e-9)
	assert.Equal(t, "b01", ch.Labels[0])
	assert.Equal(t, "a01", ch.Labels[20])
	// Every post-change point is beyond the UCL: WE1 flags indices 20…27.
	var flagged []int
	for _, f := range ch.Flags {
		if f.Rule == "WE1" {
			flagged = append(flagged, f.Index)
		}
	}
	assert.Equal(t, []int{20, 21, 22, 23, 24, 25, 26, 27}, flagged)
	// Higher is better: a point above the UCL is a favourable signal.
	assert.Equal(t, Flag{Index: 20, Rule: "WE1", Says: "a point above the upper control limit", Effect: Good}, ch.Flags[0])
	checkSVG(t, ch.SVG(English))
	es, err := FromCheck(c.Record(), Spanish)
	require.NoError(t, err)
	assert.Equal(t, "un punto por encima del límite de control superior", es.Flags[0].Says)
}

func TestFromCycle(t *testing.T) {
	c := cycleFixture(t)
	p := FromCycle(c.Record(), Spanish)
	assert.Equal(t, StepAct, p.Step, "checked: deciding what to do")
	assert.Equal(t, "FCR", p.Indicator)
	assert.Equal(t, "10,0 %", p.Baseline)
	assert.Equal(t, "20,0 %", p.Current)
	assert.Equal(t, "15,0 %", p.Target)
	assert.Equal(t, "mejoró y alcanzó la meta", p.Verdict)
	assert.Equal(t, Good, p.VerdictStatus)
	assert.Equal(t, "estandarizar (sugerida)", p.Decision)
	require.NotEmpty(t, p.Evidence)
	assert.Equal(t, "un punto por encima del límite de control superior (WE1): a01, a02, a03, a04 … (+4)", p.Evidence[0])

	_, err := c.Standardize(time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	closed := FromCycle(c.Record(), English)
	assert.Equal(t, StepClosed, closed.Step)
	assert.Equal(t, "standardize", closed.Decision)
	assert.Equal(t, "standardized", closed.State)
	checkSVG(t, closed.SVG(English))
}

// TestRuleFlag: each rule's finding in words, on the side the point is, and
// its effect for the indicator's direction.
func TestRuleFlag(t *testing.T) {
	pts := []float64{10, 12, 11, 8}
	tests := []struct {
		rule   pdca.Rule
		i      int
		dir    pdca.Direction
		l      Lang
		says   string
		effect Status
	}{
		{pdca.WE1, 1, pdca.HigherIsBetter, English, "a point above the upper control limit", Good},
		{pdca.WE1, 3, pdca.HigherIsBetter, English, "a point below the lower control limit", Bad},
		{pdca.WE2, 1, pdca.LowerIsBetter, English, "2 of 3 points beyond 2σ above the centre line", Bad},
		{pdca.Nelson5, 3, pdca.LowerIsBetter, Spanish, "2 de 3 puntos a más de 2σ por debajo de la línea central", Good},
		{pdca.WE3, 1, pdca.DirectionUnknown, English, "4 of 5 points beyond 1σ above the centre line", Neutral},
		{pdca.WE4, 3, pdca.HigherIsBetter, Spanish, "8 puntos seguidos por debajo de la línea central", Bad},
		{pdca.Nelson2, 1, pdca.HigherIsBetter, English, "9 points in a row above the centre line", Good},
		// Nelson 3 is a trend: point 2 (11) falls from 12, although above the centre.
		{pdca.Nelson3, 2, pdca.HigherIsBetter, English, "6 points in a row falling", Bad},
		{pdca.Nelson3, 1, pdca.HigherIsBetter, Spanish, "6 puntos seguidos en ascenso", Good},
		{pdca.Nelson4, 1, pdca.HigherIsBetter, English, "14 points in a row alternating up and down", Neutral},
		{pdca.Nelson7, 1, pdca.HigherIsBetter, Spanish, "15 puntos seguidos a menos de 1σ de la línea central", Neutral},
		{pdca.Nelson8, 1, pdca.HigherIsBetter, English, "8 points in a row beyond 1σ on both sides of the centre line", Neutral},
		{pdca.AnhojRun, 3, pdca.LowerIsBetter, English, "an unusually long run below the centre line", Good},
		{pdca.AnhojCrossings, 3, pdca.LowerIsBetter, Spanish, "inusualmente pocos cruces de la línea central", Neutral},
	}
	for _, tt := range tests {
		f := ruleFlag(tt.rule, tt.i, pts, 10, tt.dir, tt.l)
		assert.Equal(t, Flag{Index: tt.i, Rule: tt.rule.String(), Says: tt.says, Effect: tt.effect}, f, "%s at %d", tt.rule, tt.i)
	}
}
