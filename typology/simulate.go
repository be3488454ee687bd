package typology

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// logGamma1 returns the logarithm of a Gamma(shape, 1) variate (Marsaglia &
// Tsang 2000, "A simple method for generating gamma variables"; for shape < 1
// the variate of shape+1 times U^(1/shape), kept in logs so that a tiny
// shape does not underflow to 0).
func logGamma1(rng *rand.Rand, shape float64) float64 {
	if shape < 1 {
		return logGamma1(rng, shape+1) + math.Log(1-rng.Float64())/shape
	}
	d := shape - 1.0/3
	c := 1 / math.Sqrt(9*d)
	for {
		z := rng.NormFloat64()
		v := 1 + c*z
		if v <= 0 {
			continue
		}
		v = v * v * v
		u := 1 - rng.Float64() // (0, 1]
		if math.Log(u) < 0.5*z*z+d-d*v+d*math.Log(v) {
			return math.Log(d) + math.Log(v)
		}
	}
}

// SimulateRepeatPurchases draws one customer from the model and returns the
// times of the customer's repeat purchases in (0, T], in increasing order,
// with the first purchase at time 0: λ ~ Gamma(R, Alpha), p ~ Beta(A, B);
// purchase gaps are exponential with rate λ, and after each repeat purchase
// the customer drops out with probability p, the process the likelihood of
// Fader, Hardie & Lee (2005) describes. It is for tests, teaching and
// checking a fit: the same rng seed gives the same purchases. An invalid
// model, a T that is not positive and finite, or a drawn customer expected to
// buy more than 10⁸ times in T wraps [ErrInvalidModel].
func (m BGNBD) SimulateRepeatPurchases(rng *rand.Rand, T float64) ([]float64, error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	if !(T > 0) || math.IsInf(T, 0) {
		return nil, fmt.Errorf("typology: BG/NBD simulation: T = %v: want > 0 and finite: %w", T, ErrInvalidModel)
	}
	lambda := math.Exp(logGamma1(rng, m.R)) / m.Alpha
	la, lb := logGamma1(rng, m.A), logGamma1(rng, m.B)
	p := 1 / (1 + math.Exp(lb-la)) // Ga/(Ga+Gb) ~ Beta(A, B)
	if lambda*T > 1e8 {
		return nil, fmt.Errorf("typology: BG/NBD simulation: rate %v × T %v: more than 10⁸ purchases expected for this customer: %w", lambda, T, ErrInvalidModel)
	}
	var times []float64
	t := 0.0
	for {
		t += rng.ExpFloat64() / lambda
		if !(t <= T) {
			return times, nil
		}
		times = append(times, t)
		if rng.Float64() < p {
			return times, nil
		}
	}
}

// SimulateSpend draws one customer from the model and returns the amounts
// of n transactions: ν ~ Gamma(Q, Gamma) for the customer, then each amount
// ~ Gamma(P, ν), as Fader, Hardie & Lee (2005) describe. It is for tests,
// teaching and checking a fit. An invalid model or a negative n wraps
// [ErrInvalidModel].
func (m GammaGamma) SimulateSpend(rng *rand.Rand, n int) ([]float64, error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	if n < 0 {
		return nil, fmt.Errorf("typology: Gamma-Gamma simulation: n = %d: want ≥ 0: %w", n, ErrInvalidModel)
	}
	nu := math.Exp(logGamma1(rng, m.Q)) / m.Gamma
	out := make([]float64, n)
	for i := range out {
		out[i] = math.Exp(logGamma1(rng, m.P)) / nu
	}
	return out, nil
}
