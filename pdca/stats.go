package pdca

import "math"

// The distribution functions the charts, tests and intervals need, with the
// standard library only. Each is checked against R in stats_test.go.

// normalQuantile returns Φ⁻¹(p), R's qnorm(p), for p in (0, 1): Wichura's
// algorithm AS 241 (PPND16, Applied Statistics 37(3):477–484, 1988), the
// one R uses, accurate to about 1e-16.
func normalQuantile(p float64) float64 {
	q := p - 0.5
	if math.Abs(q) <= 0.425 {
		r := 0.180625 - q*q
		return q * (((((((r*2509.0809287301226727+33430.575583588128105)*r+67265.770927008700853)*r+
			45921.953931549871457)*r+13731.693765509461125)*r+1971.5909503065514427)*r+133.14166789178437745)*r +
			3.387132872796366608) / (((((((r*5226.495278852545925+28729.085735721942674)*r+39307.89580009271061)*r+
			21213.794301586595867)*r+5394.1960214247511077)*r+687.1870074920579083)*r+42.313330701600911252)*r + 1)
	}
	r := p
	if q > 0 {
		r = 1 - p
	}
	r = math.Sqrt(-math.Log(r))
	var v float64
	if r <= 5 {
		r -= 1.6
		v = (((((((r*7.7454501427834140764e-4+0.0227238449892691845833)*r+0.24178072517745061177)*r+
			1.27045825245236838258)*r+3.64784832476320460504)*r+5.7694972214606914055)*r+4.6303378461565452959)*r +
			1.42343711074968357734) / (((((((r*1.05075007164441684324e-9+5.475938084995344946e-4)*r+
			0.0151986665636164571966)*r+0.14810397642748007459)*r+0.68976733498510000455)*r+1.6763848301838038494)*r+
			2.05319162663775882187)*r + 1)
	} else {
		r -= 5
		v = (((((((r*2.01033439929228813265e-7+2.71155556874348757815e-5)*r+0.0012426609473880784386)*r+
			0.026532189526576123093)*r+0.29656057182850489123)*r+1.7848265399172913358)*r+5.4637849111641143699)*r +
			6.6579046435011037772) / (((((((r*2.04426310338993978564e-15+1.4215117583164458887e-7)*r+
			1.8463183175100546818e-5)*r+7.868691311456132591e-4)*r+0.0148753612908506148525)*r+
			0.13692988092273580531)*r+0.59983220655588793769)*r + 1)
	}
	if q < 0 {
		return -v
	}
	return v
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
