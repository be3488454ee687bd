package scorecard

import (
	"fmt"
	"math"
	"strings"
)

// Coefficient is one estimate of a regression with its standard error and
// the two-sided t test of "the coefficient is zero" on the residual degrees
// of freedom, as R's summary.lm prints them.
type Coefficient struct {
	Estimate, StdErr, T, PValue float64
}

// DriverImportance is one driver of a [KeyDriverAnalysis].
type DriverImportance struct {
	// Name is the driver's name (see [KeyDrivers.Names]).
	Name string
	// Coefficient is the driver's slope b: the change in the overall rating
	// per point of this driver, the other drivers held fixed.
	Coefficient
	// Standardized is b·sd(driver)/sd(overall), the slope in standard
	// deviations.
	Standardized float64
	// Correlation is the driver's zero-order (Pearson) correlation with the
	// overall rating. When its sign differs from the coefficient's, the
	// coefficient's sign comes from the driver's overlap with the others
	// (a suppression effect), not from its own relation to the overall
	// rating; [KeyDriverAnalysis.Notes] says so.
	Correlation float64
	// VIF is the variance inflation factor 1/(1 − R²ⱼ), R²ⱼ of this driver
	// on the others: how much the overlap with the other drivers inflates
	// the variance of b. Above 10 the coefficient is unreliable.
	VIF float64
	// LMG is the driver's Shapley value in R² (Lindeman, Merenda and Gold,
	// 1980): the increase in R² when the driver joins the model, averaged
	// over every order in which the drivers can enter. The LMG values sum to
	// R² and are never negative; LMGShare is LMG/R² (the shares sum to 1).
	LMG, LMGShare float64
	// RelativeWeight is Johnson's (2000) relative weight: the driver's part
	// of R² through the orthogonal counterparts of the drivers (Tonidandel
	// and LeBreton, 2011). The weights sum to R² (to about 10⁻¹⁶ × the
	// largest VIF: they come from a float64 eigen decomposition of the
	// drivers' correlations); RelativeWeightShare is RelativeWeight/R².
	RelativeWeight, RelativeWeightShare float64
}

// KeyDriverAnalysis is the result of a [KeyDrivers] accumulator: the
// least-squares fit overall = a + Σ bⱼ·driverⱼ, checked against R's lm,
// and each driver's importance.
//
// Importance is the share of R² each driver accounts for, by the Shapley
// (LMG) decomposition and by Johnson's relative weights, which agree
// closely in practice. Neither ranks drivers by |b|/Σ|b|: with correlated
// drivers the size of a slope says how the overall rating moves when one
// driver changes and the others do not, which correlated drivers rarely do,
// and a slope's sign can flip through the overlap (see Correlation).
type KeyDriverAnalysis struct {
	// N is the number of respondents.
	N int
	// Intercept is a, the predicted overall rating when every driver is 0.
	Intercept Coefficient
	// Drivers holds one entry per driver, in the accumulator's order.
	Drivers []DriverImportance
	// R2 is the coefficient of determination and AdjustedR2 is
	// 1 − (1 − R²)(N − 1)/(N − k − 1).
	R2, AdjustedR2 float64
	// ResidualSE is the residual standard error √(RSS/(N − k − 1)).
	ResidualSE float64
	// F is the overall F statistic of the model on DF1 = k and
	// DF2 = N − k − 1 degrees of freedom, and PValue its upper tail.
	F        float64
	DF1, DF2 int
	PValue   float64
}

// collinearTol is the least 1 − R²ⱼ (R²ⱼ of a driver on the others) the fit
// accepts, the square of R's lm tolerance 1e-7 on the pivots of its QR
// decomposition: a driver closer than that to a combination of the others
// is reported as collinear.
const collinearTol = 1e-14

// exactFitTol is the share of the overall rating's variance left
// unexplained below which the fit counts as exact: the double-double solve
// leaves about 1e-32 of an exact fit's variance as rounding.
const exactFitTol = 1e-28

// Result fits the model and decomposes R². Errors wrap
// [ErrInsufficientData] with fewer than k + 2 respondents (one residual
// degree of freedom), and [ErrZeroVariance] when the overall rating or a
// driver does not vary (least and greatest ratings equal, detected exactly)
// or a driver is a linear combination of the others (1 − R²ⱼ below 1e-14,
// where R's lm would drop it); the error names the drivers.
//
// An exact fit (every residual zero; 1 − R² below 1e-28, where rounding is
// all that is left) has R² 1 and standard errors 0: T is then ±Inf with
// PValue 0 for a non-zero coefficient and NaN for a zero one, and F is +Inf.
// (R's lm reports rounding noise there and warns of an essentially perfect
// fit.)
func (d *KeyDrivers) Result() (KeyDriverAnalysis, error) {
	if err := d.checkFit(); err != nil {
		return KeyDriverAnalysis{}, err
	}
	k := d.k
	s, mean := d.moments()
	f, err := d.regress(s, mean)
	if err != nil {
		return KeyDriverAnalysis{}, err
	}
	r2 := subsetR2(s, k)
	lmg := shapley(r2, k)
	rw, err := relativeWeights(correlations(s, k+1), k)
	if err != nil {
		return KeyDriverAnalysis{}, err
	}
	for j := range f.Drivers {
		dr := &f.Drivers[j]
		dr.LMG, dr.RelativeWeight = lmg[j], rw[j]
		if f.R2 > 0 {
			dr.LMGShare, dr.RelativeWeightShare = lmg[j]/f.R2, rw[j]/f.R2
		}
	}
	return f, nil
}

func (d *KeyDrivers) checkFit() error {
	if d.k == 0 || d.n < int64(d.k)+2 {
		return fmt.Errorf("scorecard: key drivers: %d respondents for %d drivers, want at least drivers + 2 (%d): %w",
			d.n, d.k, max(d.k, 1)+2, ErrInsufficientData)
	}
	if d.lo[d.k] == d.hi[d.k] {
		return fmt.Errorf("scorecard: key drivers: overall rating does not vary (every answer is %v): %w", d.lo[d.k], ErrZeroVariance)
	}
	for j := range d.k {
		if d.lo[j] == d.hi[j] {
			return fmt.Errorf("scorecard: key drivers: %s does not vary (every rating is %v): %w", d.name(j), d.lo[j], ErrZeroVariance)
		}
	}
	return nil
}

// regress solves the normal equations of the centred co-moment matrix s by
// pivoted Cholesky in double-double and fills in everything but importance.
func (d *KeyDrivers) regress(s, mean []dd) (KeyDriverAnalysis, error) {
	k, v := d.k, d.k+1
	ch, err := d.pivotedCholesky(s)
	if err != nil {
		return KeyDriverAnalysis{}, err
	}
	sxy := make([]dd, k)
	for j := range k {
		sxy[j] = s[j*v+k]
	}
	b, z := ch.solve(sxy)
	syy := s[k*v+k]
	ssr := dd{}
	for _, zi := range z {
		ssr = ssr.add(zi.mul(zi))
	}
	rss := syy.sub(ssr)
	if rss.hi <= exactFitTol*syy.hi {
		rss, ssr = dd{}, syy
	}
	df := int(d.n) - k - 1
	sigma2 := rss.div(ddOf(float64(df)))
	n := float64(d.n)
	f := KeyDriverAnalysis{N: int(d.n), Drivers: make([]DriverImportance, k), DF1: k, DF2: df,
		R2: ssr.div(syy).float(), ResidualSE: math.Sqrt(sigma2.float())}
	f.AdjustedR2 = 1 - (1-f.R2)*(n-1)/float64(df)
	f.F = math.Inf(1)
	if sigma2.hi > 0 {
		f.F = ssr.div(ddOf(float64(k))).div(sigma2).float()
	}
	f.PValue = fTail(f.F, float64(k), float64(df))
	inv := ch.inverseDiag()
	a := mean[k]
	for j := range k {
		a = a.sub(b[j].mul(mean[j]))
		sjj := s[j*v+j]
		f.Drivers[j] = DriverImportance{
			Name:         d.name(j),
			Coefficient:  coefficient(b[j].float(), sigma2.mul(inv[j]).float(), float64(df)),
			Standardized: b[j].mul(sjj.div(syy).sqrt()).float(),
			Correlation:  s[j*v+k].div(sjj.mul(syy).sqrt()).float(),
			VIF:          sjj.mul(inv[j]).float(),
		}
	}
	q := ch.quadratic(mean[:k])
	f.Intercept = coefficient(a.float(), sigma2.mul(ddOf(1/n).add(q)).float(), float64(df))
	return f, nil
}

// coefficient builds an estimate with its t test from its variance.
func coefficient(est, variance, df float64) Coefficient {
	c := Coefficient{Estimate: est, StdErr: math.Sqrt(math.Max(variance, 0))}
	c.T = est / c.StdErr
	c.PValue = tTail(c.T, df)
	if math.IsNaN(c.T) {
		c.PValue = math.NaN()
	}
	return c
}

// fTail returns P(F ≥ f) for the F distribution with d1 and d2 degrees of
// freedom: I_{d2/(d2 + d1·f)}(d2/2, d1/2).
func fTail(f, d1, d2 float64) float64 {
	if math.IsInf(f, 1) {
		return 0
	}
	return regIncBeta(d2/(d2+d1*f), d2/2, d1/2)
}

// cholesky is the factorisation P·Sxx·Pᵀ = L·Lᵀ of the drivers' co-moment
// matrix with symmetric pivoting: perm[i] is the driver in position i.
type cholesky struct {
	k    int
	perm []int
	l    []dd // k×k lower triangle in pivot order, row-major
}

// pivotedCholesky factors the drivers' block of s, choosing at each step the
// driver with the largest share of its variance not explained by the
// drivers already chosen (1 − R²ⱼ given them). When that share falls below
// collinearTol, the drivers left are combinations of those chosen.
func (d *KeyDrivers) pivotedCholesky(s []dd) (cholesky, error) {
	k, v := d.k, d.k+1
	a := make([]dd, k*k) // Schur complement, updated in place
	for i := range k {
		copy(a[i*k:(i+1)*k], s[i*v:i*v+k])
	}
	g := make([]dd, k*k) // g[step·k + j]: column step of L for driver j
	perm := make([]int, 0, k)
	left := make([]int, k)
	for i := range left {
		left[i] = i
	}
	for range k {
		best, ratio := -1, -1.0
		for pos, j := range left {
			if r := a[j*k+j].div(s[j*v+j]).float(); r > ratio {
				best, ratio = pos, r
			}
		}
		if ratio < collinearTol {
			return cholesky{}, d.collinearError(left, perm, ratio)
		}
		p := left[best]
		left = append(left[:best], left[best+1:]...)
		step := len(perm)
		perm = append(perm, p)
		piv := a[p*k+p].sqrt()
		g[step*k+p] = piv
		for _, j := range left {
			g[step*k+j] = a[j*k+p].div(piv)
		}
		for _, i := range left {
			for _, j := range left {
				a[i*k+j] = a[i*k+j].sub(g[step*k+i].mul(g[step*k+j]))
			}
		}
	}
	ch := cholesky{k: k, perm: perm, l: make([]dd, k*k)}
	for i := range k {
		for step := 0; step <= i; step++ {
			ch.l[i*k+step] = g[step*k+perm[i]]
		}
	}
	return ch, nil
}

// forward returns L⁻¹·y_p, y given per driver and taken in pivot order.
func (ch cholesky) forward(y []dd) []dd {
	k := ch.k
	z := make([]dd, k)
	for i := range k {
		t := y[ch.perm[i]]
		for c := range i {
			t = t.sub(ch.l[i*k+c].mul(z[c]))
		}
		z[i] = t.div(ch.l[i*k+i])
	}
	return z
}

// solve returns x with Sxx·x = y (per driver) and z = L⁻¹·y_p, whose
// squared length is yᵀ·Sxx⁻¹·y.
func (ch cholesky) solve(y []dd) (x, z []dd) {
	k := ch.k
	z = ch.forward(y)
	w := make([]dd, k)
	for i := k - 1; i >= 0; i-- {
		t := z[i]
		for r := i + 1; r < k; r++ {
			t = t.sub(ch.l[r*k+i].mul(w[r]))
		}
		w[i] = t.div(ch.l[i*k+i])
	}
	x = make([]dd, k)
	for i, p := range ch.perm {
		x[p] = w[i]
	}
	return x, z
}

// quadratic returns yᵀ·Sxx⁻¹·y.
func (ch cholesky) quadratic(y []dd) dd {
	q := dd{}
	for _, zi := range ch.forward(y) {
		q = q.add(zi.mul(zi))
	}
	return q
}

// inverseDiag returns the diagonal of Sxx⁻¹ per driver.
func (ch cholesky) inverseDiag() []dd {
	k := ch.k
	out := make([]dd, k)
	e := make([]dd, k)
	for _, p := range ch.perm {
		clear(e)
		e[p] = ddOf(1)
		out[p] = ch.quadratic(e) // e_pᵀ·Sxx⁻¹·e_p
	}
	return out
}

func (d *KeyDrivers) collinearError(left, chosen []int, ratio float64) error {
	var names, others []string
	for _, j := range left {
		names = append(names, d.name(j))
	}
	for _, j := range chosen {
		others = append(others, d.name(j))
	}
	return fmt.Errorf("scorecard: key drivers: %s collinear with %s (1 − R² = %.3g): %w",
		strings.Join(names, ", "), strings.Join(others, ", "), math.Max(ratio, 0), ErrZeroVariance)
}

// Notes returns what a reader of the analysis should know about each driver,
// in the drivers' order, nil when there is nothing to say:
//   - a negative coefficient, with the driver's correlation with the overall
//     rating: when the correlation is negative too, higher ratings of the
//     driver go with lower overall ratings; when it is positive, the sign
//     comes from the driver's overlap with the others (a suppression effect)
//     and only its share of R² should be read;
//   - a positive coefficient with a negative correlation (the same overlap);
//   - a VIF above 10: the coefficient is unreliable.
func (a KeyDriverAnalysis) Notes() []string {
	var out []string
	for _, d := range a.Drivers {
		switch {
		case d.Estimate < 0 && d.Correlation < 0:
			out = append(out, fmt.Sprintf("%s: coefficient %.2f (p = %.2g): the overall rating falls as the %s rating rises (correlation %.2f); it accounts for %.0f %% of R²",
				d.Name, d.Estimate, d.PValue, d.Name, d.Correlation, 100*d.LMGShare))
		case d.Estimate < 0 && d.Correlation > 0 || d.Estimate > 0 && d.Correlation < 0:
			out = append(out, fmt.Sprintf("%s: coefficient %+.2f but correlation %+.2f with the overall rating: the sign comes from %s's overlap with the other drivers (suppression), not from its own relation; read its share of R² (%.0f %%)",
				d.Name, d.Estimate, d.Correlation, d.Name, 100*d.LMGShare))
		}
		if d.VIF > 10 {
			out = append(out, fmt.Sprintf("%s: VIF %.1f: it overlaps so much with the other drivers that its coefficient is unreliable", d.Name, d.VIF))
		}
	}
	return out
}
