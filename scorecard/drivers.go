package scorecard

import (
	"fmt"
	"math"
)

// DriverRating is one respondent's ratings of the three elements of customer
// satisfaction of the course notes (elementos fundamentales de la satisfacción
// del cliente: calidad del producto, precio competitivo, servicio al cliente)
// and their overall satisfaction, all on the same scale.
type DriverRating struct {
	Product, Price, Service float64
	Overall                 float64
}

// DriverModel is the least-squares fit
// Overall = Intercept + b₁·Product + b₂·Price + b₃·Service.
type DriverModel struct {
	N         int
	Intercept float64
	// Coefficients are b₁, b₂, b₃ in the order product, price, service.
	Coefficients [3]float64
	// RelativeWeights are |bᵢ| / Σ|bⱼ|: each element's share of the
	// explained influence, summing to 1.
	RelativeWeights [3]float64
	// R2 is the coefficient of determination of the fit.
	R2 float64
}

// Drivers accumulates [DriverRating] values for [DriverModel]: the cross
// products of the normal equations, so Result costs the same for ten or ten
// million respondents and Merge is exact for integer ratings. The zero value
// is ready to use.
type Drivers struct {
	n   int64
	xtx [4][4]float64 // Σ x xᵀ with x = (1, product, price, service)
	xty [4]float64    // Σ x·overall
	yy  float64       // Σ overall²
	// least and greatest overall rating, so a constant one is caught exactly
	yLo, yHi float64
}

// Add records one respondent. Non-finite ratings return an error wrapping
// [ErrOutOfRange] and change nothing. Add does not allocate.
func (d *Drivers) Add(r DriverRating) error {
	x := [4]float64{1, r.Product, r.Price, r.Service}
	for _, v := range []float64{r.Product, r.Price, r.Service, r.Overall} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("scorecard: drivers: rating %v not finite: %w", v, ErrOutOfRange)
		}
	}
	if d.n == 0 {
		d.yLo, d.yHi = r.Overall, r.Overall
	}
	d.yLo, d.yHi = math.Min(d.yLo, r.Overall), math.Max(d.yHi, r.Overall)
	d.n++
	for i := range 4 {
		for j := range 4 {
			d.xtx[i][j] += x[i] * x[j]
		}
		d.xty[i] += x[i] * r.Overall
	}
	d.yy += r.Overall * r.Overall
	return nil
}

// Merge adds other's respondents to d.
func (d *Drivers) Merge(other *Drivers) {
	if other == nil || other.n == 0 {
		return
	}
	if d.n == 0 {
		d.yLo, d.yHi = other.yLo, other.yHi
	}
	d.yLo, d.yHi = math.Min(d.yLo, other.yLo), math.Max(d.yHi, other.yHi)
	d.n += other.n
	for i := range 4 {
		for j := range 4 {
			d.xtx[i][j] += other.xtx[i][j]
		}
		d.xty[i] += other.xty[i]
	}
	d.yy += other.yy
}

// MinDriverRespondents is the fewest respondents [Drivers.Result] accepts:
// four parameters plus one degree of freedom for the residual.
const MinDriverRespondents = 5

// Result fits the model. It returns an error wrapping [ErrInsufficientData]
// with fewer than [MinDriverRespondents] respondents, and [ErrZeroVariance]
// when the ratings cannot separate the three elements (one is constant or a
// combination of the others) or the overall rating does not vary (its least
// and greatest values are tracked, so a constant decimal rating is caught
// exactly).
func (d *Drivers) Result() (DriverModel, error) {
	if d.n < MinDriverRespondents {
		return DriverModel{}, fmt.Errorf("scorecard: drivers: %d respondents, want at least %d: %w", d.n, MinDriverRespondents, ErrInsufficientData)
	}
	if d.yLo == d.yHi {
		return DriverModel{}, fmt.Errorf("scorecard: drivers: overall rating does not vary (every answer is %v): %w", d.yLo, ErrZeroVariance)
	}
	a := d.xtx
	b := d.xty
	// Gaussian elimination with partial pivoting on the 4×4 normal equations.
	scale := 0.0
	for i := range 4 {
		scale = math.Max(scale, math.Abs(a[i][i]))
	}
	for c := range 4 {
		p := c
		for r := c + 1; r < 4; r++ {
			if math.Abs(a[r][c]) > math.Abs(a[p][c]) {
				p = r
			}
		}
		if math.Abs(a[p][c]) <= 1e-12*scale {
			return DriverModel{}, fmt.Errorf("scorecard: drivers: product, price and service ratings are collinear or constant: %w", ErrZeroVariance)
		}
		a[c], a[p] = a[p], a[c]
		b[c], b[p] = b[p], b[c]
		for r := c + 1; r < 4; r++ {
			f := a[r][c] / a[c][c]
			for k := c; k < 4; k++ {
				a[r][k] -= f * a[c][k]
			}
			b[r] -= f * b[c]
		}
	}
	var beta [4]float64
	for i := 3; i >= 0; i-- {
		s := b[i]
		for k := i + 1; k < 4; k++ {
			s -= a[i][k] * beta[k]
		}
		beta[i] = s / a[i][i]
	}
	n := float64(d.n)
	sst := d.yy - d.xty[0]*d.xty[0]/n
	if !(sst > 0) {
		return DriverModel{}, fmt.Errorf("scorecard: drivers: overall rating does not vary: %w", ErrZeroVariance)
	}
	// SSR = β·Xᵀy − n·ȳ²; R² = SSR/SST.
	ssr := -d.xty[0] * d.xty[0] / n
	for i := range 4 {
		ssr += beta[i] * d.xty[i]
	}
	m := DriverModel{N: int(d.n), Intercept: beta[0], Coefficients: [3]float64{beta[1], beta[2], beta[3]}, R2: ssr / sst}
	tot := math.Abs(beta[1]) + math.Abs(beta[2]) + math.Abs(beta[3])
	if tot > 0 {
		for i := range 3 {
			m.RelativeWeights[i] = math.Abs(beta[i+1]) / tot
		}
	}
	return m, nil
}

// SatisfactionDrivers fits [DriverModel] to ratings in one call (see
// [Drivers.Result] for the errors).
func SatisfactionDrivers(ratings []DriverRating) (DriverModel, error) {
	var d Drivers
	for i, r := range ratings {
		if err := d.Add(r); err != nil {
			return DriverModel{}, fmt.Errorf("scorecard: drivers: respondent %d: %w", i+1, err)
		}
	}
	return d.Result()
}
