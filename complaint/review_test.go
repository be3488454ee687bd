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

// TestReviewEdges checks the edges of the prompt and professional scores
// against a 1 h target and a minimum of 5 words.
func TestReviewEdges(t *testing.T) {
	r, err := NewReviewer(ReviewConfig{MinWords: 5})
	require.NoError(t, err)
	// "Hello Ann thanks kind regards": 5 words, greeting, courtesy, closing,
	// the name; no slang, nothing shouted, nothing promoted.
	base := Reply{Language: English, Customer: "Ann Lee", Received: at(0), Sent: at(60), Target: time.Hour,
		Text: "Hello Ann thanks kind regards"}
	tests := []struct {
		name         string
		change       func(*Reply)
		prompt, prof float64
	}{
		{"exactly on target", nil, 1, 1},
		{"a second late", func(r *Reply) { r.Sent = at(60).Add(time.Second) }, 0.5, 1},
		{"exactly twice the target", func(r *Reply) { r.Sent = at(120) }, 0.5, 1},
		{"a second past twice the target", func(r *Reply) { r.Sent = at(120).Add(time.Second) }, 0, 1},
		// 4 words < 5: one quarter off.
		{"one word short", func(r *Reply) { r.Text = "Hello Ann thanks regards" }, 1, 0.75},
		// "SMS" has three capitals: not shouting; "SOON" has four: a
		// quarter off (8 words, enough).
		{"three capitals are not shouting", func(r *Reply) { r.Text = "Hello Ann your SMS arrived thanks kind regards" }, 1, 1},
		{"four capitals are shouting", func(r *Reply) { r.Text = "Hello Ann it arrives SOON thanks kind regards" }, 1, 0.75},
		// A single "!" is fine, "!!" costs a quarter.
		{"one exclamation", func(r *Reply) { r.Text = "Hello Ann thanks kind regards!" }, 1, 1},
		{"double exclamation", func(r *Reply) { r.Text = "Hello Ann thanks kind regards!!" }, 1, 0.75},
		// Four penalties: slang "cool", "LOUD" and "NOISE" shouted, "!!"
		// → 1 − 4 × 0.25 = 0 exactly.
		{"exactly zero", func(r *Reply) { r.Text = "Hello Ann cool LOUD NOISE thanks kind regards!!" }, 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := base
			if tt.change != nil {
				tt.change(&rep)
			}
			rv, err := r.Review(rep)
			require.NoError(t, err)
			assert.InDelta(t, tt.prompt, rv.Scores[0].Score, 1e-12, "%v", rv.Scores[0].Reasons)
			assert.InDelta(t, tt.prof, rv.Scores[3].Score, 1e-12, "%v", rv.Scores[3].Reasons)
			// Polite 1 and personal 1 (name, no case) in every row, no
			// promotion: total (prompt + 1 + 1 + prof + 0) / 5.
			assert.InDelta(t, (tt.prompt+2+tt.prof)/5, rv.Total, 1e-12)
		})
	}
}

// TestReviewPersonal checks the weights of the personal P: the name alone is
// worth everything without a case, two thirds with one; the case a third.
func TestReviewPersonal(t *testing.T) {
	r, err := NewReviewer(ReviewConfig{})
	require.NoError(t, err)
	tests := []struct {
		name, text, caseID string
		want               float64
	}{
		{"name, no case", "Dear Ann", "", 1},
		{"no name, no case", "Dear customer", "", 0},
		{"name and case", "Dear Ann, about case k-7", "K-7", 1},
		{"name without case", "Dear Ann", "K-7", 2.0 / 3},
		{"case without name", "About K-7", "K-7", 1.0 / 3},
		{"neither", "Dear customer", "K-7", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rv, err := r.Review(Reply{Language: English, Customer: "Ann Lee", Case: tt.caseID,
				Received: at(0), Sent: at(1), Target: time.Hour, Text: tt.text})
			require.NoError(t, err)
			assert.InDelta(t, tt.want, rv.Scores[2].Score, 1e-12, "%v", rv.Scores[2].Reasons)
		})
	}
}

// TestReviewPhrases checks the phrase matching through the polite score's
// greeting third: whole words, consecutive, anywhere in the text, any case,
// accents optional; a phrase with no words never matches.
func TestReviewPhrases(t *testing.T) {
	lx := EnglishLexicon()
	lx.Greetings = []string{"good morning", "buenos días", "", "?!"}
	lx.Courtesy, lx.Closings = nil, nil
	r, err := NewReviewer(ReviewConfig{Lexicons: map[Language]Lexicon{English: lx}})
	require.NoError(t, err)
	tests := []struct {
		text string
		want float64 // 1/3 with a greeting, 0 without
	}{
		{"Good morning Ann", 1.0 / 3},
		{"Ann, good morning", 1.0 / 3},
		{"Ann, GOOD MORNING!", 1.0 / 3},
		{"Buenos dias Ann", 1.0 / 3},
		{"Ann: buenos días", 1.0 / 3},
		{"Good, Ann. Morning", 0},
		{"morning good", 0},
		{"Goodmorning Ann", 0},
		{"good", 0},
		{"", 0},
		{"?! Ann", 0},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			rv, err := r.Review(Reply{Language: English, Customer: "Ann", Received: at(0), Sent: at(1), Target: time.Hour, Text: tt.text})
			require.NoError(t, err)
			assert.InDelta(t, tt.want, rv.Scores[1].Score, 1e-12, "%v", rv.Scores[1].Reasons)
		})
	}
}

// A case reference such as "Q-305" is one word, not the slang "q" followed by
// "305"; hyphenated prose still splits into its words.
func TestReviewReferencesAreNotSlang(t *testing.T) {
	assert.Equal(t, []string{"caso", "q305", "del", "20260301", "cliente", "empresa"},
		words("Caso Q-305 del 2026-03-01, cliente-empresa."))
	r, err := NewReviewer(ReviewConfig{})
	require.NoError(t, err)
	reply := Reply{
		Language: Spanish, Customer: "Ana Gómez", Case: "Q-305", Received: at(0), Sent: at(60), Target: 4 * time.Hour,
		Text: "Estimada Ana: gracias por escribirnos sobre el caso Q-305. Hemos revisado su factura y le abonaremos " +
			"los tres días sin servicio en el próximo ciclo. Quedamos a su disposición. Atentamente, Servicio al cliente",
	}
	rv, err := r.Review(reply)
	require.NoError(t, err)
	// Professional: no slang, no shouting, 30 words ≥ 20: full score.
	assert.InDelta(t, 1.0, rv.Scores[3].Score, 1e-9, "%v", rv.Scores[3].Reasons)
	// Personal: the name and the case are both mentioned.
	assert.InDelta(t, 1.0, rv.Scores[2].Score, 1e-9, "%v", rv.Scores[2].Reasons)
}

// TestReviewFindingsInBothLanguages: every reason is a finding with a code,
// written for people in English and in Spanish; durations read "2 d 8 h",
// never Go's "56h0m0s".
func TestReviewFindingsInBothLanguages(t *testing.T) {
	r, err := NewReviewer(ReviewConfig{})
	require.NoError(t, err)
	rv, err := r.Review(Reply{Language: Spanish, Customer: "Jorge Díaz", Case: "PQR-322", Received: at(0), Sent: at(56 * 60),
		Target: 4 * time.Hour, Text: "ok parce, ya quedó. cualquier cosa escribe"})
	require.NoError(t, err)
	prompt := rv.Scores[0]
	require.Len(t, prompt.Findings, 1)
	assert.Equal(t, Finding{Code: AnsweredVeryLate, Took: 56 * time.Hour, Target: 4 * time.Hour}, prompt.Findings[0])
	assert.Equal(t, "answered in 2 d 8 h, more than twice the 4 h target", prompt.Findings[0].Text(English))
	assert.Equal(t, "respondido en 2 d 8 h, más del doble de la meta de 4 h", prompt.Findings[0].Text(Spanish))
	assert.Equal(t, []string{"answered in 2 d 8 h, more than twice the 4 h target"}, prompt.Reasons, "Reasons are the findings in English")

	texts := func(s PScore, l Language) []string {
		var out []string
		for _, f := range s.Findings {
			out = append(out, f.Text(l))
		}
		return out
	}
	assert.Equal(t, []string{"sin saludo", "sin fórmula de cortesía", "sin despedida"}, texts(rv.Scores[1], Spanish))
	assert.Equal(t, []string{"no greeting", "no courtesy phrase", "no closing"}, rv.Scores[1].Reasons)
	assert.Equal(t, []string{"no usa el nombre del cliente", "no cita el caso PQR-322"}, texts(rv.Scores[2], Spanish))
	assert.Equal(t, []string{`palabra popular: "parce"`, `palabra popular: "ok"`, "7 palabras, menos de 20: muy poca información"}, texts(rv.Scores[3], Spanish))
	assert.Equal(t, []string{"no promociona nada"}, texts(rv.Scores[4], Spanish))
}
