package scorecard

import "math"

// This file holds the normal, Student t and chi-square distributions the
// intervals and tests need, built on the regularized incomplete beta of
// fdist.go and a regularized incomplete gamma.

// normCDF returns Φ(x), the standard normal distribution function.
func normCDF(x float64) float64 { return 0.5 * math.Erfc(-x/math.Sqrt2) }

// normQuantile returns Φ⁻¹(p) for 0 < p < 1.
func normQuantile(p float64) float64 { return -math.Sqrt2 * math.Erfcinv(2*p) }

// tTail returns P(|T| ≥ |t|) for Student's t with df degrees of freedom:
// I_{df/(df+t²)}(df/2, 1/2). An infinite df is the normal distribution.
func tTail(t, df float64) float64 {
	if math.IsInf(df, 1) {
		return math.Erfc(math.Abs(t) / math.Sqrt2)
	}
	return regIncBeta(df/(df+t*t), df/2, 0.5)
}

// tQuantile returns the p-quantile of Student's t with df degrees of
// freedom, from the F quantile: t² ~ F(1, df).
func tQuantile(p, df float64) float64 {
	if math.IsInf(df, 1) {
		return normQuantile(p)
	}
	if p == 0.5 {
		return 0
	}
	t := math.Sqrt(fQuantile(math.Abs(2*p-1), 1, df))
	if p < 0.5 {
		return -t
	}
	return t
}

// chiSquareTail returns P(X ≥ x) for chi-square with df degrees of freedom,
// the upper regularized incomplete gamma Q(df/2, x/2).
func chiSquareTail(x, df float64) float64 {
	if x <= 0 {
		return 1
	}
	return regIncGammaQ(df/2, x/2)
}

// regIncGammaQ returns Q(a, x) = 1 − P(a, x), by the series of P below
// x < a + 1 and by the continued fraction of Q above (modified Lentz).
func regIncGammaQ(a, x float64) float64 {
	lg, _ := math.Lgamma(a)
	front := math.Exp(-x + a*math.Log(x) - lg)
	if x < a+1 {
		sum, term := 1/a, 1/a
		for n := 1; n < 100000; n++ {
			term *= x / (a + float64(n))
			sum += term
			if math.Abs(term) < math.Abs(sum)*1e-16 {
				break
			}
		}
		return 1 - front*sum
	}
	const tiny = 1e-300
	b := x + 1 - a
	c, d := 1/tiny, 1/b
	h := d
	for i := 1; i < 100000; i++ {
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
	return front * h
}
