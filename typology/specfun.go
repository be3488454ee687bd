package typology

import "math"

// digamma returns ψ(x), the derivative of ln Γ(x), for x > 0: the
// recurrence ψ(x) = ψ(x+1) − 1/x up to x ≥ 10, then the asymptotic series
// ln x − 1/(2x) − Σ B₂ₖ/(2k x²ᵏ), exact to about 1e-15 there.
func digamma(x float64) float64 {
	var acc float64
	for x < 10 {
		acc -= 1 / x
		x++
	}
	inv := 1 / x
	inv2 := inv * inv
	// Bernoulli terms: 1/12, −1/120, 1/252, −1/240, 1/132, −691/32760.
	series := inv2 * (1.0/12 - inv2*(1.0/120-inv2*(1.0/252-inv2*(1.0/240-inv2*(1.0/132-inv2*691.0/32760)))))
	return acc + math.Log(x) - 0.5*inv - series
}

// lgamma returns ln Γ(x) for x > 0.
func lgamma(x float64) float64 {
	v, _ := math.Lgamma(x)
	return v
}

// softplus returns ln(1 + eᶻ) without overflow for large z and without
// losing the small value for very negative z.
func softplus(z float64) float64 {
	if z > 0 {
		return z + math.Log1p(math.Exp(-z))
	}
	return math.Log1p(math.Exp(z))
}

// sigmoid returns 1/(1 + e⁻ᶻ), the derivative of softplus, without
// overflow.
func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}
