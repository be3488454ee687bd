package complaint

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSpanishTerms: the glossary's and the course notes' Spanish terms parse
// to their Go values, with or without accents, in any case.
func TestSpanishTerms(t *testing.T) {
	parse := map[string]func(string) (any, error){
		"kind":       func(s string) (any, error) { return ParseKind(s) },
		"tier":       func(s string) (any, error) { return ParseTier(s) },
		"department": func(s string) (any, error) { return ParseDepartment(s) },
		"cause":      func(s string) (any, error) { return ParseCause(s) },
		"function":   func(s string) (any, error) { return ParseFunction(s) },
		"medium":     func(s string) (any, error) { return ParseMedium(s) },
		"protocol":   func(s string) (any, error) { return ParseProtocol(s) },
		"five p":     func(s string) (any, error) { return ParseFiveP(s) },
		"state":      func(s string) (any, error) { return ParseState(s) },
		"event":      func(s string) (any, error) { return ParseEventType(s) },
		"outcome":    func(s string) (any, error) { return ParseOutcome(s) },
		"cost kind":  func(s string) (any, error) { return ParseCostKind(s) },
		"severity":   func(s string) (any, error) { return ParseSeverity(s) },
	}
	tests := []struct {
		enum, term string
		want       any
	}{
		{"kind", "queja", Complaint}, {"kind", "Reclamo", Claim}, {"kind", "sugerencia", Suggestion},
		{"kind", "felicitación", Compliment}, {"kind", "consulta", Inquiry}, {"kind", "incidencia", Incident},
		{"kind", "devolucion", Return}, {"kind", "reparación/sustitución", Repair}, {"kind", "GARANTÍA", Warranty},
		{"kind", "petición", Request},
		{"tier", "asesora de servicio", Advisor}, {"tier", "miembro de la red de servicio", NetworkMember},
		{"tier", "especialista", Specialist},
		{"department", "departamento de marketing", Marketing}, {"department", "servicio técnico", TechnicalService},
		{"department", "fuerza de ventas", SalesForce}, {"department", "dirección de la empresa", Management},
		{"cause", "indiferencia", Indifference}, {"cause", "negligencia", Negligence}, {"cause", "abuso", Abuse},
		{"cause", "olvidos", Forgetfulness}, {"cause", "falta de preparacion tecnica", LackOfTechnicalSkill},
		{"function", "atención de incidencias", Incidents}, {"function", "quejas", Complaints},
		{"function", "sugerencias y felicitaciones", SuggestionsAndCompliments}, {"function", "reclamaciones", Claims},
		{"function", "postventa", AfterSales}, {"function", "información", Information},
		{"medium", "mensaje de texto", SMS}, {"medium", "correo electrónico", EmailMessage},
		{"protocol", "crítica por un error", CriticismForError}, {"protocol", "denegar la petición", DenyingRequest},
		{"protocol", "problemas de comprensión", ComprehensionProblems},
		{"five p", "prompt", Prompt}, {"five p", "polite", Polite}, {"five p", "personal", Personal},
		{"five p", "professional", Professional}, {"five p", "promotional", Promotional}, {"five p", "cortesía", Polite},
		{"state", "en curso", InProgress}, {"state", "esperando al cliente", WaitingCustomer}, {"state", "cerrado", Closed},
		{"event", "escalar", Escalate}, {"event", "reabrir", Reopen},
		{"outcome", "procedente", Upheld}, {"outcome", "improcedente", Rejected},
		{"cost kind", "abono", Credit}, {"cost kind", "acciones legales", Legal}, {"cost kind", "productos devueltos", ReturnCost},
		{"severity", "alta", SeverityHigh},
	}
	for _, tt := range tests {
		got, err := parse[tt.enum](tt.term)
		require.NoError(t, err, "%s %q", tt.enum, tt.term)
		assert.Equal(t, tt.want, got, "%s %q", tt.enum, tt.term)
	}
	_, err := ParseKind("pregunta rara")
	require.ErrorIs(t, err, ErrInvalidValue)
	assert.Contains(t, err.Error(), `complaint: kind "pregunta rara"`)
}

func TestEntryAndCaseJSON(t *testing.T) {
	entries := trailOf(t)
	for _, e := range entries {
		b, err := json.Marshal(e)
		require.NoError(t, err)
		var back Entry
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, e, back)
	}
	cases, err := Replay(entries)
	require.NoError(t, err)
	b, err := json.Marshal(cases[0])
	require.NoError(t, err)
	var c Case
	require.NoError(t, json.Unmarshal(b, &c))
	assert.Equal(t, cases[0], c)
	assert.Contains(t, string(b), `"kind":"claim"`)
	assert.Contains(t, string(b), `"tier":"network-member"`)
	require.Error(t, json.Unmarshal([]byte(`{"kind":"complain"}`), &c), "unknown enum names are refused")
}

func TestFunctionKinds(t *testing.T) {
	assert.Equal(t, []Kind{Return, Repair, Warranty}, AfterSales.Kinds())
	assert.Equal(t, []Kind{Inquiry, Request}, Information.Kinds())
	assert.Equal(t, []Kind{Suggestion, Compliment}, SuggestionsAndCompliments.Kinds())
	for _, k := range Kinds() {
		assert.NotEqual(t, FunctionUnknown, k.Function(), "%s", k)
	}
}
