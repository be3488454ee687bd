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
// embed(), runs via rle(), each rule separately, O(n·window). Zone lines are
// qcc's qccRulesSigmaLimits: the limits.<type> functions at nsigmas·j/3,
// that is centre ± j·k/3·σᵢ with σᵢ the point's standard error, clipped
// after (clipping changes no comparison of a value the statistic can take).
// It is the reference the one-pass engine must match.
func refViolations(c Chart, r Rule) []int {
	n := len(c.Points)
	x := c.Points
	k := c.Sigmas
	if !(k > 0) || math.IsInf(k, 0) {
		k = 3
	}
	sig := make([]float64, n)
	for i := range n {
		sig[i] = refSE(c, i, k) * (k / 3)
	}
	center := c.Center
	if c.Kind == TimeBetween && c.Sigma > 0 { // zones on the transformed scale
		center = math.Pow(c.Center, 1/3.6)
		x = make([]float64, n)
		for i, v := range c.Points {
			x[i] = math.Pow(v, 1/3.6)
		}
	}
	beyond := func(i int, k float64, side int) bool {
		if sig[i] <= 0 {
			return false
		}
		if side > 0 {
			return x[i] > center+k*sig[i]
		}
		return x[i] < center-k*sig[i]
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
		run(func(i int) bool { return x[i] > center }, 0, length)
		run(func(i int) bool { return x[i] < center }, 0, length)
	}
	switch r {
	case WE1, Nelson1:
		for i := range n {
			if c.Points[i] > c.UCL[i] || c.Points[i] < c.LCL[i] {
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
		run(func(i int) bool { return sig[i] > 0 && x[i] >= center-sig[i] && x[i] <= center+sig[i] }, 0, 15)
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

// refSE is the standard error of point i as qcc's limits.<type> functions
// use it, for a chart made by a constructor (Kind and Sigma set); a chart
// built by hand falls back on its limits, the wider side over k.
func refSE(c Chart, i int, k float64) float64 {
	if c.Kind != ChartUnknown && c.Sigma > 0 {
		switch c.Kind {
		case Individuals, Defects, Geometric, TimeBetween:
			return c.Sigma
		case Means, Proportions, DefectsPerUnit, PPrime, UPrime:
			return c.Sigma / math.Sqrt(c.Sizes[i])
		case Counts:
			return c.Sigma * math.Sqrt(c.Sizes[i])
		case MovingRanges:
			return d3Pair * c.Sigma
		case Ranges:
			kk, _ := ConstantsFor(int(c.Sizes[i]))
			return kk.D3 * c.Sigma
		case StdDevs:
			kk, _ := ConstantsFor(int(c.Sizes[i]))
			return c.Sigma * math.Sqrt(1-kk.C4*kk.C4)
		}
	}
	s := 0.0
	if d := c.UCL[i] - c.Center; d > s && !math.IsInf(d, 0) {
		s = d
	}
	if d := c.Center - c.LCL[i]; d > s && !math.IsInf(d, 0) {
		s = d
	}
	return s / k
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

func TestZonesFromCentreAndSigmaClippedAfter(t *testing.T) {
	// Issue 15, defect 3. A p chart of samples of n = 4 with p̄ = 0.5:
	// σ_p = √(0.5·0.5/4) = 0.25, so the 3σ limits 0.5 ± 0.75 are clipped to
	// [0, 1] on both sides. The zones still come from the centre and σ:
	// 1σ at 0.25 and 0.75, 2σ at 0 and 1 (clipped after, which changes no
	// comparison). A point at 0.75 is on the 1σ line, not beyond it.
	//
	// R, with qcc's R/qcc.R and R/rules.R (github.com/luca-scr/qcc) sourced:
	//   qcc(c(3,3,3,3,3,1,1,1,1,1), sizes=4, type="p", rules=1:4)$violations
	//   → all NA (and the same with rules=1:8, rule.set="nelson")
	//   qcc(c(4,4,3,4,4,0,0,1,0,0), sizes=4, type="p", rules=1:4)$violations
	//   → NA NA NA NA 3 NA NA NA NA 3 (WE3 at points 5 and 10)
	four := []int{4, 4, 4, 4, 4, 4, 4, 4, 4, 4}
	p, err := P([]int{3, 3, 3, 3, 3, 1, 1, 1, 1, 1}, four)
	require.NoError(t, err)
	assert.InDelta(t, 0.5, p.Center, 1e-15)
	assert.Equal(t, []float64{0, 1}, []float64{p.LCL[0], p.UCL[0]})
	assert.InDelta(t, 0.25, p.PointSigma(0), 1e-15, "σ of the point, not the clipped half-width / 3")
	assert.Empty(t, p.Violations(WesternElectric))
	assert.Empty(t, p.Violations(Nelson))

	p, err = P([]int{4, 4, 3, 4, 4, 0, 0, 1, 0, 0}, four)
	require.NoError(t, err)
	assert.Equal(t, []Violation{{WE3, 4}, {WE3, 9}}, p.Violations(WesternElectric))
}

func TestViolationsSigmaMultiplier(t *testing.T) {
	// qcc's viscosity data (35 batches) on an individuals chart with a
	// given centre 34 and σ 0.4, limits at 2σ and at 2.5σ. R, with qcc's
	// R/qcc.R and R/rules.R sourced (0-based indices, which(...) - 1):
	//   qcc(v, type="xbar.one", center=34, std.dev=0.4, nsigmas=k, rules=r)
	//   qcc(..., rules=r, rule.set="nelson")
	v := []float64{34.05, 34.40, 33.59, 35.96, 34.70, 33.51, 33.79, 34.04, 34.52, 33.75, 33.27, 33.71, 34.03, 34.58, 34.02,
		33.97, 34.05, 34.04, 33.73, 34.05, 34.39, 33.75, 33.40, 33.27, 34.65, 34.80, 34.55, 35.40, 34.75, 34.50, 34.70,
		34.29, 34.61, 34.49, 35.03}
	tests := []struct {
		k    float64
		want map[Rule][]int
	}{
		{2, map[Rule][]int{
			WE1: {3, 27, 34}, WE2: {4, 23, 25, 26, 27, 28, 30, 32, 34}, WE3: {27, 28, 29, 30, 31, 32, 33, 34}, WE4: {31, 32, 33, 34},
			Nelson2: {32, 33, 34}, Nelson8: {29, 30},
		}},
		{2.5, map[Rule][]int{
			WE1: {3, 27, 34}, WE2: {4, 27, 28, 30}, WE3: {27, 28, 29, 30, 32, 33, 34}, WE4: {31, 32, 33, 34},
			Nelson2: {32, 33, 34}, Nelson8: {29, 30},
		}},
	}
	for _, tt := range tests {
		c, err := Limits{Kind: Individuals, Center: 34, Sigma: 0.4, Sigmas: tt.k}.Chart(v, nil)
		require.NoError(t, err)
		assert.InDelta(t, 34+tt.k*0.4, c.UCL[0], 1e-12)
		got := c.Violations(append(slices.Clone(WesternElectric), Nelson...))
		for _, r := range append(slices.Clone(WesternElectric), Nelson...) {
			want := tt.want[r]
			switch r {
			case Nelson1:
				want = tt.want[WE1]
			case Nelson5:
				want = tt.want[WE2]
			case Nelson6:
				want = tt.want[WE3]
			}
			assert.Equal(t, want, flagged(got, r), "k %v rule %v", tt.k, r)
		}
		lo2, lo1, hi1, hi2 := c.Zones(0)
		w := tt.k / 3 * 0.4
		assert.InDeltaSlice(t, []float64{34 - 2*w, 34 - w, 34 + w, 34 + 2*w}, []float64{lo2, lo1, hi1, hi2}, 1e-12)
	}
}

func TestViolationsMatchReferenceOnConstructedCharts(t *testing.T) {
	// Charts made by the constructors, with sizes that vary, limits clipped
	// on either side and multipliers other than 3: the engine and the qcc
	// transcription agree on every rule.
	rng := rand.New(rand.NewPCG(3, 5))
	all := append(slices.Clone(WesternElectric), Nelson...)
	for trial := range 300 {
		n := 2 + rng.IntN(80)
		var c Chart
		var err error
		switch trial % 6 {
		case 0, 1: // p and p′ with small samples and p̄ near 0 or 1: both limits clip
			d, sz := make([]int, n), make([]int, n)
			p := []float64{0.02, 0.5, 0.97}[rng.IntN(3)]
			for i := range n {
				sz[i] = 1 + rng.IntN(12)
				for range sz[i] {
					if rng.Float64() < p {
						d[i]++
					}
				}
			}
			if trial%6 == 0 {
				c, err = P(d, sz)
			} else {
				c, err = LaneyP(d, sz)
			}
		case 2: // X̄ and R of unequal subgroups
			groups := make([][]float64, n)
			for i := range groups {
				groups[i] = make([]float64, 2+rng.IntN(5))
				for j := range groups[i] {
					groups[i][j] = float64(rng.IntN(9))
				}
			}
			var r Chart
			c, r, err = XbarR(groups)
			if rng.IntN(2) == 0 {
				c = r
			}
		case 3: // u′
			counts, sz := make([]int, n), make([]float64, n)
			for i := range n {
				counts[i], sz[i] = rng.IntN(6), 0.5+float64(rng.IntN(4))
			}
			c, err = LaneyU(counts, sz)
		case 4: // t chart of times between events
			ts := make([]float64, n)
			for i := range ts {
				ts[i] = 1 + float64(rng.IntN(500))
			}
			c, err = T(ts)
		case 5: // g chart
			gs := make([]int, n)
			for i := range gs {
				gs[i] = rng.IntN(30)
			}
			c, err = G(gs)
		}
		require.NoError(t, err)
		c.Sigmas = []float64{0, 2, 2.5, 3.5}[rng.IntN(4)]
		got := c.Violations(all)
		for _, r := range all {
			require.Equal(t, refViolations(c, r), flagged(got, r), "trial %d %v rule %v points %v", trial, c.Kind, r, c.Points)
		}
	}
}

func TestViolationsAllocatesOnlyTheResult(t *testing.T) {
	// A p chart of varying sizes with every rule, Anhøj's included: no
	// violation, no allocation; with violations, the result only.
	rng := rand.New(rand.NewPCG(1, 8))
	d, n := make([]int, 100), make([]int, 100)
	for i := range d {
		n[i] = 100 + i%7
		for range n[i] {
			if rng.IntN(2) == 0 {
				d[i]++
			}
		}
	}
	c, err := P(d, n)
	require.NoError(t, err)
	all := append(append(slices.Clone(WesternElectric), Nelson...), Anhoj...)
	require.Empty(t, c.Violations(all), "binomial noise, seed 1, 8")
	assert.Zero(t, testing.AllocsPerRun(20, func() { _ = c.Violations(all) }))
	c.Points[50] = 2 // one point beyond: one allocation, the result
	require.NotEmpty(t, c.Violations(all))
	assert.Equal(t, 1.0, testing.AllocsPerRun(20, func() { _ = c.Violations(all) }))
}

func TestZonesOutOfRangeAndWithoutSpread(t *testing.T) {
	c := handChart(0, 1)
	for _, i := range []int{-1, 2} {
		lo2, lo1, hi1, hi2 := c.Zones(i)
		assert.True(t, math.IsNaN(lo2) && math.IsNaN(lo1) && math.IsNaN(hi1) && math.IsNaN(hi2), "index %d", i)
	}
	flat := Chart{Points: []float64{1}, Center: 1, LCL: []float64{1}, UCL: []float64{1}}
	_, lo1, hi1, _ := flat.Zones(0)
	assert.True(t, math.IsNaN(lo1) && math.IsNaN(hi1), "no spread, no zones")
	lo2, lo1, hi1, hi2 := c.Zones(1)
	assert.Equal(t, []float64{-2, -1, 1, 2}, []float64{lo2, lo1, hi1, hi2})
}
