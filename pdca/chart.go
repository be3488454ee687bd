package pdca

import (
	"fmt"
	"math"
)

// Chart is a Shewhart control chart: the plotted statistic of each subgroup
// with its centre line and its lower and upper k-sigma control limits, one
// pair per point (they differ only when sample sizes differ, as on p and u
// charts, or on X̄, R and S charts of unequal subgroups).
//
// Constructors ([XbarR], [XbarS], [IMR], [P], [NP], [C], [U], [LaneyP],
// [LaneyU], [G], [T]) compute Phase I (trial) limits from the data itself;
// [Chart.Monitor] plots Phase II data against frozen limits. A Chart may
// also be built by hand: [Chart.Violations] only needs Points, Center, LCL
// and UCL. A lower limit that cannot be negative (R, S, MR, p, np, c, u, g,
// t) is clipped at 0, a p chart's upper limit at 1 and an np chart's at the
// sample size, as qcc does.
type Chart struct {
	Kind   ChartKind `json:"kind"`
	Points []float64 `json:"points"` // the plotted statistic, in time order
	Center float64   `json:"center"` // centre line
	LCL    []float64 `json:"lcl"`    // lower control limit of each point
	UCL    []float64 `json:"ucl"`    // upper control limit of each point

	// Sigma is the process standard deviation the limits come from (qcc's
	// std.dev): σ̂ = R̄/d₂ or S̄/c₄ for variables, √(p̄(1−p̄)) for p and np,
	// √c̄ for c, √ū for u, Laney's σ_z times those for p′ and u′,
	// √(ḡ(ḡ+1)) for g, and the σ of the transformed times for t. Zero for a
	// chart built by hand.
	Sigma float64 `json:"sigma"`
	// Sizes holds each point's subgroup size (X̄, R, S, p, np, p′) or
	// exposure (u, u′); nil for I, MR, c, g and t charts.
	Sizes []float64 `json:"sizes,omitempty"`
	// Sigmas is the multiplier k of the limits, Center ± k·σ of the point
	// (qcc's nsigmas); 0 means 3.
	Sigmas float64 `json:"sigmas,omitempty"`
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
	// Sigmas is the multiplier k of the limits; 0 means 3.
	Sigmas float64 `json:"sigmas,omitempty"`
}

// sigmasOr3 returns k, with 0 meaning the conventional 3.
func sigmasOr3(k float64) float64 {
	if k == 0 {
		return 3
	}
	return k
}

// Limits returns the chart's frozen parameters. Size is set for X̄, R, S
// and np charts whose points all have the same size.
func (c Chart) Limits() Limits {
	l := Limits{Kind: c.Kind, Center: c.Center, Sigma: c.Sigma, Sigmas: c.Sigmas}
	switch c.Kind {
	case Means, Ranges, StdDevs, Counts:
		if len(c.Sizes) > 0 && allEqual(c.Sizes) {
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

// Validate reports an unknown kind, a non-finite centre or σ, a negative σ,
// a multiplier that is not finite and positive (0 means 3), or a constant
// subgroup size a chart of the kind cannot have.
func (l Limits) Validate() error {
	if l.Kind == ChartUnknown || !chartKindNames.Valid(l.Kind) {
		return fmt.Errorf("pdca: limits kind %v: cannot compute limits: %w", l.Kind, ErrInvalidData)
	}
	if !finite(l.Center) || !finite(l.Sigma) || l.Sigma < 0 {
		return fmt.Errorf("pdca: limits center %v sigma %v: want finite, sigma ≥ 0: %w", l.Center, l.Sigma, ErrInvalidData)
	}
	if l.Sigmas < 0 || !finite(l.Sigmas) {
		return fmt.Errorf("pdca: limits sigmas %v: want a finite multiplier > 0 (0 means 3): %w", l.Sigmas, ErrInvalidData)
	}
	if l.Kind == TimeBetween && l.Center < 0 {
		return fmt.Errorf("pdca: limits center %v: a t chart's centre is a time ≥ 0: %w", l.Center, ErrInvalidData)
	}
	if l.Size != 0 {
		if err := checkSize(l.Kind, "limits size", l.Size); err != nil {
			return err
		}
	}
	return nil
}

// checkSize reports a subgroup size that the chart kind cannot have: whole
// and at least 1 (X̄, np) or 2 (R, S), at most 2³⁰.
func checkSize(kind ChartKind, what string, size float64) error {
	least := 1.0
	if kind == Ranges || kind == StdDevs {
		least = 2
	}
	if !(size >= least) || size > maxSubgroup || size != math.Trunc(size) {
		return fmt.Errorf("pdca: %v %s %v: want a whole subgroup size in [%v, 2^30]: %w", kind, what, size, least, ErrInvalidData)
	}
	return nil
}

// Chart plots points (the statistic of each new subgroup: a mean, a range, a
// proportion, a count...) against the frozen limits l (Phase II). sizes gives
// each point's sample size for p and p′ charts and exposure for u and u′
// charts (required); for X̄, R and S charts nil means l.Size and otherwise
// each point has its own size (qcc's newsizes); for np charts nil means
// l.Size and otherwise every size must equal l.Size; it is ignored for I,
// MR, c, g and t charts.
func (l Limits) Chart(points, sizes []float64) (Chart, error) {
	pts, sz, err := l.phaseII(points, sizes)
	if err != nil {
		return Chart{}, err
	}
	return l.build(pts, sz), nil
}

// phaseII validates the limits and new points with their sizes and returns
// copies of both.
func (l Limits) phaseII(points, sizes []float64) (pts, sz []float64, err error) {
	if err := l.Validate(); err != nil {
		return nil, nil, err
	}
	if len(points) == 0 {
		return nil, nil, fmt.Errorf("pdca: monitor: no points: %w", ErrInsufficientData)
	}
	for i, p := range points {
		if !finite(p) || (l.Kind == TimeBetween && p <= 0) {
			return nil, nil, fmt.Errorf("pdca: monitor: point %d is %v: %w", i+1, p, ErrInvalidData)
		}
	}
	if sz, err = l.sizesFor(len(points), sizes); err != nil {
		return nil, nil, err
	}
	return clone(points), sz, nil
}

// sizesFor validates the sizes of n points and returns the chart's Sizes.
func (l Limits) sizesFor(n int, sizes []float64) ([]float64, error) {
	switch l.Kind {
	case Proportions, DefectsPerUnit, PPrime, UPrime:
		if len(sizes) != n {
			return nil, fmt.Errorf("pdca: monitor %v: %d sizes for %d points: %w", l.Kind, len(sizes), n, ErrInvalidData)
		}
		for i, s := range sizes {
			if !finite(s) || s <= 0 || (s != math.Trunc(s) && (l.Kind == Proportions || l.Kind == PPrime)) {
				return nil, fmt.Errorf("pdca: monitor %v: size %d is %v: %w", l.Kind, i+1, s, ErrInvalidData)
			}
		}
		return clone(sizes), nil
	case Means, Ranges, StdDevs, Counts:
		if sizes == nil {
			if l.Size == 0 {
				return nil, fmt.Errorf("pdca: monitor %v: no sizes and no constant size in the limits: %w", l.Kind, ErrInvalidData)
			}
			return fill(n, l.Size), nil
		}
		if len(sizes) != n {
			return nil, fmt.Errorf("pdca: monitor %v: %d sizes for %d points: %w", l.Kind, len(sizes), n, ErrInvalidData)
		}
		for i, s := range sizes {
			if l.Kind == Counts && s != l.Size {
				return nil, fmt.Errorf("pdca: monitor %v: size %d is %v, limits are for %v: %w", l.Kind, i+1, s, l.Size, ErrInvalidData)
			}
			if err := checkSize(l.Kind, fmt.Sprintf("size %d", i+1), s); err != nil {
				return nil, err
			}
		}
		return clone(sizes), nil
	}
	return nil, nil
}

// build makes the chart of points and sizes, which it owns, after
// validation. Limits are computed once per run of equal sizes.
func (l Limits) build(points, sizes []float64) Chart {
	n := len(points)
	c := Chart{Kind: l.Kind, Points: points, Center: l.Center, Sigma: l.Sigma, Sizes: sizes, Sigmas: l.Sigmas}
	buf := make([]float64, 2*n)
	c.LCL, c.UCL = buf[:n:n], buf[n:]
	if sizes == nil {
		lcl, ucl := l.at(l.Size)
		if lcl != 0 { // a clipped LCL is already there: make zeroes
			setAll(c.LCL, lcl)
		}
		setAll(c.UCL, ucl)
		return c
	}
	prev := math.NaN()
	var lcl, ucl float64
	for i, s := range sizes {
		if s != prev {
			lcl, ucl = l.at(s)
			prev = s
		}
		c.LCL[i], c.UCL[i] = lcl, ucl
	}
	return c
}

// se returns the standard error of a point of the given size: the σ of the
// plotted statistic that the limits and zones are measured in (for a t
// chart, in the transformed scale).
func (l Limits) se(size float64) float64 {
	switch l.Kind {
	case Means, Proportions, DefectsPerUnit, PPrime, UPrime:
		return l.Sigma / math.Sqrt(size)
	case Counts:
		return l.Sigma * math.Sqrt(size)
	case Ranges:
		return mustConstants(int(size)).D3 * l.Sigma
	case MovingRanges:
		return d3Pair * l.Sigma
	case StdDevs:
		k := mustConstants(int(size)).C4
		return l.Sigma * math.Sqrt(1-k*k)
	}
	return l.Sigma // I, c, g, t
}

// at returns the k-sigma limits of a point of the given size, clipped to
// the values the statistic can take.
func (l Limits) at(size float64) (lcl, ucl float64) {
	k := sigmasOr3(l.Sigmas)
	se := l.se(size)
	if l.Kind == TimeBetween {
		ct := math.Pow(l.Center, 1/tPower)
		return tBack(ct - k*se), tBack(ct + k*se)
	}
	lcl, ucl = l.Center-k*se, l.Center+k*se
	switch l.Kind {
	case Means, Individuals:
		return lcl, ucl
	case Proportions, PPrime:
		return math.Max(0, lcl), math.Min(1, ucl)
	case Counts:
		return math.Max(0, lcl), math.Min(size, ucl)
	}
	return math.Max(0, lcl), ucl
}

// d3Pair is d₃(2) = √(2 − 4/π), the standard deviation of the range of two
// standard normal values (closed form, see constants_test.go).
var d3Pair = math.Sqrt(2 - 4/math.Pi)

// d2Pair is d₂(2) = 2/√π, the mean of the range of two standard normal
// values.
var d2Pair = 2 / math.Sqrt(math.Pi)

// XbarR returns the X̄ and R charts of subgroups of at least 2 values each,
// with qcc's approach to unequal sizes nᵢ: centre X̿ = Σnᵢx̄ᵢ/Σnᵢ,
// σ̂ = mean of Rᵢ/d₂(nᵢ) (qcc's std.dev "UWAVE-R"), X̄ limits X̿ ± 3σ̂/√nᵢ;
// R chart centre Σnᵢ Rᵢ/Σnᵢ and limits ± 3d₃(nᵢ)σ̂ (clipped at 0). With
// equal sizes these are R̄, σ̂ = R̄/d₂(n) and the textbook limits.
func XbarR(subgroups [][]float64) (means, ranges Chart, err error) {
	sizes, err := checkSubgroups(subgroups)
	if err != nil {
		return Chart{}, Chart{}, err
	}
	k := len(subgroups)
	xs, rs := make([]float64, k), make([]float64, k)
	var sigma float64
	for i, g := range subgroups {
		lo, hi, sum := g[0], g[0], 0.0
		for _, v := range g {
			lo, hi, sum = math.Min(lo, v), math.Max(hi, v), sum+v
		}
		xs[i], rs[i] = sum/sizes[i], hi-lo
		sigma += rs[i] / mustConstants(len(g)).D2
	}
	sigma /= float64(k)
	means = Limits{Kind: Means, Center: weightedMean(xs, sizes), Sigma: sigma}.build(xs, sizes)
	ranges = Limits{Kind: Ranges, Center: weightedMean(rs, sizes), Sigma: sigma}.build(rs, clone(sizes))
	return means, ranges, nil
}

// XbarS returns the X̄ and S charts of subgroups of at least 2 values each
// (S with divisor n − 1), with qcc's approach to unequal sizes nᵢ: centre
// X̿ = Σnᵢx̄ᵢ/Σnᵢ, σ̂ = mean of Sᵢ/c₄(nᵢ) (qcc's std.dev "UWAVE-SD"), X̄
// limits X̿ ± 3σ̂/√nᵢ; S chart centre Σnᵢ Sᵢ/Σnᵢ and limits
// ± 3σ̂√(1 − c₄(nᵢ)²) (clipped at 0). With equal sizes: S̄, σ̂ = S̄/c₄(n).
func XbarS(subgroups [][]float64) (means, sds Chart, err error) {
	sizes, err := checkSubgroups(subgroups)
	if err != nil {
		return Chart{}, Chart{}, err
	}
	k := len(subgroups)
	xs, ss := make([]float64, k), make([]float64, k)
	var sigma float64
	for i, g := range subgroups {
		m := mean(g)
		q := 0.0
		for _, v := range g {
			q += (v - m) * (v - m)
		}
		xs[i], ss[i] = m, math.Sqrt(q/float64(len(g)-1))
		sigma += ss[i] / mustConstants(len(g)).C4
	}
	sigma /= float64(k)
	means = Limits{Kind: Means, Center: weightedMean(xs, sizes), Sigma: sigma}.build(xs, sizes)
	sds = Limits{Kind: StdDevs, Center: weightedMean(ss, sizes), Sigma: sigma}.build(ss, clone(sizes))
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
	pts := clone(values) // append: no zeroing before the copy
	mr := make([]float64, len(values)-1)
	var sum, mrSum float64
	prev := values[0]
	for i, v := range pts {
		if !finite(v) {
			return Chart{}, Chart{}, fmt.Errorf("pdca: value %d is %v: %w", i+1, v, ErrInvalidData)
		}
		sum += v
		if i > 0 {
			d := math.Abs(v - prev)
			mr[i-1] = d
			mrSum += d
		}
		prev = v
	}
	mrbar := mrSum / float64(len(mr))
	sigma := mrbar / d2Pair
	individuals = Limits{Kind: Individuals, Center: sum / float64(len(values)), Sigma: sigma}.build(pts, nil)
	movingRanges = Limits{Kind: MovingRanges, Center: mrbar, Sigma: sigma}.build(mr, nil)
	return individuals, movingRanges, nil
}

// P returns the p chart of defectives[i] items out of sizes[i] in each sample
// (sizes may differ): points dᵢ/nᵢ, centre p̄ = Σd/Σn, limits per point
// p̄ ± 3√(p̄(1 − p̄)/nᵢ) clipped to [0, 1], as qcc's "p" chart. The counted
// attribute may be a defect or a success (a contact resolved at first
// contact); the chart is the same. At call-centre volumes (thousands of
// contacts a day) the day-to-day variation is usually wider than the
// binomial model allows: see [LaneyP] and [DispersionOf].
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
	return Limits{Kind: Proportions, Center: pbar, Sigma: math.Sqrt(pbar * (1 - pbar))}.build(pts, sz), nil
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
	l := Limits{Kind: Counts, Center: pbar * float64(size), Sigma: math.Sqrt(pbar * (1 - pbar)), Size: float64(size)}
	return l.build(pts, fill(len(pts), float64(size))), nil
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
	return Limits{Kind: Defects, Center: cbar, Sigma: math.Sqrt(cbar)}.build(pts, nil), nil
}

// U returns the u chart of counts[i] defects over sizes[i] units of exposure
// (inspection units, hours, contacts; sizes may differ and need not be whole):
// points cᵢ/nᵢ, centre ū = Σc/Σn, limits per point ū ± 3√(ū/nᵢ) (LCL clipped
// at 0), as qcc's "u" chart.
func U(counts []int, sizes []float64) (Chart, error) {
	pts, sz, ubar, err := rates(counts, sizes, "u chart")
	if err != nil {
		return Chart{}, err
	}
	return Limits{Kind: DefectsPerUnit, Center: ubar, Sigma: math.Sqrt(ubar)}.build(pts, sz), nil
}

// rates validates the counts and exposures of a u or u′ chart and returns
// the rates, a copy of the exposures and the pooled rate Σc/Σn.
func rates(counts []int, sizes []float64, what string) (pts, sz []float64, ubar float64, err error) {
	if len(counts) == 0 {
		return nil, nil, 0, fmt.Errorf("pdca: %s: no counts: %w", what, ErrInsufficientData)
	}
	if len(counts) != len(sizes) {
		return nil, nil, 0, fmt.Errorf("pdca: %s: %d counts but %d sizes: %w", what, len(counts), len(sizes), ErrInvalidData)
	}
	pts = make([]float64, len(counts))
	var sc, sn float64
	for i, x := range counts {
		if x < 0 {
			return nil, nil, 0, fmt.Errorf("pdca: %s: count %d is %d: want ≥ 0: %w", what, i+1, x, ErrInvalidData)
		}
		if !finite(sizes[i]) || sizes[i] <= 0 {
			return nil, nil, 0, fmt.Errorf("pdca: %s: size %d is %v: want > 0: %w", what, i+1, sizes[i], ErrInvalidData)
		}
		pts[i] = float64(x) / sizes[i]
		sc += float64(x)
		sn += sizes[i]
	}
	return pts, clone(sizes), sc / sn, nil
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

// checkSubgroups validates subgroups of at least 2 finite values each and
// returns their sizes.
func checkSubgroups(subgroups [][]float64) ([]float64, error) {
	if len(subgroups) == 0 {
		return nil, fmt.Errorf("pdca: subgroups: none given: %w", ErrInsufficientData)
	}
	sizes := make([]float64, len(subgroups))
	for i, g := range subgroups {
		for j, v := range g {
			if !finite(v) {
				return nil, fmt.Errorf("pdca: subgroup %d value %d is %v: %w", i+1, j+1, v, ErrInvalidData)
			}
		}
		if len(g) < 2 {
			return nil, fmt.Errorf("pdca: subgroup %d has %d values: a range or standard deviation needs at least 2: %w", i+1, len(g), ErrInvalidData)
		}
		if len(g) > maxSubgroup {
			return nil, fmt.Errorf("pdca: subgroup %d has %d values, more than 2^30: %w", i+1, len(g), ErrInvalidData)
		}
		sizes[i] = float64(len(g))
	}
	return sizes, nil
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

// weightedMean returns Σwᵢxᵢ/Σwᵢ.
func weightedMean(xs, ws []float64) float64 {
	var s, w float64
	for i, x := range xs {
		s += ws[i] * x
		w += ws[i]
	}
	return s / w
}

func allEqual(xs []float64) bool {
	for _, x := range xs {
		if x != xs[0] {
			return false
		}
	}
	return true
}

func sumInts(xs []int) float64 {
	s := 0.0
	for _, x := range xs {
		s += float64(x)
	}
	return s
}

func clone(xs []float64) []float64 {
	if xs == nil {
		return nil
	}
	return append(make([]float64, 0, len(xs)), xs...)
}

func fill(n int, v float64) []float64 {
	out := make([]float64, n)
	setAll(out, v)
	return out
}

// setAll sets every element of dst to v with plain stores: write-only,
// where filling by doubling copies would read back what it wrote.
func setAll(dst []float64, v float64) {
	for i := range dst {
		dst[i] = v
	}
}
