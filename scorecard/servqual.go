package scorecard

import (
	"fmt"
	"math"
)

// Allocation is a respondent's 100-point importance allocation over the five
// SERVQUAL dimensions, indexed by [Dimension]−1 ([DimTangibles] first). The zero
// value means "not asked"; a given allocation must be non-negative, finite and
// sum to 100.
type Allocation [NumDimensions]float64

// IsZero reports whether no points were allocated.
func (a Allocation) IsZero() bool { return a == Allocation{} }

// Validate reports whether the allocation is empty or a proper 100-point
// allocation.
func (a Allocation) Validate() error {
	if a.IsZero() {
		return nil
	}
	sum := 0.0
	for i, w := range a {
		if math.IsNaN(w) || math.IsInf(w, 0) || w < 0 {
			return fmt.Errorf("scorecard: importance of %s: %v points: want a finite value ≥ 0: %w", Dimension(i+1), w, ErrInvalidWeights)
		}
		sum += w
	}
	if math.Abs(sum-100) > 1e-9 {
		return fmt.Errorf("scorecard: importance allocation sums to %v points, want 100: %w", sum, ErrInvalidWeights)
	}
	return nil
}

// ServqualResponse is one respondent's questionnaire: expectations and
// perceptions per item of the instrument, in item order. Leave Expectations
// nil for a perceptions-only (SERVPERF) questionnaire.
type ServqualResponse struct {
	Expectations []Answer   // what an excellent company would offer (expectativas); nil for SERVPERF
	Perceptions  []Answer   // what this company offers (percepciones)
	Importance   Allocation // optional 100-point allocation over the dimensions
	Phase        Phase      // metadata: before, during or after the transaction
	Source       Source     // metadata: which measurement system collected it
	// Weight is the respondent's survey weight (0 means 1): a respondent of
	// weight 2 counts as two in every mean. It must be finite and ≥ 0.
	Weight float64
}

// itemSums holds counts and weighted sums of one item. With unit weights
// and integer ratings every float64 sum is an exact integer (below 2⁵³).
type itemSums struct {
	nE, nP, nG           int64   // answers counted
	wE, wP, wG           float64 // Σ weights
	sE, sP, sPP, sG, sGG float64 // Σ w·x, Σ w·x²
}

func (s *itemSums) merge(o *itemSums) {
	s.nE += o.nE
	s.nP += o.nP
	s.nG += o.nG
	s.wE += o.wE
	s.wP += o.wP
	s.wG += o.wG
	s.sE += o.sE
	s.sP += o.sP
	s.sPP += o.sPP
	s.sG += o.sG
	s.sGG += o.sGG
}

// Servqual accumulates questionnaires of one [Instrument] and scores them
// with SERVQUAL (gap = perception − expectation) and SERVPERF (perceptions
// only). The zero value is ready to use with [DefaultServqual]; use
// [NewServqual] for another instrument. Without survey weights every sum is
// an exact integer, so merging shards gives exactly the one-pass item and
// dimension scores; the respondent-level gaps (each respondent's mean over a
// dimension, behind the intervals and tests), the importance-weighted scores
// and survey-weighted sums are float64 sums of fractions, equal up to
// rounding. The size is fixed by the instrument: O(items), whatever the
// number of respondents.
//
// A Servqual is not safe for concurrent use; give each goroutine its own and
// [Servqual.Merge] them.
type Servqual struct {
	in          *Instrument
	items       []itemSums
	respondents int64
	// importance-weighted scores: Σ over respondents of weight·Σ_d w_d/100·mean_d
	wGapSum, wPerfSum float64
	wGapW, wPerfW     float64 // Σ survey weights of the respondents counted
	wGapN, wPerfN     int64
	impSum            Allocation // Σ weight·allocation
	impW              float64
	impN              int64
	// respondent-level gaps per dimension and overall (for intervals and tests)
	dimGap [NumDimensions]dimSums
	allGap dimSums
	// unweighted respondents not yet flushed into items (see servqual_fast.go)
	pend  []pendingItem
	pendN int
}

// NewServqual returns an empty accumulator for instrument in (nil means
// [DefaultServqual]).
func NewServqual(in *Instrument) *Servqual {
	if in == nil {
		in = defaultServqual
	}
	return &Servqual{in: in, items: make([]itemSums, in.Len())}
}

// Instrument returns the accumulator's instrument.
func (s *Servqual) Instrument() *Instrument {
	if s.in == nil {
		return defaultServqual
	}
	return s.in
}

func (s *Servqual) init() {
	if s.in == nil {
		s.in = defaultServqual
	}
	if s.items == nil {
		s.items = make([]itemSums, s.in.Len())
	}
}

// Add scores one respondent. It returns an error wrapping [ErrRagged] when a
// slice's length differs from the instrument's, [ErrOutOfRange] for a rating
// outside the scale, [ErrInvalidWeights] for a bad allocation or weight, or
// [ErrInvalidValue] for undefined metadata; a rejected response leaves the
// accumulator unchanged. Add does not allocate (after the first call).
func (s *Servqual) Add(r ServqualResponse) error {
	s.init()
	in := s.in
	k := in.Len()
	if k == 0 {
		return fmt.Errorf("scorecard: servqual: instrument %q has no items: %w", in.Name(), ErrInvalidInstrument)
	}
	if len(r.Perceptions) != k {
		return fmt.Errorf("scorecard: servqual response: %d perceptions for %d items: %w", len(r.Perceptions), k, ErrRagged)
	}
	if r.Expectations != nil && len(r.Expectations) != k {
		return fmt.Errorf("scorecard: servqual response: %d expectations for %d items: %w", len(r.Expectations), k, ErrRagged)
	}
	w, err := r.checkMeta()
	if err != nil {
		return err
	}
	if w == 1 && in.fast != nil && s.addFast(&r) {
		return nil
	}
	for i := range k {
		if err := r.Perceptions[i].check(in.scale, "perception of item", in.items[i].ID); err != nil {
			return err
		}
		if r.Expectations != nil {
			if err := r.Expectations[i].check(in.scale, "expectation of item", in.items[i].ID); err != nil {
				return err
			}
		}
	}
	s.addSlow(&r, w)
	return nil
}

// checkMeta validates the allocation, weight, phase and source, and returns
// the weight (0 means 1).
func (r *ServqualResponse) checkMeta() (float64, error) {
	sum, ok := 0.0, true
	for _, pts := range r.Importance {
		ok = ok && pts >= 0 && pts <= 100 // false for NaN
		sum += pts
	}
	if !ok || (sum != 0 && math.Abs(sum-100) > 1e-9) {
		if err := r.Importance.Validate(); err != nil {
			return 0, err
		}
		return 0, fmt.Errorf("scorecard: importance allocation %v: want points in 0..100 summing to 100: %w", r.Importance, ErrInvalidWeights)
	}
	w := r.Weight
	if math.IsNaN(w) || math.IsInf(w, 0) || w < 0 {
		return 0, fmt.Errorf("scorecard: servqual response: weight %v: want a finite value ≥ 0: %w", w, ErrInvalidWeights)
	}
	if w == 0 {
		w = 1
	}
	if !r.Phase.IsValid() {
		return 0, fmt.Errorf("scorecard: servqual response: phase %d undefined: %w", r.Phase, ErrInvalidValue)
	}
	if !r.Source.IsValid() {
		return 0, fmt.Errorf("scorecard: servqual response: source %d undefined: %w", r.Source, ErrInvalidValue)
	}
	return w, nil
}

// addSlow scores a checked respondent of weight w into the float64 sums.
func (s *Servqual) addSlow(r *ServqualResponse, w float64) {
	in := s.in
	var gapSum, perfSum [NumDimensions]int64
	var gapN, perfN [NumDimensions]int64
	for i := range in.Len() {
		it := &in.items[i]
		acc := &s.items[i]
		d := it.Dimension - 1
		p, pok := r.Perceptions[i].Rating()
		if pok {
			if it.Reverse {
				p = in.scale.Reverse(p)
			}
			fp := float64(p)
			acc.nP++
			acc.wP += w
			acc.sP += w * fp
			acc.sPP += w * fp * fp
			perfSum[d] += int64(p)
			perfN[d]++
		}
		if r.Expectations == nil {
			continue
		}
		e, eok := r.Expectations[i].Rating()
		if !eok {
			continue
		}
		if it.Reverse {
			e = in.scale.Reverse(e)
		}
		acc.nE++
		acc.wE += w
		acc.sE += w * float64(e)
		if pok {
			g := int64(p - e)
			fg := float64(g)
			acc.nG++
			acc.wG += w
			acc.sG += w * fg
			acc.sGG += w * fg * fg
			gapSum[d] += g
			gapN[d]++
		}
	}
	s.addScores(r, &gapSum, &gapN, &perfSum, &perfN, w)
}

// addScores counts the respondent and adds their respondent-level gaps and
// importance-weighted scores.
func (s *Servqual) addScores(r *ServqualResponse, gapSum, gapN, perfSum, perfN *[NumDimensions]int64, w float64) {
	s.respondents++
	var gap, perf [NumDimensions]float64 // the respondent's dimension means (NaN: none)
	if r.Expectations != nil {
		tot, nd := 0.0, 0
		for d := range NumDimensions {
			gap[d] = math.NaN()
			if gapN[d] > 0 {
				g := float64(gapSum[d]) / float64(gapN[d])
				gap[d] = g
				s.dimGap[d].add(g, w)
				tot += g
				nd++
			}
		}
		if nd > 0 {
			s.allGap.add(tot/float64(nd), w)
		}
	}
	if r.Importance == (Allocation{}) {
		return
	}
	s.impN++
	s.impW += w
	for d, pts := range r.Importance {
		s.impSum[d] += w * pts
	}
	if v, ok := weighted(&r.Importance, &gap); ok && r.Expectations != nil {
		s.wGapSum += w * v
		s.wGapW += w
		s.wGapN++
	}
	for d := range NumDimensions {
		perf[d] = math.NaN()
		if perfN[d] > 0 && r.Importance[d] != 0 {
			perf[d] = float64(perfSum[d]) / float64(perfN[d])
		}
	}
	if v, ok := weighted(&r.Importance, &perf); ok {
		s.wPerfSum += w * v
		s.wPerfW += w
		s.wPerfN++
	}
}

// weighted returns Σ_d w_d/100 · mean_d, and false when a dimension with a
// positive weight has no mean (NaN).
func weighted(w *Allocation, mean *[NumDimensions]float64) (float64, bool) {
	v := 0.0
	for d := range NumDimensions {
		if w[d] == 0 {
			continue
		}
		if math.IsNaN(mean[d]) {
			return 0, false
		}
		v += w[d] / 100 * mean[d]
	}
	return v, true
}

// Merge adds other's responses to s. Both must use the same instrument
// (an empty accumulator merges with anything); otherwise Merge returns an
// error wrapping [ErrMismatch] and leaves s unchanged.
func (s *Servqual) Merge(other *Servqual) error {
	if other == nil || other.respondents == 0 {
		return nil
	}
	if s.respondents == 0 {
		s.in = other.Instrument()
		s.items = make([]itemSums, s.in.Len())
		s.pend, s.pendN = nil, 0 // sized for the old instrument by a rejected Add
	}
	if !s.Instrument().Equal(other.Instrument()) {
		return fmt.Errorf("scorecard: servqual merge: instrument %q and %q differ: %w", s.Instrument().Name(), other.Instrument().Name(), ErrMismatch)
	}
	s.init()
	for i := range s.items {
		s.items[i].merge(&other.items[i])
		if other.pendN > 0 {
			s.items[i].addPending(other.pend[i], s.in)
		}
	}
	for d := range s.dimGap {
		s.dimGap[d].merge(&other.dimGap[d])
	}
	s.allGap.merge(&other.allGap)
	s.respondents += other.respondents
	s.wGapSum += other.wGapSum
	s.wGapW += other.wGapW
	s.wGapN += other.wGapN
	s.wPerfSum += other.wPerfSum
	s.wPerfW += other.wPerfW
	s.wPerfN += other.wPerfN
	s.impN += other.impN
	s.impW += other.impW
	for d := range s.impSum {
		s.impSum[d] += other.impSum[d]
	}
	return nil
}

// ItemScore is the result for one item. Means are weighted by the
// respondents' survey weights and NaN when no respondent answered (N = 0).
type ItemScore struct {
	ID          string
	Label       string
	Dimension   Dimension
	Expectation float64 // mean expectation over NE answers
	Perception  float64 // mean perception over NP answers
	Gap         float64 // mean of perception − expectation over NGap respondents who answered both
	GapSD       float64 // sample standard deviation of the gap, weights as frequencies (NaN if their sum ≤ 1)
	NE, NP      int
	NGap        int
}

// DimensionScore is the result for one SERVQUAL dimension: the unweighted
// mean of its items' means (items nobody answered are skipped; NaN when none
// remain).
type DimensionScore struct {
	Dimension   Dimension
	Items       int // items of the instrument in this dimension
	Expectation float64
	Perception  float64
	Gap         float64
	// GapSample summarises the respondent-level gaps: each respondent's mean
	// of perception − expectation over the items of the dimension they
	// answered both ways (survey weights give the mean and Kish's effective
	// size). With complete answers its mean equals Gap.
	GapSample Sample
	// GapCI is the 95 % t interval of the respondent-level mean gap.
	GapCI Interval
	// GapTest is the paired t test of expectations against perceptions: is
	// the respondent-level mean gap different from 0? (R: t.test(P, E,
	// paired = TRUE) on each respondent's dimension means.)
	GapTest TestResult
}

// ServqualResult is the scored survey.
type ServqualResult struct {
	Instrument  string
	Respondents int
	Items       []ItemScore
	Dimensions  []DimensionScore // the five dimensions in order
	// Unweighted overall scores: the mean of the dimension scores over the
	// dimensions that have data (Parasuraman et al.'s unweighted SERVQUAL
	// score). Perception alone is the SERVPERF score.
	Expectation, Perception, Gap float64
	// Weighted scores: the mean over respondents of each respondent's
	// Σ_d importance_d/100 × (their mean on dimension d), the mean of
	// weighted scores, not the product of means. A respondent counts only if
	// they gave an allocation and answered every dimension they weighted.
	WeightedGap         float64
	WeightedGapN        int
	WeightedPerception  float64 // weighted SERVPERF
	WeightedPerceptionN int
	// GapSample, GapCI and GapTest are DimensionScore's for the overall gap:
	// each respondent's mean over the dimensions they answered of their
	// dimension gaps.
	GapSample Sample
	GapCI     Interval
	GapTest   TestResult
	// Importance is the (survey-weighted) mean 100-point allocation over the
	// ImportanceN respondents who gave one.
	Importance  Allocation
	ImportanceN int
}

// itemTotals returns every item's sums, pending ones included, without
// changing s.
func (s *Servqual) itemTotals() []itemSums {
	out := make([]itemSums, s.Instrument().Len())
	copy(out, s.items)
	if s.pendN > 0 {
		for i := range out {
			out[i].addPending(s.pend[i], s.in)
		}
	}
	return out
}

// Dimension returns the score of dimension d (zero DimensionScore if d is not
// one of the five).
func (r ServqualResult) Dimension(d Dimension) DimensionScore {
	for _, ds := range r.Dimensions {
		if ds.Dimension == d {
			return ds
		}
	}
	return DimensionScore{}
}

func ratio(sum, n int64) float64 {
	if n == 0 {
		return math.NaN()
	}
	return float64(sum) / float64(n)
}

// meanOf returns the mean of the non-NaN values, or NaN.
func meanOf(vals []float64) float64 {
	sum, n := 0.0, 0
	for _, v := range vals {
		if !math.IsNaN(v) {
			sum += v
			n++
		}
	}
	if n == 0 {
		return math.NaN()
	}
	return sum / float64(n)
}

// Result returns the scores so far. It does not modify the accumulator.
func (s *Servqual) Result() ServqualResult {
	in := s.Instrument()
	res := ServqualResult{
		Instrument:          in.Name(),
		Respondents:         int(s.respondents),
		Items:               make([]ItemScore, in.Len()),
		WeightedGap:         ratioW(s.wGapSum, s.wGapW),
		WeightedGapN:        int(s.wGapN),
		WeightedPerception:  ratioW(s.wPerfSum, s.wPerfW),
		WeightedPerceptionN: int(s.wPerfN),
		ImportanceN:         int(s.impN),
	}
	for d := range res.Importance {
		res.Importance[d] = ratioW(s.impSum[d], s.impW)
	}
	var e, p, g [NumDimensions][]float64
	items := s.itemTotals()
	for i := range in.Len() {
		it := in.items[i]
		acc := items[i]
		sd := math.NaN()
		if acc.wG > 1 {
			n := acc.wG
			v := (acc.sGG - acc.sG*acc.sG/n) / (n - 1)
			sd = math.Sqrt(math.Max(v, 0))
		}
		is := ItemScore{ID: it.ID, Label: it.Label, Dimension: it.Dimension,
			Expectation: ratioW(acc.sE, acc.wE), Perception: ratioW(acc.sP, acc.wP), Gap: ratioW(acc.sG, acc.wG),
			GapSD: sd, NE: int(acc.nE), NP: int(acc.nP), NGap: int(acc.nG)}
		res.Items[i] = is
		d := it.Dimension - 1
		e[d] = append(e[d], is.Expectation)
		p[d] = append(p[d], is.Perception)
		g[d] = append(g[d], is.Gap)
	}
	var de, dp, dg []float64
	for _, d := range Dimensions() {
		ds := DimensionScore{Dimension: d, Items: in.ItemsIn(d),
			Expectation: meanOf(e[d-1]), Perception: meanOf(p[d-1]), Gap: meanOf(g[d-1])}
		ds.GapSample, ds.GapCI, ds.GapTest = gapInference(&s.dimGap[d-1])
		res.Dimensions = append(res.Dimensions, ds)
		de = append(de, ds.Expectation)
		dp = append(dp, ds.Perception)
		dg = append(dg, ds.Gap)
	}
	res.Expectation, res.Perception, res.Gap = meanOf(de), meanOf(dp), meanOf(dg)
	res.GapSample, res.GapCI, res.GapTest = gapInference(&s.allGap)
	return res
}

// gapInference returns the sample, interval and paired test of
// respondent-level gaps; NaN where there are too few respondents.
func gapInference(d *dimSums) (Sample, Interval, TestResult) {
	smp := d.sample()
	ci, err := MeanCI(smp, 0.95)
	if err != nil {
		ci = nanInterval()
	}
	test, err := PairedTest(smp)
	if err != nil {
		test = TestResult{Test: "paired t", Statistic: math.NaN(), DF: math.NaN(), PValue: math.NaN(), Difference: smp.Mean,
			CI: nanInterval(), Effect: math.NaN(), EffectName: "Cohen's d_z"}
	}
	return smp, ci, test
}

// ServqualComparison compares two SERVQUAL surveys (two periods, two
// branches) gap by gap with Welch's t test on the respondent-level gaps.
type ServqualComparison struct {
	Dimensions [NumDimensions]TestResult // [DimTangibles] first; Test is "" where a survey has too few respondents
	Gap        TestResult                // the overall gap
}

// CompareServqual tests whether the gaps of two independent surveys differ
// (first − second). A dimension either survey cannot test is left as a
// zero TestResult with NaN statistic; the overall gap must be testable
// (errors wrap [ErrInsufficientData]).
func CompareServqual(a, b ServqualResult) (ServqualComparison, error) {
	var c ServqualComparison
	for d := range NumDimensions {
		c.Dimensions[d] = TestResult{Statistic: math.NaN(), PValue: math.NaN(), DF: math.NaN(), Difference: math.NaN(), Effect: math.NaN()}
		da, db := a.Dimension(Dimension(d+1)), b.Dimension(Dimension(d+1))
		if r, err := WelchTest(da.GapSample, db.GapSample); err == nil {
			c.Dimensions[d] = r
		}
	}
	r, err := WelchTest(a.GapSample, b.GapSample)
	if err != nil {
		return ServqualComparison{}, fmt.Errorf("scorecard: compare servqual: overall gap: %w", err)
	}
	c.Gap = r
	return c, nil
}

func ratioW(sum, w float64) float64 {
	if w == 0 {
		return math.NaN()
	}
	return sum / w
}

func ratioF(sum float64, n int64) float64 {
	if n == 0 {
		return math.NaN()
	}
	return sum / float64(n)
}
