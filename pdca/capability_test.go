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

func TestProcessCapabilityCases(t *testing.T) {
	// Values 9, 10, 11, 10 throughout unless said: mean 10, overall
	// s = √((1 + 0 + 1 + 0)/3) = √(2/3) = 0.816497.
	// Φ(−4) = 3.167124e-5 (standard normal table), so a limit 4σ from the
	// mean gives 31.67124 expected DPMO; 1 − Φ(8) = 6.2e-16 adds nothing.
	nan := math.NaN()
	base := []float64{9, 10, 11, 10}
	tests := []struct {
		name                  string
		values                []float64
		sigmaWithin           float64
		spec                  Spec
		within                float64
		cp, cpk, pp, ppk, cpm float64
		expected, observed    float64
	}{
		// σ_within 0 means "use the overall σ": Cp = Pp = 6/(6·0.816497)
		// = 1.224745; Cpk = Ppk = 3/(3·0.816497) = 1.224745; Cpm =
		// 6/(6√(0.666667 + 0)) = 1.224745; z = ±3/0.816497 = ±3.674235,
		// 2·(1 − Φ(3.674235))·10⁶ = 2·119.28173 = 238.5635 (erfc, Python).
		{"zero sigma within uses overall", base, 0, Spec{LSL: 7, USL: 13, Target: 10}, 0.816497,
			1.224745, 1.224745, 1.224745, 1.224745, 1.224745, 238.5635, 0},
		// Spec 8..14 with σ_within 0.5: Cp = 6/3 = 2; the LSL side binds:
		// Cpk = min((14 − 10)/1.5, (10 − 8)/1.5) = min(2.666667, 1.333333);
		// Pp = 6/(6·0.816497) = 1.224745, Ppk = 2/(3·0.816497) = 0.816497;
		// no target: T = (8 + 14)/2 = 11, Cpm = 6/(6√(0.25 + 1)) = 0.894427;
		// expected: z = −4 below and 8 above, 31.67124.
		{"lower limit binds, target is the mid-point", base, 0.5, Spec{LSL: 8, USL: 14, Target: nan}, 0.5,
			2, 1.333333, 1.224745, 0.816497, 0.894427, 31.67124, 0},
		// Lower limit only: Cp, Pp, Cpm undefined; Cpk = (10 − 8)/1.5.
		{"lower limit only", base, 0.5, Spec{LSL: 8, USL: nan, Target: nan}, 0.5,
			nan, 1.333333, nan, 0.816497, nan, 31.67124, 0},
		// Values on the limits are inside the specification (qcc's
		// process.capability counts x < LSL and x > USL): 7, 10, 13, 10 with
		// spec 7..13 has no observed defect. Mean 10, s = √(18/3) = 2.449490;
		// σ_within 1: Cp = Cpk = 1, Pp = Ppk = 6/(6·2.449490) = 0.408248,
		// Cpm = 6/(6·1) = 1; expected 2·(1 − Φ(3))·10⁶ = 2699.796.
		{"values on the limits are in spec", []float64{7, 10, 13, 10}, 1, Spec{LSL: 7, USL: 13, Target: 10}, 1,
			1, 1, 0.408248, 0.408248, 1, 2699.796, 0},
		// 7, 10, 12, 11: mean 10, deviations −3, 0, 2, 1, s = √(14/3) =
		// 2.160247; one value of four below LSL 8: 250 000 observed DPMO.
		// σ_within 1, spec 8..20: Cp = 12/6 = 2, Cpk = min(10, 2)/3 =
		// 0.666667, Pp = 12/(6·2.160247) = 0.925820, Ppk = 2/(3·2.160247) =
		// 0.308607, T = 14: Cpm = 12/(6√(1 + 16)) = 0.485071; expected
		// Φ(−2)·10⁶ = 22750.13 (the upper limit is 10σ away).
		{"observed below the lower limit", []float64{7, 10, 12, 11}, 1, Spec{LSL: 8, USL: 20, Target: nan}, 1,
			2, 0.666667, 0.925820, 0.308607, 0.485071, 22750.13, 250000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ProcessCapability(tt.values, tt.sigmaWithin, tt.spec)
			require.NoError(t, err)
			near := func(want, got float64, what string) {
				if math.IsNaN(want) {
					assert.True(t, math.IsNaN(got), "%s = %v, want NaN", what, got)
					return
				}
				assert.InDelta(t, want, got, 1e-6, what)
			}
			near(tt.within, c.SigmaWithin, "sigma within")
			near(tt.cp, c.Cp, "Cp")
			near(tt.cpk, c.Cpk, "Cpk")
			near(tt.pp, c.Pp, "Pp")
			near(tt.ppk, c.Ppk, "Ppk")
			near(tt.cpm, c.Cpm, "Cpm")
			assert.InDelta(t, tt.expected, c.ExpectedDPMO, 1e-6*tt.expected, "expected DPMO")
			assert.InDelta(t, tt.observed, c.ObservedDPMO, 1e-9, "observed DPMO")
		})
	}
}

func TestDefectsPerMillionEdges(t *testing.T) {
	tests := []struct {
		defects, units, opportunities int
		want                          float64
		err                           bool
	}{
		{0, 10, 10, 0, false},    // no defect is a valid count: 0 DPMO
		{1, 1, 4, 250000, false}, // one unit of 4 opportunities: 10⁶/4
		{1, 4, 1, 250000, false}, // four units of one opportunity: 10⁶/4
		{-1, 10, 10, 0, true},    // negative defects
		{1, 10, 0, 0, true},      // no opportunity
		{1, 0, 10, 0, true},      // no unit
	}
	for _, tt := range tests {
		got, err := DefectsPerMillion(tt.defects, tt.units, tt.opportunities)
		if tt.err {
			assert.ErrorIs(t, err, ErrInvalidData, "%+v", tt)
			continue
		}
		require.NoError(t, err, "%+v", tt)
		assert.InDelta(t, tt.want, got, 1e-9, "%+v", tt)
	}
}

func TestSpecValidate(t *testing.T) {
	nan := math.NaN()
	for _, ok := range []Spec{{LSL: 7, USL: 13, Target: 10}, {LSL: nan, USL: 13, Target: nan}, {LSL: 7, USL: nan, Target: nan}} {
		assert.NoError(t, ok.Validate(), "%+v", ok)
	}
	for _, bad := range []Spec{
		{LSL: 5, USL: 5, Target: nan},   // no width: LSL not below USL
		{LSL: 6, USL: 5, Target: nan},   // inverted
		{LSL: nan, USL: nan, Target: 1}, // no limit
		{LSL: math.Inf(-1), USL: 5, Target: nan},
		{LSL: 1, USL: 5, Target: math.Inf(1)},
	} {
		assert.ErrorIs(t, bad.Validate(), ErrInvalidSpec, "%+v", bad)
	}
}

func TestCapabilityIntervalsMatchQcc(t *testing.T) {
	// qcc's vignette, processCapability(q, spec.limits = ...) on the 125
	// pistonrings trial values with σ_within the X̄ chart's UWAVE-R σ̂. The
	// printed table (3 digits) and, from qcc's R/capability.R sourced in R
	// with options(digits = 12), the unrounded values:
	//   spec 73.95–74.05:           Cp 1.70 (1.49, 1.91), Cp_k 1.66 (1.45, 1.88), Cpm 1.69 (1.48, 1.90)
	//     Cp 1.70328060926 (1.49141088992, 1.91482637763); Cp_k 1.66321944933 (1.44812896100, 1.87830993766)
	//     Cpm 1.69111113311 (1.48011332244, 1.90178557706); Pp 1.65508633768 (1.44921146543, 1.86064642515)
	//     Pp_k 1.61615870702 (1.40669896148, 1.82561845255)
	//   spec 73.95–74.05, target 74.02: Cpm 0.786 (0.656, 0.915) = 0.785595682139 (0.655592093821, 0.915359185652)
	//   spec 73.99–74.01:           Cp_k 0.301 (0.231, 0.370) = 0.300594961922 (0.231210216972, 0.369979706872)
	//   spec 73.99–74.1:            Cp 1.874 (1.641, 2.106), Cp_k 0.381 (0.305, 0.456), Cpm 0.408 (0.338, 0.479)
	//     Cpm 0.408286425702 (0.337681223904, 0.478758314725)
	// qcc's σ̂ uses its d₂ table (2.326 for n = 5): 0.00978503869304.
	var all []float64
	for _, g := range pistonrings {
		all = append(all, g...)
	}
	const sigma = 0.00978503869304
	tests := []struct {
		spec          Spec
		cp, cpk, cpm  [3]float64
		pp, ppk       [3]float64
		checkCp, both bool
	}{
		{Spec{LSL: 73.95, USL: 74.05, Target: NoLimit},
			[3]float64{1.70328060926, 1.49141088992, 1.91482637763}, [3]float64{1.66321944933, 1.44812896100, 1.87830993766},
			[3]float64{1.69111113311, 1.48011332244, 1.90178557706},
			[3]float64{1.65508633768, 1.44921146543, 1.86064642515}, [3]float64{1.61615870702, 1.40669896148, 1.82561845255}, true, true},
		{Spec{LSL: 73.95, USL: 74.05, Target: 74.02}, [3]float64{}, [3]float64{},
			[3]float64{0.785595682139, 0.655592093821, 0.915359185652}, [3]float64{}, [3]float64{}, false, false},
		{Spec{LSL: 73.99, USL: 74.01, Target: NoLimit}, [3]float64{}, [3]float64{0.300594961922, 0.231210216972, 0.369979706872},
			[3]float64{0.338222226622, 0.296022664488, 0.380357115411}, [3]float64{}, [3]float64{}, false, false},
		{Spec{LSL: 73.99, USL: 74.1, Target: NoLimit}, [3]float64{1.873608670182, 1.640551978913, 2.106309015392},
			[3]float64{0.380717281781, 0.305485623527, 0.455948940034},
			[3]float64{0.408286425702, 0.337681223904, 0.478758314725}, [3]float64{}, [3]float64{}, true, false},
	}
	near := func(want [3]float64, v float64, ci Interval, what string) {
		if want == ([3]float64{}) {
			return
		}
		assert.InDelta(t, want[0], v, 1e-10, what)
		assert.InDelta(t, want[1], ci.Lower, 1e-10, what+" lower")
		assert.InDelta(t, want[2], ci.Upper, 1e-10, what+" upper")
	}
	for _, tt := range tests {
		c, err := ProcessCapability(all, sigma, tt.spec)
		require.NoError(t, err)
		ci, err := c.Intervals(0.95)
		require.NoError(t, err)
		near(tt.cp, c.Cp, ci.Cp, "Cp")
		near(tt.cpk, c.Cpk, ci.Cpk, "Cpk")
		near(tt.cpm, c.Cpm, ci.Cpm, "Cpm")
		near(tt.pp, c.Pp, ci.Pp, "Pp")
		near(tt.ppk, c.Ppk, ci.Ppk, "Ppk")
	}
	// A one-sided spec has no Cp or Cpm, and no interval for them.
	c, err := ProcessCapability(all, sigma, Spec{LSL: NoLimit, USL: 74.05, Target: NoLimit})
	require.NoError(t, err)
	ci, err := c.Intervals(0.9)
	require.NoError(t, err)
	assert.True(t, math.IsNaN(ci.Cp.Lower) && math.IsNaN(ci.Cpm.Upper))
	assert.Less(t, ci.Cpk.Lower, c.Cpk)
	for _, bad := range []float64{0, 1, -0.5, math.NaN()} {
		_, err := c.Intervals(bad)
		assert.ErrorIs(t, err, ErrInvalidData, "level %v", bad)
	}
	_, err = Capability{N: 1}.Intervals(0.95)
	assert.ErrorIs(t, err, ErrInsufficientData)
}
