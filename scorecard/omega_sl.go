package scorecard

import (
	"math"
	"sort"
)

// schmidLeiman is psych::schmid(r, nf, fm = "minres", rotate = "oblimin"):
// minres loadings rotated by varimax (signed and ordered as psych::fa
// leaves them), then by oblimin; the general factor from the factor
// correlations; and the orthogonalised loadings on g and the group factors.
func schmidLeiman(r []float64, p, nf int, smc []float64) (OmegaResult, error) {
	orth, err := minres(r, p, nf, smc)
	if err != nil {
		return OmegaResult{}, err
	}
	fload, phi := orth, identity(1)
	gload := []float64{1}
	if nf > 1 {
		if orth, err = varimax(orth, p, nf); err != nil {
			return OmegaResult{}, err
		}
		orth = signAndOrder(orth, p, nf)
		if fload, phi, err = oblimin(orth, p, nf); err != nil {
			return OmegaResult{}, err
		}
		if gload, err = generalLoadings(phi, nf); err != nil {
			return OmegaResult{}, err
		}
	}
	o := OmegaResult{Factors: nf, General: make([]float64, p), Group: make([][]float64, p), Communality: make([]float64, p),
		Uniqueness: make([]float64, p), GeneralShare: make([]float64, p), GeneralLoadings: gload,
		FactorCorrelations: make([][]float64, nf)}
	for j := range nf {
		o.FactorCorrelations[j] = append([]float64(nil), phi[j*nf:(j+1)*nf]...)
	}
	for i := range p {
		o.Group[i] = make([]float64, nf)
		for j := range nf {
			f := fload[i*nf+j]
			o.General[i] += f * gload[j]
			o.Communality[i] += orth[i*nf+j] * orth[i*nf+j]
			// What is left of the loading once g has taken its part.
			u := math.Sqrt(math.Max(f*f-f*f*gload[j]*gload[j], 0))
			if f < 0 {
				u = -u
			}
			o.Group[i][j] = u
		}
		o.Uniqueness[i] = r[i*p+i] - o.Communality[i]
		o.GeneralShare[i] = o.General[i] * o.General[i] / o.Communality[i]
	}
	return o, nil
}

// signAndOrder signs each factor so that its loadings sum to a positive
// number and orders the factors by decreasing sum of squared loadings, as
// psych::fa does after an orthogonal rotation.
func signAndOrder(l []float64, p, nf int) []float64 {
	ss := make([]float64, nf)
	for j := range nf {
		sum := 0.0
		for i := range p {
			sum += l[i*nf+j]
		}
		for i := range p {
			if sum < 0 {
				l[i*nf+j] = -l[i*nf+j]
			}
			ss[j] += l[i*nf+j] * l[i*nf+j]
		}
	}
	order := make([]int, nf)
	for j := range order {
		order[j] = j
	}
	sort.SliceStable(order, func(a, b int) bool { return ss[order[a]] > ss[order[b]] })
	out := make([]float64, p*nf)
	for c, j := range order {
		for i := range p {
			out[i*nf+c] = l[i*nf+j]
		}
	}
	return out
}

// generalLoadings returns the group factors' loadings on g: for three or
// more factors a one-factor minres fit to Φ (psych's fa(Φ)); for two,
// √|φ₁₂| and sign(φ₁₂)·√|φ₁₂| (psych's option "equal").
func generalLoadings(phi []float64, nf int) ([]float64, error) {
	if nf == 2 {
		s := math.Sqrt(math.Abs(phi[1]))
		return []float64{s, math.Copysign(s, phi[1])}, nil
	}
	// psych::fa rescales Φ to a correlation matrix (cov2cor).
	c := make([]float64, nf*nf)
	for i := range nf {
		for j := range nf {
			c[i*nf+j] = phi[i*nf+j] / math.Sqrt(phi[i*nf+i]*phi[j*nf+j])
		}
	}
	smc, err := squaredMultipleCorrelations(c, nf)
	if err != nil {
		return nil, err
	}
	return minres(c, nf, 1, smc)
}

// omegaStatistics reverses the items whose g loading is negative (psych's
// flip) and computes ω_h, ω_t, the limit, alpha and λ6 on the correlation
// matrix r so reversed.
func (o *OmegaResult) omegaStatistics(r []float64, p int, smc []float64) {
	key := make([]float64, p)
	for i := range p {
		key[i] = 1
		if o.General[i] < 0 {
			key[i] = -1
			o.Reversed = append(o.Reversed, i)
			o.General[i] = -o.General[i]
			for j := range o.Group[i] {
				o.Group[i][j] = -o.Group[i][j]
			}
		}
	}
	var vt, tr, g, uniq, sumSMC float64
	for i := range p {
		for j := range p {
			vt += key[i] * key[j] * r[i*p+j]
		}
		tr += r[i*p+i]
		g += o.General[i]
		uniq += o.Uniqueness[i]
		sumSMC += smc[i]
	}
	o.Hierarchical = g * g / vt
	o.Total = (vt - uniq) / vt
	o.Limit = g * g / (vt - uniq)
	o.Alpha = (vt - tr) / vt * float64(p) / float64(p-1)
	o.Lambda6 = (vt + sumSMC - tr) / vt
}
