package scorecard

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ServqualAlpha on a three-item tangibles dimension whose second item is
// reverse-keyed, with a blank and an N/A: it must equal CronbachListwise and
// CronbachPairwise on the recoded rows, which TestItemStatisticsAgainstPsych
// checks against psych (the same numbers: item b's raw answers are 6 − b).
func TestServqualAlphaFromResponses(t *testing.T) {
	in := MustInstrument("t", Likert5, []Item{
		{ID: "a", Dimension: DimTangibles}, {ID: "b", Dimension: DimTangibles, Reverse: true},
		{ID: "c", Dimension: DimTangibles}, {ID: "d", Dimension: DimEmpathy},
	})
	var rs []ServqualResponse
	for _, row := range psychItems {
		p := make([]Answer, 4)
		for j, v := range row {
			switch {
			case v != v && j == 0:
				p[j] = Answer{} // blank
			case v != v:
				p[j] = NA()
			case j == 1:
				p[j] = Rated(6 - int(v)) // stored as answered, reverse-keyed
			default:
				p[j] = Rated(int(v))
			}
		}
		p[3] = Rated(3)
		rs = append(rs, ServqualResponse{Perceptions: p, Expectations: Ratings(5, 1, 5, 5)})
	}
	for _, policy := range []MissingPolicy{Listwise, Pairwise} {
		got, err := ServqualAlpha(in, rs, PerceptionScores, policy)
		require.NoError(t, err)
		want, err := cronbachPolicy(psychItems, policy)
		require.NoError(t, err)
		tang := got[DimTangibles-1]
		require.NoError(t, tang.Err)
		assert.Equal(t, []string{"a", "b", "c"}, tang.Items)
		assert.Equal(t, want, tang.Reliability, policy.String())
		assert.ErrorIs(t, got[DimEmpathy-1].Err, ErrInsufficientData) // one item
		assert.ErrorIs(t, got[DimReliability-1].Err, ErrInsufficientData)
	}
	// Gaps: expectations (5, 1→5 reversed, 5) make each gap the
	// perception − 5, a shift that leaves alpha unchanged.
	gaps, err := ServqualAlpha(in, rs, GapScores, Listwise)
	require.NoError(t, err)
	want, _ := CronbachListwise(psychItems)
	assert.InDelta(t, want.Alpha, gaps[0].Reliability.Alpha, 1e-12)
	// Complete-only refuses the blanks of that dimension.
	strict, err := ServqualAlpha(in, rs, PerceptionScores, CompleteOnly)
	require.NoError(t, err)
	assert.ErrorIs(t, strict[0].Err, ErrOutOfRange)

	_, err = ServqualAlpha(in, rs, ServqualScore(9), Listwise)
	assert.ErrorIs(t, err, ErrInvalidValue)
	_, err = ServqualAlpha(in, []ServqualResponse{{Perceptions: Ratings(1)}}, PerceptionScores, Listwise)
	assert.ErrorIs(t, err, ErrRagged)
	s, err := ParseServqualScore("brechas")
	require.NoError(t, err)
	assert.Equal(t, GapScores, s)
	b, err := s.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "gaps", string(b))
	var back ServqualScore
	require.NoError(t, back.UnmarshalText([]byte("Percepciones")))
	assert.Equal(t, PerceptionScores, back)
	assert.ErrorIs(t, back.UnmarshalText([]byte("feelings")), ErrInvalidValue)
}
