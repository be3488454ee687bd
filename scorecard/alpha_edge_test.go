package scorecard

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The smallest data alpha accepts, and boundary cases, worked by hand.
func TestCronbachSmallestCases(t *testing.T) {
	// Two respondents are too few (issue 14, defect 4): every correlation
	// is ±1, and with three items an item's rest can be constant, making
	// item–rest NaN and alpha-if-deleted −Inf. That is an error now.
	_, err := Cronbach([][]float64{{1, 2}, {3, 5}})
	assert.ErrorIs(t, err, ErrInsufficientData)
	assert.Contains(t, err.Error(), "2 respondents, want at least 3")

	// Two items, three respondents: (1 2) (3 5) (2 2).
	//	item 1: 1, 3, 2 → mean 2, variance (1 + 1 + 0)/2 = 1
	//	item 2: 2, 5, 2 → mean 3, variance (1 + 4 + 1)/2 = 3
	//	covariance (−1·−1 + 1·2 + 0·−1)/2 = 1.5; r = 1.5/√3 = 0.866025
	//	total variance 1 + 3 + 2·1.5 = 7; alpha = 2·(1 − 4/7) = 6/7
	// With one item left, alpha if deleted is undefined (NaN); the item–rest
	// correlation is the correlation with the other item.
	r, err := Cronbach([][]float64{{1, 2}, {3, 5}, {2, 2}})
	require.NoError(t, err)
	assert.InDelta(t, 6.0/7, r.Alpha, 1e-12)
	assert.InDelta(t, 1.5/math.Sqrt(3), r.AverageR, 1e-12)
	assert.InDeltaSlice(t, []float64{1.5 / math.Sqrt(3), 1.5 / math.Sqrt(3)}, r.ItemRest, 1e-12)
	assert.True(t, math.IsNaN(r.AlphaIfDeleted[0]) && math.IsNaN(r.AlphaIfDeleted[1]), "%v", r.AlphaIfDeleted)
	assert.Equal(t, 3, r.N)
	assert.Equal(t, 3, r.Rows)
	assert.Equal(t, 2, r.Items)
	assert.Equal(t, []float64{2, 3}, r.ItemMeans)
	assert.InDeltaSlice(t, []float64{1, math.Sqrt(3)}, r.ItemSDs, 1e-12)
	// Feldt interval with n = 3, k = 2: F(0.975; 2, 2) = 39 and
	// F(0.025; 2, 2) = 1/39 (F tables); lower 1 − (1/7)·39, upper 1 − (1/7)/39.
	assert.InDelta(t, 1-39.0/7, r.CI[0], 1e-9)
	assert.InDelta(t, 1-1.0/(7*39), r.CI[1], 1e-9)

	// An item uncorrelated with the rest: items 1 and 2 are 1 2 3 4, item 3
	// is 1 2 2 1 (deviations −.5 .5 .5 −.5 against −1.5 −.5 .5 1.5 sum to 0).
	//	variances 5/3, 5/3, 1/3; c12 = 5/3, c13 = c23 = 0
	//	total 5/3 + 5/3 + 1/3 + 2·5/3 = 7; alpha = 3/2·(1 − (11/3)/7) = 5/7
	//	item-rest of item 3 exactly 0: not flagged (only negative ones are).
	//	r̄ = (1 + 0 + 0)/3 = 1/3; standardized 3·(1/3)/(1 + 2/3) = 0.6
	//	item 1 vs rest (2+3): cov 5/3, var(rest) 5/3 + 1/3 = 2,
	//	r = (5/3)/√(5/3·2) = 0.912871; alpha without item 3: 2·(1 − (10/3)/(20/3)) = 1
	r, err = Cronbach([][]float64{{1, 1, 1}, {2, 2, 2}, {3, 3, 2}, {4, 4, 1}})
	require.NoError(t, err)
	assert.InDelta(t, 5.0/7, r.Alpha, 1e-12)
	assert.InDelta(t, 1.0/3, r.AverageR, 1e-12)
	assert.InDelta(t, 0.6, r.Standardized, 1e-12)
	assert.InDelta(t, 0, r.ItemRest[2], 1e-12)
	assert.InDelta(t, (5.0/3)/math.Sqrt(10.0/3), r.ItemRest[0], 1e-12)
	assert.InDelta(t, 1, r.AlphaIfDeleted[2], 1e-12)
	assert.Empty(t, r.SuspectReversed)
	assert.Nil(t, r.Warnings())
}

// Pairwise deletion worked by hand; item pair (1, 2) is answered together by
// exactly two respondents, the fewest accepted.
//
//	rows (1 1) (2 2) (3 ·) (· 2) (· ·)
//	item 1: 1 2 3 → variance 1; item 2: 1 2 2 → mean 5/3, variance (4/9 + 1/9 + 1/9)/2 = 1/3
//	pair: (1 1) (2 2) → covariance (.5·.5 + .5·.5)/1 = .5
//	total 1 + 1/3 + 2·.5 = 7/3; alpha = 2·(1 − (4/3)/(7/3)) = 6/7
//
// The empty last row counts in Rows but not in N, and is reported dropped.
func TestCronbachPairwiseByHand(t *testing.T) {
	rows := [][]float64{{1, 1}, {2, 2}, {3, nan}, {nan, 2}, {nan, nan}}
	r, err := CronbachPairwise(rows)
	require.NoError(t, err)
	assert.InDelta(t, 6.0/7, r.Alpha, 1e-12)
	assert.Equal(t, 4, r.N)
	assert.Equal(t, 5, r.Rows)

	a, err := NewAlpha(2, Pairwise)
	require.NoError(t, err)
	for _, row := range rows {
		require.NoError(t, a.Add(row))
	}
	assert.Equal(t, 1, a.Dropped())

	// Listwise on the same rows keeps (1 1) and (2 2): variances .5 and .5,
	// covariance .5, total 2; alpha = 2·(1 − 1/2) = 1. Three rows dropped.
	l, err := NewAlpha(2, Listwise)
	require.NoError(t, err)
	for _, row := range rows {
		require.NoError(t, l.Add(row))
	}
	assert.Equal(t, 3, l.Dropped())
	_, err = l.Result() // two complete rows: too few (issue 14, defect 4)
	assert.ErrorIs(t, err, ErrInsufficientData)
	require.NoError(t, l.Add([]float64{4, 3}))
	// Now (1 1) (2 2) (4 3): variances 7/3 and 1, covariance 3/2, total
	// 7/3 + 1 + 3 = 19/3; alpha = 2·(1 − (10/3)/(19/3)) = 18/19.
	res, err := l.Result()
	require.NoError(t, err)
	assert.InDelta(t, 18.0/19, res.Alpha, 1e-12)
	assert.Equal(t, 3, res.N)
	assert.Equal(t, 6, res.Rows)
}

func TestNewAlphaAndAddErrors(t *testing.T) {
	tests := []struct {
		name   string
		items  int
		policy MissingPolicy
		want   error
	}{
		{"negative items", -1, Listwise, ErrInsufficientData},
		{"one item", 1, Listwise, ErrInsufficientData},
		{"undefined policy", 2, MissingPolicy(9), ErrInvalidValue},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := NewAlpha(tt.items, tt.policy)
			assert.Nil(t, a)
			assert.ErrorIs(t, err, tt.want)
		})
	}

	// A fixed number of items is enforced from the first row on.
	a, err := NewAlpha(3, Listwise)
	require.NoError(t, err)
	err = a.Add([]float64{1, 2})
	assert.ErrorIs(t, err, ErrRagged)
	assert.EqualError(t, err, "scorecard: alpha: row of 2 items, want 3: scorecard: ragged data")
	_, err = a.Result()
	assert.ErrorIs(t, err, ErrInsufficientData)
	assert.Contains(t, err.Error(), "0 respondents")

	// The messages name the offending item (1-based) and row.
	var c Alpha
	assert.EqualError(t, c.Add([]float64{1, math.Inf(-1)}), "scorecard: alpha: item 2: value -Inf not finite: scorecard: score out of range")
	assert.EqualError(t, c.Add([]float64{1, nan}), "scorecard: alpha: item 2: missing value (NaN) needs a listwise or pairwise policy: scorecard: score out of range")
	_, err = Cronbach([][]float64{{1, 2}, {2, 3}, {3, nan}})
	assert.Contains(t, err.Error(), "row 3: ")
	_, err = Cronbach([][]float64{{1, 2}, {1, 3}, {1, 4}})
	assert.Contains(t, err.Error(), "item 1 has zero variance")
	_, err = Cronbach([][]float64{{1, 2}, {2, 2}, {3, 2}})
	assert.Contains(t, err.Error(), "item 2 has zero variance")
	_, err = CronbachPairwise([][]float64{{1, 2, nan}, {2, 3, 1}, {3, 1, nan}, {nan, 2, 2}})
	assert.ErrorIs(t, err, ErrInsufficientData)
	assert.Contains(t, err.Error(), "items 1 and 3 answered together by 1 respondents")
}

// Two items that always sum to 4 leave the total score constant: each item
// varies (variance 1) but the covariance is −1, so var(total) = 1 + 1 − 2 = 0.
func TestCronbachConstantTotal(t *testing.T) {
	_, err := Cronbach([][]float64{{1, 3}, {2, 2}, {3, 1}})
	assert.ErrorIs(t, err, ErrZeroVariance)
	assert.Contains(t, err.Error(), "total score")
}

func TestAlphaMergeMismatchAndIdentity(t *testing.T) {
	a, err := NewAlpha(0, Listwise)
	require.NoError(t, err)
	require.NoError(t, a.Add([]float64{1, 2}))
	require.NoError(t, a.Add([]float64{3, 5}))
	require.NoError(t, a.Add([]float64{2, 2}))
	before, err := a.Result()
	require.NoError(t, err)

	three, _ := NewAlpha(0, Listwise)
	require.NoError(t, three.Add([]float64{1, 2, 3}))
	err = a.Merge(three)
	assert.ErrorIs(t, err, ErrMismatch)
	assert.Contains(t, err.Error(), "2 and 3 items")
	require.NoError(t, a.Merge(nil))
	require.NoError(t, a.Merge(&Alpha{policy: Pairwise})) // empty: ignored whatever its policy
	after, err := a.Result()
	require.NoError(t, err)
	assert.Equal(t, fmt.Sprint(before), fmt.Sprint(after)) // NaN-safe

	// An empty accumulator adopts the items of what it merges.
	var e Alpha
	e.policy = Listwise
	require.NoError(t, e.Merge(a))
	got, err := e.Result()
	require.NoError(t, err)
	assert.Equal(t, fmt.Sprint(before), fmt.Sprint(got))
	assert.True(t, errors.Is(e.Add([]float64{1}), ErrRagged))
}
