package complaint

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFindingText: every finding has its own text in each language; an
// unknown language is English.
func TestFindingText(t *testing.T) {
	seen := map[string]FindingCode{}
	for c := AnsweredInTime; c <= NoPromotion; c++ {
		f := Finding{Code: c, Phrase: "x", Took: time.Hour, Target: time.Hour, Words: 1, MinWords: 2}
		en, es := f.Text(English), f.Text(Spanish)
		assert.NotEqual(t, en, es, "%s", c)
		assert.Equal(t, en, f.Text(LanguageUnknown), "%s", c)
		for _, s := range []string{en, es} {
			prev, dup := seen[s]
			assert.False(t, dup, "%s and %s both read %q", prev, c, s)
			seen[s] = c
		}
	}
	assert.Equal(t, `despedida: "atentamente"`, Finding{Code: Closing, Phrase: "atentamente"}.Text(Spanish))
	assert.Equal(t, "answered in 45 min, within the 1 h target", Finding{Code: AnsweredInTime, Took: 45 * time.Minute, Target: time.Hour}.Text(English))
	assert.Equal(t, "unknown", Finding{}.Text(English))
}

func TestFindingCodeNames(t *testing.T) {
	for c := FindingUnknown; c <= NoPromotion; c++ {
		b, err := c.MarshalText()
		require.NoError(t, err)
		var got FindingCode
		require.NoError(t, got.UnmarshalText(b))
		assert.Equal(t, c, got)
		assert.True(t, c.IsValid())
	}
	for term, want := range map[string]FindingCode{"sin saludo": NoGreeting, "Palabra popular": Slang, "no promociona": NoPromotion, "MUY TARDE": AnsweredVeryLate} {
		got, err := ParseFindingCode(term)
		require.NoError(t, err, term)
		assert.Equal(t, want, got, term)
	}
	_, err := ParseFindingCode("no-such-finding")
	require.ErrorIs(t, err, ErrInvalidValue)
	assert.False(t, FindingCode(200).IsValid())
	_, err = FindingCode(200).MarshalText()
	require.ErrorIs(t, err, ErrInvalidValue)
}
