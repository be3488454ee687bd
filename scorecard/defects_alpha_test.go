package scorecard

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Defect 1 (issue 14): a constant item of a decimal value leaves ~1e-17 of
// one-pass variance Σx² − (Σx)²/n, so it escaped the zero-variance check.
func TestCronbachConstantDecimalItem(t *testing.T) {
	for _, c := range []float64{0.1, 3.3, 1e6 + 0.7} {
		rows := [][]float64{{1, 2, c}, {2, 3, c}, {3, 3, c}, {4, 5, c}, {2, 2, c}}
		for _, f := range []func([][]float64) (Reliability, error){Cronbach, CronbachListwise, CronbachPairwise} {
			_, err := f(rows)
			assert.ErrorIs(t, err, ErrZeroVariance, "constant %v", c)
		}
	}
}

// Defect 1: alpha on data offset by 10⁶ must equal the alpha of the data.
func TestCronbachLargeOffset(t *testing.T) {
	rows := likertRows(300, 6)
	want, err := Cronbach(rows)
	require.NoError(t, err)
	for _, off := range []float64{1e6, -1e6, 1e9} {
		shifted := make([][]float64, len(rows))
		for i, r := range rows {
			shifted[i] = make([]float64, len(r))
			for j, v := range r {
				shifted[i][j] = v + off
			}
		}
		for _, f := range []func([][]float64) (Reliability, error){Cronbach, CronbachPairwise} {
			got, err := f(shifted)
			require.NoError(t, err)
			assert.InDelta(t, want.Alpha, got.Alpha, 1e-12, "offset %v", off)
			assert.InDelta(t, want.Standardized, got.Standardized, 1e-12, "offset %v", off)
			assert.InDeltaSlice(t, want.ItemRest, got.ItemRest, 1e-12, "offset %v", off)
		}
	}
}

// Defect 1 in the drivers: a constant overall rating of 0.1 gave R² = −0.54.
func TestSatisfactionDriversConstantDecimalOverall(t *testing.T) {
	rows := []DriverRating{{1, 2, 3, 0.1}, {2, 1, 3, 0.1}, {3, 3, 1, 0.1}, {4, 2, 2, 0.1}, {2, 5, 1, 0.1}, {5, 4, 4, 0.1}}
	_, err := SatisfactionDrivers(rows)
	assert.ErrorIs(t, err, ErrZeroVariance)
}

// Defect 4: with two respondents item–rest correlations are ±1 or NaN and
// alpha-if-deleted −Inf; the result must be a clear error, never NaN or Inf.
func TestCronbachTwoRespondentsDegenerate(t *testing.T) {
	_, err := Cronbach([][]float64{{1, 2, 3}, {2, 4, 3.5}})
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrInsufficientData)
}

// Defect 4: a zero Alpha adopts the policy of a listwise or pairwise shard,
// as the other zero accumulators adopt their shard's settings.
func TestZeroAlphaAdoptsShardPolicy(t *testing.T) {
	for _, p := range []MissingPolicy{Listwise, Pairwise} {
		shard, err := NewAlpha(3, p)
		require.NoError(t, err)
		for _, r := range [][]float64{{1, 2, 3}, {2, 3, nan}, {3, 3, 4}, {4, 5, 5}, {2, 2, 1}} {
			require.NoError(t, shard.Add(r))
		}
		want, err := shard.Result()
		require.NoError(t, err)
		var a Alpha
		require.NoError(t, a.Merge(shard), p.String())
		assert.Equal(t, p, a.Policy())
		got, err := a.Result()
		require.NoError(t, err)
		assert.Equal(t, want, got)
	}
}

// Defect 1 with decimal data, which no integer path can make exact: the
// shifted sums keep alpha on data offset by 10⁶ within 1e-12 of the alpha
// of the data (the one-pass formula was off by 5e-5 relative).
func TestCronbachLargeOffsetDecimals(t *testing.T) {
	rows := likertRows(300, 6)
	dec, off := make([][]float64, len(rows)), make([][]float64, len(rows))
	for i, r := range rows {
		dec[i], off[i] = make([]float64, len(r)), make([]float64, len(r))
		for j, v := range r {
			dec[i][j] = v*1.3 + 0.1*float64(j)
			off[i][j] = dec[i][j] + 1e6
		}
	}
	want, err := Cronbach(dec)
	require.NoError(t, err)
	for _, f := range []func([][]float64) (Reliability, error){Cronbach, CronbachListwise, CronbachPairwise} {
		got, err := f(off)
		require.NoError(t, err)
		assert.InDelta(t, want.Alpha, got.Alpha, 1e-12)
		assert.InDeltaSlice(t, want.AlphaIfDeleted, got.AlphaIfDeleted, 1e-12)
	}
}
