package scorecard

import (
	"fmt"
	"math"
)

// OmegaResult is McDonald's omega of a scale as R's psych::omega computes
// it (Revelle and Zinbarg, 2009): a minimum-residual factor analysis of the
// items' correlation matrix with Factors group factors, an oblimin rotation
// (GPArotation), and the Schmid–Leiman transformation, which splits each
// item's common variance into a general factor g and the group factors.
// With Vt the sum of the correlation matrix (after reversing items whose g
// loading is negative):
//
//	ω_h = (Σ g loadings)² / Vt      ω_t = 1 − Σ uniquenesses / Vt
//
// ω_h is the share of the total score's variance due to the general factor,
// ω_t the share due to all common factors.
type OmegaResult struct {
	// Hierarchical is ω_h; Total is ω_t; Limit is ω_h/ω_t as psych's
	// omega.lim defines it, (Σg)²/(Vt − Σ uniquenesses), the ω_h of a test
	// of infinitely many such items.
	Hierarchical, Total, Limit float64
	// Alpha and Lambda6 are the standardized alpha and Guttman's λ6 of the
	// items as psych::omega reports them (alpha and G6): on the correlation
	// matrix after the reversals in Reversed. Without reversals Lambda6 is
	// [GuttmanLambda6].Standardized.
	Alpha, Lambda6 float64
	// Factors is the number of group factors.
	Factors int
	// General holds each item's loading on g, Group each item's loadings on
	// the group factors (psych's F1*, F2*, …), Communality (h²) and
	// Uniqueness (u² = 1 − h²) each item's common and unique variance, and
	// GeneralShare each item's g²/h² (psych's p2).
	General      []float64
	Group        [][]float64
	Communality  []float64
	Uniqueness   []float64
	GeneralShare []float64
	// FactorCorrelations is Φ, the correlations of the oblimin-rotated group
	// factors, and GeneralLoadings their loadings on g (a one-factor fit to
	// Φ for three or more factors; √|φ₁₂| each for two, psych's
	// option "equal"; 1 for one).
	FactorCorrelations [][]float64
	GeneralLoadings    []float64
	// Reversed lists (0-based) the items whose g loading was negative and
	// that omega therefore reversed, as psych's flip does.
	Reversed []int
	// N is the number of respondents behind the correlations.
	N int
}

// GuttmanLambda6 is Guttman's (1945) λ6: the share of the total score's
// variance that the items' squared multiple correlations (SMC, each item on
// all the others) account for, 1 − Σ e²ⱼ / Vt with e²ⱼ the variance of item
// j not predicted by the others.
type GuttmanLambda6 struct {
	// Standardized is λ6 on the correlation matrix, 1 − Σ(1 − SMCⱼ)/Σr, as
	// psych::guttman reports it and psych::omega's G6 before it reverses
	// items (pairwise: each correlation from the rows answering both items,
	// R's cor(use = "pairwise")). psych::splitHalf gives the same for
	// complete and listwise data; with pairwise deletion it standardizes the
	// pairwise covariances by the items' overall variances instead
	// (cov2cor), and differs slightly.
	Standardized float64
	// Raw is λ6 on the covariance matrix, 1 − Σ varⱼ(1 − SMCⱼ)/Σcov, as
	// psych::splitHalf(x, covar = TRUE) reports it (the SMCs of
	// cov2cor(cov), as psych's smc(covar = TRUE) takes them).
	Raw float64
	// N is the number of respondents behind the covariances.
	N int
}

// DefaultOmegaFactors is the number of group factors of psych::omega's
// default, used when [Alpha.Omega] is given 0.
const DefaultOmegaFactors = 3

// Omega returns McDonald's omega of the respondents so far with factors
// group factors (0: [DefaultOmegaFactors]), from the accumulator's
// correlations: complete rows, listwise or pairwise as its policy says
// (pairwise: each correlation from the rows answering both items, as R's
// cor(x, use = "pairwise") and so psych::omega compute it). Errors wrap
// [ErrInsufficientData] (fewer than 3 respondents, or not more items than
// factors), [ErrZeroVariance] (a constant item; a correlation matrix that
// is not positive definite, whose SMCs are undefined) or [ErrInvalidValue]
// (factors < 0; a factor analysis that does not converge; an item whose
// communality exceeds 1, an ultra-Heywood case where psych warns and
// returns an omega above 1).
func (a *Alpha) Omega(factors int) (OmegaResult, error) {
	if factors == 0 {
		factors = DefaultOmegaFactors
	}
	if factors < 0 {
		return OmegaResult{}, fmt.Errorf("scorecard: omega: %d factors: %w", factors, ErrInvalidValue)
	}
	if a.k <= factors {
		return OmegaResult{}, fmt.Errorf("scorecard: omega: %d items for %d factors, want more items than factors: %w", a.k, factors, ErrInsufficientData)
	}
	r, _, err := a.correlations()
	if err != nil {
		return OmegaResult{}, err
	}
	p := a.k
	smc, err := squaredMultipleCorrelations(r, p)
	if err != nil {
		return OmegaResult{}, err
	}
	sl, err := schmidLeiman(r, p, factors, smc)
	if err != nil {
		return OmegaResult{}, err
	}
	for i, h := range sl.Communality {
		if h > 1+1e-12 {
			return OmegaResult{}, fmt.Errorf("scorecard: omega: item %d has communality %.6g > 1 with %d factors (an ultra-Heywood case: the factor model does not fit these data; psych warns and goes on): %w",
				i+1, h, factors, ErrInvalidValue)
		}
	}
	sl.N = int(a.rows)
	sl.omegaStatistics(r, p, smc)
	return sl, nil
}

// Lambda6 returns Guttman's λ6 of the respondents so far, on the
// correlations and on the covariances (pairwise as the policy says). Errors
// are those of [Alpha.Omega] for the data.
func (a *Alpha) Lambda6() (GuttmanLambda6, error) {
	if a.k < 2 {
		return GuttmanLambda6{}, fmt.Errorf("scorecard: lambda6: %d items, want at least 2: %w", a.k, ErrInsufficientData)
	}
	r, cov, err := a.correlations()
	if err != nil {
		return GuttmanLambda6{}, err
	}
	p := a.k
	smc, err := squaredMultipleCorrelations(r, p)
	if err != nil {
		return GuttmanLambda6{}, err
	}
	// psych's smc(cov, covar = TRUE) takes the SMCs of cov2cor(cov): with
	// pairwise deletion not the correlations above, whose variances are
	// those of each pair's rows.
	rc := make([]float64, p*p)
	for i := range p {
		for j := range p {
			rc[i*p+j] = cov[i*p+j] / math.Sqrt(cov[i*p+i]*cov[j*p+j])
		}
	}
	smcC, err := squaredMultipleCorrelations(rc, p)
	if err != nil {
		return GuttmanLambda6{}, err
	}
	var sumR, sumC, errR, errC float64
	for i := range p {
		for j := range p {
			sumR += r[i*p+j]
			sumC += cov[i*p+j]
		}
		errR += 1 - smc[i]
		errC += cov[i*p+i] * (1 - smcC[i])
	}
	return GuttmanLambda6{Standardized: 1 - errR/sumR, Raw: 1 - errC/sumC, N: int(a.rows)}, nil
}

// McDonaldOmega returns [Alpha.Omega] of rows (respondents × items; NaN for
// a missing answer, handled by policy as in [NewAlpha]).
func McDonaldOmega(rows [][]float64, policy MissingPolicy, factors int) (OmegaResult, error) {
	a, err := alphaOf(rows, policy)
	if err != nil {
		return OmegaResult{}, err
	}
	return a.Omega(factors)
}

// Lambda6 returns [Alpha.Lambda6] of rows (respondents × items; NaN for a
// missing answer, handled by policy as in [NewAlpha]).
func Lambda6(rows [][]float64, policy MissingPolicy) (GuttmanLambda6, error) {
	a, err := alphaOf(rows, policy)
	if err != nil {
		return GuttmanLambda6{}, err
	}
	return a.Lambda6()
}

func alphaOf(rows [][]float64, policy MissingPolicy) (*Alpha, error) {
	a, err := NewAlpha(0, policy)
	if err != nil {
		return nil, err
	}
	if err := a.AddRows(rows); err != nil {
		return nil, err
	}
	return a, nil
}

// correlations returns the items' correlation and covariance matrices
// (p×p), after the checks of [Alpha.Result] on respondents and constant
// items. Pairwise, each correlation uses the variances of the rows that
// answer both items, as R's cor(use = "pairwise") does, and each covariance
// is R's cov(use = "pairwise").
func (a *Alpha) correlations() (r, cov []float64, err error) {
	if a.rows < MinAlphaRespondents {
		return nil, nil, fmt.Errorf("scorecard: omega: %d respondents, want at least %d: %w", a.rows, MinAlphaRespondents, ErrInsufficientData)
	}
	for i := range a.k {
		if a.itemAnswers(i) > 0 && a.lo[i] == a.hi[i] {
			return nil, nil, fmt.Errorf("scorecard: omega: item %d has zero variance (every answer is %v): %w", i+1, a.lo[i], ErrZeroVariance)
		}
	}
	cov, _, err = a.covariance()
	if err != nil {
		return nil, nil, err
	}
	k := a.k
	r = make([]float64, k*k)
	z := a.canonical()
	for i := range k {
		for j := range k {
			if i == j {
				r[i*k+j] = 1
				continue
			}
			if a.policy != Pairwise {
				r[i*k+j] = cov[i*k+j] / math.Sqrt(cov[i*k+i]*cov[j*k+j])
				continue
			}
			p := min(i, j)*k + max(i, j)
			n := z.pn[p]
			sx, sy := z.psx[p], z.psy[p]
			vx, vy := z.psxx[p]-sx*sx/n, z.psyy[p]-sy*sy/n
			if !(vx > 0 && vy > 0) {
				return nil, nil, fmt.Errorf("scorecard: omega: items %d and %d: one is constant among the rows answering both: %w", i+1, j+1, ErrZeroVariance)
			}
			r[i*k+j] = (z.psxy[p] - sx*sy/n) / math.Sqrt(vx*vy)
		}
	}
	return r, cov, nil
}

// squaredMultipleCorrelations returns 1 − 1/diag(R⁻¹), each item's R² on the
// others (psych's smc), clipped to [0, 1] as psych clips it.
func squaredMultipleCorrelations(r []float64, p int) ([]float64, error) {
	if !positiveDefinite(r, p) {
		return nil, fmt.Errorf("scorecard: omega: item correlation matrix is not positive definite (collinear items, or pairwise correlations from too few shared answers): %w", ErrZeroVariance)
	}
	inv, err := invert(r, p)
	if err != nil {
		return nil, fmt.Errorf("scorecard: omega: item correlation matrix: %w", err)
	}
	smc := make([]float64, p)
	for i := range p {
		if !(inv[i*p+i] > 0) {
			return nil, fmt.Errorf("scorecard: omega: item correlation matrix is not positive definite (item %d): %w", i+1, ErrZeroVariance)
		}
		smc[i] = clamp(1-1/inv[i*p+i], 0, 1)
	}
	return smc, nil
}

// positiveDefinite reports whether the symmetric p×p matrix r has a
// Cholesky factor with pivots above 10⁻¹² of its diagonal.
func positiveDefinite(r []float64, p int) bool {
	l := make([]float64, p*p)
	for j := range p {
		d := r[j*p+j]
		for k := range j {
			d -= l[j*p+k] * l[j*p+k]
		}
		if !(d > 1e-12*r[j*p+j]) {
			return false
		}
		l[j*p+j] = math.Sqrt(d)
		for i := j + 1; i < p; i++ {
			s := r[i*p+j]
			for k := range j {
				s -= l[i*p+k] * l[j*p+k]
			}
			l[i*p+j] = s / l[j*p+j]
		}
	}
	return true
}
