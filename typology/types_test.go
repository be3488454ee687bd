package typology

import (
	"encoding"
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseSpanishAndEnglish(t *testing.T) {
	tests := []struct {
		in   string
		got  func(string) (fmt.Stringer, error)
		want fmt.Stringer
	}{
		{"sumiso", wrap(ParseBehaviour), Submissive},
		{"AGRESIVO", wrap(ParseBehaviour), Aggressive},
		{"abusivo", wrap(ParseBehaviour), Abusive},
		{"quejumbroso crónico", wrap(ParseBehaviour), ChronicComplainer},
		{"Quejambroso cronico", wrap(ParseBehaviour), ChronicComplainer},
		{"chronic-complainer", wrap(ParseBehaviour), ChronicComplainer},
		{"criticón", wrap(ParsePersonality), Critic},
		{"timido", wrap(ParsePersonality), Shy},
		{"Comunicativo", wrap(ParsePersonality), Communicative},
		{"minucioso", wrap(ParsePersonality), Meticulous},
		{"dominante", wrap(ParsePersonality), Dominant},
		{"ofensivo", wrap(ParsePersonality), Offensive},
		{"compra supeditada", wrap(ParseRelationship), DependentPurchase},
		{"economista", wrap(ParseRelationship), Economist},
		{"fiel", wrap(ParseRelationship), Loyal},
		{"promociones", wrap(ParseRelationship), PromotionSeeker},
		{"errático", wrap(ParseRelationship), Erratic},
		{"muy rentables", wrap(ParseProfitability), VeryProfitable},
		{"rentables", wrap(ParseProfitability), Profitable},
		{"poco rendibles", wrap(ParseProfitability), LittleProfitable},
		{"nada rentables", wrap(ParseProfitability), NotProfitable},
		{"motivación racional", wrap(ParseMotivation), Rational},
		{"afectivas", wrap(ParseMotivation), Affective},
		{"económico", wrap(ParsePriceTier), TierBudget},
		{"infundada", wrap(ParseFinding), Unfounded},
		{"marketing responsable o estadístico", wrap(ParseRelationshipLevel), Accountable},
		{"colaborativo o de socio", wrap(ParseRelationshipLevel), Partnership},
		{"básico", wrap(ParseRelationshipLevel), Basic},
		{"denegar la petición", wrap(ParseProtocol), DenyingRequest},
		{"crítica por algún error", wrap(ParseProtocol), CriticismForError},
		{"problemas de comprensión", wrap(ParseProtocol), ComprehensionProblems},
		{"atención presencial", wrap(ParseProtocol), InPersonAttention},
		{"español", wrap(ParseLanguage), Spanish},
	}
	for _, tt := range tests {
		got, err := tt.got(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
	_, err := ParseBehaviour("gruñón")
	require.ErrorIs(t, err, ErrInvalidValue)
	assert.Contains(t, err.Error(), `typology: behaviour "gruñón"`)
}

func wrap[T fmt.Stringer](f func(string) (T, error)) func(string) (fmt.Stringer, error) {
	return func(s string) (fmt.Stringer, error) { return f(s) }
}

type textEnum interface {
	fmt.Stringer
	encoding.TextMarshaler
}

// TestEnumsRoundTrip marshals every defined value of every enum and parses it
// back; the first undefined value fails to marshal.
func TestEnumsRoundTrip(t *testing.T) {
	check := func(name string, n int, get func(i int) textEnum, back func([]byte) (textEnum, error)) {
		for i := 0; i <= n; i++ {
			v := get(i)
			text, err := v.MarshalText()
			if i == n {
				assert.ErrorIs(t, err, ErrInvalidValue, "%s(%d)", name, i)
				assert.Equal(t, fmt.Sprintf("%s(%d)", name, i), v.String())
				continue
			}
			require.NoError(t, err)
			got, err := back(text)
			require.NoError(t, err)
			assert.Equal(t, v, got)
		}
	}
	check("behaviour", 6, func(i int) textEnum { return Behaviour(i) }, func(b []byte) (textEnum, error) { var v Behaviour; err := v.UnmarshalText(b); return v, err })
	check("personality", 7, func(i int) textEnum { return Personality(i) }, func(b []byte) (textEnum, error) { var v Personality; err := v.UnmarshalText(b); return v, err })
	check("relationship", 6, func(i int) textEnum { return Relationship(i) }, func(b []byte) (textEnum, error) { var v Relationship; err := v.UnmarshalText(b); return v, err })
	check("profitability", 5, func(i int) textEnum { return Profitability(i) }, func(b []byte) (textEnum, error) { var v Profitability; err := v.UnmarshalText(b); return v, err })
	check("motivation", 3, func(i int) textEnum { return Motivation(i) }, func(b []byte) (textEnum, error) { var v Motivation; err := v.UnmarshalText(b); return v, err })
	check("price tier", 4, func(i int) textEnum { return PriceTier(i) }, func(b []byte) (textEnum, error) { var v PriceTier; err := v.UnmarshalText(b); return v, err })
	check("finding", 3, func(i int) textEnum { return Finding(i) }, func(b []byte) (textEnum, error) { var v Finding; err := v.UnmarshalText(b); return v, err })
	check("relationship level", 6, func(i int) textEnum { return RelationshipLevel(i) }, func(b []byte) (textEnum, error) { var v RelationshipLevel; err := v.UnmarshalText(b); return v, err })
	check("protocol", 5, func(i int) textEnum { return Protocol(i) }, func(b []byte) (textEnum, error) { var v Protocol; err := v.UnmarshalText(b); return v, err })
	check("language", 2, func(i int) textEnum { return Language(i) }, func(b []byte) (textEnum, error) { var v Language; err := v.UnmarshalText(b); return v, err })
}

// FuzzParseEnums: any string either parses to a value whose name parses back
// to it, or fails with an error wrapping ErrInvalidValue and leaves the
// target unchanged.
func FuzzParseEnums(f *testing.F) {
	for _, s := range []string{"sumiso", "quejumbroso crónico", "fiel", "muy rentables", "afectiva", "", "ÁÉÍ", "de socio"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b := Abusive
		if err := b.UnmarshalText([]byte(s)); err != nil {
			if !errors.Is(err, ErrInvalidValue) || b != Abusive {
				t.Fatalf("%q: %v, value %v", s, err, b)
			}
		} else if again, err := ParseBehaviour(b.String()); err != nil || again != b {
			t.Fatalf("%q → %v does not round-trip", s, b)
		}
		if r, err := ParseRelationship(s); err == nil {
			if again, _ := ParseRelationship(r.String()); again != r {
				t.Fatalf("%q → %v does not round-trip", s, r)
			}
		} else if !errors.Is(err, ErrInvalidValue) {
			t.Fatal(err)
		}
		if l, err := ParseRelationshipLevel(s); err == nil {
			if again, _ := ParseRelationshipLevel(l.String()); again != l {
				t.Fatalf("%q → %v does not round-trip", s, l)
			}
		} else if !errors.Is(err, ErrInvalidValue) {
			t.Fatal(err)
		}
	})
}
