package servicecycle

import (
	"encoding"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseSpanishTerms(t *testing.T) {
	tests := []struct {
		in   string
		got  func(string) (any, error)
		want any
	}{
		{"Colaboradores", func(s string) (any, error) { return ParseSide(s) }, People},
		{"estrategia", func(s string) (any, error) { return ParseSide(s) }, Strategy},
		{"normas y procedimientos", func(s string) (any, error) { return ParseSystemKind(s) }, NormsAndProcedures},
		{"TECNICO", func(s string) (any, error) { return ParseSystemKind(s) }, Technical},
		{"después de la compra", func(s string) (any, error) { return ParseStage(s) }, AfterPurchase},
		{"investigacion", func(s string) (any, error) { return ParseStage(s) }, Research},
		{"Acogida", func(s string) (any, error) { return ParseAttentionStep(s) }, Welcome},
		{"gestion", func(s string) (any, error) { return ParseAttentionStep(s) }, Handling},
		{"follow up", func(s string) (any, error) { return ParseAttentionStep(s) }, FollowUp},
		{"protocolo de gestión", func(s string) (any, error) { return ParseProtocol(s) }, Management},
		{"asesoramiento personal", func(s string) (any, error) { return ParseProtocol(s) }, PersonalAttention},
		{"empleado", func(s string) (any, error) { return ParsePerspective(s) }, EmployeeView},
		{"victimismo", func(s string) (any, error) { return ParseFailPoint(s) }, Victimism},
		{"no alcanzado", func(s string) (any, error) { return ParseDeviation(s) }, NotReached},
		{"inicio", func(s string) (any, error) { return ParseLifecycle(s) }, Start},
		{"fin", func(s string) (any, error) { return ParseLifecycle(s) }, Complete},
		{"movimiento en el modelo", func(s string) (any, error) { return ParseMoveKind(s) }, ModelMove},
		{"sincrónico", func(s string) (any, error) { return ParseMoveKind(s) }, SyncMove},
		{"evadir preguntas", func(s string) (any, error) { return ParseFailPoint(s) }, DodgedQuestion},
		{"fuera de orden", func(s string) (any, error) { return ParseDeviation(s) }, OutOfOrder},
	}
	for _, tt := range tests {
		got, err := tt.got(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
	_, err := ParseStage("mañana")
	require.ErrorIs(t, err, ErrInvalidValue)
	assert.Contains(t, err.Error(), `servicecycle: stage "mañana"`)
}

// roundTrip checks that every value survives MarshalText and UnmarshalText.
func roundTrip[T any, P interface {
	*T
	encoding.TextUnmarshaler
}](t *testing.T, values []T) {
	t.Helper()
	require.NotEmpty(t, values)
	for _, v := range values {
		b, err := any(v).(encoding.TextMarshaler).MarshalText()
		require.NoError(t, err)
		var back T
		require.NoError(t, P(&back).UnmarshalText(b))
		assert.Equal(t, v, back)
	}
}

func TestEnumTextRoundTrip(t *testing.T) {
	roundTrip(t, Sides())
	roundTrip(t, Stages())
	roundTrip(t, AttentionSteps())
	roundTrip(t, FailPoints())
	roundTrip(t, Perspectives())
	roundTrip(t, Protocols())
	roundTrip(t, SystemKinds())
	roundTrip(t, Deviations())
	roundTrip(t, Lifecycles())
	roundTrip(t, []MoveKind{SyncMove, LogMove, ModelMove})
	_, err := Stage(99).MarshalText()
	require.ErrorIs(t, err, ErrInvalidValue)
	assert.Equal(t, "stage(99)", Stage(99).String())
}

func TestFailPointKinds(t *testing.T) {
	// The notes list eight errors in service and seven difficulties in
	// attention; indifference is in both lists, so 14 values in all.
	var errs, diffs int
	for _, f := range FailPoints() {
		if f.IsServiceError() {
			errs++
		}
		if f.IsDifficulty() {
			diffs++
		}
	}
	assert.Equal(t, 14, len(FailPoints()))
	assert.Equal(t, 8, errs)
	assert.Equal(t, 7, diffs)
	assert.True(t, Indifference.IsServiceError() && Indifference.IsDifficulty())
}
