package scorecard

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func smallInstrument(t *testing.T) *Instrument {
	t.Helper()
	in, err := NewInstrument("small", Likert7, []Item{
		{ID: "a", Label: "Modern equipment", Dimension: DimTangibles},
		{ID: "b", Label: "Neat staff", Dimension: DimTangibles},
		{ID: "c", Label: "On time", Dimension: DimReliability},
	})
	require.NoError(t, err)
	return in
}

// Two respondents worked by hand.
//
//	resp 1: E 7 6 5, P 5 6 4 → gaps −2 0 −1; importance tangibles 40, reliability 60
//	resp 2: E 6 NA 7, P 6 5 3 → gaps 0 · −4; importance tangibles 20, reliability 80
//
// Items: a E 6.5 P 5.5 gap −1; b E 6 (one answer) P 5.5 gap 0 (one pair);
// c E 6 P 3.5 gap −2.5.
// Tangibles: E (6.5+6)/2 = 6.25, P 5.5, gap (−1+0)/2 = −.5. Reliability:
// E 6, P 3.5, gap −2.5. Overall (mean of dimensions with data): E 6.125,
// P 4.5, gap −1.5.
// Weighted gap per respondent: resp 1 .4·(−2+0)/2 + .6·(−1) = −1; resp 2
// .2·0 + .8·(−4) = −3.2; mean −2.1. (The product of means would give
// .3·(−.5) + .7·(−2.5) = −1.9: not what SERVQUAL asks for.)
// Weighted perception: resp 1 .4·5.5 + .6·4 = 4.6; resp 2 .2·5.5 + .8·3 = 3.5;
// mean 4.05.
func TestServqualByHand(t *testing.T) {
	s := NewServqual(smallInstrument(t))
	require.NoError(t, s.Add(ServqualResponse{
		Expectations: Ratings(7, 6, 5), Perceptions: Ratings(5, 6, 4),
		Importance: Allocation{40, 60, 0, 0, 0}, Phase: During, Source: SurveySource,
	}))
	require.NoError(t, s.Add(ServqualResponse{
		Expectations: []Answer{Rated(6), NA(), Rated(7)}, Perceptions: Ratings(6, 5, 3),
		Importance: Allocation{20, 80, 0, 0, 0},
	}))
	r := s.Result()
	assert.Equal(t, 2, r.Respondents)
	a, b, c := r.Items[0], r.Items[1], r.Items[2]
	assert.Equal(t, []float64{6.5, 5.5, -1}, []float64{a.Expectation, a.Perception, a.Gap})
	assert.Equal(t, []float64{6, 5.5, 0}, []float64{b.Expectation, b.Perception, b.Gap})
	assert.Equal(t, []int{1, 2, 1}, []int{b.NE, b.NP, b.NGap})
	assert.Equal(t, []float64{6, 3.5, -2.5}, []float64{c.Expectation, c.Perception, c.Gap})
	// gap SD of item a: gaps −2, 0, mean −1, variance (1+1)/1 = 2.
	assert.InDelta(t, math.Sqrt2, a.GapSD, 1e-12)
	assert.True(t, math.IsNaN(b.GapSD))

	tang := r.Dimension(DimTangibles)
	assert.Equal(t, []float64{6.25, 5.5, -0.5}, []float64{tang.Expectation, tang.Perception, tang.Gap})
	assert.Equal(t, 2, tang.Items)
	// Respondent-level tangibles gaps: (−2 + 0)/2 = −1 and 0 (item 2 has no
	// expectation): mean −0.5, SD √.5. Paired t, as R's t.test(c(-1, 0)):
	// t = −1, df 1, p 0.5, CI −0.5 ± 12.70620·0.5 = [−6.853102, 5.853102].
	assert.Equal(t, Sample{N: 2, Mean: -0.5, SD: math.Sqrt(0.5)}, tang.GapSample)
	assert.InDelta(t, -1, tang.GapTest.Statistic, 1e-12)
	assert.Equal(t, 1.0, tang.GapTest.DF)
	assert.InDelta(t, 0.5, tang.GapTest.PValue, 1e-12)
	assert.InDelta(t, -6.853102368087364, tang.GapCI.Lower, 1e-9)
	assert.InDelta(t, 5.853102368087364, tang.GapCI.Upper, 1e-9)
	assert.Equal(t, -2.5, r.Dimension(DimReliability).Gap)
	assert.True(t, math.IsNaN(r.Dimension(DimEmpathy).Gap))
	assert.Equal(t, 0, r.Dimension(DimEmpathy).Items)
	assert.InDelta(t, 6.125, r.Expectation, 1e-12)
	assert.InDelta(t, 4.5, r.Perception, 1e-12)
	assert.InDelta(t, -1.5, r.Gap, 1e-12)
	assert.InDelta(t, -2.1, r.WeightedGap, 1e-12)
	assert.Equal(t, 2, r.WeightedGapN)
	assert.InDelta(t, 4.05, r.WeightedPerception, 1e-12)
	assert.Equal(t, Allocation{30, 70, 0, 0, 0}, r.Importance)
}

func TestServqualReverseKeyed(t *testing.T) {
	in, err := NewInstrument("rev", Likert5, []Item{
		{ID: "x", Dimension: DimEmpathy},
		{ID: "y", Dimension: DimEmpathy, Reverse: true},
	})
	require.NoError(t, err)
	s := NewServqual(in)
	// y is reverse-keyed on 1..5: E 2 → 4, P 4 → 2, gap 2 − 4 = −2.
	require.NoError(t, s.Add(ServqualResponse{Expectations: Ratings(3, 2), Perceptions: Ratings(3, 4)}))
	r := s.Result()
	assert.Equal(t, 4.0, r.Items[1].Expectation)
	assert.Equal(t, 2.0, r.Items[1].Perception)
	assert.Equal(t, -2.0, r.Items[1].Gap)
}

func TestServperfOnly(t *testing.T) {
	var s Servqual // zero value: default 22-item instrument
	p := make([]Answer, 22)
	for i := range p {
		p[i] = Rated(i%7 + 1)
	}
	require.NoError(t, s.Add(ServqualResponse{Perceptions: p, Importance: Allocation{20, 20, 20, 20, 20}}))
	r := s.Result()
	assert.Equal(t, "SERVQUAL", r.Instrument)
	assert.True(t, math.IsNaN(r.Gap))
	assert.Equal(t, 0, r.WeightedGapN)
	// Items 1–4 rate 1 2 3 4 → tangibles 2.5; 5–9 rate 5 6 7 1 2 → 4.2;
	// 10–13 rate 3 4 5 6 → 4.5; 14–17 rate 7 1 2 3 → 3.25; 18–22 rate
	// 4 5 6 7 1 → 4.6. SERVPERF = (2.5+4.2+4.5+3.25+4.6)/5 = 19.05/5 = 3.81,
	// and with equal weights the weighted score is the same 3.81.
	assert.InDelta(t, 2.5, r.Dimension(DimTangibles).Perception, 1e-12)
	assert.InDelta(t, 4.2, r.Dimension(DimReliability).Perception, 1e-12)
	assert.InDelta(t, 4.5, r.Dimension(DimResponsiveness).Perception, 1e-12)
	assert.InDelta(t, 3.25, r.Dimension(DimAssurance).Perception, 1e-12)
	assert.InDelta(t, 4.6, r.Dimension(DimEmpathy).Perception, 1e-12)
	assert.InDelta(t, 3.81, r.Perception, 1e-12)
	assert.InDelta(t, 3.81, r.WeightedPerception, 1e-12)
}

func TestServqualAddErrorsLeaveStateUnchanged(t *testing.T) {
	in := smallInstrument(t)
	s := NewServqual(in)
	require.NoError(t, s.Add(ServqualResponse{Expectations: Ratings(7, 6, 5), Perceptions: Ratings(5, 6, 4)}))
	before := s.Result()
	tests := []struct {
		name string
		r    ServqualResponse
		want error
	}{
		{"short perceptions", ServqualResponse{Perceptions: Ratings(1, 2)}, ErrRagged},
		{"long expectations", ServqualResponse{Perceptions: Ratings(1, 2, 3), Expectations: Ratings(1, 2, 3, 4)}, ErrRagged},
		{"perception above scale", ServqualResponse{Perceptions: Ratings(1, 8, 3)}, ErrOutOfRange},
		{"expectation below scale", ServqualResponse{Perceptions: Ratings(1, 2, 3), Expectations: Ratings(0, 2, 3)}, ErrOutOfRange},
		{"undefined state", ServqualResponse{Perceptions: []Answer{{State: 9}, Rated(1), Rated(1)}}, ErrInvalidValue},
		{"weights sum to 90", ServqualResponse{Perceptions: Ratings(1, 2, 3), Importance: Allocation{50, 40}}, ErrInvalidWeights},
		{"negative weight", ServqualResponse{Perceptions: Ratings(1, 2, 3), Importance: Allocation{110, -10}}, ErrInvalidWeights},
		{"NaN weight", ServqualResponse{Perceptions: Ratings(1, 2, 3), Importance: Allocation{nan, 100}}, ErrInvalidWeights},
		{"bad phase", ServqualResponse{Perceptions: Ratings(1, 2, 3), Phase: 9}, ErrInvalidValue},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := s.Add(tt.r)
			require.ErrorIs(t, err, tt.want)
			assert.Contains(t, err.Error(), "scorecard: ")
			assert.Equal(t, fmt.Sprintf("%+v", before), fmt.Sprintf("%+v", s.Result())) // NaN-safe
		})
	}
}

func TestServqualMergeEqualsOnePass(t *testing.T) {
	in := smallInstrument(t)
	responses := []ServqualResponse{
		{Expectations: Ratings(7, 6, 5), Perceptions: Ratings(5, 6, 4), Importance: Allocation{40, 60}},
		{Expectations: []Answer{Rated(6), NA(), Rated(7)}, Perceptions: Ratings(6, 5, 3), Importance: Allocation{20, 80}},
		{Perceptions: []Answer{{}, Rated(2), Rated(7)}},
		{Expectations: Ratings(1, 1, 1), Perceptions: Ratings(7, 7, 7), Importance: Allocation{50, 50}},
	}
	one := NewServqual(in)
	shards := []*Servqual{NewServqual(in), NewServqual(in)}
	for i, r := range responses {
		require.NoError(t, one.Add(r))
		require.NoError(t, shards[i%2].Add(r))
	}
	merged := NewServqual(in)
	require.NoError(t, merged.Merge(shards[0]))
	require.NoError(t, merged.Merge(shards[1]))
	require.NoError(t, merged.Merge(NewServqual(in)))
	want, got := one.Result(), merged.Result()
	assert.Equal(t, want.Items, got.Items, "integer item sums merge exactly")
	assert.Equal(t, fmt.Sprint(want.Dimensions), fmt.Sprint(got.Dimensions)) // NaN-safe
	assert.InDelta(t, want.WeightedGap, got.WeightedGap, 1e-12)

	var zero Servqual // the zero value adopts the other's instrument
	require.NoError(t, zero.Merge(one))
	assert.Equal(t, want.Items, zero.Result().Items)
	assert.ErrorIs(t, one.Merge(func() *Servqual {
		s := &Servqual{}
		require.NoError(t, s.Add(ServqualResponse{Perceptions: make([]Answer, 22)}))
		return s
	}()), ErrMismatch)
}

func TestInstrumentValidation(t *testing.T) {
	_, err := NewInstrument("bad", Scale{3, 3}, []Item{
		{ID: "1", Dimension: DimTangibles},
		{ID: "1", Dimension: DimEmpathy},
		{ID: "", Dimension: DimEmpathy},
		{ID: "4"},
	})
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrInvalidInstrument)
	assert.ErrorIs(t, err, ErrInvalidScale)
	for _, frag := range []string{"duplicate ID \"1\"", "item 3: empty ID", "item \"4\"", "no SERVQUAL dimension"} {
		assert.Contains(t, err.Error(), frag)
	}
	_, err = NewInstrument("empty", Likert5, nil)
	assert.ErrorIs(t, err, ErrInvalidInstrument)
}

func TestDefaultServqual(t *testing.T) {
	in := DefaultServqual()
	require.Equal(t, 22, in.Len())
	want := map[Dimension]int{DimTangibles: 4, DimReliability: 5, DimResponsiveness: 4, DimAssurance: 4, DimEmpathy: 5}
	for d, n := range want {
		assert.Equal(t, n, in.ItemsIn(d), d.String())
	}
	// Items 1–4, 5–9, 10–13, 14–17, 18–22.
	for i, it := range in.Items() {
		var d Dimension
		switch {
		case i < 4:
			d = DimTangibles
		case i < 9:
			d = DimReliability
		case i < 13:
			d = DimResponsiveness
		case i < 17:
			d = DimAssurance
		default:
			d = DimEmpathy
		}
		assert.Equal(t, d, it.Dimension, "item %s", it.ID)
		// Courtesy sits under assurance in the 1988 study but the notes pair it
		// with empathy, so item 16 (courtesy, an assurance item) is the one
		// item whose determinant maps elsewhere.
		if it.ID != "16" {
			assert.Equal(t, d, it.Determinant.Dimension(), "item %s determinant %s", it.ID, it.Determinant)
		}
	}
}

func TestInstrumentJSONRoundTrip(t *testing.T) {
	b, err := json.Marshal(DefaultServqual())
	require.NoError(t, err)
	var back Instrument
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, back.Equal(DefaultServqual()))
	assert.Contains(t, string(b), `"dimension":"tangibles"`)
	err = json.Unmarshal([]byte(`{"name":"x","scale":{"min":1,"max":5},"items":[{"id":"1","dimension":"unknown"}]}`), &back)
	assert.ErrorIs(t, err, ErrInvalidInstrument)
	err = json.Unmarshal([]byte(`{"name":"x","scale":{"min":1,"max":5},"items":[{"id":"1","dimension":"fiabilidad"}]}`), &back)
	require.NoError(t, err)
	assert.Equal(t, DimReliability, back.Item(0).Dimension)
}

// Survey weights: respondent 1 (weight 3) perceives item a as 5 and expects
// 7; respondent 2 (weight 1) perceives 1 and expects 5. Weighted perception
// (3·5 + 1·1)/4 = 4, expectation (21 + 5)/4 = 6.5, gap (3·(−2) + 1·(−4))/4
// = −2.5; gap SD with weights as frequencies: Σw·g² = 12 + 16 = 28,
// (28 − 10²/4)/(4 − 1) = 1, SD 1.
func TestServqualSurveyWeights(t *testing.T) {
	in := MustInstrument("w", Likert7, []Item{{ID: "a", Dimension: DimTangibles}})
	s := NewServqual(in)
	require.NoError(t, s.Add(ServqualResponse{Expectations: Ratings(7), Perceptions: Ratings(5), Weight: 3}))
	require.NoError(t, s.Add(ServqualResponse{Expectations: Ratings(5), Perceptions: Ratings(1)}))
	require.ErrorIs(t, s.Add(ServqualResponse{Perceptions: Ratings(1), Weight: -1}), ErrInvalidWeights)
	r := s.Result()
	it := r.Items[0]
	assert.Equal(t, []float64{6.5, 4, -2.5, 1}, []float64{it.Expectation, it.Perception, it.Gap, it.GapSD})
	assert.Equal(t, 2, it.NGap)
	assert.Equal(t, 2, r.Respondents)

	rs, err := ReadServqualCSV(strings.NewReader("Ea,Pa,weight\n7,5,3\n5,1,\n"), in, CSVOptions{})
	require.NoError(t, err)
	assert.Equal(t, 3.0, rs[0].Weight)
	assert.Equal(t, 0.0, rs[1].Weight)
	_, err = ReadServqualCSV(strings.NewReader("Pa,weight\n5,-2\n"), in, CSVOptions{})
	assert.ErrorIs(t, err, ErrInvalidWeights)
}
