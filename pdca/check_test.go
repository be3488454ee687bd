package pdca

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var fcr = Indicator{Name: "first-contact resolution", Category: QualityOfWork, Unit: Percent, Direction: HigherIsBetter}

// pSeries returns samples of 100 contacts with the given numbers resolved.
func pSeries(prefix string, resolved ...int) Series {
	s := make(Series, len(resolved))
	for i, r := range resolved {
		s[i] = Sample{Period: fmt.Sprintf("%s-%02d", prefix, i+1), Value: float64(r), Size: 100}
	}
	return s
}

func repeat(v, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = v
	}
	return out
}

// baseline20 alternates 68 and 72 resolved out of 100 for 20 days:
// p̄ = 1400/2000 = 0.70, σ_p = √(0.7·0.3/100) = 0.0458258, limits
// 0.70 ± 0.1374773 = [0.5625227, 0.8374773]; 2σ zone above: 0.7916515,
// below: 0.6083485.
func baseline20() Series {
	r := make([]int, 20)
	for i := range r {
		r[i] = 68 + 4*(i%2)
	}
	return pSeries("base", r...)
}

func TestCheckVerdicts(t *testing.T) {
	atLeast := func(x float64) Standard { return Standard{Target: x, Sides: AtLeast} }
	plan := CheckPlan{Rules: WesternElectric}
	tests := []struct {
		name      string
		target    Standard
		after     Series
		verdict   Verdict
		suggested Decision
		fav, adv  int
	}{
		// 80/100 = 0.80 > 0.7916515 for 20 days: WE2 at indices 2..19 (18),
		// WE3 at 4..19 (16), WE4 at 7..19 (13): 47 favourable; level 0.80 ≥
		// 0.78, and 20 points give the new standard its limits.
		{"improved, target met", atLeast(0.78), pSeries("after", repeat(80, 20)...), ImprovedTargetMet, Standardize, 47, 0},
		{"improved, target missed", atLeast(0.85), pSeries("after", repeat(80, 20)...), ImprovedTargetMissed, Adjust, 47, 0},
		// 10 days show the improvement (WE2 at 2..9, WE3 at 4..9, WE4 at
		// 7..9: 17) but cannot give new limits yet: keep measuring.
		{"improved in 10 points", atLeast(0.78), pSeries("after", repeat(80, 10)...), ImprovedTargetMet, DecisionNone, 17, 0},
		{"improved in 10 points, target missed", atLeast(0.85), pSeries("after", repeat(80, 10)...), ImprovedTargetMissed, DecisionNone, 17, 0},
		// 60/100 = 0.60 < 0.6083485: the same 17 signals, adverse.
		{"deteriorated", atLeast(0.78), pSeries("after", repeat(60, 10)...), Deteriorated, Abandon, 0, 17},
		// 69 and 71 alternate around 0.70: no rule fires in 10 ≥ 8 points.
		{"no change", atLeast(0.78), pSeries("after", 69, 71, 69, 71, 69, 71, 69, 71, 69, 71), NoChange, Adjust, 0, 0},
		// A month "above target" by noise alone is still no change: 0.70 ≥ 0.69.
		{"no change though target met", atLeast(0.69), pSeries("after", 69, 71, 69, 71, 69, 71, 69, 71, 69, 71), NoChange, Adjust, 0, 0},
		// 5 quiet points cannot show "no change" (WE4 needs 8).
		{"too few points", atLeast(0.78), pSeries("after", 71, 71, 71, 71, 71), InsufficientData, DecisionNone, 0, 0},
		// But one point above the UCL (0.90 > 0.8374773) is a signal already.
		{"early signal", atLeast(0.78), pSeries("after", 90), ImprovedTargetMet, DecisionNone, 1, 0},
		{"no data yet", atLeast(0.78), nil, InsufficientData, DecisionNone, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Check(fcr, tt.target, baseline20(), tt.after, plan)
			require.NoError(t, err)
			assert.Equal(t, tt.verdict, res.Verdict, res.Reason)
			assert.Equal(t, tt.suggested, res.Suggested)
			assert.Len(t, res.Favourable(), tt.fav)
			assert.Len(t, res.Adverse(), tt.adv)
			assert.NotEmpty(t, res.Reason)
			if len(tt.after) > 0 {
				assert.InDelta(t, 0.70, res.Baseline.Center, 1e-12)
				assert.InDelta(t, 0.5625227, res.After.LCL[0], 1e-7)
				assert.InDelta(t, 0.8374773, res.After.UCL[0], 1e-7)
			}
		})
	}
}

func TestCheckEvidence(t *testing.T) {
	res, err := Check(fcr, Standard{Target: 0.78, Sides: AtLeast}, baseline20(), pSeries("after", 75, 80, 81), CheckPlan{Rules: RuleSet{WE2}})
	require.NoError(t, err)
	// 0.75 is inside 2σ (0.7916515); 0.80 and 0.81 beyond: WE2 at index 2 only
	// (index 1 has no full window of three).
	require.Len(t, res.Evidence, 1)
	assert.Equal(t, Evidence{Rule: WE2, Index: 2, Period: "after-03", Value: 0.81, Effect: Favourable}, res.Evidence[0])
	// Level: (75 + 80 + 81)/300 = 0.786667.
	assert.InDelta(t, 236.0/300, res.Level, 1e-12)
}

func TestCheckLowerIsBetter(t *testing.T) {
	// Complaints per day on a c chart: baseline alternates 8 and 12, c̄ = 10,
	// limits 10 ± 3√10 = 10 ± 9.486833; 2σ below: 10 − 6.324555 = 3.675445.
	// After the change, 3 a day: below 2σ, favourable when lower is better.
	complaints := Indicator{Name: "complaints", Category: QualityOfWork, Unit: Count, Direction: LowerIsBetter}
	var base, after Series
	for i := range 20 {
		base = append(base, Sample{Period: fmt.Sprint(i), Value: float64(8 + 4*(i%2))})
	}
	for i := range 9 {
		after = append(after, Sample{Period: fmt.Sprint(i), Value: 3})
	}
	res, err := Check(complaints, Standard{Target: 5, Sides: AtMost}, base, after, CheckPlan{Rules: Nelson})
	require.NoError(t, err)
	assert.Equal(t, ImprovedTargetMet, res.Verdict)
	assert.Empty(t, res.Adverse())
	assert.Equal(t, Defects, res.After.Kind)
}

func TestCheckBadInput(t *testing.T) {
	plan := CheckPlan{Rules: WesternElectric}
	target := Standard{Target: 0.8, Sides: AtLeast}
	_, err := Check(fcr, target, baseline20(), pSeries("after", 101), plan)
	assert.ErrorIs(t, err, ErrInvalidData, "resolved above contacts")
	_, err = Check(fcr, target, baseline20(), Series{{Period: "x", Value: -1, Size: 100}}, plan)
	assert.ErrorIs(t, err, ErrInvalidData, "negative count")
	_, err = Check(fcr, Standard{Target: 0.8}, baseline20(), nil, plan)
	assert.ErrorIs(t, err, ErrInvalidSpec)
	_, err = Check(Indicator{}, target, baseline20(), nil, plan)
	assert.ErrorIs(t, err, ErrInvalidCycle)
	_, err = Check(fcr, target, baseline20(), nil, CheckPlan{})
	assert.ErrorIs(t, err, ErrInvalidCycle)

	// A short baseline is a verdict, not an error.
	res, err := Check(fcr, target, baseline20()[:10], pSeries("after", repeat(80, 10)...), plan)
	require.NoError(t, err)
	assert.Equal(t, InsufficientData, res.Verdict)
	assert.Contains(t, res.Reason, "baseline has 10 points")
}

func TestRecommendedChart(t *testing.T) {
	for unit, want := range map[Unit]ChartKind{Percent: Proportions, Count: Defects, Rate: DefectsPerUnit, Duration: Individuals, Amount: Individuals, UnitUnknown: ChartUnknown} {
		assert.Equal(t, want, Indicator{Unit: unit}.RecommendedChart(), "%v", unit)
	}
	assert.Equal(t, Means, Indicator{Unit: Duration, Chart: Means}.RecommendedChart())
}

func TestCheckIndividualsAndMeans(t *testing.T) {
	// Handling time in minutes, one value a day, lower is better. Baseline
	// alternates 9 and 11: x̄ = 10, MR̄ = 2, σ̂ = 2/1.128379 = 1.772454,
	// limits 10 ± 5.317362; 2σ below: 6.455091. After: 6 a day for 9 days.
	aht := Indicator{Name: "handling time", Category: Efficiency, Unit: Duration, Direction: LowerIsBetter}
	var base, after Series
	for i := range 20 {
		base = append(base, Sample{Period: fmt.Sprint(i), Value: float64(9 + 2*(i%2))})
	}
	for i := range 9 {
		after = append(after, Sample{Period: fmt.Sprint(i), Value: 6})
	}
	res, err := Check(aht, Standard{Target: 7, Sides: AtMost}, base, after, CheckPlan{Rules: WesternElectric})
	require.NoError(t, err)
	assert.Equal(t, Individuals, res.After.Kind)
	assert.InDelta(t, 10-5.317362, res.After.LCL[0], 1e-5)
	assert.Equal(t, ImprovedTargetMet, res.Verdict)
	assert.Empty(t, res.Adverse())

	// The same indicator measured in subgroups of 3 calls a day on an X̄
	// chart: baseline subgroups {9, 10, 11}: S = 1, S̄ = 1, σ̂ = 1/c₄(3) =
	// 1.128379, limits 10 ± 3·1.128379/√3 = 10 ± 1.954410. After: {12, 13,
	// 14}, mean 13 > UCL 11.954410: adverse.
	aht.Chart = Means
	base, after = nil, nil
	for i := range 20 {
		base = append(base, Sample{Period: fmt.Sprint(i), Subgroup: []float64{9, 10, 11}})
	}
	after = append(after, Sample{Period: "a", Subgroup: []float64{12, 13, 14}})
	res, err = Check(aht, Standard{Target: 7, Sides: AtMost}, base, after, CheckPlan{Rules: WesternElectric})
	require.NoError(t, err)
	assert.InDelta(t, 11.954410, res.After.UCL[0], 1e-5)
	assert.Equal(t, Deteriorated, res.Verdict)
	assert.Equal(t, Abandon, res.Suggested)
	// A subgroup of 2 after subgroups of 3 gets its own limits (qcc's
	// newsizes): 10 ± 3·1.128379/√2 = 10 ± 2.393654.
	res, err = Check(aht, Standard{Target: 7, Sides: AtMost}, base, Series{{Period: "r", Subgroup: []float64{9, 10}}}, CheckPlan{Rules: WesternElectric})
	require.NoError(t, err)
	assert.InDelta(t, 12.393654, res.After.UCL[0], 1e-5)
	assert.Equal(t, []float64{2}, res.After.Sizes)
	_, err = Check(aht, Standard{Target: 7, Sides: AtMost}, base, Series{{Period: "r", Subgroup: []float64{9}}}, CheckPlan{Rules: WesternElectric})
	assert.ErrorIs(t, err, ErrInvalidData, "a subgroup of one value has no range")
}

// indexSeries returns one value per period.
func indexSeries(values ...float64) Series {
	s := make(Series, len(values))
	for i, v := range values {
		s[i] = Sample{Period: fmt.Sprintf("p%02d", i+1), Value: v}
	}
	return s
}

// baselineI alternates 9 and 11 for 20 periods: x̄ = 10, every moving range
// is 2, σ̂ = 2/d₂(2) = 2/(2/√π) = √π = 1.772454, limits 10 ± 5.317362 =
// [4.682638, 15.317362], 2σ zone beyond 13.544908 and below 6.455092,
// 1σ zone beyond 11.772454 and below 8.227546.
func baselineI() Series {
	v := make([]float64, 20)
	for i := range v {
		v[i] = 9 + 2*float64(i%2)
	}
	return indexSeries(v...)
}

func TestCheckMixedSignals(t *testing.T) {
	csat := Indicator{Name: "satisfaction index", Category: QualityOfWork, Unit: Index, Direction: HigherIsBetter}
	lower := csat
	lower.Direction = LowerIsBetter
	target := Standard{Target: 11, Sides: AtLeast}
	tests := []struct {
		name      string
		ind       Indicator
		after     Series
		verdict   Verdict
		suggested Decision
		fav, adv  int
		level     float64
	}{
		// Signals both ways are an unstable process whatever the level
		// (issue 15, defect 1): 16 > UCL (WE1 up), 4 < LCL (WE1 down), 16
		// again (WE1 up, and WE2: indices 0 and 2 beyond +2σ): 3 favourable,
		// 1 adverse, level 36/3 = 12.
		{"both, level up", csat, indexSeries(16, 4, 16), Unstable, Adjust, 3, 1, 12},
		// The mirror: 3 adverse, 1 favourable, level 24/3 = 8.
		{"both, level down", csat, indexSeries(4, 16, 4), Unstable, Adjust, 1, 3, 8},
		// One each, the level (16 + 4)/2 = 10 on the centre.
		{"both, level unchanged", csat, indexSeries(16, 4), Unstable, Adjust, 1, 1, 10},
		// Lower is better: 16, 4, 16 is 1 favourable (the 4) and 3 adverse.
		{"lower is better, level up", lower, indexSeries(16, 4, 16), Unstable, Adjust, 1, 3, 12},
		{"lower is better, level down", lower, indexSeries(4, 16, 4), Unstable, Adjust, 3, 1, 8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Check(tt.ind, target, baselineI(), tt.after, CheckPlan{Rules: WesternElectric})
			require.NoError(t, err)
			assert.InDelta(t, 10, res.Baseline.Center, 1e-12)
			assert.InDelta(t, math.Sqrt(math.Pi), res.Baseline.Sigma, 1e-7)
			assert.Equal(t, tt.verdict, res.Verdict, res.Reason)
			assert.Equal(t, tt.suggested, res.Suggested)
			assert.Len(t, res.Favourable(), tt.fav)
			assert.Len(t, res.Adverse(), tt.adv)
			assert.InDelta(t, tt.level, res.Level, 1e-12)
		})
	}
}

func TestCheckTrendAndVariationSignals(t *testing.T) {
	csat := Indicator{Name: "satisfaction index", Category: QualityOfWork, Unit: Index, Direction: HigherIsBetter}
	target := Standard{Target: 11.5, Sides: AtLeast}
	alternating := make([]float64, 15)
	for i := range alternating {
		alternating[i] = 10.5 - float64(i%2) // 10.5 at even, 9.5 at odd indices: all within 1σ
	}
	tests := []struct {
		name     string
		after    Series
		verdict  Verdict
		evidence []Evidence
	}{
		// Six rising points inside every zone but the 1σ one (only 12, 12.5
		// and 13 pass 11.772454: three of five, not four): Nelson 3 alone,
		// at index 5, upward, so favourable; level 70.5/6 = 11.75 ≥ 11.5.
		{"rising trend", indexSeries(10.5, 11, 11.5, 12, 12.5, 13), ImprovedTargetMet,
			[]Evidence{{Rule: Nelson3, Index: 5, Period: "p06", Value: 13, Effect: Favourable}}},
		// Six falling points (only 8 and 7.5 and 7 below 8.227546): adverse.
		{"falling trend", indexSeries(9.5, 9, 8.5, 8, 7.5, 7), Deteriorated,
			[]Evidence{{Rule: Nelson3, Index: 5, Period: "p06", Value: 7, Effect: Adverse}}},
		// Fifteen alternating points within 1σ: Nelson 4 (fourteen
		// alternating) at indices 13 and 14, Nelson 7 (fifteen within 1σ) at
		// 14; both are changes in variation, neutral: no change in level, but
		// not the same process either (issue 15, defect 1).
		{"variation only", indexSeries(alternating...), Unstable, []Evidence{
			{Rule: Nelson4, Index: 13, Period: "p14", Value: 9.5, Effect: Neutral}, // odd index: 9.5
			{Rule: Nelson4, Index: 14, Period: "p15", Value: 10.5, Effect: Neutral},
			{Rule: Nelson7, Index: 14, Period: "p15", Value: 10.5, Effect: Neutral},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Check(csat, target, baselineI(), tt.after, CheckPlan{Rules: Nelson})
			require.NoError(t, err)
			assert.Equal(t, tt.verdict, res.Verdict, res.Reason)
			assert.Equal(t, tt.evidence, res.Evidence)
		})
	}
}

func TestStandardMet(t *testing.T) {
	tests := []struct {
		s     Standard
		value float64
		want  bool
	}{
		{Standard{Target: 0.8, Sides: AtLeast}, 0.8, true}, // on the target meets it
		{Standard{Target: 0.8, Sides: AtLeast}, 0.79, false},
		{Standard{Target: 5, Sides: AtMost}, 5, true},
		{Standard{Target: 5, Sides: AtMost}, 5.5, false},
		{Standard{Target: 10, Sides: Within, Tolerance: 2}, 12, true}, // |12 − 10| = 2 ≤ 2
		{Standard{Target: 10, Sides: Within, Tolerance: 2}, 8, true},
		{Standard{Target: 10, Sides: Within, Tolerance: 2}, 12.5, false},
		{Standard{Target: 10, Sides: Within, Tolerance: 2}, 7.5, false},
		{Standard{Target: 10}, 10, false}, // undefined sides meet nothing
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.s.Met(tt.value), "%+v with %v", tt.s, tt.value)
	}
	for _, bad := range []Standard{
		{Target: math.NaN(), Sides: AtLeast},
		{Target: 1, Sides: Sides(9)},
		{Target: 1, Sides: Within},
		{Target: 1, Sides: Within, Tolerance: -1},
		{Target: 1, Sides: Within, Tolerance: math.Inf(1)},
	} {
		assert.ErrorIs(t, bad.Validate(), ErrInvalidSpec, "%+v", bad)
	}
	assert.NoError(t, Standard{Target: 1, Sides: Within, Tolerance: 0.5}.Validate())
}

func TestIndicatorValidate(t *testing.T) {
	ok := Indicator{Name: "x", Category: Volume, Unit: Count, Direction: LowerIsBetter}
	require.NoError(t, ok.Validate())
	for _, k := range []ChartKind{Proportions, Counts, Defects, DefectsPerUnit, Individuals, Means} {
		ind := ok
		ind.Chart = k
		assert.NoError(t, ind.Validate(), "%v", k)
	}
	tests := []struct {
		name string
		edit func(*Indicator)
		want string
	}{
		{"no name", func(i *Indicator) { i.Name = "" }, "name is empty"},
		{"no category", func(i *Indicator) { i.Category = CategoryUnknown }, "category"},
		{"undefined category", func(i *Indicator) { i.Category = Category(99) }, "category"},
		{"no unit", func(i *Indicator) { i.Unit = UnitUnknown }, "unit"},
		{"undefined unit", func(i *Indicator) { i.Unit = Unit(99) }, "unit"},
		{"no direction", func(i *Indicator) { i.Direction = DirectionUnknown }, "direction"},
		{"undefined direction", func(i *Indicator) { i.Direction = Direction(99) }, "direction"},
		{"range chart", func(i *Indicator) { i.Chart = Ranges }, "chart r cannot check a cycle"},
	}
	for _, tt := range tests {
		ind := ok
		tt.edit(&ind)
		err := ind.Validate()
		require.ErrorIs(t, err, ErrInvalidCycle, tt.name)
		assert.Contains(t, err.Error(), tt.want, tt.name)
	}
}

func TestSeriesCountEdges(t *testing.T) {
	// What a series may hold for each attribute chart.
	tests := []struct {
		name string
		kind ChartKind
		s    Series
		ok   bool
	}{
		{"p: zero resolved", Proportions, Series{{Value: 0, Size: 10}, {Value: 5, Size: 10}}, true},
		{"p: all resolved", Proportions, Series{{Value: 10, Size: 10}, {Value: 5, Size: 10}}, true},
		{"p: above size", Proportions, Series{{Value: 11, Size: 10}}, false},
		{"p: fractional size", Proportions, Series{{Value: 1, Size: 10.5}}, false},
		{"p: fractional count", Proportions, Series{{Value: 1.5, Size: 10}}, false},
		{"p: zero size", Proportions, Series{{Value: 0, Size: 0}}, false},
		{"p: largest size", Proportions, Series{{Value: 1, Size: 1 << 30}, {Value: 2, Size: 1 << 30}}, true},
		{"p: size too large", Proportions, Series{{Value: 1, Size: 1<<30 + 1}}, false},
		{"u: fractional exposure, count above it", DefectsPerUnit, Series{{Value: 3, Size: 0.5}, {Value: 1, Size: 2.5}}, true},
		{"u: zero exposure", DefectsPerUnit, Series{{Value: 3, Size: 0}}, false},
		{"c: count with no size", Defects, Series{{Value: 3}, {Value: 0}}, true},
		{"c: negative count", Defects, Series{{Value: -1}}, false},
		{"c: largest count", Defects, Series{{Value: 1 << 30}}, true},
		{"c: count too large", Defects, Series{{Value: 1<<30 + 1}}, false},
		{"np: sizes differ", Counts, Series{{Value: 1, Size: 10}, {Value: 1, Size: 20}}, false},
		{"np: one size", Counts, Series{{Value: 1, Size: 10}, {Value: 3, Size: 10}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.s.Chart(tt.kind)
			if tt.ok {
				assert.NoError(t, err)
			} else {
				assert.ErrorIs(t, err, ErrInvalidData)
			}
		})
	}
	// Points: p and u plot count/size, c and np the count.
	for _, tt := range []struct {
		kind  ChartKind
		s     Series
		pts   []float64
		sizes []float64
	}{
		{Proportions, Series{{Value: 3, Size: 4}}, []float64{0.75}, []float64{4}},
		{DefectsPerUnit, Series{{Value: 3, Size: 0.5}}, []float64{6}, []float64{0.5}},
		{Counts, Series{{Value: 3, Size: 4}}, []float64{3}, []float64{4}},
		{Defects, Series{{Value: 3}}, []float64{3}, nil},
	} {
		pts, sizes, err := tt.s.points(tt.kind)
		require.NoError(t, err)
		assert.Equal(t, tt.pts, pts, "%v", tt.kind)
		assert.Equal(t, tt.sizes, sizes, "%v", tt.kind)
	}
}

func TestCheckPooledLevelOfRates(t *testing.T) {
	// Complaints per 1 000 contacts on a u chart: the post-change level is
	// pooled, Σc/Σn, not the mean of the rates. Baseline: 4 in 2 (thousand
	// contacts) for 20 days, ū = 80/40 = 2. After: 1 in 1 and 9 in 3:
	// pooled 10/4 = 2.5, while the mean of the rates 1 and 3 would be 2.
	rate := Indicator{Name: "complaints per 1000", Category: QualityOfWork, Unit: Rate, Direction: LowerIsBetter}
	var base Series
	for i := range 20 {
		base = append(base, Sample{Period: fmt.Sprint(i), Value: 4, Size: 2})
	}
	res, err := Check(rate, Standard{Target: 3, Sides: AtMost}, base, Series{{Period: "a", Value: 1, Size: 1}, {Period: "b", Value: 9, Size: 3}}, CheckPlan{Rules: WesternElectric})
	require.NoError(t, err)
	assert.InDelta(t, 2, res.Baseline.Center, 1e-12) // 80/40
	assert.InDelta(t, 2.5, res.Level, 1e-12)
	assert.True(t, res.TargetMet)
}

func TestCheckPlanMinimums(t *testing.T) {
	for _, bad := range []CheckPlan{
		{Rules: WesternElectric, MinBaseline: -1},
		{Rules: WesternElectric, MinPoints: -1},
		{Rules: RuleSet{WE1, RuleUnknown}},
		{Rules: RuleSet{Rule(99)}},
	} {
		assert.ErrorIs(t, bad.Validate(), ErrInvalidCycle, "%+v", bad)
	}
	assert.ErrorContains(t, CheckPlan{Rules: RuleSet{WE1, RuleUnknown}}.Validate(), "rule 2 is unknown")
	csat := Indicator{Name: "satisfaction index", Category: QualityOfWork, Unit: Index, Direction: HigherIsBetter}
	target := Standard{Target: 11, Sides: AtLeast}
	quiet := indexSeries(10.5, 9.5) // inside 1σ (1.772454) of the centre 10
	tests := []struct {
		name     string
		baseline Series
		after    Series
		plan     CheckPlan
		verdict  Verdict
	}{
		// Defaults: 20 baseline points, 8 post-change points for WE.
		{"default minimums", baselineI()[:19], quiet, CheckPlan{Rules: WesternElectric}, InsufficientData},
		{"two quiet points are too few for WE4", baselineI(), quiet, CheckPlan{Rules: WesternElectric}, InsufficientData},
		// Explicit minimums replace them.
		{"own minimums", baselineI()[:5], quiet, CheckPlan{Rules: WesternElectric, MinBaseline: 5, MinPoints: 2}, NoChange},
		// Only non-directional rules: one point can show no change.
		{"non-directional rules", baselineI(), quiet[:1], CheckPlan{Rules: RuleSet{Nelson7}}, NoChange},
		// A baseline of one value meets MinBaseline 1 but cannot give a
		// moving range: insufficient data, not an error.
		{"baseline too short for a chart", baselineI()[:1], quiet, CheckPlan{Rules: WesternElectric, MinBaseline: 1}, InsufficientData},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Check(csat, target, tt.baseline, tt.after, tt.plan)
			require.NoError(t, err)
			assert.Equal(t, tt.verdict, res.Verdict, res.Reason)
		})
	}
}

func TestSeriesChartEmpty(t *testing.T) {
	// An empty series has too little data for every chart, np included
	// (it used to report "sample size 0", ErrInvalidData).
	for _, k := range []ChartKind{Proportions, Counts, Defects, DefectsPerUnit, Individuals, Means} {
		_, err := Series{}.Chart(k)
		assert.ErrorIs(t, err, ErrInsufficientData, "%v", k)
	}
}

func TestCheckUnstableProcess(t *testing.T) {
	// Issue 15, defect 1: signals in both directions, or a change in
	// variation alone, are not "no change". On baselineI (centre 10,
	// σ = √π = 1.772454; 1σ at 8.227546 and 11.772454, 2σ at 6.455092 and
	// 13.544908, limits 4.682638 and 15.317362):
	csat := Indicator{Name: "satisfaction index", Category: QualityOfWork, Unit: Index, Direction: HigherIsBetter}
	target := Standard{Target: 11, Sides: AtLeast}
	tests := []struct {
		name     string
		after    Series
		rules    RuleSet
		fav, adv int
		level    float64
	}{
		// 16 > UCL at 0 and 2 (WE1, and WE2 at 2: two of three beyond +2σ),
		// 4 < LCL at 1 and 3 (WE1, and WE2 at 3): 3 favourable, 3 adverse.
		// Six points on the centre break every run. Level 100/10 = 10, the
		// centre: the process swings both ways without moving.
		{"signals both ways, level unchanged", indexSeries(16, 4, 16, 4, 10, 10, 10, 10, 10, 10), WesternElectric, 3, 3, 10},
		// Both ways with the level up (36/3 = 12) is still an unstable process.
		{"signals both ways, level up", indexSeries(16, 4, 16), WesternElectric, 3, 1, 12},
		// 12 and 8 alternate beyond 1σ on both sides but never beyond 2σ,
		// never four of five on one side: Nelson 8 (mixture) alone, at 7 and
		// 8. A change in variation, not in level (92/9 = 10.22).
		{"Nelson 8 only", indexSeries(12, 8, 12, 8, 12, 8, 12, 8, 12), Nelson, 0, 0, 92.0 / 9},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Check(csat, target, baselineI(), tt.after, CheckPlan{Rules: tt.rules})
			require.NoError(t, err)
			assert.Equal(t, Unstable, res.Verdict, res.Reason)
			assert.Equal(t, Adjust, res.Suggested, "corregir: find the special causes in a follow-up cycle")
			assert.Len(t, res.Favourable(), tt.fav)
			assert.Len(t, res.Adverse(), tt.adv)
			assert.InDelta(t, tt.level, res.Level, 1e-12)
			assert.NotContains(t, res.Reason, "did not change")
		})
	}
}

// callCentreDays simulates days of 2 000 calls each at first-contact
// resolution p0, each day's true rate drawn around p0 with standard
// deviation spread (the day-to-day variation of staffing and call mix),
// and the resolved calls binomial given the day's rate. Only the
// generator's Uint64 is used (its PCG stream is specified), with the
// normal and binomial draws written out here, so the data are the same on
// every Go version.
func callCentreDays(rng *rand.Rand, prefix string, days int, p0, spread float64) Series {
	const calls = 2000
	s := make(Series, days)
	for d := range s {
		p := min(max(p0+spread*normalDraw(rng), 0.001), 0.999)
		s[d] = Sample{Period: fmt.Sprintf("%s%02d", prefix, d+1), Value: float64(binomialDraw(rng, calls, p)), Size: calls}
	}
	return s
}

// uniformDraw returns a uniform value in (0, 1) from the top 53 bits.
func uniformDraw(rng *rand.Rand) float64 { return (float64(rng.Uint64()>>11) + 0.5) / (1 << 53) }

// normalDraw returns a standard normal value (Box–Muller, one of the pair).
func normalDraw(rng *rand.Rand) float64 {
	return math.Sqrt(-2*math.Log(uniformDraw(rng))) * math.Cos(2*math.Pi*uniformDraw(rng))
}

// binomialDraw returns an exact Binomial(n, p) value by inversion over the
// outcomes taken from the mode outwards (mode, mode+1, mode−1, ...), any
// fixed order of the support being a valid inversion order.
func binomialDraw(rng *rand.Rand, n int, p float64) int {
	mode := int(float64(n+1) * p)
	mode = min(mode, n)
	lg := func(k int) float64 { v, _ := math.Lgamma(float64(k) + 1); return v }
	pm := math.Exp(lg(n) - lg(mode) - lg(n-mode) + float64(mode)*math.Log(p) + float64(n-mode)*math.Log1p(-p))
	u := uniformDraw(rng)
	if u -= pm; u <= 0 {
		return mode
	}
	up, down := pm, pm // probabilities of the last outcomes above and below the mode
	for hi, lo := mode, mode; hi < n || lo > 0; {
		if hi < n {
			up *= float64(n-hi) / float64(hi+1) * p / (1 - p)
			hi++
			if u -= up; u <= 0 {
				return hi
			}
		}
		if lo > 0 {
			down *= float64(lo) / float64(n-lo+1) * (1 - p) / p
			lo--
			if u -= down; u <= 0 {
				return lo
			}
		}
	}
	return mode // u beyond the total by rounding
}

func TestCheckHoldsAtCallCentreVolumes(t *testing.T) {
	// Issue 15: 2 000 calls a day at 70 % first-contact resolution, a
	// day-to-day spread of 2 percentage points (σ of the true daily rate),
	// a 20-day baseline and 20 days after the change, 1 000 simulated
	// cycles, fixed seed. The binomial σ of a day is √(0.7·0.3/2000) =
	// 1.02 points, so the days vary 2.2 times as much as a p chart
	// assumes.
	if testing.Short() {
		t.Skip("simulation")
	}
	const reps = 1000
	target := Standard{Target: 0.72, Sides: AtLeast}
	ewma := CheckPlan{Monitor: MonitorEWMA}                                     // λ 0.2, 3σ, dispersion auto
	nominal := CheckPlan{Rules: WesternElectric, Dispersion: DispersionNominal} // the p chart as before
	rng := rand.New(rand.NewPCG(15, 2026))
	var falseVerdicts, detected, laney, falseNominal int
	for range reps {
		base := callCentreDays(rng, "b", 20, 0.70, 0.02)
		same := callCentreDays(rng, "a", 20, 0.70, 0.02)
		better := callCentreDays(rng, "a", 20, 0.73, 0.02)
		res, err := Check(fcr, target, base, same, ewma)
		require.NoError(t, err)
		if res.Verdict != NoChange {
			falseVerdicts++
		}
		if res.Baseline.Kind == PPrime {
			laney++
		}
		res, err = Check(fcr, target, base, better, ewma)
		require.NoError(t, err)
		if res.Verdict == ImprovedTargetMet || res.Verdict == ImprovedTargetMissed {
			detected++
		}
		res, err = Check(fcr, target, base, same, nominal)
		require.NoError(t, err)
		if res.Verdict != NoChange {
			falseNominal++
		}
	}
	rate := func(k int) float64 { return float64(k) / reps }
	t.Logf("EWMA on the chart the data call for: false verdicts %.1f %%, power at +3 points %.1f %%, p′ chosen %.1f %%; "+
		"Western Electric rules on the nominal p chart: false verdicts %.1f %%",
		100*rate(falseVerdicts), 100*rate(detected), 100*rate(laney), 100*rate(falseNominal))
	assert.LessOrEqual(t, rate(falseVerdicts), 0.10, "false-verdict rate under no change")
	assert.GreaterOrEqual(t, rate(detected), 0.80, "power on a real shift of 3 percentage points")
	assert.GreaterOrEqual(t, rate(laney), 0.95, "the overdispersion is detected in the baseline")
	assert.Greater(t, rate(falseNominal), 0.90, "the nominal p chart sees a change almost every time")
}

func TestBinomialDrawMatchesItsDistribution(t *testing.T) {
	// The simulation's generator: mean np and variance np(1 − p) of
	// Binomial(2000, 0.7) = 1400 and 420, within 4 standard errors over
	// 20 000 draws (SE of the mean √(420/20000) = 0.145; of the variance
	// about 420·√(2/20000) = 4.2).
	rng := rand.New(rand.NewPCG(1, 1))
	const m = 20000
	var s, q float64
	for range m {
		x := float64(binomialDraw(rng, 2000, 0.7))
		s += x
		q += x * x
	}
	mu := s / m
	v := q/m - mu*mu
	assert.InDelta(t, 1400, mu, 4*0.145)
	assert.InDelta(t, 420, v, 4*4.2)
	assert.Equal(t, 0, binomialDraw(rng, 5, 0.001), "the mode of a rare event")
}

// nhsSeries is qicharts2's nhs_accidents as a series: patients seen within
// four hours out of attendances, 20 weeks.
func nhsSeries() Series {
	s := make(Series, len(nhsAccidents.r))
	for i := range s {
		s[i] = Sample{Period: fmt.Sprintf("w%02d", i+1), Value: float64(nhsAccidents.r[i]), Size: float64(nhsAccidents.n[i])}
	}
	return s
}

func TestCheckChoosesTheChartTheDataCallFor(t *testing.T) {
	seen := Indicator{Name: "seen within 4 hours", Category: Responsiveness, Unit: Percent, Direction: HigherIsBetter}
	target := Standard{Target: 0.95, Sides: AtLeast}
	base := nhsSeries()
	after := nhsSeries()[:10] // the same weeks again: nothing changed
	// The NHS weeks are far from binomial (σ_z = 10.64 by qicharts2's
	// 1.128, χ² = 2207 on 19 df): judged on p′, where the same weeks are
	// in control; on the nominal p chart nearly every week is beyond.
	res, err := Check(seen, target, base, after, CheckPlan{Rules: WesternElectric})
	require.NoError(t, err)
	assert.Equal(t, PPrime, res.Baseline.Kind)
	require.NotNil(t, res.Dispersion)
	assert.True(t, res.Dispersion.Overdispersed)
	assert.InDelta(t, 10.6404218634965*1.128/d2Pair, res.Dispersion.SigmaZ, 1e-9)
	assert.InDelta(t, 2207.42555819511, res.Dispersion.ChiSquare, 1e-6)
	assert.Equal(t, NoChange, res.Verdict, res.Reason)
	assert.Contains(t, res.Reason, "varies more from sample to sample than the binomial model allows (σz = 10.64; χ² = 2207 on 19 df, p < 0.001): judged on Laney's p′ chart, whose limits are 10.64 times the p chart's")
	assert.Contains(t, res.ReasonES, "la línea base varía de una muestra a otra más de lo que permite el modelo binomial (σz = 10,64; χ² = 2207 con 19 gl, p < 0,001): se juzga en el gráfico p′ de Laney, cuyos límites son 10,64 veces los del gráfico p")
	assert.Equal(t, res.ReasonES, res.ReasonIn("es-CO"))
	assert.Equal(t, res.Reason, res.ReasonIn("en"))

	nominal, err := Check(seen, target, base, after, CheckPlan{Rules: WesternElectric, Dispersion: DispersionNominal})
	require.NoError(t, err)
	assert.Equal(t, Proportions, nominal.Baseline.Kind)
	assert.Equal(t, Unstable, nominal.Verdict, "weeks beyond both limits on the p chart")
	assert.Contains(t, nominal.Reason, "but the plan keeps the p chart")

	// Binomial data stay on the p chart, and the Check says why.
	res, err = Check(fcr, Standard{Target: 0.78, Sides: AtLeast}, baseline20(), pSeries("after", repeat(70, 10)...), CheckPlan{Rules: WesternElectric})
	require.NoError(t, err)
	assert.Equal(t, Proportions, res.Baseline.Kind)
	assert.False(t, res.Dispersion.Overdispersed)
	assert.Contains(t, res.Reason, "the baseline fits the binomial model")
	assert.Contains(t, res.ReasonES, "la línea base se ajusta al modelo binomial")
	// …unless the plan asks for Laney's chart always.
	res, err = Check(fcr, Standard{Target: 0.78, Sides: AtLeast}, baseline20(), pSeries("after", repeat(70, 10)...), CheckPlan{Rules: WesternElectric, Dispersion: DispersionLaney})
	require.NoError(t, err)
	assert.Equal(t, PPrime, res.Baseline.Kind)
	assert.Contains(t, res.Reason, "as the plan asks")
}

func TestCheckOverdispersedCountsOnUPrime(t *testing.T) {
	// Complaints a day, c chart: the baseline alternates 2 and 30 (c̄ = 16,
	// Poisson σ 4; z = ∓3.5, so σ_z = 7/d₂(2) = 6.20): overdispersed, judged
	// on u′ with unit exposures: limits 16 ± 3·4·6.2 (LCL 0).
	complaints := Indicator{Name: "complaints", Category: QualityOfWork, Unit: Count, Direction: LowerIsBetter}
	var base, after Series
	for i := range 20 {
		base = append(base, Sample{Period: fmt.Sprint(i), Value: float64(2 + 28*(i%2))})
	}
	for i := range 10 {
		after = append(after, Sample{Period: fmt.Sprint(i), Value: float64(10 + 12*(i%2))})
	}
	res, err := Check(complaints, Standard{Target: 20, Sides: AtMost}, base, after, CheckPlan{Rules: WesternElectric})
	require.NoError(t, err)
	assert.Equal(t, UPrime, res.Baseline.Kind)
	assert.Equal(t, DefectsPerUnit, res.Dispersion.Model)
	sz := 7 / d2Pair
	assert.InDelta(t, 16+3*4*sz, res.After.UCL[0], 1e-9)
	assert.Equal(t, []float64{1, 1}, res.After.Sizes[:2])
	assert.InDelta(t, 16, res.Level, 1e-12)
	assert.Contains(t, res.Reason, "the Poisson model")
	assert.Contains(t, res.ReasonES, "el modelo de Poisson")
	// The baseline redrawn on the chart the Check chose (as a report does).
	up, err := base.Chart(res.Baseline.Kind)
	require.NoError(t, err)
	assert.Equal(t, res.Baseline.Sigma, up.Sigma)
	assert.Equal(t, fill(20, 1), up.Sizes)
	_, err = Series{{Value: 3}, {Value: 4, Size: 2}}.Chart(UPrime)
	assert.ErrorIs(t, err, ErrInvalidData, "some exposures given, some not")
}

func TestCheckMonitorsWithEWMAAndCUSUM(t *testing.T) {
	// Handling time, lower is better, baselineI: centre 10, σ̂ = √π. After
	// the change 9 a day: −0.56σ, below every Shewhart zone line, so the
	// Western Electric rules stay silent for 10 days; the EWMA and the
	// CUSUM accumulate it.
	aht := Indicator{Name: "handling time", Category: Efficiency, Unit: Duration, Direction: LowerIsBetter}
	target := Standard{Target: 9.5, Sides: AtMost}
	after := indexSeries(fill(10, 9)...)
	res, err := Check(aht, target, baselineI(), after, CheckPlan{Rules: RuleSet{WE1, WE2, WE3}})
	require.NoError(t, err)
	assert.Equal(t, NoChange, res.Verdict)

	// EWMA (λ 0.2, 3σ, plus the centre's own variance σ²/20): after i days
	// at 9, zᵢ = 9 + 0.8^i and LCLᵢ = 10 − 3√(π(1/9·(1 − 0.64^i) + 1/20)):
	// day 10, z = 9.107 > LCL = 7.874: no signal in 10 days.
	res, err = Check(aht, target, baselineI(), after, CheckPlan{Monitor: MonitorEWMA})
	require.NoError(t, err)
	require.NotNil(t, res.EWMA)
	sigma := math.Sqrt(math.Pi)
	z, q := 10.0, 1.0
	for i := range 10 {
		z = 0.2*9 + 0.8*z
		q *= 0.64
		assert.InDelta(t, z, res.EWMA.Smoothed[i], 1e-12)
		assert.InDelta(t, 10-3*math.Sqrt(sigma*sigma*(0.2/1.8)*(1-q)+sigma*sigma/20), res.EWMA.LCL[i], 1e-12)
	}
	assert.InDelta(t, 7.874, res.EWMA.LCL[9], 1e-3)
	assert.Equal(t, NoChange, res.Verdict, "a 0.56σ shift is not seen in 10 days")
	// At 7 a day (−1.69σ), zᵢ = 7 + 3·0.8^i: day 5, 7.983 > LCL 7.946; day
	// 6, 7.786 < LCL 7.917: the first signal is at index 5, favourable.
	res, err = Check(aht, target, baselineI(), indexSeries(fill(10, 7)...), CheckPlan{Monitor: MonitorEWMA})
	require.NoError(t, err)
	assert.Equal(t, ImprovedTargetMet, res.Verdict)
	assert.Equal(t, Evidence{Rule: EWMABeyond, Index: 5, Period: "p06", Value: 7, Effect: Favourable}, res.Evidence[0])
	assert.Len(t, res.Evidence, 5, "indices 5 to 9")
	assert.Contains(t, res.Reason, "watched on an EWMA chart (λ 0.2, limits at 3σ)")
	assert.Contains(t, res.ReasonES, "vigilado en un gráfico EWMA (λ 0,2, límites a 3σ)")

	// CUSUM (h 5, shift 1): each day z = −1/√π = −0.564, so the lower sum
	// grows by 0.564 − 0.5 = 0.064 a day: 0.64 after 10 days, no signal;
	// with a 4-day head start (h 5) it starts at 4 and passes 5 at day 16.
	res, err = Check(aht, target, baselineI(), after, CheckPlan{Monitor: MonitorCUSUM})
	require.NoError(t, err)
	require.NotNil(t, res.CUSUM)
	assert.InDelta(t, -10*(1/sigma-0.5), res.CUSUM.Lower[9], 1e-12)
	assert.Equal(t, NoChange, res.Verdict)
	// A bigger drop, 7 a day (−1.69σ): lower sum grows 1.19 a day, beyond
	// 5 on day 5 (5.96), favourable when lower is better.
	res, err = Check(aht, target, baselineI(), indexSeries(fill(10, 7)...), CheckPlan{Monitor: MonitorCUSUM})
	require.NoError(t, err)
	assert.Equal(t, ImprovedTargetMet, res.Verdict)
	assert.Equal(t, Evidence{Rule: CUSUMBeyond, Index: 4, Period: "p05", Value: 7, Effect: Favourable}, res.Evidence[0])
	assert.Equal(t, DecisionNone, res.Suggested, "10 points cannot give the new standard's limits")
	assert.Contains(t, res.ReasonES, "siga midiendo")
}

func TestCheckPlanValidateNewFields(t *testing.T) {
	assert.NoError(t, CheckPlan{Monitor: MonitorEWMA}.Validate(), "an EWMA check needs no rules")
	assert.NoError(t, CheckPlan{Rules: Anhoj, Sigmas: 2.5, Lambda: 1, DecisionInterval: 4, Shift: 0.5}.Validate())
	for name, bad := range map[string]CheckPlan{
		"no rules":          {},
		"monitor undefined": {Monitor: Monitor(9)},
		"a monitor as rule": {Rules: RuleSet{EWMABeyond}},
		"lambda above 1":    {Monitor: MonitorEWMA, Lambda: 1.5},
		"NaN lambda":        {Monitor: MonitorEWMA, Lambda: math.NaN()},
		"negative sigmas":   {Rules: Nelson, Sigmas: -1},
		"infinite h":        {Monitor: MonitorCUSUM, DecisionInterval: math.Inf(1)},
		"negative shift":    {Monitor: MonitorCUSUM, Shift: -1},
		"policy undefined":  {Rules: Nelson, Dispersion: DispersionPolicy(7)},
	} {
		assert.ErrorIs(t, bad.Validate(), ErrInvalidCycle, name)
	}
	// Every problem at once.
	err := CheckPlan{Monitor: Monitor(9), Lambda: 2, MinPoints: -1}.Validate()
	for _, want := range []string{"monitor monitor(9) undefined", "lambda 2", "minimums 0, -1"} {
		assert.ErrorContains(t, err, want)
	}
	// The minimum points: the longest directional window, and 10 on EWMA/CUSUM.
	assert.Equal(t, 8, CheckPlan{Rules: WesternElectric}.minPoints())
	assert.Equal(t, 10, CheckPlan{Monitor: MonitorCUSUM, Rules: RuleSet{WE1}}.minPoints())
	assert.Equal(t, 7, CheckPlan{Rules: Anhoj}.minPoints())
	assert.Equal(t, 1, CheckPlan{Rules: RuleSet{Nelson7, AnhojCrossings}}.minPoints())
}

func TestMonitorAndPolicyNames(t *testing.T) {
	for in, want := range map[string]Monitor{"EWMA": MonitorEWMA, "suma acumulada": MonitorCUSUM, "shewhart": MonitorShewhart, "media móvil exponencial": MonitorEWMA} {
		got, err := ParseMonitor(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for in, want := range map[string]DispersionPolicy{"auto": DispersionAuto, "automática": DispersionAuto, "nominal": DispersionNominal, "laney": DispersionLaney, "prima": DispersionLaney} {
		got, err := ParseDispersionPolicy(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	_, err := ParseMonitor("shewart")
	assert.ErrorIs(t, err, ErrInvalidName)
	b, err := json.Marshal(CheckPlan{Monitor: MonitorCUSUM, Dispersion: DispersionLaney, MinBaseline: 30})
	require.NoError(t, err)
	assert.JSONEq(t, `{"monitor":"cusum","dispersion":"laney","minBaseline":30}`, string(b))
	var back CheckPlan
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, CheckPlan{Monitor: MonitorCUSUM, Dispersion: DispersionLaney, MinBaseline: 30}, back)
	v, err := ParseVerdict("inestable")
	require.NoError(t, err)
	assert.Equal(t, Unstable, v)
	assert.Equal(t, "unstable", Unstable.String())
}

func TestCheckEvidenceInPointOrder(t *testing.T) {
	// Rules and a monitor together: 16 beyond the UCL at once (WE1, index
	// 0) and again at index 5; the EWMA of 16s (λ 0.2) first passes its
	// UCL at index 1 (z = 10 + 6·(1 − 0.8²) = 12.16 > 10 + 3√(π(1/9·0.5904 +
	// 1/20)) = 11.81). Evidence runs by point, rules before the EWMA.
	csat := Indicator{Name: "satisfaction index", Category: QualityOfWork, Unit: Index, Direction: HigherIsBetter}
	res, err := Check(csat, Standard{Target: 11, Sides: AtLeast}, baselineI(), indexSeries(16, 16, 10, 10, 10, 16), CheckPlan{Rules: RuleSet{WE1}, Monitor: MonitorEWMA})
	require.NoError(t, err)
	var got []string
	for _, e := range res.Evidence {
		got = append(got, fmt.Sprintf("%v@%d", e.Rule, e.Index))
	}
	assert.Equal(t, "WE1@0", got[0])
	assert.Equal(t, []string{"WE1@1", "EWMA@1"}, got[1:3])
	assert.True(t, slices.IsSortedFunc(res.Evidence, func(a, b Evidence) int { return a.Index - b.Index }))
}
