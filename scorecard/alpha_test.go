package scorecard

import (
	"errors"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var nan = math.NaN()

// cronbachWideMissing is pingouin's dataset "cronbach_wide_missing"
// (pingouin/datasets, from www.real-statistics.com): 12 respondents, 11 binary
// items, four missing answers.
var cronbachWideMissing = [][]float64{
	{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
	{1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0},
	{nan, 0, 1, 1, nan, 1, 1, 1, 1, 0, 0},
	{1, 1, 1, 0, 1, 1, 0, 1, 1, 0, 0},
	{1, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0},
	{0, 1, nan, 0, 1, 1, 1, 1, 0, 0, 0},
	{1, 1, 1, 1, 0, 0, 1, 0, 0, 0, 0},
	{1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0},
	{0, 1, 0, 1, 1, 0, 0, 0, 0, 1, 0},
	{1, 0, 0, 1, 0, 1, 0, 0, nan, 0, 0},
	{1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0},
	{1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0},
}

// cronbachLikert is pingouin's dataset "cronbach_alpha" (long format
// Subj/Items/Scores) pivoted to wide: 15 respondents × items Q1…Q10.
var cronbachLikert = func() [][]float64 {
	cols := [][]float64{
		{3, 5, 7, 2, 6, 1, 4, 2, 6, 5, 4, 4, 5, 6, 4}, // Q1
		{2, 4, 3, 4, 5, 2, 3, 4, 5, 4, 3, 2, 5, 5, 3}, // Q2
		{4, 6, 5, 3, 6, 3, 5, 4, 5, 6, 5, 3, 6, 5, 5}, // Q3
		{1, 3, 5, 3, 5, 4, 3, 3, 5, 4, 2, 2, 2, 4, 5}, // Q4
		{4, 5, 6, 2, 4, 2, 5, 7, 1, 3, 5, 5, 3, 2, 3}, // Q5
		{5, 1, 4, 2, 4, 5, 2, 2, 6, 5, 3, 3, 3, 2, 1}, // Q6
		{1, 2, 3, 2, 4, 2, 1, 2, 5, 3, 2, 4, 2, 1, 3}, // Q7
		{4, 5, 3, 6, 6, 3, 2, 4, 2, 1, 3, 2, 4, 4, 2}, // Q8
		{3, 5, 6, 6, 7, 5, 4, 6, 3, 7, 4, 3, 4, 6, 3}, // Q9
		{2, 5, 5, 3, 5, 2, 3, 5, 2, 2, 1, 4, 5, 5, 4}, // Q10
	}
	rows := make([][]float64, 15)
	for s := range rows {
		for _, c := range cols {
			rows[s] = append(rows[s], c[s])
		}
	}
	return rows
}()

// TestCronbachPingouin checks the published outputs of pingouin's
// cronbach_alpha docstring (pingouin/reliability.py, "Results have been
// tested against the R package psych"):
//
//	pg.cronbach_alpha(data)                       (0.732660835214447, [0.435, 0.909])  # psych use="pairwise"
//	pg.cronbach_alpha(data, nan_policy='listwise') (0.8016949152542373, [0.581, 0.933]) # psych use="complete.obs"
//	pg.cronbach_alpha(long 'cronbach_alpha' data)  (0.5917188485995826, [0.195, 0.84])
func TestCronbachPingouin(t *testing.T) {
	tests := []struct {
		name   string
		f      func([][]float64) (Reliability, error)
		rows   [][]float64
		alpha  float64
		lo, hi float64
		n      int
	}{
		{"pairwise", CronbachPairwise, cronbachWideMissing, 0.732660835214447, 0.435, 0.909, 12},
		{"listwise", CronbachListwise, cronbachWideMissing, 0.8016949152542373, 0.581, 0.933, 9},
		{"complete", Cronbach, cronbachLikert, 0.5917188485995826, 0.195, 0.840, 15},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := tt.f(tt.rows)
			require.NoError(t, err)
			assert.InDelta(t, tt.alpha, r.Alpha, 1e-12)
			assert.InDelta(t, tt.lo, r.CI[0], 0.0005) // pingouin rounds to 3 decimals
			assert.InDelta(t, tt.hi, r.CI[1], 0.0005)
			assert.Equal(t, tt.n, r.N)
			assert.Equal(t, len(tt.rows), r.Rows)
		})
	}
}

// TestCronbachByHand works a 4 × 3 example by hand.
//
//	rows (1 2 3) (2 3 3) (3 3 4) (4 4 5)
//	item variances: 5/3, 2/3, 11/12 → Σ = 39/12
//	totals 6, 8, 10, 13: mean 9.25, variance 26.75/3 = 107/12
//	alpha = 3/2 · (1 − 39/107) = 102/107
//
// Covariances: c12 = (−1.5·−1 + −.5·0 + .5·0 + 1.5·1)/3 = 1;
// c13 = (−1.5·−.75 + −.5·−.75 + .5·.25 + 1.5·1.25)/3 = 3.5/3 = 7/6;
// c23 = (−1·−.75 + 0 + 0 + 1·1.25)/3 = 2/3.
// Item 1 vs rest (items 2+3): cov = c12 + c13 = 13/6; var(rest) = 2/3 + 11/12
// + 2·2/3 = 35/12; r = (13/6)/√(5/3 · 35/12) = 2.1667/2.2048 = 0.98270.
// Alpha without item 1: 2·(1 − (2/3 + 11/12)/(35/12)) = 2·(1 − 19/35) = 32/35.
func TestCronbachByHand(t *testing.T) {
	r, err := Cronbach([][]float64{{1, 2, 3}, {2, 3, 3}, {3, 3, 4}, {4, 4, 5}})
	require.NoError(t, err)
	assert.InDelta(t, 102.0/107, r.Alpha, 1e-12)
	assert.InDelta(t, (13.0/6)/math.Sqrt(5.0/3*35.0/12), r.ItemRest[0], 1e-12)
	assert.InDelta(t, 32.0/35, r.AlphaIfDeleted[0], 1e-12)
	// Standardized: r12 = 1/√(5/3·2/3) = 0.948683, r13 = (7/6)/√(5/3·11/12)
	// = 1.166667/1.236033 = 0.943880, r23 = (2/3)/√(2/3·11/12) = 0.852803;
	// r̄ = 2.745366/3 = 0.915122; 3·r̄/(1 + 2·r̄) = 2.745366/2.830244 = 0.970010.
	r12 := 1 / math.Sqrt(5.0/3*2.0/3)
	r13 := (7.0 / 6) / math.Sqrt(5.0/3*11.0/12)
	r23 := (2.0 / 3) / math.Sqrt(2.0/3*11.0/12)
	rbar := (r12 + r13 + r23) / 3
	assert.InDelta(t, rbar, r.AverageR, 1e-12)
	assert.InDelta(t, 3*rbar/(1+2*rbar), r.Standardized, 1e-12)
	assert.InDelta(t, 0.970010, r.Standardized, 1e-6)
	assert.Empty(t, r.SuspectReversed)
	assert.Nil(t, r.Warnings())
}

// TestReliabilityFromCovStatsBase checks StatsBase.jl's cronbachalpha
// docstring example: the covariance matrix [10 6 6 6; 6 11 6 6; 6 6 12 6;
// 6 6 6 13] gives alpha 0.8136 and, dropping each item, 0.7500, 0.7606,
// 0.7714, 0.7826.
func TestReliabilityFromCovStatsBase(t *testing.T) {
	c := []float64{10, 6, 6, 6, 6, 11, 6, 6, 6, 6, 12, 6, 6, 6, 6, 13}
	r, err := reliabilityFromCov(c, 4, 10, 10)
	require.NoError(t, err)
	assert.InDelta(t, 0.8136, r.Alpha, 5e-5)
	for i, want := range []float64{0.7500, 0.7606, 0.7714, 0.7826} {
		assert.InDelta(t, want, r.AlphaIfDeleted[i], 5e-5, "item %d", i+1)
	}
}

func TestCronbachReverseKeyedWarning(t *testing.T) {
	// Item 3 runs against items 1 and 2: its item–rest correlation is negative.
	rows := [][]float64{{1, 1, 5}, {2, 2, 4}, {3, 3, 2}, {4, 4, 2}, {5, 5, 1}}
	r, err := Cronbach(rows)
	require.NoError(t, err)
	assert.Equal(t, []int{2}, r.SuspectReversed)
	require.Len(t, r.Warnings(), 1)
	assert.Contains(t, r.Warnings()[0], "item 3")
	// Recoding it (6 − v on 1..5) removes the warning.
	for _, row := range rows {
		row[2] = float64(Likert5.Reverse(int(row[2])))
	}
	r, err = Cronbach(rows)
	require.NoError(t, err)
	assert.Empty(t, r.SuspectReversed)
	assert.Greater(t, r.Alpha, 0.9)
}

func TestCronbachErrors(t *testing.T) {
	tests := []struct {
		name string
		f    func([][]float64) (Reliability, error)
		rows [][]float64
		want error
	}{
		{"no rows", Cronbach, nil, ErrInsufficientData},
		{"one respondent", Cronbach, [][]float64{{1, 2}}, ErrInsufficientData},
		{"one item", Cronbach, [][]float64{{1}, {2}}, ErrInsufficientData},
		{"ragged", Cronbach, [][]float64{{1, 2}, {2, 3, 4}}, ErrRagged},
		{"NaN in complete", Cronbach, [][]float64{{1, 2}, {nan, 3}}, ErrOutOfRange},
		{"infinite", CronbachPairwise, [][]float64{{1, 2}, {math.Inf(1), 3}}, ErrOutOfRange},
		{"constant item", Cronbach, [][]float64{{1, 2}, {1, 3}, {1, 4}}, ErrZeroVariance},
		{"listwise leaves one row", CronbachListwise, [][]float64{{1, 2}, {nan, 3}, {2, nan}}, ErrInsufficientData},
		{"pairwise pair never together", CronbachPairwise, [][]float64{{1, nan}, {2, nan}, {nan, 3}, {nan, 4}}, ErrInsufficientData},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.f(tt.rows)
			require.Error(t, err)
			assert.True(t, errors.Is(err, tt.want), "%v", err)
			assert.Contains(t, err.Error(), "scorecard: ")
		})
	}
}

func TestAlphaMergeEqualsOnePass(t *testing.T) {
	for _, p := range []MissingPolicy{Listwise, Pairwise} {
		t.Run(p.String(), func(t *testing.T) {
			one, err := NewAlpha(0, p)
			require.NoError(t, err)
			shards := []*Alpha{{policy: p}, {policy: p}, {policy: p}}
			for i, row := range cronbachWideMissing {
				require.NoError(t, one.Add(row))
				require.NoError(t, shards[i%3].Add(row))
			}
			// (a ⊕ b) ⊕ c with an empty accumulator as the identity.
			merged := &Alpha{policy: p}
			for _, s := range shards {
				require.NoError(t, merged.Merge(s))
			}
			require.NoError(t, merged.Merge(&Alpha{policy: p}))
			want, err := one.Result()
			require.NoError(t, err)
			got, err := merged.Result()
			require.NoError(t, err)
			assert.Equal(t, want, got) // integer data: every sum is exact
		})
	}
}

func TestAlphaRejectedCallLeavesStateUnchanged(t *testing.T) {
	a, err := NewAlpha(3, CompleteOnly)
	require.NoError(t, err)
	require.NoError(t, a.Add([]float64{1, 2, 3}))
	require.NoError(t, a.Add([]float64{2, 3, 5}))
	require.NoError(t, a.Add([]float64{2, 1, 4}))
	before, err := a.Result()
	require.NoError(t, err)
	require.ErrorIs(t, a.Add([]float64{1, 2}), ErrRagged)
	require.ErrorIs(t, a.Add([]float64{1, nan, 2}), ErrOutOfRange)
	after, err := a.Result()
	require.NoError(t, err)
	assert.Equal(t, before, after)
	other, _ := NewAlpha(3, Pairwise)
	require.NoError(t, other.Add([]float64{1, 2, 3}))
	assert.ErrorIs(t, a.Merge(other), ErrMismatch)
}

func TestFQuantile(t *testing.T) {
	// Published F tables: F(0.95; 5, 10) = 3.3258, F(0.975; 1, 1) = 647.79,
	// F(0.99; 10, 20) = 3.3682; and F(0.5; d, d) = 1 by symmetry.
	assert.InDelta(t, 3.3258, fQuantile(0.95, 5, 10), 5e-4)
	assert.InDelta(t, 647.79, fQuantile(0.975, 1, 1), 0.01)
	assert.InDelta(t, 3.3682, fQuantile(0.99, 10, 20), 5e-4)
	assert.InDelta(t, 1, fQuantile(0.5, 7, 7), 1e-9)
}

func TestParseMissingPolicy(t *testing.T) {
	for s, want := range map[string]MissingPolicy{"listwise": Listwise, "Pairwise": Pairwise, "por pares": Pairwise, "complete.obs": Listwise} {
		got, err := ParseMissingPolicy(s)
		require.NoError(t, err)
		assert.Equal(t, want, got)
	}
	_, err := ParseMissingPolicy("mice")
	assert.ErrorIs(t, err, ErrInvalidValue)
}
