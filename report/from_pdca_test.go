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
	checkSVG(t, ch.SVG(English))
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
	assert.Equal(t, "WE1: a01, a02, a03, a04 … (+4)", p.Evidence[0])

	_, err := c.Standardize(time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	closed := FromCycle(c.Record(), English)
	assert.Equal(t, StepClosed, closed.Step)
	assert.Equal(t, "standardize", closed.Decision)
	assert.Equal(t, "standardized", closed.State)
	checkSVG(t, closed.SVG(English))
}
