package pdca

import "math"

// The distribution functions the charts, tests and intervals need, with the
// standard library only. Each is checked against R in stats_test.go.

// normalQuantile returns Φ⁻¹(p), R's qnorm(p), for p in (0, 1).
func normalQuantile(p float64) float64 {
	return -math.Sqrt2 * math.Erfcinv(2*p)
}

// regGammaP returns the regularized lower incomplete gamma function
// P(a, x) = γ(a, x)/Γ(a) and Q = 1 − P, each accurate in its own tail:
// the series for x < a + 1, Lentz's continued fraction otherwise
// (Numerical Recipes, 3rd ed., §6.2).
func regGammaP(a, x float64) (p, q float64) {
	if x <= 0 {
		return 0, 1
	}
	lg, _ := math.Lgamma(a)
	front := math.Exp(a*math.Log(x) - x - lg)
	if x < a+1 {
		sum, term := 1/a, 1/a
		for n := 1; n < 10000; n++ {
			term *= x / (a + float64(n))
			sum += term
			if math.Abs(term) < math.Abs(sum)*1e-16 {
				break
			}
		}
		p = front * sum
		return p, 1 - p
	}
	const tiny = 1e-300
	b := x + 1 - a
	c := 1 / tiny
	d := 1 / b
	h := d
	for i := 1; i < 10000; i++ {
		an := -float64(i) * (float64(i) - a)
		b += 2
		d = an*d + b
		if math.Abs(d) < tiny {
			d = tiny
		}
		c = b + an/c
		if math.Abs(c) < tiny {
			c = tiny
		}
		d = 1 / d
		del := d * c
		h *= del
		if math.Abs(del-1) < 1e-16 {
			break
		}
	}
	q = front * h
	return 1 - q, q
}

// chiSquareUpper returns P(χ²_df ≥ x), R's pchisq(x, df, lower.tail = FALSE).
func chiSquareUpper(x, df float64) float64 {
	_, q := regGammaP(df/2, x/2)
	return q
}

// chiSquareQuantile returns the p quantile of χ²_df, R's qchisq(p, df), for
// p in (0, 1) and df > 0: the Wilson–Hilferty start refined by Newton's
// method on the lower tail, kept inside a bracket.
func chiSquareQuantile(p, df float64) float64 {
	z := normalQuantile(p)
	h := 2 / (9 * df)
	x := df * math.Pow(1-h+z*math.Sqrt(h), 3)
	if !(x > 0) {
		x = df * 1e-3
	}
	lo, hi := 0.0, math.Inf(1)
	lg, _ := math.Lgamma(df / 2)
	for range 200 {
		cdf, _ := regGammaP(df/2, x/2)
		if cdf < p {
			lo = x
		} else {
			hi = x
		}
		// density of χ²_df at x
		dens := math.Exp((df/2-1)*math.Log(x/2)-x/2-lg) / 2
		step := (cdf - p) / dens
		next := x - step
		if !(next > lo && next < hi) || dens == 0 {
			if math.IsInf(hi, 1) {
				next = 2 * x
			} else {
				next = (lo + hi) / 2
			}
		}
		if math.Abs(next-x) <= 1e-14*x {
			return next
		}
		x = next
	}
	return x
}

// binomialQuantile returns R's qbinom(p, n, prob): the smallest k with
// P(X ≤ k) ≥ p for X ~ Binomial(n, prob), summing the probabilities in
// logs so that large n does not overflow.
func binomialQuantile(p float64, n int, prob float64) int {
	if n <= 0 {
		return 0
	}
	lgn, _ := math.Lgamma(float64(n) + 1)
	lp, lq := math.Log(prob), math.Log1p(-prob)
	cum := 0.0
	for k := 0; k <= n; k++ {
		a, _ := math.Lgamma(float64(k) + 1)
		b, _ := math.Lgamma(float64(n-k) + 1)
		cum += math.Exp(lgn - a - b + float64(k)*lp + float64(n-k)*lq)
		if cum >= p*(1-64*2.220446049250313e-16) {
			return k
		}
	}
	return n
}
