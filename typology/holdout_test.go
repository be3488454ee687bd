package typology

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// With the true model, the holdout predictions per calibration frequency
// agree with what the simulated customers then do, within four standard
// errors of each bucket's mean.
func TestCompareHoldoutOnSimulatedData(t *testing.T) {
	const n, holdout = 20000, 39.0
	rng := rand.New(rand.NewPCG(11, 12))
	data := make([]CustomerSummary, n)
	sumSq := make(map[int]float64) // Σ holdout² per bucket, for the spread
	for i := range data {
		T := 27 + 12*rng.Float64()
		times, err := CDNOW.SimulateRepeatPurchases(rng, T+holdout)
		require.NoError(t, err)
		c := CustomerSummary{T: T}
		for _, at := range times {
			if at <= T {
				c.X++
				c.Tx = at
			} else {
				c.HoldoutX++
			}
		}
		data[i] = c
		sumSq[min(c.X, 7)] += float64(c.HoldoutX * c.HoldoutX)
	}
	cmp, err := CDNOW.CompareHoldout(data, holdout, 7)
	require.NoError(t, err)
	require.Len(t, cmp.Buckets, 8)
	total := 0
	for _, b := range cmp.Buckets {
		total += b.Customers
		assert.Equal(t, b.X == 7, b.OrMore)
		sd := math.Sqrt(sumSq[b.X]/float64(b.Customers) - b.Actual*b.Actual)
		se := sd / math.Sqrt(float64(b.Customers))
		assert.InDelta(t, b.Predicted, b.Actual, 4*se+1e-9, "x = %d (%d customers)", b.X, b.Customers)
	}
	assert.Equal(t, n, total)
	assert.InEpsilon(t, cmp.Predicted, cmp.Actual, 0.05)
}

func TestCompareHoldoutByHand(t *testing.T) {
	data := []CustomerSummary{
		{X: 0, T: 30, HoldoutX: 1}, {X: 0, T: 20, HoldoutX: 0},
		{X: 2, Tx: 10, T: 30, HoldoutX: 4}, {X: 5, Tx: 28, T: 30, HoldoutX: 2},
	}
	cmp, err := CDNOW.CompareHoldout(data, 10, 2)
	require.NoError(t, err)
	require.Len(t, cmp.Buckets, 2) // x = 0 and 2+; no customer with x = 1
	e := func(x int, tx, T float64) float64 {
		v, err := CDNOW.ConditionalExpectedPurchases(10, x, tx, T)
		require.NoError(t, err)
		return v
	}
	assert.Equal(t, HoldoutBucket{X: 0, Customers: 2, Actual: 0.5, Predicted: (e(0, 0, 30) + e(0, 0, 20)) / 2}, cmp.Buckets[0])
	assert.Equal(t, 2, cmp.Buckets[1].X)
	assert.True(t, cmp.Buckets[1].OrMore)
	assert.InDelta(t, 3, cmp.Buckets[1].Actual, 1e-12)
	assert.InDelta(t, (e(2, 10, 30)+e(5, 28, 30))/2, cmp.Buckets[1].Predicted, 1e-12)
	assert.InDelta(t, 7, cmp.Actual, 1e-12)

	for _, bad := range []struct {
		holdout float64
		maxX    int
	}{{0, 7}, {math.Inf(1), 7}, {10, 0}} {
		_, err := CDNOW.CompareHoldout(data, bad.holdout, bad.maxX)
		assert.ErrorIs(t, err, ErrInvalidConfig)
	}
	_, err = CDNOW.CompareHoldout([]CustomerSummary{{X: 1, Tx: 3, T: 2}}, 10, 7)
	assert.ErrorIs(t, err, ErrInvalidHistory)
	_, err = CDNOW.CompareHoldout([]CustomerSummary{{T: 2, HoldoutX: -1}}, 10, 7)
	assert.ErrorIs(t, err, ErrInvalidHistory)
}
