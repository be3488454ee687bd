package scorecard

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCSATScaleAndMerge(t *testing.T) {
	var zero CSAT
	assert.Equal(t, Likert5, zero.Scale(), "the zero value rates 1..5")

	c10, err := NewCSAT(ZeroToTen)
	require.NoError(t, err)
	assert.Equal(t, ZeroToTen, c10.Scale())
	require.NoError(t, c10.Add(0))  // bottom of 0..10
	require.NoError(t, c10.Add(9))  // top-2-box on 0..10
	require.NoError(t, c10.Add(10)) // top
	assert.ErrorIs(t, c10.Add(11), ErrOutOfRange)
	assert.ErrorIs(t, c10.Add(-1), ErrOutOfRange)

	// An empty accumulator adopts the scale of what it merges: afterwards it
	// accepts a 9 (outside 1..5) and its top-2 box is 9–10.
	var e CSAT
	require.NoError(t, e.Merge(c10))
	assert.Equal(t, ZeroToTen, e.Scale())
	require.NoError(t, e.Add(8))
	// 0, 9, 10, 8: top-2 answers 9 and 10 → 2/4; mean 27/4 = 6.75.
	r := e.Result()
	assert.Equal(t, 4, r.N)
	assert.Equal(t, 2, r.TopTwoN)
	assert.InDelta(t, 0.5, r.TopTwo, 1e-12)
	assert.InDelta(t, 6.75, r.Mean, 1e-12)

	// Merging nil or an empty accumulator of another scale changes nothing.
	before := e.Result()
	require.NoError(t, e.Merge(nil))
	require.NoError(t, e.Merge(&CSAT{}))
	assert.Equal(t, before, e.Result())
	assert.Equal(t, ZeroToTen, e.Scale())

	// A non-empty accumulator keeps its scale and rejects another.
	var five CSAT
	require.NoError(t, five.Add(5))
	err = five.Merge(c10)
	assert.ErrorIs(t, err, ErrMismatch)
	assert.Contains(t, err.Error(), "scales 1..5 and 0..10")
	assert.Equal(t, Likert5, five.Scale())
	assert.Equal(t, 1, five.Result().N)

	empty := zero.Result()
	assert.Equal(t, 0, empty.N)
	assert.True(t, math.IsNaN(empty.Mean) && math.IsNaN(empty.TopTwo) && math.IsNaN(empty.StdErr))
	assert.ErrorIs(t, zero.AddWeighted(5, math.Inf(1)), ErrInvalidWeights)
	assert.ErrorIs(t, zero.AddWeighted(5, 0), ErrInvalidWeights)
	assert.Equal(t, 0, zero.Result().N)
}

func TestCESMergeAndWeights(t *testing.T) {
	var c CES
	require.NoError(t, c.AddWeighted(7, 2))
	c.Merge(nil)
	c.Merge(&CES{})
	// 7 with weight 2: mean 7, easy share 1.
	r := c.Result()
	assert.Equal(t, fmt.Sprint(CESResult{N: 1, Mean: 7, Easy: 1, EasyN: 1, SD: r.SD, EffectiveN: 1, MeanCI: r.MeanCI, EasyCI: r.EasyCI}), fmt.Sprint(r)) // NaN-safe
	assert.True(t, math.IsNaN(r.SD))
	assert.ErrorIs(t, c.AddWeighted(4, 0), ErrInvalidWeights)
	assert.ErrorIs(t, c.AddWeighted(4, math.Inf(1)), ErrInvalidWeights)
	var d CES
	require.NoError(t, d.Add(1))
	d.Merge(&c)
	// 1 (weight 1) and 7 (weight 2): mean 15/3 = 5, easy share 2/3.
	r = d.Result()
	assert.Equal(t, 2, r.N)
	assert.Equal(t, 1, r.EasyN)
	assert.InDelta(t, 5, r.Mean, 1e-12)
	assert.InDelta(t, 2.0/3, r.Easy, 1e-12)
}

func TestNPSMergeNilAndWeightedMerge(t *testing.T) {
	var n NPS
	require.NoError(t, n.AddWeighted(9, 2))
	require.NoError(t, n.AddWeighted(7, 1))
	n.Merge(nil)
	var m NPS
	require.NoError(t, m.AddWeighted(3, 1))
	n.Merge(&m)
	// Weights: promoter 2, passive 1, detractor 1 → p = .5, d = .25, NPS 25;
	// Σw = 4, Σw² = 4 + 1 + 1 = 6, effective n = 16/6 = 2.6667;
	// variance .5 + .25 − .25² = .6875; SE = 100·√(.6875/2.6667) = 50.7752.
	r := n.Result()
	assert.Equal(t, NPSResult{Score: r.Score, Promoters: 1, Passives: 1, Detractors: 1, N: 3,
		StdErr: r.StdErr, MarginOfError: r.MarginOfError, EffectiveN: r.EffectiveN, PromoterShare: 0.5, DetractorShare: 0.25}, r)
	assert.InDelta(t, 25, r.Score, 1e-12)
	assert.InDelta(t, 16.0/6, r.EffectiveN, 1e-12)
	assert.InDelta(t, 50.7752, r.StdErr, 1e-4)
	assert.InDelta(t, 1.959964*50.7752, r.MarginOfError, 1e-3)
	assert.ErrorIs(t, n.AddWeighted(5, -1), ErrInvalidWeights)
	assert.ErrorIs(t, n.AddWeighted(5, nan), ErrInvalidWeights)
	assert.Equal(t, 3, n.Result().N)
}

func TestCompareNPSEdges(t *testing.T) {
	// Two unanimous samples of two: the adjusted Wald form (¾ promoter, ¾
	// detractor added, n + 3) still gives a standard error. All promoters:
	// p' = 2.75/5 = .55, d' = .15, NPS' = .4, var = (.7 − .16)/5 = .108; all
	// detractors mirror it. SE = 100·√.216 = 46.4758, z = 80/46.4758 =
	// 1.72133: with two respondents each, not significant.
	all := npsOf(t, 10, 9).Result()
	none := npsOf(t, 0, 1).Result()
	c, err := CompareNPS(all, none)
	require.NoError(t, err)
	assert.Equal(t, 200.0, c.Difference)
	assert.InDelta(t, 46.4758, c.StdErr, 1e-4)
	assert.InDelta(t, 1.72133, c.Z, 1e-5)
	assert.False(t, c.Significant)
	_, err = CompareNPS(NPSResult{}, all)
	assert.ErrorIs(t, err, ErrInsufficientData)
	assert.Contains(t, err.Error(), "sample sizes 0 and 2")

	// 60 against an all-detractor sample of two: a: NPS' = 6/13, var
	// .0398270 (see TestCompareNPS); none: NPS' = −.4, var .108.
	// SE = 100·√.147827 = 38.4483, z = 86.1538/38.4483 = 2.24077, p = 0.02504.
	a := npsOf(t, 9, 9, 9, 10, 10, 10, 10, 7, 8, 2).Result()
	c, err = CompareNPS(a, none)
	require.NoError(t, err)
	assert.InDelta(t, 160, c.Difference, 1e-9)
	assert.InDelta(t, 38.4483, c.StdErr, 1e-4)
	assert.InDelta(t, 1.959964*38.4483, c.MarginOfError, 1e-3)
	assert.InDelta(t, 2.24077, c.Z, 1e-5)
	assert.InDelta(t, 0.02504, c.PValue, 1e-5)
	assert.True(t, c.Significant)
	// Reversed, the difference and z change sign; p does not.
	c2, err := CompareNPS(none, a)
	require.NoError(t, err)
	assert.InDelta(t, -160, c2.Difference, 1e-9)
	assert.InDelta(t, -2.24077, c2.Z, 1e-5)
	assert.Equal(t, c.PValue, c2.PValue)
	// A score that does not match the shares is refused.
	bad := a
	bad.Score = 10
	_, err = CompareNPS(bad, a)
	assert.ErrorIs(t, err, ErrInvalidValue)
}

func TestSatisfactionDriversEdges(t *testing.T) {
	// Five respondents, the fewest accepted, on an exact plane
	// overall = 1 + product + 2·price (service has no effect):
	//	(1,1,1) → 4, (2,1,1) → 5, (1,2,1) → 6, (1,1,2) → 4, (2,2,2) → 7.
	// The fit is exact: intercept 1, b = (1, 2, 0), R² = 1. The relative
	// weights are the LMG shares of R² (service, with no effect of its own,
	// still gets the part of R² it shares with product and price), from R
	// (testdata/keydrivers.R on these five rows):
	//	LMG share 0.23646125116713354 0.74591503267973858 0.017623716153127911
	m, err := SatisfactionDrivers([]DriverRating{{1, 1, 1, 4}, {2, 1, 1, 5}, {1, 2, 1, 6}, {1, 1, 2, 4}, {2, 2, 2, 7}})
	require.NoError(t, err)
	assert.Equal(t, 5, m.N)
	assert.InDelta(t, 1, m.Intercept, 1e-9)
	assert.InDeltaSlice(t, []float64{1, 2, 0}, m.Coefficients[:], 1e-9)
	assert.InDeltaSlice(t, []float64{0.23646125116713354, 0.74591503267973858, 0.017623716153127911}, m.RelativeWeights[:], 1e-12)
	assert.InDelta(t, 1, m.R2, 1e-9)

	// On the 2³ design (ratings 1 or 3, centred c = ±1) an overall rating of
	// 3 + c_product·c_price·c_service is orthogonal to every element: all
	// slopes 0, intercept 3, R² 0, and no element carries any weight.
	var rows []DriverRating
	for _, p := range []float64{1, 3} {
		for _, pr := range []float64{1, 3} {
			for _, s := range []float64{1, 3} {
				rows = append(rows, DriverRating{p, pr, s, 3 + (p-2)*(pr-2)*(s-2)})
			}
		}
	}
	m, err = SatisfactionDrivers(rows)
	require.NoError(t, err)
	assert.InDelta(t, 3, m.Intercept, 1e-12)
	assert.Equal(t, [3]float64{}, m.RelativeWeights)
	assert.InDeltaSlice(t, []float64{0, 0, 0}, m.Coefficients[:], 1e-12)
	assert.InDelta(t, 0, m.R2, 1e-12)

	// A constant overall rating has nothing to explain.
	for i := range rows {
		rows[i].Overall = 4
	}
	_, err = SatisfactionDrivers(rows)
	assert.ErrorIs(t, err, ErrZeroVariance)
	assert.Contains(t, err.Error(), "overall rating does not vary")

	// Service = product + price, collinear up to the rounding of the sums
	// (0.1 and 0.3 have no exact binary form): the elimination leaves a
	// pivot of rounding noise, not exactly 0, which must still count as
	// singular — relative to the largest diagonal entry Σ product² ≈ 1.2e4.
	prod := []float64{10.1, 20.3, 30.7, 40.2, 50.9, 61.3}
	price := []float64{5.5, 3.3, 8.8, 1.1, 7.7, 2.2}
	var nearly []DriverRating
	for i := range prod {
		nearly = append(nearly, DriverRating{prod[i], price[i], prod[i] + price[i], float64(2 + i%5)})
	}
	_, err = SatisfactionDrivers(nearly)
	assert.ErrorIs(t, err, ErrZeroVariance)
	assert.Contains(t, err.Error(), "collinear")

	// Errors name the respondent; Merge(nil) is a no-op.
	_, err = SatisfactionDrivers([]DriverRating{{1, 1, 1, 1}, {1, 1, math.Inf(1), 1}})
	assert.ErrorIs(t, err, ErrOutOfRange)
	assert.Contains(t, err.Error(), "respondent 2: ")
	var d Drivers
	d.Merge(nil)
	assert.Equal(t, Drivers{}, d)
	_, err = d.Result()
	assert.ErrorIs(t, err, ErrInsufficientData)
	assert.Contains(t, err.Error(), "0 respondents, want at least 5")
}

func TestIPAErrorsAndCrosshairs(t *testing.T) {
	scales := IPAConfig{ImportanceScale: Likert5, PerformanceScale: Likert5}
	bad := scales
	bad.Crosshair = Crosshair(9)
	_, err := ImportancePerformance([]IPAInput{{"x", 3, 3}}, bad)
	assert.ErrorIs(t, err, ErrInvalidValue)
	_, err = CompetitiveIPA([]CompetitiveInput{{"x", 3, 3, 3}}, bad)
	assert.ErrorIs(t, err, ErrInvalidValue)
	_, err = ImportancePerformance([]IPAInput{{"x", 3, 5.5}}, scales)
	assert.ErrorIs(t, err, ErrOutOfRange)
	assert.Contains(t, err.Error(), "performance 5.5")
	_, err = CompetitiveIPA([]CompetitiveInput{{"x", 6, 3, 3}}, scales)
	assert.ErrorIs(t, err, ErrOutOfRange)
	_, err = CompetitiveIPA([]CompetitiveInput{{"x", 3, 3, 0}}, scales)
	assert.ErrorIs(t, err, ErrOutOfRange)
	_, err = CompetitiveIPA([]CompetitiveInput{{"x", 3, 6, 3}}, scales)
	assert.ErrorIs(t, err, ErrOutOfRange)
	_, err = CompetitiveIPA(nil, scales)
	assert.ErrorIs(t, err, ErrInsufficientData)
	_, err = CompetitiveIPA([]CompetitiveInput{{"x", 3, 3, 3}}, IPAConfig{})
	assert.ErrorIs(t, err, ErrInvalidScale)

	// Competitive grid with the importance crosshair at the data mean:
	// importances 5, 4, 1.5 → mean 3.5; speed (5, −1) concentrate here,
	// courtesy (4, +1) keep up, decor (1.5, 0) possible overkill (a tie
	// counts as high).
	cfg := scales
	cfg.Crosshair = DataMean
	r, err := CompetitiveIPA([]CompetitiveInput{{"speed", 5, 3, 4}, {"courtesy", 4, 4, 3}, {"decor", 1.5, 2, 2}}, cfg)
	require.NoError(t, err)
	assert.InDelta(t, 3.5, r.ImportanceCut, 1e-12)
	assert.Equal(t, 0.0, r.PerformanceCut)
	assert.Equal(t, []Quadrant{ConcentrateHere, KeepUpTheGoodWork, PossibleOverkill},
		[]Quadrant{r.Points[0].Quadrant, r.Points[1].Quadrant, r.Points[2].Quadrant})
	// With the scale midpoint 3 instead, decor (1.5) is still low and
	// courtesy (4) high: same quadrants, cut 3.
	r, err = CompetitiveIPA([]CompetitiveInput{{"speed", 5, 3, 4}, {"courtesy", 4, 4, 3}, {"decor", 1.5, 2, 2}}, scales)
	require.NoError(t, err)
	assert.Equal(t, 3.0, r.ImportanceCut)

	// Different scales for the two axes: importance 1..10 (midpoint 5.5),
	// performance 1..5 (midpoint 3).
	r, err = ImportancePerformance([]IPAInput{{"a", 5.5, 2.9}, {"b", 5.4, 3}},
		IPAConfig{ImportanceScale: Scale{1, 10}, PerformanceScale: Likert5})
	require.NoError(t, err)
	assert.Equal(t, 5.5, r.ImportanceCut)
	assert.Equal(t, 3.0, r.PerformanceCut)
	assert.Equal(t, []Quadrant{ConcentrateHere, PossibleOverkill}, []Quadrant{r.Points[0].Quadrant, r.Points[1].Quadrant})
	assert.Equal(t, map[Quadrant][]string{ConcentrateHere: {"a"}, PossibleOverkill: {"b"}}, r.Quadrants())
}

func TestReportCardIPAEdges(t *testing.T) {
	rc := bankCard(t)
	_, err := rc.IPA(Crosshair(5))
	assert.ErrorIs(t, err, ErrInvalidValue)
	_, err = rc.CompetitiveIPA(0)
	assert.ErrorIs(t, err, ErrInvalidValue)
	assert.Contains(t, err.Error(), "competitor 0: want 1..2")
	// Against A (3 4 4): speed +1, courtesy −1, facilities +1. Weights .5 .3
	// .2 against 1/3: speed keep up, courtesy low priority, facilities
	// possible overkill.
	r, err := rc.CompetitiveIPA(1)
	require.NoError(t, err)
	assert.InDelta(t, 1.0/3, r.ImportanceCut, 1e-12)
	assert.Equal(t, []float64{1, -1, 1}, []float64{r.Points[0].Performance, r.Points[1].Performance, r.Points[2].Performance})
	assert.Equal(t, []Quadrant{KeepUpTheGoodWork, LowPriority, PossibleOverkill},
		[]Quadrant{r.Points[0].Quadrant, r.Points[1].Quadrant, r.Points[2].Quadrant})
	assert.True(t, r.Competitive)
	// The importance cut is 1/n: with our scores 4 3 5 and the midpoint
	// crosshair, IPA reports cut 1/3 and performance cut 3.
	r, err = rc.IPA(ScaleMidpoint)
	require.NoError(t, err)
	assert.InDelta(t, 1.0/3, r.ImportanceCut, 1e-12)
	assert.Equal(t, 3.0, r.PerformanceCut)
	assert.Equal(t, 0.5, r.Points[0].Importance)
	assert.False(t, r.Competitive)
}

func TestIPAChartLabelsAndFlatSpan(t *testing.T) {
	// 53 points: letters A–Z, a–z, then '*'.
	pts := make([]IPAPoint, 53)
	for i := range pts {
		pts[i] = IPAPoint{Name: "p", Importance: 3, Performance: 3}
	}
	chart := IPAResult{ImportanceCut: 3, PerformanceCut: 3, Points: pts}.Chart(20, 8)
	assert.Contains(t, chart, "  A p ")
	assert.Contains(t, chart, "  z p ")
	assert.Contains(t, chart, "  * p ")
	// Every value is 3, so the axes are padded by 1 on each side: 2 .. 4.
	assert.Contains(t, chart, "performance: 2 .. 4;")
	assert.True(t, strings.HasPrefix(chart, "importance 4\n"), chart)
	assert.Contains(t, chart, "\nimportance 2\n")
	assert.Equal(t, byte('*'), label(52))
	assert.Equal(t, byte('z'), label(51))
	lo, hi := span([]float64{2, 4})
	assert.InDelta(t, 1.9, lo, 1e-12) // pad 5 % of the range 2
	assert.InDelta(t, 4.1, hi, 1e-12)
	lo, hi = span(nil)
	assert.Equal(t, []float64{-1, 1}, []float64{lo, hi})
}

// Indicators maps results field by field; the inputs are literals, so each
// expected value is the input (×100 for shares).
func TestIndicatorsAllSources(t *testing.T) {
	sq := ServqualResult{Respondents: 40, Gap: -0.8, Perception: 5.1,
		Dimensions: []DimensionScore{{Dimension: DimResponsiveness, Gap: -1.2, Perception: 4.5}}}
	csat := CSATResult{N: 50, TopTwo: 0.62}
	ms := MysteryShopResult{Overall: GroupScore{Visits: 8, MeanScore: 0.75}}
	got := Indicators(SurveyResults{Servqual: &sq, CSAT: &csat, Mystery: &ms})
	assert.Equal(t, []Indicator{
		{Name: "CSAT top-2-box", Category: CategoryQuality, Unit: "percent", Value: 62, N: 50},
		{Name: "SERVQUAL gap", Category: CategoryQuality, Unit: "index", Value: -0.8, N: 40},
		{Name: "SERVPERF perception", Category: CategoryQuality, Unit: "index", Value: 5.1, N: 40},
		{Name: "mystery shopper score", Category: CategoryQuality, Unit: "percent", Value: 75, N: 8},
		{Name: "SERVQUAL responsiveness gap", Category: CategoryResponsiveness, Unit: "index", Value: -1.2, N: 40},
		{Name: "SERVQUAL responsiveness perception", Category: CategoryResponsiveness, Unit: "index", Value: 4.5, N: 40},
		{Name: "SERVQUAL questionnaires", Category: CategoryVolume, Unit: "count", Value: 40, N: 40},
		{Name: "CSAT answers", Category: CategoryVolume, Unit: "count", Value: 50, N: 50},
		{Name: "mystery shopper visits", Category: CategoryVolume, Unit: "count", Value: 8, N: 8},
	}, got)
	// A result with no respondents yields nothing, not a count of 0.
	assert.Empty(t, Indicators(SurveyResults{Servqual: &ServqualResult{}, Mystery: &MysteryShopResult{}}))
	assert.Empty(t, Indicators(SurveyResults{}))
}
