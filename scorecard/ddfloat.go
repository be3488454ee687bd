package scorecard

import "math"

// This file holds double-double arithmetic: a value is the unevaluated sum
// hi + lo of two float64 with |lo| ≤ ulp(hi)/2, about 32 significant
// digits. The key-driver fit forms its centred co-moments and solves its
// normal equations in it, so the rounding that float64 would amplify by the
// condition number of the co-moment matrix (its square for near-collinear
// drivers) stays far below float64's own resolution. The algorithms are the
// classic error-free transformations (Knuth's two-sum, Dekker's product by
// fused multiply-add) as in Hida, Li and Bailey's QD library.

type dd struct{ hi, lo float64 }

func ddOf(x float64) dd { return dd{x, 0} }

// twoSum returns s = fl(a+b) and the rounding error e, a+b = s+e exactly.
func twoSum(a, b float64) (s, e float64) {
	s = a + b
	bb := s - a
	e = (a - (s - bb)) + (b - bb)
	return s, e
}

// quickTwoSum is twoSum for |a| ≥ |b|.
func quickTwoSum(a, b float64) (s, e float64) {
	s = a + b
	e = b - (s - a)
	return s, e
}

// twoProd returns p = fl(a·b) and the rounding error e, a·b = p+e exactly.
func twoProd(a, b float64) (p, e float64) {
	p = a * b
	return p, math.FMA(a, b, -p)
}

func (a dd) add(b dd) dd {
	s, e := twoSum(a.hi, b.hi)
	t, f := twoSum(a.lo, b.lo)
	e += t
	s, e = quickTwoSum(s, e)
	e += f
	s, e = quickTwoSum(s, e)
	return dd{s, e}
}

// norm returns a with |lo| ≤ ulp(hi)/2, for a compensated sum whose low
// part gathered many rounding errors.
func (a dd) norm() dd {
	s, e := twoSum(a.hi, a.lo)
	return dd{s, e}
}

func (a dd) neg() dd { return dd{-a.hi, -a.lo} }

func (a dd) sub(b dd) dd { return a.add(b.neg()) }

func (a dd) mul(b dd) dd {
	p, e := twoProd(a.hi, b.hi)
	e += a.hi*b.lo + a.lo*b.hi
	p, e = quickTwoSum(p, e)
	return dd{p, e}
}

// mulF multiplies by a float64.
func (a dd) mulF(b float64) dd {
	p, e := twoProd(a.hi, b)
	e += a.lo * b
	p, e = quickTwoSum(p, e)
	return dd{p, e}
}

func (a dd) div(b dd) dd {
	q1 := a.hi / b.hi
	r := a.sub(b.mulF(q1))
	q2 := r.hi / b.hi
	r = r.sub(b.mulF(q2))
	q3 := r.hi / b.hi
	s, e := quickTwoSum(q1, q2)
	return dd{s, e}.add(ddOf(q3))
}

// sqrt returns the square root by one Newton step on the float64 root.
func (a dd) sqrt() dd {
	if a.hi <= 0 {
		return dd{}
	}
	x := math.Sqrt(a.hi)
	p, e := twoProd(x, x)
	r := a.sub(dd{p, e})
	return dd{x, 0}.add(ddOf(r.hi / (2 * x)))
}

func (a dd) float() float64 { return a.hi + a.lo }
