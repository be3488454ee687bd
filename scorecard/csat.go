package scorecard

import (
	"encoding/json"
	"fmt"
	"math"
)

// CSAT accumulates customer-satisfaction ratings and reports the top-2-box
// share: the proportion of answers in the scale's two highest points. The
// zero value uses the five-point scale [Likert5]; use [NewCSAT] for another.
// Without survey weights every sum is an exact integer and merging is exact.
type CSAT struct {
	scale          Scale
	n, top2        int64
	w, wTop2, wSum float64 // Σw, Σw over top-2 answers, Σw·score
	w2             float64 // Σw²
}

// NewCSAT returns an empty accumulator on scale s, or an error wrapping
// [ErrInvalidScale]. The scale needs at least three points: on a two-point
// scale (0..1) the top two boxes hold every answer.
func NewCSAT(s Scale) (*CSAT, error) {
	if err := validCSATScale(s); err != nil {
		return nil, err
	}
	return &CSAT{scale: s}, nil
}

func validCSATScale(s Scale) error {
	if err := s.Validate(); err != nil {
		return err
	}
	if s.Max-s.Min < 2 {
		return fmt.Errorf("scorecard: csat: scale %s has %d points, want at least 3 (top-2-box would count every answer): %w", s, s.Max-s.Min+1, ErrInvalidScale)
	}
	return nil
}

// Scale returns the accumulator's scale.
func (c *CSAT) Scale() Scale {
	if c.scale == (Scale{}) {
		return Likert5
	}
	return c.scale
}

// Add records one rating, or returns an error wrapping [ErrOutOfRange]. It
// does not allocate.
func (c *CSAT) Add(score int) error { return c.AddWeighted(score, 1) }

// AddWeighted records one rating with a survey weight (finite, > 0; errors
// wrap [ErrInvalidWeights]).
func (c *CSAT) AddWeighted(score int, weight float64) error {
	s := c.Scale()
	if !s.Contains(score) {
		return fmt.Errorf("scorecard: csat: score %d outside scale %s: %w", score, s, ErrOutOfRange)
	}
	if !(weight > 0) || math.IsInf(weight, 0) {
		return fmt.Errorf("scorecard: csat: weight %v: want a finite value > 0: %w", weight, ErrInvalidWeights)
	}
	c.scale = s
	c.n++
	c.w += weight
	c.w2 += weight * weight
	if score >= s.Max-1 {
		c.top2++
		c.wTop2 += weight
	}
	c.wSum += weight * float64(score)
	return nil
}

// Merge adds other's ratings. Both must use the same scale (an empty
// accumulator merges with anything), otherwise it returns an error wrapping
// [ErrMismatch] and leaves c unchanged.
func (c *CSAT) Merge(other *CSAT) error {
	if other == nil || other.n == 0 {
		return nil
	}
	if c.n == 0 {
		c.scale = other.Scale()
	}
	if c.Scale() != other.Scale() {
		return fmt.Errorf("scorecard: csat merge: scales %s and %s: %w", c.Scale(), other.Scale(), ErrMismatch)
	}
	c.scale = other.Scale()
	c.n += other.n
	c.top2 += other.top2
	c.w += other.w
	c.wTop2 += other.wTop2
	c.wSum += other.wSum
	c.w2 += other.w2
	return nil
}

// CSATResult is the satisfaction summary. Shares are fractions in [0, 1];
// values are NaN when N is 0.
type CSATResult struct {
	N       int
	Mean    float64
	TopTwo  float64 // share of answers in the two highest points (top-2-box)
	StdErr  float64 // standard error of TopTwo, √(p(1−p)/n), n the effective sample size
	TopTwoN int
}

// Result returns the summary so far.
func (c *CSAT) Result() CSATResult {
	r := CSATResult{N: int(c.n), TopTwoN: int(c.top2), Mean: math.NaN(), TopTwo: math.NaN(), StdErr: math.NaN()}
	if c.n == 0 {
		return r
	}
	r.Mean = c.wSum / c.w
	r.TopTwo = c.wTop2 / c.w
	neff := c.w * c.w / c.w2
	r.StdErr = math.Sqrt(r.TopTwo * (1 - r.TopTwo) / neff)
	return r
}

type csatJSON struct {
	Scale  Scale   `json:"scale"`
	N      int64   `json:"n"`
	Top2   int64   `json:"top2"`
	Weight float64 `json:"weight"`
	WTop2  float64 `json:"weightTop2"`
	WSum   float64 `json:"weightedSum"`
	W2     float64 `json:"sumSquares"`
}

// MarshalJSON encodes the accumulator's state.
func (c CSAT) MarshalJSON() ([]byte, error) {
	return json.Marshal(csatJSON{c.Scale(), c.n, c.top2, c.w, c.wTop2, c.wSum, c.w2})
}

// UnmarshalJSON decodes and validates a state written by MarshalJSON; on
// error *c is unchanged.
func (c *CSAT) UnmarshalJSON(data []byte) error {
	var j csatJSON
	if err := strictJSON(data, &j); err != nil {
		return fmt.Errorf("scorecard: csat JSON: %w: %w", ErrInvalidValue, err)
	}
	if err := validCSATScale(j.Scale); err != nil {
		return err
	}
	finite := func(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) && v >= 0 }
	ok := j.N >= 0 && j.Top2 >= 0 && j.Top2 <= j.N && finite(j.Weight) && finite(j.WTop2) && finite(j.W2) &&
		j.WTop2 <= j.Weight && (j.N > 0) == (j.Weight > 0) && (j.N > 0) == (j.W2 > 0) &&
		j.WSum >= float64(j.Scale.Min)*j.Weight-1e-9*j.Weight && j.WSum <= float64(j.Scale.Max)*j.Weight+1e-9*j.Weight
	if !ok {
		return fmt.Errorf("scorecard: csat JSON: inconsistent state n=%d top2=%d weight=%v: %w", j.N, j.Top2, j.Weight, ErrInvalidValue)
	}
	*c = CSAT{scale: j.Scale, n: j.N, top2: j.Top2, w: j.Weight, wTop2: j.WTop2, wSum: j.WSum, w2: j.W2}
	return nil
}

// CES accumulates Customer Effort Score answers on the 1–7 agreement scale
// ("the company made it easy to handle my issue"). The zero value is ready to
// use; without survey weights its sums are exact integers.
type CES struct {
	n, easy        int64
	w, wEasy, wSum float64
}

// Add records one answer in 1..7, or returns an error wrapping
// [ErrOutOfRange]. It does not allocate.
func (c *CES) Add(score int) error { return c.AddWeighted(score, 1) }

// AddWeighted records one answer with a survey weight (finite, > 0; errors
// wrap [ErrInvalidWeights]).
func (c *CES) AddWeighted(score int, weight float64) error {
	if score < 1 || score > 7 {
		return fmt.Errorf("scorecard: ces: score %d outside 1..7: %w", score, ErrOutOfRange)
	}
	if !(weight > 0) || math.IsInf(weight, 0) {
		return fmt.Errorf("scorecard: ces: weight %v: want a finite value > 0: %w", weight, ErrInvalidWeights)
	}
	c.n++
	c.w += weight
	c.wSum += weight * float64(score)
	if score >= 5 {
		c.easy++
		c.wEasy += weight
	}
	return nil
}

// Merge adds other's answers to c.
func (c *CES) Merge(other *CES) {
	if other == nil {
		return
	}
	c.n += other.n
	c.easy += other.easy
	c.w += other.w
	c.wEasy += other.wEasy
	c.wSum += other.wSum
}

// CESResult is the effort summary; NaN values when N is 0.
type CESResult struct {
	N     int
	Mean  float64 // mean answer, 1–7 (higher is easier)
	Easy  float64 // share of answers 5–7 (somewhat agree or better)
	EasyN int
}

// Result returns the summary so far.
func (c *CES) Result() CESResult {
	r := CESResult{N: int(c.n), EasyN: int(c.easy), Mean: math.NaN(), Easy: math.NaN()}
	if c.n > 0 {
		r.Mean = c.wSum / c.w
		r.Easy = c.wEasy / c.w
	}
	return r
}
