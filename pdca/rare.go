package pdca

import (
	"fmt"
	"math"
)

// Rare events (a complaint every few days, a serious incident a month)
// make p, np and c charts useless: most samples count zero and the limits
// collapse. Charting the gap between events instead keeps every event's
// information: [G] counts the units or days between events, [T] measures
// the time between them.

// G returns the g chart of the number of units, cases or whole days between
// consecutive rare events (0 when two events share a day): centre ḡ, the
// mean gap, and limits ḡ ± 3√(ḡ(ḡ + 1)) with the LCL clipped at 0 — the
// geometric distribution counted from 0, whose variance is
// (1 − p)/p² = ḡ(ḡ + 1) with p = 1/(ḡ + 1) (Benneyan 2001, "Number-between
// g-type statistical quality control charts for monitoring adverse
// events", Health Care Management Science 4:305–318; qicharts2's "g"
// chart, citing Montgomery). Larger gaps are better: an improvement plots
// above the centre. The distribution is skewed (about 63 % of gaps fall
// below the mean), so of the run rules only [WE1] is meaningful here; for
// runs use [RunChart] against the median.
func G(gaps []int) (Chart, error) {
	if len(gaps) == 0 {
		return Chart{}, fmt.Errorf("pdca: g chart: no gaps: %w", ErrInsufficientData)
	}
	pts := make([]float64, len(gaps))
	for i, g := range gaps {
		if g < 0 {
			return Chart{}, fmt.Errorf("pdca: g chart: gap %d is %d: want ≥ 0: %w", i+1, g, ErrInvalidData)
		}
		pts[i] = float64(g)
	}
	gbar := mean(pts)
	return Limits{Kind: Geometric, Center: gbar, Sigma: math.Sqrt(gbar * (gbar + 1))}.build(pts, nil), nil
}

// tPower is the exponent of Nelson's transformation: y = t^(1/3.6) makes
// exponential times between events close to normal (Nelson 1994, "A
// control chart for parts-per-million nonconforming items", Journal of
// Quality Technology 26(3):239–240; Montgomery, Introduction to
// Statistical Quality Control, 6th ed., Example 7.6).
const tPower = 3.6

// tBack returns y^3.6, the time of a transformed value; 0 for y ≤ 0, the
// lowest time there is.
func tBack(y float64) float64 {
	if y <= 0 {
		return 0
	}
	return math.Pow(y, tPower)
}

// T returns the t chart of the times between consecutive rare events (all
// > 0, in any unit: hours, days): each time t is transformed to
// y = t^(1/3.6), an individuals chart is computed on y (ȳ, σ̂ = MR̄/d₂(2)),
// and its centre and limits are transformed back, ȳ^3.6 and
// (ȳ ± 3σ̂)^3.6, with the LCL 0 when ȳ − 3σ̂ ≤ 0, as qicharts2's "t"
// chart. Points stay in the original unit; Sigma is σ̂ on the transformed
// scale, where the run rules' zones are measured ([Chart.PointSigma]).
// Montgomery's Example 7.6 (valve failures, hours): centre 430.04, UCL
// 6937.9, LCL 0.
func T(times []float64) (Chart, error) {
	if len(times) < 2 {
		return Chart{}, fmt.Errorf("pdca: t chart: %d times, need at least 2 for a moving range: %w", len(times), ErrInsufficientData)
	}
	ys := make([]float64, len(times))
	for i, t := range times {
		if !finite(t) || t <= 0 {
			return Chart{}, fmt.Errorf("pdca: t chart: time %d is %v: want > 0: %w", i+1, t, ErrInvalidData)
		}
		ys[i] = math.Pow(t, 1/tPower)
	}
	ind, _, err := IMR(ys)
	if err != nil {
		return Chart{}, err
	}
	return Limits{Kind: TimeBetween, Center: tBack(ind.Center), Sigma: ind.Sigma}.build(clone(times), nil), nil
}
