package pdca

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTChartMontgomeryExample76(t *testing.T) {
	// Montgomery, Introduction to Statistical Quality Control, 6th ed.,
	// Example 7.6 / Table 7.14: hours between failures of a valve. The
	// reference is qicharts2's stored result for that example
	// (tests/testthat/ex_7.6_1.rds, read with readRDS in R, digits = 12):
	// centre 430.04095179, LCL 0, UCL 6937.93348817. qicharts2 divides MR̄ by
	// 1.128; with d₂(2) = 2/√π, as this package, R gives (x^(1/3.6): ȳ =
	// 5.38927697275, σ̂ = 2.09231138014, ȳ − 3σ̂ = −0.8877 < 0 so the LCL
	// is 0) UCL (ȳ + 3σ̂)^3.6 = 6933.41813958.
	hours := []float64{286, 948, 536, 124, 816, 729, 4, 143, 431, 8, 2837, 596, 81, 227, 603, 492, 1199, 1214, 2831, 96}
	c, err := T(hours)
	require.NoError(t, err)
	assert.Equal(t, TimeBetween, c.Kind)
	assert.Equal(t, hours, c.Points, "points stay in hours")
	assert.InDelta(t, 430.04095179, c.Center, 1e-8)
	assert.InDelta(t, 2.09231138014, c.Sigma, 1e-10)
	assert.Zero(t, c.LCL[0])
	assert.InDelta(t, 6933.41813958, c.UCL[0], 1e-7)
	// The zones are on the transformed scale, transformed back: 1σ above
	// is (ȳ + σ̂)^3.6, below (ȳ − σ̂)^3.6.
	_, lo1, hi1, _ := c.Zones(0)
	assert.InDelta(t, math.Pow(5.38927697275+2.09231138014, 3.6), hi1, 1e-6)
	assert.InDelta(t, math.Pow(5.38927697275-2.09231138014, 3.6), lo1, 1e-7)
	assert.InDelta(t, 2.09231138014, c.PointSigma(0), 1e-10)
	assert.Empty(t, c.Violations(WesternElectric), "Montgomery: the process is in control")
	// Phase II on the frozen limits: a failure after 40 000 hours is beyond the UCL.
	m, err := c.Monitor([]float64{500, 40000}, nil)
	require.NoError(t, err)
	assert.Equal(t, []Violation{{WE1, 1}}, m.Violations(RuleSet{WE1}))

	_, err = c.Monitor([]float64{500, 0}, nil)
	assert.ErrorContains(t, err, "point 2 is 0", "a time between events is positive")
	for _, bad := range [][]float64{{5}, {5, 0}, {5, -1}, {5, math.Inf(1)}} {
		_, err := T(bad)
		assert.Error(t, err, "%v", bad)
	}
}

func TestGChart(t *testing.T) {
	// Days between complaints. By hand: ḡ = 84/12 = 7, σ = √(7·8) = √56 =
	// 7.483315, UCL = 7 + 3·7.483315 = 29.449944, LCL = 7 − 22.4 < 0 → 0.
	// R, qicharts2's qic.g on the same gaps: ucl 29.4499443206, lcl 0 (its
	// centre line is drawn at the median, 5.5; its limits come from the mean).
	gaps := []int{3, 0, 12, 5, 7, 1, 20, 4, 9, 2, 15, 6}
	c, err := G(gaps)
	require.NoError(t, err)
	assert.Equal(t, Geometric, c.Kind)
	assert.InDelta(t, 7, c.Center, 1e-15)
	assert.InDelta(t, math.Sqrt(56), c.Sigma, 1e-15)
	assert.InDelta(t, 29.4499443206, c.UCL[0], 1e-9)
	assert.Zero(t, c.LCL[0])
	// 45 days without a complaint after the change: beyond the UCL, an
	// improvement when longer gaps are better.
	m, err := c.Monitor([]float64{6, 45}, nil)
	require.NoError(t, err)
	assert.Equal(t, []Violation{{WE1, 1}}, m.Violations(RuleSet{WE1}))

	_, err = G(nil)
	assert.ErrorIs(t, err, ErrInsufficientData)
	_, err = G([]int{3, -1})
	assert.ErrorIs(t, err, ErrInvalidData)
	assert.ErrorContains(t, err, "gap 2 is -1")
}
