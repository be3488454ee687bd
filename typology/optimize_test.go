package typology

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rosenbrock is (1−x)² + 100(y−x²)², minimum 0 at (1, 1), with its
// gradient: a curved valley that defeats naive descent.
func rosenbrock(x, g []float64) float64 {
	a, b := 1-x[0], x[1]-x[0]*x[0]
	g[0] = -2*a - 400*x[0]*b
	g[1] = 200 * b
	return a*a + 100*b*b
}

func TestOptimizersOnRosenbrock(t *testing.T) {
	o := &objective{dim: 2, fg: rosenbrock, lo: -10, hi: 10}
	for name, res := range map[string]optResult{
		"bfgs":        bfgs(o, []float64{-1.2, 1}),
		"nelder-mead": nelderMead(o, []float64{-1.2, 1}),
		"minimize":    minimize(o, [][]float64{{3, 3}, {-1.2, 1}}, 1),
	} {
		assert.InDelta(t, 1, res.x[0], 1e-4, name)
		assert.InDelta(t, 1, res.x[1], 1e-4, name)
		assert.Less(t, res.f, 1e-8, name)
	}
	res := minimize(o, [][]float64{{-1.2, 1}}, 1)
	require.True(t, res.ok)
	// The Hessian at (1, 1) is [[802, −400], [−400, 200]].
	require.NotNil(t, res.hess)
	assert.InDelta(t, 802, res.hess[0][0], 1e-3)
	assert.InDelta(t, -400, res.hess[0][1], 1e-3)
	assert.InDelta(t, 200, res.hess[1][1], 1e-3)
}

func TestOptimizerStaysInBox(t *testing.T) {
	// exp(x) + (y−1)² decreases in x without bound below: the minimum runs
	// to the box's edge, and the optimizer stays inside it.
	down := func(x, g []float64) float64 {
		g[0], g[1] = math.Exp(x[0]), 2*(x[1]-1)
		return math.Exp(x[0]) + (x[1]-1)*(x[1]-1)
	}
	o := &objective{dim: 2, fg: down, lo: -12, hi: 12}
	res := minimize(o, [][]float64{{0, 0}}, 1)
	assert.LessOrEqual(t, res.x[0], -11.0)
	assert.GreaterOrEqual(t, res.x[0], -12.0)
	assert.InDelta(t, 1, res.x[1], 1e-4)
}

func TestInvertSPD(t *testing.T) {
	a := [][]float64{{4, 2, 0.6}, {2, 5, 1}, {0.6, 1, 3}}
	inv, ok := invertSPD(a)
	require.True(t, ok)
	for i := range a {
		for j := range a {
			var s float64
			for k := range a {
				s += a[i][k] * inv[k][j]
			}
			want := 0.0
			if i == j {
				want = 1
			}
			assert.InDelta(t, want, s, 1e-12, "(%d,%d)", i, j)
		}
	}
	_, ok = invertSPD([][]float64{{1, 2}, {2, 1}})
	assert.False(t, ok, "indefinite")
	_, ok = invertSPD([][]float64{{1, 1}, {1, 1}})
	assert.False(t, ok, "singular")
}
