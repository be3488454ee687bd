package scorecard

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestParseSpanishTerms: every scorecard term of the glossary and the course
// notes parses to its Go value, accents and case optional.
func TestParseSpanishTerms(t *testing.T) {
	type tc struct {
		in   string
		want any
		got  func(string) (any, error)
	}
	phase := func(s string) (any, error) { return ParsePhase(s) }
	source := func(s string) (any, error) { return ParseSource(s) }
	dim := func(s string) (any, error) { return ParseDimension(s) }
	det := func(s string) (any, error) { return ParseDeterminant(s) }
	quad := func(s string) (any, error) { return ParseQuadrant(s) }
	cross := func(s string) (any, error) { return ParseCrosshair(s) }
	cat := func(s string) (any, error) { return ParseIndicatorCategory(s) }
	ans := func(s string) (any, error) { return ParseAnswerState(s) }
	tests := []tc{
		{"antes", Before, phase}, {"Durante la transacción", During, phase}, {"DESPUES", After, phase},
		{"quejas y reclamos", Complaints, source}, {"buzon de sugerencias", SuggestionBox, source},
		{"focus group", FocusGroup, source}, {"Libreta de calificaciones", ReportCardForm, source},
		{"comprador misterioso", MysteryShopper, source},
		{"elementos tangibles", DimTangibles, dim}, {"fiabilidad", DimReliability, dim},
		{"capacidad de respuesta", DimResponsiveness, dim}, {"seguridad", DimAssurance, dim}, {"empatia", DimEmpathy, dim},
		{"empatía y cortesía", EmpathyCourtesy, det}, {"comunicación eficaz", EffectiveCommunication, det},
		{"accesibilidad", Accessibility, det}, {"credibilidad", Credibility, det},
		{"capacidad de respuesta", ResponsivenessFactor, det}, {"seguridad", Security, det},
		{"competencia", Competence, det}, {"comprension del cliente", UnderstandingCustomer, det},
		{"fiabilidad", ReliabilityFactor, det}, {"evidencia del servicio", EvidenceOfService, det},
		{"concentrarse aquí", ConcentrateHere, quad}, {"mantener el buen trabajo", KeepUpTheGoodWork, quad},
		{"baja prioridad", LowPriority, quad}, {"posible exceso", PossibleOverkill, quad},
		{"punto medio", ScaleMidpoint, cross}, {"media", DataMean, cross},
		{"calidad de trabajo", CategoryQuality, cat}, {"capacidad de respuesta", CategoryResponsiveness, cat},
		{"volumen de trabajo", CategoryVolume, cat}, {"eficiencia", CategoryEfficiency, cat},
		{"no aplica", NotApplicable, ans}, {"N/A", NotApplicable, ans},
	}
	for _, tt := range tests {
		got, err := tt.got(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
	_, err := ParseDimension("courtesy")
	assert.ErrorIs(t, err, ErrInvalidValue)
}

func TestDeterminantsMapOntoDimensions(t *testing.T) {
	want := map[Determinant]Dimension{
		EmpathyCourtesy: DimEmpathy, EffectiveCommunication: DimEmpathy, Accessibility: DimEmpathy,
		UnderstandingCustomer: DimEmpathy, Credibility: DimAssurance, Security: DimAssurance,
		Competence: DimAssurance, ResponsivenessFactor: DimResponsiveness, ReliabilityFactor: DimReliability,
		EvidenceOfService: DimTangibles,
	}
	require.Len(t, Determinants(), 10)
	for _, d := range Determinants() {
		assert.Equal(t, want[d], d.Dimension(), d.String())
	}
	assert.Equal(t, DimensionUnknown, DeterminantUnknown.Dimension())
}

func TestEnumTextRoundTrip(t *testing.T) {
	type doc struct {
		P Phase
		S Source
		D Dimension
		T Determinant
		Q Quadrant
		C Crosshair
		M Mark
		K IndicatorCategory
		A AnswerState
		X MissingPolicy
	}
	in := doc{After, MysteryShopper, DimAssurance, UnderstandingCustomer, PossibleOverkill, DataMean, MarkNA, CategoryVolume, NotApplicable, Pairwise}
	b, err := json.Marshal(in)
	require.NoError(t, err)
	assert.JSONEq(t, `{"P":"after","S":"mystery-shopper","D":"assurance","T":"understanding-the-customer","Q":"possible-overkill","C":"data-mean","M":"not-applicable","K":"volume","A":"not-applicable","X":"pairwise"}`, string(b))
	var out doc
	require.NoError(t, json.Unmarshal(b, &out))
	assert.Equal(t, in, out)
	_, err = json.Marshal(doc{P: 42})
	assert.ErrorIs(t, err, ErrInvalidValue)
	assert.Equal(t, "phase(42)", Phase(42).String())
}
