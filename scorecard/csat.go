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
	wSq            float64 // Σw·score²
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
	c.wSq += weight * float64(score*score)
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
	c.wSq += other.wSq
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
	// SD is the standard deviation of the ratings (with survey weights, the
	// weighted variance scaled by n/(n − 1), n the effective sample size);
	// NaN below two answers.
	SD float64
	// EffectiveN is Kish's effective sample size (Σw)²/Σw², N without
	// survey weights.
	EffectiveN float64
	// MeanCI is the 95 % t interval of Mean (NaN bounds below two answers);
	// TopTwoCI the 95 % Wilson interval of TopTwo on EffectiveN answers.
	MeanCI, TopTwoCI Interval
}

// Result returns the summary so far.
func (c *CSAT) Result() CSATResult {
	r := CSATResult{N: int(c.n), TopTwoN: int(c.top2), Mean: math.NaN(), TopTwo: math.NaN(), StdErr: math.NaN(), SD: math.NaN(),
		MeanCI: nanInterval(), TopTwoCI: nanInterval()}
	if c.n == 0 {
		return r
	}
	r.Mean = c.wSum / c.w
	r.TopTwo = c.wTop2 / c.w
	r.EffectiveN = c.w * c.w / c.w2
	r.StdErr = math.Sqrt(r.TopTwo * (1 - r.TopTwo) / r.EffectiveN)
	r.SD = weightedSD(c.w, c.wSum, c.wSq, r.EffectiveN, float64(c.Scale().Min))
	if ci, err := MeanCI(Sample{r.EffectiveN, r.Mean, r.SD}, 0.95); err == nil {
		r.MeanCI = ci
	}
	if ci, err := WilsonCI(r.TopTwo*r.EffectiveN, r.EffectiveN, 0.95); err == nil {
		r.TopTwoCI = ci
	}
	return r
}

func nanInterval() Interval {
	return Interval{Estimate: math.NaN(), Lower: math.NaN(), Upper: math.NaN(), Level: 0.95}
}

// weightedSD returns the standard deviation of values of weight sum w,
// weighted sum s and weighted sum of squares sq, scaled by neff/(neff − 1);
// origin is a value near the data, subtracted before the squares cancel.
// NaN when neff ≤ 1.
func weightedSD(w, s, sq, neff, origin float64) float64 {
	if !(neff > 1) {
		return math.NaN()
	}
	m := s / w
	d := m - origin
	// Σw(x − m)² = Σw·x² − w·m², computed as (Σw·x² − 2·origin·Σw·x + w·origin²) − w·d².
	ss := sq - 2*origin*s + w*origin*origin - w*d*d
	return math.Sqrt(math.Max(ss, 0) / w * neff / (neff - 1))
}

// CSATComparison compares two CSAT results: the top-2-box shares with the
// two-proportion z test and the means with Welch's t test, both on the
// effective sample sizes.
type CSATComparison struct {
	TopTwo, Mean TestResult
}

// CompareCSAT tests whether two periods or segments differ (see
// [TwoProportionTest] and [WelchTest] for the errors).
func CompareCSAT(a, b CSATResult) (CSATComparison, error) {
	top, err := TwoProportionTest(a.TopTwo*a.EffectiveN, a.EffectiveN, b.TopTwo*b.EffectiveN, b.EffectiveN)
	if err != nil {
		return CSATComparison{}, fmt.Errorf("scorecard: compare csat: top-2-box: %w", err)
	}
	mean, err := WelchTest(Sample{a.EffectiveN, a.Mean, a.SD}, Sample{b.EffectiveN, b.Mean, b.SD})
	if err != nil {
		return CSATComparison{}, fmt.Errorf("scorecard: compare csat: mean: %w", err)
	}
	return CSATComparison{TopTwo: top, Mean: mean}, nil
}

type csatJSON struct {
	Scale  Scale   `json:"scale"`
	N      int64   `json:"n"`
	Top2   int64   `json:"top2"`
	Weight float64 `json:"weight"`
	WTop2  float64 `json:"weightTop2"`
	WSum   float64 `json:"weightedSum"`
	W2     float64 `json:"sumSquares"`
	WSq    float64 `json:"weightedSumSquares"`
}

// MarshalJSON encodes the accumulator's state.
func (c CSAT) MarshalJSON() ([]byte, error) {
	return json.Marshal(csatJSON{c.Scale(), c.n, c.top2, c.w, c.wTop2, c.wSum, c.w2, c.wSq})
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
		j.WSum >= float64(j.Scale.Min)*j.Weight-1e-9*j.Weight && j.WSum <= float64(j.Scale.Max)*j.Weight+1e-9*j.Weight &&
		squaresInRange(j.WSq, j.WSum, j.Weight, j.Scale)
	if !ok {
		return fmt.Errorf("scorecard: csat JSON: inconsistent state n=%d top2=%d weight=%v: %w", j.N, j.Top2, j.Weight, ErrInvalidValue)
	}
	*c = CSAT{scale: j.Scale, n: j.N, top2: j.Top2, w: j.Weight, wTop2: j.WTop2, wSum: j.WSum, w2: j.W2, wSq: j.WSq}
	return nil
}

// CES accumulates Customer Effort Score answers on the 1–7 agreement scale
// ("the company made it easy to handle my issue"). The zero value is ready to
// use; without survey weights its sums are exact integers.
type CES struct {
	n, easy        int64
	w, wEasy, wSum float64
	w2, wSq        float64 // Σw², Σw·score²
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
	c.w2 += weight * weight
	c.wSq += weight * float64(score*score)
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
	c.w2 += other.w2
	c.wSq += other.wSq
}

// CESResult is the effort summary; NaN values when N is 0.
type CESResult struct {
	N     int
	Mean  float64 // mean answer, 1–7 (higher is easier)
	Easy  float64 // share of answers 5–7 (somewhat agree or better)
	EasyN int
	// SD is the standard deviation of the answers (NaN below two);
	// EffectiveN Kish's effective sample size (N without survey weights).
	SD, EffectiveN float64
	// MeanCI is the 95 % t interval of Mean, EasyCI the 95 % Wilson
	// interval of Easy (NaN bounds without enough answers).
	MeanCI, EasyCI Interval
}

// Result returns the summary so far.
func (c *CES) Result() CESResult {
	r := CESResult{N: int(c.n), EasyN: int(c.easy), Mean: math.NaN(), Easy: math.NaN(), SD: math.NaN(),
		MeanCI: nanInterval(), EasyCI: nanInterval()}
	if c.n == 0 {
		return r
	}
	r.Mean = c.wSum / c.w
	r.Easy = c.wEasy / c.w
	r.EffectiveN = c.w * c.w / c.w2
	r.SD = weightedSD(c.w, c.wSum, c.wSq, r.EffectiveN, 1)
	if ci, err := MeanCI(Sample{r.EffectiveN, r.Mean, r.SD}, 0.95); err == nil {
		r.MeanCI = ci
	}
	if ci, err := WilsonCI(r.Easy*r.EffectiveN, r.EffectiveN, 0.95); err == nil {
		r.EasyCI = ci
	}
	return r
}

// CESComparison compares two CES results: the easy shares with the
// two-proportion z test and the means with Welch's t test.
type CESComparison struct {
	Easy, Mean TestResult
}

// CompareCES tests whether two periods or segments differ (see
// [TwoProportionTest] and [WelchTest] for the errors).
func CompareCES(a, b CESResult) (CESComparison, error) {
	easy, err := TwoProportionTest(a.Easy*a.EffectiveN, a.EffectiveN, b.Easy*b.EffectiveN, b.EffectiveN)
	if err != nil {
		return CESComparison{}, fmt.Errorf("scorecard: compare ces: easy share: %w", err)
	}
	mean, err := WelchTest(Sample{a.EffectiveN, a.Mean, a.SD}, Sample{b.EffectiveN, b.Mean, b.SD})
	if err != nil {
		return CESComparison{}, fmt.Errorf("scorecard: compare ces: mean: %w", err)
	}
	return CESComparison{Easy: easy, Mean: mean}, nil
}

// squaresInRange reports whether a weighted sum of squares sq is consistent
// with weighted sum s of weight w on scale sc: between w·mean² and the
// largest square times w (with slack for rounding).
func squaresInRange(sq, s, w float64, sc Scale) bool {
	if w == 0 {
		return sq == 0
	}
	lo, hi := float64(sc.Min), float64(sc.Max)
	top := math.Max(lo*lo, hi*hi) * w
	m := s / w
	slack := 1e-9 * (1 + math.Abs(sq))
	return finite(sq) && sq >= 0 && sq <= top+slack && sq >= m*m*w-slack
}
