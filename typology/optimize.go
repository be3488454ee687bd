package typology

import (
	"math"
	"slices"
)

// This file holds the small optimizer behind the maximum-likelihood fits of
// [FitBGNBD] and [FitGammaGamma]: BFGS with analytic gradients and a
// backtracking line search, Nelder–Mead as the fallback when BFGS stalls,
// and the Hessian by central differences of the analytic gradient for the
// standard errors. Parameters are optimized as logarithms inside a box, so
// they stay positive and a run towards 0 or ∞ is seen as a run to the box's
// edge.

// objective is a function to minimize and its gradient. fg writes the
// gradient into g and returns the value; a value that is not finite (NaN,
// +Inf) marks a point outside the domain.
type objective struct {
	dim int
	fg  func(x, g []float64) float64
	lo  float64 // box, the same for every coordinate
	hi  float64
}

func (o *objective) inBox(x []float64) bool {
	for _, v := range x {
		if !(v >= o.lo && v <= o.hi) {
			return false
		}
	}
	return true
}

// value evaluates fg at x, +Inf outside the box or when fg is not finite.
func (o *objective) value(x, g []float64) float64 {
	if !o.inBox(x) {
		return math.Inf(1)
	}
	f := o.fg(x, g)
	if math.IsNaN(f) {
		return math.Inf(1)
	}
	for _, v := range g {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return math.Inf(1)
		}
	}
	return f
}

// optResult is where an optimizer stopped.
type optResult struct {
	x     []float64
	f     float64
	grad  []float64
	hess  [][]float64 // Hessian at x, when newton computed one
	evals int
	iters int
	ok    bool // converged: gradient below gradTol in bfgs, Newton decrement below decrementTol in minimize
}

const (
	gradTol    = 1e-7 // on the largest gradient component of the mean negative log-likelihood
	maxBFGS    = 500
	maxNMEvals = 4000
	maxStep    = 4.0 // largest move of one coordinate (a log-parameter) in one line search
)

func maxAbs(v []float64) float64 {
	m := 0.0
	for _, x := range v {
		m = max(m, math.Abs(x))
	}
	return m
}

// bfgs minimizes o from x0 with the BFGS update of the inverse Hessian and a
// backtracking (Armijo) line search.
func bfgs(o *objective, x0 []float64) optResult {
	d := o.dim
	x := slices.Clone(x0)
	g := make([]float64, d)
	f := o.value(x, g)
	res := optResult{x: x, f: f, grad: g, evals: 1}
	if math.IsInf(f, 1) {
		return res
	}
	h := identity(d)
	p := make([]float64, d)
	xn := make([]float64, d)
	gn := make([]float64, d)
	s := make([]float64, d)
	y := make([]float64, d)
	first := true
	for res.iters = 0; res.iters < maxBFGS; res.iters++ {
		if maxAbs(g) <= gradTol {
			res.ok = true
			break
		}
		for i := range p {
			p[i] = 0
			for j := range p {
				p[i] -= h[i][j] * g[j]
			}
		}
		slope := dot(p, g)
		if !(slope < 0) {
			h = identity(d) // lost descent: restart from steepest descent
			for i := range p {
				p[i] = -g[i]
			}
			slope = dot(p, g)
		}
		step := min(1, maxStep/maxAbs(p))
		var fn float64
		found := false
		for k := 0; k < 60; k++ {
			for i := range xn {
				xn[i] = x[i] + step*p[i]
			}
			fn = o.value(xn, gn)
			res.evals++
			if fn <= f+1e-4*step*slope {
				found = true
				break
			}
			step /= 2
		}
		if !found {
			break // no decrease along p: stalled
		}
		for i := range s {
			s[i], y[i] = xn[i]-x[i], gn[i]-g[i]
		}
		copy(x, xn)
		copy(g, gn)
		done := f-fn <= 1e-15*(1+math.Abs(f)) && maxAbs(s) < 1e-12
		f = fn
		if sy := dot(s, y); sy > 1e-12*math.Sqrt(dot(s, s)*dot(y, y)) {
			if first {
				scale := sy / dot(y, y)
				for i := range h {
					h[i][i] = scale
				}
				first = false
			}
			bfgsUpdate(h, s, y, sy)
		}
		if done {
			break
		}
	}
	res.f = f
	res.ok = maxAbs(g) <= gradTol
	return res
}

// bfgsUpdate applies H ← (I − ρsyᵀ) H (I − ρysᵀ) + ρssᵀ, ρ = 1/sᵀy.
func bfgsUpdate(h [][]float64, s, y []float64, sy float64) {
	d := len(s)
	rho := 1 / sy
	hy := make([]float64, d)
	for i := range hy {
		hy[i] = dot(h[i], y)
	}
	yhy := dot(y, hy)
	for i := 0; i < d; i++ {
		for j := 0; j < d; j++ {
			h[i][j] += -rho*(hy[i]*s[j]+s[i]*hy[j]) + (rho*rho*yhy+rho)*s[i]*s[j]
		}
	}
}

// simplex is Nelder–Mead's d+1 points and their values.
type simplex struct {
	pts  [][]float64
	vals []float64
}

// sort orders the points by value, best first.
func (s *simplex) sort() {
	order := make([]int, len(s.pts))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmpFloat(s.vals[a], s.vals[b]) })
	pts, vals := make([][]float64, len(order)), make([]float64, len(order))
	for i, k := range order {
		pts[i], vals[i] = s.pts[k], s.vals[k]
	}
	s.pts, s.vals = pts, vals
}

// centroid returns the centroid of every point but the worst.
func (s *simplex) centroid(c []float64) {
	d := len(c)
	for i := range c {
		c[i] = 0
		for k := 0; k < d; k++ {
			c[i] += s.pts[k][i] / float64(d)
		}
	}
}

// nelderMead minimizes o from x0 by the downhill simplex (reflection 1,
// expansion 2, contraction ½, shrink ½) with a first simplex of steps of 0.5
// along each axis, until the values at the vertices agree to 1e-12 or after
// maxNMEvals evaluations. It uses values only.
func nelderMead(o *objective, x0 []float64) optResult {
	d := o.dim
	g := make([]float64, d)
	f := func(x []float64) float64 { return o.value(x, g) }
	s := simplex{pts: make([][]float64, d+1), vals: make([]float64, d+1)}
	for i := range s.pts {
		s.pts[i] = slices.Clone(x0)
		if i > 0 {
			s.pts[i][i-1] += 0.5
			if !o.inBox(s.pts[i]) {
				s.pts[i][i-1] -= 1
			}
		}
		s.vals[i] = f(s.pts[i])
	}
	evals := d + 1
	c := make([]float64, d)
	along := func(coef float64) []float64 { // c + coef·(worst − c)
		x := make([]float64, d)
		for i := range x {
			x[i] = c[i] + coef*(s.pts[d][i]-c[i])
		}
		return x
	}
	for evals < maxNMEvals {
		s.sort()
		if s.vals[d]-s.vals[0] <= 1e-12*(1+math.Abs(s.vals[0])) {
			break
		}
		s.centroid(c)
		xr := along(-1)
		fr := f(xr)
		evals++
		switch {
		case fr < s.vals[0]:
			xe := along(-2)
			fe := f(xe)
			evals++
			if fe < fr {
				xr, fr = xe, fe
			}
			s.pts[d], s.vals[d] = xr, fr
		case fr < s.vals[d-1]:
			s.pts[d], s.vals[d] = xr, fr
		default:
			coef := 0.5 // inside contraction; outside when the reflection helped
			if fr < s.vals[d] {
				coef = -0.5
			}
			xc := along(coef)
			fc := f(xc)
			evals++
			if fc < min(fr, s.vals[d]) {
				s.pts[d], s.vals[d] = xc, fc
				continue
			}
			for k := 1; k <= d; k++ { // shrink towards the best
				for i := range s.pts[k] {
					s.pts[k][i] = s.pts[0][i] + 0.5*(s.pts[k][i]-s.pts[0][i])
				}
				s.vals[k] = f(s.pts[k])
				evals++
			}
		}
	}
	s.sort()
	fx := o.value(s.pts[0], g)
	return optResult{x: s.pts[0], f: fx, grad: g, evals: evals + 1, ok: maxAbs(g) <= gradTol}
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// minimize runs BFGS from the best of the starts, then Newton steps with the
// Hessian until the Newton decrement n·gᵀH⁻¹g/2 (what is left to gain in the
// total log-likelihood of n customers, if the mean is the objective) is at
// most decrementTol. If that fails it runs Nelder–Mead from where it
// stopped, and BFGS and Newton again.
func minimize(o *objective, starts [][]float64, n float64) optResult {
	g := make([]float64, o.dim)
	best, bestF := starts[0], math.Inf(1)
	evals := 0
	for _, s := range starts {
		f := o.value(s, g)
		evals++
		if f < bestF {
			best, bestF = s, f
		}
	}
	res := newton(o, bfgs(o, best), n)
	res.evals += evals
	if res.ok {
		return res
	}
	nm := nelderMead(o, res.x)
	again := newton(o, bfgs(o, nm.x), n)
	again.evals += res.evals + nm.evals
	again.iters += res.iters
	if !again.ok && again.f > res.f {
		res.evals = again.evals
		return res
	}
	return again
}

// decrementTol is the largest Newton decrement, in units of the total
// log-likelihood, at which a fit has converged: the parameters are then
// within about √(2·1e-6) ≈ 0.0014 standard errors of the maximum.
const decrementTol = 1e-6

// newton polishes res with Newton steps on the Hessian by central
// differences, backtracking when a step does not decrease the value (up to
// rounding), and sets ok by the Newton decrement; res.hess is the last
// Hessian.
func newton(o *objective, res optResult, n float64) optResult {
	if math.IsInf(res.f, 1) {
		return res
	}
	d := o.dim
	x, g := slices.Clone(res.x), slices.Clone(res.grad)
	f := res.f
	xn, gn := make([]float64, d), make([]float64, d)
	step := make([]float64, d)
	res.ok = false
	for it := 0; it < 30; it++ {
		h, ok := hessian(o, x, 1e-4)
		res.evals += 2 * d
		if !ok {
			break
		}
		inv, ok := invertSPD(h)
		if !ok {
			break
		}
		res.hess = h
		for i := range step {
			step[i] = -dot(inv[i], g)
		}
		if dec := -n * dot(g, step) / 2; dec <= decrementTol {
			res.ok = true
			break
		}
		t, moved := 1.0, false
		for k := 0; k < 40; k++ {
			for i := range xn {
				xn[i] = x[i] + t*step[i]
			}
			fn := o.value(xn, gn)
			res.evals++
			if fn < f || (fn <= f+1e-15*math.Abs(f) && maxAbs(gn) < maxAbs(g)) {
				copy(x, xn)
				copy(g, gn)
				f, moved = fn, true
				break
			}
			t /= 2
		}
		if !moved {
			break
		}
	}
	res.x, res.grad, res.f = x, g, f
	return res
}

// hessian returns the Hessian of o at x by central differences of the
// analytic gradient, symmetrized, or false if a neighbouring point is
// outside the domain.
func hessian(o *objective, x []float64, h float64) ([][]float64, bool) {
	d := o.dim
	hs := make([][]float64, d)
	xp, xm := slices.Clone(x), slices.Clone(x)
	gp, gm := make([]float64, d), make([]float64, d)
	for i := 0; i < d; i++ {
		xp[i], xm[i] = x[i]+h, x[i]-h
		fp, fm := o.fg(xp, gp), o.fg(xm, gm)
		xp[i], xm[i] = x[i], x[i]
		if math.IsNaN(fp) || math.IsNaN(fm) || math.IsInf(fp, 0) || math.IsInf(fm, 0) {
			return nil, false
		}
		hs[i] = make([]float64, d)
		for j := range hs[i] {
			hs[i][j] = (gp[j] - gm[j]) / (2 * h)
		}
	}
	for i := 0; i < d; i++ {
		for j := 0; j < i; j++ {
			m := (hs[i][j] + hs[j][i]) / 2
			hs[i][j], hs[j][i] = m, m
		}
	}
	return hs, true
}

// invertSPD inverts a symmetric positive-definite matrix by its Cholesky
// factor, or reports false when it is not positive definite.
func invertSPD(a [][]float64) ([][]float64, bool) {
	d := len(a)
	l := make([][]float64, d)
	for i := range l {
		l[i] = make([]float64, d)
	}
	for j := 0; j < d; j++ {
		s := a[j][j]
		for k := 0; k < j; k++ {
			s -= l[j][k] * l[j][k]
		}
		if !(s > 0) || math.IsInf(s, 0) {
			return nil, false
		}
		l[j][j] = math.Sqrt(s)
		for i := j + 1; i < d; i++ {
			t := a[i][j]
			for k := 0; k < j; k++ {
				t -= l[i][k] * l[j][k]
			}
			l[i][j] = t / l[j][j]
		}
	}
	// inv = L⁻ᵀ L⁻¹, column by column.
	inv := make([][]float64, d)
	for i := range inv {
		inv[i] = make([]float64, d)
	}
	e := make([]float64, d)
	z := make([]float64, d)
	for c := 0; c < d; c++ {
		for i := range e {
			e[i] = 0
		}
		e[c] = 1
		for i := 0; i < d; i++ { // L z = e
			t := e[i]
			for k := 0; k < i; k++ {
				t -= l[i][k] * z[k]
			}
			z[i] = t / l[i][i]
		}
		for i := d - 1; i >= 0; i-- { // Lᵀ w = z
			t := z[i]
			for k := i + 1; k < d; k++ {
				t -= l[k][i] * inv[k][c]
			}
			inv[i][c] = t / l[i][i]
		}
	}
	return inv, true
}

func identity(d int) [][]float64 {
	m := make([][]float64, d)
	for i := range m {
		m[i] = make([]float64, d)
		m[i][i] = 1
	}
	return m
}

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}
