package pdca

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// handChart is a chart built by hand: centre 0, σ = 1, limits ±3.
func handChart(points ...float64) Chart {
	return Chart{Points: points, Center: 0, LCL: fill(len(points), -3), UCL: fill(len(points), 3)}
}

func flagged(vs []Violation, r Rule) []int {
	var out []int
	for _, v := range vs {
		if v.Rule == r {
			out = append(out, v.Index)
		}
	}
	return out
}

func TestRulesByHand(t *testing.T) {
	rep := func(v float64, n int) []float64 { return fill(n, v) }
	cat := func(parts ...[]float64) []float64 { return slices.Concat(parts...) }
	alt := func(n int, a float64) []float64 {
		out := make([]float64, n)
		for i := range out {
			out[i] = a
			if i%2 == 1 {
				out[i] = -a
			}
		}
		return out
	}
	tests := []struct {
		name   string
		points []float64
		rule   Rule
		want   []int
	}{
		{"WE1 beyond UCL and LCL, not on the limit", []float64{0, 3, 3.1, -3.2, 0}, WE1, []int{2, 3}},
		{"WE2 two of three beyond 2σ", []float64{0, 2.5, 0, 2.5}, WE2, []int{3}},
		{"WE2 flagged point must be beyond", []float64{0, 2.5, 2.5, 0}, WE2, []int{2}},
		{"WE2 same side only", []float64{0, 2.5, -2.5, 0}, WE2, nil},
		{"WE2 first window needs three points", []float64{2.5, 2.5}, WE2, nil},
		{"WE3 four of five beyond 1σ", []float64{1.5, 1.5, 0, 1.5, 1.5, 0}, WE3, []int{4}},
		{"WE3 continues while the pattern holds", []float64{1.5, 1.5, 1.5, 1.5, 1.5, 1.5}, WE3, []int{4, 5}},
		{"WE4 eight on one side, then continues", rep(0.5, 10), WE4, []int{7, 8, 9}},
		{"WE4 a point on the centre line breaks the run", cat(rep(0.5, 4), []float64{0}, rep(0.5, 4)), WE4, nil},
		{"Nelson2 nine below", rep(-0.1, 9), Nelson2, []int{8}},
		{"Nelson2 eight is not enough", rep(-0.1, 8), Nelson2, nil},
		{"Nelson3 six rising", []float64{-2, -1, 0, 0.5, 1, 2}, Nelson3, []int{5}},
		{"Nelson3 a tie breaks the trend", []float64{-2, -1, -1, 0, 0.5, 1, 2}, Nelson3, nil},
		{"Nelson3 falling", []float64{2, 1, 0.5, 0, -1, -2, -2.5}, Nelson3, []int{5, 6}},
		{"Nelson4 fourteen alternating", alt(14, 0.5), Nelson4, []int{13}},
		{"Nelson4 thirteen are not enough", alt(13, 0.5), Nelson4, nil},
		{"Nelson4 continues", alt(16, 0.5), Nelson4, []int{13, 14, 15}},
		{"Nelson5 = WE2", []float64{0, 2.5, 0, 2.5}, Nelson5, []int{3}},
		{"Nelson6 = WE3", []float64{-1.5, -1.5, 0, -1.5, -1.5}, Nelson6, []int{4}},
		{"Nelson7 fifteen within 1σ (inclusive)", cat(rep(0.5, 14), []float64{1}), Nelson7, []int{14}},
		{"Nelson7 broken by a point beyond 1σ", cat(rep(0.5, 14), []float64{1.01}), Nelson7, nil},
		{"Nelson8 eight beyond 1σ on both sides", alt(8, 1.5), Nelson8, []int{7}},
		{"Nelson8 needs both sides", rep(1.5, 8), Nelson8, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := flagged(handChart(tt.points...).Violations(RuleSet{tt.rule}), tt.rule)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestViolationsOrderAndSets(t *testing.T) {
	// 10 points at +2.5σ: WE1 never (inside ±3), WE2 from index 2, WE3 from
	// index 4, WE4 from index 7; ordered by index, then rule.
	c := handChart(fill(10, 2.5)...)
	got := c.Violations(WesternElectric)
	assert.Equal(t, []Violation{{WE2, 2}, {WE2, 3}, {WE2, 4}, {WE3, 4}}, got[:4])
	assert.Equal(t, []int{7, 8, 9}, flagged(got, WE4))
	assert.True(t, slices.IsSortedFunc(got, func(a, b Violation) int {
		if a.Index != b.Index {
			return a.Index - b.Index
		}
		return int(a.Rule) - int(b.Rule)
	}))
	assert.Nil(t, c.Violations(nil))
	assert.Nil(t, c.Violations(RuleSet{RuleUnknown, 200}))
	assert.Equal(t, c.Violations(RuleSet{WE2}), c.Violations(RuleSet{WE2, WE2}))
}

func TestZonesFromClippedLimits(t *testing.T) {
	// A p chart with p̄ = 0.05, n = 50: σ = √(0.05·0.95/50) = 0.030822,
	// LCL = 0.05 − 0.092466 < 0, clipped to 0; UCL = 0.142466. The zones
	// come from the unclipped side, σ = 0.030822: 1σ below is 0.019178 and
	// 2σ below is −0.011644, which no proportion can pass.
	hand := Chart{Points: []float64{0.05, 0, 0, 0.05}, Center: 0.05, LCL: fill(4, 0), UCL: fill(4, 0.142466)}
	assert.Empty(t, hand.Violations(RuleSet{WE2}), "0 is not beyond 2σ below")
	hand = Chart{Points: fill(5, 0.01), Center: 0.05, LCL: fill(5, 0), UCL: fill(5, 0.142466)}
	assert.Equal(t, []Violation{{WE3, 4}}, hand.Violations(RuleSet{WE3}), "0.01 < 0.019178: four of five beyond 1σ")
	// The clipped limit itself still counts for WE1.
	p, err := P([]int{0, 0, 0, 1, 4, 3}, fill50(6))
	require.NoError(t, err)
	assert.InDelta(t, 8.0/300, p.Center, 1e-12)
	assert.Zero(t, p.LCL[0])
	assert.Empty(t, p.Violations(RuleSet{WE1}))
}

func fill50(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = 50
	}
	return out
}

// refViolations is a direct transcription of qcc's rules.R: windows via
// embed(), runs via rle(), each rule separately, O(n·window). It is the
// reference the one-pass engine must match.
func refViolations(c Chart, r Rule) []int {
	n := len(c.Points)
	x := c.Points
	sig := make([]float64, n)
	for i := range n {
		s := 0.0
		if d := c.UCL[i] - c.Center; d > s && !math.IsInf(d, 0) {
			s = d
		}
		if d := c.Center - c.LCL[i]; d > s && !math.IsInf(d, 0) {
			s = d
		}
		sig[i] = s / 3
	}
	beyond := func(i int, k float64, side int) bool {
		if sig[i] <= 0 {
			return false
		}
		if side > 0 {
			return x[i] > c.Center+k*sig[i]
		}
		return x[i] < c.Center-k*sig[i]
	}
	var out []int
	kOfM := func(k, m int, z float64) {
		for i := m - 1; i < n; i++ {
			for _, side := range []int{1, -1} {
				if !beyond(i, z, side) {
					continue
				}
				cnt := 0
				for j := i - m + 1; j <= i; j++ {
					if beyond(j, z, side) {
						cnt++
					}
				}
				if cnt >= k {
					out = append(out, i)
					break
				}
			}
		}
	}
	run := func(cond func(i int) bool, from, length int) {
		for i := from + length - 1; i < n; i++ {
			ok := true
			for j := i - length + 1; j <= i; j++ {
				ok = ok && cond(j)
			}
			if ok {
				out = append(out, i)
			}
		}
	}
	side := func(length int) {
		run(func(i int) bool { return x[i] > c.Center }, 0, length)
		run(func(i int) bool { return x[i] < c.Center }, 0, length)
	}
	switch r {
	case WE1, Nelson1:
		for i := range n {
			if x[i] > c.UCL[i] || x[i] < c.LCL[i] {
				out = append(out, i)
			}
		}
	case WE2, Nelson5:
		kOfM(2, 3, 2)
	case WE3, Nelson6:
		kOfM(4, 5, 1)
	case WE4:
		side(8)
	case Nelson2:
		side(9)
	case Nelson3:
		run(func(i int) bool { return x[i]-x[i-1] > 0 }, 1, 5)
		run(func(i int) bool { return x[i]-x[i-1] < 0 }, 1, 5)
	case Nelson4:
		run(func(i int) bool { return (x[i]-x[i-1])*(x[i-1]-x[i-2]) < 0 }, 2, 12)
	case Nelson7:
		run(func(i int) bool { return sig[i] > 0 && x[i] >= c.Center-sig[i] && x[i] <= c.Center+sig[i] }, 0, 15)
	case Nelson8:
		for i := 7; i < n; i++ {
			all, up, down := true, false, false
			for j := i - 7; j <= i; j++ {
				a, b := beyond(j, 1, 1), beyond(j, 1, -1)
				all, up, down = all && (a || b), up || a, down || b
			}
			if all && up && down {
				out = append(out, i)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func randomChart(rng *rand.Rand, n int) Chart {
	c := Chart{Points: make([]float64, n), Center: 0, LCL: make([]float64, n), UCL: make([]float64, n)}
	drift := 0.0
	for i := range n {
		if rng.IntN(20) == 0 {
			drift = float64(rng.IntN(5)-2) / 2
		}
		// Half-σ steps on a grid so ties, centre hits and zone edges occur.
		c.Points[i] = drift + float64(rng.IntN(13)-6)/2
		s := 1 + float64(rng.IntN(3))/2
		c.UCL[i] = 3 * s
		c.LCL[i] = -3 * s
		if rng.IntN(4) == 0 {
			c.LCL[i] = math.Max(c.LCL[i], -1) // clipped lower limit
		}
		if rng.IntN(50) == 0 {
			c.Points[i] = math.NaN()
		}
	}
	return c
}

func TestViolationsMatchReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	all := append(slices.Clone(WesternElectric), Nelson...)
	for trial := range 300 {
		c := randomChart(rng, 1+rng.IntN(120))
		got := c.Violations(all)
		for _, r := range all {
			require.Equal(t, refViolations(c, r), flagged(got, r), "trial %d rule %v points %v", trial, r, c.Points)
		}
	}
}

func TestRuleNames(t *testing.T) {
	for _, r := range append(slices.Clone(WesternElectric), Nelson...) {
		b, err := r.MarshalText()
		require.NoError(t, err)
		var back Rule
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, r, back)
		assert.Positive(t, r.Window())
	}
	r, err := ParseRule("nelson 5")
	require.NoError(t, err)
	assert.Equal(t, Nelson5, r)
	_, err = ParseRule("nelson 9")
	assert.ErrorIs(t, err, ErrInvalidName)
}

func TestViolationsLimitsEdges(t *testing.T) {
	inf := math.Inf(1)
	tests := []struct {
		name string
		c    Chart
		rule Rule
		want []Violation
	}{
		// Limits shorter than the points: only the points with both limits
		// are checked (the third point, 5, has no limits).
		{"short LCL", Chart{Points: []float64{5, 0, 5}, LCL: []float64{-3, -3}, UCL: []float64{3, 3, 3}}, WE1,
			[]Violation{{WE1, 0}}},
		{"short UCL", Chart{Points: []float64{5, 0, 5}, LCL: []float64{-3, -3, -3}, UCL: []float64{3}}, WE1,
			[]Violation{{WE1, 0}}},
		// An infinite UCL leaves the zones to the finite side: σ = 3/3 = 1,
		// so 2.5 is beyond 2σ and WE2 fires at index 2.
		{"infinite UCL", Chart{Points: []float64{2.5, 2.5, 2.5}, LCL: fill(3, -3), UCL: fill(3, inf)}, WE2,
			[]Violation{{WE2, 2}}},
		// Both limits on the centre (σ = 0): no zones, but a point off the
		// centre is beyond a limit.
		{"no spread", Chart{Points: []float64{0, 1, 1}, Center: 0, LCL: fill(3, 0), UCL: fill(3, 0)}, WE1,
			[]Violation{{WE1, 1}, {WE1, 2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.c.Violations(RuleSet{tt.rule}))
		})
	}
	c := handChart(0, 1)
	assert.Zero(t, c.PointSigma(-1))
	assert.Zero(t, c.PointSigma(2), "one past the last point")
	assert.InDelta(t, 1, c.PointSigma(1), 1e-12)
	assert.Zero(t, Chart{Points: []float64{1}, LCL: []float64{0}}.PointSigma(0), "no UCL")
	// The pattern spans of the rules, as documented.
	for r, w := range map[Rule]int{WE1: 1, WE2: 3, WE3: 5, WE4: 8, Nelson1: 1, Nelson2: 9, Nelson3: 6, Nelson4: 14,
		Nelson5: 3, Nelson6: 5, Nelson7: 15, Nelson8: 8, RuleUnknown: 0} {
		assert.Equal(t, w, r.Window(), "%v", r)
	}
}

func TestTextHandWorked(t *testing.T) {
	// Centre 0, limits ±3: the plot spans [−3, 3] over 41 columns, column
	// round((v + 3)/6 · 40): −3 → 0, 0 → 20, 1 → round(26.67) = 27, 3 → 40.
	got := handChart(0, 1).Text(nil, nil)
	want := "unknown chart: centre 0, sigma 0, 2 points\n" +
		"point       value        LCL        UCL\n" +
		"1               0         -3          3  |                   o                   |\n" +
		"2               1         -3          3  |                   :      o            |\n"
	assert.Equal(t, want, got)
	// A flat chart (every value 5) is drawn over [4, 6]: 5 → column 20; a
	// long label widens the first column.
	flat := Chart{Points: []float64{5}, Center: 5, LCL: []float64{5}, UCL: []float64{5}}
	assert.Equal(t, "unknown chart: centre 5, sigma 0, 1 points\n"+
		"point             value        LCL        UCL\n"+
		"miércoles-1           5          5          5                      o\n",
		flat.Text([]string{"miércoles-1"}, nil))
}
