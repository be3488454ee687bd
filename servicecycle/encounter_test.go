package servicecycle

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Defect 5 of issue 16: encounter JSON silently dropped unknown fields
// ("ratng": 3 vanished) and accepted whitespace-only ids.
func TestEncounterJSONStrict(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"misspelt rating", `{"case":"x","moment":"m","at":"2026-03-02T09:00:00Z","ratng":3}`, `unknown field "ratng"`},
		{"blank moment", `{"case":"x","moment":" ","at":"2026-03-02T09:00:00Z"}`, `moment id " " is blank`},
		{"blank case", `{"case":"\t","moment":"m","at":"2026-03-02T09:00:00Z"}`, `case id "\t" is blank`},
		{"trailing data", `{"case":"x","moment":"m","at":"2026-03-02T09:00:00Z"} 1`, "after the encounter"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			keep := Encounter{Case: "keep", Moment: "m", At: t0}
			e := keep
			err := e.UnmarshalJSON([]byte(tt.src))
			require.ErrorIs(t, err, ErrInvalidEncounter)
			assert.Contains(t, err.Error(), tt.want)
			assert.Equal(t, keep, e, "a rejected encounter leaves the value unchanged")
		})
	}
	var e Encounter
	require.ErrorIs(t, json.Unmarshal([]byte(`{"case":"x","moment":"m","at":"2026-03-02T09:00:00Z","ratng":3}`), &e), ErrInvalidEncounter)
}
