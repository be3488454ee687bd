package pdca

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPhasesEachWithItsOwnLimits(t *testing.T) {
	// Three phases of a handling time, one value a day: 9, 11 alternating
	// (x̄ 10, MR̄ 2, σ̂ = 2/d₂(2) = √π = 1.772454, limits 10 ± 5.317362);
	// then 6, 8 alternating (x̄ 7, same σ̂); then 5 quiet days and a spike.
	var s Series
	for i := range 10 {
		s = append(s, Sample{Value: float64(9 + 2*(i%2))})
	}
	for i := range 10 {
		s = append(s, Sample{Value: float64(6 + 2*(i%2))})
	}
	for _, v := range []float64{5, 5.5, 5, 5.5, 5, 12} {
		s = append(s, Sample{Value: v})
	}
	pc, err := s.Phases(Individuals, 10, 20)
	require.NoError(t, err)
	require.Len(t, pc.Phases, 3)
	assert.InDelta(t, 10, pc.Phases[0].Center, 1e-12)
	assert.InDelta(t, 7, pc.Phases[1].Center, 1e-12)
	assert.InDelta(t, 10+3*1.7724538509055159, pc.Phases[0].UCL[0], 1e-9)
	assert.InDelta(t, 7+3*1.7724538509055159, pc.Phases[1].UCL[0], 1e-9)
	// Phase 3: x̄ = 38/6 = 6.333333, MR̄ = (0.5·4 + 7)/5 = 1.8, σ̂ =
	// 1.8/1.128379 = 1.595208, UCL = 6.333333 + 4.785624 = 11.118957: the
	// spike 12 is beyond it.
	assert.InDelta(t, 38.0/6+3*1.8/d2Pair, pc.Phases[2].UCL[0], 1e-9)
	assert.Equal(t, []int{0, 10, 20, 26}, []int{pc.Start(0), pc.Start(1), pc.Start(2), pc.Start(3)})
	assert.Equal(t, []int{0, 1, 2, 2, -1, -1}, []int{pc.Phase(0), pc.Phase(10), pc.Phase(20), pc.Phase(25), pc.Phase(26), pc.Phase(-1)})
	// On one chart with one centre (8.23), phases 2 and 3 are a run of 16
	// below it (WE4 from index 17); each phase on its own limits has only
	// the spike, at its index in the whole series.
	whole, err := s.Chart(Individuals)
	require.NoError(t, err)
	assert.NotEmpty(t, whole.Violations(RuleSet{WE4}))
	assert.Equal(t, []Violation{{WE1, 25}}, pc.Violations(WesternElectric))

	for _, bad := range [][]int{{0}, {10, 10}, {26}, {20, 10}, {-1}} {
		_, err := s.Phases(Individuals, bad...)
		assert.ErrorIs(t, err, ErrInvalidData, "%v", bad)
	}
	_, err = s.Phases(Individuals, 25)
	assert.ErrorIs(t, err, ErrInsufficientData, "a last phase of one value has no moving range")
	assert.ErrorContains(t, err, "phase 2 (samples 26–26)")
}
