package scorecard

import (
	"fmt"
	"math"

	"github.com/servuction/servuction/internal/enum"
)

// Reliability is the internal consistency of a scale (Cronbach, 1951), with
// the item statistics of R's psych::alpha.
type Reliability struct {
	// Alpha is raw coefficient alpha, k/(k−1)·(1 − Σ var(item) / var(total)).
	Alpha float64
	// Standardized is alpha on the correlation matrix, k·r̄ / (1 + (k−1)·r̄).
	Standardized float64
	// AverageR is r̄, the mean inter-item correlation.
	AverageR float64
	// ItemRest is each item's correlation with the sum of the other items
	// (psych's r.drop, the corrected item–total correlation).
	ItemRest []float64
	// AlphaIfDeleted is raw alpha of the scale without each item (NaN for a
	// two-item scale, where one item would remain).
	AlphaIfDeleted []float64
	// CI is the Feldt, Woodruff and Salih (1987) 95 % interval:
	// 1 − (1 − α)·F(0.975) and 1 − (1 − α)·F(0.025), F with n−1 and
	// (n−1)(k−1) degrees of freedom, n = Rows, exactly as pingouin computes
	// it (for listwise deletion pingouin and psych count every row given,
	// not only the complete ones, and so does this package).
	CI [2]float64
	// N is the number of respondents behind the covariances: complete rows,
	// or for pairwise deletion every row with at least one answer.
	N int
	// Rows is every row given, including rows that listwise deletion dropped.
	Rows int
	// Items is k, the number of items.
	Items int
	// SuspectReversed lists (0-based) the items whose item–rest correlation
	// is negative: they look reverse-keyed and should probably be recoded
	// before alpha means anything (psych warns the same way).
	SuspectReversed []int
}

// Warnings returns human-readable warnings about the scale, one per item that
// looks reverse-keyed; nil when there is nothing to say.
func (r Reliability) Warnings() []string {
	var out []string
	for _, i := range r.SuspectReversed {
		out = append(out, fmt.Sprintf("item %d correlates negatively with the rest of the scale (r = %.3f): is it reverse-keyed?", i+1, r.ItemRest[i]))
	}
	return out
}

// MissingPolicy says how [Alpha] treats missing answers (NaN).
// The zero value is [CompleteOnly].
type MissingPolicy uint8

// The missing-data policies.
const (
	CompleteOnly MissingPolicy = iota // NaN is an error
	Listwise                          // drop every row with a NaN (psych use="complete.obs", pingouin nan_policy="listwise")
	Pairwise                          // each covariance from the rows answering both items (psych use="pairwise", pingouin default)
)

var missingPolicyNames = enum.New("scorecard: missing policy", ErrInvalidValue,
	[]string{"complete-only", "listwise", "pairwise"},
	map[string]MissingPolicy{"complete": CompleteOnly, "complete.obs": Listwise, "casos completos": Listwise,
		"por pares": Pairwise, "pairwise.complete.obs": Pairwise})

// ParseMissingPolicy returns the policy named s ("listwise", "pairwise", …).
func ParseMissingPolicy(s string) (MissingPolicy, error) { return missingPolicyNames.Parse(s) }

// String returns the policy's English name.
func (p MissingPolicy) String() string { return missingPolicyNames.String(p) }

// MarshalText implements encoding.TextMarshaler.
func (p MissingPolicy) MarshalText() ([]byte, error) { return missingPolicyNames.MarshalText(p) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseMissingPolicy].
func (p *MissingPolicy) UnmarshalText(text []byte) error {
	return missingPolicyNames.UnmarshalText(p, text)
}

// Alpha accumulates respondents' item scores for [Reliability]: the sums and
// cross-products behind the covariance matrix, so the cost of Result does not
// grow with respondents and Merge costs O(k²). With integer scores every sum
// is an exact float64 (below 2⁵³), so merged shards equal one pass exactly.
//
// The zero value accepts complete rows ([CompleteOnly]) and takes the number
// of items from the first row; [NewAlpha] sets the policy for missing data.
type Alpha struct {
	policy  MissingPolicy
	k       int
	rows    int64 // rows accepted (pairwise: with at least one answer)
	dropped int64 // rows dropped by listwise deletion
	// complete data: n = rows
	sum   []float64 // Σx_i
	cross []float64 // Σx_i·x_j, k×k row-major, upper triangle used
	// pairwise: per pair (i ≤ j) the rows answering both
	pn                   []float64
	psx, psy, psxx, psyy []float64
	psxy                 []float64
}

// NewAlpha returns an empty accumulator for items items (0: take it from the
// first row) with the given missing-data policy.
func NewAlpha(items int, policy MissingPolicy) (*Alpha, error) {
	if !policy.IsValid() {
		return nil, fmt.Errorf("scorecard: alpha: missing policy %d undefined: %w", policy, ErrInvalidValue)
	}
	if items < 0 || items == 1 {
		return nil, fmt.Errorf("scorecard: alpha: %d items, want at least 2: %w", items, ErrInsufficientData)
	}
	a := &Alpha{policy: policy}
	if items > 0 {
		a.alloc(items)
	}
	return a, nil
}

func (a *Alpha) alloc(k int) {
	a.k = k
	if a.policy == Pairwise {
		for _, p := range []*[]float64{&a.pn, &a.psx, &a.psy, &a.psxx, &a.psyy, &a.psxy} {
			*p = make([]float64, k*k)
		}
		return
	}
	a.sum = make([]float64, k)
	a.cross = make([]float64, k*k)
}

// Add records one respondent's scores, one per item. NaN marks a missing
// answer: rejected under [CompleteOnly], the row is dropped under
// [Listwise], and skipped pair by pair under [Pairwise]. Infinite values,
// a row of the wrong length or fewer than two items return an error (wrapping
// [ErrOutOfRange], [ErrRagged] or [ErrInsufficientData]) and change nothing.
// Add does not allocate once the accumulator knows its number of items.
func (a *Alpha) Add(row []float64) error {
	if a.k == 0 {
		if len(row) < 2 {
			return fmt.Errorf("scorecard: alpha: row of %d items, want at least 2: %w", len(row), ErrInsufficientData)
		}
	} else if len(row) != a.k {
		return fmt.Errorf("scorecard: alpha: row of %d items, want %d: %w", len(row), a.k, ErrRagged)
	}
	missing, answered := false, 0
	for j, v := range row {
		switch {
		case math.IsInf(v, 0):
			return fmt.Errorf("scorecard: alpha: item %d: value %v not finite: %w", j+1, v, ErrOutOfRange)
		case math.IsNaN(v):
			if a.policy == CompleteOnly {
				return fmt.Errorf("scorecard: alpha: item %d: missing value (NaN) needs a listwise or pairwise policy: %w", j+1, ErrOutOfRange)
			}
			missing = true
		default:
			answered++
		}
	}
	if a.k == 0 {
		a.alloc(len(row))
	}
	k := a.k
	if a.policy != Pairwise {
		if missing {
			a.dropped++
			return nil
		}
		a.rows++
		for i, x := range row {
			a.sum[i] += x
			c := a.cross[i*k+i : i*k+k] // upper triangle of row i
			r := row[i:]
			r = r[:len(c)]
			for j, y := range r {
				c[j] += x * y
			}
		}
		return nil
	}
	if answered == 0 {
		a.dropped++
		return nil
	}
	a.rows++
	for i, x := range row {
		if math.IsNaN(x) {
			continue
		}
		for j := i; j < k; j++ {
			y := row[j]
			if math.IsNaN(y) {
				continue
			}
			p := i*k + j
			a.pn[p]++
			a.psx[p] += x
			a.psy[p] += y
			a.psxx[p] += x * x
			a.psyy[p] += y * y
			a.psxy[p] += x * y
		}
	}
	return nil
}

// Merge adds other's respondents to a. Both must have the same policy and
// number of items (an empty accumulator merges with anything); otherwise it
// returns an error wrapping [ErrMismatch] and leaves a unchanged. The cost is
// O(k²), independent of the number of respondents.
func (a *Alpha) Merge(other *Alpha) error {
	if other == nil || other.k == 0 {
		return nil
	}
	if a.policy != other.policy {
		return fmt.Errorf("scorecard: alpha merge: policies %s and %s: %w", a.policy, other.policy, ErrMismatch)
	}
	if a.k == 0 {
		a.alloc(other.k)
	}
	if a.k != other.k {
		return fmt.Errorf("scorecard: alpha merge: %d and %d items: %w", a.k, other.k, ErrMismatch)
	}
	a.rows += other.rows
	a.dropped += other.dropped
	add := func(dst, src []float64) {
		for i := range src {
			dst[i] += src[i]
		}
	}
	if a.policy == Pairwise {
		add(a.pn, other.pn)
		add(a.psx, other.psx)
		add(a.psy, other.psy)
		add(a.psxx, other.psxx)
		add(a.psyy, other.psyy)
		add(a.psxy, other.psxy)
		return nil
	}
	add(a.sum, other.sum)
	add(a.cross, other.cross)
	return nil
}

// Dropped returns how many rows listwise deletion dropped (pairwise: rows
// with no answer at all).
func (a *Alpha) Dropped() int { return int(a.dropped) }

// covariance returns the k×k sample covariance matrix.
func (a *Alpha) covariance() ([]float64, error) {
	k := a.k
	c := make([]float64, k*k)
	if a.policy != Pairwise {
		n := float64(a.rows)
		if a.rows < 2 {
			return nil, fmt.Errorf("scorecard: alpha: %d complete respondents, want at least 2: %w", a.rows, ErrInsufficientData)
		}
		for i := range k {
			for j := i; j < k; j++ {
				v := (a.cross[i*k+j] - a.sum[i]*a.sum[j]/n) / (n - 1)
				c[i*k+j], c[j*k+i] = v, v
			}
		}
		return c, nil
	}
	for i := range k {
		for j := i; j < k; j++ {
			p := i*k + j
			n := a.pn[p]
			if n < 2 {
				return nil, fmt.Errorf("scorecard: alpha: items %d and %d answered together by %v respondents, want at least 2: %w", i+1, j+1, n, ErrInsufficientData)
			}
			var v float64
			if i == j {
				v = (a.psxx[p] - a.psx[p]*a.psx[p]/n) / (n - 1)
			} else {
				v = (a.psxy[p] - a.psx[p]*a.psy[p]/n) / (n - 1)
			}
			c[i*k+j], c[j*k+i] = v, v
		}
	}
	return c, nil
}

// Result computes the reliability of the respondents so far. It returns an
// error wrapping [ErrInsufficientData] for fewer than two items or
// respondents (or, pairwise, an item pair answered together by fewer than
// two), and [ErrZeroVariance] when an item or the total does not vary.
func (a *Alpha) Result() (Reliability, error) {
	if a.k < 2 {
		return Reliability{}, fmt.Errorf("scorecard: alpha: %d items, want at least 2: %w", a.k, ErrInsufficientData)
	}
	if a.rows < 2 {
		return Reliability{}, fmt.Errorf("scorecard: alpha: %d respondents, want at least 2: %w", a.rows, ErrInsufficientData)
	}
	c, err := a.covariance()
	if err != nil {
		return Reliability{}, err
	}
	return reliabilityFromCov(c, a.k, int(a.rows), int(a.rows+a.dropped))
}

// reliabilityFromCov computes every statistic from the covariance matrix c;
// n respondents are behind it and ciRows rows enter the Feldt interval.
func reliabilityFromCov(c []float64, k, n, ciRows int) (Reliability, error) {
	fk := float64(k)
	var trace, total, sumR float64
	rowSum := make([]float64, k)
	for i := range k {
		if !(c[i*k+i] > 0) {
			return Reliability{}, fmt.Errorf("scorecard: alpha: item %d has zero variance: %w", i+1, ErrZeroVariance)
		}
		trace += c[i*k+i]
		for j := range k {
			rowSum[i] += c[i*k+j]
			sumR += c[i*k+j] / math.Sqrt(c[i*k+i]*c[j*k+j])
		}
	}
	for i := range k {
		total += rowSum[i]
	}
	if !(total > 0) {
		return Reliability{}, fmt.Errorf("scorecard: alpha: total score has variance %v: %w", total, ErrZeroVariance)
	}
	r := Reliability{N: n, Rows: ciRows, Items: k, ItemRest: make([]float64, k), AlphaIfDeleted: make([]float64, k)}
	r.Alpha = fk / (fk - 1) * (1 - trace/total)
	r.Standardized = fk / (fk - 1) * (1 - fk/sumR)
	r.AverageR = (sumR - fk) / (fk * (fk - 1))
	for i := range k {
		cii := c[i*k+i]
		restVar := total - 2*rowSum[i] + cii
		r.ItemRest[i] = (rowSum[i] - cii) / math.Sqrt(cii*restVar)
		if k > 2 {
			r.AlphaIfDeleted[i] = (fk - 1) / (fk - 2) * (1 - (trace-cii)/restVar)
		} else {
			r.AlphaIfDeleted[i] = math.NaN()
		}
		if r.ItemRest[i] < 0 {
			r.SuspectReversed = append(r.SuspectReversed, i)
		}
	}
	df1 := float64(ciRows - 1)
	df2 := df1 * (fk - 1)
	r.CI[0] = 1 - (1-r.Alpha)*fQuantile(0.975, df1, df2)
	r.CI[1] = 1 - (1-r.Alpha)*fQuantile(0.025, df1, df2)
	return r, nil
}

// Cronbach returns the reliability of complete data: rows are respondents,
// columns items. NaN, infinite values, ragged rows, fewer than two items or
// respondents, and zero variance are errors (see [Alpha.Add] and
// [Alpha.Result]). For missing answers use [CronbachListwise] or
// [CronbachPairwise].
func Cronbach(rows [][]float64) (Reliability, error) { return cronbachPolicy(rows, CompleteOnly) }

// CronbachListwise is [Cronbach] after dropping every row with a missing
// answer (NaN), like psych::alpha(x, use = "complete.obs") and
// pingouin.cronbach_alpha(nan_policy = "listwise"). Like both, the Feldt
// interval counts every row given (see [Reliability].CI).
func CronbachListwise(rows [][]float64) (Reliability, error) { return cronbachPolicy(rows, Listwise) }

// CronbachPairwise is [Cronbach] on the pairwise-complete covariance matrix
// (each covariance from the rows answering both items), like psych::alpha(x,
// use = "pairwise") and pingouin.cronbach_alpha's default. N counts every
// row with at least one answer; the Feldt interval, like pingouin's, counts
// every row given, blank ones included ([Reliability].Rows).
func CronbachPairwise(rows [][]float64) (Reliability, error) { return cronbachPolicy(rows, Pairwise) }

func cronbachPolicy(rows [][]float64, p MissingPolicy) (Reliability, error) {
	if len(rows) < 2 {
		return Reliability{}, fmt.Errorf("scorecard: alpha: %d respondents, want at least 2: %w", len(rows), ErrInsufficientData)
	}
	a := &Alpha{policy: p}
	for i, row := range rows {
		if err := a.Add(row); err != nil {
			return Reliability{}, fmt.Errorf("scorecard: alpha: row %d: %w", i+1, err)
		}
	}
	return a.Result()
}
