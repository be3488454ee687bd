package pdca

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDistributionFunctionsMatchR(t *testing.T) {
	// R 4.x, options(digits = 15):
	//   qnorm(c(0.975, 0.025, 0.5, 1e-10))
	//   pchisq(c(22.16924, 42.69388, 3, 100), c(29, 29, 1, 80), lower.tail = FALSE)
	//   qchisq(c(0.025, 0.975, 0.5, 0.001), c(124, 124, 1, 3))
	//   qchisq(0.975, 0.5); qchisq(0.01, 200)
	//   qbinom(0.05, c(9, 12, 19, 23, 99, 999), 0.5)
	for _, tt := range []struct{ p, want float64 }{
		{0.975, 1.95996398454005}, {0.025, -1.95996398454005}, {0.5, 0}, {1e-10, -6.36134090240406},
	} {
		assert.InDelta(t, tt.want, normalQuantile(tt.p), 1e-12, "qnorm(%v)", tt.p)
	}
	for _, tt := range []struct{ x, df, want float64 }{
		{22.16924, 29, 0.813114978687057}, {42.69388, 29, 0.0485790364133841}, {3, 1, 0.0832645166635506}, {100, 80, 0.064570368921133},
	} {
		assert.InDelta(t, tt.want, chiSquareUpper(tt.x, tt.df), 1e-12, "pchisq(%v, %v, lower.tail = FALSE)", tt.x, tt.df)
	}
	for _, tt := range []struct{ p, df, want float64 }{
		{0.025, 124, 95.0700889723451}, {0.975, 124, 156.714103829672}, {0.5, 1, 0.454936423119573}, {0.001, 3, 0.0242975858156927},
		{0.975, 0.5, 3.43323529996078}, {0.01, 200, 156.431966107592},
	} {
		got := chiSquareQuantile(tt.p, tt.df)
		assert.InDelta(t, tt.want, got, 1e-9*tt.want, "qchisq(%v, %v)", tt.p, tt.df)
	}
	for _, tt := range []struct{ n, want int }{{9, 2}, {12, 3}, {19, 6}, {23, 8}, {99, 41}, {999, 474}} {
		assert.Equal(t, tt.want, binomialQuantile(0.05, tt.n, 0.5), "qbinom(0.05, %d, 0.5)", tt.n)
	}
	assert.Zero(t, binomialQuantile(0.05, 0, 0.5))
	p, q := regGammaP(2, 0)
	assert.Equal(t, [2]float64{0, 1}, [2]float64{p, q})
}
