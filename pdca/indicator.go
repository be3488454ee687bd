package pdca

import (
	"errors"
	"fmt"
	"math"

	"github.com/servuction/servuction/internal/enum"
)

// Category is the seeds' grouping of service indicators. The zero value is
// [CategoryUnknown].
type Category uint8

// The four categories of the course notes.
const (
	CategoryUnknown Category = iota
	QualityOfWork            // calidad del trabajo
	Responsiveness           // capacidad de respuesta
	Volume                   // volumen de trabajo
	Efficiency               // eficiencia
)

var categoryNames = enum.New("pdca: category", ErrInvalidName,
	[]string{"unknown", "quality-of-work", "responsiveness", "volume", "efficiency"},
	map[string]Category{
		"desconocida": CategoryUnknown, "quality": QualityOfWork, "calidad": QualityOfWork, "calidad del trabajo": QualityOfWork, "calidad de trabajo": QualityOfWork,
		"capacidad de respuesta": Responsiveness, "respuesta": Responsiveness,
		"volumen": Volume, "volumen de trabajo": Volume, "workload": Volume,
		"eficiencia": Efficiency,
	})

// ParseCategory returns the category named s, in English or Spanish.
func ParseCategory(s string) (Category, error) { return categoryNames.Parse(s) }

// String returns the category's English name.
func (c Category) String() string { return categoryNames.String(c) }

// MarshalText implements encoding.TextMarshaler.
func (c Category) MarshalText() ([]byte, error) { return categoryNames.MarshalText(c) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseCategory].
func (c *Category) UnmarshalText(b []byte) error { return categoryNames.UnmarshalText(c, b) }

// Unit is how an indicator is expressed (the seeds: "se mide en porcentajes,
// índices, tasas y razones"), plus counts, durations and amounts. The zero
// value is [UnitUnknown].
type Unit uint8

// The units of an indicator.
const (
	UnitUnknown Unit = iota
	Percent          // porcentaje: a share of a sample (first-contact resolution)
	Index            // índice: a score on a scale (CSAT, NPS)
	Rate             // tasa: events per exposure (complaints per 1 000 contacts)
	Ratio            // razón: one quantity over another (cost per contact)
	Count            // number of events per period (defects, complaints)
	Duration         // a time (handling time, minutes)
	Amount           // an amount of money or cost
)

var unitNames = enum.New("pdca: unit", ErrInvalidName,
	[]string{"unknown", "percent", "index", "rate", "ratio", "count", "duration", "amount"},
	map[string]Unit{
		"desconocida": UnitUnknown, "porcentaje": Percent, "%": Percent, "share": Percent, "proportion": Percent,
		"índice": Index, "score": Index, "tasa": Rate, "razón": Ratio, "conteo": Count, "número": Count,
		// The course notes name them in the plural: "porcentajes, índices, tasas y razones".
		"porcentajes": Percent, "índices": Index, "tasas": Rate, "razones": Ratio,
		"duración": Duration, "tiempo": Duration, "time": Duration, "importe": Amount, "costo": Amount, "coste": Amount, "cost": Amount,
	})

// ParseUnit returns the unit named s, in English or Spanish.
func ParseUnit(s string) (Unit, error) { return unitNames.Parse(s) }

// String returns the unit's English name.
func (u Unit) String() string { return unitNames.String(u) }

// MarshalText implements encoding.TextMarshaler.
func (u Unit) MarshalText() ([]byte, error) { return unitNames.MarshalText(u) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseUnit].
func (u *Unit) UnmarshalText(b []byte) error { return unitNames.UnmarshalText(u, b) }

// Direction says which way an indicator improves. The zero value is
// [DirectionUnknown], which a plan rejects.
type Direction uint8

// The directions of improvement.
const (
	DirectionUnknown Direction = iota
	HigherIsBetter             // mayor es mejor: resolution rate, satisfaction
	LowerIsBetter              // menor es mejor: waiting time, complaints
)

var directionNames = enum.New("pdca: direction", ErrInvalidName,
	[]string{"unknown", "higher-is-better", "lower-is-better"},
	map[string]Direction{"desconocida": DirectionUnknown, "higher": HigherIsBetter, "mayor es mejor": HigherIsBetter, "up": HigherIsBetter,
		"lower": LowerIsBetter, "menor es mejor": LowerIsBetter, "down": LowerIsBetter})

// ParseDirection returns the direction named s, in English or Spanish.
func ParseDirection(s string) (Direction, error) { return directionNames.Parse(s) }

// String returns the direction's English name.
func (d Direction) String() string { return directionNames.String(d) }

// MarshalText implements encoding.TextMarshaler.
func (d Direction) MarshalText() ([]byte, error) { return directionNames.MarshalText(d) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseDirection].
func (d *Direction) UnmarshalText(b []byte) error { return directionNames.UnmarshalText(d, b) }

// Indicator is a service indicator (indicador de servicio): "a substitute
// measure of information that lets a concept be rated", expressed as a
// percentage, index, rate or ratio so that periods can be compared.
type Indicator struct {
	Name      string    `json:"name"`
	Category  Category  `json:"category"`
	Unit      Unit      `json:"unit"`
	Direction Direction `json:"direction"`
	// Chart is the control chart the indicator is checked on; zero means
	// [Indicator.RecommendedChart].
	Chart ChartKind `json:"chart,omitempty"`
}

// RecommendedChart returns the chart that fits the indicator's unit: shares
// (Percent) → p chart; counts per period → c; rates (counts per exposure) → u;
// durations, amounts, indices and ratios (measured one value per period) →
// individuals. An explicit Chart wins.
func (ind Indicator) RecommendedChart() ChartKind {
	if ind.Chart != ChartUnknown {
		return ind.Chart
	}
	switch ind.Unit {
	case Percent:
		return Proportions
	case Count:
		return Defects
	case Rate:
		return DefectsPerUnit
	case Duration, Amount, Index, Ratio:
		return Individuals
	}
	return ChartUnknown
}

// checkable reports whether a cycle's Check can judge an indicator on a
// chart of kind k.
func checkable(k ChartKind) bool {
	switch k {
	case Proportions, Counts, Defects, DefectsPerUnit, PPrime, UPrime, Individuals, Means, Geometric, TimeBetween:
		return true
	}
	return false
}

// Validate reports every missing or undefined field.
func (ind Indicator) Validate() error {
	var errs []error
	if ind.Name == "" {
		errs = append(errs, fmt.Errorf("pdca: indicator: name is empty: %w", ErrInvalidCycle))
	}
	if !categoryNames.Valid(ind.Category) || ind.Category == CategoryUnknown {
		errs = append(errs, fmt.Errorf("pdca: indicator %q: category %v not set: %w", ind.Name, ind.Category, ErrInvalidCycle))
	}
	if !unitNames.Valid(ind.Unit) || ind.Unit == UnitUnknown {
		errs = append(errs, fmt.Errorf("pdca: indicator %q: unit %v not set: %w", ind.Name, ind.Unit, ErrInvalidCycle))
	}
	if !directionNames.Valid(ind.Direction) || ind.Direction == DirectionUnknown {
		errs = append(errs, fmt.Errorf("pdca: indicator %q: direction %v not set: %w", ind.Name, ind.Direction, ErrInvalidCycle))
	}
	if k := ind.RecommendedChart(); !checkable(k) {
		errs = append(errs, fmt.Errorf("pdca: indicator %q: chart %v cannot check a cycle (want p, np, c, u, p-prime, u-prime, i, xbar, g or t): %w", ind.Name, k, ErrInvalidCycle))
	}
	return errors.Join(errs...)
}

// Sides says how a [Standard] bounds its indicator.
type Sides uint8

// The kinds of standard.
const (
	SidesUnknown Sides = iota
	AtLeast            // value ≥ target
	AtMost             // value ≤ target
	Within             // |value − target| ≤ tolerance
)

var sidesNames = enum.New("pdca: sides", ErrInvalidName,
	[]string{"unknown", "at-least", "at-most", "within"},
	map[string]Sides{"al menos": AtLeast, "mínimo": AtLeast, "minimum": AtLeast, "como máximo": AtMost, "máximo": AtMost, "maximum": AtMost,
		"dentro": Within, "entre": Within, "two-sided": Within, "bilateral": Within})

// ParseSides returns the kind of standard named s.
func ParseSides(s string) (Sides, error) { return sidesNames.Parse(s) }

// String returns the English name.
func (s Sides) String() string { return sidesNames.String(s) }

// MarshalText implements encoding.TextMarshaler.
func (s Sides) MarshalText() ([]byte, error) { return sidesNames.MarshalText(s) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseSides].
func (s *Sides) UnmarshalText(b []byte) error { return sidesNames.UnmarshalText(s, b) }

// Standard is a service standard (estándar de servicio): "the desired result
// of a process, measurable through indicators". Target and Tolerance are in
// the indicator's unit as plotted (a share as 0.80, not 80). Once a cycle is
// standardized, Limits holds the control limits of the new standard practice.
type Standard struct {
	Target    float64 `json:"target"`
	Sides     Sides   `json:"sides"`
	Tolerance float64 `json:"tolerance,omitempty"` // for Within
	Limits    *Limits `json:"limits,omitempty"`
}

// Validate reports a non-finite target or tolerance or undefined sides.
func (s Standard) Validate() error {
	switch {
	case !finite(s.Target):
		return fmt.Errorf("pdca: standard: target %v: want finite: %w", s.Target, ErrInvalidSpec)
	case s.Sides == SidesUnknown || !sidesNames.Valid(s.Sides):
		return fmt.Errorf("pdca: standard: sides %v: want at-least, at-most or within: %w", s.Sides, ErrInvalidSpec)
	case s.Sides == Within && (!finite(s.Tolerance) || s.Tolerance <= 0):
		return fmt.Errorf("pdca: standard: tolerance %v: want > 0 for a two-sided standard: %w", s.Tolerance, ErrInvalidSpec)
	}
	return nil
}

// Met reports whether value satisfies the standard.
func (s Standard) Met(value float64) bool {
	switch s.Sides {
	case AtLeast:
		return value >= s.Target
	case AtMost:
		return value <= s.Target
	case Within:
		return math.Abs(value-s.Target) <= s.Tolerance
	}
	return false
}

// Sample is one period's measurement of an indicator (una medición).
type Sample struct {
	Period string  `json:"period"` // label: "2026-03-02", "week 14"
	Value  float64 `json:"value"`  // p, np: items counted; c, u: events; i: the value
	Size   float64 `json:"size,omitempty"`
	// Subgroup holds the individual values of an X̄ chart's subgroup.
	Subgroup []float64 `json:"subgroup,omitempty"`
}

// Series is a measurement series of an indicator, in time order.
type Series []Sample

// Chart builds the Phase I chart of the series for kind: p, np and p′ take
// Value as the count and Size as the sample size; c takes Value as the
// count; u and u′ take Value as the count and Size as the exposure (for u′,
// a series without any size is a c chart's counts, each of exposure 1); i takes
// Value; xbar takes Subgroup (σ̂ from its S chart, S̄/c₄, as for times and
// costs measured in subgroups; subgroups may differ in size); g takes Value
// as the whole number of units or days since the previous event; t takes
// Value as the time since the previous event. Counts must be whole numbers.
func (s Series) Chart(kind ChartKind) (Chart, error) {
	switch kind {
	case Proportions, Counts, Defects, DefectsPerUnit, PPrime, UPrime, Geometric:
		counts, sizes, err := s.counts(kind)
		if err != nil {
			return Chart{}, err
		}
		switch kind {
		case Proportions:
			return P(counts, intSizes(sizes))
		case PPrime:
			return LaneyP(counts, intSizes(sizes))
		case Counts:
			if len(sizes) > 0 {
				for i, z := range sizes {
					if z != sizes[0] {
						return Chart{}, fmt.Errorf("pdca: series %s: np chart sample size %v differs from %v: %w", s[i].Period, z, sizes[0], ErrInvalidData)
					}
				}
				return NP(counts, int(sizes[0]))
			}
			return Chart{}, fmt.Errorf("pdca: series: np chart: no samples: %w", ErrInsufficientData)
		case Defects:
			return C(counts)
		case Geometric:
			return G(counts)
		case UPrime:
			return LaneyU(counts, sizes)
		default:
			return U(counts, sizes)
		}
	case Individuals, TimeBetween:
		vals := make([]float64, len(s))
		for i, x := range s {
			vals[i] = x.Value
		}
		if kind == TimeBetween {
			return T(vals)
		}
		ind, _, err := IMR(vals)
		return ind, err
	case Means:
		groups := make([][]float64, len(s))
		for i, x := range s {
			groups[i] = x.Subgroup
		}
		m, _, err := XbarS(groups)
		return m, err
	}
	return Chart{}, fmt.Errorf("pdca: series: chart kind %v not supported: %w", kind, ErrInvalidData)
}

// points returns the plotted statistic and size of each sample for kind, for
// Phase II against frozen limits.
func (s Series) points(kind ChartKind) (pts, sizes []float64, err error) {
	pts = make([]float64, len(s))
	switch kind {
	case Proportions, Counts, Defects, DefectsPerUnit, PPrime, UPrime, Geometric:
		counts, sz, err := s.counts(kind)
		if err != nil {
			return nil, nil, err
		}
		for i, c := range counts {
			pts[i] = float64(c)
			if perUnit(kind) {
				pts[i] /= sz[i]
			}
		}
		return pts, sz, nil
	case Individuals, TimeBetween:
		for i, x := range s {
			if !finite(x.Value) || (kind == TimeBetween && x.Value <= 0) {
				return nil, nil, fmt.Errorf("pdca: series %s: value %v: %w", x.Period, x.Value, ErrInvalidData)
			}
			pts[i] = x.Value
		}
		return pts, nil, nil
	case Means:
		groups := make([][]float64, len(s))
		for i, x := range s {
			groups[i] = x.Subgroup
		}
		sizes, err := checkSubgroups(groups)
		if err != nil {
			return nil, nil, err
		}
		for i, g := range groups {
			pts[i] = mean(g)
		}
		return pts, sizes, nil
	}
	return nil, nil, fmt.Errorf("pdca: series: chart kind %v not supported: %w", kind, ErrInvalidData)
}

// perUnit reports whether a chart of kind plots counts divided by sizes.
func perUnit(kind ChartKind) bool {
	switch kind {
	case Proportions, DefectsPerUnit, PPrime, UPrime:
		return true
	}
	return false
}

// sized reports whether a sample of a chart of kind carries a size.
func sized(kind ChartKind) bool { return kind != Defects && kind != Geometric }

func (s Series) counts(kind ChartKind) (counts []int, sizes []float64, err error) {
	counts = make([]int, len(s))
	if sized(kind) {
		sizes = make([]float64, len(s))
	}
	unit := kind == UPrime && unitExposure(s) // a c chart's counts on u′
	for i, x := range s {
		if !finite(x.Value) || x.Value < 0 || x.Value != math.Trunc(x.Value) || x.Value > maxSubgroup {
			return nil, nil, fmt.Errorf("pdca: series %s: count %v: want a whole number ≥ 0: %w", x.Period, x.Value, ErrInvalidData)
		}
		counts[i] = int(x.Value)
		if !sized(kind) {
			continue
		}
		if unit {
			sizes[i] = 1
			continue
		}
		rate := kind == DefectsPerUnit || kind == UPrime
		if !finite(x.Size) || x.Size <= 0 || x.Size > maxSubgroup || (!rate && x.Size != math.Trunc(x.Size)) {
			return nil, nil, fmt.Errorf("pdca: series %s: size %v: want > 0 (whole for p, np and p′): %w", x.Period, x.Size, ErrInvalidData)
		}
		if !rate && x.Value > x.Size {
			return nil, nil, fmt.Errorf("pdca: series %s: %v counted above sample size %v: %w", x.Period, x.Value, x.Size, ErrInvalidData)
		}
		sizes[i] = x.Size
	}
	return counts, sizes, nil
}

func intSizes(xs []float64) []int {
	out := make([]int, len(xs))
	for i, x := range xs {
		out[i] = int(x)
	}
	return out
}
