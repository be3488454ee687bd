package pdca

import "github.com/servuction/servuction/internal/enum"

// ChartKind says which statistic a [Chart] plots and so how its limits are
// computed. The zero value is [ChartUnknown], for charts built by hand.
type ChartKind uint8

// The Shewhart charts of the package.
const (
	ChartUnknown   ChartKind = iota // built by hand; limits as given
	Means                           // X̄: subgroup means (gráfico de medias)
	Ranges                          // R: subgroup ranges (gráfico de rangos)
	StdDevs                         // S: subgroup standard deviations (gráfico de desviaciones)
	Individuals                     // I: single values (gráfico de valores individuales)
	MovingRanges                    // MR: |xᵢ − xᵢ₋₁| (rango móvil)
	Proportions                     // p: share of nonconforming or of successes (proporción)
	Counts                          // np: number per sample of constant size (número de defectuosos)
	Defects                         // c: count per inspection unit (número de defectos)
	DefectsPerUnit                  // u: count per unit of exposure (defectos por unidad)
	PPrime                          // p′: Laney's p chart for overdispersed proportions (p prima)
	UPrime                          // u′: Laney's u chart for overdispersed rates (u prima)
	Geometric                       // g: number of units or days between rare events (gráfico g)
	TimeBetween                     // t: time between rare events, on Nelson's transformed scale (gráfico t)
)

var chartKindNames = enum.New("pdca: chart kind", ErrInvalidName,
	[]string{"unknown", "xbar", "r", "s", "i", "mr", "p", "np", "c", "u", "p-prime", "u-prime", "g", "t"},
	map[string]ChartKind{
		"desconocido": ChartUnknown, "means": Means, "medias": Means, "x-bar": Means,
		"ranges": Ranges, "range": Ranges, "rangos": Ranges,
		"std-devs": StdDevs, "stddev": StdDevs, "desviaciones": StdDevs, "desviación estándar": StdDevs,
		"individuals": Individuals, "individuales": Individuals, "valores individuales": Individuals, "xbar.one": Individuals,
		"moving-ranges": MovingRanges, "moving range": MovingRanges, "rango móvil": MovingRanges, "rangos móviles": MovingRanges,
		"proportions": Proportions, "proporción": Proportions, "proporciones": Proportions,
		"counts": Counts, "número de defectuosos": Counts,
		"defects": Defects, "defectos": Defects, "número de defectos": Defects,
		"defects-per-unit": DefectsPerUnit, "defectos por unidad": DefectsPerUnit,
		"pp": PPrime, "p'": PPrime, "p′": PPrime, "laney p": PPrime, "p prima": PPrime,
		"up": UPrime, "u'": UPrime, "u′": UPrime, "laney u": UPrime, "u prima": UPrime,
		"geometric": Geometric, "gráfico g": Geometric, "between events": Geometric, "entre eventos": Geometric,
		"time between": TimeBetween, "time-between": TimeBetween, "gráfico t": TimeBetween, "tiempo entre eventos": TimeBetween,
	})

// ParseChartKind returns the chart kind named s: qcc's and qicharts2's short
// names ("xbar", "R", "S", "p", "np", "c", "u", "pp", "up", "g", "t"),
// English ("individuals", "moving-ranges", "p-prime") or Spanish ("medias",
// "proporción", "defectos por unidad", "p prima").
func ParseChartKind(s string) (ChartKind, error) { return chartKindNames.Parse(s) }

// String returns the chart's short name, e.g. "p" or "xbar".
func (k ChartKind) String() string { return chartKindNames.String(k) }

// MarshalText implements encoding.TextMarshaler.
func (k ChartKind) MarshalText() ([]byte, error) { return chartKindNames.MarshalText(k) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseChartKind].
func (k *ChartKind) UnmarshalText(b []byte) error { return chartKindNames.UnmarshalText(k, b) }
