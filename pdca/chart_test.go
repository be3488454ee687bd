package pdca

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// relClose asserts |got − want| ≤ 1e-4·|want| (the agreement asked of qcc's
// printed values, themselves rounded to 7 significant digits).
func relClose(t *testing.T, want, got float64, msg ...any) {
	t.Helper()
	tol := 1e-4 * math.Abs(want)
	if want == 0 {
		tol = 1e-9
	}
	assert.InDelta(t, want, got, tol, msg...)
}

// pistonrings: the first 25 (trial) samples of qcc's data/pistonrings.txt
// (Montgomery, Introduction to SQC, Table 6.3): inside diameters of forged
// piston rings, 5 per sample.
var pistonrings = [][]float64{
	{74.030, 74.002, 74.019, 73.992, 74.008},
	{73.995, 73.992, 74.001, 74.011, 74.004},
	{73.988, 74.024, 74.021, 74.005, 74.002},
	{74.002, 73.996, 73.993, 74.015, 74.009},
	{73.992, 74.007, 74.015, 73.989, 74.014},
	{74.009, 73.994, 73.997, 73.985, 73.993},
	{73.995, 74.006, 73.994, 74.000, 74.005},
	{73.985, 74.003, 73.993, 74.015, 73.988},
	{74.008, 73.995, 74.009, 74.005, 74.004},
	{73.998, 74.000, 73.990, 74.007, 73.995},
	{73.994, 73.998, 73.994, 73.995, 73.990},
	{74.004, 74.000, 74.007, 74.000, 73.996},
	{73.983, 74.002, 73.998, 73.997, 74.012},
	{74.006, 73.967, 73.994, 74.000, 73.984},
	{74.012, 74.014, 73.998, 73.999, 74.007},
	{74.000, 73.984, 74.005, 73.998, 73.996},
	{73.994, 74.012, 73.986, 74.005, 74.007},
	{74.006, 74.010, 74.018, 74.003, 74.000},
	{73.984, 74.002, 74.003, 74.005, 73.997},
	{74.000, 74.010, 74.013, 74.020, 74.003},
	{73.988, 74.001, 74.009, 74.005, 73.996},
	{74.004, 73.999, 73.990, 74.006, 74.009},
	{74.010, 73.989, 73.990, 74.009, 74.014},
	{74.015, 74.008, 73.993, 74.000, 74.010},
	{73.982, 73.984, 73.995, 74.017, 74.013},
}

func TestXbarRPistonrings(t *testing.T) {
	// R qcc: qcc(diameter[1:25,], type="xbar") prints Center = 74.00118,
	// StdDev = 0.009785039, LCL = 73.98805, UCL = 74.0143;
	// qcc(diameter[1:25,], type="R"): Center = 0.02276, LCL = 0, UCL = 0.04812533.
	means, ranges, err := XbarR(pistonrings)
	require.NoError(t, err)
	assert.Equal(t, Means, means.Kind)
	assert.Len(t, means.Points, 25)
	relClose(t, 74.00118, means.Center)
	relClose(t, 0.009785039, means.Sigma)
	for i := range means.Points {
		relClose(t, 73.98805, means.LCL[i])
		relClose(t, 74.0143, means.UCL[i])
	}
	relClose(t, 0.02276, ranges.Center)
	relClose(t, 0.04812533, ranges.UCL[0])
	assert.Zero(t, ranges.LCL[0])
	// Sample 1: 74.030 74.002 74.019 73.992 74.008 → mean 370.051/5 = 74.0102,
	// range 74.030 − 73.992 = 0.038.
	assert.InDelta(t, 74.0102, means.Points[0], 1e-9)
	assert.InDelta(t, 0.038, ranges.Points[0], 1e-9)
	assert.Empty(t, means.Violations(WesternElectric), "qcc: no violations in the trial samples")
}

func TestXbarSPistonrings(t *testing.T) {
	// R qcc: qcc(diameter[1:25,], type="S") prints Center = 0.009240037,
	// StdDev = 0.009829977, LCL = 0, UCL = 0.019302416.
	means, sds, err := XbarS(pistonrings)
	require.NoError(t, err)
	relClose(t, 0.009240037, sds.Center)
	relClose(t, 0.009829977, sds.Sigma)
	relClose(t, 0.019302416, sds.UCL[0])
	assert.Zero(t, sds.LCL[0])
	// X̄ from S: 74.00118 ± 3·0.009829977/√5 = 74.00118 ± 0.0131883.
	relClose(t, 74.00118, means.Center)
	relClose(t, 74.00118-3*0.009829977/math.Sqrt(5), means.LCL[0])
	relClose(t, 74.00118+3*0.009829977/math.Sqrt(5), means.UCL[0])
}

// orangejuice: qcc's data/orangejuice.txt, the 30 trial samples of 50 cans
// (Montgomery, Example 7.1): D is the number of nonconforming cans.
var ojD = []int{12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12, 7, 13, 9, 6}

func TestPOrangejuice(t *testing.T) {
	sizes := make([]int, len(ojD))
	for i := range sizes {
		sizes[i] = 50
	}
	// R qcc: qcc(D[trial], sizes=size[trial], type="p") prints
	// Center = 0.2313333, StdDev = 0.421685, LCL = 0.05242755, UCL = 0.4102391,
	// and samples 15 and 23 beyond the UCL.
	p, err := P(ojD, sizes)
	require.NoError(t, err)
	relClose(t, 0.2313333, p.Center)
	relClose(t, 0.421685, p.Sigma)
	relClose(t, 0.05242755, p.LCL[0])
	relClose(t, 0.4102391, p.UCL[0])
	assert.Equal(t, []Violation{{WE1, 14}, {WE1, 22}}, p.Violations(RuleSet{WE1}))

	// Phase I: samples 15 and 23 have assignable causes (new batch of
	// cardboard, inexperienced operator); qcc(D[inc], sizes=size[inc],
	// type="p") prints Center = 0.215, StdDev = 0.4108223,
	// LCL = 0.04070284, UCL = 0.3892972, and sample 21 (index 19 of the
	// reduced data) still beyond the UCL.
	d, err := Exclude(ojD, 14, 22)
	require.NoError(t, err)
	n, err := Exclude(sizes, 14, 22)
	require.NoError(t, err)
	p2, err := P(d, n)
	require.NoError(t, err)
	relClose(t, 0.215, p2.Center)
	relClose(t, 0.4108223, p2.Sigma)
	relClose(t, 0.04070284, p2.LCL[0])
	relClose(t, 0.3892972, p2.UCL[0])
	assert.Equal(t, []Violation{{WE1, 19}}, p2.Violations(RuleSet{WE1}))
}

func TestCCircuit(t *testing.T) {
	// qcc's data/circuit.txt (Montgomery, Example 7.3), the 26 trial samples:
	// nonconformities per 100 printed circuit boards. qcc(x[trial],
	// type="c") prints Center = 19.84615, LCL = 6.481447, UCL = 33.21086.
	// By hand: Σx = 197 + 198 + 121 = 516, c̄ = 516/26 = 19.846154,
	// √c̄ = 4.454902, 3√c̄ = 13.364707, limits 6.481447 and 33.210861.
	x := []int{21, 24, 16, 12, 15, 5, 28, 20, 31, 25, 20, 24, 16, 19, 10, 17, 13, 22, 18, 39, 30, 24, 16, 19, 17, 15}
	c, err := C(x)
	require.NoError(t, err)
	relClose(t, 19.84615, c.Center)
	relClose(t, 6.481447, c.LCL[3])
	relClose(t, 33.21086, c.UCL[3])
	// qcc flags samples 6 (5 < LCL) and 20 (39 > UCL).
	assert.Equal(t, []Violation{{Nelson1, 5}, {Nelson1, 19}}, c.Violations(RuleSet{Nelson1}))
}

func TestUDyedcloth(t *testing.T) {
	// qcc's data/dyedcloth.txt (Montgomery, Example 7.4): defects x in
	// rolls of size 10, 8, 13, 10, 9.5, 10, 12, 10.5, 12, 12.5 (50 m² units).
	// By hand: Σx = 153, Σn = 107.5, ū = 1.4232558; for n = 10,
	// 3√(ū/10) = 3·0.3772606 = 1.1317818: limits 0.291474 and 2.555038;
	// for n = 8, 3√(ū/8) = 1.265365: LCL 0.157891, UCL 2.688621.
	u, err := U([]int{14, 12, 20, 11, 7, 10, 21, 16, 19, 23}, []float64{10, 8, 13, 10, 9.5, 10, 12, 10.5, 12, 12.5})
	require.NoError(t, err)
	relClose(t, 1.4232558, u.Center)
	relClose(t, 0.291474, u.LCL[0])
	relClose(t, 2.555038, u.UCL[0])
	relClose(t, 0.157891, u.LCL[1])
	relClose(t, 2.688621, u.UCL[1])
	relClose(t, 1.4, u.Points[0])
	relClose(t, 1.5, u.Points[1])
}

func TestNPHandWorked(t *testing.T) {
	// 4 samples of 100: 2, 4, 6, 8 defectives. p̄ = 20/400 = 0.05, np̄ = 5,
	// 3√(np̄(1−p̄)) = 3√4.75 = 6.538348: LCL max(0, −1.538) = 0, UCL 11.538348.
	np, err := NP([]int{2, 4, 6, 8}, 100)
	require.NoError(t, err)
	assert.InDelta(t, 5, np.Center, 1e-12)
	assert.Zero(t, np.LCL[0])
	assert.InDelta(t, 11.538348, np.UCL[0], 1e-6)
	assert.Equal(t, []float64{2, 4, 6, 8}, np.Points)
}

func TestIMR(t *testing.T) {
	// R qcc: qcc(x, type="xbar.one") on the viscosity data (Montgomery,
	// p. 242) prints Center = 33.52333, StdDev = 0.4261651,
	// LCL = 32.24484, UCL = 34.80183; on the antifreeze water content
	// (Wetherill and Brown 1991, p. 120) Center = 2.569706,
	// StdDev = 0.1794541, LCL = 2.031344, UCL = 3.108068.
	// Those printed σ̂ are MR̄/1.128 (qcc 2.x divided by the rounded table
	// d₂(2)); current qcc integrates d₂ like this package, so σ̂ here is the
	// printed value × 1.128/d₂(2) (d₂(2) = 2/√π = 1.1283792). The limits
	// agree with the printed ones to 1e-4 either way.
	tests := []struct {
		name                    string
		x                       []float64
		center, sigma, lcl, ucl float64
	}{
		{"viscosity", []float64{33.75, 33.05, 34, 33.81, 33.46, 34.02, 33.68, 33.27, 33.49, 33.20, 33.62, 33.00, 33.54, 33.12, 33.84},
			33.52333, 0.4261651, 32.24484, 34.80183},
		{"antifreeze", []float64{2.23, 2.53, 2.62, 2.63, 2.58, 2.44, 2.49, 2.34, 2.95, 2.54, 2.60, 2.45, 2.17, 2.58, 2.57, 2.44, 2.38,
			2.23, 2.23, 2.54, 2.66, 2.84, 2.81, 2.39, 2.56, 2.70, 3.00, 2.81, 2.77, 2.89, 2.54, 2.98, 2.35, 2.53},
			2.569706, 0.1794541, 2.031344, 3.108068},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ind, mr, err := IMR(tt.x)
			require.NoError(t, err)
			relClose(t, tt.center, ind.Center)
			mrbar := tt.sigma * 1.128
			relClose(t, mrbar/(2/math.Sqrt(math.Pi)), ind.Sigma)
			relClose(t, tt.lcl, ind.LCL[0])
			relClose(t, tt.ucl, ind.UCL[0])
			assert.Len(t, mr.Points, len(tt.x)-1)
			// MR chart: centre MR̄, UCL = D₄(2)·MR̄ with D₄(2) = 3.267 (table, ±0.0005).
			relClose(t, mrbar, mr.Center)
			assert.InDelta(t, 3.267*mr.Center, mr.UCL[0], 0.0006*mr.Center)
			assert.Zero(t, mr.LCL[0])
		})
	}
	// By hand: 1, 3, 2 → MR 2, 1, MR̄ 1.5, σ̂ = 1.5/1.128379 = 1.329340.
	ind, mr, err := IMR([]float64{1, 3, 2})
	require.NoError(t, err)
	assert.Equal(t, []float64{2, 1}, mr.Points)
	assert.InDelta(t, 2, ind.Center, 1e-12)
	assert.InDelta(t, 1.329340, ind.Sigma, 1e-6)
}

func TestBadInput(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name string
		err  error
		call func() error
	}{
		{"xbar subgroup of 1 among others", ErrInvalidData, func() error { _, _, err := XbarR([][]float64{{1, 2}, {1}}); return err }},
		{"xbar size 1", ErrInvalidData, func() error { _, _, err := XbarR([][]float64{{1}, {2}}); return err }},
		{"xbar NaN", ErrInvalidData, func() error { _, _, err := XbarR([][]float64{{1, nan}, {2, 3}}); return err }},
		{"xbar none", ErrInsufficientData, func() error { _, _, err := XbarR(nil); return err }},
		{"xbarS size 1", ErrInvalidData, func() error { _, _, err := XbarS([][]float64{{1}, {2}}); return err }},
		{"imr one value", ErrInsufficientData, func() error { _, _, err := IMR([]float64{1}); return err }},
		{"imr inf", ErrInvalidData, func() error { _, _, err := IMR([]float64{1, math.Inf(1)}); return err }},
		{"p negative", ErrInvalidData, func() error { _, err := P([]int{-1}, []int{10}); return err }},
		{"p above size", ErrInvalidData, func() error { _, err := P([]int{11}, []int{10}); return err }},
		{"p zero size", ErrInvalidData, func() error { _, err := P([]int{0}, []int{0}); return err }},
		{"p lengths", ErrInvalidData, func() error { _, err := P([]int{1, 2}, []int{10}); return err }},
		{"p empty", ErrInsufficientData, func() error { _, err := P(nil, nil); return err }},
		{"np size 0", ErrInvalidData, func() error { _, err := NP([]int{1}, 0); return err }},
		{"np above size", ErrInvalidData, func() error { _, err := NP([]int{1, 6}, 5); return err }},
		{"c negative", ErrInvalidData, func() error { _, err := C([]int{3, -1}); return err }},
		{"c empty", ErrInsufficientData, func() error { _, err := C(nil); return err }},
		{"u NaN size", ErrInvalidData, func() error { _, err := U([]int{1}, []float64{nan}); return err }},
		{"u negative", ErrInvalidData, func() error { _, err := U([]int{-2}, []float64{1}); return err }},
		{"u lengths", ErrInvalidData, func() error { _, err := U([]int{1}, []float64{1, 2}); return err }},
		{"monitor p sizes", ErrInvalidData, func() error {
			_, err := (Limits{Kind: Proportions, Center: 0.5, Sigma: 0.5}).Chart([]float64{0.4}, nil)
			return err
		}},
		{"monitor NaN", ErrInvalidData, func() error {
			_, err := (Limits{Kind: Defects, Center: 4, Sigma: 2}).Chart([]float64{nan}, nil)
			return err
		}},
		{"monitor unknown", ErrInvalidData, func() error { _, err := (Limits{}).Chart([]float64{1}, nil); return err }},
		{"monitor np wrong size", ErrInvalidData, func() error {
			_, err := (Limits{Kind: Counts, Center: 4, Sigma: 0.2, Size: 5}).Chart([]float64{1}, []float64{4})
			return err
		}},
		{"monitor xbar size 2.5", ErrInvalidData, func() error {
			_, err := (Limits{Kind: Means, Center: 4, Sigma: 2, Size: 5}).Chart([]float64{1}, []float64{2.5})
			return err
		}},
		{"monitor negative sigmas", ErrInvalidData, func() error {
			_, err := (Limits{Kind: Individuals, Center: 4, Sigma: 2, Sigmas: -3}).Chart([]float64{1}, nil)
			return err
		}},
		{"exclude out of range", ErrInvalidData, func() error { _, err := Exclude([]int{1, 2}, 2); return err }},
		{"exclude repeated", ErrInvalidData, func() error { _, err := Exclude([]int{1, 2}, 1, 1); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			require.ErrorIs(t, err, tt.err)
			assert.Contains(t, err.Error(), "pdca: ")
		})
	}
}

func TestMonitorPhaseII(t *testing.T) {
	// Freeze the orangejuice limits after excluding samples 15 and 23
	// (p̄ = 0.215) and plot qcc's 24 new samples of 50 (D[!trial], taken
	// after the machine adjustment): Phase II against frozen limits.
	d, _ := Exclude(ojD, 14, 22)
	sizes := make([]int, len(d))
	for i := range sizes {
		sizes[i] = 50
	}
	base, err := P(d, sizes)
	require.NoError(t, err)
	newD := []float64{9, 6, 12, 5, 6, 4, 6, 3, 7, 6, 2, 4, 3, 6, 5, 4, 8, 5, 6, 7, 5, 6, 3, 5}
	pts, sz := make([]float64, len(newD)), make([]float64, len(newD))
	for i, v := range newD {
		pts[i], sz[i] = v/50, 50
	}
	ph2, err := base.Monitor(pts, sz)
	require.NoError(t, err)
	assert.Equal(t, base.Center, ph2.Center)
	relClose(t, 0.04070284, ph2.LCL[0])
	relClose(t, 0.3892972, ph2.UCL[0])
	// By hand: 0.215 − 3√(0.215·0.785/50) = 0.0407028; sample 11 of the new
	// data, 2/50 = 0.04, is below it.
	assert.Contains(t, ph2.Violations(RuleSet{WE1}), Violation{WE1, 10})
	// The first points are 9/50 = 0.18 and 6/50 = 0.12 (below 0.215), then
	// 12/50 = 0.24 (above: breaks the run); from index 3 every point is at
	// most 8/50 = 0.16, below the centre. The run of 8 completes at index 10
	// and the rule keeps flagging to the end (qcc's convention).
	var we4 []int
	for _, v := range ph2.Violations(RuleSet{WE4}) {
		we4 = append(we4, v.Index)
	}
	assert.Equal(t, []int{10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23}, we4)
}

func TestPhaseIILimitsByKind(t *testing.T) {
	// Frozen σ = 2, subgroups of 5 (d₃(5) = 0.864082, c₄(5) = 0.939986).
	tests := []struct {
		l        Limits
		sizes    []float64
		lcl, ucl float64
	}{
		// X̄: 10 ± 3·2/√5 = 10 ± 2.683282.
		{Limits{Kind: Means, Center: 10, Sigma: 2, Size: 5}, nil, 7.316718, 12.683282},
		// R: centre R̄ = 4.651858 (= d₂σ), ± 3·0.864082·2 = 5.184492 → LCL 0.
		{Limits{Kind: Ranges, Center: 4.651858, Sigma: 2, Size: 5}, nil, 0, 9.836350},
		// S: S̄ = 1.879971 (= c₄σ), ± 3·2·√(1 − 0.939986²) = 6·0.341214 = 2.047284.
		{Limits{Kind: StdDevs, Center: 1.879971, Sigma: 2, Size: 5}, nil, 0, 3.927255},
		// I: 10 ± 6.
		{Limits{Kind: Individuals, Center: 10, Sigma: 2}, nil, 4, 16},
		// MR: MR̄ = 2.256758 (= d₂(2)σ), UCL = MR̄ + 3·0.852502·2 = 7.371772.
		{Limits{Kind: MovingRanges, Center: 2.256758, Sigma: 2}, nil, 0, 7.371772},
		// p: 0.2 ± 3·0.4/√64 = 0.2 ± 0.15.
		{Limits{Kind: Proportions, Center: 0.2, Sigma: 0.4}, []float64{64}, 0.05, 0.35},
		// np, n = 64: 12.8 ± 3·0.4·8 = 12.8 ± 9.6.
		{Limits{Kind: Counts, Center: 12.8, Sigma: 0.4, Size: 64}, nil, 3.2, 22.4},
		// c: 16 ± 3·4.
		{Limits{Kind: Defects, Center: 16, Sigma: 4}, nil, 4, 28},
		// u, exposure 4: 4 ± 3·2/2.
		{Limits{Kind: DefectsPerUnit, Center: 4, Sigma: 2}, []float64{4}, 1, 7},
	}
	for _, tt := range tests {
		c, err := tt.l.Chart([]float64{1}, tt.sizes)
		require.NoError(t, err, "%v", tt.l.Kind)
		assert.InDelta(t, tt.lcl, c.LCL[0], 1e-5, "%v LCL", tt.l.Kind)
		assert.InDelta(t, tt.ucl, c.UCL[0], 1e-5, "%v UCL", tt.l.Kind)
		assert.InDelta(t, (tt.ucl-tt.l.Center)/3, c.PointSigma(0), 1e-5, "%v zone σ", tt.l.Kind)
	}
	assert.Zero(t, Chart{}.PointSigma(0))
}

func TestErrorsNamePositions(t *testing.T) {
	// Messages name the 1-based position and the value at fault.
	nan := math.NaN()
	tests := []struct {
		name string
		call func() error
		want string
	}{
		{"monitor point", func() error {
			_, err := (Limits{Kind: Defects, Center: 4, Sigma: 2}).Chart([]float64{1, nan}, nil)
			return err
		}, "point 2 is NaN"},
		{"monitor p size", func() error {
			_, err := (Limits{Kind: Proportions, Center: 0.5, Sigma: 0.5}).Chart([]float64{0.1, 0.2}, []float64{50, 0})
			return err
		}, "size 2 is 0"},
		{"monitor np size", func() error {
			_, err := (Limits{Kind: Counts, Center: 4, Sigma: 0.2, Size: 5}).Chart([]float64{1, 2}, []float64{5, 4})
			return err
		}, "size 2 is 4, limits are for 5"},
		{"c count", func() error { _, err := C([]int{1, -1}); return err }, "count 2 is -1"},
		{"u count", func() error { _, err := U([]int{1, -1}, []float64{1, 1}); return err }, "count 2 is -1"},
		{"u size", func() error { _, err := U([]int{1, 1}, []float64{1, 0}); return err }, "size 2 is 0"},
		{"subgroup of one", func() error { _, _, err := XbarR([][]float64{{1, 2}, {1}}); return err }, "subgroup 2 has 1 values"},
		{"subgroup NaN", func() error { _, _, err := XbarS([][]float64{{1, 2}, {nan, 2}}); return err }, "subgroup 2 value 1 is NaN"},
		{"p size", func() error { _, err := P([]int{1, 0}, []int{10, 0}); return err }, "sample 2 size 0"},
		{"p count", func() error { _, err := P([]int{1, -1}, []int{10, 10}); return err }, "sample 2 count -1"},
		{"p above size", func() error { _, err := P([]int{1, 11}, []int{10, 10}); return err }, "sample 2: 11 defectives above sample size 10"},
		{"imr value", func() error { _, _, err := IMR([]float64{1, nan}); return err }, "value 2 is NaN"},
		{"exclude", func() error { _, err := Exclude([]int{1, 2}, 2); return err }, "index 2 out of range [0, 2)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			require.ErrorIs(t, err, ErrInvalidData)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestFrozenLimitsSizes(t *testing.T) {
	// Frozen limits at the edges of the sizes they accept. d₂(2) = 2/√π =
	// 1.128379 and d₃(2) = √(2 − 4/π) = 0.852502 (closed forms, see
	// constants_test.go).
	tests := []struct {
		name     string
		l        Limits
		sizes    []float64
		lcl, ucl float64
	}{
		// X̄ of single values (n = 1) is an individuals chart: 10 ± 3·2.
		{"means of one", Limits{Kind: Means, Center: 10, Sigma: 2, Size: 1}, nil, 4, 16},
		// np with samples of one: 0.5 ± 3·0.5·1 clipped to [0, 1].
		{"np of one", Limits{Kind: Counts, Center: 0.5, Sigma: 0.5, Size: 1}, nil, 0, 1},
		// R of pairs: centre d₂(2)·2 = 2.256758, UCL 2.256758 + 3·0.852502·2.
		{"ranges of two", Limits{Kind: Ranges, Center: 2.256758, Sigma: 2, Size: 2}, []float64{2}, 0, 7.371772},
		// The largest subgroup: 10 ± 3·2/√2³⁰ = 10 ± 6/32768 = 10 ± 0.000183105.
		{"largest subgroup", Limits{Kind: Means, Center: 10, Sigma: 2, Size: 1 << 30}, nil, 10 - 0.000183105, 10 + 0.000183105},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := tt.l.Chart([]float64{1}, tt.sizes)
			require.NoError(t, err)
			assert.InDelta(t, tt.lcl, c.LCL[0], 1e-6, "LCL")
			assert.InDelta(t, tt.ucl, c.UCL[0], 1e-6, "UCL")
			assert.Equal(t, []float64{tt.l.Size}, c.Sizes)
		})
	}
	for _, l := range []Limits{
		{Kind: Ranges, Center: 1, Sigma: 1, Size: 1},  // a range needs two values
		{Kind: StdDevs, Center: 1, Sigma: 1, Size: 1}, // so does a standard deviation
		{Kind: Means, Center: 1, Sigma: 1, Size: 0},
		{Kind: Counts, Center: 1, Sigma: 1, Size: 0},
		{Kind: Means, Center: 1, Sigma: 1, Size: 1<<30 + 1},
		{Kind: Means, Center: 1, Sigma: 1, Size: 2.5},
		{Kind: Means, Center: 1, Sigma: -1, Size: 5},
	} {
		_, err := l.Chart([]float64{1}, nil)
		assert.ErrorIs(t, err, ErrInvalidData, "%+v", l)
	}
	// A hand-built chart without sizes freezes no size.
	assert.Equal(t, Limits{Kind: Means, Center: 3, Sigma: 1}, Chart{Kind: Means, Center: 3, Sigma: 1}.Limits())
	// I, MR and c charts keep no size even when one is given.
	assert.Zero(t, Chart{Kind: Individuals, Sizes: []float64{4}}.Limits().Size)
}

func TestAttributeChartsAcceptZeroAndOne(t *testing.T) {
	// Zero counts and samples of one are valid data.
	// c: 0, 2, 4 → c̄ = 2, 2 ± 3√2 = 2 ± 4.242641 → [0, 6.242641].
	c, err := C([]int{0, 2, 4})
	require.NoError(t, err)
	assert.InDelta(t, 2, c.Center, 1e-12)
	assert.Zero(t, c.LCL[0])
	assert.InDelta(t, 6.242641, c.UCL[0], 1e-6)
	// u: 0 and 3 defects in 1 and 2 units: ū = 3/3 = 1; n = 1: 1 ± 3 → [0, 4].
	u, err := U([]int{0, 3}, []float64{1, 2})
	require.NoError(t, err)
	assert.InDelta(t, 1, u.Center, 1e-12)
	assert.Equal(t, []float64{0, 1.5}, u.Points)
	assert.InDelta(t, 4, u.UCL[0], 1e-12)
	// np with samples of one: 0, 1, 0, 1 → p̄ = 0.5, σ = √(0.25) = 0.5,
	// 0.5 ± 1.5 clipped to [0, 1].
	np, err := NP([]int{0, 1, 0, 1}, 1)
	require.NoError(t, err)
	assert.InDelta(t, 0.5, np.Center, 1e-12)
	assert.InDelta(t, 0.5, np.Sigma, 1e-12)
	assert.Zero(t, np.LCL[0])
	assert.InDelta(t, 1, np.UCL[0], 1e-12)
	// p with samples of one: 0/1, 1/1 → p̄ = 0.5.
	p, err := P([]int{0, 1}, []int{1, 1})
	require.NoError(t, err)
	assert.InDelta(t, 0.5, p.Center, 1e-12)
	assert.Equal(t, []float64{0, 1}, p.Points)
}

func TestExcludeEdges(t *testing.T) {
	got, err := Exclude([]int{10, 20, 30}, 0)
	require.NoError(t, err)
	assert.Equal(t, []int{20, 30}, got, "the first index")
	got, err = Exclude([]int{10, 20, 30}, 2, 1)
	require.NoError(t, err)
	assert.Equal(t, []int{10}, got, "indices in any order")
	got, err = Exclude([]int{10, 20, 30})
	require.NoError(t, err)
	assert.Equal(t, []int{10, 20, 30}, got)
	for _, bad := range [][]int{{-1}, {3}, {0, 0}} {
		_, err := Exclude([]int{10, 20, 30}, bad...)
		assert.ErrorIs(t, err, ErrInvalidData, "%v", bad)
	}
}

func TestXbarSubgroupsOfTwo(t *testing.T) {
	// Subgroups {1, 3} and {2, 2}: means 2 and 2, ranges 2 and 0, R̄ = 1,
	// σ̂ = R̄/d₂(2) = 1/1.128379 = 0.886227, X̄ limits 2 ± 3·0.886227/√2 =
	// 2 ± 1.879971; R: UCL = 1 + 3·d₃(2)·σ̂ = 1 + 3·0.852502·0.886227 = 3.266531.
	// S: s = √2 = 1.414214 and 0, S̄ = 0.707107, σ̂ = S̄/c₄(2) = 0.707107/
	// 0.797885 = 0.886227 (the same, as for n = 2 S = R/√2).
	means, ranges, err := XbarR([][]float64{{1, 3}, {2, 2}})
	require.NoError(t, err)
	assert.Equal(t, []float64{2, 2}, means.Points)
	assert.Equal(t, []float64{2, 0}, ranges.Points)
	assert.InDelta(t, 0.886227, means.Sigma, 1e-6)
	assert.InDelta(t, 2-1.879971, means.LCL[0], 1e-6)
	assert.InDelta(t, 3.266531, ranges.UCL[0], 1e-6)
	_, sds, err := XbarS([][]float64{{1, 3}, {2, 2}})
	require.NoError(t, err)
	assert.InDelta(t, 1.414214, sds.Points[0], 1e-6)
	assert.Zero(t, sds.Points[1])
	assert.InDelta(t, 0.886227, sds.Sigma, 1e-6)
	// Two values are enough for an individuals chart: 1, 3 → MR 2,
	// σ̂ = 2/1.128379 = 1.772454.
	ind, mr, err := IMR([]float64{1, 3})
	require.NoError(t, err)
	assert.Equal(t, []float64{2}, mr.Points)
	assert.InDelta(t, 1.772454, ind.Sigma, 1e-6)
}

func TestFrozenLimitsValidation(t *testing.T) {
	// σ = 0 is allowed: the limits collapse onto the centre.
	c, err := (Limits{Kind: Defects, Center: 4, Sigma: 0}).Chart([]float64{4, 5}, nil)
	require.NoError(t, err)
	assert.Equal(t, []float64{4, 4}, c.LCL)
	assert.Equal(t, []float64{4, 4}, c.UCL)
	assert.Equal(t, []Violation{{WE1, 1}}, c.Violations(RuleSet{WE1}))
	tests := []struct {
		name   string
		l      Limits
		points []float64
		sizes  []float64
		want   error
	}{
		{"undefined kind", Limits{Kind: ChartKind(99), Center: 1, Sigma: 1}, []float64{1}, nil, ErrInvalidData},
		{"NaN centre", Limits{Kind: Defects, Center: math.NaN(), Sigma: 1}, []float64{1}, nil, ErrInvalidData},
		{"infinite sigma", Limits{Kind: Defects, Center: 1, Sigma: math.Inf(1)}, []float64{1}, nil, ErrInvalidData},
		{"no points", Limits{Kind: Defects, Center: 1, Sigma: 1}, nil, nil, ErrInsufficientData},
		{"xbar sizes length", Limits{Kind: Means, Center: 1, Sigma: 1, Size: 5}, []float64{1, 2}, []float64{5}, ErrInvalidData},
		{"p infinite size", Limits{Kind: Proportions, Center: 0.5, Sigma: 0.5}, []float64{0.5}, []float64{math.Inf(1)}, ErrInvalidData},
		{"u negative exposure", Limits{Kind: DefectsPerUnit, Center: 1, Sigma: 1}, []float64{1}, []float64{-2}, ErrInvalidData},
	}
	for _, tt := range tests {
		_, err := tt.l.Chart(tt.points, tt.sizes)
		assert.ErrorIs(t, err, tt.want, tt.name)
	}
	// A p chart's upper limit is clipped at 1: 0.9 ± 3·0.3/√4 = 0.9 ± 0.45.
	p, err := (Limits{Kind: Proportions, Center: 0.9, Sigma: 0.3}).Chart([]float64{1}, []float64{4})
	require.NoError(t, err)
	assert.InDelta(t, 0.45, p.LCL[0], 1e-12)
	assert.Equal(t, 1.0, p.UCL[0])
}

func TestXbarUnequalSubgroups(t *testing.T) {
	// qcc's vignette, "Variable control limits": pistonrings without the
	// measurements out <- c(9, 10, 30, 35, 45, 64, 65, 74, 75, 85, 99, 100),
	// so the first 25 samples have 3, 4 or 5 rings. R, with qcc's R/qcc.R
	// sourced and its d₂ table replaced by the exact values (integrate(), as
	// this package computes them; its d₃ table kept, 7 digits):
	//   qcc(m, type="xbar", sizes=sizes)   center 74.0007522124, std.dev 0.00985743738178,
	//     limits of samples 1 (n=5), 2 (n=3), 6 (n=4): 73.9875270723–74.0139773524,
	//     73.9836786300–74.0178257948, 73.9859660563–74.0155383685
	//   qcc(m, type="R", sizes=sizes)      center 0.0223008849558, UCL 0.0478538910820,
	//     0.0485720310246, 0.0483189245622
	//   qcc(m, type="S", sizes=sizes)      center 0.00938731033144, std.dev 0.00993092299102,
	//     UCL 0.0195530233638, 0.0231888515285, 0.0209710529557
	//   qcc(m, type="xbar", sizes=sizes, std.dev=sd.xbar(m, sizes, "UWAVE-SD"))
	//     limits 73.9874284811–74.0140759437, 73.9835513492–74.0179530756, 73.9858558279–74.0156485969
	drop := map[int]bool{9: true, 10: true, 30: true, 35: true, 45: true, 64: true, 65: true, 74: true, 75: true, 85: true, 99: true, 100: true}
	var groups [][]float64
	k := 0
	for _, g := range pistonrings {
		var kept []float64
		for _, v := range g {
			k++
			if !drop[k] {
				kept = append(kept, v)
			}
		}
		groups = append(groups, kept)
	}
	means, ranges, err := XbarR(groups)
	require.NoError(t, err)
	assert.Equal(t, []float64{5, 3, 5, 5, 5, 4}, means.Sizes[:6])
	assert.InDelta(t, 74.0007522124, means.Center, 1e-10)
	assert.InDelta(t, 0.00985743738178, means.Sigma, 1e-13)
	for i, w := range map[int][2]float64{0: {73.9875270723, 74.0139773524}, 1: {73.9836786300, 74.0178257948}, 5: {73.9859660563, 74.0155383685}} {
		assert.InDelta(t, w[0], means.LCL[i], 1e-10, "X̄ LCL %d", i+1)
		assert.InDelta(t, w[1], means.UCL[i], 1e-10, "X̄ UCL %d", i+1)
	}
	assert.InDelta(t, 0.0223008849558, ranges.Center, 1e-13)
	// qcc's d₃ table (0.8640855 for n = 5) differs from Harter's 0.864082,
	// which ConstantsFor matches, in the sixth decimal: 3σ̂·3.5e-6 ≈ 1e-7.
	for i, w := range map[int]float64{0: 0.0478538910820, 1: 0.0485720310246, 5: 0.0483189245622} {
		assert.InDelta(t, w, ranges.UCL[i], 2e-7, "R UCL %d", i+1)
		assert.Zero(t, ranges.LCL[i])
	}
	assert.Zero(t, means.Limits().Size, "sizes differ: none frozen")

	means, sds, err := XbarS(groups)
	require.NoError(t, err)
	assert.InDelta(t, 0.00938731033144, sds.Center, 1e-13)
	assert.InDelta(t, 0.00993092299102, sds.Sigma, 1e-13)
	for i, w := range map[int]float64{0: 0.0195530233638, 1: 0.0231888515285, 5: 0.0209710529557} {
		assert.InDelta(t, w, sds.UCL[i], 1e-12, "S UCL %d", i+1)
	}
	for i, w := range map[int][2]float64{0: {73.9874284811, 74.0140759437}, 1: {73.9835513492, 74.0179530756}, 5: {73.9858558279, 74.0156485969}} {
		assert.InDelta(t, w[0], means.LCL[i], 1e-10, "X̄ (S) LCL %d", i+1)
		assert.InDelta(t, w[1], means.UCL[i], 1e-10, "X̄ (S) UCL %d", i+1)
	}
	// Phase II with each subgroup's own size (qcc's newsizes).
	m, err := means.Monitor([]float64{74, 74.02}, []float64{2, 5})
	require.NoError(t, err)
	assert.InDelta(t, means.Center+3*means.Sigma/math.Sqrt(2), m.UCL[0], 1e-12)
	_, err = means.Monitor([]float64{74}, nil)
	assert.ErrorIs(t, err, ErrInvalidData, "no sizes and none frozen")
}
