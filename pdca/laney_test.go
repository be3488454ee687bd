package pdca

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// nhsAccidents is qicharts2's data/nhs_accidents.rda: patients seen within
// four hours of arrival (r) out of all emergency attendances (n), 20 weeks
// of English NHS data, the vignette's example of overdispersion.
var nhsAccidents = struct{ r, n []int }{
	r: []int{266501, 264225, 276532, 281461, 269071, 261215, 270409, 279778, 270483, 270320,
		267923, 271478, 255353, 256820, 261835, 259144, 255910, 260863, 264465, 260989},
	n: []int{280443, 276823, 291681, 296155, 282343, 275888, 283867, 295251, 284468, 282529,
		279618, 283932, 266629, 268091, 276803, 271578, 266005, 273520, 278574, 273772},
}

func TestLaneyPMatchesQicharts2(t *testing.T) {
	// R, with qicharts2's R/helper.functions.R sourced (qic.pp and qic.p on
	// the data frame qic() would build), options(digits = 15):
	//   centre 0.952899711344191
	//   p′ UCL of weeks 1, 13, 20: 0.965669778510868 0.965996408699257 0.965824426165478
	//   p′ LCL of weeks 1, 13, 20: 0.940129644177514 0.939803013989125 0.939974996522904
	//   p UCL of week 1: 0.954099858042367; σ_z = MR̄_z/1.128 = 10.6404218634965
	// qicharts2 divides by the rounded d₂(2) = 1.128, this package by
	// 2/√π = 1.1283792, so its half-widths are qicharts2's × 1.128/1.1283792.
	pp, err := LaneyP(nhsAccidents.r, nhsAccidents.n)
	require.NoError(t, err)
	assert.Equal(t, PPrime, pp.Kind)
	assert.InDelta(t, 0.952899711344191, pp.Center, 1e-14)
	scale := 1.128 / d2Pair
	for i, w := range map[int][2]float64{0: {0.940129644177514, 0.965669778510868}, 12: {0.939803013989125, 0.965996408699257}, 19: {0.939974996522904, 0.965824426165478}} {
		assert.InDelta(t, (w[1]-pp.Center)*scale, pp.UCL[i]-pp.Center, 1e-12, "UCL %d", i+1)
		assert.InDelta(t, (pp.Center-w[0])*scale, pp.Center-pp.LCL[i], 1e-12, "LCL %d", i+1)
	}
	p, err := P(nhsAccidents.r, nhsAccidents.n)
	require.NoError(t, err)
	assert.InDelta(t, 0.954099858042367, p.UCL[0], 1e-14)
	assert.InDelta(t, 10.6404218634965*scale, pp.Sigma/p.Sigma, 1e-10, "σ_z")
	// On the p chart nearly every week is out of control; on the p′ chart none is.
	assert.Greater(t, len(p.Violations(RuleSet{WE1})), 15)
	assert.Empty(t, pp.Violations(RuleSet{WE1}))
}

func TestLaneyUMatchesQicharts2(t *testing.T) {
	// R, qicharts2's qic.up on c = (12, 15, 9, 22, 30, 11, 14, 8, 25, 19)
	// events over n = (1000, 1200, 800, 1500, 2100, 900, 1000, 700, 1600,
	// 1300), options(digits = 15): centre 0.0136363636364,
	// UCL 0.0186477969697 (n = 1000), 0.0177281818185 (n = 1500),
	// LCL 0.00862493030307 (n = 1000), 0.00764655514263 (n = 700).
	counts := []int{12, 15, 9, 22, 30, 11, 14, 8, 25, 19}
	sizes := []float64{1000, 1200, 800, 1500, 2100, 900, 1000, 700, 1600, 1300}
	up, err := LaneyU(counts, sizes)
	require.NoError(t, err)
	assert.Equal(t, UPrime, up.Kind)
	assert.InDelta(t, 165.0/12100, up.Center, 1e-15)
	scale := 1.128 / d2Pair
	assert.InDelta(t, (0.0186477969697-up.Center)*scale, up.UCL[0]-up.Center, 1e-12)
	assert.InDelta(t, (0.0177281818185-up.Center)*scale, up.UCL[3]-up.Center, 1e-12)
	assert.InDelta(t, (up.Center-0.00862493030307)*scale, up.Center-up.LCL[0], 1e-12)
	assert.InDelta(t, (up.Center-0.00764655514263)*scale, up.Center-up.LCL[7], 1e-12)
}

func TestLaneyEdges(t *testing.T) {
	// One sample has no moving range.
	_, err := LaneyP([]int{5}, []int{10})
	assert.ErrorIs(t, err, ErrInsufficientData)
	_, err = LaneyU([]int{5}, []float64{10})
	assert.ErrorIs(t, err, ErrInsufficientData)
	_, err = LaneyU(nil, nil)
	assert.ErrorIs(t, err, ErrInsufficientData)
	_, err = LaneyP([]int{5, 11}, []int{10, 10})
	assert.ErrorIs(t, err, ErrInvalidData)
	// Every sample at 0 %: no spread, σ_z taken as 1, limits on the centre.
	pp, err := LaneyP([]int{0, 0, 0}, []int{10, 20, 30})
	require.NoError(t, err)
	assert.Zero(t, pp.Sigma)
	assert.Equal(t, []float64{0, 0, 0}, pp.UCL)
	// Binomial-looking data: σ_z by hand. p̄ = 0.5, n = 100, σ_p = 0.05;
	// points 0.45, 0.55, 0.45, 0.55 → z = −1, 1, −1, 1, MR̄_z = 2,
	// σ_z = 2/1.1283792 = 1.772454; limits 0.5 ± 3·0.05·1.772454.
	pp, err = LaneyP([]int{45, 55, 45, 55}, []int{100, 100, 100, 100})
	require.NoError(t, err)
	assert.InDelta(t, 0.5+3*0.05*math.Sqrt(math.Pi), pp.UCL[0], 1e-12)
}

func TestDispersionOfMatchesQcc(t *testing.T) {
	// qcc's documented qccOverdispersionTest examples (Wetherill and Brown
	// 1991, pp. 212–218), from its reference page:
	//   binomial, size 50: Obs.Var/Theor.Var 0.7644566, Statistic 22.16924, p-value 0.81311
	//   poisson:           Obs.Var/Theor.Var 1.472203,  Statistic 42.69388, p-value 0.048579
	bin := []int{12, 11, 18, 11, 10, 16, 9, 11, 14, 15, 11, 9, 10, 13, 12, 8, 12, 13, 10, 12, 13, 16, 12, 18, 16, 10, 16, 10, 12, 14}
	d, err := DispersionOf(Proportions, bin, fill(len(bin), 50))
	require.NoError(t, err)
	assert.Equal(t, Proportions, d.Model)
	assert.Equal(t, 30, d.Samples)
	assert.InDelta(t, 0.7644566, d.Ratio, 1e-7)
	assert.InDelta(t, 22.16924, d.ChiSquare, 1e-5)
	assert.InDelta(t, 0.81311, d.PValue, 1e-5)
	assert.False(t, d.Overdispersed)

	poi := []int{11, 8, 13, 11, 13, 17, 25, 23, 11, 16, 9, 15, 10, 16, 12, 8, 9, 15, 4, 12, 12, 12, 15, 17, 14, 17, 12, 12, 7, 16}
	d, err = DispersionOf(Defects, poi, nil)
	require.NoError(t, err)
	assert.Equal(t, DefectsPerUnit, d.Model)
	assert.InDelta(t, 1.472203, d.Ratio, 1e-6)
	assert.InDelta(t, 42.69388, d.ChiSquare, 1e-5)
	assert.InDelta(t, 0.048579, d.PValue, 1e-6)
	// p < 0.05, but is it day-to-day noise? σ_z by hand: c̄ = 392/30, the
	// MR̄ of the z-scores (x − c̄)/√c̄ (= |Δx|/√c̄) over d₂(2): 1.1075.
	var mr float64
	for i := 1; i < len(poi); i++ {
		mr += math.Abs(float64(poi[i]-poi[i-1])) / math.Sqrt(392.0/30)
	}
	sz := mr / 29 / d2Pair
	assert.InDelta(t, sz, d.SigmaZ, 1e-12)
	assert.Equal(t, sz > 1, d.Overdispersed)

	// The NHS weeks: far beyond the binomial.
	d, err = DispersionOf(Proportions, nhsAccidents.r, floats(nhsAccidents.n))
	require.NoError(t, err)
	assert.True(t, d.Overdispersed)
	assert.Less(t, d.PValue, 1e-100)

	_, err = DispersionOf(Individuals, bin, nil)
	assert.ErrorIs(t, err, ErrInvalidData)
	_, err = DispersionOf(Proportions, bin[:1], []float64{50})
	assert.ErrorIs(t, err, ErrInsufficientData)
	_, err = DispersionOf(Proportions, bin[:2], []float64{50, 50.5})
	assert.ErrorIs(t, err, ErrInvalidData)
	d, err = DispersionOf(Proportions, []int{0, 0}, []float64{5, 5})
	require.NoError(t, err)
	assert.Equal(t, Dispersion{Model: Proportions, Samples: 2, PValue: 1, SigmaZ: 1}, d, "nothing varies")
}

func floats(xs []int) []float64 {
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = float64(x)
	}
	return out
}
