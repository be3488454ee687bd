package scorecard

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Properties the Shapley decomposition and Johnson's weights promise: both
// sum to R²; LMG is never negative; with one driver each is R²; with
// uncorrelated drivers both are each driver's squared correlation with the
// overall rating: on the 2³ design of TestSatisfactionDriversByHand
// (SST = 63/8, SSR = 59/8) r² = 49/63, 1/63, 9/63 and R² = 59/63.
func TestImportanceProperties(t *testing.T) {
	for _, file := range []string{"testdata/drivers_lmg.csv", "testdata/drivers_five.csv", "testdata/drivers_near_collinear.csv"} {
		a, err := keyDriversOf(t, file).Result()
		require.NoError(t, err)
		var lmg, rw, shares float64
		for _, d := range a.Drivers {
			assert.GreaterOrEqual(t, d.LMG, 0.0)
			lmg += d.LMG
			rw += d.RelativeWeight
			shares += d.LMGShare
		}
		assert.InDelta(t, a.R2, lmg, 1e-14, file)
		// Johnson's weights come from a float64 eigen decomposition of the
		// correlations: their sum is R² to about 1e-16 × the largest VIF.
		maxVIF := 1.0
		for _, d := range a.Drivers {
			maxVIF = max(maxVIF, d.VIF)
		}
		assert.InDelta(t, a.R2, rw, 1e-15*maxVIF, file)
		assert.InDelta(t, 1, shares, 1e-14, file)
	}

	var one KeyDrivers
	for _, r := range [][2]float64{{1, 2}, {2, 3}, {3, 3}, {4, 5}, {5, 4}} {
		require.NoError(t, one.Add(r[1], []float64{r[0]}))
	}
	a, err := one.Result()
	require.NoError(t, err)
	assert.InDelta(t, a.R2, a.Drivers[0].LMG, 1e-15)
	assert.InDelta(t, a.R2, a.Drivers[0].RelativeWeight, 1e-15)
	assert.InDelta(t, a.R2, a.Drivers[0].Correlation*a.Drivers[0].Correlation, 1e-15)

	var orth KeyDrivers
	for _, r := range [][4]float64{{1, 1, 1, 2}, {3, 1, 1, 4}, {1, 3, 1, 3}, {1, 1, 3, 3}, {3, 3, 1, 4}, {3, 1, 3, 5}, {1, 3, 3, 3}, {3, 3, 3, 5}} {
		require.NoError(t, orth.Add(r[3], r[:3]))
	}
	a, err = orth.Result()
	require.NoError(t, err)
	assert.InDelta(t, 59.0/63, a.R2, 1e-15)
	for j, want := range []float64{49.0 / 63, 1.0 / 63, 9.0 / 63} {
		assert.InDelta(t, want, a.Drivers[j].LMG, 1e-15)
		assert.InDelta(t, want, a.Drivers[j].RelativeWeight, 1e-15)
		assert.InDelta(t, 1.0, a.Drivers[j].VIF, 1e-15)
	}
}
