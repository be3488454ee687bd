package servicecycle

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestTQuantile(t *testing.T) {
	// Published two-sided 95 % critical values of Student's t (NIST/SEMATECH
	// e-Handbook, table 1.3.6.7.2): df 10 → 2.228, 40 → 2.021, 60 → 2.000,
	// 100 → 1.984; and the normal limit 1.960.
	tests := []struct{ df, want, tol float64 }{
		{10, 2.228, 5e-4}, {40, 2.021, 5e-4}, {60, 2.000, 5e-4}, {100, 1.984, 5e-4},
		{1e9, 1.959964, 1e-6},
	}
	for _, tt := range tests {
		assert.InDelta(t, tt.want, tQuantile975(tt.df), tt.tol, "df %g", tt.df)
	}
	// The expansion joins the table smoothly: at df 31 it lies between the
	// table's df 30 and the published df 40.
	assert.Less(t, tQuantile975(31), 2.0422725)
	assert.Greater(t, tQuantile975(31), 2.021)
	assert.True(t, math.IsNaN(tQuantile975(0)))
}

// Defect 4 of issue 16: the Welch interval rounded its degrees of freedom
// down (df 1.9 → 1 gave t 12.71). Quantiles at fractional df, from R:
//
//	options(digits=12); qt(0.975, c(1.9, 2.5, 3.857142857142857, 10.5, 30.5, 31, 45.3, 1.0001))
//	4.52711807710  3.57465484200  2.81747375320  2.21384029292
//	2.04086944519  2.03951344640  2.01373530475 12.70320282045
func TestTQuantileFractionalDF(t *testing.T) {
	tests := []struct{ df, want float64 }{
		{1.9, 4.52711807710}, {2.5, 3.57465484200}, {3.857142857142857, 2.81747375320},
		{10.5, 2.21384029292}, {30.5, 2.04086944519}, {31, 2.03951344640}, {45.3, 2.01373530475},
		{1.0001, 12.70320282045},
		// Integer df, R's qt(0.975, c(1, 2)): 12.70620473617 4.30265272975.
		{1, 12.70620473617}, {2, 4.30265272975},
	}
	for _, tt := range tests {
		assert.InDelta(t, tt.want, tQuantile975(tt.df), 1e-8, "df %g", tt.df)
	}
}

// Defect 4 of issue 16: satisfaction intervals were not limited to the
// rating scale. Ratings 1 and 5: mean 3, sd √8, half-width
// 12.7062047 × √8/√2 = 25.41 → the raw interval −22.4…28.4, clipped to 1…5.
func TestSatisfactionClippedToScale(t *testing.T) {
	s := satisfactionOf([MaxRating]int64{1, 0, 0, 0, 1})
	assert.InDelta(t, 3.0, s.Mean, 1e-12)
	assert.Equal(t, float64(MinRating), s.Low)
	assert.Equal(t, float64(MaxRating), s.High)
	// Ratings 5, 5, 4: mean 14/3, sd 0.57735, half 4.30265 × 0.57735/√3 =
	// 1.43422 → 3.2325…6.1009, the top clipped to 5.
	s = satisfactionOf([MaxRating]int64{0, 0, 0, 1, 2})
	assert.InDelta(t, 14.0/3-1.434217, s.Low, 1e-5)
	assert.Equal(t, float64(MaxRating), s.High)
}
