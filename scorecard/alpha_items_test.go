package scorecard

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// psychItems is the data of the R checks below.
var psychItems = [][]float64{
	{1, 2, 1}, {2, 2, 3}, {3, 3, 3}, {4, 5, 4}, {5, 4, 5}, {2, 1, 2}, {3, 3, 2}, {nan, 4, 4}, {4, nan, 4}, {5, 5, 4},
}

// R 4.x with psych, options(digits = 16):
//
//	x <- data.frame(a = c(1,2,3,4,5,2,3,NA,4,5), b = c(2,2,3,5,4,1,3,4,NA,5), c = c(1,3,3,4,5,2,2,4,4,4))
//	a2 <- alpha(x, use = "pairwise"); a2$item.stats[, c("n", "mean", "sd")]; a2$total$raw_alpha
//	#   a 9 3.222222222222222 1.394433377556793;  b 9 3.222222222222222 1.394433377556793
//	#   c 10 3.2 1.229272594305718;               raw_alpha 0.9588260247096876
//	y <- x[complete.cases(x), ]; a3 <- alpha(y); a3$item.stats[, c("mean", "sd")]; a3$total$raw_alpha
//	#   a 3.125 1.457737973711325;  b 3.125 1.457737973711325;  c 3 1.309307341415954; raw_alpha 0.9383408071748878
//	a$response.freq   # (same for either use)
//	#   a: 1 .1111111111111111, 2 .2222222222222222, 3 .2222222222222222, 4 .2222222222222222, 5 .2222222222222222, miss .1
//	#   c: 1 .1, 2 .2, 3 .2, 4 .4, 5 .1, miss 0
func TestItemStatisticsAgainstPsych(t *testing.T) {
	p, err := CronbachPairwise(psychItems)
	require.NoError(t, err)
	assert.InDelta(t, 0.9588260247096876, p.Alpha, 1e-12)
	assert.Equal(t, []int{9, 9, 10}, p.ItemN)
	assert.InDeltaSlice(t, []float64{3.222222222222222, 3.222222222222222, 3.2}, p.ItemMeans, 1e-14)
	assert.InDeltaSlice(t, []float64{1.394433377556793, 1.394433377556793, 1.229272594305718}, p.ItemSDs, 1e-13)

	l, err := CronbachListwise(psychItems)
	require.NoError(t, err)
	assert.InDelta(t, 0.9383408071748878, l.Alpha, 1e-12)
	assert.Equal(t, []int{8, 8, 8}, l.ItemN)
	assert.InDeltaSlice(t, []float64{3.125, 3.125, 3}, l.ItemMeans, 1e-14)
	assert.InDeltaSlice(t, []float64{1.457737973711325, 1.457737973711325, 1.309307341415954}, l.ItemSDs, 1e-13)

	f, err := ResponseFrequencies(psychItems)
	require.NoError(t, err)
	assert.Equal(t, []float64{1, 2, 3, 4, 5}, f[0].Values)
	assert.InDeltaSlice(t, []float64{0.1111111111111111, 0.2222222222222222, 0.2222222222222222, 0.2222222222222222, 0.2222222222222222}, f[0].Shares, 1e-15)
	assert.InDelta(t, 0.1, f[0].MissingShare, 1e-15)
	assert.Equal(t, []int{1, 2, 2, 4, 1}, f[2].Counts)
	assert.InDeltaSlice(t, []float64{0.1, 0.2, 0.2, 0.4, 0.1}, f[2].Shares, 1e-15)
	assert.Equal(t, 0, f[2].Missing)

	_, err = ResponseFrequencies(nil)
	assert.ErrorIs(t, err, ErrInsufficientData)
	_, err = ResponseFrequencies([][]float64{{1, 2}, {1}})
	assert.ErrorIs(t, err, ErrRagged)
}

// The Feldt interval on the complete rows of listwise data, as psych gives
// it for those rows (R: a3 <- alpha(y) on the 8 complete rows; a3$feldt:
// lower 0.7915960669608615, upper 0.9865844373372117), and at 90 %:
// 1 − (1 − α)·qf(0.95, 7, 14) = 0.8295617050192824.
func TestFeldtOnCompleteRows(t *testing.T) {
	l, err := CronbachListwise(psychItems)
	require.NoError(t, err)
	assert.Equal(t, 10, l.Rows) // l.CI counts every row, like pingouin
	ci, err := l.Feldt(l.N, 0.95)
	require.NoError(t, err)
	assert.InDelta(t, 0.7915960669608615, ci[0], 1e-9)
	assert.InDelta(t, 0.9865844373372117, ci[1], 1e-9)
	ci90, err := l.Feldt(l.N, 0.90)
	require.NoError(t, err)
	assert.InDelta(t, 0.8295617050192824, ci90[0], 1e-9)
	_, err = l.Feldt(1, 0.95)
	assert.ErrorIs(t, err, ErrInsufficientData)
	_, err = l.Feldt(8, 1.5)
	assert.ErrorIs(t, err, ErrInvalidValue)
}
