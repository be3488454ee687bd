package pdca

import (
	"fmt"
	"math"
)

// Chart is a Shewhart control chart: the plotted statistic of each subgroup
// with its centre line and its lower and upper 3σ control limits, one pair
// per point (they differ only when sample sizes differ, as on p and u charts).
//
// Constructors ([XbarR], [XbarS], [IMR], [P], [NP], [C], [U]) compute Phase I
// (trial) limits from the data itself; [Chart.Monitor] plots Phase II data
// against frozen limits. A Chart may also be built by hand: [Chart.Violations]
// only needs Points, Center, LCL and UCL. A lower limit that cannot be
// negative (R, S, MR, p, np, c, u) is clipped at 0, and a p chart's upper
// limit at 1, as qcc does.
type Chart struct {
	Kind   ChartKind `json:"kind"`
	Points []float64 `json:"points"` // the plotted statistic, in time order
	Center float64   `json:"center"` // centre line
	LCL    []float64 `json:"lcl"`    // lower control limit of each point
	UCL    []float64 `json:"ucl"`    // upper control limit of each point

	// Sigma is the process standard deviation the limits come from (qcc's
	// std.dev): σ̂ = R̄/d₂ or S̄/c₄ for variables, √(p̄(1−p̄)) for p and np,
	// √c̄ for c, √ū for u. Zero for a chart built by hand.
	Sigma float64 `json:"sigma"`
	// Sizes holds each point's subgroup size (X̄, R, S, p, np) or exposure
	// (u); nil for I, MR and c charts.
	Sizes []float64 `json:"sizes,omitempty"`
}

// Limits are the frozen parameters of a chart: what Phase II monitoring and a
// service standard keep from a baseline.
type Limits struct {
	Kind   ChartKind `json:"kind"`
	Center float64   `json:"center"`
	Sigma  float64   `json:"sigma"`
	// Size is the constant subgroup size of X̄, R, S and np charts; 0 when
	// sizes are given per point.
	Size float64 `json:"size,omitempty"`
}

// Limits returns the chart's frozen parameters.
func (c Chart) Limits() Limits {
	l := Limits{Kind: c.Kind, Center: c.Center, Sigma: c.Sigma}
	switch c.Kind {
	case Means, Ranges, StdDevs, Counts:
		if len(c.Sizes) > 0 {
			l.Size = c.Sizes[0]
		}
	}
	return l
}

// Monitor returns the Phase II chart of new points against c's frozen centre
// and σ. See [Limits.Chart] for sizes.
func (c Chart) Monitor(points, sizes []float64) (Chart, error) {
	return c.Limits().Chart(points, sizes)
}

// Chart plots points (the statistic of each new subgroup: a mean, a range, a
// proportion, a count...) against the frozen limits l (Phase II). sizes gives
// each point's sample size for p charts and exposure for u charts (required);
// for X̄, R, S and np charts nil means l.Size and otherwise every size must
// equal l.Size; it is ignored for I, MR and c charts.
func (l Limits) Chart(points, sizes []float64) (Chart, error) {
	if l.Kind == ChartUnknown || !chartKindNames.Valid(l.Kind) {
		return Chart{}, fmt.Errorf("pdca: limits kind %v: cannot compute limits: %w", l.Kind, ErrInvalidData)
	}
	if !finite(l.Center) || !finite(l.Sigma) || l.Sigma < 0 {
		return Chart{}, fmt.Errorf("pdca: limits center %v sigma %v: want finite, sigma ≥ 0: %w", l.Center, l.Sigma, ErrInvalidData)
	}
	if len(points) == 0 {
		return Chart{}, fmt.Errorf("pdca: monitor: no points: %w", ErrInsufficientData)
	}
	for i, p := range points {
		if !finite(p) {
			return Chart{}, fmt.Errorf("pdca: monitor: point %d is %v: %w", i+1, p, ErrInvalidData)
		}
	}
	c := Chart{Kind: l.Kind, Points: clone(points), Center: l.Center, Sigma: l.Sigma}
	switch l.Kind {
	case Proportions, DefectsPerUnit:
		if len(sizes) != len(points) {
			return Chart{}, fmt.Errorf("pdca: monitor %v: %d sizes for %d points: %w", l.Kind, len(sizes), len(points), ErrInvalidData)
		}
		for i, s := range sizes {
			if !finite(s) || s <= 0 {
				return Chart{}, fmt.Errorf("pdca: monitor %v: size %d is %v: %w", l.Kind, i+1, s, ErrInvalidData)
			}
		}
		c.Sizes = clone(sizes)
	case Means, Ranges, StdDevs, Counts:
		if l.Size < 1 || l.Size > maxSubgroup || (l.Kind != Means && l.Kind != Counts && l.Size < 2) || l.Size != math.Trunc(l.Size) {
			return Chart{}, fmt.Errorf("pdca: limits %v size %v: want a whole subgroup size: %w", l.Kind, l.Size, ErrInvalidData)
		}
		if sizes != nil && len(sizes) != len(points) {
			return Chart{}, fmt.Errorf("pdca: monitor %v: %d sizes for %d points: %w", l.Kind, len(sizes), len(points), ErrInvalidData)
		}
		for i, s := range sizes {
			if s != l.Size {
				return Chart{}, fmt.Errorf("pdca: monitor %v: size %d is %v, limits are for %v: %w", l.Kind, i+1, s, l.Size, ErrInvalidData)
			}
		}
		c.Sizes = fill(len(points), l.Size)
	}
	c.LCL = make([]float64, len(points))
	c.UCL = make([]float64, len(points))
	for i := range points {
		size := l.Size
		if c.Sizes != nil {
			size = c.Sizes[i]
		}
		c.LCL[i], c.UCL[i] = l.at(size)
	}
	return c, nil
}

// at returns the 3σ limits of a point of the given size.
func (l Limits) at(size float64) (lcl, ucl float64) {
	var se float64
	floor := true
	switch l.Kind {
	case Means:
		se, floor = l.Sigma/math.Sqrt(size), false
	case Individuals:
		se, floor = l.Sigma, false
	case Ranges:
		se = mustConstants(int(size)).D3 * l.Sigma
	case MovingRanges:
		se = mustConstants(2).D3 * l.Sigma
	case StdDevs:
		k := mustConstants(int(size)).C4
		se = l.Sigma * math.Sqrt(1-k*k)
	case Proportions:
		se = l.Sigma / math.Sqrt(size)
		lcl, ucl = l.Center-3*se, l.Center+3*se
		return math.Max(0, lcl), math.Min(1, ucl)
	case Counts:
		se = l.Sigma * math.Sqrt(size)
		lcl, ucl = l.Center-3*se, l.Center+3*se
		return math.Max(0, lcl), math.Min(size, ucl)
	case Defects:
		se = l.Sigma
	case DefectsPerUnit:
		se = l.Sigma / math.Sqrt(size)
	}
	lcl, ucl = l.Center-3*se, l.Center+3*se
	if floor {
		lcl = math.Max(0, lcl)
	}
	return lcl, ucl
}

func (l Limits) chart(points, sizes []float64) Chart {
	c, err := l.Chart(points, sizes)
	if err != nil {
		panic(err) // unreachable: constructors validate first
	}
	return c
}

// XbarR returns the X̄ and R charts of equal-size subgroups (each of at least
// 2 values): centre X̿ and R̄, σ̂ = R̄/d₂(n), limits X̿ ± 3σ̂/√n and
// R̄ ± 3d₃σ̂ (clipped at 0), as qcc's "xbar" and "R" charts with the default
// std.dev "UWAVE-R".
func XbarR(subgroups [][]float64) (means, ranges Chart, err error) {
	n, err := checkSubgroups(subgroups)
	if err != nil {
		return Chart{}, Chart{}, err
	}
	k := mustConstants(n)
	xs, rs := make([]float64, len(subgroups)), make([]float64, len(subgroups))
	for i, g := range subgroups {
		lo, hi, sum := g[0], g[0], 0.0
		for _, v := range g {
			lo, hi, sum = math.Min(lo, v), math.Max(hi, v), sum+v
		}
		xs[i], rs[i] = sum/float64(n), hi-lo
	}
	rbar := mean(rs)
	sigma := rbar / k.D2
	nf := float64(n)
	means = Limits{Kind: Means, Center: mean(xs), Sigma: sigma, Size: nf}.chart(xs, nil)
	ranges = Limits{Kind: Ranges, Center: rbar, Sigma: sigma, Size: nf}.chart(rs, nil)
	return means, ranges, nil
}

// XbarS returns the X̄ and S charts of equal-size subgroups (each of at least
// 2 values): centre X̿ and S̄ (S with divisor n − 1), σ̂ = S̄/c₄(n), limits
// X̿ ± 3σ̂/√n and S̄ ± 3σ̂√(1 − c₄²) (clipped at 0), as qcc's "xbar" chart with
// std.dev "UWAVE-SD" and its "S" chart.
func XbarS(subgroups [][]float64) (means, sds Chart, err error) {
	n, err := checkSubgroups(subgroups)
	if err != nil {
		return Chart{}, Chart{}, err
	}
	k := mustConstants(n)
	xs, ss := make([]float64, len(subgroups)), make([]float64, len(subgroups))
	for i, g := range subgroups {
		m := mean(g)
		q := 0.0
		for _, v := range g {
			q += (v - m) * (v - m)
		}
		xs[i], ss[i] = m, math.Sqrt(q/float64(n-1))
	}
	sbar := mean(ss)
	sigma := sbar / k.C4
	nf := float64(n)
	means = Limits{Kind: Means, Center: mean(xs), Sigma: sigma, Size: nf}.chart(xs, nil)
	sds = Limits{Kind: StdDevs, Center: sbar, Sigma: sigma, Size: nf}.chart(ss, nil)
	return means, sds, nil
}

// IMR returns the individuals and moving-range charts of at least 2 values:
// centre x̄ and MR̄ (the mean of |xᵢ − xᵢ₋₁|), σ̂ = MR̄/d₂(2), limits x̄ ± 3σ̂
// and MR̄ ± 3d₃(2)σ̂ (clipped at 0), as qcc's "xbar.one" chart. The moving
// range chart has one point fewer: its point i is |values[i+1] − values[i]|.
func IMR(values []float64) (individuals, movingRanges Chart, err error) {
	if len(values) < 2 {
		return Chart{}, Chart{}, fmt.Errorf("pdca: individuals: %d values, need at least 2 for a moving range: %w", len(values), ErrInsufficientData)
	}
	if err := checkFinite("value", values); err != nil {
		return Chart{}, Chart{}, err
	}
	mr := make([]float64, len(values)-1)
	for i := range mr {
		mr[i] = math.Abs(values[i+1] - values[i])
	}
	mrbar := mean(mr)
	sigma := mrbar / mustConstants(2).D2
	individuals = Limits{Kind: Individuals, Center: mean(values), Sigma: sigma}.chart(values, nil)
	movingRanges = Limits{Kind: MovingRanges, Center: mrbar, Sigma: sigma}.chart(mr, nil)
	return individuals, movingRanges, nil
}

// P returns the p chart of defectives[i] items out of sizes[i] in each sample
// (sizes may differ): points dᵢ/nᵢ, centre p̄ = Σd/Σn, limits per point
// p̄ ± 3√(p̄(1 − p̄)/nᵢ) clipped to [0, 1], as qcc's "p" chart. The counted
// attribute may be a defect or a success (a contact resolved at first
// contact); the chart is the same.
func P(defectives, sizes []int) (Chart, error) {
	if err := checkAttributes(defectives, sizes, true); err != nil {
		return Chart{}, err
	}
	d, n := sumInts(defectives), sumInts(sizes)
	pbar := d / n
	pts, sz := make([]float64, len(sizes)), make([]float64, len(sizes))
	for i := range sizes {
		pts[i], sz[i] = float64(defectives[i])/float64(sizes[i]), float64(sizes[i])
	}
	return Limits{Kind: Proportions, Center: pbar, Sigma: math.Sqrt(pbar * (1 - pbar))}.chart(pts, sz), nil
}

// NP returns the np chart of defectives[i] items in samples of a constant
// size: centre np̄, limits np̄ ± 3√(np̄(1 − p̄)) clipped to [0, size].
func NP(defectives []int, size int) (Chart, error) {
	if size < 1 {
		return Chart{}, fmt.Errorf("pdca: np chart: sample size %d: want ≥ 1: %w", size, ErrInvalidData)
	}
	sizes := make([]int, len(defectives))
	for i := range sizes {
		sizes[i] = size
	}
	if err := checkAttributes(defectives, sizes, true); err != nil {
		return Chart{}, err
	}
	pbar := sumInts(defectives) / (float64(size) * float64(len(defectives)))
	pts := make([]float64, len(defectives))
	for i, d := range defectives {
		pts[i] = float64(d)
	}
	return Limits{Kind: Counts, Center: pbar * float64(size), Sigma: math.Sqrt(pbar * (1 - pbar)), Size: float64(size)}.chart(pts, nil), nil
}

// C returns the c chart of defect counts per inspection unit: centre c̄,
// limits c̄ ± 3√c̄ (LCL clipped at 0), as qcc's "c" chart.
func C(counts []int) (Chart, error) {
	if len(counts) == 0 {
		return Chart{}, fmt.Errorf("pdca: c chart: no counts: %w", ErrInsufficientData)
	}
	pts := make([]float64, len(counts))
	for i, x := range counts {
		if x < 0 {
			return Chart{}, fmt.Errorf("pdca: c chart: count %d is %d: want ≥ 0: %w", i+1, x, ErrInvalidData)
		}
		pts[i] = float64(x)
	}
	cbar := mean(pts)
	return Limits{Kind: Defects, Center: cbar, Sigma: math.Sqrt(cbar)}.chart(pts, nil), nil
}

// U returns the u chart of counts[i] defects over sizes[i] units of exposure
// (inspection units, hours, contacts; sizes may differ and need not be whole):
// points cᵢ/nᵢ, centre ū = Σc/Σn, limits per point ū ± 3√(ū/nᵢ) (LCL clipped
// at 0), as qcc's "u" chart.
func U(counts []int, sizes []float64) (Chart, error) {
	if len(counts) == 0 {
		return Chart{}, fmt.Errorf("pdca: u chart: no counts: %w", ErrInsufficientData)
	}
	if len(counts) != len(sizes) {
		return Chart{}, fmt.Errorf("pdca: u chart: %d counts but %d sizes: %w", len(counts), len(sizes), ErrInvalidData)
	}
	pts := make([]float64, len(counts))
	var sc, sn float64
	for i, x := range counts {
		if x < 0 {
			return Chart{}, fmt.Errorf("pdca: u chart: count %d is %d: want ≥ 0: %w", i+1, x, ErrInvalidData)
		}
		if !finite(sizes[i]) || sizes[i] <= 0 {
			return Chart{}, fmt.Errorf("pdca: u chart: size %d is %v: want > 0: %w", i+1, sizes[i], ErrInvalidData)
		}
		pts[i] = float64(x) / sizes[i]
		sc += float64(x)
		sn += sizes[i]
	}
	ubar := sc / sn
	return Limits{Kind: DefectsPerUnit, Center: ubar, Sigma: math.Sqrt(ubar)}.chart(pts, sizes), nil
}

// Exclude returns a copy of data without the elements at the given 0-based
// indices: Phase I, after the points with an assignable cause have been
// identified, rebuild the chart from Exclude(data, causes...). Indices out of
// range or repeated are an error.
func Exclude[T any](data []T, indices ...int) ([]T, error) {
	drop := make(map[int]bool, len(indices))
	for _, i := range indices {
		if i < 0 || i >= len(data) {
			return nil, fmt.Errorf("pdca: exclude: index %d out of range [0, %d): %w", i, len(data), ErrInvalidData)
		}
		if drop[i] {
			return nil, fmt.Errorf("pdca: exclude: index %d repeated: %w", i, ErrInvalidData)
		}
		drop[i] = true
	}
	out := make([]T, 0, len(data)-len(drop))
	for i, v := range data {
		if !drop[i] {
			out = append(out, v)
		}
	}
	return out, nil
}

func checkSubgroups(subgroups [][]float64) (int, error) {
	if len(subgroups) == 0 {
		return 0, fmt.Errorf("pdca: subgroups: none given: %w", ErrInsufficientData)
	}
	n := len(subgroups[0])
	for i, g := range subgroups {
		if len(g) != n {
			return 0, fmt.Errorf("pdca: subgroup %d has %d values, subgroup 1 has %d: ragged subgroups: %w", i+1, len(g), n, ErrInvalidData)
		}
		for j, v := range g {
			if !finite(v) {
				return 0, fmt.Errorf("pdca: subgroup %d value %d is %v: %w", i+1, j+1, v, ErrInvalidData)
			}
		}
	}
	if n < 2 {
		return 0, fmt.Errorf("pdca: subgroup size %d: a range or standard deviation needs at least 2 values: %w", n, ErrInvalidData)
	}
	return n, nil
}

func checkAttributes(defectives, sizes []int, bounded bool) error {
	if len(defectives) == 0 {
		return fmt.Errorf("pdca: attribute chart: no samples: %w", ErrInsufficientData)
	}
	if len(defectives) != len(sizes) {
		return fmt.Errorf("pdca: attribute chart: %d counts but %d sizes: %w", len(defectives), len(sizes), ErrInvalidData)
	}
	for i, d := range defectives {
		switch {
		case sizes[i] < 1:
			return fmt.Errorf("pdca: attribute chart: sample %d size %d: want ≥ 1: %w", i+1, sizes[i], ErrInvalidData)
		case d < 0:
			return fmt.Errorf("pdca: attribute chart: sample %d count %d: want ≥ 0: %w", i+1, d, ErrInvalidData)
		case bounded && d > sizes[i]:
			return fmt.Errorf("pdca: attribute chart: sample %d: %d defectives above sample size %d: %w", i+1, d, sizes[i], ErrInvalidData)
		}
	}
	return nil
}

func checkFinite(what string, xs []float64) error {
	for i, v := range xs {
		if !finite(v) {
			return fmt.Errorf("pdca: %s %d is %v: %w", what, i+1, v, ErrInvalidData)
		}
	}
	return nil
}

// maxSubgroup bounds the subgroup sizes that frozen limits accept.
const maxSubgroup = 1 << 30

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

func mean(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}

func sumInts(xs []int) float64 {
	s := 0.0
	for _, x := range xs {
		s += float64(x)
	}
	return s
}

func clone(xs []float64) []float64 { return append([]float64(nil), xs...) }

func fill(n int, v float64) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = v
	}
	return out
}
