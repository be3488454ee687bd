package scorecard

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Validate's bounds: min < max, width ≤ 1000, min ≥ −1000, max ≤ 2000.
func TestScaleValidateBounds(t *testing.T) {
	tests := []struct {
		s  Scale
		ok bool
	}{
		{Scale{1, 5}, true},
		{Scale{3, 3}, false},
		{Scale{5, 1}, false},
		{Scale{0, 1000}, true},
		{Scale{0, 1001}, false},
		{Scale{-1000, -999}, true},
		{Scale{-1001, -1000}, false},
		{Scale{1999, 2000}, true},
		{Scale{1999, 2001}, false},
		{Scale{-500, 500}, true},
	}
	for _, tt := range tests {
		t.Run(tt.s.String(), func(t *testing.T) {
			s, err := NewScale(tt.s.Min, tt.s.Max)
			assert.Equal(t, tt.s, s)
			if tt.ok {
				assert.NoError(t, err)
				return
			}
			assert.ErrorIs(t, err, ErrInvalidScale)
			assert.Contains(t, err.Error(), "scorecard: scale "+tt.s.String())
		})
	}
}

func TestScalePoints(t *testing.T) {
	tests := []struct {
		s            Scale
		in, out      []int
		inF          []float64
		outF         []float64
		mid          float64
		rev, revWant int
	}{
		// 1..5: reverse of 2 is 1 + 5 − 2 = 4; midpoint 3.
		{Likert5, []int{1, 3, 5}, []int{0, 6}, []float64{1, 2.5, 5}, []float64{0.999, 5.001, nan, math.Inf(1)}, 3, 2, 4},
		// 0..10: reverse of 9 is 1; midpoint 5.
		{ZeroToTen, []int{0, 10}, []int{-1, 11}, []float64{0, 10}, []float64{-0.5, 10.5, math.Inf(-1)}, 5, 9, 1},
		// −3..4: midpoint 0.5; reverse of −3 is −3 + 4 + 3 = 4.
		{Scale{-3, 4}, []int{-3, 4}, []int{-4, 5}, []float64{-3, 4}, []float64{-3.5}, 0.5, -3, 4},
	}
	for _, tt := range tests {
		t.Run(tt.s.String(), func(t *testing.T) {
			for _, v := range tt.in {
				assert.True(t, tt.s.Contains(v), "%d", v)
			}
			for _, v := range tt.out {
				assert.False(t, tt.s.Contains(v), "%d", v)
			}
			for _, v := range tt.inF {
				assert.True(t, tt.s.ContainsFloat(v), "%v", v)
			}
			for _, v := range tt.outF {
				assert.False(t, tt.s.ContainsFloat(v), "%v", v)
			}
			assert.Equal(t, tt.mid, tt.s.Midpoint())
			assert.Equal(t, tt.revWant, tt.s.Reverse(tt.rev))
		})
	}
}

func TestAnswerCheck(t *testing.T) {
	tests := []struct {
		a    Answer
		want error
	}{
		{Rated(1), nil},
		{Rated(7), nil},
		{Answer{}, nil},
		{NA(), nil},
		{Rated(0), ErrOutOfRange},
		{Rated(8), ErrOutOfRange},
		{Answer{Value: 3, State: AnswerState(7)}, ErrInvalidValue},
	}
	for _, tt := range tests {
		err := tt.a.check(Likert7, "perception of item", "3")
		if tt.want == nil {
			assert.NoError(t, err, "%+v", tt.a)
			continue
		}
		require.ErrorIs(t, err, tt.want, "%+v", tt.a)
		assert.Contains(t, err.Error(), "scorecard: perception of item 3: ")
	}
	v, ok := Rated(4).Rating()
	assert.True(t, ok)
	assert.Equal(t, 4, v)
	_, ok = NA().Rating()
	assert.False(t, ok)
	assert.Equal(t, []Answer{Rated(2), Rated(5)}, Ratings(2, 5))
}
