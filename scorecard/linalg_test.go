package scorecard

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// symEigen: A·V = V·Λ, VᵀV = I and the values in decreasing order, to a few
// ulps, on random symmetric matrices and on a known 2×2.
func TestSymEigen(t *testing.T) {
	vals, vecs, err := symEigen([]float64{2, 1, 1, 2}, 2)
	require.NoError(t, err)
	assert.InDeltaSlice(t, []float64{3, 1}, vals, 1e-15)
	assert.InDelta(t, 1/math.Sqrt2, math.Abs(vecs[0]), 1e-15)
	rng := rand.New(rand.NewPCG(2, 3))
	for _, n := range []int{1, 3, 8, 25} {
		a := make([]float64, n*n)
		for i := range n {
			for j := i; j < n; j++ {
				a[i*n+j] = rng.NormFloat64()
				a[j*n+i] = a[i*n+j]
			}
		}
		vals, vecs, err := symEigen(a, n)
		require.NoError(t, err)
		av := matMul(a, vecs, n, n, n)
		vtv := matMul(transpose(vecs, n, n), vecs, n, n, n)
		for i := range n {
			if i > 0 {
				assert.GreaterOrEqual(t, vals[i-1], vals[i])
			}
			for j := range n {
				assert.InDelta(t, vecs[i*n+j]*vals[j], av[i*n+j], 1e-13, "A·V = V·Λ")
				want := 0.0
				if i == j {
					want = 1
				}
				assert.InDelta(t, want, vtv[i*n+j], 1e-14, "VᵀV = I")
			}
		}
	}
	_, _, err = symEigen([]float64{math.NaN(), 1, 1, 1}, 2)
	assert.ErrorIs(t, err, ErrInvalidValue)
}

func TestInvert(t *testing.T) {
	a := []float64{4, 7, 2, 6}
	inv, err := invert(a, 2)
	require.NoError(t, err)
	assert.InDeltaSlice(t, []float64{0.6, -0.7, -0.2, 0.4}, inv, 1e-15)
	_, err = invert([]float64{1, 2, 2, 4}, 2)
	assert.ErrorIs(t, err, ErrZeroVariance)
	x, err := solveLinear([]float64{2, 0, 0, 4}, []float64{2, 2}, 2)
	require.NoError(t, err)
	assert.Equal(t, []float64{1, 0.5}, x)
	assert.Equal(t, []float64{1, 3, 2, 4}, transpose([]float64{1, 2, 3, 4}, 2, 2))
}
