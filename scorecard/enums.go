package scorecard

import "github.com/servuction/servuction/internal/enum"

// Phase is the moment of the transaction a response evaluates (evaluación
// antes, durante o después de la transacción). The zero value is
// [PhaseUnknown].
type Phase uint8

// The phases of the course notes.
const (
	PhaseUnknown Phase = iota // not recorded
	Before                    // antes: policies known before buying
	During                    // durante: replenishment, system accuracy, delivery
	After                     // después: claims, follow-up, warranties, packaging
)

var phaseNames = enum.New("scorecard: phase", ErrInvalidValue,
	[]string{"unknown", "before", "during", "after"},
	map[string]Phase{"desconocida": PhaseUnknown, "desconocido": PhaseUnknown,
		"antes": Before, "antes de la transacción": Before, "pre": Before,
		"durante": During, "durante la transacción": During,
		"después": After, "después de la transacción": After, "post": After, "postventa": After})

// ParsePhase returns the phase named s ("during", "después", …).
func ParsePhase(s string) (Phase, error) { return phaseNames.Parse(s) }

// String returns the phase's English name.
func (p Phase) String() string { return phaseNames.String(p) }

// IsValid reports whether p is a defined phase.
func (p Phase) IsValid() bool { return phaseNames.Valid(p) }

// MarshalText implements encoding.TextMarshaler.
func (p Phase) MarshalText() ([]byte, error) { return phaseNames.MarshalText(p) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParsePhase].
func (p *Phase) UnmarshalText(text []byte) error { return phaseNames.UnmarshalText(p, text) }

// Source is the measurement system a response came from (sistemas de medición
// de la satisfacción del cliente). The zero value is [SourceUnknown].
type Source uint8

// The measurement systems of the course notes.
const (
	SourceUnknown  Source = iota // not recorded
	Complaints                   // quejas y reclamos
	SuggestionBox                // buzón de sugerencias
	FocusGroup                   // focus group
	ReportCardForm               // libreta de calificaciones del cliente
	MysteryShopper               // comprador misterioso
	SurveySource                 // encuesta: any other questionnaire
)

var sourceNames = enum.New("scorecard: source", ErrInvalidValue,
	[]string{"unknown", "complaints", "suggestion-box", "focus-group", "report-card", "mystery-shopper", "survey"},
	map[string]Source{"desconocido": SourceUnknown, "desconocida": SourceUnknown,
		"quejas y reclamos": Complaints, "quejas": Complaints, "reclamos": Complaints,
		"buzón de sugerencias": SuggestionBox, "buzón": SuggestionBox, "sugerencias": SuggestionBox,
		"grupo focal": FocusGroup, "libreta de calificaciones": ReportCardForm,
		"libreta de calificaciones del cliente": ReportCardForm, "libreta": ReportCardForm,
		"comprador misterioso": MysteryShopper, "cliente misterioso": MysteryShopper, "mystery shopping": MysteryShopper,
		"encuesta": SurveySource})

// ParseSource returns the source named s ("focus-group", "buzón de
// sugerencias", …).
func ParseSource(s string) (Source, error) { return sourceNames.Parse(s) }

// String returns the source's English name.
func (s Source) String() string { return sourceNames.String(s) }

// IsValid reports whether s is a defined source.
func (s Source) IsValid() bool { return sourceNames.Valid(s) }

// MarshalText implements encoding.TextMarshaler.
func (s Source) MarshalText() ([]byte, error) { return sourceNames.MarshalText(s) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseSource].
func (s *Source) UnmarshalText(text []byte) error { return sourceNames.UnmarshalText(s, text) }

// Dimension is one of SERVQUAL's five dimensions of service quality. The zero
// value is [DimensionUnknown], which no item of a valid instrument may carry.
type Dimension uint8

// SERVQUAL's dimensions (Parasuraman, Zeithaml and Berry, 1988).
const (
	DimensionUnknown  Dimension = iota // no dimension
	DimTangibles                       // elementos tangibles: facilities, equipment, staff appearance
	DimReliability                     // fiabilidad: the promised service, dependably and accurately
	DimResponsiveness                  // capacidad de respuesta: willingness to help, prompt service
	DimAssurance                       // seguridad: knowledge, courtesy, trust and confidence
	DimEmpathy                         // empatía: caring, individual attention
)

// NumDimensions is the number of SERVQUAL dimensions; arrays indexed by
// dimension use index d-1 for [Dimension] d.
const NumDimensions = 5

var dimensionNames = enum.New("scorecard: dimension", ErrInvalidValue,
	[]string{"unknown", "tangibles", "reliability", "responsiveness", "assurance", "empathy"},
	map[string]Dimension{"desconocida": DimensionUnknown,
		"elementos tangibles": DimTangibles, "tangibles": DimTangibles, "tangible": DimTangibles,
		"fiabilidad": DimReliability, "confiabilidad": DimReliability,
		"capacidad de respuesta": DimResponsiveness, "respuesta": DimResponsiveness,
		"seguridad": DimAssurance, "garantía": DimAssurance,
		"empatía": DimEmpathy})

// Dimensions returns the five SERVQUAL dimensions in order.
func Dimensions() []Dimension {
	return []Dimension{DimTangibles, DimReliability, DimResponsiveness, DimAssurance, DimEmpathy}
}

// ParseDimension returns the dimension named s ("assurance", "fiabilidad", …).
func ParseDimension(s string) (Dimension, error) { return dimensionNames.Parse(s) }

// String returns the dimension's English name.
func (d Dimension) String() string { return dimensionNames.String(d) }

// IsValid reports whether d is a defined dimension (including DimensionUnknown).
func (d Dimension) IsValid() bool { return dimensionNames.Valid(d) }

// MarshalText implements encoding.TextMarshaler.
func (d Dimension) MarshalText() ([]byte, error) { return dimensionNames.MarshalText(d) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseDimension].
func (d *Dimension) UnmarshalText(text []byte) error { return dimensionNames.UnmarshalText(d, text) }

// Determinant is one of the ten factors of quality attention of the course
// notes (factores necesarios en la atención de calidad al cliente), which
// Parasuraman, Zeithaml and Berry (1985) later condensed into the five
// SERVQUAL dimensions; see [Determinant.Dimension]. The zero value is
// [DeterminantUnknown].
type Determinant uint8

// The ten determinants, in the order of the course notes.
const (
	DeterminantUnknown     Determinant = iota // not recorded
	EmpathyCourtesy                           // empatía y cortesía
	EffectiveCommunication                    // comunicación eficaz
	Accessibility                             // accesibilidad
	Credibility                               // credibilidad
	ResponsivenessFactor                      // capacidad de respuesta
	Security                                  // seguridad
	Competence                                // competencia
	UnderstandingCustomer                     // comprensión del cliente
	ReliabilityFactor                         // fiabilidad
	EvidenceOfService                         // evidencia del servicio (tangibles)
)

var determinantNames = enum.New("scorecard: determinant", ErrInvalidValue,
	[]string{"unknown", "empathy-and-courtesy", "effective-communication", "accessibility", "credibility",
		"responsiveness", "security", "competence", "understanding-the-customer", "reliability", "evidence-of-service"},
	map[string]Determinant{"desconocido": DeterminantUnknown,
		"empatía y cortesía": EmpathyCourtesy, "courtesy": EmpathyCourtesy, "cortesía": EmpathyCourtesy,
		"comunicación eficaz": EffectiveCommunication, "communication": EffectiveCommunication, "comunicación": EffectiveCommunication,
		"accesibilidad": Accessibility, "access": Accessibility,
		"credibilidad":            Credibility,
		"capacidad de respuesta":  ResponsivenessFactor,
		"seguridad":               Security,
		"competencia":             Competence,
		"comprensión del cliente": UnderstandingCustomer, "understanding": UnderstandingCustomer,
		"fiabilidad":             ReliabilityFactor,
		"evidencia del servicio": EvidenceOfService, "tangibles": EvidenceOfService, "evidence": EvidenceOfService})

// Determinants returns the ten determinants in the order of the course notes.
func Determinants() []Determinant {
	return []Determinant{EmpathyCourtesy, EffectiveCommunication, Accessibility, Credibility,
		ResponsivenessFactor, Security, Competence, UnderstandingCustomer, ReliabilityFactor, EvidenceOfService}
}

// Dimension returns the SERVQUAL dimension the determinant was folded into
// (Parasuraman, Zeithaml and Berry, 1988): evidence of service → tangibles;
// reliability → reliability; responsiveness → responsiveness; competence,
// credibility and security → assurance; accessibility, communication and
// understanding the customer → empathy. The notes pair courtesy with empathy,
// so [EmpathyCourtesy] maps to [DimEmpathy] (the 1988 study put courtesy under
// assurance). [DeterminantUnknown] and undefined values map to
// [DimensionUnknown].
func (d Determinant) Dimension() Dimension {
	switch d {
	case EvidenceOfService:
		return DimTangibles
	case ReliabilityFactor:
		return DimReliability
	case ResponsivenessFactor:
		return DimResponsiveness
	case Competence, Credibility, Security:
		return DimAssurance
	case EmpathyCourtesy, Accessibility, EffectiveCommunication, UnderstandingCustomer:
		return DimEmpathy
	}
	return DimensionUnknown
}

// ParseDeterminant returns the determinant named s ("credibility",
// "comprensión del cliente", …). Where an English name is shared with a
// dimension ("responsiveness", "reliability") it names the determinant.
func ParseDeterminant(s string) (Determinant, error) { return determinantNames.Parse(s) }

// String returns the determinant's English name.
func (d Determinant) String() string { return determinantNames.String(d) }

// IsValid reports whether d is a defined determinant.
func (d Determinant) IsValid() bool { return determinantNames.Valid(d) }

// MarshalText implements encoding.TextMarshaler.
func (d Determinant) MarshalText() ([]byte, error) { return determinantNames.MarshalText(d) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseDeterminant].
func (d *Determinant) UnmarshalText(text []byte) error {
	return determinantNames.UnmarshalText(d, text)
}

// Quadrant is the cell of an importance–performance grid an attribute falls
// in (Martilla and James, 1977). The zero value is [QuadrantUnknown].
type Quadrant uint8

// The four quadrants. "High" includes a value exactly on the crosshair.
const (
	QuadrantUnknown   Quadrant = iota // not classified
	ConcentrateHere                   // high importance, low performance: concentrarse aquí
	KeepUpTheGoodWork                 // high importance, high performance: mantener el buen trabajo
	LowPriority                       // low importance, low performance: baja prioridad
	PossibleOverkill                  // low importance, high performance: posible exceso
)

var quadrantNames = enum.New("scorecard: quadrant", ErrInvalidValue,
	[]string{"unknown", "concentrate-here", "keep-up-the-good-work", "low-priority", "possible-overkill"},
	map[string]Quadrant{"desconocido": QuadrantUnknown,
		"concentrarse aquí": ConcentrateHere, "concentrar aquí": ConcentrateHere,
		"mantener el buen trabajo": KeepUpTheGoodWork, "keep up": KeepUpTheGoodWork,
		"baja prioridad": LowPriority,
		"posible exceso": PossibleOverkill, "exceso": PossibleOverkill, "overkill": PossibleOverkill})

// ParseQuadrant returns the quadrant named s ("concentrate-here",
// "baja prioridad", …).
func ParseQuadrant(s string) (Quadrant, error) { return quadrantNames.Parse(s) }

// String returns the quadrant's English name.
func (q Quadrant) String() string { return quadrantNames.String(q) }

// IsValid reports whether q is a defined quadrant.
func (q Quadrant) IsValid() bool { return quadrantNames.Valid(q) }

// MarshalText implements encoding.TextMarshaler.
func (q Quadrant) MarshalText() ([]byte, error) { return quadrantNames.MarshalText(q) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseQuadrant].
func (q *Quadrant) UnmarshalText(text []byte) error { return quadrantNames.UnmarshalText(q, text) }

// Crosshair says where an importance–performance grid is split. The zero
// value, [ScaleMidpoint], is the usual default.
type Crosshair uint8

// The crosshair placements.
const (
	ScaleMidpoint Crosshair = iota // the middle of each rating scale
	DataMean                       // the mean importance and mean performance of the attributes
)

var crosshairNames = enum.New("scorecard: crosshair", ErrInvalidValue,
	[]string{"scale-midpoint", "data-mean"},
	map[string]Crosshair{"midpoint": ScaleMidpoint, "punto medio": ScaleMidpoint, "punto medio de la escala": ScaleMidpoint,
		"mean": DataMean, "media": DataMean, "promedio": DataMean, "media de los datos": DataMean})

// ParseCrosshair returns the crosshair named s ("data-mean", "media", …).
func ParseCrosshair(s string) (Crosshair, error) { return crosshairNames.Parse(s) }

// String returns the crosshair's English name.
func (c Crosshair) String() string { return crosshairNames.String(c) }

// IsValid reports whether c is a defined crosshair.
func (c Crosshair) IsValid() bool { return crosshairNames.Valid(c) }

// MarshalText implements encoding.TextMarshaler.
func (c Crosshair) MarshalText() ([]byte, error) { return crosshairNames.MarshalText(c) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseCrosshair].
func (c *Crosshair) UnmarshalText(text []byte) error { return crosshairNames.UnmarshalText(c, text) }

// IsValid reports whether m is a defined mark.
func (m Mark) IsValid() bool { return markNames.Valid(m) }

// IsValid reports whether p is a defined missing-data policy.
func (p MissingPolicy) IsValid() bool { return missingPolicyNames.Valid(p) }

// IsValid reports whether c is a defined indicator category.
func (c IndicatorCategory) IsValid() bool { return categoryNames.Valid(c) }
