package scorecard

import (
	"fmt"
	"math"
)

// This file holds the factor analysis behind [OmegaResult], ported from R's
// psych (fa with fm = "minres"), stats (varimax) and GPArotation (oblimin by
// gradient projection), step for step, so the rotations stop where R's stop.
// Matrices are row-major float64 slices: p items by nf factors.

// Bounds psych's minres puts on each uniqueness (optim's lower and upper).
const (
	minUniqueness = 0.005
	maxUniqueness = 1
)

// minres fits nf factors to the correlation matrix r (p×p) by minimum
// residuals, as psych::fa(r, nf, fm = "minres") does: the uniquenesses ψ
// minimise the sum of squared off-diagonal residuals of r − LLᵀ, L the
// first nf eigenvectors of r − diag(ψ) scaled by the square roots of their
// eigenvalues (psych's FAout.wls), starting from ψ = 1 − SMC, with ψ in
// [0.005, 1]. psych stops R's L-BFGS-B at a relative change of 2·10⁻⁹ in
// the objective; this solves the stationarity condition
// ψ + diag(LLᵀ) = diag(r) by Newton's method with the analytic Jacobian, to
// rounding, so its loadings are those psych converges to (see the tests for
// how far psych's own stopping point is). Loadings are signed as psych signs
// them: each factor's loadings sum to a positive number.
func minres(r []float64, p, nf int, smc []float64) ([]float64, error) {
	psi := make([]float64, p)
	for i := range p {
		psi[i] = clamp(1-smc[i], minUniqueness, maxUniqueness)
	}
	for iter := 0; ; iter++ {
		f, jac, err := minresStep(r, p, nf, psi)
		if err != nil {
			return nil, err
		}
		free := make([]bool, p)
		worst := 0.0
		for i := range p {
			// A uniqueness at a bound stays there while the condition pushes
			// it outside (the Karush–Kuhn–Tucker condition of the bounded fit).
			free[i] = !(psi[i] <= minUniqueness && f[i] < 0 || psi[i] >= maxUniqueness && f[i] > 0)
			if free[i] {
				worst = math.Max(worst, math.Abs(f[i]))
			}
		}
		if worst < 1e-15 {
			break
		}
		if iter == 100 {
			return nil, fmt.Errorf("scorecard: omega: minimum-residual fit did not converge (residual %.3g): %w", worst, ErrInvalidValue)
		}
		step, err := solveFree(jac, f, free, p)
		if err != nil {
			return nil, err
		}
		psi = minresLineSearch(r, p, nf, psi, step, f)
	}
	return minresLoadings(r, p, nf, psi)
}

func clamp(x, lo, hi float64) float64 { return math.Min(hi, math.Max(lo, x)) }

// minresStep returns F(ψ) = diag(r) − ψ − diag(LLᵀ) and its Jacobian
// ∂F/∂ψ = −I − ∂diag(LLᵀ)/∂ψ, from the eigen decomposition of r − diag(ψ):
// with vectors vₘ and values λₘ, ∂diag(LLᵀ)ᵢ/∂ψₖ =
// −(Σ_{m≤nf} vₘᵢvₘₖ)² − 2·Σ_{m≤nf<l} λₘ/(λₘ − λₗ)·vₘᵢvₘₖvₗᵢvₗₖ.
func minresStep(r []float64, p, nf int, psi []float64) (f, jac []float64, err error) {
	a := append([]float64(nil), r...)
	for i := range p {
		a[i*p+i] -= psi[i]
	}
	vals, vecs, err := symEigen(a, p)
	if err != nil {
		return nil, nil, err
	}
	f = make([]float64, p)
	for i := range p {
		h := 0.0
		for m := range nf {
			h += vecs[i*p+m] * vecs[i*p+m] * math.Max(vals[m], 0)
		}
		f[i] = r[i*p+i] - psi[i] - h
	}
	jac = make([]float64, p*p)
	for i := range p {
		for k := range p {
			s := 0.0
			for m := range nf {
				s += vecs[i*p+m] * vecs[k*p+m]
			}
			d := -s * s
			for m := range nf {
				if vals[m] <= 0 {
					continue
				}
				vm := vecs[i*p+m] * vecs[k*p+m]
				for l := nf; l < p; l++ {
					d -= 2 * vals[m] / (vals[m] - vals[l]) * vm * vecs[i*p+l] * vecs[k*p+l]
				}
			}
			jac[i*p+k] = -d
			if i == k {
				jac[i*p+k]--
			}
		}
	}
	return f, jac, nil
}

// solveFree returns the Newton step −J⁻¹F on the free uniquenesses (zero on
// those held at a bound).
func solveFree(jac, f []float64, free []bool, p int) ([]float64, error) {
	var idx []int
	for i := range p {
		if free[i] {
			idx = append(idx, i)
		}
	}
	n := len(idx)
	m := make([]float64, n*n)
	rhs := make([]float64, n)
	for a, i := range idx {
		rhs[a] = -f[i]
		for b, k := range idx {
			m[a*n+b] = jac[i*p+k]
		}
	}
	x, err := solveLinear(m, rhs, n)
	if err != nil {
		return nil, fmt.Errorf("scorecard: omega: minimum-residual fit: %w", err)
	}
	step := make([]float64, p)
	for a, i := range idx {
		step[i] = x[a]
	}
	return step, nil
}

// minresLineSearch takes the longest of the steps 1, ½, ¼, … (clamped to
// the bounds) that reduces ‖F‖ on the free uniquenesses; the full step when
// none does (Newton's last steps are below rounding).
func minresLineSearch(r []float64, p, nf int, psi, step, f []float64) []float64 {
	norm := func(g []float64, x []float64) float64 {
		s := 0.0
		for i := range p {
			if step[i] != 0 || x[i] > minUniqueness && x[i] < maxUniqueness {
				s += g[i] * g[i]
			}
		}
		return s
	}
	base := norm(f, psi)
	full := make([]float64, p)
	for t := 1.0; t > 1e-3; t /= 2 {
		next := make([]float64, p)
		for i := range p {
			next[i] = clamp(psi[i]+t*step[i], minUniqueness, maxUniqueness)
		}
		if t == 1 {
			copy(full, next)
		}
		g, _, err := minresStep(r, p, nf, next)
		if err == nil && norm(g, next) < base {
			return next
		}
	}
	return full
}

// minresLoadings returns psych's FAout.wls loadings at ψ, each factor signed
// so that its loadings sum to a positive number.
func minresLoadings(r []float64, p, nf int, psi []float64) ([]float64, error) {
	a := append([]float64(nil), r...)
	for i := range p {
		a[i*p+i] -= psi[i]
	}
	vals, vecs, err := symEigen(a, p)
	if err != nil {
		return nil, err
	}
	l := make([]float64, p*nf)
	for m := range nf {
		sq := math.Sqrt(math.Max(vals[m], 0))
		sum := 0.0
		for i := range p {
			l[i*nf+m] = vecs[i*p+m] * sq
			sum += l[i*nf+m]
		}
		if sum < 0 {
			for i := range p {
				l[i*nf+m] = -l[i*nf+m]
			}
		}
	}
	return l, nil
}

// varimax is R's stats::varimax(x, normalize = TRUE, eps = 1e-5) on the
// p×nf loadings x: rows scaled to unit length, then T ← UVᵀ from the SVD of
// B = xᵀ(z³ − z·diag(Σz²)/p), z = xT, until the sum of singular values grows
// by less than a relative 10⁻⁵. The SVD's UVᵀ is the polar factor of B,
// B·(BᵀB)^{−1/2}, computed here from the eigen decomposition of BᵀB.
func varimax(x []float64, p, nf int) ([]float64, error) {
	sc := make([]float64, p)
	xn := make([]float64, p*nf)
	for i := range p {
		s := 0.0
		for j := range nf {
			s += x[i*nf+j] * x[i*nf+j]
		}
		sc[i] = math.Sqrt(s)
		for j := range nf {
			xn[i*nf+j] = x[i*nf+j] / sc[i]
		}
	}
	tt := identity(nf)
	d := 0.0
	for range 1000 {
		z := matMul(xn, tt, p, nf, nf)
		colSq := make([]float64, nf)
		for i := range p {
			for j := range nf {
				colSq[j] += z[i*nf+j] * z[i*nf+j]
			}
		}
		w := make([]float64, p*nf)
		for i := range p {
			for j := range nf {
				zij := z[i*nf+j]
				w[i*nf+j] = zij*zij*zij - zij*colSq[j]/float64(p)
			}
		}
		b := matMul(transpose(xn, p, nf), w, nf, p, nf)
		polar, sv, err := polarFactor(b, nf)
		if err != nil {
			return nil, err
		}
		tt = polar
		dpast := d
		d = sv
		if d < dpast*(1+1e-5) {
			break
		}
	}
	z := matMul(xn, tt, p, nf, nf)
	for i := range p {
		for j := range nf {
			z[i*nf+j] *= sc[i]
		}
	}
	return z, nil
}

// polarFactor returns U·Vᵀ of the SVD B = U·S·Vᵀ of the n×n matrix b, and
// the sum of the singular values.
func polarFactor(b []float64, n int) ([]float64, float64, error) {
	btb := matMul(transpose(b, n, n), b, n, n, n)
	vals, vecs, err := symEigen(btb, n)
	if err != nil {
		return nil, 0, err
	}
	// (BᵀB)^{−1/2} = V·diag(1/s)·Vᵀ
	inv := make([]float64, n*n)
	sum := 0.0
	for m := range n {
		if !(vals[m] > 0) {
			return nil, 0, fmt.Errorf("scorecard: omega: varimax: singular rotation criterion: %w", ErrInvalidValue)
		}
		s := math.Sqrt(vals[m])
		sum += s
		for i := range n {
			for j := range n {
				inv[i*n+j] += vecs[i*n+m] * vecs[j*n+m] / s
			}
		}
	}
	return matMul(b, inv, n, n, n), sum, nil
}

// oblimin is GPArotation::oblimin(a) with its defaults (γ = 0, quartimin;
// no normalisation; eps = 1e-5; maxit = 1000), the gradient projection
// algorithm of Bernaards and Jennrich (2005) for oblique rotation as
// GPFoblq codes it. It returns the rotated loadings and the factor
// correlations Φ = TᵀT.
func oblimin(a []float64, p, nf int) (loadings, phi []float64, err error) {
	t := identity(nf)
	l, g, f, err := obliminAt(a, t, p, nf)
	if err != nil {
		return nil, nil, err
	}
	al := 1.0
	for iter := 0; iter <= 1000; iter++ {
		gp := make([]float64, nf*nf) // G − T·diag(column sums of T∘G)
		for j := range nf {
			cs := 0.0
			for i := range nf {
				cs += t[i*nf+j] * g[i*nf+j]
			}
			for i := range nf {
				gp[i*nf+j] = g[i*nf+j] - t[i*nf+j]*cs
			}
		}
		s := 0.0
		for _, x := range gp {
			s += x * x
		}
		s = math.Sqrt(s)
		if s < 1e-5 {
			break
		}
		al *= 2
		var tt, lt, gt []float64
		var ft float64
		for range 11 {
			tt = make([]float64, nf*nf)
			for j := range nf {
				norm := 0.0
				for i := range nf {
					x := t[i*nf+j] - al*gp[i*nf+j]
					tt[i*nf+j] = x
					norm += x * x
				}
				for i := range nf {
					tt[i*nf+j] /= math.Sqrt(norm)
				}
			}
			if lt, gt, ft, err = obliminAt(a, tt, p, nf); err != nil {
				return nil, nil, err
			}
			if f-ft > 0.5*s*s*al {
				break
			}
			al /= 2
		}
		t, l, g, f = tt, lt, gt, ft
	}
	return l, matMul(transpose(t, nf, nf), t, nf, nf, nf), nil
}

// obliminAt returns the loadings L = A·(T⁻¹)ᵀ, the gradient
// G = −(Lᵀ·Gq·T⁻¹)ᵀ of the quartimin criterion f = Σ L²∘(L²·(1−I))/4 with
// respect to T (Gq = L∘(L²·(1−I))), and f.
func obliminAt(a, t []float64, p, nf int) (l, g []float64, f float64, err error) {
	ti, err := invert(t, nf)
	if err != nil {
		return nil, nil, 0, fmt.Errorf("scorecard: omega: oblimin: %w", err)
	}
	l = matMul(a, transpose(ti, nf, nf), p, nf, nf)
	gq := make([]float64, p*nf)
	for i := range p {
		tot := 0.0
		for j := range nf {
			tot += l[i*nf+j] * l[i*nf+j]
		}
		for j := range nf {
			lij := l[i*nf+j]
			x := tot - lij*lij
			gq[i*nf+j] = lij * x
			f += lij * lij * x
		}
	}
	f /= 4
	m := matMul(matMul(transpose(l, p, nf), gq, nf, p, nf), ti, nf, nf, nf)
	g = transpose(m, nf, nf)
	for i := range g {
		g[i] = -g[i]
	}
	return l, g, f, nil
}
