package complaint

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReviewFivePs(t *testing.T) {
	r, err := NewReviewer(ReviewConfig{})
	require.NoError(t, err)
	good := Reply{
		Language: Spanish, Customer: "María Pérez", Case: "K-1", Received: at(0), Sent: at(120), Target: 4 * time.Hour,
		Text: "Estimada María: gracias por escribirnos sobre el caso K-1. Hemos revisado su factura y le abonaremos " +
			"los tres días sin servicio en el próximo ciclo. Le invitamos a conocer nuestra promoción de fibra. " +
			"Quedamos a su disposición. Atentamente, Servicio al cliente",
	}
	bad := Reply{
		Language: English, Customer: "John", Received: at(0), Sent: at(600), Target: 4 * time.Hour,
		Text: "hey dude, gonna check ur thing. CALM DOWN!!",
	}
	late := good
	late.Sent = at(360) // 6 h against a 4 h target: within twice the target
	late.Text = "Hola Juan, gracias. Saludos."
	tests := []struct {
		name  string
		reply Reply
		want  [5]float64
	}{
		// Everything present: greeting, courtesy, closing, name, case, no
		// slang, 34 words, a promotion, within target.
		{"good", good, [5]float64{1, 1, 1, 1, 1}},
		// 10 h > 2 × 4 h; no greeting ("hey" is not one), courtesy or
		// closing; no name; 3 slang words, 2 shouted words, "!!" and 8 words
		// < 20: 1 − 7 × 0.25 < 0 → 0; no promotion.
		{"bad", bad, [5]float64{0, 0, 0, 0, 0}},
		// 0.5 for 6 h; greeting "hola", "gracias", closing "saludos"; name
		// María missing (2/3) and case K-1 missing (1/3); 5 words < 20 →
		// 0.75; no promotion.
		{"late and thin", late, [5]float64{0.5, 1, 0, 0.75, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rv, err := r.Review(tt.reply)
			require.NoError(t, err)
			require.Len(t, rv.Scores, 5)
			sum := 0.0
			for i, p := range FivePs() {
				assert.Equal(t, p, rv.Scores[i].P)
				assert.InDelta(t, tt.want[i], rv.Scores[i].Score, 1e-9, "%s: %v", p, rv.Scores[i].Reasons)
				assert.NotEmpty(t, rv.Scores[i].Reasons)
				sum += tt.want[i]
			}
			assert.InDelta(t, sum/5, rv.Total, 1e-9)
		})
	}
	rv, err := r.Review(bad)
	require.NoError(t, err)
	assert.Contains(t, rv.Scores[3].Reasons, `slang: "dude"`)
	assert.Contains(t, rv.Scores[3].Reasons, `shouting: "CALM"`)
}

func TestReviewCustomLexiconAndErrors(t *testing.T) {
	lx := SpanishLexicon()
	lx.Slang = append(lx.Slang, "súper")
	r, err := NewReviewer(ReviewConfig{Lexicons: map[Language]Lexicon{Spanish: lx}, MinWords: 3})
	require.NoError(t, err)
	rv, err := r.Review(Reply{Language: Spanish, Customer: "Ana", Received: at(0), Sent: at(1), Target: time.Hour,
		Text: "Hola Ana, todo SUPER bien, gracias. Atentamente"})
	require.NoError(t, err)
	// "SUPER" folds to the slang "súper" and is shouted: 1 − 0.25 − 0.25.
	assert.InDelta(t, 0.5, rv.Scores[3].Score, 1e-9, "%v", rv.Scores[3].Reasons)

	_, err = NewReviewer(ReviewConfig{MinWords: -1, Lexicons: map[Language]Lexicon{LanguageUnknown: {}}})
	require.ErrorIs(t, err, ErrInvalidConfig)
	_, err = r.Review(Reply{Customer: " ", Received: at(5), Sent: at(1)})
	require.ErrorIs(t, err, ErrInvalidValue)
	for _, s := range []string{"language unknown", "target 0s", "before received", "customer name"} {
		assert.Contains(t, err.Error(), s)
	}
}

func TestProtocolChecklist(t *testing.T) {
	c, err := NewChecklist(DenyingRequest, 0, 1, 3)
	require.NoError(t, err)
	// 3 of the 6 steps of the denial protocol.
	assert.InDelta(t, 0.5, c.Completion(), 1e-12)
	missing := c.Missing()
	require.Len(t, missing, 3)
	assert.Equal(t, "Escuchar las réplicas", missing[0].Spanish)
	assert.Equal(t, "Argumentar las decisiones", missing[1].Spanish)
	assert.Contains(t, DenyingRequest.Steps()[3].Spanish, "disco rayado")
	_, err = NewChecklist(DenyingRequest, 6)
	require.ErrorIs(t, err, ErrInvalidValue)
	_, err = NewChecklist(ProtocolUnknown)
	require.ErrorIs(t, err, ErrInvalidValue)
	require.ErrorIs(t, Checklist{Protocol: CriticismForError, Done: []bool{true}}.Validate(), ErrInvalidValue)
	assert.Len(t, CriticismForError.Steps(), 8)
	assert.Len(t, ComprehensionProblems.Steps(), 4)
}
