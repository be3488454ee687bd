package scorecard

import (
	"fmt"
	"math"
)

// Interval is an estimate with its confidence interval.
type Interval struct {
	Estimate     float64
	Lower, Upper float64
	Level        float64 // confidence level, e.g. 0.95
}

// Sample summarises one group of answers for a t interval or test: the
// number of answers (Kish's effective sample size when survey weights were
// used), their mean and their sample standard deviation.
type Sample struct {
	N        float64
	Mean, SD float64
}

// TestResult is the outcome of a significance test between periods,
// segments, or expectations and perceptions.
type TestResult struct {
	// Test names the test: "two-proportion z", "Welch t", "paired t" or
	// "chi-square".
	Test string
	// Statistic is z, t or χ².
	Statistic float64
	// DF is the degrees of freedom: n − 1 (paired), Welch–Satterthwaite's
	// (Welch), (rows − 1)(columns − 1) (chi-square); +Inf for a z test,
	// whose reference distribution is the normal.
	DF float64
	// PValue is two-sided for z and t, the upper tail for χ².
	PValue float64
	// Difference is first − second (proportions as fractions, means on the
	// scale); for a paired test the mean difference; NaN for chi-square.
	Difference float64
	// CI is the 95 % interval of Difference (NaN bounds for chi-square).
	CI Interval
	// Effect is the effect size named by EffectName: Cohen's h for two
	// proportions (2·asin√p₁ − 2·asin√p₂), Cohen's d for Welch (the
	// difference over √((s₁² + s₂²)/2)), Cohen's d_z for a paired test
	// (mean difference over its SD), Cramér's V for chi-square.
	Effect     float64
	EffectName string
	// Significant is PValue < 0.05.
	Significant bool
}

func checkLevel(level float64) error {
	if !(level > 0 && level < 1) {
		return fmt.Errorf("scorecard: confidence level %v: want 0 < level < 1: %w", level, ErrInvalidValue)
	}
	return nil
}

// MeanCI returns the t interval mean ± t(1 − a/2; n − 1)·SD/√n at the
// given level (a = 1 − level), as R's t.test(x)$conf.int. It needs n ≥ 2
// and a finite, non-negative SD (errors wrap [ErrInsufficientData] or
// [ErrInvalidValue]).
func MeanCI(s Sample, level float64) (Interval, error) {
	if err := checkLevel(level); err != nil {
		return Interval{}, err
	}
	if err := s.check(); err != nil {
		return Interval{}, err
	}
	h := tQuantile(1-(1-level)/2, s.N-1) * s.SD / math.Sqrt(s.N)
	return Interval{Estimate: s.Mean, Lower: s.Mean - h, Upper: s.Mean + h, Level: level}, nil
}

func (s Sample) check() error {
	if !(s.N >= 2) || math.IsInf(s.N, 0) {
		return fmt.Errorf("scorecard: sample of %v answers, want at least 2: %w", s.N, ErrInsufficientData)
	}
	if !finite(s.Mean, s.SD) || s.SD < 0 {
		return fmt.Errorf("scorecard: sample mean %v, standard deviation %v: want finite values, SD ≥ 0: %w", s.Mean, s.SD, ErrInvalidValue)
	}
	return nil
}

// WilsonCI returns the Wilson score interval of the proportion
// successes/n at the given level, as R's prop.test(x, n, correct =
// FALSE)$conf.int. It stays inside [0, 1] and is informative at 0 % and
// 100 %. n may be an effective sample size (not an integer); errors wrap
// [ErrInsufficientData] (n ≤ 0) or [ErrInvalidValue].
func WilsonCI(successes, n, level float64) (Interval, error) {
	if err := checkLevel(level); err != nil {
		return Interval{}, err
	}
	if err := checkProportion(successes, n); err != nil {
		return Interval{}, err
	}
	p := successes / n
	z := normQuantile(1 - (1-level)/2)
	z2 := z * z
	centre := (p + z2/(2*n)) / (1 + z2/n)
	half := z / (1 + z2/n) * math.Sqrt(p*(1-p)/n+z2/(4*n*n))
	return Interval{Estimate: p, Lower: math.Max(0, centre-half), Upper: math.Min(1, centre+half), Level: level}, nil
}

func checkProportion(x, n float64) error {
	if !(n > 0) || math.IsInf(n, 0) {
		return fmt.Errorf("scorecard: proportion of %v answers: want n > 0: %w", n, ErrInsufficientData)
	}
	if !(x >= 0 && x <= n) {
		return fmt.Errorf("scorecard: proportion %v of %v: want 0 ≤ successes ≤ n: %w", x, n, ErrInvalidValue)
	}
	return nil
}

// TwoProportionTest tests whether x1/n1 and x2/n2 differ, with the pooled
// two-proportion z test (R's prop.test(c(x1, x2), c(n1, n2), correct =
// FALSE) reports X-squared = z²). The interval of the difference is the
// unpooled Wald interval R prints with it; the effect size is Cohen's h.
// Counts may be effective (weighted) sizes. Errors wrap
// [ErrInsufficientData] for an empty sample or when both proportions are 0
// or both 1 (no variance to test against), [ErrInvalidValue] otherwise.
func TwoProportionTest(x1, n1, x2, n2 float64) (TestResult, error) {
	if err := checkProportion(x1, n1); err != nil {
		return TestResult{}, err
	}
	if err := checkProportion(x2, n2); err != nil {
		return TestResult{}, err
	}
	p1, p2 := x1/n1, x2/n2
	pool := (x1 + x2) / (n1 + n2)
	se := math.Sqrt(pool * (1 - pool) * (1/n1 + 1/n2))
	if !(se > 0) {
		return TestResult{}, fmt.Errorf("scorecard: two proportions %v and %v: no variance to test against: %w", p1, p2, ErrInsufficientData)
	}
	z := (p1 - p2) / se
	r := TestResult{Test: "two-proportion z", Statistic: z, DF: math.Inf(1), PValue: math.Erfc(math.Abs(z) / math.Sqrt2),
		Difference: p1 - p2, Effect: 2*math.Asin(math.Sqrt(p1)) - 2*math.Asin(math.Sqrt(p2)), EffectName: "Cohen's h"}
	h := z95 * math.Sqrt(p1*(1-p1)/n1+p2*(1-p2)/n2)
	r.CI = Interval{Estimate: r.Difference, Lower: r.Difference - h, Upper: r.Difference + h, Level: 0.95}
	r.Significant = r.PValue < 0.05
	return r, nil
}

// WelchTest tests whether the means of two independent samples differ, with
// Welch's t test and the Welch–Satterthwaite degrees of freedom, as R's
// t.test(x, y). The effect size is Cohen's d on the average variance,
// (m₁ − m₂)/√((s₁² + s₂²)/2). Errors wrap [ErrInsufficientData] (fewer
// than two answers, or both samples without variance) or [ErrInvalidValue].
func WelchTest(a, b Sample) (TestResult, error) {
	if err := a.check(); err != nil {
		return TestResult{}, fmt.Errorf("scorecard: welch test: first sample: %w", err)
	}
	if err := b.check(); err != nil {
		return TestResult{}, fmt.Errorf("scorecard: welch test: second sample: %w", err)
	}
	va, vb := a.SD*a.SD/a.N, b.SD*b.SD/b.N
	se := math.Sqrt(va + vb)
	if !(se > 0) {
		return TestResult{}, fmt.Errorf("scorecard: welch test: neither sample varies: %w", ErrInsufficientData)
	}
	df := (va + vb) * (va + vb) / (va*va/(a.N-1) + vb*vb/(b.N-1))
	diff := a.Mean - b.Mean
	t := diff / se
	r := TestResult{Test: "Welch t", Statistic: t, DF: df, PValue: tTail(t, df), Difference: diff,
		Effect: diff / math.Sqrt((a.SD*a.SD+b.SD*b.SD)/2), EffectName: "Cohen's d"}
	h := tQuantile(0.975, df) * se
	r.CI = Interval{Estimate: diff, Lower: diff - h, Upper: diff + h, Level: 0.95}
	r.Significant = r.PValue < 0.05
	return r, nil
}

// PairedTest tests whether the mean of paired differences d (say perception
// − expectation, per respondent) differs from 0, as R's t.test(x, y, paired
// = TRUE): t = mean/(SD/√n) on n − 1 degrees of freedom, effect size Cohen's
// d_z = mean/SD. Errors wrap [ErrInsufficientData] (fewer than two pairs or
// differences that do not vary) or [ErrInvalidValue].
func PairedTest(d Sample) (TestResult, error) {
	if err := d.check(); err != nil {
		return TestResult{}, fmt.Errorf("scorecard: paired test: %w", err)
	}
	if !(d.SD > 0) {
		return TestResult{}, fmt.Errorf("scorecard: paired test: every difference is %v: %w", d.Mean, ErrInsufficientData)
	}
	se := d.SD / math.Sqrt(d.N)
	t := d.Mean / se
	df := d.N - 1
	r := TestResult{Test: "paired t", Statistic: t, DF: df, PValue: tTail(t, df), Difference: d.Mean,
		Effect: d.Mean / d.SD, EffectName: "Cohen's d_z"}
	h := tQuantile(0.975, df) * se
	r.CI = Interval{Estimate: d.Mean, Lower: d.Mean - h, Upper: d.Mean + h, Level: 0.95}
	r.Significant = r.PValue < 0.05
	return r, nil
}

// ChiSquareTest tests whether the distribution of answers over categories
// (columns) is the same in several segments (rows), with Pearson's
// chi-square test of independence, as R's chisq.test(table, correct =
// FALSE). The effect size is Cramér's V, √(χ²/(N·(min(r, c) − 1))). Rows or
// columns that sum to zero are left out. Errors wrap [ErrInsufficientData]
// (fewer than two segments or categories with answers), [ErrRagged] or
// [ErrInvalidValue] (a negative or non-finite count).
func ChiSquareTest(table [][]float64) (TestResult, error) {
	rows, cols, total, err := margins(table)
	if err != nil {
		return TestResult{}, err
	}
	var chi float64
	for i, rs := range rows {
		if rs == 0 {
			continue
		}
		for j, cs := range cols {
			if cs == 0 {
				continue
			}
			e := rs * cs / total
			d := table[i][j] - e
			chi += d * d / e
		}
	}
	nr, nc := nonZero(rows), nonZero(cols)
	df := float64((nr - 1) * (nc - 1))
	r := TestResult{Test: "chi-square", Statistic: chi, DF: df, PValue: chiSquareTail(chi, df), Difference: math.NaN(),
		CI:     Interval{Estimate: math.NaN(), Lower: math.NaN(), Upper: math.NaN(), Level: 0.95},
		Effect: math.Sqrt(chi / (total * float64(min(nr, nc)-1))), EffectName: "Cramér's V"}
	r.Significant = r.PValue < 0.05
	return r, nil
}

func margins(table [][]float64) (rows, cols []float64, total float64, err error) {
	if len(table) == 0 {
		return nil, nil, 0, fmt.Errorf("scorecard: chi-square: empty table: %w", ErrInsufficientData)
	}
	rows, cols = make([]float64, len(table)), make([]float64, len(table[0]))
	for i, row := range table {
		if len(row) != len(cols) {
			return nil, nil, 0, fmt.Errorf("scorecard: chi-square: row %d has %d cells, want %d: %w", i+1, len(row), len(cols), ErrRagged)
		}
		for j, v := range row {
			if !(v >= 0) || math.IsInf(v, 0) {
				return nil, nil, 0, fmt.Errorf("scorecard: chi-square: row %d, column %d: count %v: %w", i+1, j+1, v, ErrInvalidValue)
			}
			rows[i] += v
			cols[j] += v
			total += v
		}
	}
	if nonZero(rows) < 2 || nonZero(cols) < 2 {
		return nil, nil, 0, fmt.Errorf("scorecard: chi-square: %d segments and %d categories with answers, want at least 2 of each: %w",
			nonZero(rows), nonZero(cols), ErrInsufficientData)
	}
	return rows, cols, total, nil
}

func nonZero(v []float64) int {
	n := 0
	for _, x := range v {
		if x > 0 {
			n++
		}
	}
	return n
}
