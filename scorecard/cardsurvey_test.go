package scorecard

import (
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Two months of a one-attribute report card, our scores only, against R:
//
//	a1 <- c(2,2,3,1,2,3,2,2); b1 <- c(3,4,3,2,4,3,4,3,5)
//	t.test(a1)$conf.int  # 1.589219318386385 2.660780681613616
//	t.test(a1, b1)       # t −3.554930028214494, df 14.48581383183588, p 0.003022061105847084
func TestCardSurveyIntervalsAndComparison(t *testing.T) {
	month := func(scores ...int) *CardSurvey {
		s, err := NewCardSurvey(Likert5, []string{"waiting time"}, []string{"us", "them"})
		require.NoError(t, err)
		for _, v := range scores {
			require.NoError(t, s.Add(CardResponse{Importance: Ratings(5), Scores: [][]Answer{Ratings(v), nil}}))
		}
		return s
	}
	a, b := month(2, 2, 3, 1, 2, 3, 2, 2), month(3, 4, 3, 2, 4, 3, 4, 3, 5)
	ci := a.ScoreIntervals()
	assert.InDelta(t, 2.125, ci[0][0].Estimate, 1e-15)
	assert.InDelta(t, 1.589219318386385, ci[0][0].Lower, 1e-12)
	assert.InDelta(t, 2.660780681613616, ci[0][0].Upper, 1e-12)
	assert.True(t, math.IsNaN(ci[1][0].Lower), "nobody rated them")

	c, err := CompareCardSurveys(a, b)
	require.NoError(t, err)
	assert.InDelta(t, -3.554930028214494, c[0][0].Statistic, 1e-12)
	assert.InDelta(t, 14.48581383183588, c[0][0].DF, 1e-10)
	assert.InDelta(t, 0.003022061105847084, c[0][0].PValue, 1e-14)
	assert.Equal(t, "", c[1][0].Test)
	assert.True(t, math.IsNaN(c[1][0].PValue))

	other, _ := NewCardSurvey(Likert7, []string{"waiting time"}, []string{"us", "them"})
	_, err = CompareCardSurveys(a, other)
	assert.ErrorIs(t, err, ErrMismatch)
	_, err = CompareCardSurveys(a, &CardSurvey{})
	assert.ErrorIs(t, err, ErrInvalidInstrument)

	// A zero CardSurvey merged with a month becomes that month.
	var z CardSurvey
	require.NoError(t, z.Merge(a))
	assert.Equal(t, fmt.Sprint(a.Samples()), fmt.Sprint(z.Samples())) // NaN-safe
	require.NoError(t, z.Merge(&CardSurvey{}))
	assert.Equal(t, fmt.Sprint(a.Samples()), fmt.Sprint(z.Samples())) // NaN-safe
}

// The overall score's interval: with complete answers it is the t interval
// of each customer's own weighted score, the weights fixed. R:
//
//	imp <- rbind(c(5,4,3),c(4,4,4),c(5,3,2),c(3,5,4),c(4,4,5),c(5,5,3))
//	sc  <- rbind(c(2,4,5),c(3,4,4),c(2,5,4),c(4,3,5),c(3,4,3),c(2,5,5))
//	w <- colMeans(imp)/sum(colMeans(imp)); o <- sc %*% w
//	mean(o); t.test(o)$conf.int   # 3.673611111111111; 3.437371157240519 3.909851064981704
func TestCardSurveyOverallIntervalAgainstR(t *testing.T) {
	s, err := NewCardSurvey(Likert5, []string{"a", "b", "c"}, []string{"us", "them", "new"})
	require.NoError(t, err)
	imp := [][]int{{5, 4, 3}, {4, 4, 4}, {5, 3, 2}, {3, 5, 4}, {4, 4, 5}, {5, 5, 3}}
	sc := [][]int{{2, 4, 5}, {3, 4, 4}, {2, 5, 4}, {4, 3, 5}, {3, 4, 3}, {2, 5, 5}}
	for i := range imp {
		them := Ratings(3+i%2, 4-i%3, 2+i%2)
		var newcomer []Answer
		if i == 0 {
			newcomer = Ratings(4, 4, 4) // rated by one customer: no interval
		}
		require.NoError(t, s.Add(CardResponse{Importance: Ratings(imp[i]...), Scores: [][]Answer{Ratings(sc[i]...), them, newcomer}}))
	}
	ci, err := s.OverallIntervals()
	require.NoError(t, err)
	assert.InDelta(t, 3.673611111111111, ci[0].Estimate, 1e-12)
	assert.InDelta(t, 3.437371157240519, ci[0].Lower, 1e-12)
	assert.InDelta(t, 3.909851064981704, ci[0].Upper, 1e-12)
	// Them, complete too: th <- rbind(c(3,4,2),c(4,3,3),c(3,2,2),c(4,4,3),c(3,3,2),c(4,2,3));
	// o <- th %*% w: 3.034722222222222; 2.537721352190388 3.531723092254056.
	assert.InDelta(t, 3.034722222222222, ci[1].Estimate, 1e-12)
	assert.InDelta(t, 2.537721352190388, ci[1].Lower, 1e-12)
	assert.InDelta(t, 3.531723092254056, ci[1].Upper, 1e-12)
	assert.InDelta(t, 4, ci[2].Estimate, 1e-12)
	assert.True(t, math.IsNaN(ci[2].Lower) && math.IsNaN(ci[2].Upper))
	_, err = (&CardSurvey{}).OverallIntervals()
	assert.ErrorIs(t, err, ErrInvalidInstrument)
}
