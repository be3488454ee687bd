package scorecard

import "math"

// regIncBeta returns the regularized incomplete beta function I_x(a, b),
// evaluated with the continued fraction of the incomplete beta integral
// (modified Lentz method), using the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) to
// stay in the fraction's fast-converging region.
func regIncBeta(x, a, b float64) float64 {
	switch {
	case x <= 0:
		return 0
	case x >= 1:
		return 1
	}
	la, _ := math.Lgamma(a)
	lb, _ := math.Lgamma(b)
	lab, _ := math.Lgamma(a + b)
	front := math.Exp(lab - la - lb + a*math.Log(x) + b*math.Log1p(-x))
	if x < (a+1)/(a+b+2) {
		return front * betaFraction(x, a, b) / a
	}
	return 1 - front*betaFraction(1-x, b, a)/b
}

func betaFraction(x, a, b float64) float64 {
	const tiny = 1e-300
	const eps = 1e-15
	fix := func(v float64) float64 {
		if math.Abs(v) < tiny {
			return tiny
		}
		return v
	}
	c, d := 1.0, 1/fix(1-(a+b)*x/(a+1))
	h := d
	for m := 1; m <= 100000; m++ {
		fm := float64(m)
		num := fm * (b - fm) * x / ((a + 2*fm - 1) * (a + 2*fm))
		d = 1 / fix(1+num*d)
		c = fix(1 + num/c)
		h *= d * c
		num = -(a + fm) * (a + b + fm) * x / ((a + 2*fm) * (a + 2*fm + 1))
		d = 1 / fix(1+num*d)
		c = fix(1 + num/c)
		del := d * c
		h *= del
		if math.Abs(del-1) < eps {
			break
		}
	}
	return h
}

// fQuantile returns the p-quantile of the F distribution with d1 and d2
// degrees of freedom, by bisection on the equivalent beta variable
// y = d1·F/(d1·F + d2) ~ Beta(d1/2, d2/2).
func fQuantile(p, d1, d2 float64) float64 {
	lo, hi := 0.0, 1.0
	for range 200 {
		mid := (lo + hi) / 2
		if mid == lo || mid == hi {
			break
		}
		if regIncBeta(mid, d1/2, d2/2) < p {
			lo = mid
		} else {
			hi = mid
		}
	}
	y := (lo + hi) / 2
	return d2 * y / (d1 * (1 - y))
}
