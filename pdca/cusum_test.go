package pdca

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCUSUMMatchesQcc(t *testing.T) {
	// qcc's tests/testthat/test-cusum.R: data 1.5, 0.5, 0.6, −1.5, −0.5,
	// −0.8, centre 0, std.dev 1, decision interval 1, shift 1: pos 1, 1,
	// 1.1, 0, 0, 0; neg 0, 0, 0, −1, −1, −1.3; upper violation at 3, lower
	// at 6 (strict: a sum equal to h does not signal).
	c, err := CUSUM(Limits{Kind: Individuals, Center: 0, Sigma: 1}, []float64{1.5, 0.5, 0.6, -1.5, -0.5, -0.8}, nil, 1, 1, 0)
	require.NoError(t, err)
	assert.InDeltaSlice(t, []float64{1, 1, 1.1, 0, 0, 0}, c.Upper, 1e-12)
	assert.InDeltaSlice(t, []float64{0, 0, 0, -1, -1, -1.3}, c.Lower, 1e-12)
	assert.Equal(t, []Signal{{2, true}, {5, false}}, c.Signals())

	// test-cusum.R, Phase II with newsizes: subgroups (10, 10, 10) twice,
	// then (14, 14) and (16, 16, 16); centre 10, std.dev 2, h 10: pos 0, 0,
	// 2.32842712474619, 7.02457954745282.
	c, err = CUSUM(Limits{Kind: Means, Center: 10, Sigma: 2}, []float64{10, 10, 14, 16}, []float64{3, 3, 2, 3}, 10, 1, 0)
	require.NoError(t, err)
	assert.InDeltaSlice(t, []float64{0, 0, 2.32842712474619, 7.02457954745282}, c.Upper, 1e-12)
	assert.Empty(t, c.Signals())

	// R, with qcc's R/cusum.R and R/qcc.R sourced, options(digits = 12):
	//   c1 <- cusum(d[1:25,], newdata=d[26:40,])  (h 5, shift 1)
	//   c1$pos[c(1,10,25,30,40)]: 1.56215612038 0 0 0 17.6325290517
	//   c1$neg[c(1,10,25,30,40)]: 0 −0.225776577823 −0.1800727631 −0.860144992371 0
	//   upper violations 37 38 39 40, lower none
	c, err = CUSUM(Limits{Kind: Means, Center: 74.001176, Sigma: 0.00978503869304, Size: 5}, pistonMeans, nil, 0, 0, 0)
	require.NoError(t, err)
	for i, w := range map[int][2]float64{0: {1.56215612038, 0}, 9: {0, -0.225776577823}, 24: {0, -0.1800727631}, 29: {0, -0.860144992371}, 39: {17.6325290517, 0}} {
		assert.InDelta(t, w[0], c.Upper[i], 1e-9, "pos %d", i+1)
		assert.InDelta(t, w[1], c.Lower[i], 1e-9, "neg %d", i+1)
	}
	assert.Equal(t, []Signal{{36, true}, {37, true}, {38, true}, {39, true}}, c.Signals())
	assert.Equal(t, [2]float64{5, 1}, [2]float64{c.DecisionInterval, c.Shift}, "qcc's defaults")

	//   cv <- cusum(viscosity[trial], newdata=viscosity[!trial]): centre 34.088,
	//   std.dev 0.507652108996; pos[c(21,30,35)] 0.0948955882353 5.11973382353
	//   7.89893970588; upper violations 30…35
	c, err = CUSUM(Limits{Kind: Individuals, Center: 34.088, Sigma: 0.507652108996}, viscosity, nil, 0, 0, 0)
	require.NoError(t, err)
	assert.InDelta(t, 0.0948955882353, c.Upper[20], 1e-9)
	assert.InDelta(t, 5.11973382353, c.Upper[29], 1e-9)
	assert.InDelta(t, 7.89893970588, c.Upper[34], 1e-9)
	assert.Equal(t, []Signal{{29, true}, {30, true}, {31, true}, {32, true}, {33, true}, {34, true}}, c.Signals())
}

func TestCUSUMHeadStartAndBadInput(t *testing.T) {
	// A head start of 2 (fast initial response): pos₁ = max(0, 2 + 0 − 0.5)
	// = 1.5, neg₁ = max(0, 2 − 0 − 0.5) = 1.5.
	l := Limits{Kind: Individuals, Center: 0, Sigma: 1}
	c, err := CUSUM(l, []float64{0}, nil, 4, 1, 2)
	require.NoError(t, err)
	assert.Equal(t, []float64{1.5}, c.Upper)
	assert.Equal(t, []float64{-1.5}, c.Lower)
	for _, tt := range []struct {
		name            string
		h, shift, start float64
	}{
		{"head start at h", 4, 1, 4}, {"negative head start", 4, 1, -1}, {"negative h", -1, 1, 0}, {"negative shift", 4, -1, 0},
	} {
		_, err := CUSUM(l, []float64{1}, nil, tt.h, tt.shift, tt.start)
		assert.ErrorIs(t, err, ErrInvalidData, tt.name)
	}
	_, err = CUSUM(Limits{Kind: Individuals}, []float64{1}, nil, 0, 0, 0)
	assert.ErrorIs(t, err, ErrInvalidData, "no σ to standardize by")
}
