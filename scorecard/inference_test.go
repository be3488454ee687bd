package scorecard

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Data of the R checks below.
var (
	rX = []float64{5, 4, 4, 3, 5, 2, 4, 5, 3, 4, 5, 1}
	rY = []float64{3, 4, 2, 3, 1, 2, 4, 3, 2, 2}
)

func sampleOf(v []float64) Sample {
	m, s := 0.0, 0.0
	for _, x := range v {
		m += x
	}
	m /= float64(len(v))
	for _, x := range v {
		s += (x - m) * (x - m)
	}
	return Sample{N: float64(len(v)), Mean: m, SD: math.Sqrt(s / float64(len(v)-1))}
}

// R 4.x, options(digits = 16):
//
//	x <- c(5,4,4,3,5,2,4,5,3,4,5,1); y <- c(3,4,2,3,1,2,4,3,2,2)
//	t.test(x)$conf.int                 # 2.931607608433678 4.568392391566322
//	tt <- t.test(x, y)                 # t 2.389665351189813, df 19.82314484054776,
//	                                   # p 0.0269206719934762, CI 0.1455787273428298 2.1544212726571703
func TestMeanCIAndWelchAgainstR(t *testing.T) {
	ci, err := MeanCI(sampleOf(rX), 0.95)
	require.NoError(t, err)
	assert.InDelta(t, 3.75, ci.Estimate, 1e-15)
	assert.InDelta(t, 2.931607608433678, ci.Lower, 1e-12)
	assert.InDelta(t, 4.568392391566322, ci.Upper, 1e-12)

	r, err := WelchTest(sampleOf(rX), sampleOf(rY))
	require.NoError(t, err)
	assert.Equal(t, "Welch t", r.Test)
	assert.InDelta(t, 2.389665351189813, r.Statistic, 1e-12)
	assert.InDelta(t, 19.82314484054776, r.DF, 1e-11)
	assert.InDelta(t, 0.0269206719934762, r.PValue, 1e-13)
	assert.InDelta(t, 0.1455787273428298, r.CI.Lower, 1e-11)
	assert.InDelta(t, 2.1544212726571703, r.CI.Upper, 1e-11)
	assert.InDelta(t, 1.15, r.Difference, 1e-14)
	// Cohen's d by hand: 1.15/√((1.288057028664069² + 0.9660917830792959²)/2)
	// (the SDs are R's sd(x), sd(y)) = 1.15/1.138535 = 1.010070.
	assert.InDelta(t, 1.15/math.Sqrt((1.288057028664069*1.288057028664069+0.9660917830792959*0.9660917830792959)/2), r.Effect, 1e-12)
	assert.True(t, r.Significant)

	_, err = WelchTest(Sample{N: 3, Mean: 2}, Sample{N: 4, Mean: 2})
	assert.ErrorIs(t, err, ErrInsufficientData)
	_, err = MeanCI(Sample{N: 1, Mean: 2}, 0.95)
	assert.ErrorIs(t, err, ErrInsufficientData)
	_, err = MeanCI(Sample{N: 5, Mean: math.NaN()}, 0.95)
	assert.ErrorIs(t, err, ErrInvalidValue)
	_, err = MeanCI(sampleOf(rX), 1)
	assert.ErrorIs(t, err, ErrInvalidValue)
}

// R: e <- c(6,7,5,6,7,6,5,7); p <- c(5,5,4,6,4,5,5,6)
//
//	t.test(p, e, paired = TRUE)  # t −3.210777306057041, df 7, p 0.01484206049995842,
//	                             # CI −1.9535228246828222 −0.2964771753171775
//	mean(p − e), sd(p − e)       # −1.125 0.9910312089651149
func TestPairedTestAgainstR(t *testing.T) {
	e := []float64{6, 7, 5, 6, 7, 6, 5, 7}
	p := []float64{5, 5, 4, 6, 4, 5, 5, 6}
	d := make([]float64, len(e))
	for i := range e {
		d[i] = p[i] - e[i]
	}
	r, err := PairedTest(sampleOf(d))
	require.NoError(t, err)
	assert.InDelta(t, -3.210777306057041, r.Statistic, 1e-12)
	assert.Equal(t, 7.0, r.DF)
	assert.InDelta(t, 0.01484206049995842, r.PValue, 1e-14)
	assert.InDelta(t, -1.9535228246828222, r.CI.Lower, 1e-12)
	assert.InDelta(t, -0.2964771753171775, r.CI.Upper, 1e-12)
	assert.InDelta(t, -1.125/0.9910312089651149, r.Effect, 1e-12)
	_, err = PairedTest(Sample{N: 5, Mean: -1, SD: 0})
	assert.ErrorIs(t, err, ErrInsufficientData)
}

// R: prop.test(c(45, 30), c(60, 58), correct = FALSE)
//
//	X-squared 6.898315958299918, p 0.008627698246894263,
//	CI 0.06381223128678895 0.40170501009252135
//
// prop.test(7, 20, correct = FALSE)$conf.int   0.1811918241010821 0.5671457233147637
// prop.test(20, 20, correct = FALSE)$conf.int  0.8388748419471806 1
func TestProportionsAgainstR(t *testing.T) {
	r, err := TwoProportionTest(45, 60, 30, 58)
	require.NoError(t, err)
	assert.InDelta(t, 6.898315958299918, r.Statistic*r.Statistic, 1e-12)
	assert.True(t, math.IsInf(r.DF, 1))
	assert.InDelta(t, 0.008627698246894263, r.PValue, 1e-14)
	assert.InDelta(t, 0.06381223128678895, r.CI.Lower, 1e-12)
	assert.InDelta(t, 0.40170501009252135, r.CI.Upper, 1e-12)
	// Cohen's h, R: 2*asin(sqrt(.75)) - 2*asin(sqrt(30/58)) = 0.4891091796366193
	assert.InDelta(t, 0.4891091796366193, r.Effect, 1e-14)

	w, err := WilsonCI(7, 20, 0.95)
	require.NoError(t, err)
	assert.InDelta(t, 0.1811918241010821, w.Lower, 1e-13)
	assert.InDelta(t, 0.5671457233147637, w.Upper, 1e-13)
	w, err = WilsonCI(20, 20, 0.95)
	require.NoError(t, err)
	assert.InDelta(t, 0.8388748419471806, w.Lower, 1e-13)
	assert.Equal(t, 1.0, w.Upper)

	_, err = TwoProportionTest(0, 10, 0, 12)
	assert.ErrorIs(t, err, ErrInsufficientData)
	_, err = TwoProportionTest(11, 10, 0, 12)
	assert.ErrorIs(t, err, ErrInvalidValue)
	_, err = WilsonCI(1, 0, 0.95)
	assert.ErrorIs(t, err, ErrInsufficientData)
}

// R: tab <- matrix(c(30,10,20, 22,18,25, 40,15,10), nrow = 3, byrow = TRUE)
//
//	chisq.test(tab, correct = FALSE)  # X-squared 13.43863500840245, df 4, p 0.009320010252196585
func TestChiSquareAgainstR(t *testing.T) {
	tab := [][]float64{{30, 10, 20}, {22, 18, 25}, {40, 15, 10}}
	r, err := ChiSquareTest(tab)
	require.NoError(t, err)
	assert.InDelta(t, 13.43863500840245, r.Statistic, 1e-12)
	assert.Equal(t, 4.0, r.DF)
	assert.InDelta(t, 0.009320010252196585, r.PValue, 1e-14)
	// Cramér's V by hand: √(13.438635/(190·2)) = 0.188056.
	assert.InDelta(t, math.Sqrt(13.43863500840245/380), r.Effect, 1e-12)
	assert.True(t, math.IsNaN(r.Difference))
	// An empty segment is left out: same test.
	r2, err := ChiSquareTest(append(tab, []float64{0, 0, 0}))
	require.NoError(t, err)
	assert.Equal(t, r.Statistic, r2.Statistic)
	assert.Equal(t, r.DF, r2.DF)

	for _, bad := range [][][]float64{nil, {{1, 2}}, {{1, 2}, {3}}, {{1, -2}, {3, 4}}, {{1, 0}, {3, 0}}} {
		_, err := ChiSquareTest(bad)
		assert.Error(t, err)
	}
}
