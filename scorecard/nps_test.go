package scorecard

import (
	"encoding/json"
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func npsOf(t testing.TB, scores ...int) *NPS {
	t.Helper()
	var n NPS
	for _, s := range scores {
		require.NoError(t, n.Add(s))
	}
	return &n
}

func TestNPSByHand(t *testing.T) {
	tests := []struct {
		name           string
		scores         []int
		p, pa, d       int
		score, se, moe float64
	}{
		// 10 9 9 10 promote (4), 8 7 pass (2), 6 3 0 5 detract (4): p = d = .4,
		// NPS 0; variance .4 + .4 − 0² = .8; SE = 100·√(.8/10) = 28.2843;
		// MoE = 1.959964 × 28.2843 = 55.4362.
		{"balanced", []int{10, 9, 9, 8, 7, 6, 3, 10, 0, 5}, 4, 2, 4, 0, 28.2843, 55.4362},
		// 7 promoters, 2 passives, 1 detractor: p = .7, d = .1, NPS 60;
		// variance .8 − .6² = .44; SE = 100·√.044 = 20.9762; MoE = 41.1126.
		{"promoters", []int{9, 9, 9, 10, 10, 10, 10, 7, 8, 2}, 7, 2, 1, 60, 20.9762, 41.1126},
		// all promoters: NPS 100, variance 1 − 1 = 0.
		{"unanimous", []int{9, 10}, 2, 0, 0, 100, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := npsOf(t, tt.scores...).Result()
			assert.Equal(t, NPSResult{Promoters: tt.p, Passives: tt.pa, Detractors: tt.d, N: tt.p + tt.pa + tt.d,
				Score: r.Score, StdErr: r.StdErr, MarginOfError: r.MarginOfError, EffectiveN: float64(len(tt.scores)),
				PromoterShare: float64(tt.p) / float64(len(tt.scores)), DetractorShare: float64(tt.d) / float64(len(tt.scores))}, r)
			assert.InDelta(t, tt.score, r.Score, 1e-9)
			assert.InDelta(t, tt.se, r.StdErr, 1e-4)
			assert.InDelta(t, tt.moe, r.MarginOfError, 1e-4)
		})
	}
}

func TestNPSEmptyAndErrors(t *testing.T) {
	var n NPS
	r := n.Result()
	assert.Equal(t, 0, r.N)
	assert.True(t, math.IsNaN(r.Score))
	for _, bad := range []int{-1, 11, 100} {
		assert.ErrorIs(t, n.Add(bad), ErrOutOfRange)
	}
	assert.Equal(t, 0, n.Result().N, "rejected scores are not counted")
}

func TestNPSMerge(t *testing.T) {
	all := []int{10, 9, 9, 8, 7, 6, 3, 10, 0, 5, 4, 9}
	one := npsOf(t, all...)
	a, b, c := npsOf(t, all[:5]...), npsOf(t, all[5:9]...), npsOf(t, all[9:]...)
	left := &NPS{}
	left.Merge(a)
	left.Merge(b)
	left.Merge(c)
	bc := &NPS{}
	bc.Merge(b)
	bc.Merge(c)
	right := *a
	right.Merge(bc)
	right.Merge(&NPS{}) // identity
	right.Merge(nil)
	assert.Equal(t, *one, *left)
	assert.Equal(t, *one, right)
}

func TestNPSJSON(t *testing.T) {
	n := npsOf(t, 10, 8, 1)
	b, err := json.Marshal(n)
	require.NoError(t, err)
	assert.JSONEq(t, `{"promoters":1,"passives":1,"detractors":1}`, string(b))
	var back NPS
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, *n, back)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"promoters":-1}`), &back), ErrInvalidValue)
	assert.Equal(t, *n, back, "rejected decode leaves the value unchanged")
}

func TestCompareNPS(t *testing.T) {
	a := npsOf(t, 9, 9, 9, 10, 10, 10, 10, 7, 8, 2).Result() // 60, SE 20.9762
	b := npsOf(t, 10, 9, 9, 8, 7, 6, 3, 10, 0, 5).Result()   // 0, SE 28.2843
	c, err := CompareNPS(a, b)
	require.NoError(t, err)
	// Adjusted Wald (Rocks 2016), worked by hand: a has 7 promoters and 1
	// detractor of 10 → p' = 7.75/13, d' = 1.75/13, NPS' = 6/13 = .461538,
	// var = (p' + d' − NPS'²)/13 = .0398270; b has 4 and 4 → p' = d' =
	// 4.75/13, NPS' = 0, var = (9.5/13)/13 = .0562130. SE = 100·√.0960400 =
	// 30.9903; z = 46.1538/30.9903 = 1.48930; p = 2·(1 − Φ(1.4893)) = 0.13641.
	assert.InDelta(t, 60, c.Difference, 1e-9)
	assert.InDelta(t, 30.9903, c.StdErr, 1e-4)
	assert.InDelta(t, 1.48930, c.Z, 1e-5)
	assert.InDelta(t, 0.13641, c.PValue, 1e-5)
	assert.False(t, c.Significant)
	_, err = CompareNPS(a, NPSResult{})
	assert.ErrorIs(t, err, ErrInsufficientData)
}

func TestCSAT(t *testing.T) {
	var c CSAT
	// 5 4 3 2 5 on 1..5: top-2-box counts 5, 4, 5 → 3/5 = .6; mean 19/5 = 3.8;
	// SE = √(.6·.4/5) = .219089.
	for _, s := range []int{5, 4, 3, 2, 5} {
		require.NoError(t, c.Add(s))
	}
	assert.ErrorIs(t, c.Add(6), ErrOutOfRange)
	r := c.Result()
	assert.Equal(t, 5, r.N)
	assert.Equal(t, 3, r.TopTwoN)
	assert.InDelta(t, 0.6, r.TopTwo, 1e-12)
	assert.InDelta(t, 3.8, r.Mean, 1e-12)
	assert.InDelta(t, 0.219089, r.StdErr, 1e-6)
	// R: y <- c(5,4,3,2,5); sd(y) 1.30384048104053;
	// t.test(y)$conf.int 2.181068215291297 5.418931784708703;
	// prop.test(3, 5, correct = FALSE)$conf.int 0.2307242812760130 0.8823792257673519
	assert.InDelta(t, 1.30384048104053, r.SD, 1e-13)
	assert.InDelta(t, 2.181068215291297, r.MeanCI.Lower, 1e-12)
	assert.InDelta(t, 5.418931784708703, r.MeanCI.Upper, 1e-12)
	assert.InDelta(t, 0.2307242812760130, r.TopTwoCI.Lower, 1e-13)
	assert.InDelta(t, 0.8823792257673519, r.TopTwoCI.Upper, 1e-13)

	// On 0..10 the top two boxes are 9 and 10.
	c10, err := NewCSAT(ZeroToTen)
	require.NoError(t, err)
	for _, s := range []int{10, 9, 8, 0} {
		require.NoError(t, c10.Add(s))
	}
	assert.InDelta(t, 0.5, c10.Result().TopTwo, 1e-12)
	assert.ErrorIs(t, c.Merge(c10), ErrMismatch)
	assert.Equal(t, 5, c.Result().N)

	// Merge and JSON round trip.
	var d CSAT
	require.NoError(t, d.Add(1))
	require.NoError(t, c.Merge(&d))
	assert.Equal(t, 6, c.Result().N)
	b, err := json.Marshal(c)
	require.NoError(t, err)
	var back CSAT
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, c.Result(), back.Result())
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"scale":{"min":1,"max":5},"n":1,"top2":2,"weight":1,"sumSquares":1,"weightedSum":3}`), &back), ErrInvalidValue)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"scale":{"min":1,"max":5},"n":1,"top2":0,"weight":1,"sumSquares":1,"weightedSum":9}`), &back), ErrInvalidValue)

	// Weighted: a 5 of weight 3 and a 1 of weight 1: top-2 share 3/4, mean
	// (15 + 1)/4 = 4, effective n 16/10 = 1.6, SE √(.75·.25/1.6) = 0.342327.
	var w CSAT
	require.NoError(t, w.AddWeighted(5, 3))
	require.NoError(t, w.AddWeighted(1, 1))
	require.ErrorIs(t, w.AddWeighted(1, -1), ErrInvalidWeights)
	wr := w.Result()
	assert.InDelta(t, 0.75, wr.TopTwo, 1e-12)
	assert.InDelta(t, 4, wr.Mean, 1e-12)
	assert.InDelta(t, 0.342327, wr.StdErr, 1e-6)
	_, err = NewCSAT(Scale{5, 1})
	assert.ErrorIs(t, err, ErrInvalidScale)
}

func TestCES(t *testing.T) {
	var c CES
	// 7 6 5 4 1: mean 23/5 = 4.6; 5–7 share 3/5 = .6.
	for _, s := range []int{7, 6, 5, 4, 1} {
		require.NoError(t, c.Add(s))
	}
	assert.ErrorIs(t, c.Add(0), ErrOutOfRange)
	assert.ErrorIs(t, c.Add(8), ErrOutOfRange)
	var d CES
	d.Merge(&c)
	r := d.Result()
	assert.Equal(t, CESResult{N: 5, Mean: 4.6, Easy: 0.6, EasyN: 3, SD: r.SD, EffectiveN: 5, MeanCI: r.MeanCI, EasyCI: r.EasyCI}, r)
	// R: x <- c(7,6,5,4,1); sd(x) 2.302172886644267;
	// t.test(x)$conf.int 1.741474809012978 7.458525190987022;
	// prop.test(3, 5, correct = FALSE)$conf.int 0.2307242812760130 0.8823792257673519
	assert.InDelta(t, 2.302172886644267, r.SD, 1e-14)
	assert.InDelta(t, 1.741474809012978, r.MeanCI.Lower, 1e-12)
	assert.InDelta(t, 7.458525190987022, r.MeanCI.Upper, 1e-12)
	assert.InDelta(t, 0.2307242812760130, r.EasyCI.Lower, 1e-13)
	assert.InDelta(t, 0.8823792257673519, r.EasyCI.Upper, 1e-13)
	assert.True(t, math.IsNaN((&CES{}).Result().Mean))

	// Weighted: a 7 of weight 1 and a 3 of weight 3: mean (7 + 9)/4 = 4,
	// easy share 1/4.
	var w CES
	require.NoError(t, w.AddWeighted(7, 1))
	require.NoError(t, w.AddWeighted(3, 3))
	require.ErrorIs(t, w.AddWeighted(3, nan), ErrInvalidWeights)
	wr := w.Result()
	assert.Equal(t, fmt.Sprint(CESResult{N: 2, Mean: 4, Easy: 0.25, EasyN: 1, SD: wr.SD, EffectiveN: 1.6, MeanCI: wr.MeanCI, EasyCI: wr.EasyCI}), fmt.Sprint(wr)) // NaN-safe
	// Weighted SD by hand: Σw(x − 4)² = 1·9 + 3·1 = 12, /Σw = 3, scaled by
	// n/(n − 1) with the effective n 16/10 = 1.6: 3·1.6/0.6 = 8, SD √8.
	assert.InDelta(t, math.Sqrt(8), wr.SD, 1e-12)
	// Effective n 1.6 < 2: no t interval.
	assert.True(t, math.IsNaN(wr.MeanCI.Lower))
}

// Survey weights: a promoter of weight 3 and a detractor of weight 1.
// p = 3/4, d = 1/4, NPS 50; effective n = 4²/(9 + 1) = 1.6; variance
// .75 + .25 − .5² = .75; SE = 100·√(.75/1.6) = 68.4653.
func TestNPSWeighted(t *testing.T) {
	var n NPS
	require.NoError(t, n.AddWeighted(10, 3))
	require.NoError(t, n.AddWeighted(0, 1))
	require.ErrorIs(t, n.AddWeighted(10, 0), ErrInvalidWeights)
	require.ErrorIs(t, n.AddWeighted(10, math.Inf(1)), ErrInvalidWeights)
	r := n.Result()
	assert.Equal(t, 2, r.N)
	assert.InDelta(t, 50, r.Score, 1e-12)
	assert.InDelta(t, 1.6, r.EffectiveN, 1e-12)
	assert.InDelta(t, 68.4653, r.StdErr, 1e-4)

	b, err := json.Marshal(n)
	require.NoError(t, err)
	var back NPS
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, n, back)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"promoters":1,"weights":[0,0,0],"sumSquares":1}`), &back), ErrInvalidValue)
}

// Two months of CSAT compared, against R:
//
//	a <- c(5,5,4,4,3,5,4,2,5,4,4,5); b <- c(3,4,2,5,3,3,4,2,1,3)
//	t.test(a, b)   # t 2.56695189939152, df 17.32518901411368, p 0.01979584283871403
//	prop.test(c(10, 3), c(12, 10), correct = FALSE)  # X-squared 6.418233618233616, p 0.0112954456937016
func TestCompareCSATAgainstR(t *testing.T) {
	var a, b CSAT
	for _, s := range []int{5, 5, 4, 4, 3, 5, 4, 2, 5, 4, 4, 5} {
		require.NoError(t, a.Add(s))
	}
	for _, s := range []int{3, 4, 2, 5, 3, 3, 4, 2, 1, 3} {
		require.NoError(t, b.Add(s))
	}
	c, err := CompareCSAT(a.Result(), b.Result())
	require.NoError(t, err)
	assert.InDelta(t, 2.56695189939152, c.Mean.Statistic, 1e-12)
	assert.InDelta(t, 17.32518901411368, c.Mean.DF, 1e-10)
	assert.InDelta(t, 0.01979584283871403, c.Mean.PValue, 1e-13)
	assert.InDelta(t, 6.418233618233616, c.TopTwo.Statistic*c.TopTwo.Statistic, 1e-11)
	assert.InDelta(t, 0.0112954456937016, c.TopTwo.PValue, 1e-13)
	_, err = CompareCSAT(a.Result(), CSATResult{})
	assert.Error(t, err)

	// CES uses the same tests on 1..7.
	var e, f CES
	for _, s := range []int{5, 5, 4, 4, 3, 5, 4, 2, 5, 4, 4, 5} {
		require.NoError(t, e.Add(s))
	}
	for _, s := range []int{3, 4, 2, 5, 3, 3, 4, 2, 1, 3} {
		require.NoError(t, f.Add(s))
	}
	ce, err := CompareCES(e.Result(), f.Result())
	require.NoError(t, err)
	assert.InDelta(t, 2.56695189939152, ce.Mean.Statistic, 1e-12)
	assert.Equal(t, "two-proportion z", ce.Easy.Test)
}

// Three branches' NPS mixes, against R:
//
//	tab <- rbind(c(7,2,1), c(4,2,4), c(2,3,5))
//	chisq.test(tab, correct = FALSE)  # X-squared 5.808791208791209, p 0.2138901725920381
func TestCompareNPSSegmentsAgainstR(t *testing.T) {
	r, err := CompareNPSSegments(
		npsOf(t, 10, 10, 9, 9, 10, 9, 10, 8, 7, 3).Result(),
		npsOf(t, 9, 9, 10, 10, 7, 8, 0, 2, 5, 6).Result(),
		npsOf(t, 9, 10, 7, 8, 7, 1, 2, 3, 4, 5).Result())
	require.NoError(t, err)
	assert.InDelta(t, 5.808791208791209, r.Statistic, 1e-12)
	assert.Equal(t, 4.0, r.DF)
	assert.InDelta(t, 0.2138901725920381, r.PValue, 1e-13)
	assert.False(t, r.Significant)
	_, err = CompareNPSSegments(npsOf(t, 10).Result())
	assert.ErrorIs(t, err, ErrInsufficientData)
}
