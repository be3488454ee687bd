package pdca

import (
	"fmt"
	"math"
	"sync"
)

// Constants holds the control-chart constants for subgroups of size N.
//
// The three distribution constants are computed, not looked up, so every
// subgroup size is supported:
//
//   - D2 (d₂) is the expected range of N independent standard normal values,
//     d₂ = ∫ [1 − Φ(x)ᴺ − (1 − Φ(x))ᴺ] dx over the real line, integrated
//     with the trapezoidal rule (step 0.02), which converges geometrically
//     for this smooth, fast-decaying integrand.
//   - D3 (d₃) is the standard deviation of that range,
//     d₃² = 2∫₀^∞ w·P(W > w) dw − d₂², with
//     P(W > w) = N∫ φ(x)[(1 − Φ(x))ᴺ⁻¹ − (Φ(x+w) − Φ(x))ᴺ⁻¹] dx
//     (trapezoidal rule in x, Simpson's rule in w, step 0.05). This is the
//     same definition R's qcc integrates with ptukey.
//   - C4 (c₄) is E[S]/σ = √(2/(N−1))·Γ(N/2)/Γ((N−1)/2), through log-gamma so
//     that large N does not overflow.
//
// The limit factors follow from them for 3σ limits: A2 = 3/(d₂√N),
// A3 = 3/(c₄√N), LowerD3 = max(0, 1 − 3d₃/d₂) (the tables' D₃),
// UpperD4 = 1 + 3d₃/d₂ (D₄), B3 = max(0, 1 − 3√(1−c₄²)/c₄),
// B4 = 1 + 3√(1−c₄²)/c₄. They reproduce the printed tables (d₂(5) = 2.326,
// c₄(5) = 0.9400, D₄(5) = 2.114, A2(5) = 0.577) and are exact where the
// tables are rounded.
type Constants struct {
	N       int
	D2      float64 // d₂: mean of the relative range
	D3      float64 // d₃: standard deviation of the relative range
	C4      float64 // c₄: mean of S/σ
	A2      float64 // X̄ limits from R̄: X̿ ± A2·R̄
	A3      float64 // X̄ limits from S̄: X̿ ± A3·S̄
	LowerD3 float64 // D₃: R chart LCL = D₃·R̄
	UpperD4 float64 // D₄: R chart UCL = D₄·R̄
	B3      float64 // S chart LCL = B3·S̄
	B4      float64 // S chart UCL = B4·S̄
}

var constantsCache sync.Map // int -> Constants

// ConstantsFor returns the control-chart constants for subgroups of size n
// (n ≥ 2). Results are cached, so repeated calls are cheap; the first call
// for a size costs a few milliseconds.
func ConstantsFor(n int) (Constants, error) {
	if n < 2 {
		return Constants{}, fmt.Errorf("pdca: subgroup size %d: need at least 2: %w", n, ErrInsufficientData)
	}
	if v, ok := constantsCache.Load(n); ok {
		return v.(Constants), nil
	}
	k := Constants{N: n, D2: rangeMean(n), C4: c4(n)}
	k.D3 = math.Sqrt(math.Max(0, rangeSecondMoment(n)-k.D2*k.D2))
	rn := math.Sqrt(float64(n))
	k.A2 = 3 / (k.D2 * rn)
	k.A3 = 3 / (k.C4 * rn)
	k.LowerD3 = math.Max(0, 1-3*k.D3/k.D2)
	k.UpperD4 = 1 + 3*k.D3/k.D2
	s := math.Sqrt(1-k.C4*k.C4) / k.C4
	k.B3 = math.Max(0, 1-3*s)
	k.B4 = 1 + 3*s
	constantsCache.Store(n, k)
	return k, nil
}

// mustConstants is ConstantsFor for sizes already validated (n ≥ 2).
func mustConstants(n int) Constants {
	k, err := ConstantsFor(n)
	if err != nil {
		panic(err) // unreachable: callers validate n
	}
	return k
}

func c4(n int) float64 {
	a, _ := math.Lgamma(float64(n) / 2)
	b, _ := math.Lgamma(float64(n-1) / 2)
	return math.Sqrt(2/float64(n-1)) * math.Exp(a-b)
}

// stdNormalCDF returns Φ(x) and 1 − Φ(x), each accurate in its tail.
func stdNormalCDF(x float64) (lower, upper float64) {
	return 0.5 * math.Erfc(-x/math.Sqrt2), 0.5 * math.Erfc(x/math.Sqrt2)
}

func stdNormalPDF(x float64) float64 { return math.Exp(-x*x/2) / math.Sqrt(2*math.Pi) }

// powN returns pᴺ with q = 1 − p given, accurately when p is close to 1.
func powN(p, q float64, n float64) float64 {
	if p <= 0 {
		return 0
	}
	if q < 0.5 {
		return math.Exp(n * math.Log1p(-q))
	}
	return math.Pow(p, n)
}

// halfWidth is the integration half-range: beyond it every integrand is
// below 1e-17 for n up to 10⁹.
func halfWidth(n int) float64 { return 9 + math.Sqrt(2*math.Log(float64(n))) }

func rangeMean(n int) float64 {
	const h = 0.02
	L := halfWidth(n)
	m := int(math.Ceil(L / h))
	nf := float64(n)
	sum := 0.0
	for i := -m; i <= m; i++ {
		x := float64(i) * h
		p, q := stdNormalCDF(x)
		sum += 1 - powN(p, q, nf) - powN(q, p, nf)
	}
	return sum * h
}

func rangeSecondMoment(n int) float64 {
	const h = 0.05
	L := halfWidth(n)
	m := int(math.Ceil(L / h))
	wm := 2 * m // w from 0 to 2L
	if wm%2 == 1 {
		wm++
	}
	// Φ and φ on the grid x = i·h for i in [-m, m+wm].
	size := 2*m + wm + 1
	cdf := make([]float64, size)
	pdf := make([]float64, size)
	tail := make([]float64, size) // 1 − Φ
	for i := range size {
		x := float64(i-m) * h
		cdf[i], tail[i] = stdNormalCDF(x)
		pdf[i] = stdNormalPDF(x)
	}
	nf := float64(n)
	survival := func(k int) float64 { // P(W > k·h)
		s := 0.0
		for i := 0; i <= 2*m; i++ {
			d := cdf[i+k] - cdf[i]
			if x := float64(i-m) * h; x > 0 { // difference of upper tails is more accurate
				d = tail[i] - tail[i+k]
			}
			s += pdf[i] * (math.Pow(tail[i], nf-1) - math.Pow(math.Max(d, 0), nf-1))
		}
		return nf * s * h
	}
	sum := 0.0
	for k := 0; k <= wm; k++ {
		w := float64(k) * h
		f := w * survival(k)
		switch {
		case k == 0 || k == wm:
			sum += f
		case k%2 == 1:
			sum += 4 * f
		default:
			sum += 2 * f
		}
	}
	return 2 * sum * h / 3
}
