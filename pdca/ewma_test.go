package pdca

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pistonMeans are the means of qcc's 40 pistonrings samples of 5: the 25
// trial samples, then 15 new ones (rowMeans of qccGroups(pistonrings)).
var pistonMeans = []float64{74.0102, 74.0006, 74.008, 74.003, 74.0034, 73.9956, 74, 73.9968, 74.0042, 73.998,
	73.9942, 74.0014, 73.9984, 73.9902, 74.006, 73.9966, 74.0008, 74.0074, 73.9982, 74.0092, 73.9998, 74.0016,
	74.0024, 74.0052, 73.9982, 74.0086, 74.0022, 73.9922, 74.0036, 73.9974, 74.0072, 74.0056, 73.9978, 74.0112,
	74.0126, 74.004, 74.0166, 74.0196, 74.0234, 74.0128}

// viscosity is qcc's data/viscosity.txt: 20 trial batches, then 15 new.
var viscosity = []float64{34.05, 34.40, 33.59, 35.96, 34.70, 33.51, 33.79, 34.04, 34.52, 33.75, 33.27, 33.71, 34.03,
	34.58, 34.02, 33.97, 34.05, 34.04, 33.73, 34.05, 34.39, 33.75, 33.40, 33.27, 34.65, 34.80, 34.55, 35.40, 34.75,
	34.50, 34.70, 34.29, 34.61, 34.49, 35.03}

func TestEWMAQccDocumentedExamples(t *testing.T) {
	// qcc's reference page for ewma() and its vignette print, for the
	// centre and σ of the trial samples (std.dev UWAVE-R with qcc's d₂
	// table, and MR/1.128 for the viscosity):
	//   ewma(diameter[1:25,], lambda=0.2, nsigmas=3)
	//     Center 74.00118, StdDev 0.009785039; limits 1: 73.99855 74.00380,
	//     2: 73.99781 74.00454, 25: 73.99680 74.00555
	//   ewma(diameter[1:25,], lambda=0.2, nsigmas=2.7, newdata=diameter[26:40,])
	//     limits 1: 73.99881 74.00354, 2: 73.99815 74.00420, 40: 73.99724 74.00511
	//   ewma(viscosity[trial], lambda=0.2, nsigmas=2.7, newdata=viscosity[!trial])
	//     Center 34.088, StdDev 0.5076521; limits 1: 33.81387 34.36213,
	//     2: 33.73694 34.43906, 35: 33.63111 34.54489
	// The printed centre and σ are rounded to 7 digits; the inputs here are
	// the same run's unrounded values (R, print(q$center, digits = 12):
	// 74.001176 and 0.00978503869304), so the limits agree to the half unit
	// of their last printed decimal.
	tests := []struct {
		name      string
		l         Limits
		points    []float64
		sigmas    float64
		rows      []int
		lcl, ucl  []float64
		tolerance float64
	}{
		{"pistonrings, 3σ", Limits{Kind: Means, Center: 74.001176, Sigma: 0.00978503869304, Size: 5}, pistonMeans[:25], 3,
			[]int{0, 1, 24}, []float64{73.99855, 73.99781, 73.99680}, []float64{74.00380, 74.00454, 74.00555}, 5.1e-6},
		{"pistonrings, 2.7σ, new data", Limits{Kind: Means, Center: 74.001176, Sigma: 0.00978503869304, Size: 5}, pistonMeans, 2.7,
			[]int{0, 1, 39}, []float64{73.99881, 73.99815, 73.99724}, []float64{74.00354, 74.00420, 74.00511}, 5.1e-6},
		{"viscosity, 2.7σ", Limits{Kind: Individuals, Center: 34.088, Sigma: 0.507652108996}, viscosity, 2.7,
			[]int{0, 1, 34}, []float64{33.81387, 33.73694, 33.63111}, []float64{34.36213, 34.43906, 34.54489}, 5.1e-6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := EWMA(tt.l, tt.points, nil, 0.2, tt.sigmas)
			require.NoError(t, err)
			for j, i := range tt.rows {
				assert.InDelta(t, tt.lcl[j], e.LCL[i], tt.tolerance, "LCL %d", i+1)
				assert.InDelta(t, tt.ucl[j], e.UCL[i], tt.tolerance, "UCL %d", i+1)
			}
		})
	}
}

func TestEWMASmoothedAndSignalsMatchQcc(t *testing.T) {
	// R, with qcc's R/ewma.R and R/qcc.R sourced, options(digits = 12):
	//   q <- ewma(d[1:25,], lambda=0.2, nsigmas=2.7, newdata=d[26:40,])
	//   center 74.001176, std.dev 0.00978503869304
	//   q$ewma[c(1,2,25,26,40)]: 74.0029808 74.00250464 74.0016064823 74.0030051859 74.0125973491
	//   q$limits[40,]: 73.9972375979 74.0051144021
	//   which(!is.na(q$violations)): 35 37 38 39 40
	l := Limits{Kind: Means, Center: 74.001176, Sigma: 0.00978503869304, Size: 5}
	e, err := EWMA(l, pistonMeans, nil, 0.2, 2.7)
	require.NoError(t, err)
	for i, w := range map[int]float64{0: 74.0029808, 1: 74.00250464, 24: 74.0016064823, 25: 74.0030051859, 39: 74.0125973491} {
		assert.InDelta(t, w, e.Smoothed[i], 1e-9, "ewma %d", i+1)
	}
	assert.InDelta(t, 73.9972375979, e.LCL[39], 1e-9)
	assert.InDelta(t, 74.0051144021, e.UCL[39], 1e-9)
	assert.Equal(t, []Signal{{34, true}, {36, true}, {37, true}, {38, true}, {39, true}}, e.Signals())

	// qcc's tests/testthat/test-ewma.R: data 11, 13, 12, centre 10, std.dev
	// 2, lambda 0.5, nsigmas 2: ewma 10.5, 11.75, 11.875; sigma 1,
	// √1.25, √1.3125; limits 10 ∓ 2σ.
	e, err = EWMA(Limits{Kind: Individuals, Center: 10, Sigma: 2}, []float64{11, 13, 12}, nil, 0.5, 2)
	require.NoError(t, err)
	assert.InDeltaSlice(t, []float64{10.5, 11.75, 11.875}, e.Smoothed, 1e-12)
	assert.InDeltaSlice(t, []float64{12, 10 + 2*1.118033988749895, 10 + 2*1.145643923738960}, e.UCL, 1e-12)
	// lambda 1 is the Shewhart chart itself (test-ewma.R: 0, 0, 0, 5 with
	// nsigmas 2 flags the last point).
	e, err = EWMA(Limits{Kind: Individuals, Center: 0, Sigma: 1}, []float64{0, 0, 0, 5}, nil, 1, 2)
	require.NoError(t, err)
	assert.Equal(t, []Signal{{3, true}}, e.Signals())
}

func TestEWMAUnequalSizesAndBadInput(t *testing.T) {
	// σᵢ = σ/√nᵢ at each point, as qcc: centre 10, σ 2, λ 0.5, k 3:
	// point 1 (n = 4): 3·1·√(1/3·(1 − 0.25)) = 1.5; point 2 (n = 1):
	// 3·2·√(1/3·(1 − 0.0625)) = 3.354102.
	e, err := EWMA(Limits{Kind: Means, Center: 10, Sigma: 2}, []float64{10, 10}, []float64{4, 1}, 0.5, 3)
	require.NoError(t, err)
	assert.InDeltaSlice(t, []float64{11.5, 13.354101966249685}, e.UCL, 1e-12)
	assert.Equal(t, []float64{4, 1}, e.Sizes)
	l := Limits{Kind: Individuals, Center: 0, Sigma: 1}
	for _, tt := range []struct {
		name          string
		lambda, sigma float64
		l             Limits
	}{
		{"lambda above 1", 1.5, 3, l}, {"negative lambda", -0.1, 3, l}, {"negative sigmas", 0.2, -1, l},
		{"no sigma", 0.2, 3, Limits{Kind: Individuals, Center: 0}}, {"unknown kind", 0.2, 3, Limits{Center: 0, Sigma: 1}},
		{"t chart", 0.2, 3, Limits{Kind: TimeBetween, Center: 1, Sigma: 1}},
	} {
		_, err := EWMA(tt.l, []float64{1}, nil, tt.lambda, tt.sigma)
		assert.ErrorIs(t, err, ErrInvalidData, tt.name)
	}
	_, err = EWMA(l, nil, nil, 0.2, 3)
	assert.ErrorIs(t, err, ErrInsufficientData)
	// Zero values take qcc's defaults: λ 0.2, k 3.
	e, err = EWMA(l, []float64{1}, nil, 0, 0)
	require.NoError(t, err)
	assert.Equal(t, [2]float64{0.2, 3}, [2]float64{e.Lambda, e.Sigmas})
}
