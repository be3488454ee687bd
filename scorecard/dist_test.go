package scorecard

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Distribution functions against R 4.x:
//
//	pnorm(c(-3, -1.5, 0.3, 2));  qnorm(c(0.001, 0.025, 0.6, 0.975))
//	2*pt(-abs(c(0.5, 2.1, -3.7)), c(3, 12.4, 57))
//	qt(c(0.975, 0.995, 0.025, 0.9), c(1, 9, 23.7, 200))
//	pchisq(c(0.5, 3.84, 11.07, 42), c(1, 1, 5, 30), lower.tail = FALSE)
func TestDistributionsAgainstR(t *testing.T) {
	for i, c := range []struct{ x, want float64 }{
		{-3, 0.001349898031630095}, {-1.5, 0.066807201268858071}, {0.3, 0.617911422188952675}, {2, 0.977249868051820791},
	} {
		assert.InDelta(t, c.want, normCDF(c.x), 1e-15, "pnorm %d", i)
	}
	for i, c := range []struct{ p, want float64 }{
		{0.001, -3.0902323061678132}, {0.025, -1.959963984540054}, {0.6, 0.2533471031357998}, {0.975, 1.9599639845400536},
	} {
		assert.InDelta(t, c.want, normQuantile(c.p), 1e-13, "qnorm %d", i)
	}
	for i, c := range []struct{ t, df, want float64 }{
		{0.5, 3, 0.6514479648481510399}, {2.1, 12.4, 0.0568176803801788075}, {-3.7, 57, 0.0004871577899307807},
	} {
		assert.InDelta(t, c.want, tTail(c.t, c.df), 1e-13, "pt %d", i)
	}
	for i, c := range []struct{ p, df, want float64 }{
		{0.975, 1, 12.706204736174694}, {0.995, 9, 3.249835541592125}, {0.025, 23.7, -2.065281963314984}, {0.9, 200, 1.285798793994801},
	} {
		assert.InDelta(t, c.want, tQuantile(c.p, c.df), 1e-9*math.Abs(c.want), "qt %d", i)
	}
	for i, c := range []struct{ x, df, want float64 }{
		{0.5, 1, 0.47950012218695348}, {3.84, 1, 0.05004352124870522}, {11.07, 5, 0.05000961862240549}, {42, 30, 0.07157372845818856},
	} {
		assert.InDelta(t, c.want, chiSquareTail(c.x, c.df), 1e-13, "pchisq %d", i)
	}
	assert.Equal(t, 1.0, chiSquareTail(0, 3))
	assert.Equal(t, 0.0, tQuantile(0.5, 7))
	assert.InDelta(t, math.Erfc(2/math.Sqrt2), tTail(2, math.Inf(1)), 1e-15)
}
