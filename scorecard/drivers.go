package scorecard

import "fmt"

// DriverRating is one respondent's ratings of the three elements of customer
// satisfaction of the course notes (elementos fundamentales de la satisfacción
// del cliente: calidad del producto, precio competitivo, servicio al cliente)
// and their overall satisfaction, all on the same scale.
type DriverRating struct {
	Product, Price, Service float64
	Overall                 float64
}

// DriverModel is the least-squares fit
// Overall = Intercept + b₁·Product + b₂·Price + b₃·Service, the three-driver
// special case of [KeyDriverAnalysis] ([Drivers.Analysis] gives the whole
// analysis: standard errors, p-values, VIF, relative weights).
type DriverModel struct {
	N         int
	Intercept float64
	// Coefficients are b₁, b₂, b₃ in the order product, price, service.
	Coefficients [3]float64
	// RelativeWeights are each element's share of R² by the Shapley (LMG)
	// decomposition ([DriverImportance].LMGShare), summing to 1 (all 0 when
	// R² is 0). They are not |bᵢ|/Σ|bⱼ|: with correlated elements that ratio
	// misleads (a price coefficient of −1.40 would get 39 % of the
	// importance and no sign); read the sign from Coefficients.
	RelativeWeights [3]float64
	// R2 is the coefficient of determination of the fit.
	R2 float64
}

// driverNames are the three elements' names in [Drivers]' analysis.
var driverNames = []string{"product", "price", "service"}

// Drivers accumulates [DriverRating] values for [DriverModel]: a
// [KeyDrivers] accumulator with the three drivers product, price and
// service, so Result costs the same for ten or ten million respondents and
// Merge is exact for integer ratings. The zero value is ready to use.
type Drivers struct {
	kd KeyDrivers
}

// Add records one respondent. Non-finite ratings return an error wrapping
// [ErrOutOfRange] and change nothing. Add does not allocate after the first
// respondent.
func (d *Drivers) Add(r DriverRating) error {
	if d.kd.k == 0 {
		kd, err := NewKeyDrivers(driverNames...)
		if err != nil {
			return err
		}
		if err := kd.Add(r.Overall, []float64{r.Product, r.Price, r.Service}); err != nil {
			return fmt.Errorf("scorecard: drivers: %w", err)
		}
		d.kd = *kd
		return nil
	}
	x := [3]float64{r.Product, r.Price, r.Service}
	if err := d.kd.Add(r.Overall, x[:]); err != nil {
		return fmt.Errorf("scorecard: drivers: %w", err)
	}
	return nil
}

// Merge adds other's respondents to d.
func (d *Drivers) Merge(other *Drivers) {
	if other == nil {
		return
	}
	// Both hold the same three named drivers or nothing: Merge cannot fail.
	_ = d.kd.Merge(&other.kd)
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
	a, err := d.Analysis()
	if err != nil {
		return DriverModel{}, err
	}
	m := DriverModel{N: a.N, Intercept: a.Intercept.Estimate, R2: a.R2}
	for i, dr := range a.Drivers {
		m.Coefficients[i] = dr.Estimate
		m.RelativeWeights[i] = dr.LMGShare
	}
	return m, nil
}

// Analysis returns the whole key-driver analysis of the three elements
// (see [KeyDrivers.Result]), with the errors of [Drivers.Result].
func (d *Drivers) Analysis() (KeyDriverAnalysis, error) {
	if d.kd.n < MinDriverRespondents {
		return KeyDriverAnalysis{}, fmt.Errorf("scorecard: drivers: %d respondents, want at least %d: %w", d.kd.n, MinDriverRespondents, ErrInsufficientData)
	}
	a, err := d.kd.Result()
	if err != nil {
		return KeyDriverAnalysis{}, fmt.Errorf("scorecard: drivers: %w", err)
	}
	return a, nil
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
