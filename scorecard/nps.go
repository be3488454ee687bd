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
// identity of [NPS.Merge]. Without survey weights every sum is an exact
// integer, so merged shards equal one pass exactly.
//
// An NPS is not safe for concurrent use; give each goroutine its own.
type NPS struct {
	counts [3]int64 // promoters, passives, detractors
	// Survey weights are kept as their excess over 1, so unweighted
	// answers touch one counter: wx = Σ(w − 1) per group, w2x = Σ(w² − 1).
	wx  [3]float64
	w2x float64
}

// npsGroup maps a score 0–10 to its group: 0 promoter, 1 passive, 2 detractor.
var npsGroup = [11]uint8{2, 2, 2, 2, 2, 2, 2, 1, 1, 0, 0}

// Add records one score. Scores outside 0–10 return an error wrapping
// [ErrOutOfRange] and are not counted. Add does not allocate.
func (n *NPS) Add(score int) error {
	if uint(score) > 10 {
		return npsScoreErr(score)
	}
	n.counts[npsGroup[score]]++
	return nil
}

func npsScoreErr(score int) error {
	return fmt.Errorf("scorecard: nps: score %d outside 0..10: %w", score, ErrOutOfRange)
}

// AddWeighted records one score with a survey weight (finite, > 0; errors
// wrap [ErrInvalidWeights]). Shares use the weights; the standard error uses
// Kish's effective sample size (Σw)²/Σw².
func (n *NPS) AddWeighted(score int, weight float64) error {
	if uint(score) > 10 {
		return npsScoreErr(score)
	}
	if !(weight > 0) || math.IsInf(weight, 0) {
		return fmt.Errorf("scorecard: nps: weight %v: want a finite value > 0: %w", weight, ErrInvalidWeights)
	}
	g := npsGroup[score]
	n.counts[g]++
	if weight != 1 {
		n.wx[g] += weight - 1
		n.w2x += weight*weight - 1
	}
	return nil
}

// Merge adds other's counts to n. A nil other is ignored.
func (n *NPS) Merge(other *NPS) {
	if other == nil {
		return
	}
	for i := range n.counts {
		n.counts[i] += other.counts[i]
		n.wx[i] += other.wx[i]
	}
	n.w2x += other.w2x
}

// weights returns Σw per group and Σw².
func (n *NPS) weights() (w [3]float64, w2 float64) {
	for i := range w {
		w[i] = float64(n.counts[i]) + n.wx[i]
	}
	return w, float64(n.counts[0]+n.counts[1]+n.counts[2]) + n.w2x
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
	// EffectiveN is Kish's effective sample size (Σw)²/Σw², equal to N
	// without survey weights.
	EffectiveN float64
	// PromoterShare and DetractorShare are p and d, fractions in [0, 1]
	// (weighted when survey weights were used); 0 when N is 0.
	PromoterShare, DetractorShare float64
}

// Result returns the score so far.
func (n *NPS) Result() NPSResult {
	r := NPSResult{Promoters: int(n.counts[0]), Passives: int(n.counts[1]), Detractors: int(n.counts[2])}
	r.N = r.Promoters + r.Passives + r.Detractors
	if r.N == 0 {
		r.Score, r.StdErr, r.MarginOfError, r.EffectiveN = math.NaN(), math.NaN(), math.NaN(), 0
		return r
	}
	w, w2 := n.weights()
	total := w[0] + w[1] + w[2]
	p, d := w[0]/total, w[2]/total
	r.EffectiveN = total * total / w2
	r.Score = 100 * (p - d)
	r.PromoterShare, r.DetractorShare = p, d
	r.StdErr = 100 * math.Sqrt(math.Max(p+d-(p-d)*(p-d), 0)/r.EffectiveN)
	r.MarginOfError = z95 * r.StdErr
	return r
}

type npsJSON struct {
	Promoters  int64 `json:"promoters"`
	Passives   int64 `json:"passives"`
	Detractors int64 `json:"detractors"`
	// WeightExcess (Σ(w − 1) per group) and SquaredWeightExcess (Σ(w² − 1))
	// are present only when survey weights other than 1 were used.
	WeightExcess        *[3]float64 `json:"weightExcess,omitempty"`
	SquaredWeightExcess float64     `json:"squaredWeightExcess,omitempty"`
}

// MarshalJSON encodes the accumulator's whole state: counts, and weight
// excesses when survey weights were used, so a distributed engine can ship
// it between workers.
func (n NPS) MarshalJSON() ([]byte, error) {
	j := npsJSON{Promoters: n.counts[0], Passives: n.counts[1], Detractors: n.counts[2]}
	if n.wx != [3]float64{} || n.w2x != 0 {
		wx := n.wx
		j.WeightExcess, j.SquaredWeightExcess = &wx, n.w2x
	}
	return json.Marshal(j)
}

// UnmarshalJSON decodes a state written by MarshalJSON, rejecting negative or
// inconsistent values with [ErrInvalidValue]; on error *n is unchanged.
func (n *NPS) UnmarshalJSON(data []byte) error {
	var j npsJSON
	if err := strictJSON(data, &j); err != nil {
		return fmt.Errorf("scorecard: nps JSON: %w: %w", ErrInvalidValue, err)
	}
	v := NPS{counts: [3]int64{j.Promoters, j.Passives, j.Detractors}}
	if v.counts[0] < 0 || v.counts[1] < 0 || v.counts[2] < 0 || v.counts[0]+v.counts[1]+v.counts[2] > 1<<53 {
		return fmt.Errorf("scorecard: nps JSON: counts %v: %w", v.counts, ErrInvalidValue)
	}
	if j.WeightExcess != nil {
		v.wx, v.w2x = *j.WeightExcess, j.SquaredWeightExcess
	}
	w, w2 := v.weights()
	for i := range w {
		// every weight > 0, so Σw > 0 exactly when the group has answers
		if !finite(v.wx[i]) || (v.counts[i] > 0) != (w[i] > 0) || v.counts[i] == 0 && v.wx[i] != 0 {
			return fmt.Errorf("scorecard: nps JSON: weight excess %v for %d answers: %w", v.wx[i], v.counts[i], ErrInvalidValue)
		}
	}
	total := w[0] + w[1] + w[2]
	if !finite(v.w2x) || (total > 0) != (w2 > 0) || total == 0 && v.w2x != 0 || w2 > total*total*(1+1e-9) {
		return fmt.Errorf("scorecard: nps JSON: squared weight excess %v: %w", v.w2x, ErrInvalidValue)
	}
	*n = v
	return nil
}

// NPSComparison compares two independent NPS samples.
type NPSComparison struct {
	Difference float64 // a.Score − b.Score, in points
	// StdErr is the adjusted-Wald standard error of the difference, in
	// points: each sample's shares with ¾ promoter and ¾ detractor added
	// and its (effective) size n + 3 (Rocks, 2016).
	StdErr        float64
	MarginOfError float64 // 1.96 × StdErr
	// Z is the difference of the adjusted scores over StdErr.
	Z           float64
	PValue      float64 // two-sided, normal approximation
	Significant bool    // PValue < 0.05
}

// CompareNPS tests whether two NPS values from independent samples differ,
// with the adjusted-Wald form that Rocks (2016, The American Statistician
// 70(4)) found best among NPS intervals: each sample gains ¾ of a promoter,
// ¾ of a detractor and 1½ passives (n + 3), so unanimous samples (all
// promoters against all detractors) still have a finite standard error and
// a definite answer. It returns an error wrapping [ErrInsufficientData] if
// either sample is empty, and [ErrInvalidValue] if a result holds a value
// that is not finite or shares that do not match its score.
func CompareNPS(a, b NPSResult) (NPSComparison, error) {
	if a.N <= 0 || b.N <= 0 {
		return NPSComparison{}, fmt.Errorf("scorecard: compare nps: sample sizes %d and %d: %w", a.N, b.N, ErrInsufficientData)
	}
	sa, err := a.adjusted("first")
	if err != nil {
		return NPSComparison{}, err
	}
	sb, err := b.adjusted("second")
	if err != nil {
		return NPSComparison{}, err
	}
	se := 100 * math.Sqrt(sa.variance+sb.variance)
	c := NPSComparison{Difference: a.Score - b.Score, StdErr: se, MarginOfError: z95 * se}
	c.Z = 100 * (sa.score - sb.score) / se
	c.PValue = math.Erfc(math.Abs(c.Z) / math.Sqrt2)
	c.Significant = c.PValue < 0.05
	return c, nil
}

type adjustedNPS struct{ score, variance float64 }

// adjusted returns the adjusted-Wald score (a fraction) and its variance.
func (r NPSResult) adjusted(which string) (adjustedNPS, error) {
	p, d := r.PromoterShare, r.DetractorShare
	if p == 0 && d == 0 && r.Promoters+r.Detractors > 0 { // built by hand: counts only
		p, d = float64(r.Promoters)/float64(r.N), float64(r.Detractors)/float64(r.N)
	}
	n := r.EffectiveN
	if n == 0 {
		n = float64(r.N)
	}
	if !finite(r.Score, r.StdErr, p, d, n) || p < 0 || d < 0 || p+d > 1+1e-9 || n <= 0 ||
		math.Abs(100*(p-d)-r.Score) > 1e-6 {
		return adjustedNPS{}, fmt.Errorf("scorecard: compare nps: %s sample: score %v, standard error %v, shares %v and %v, n %v: %w",
			which, r.Score, r.StdErr, p, d, n, ErrInvalidValue)
	}
	na := n + 3
	pa, da := (p*n+0.75)/na, (d*n+0.75)/na
	return adjustedNPS{pa - da, (pa + da - (pa-da)*(pa-da)) / na}, nil
}

// CompareNPSSegments tests whether the mix of promoters, passives and
// detractors differs across several segments (branches, channels, months)
// with Pearson's chi-square test on the segments' counts (see
// [ChiSquareTest]; survey weights are not used). It needs at least two
// segments with answers.
func CompareNPSSegments(segments ...NPSResult) (TestResult, error) {
	table := make([][]float64, len(segments))
	for i, s := range segments {
		if s.Promoters < 0 || s.Passives < 0 || s.Detractors < 0 {
			return TestResult{}, fmt.Errorf("scorecard: compare nps segments: segment %d: negative count: %w", i+1, ErrInvalidValue)
		}
		table[i] = []float64{float64(s.Promoters), float64(s.Passives), float64(s.Detractors)}
	}
	r, err := ChiSquareTest(table)
	if err != nil {
		return TestResult{}, fmt.Errorf("scorecard: compare nps segments: %w", err)
	}
	return r, nil
}
