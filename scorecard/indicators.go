package scorecard

import (
	"math"

	"github.com/servuction/servuction/internal/enum"
)

// IndicatorCategory is one of the four categories of service indicators of the
// course notes (categorías de indicadores). The zero value is
// [CategoryUnknown].
type IndicatorCategory uint8

// The categories.
const (
	CategoryUnknown        IndicatorCategory = iota // not classified
	CategoryQuality                                 // calidad de trabajo: the customer's agreement with the quality of service
	CategoryResponsiveness                          // capacidad de respuesta: how fast requests and incidents are resolved
	CategoryVolume                                  // volumen de trabajo: how much the provider delivers or attends
	CategoryEfficiency                              // eficiencia: service at a reasonable cost (here: customer effort)
)

var categoryNames = enum.New("scorecard: indicator category", ErrInvalidValue,
	[]string{"unknown", "quality", "responsiveness", "volume", "efficiency"},
	map[string]IndicatorCategory{"desconocida": CategoryUnknown,
		"calidad de trabajo": CategoryQuality, "calidad": CategoryQuality, "quality of work": CategoryQuality,
		"capacidad de respuesta": CategoryResponsiveness,
		"volumen de trabajo":     CategoryVolume, "volumen": CategoryVolume, "workload": CategoryVolume,
		"eficiencia": CategoryEfficiency})

// ParseIndicatorCategory returns the category named s ("volume", "calidad de
// trabajo", …).
func ParseIndicatorCategory(s string) (IndicatorCategory, error) { return categoryNames.Parse(s) }

// String returns the category's English name.
func (c IndicatorCategory) String() string { return categoryNames.String(c) }

// MarshalText implements encoding.TextMarshaler.
func (c IndicatorCategory) MarshalText() ([]byte, error) { return categoryNames.MarshalText(c) }

// UnmarshalText implements encoding.TextUnmarshaler with
// [ParseIndicatorCategory].
func (c *IndicatorCategory) UnmarshalText(text []byte) error {
	return categoryNames.UnmarshalText(c, text)
}

// Indicator is one measured value ready for a PDCA cycle's standards
// (indicador: porcentajes, índices, tasas y razones).
type Indicator struct {
	Name     string
	Category IndicatorCategory
	// Unit is "percent" (0–100), "index" (a score on its own scale), "rate"
	// or "ratio" — the names of pdca's units — or "count" for volumes.
	Unit  string
	Value float64
	N     int // observations behind the value
}

// SurveyResults gathers the results to turn into indicators; nil fields are
// skipped.
type SurveyResults struct {
	Servqual *ServqualResult
	NPS      *NPSResult
	CSAT     *CSATResult
	CES      *CESResult
	Mystery  *MysteryShopResult
}

// Indicators returns the survey indicators in the four categories, in a fixed
// order: quality (CSAT top-2-box %, NPS, SERVQUAL gap, SERVPERF, mystery
// shopper score %), responsiveness (SERVQUAL responsiveness gap and
// perception), volume (responses and evaluations counted) and efficiency (CES
// easy share % and mean). Values that are undefined (no data) are left out.
func Indicators(in SurveyResults) []Indicator {
	var out []Indicator
	add := func(name string, c IndicatorCategory, unit string, v float64, n int) {
		if !math.IsNaN(v) && n > 0 {
			out = append(out, Indicator{Name: name, Category: c, Unit: unit, Value: v, N: n})
		}
	}
	if in.CSAT != nil {
		add("CSAT top-2-box", CategoryQuality, "percent", 100*in.CSAT.TopTwo, in.CSAT.N)
	}
	if in.NPS != nil {
		add("Net Promoter Score", CategoryQuality, "index", in.NPS.Score, in.NPS.N)
	}
	if s := in.Servqual; s != nil {
		add("SERVQUAL gap", CategoryQuality, "index", s.Gap, s.Respondents)
		add("SERVPERF perception", CategoryQuality, "index", s.Perception, s.Respondents)
	}
	if m := in.Mystery; m != nil {
		add("mystery shopper score", CategoryQuality, "percent", 100*m.Overall.MeanScore, m.Overall.Visits)
	}
	if s := in.Servqual; s != nil {
		d := s.Dimension(DimResponsiveness)
		add("SERVQUAL responsiveness gap", CategoryResponsiveness, "index", d.Gap, s.Respondents)
		add("SERVQUAL responsiveness perception", CategoryResponsiveness, "index", d.Perception, s.Respondents)
	}
	if s := in.Servqual; s != nil {
		add("SERVQUAL questionnaires", CategoryVolume, "count", float64(s.Respondents), s.Respondents)
	}
	if in.NPS != nil {
		add("NPS answers", CategoryVolume, "count", float64(in.NPS.N), in.NPS.N)
	}
	if in.CSAT != nil {
		add("CSAT answers", CategoryVolume, "count", float64(in.CSAT.N), in.CSAT.N)
	}
	if m := in.Mystery; m != nil {
		add("mystery shopper visits", CategoryVolume, "count", float64(m.Overall.Visits), m.Overall.Visits)
	}
	if in.CES != nil {
		add("CES easy share", CategoryEfficiency, "percent", 100*in.CES.Easy, in.CES.N)
		add("CES mean", CategoryEfficiency, "index", in.CES.Mean, in.CES.N)
	}
	return out
}
