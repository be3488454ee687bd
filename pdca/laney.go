package pdca

import (
	"fmt"
	"math"
)

// At call-centre volumes (thousands of contacts a day) a p or u chart's
// limits, p̄ ± 3√(p̄(1 − p̄)/n), become so narrow that ordinary day-to-day
// variation (staffing, the mix of reasons for calling, the weather) plots
// outside them almost every day: the binomial and Poisson models count only
// the sampling noise within a day, not the variation between days. This is
// overdispersion. Laney's p′ and u′ charts (Laney 2002, "Improved control
// charts for attributes", Quality Engineering 14(4):531–537) keep the
// per-point shape of the p and u limits and widen them by σ_z, the spread of
// the points' z-scores measured the way an individuals chart measures it.

// LaneyP returns Laney's p′ chart of defectives[i] items out of sizes[i]:
// points dᵢ/nᵢ, centre p̄ = Σd/Σn, zᵢ = (pᵢ − p̄)/√(p̄(1 − p̄)/nᵢ),
// σ_z = MR̄_z/d₂(2) (the mean moving range of the z-scores over d₂(2) =
// 2/√π), and limits p̄ ± 3σ_z√(p̄(1 − p̄)/nᵢ) clipped to [0, 1], as
// qicharts2's "pp" chart (which divides by the rounded 1.128). Sigma is
// σ_z√(p̄(1 − p̄)). It needs at least 2 samples. When the data are binomial
// σ_z is close to 1 and the chart is the p chart.
func LaneyP(defectives, sizes []int) (Chart, error) {
	if err := checkAttributes(defectives, sizes, true); err != nil {
		return Chart{}, err
	}
	if len(defectives) < 2 {
		return Chart{}, fmt.Errorf("pdca: p′ chart: %d samples, need at least 2 for a moving range: %w", len(defectives), ErrInsufficientData)
	}
	p, err := P(defectives, sizes)
	if err != nil {
		return Chart{}, err
	}
	sz := sigmaZ(p.Points, p.Sizes, p.Center, p.Sigma)
	return Limits{Kind: PPrime, Center: p.Center, Sigma: sz * p.Sigma}.build(p.Points, p.Sizes), nil
}

// LaneyU returns Laney's u′ chart of counts[i] events over sizes[i] units of
// exposure: points cᵢ/nᵢ, centre ū = Σc/Σn, zᵢ = (uᵢ − ū)/√(ū/nᵢ),
// σ_z = MR̄_z/d₂(2), limits ū ± 3σ_z√(ū/nᵢ) (LCL clipped at 0), as
// qicharts2's "up" chart. Sigma is σ_z√ū. It needs at least 2 samples. A c
// chart of overdispersed counts is the u′ chart with every exposure 1.
func LaneyU(counts []int, sizes []float64) (Chart, error) {
	pts, sz, ubar, err := rates(counts, sizes, "u′ chart")
	if err != nil {
		return Chart{}, err
	}
	if len(pts) < 2 {
		return Chart{}, fmt.Errorf("pdca: u′ chart: %d samples, need at least 2 for a moving range: %w", len(pts), ErrInsufficientData)
	}
	s := math.Sqrt(ubar)
	return Limits{Kind: UPrime, Center: ubar, Sigma: sigmaZ(pts, sz, ubar, s) * s}.build(pts, sz), nil
}

// sigmaZ returns Laney's σ_z of points with sizes around centre, where a
// point of size n has σ/√n under the nominal model: the mean moving range
// of the z-scores over d₂(2). With σ = 0 (p̄ of 0 or 1, ū of 0) every point
// sits on the centre and σ_z is 1.
func sigmaZ(pts, sizes []float64, center, sigma float64) float64 {
	if !(sigma > 0) || len(pts) < 2 {
		return 1
	}
	var sum float64
	prev := (pts[0] - center) / (sigma / math.Sqrt(sizes[0]))
	for i := 1; i < len(pts); i++ {
		z := (pts[i] - center) / (sigma / math.Sqrt(sizes[i]))
		sum += math.Abs(z - prev)
		prev = z
	}
	return sum / float64(len(pts)-1) / d2Pair
}

// Dispersion is the overdispersion test of a baseline of counts: does the
// variation between samples exceed what the binomial (p) or Poisson (u, c)
// model allows?
type Dispersion struct {
	// Model is the chart whose model was tested: p for binomial shares, u
	// for Poisson rates (a c chart is a u chart of unit exposures).
	Model ChartKind `json:"model"`
	// Samples is the number of samples tested.
	Samples int `json:"samples"`
	// ChiSquare is Pearson's statistic Σzᵢ², zᵢ the standardized residual
	// of sample i under the model; with equal sizes it is qcc's
	// qccOverdispersionTest statistic (n − 1)s²/σ². It has Samples − 1
	// degrees of freedom.
	ChiSquare float64 `json:"chiSquare"`
	// Ratio is ChiSquare/(Samples − 1): the observed variance over the
	// model's, about 1 when the model holds.
	Ratio float64 `json:"ratio"`
	// PValue is P(χ² ≥ ChiSquare) on Samples − 1 degrees of freedom.
	PValue float64 `json:"pValue"`
	// SigmaZ is Laney's σ_z, the factor by which p′ and u′ limits widen
	// the p and u limits.
	SigmaZ float64 `json:"sigmaZ"`
	// Overdispersed reports PValue < 0.05 with SigmaZ > 1: the samples
	// vary more than the model allows, from one sample to the next (a
	// shift inside the baseline raises ChiSquare but not SigmaZ).
	Overdispersed bool `json:"overdispersed"`
}

// DispersionLevel is the significance level of the overdispersion test.
const DispersionLevel = 0.05

// DispersionOf tests counts[i] out of sizes[i] for overdispersion against
// the model of kind: the binomial for [Proportions], [Counts] and [PPrime]
// (counts are defectives, sizes whole sample sizes), the Poisson for
// [Defects], [DefectsPerUnit] and [UPrime] (sizes are exposures; nil for a c
// chart means 1 each). It needs at least 2 samples.
func DispersionOf(kind ChartKind, counts []int, sizes []float64) (Dispersion, error) {
	if len(counts) < 2 {
		return Dispersion{}, fmt.Errorf("pdca: dispersion test: %d samples, need at least 2: %w", len(counts), ErrInsufficientData)
	}
	if kind == Defects && sizes == nil {
		sizes = fill(len(counts), 1)
	}
	var c Chart
	var err error
	switch kind {
	case Proportions, Counts, PPrime:
		ints := make([]int, len(sizes))
		for i, s := range sizes {
			if s != math.Trunc(s) || s > maxSubgroup {
				return Dispersion{}, fmt.Errorf("pdca: dispersion test: size %d is %v: want a whole sample size: %w", i+1, s, ErrInvalidData)
			}
			ints[i] = int(s)
		}
		c, err = P(counts, ints)
	case Defects, DefectsPerUnit, UPrime:
		c, err = U(counts, sizes)
	default:
		return Dispersion{}, fmt.Errorf("pdca: dispersion test: chart %v has no count model: %w", kind, ErrInvalidData)
	}
	if err != nil {
		return Dispersion{}, err
	}
	d := Dispersion{Model: c.Kind, Samples: len(counts), SigmaZ: 1, PValue: 1}
	if !(c.Sigma > 0) {
		return d, nil // every sample at 0 (or at 100 %): nothing varies
	}
	for i, x := range c.Points {
		z := (x - c.Center) / (c.Sigma / math.Sqrt(c.Sizes[i]))
		d.ChiSquare += z * z
	}
	df := float64(d.Samples - 1)
	d.Ratio = d.ChiSquare / df
	d.PValue = chiSquareUpper(d.ChiSquare, df)
	d.SigmaZ = sigmaZ(c.Points, c.Sizes, c.Center, c.Sigma)
	d.Overdispersed = d.PValue < DispersionLevel && d.SigmaZ > 1
	return d, nil
}
