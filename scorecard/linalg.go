package scorecard

import (
	"fmt"
	"math"
	"sort"
)

// This file holds the small dense linear algebra the key-driver and omega
// analyses share: a symmetric eigen decomposition by cyclic Jacobi rotations
// (accurate to a few ulps for the matrices of a survey, tens of items), and
// a Gauss–Jordan inverse with partial pivoting.

// symEigen returns the eigenvalues of the symmetric n×n matrix a (row-major)
// in decreasing order and the eigenvectors as the columns of vecs (n×n
// row-major), by the cyclic Jacobi method. a is not modified; a value that
// is not finite is an error.
func symEigen(a []float64, n int) (vals, vecs []float64, err error) {
	if !finite(a...) {
		return nil, nil, fmt.Errorf("scorecard: eigen decomposition of a matrix with a value that is not finite: %w", ErrInvalidValue)
	}
	m := append([]float64(nil), a...)
	v := make([]float64, n*n)
	for i := range n {
		v[i*n+i] = 1
	}
	for sweep := 0; ; sweep++ {
		off := 0.0
		for i := range n {
			for j := i + 1; j < n; j++ {
				off += m[i*n+j] * m[i*n+j]
			}
		}
		if off == 0 {
			break
		}
		if sweep == 100 {
			return nil, nil, fmt.Errorf("scorecard: eigen decomposition did not converge (off-diagonal %v): %w", off, ErrInvalidValue)
		}
		for p := range n {
			for q := p + 1; q < n; q++ {
				jacobiRotate(m, v, n, p, q)
			}
		}
	}
	vals = make([]float64, n)
	for i := range n {
		vals[i] = m[i*n+i]
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(x, y int) bool { return vals[order[x]] > vals[order[y]] })
	sv, svec := make([]float64, n), make([]float64, n*n)
	for c, o := range order {
		sv[c] = vals[o]
		for r := range n {
			svec[r*n+c] = v[r*n+o]
		}
	}
	return sv, svec, nil
}

// jacobiRotate annihilates m[p][q] by a plane rotation, accumulating it in v.
func jacobiRotate(m, v []float64, n, p, q int) {
	apq := m[p*n+q]
	if apq == 0 {
		return
	}
	app, aqq := m[p*n+p], m[q*n+q]
	if math.Abs(apq) < 1e-300 || math.Abs(app)+math.Abs(apq)*1e18 == math.Abs(app) && math.Abs(aqq)+math.Abs(apq)*1e18 == math.Abs(aqq) {
		m[p*n+q], m[q*n+p] = 0, 0
		return
	}
	theta := (aqq - app) / (2 * apq)
	t := 1 / (math.Abs(theta) + math.Sqrt(theta*theta+1))
	if theta < 0 {
		t = -t
	}
	c := 1 / math.Sqrt(t*t+1)
	s := t * c
	for r := range n {
		mrp, mrq := m[r*n+p], m[r*n+q]
		m[r*n+p], m[r*n+q] = c*mrp-s*mrq, s*mrp+c*mrq
	}
	for r := range n {
		mpr, mqr := m[p*n+r], m[q*n+r]
		m[p*n+r], m[q*n+r] = c*mpr-s*mqr, s*mpr+c*mqr
	}
	m[p*n+q], m[q*n+p] = 0, 0
	for r := range n {
		vrp, vrq := v[r*n+p], v[r*n+q]
		v[r*n+p], v[r*n+q] = c*vrp-s*vrq, s*vrp+c*vrq
	}
}

// identity returns the n×n identity matrix.
func identity(n int) []float64 {
	m := make([]float64, n*n)
	for i := range n {
		m[i*n+i] = 1
	}
	return m
}

// matMul returns the r×c product of the r×k matrix a and the k×c matrix b.
func matMul(a, b []float64, r, k, c int) []float64 {
	out := make([]float64, r*c)
	for i := range r {
		for t := range k {
			ait := a[i*k+t]
			for j := range c {
				out[i*c+j] += ait * b[t*c+j]
			}
		}
	}
	return out
}

// transpose returns the c×r transpose of the r×c matrix a.
func transpose(a []float64, r, c int) []float64 {
	out := make([]float64, r*c)
	for i := range r {
		for j := range c {
			out[j*r+i] = a[i*c+j]
		}
	}
	return out
}

// invert returns the inverse of the n×n matrix a by Gauss–Jordan
// elimination with partial pivoting, or an error for a singular matrix.
func invert(a []float64, n int) ([]float64, error) {
	m := append([]float64(nil), a...)
	inv := identity(n)
	scale := 0.0
	for _, x := range a {
		scale = math.Max(scale, math.Abs(x))
	}
	for c := range n {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(m[r*n+c]) > math.Abs(m[p*n+c]) {
				p = r
			}
		}
		if !(math.Abs(m[p*n+c]) > 1e-14*scale) {
			return nil, fmt.Errorf("singular %d×%d matrix: %w", n, n, ErrZeroVariance)
		}
		for j := range n {
			m[c*n+j], m[p*n+j] = m[p*n+j], m[c*n+j]
			inv[c*n+j], inv[p*n+j] = inv[p*n+j], inv[c*n+j]
		}
		d := m[c*n+c]
		for j := range n {
			m[c*n+j] /= d
			inv[c*n+j] /= d
		}
		for r := range n {
			if r == c || m[r*n+c] == 0 {
				continue
			}
			f := m[r*n+c]
			for j := range n {
				m[r*n+j] -= f * m[c*n+j]
				inv[r*n+j] -= f * inv[c*n+j]
			}
		}
	}
	return inv, nil
}

// solveLinear solves the n×n system m·x = b.
func solveLinear(m, b []float64, n int) ([]float64, error) {
	inv, err := invert(m, n)
	if err != nil {
		return nil, err
	}
	return matMul(inv, b, n, n, 1), nil
}
