package typology

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The simulated purchases have the model's expectation: the mean number of
// repeat purchases in (0, t] of 40 000 simulated customers is E[X(t)]
// (FHL 2005, eq. 7) within four standard errors.
func TestSimulateRepeatPurchasesMean(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	const n, T = 40000, 39.0
	var sum, sumSq float64
	for range n {
		times, err := CDNOW.SimulateRepeatPurchases(rng, T)
		require.NoError(t, err)
		for i, at := range times {
			require.True(t, at > 0 && at <= T)
			if i > 0 {
				require.Greater(t, at, times[i-1])
			}
		}
		x := float64(len(times))
		sum += x
		sumSq += x * x
	}
	mean := sum / n
	se := math.Sqrt((sumSq/n - mean*mean) / n)
	want, err := CDNOW.ExpectedPurchases(T)
	require.NoError(t, err)
	assert.InDelta(t, want, mean, 4*se)

	_, err = CDNOW.SimulateRepeatPurchases(rng, 0)
	assert.ErrorIs(t, err, ErrInvalidModel)
	_, err = BGNBD{}.SimulateRepeatPurchases(rng, 1)
	assert.ErrorIs(t, err, ErrInvalidModel)
	_, err = BGNBD{R: 1e6, Alpha: 1e-6, A: 1, B: 1e9}.SimulateRepeatPurchases(rng, 1e3)
	assert.ErrorIs(t, err, ErrInvalidModel, "more than 10⁸ purchases expected")
}

// The simulated amounts have the model's mean p·γ/(q−1) over many
// customers, within four standard errors.
func TestSimulateSpendMean(t *testing.T) {
	m := GammaGamma{P: 6.25, Q: 3.74, Gamma: 15.44}
	rng := rand.New(rand.NewPCG(23, 24))
	const n = 200000
	var sum, sumSq float64
	for range n {
		z, err := m.SimulateSpend(rng, 1)
		require.NoError(t, err)
		sum += z[0]
		sumSq += z[0] * z[0]
	}
	mean := sum / n
	se := math.Sqrt((sumSq/n - mean*mean) / n)
	want, err := m.MeanSpend()
	require.NoError(t, err)
	assert.InDelta(t, want, mean, 4*se)
	_, err = m.SimulateSpend(rng, -1)
	assert.ErrorIs(t, err, ErrInvalidModel)
	_, err = GammaGamma{}.SimulateSpend(rng, 1)
	assert.ErrorIs(t, err, ErrInvalidModel)
}

func TestSimulateIsReproducible(t *testing.T) {
	draw := func() ([]float64, []float64) {
		rng := rand.New(rand.NewPCG(7, 7))
		times, err := CDNOW.SimulateRepeatPurchases(rng, 52)
		require.NoError(t, err)
		spend, err := GammaGamma{P: 6.25, Q: 3.74, Gamma: 15.44}.SimulateSpend(rng, 3)
		require.NoError(t, err)
		return times, spend
	}
	t1, s1 := draw()
	t2, s2 := draw()
	assert.Equal(t, t1, t2)
	assert.Equal(t, s1, s2)
}
