package pdca

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAnhojLimitsTable(t *testing.T) {
	// The critical values of Anhøj and Olesen (2014, PLoS ONE 9(11):
	// e113825), as tabulated for 10–100 useful points in qicharts2's
	// vignette, Appendix 2, regenerated in R with its formulas:
	//   n <- 10:100; cbind(n, round(log2(n) + 3), qbinom(0.05, n - 1, 0.5))
	// Spot checks against the text: 13 points, fewer than 3 crossings
	// signal; 24 points (the vignette's example): a run of more than 8,
	// fewer than 8 crossings.
	table := [][3]int{{10, 6, 2}, {11, 6, 2}, {12, 7, 3}, {13, 7, 3}, {14, 7, 4}, {15, 7, 4}, {16, 7, 4}, {17, 7, 5},
		{18, 7, 5}, {19, 7, 6}, {20, 7, 6}, {21, 7, 6}, {22, 7, 7}, {23, 8, 7}, {24, 8, 8}, {25, 8, 8},
		{26, 8, 8}, {27, 8, 9}, {28, 8, 9}, {29, 8, 10}, {30, 8, 10}, {31, 8, 11}, {32, 8, 11},
		{33, 8, 11}, {34, 8, 12}, {35, 8, 12}, {36, 8, 13}, {37, 8, 13}, {38, 8, 14}, {39, 8, 14},
		{40, 8, 14}, {41, 8, 15}, {42, 8, 15}, {43, 8, 16}, {44, 8, 16}, {45, 8, 17}, {46, 9, 17},
		{47, 9, 17}, {48, 9, 18}, {49, 9, 18}, {50, 9, 19}, {51, 9, 19}, {52, 9, 20}, {53, 9, 20},
		{54, 9, 21}, {55, 9, 21}, {56, 9, 21}, {57, 9, 22}, {58, 9, 22}, {59, 9, 23}, {60, 9, 23},
		{61, 9, 24}, {62, 9, 24}, {63, 9, 25}, {64, 9, 25}, {65, 9, 25}, {66, 9, 26}, {67, 9, 26},
		{68, 9, 27}, {69, 9, 27}, {70, 9, 28}, {71, 9, 28}, {72, 9, 29}, {73, 9, 29}, {74, 9, 29},
		{75, 9, 30}, {76, 9, 30}, {77, 9, 31}, {78, 9, 31}, {79, 9, 32}, {80, 9, 32}, {81, 9, 33},
		{82, 9, 33}, {83, 9, 34}, {84, 9, 34}, {85, 9, 34}, {86, 9, 35}, {87, 9, 35}, {88, 9, 36},
		{89, 9, 36}, {90, 9, 37}, {91, 10, 37}, {92, 10, 38}, {93, 10, 38}, {94, 10, 39}, {95, 10, 39},
		{96, 10, 39}, {97, 10, 40}, {98, 10, 40}, {99, 10, 41}, {100, 10, 41}}
	for _, row := range table {
		run, cross := AnhojLimits(row[0])
		assert.Equal(t, [2]int{row[1], row[2]}, [2]int{run, cross}, "n = %d", row[0])
	}
	run, cross := AnhojLimits(0)
	assert.Equal(t, [2]int{0, 0}, [2]int{run, cross})
}

func TestRunChartMontgomeryExample76(t *testing.T) {
	// qicharts2's stored t chart of Montgomery's Example 7.6 (ex_7.6_1.rds):
	// around the centre 430.04095179, longest.run 5 (limit 7), n.crossings
	// 10 (limit 6), runs.signal FALSE.
	hours := []float64{286, 948, 536, 124, 816, 729, 4, 143, 431, 8, 2837, 596, 81, 227, 603, 492, 1199, 1214, 2831, 96}
	a, err := RunChartAround(hours, 430.04095179)
	require.NoError(t, err)
	assert.Equal(t, RunAnalysis{Center: 430.04095179, Useful: 20, LongestRun: 5, LongestRunLimit: 7, Crossings: 10, CrossingsLimit: 6}, a)
	assert.False(t, a.Signal())
}

func TestRunChartByHand(t *testing.T) {
	// A shift halfway: 3, 1, 2, 5, 4, 6, then 9, 8, 10, 12, 11, 13. Sorted,
	// the middle pair is 6 and 8: median 7. Runs: 6 below, 6 above: longest
	// 6 ≤ limit 7 (n = 12), but 1 crossing < 3: a signal.
	v := []float64{3, 1, 2, 5, 4, 6, 9, 8, 10, 12, 11, 13}
	a, err := RunChart(v)
	require.NoError(t, err)
	assert.Equal(t, RunAnalysis{Center: 7, Useful: 12, LongestRun: 6, LongestRunLimit: 7, Crossings: 1, CrossingsLimit: 3}, a)
	assert.True(t, a.Signal())
	// Points on the centre and missing ones neither break nor extend a run.
	a, err = RunChartAround([]float64{1, 0, 1, math.NaN(), 1, -1}, 0)
	require.NoError(t, err)
	assert.Equal(t, 4, a.Useful)
	assert.Equal(t, 3, a.LongestRun)
	assert.Equal(t, 1, a.Crossings)

	_, err = RunChart([]float64{math.NaN()})
	assert.ErrorIs(t, err, ErrInsufficientData)
	_, err = RunChart([]float64{1, math.Inf(1)})
	assert.ErrorIs(t, err, ErrInvalidData)
	_, err = RunChartAround([]float64{1}, math.NaN())
	assert.ErrorIs(t, err, ErrInvalidData)
}

func TestAnhojRulesOnAChart(t *testing.T) {
	// 20 points around centre 0: 4 alternating, then 10 above, then 6
	// alternating. n = 20: run limit 7, crossings limit 6. The run of 10
	// (indices 4…13, the first alternating point 3 is below) passes the
	// limit at its 8th point: indices 11, 12, 13 flagged. Crossings: 3 in
	// the first four, 1 into the run (3 → 4), then 5 in the last six
	// (13 → 14 is above → below): 3 + 1 + 1 + 5 = 10 ≥ 6, no signal.
	pts := []float64{1, -1, 1, -1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1, 1, -1, 1, -1, 1}
	c := handChart(pts...)
	got := c.Violations(Anhoj)
	assert.Equal(t, []Violation{{AnhojRun, 11}, {AnhojRun, 12}, {AnhojRun, 13}}, got)
	// Mixed with the Western Electric rules the result stays in order.
	mixed := c.Violations(append(RuleSet{WE4}, Anhoj...))
	assert.Equal(t, []Violation{{WE4, 11}, {AnhojRun, 11}, {WE4, 12}, {AnhojRun, 12}, {WE4, 13}, {AnhojRun, 13}}, mixed)

	// Few crossings without a long run: 7 above, 7 below, 6 above (n = 20,
	// crossings 2 < 6, longest 7 ≤ 7): flagged at the last point.
	pts = append(append(fill(7, 1), fill(7, -1)...), fill(6, 1)...)
	assert.Equal(t, []Violation{{AnhojCrossings, 19}}, handChart(pts...).Violations(RuleSet{AnhojCrossings}))
	// …not counting trailing points on the centre.
	pts = append(pts, 0, 0)
	assert.Equal(t, []Violation{{AnhojCrossings, 19}}, handChart(pts...).Violations(RuleSet{AnhojCrossings}))
	r, err := ParseRule("racha larga")
	require.NoError(t, err)
	assert.Equal(t, AnhojRun, r)
}
