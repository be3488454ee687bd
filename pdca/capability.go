package pdca

import (
	"fmt"
	"math"
)

// Spec holds a characteristic's specification limits (límites de
// especificación: what the customer or the standard accepts) and its target
// (valor objetivo). A one-sided specification leaves the other limit NaN;
// use [NoLimit].
type Spec struct {
	LSL, USL float64 // lower and upper specification limits; NaN if absent
	Target   float64 // nominal value for Cpm; NaN means the mid-point (or none)
}

// NoLimit marks an absent specification limit or target.
var NoLimit = math.NaN()

// Validate reports inverted or missing limits.
func (s Spec) Validate() error {
	lo, hi := !math.IsNaN(s.LSL), !math.IsNaN(s.USL)
	switch {
	case !lo && !hi:
		return fmt.Errorf("pdca: spec: neither LSL nor USL given: %w", ErrInvalidSpec)
	case math.IsInf(s.LSL, 0) || math.IsInf(s.USL, 0) || math.IsInf(s.Target, 0):
		return fmt.Errorf("pdca: spec: LSL %v USL %v target %v: want finite limits: %w", s.LSL, s.USL, s.Target, ErrInvalidSpec)
	case lo && hi && s.LSL >= s.USL:
		return fmt.Errorf("pdca: spec: LSL %v not below USL %v: inverted limits: %w", s.LSL, s.USL, ErrInvalidSpec)
	}
	return nil
}

// Capability holds the process capability indices of a characteristic.
// Indices that a one-sided specification cannot give (Cp, Pp, Cpm) are NaN.
type Capability struct {
	N            int
	Mean         float64
	SigmaWithin  float64 // short-term σ (from the control chart: R̄/d₂, S̄/c₄, MR̄/d₂)
	SigmaOverall float64 // long-term σ: sample standard deviation (n − 1)

	Cp  float64 // (USL − LSL) / 6σ_within
	Cpk float64 // min(USL − μ, μ − LSL) / 3σ_within
	Pp  float64 // (USL − LSL) / 6σ_overall
	Ppk float64 // min(USL − μ, μ − LSL) / 3σ_overall
	Cpm float64 // (USL − LSL) / 6√(σ_within² + (μ − T)²), as qcc

	// ExpectedDPMO is the share outside the specification under a normal
	// model with μ and σ_within, per million opportunities.
	ExpectedDPMO float64
	// ObservedDPMO is the observed share of values outside the specification,
	// per million.
	ObservedDPMO float64

	// Target is the nominal value Cpm was computed for: the spec's target,
	// or the mid-point of a two-sided spec (NaN for a one-sided one).
	Target float64
}

// ProcessCapability computes the capability indices of values against spec,
// with sigmaWithin the short-term σ estimated by a control chart (pass 0 to
// use the overall σ for both). It needs at least 2 finite values and a valid
// spec.
func ProcessCapability(values []float64, sigmaWithin float64, spec Spec) (Capability, error) {
	if err := spec.Validate(); err != nil {
		return Capability{}, err
	}
	if len(values) < 2 {
		return Capability{}, fmt.Errorf("pdca: capability: %d values, need at least 2: %w", len(values), ErrInsufficientData)
	}
	if err := checkFinite("value", values); err != nil {
		return Capability{}, err
	}
	if !finite(sigmaWithin) || sigmaWithin < 0 {
		return Capability{}, fmt.Errorf("pdca: capability: sigma within %v: want finite ≥ 0: %w", sigmaWithin, ErrInvalidData)
	}
	m := mean(values)
	q, out := 0.0, 0
	for _, v := range values {
		q += (v - m) * (v - m)
		if v < spec.LSL || v > spec.USL {
			out++
		}
	}
	so := math.Sqrt(q / float64(len(values)-1))
	if sigmaWithin == 0 {
		sigmaWithin = so
	}
	if sigmaWithin == 0 {
		return Capability{}, fmt.Errorf("pdca: capability: all %d values equal: zero spread: %w", len(values), ErrInvalidData)
	}
	c := Capability{N: len(values), Mean: m, SigmaWithin: sigmaWithin, SigmaOverall: so,
		ObservedDPMO: 1e6 * float64(out) / float64(len(values))}
	c.Cp, c.Cpk = indices(spec, m, sigmaWithin)
	c.Pp, c.Ppk = indices(spec, m, so)
	c.Cpm, c.Target = math.NaN(), math.NaN()
	if !math.IsNaN(spec.LSL) && !math.IsNaN(spec.USL) {
		t := spec.Target
		if math.IsNaN(t) {
			t = (spec.LSL + spec.USL) / 2
		}
		c.Target = t
		c.Cpm = (spec.USL - spec.LSL) / (6 * math.Sqrt(sigmaWithin*sigmaWithin+(m-t)*(m-t)))
	}
	p := 0.0
	if !math.IsNaN(spec.LSL) {
		lo, _ := stdNormalCDF((spec.LSL - m) / sigmaWithin)
		p += lo
	}
	if !math.IsNaN(spec.USL) {
		_, hi := stdNormalCDF((spec.USL - m) / sigmaWithin)
		p += hi
	}
	c.ExpectedDPMO = 1e6 * p
	return c, nil
}

// Interval is a two-sided confidence interval.
type Interval struct {
	Lower float64 `json:"lower"`
	Upper float64 `json:"upper"`
}

// CapabilityIntervals holds two-sided confidence intervals for the
// capability indices at a confidence level; an index that is NaN has a NaN
// interval.
type CapabilityIntervals struct {
	Level float64
	Cp    Interval
	Cpk   Interval
	Cpm   Interval
	Pp    Interval
	Ppk   Interval
}

// Intervals returns confidence intervals at level (0.95 for 95 %) for the
// indices of c, from N observations, as qcc's processCapability():
//
//   - Cp (and Pp with σ_overall): Cp·√(χ²_{α/2, N−1}/(N−1)) to
//     Cp·√(χ²_{1−α/2, N−1}/(N−1)), the χ² interval of σ (Montgomery,
//     Introduction to Statistical Quality Control, 6th ed., eq. 8.19);
//   - Cpk (and Ppk): Cpk·(1 ∓ z_{1−α/2}·√(1/(9N·Cpk²) + 1/(2(N−1)))),
//     Bissell's normal approximation (Montgomery eq. 8.21; Bissell 1990,
//     "How reliable is your capability index?", Applied Statistics 39(3));
//   - Cpm: Cpm·√(χ²_{p, ν}/ν) with ν = N(1 + ξ²)/(1 + 2ξ²),
//     ξ = (μ − T)/σ_within (Boyles 1991, Journal of Quality Technology 23(1)).
//
// These treat the σ as estimated from N independent values.
func (c Capability) Intervals(level float64) (CapabilityIntervals, error) {
	if !(level > 0 && level < 1) {
		return CapabilityIntervals{}, fmt.Errorf("pdca: capability intervals: level %v: want in (0, 1): %w", level, ErrInvalidData)
	}
	if c.N < 2 {
		return CapabilityIntervals{}, fmt.Errorf("pdca: capability intervals: %d values, need at least 2: %w", c.N, ErrInsufficientData)
	}
	alpha := 1 - level
	n := float64(c.N)
	chi := func(idx, df float64) Interval {
		if math.IsNaN(idx) || math.IsInf(idx, 0) {
			return Interval{math.NaN(), math.NaN()}
		}
		return Interval{idx * math.Sqrt(chiSquareQuantile(alpha/2, df)/df), idx * math.Sqrt(chiSquareQuantile(1-alpha/2, df)/df)}
	}
	z := normalQuantile(1 - alpha/2)
	wald := func(idx float64) Interval {
		if math.IsNaN(idx) || math.IsInf(idx, 0) {
			return Interval{math.NaN(), math.NaN()}
		}
		h := z * math.Sqrt(1/(9*n*idx*idx)+1/(2*(n-1)))
		return Interval{idx * (1 - h), idx * (1 + h)}
	}
	out := CapabilityIntervals{Level: level, Cp: chi(c.Cp, n-1), Cpk: wald(c.Cpk), Pp: chi(c.Pp, n-1), Ppk: wald(c.Ppk)}
	xi := (c.Mean - c.Target) / c.SigmaWithin
	out.Cpm = chi(c.Cpm, n*(1+xi*xi)/(1+2*xi*xi))
	return out, nil
}

func indices(s Spec, m, sigma float64) (cp, cpk float64) {
	cp, cpk = math.NaN(), math.Inf(1)
	if !math.IsNaN(s.LSL) && !math.IsNaN(s.USL) {
		cp = (s.USL - s.LSL) / (6 * sigma)
	}
	if !math.IsNaN(s.USL) {
		cpk = math.Min(cpk, (s.USL-m)/(3*sigma))
	}
	if !math.IsNaN(s.LSL) {
		cpk = math.Min(cpk, (m-s.LSL)/(3*sigma))
	}
	return cp, cpk
}

// ShortTermShift is the conventional 1.5σ drift between short- and long-term
// performance that Six Sigma tables assume.
const ShortTermShift = 1.5

// SigmaLevel converts defects per million opportunities into a sigma level
// (nivel sigma): the one-sided normal quantile Z with P(X > Z) = dpmo/10⁶,
// plus 1.5 when shifted is true (the Six Sigma table: 3.4 DPMO → 6σ,
// 66 807 DPMO → 3σ). dpmo must lie in (0, 10⁶).
func SigmaLevel(dpmo float64, shifted bool) (float64, error) {
	if !(dpmo > 0 && dpmo < 1e6) {
		return 0, fmt.Errorf("pdca: sigma level: DPMO %v: want in (0, 1000000): %w", dpmo, ErrInvalidData)
	}
	z := math.Sqrt2 * math.Erfcinv(2*dpmo/1e6)
	if shifted {
		z += ShortTermShift
	}
	return z, nil
}

// DPMO converts a sigma level back to defects per million opportunities,
// 10⁶·P(X > Z − 1.5) when shifted is true, 10⁶·P(X > Z) otherwise.
func DPMO(sigmaLevel float64, shifted bool) (float64, error) {
	if !finite(sigmaLevel) {
		return 0, fmt.Errorf("pdca: dpmo: sigma level %v: want finite: %w", sigmaLevel, ErrInvalidData)
	}
	if shifted {
		sigmaLevel -= ShortTermShift
	}
	_, q := stdNormalCDF(sigmaLevel)
	return 1e6 * q, nil
}

// DefectsPerMillion returns 10⁶·defects/(units·opportunities), the observed
// DPMO of a service (e.g. 3 errors in 1 000 forms of 5 fields: 600).
func DefectsPerMillion(defects, units, opportunities int) (float64, error) {
	if defects < 0 || units < 1 || opportunities < 1 {
		return 0, fmt.Errorf("pdca: dpmo: defects %d units %d opportunities %d: want defects ≥ 0, units and opportunities ≥ 1: %w",
			defects, units, opportunities, ErrInvalidData)
	}
	return 1e6 * float64(defects) / (float64(units) * float64(opportunities)), nil
}
