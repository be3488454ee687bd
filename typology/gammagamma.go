package typology

import (
	"fmt"
	"math"
	"slices"
)

// GammaGamma is the spend model of Fader, Hardie & Lee (2005), "RFM and
// CLV: using iso-value curves for customer base analysis", Journal of
// Marketing Research 42(4), after Colombo & Jiang (1999): a customer's
// transaction values are Gamma(P, ν) with ν ~ Gamma(Q, Gamma) across
// customers, so the mean of x transactions is Gamma(P·x, ν·x). Amounts are
// in the unit of the data (dollars for the CDNOW values p = 6.25, q = 3.74,
// γ = 15.44). The model assumes that how much a customer spends per
// purchase does not depend on how often the customer buys: check the
// correlation [GammaGammaFit.Correlation] is small.
//
// The zero GammaGamma is invalid: build it with [NewGammaGamma] or
// [FitGammaGamma].
type GammaGamma struct {
	P, Q, Gamma float64
}

// NewGammaGamma returns the model with the given parameters, each of which
// must be positive and finite.
func NewGammaGamma(p, q, gamma float64) (GammaGamma, error) {
	m := GammaGamma{P: p, Q: q, Gamma: gamma}
	return m, m.Validate()
}

// Validate reports whether every parameter is positive and finite, wrapping
// [ErrInvalidModel] if not.
func (m GammaGamma) Validate() error {
	for _, p := range []struct {
		name string
		v    float64
	}{{"p", m.P}, {"q", m.Q}, {"gamma", m.Gamma}} {
		if !(p.v > 0) || math.IsInf(p.v, 0) {
			return fmt.Errorf("typology: Gamma-Gamma: parameter %s = %v: want positive and finite: %w", p.name, p.v, ErrInvalidModel)
		}
	}
	return nil
}

// MeanSpend returns the mean transaction value across customers, P·Gamma /
// (Q − 1); it needs Q > 1 (otherwise the mean is infinite).
func (m GammaGamma) MeanSpend() (float64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	if !(m.Q > 1) {
		return 0, fmt.Errorf("typology: Gamma-Gamma: q = %v ≤ 1: the mean spend is infinite: %w", m.Q, ErrInvalidModel)
	}
	return m.P * m.Gamma / (m.Q - 1), nil
}

// ConditionalExpectedSpend returns the expected transaction value of a
// customer whose x transactions had mean value mean (FHL 2005, eq. 5):
//
//	E[M | x, m̄] = P (Gamma + x m̄) / (P x + Q − 1)
//
// a weighted mean of the population mean and the customer's own mean, the
// latter weighing more as x grows. With x = 0 it is the population mean
// ([GammaGamma.MeanSpend]). It needs Q > 1, x ≥ 0 and mean ≥ 0 and finite.
func (m GammaGamma) ConditionalExpectedSpend(x int, mean float64) (float64, error) {
	if _, err := m.MeanSpend(); err != nil {
		return 0, err
	}
	if x < 0 || !(mean >= 0) || math.IsInf(mean, 0) {
		return 0, fmt.Errorf("typology: Gamma-Gamma: x = %d, mean %v: want x ≥ 0 and a mean ≥ 0 and finite: %w", x, mean, ErrInvalidModel)
	}
	fx := float64(x)
	return m.P * (m.Gamma + fx*mean) / (m.P*fx + m.Q - 1), nil
}

// GammaGammaFit is a Gamma-Gamma model fitted with [FitGammaGamma].
type GammaGammaFit struct {
	Model GammaGamma
	// StdErr holds the asymptotic standard errors, field by field (not a
	// model); Cov is the covariance of (p, q, γ), from the Hessian as for
	// [BGNBDFit].
	StdErr GammaGamma
	Cov    [3][3]float64
	// LogLikelihood is the maximized log-likelihood, in the unit of the
	// amounts.
	LogLikelihood float64
	// Customers is the number of customers fitted (those with X ≥ 1).
	Customers int
	// Correlation is Pearson's correlation between X and the mean amount
	// over the customers fitted; the model assumes it is near 0 (lifetimes
	// reports 0.11 for CDNOW).
	Correlation float64
	// Evaluations counts the evaluations of the likelihood and its gradient.
	Evaluations int
}

// ggData is the data of a Gamma-Gamma fit: customers with x ≥ 1, amounts
// divided by their mean.
type ggData struct {
	n        float64
	scale    float64
	x, m     []float64
	xs       []int     // distinct x
	xw       []float64 // customers per distinct x
	sumXLogM float64   // Σ x ln m
	sumLogM  float64   // Σ ln m
	sumLogX  float64   // Σ x ln x, the p·x ln x term's factor
}

func newGGData(data []CustomerSummary) (*ggData, error) {
	d := &ggData{}
	count := map[int]float64{}
	var sum float64
	for i, c := range data {
		if c.X < 0 {
			return nil, fmt.Errorf("typology: Gamma-Gamma fit: customer %d %q: X = %d is negative: %w", i, c.Customer, c.X, ErrInvalidHistory)
		}
		if c.X == 0 {
			continue
		}
		v := c.MeanAmount.Amount.InexactFloat64()
		if !(v > 0) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("typology: Gamma-Gamma fit: customer %d %q: mean amount %s of %d repeat purchases: want > 0: %w", i, c.Customer, c.MeanAmount, c.X, ErrInvalidHistory)
		}
		d.x = append(d.x, float64(c.X))
		d.m = append(d.m, v)
		count[c.X]++
		sum += v
	}
	if len(d.x) < 2 {
		return nil, fmt.Errorf("typology: Gamma-Gamma fit: %d customers with a repeat purchase: want at least 2: %w", len(d.x), ErrNotConverged)
	}
	d.n = float64(len(d.x))
	d.scale = sum / d.n
	for i := range d.m {
		d.m[i] /= d.scale
		lm := math.Log(d.m[i])
		d.sumXLogM += d.x[i] * lm
		d.sumLogM += lm
		d.sumLogX += d.x[i] * math.Log(d.x[i])
	}
	for x := range count {
		d.xs = append(d.xs, x)
	}
	slices.Sort(d.xs)
	for _, x := range d.xs {
		d.xw = append(d.xw, count[x])
	}
	return d, nil
}

// negLL is the mean negative log-likelihood at th = ln(p, q, γ) (γ in
// scaled amounts) with its gradient. Per customer (FHL 2005, RFM and CLV,
// the density of the mean m of x values):
//
//	ℓ = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln γ + px ln x + (px−1) ln m − (px+q) ln(γ + x m)
func (d *ggData) negLL(th, grad []float64) float64 {
	p, q, g := math.Exp(th[0]), math.Exp(th[1]), math.Exp(th[2])
	var ll, gp, gq, gg float64
	lgq, psiq := lgamma(q), digamma(q)
	for k, x := range d.xs {
		w, px := d.xw[k], p*float64(x)
		psiPQ := digamma(px + q)
		ll += w * (lgamma(px+q) - lgamma(px) - lgq)
		gp += w * float64(x) * (psiPQ - digamma(px))
		gq += w * (psiPQ - psiq)
	}
	lg := math.Log(g)
	ll += d.n*q*lg + p*(d.sumLogX+d.sumXLogM) - d.sumLogM
	gp += d.sumLogX + d.sumXLogM
	gq += d.n * lg
	gg += d.n * q / g
	for i, x := range d.x {
		u := g + x*d.m[i]
		lu := math.Log(u)
		ll -= (p*x + q) * lu
		gp -= x * lu
		gq -= lu
		gg -= (p*x + q) / u
	}
	inv := -1 / d.n
	grad[0], grad[1], grad[2] = inv*gp*p, inv*gq*q, inv*gg*g
	return inv * ll
}

func (d *ggData) correlation() float64 {
	var sx, sm, sxx, smm, sxm float64
	for i := range d.x {
		x, m := d.x[i], d.m[i]
		sx += x
		sm += m
		sxx += x * x
		smm += m * m
		sxm += x * m
	}
	n := d.n
	cov := sxm/n - sx/n*sm/n
	den := math.Sqrt((sxx/n - sx*sx/n/n) * (smm/n - sm*sm/n/n))
	if !(den > 0) {
		return 0
	}
	return cov / den
}

var ggParamNames = [3]string{"p", "q", "gamma"}

// FitGammaGamma fits the Gamma-Gamma spend model by maximum likelihood to
// the customers with at least one repeat purchase (X ≥ 1), each with the
// mean amount of those purchases (MeanAmount; Tx and T are not used). The
// method is that of [FitBGNBD]: log-parameters, amounts divided by their
// mean, the best of a few starts, BFGS with the analytic gradient and
// Nelder–Mead as fallback, standard errors from the Hessian.
//
// A negative X or a customer with X ≥ 1 and a mean amount ≤ 0 wraps
// [ErrInvalidHistory]; fewer than two such customers, a parameter running to
// 0 or ∞ (e.g. every customer spending exactly the same), or a failed
// convergence wraps [ErrNotConverged].
func FitGammaGamma(data []CustomerSummary) (GammaGammaFit, error) {
	d, err := newGGData(data)
	if err != nil {
		return GammaGammaFit{}, err
	}
	o := &objective{dim: 3, fg: d.negLL, lo: -fitBound, hi: fitBound}
	var starts [][]float64
	for _, p := range []float64{1, 5, 20} {
		for _, q := range []float64{2, 5} {
			// γ so that the population mean pγ/(q−1) is the data's mean (1).
			starts = append(starts, []float64{math.Log(p), math.Log(q), math.Log((q - 1) / p)})
		}
	}
	res := minimize(o, starts, d.n)
	best := GammaGamma{P: math.Exp(res.x[0]), Q: math.Exp(res.x[1]), Gamma: math.Exp(res.x[2]) * d.scale}
	for i, v := range res.x {
		if math.Abs(v) > fitBound-0.5 {
			return GammaGammaFit{}, fmt.Errorf("typology: Gamma-Gamma fit: parameter %s ran to the edge of its range (p %.4g, q %.4g, γ %.4g after %d evaluations): the likelihood has no maximum inside the model (amounts nearly alike within or across customers): %w",
				ggParamNames[i], best.P, best.Q, best.Gamma, res.evals, ErrNotConverged)
		}
	}
	if !res.ok {
		return GammaGammaFit{}, fmt.Errorf("typology: Gamma-Gamma fit: did not converge after %d evaluations (p %.4g, q %.4g, γ %.4g, largest gradient component %.2g): %w",
			res.evals, best.P, best.Q, best.Gamma, maxAbs(res.grad), ErrNotConverged)
	}
	cov, err := covariance(res.hess, d.n)
	if err != nil {
		return GammaGammaFit{}, fmt.Errorf("typology: Gamma-Gamma fit: at p %.4g, q %.4g, γ %.4g: %w", best.P, best.Q, best.Gamma, err)
	}
	// Log-likelihood in the data's amounts: each m was divided by s, which
	// adds ln s per customer to the density of m.
	fit := GammaGammaFit{Model: best, Customers: len(d.x), Evaluations: res.evals, Correlation: d.correlation(),
		LogLikelihood: -res.f*d.n - d.n*math.Log(d.scale)}
	p := [3]float64{best.P, best.Q, best.Gamma}
	for i := range 3 {
		for j := range 3 {
			fit.Cov[i][j] = cov[i][j] * p[i] * p[j]
		}
	}
	fit.StdErr = GammaGamma{P: math.Sqrt(fit.Cov[0][0]), Q: math.Sqrt(fit.Cov[1][1]), Gamma: math.Sqrt(fit.Cov[2][2])}
	return fit, nil
}
