package scorecard

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func bankCard(t *testing.T) *ReportCard {
	t.Helper()
	rc, err := NewReportCard(Likert5,
		[]Attribute{{"Speed", 50}, {"Courtesy", 30}, {"Facilities", 20}},
		Provider{"Us", []float64{4, 3, 5}},
		Provider{"A", []float64{3, 4, 4}},
		Provider{"B", []float64{5, 2, 3}},
	)
	require.NoError(t, err)
	return rc
}

// Weights 50/30/20 points → .5/.3/.2.
//
//	Us .5·4 + .3·3 + .2·5 = 2 + .9 + 1 = 3.9
//	A  .5·3 + .3·4 + .2·4 = 1.5 + 1.2 + .8 = 3.5
//	B  .5·5 + .3·2 + .2·3 = 2.5 + .6 + .6 = 3.7
//
// Ranks Us 1, A 3, B 2; differences 0, .4, .2; ratios 1, 3.9/3.5 = 1.114286,
// 3.9/3.7 = 1.054054.
func TestReportCardByHand(t *testing.T) {
	r := bankCard(t).Result()
	assert.Equal(t, []string{"Us", "A", "B"}, r.Providers)
	assert.InDeltaSlice(t, []float64{3.9, 3.5, 3.7}, r.Overall, 1e-12)
	assert.Equal(t, []int{1, 3, 2}, r.Rank)
	assert.InDeltaSlice(t, []float64{0, 0.4, 0.2}, r.Difference, 1e-12)
	assert.InDeltaSlice(t, []float64{1, 1.114286, 1.054054}, r.Ratio, 1e-6)
	speed := r.Attributes[0]
	assert.Equal(t, 0.5, speed.Weight)
	assert.Equal(t, []float64{0, 1, -1}, speed.Difference)
	assert.Equal(t, []int{2, 3, 1}, speed.Rank) // B 5 > Us 4 > A 3
	assert.InDeltaSlice(t, []float64{1, 4.0 / 3, 0.8}, speed.Ratio, 1e-12)
}

func TestReportCardFractionsAndTies(t *testing.T) {
	rc, err := NewReportCard(ZeroToTen, []Attribute{{"x", 0.25}, {"y", 0.75}},
		Provider{"Us", []float64{8, 0}}, Provider{"Them", []float64{8, 0}})
	require.NoError(t, err)
	r := rc.Result()
	assert.Equal(t, []int{1, 1}, r.Rank, "ties share the better rank")
	assert.Equal(t, []float64{0.25, 0.75}, rc.Weights())
	assert.True(t, r.Attributes[1].Ratio[1] != r.Attributes[1].Ratio[1], "0/0 ratio is NaN")
}

func TestReportCardErrors(t *testing.T) {
	tests := []struct {
		name  string
		attrs []Attribute
		us    Provider
		comp  []Provider
		want  error
	}{
		{"weights sum to 90", []Attribute{{"x", 45}, {"y", 45}}, Provider{"Us", []float64{1, 1}}, nil, ErrInvalidWeights},
		{"negative weight", []Attribute{{"x", 1.5}, {"y", -0.5}}, Provider{"Us", []float64{1, 1}}, nil, ErrInvalidWeights},
		{"NaN weight", []Attribute{{"x", nan}, {"y", 1}}, Provider{"Us", []float64{1, 1}}, nil, ErrInvalidWeights},
		{"no attributes", nil, Provider{"Us", nil}, nil, ErrInvalidInstrument},
		{"duplicate attribute", []Attribute{{"x", .5}, {"x", .5}}, Provider{"Us", []float64{1, 1}}, nil, ErrInvalidInstrument},
		{"ragged scores", []Attribute{{"x", .5}, {"y", .5}}, Provider{"Us", []float64{1}}, nil, ErrRagged},
		{"score above scale", []Attribute{{"x", .5}, {"y", .5}}, Provider{"Us", []float64{1, 6}}, nil, ErrOutOfRange},
		{"NaN score", []Attribute{{"x", .5}, {"y", .5}}, Provider{"Us", []float64{1, 2}}, []Provider{{"C", []float64{nan, 1}}}, ErrOutOfRange},
		{"duplicate provider", []Attribute{{"x", 1}}, Provider{"Us", []float64{1}}, []Provider{{"Us", []float64{1}}}, ErrInvalidInstrument},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewReportCard(Likert5, tt.attrs, tt.us, tt.comp...)
			require.ErrorIs(t, err, tt.want)
			assert.Contains(t, err.Error(), "scorecard: report card")
		})
	}
}

func TestReportCardJSON(t *testing.T) {
	rc := bankCard(t)
	b, err := json.Marshal(rc)
	require.NoError(t, err)
	var back ReportCard
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, rc.Result(), back.Result())
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"scale":{"min":1,"max":5},"attributes":[{"name":"x","importance":1}],"providers":[]}`), &back), ErrInvalidInstrument)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"scale":{"min":1,"max":5},"attributes":[{"name":"x","importance":2}],"providers":[{"name":"u","scores":[1]}]}`), &back), ErrInvalidWeights)
}

// Points on 1..5 scales (midpoint 3):
//
//	X (4.5, 2)  high importance, low performance   → concentrate here
//	Y (4, 4)    high, high                          → keep up the good work
//	Z (2, 2)    low, low                            → low priority
//	W (2, 4.5)  low, high                           → possible overkill
//	V (3, 3)    on the crosshair: counts as high    → keep up the good work
//
// With the crosshair at the data means, importance (4.5+4+2+2+3)/5 = 3.1 and
// performance (2+4+2+4.5+3)/5 = 3.1, V falls to low priority.
func TestImportancePerformance(t *testing.T) {
	pts := []IPAInput{{"X", 4.5, 2}, {"Y", 4, 4}, {"Z", 2, 2}, {"W", 2, 4.5}, {"V", 3, 3}}
	cfg := IPAConfig{Crosshair: ScaleMidpoint, ImportanceScale: Likert5, PerformanceScale: Likert5}
	r, err := ImportancePerformance(pts, cfg)
	require.NoError(t, err)
	got := []Quadrant{}
	for _, p := range r.Points {
		got = append(got, p.Quadrant)
	}
	assert.Equal(t, []Quadrant{ConcentrateHere, KeepUpTheGoodWork, LowPriority, PossibleOverkill, KeepUpTheGoodWork}, got)
	assert.Equal(t, 3.0, r.ImportanceCut)
	assert.Equal(t, []string{"Y", "V"}, r.Quadrants()[KeepUpTheGoodWork])

	cfg.Crosshair = DataMean
	r, err = ImportancePerformance(pts, cfg)
	require.NoError(t, err)
	assert.InDelta(t, 3.1, r.ImportanceCut, 1e-12)
	assert.InDelta(t, 3.1, r.PerformanceCut, 1e-12)
	assert.Equal(t, LowPriority, r.Points[4].Quadrant)

	_, err = ImportancePerformance([]IPAInput{{"X", 6, 1}}, IPAConfig{ImportanceScale: Likert5, PerformanceScale: Likert5})
	assert.ErrorIs(t, err, ErrOutOfRange)
	_, err = ImportancePerformance(nil, IPAConfig{ImportanceScale: Likert5, PerformanceScale: Likert5})
	assert.ErrorIs(t, err, ErrInsufficientData)
	_, err = ImportancePerformance(pts, IPAConfig{})
	assert.ErrorIs(t, err, ErrInvalidScale)
}

func TestCompetitiveIPA(t *testing.T) {
	// Ours − theirs: speed 4−5 = −1 (behind), courtesy 3−3 = 0 (a tie counts as
	// high), decor 2−4 = −2. Importance midpoint 3: speed 5 and courtesy 4 high,
	// decor 1 low.
	r, err := CompetitiveIPA([]CompetitiveInput{{"speed", 5, 4, 5}, {"courtesy", 4, 3, 3}, {"decor", 1, 2, 4}},
		IPAConfig{ImportanceScale: Likert5, PerformanceScale: Likert5})
	require.NoError(t, err)
	assert.Equal(t, ConcentrateHere, r.Points[0].Quadrant)
	assert.Equal(t, KeepUpTheGoodWork, r.Points[1].Quadrant)
	assert.Equal(t, LowPriority, r.Points[2].Quadrant)
	assert.Equal(t, -2.0, r.Points[2].Performance)
	assert.True(t, r.Competitive)
}

func TestReportCardIPA(t *testing.T) {
	rc := bankCard(t)
	// Weights .5 .3 .2 against 1/3: speed high, courtesy and facilities low.
	// Our scores 4 3 5 against midpoint 3 (all high): speed keep up, courtesy
	// and facilities possible overkill. Against our mean 4: courtesy (3) low.
	r, err := rc.IPA(ScaleMidpoint)
	require.NoError(t, err)
	assert.Equal(t, []Quadrant{KeepUpTheGoodWork, PossibleOverkill, PossibleOverkill},
		[]Quadrant{r.Points[0].Quadrant, r.Points[1].Quadrant, r.Points[2].Quadrant})
	r, err = rc.IPA(DataMean)
	require.NoError(t, err)
	assert.Equal(t, 4.0, r.PerformanceCut)
	assert.Equal(t, LowPriority, r.Points[1].Quadrant)
	// Against B (5 2 3): speed −1 → concentrate here; courtesy +1, facilities +2.
	r, err = rc.CompetitiveIPA(2)
	require.NoError(t, err)
	assert.Equal(t, ConcentrateHere, r.Points[0].Quadrant)
	assert.Equal(t, PossibleOverkill, r.Points[1].Quadrant)
	_, err = rc.CompetitiveIPA(3)
	assert.ErrorIs(t, err, ErrInvalidValue)
	chart := r.Chart(40, 10)
	assert.Contains(t, chart, "A Speed")
	assert.Contains(t, chart, "concentrate-here")
}

// Two customers rate importance and two providers on two attributes (1..5):
//
//	importance: speed 5, 4 → 4.5; decor 2, NA → 2. Weights 4.5/6.5 = .692308, 2/6.5 = .307692
//	Us:   speed 2, 3 → 2.5; decor 5, 4 → 4.5
//	Them: speed 4, (not rated) → 4; decor 3 → 3
//
// IPA at the midpoint 3: speed (4.5, 2.5) concentrate here; decor (2, 4.5)
// possible overkill.
func TestCardSurvey(t *testing.T) {
	s, err := NewCardSurvey(Likert5, []string{"speed", "decor"}, []string{"Us", "Them"})
	require.NoError(t, err)
	require.NoError(t, s.Add(CardResponse{Importance: Ratings(5, 2), Scores: [][]Answer{Ratings(2, 5), Ratings(4, 3)}}))
	other, err := NewCardSurvey(Likert5, []string{"speed", "decor"}, []string{"Us", "Them"})
	require.NoError(t, err)
	require.NoError(t, other.Add(CardResponse{Importance: []Answer{Rated(4), NA()}, Scores: [][]Answer{Ratings(3, 4)}}))
	require.ErrorIs(t, other.Add(CardResponse{Scores: [][]Answer{Ratings(3, 9)}}), ErrOutOfRange)
	require.ErrorIs(t, other.Add(CardResponse{Scores: [][]Answer{Ratings(3)}}), ErrRagged)
	require.NoError(t, s.Merge(other))
	assert.Equal(t, 2, s.Respondents())
	card, err := s.Card()
	require.NoError(t, err)
	assert.InDeltaSlice(t, []float64{4.5 / 6.5, 2 / 6.5}, card.Weights(), 1e-12)
	assert.Equal(t, []float64{2.5, 4.5}, card.Providers()[0].Scores)
	assert.Equal(t, []float64{4, 3}, card.Providers()[1].Scores)
	ipa, err := s.IPA(ScaleMidpoint)
	require.NoError(t, err)
	assert.Equal(t, ConcentrateHere, ipa.Points[0].Quadrant)
	assert.Equal(t, PossibleOverkill, ipa.Points[1].Quadrant)

	empty, _ := NewCardSurvey(Likert5, []string{"speed"}, []string{"Us"})
	_, err = empty.Card()
	assert.ErrorIs(t, err, ErrInsufficientData)
	_, err = NewCardSurvey(Likert5, []string{"a", "a"}, nil)
	assert.ErrorIs(t, err, ErrInvalidInstrument)
}

// A hand-built result with NaN or huge values still draws (nothing panics).
func TestIPAChartRobust(t *testing.T) {
	r := IPAResult{ImportanceCut: nan, PerformanceCut: 1e308, Points: []IPAPoint{{"x", nan, 1, LowPriority}, {"y", -1e308, 1e308, LowPriority}}}
	assert.Contains(t, r.Chart(10, 3), "A x")
	assert.Contains(t, IPAResult{}.Chart(0, 0), "crosshair")
}
