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

// Each constructor is given exactly one problem, so a check that stopped
// firing would not be hidden by another error of the same kind.
func TestConstructorsOneProblemEach(t *testing.T) {
	items := func(its ...Item) []Item { return its }
	tests := []struct {
		name string
		f    func() error
		want error
		frag string
	}{
		{"form zero weight", func() error {
			_, err := NewForm("f", []Criterion{{Name: "a", Weight: 1}, {Name: "b", Weight: 0}})
			return err
		}, ErrInvalidWeights, `criterion "b": weight 0`},
		{"form negative weight", func() error {
			_, err := NewForm("f", []Criterion{{Name: "a", Weight: -1}})
			return err
		}, ErrInvalidWeights, "weight -1"},
		{"form infinite weight", func() error {
			_, err := NewForm("f", []Criterion{{Name: "a", Weight: math.Inf(1)}})
			return err
		}, ErrInvalidWeights, "weight +Inf"},
		{"form duplicate name", func() error {
			_, err := NewForm("f", []Criterion{{Name: "a", Weight: 1}, {Name: "a", Weight: 1}})
			return err
		}, ErrInvalidInstrument, `criterion 2: name "a"`},
		{"form empty name", func() error {
			_, err := NewForm("f", []Criterion{{Weight: 1}})
			return err
		}, ErrInvalidInstrument, "criterion 1: "},
		{"form no criteria", func() error { _, err := NewForm("f", nil); return err }, ErrInvalidInstrument, "no criteria"},
		{"instrument undefined determinant", func() error {
			_, err := NewInstrument("i", Likert5, items(Item{ID: "1", Dimension: DimEmpathy, Determinant: Determinant(40)}))
			return err
		}, ErrInvalidInstrument, "determinant 40 undefined"},
		{"instrument undefined dimension", func() error {
			_, err := NewInstrument("i", Likert5, items(Item{ID: "1", Dimension: Dimension(6)}))
			return err
		}, ErrInvalidInstrument, "no SERVQUAL dimension"},
		{"instrument second ID empty", func() error {
			_, err := NewInstrument("i", Likert5, items(Item{ID: "1", Dimension: DimEmpathy}, Item{Dimension: DimEmpathy}))
			return err
		}, ErrInvalidInstrument, "item 2: empty ID"},
		{"instrument duplicate ID", func() error {
			_, err := NewInstrument("i", Likert5, items(Item{ID: "1", Dimension: DimEmpathy}, Item{ID: "1", Dimension: DimEmpathy}))
			return err
		}, ErrInvalidInstrument, `item 2: duplicate ID "1"`},
		{"instrument scale", func() error {
			_, err := NewInstrument("i", Scale{2, 1}, items(Item{ID: "1", Dimension: DimEmpathy}))
			return err
		}, ErrInvalidScale, "scale 2..1"},
		{"card survey no providers", func() error {
			_, err := NewCardSurvey(Likert5, []string{"a"}, nil)
			return err
		}, ErrInvalidInstrument, "no providers"},
		{"card survey no attributes", func() error {
			_, err := NewCardSurvey(Likert5, nil, []string{"u"})
			return err
		}, ErrInvalidInstrument, "no attributes"},
		{"card survey empty provider", func() error {
			_, err := NewCardSurvey(Likert5, []string{"a"}, []string{"u", ""})
			return err
		}, ErrInvalidInstrument, `provider ""`},
		{"card survey scale", func() error {
			_, err := NewCardSurvey(Scale{1, 1}, []string{"a"}, []string{"u"})
			return err
		}, ErrInvalidScale, "scale 1..1"},
		{"report card empty provider name", func() error {
			_, err := NewReportCard(Likert5, []Attribute{{"x", 1}}, Provider{"", []float64{3}})
			return err
		}, ErrInvalidInstrument, `provider name ""`},
		{"report card scale", func() error {
			_, err := NewReportCard(Scale{5, 5}, []Attribute{{"x", 1}}, Provider{"u", []float64{5}})
			return err
		}, ErrInvalidScale, "scale 5..5"},
		{"report card infinite weight", func() error {
			_, err := NewReportCard(Likert5, []Attribute{{"x", math.Inf(1)}}, Provider{"u", []float64{5}})
			return err
		}, ErrInvalidWeights, "importance +Inf"},
		{"report card empty attribute name", func() error {
			_, err := NewReportCard(Likert5, []Attribute{{"", 1}}, Provider{"u", []float64{5}})
			return err
		}, ErrInvalidInstrument, "attribute 1: "},
		{"report card score below scale", func() error {
			_, err := NewReportCard(Likert5, []Attribute{{"x", 1}}, Provider{"u", []float64{0.9}})
			return err
		}, ErrOutOfRange, `attribute "x": score 0.9`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.f()
			require.ErrorIs(t, err, tt.want)
			assert.Contains(t, err.Error(), tt.frag)
			assert.True(t, strings.HasPrefix(err.Error(), "scorecard: "), err.Error())
		})
	}
}

func TestReportCardAccessorsAndWeights(t *testing.T) {
	// Fractions summing to 1 are kept; the total may be off by rounding.
	rc, err := NewReportCard(Likert5, []Attribute{{"x", 0.1}, {"y", 0.2}, {"z", 0.7}}, Provider{"u", []float64{1, 2, 5}})
	require.NoError(t, err)
	assert.InDeltaSlice(t, []float64{0.1, 0.2, 0.7}, rc.Weights(), 1e-15)
	// Overall .1·1 + .2·2 + .7·5 = 4.
	assert.InDelta(t, 4, rc.Result().Overall[0], 1e-12)
	assert.Equal(t, Likert5, rc.Scale())
	attrs := rc.Attributes()
	attrs[0].Name = "changed"
	provs := rc.Providers()
	provs[0].Scores[0] = 3
	assert.Equal(t, "x", rc.Attributes()[0].Name, "Attributes returns a copy")
	assert.Equal(t, 1.0, rc.Providers()[0].Scores[0], "Providers returns a copy")
	w := rc.Weights()
	w[0] = 9
	assert.Equal(t, 0.1, rc.Weights()[0])
	// An attribute may carry no weight at all.
	rc0, err := NewReportCard(Likert5, []Attribute{{"x", 1}, {"y", 0}}, Provider{"u", []float64{2, 5}})
	require.NoError(t, err)
	assert.Equal(t, []float64{1, 0}, rc0.Weights())
	assert.Equal(t, 2.0, rc0.Result().Overall[0]) // 1·2 + 0·5
	// A caller's slice is copied in too.
	scores := []float64{1, 2, 5}
	rc, err = NewReportCard(Likert5, []Attribute{{"x", 10}, {"y", 20}, {"z", 70}}, Provider{"u", scores})
	require.NoError(t, err)
	scores[0] = 5
	assert.Equal(t, 1.0, rc.Providers()[0].Scores[0])
	assert.InDeltaSlice(t, []float64{0.1, 0.2, 0.7}, rc.Weights(), 1e-15)

	var back ReportCard
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"scale":[]}`), &back), ErrInvalidInstrument)
}

// Ranks: competition ranking, 1 = highest, ties share the better rank and
// the next rank is skipped (5, 7, 7, 3 → 3, 1, 1, 4).
func TestRanks(t *testing.T) {
	tests := []struct {
		v    []float64
		want []int
	}{
		{[]float64{5, 7, 7, 3}, []int{3, 1, 1, 4}},
		{[]float64{1, 2, 3}, []int{3, 2, 1}},
		{[]float64{2, 2, 2}, []int{1, 1, 1}},
		{[]float64{4, 1, 4, 1}, []int{1, 3, 1, 3}},
		{nil, []int{}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, ranks(tt.v), "%v", tt.v)
	}
}

func TestInstrumentAccessorsAndEqual(t *testing.T) {
	in := smallInstrument(t)
	assert.Equal(t, "small", in.Name())
	assert.Equal(t, Likert7, in.Scale())
	assert.Equal(t, 2, in.ItemsIn(DimTangibles))
	assert.Equal(t, 1, in.ItemsIn(DimReliability))
	assert.Equal(t, 0, in.ItemsIn(DimEmpathy))
	assert.Equal(t, 0, in.ItemsIn(DimensionUnknown))
	assert.Equal(t, 0, in.ItemsIn(Dimension(6)))
	assert.Equal(t, 5, DefaultServqual().ItemsIn(DimEmpathy))
	items := in.Items()
	items[0].ID = "changed"
	assert.Equal(t, "a", in.Item(0).ID, "Items returns a copy")

	same := smallInstrument(t)
	assert.True(t, in.Equal(same))
	assert.True(t, in.Equal(in))
	var nilIn *Instrument
	assert.False(t, in.Equal(nil))
	assert.False(t, nilIn.Equal(in))
	renamed := MustInstrument("other", Likert7, in.Items())
	assert.False(t, in.Equal(renamed))
	rescaled := MustInstrument("small", Likert5, in.Items())
	assert.False(t, in.Equal(rescaled))
	shorter := MustInstrument("small", Likert7, in.Items()[:2])
	assert.False(t, in.Equal(shorter))
	relabelled := in.Items()
	relabelled[2].Label = "Punctual"
	assert.False(t, in.Equal(MustInstrument("small", Likert7, relabelled)))
	assert.Panics(t, func() { MustInstrument("bad", Likert7, nil) })

	var back Instrument
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"items":{}}`), &back), ErrInvalidInstrument)
}

func TestFormEqualAndJSON(t *testing.T) {
	f := DefaultMysteryForm()
	assert.Equal(t, "mystery shopper", f.Name())
	assert.Equal(t, 6, f.Len())
	assert.True(t, f.Equal(f))
	assert.True(t, f.Equal(MustForm("mystery shopper", f.Criteria())))
	assert.False(t, f.Equal(nil))
	var nilForm *Form
	assert.False(t, nilForm.Equal(f))
	assert.False(t, f.Equal(MustForm("other", f.Criteria())))
	assert.False(t, f.Equal(MustForm("mystery shopper", f.Criteria()[:5])))
	c := f.Criteria()
	c[0].Weight = 16
	assert.False(t, f.Equal(MustForm("mystery shopper", c)))
	assert.Equal(t, 15.0, f.Criteria()[0].Weight, "Criteria returns a copy")
	assert.Panics(t, func() { MustForm("bad", nil) })
	var back Form
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"criteria":{}}`), &back), ErrInvalidInstrument)
}

func TestMysteryShopEdges(t *testing.T) {
	// The zero value uses the default form.
	var zero MysteryShop
	assert.Equal(t, "mystery shopper", zero.Form().Name())
	r := zero.Result()
	assert.Equal(t, 0, r.Overall.Visits)
	assert.True(t, math.IsNaN(r.Overall.MeanScore))
	require.Len(t, r.Criteria, 6)
	assert.True(t, math.IsNaN(r.Criteria[0].PassRate))

	// An empty accumulator adopts the other's form; one with visits keeps its own.
	at := NewMysteryShop(AttentionTechniquesForm())
	require.NoError(t, at.Add(Evaluation{Branch: "b", Agent: "a", Marks: []Mark{Pass, Fail, MarkNA, Pass, Pass, Pass}}))
	var m MysteryShop
	require.NoError(t, m.Merge(nil))
	require.NoError(t, m.Merge(NewMysteryShop(nil))) // empty: ignored
	require.NoError(t, m.Merge(at))
	assert.Equal(t, "attention techniques", m.Form().Name())
	// speed pass, simplicity fail, interface N/A, rest pass: 4 of 5 → 0.8.
	got := m.Result()
	assert.InDelta(t, 0.8, got.Overall.MeanScore, 1e-12)
	assert.Equal(t, CriterionScore{Name: "simplicity", Pass: 0, Fail: 1, NA: 0, PassRate: 0}, got.Criteria[1])
	assert.Equal(t, 1, got.Criteria[2].NA)
	assert.True(t, math.IsNaN(got.Criteria[2].PassRate))
	assert.Equal(t, CriterionScore{Name: "truthfulness", Critical: true, Pass: 1, PassRate: 1}, got.Criteria[4])
	// A second merge adds; a critical failure counts in Failed.
	at2 := NewMysteryShop(AttentionTechniquesForm())
	require.NoError(t, at2.Add(Evaluation{Branch: "b", Agent: "z", Marks: []Mark{Pass, Pass, Pass, Pass, Fail, Pass}}))
	require.NoError(t, m.Merge(at2))
	got = m.Result()
	assert.Equal(t, GroupScore{Key: "b", Visits: 2, Failed: 1, MeanScore: 0.4}, got.Branches[0])
	assert.Equal(t, []GroupScore{{Key: "a", Visits: 1, MeanScore: 0.8}, {Key: "z", Visits: 1, Failed: 1, MeanScore: 0}}, got.Agents)
	err := NewMysteryShop(nil).Add(Evaluation{Marks: []Mark{Pass}})
	assert.ErrorIs(t, err, ErrRagged)
	assert.Contains(t, err.Error(), "1 marks for 6 criteria")
	_, err = DefaultMysteryForm().Score([]Mark{Pass, Pass, Pass, Pass, Pass, Mark(9)})
	assert.ErrorIs(t, err, ErrInvalidValue)
	assert.Contains(t, err.Error(), `criterion "resolution"`)
}

func TestMarksByNameExplicitUnmarked(t *testing.T) {
	f := AttentionTechniquesForm()
	_, err := f.MarksByName(map[string]Mark{"speed": Unmarked, "simplicity": Pass, "interface": Pass,
		"courtesy": Pass, "truthfulness": Pass, "discretion": Pass})
	require.ErrorIs(t, err, ErrInvalidValue)
	assert.Contains(t, err.Error(), `criterion "speed": unmarked`)
	assert.NotContains(t, err.Error(), "not marked", "a criterion named once is not also reported missing")
	assert.NotErrorIs(t, err, ErrRagged)
}

func TestCardSurveyErrorsAndMerge(t *testing.T) {
	newSurvey := func() *CardSurvey {
		s, err := NewCardSurvey(Likert5, []string{"speed", "decor"}, []string{"Us", "Them"})
		require.NoError(t, err)
		return s
	}
	s := newSurvey()
	tests := []struct {
		name string
		r    CardResponse
		want error
		frag string
	}{
		{"importance ragged", CardResponse{Importance: Ratings(5)}, ErrRagged, "1 importance answers for 2 attributes"},
		{"importance out of scale", CardResponse{Importance: Ratings(5, 6)}, ErrOutOfRange, "importance of decor"},
		{"too many providers", CardResponse{Scores: [][]Answer{Ratings(1, 2), Ratings(1, 2), Ratings(1, 2)}}, ErrRagged, "scores for 3 providers, survey has 2"},
		{"competitor ragged", CardResponse{Scores: [][]Answer{nil, Ratings(1, 2, 3)}}, ErrRagged, `provider "Them": 3 scores`},
		{"competitor out of scale", CardResponse{Scores: [][]Answer{nil, Ratings(0, 2)}}, ErrOutOfRange, "score of Them on speed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := s.Add(tt.r)
			require.ErrorIs(t, err, tt.want)
			assert.Contains(t, err.Error(), tt.frag)
			assert.Equal(t, 0, s.Respondents())
		})
	}
	// Both providers rated (the most allowed), ours skipped with a nil row.
	require.NoError(t, s.Add(CardResponse{Scores: [][]Answer{nil, Ratings(4, 4)}}))
	require.NoError(t, s.Add(CardResponse{Importance: Ratings(4, 2), Scores: [][]Answer{Ratings(3, 5), Ratings(2, 2)}}))
	assert.Equal(t, 2, s.Respondents())
	// Them rated twice: speed (4+2)/2 = 3, decor (4+2)/2 = 3; us once: 3, 5.
	card, err := s.Card()
	require.NoError(t, err)
	assert.Equal(t, []float64{3, 3}, card.Providers()[1].Scores)
	assert.Equal(t, []float64{3, 5}, card.Providers()[0].Scores)
	// Importance 4 and 2 → weights 4/6 and 2/6.
	assert.InDeltaSlice(t, []float64{4.0 / 6, 2.0 / 6}, card.Weights(), 1e-12)

	// Nobody rated us: no card, no grid.
	t2 := newSurvey()
	require.NoError(t, t2.Add(CardResponse{Importance: Ratings(3, 3), Scores: [][]Answer{nil, Ratings(4, 4)}}))
	_, err = t2.Card()
	assert.ErrorIs(t, err, ErrInsufficientData)
	assert.Contains(t, err.Error(), `nobody rated "Us" on "speed"`)
	_, err = t2.IPA(ScaleMidpoint)
	assert.ErrorIs(t, err, ErrInsufficientData)
	// We are rated but the competitor is not on decor.
	t3 := newSurvey()
	require.NoError(t, t3.Add(CardResponse{Importance: Ratings(3, 3), Scores: [][]Answer{Ratings(2, 2), {Rated(4), NA()}}}))
	_, err = t3.Card()
	assert.Contains(t, err.Error(), `nobody rated "Them" on "decor"`)
	_, err = t3.IPA(DataMean)
	require.NoError(t, err)
	// No importance for decor.
	t4 := newSurvey()
	require.NoError(t, t4.Add(CardResponse{Importance: []Answer{Rated(3), {}}, Scores: [][]Answer{Ratings(2, 2), Ratings(2, 2)}}))
	_, err = t4.IPA(ScaleMidpoint)
	assert.ErrorIs(t, err, ErrInsufficientData)
	assert.Contains(t, err.Error(), `no importance rating for "decor"`)

	// Merge needs the same scale, attributes and providers.
	for _, other := range []func() (*CardSurvey, error){
		func() (*CardSurvey, error) {
			return NewCardSurvey(ZeroToTen, []string{"speed", "decor"}, []string{"Us", "Them"})
		},
		func() (*CardSurvey, error) {
			return NewCardSurvey(Likert5, []string{"speed", "price"}, []string{"Us", "Them"})
		},
		func() (*CardSurvey, error) {
			return NewCardSurvey(Likert5, []string{"speed", "decor"}, []string{"Us", "Others"})
		},
	} {
		o, err := other()
		require.NoError(t, err)
		assert.ErrorIs(t, s.Merge(o), ErrMismatch)
	}
	require.NoError(t, s.Merge(nil))
	u := newSurvey()
	require.NoError(t, u.Add(CardResponse{Importance: Ratings(2, 4), Scores: [][]Answer{Ratings(5, 1)}}))
	require.NoError(t, s.Merge(u))
	assert.Equal(t, 3, s.Respondents())
	// Importance now (4+2)/2 = 3 and (2+4)/2 = 3; our speed (3+5)/2 = 4, decor (5+1)/2 = 3.
	card, err = s.Card()
	require.NoError(t, err)
	assert.InDeltaSlice(t, []float64{0.5, 0.5}, card.Weights(), 1e-12)
	assert.Equal(t, []float64{4, 3}, card.Providers()[0].Scores)
}

func TestServqualEdges(t *testing.T) {
	in := smallInstrument(t)
	s := NewServqual(in)
	for _, tt := range []struct {
		r    ServqualResponse
		want error
		frag string
	}{
		{ServqualResponse{Perceptions: Ratings(1, 2, 3), Source: Source(30)}, ErrInvalidValue, "source 30 undefined"},
		{ServqualResponse{Perceptions: Ratings(1, 2, 3), Weight: math.Inf(1)}, ErrInvalidWeights, "weight +Inf"},
		{ServqualResponse{Perceptions: Ratings(1, 2, 3), Weight: nan}, ErrInvalidWeights, "weight NaN"},
		{ServqualResponse{Perceptions: Ratings(1, 2, 3), Expectations: Ratings(1, 2)}, ErrRagged, "2 expectations for 3 items"},
		{ServqualResponse{Perceptions: Ratings(1, 2, 3), Importance: Allocation{100, math.Inf(1)}}, ErrInvalidWeights, "importance of reliability"},
	} {
		err := s.Add(tt.r)
		require.ErrorIs(t, err, tt.want)
		assert.Contains(t, err.Error(), tt.frag)
	}
	assert.Equal(t, 0, s.Result().Respondents)

	// A respondent who weights a dimension they did not answer has no
	// weighted score; one who weights only answered dimensions has one.
	//	resp 1: P 4 4 NA, E 5 5 5, importance tangibles 50, reliability 50 → skipped
	//	resp 2: P 6 2 3, E 7 7 7, importance tangibles 100 → weighted P (6+2)/2 = 4,
	//	        weighted gap ((6−7)+(2−7))/2 = −3
	require.NoError(t, s.Add(ServqualResponse{Expectations: Ratings(5, 5, 5), Perceptions: []Answer{Rated(4), Rated(4), NA()}, Importance: Allocation{50, 50}}))
	require.NoError(t, s.Add(ServqualResponse{Expectations: Ratings(7, 7, 7), Perceptions: Ratings(6, 2, 3), Importance: Allocation{100}}))
	r := s.Result()
	assert.Equal(t, 1, r.WeightedPerceptionN)
	assert.Equal(t, 1, r.WeightedGapN)
	assert.InDelta(t, 4, r.WeightedPerception, 1e-12)
	assert.InDelta(t, -3, r.WeightedGap, 1e-12)
	// Importance means over both: tangibles (50+100)/2 = 75, reliability 25.
	assert.Equal(t, 2, r.ImportanceN)
	assert.InDeltaSlice(t, []float64{75, 25, 0, 0, 0}, r.Importance[:], 1e-12)
	// Items: c perceived once (3), expected twice (5, 7 → 6), one gap 3 − 7 = −4.
	c := r.Items[2]
	assert.Equal(t, []int{2, 1, 1}, []int{c.NE, c.NP, c.NGap})
	assert.Equal(t, []float64{6, 3, -4}, []float64{c.Expectation, c.Perception, c.Gap})
	// Dimension lookup of an undefined dimension gives the zero score.
	assert.Equal(t, DimensionScore{}, r.Dimension(Dimension(9)))
	assert.Equal(t, 2, r.Dimension(DimTangibles).Items)

	// The zero value scores the default instrument with no data.
	var zero Servqual
	zr := zero.Result()
	assert.Equal(t, "SERVQUAL", zr.Instrument)
	assert.Len(t, zr.Items, 22)
	assert.True(t, math.IsNaN(zr.Perception) && math.IsNaN(zr.WeightedGap) && math.IsNaN(zr.Importance[0]))
	assert.Equal(t, DefaultServqual(), zero.Instrument())
	// Merging an empty accumulator or nil changes nothing.
	before := s.Result()
	require.NoError(t, s.Merge(nil))
	require.NoError(t, s.Merge(&Servqual{}))
	assert.Equal(t, fmt.Sprint(before.Items), fmt.Sprint(s.Result().Items)) // NaN-safe
	err := s.Merge(func() *Servqual {
		o := NewServqual(MustInstrument("other", Likert7, in.Items()))
		require.NoError(t, o.Add(ServqualResponse{Perceptions: Ratings(1, 1, 1)}))
		return o
	}())
	assert.ErrorIs(t, err, ErrMismatch)
	assert.Contains(t, err.Error(), `instrument "small" and "other" differ`)
}

func TestAllocationValidate(t *testing.T) {
	tests := []struct {
		a    Allocation
		want error
	}{
		{Allocation{}, nil},
		{Allocation{100}, nil},
		{Allocation{20, 20, 20, 20, 20}, nil},
		{Allocation{0, 0, 0, 0, 100}, nil},
		{Allocation{100.5, -0.5}, ErrInvalidWeights},
		{Allocation{99}, ErrInvalidWeights},
		{Allocation{101}, ErrInvalidWeights},
		{Allocation{nan, 100}, ErrInvalidWeights},
	}
	for _, tt := range tests {
		err := tt.a.Validate()
		if tt.want == nil {
			assert.NoError(t, err, "%v", tt.a)
		} else {
			assert.ErrorIs(t, err, tt.want, "%v", tt.a)
		}
	}
	assert.True(t, Allocation{}.IsZero())
	assert.False(t, Allocation{0, 0, 0, 0, 100}.IsZero())
}

// The gap SD treats weights as frequencies: with weights summing to 1 (two
// respondents of weight 0.5, gaps −2 and 0) there is no degree of freedom
// left, so the SD is undefined (NaN), although the mean gap −1 is defined.
func TestServqualGapSDNeedsWeightAboveOne(t *testing.T) {
	s := NewServqual(MustInstrument("one", Likert7, []Item{{ID: "a", Dimension: DimEmpathy}}))
	require.NoError(t, s.Add(ServqualResponse{Expectations: Ratings(5), Perceptions: Ratings(3), Weight: 0.5}))
	require.NoError(t, s.Add(ServqualResponse{Expectations: Ratings(4), Perceptions: Ratings(4), Weight: 0.5}))
	it := s.Result().Items[0]
	assert.Equal(t, -1.0, it.Gap)
	assert.True(t, math.IsNaN(it.GapSD), "%v", it.GapSD)
}
