package pdca

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestProcessCapabilityByHand(t *testing.T) {
	// Values 9, 10, 11, 10: mean 10, overall s = √((1+0+1+0)/3) = 0.816497.
	// Spec 7..13, target 10, σ_within 0.5:
	// Cp = 6/(6·0.5) = 2, Cpk = min(3, 3)/(3·0.5) = 2, Pp = Ppk = 6/(6·0.816497)
	// = 1.224745, Cpm = 6/(6√(0.25 + 0)) = 2. Expected DPMO: z = 6 on both
	// sides, 2·(1 − Φ(6))·10⁶ = 2·9.8659e-10·10⁶ = 0.00197318.
	c, err := ProcessCapability([]float64{9, 10, 11, 10}, 0.5, Spec{LSL: 7, USL: 13, Target: 10})
	require.NoError(t, err)
	assert.Equal(t, 4, c.N)
	assert.InDelta(t, 10, c.Mean, 1e-12)
	assert.InDelta(t, 0.816497, c.SigmaOverall, 1e-6)
	assert.InDelta(t, 2, c.Cp, 1e-12)
	assert.InDelta(t, 2, c.Cpk, 1e-12)
	assert.InDelta(t, 1.224745, c.Pp, 1e-6)
	assert.InDelta(t, 1.224745, c.Ppk, 1e-6)
	assert.InDelta(t, 2, c.Cpm, 1e-12)
	assert.InDelta(t, 0.00197318, c.ExpectedDPMO, 1e-7)
	assert.Zero(t, c.ObservedDPMO)

	// Off target: T = 11 gives Cpm = 6/(6√(0.25 + 1)) = 0.894427.
	c, err = ProcessCapability([]float64{9, 10, 11, 10}, 0.5, Spec{LSL: 7, USL: 13, Target: 11})
	require.NoError(t, err)
	assert.InDelta(t, 0.894427, c.Cpm, 1e-6)

	// One-sided (only USL 13): Cp, Pp and Cpm undefined, Cpk = 3/1.5 = 2;
	// observed: 1 of 4 values (14) above → 250 000 DPMO.
	c, err = ProcessCapability([]float64{9, 10, 11, 14}, 0.5, Spec{LSL: NoLimit, USL: 13, Target: NoLimit})
	require.NoError(t, err)
	assert.True(t, math.IsNaN(c.Cp))
	assert.True(t, math.IsNaN(c.Cpm))
	assert.InDelta(t, (13-11.0)/1.5, c.Cpk, 1e-12)
	assert.InDelta(t, 250000, c.ObservedDPMO, 1e-9)
}

func TestCapabilityPistonrings(t *testing.T) {
	// qcc's pistonrings, σ̂ = 0.009785039, X̿ = 74.00118 (printed by qcc),
	// spec 73.95..74.05 (qcc's process.capability example). By hand:
	// Cp = 0.1/(6·0.009785039) = 1.703257; Cpk = (74.05 − 74.001176)/
	// (3·0.009785039) = 0.048824/0.029355117 = 1.663222.
	means, _, err := XbarR(pistonrings)
	require.NoError(t, err)
	var all []float64
	for _, g := range pistonrings {
		all = append(all, g...)
	}
	c, err := ProcessCapability(all, means.Sigma, Spec{LSL: 73.95, USL: 74.05, Target: NoLimit})
	require.NoError(t, err)
	relClose(t, 1.703257, c.Cp)
	relClose(t, 1.663222, c.Cpk)
}

func TestCapabilityBadInput(t *testing.T) {
	_, err := ProcessCapability([]float64{1, 2}, 0, Spec{LSL: 13, USL: 7, Target: NoLimit})
	assert.ErrorIs(t, err, ErrInvalidSpec, "inverted limits")
	_, err = ProcessCapability([]float64{1, 2}, 0, Spec{LSL: NoLimit, USL: NoLimit, Target: NoLimit})
	assert.ErrorIs(t, err, ErrInvalidSpec, "no limits")
	_, err = ProcessCapability([]float64{1}, 0, Spec{LSL: 0, USL: 3, Target: NoLimit})
	assert.ErrorIs(t, err, ErrInsufficientData)
	_, err = ProcessCapability([]float64{1, math.NaN()}, 0, Spec{LSL: 0, USL: 3, Target: NoLimit})
	assert.ErrorIs(t, err, ErrInvalidData)
	_, err = ProcessCapability([]float64{2, 2}, 0, Spec{LSL: 0, USL: 3, Target: NoLimit})
	assert.ErrorIs(t, err, ErrInvalidData, "zero spread")
}

func TestSigmaLevelAndDPMO(t *testing.T) {
	// The Six Sigma table (Harry; Montgomery, Table 1.5), long-term DPMO with
	// the 1.5σ shift: 6σ → 3.4, 5σ → 233, 4σ → 6 210, 3σ → 66 807.
	// Exactly: 10⁶·(1 − Φ(4.5)) = 3.397673, (1 − Φ(1.5))·10⁶ = 66 807.2.
	for _, tt := range []struct{ sigma, dpmo, tol float64 }{
		{6, 3.4, 0.01}, {5, 233, 0.5}, {4, 6210, 0.5}, {3, 66807, 0.5},
	} {
		d, err := DPMO(tt.sigma, true)
		require.NoError(t, err)
		assert.InDelta(t, tt.dpmo, d, tt.tol, "DPMO(%v)", tt.sigma)
		z, err := SigmaLevel(d, true)
		require.NoError(t, err)
		assert.InDelta(t, tt.sigma, z, 1e-9, "round trip")
	}
	d, err := DPMO(6, true)
	require.NoError(t, err)
	assert.InDelta(t, 3.397673, d, 1e-6)
	// Without the shift, 3σ one-sided: (1 − Φ(3))·10⁶ = 1 349.898.
	d, err = DPMO(3, false)
	require.NoError(t, err)
	assert.InDelta(t, 1349.898, d, 1e-3)
	z, err := SigmaLevel(1349.898, false)
	require.NoError(t, err)
	assert.InDelta(t, 3, z, 1e-6)

	for _, bad := range []float64{0, -1, 1e6, math.NaN()} {
		_, err := SigmaLevel(bad, true)
		assert.ErrorIs(t, err, ErrInvalidData)
	}
	_, err = DPMO(math.Inf(1), true)
	assert.ErrorIs(t, err, ErrInvalidData)

	// 3 errors in 1 000 forms of 5 fields each: 3/(1000·5)·10⁶ = 600.
	d, err = DefectsPerMillion(3, 1000, 5)
	require.NoError(t, err)
	assert.InDelta(t, 600, d, 1e-9)
	_, err = DefectsPerMillion(1, 0, 5)
	assert.ErrorIs(t, err, ErrInvalidData)
}
