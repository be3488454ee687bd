package scorecard

import (
	"fmt"
	"math"
	"math/bits"
)

// This file decomposes R² among correlated drivers: the Shapley value of
// each driver (the LMG measure) from the R² of every subset of drivers, and
// Johnson's relative weights from the eigen decomposition of the drivers'
// correlation matrix.

// subsetR2 returns the R² of the overall rating (variable k of the
// (k+1)×(k+1) co-moment matrix s) on every subset of the k drivers, indexed
// by bit mask. It walks the subsets depth first, adding drivers in
// increasing order; each step is a rank-one Schur-complement update of the
// co-moments of the drivers still to come and the overall rating given the
// subset (a sweep), in double-double, so the R² of a subset costs O(k) on
// average rather than a fresh O(k³) solve.
func subsetR2(s []dd, k int) []dd {
	v := k + 1
	out := make([]dd, 1<<k)
	bufs := make([][]dd, k+1) // the Schur complement at each depth
	for i := range bufs {
		bufs[i] = make([]dd, v*v)
	}
	copy(bufs[0], s)
	syy := s[k*v+k]
	var walk func(depth, mask, next int, r2 dd)
	walk = func(depth, mask, next int, r2 dd) {
		c := bufs[depth]
		for j := next; j < k; j++ {
			cjj, cjy := c[j*v+j], c[j*v+k]
			// Adding driver j explains cjy²/cjj more of the overall rating.
			r2j := r2.add(cjy.mul(cjy).div(cjj.mul(syy)))
			m := mask | 1<<j
			out[m] = r2j
			if j+1 == k {
				continue
			}
			nc := bufs[depth+1]
			for i := j + 1; i < v; i++ {
				f := c[j*v+i].div(cjj)
				for l := i; l < v; l++ {
					x := c[i*v+l].sub(f.mul(c[j*v+l]))
					nc[i*v+l], nc[l*v+i] = x, x
				}
			}
			walk(depth+1, m, j+1, r2j)
		}
	}
	walk(0, 0, 0, dd{})
	return out
}

// shapley returns each driver's Shapley value in R²: the sum over the
// subsets S without j of |S|!(k−|S|−1)!/k! · (R²(S ∪ {j}) − R²(S)).
func shapley(r2 []dd, k int) []float64 {
	w := make([]float64, k) // w[s] = s!(k−s−1)!/k!
	for s := range k {
		ls, _ := math.Lgamma(float64(s + 1))
		lr, _ := math.Lgamma(float64(k - s))
		lk, _ := math.Lgamma(float64(k + 1))
		w[s] = math.Exp(ls + lr - lk)
	}
	out := make([]float64, k)
	for mask := range r2 {
		ws := w[min(bits.OnesCount(uint(mask)), k-1)]
		base := r2[mask]
		for j := range k {
			if mask&(1<<j) != 0 {
				continue
			}
			with := r2[mask|1<<j]
			out[j] += ws * ((with.hi - base.hi) + (with.lo - base.lo))
		}
	}
	return out
}

// correlations returns the v×v correlation matrix of the co-moments s.
func correlations(s []dd, v int) []float64 {
	r := make([]float64, v*v)
	for i := range v {
		for j := range v {
			if i == j {
				r[i*v+j] = 1
				continue
			}
			r[i*v+j] = s[i*v+j].div(s[i*v+i].mul(s[j*v+j]).sqrt()).float()
		}
	}
	return r
}

// relativeWeights returns Johnson's (2000) raw relative weights from the
// (k+1)×(k+1) correlation matrix r (overall rating last), by the algorithm
// of Tonidandel and LeBreton (2011, eq. 1–4): with Rxx = QΛQᵀ, the
// correlations of the drivers with their orthogonal counterparts are
// Λ½ = QΛ^{1/2}Qᵀ, the regression of the overall rating on the counterparts
// is β = Λ½⁻¹·rxy, and driver j's weight is Σₘ Λ½ⱼₘ²·βₘ².
func relativeWeights(r []float64, k int) ([]float64, error) {
	v := k + 1
	rxx := make([]float64, k*k)
	rxy := make([]float64, k)
	for i := range k {
		copy(rxx[i*k:(i+1)*k], r[i*v:i*v+k])
		rxy[i] = r[i*v+k]
	}
	vals, vecs, err := symEigen(rxx, k)
	if err != nil {
		return nil, err
	}
	for _, l := range vals {
		if !(l > 0) {
			return nil, fmt.Errorf("scorecard: key drivers: driver correlation matrix has eigenvalue %v: collinear drivers: %w", l, ErrZeroVariance)
		}
	}
	half := make([]float64, k*k) // Λ½ = Q·diag(√λ)·Qᵀ
	beta := make([]float64, k)   // Λ½⁻¹·rxy = Q·diag(1/√λ)·Qᵀ·rxy
	for m := range k {
		sq := math.Sqrt(vals[m])
		proj := 0.0
		for i := range k {
			proj += vecs[i*k+m] * rxy[i]
		}
		for i := range k {
			beta[i] += vecs[i*k+m] * proj / sq
			for j := range k {
				half[i*k+j] += vecs[i*k+m] * sq * vecs[j*k+m]
			}
		}
	}
	out := make([]float64, k)
	for j := range k {
		for m := range k {
			out[j] += half[j*k+m] * half[j*k+m] * beta[m] * beta[m]
		}
	}
	return out, nil
}
