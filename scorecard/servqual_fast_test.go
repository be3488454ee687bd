package scorecard

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The packed fast path of Servqual.Add must give exactly what the float64
// path gives, across flushes, reverse-keyed items, blanks and N/A.
func TestServqualFastPathEqualsSlowPath(t *testing.T) {
	in := MustInstrument("mixed", Likert7, []Item{
		{ID: "1", Dimension: DimTangibles}, {ID: "2", Dimension: DimTangibles, Reverse: true},
		{ID: "3", Dimension: DimReliability}, {ID: "4", Dimension: DimEmpathy, Reverse: true}, {ID: "5", Dimension: DimAssurance},
	})
	rng := rand.New(rand.NewPCG(7, 8))
	answer := func() Answer {
		switch rng.IntN(20) {
		case 0:
			return Answer{}
		case 1:
			return NA()
		}
		return Rated(1 + rng.IntN(7))
	}
	fast, slow := NewServqual(in), NewServqual(in)
	for i := range 5000 { // flushEvery is 65535/36 = 1820 respondents on 1..7
		r := ServqualResponse{Perceptions: make([]Answer, 5)}
		if i%4 != 0 {
			r.Expectations = make([]Answer, 5)
		}
		for j := range 5 {
			r.Perceptions[j] = answer()
			if r.Expectations != nil {
				r.Expectations[j] = answer()
			}
		}
		if i%3 == 0 {
			r.Importance = Allocation{20, 20, 20, 20, 20}
		}
		require.NoError(t, fast.Add(r))
		w, err := r.checkMeta()
		require.NoError(t, err)
		slow.addSlow(&r, w)
	}
	assert.Greater(t, fast.pendN, 0, "some respondents still pending")
	assert.Equal(t, fmt.Sprint(slow.Result()), fmt.Sprint(fast.Result()))
	fb, err := fast.MarshalJSON()
	require.NoError(t, err)
	sb, err := slow.MarshalJSON()
	require.NoError(t, err)
	assert.JSONEq(t, string(sb), string(fb))

	// A bad answer late in the response rolls the packed sums back.
	before := fmt.Sprint(fast.Result())
	bad := ServqualResponse{Expectations: Ratings(1, 2, 3, 4, 5), Perceptions: Ratings(1, 2, 3, 4, 8)}
	assert.ErrorIs(t, fast.Add(bad), ErrOutOfRange)
	bad.Perceptions[4] = Answer{State: 7}
	assert.ErrorIs(t, fast.Add(bad), ErrInvalidValue)
	assert.Equal(t, before, fmt.Sprint(fast.Result()))

	// Scales wider than 16 points take the float64 path only.
	wide := MustInstrument("wide", Scale{Min: 0, Max: 100}, []Item{{ID: "1", Dimension: DimTangibles}})
	assert.Nil(t, wide.fast)
	s := NewServqual(wide)
	require.NoError(t, s.Add(ServqualResponse{Expectations: Ratings(90), Perceptions: Ratings(70)}))
	assert.Equal(t, -20.0, s.Result().Gap)
}

// Two periods whose respondents' empathy gaps are R's x and y of
// TestMeanCIAndWelchAgainstR (expectation 1, perception 1 + gap): the
// comparison is R's t.test(x, y): t 2.389665351189813, df 19.82314484054776,
// p 0.0269206719934762; and each period's interval t.test(x)$conf.int.
func TestCompareServqualAgainstR(t *testing.T) {
	in := MustInstrument("one", Likert7, []Item{{ID: "1", Dimension: DimEmpathy}})
	period := func(gaps []float64) ServqualResult {
		s := NewServqual(in)
		for _, g := range gaps {
			require.NoError(t, s.Add(ServqualResponse{Expectations: Ratings(1), Perceptions: Ratings(1 + int(g))}))
		}
		return s.Result()
	}
	a, b := period(rX), period(rY)
	emp := a.Dimension(DimEmpathy)
	assert.InDelta(t, 2.931607608433678, emp.GapCI.Lower, 1e-12)
	assert.InDelta(t, 4.568392391566322, emp.GapCI.Upper, 1e-12)
	assert.Equal(t, emp.GapCI, a.GapCI) // one dimension: the overall gap is the empathy gap
	c, err := CompareServqual(a, b)
	require.NoError(t, err)
	for _, r := range []TestResult{c.Gap, c.Dimensions[DimEmpathy-1]} {
		assert.InDelta(t, 2.389665351189813, r.Statistic, 1e-12)
		assert.InDelta(t, 19.82314484054776, r.DF, 1e-11)
		assert.InDelta(t, 0.0269206719934762, r.PValue, 1e-13)
	}
	assert.Equal(t, "", c.Dimensions[DimTangibles-1].Test) // no tangibles items
	_, err = CompareServqual(a, ServqualResult{})
	assert.ErrorIs(t, err, ErrInsufficientData)
}

// Survey weights in the respondent-level gaps, by hand: gaps −2 (weight 1)
// and 0 (weight 3). Mean (−2 + 0)/4 = −0.5; effective n 4²/(1 + 9) = 1.6;
// weighted variance (1·1.5² + 3·0.5²)/4 = 0.75, scaled by 1.6/0.6: 2, SD √2.
// The overall gap of a respondent is the mean of their dimension gaps:
// a third respondent with gaps −1 (tangibles) and −3 (empathy) has −2.
func TestServqualWeightedRespondentGaps(t *testing.T) {
	in := MustInstrument("two", Likert7, []Item{{ID: "t", Dimension: DimTangibles}, {ID: "e", Dimension: DimEmpathy}})
	s := NewServqual(in)
	require.NoError(t, s.Add(ServqualResponse{Expectations: []Answer{Rated(7), {}}, Perceptions: []Answer{Rated(5), {}}, Weight: 1}))
	require.NoError(t, s.Add(ServqualResponse{Expectations: []Answer{Rated(6), {}}, Perceptions: []Answer{Rated(6), {}}, Weight: 3}))
	tang := s.Result().Dimension(DimTangibles).GapSample
	assert.InDelta(t, 1.6, tang.N, 1e-12)
	assert.InDelta(t, -0.5, tang.Mean, 1e-12)
	assert.InDelta(t, math.Sqrt2, tang.SD, 1e-12)

	o := NewServqual(in)
	require.NoError(t, o.Add(ServqualResponse{Expectations: Ratings(6, 7), Perceptions: Ratings(5, 4)}))
	require.NoError(t, o.Add(ServqualResponse{Expectations: Ratings(6, 7), Perceptions: Ratings(6, 7)}))
	r := o.Result()
	assert.Equal(t, Sample{N: 2, Mean: -1, SD: math.Sqrt2}, r.GapSample) // respondent gaps −2 and 0
}

// An accumulator whose only Add was rejected holds no respondent, so it
// adopts the instrument of what it merges; its packed sums must follow.
func TestServqualAdoptsInstrumentAfterRejectedAdd(t *testing.T) {
	var s Servqual // default 22-item instrument
	require.Error(t, s.Add(ServqualResponse{Perceptions: make([]Answer, 22), Expectations: append(Ratings(9), make([]Answer, 21)...)}))
	small := NewServqual(smallInstrument(t))
	require.NoError(t, small.Add(ServqualResponse{Expectations: Ratings(7, 6, 5), Perceptions: Ratings(5, 6, 4)}))
	require.NoError(t, s.Merge(small))
	require.NotPanics(t, func() {
		require.NoError(t, s.Add(ServqualResponse{Expectations: Ratings(7, 6, 5), Perceptions: Ratings(5, 6, 4)}))
	})
	require.NotPanics(t, s.flush)
	assert.Equal(t, 2, s.Result().Respondents)
	assert.Equal(t, -2.0, s.Result().Items[0].Gap)
}
