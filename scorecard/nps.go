package scorecard

import (
	"encoding/json"
	"fmt"
	"math"
)

// z95 is the two-sided 95 % normal quantile.
const z95 = 1.959963984540054

// NPS accumulates answers to "how likely are you to recommend us?" on the
// 0–10 scale: promoters answer 9–10, passives 7–8, detractors 0–6 (Reichheld,
// 2003). The zero value is an empty accumulator, ready to use and the
// identity of [NPS.Merge]. Counts are integers, so merged shards equal one
// pass exactly.
//
// An NPS is not safe for concurrent use; give each goroutine its own.
type NPS struct {
	promoters, passives, detractors int64
}

// Add records one score. Scores outside 0–10 return an error wrapping
// [ErrOutOfRange] and are not counted. Add does not allocate.
func (n *NPS) Add(score int) error {
	switch {
	case score < 0 || score > 10:
		return fmt.Errorf("scorecard: nps: score %d outside 0..10: %w", score, ErrOutOfRange)
	case score >= 9:
		n.promoters++
	case score >= 7:
		n.passives++
	default:
		n.detractors++
	}
	return nil
}

// Merge adds other's counts to n. A nil other is ignored.
func (n *NPS) Merge(other *NPS) {
	if other == nil {
		return
	}
	n.promoters += other.promoters
	n.passives += other.passives
	n.detractors += other.detractors
}

// NPSResult is a Net Promoter Score with its sampling error. Score, StdErr
// and MarginOfError are in points (−100 … 100); all three are NaN when N is 0.
type NPSResult struct {
	Score                           float64 // 100 × (p − d), p and d the promoter and detractor shares
	Promoters, Passives, Detractors int
	N                               int
	// StdErr is 100 × √((p + d − (p − d)²) / n): each answer is +1, 0 or −1
	// and this is the standard error of their mean (trinomial variance).
	StdErr float64
	// MarginOfError is the half-width of the 95 % normal interval, 1.96 × StdErr.
	MarginOfError float64
}

// Result returns the score so far.
func (n *NPS) Result() NPSResult {
	r := NPSResult{Promoters: int(n.promoters), Passives: int(n.passives), Detractors: int(n.detractors)}
	r.N = r.Promoters + r.Passives + r.Detractors
	if r.N == 0 {
		r.Score, r.StdErr, r.MarginOfError = math.NaN(), math.NaN(), math.NaN()
		return r
	}
	nn := float64(r.N)
	p, d := float64(r.Promoters)/nn, float64(r.Detractors)/nn
	r.Score = 100 * (p - d)
	r.StdErr = 100 * math.Sqrt(math.Max(p+d-(p-d)*(p-d), 0)/nn)
	r.MarginOfError = z95 * r.StdErr
	return r
}

type npsJSON struct {
	Promoters  int64 `json:"promoters"`
	Passives   int64 `json:"passives"`
	Detractors int64 `json:"detractors"`
}

// MarshalJSON encodes the accumulator's counts, so a distributed engine can
// ship it between workers.
func (n NPS) MarshalJSON() ([]byte, error) {
	return json.Marshal(npsJSON{n.promoters, n.passives, n.detractors})
}

// UnmarshalJSON decodes counts written by MarshalJSON, rejecting negative
// ones with [ErrInvalidValue]; on error *n is unchanged.
func (n *NPS) UnmarshalJSON(data []byte) error {
	var j npsJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return fmt.Errorf("scorecard: nps JSON: %w: %w", ErrInvalidValue, err)
	}
	if j.Promoters < 0 || j.Passives < 0 || j.Detractors < 0 {
		return fmt.Errorf("scorecard: nps JSON: negative count (%d, %d, %d): %w", j.Promoters, j.Passives, j.Detractors, ErrInvalidValue)
	}
	*n = NPS{j.Promoters, j.Passives, j.Detractors}
	return nil
}

// NPSComparison compares two independent NPS samples.
type NPSComparison struct {
	Difference    float64 // a.Score − b.Score, in points
	StdErr        float64 // √(SE_a² + SE_b²)
	MarginOfError float64 // 1.96 × StdErr
	Z             float64 // Difference / StdErr
	PValue        float64 // two-sided, normal approximation
	Significant   bool    // PValue < 0.05
}

// CompareNPS tests whether two NPS values from independent samples differ.
// It returns an error wrapping [ErrInsufficientData] if either sample is
// empty or both have zero variance.
func CompareNPS(a, b NPSResult) (NPSComparison, error) {
	if a.N == 0 || b.N == 0 {
		return NPSComparison{}, fmt.Errorf("scorecard: compare nps: sample sizes %d and %d: %w", a.N, b.N, ErrInsufficientData)
	}
	se := math.Hypot(a.StdErr, b.StdErr)
	if se == 0 {
		return NPSComparison{}, fmt.Errorf("scorecard: compare nps: both samples have zero variance: %w", ErrInsufficientData)
	}
	c := NPSComparison{Difference: a.Score - b.Score, StdErr: se, MarginOfError: z95 * se}
	c.Z = c.Difference / se
	c.PValue = math.Erfc(math.Abs(c.Z) / math.Sqrt2)
	c.Significant = c.PValue < 0.05
	return c, nil
}
