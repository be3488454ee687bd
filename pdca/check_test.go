package pdca

import (
	"fmt"
	"math"
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
		// 80/100 = 0.80 > 0.7916515: WE2 at indices 2..9 (8), WE3 at 4..9 (6),
		// WE4 at 7..9 (3): 17 favourable; level 0.80 ≥ 0.78.
		{"improved, target met", atLeast(0.78), pSeries("after", repeat(80, 10)...), ImprovedTargetMet, Standardize, 17, 0},
		{"improved, target missed", atLeast(0.85), pSeries("after", repeat(80, 10)...), ImprovedTargetMissed, Adjust, 17, 0},
		// 60/100 = 0.60 < 0.6083485: the same 17 signals, adverse.
		{"deteriorated", atLeast(0.78), pSeries("after", repeat(60, 10)...), Deteriorated, Abandon, 0, 17},
		// 69 and 71 alternate around 0.70: no rule fires in 10 ≥ 8 points.
		{"no change", atLeast(0.78), pSeries("after", 69, 71, 69, 71, 69, 71, 69, 71, 69, 71), NoChange, Adjust, 0, 0},
		// A month "above target" by noise alone is still no change: 0.70 ≥ 0.69.
		{"no change though target met", atLeast(0.69), pSeries("after", 69, 71, 69, 71, 69, 71, 69, 71, 69, 71), NoChange, Adjust, 0, 0},
		// 5 quiet points cannot show "no change" (WE4 needs 8).
		{"too few points", atLeast(0.78), pSeries("after", 71, 71, 71, 71, 71), InsufficientData, DecisionNone, 0, 0},
		// But one point above the UCL (0.90 > 0.8374773) is a signal already.
		{"early signal", atLeast(0.78), pSeries("after", 90), ImprovedTargetMet, Standardize, 1, 0},
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
		// 16 > UCL (WE1 up), 4 < LCL (WE1 down), 16 again (WE1 up, and WE2:
		// indices 0 and 2 beyond +2σ): 3 favourable, 1 adverse; level 36/3 =
		// 12 > 10, the right way: improved, 12 ≥ 11 meets the target.
		{"both, level up", csat, indexSeries(16, 4, 16), ImprovedTargetMet, Standardize, 3, 1, 12},
		// The mirror: 3 adverse, 1 favourable, level 24/3 = 8 < 10.
		{"both, level down", csat, indexSeries(4, 16, 4), Deteriorated, Abandon, 1, 3, 8},
		// One each and the level (16 + 4)/2 = 10 equals the centre: neither
		// way, and 2 points are too few for "no change" (WE4 needs 8).
		{"both, level unchanged", csat, indexSeries(16, 4), InsufficientData, DecisionNone, 1, 1, 10},
		// Lower is better: 16, 4, 16 is 1 favourable (the 4) and 3 adverse,
		// and the level 12 moved the wrong way: (12 − 10)·(−1) < 0.
		{"lower is better, level up", lower, indexSeries(16, 4, 16), Deteriorated, Abandon, 1, 3, 12},
		{"lower is better, level down", lower, indexSeries(4, 16, 4), ImprovedTargetMissed, Adjust, 3, 1, 8},
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
		// 14; both are changes in variation, neutral, so no change in level.
		{"variation only", indexSeries(alternating...), NoChange, []Evidence{
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
