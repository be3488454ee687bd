package scorecard

import (
	"fmt"
	"math"
	"slices"
)

// ItemFrequencies is the distribution of one item's answers, as psych's
// response.frequencies: each distinct answer's share of the answers given,
// and the share of rows that left the item blank.
type ItemFrequencies struct {
	Values       []float64 // distinct answers, ascending
	Counts       []int     // how many rows gave each value
	Shares       []float64 // Counts over the answers given (summing to 1)
	Answered     int
	Missing      int     // rows with NaN for this item
	MissingShare float64 // Missing over every row
}

// ResponseFrequencies returns each item's distribution of answers (rows are
// respondents, columns items; NaN is a missing answer). Infinite values and
// ragged rows are errors wrapping [ErrOutOfRange] and [ErrRagged]; no rows,
// [ErrInsufficientData]. Its size grows with the number of distinct answers:
// meant for rating scales, where that is the number of points.
func ResponseFrequencies(rows [][]float64) ([]ItemFrequencies, error) {
	if len(rows) == 0 || len(rows[0]) == 0 {
		return nil, fmt.Errorf("scorecard: response frequencies: no rows or items: %w", ErrInsufficientData)
	}
	k := len(rows[0])
	counts := make([]map[float64]int, k)
	for j := range counts {
		counts[j] = map[float64]int{}
	}
	out := make([]ItemFrequencies, k)
	for i, row := range rows {
		if len(row) != k {
			return nil, fmt.Errorf("scorecard: response frequencies: row %d has %d items, want %d: %w", i+1, len(row), k, ErrRagged)
		}
		for j, v := range row {
			switch {
			case math.IsInf(v, 0):
				return nil, fmt.Errorf("scorecard: response frequencies: row %d, item %d: value %v not finite: %w", i+1, j+1, v, ErrOutOfRange)
			case math.IsNaN(v):
				out[j].Missing++
			default:
				counts[j][v+0]++ // +0 folds −0 into 0
				out[j].Answered++
			}
		}
	}
	for j, c := range counts {
		f := &out[j]
		for v := range c {
			f.Values = append(f.Values, v)
		}
		slices.Sort(f.Values)
		for _, v := range f.Values {
			f.Counts = append(f.Counts, c[v])
			f.Shares = append(f.Shares, float64(c[v])/float64(f.Answered))
		}
		f.MissingShare = float64(f.Missing) / float64(len(rows))
	}
	return out, nil
}
