package pdca

import (
	"fmt"
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
	_, err = Check(aht, Standard{Target: 7, Sides: AtMost}, base, Series{{Period: "r", Subgroup: []float64{1, 2}}}, CheckPlan{Rules: WesternElectric})
	assert.ErrorIs(t, err, ErrInvalidData, "subgroup of 2 after subgroups of 3")
}
