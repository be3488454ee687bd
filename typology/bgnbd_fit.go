package typology

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
)

// BGNBDFit is a BG/NBD model fitted by maximum likelihood with
// [FitBGNBD].
type BGNBDFit struct {
	Model BGNBD
	// StdErr holds the asymptotic standard error of each parameter, field by
	// field (it is not a model): the square roots of the diagonal of Cov.
	StdErr BGNBD
	// Cov is the covariance matrix of (r, α, a, b): the inverse of the
	// Hessian of the negative log-likelihood, taken in log-parameters and
	// carried to the parameters by the delta method.
	Cov [4][4]float64
	// LogLikelihood is the maximized log-likelihood, with times in the unit
	// of the data (FHL 2005 report −9582.4 for CDNOW in weeks).
	LogLikelihood float64
	// Customers is the number of customers fitted.
	Customers int
	// Evaluations counts the evaluations of the likelihood and its gradient.
	Evaluations int
}

// bgGroup is one distinct (x, tx, T) with its number of customers; times are
// divided by the data's time scale.
type bgGroup struct {
	x      int
	tx, T  float64
	weight float64
}

// bgData is the data of a BG/NBD fit, grouped.
type bgData struct {
	n      float64
	scale  float64   // the time unit of the scaled times: the mean T
	groups []bgGroup // sorted by x, then tx, then T; x = 0 first
	xs     []int     // the distinct x > 0
	xw     []float64 // their numbers of customers
	sumX   float64
}

// fitBound is the box of the log-parameters: each parameter (α in units of
// the mean T) stays within e^±fitBound.
const fitBound = 12.0

// newBGData checks and groups the customers.
func newBGData(data []CustomerSummary) (*bgData, error) {
	if len(data) == 0 {
		return nil, fmt.Errorf("typology: BG/NBD fit: no customers: %w", ErrInvalidHistory)
	}
	d := &bgData{n: float64(len(data))}
	var sumT float64
	groups := make([]bgGroup, len(data))
	for i, c := range data {
		if err := checkHistory(c.X, c.Tx, c.T); err != nil {
			return nil, fmt.Errorf("typology: BG/NBD fit: customer %d %q: %w: %w", i, c.Customer, err, ErrInvalidHistory)
		}
		if c.T == 0 {
			return nil, fmt.Errorf("typology: BG/NBD fit: customer %d %q: T = 0: want > 0 (observed for some time): %w", i, c.Customer, ErrInvalidHistory)
		}
		sumT += c.T
		d.sumX += float64(c.X)
		groups[i] = bgGroup{x: c.X, tx: c.Tx, T: c.T, weight: 1}
	}
	if d.sumX == 0 {
		return nil, fmt.Errorf("typology: BG/NBD fit: none of %d customers made a repeat purchase: the purchase rate and the dropout cannot be told apart: %w", len(data), ErrNotConverged)
	}
	d.scale = sumT / d.n
	slices.SortFunc(groups, func(a, b bgGroup) int {
		return cmp.Or(cmp.Compare(a.x, b.x), cmp.Compare(a.tx, b.tx), cmp.Compare(a.T, b.T))
	})
	out := groups[:0]
	for _, g := range groups {
		if k := len(out) - 1; k >= 0 && out[k].x == g.x && out[k].tx == g.tx && out[k].T == g.T {
			out[k].weight++
			continue
		}
		out = append(out, g)
	}
	d.groups = out
	for i := range d.groups {
		g := &d.groups[i]
		g.tx /= d.scale
		g.T /= d.scale
		if g.x == 0 {
			continue
		}
		if k := len(d.xs) - 1; k >= 0 && d.xs[k] == g.x {
			d.xw[k] += g.weight
		} else {
			d.xs = append(d.xs, g.x)
			d.xw = append(d.xw, g.weight)
		}
	}
	return d, nil
}

// negLL returns the mean negative log-likelihood of the BG/NBD at the
// log-parameters th = ln(r, α, a, b) (α in scaled time) and writes its
// gradient with respect to th into grad. Per customer (FHL 2005, eq. 6,
// with B(a+1, b+x−1)/B(a, b+x) = a/(b+x−1)):
//
//	ℓ = lnΓ(r+x) − lnΓ(r) + r ln α + lnΓ(a+b) + lnΓ(b+x) − lnΓ(b) − lnΓ(a+b+x)
//	    − (r+x) ln(α+T) + [x > 0] ln(1 + e^z),
//	z = ln a − ln(b+x−1) + (r+x) (ln(α+T) − ln(α+tₓ)).
func (d *bgData) negLL(th, grad []float64) float64 {
	r, alpha, a, b := math.Exp(th[0]), math.Exp(th[1]), math.Exp(th[2]), math.Exp(th[3])
	var ll, gr, ga, gA, gB float64
	// Terms that depend on x only.
	psiR, psiB, psiAB := digamma(r), digamma(b), digamma(a+b)
	lgR, lgB, lgAB := lgamma(r), lgamma(b), lgamma(a+b)
	for k, x := range d.xs {
		w, fx := d.xw[k], float64(x)
		ll += w * (lgamma(r+fx) - lgR + lgAB + lgamma(b+fx) - lgB - lgamma(a+b+fx))
		pABx := digamma(a + b + fx)
		gr += w * (digamma(r+fx) - psiR)
		gA += w * (psiAB - pABx)
		gB += w * (psiAB + digamma(b+fx) - psiB - pABx)
	}
	lnAlpha, lnA := math.Log(alpha), math.Log(a)
	ll += d.n * r * lnAlpha
	gr += d.n * lnAlpha
	ga += d.n * r / alpha
	// Terms per customer group.
	lastX, lnBx := -1, 0.0
	for i := range d.groups {
		g := &d.groups[i]
		w := g.weight
		rx := r + float64(g.x)
		iT := 1 / (alpha + g.T)
		lT := math.Log(alpha + g.T)
		ll -= w * rx * lT
		gr -= w * lT
		ga -= w * rx * iT
		if g.x == 0 {
			continue
		}
		if g.x != lastX {
			lastX, lnBx = g.x, math.Log(b+float64(g.x)-1)
		}
		lt, it := lT, iT
		if g.tx != g.T {
			lt, it = math.Log(alpha+g.tx), 1/(alpha+g.tx)
		}
		z := lnA - lnBx + rx*(lT-lt)
		var sp, s float64 // softplus(z), sigmoid(z)
		if z > 0 {
			e := math.Exp(-z)
			sp, s = z+math.Log1p(e), 1/(1+e)
		} else {
			e := math.Exp(z)
			sp, s = math.Log1p(e), e/(1+e)
		}
		ws := w * s
		ll += w * sp
		gr += ws * (lT - lt)
		ga += ws * rx * (iT - it)
		gA += ws / a
		gB -= ws / (b + float64(g.x) - 1)
	}
	inv := -1 / d.n
	grad[0], grad[1], grad[2], grad[3] = inv*gr*r, inv*ga*alpha, inv*gA*a, inv*gB*b
	return inv * ll
}

// starts returns a few starting points in log-parameters: the mean repeat
// rate split between r and α at several shapes, with a few dropout betas.
func (d *bgData) starts() [][]float64 {
	rate := d.sumX / d.n // per scaled time unit (the mean T is 1)
	var out [][]float64
	for _, r := range []float64{0.25, 1, 4} {
		alpha := r / max(rate, 1e-4)
		for _, ab := range [][2]float64{{1, 3}, {0.5, 5}, {2, 2}} {
			th := []float64{math.Log(r), math.Log(alpha), math.Log(ab[0]), math.Log(ab[1])}
			for i := range th {
				th[i] = min(max(th[i], -fitBound+1), fitBound-1)
			}
			out = append(out, th)
		}
	}
	return out
}

var bgParamNames = [4]string{"r", "alpha", "a", "b"}

// bgBoundHint explains what parameter i of m running to the high or low
// edge of its range says about the data.
func bgBoundHint(m BGNBD, i int, high bool) string {
	switch {
	case i <= 1 && high:
		return fmt.Sprintf("the purchase rates look alike for every customer (r and α grow together, mean rate r/α = %.4g)", m.R/m.Alpha)
	case i <= 1:
		return "the purchase rates are extremely spread out"
	case m.A/(m.A+m.B) < 0.01:
		return fmt.Sprintf("almost no customer seems to drop out (mean dropout probability a/(a+b) = %.2g)", m.A/(m.A+m.B))
	case high:
		return fmt.Sprintf("the dropout probability looks the same for every customer (a and b grow together, p = a/(a+b) = %.3g)", m.A/(m.A+m.B))
	}
	return fmt.Sprintf("the dropout probabilities are extremely spread out (mean a/(a+b) = %.3g)", m.A/(m.A+m.B))
}

// FitBGNBD fits the BG/NBD model to the customers' calibration figures (X,
// Tx, T; the other fields are not used) by maximum likelihood, in the time
// unit of the data.
//
// The likelihood (Fader, Hardie & Lee 2005, eq. 6) is computed in logs with
// the softplus form of its two-term sum, so large frequencies do not
// overflow (lifetimes' NaN and "precision loss" failures); the parameters
// are optimized as logarithms, so they stay positive, with time divided by
// the mean T so that α is of order one whatever the unit. The optimizer
// starts from the best of nine starting points, runs BFGS with the analytic
// gradient, and when that stalls runs Nelder–Mead and BFGS again; it stops
// when every component of the gradient of the mean log-likelihood is below
// 1e-7. Standard errors come from the Hessian (central differences of the
// analytic gradient) at the maximum.
//
// Customers with identical (X, Tx, T) are grouped, so data recorded in days
// fit fast. A history that is wrong (X < 0, Tx outside [0, T], T ≤ 0, Tx ≠
// 0 without repeat purchase) wraps [ErrInvalidHistory] and names the
// customer. When the data have no interior maximum (no repeat purchase at
// all, or a parameter running to 0 or ∞, e.g. a base where nobody drops
// out), when the gradient criterion is not met, or when the Hessian is not
// positive definite, the error wraps [ErrNotConverged], names the parameter
// and says what the data look like.
func FitBGNBD(data []CustomerSummary) (BGNBDFit, error) {
	d, err := newBGData(data)
	if err != nil {
		return BGNBDFit{}, err
	}
	o := &objective{dim: 4, fg: d.negLL, lo: -fitBound, hi: fitBound}
	res := minimize(o, d.starts(), d.n)
	params := func(th []float64) BGNBD {
		return BGNBD{R: math.Exp(th[0]), Alpha: math.Exp(th[1]) * d.scale, A: math.Exp(th[2]), B: math.Exp(th[3])}
	}
	best := params(res.x)
	for i, v := range res.x {
		if math.Abs(v) > fitBound-0.5 {
			return BGNBDFit{}, fmt.Errorf("typology: BG/NBD fit: parameter %s ran to the edge of its range (r %.4g, α %.4g, a %.4g, b %.4g after %d evaluations): the likelihood has no maximum inside the model: %s: %w",
				bgParamNames[i], best.R, best.Alpha, best.A, best.B, res.evals, bgBoundHint(best, i, v > 0), ErrNotConverged)
		}
	}
	if !res.ok {
		return BGNBDFit{}, fmt.Errorf("typology: BG/NBD fit: did not converge after %d evaluations (r %.4g, α %.4g, a %.4g, b %.4g, largest gradient component %.2g > %.0g): %w",
			res.evals, best.R, best.Alpha, best.A, best.B, maxAbs(res.grad), gradTol, ErrNotConverged)
	}
	cov, err := covariance(res.hess, d.n)
	if err != nil {
		return BGNBDFit{}, fmt.Errorf("typology: BG/NBD fit: at r %.4g, α %.4g, a %.4g, b %.4g: %w", best.R, best.Alpha, best.A, best.B, err)
	}
	fit := BGNBDFit{Model: best, Customers: len(data), Evaluations: res.evals,
		LogLikelihood: -res.f*d.n - d.sumX*math.Log(d.scale)}
	p := [4]float64{best.R, best.Alpha, best.A, best.B}
	for i := range 4 {
		for j := range 4 {
			fit.Cov[i][j] = cov[i][j] * p[i] * p[j]
		}
	}
	fit.StdErr = BGNBD{R: math.Sqrt(fit.Cov[0][0]), Alpha: math.Sqrt(fit.Cov[1][1]), A: math.Sqrt(fit.Cov[2][2]), B: math.Sqrt(fit.Cov[3][3])}
	return fit, nil
}

// covariance returns the covariance of the log-parameters from the Hessian
// h of the mean negative log-likelihood over n customers: (n·h)⁻¹.
func covariance(h [][]float64, n float64) ([][]float64, error) {
	if h == nil {
		return nil, fmt.Errorf("the likelihood is not finite next to the maximum: %w", ErrNotConverged)
	}
	nh := make([][]float64, len(h))
	for i := range h {
		nh[i] = make([]float64, len(h[i]))
		for j := range h[i] {
			nh[i][j] = n * h[i][j]
		}
	}
	inv, ok := invertSPD(nh)
	if !ok {
		return nil, fmt.Errorf("the Hessian is not positive definite: the likelihood is flat in some direction (parameters not identified): %w", ErrNotConverged)
	}
	return inv, nil
}

// LogLikelihood returns the log-likelihood of the customers' (X, Tx, T)
// under m (FHL 2005, eq. 6, summed), in the time unit of the data; with the
// parameters of [FitBGNBD] it is [BGNBDFit.LogLikelihood]. Wrong histories
// wrap [ErrInvalidHistory], and an invalid model [ErrInvalidModel].
func (m BGNBD) LogLikelihood(data []CustomerSummary) (float64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	d, err := newBGData(data)
	if err != nil && !errors.Is(err, ErrNotConverged) {
		return 0, err
	}
	if d == nil { // no repeat purchase at all: every term is r ln(α/(α+T))
		var ll float64
		for _, c := range data {
			ll += m.R * (math.Log(m.Alpha) - math.Log(m.Alpha+c.T))
		}
		return ll, nil
	}
	th := []float64{math.Log(m.R), math.Log(m.Alpha / d.scale), math.Log(m.A), math.Log(m.B)}
	g := make([]float64, 4)
	return -d.negLL(th, g)*d.n - d.sumX*math.Log(d.scale), nil
}
