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
	// not only the complete ones, and so does this package). For the
	// interval on the complete rows only, call [Reliability.Feldt] with N.
	CI [2]float64
	// N is the number of respondents behind the covariances: complete rows,
	// or for pairwise deletion every row with at least one answer.
	N int
	// Rows is every row given, including rows that listwise deletion dropped.
	Rows int
	// Items is k, the number of items.
	Items int
	// ItemMeans and ItemSDs are each item's mean and standard deviation
	// over the answers behind the covariances, and ItemN counts them:
	// complete data and listwise, the N complete rows; pairwise, every
	// answer to the item. They equal psych's item.stats mean and sd for
	// complete and pairwise data; for listwise data psych describes every
	// answer, dropped rows included ([ResponseFrequencies] counts those).
	ItemMeans, ItemSDs []float64
	ItemN              []int
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
// grow with respondents and Merge costs O(k²).
//
// The sums are taken about a shift per item (a value of that item), so a
// scale offset by 10⁶ gives the alpha of the unshifted scale, and each
// item's least and greatest answer are tracked, so a constant item is
// caught exactly whatever its value. With integer scores every sum is an
// exact float64 (below 2⁵³) and Result re-centres them on each item's least
// answer before it divides, so merged shards equal one pass exactly, in any
// order.
//
// The zero value accepts complete rows ([CompleteOnly]) and takes the number
// of items from the first row; [NewAlpha] sets the policy for missing data.
// An accumulator that holds no row adopts the policy and the number of items
// of the first non-empty accumulator merged into it.
type Alpha struct {
	policy  MissingPolicy
	k       int
	rows    int64 // rows accepted (pairwise: with at least one answer)
	dropped int64 // rows dropped by listwise deletion
	// shift is the origin of the sums, per item; lo and hi the least and
	// greatest answer kept (meaningful once the item has an answer).
	shift, lo, hi []float64
	// complete data: n = rows; totLo, totHi: least and greatest row total
	totLo, totHi float64
	sum          []float64 // Σ(x_i − shift_i)
	cross        []float64 // Σ(x_i − shift_i)(x_j − shift_j), k×k row-major, upper triangle used
	// pairwise: per pair (i ≤ j) the rows answering both, sums about the shifts
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
	if items < 0 || items == 1 || items > maxAlphaItems {
		return nil, fmt.Errorf("scorecard: alpha: %d items, want 2..%d: %w", items, maxAlphaItems, ErrInsufficientData)
	}
	a := &Alpha{policy: policy}
	if items > 0 {
		a.alloc(items)
	}
	return a, nil
}

// maxAlphaItems bounds the k×k state an accumulator (or a decoded one) holds.
const maxAlphaItems = 10000

func (a *Alpha) alloc(k int) {
	a.k = k
	a.shift, a.lo, a.hi = make([]float64, k), make([]float64, k), make([]float64, k)
	if a.policy == Pairwise {
		for _, p := range []*[]float64{&a.pn, &a.psx, &a.psy, &a.psxx, &a.psyy, &a.psxy} {
			*p = make([]float64, k*k)
		}
		return
	}
	a.sum = make([]float64, k)
	a.cross = make([]float64, k*k)
}

// Policy returns the accumulator's missing-data policy.
func (a *Alpha) Policy() MissingPolicy { return a.policy }

// Add records one respondent's scores, one per item. NaN marks a missing
// answer: rejected under [CompleteOnly], the row is dropped under
// [Listwise], and skipped pair by pair under [Pairwise]. Infinite values,
// a row of the wrong length or fewer than two items return an error (wrapping
// [ErrOutOfRange], [ErrRagged] or [ErrInsufficientData]) and change nothing.
// Add does not allocate once the accumulator knows its number of items.
func (a *Alpha) Add(row []float64) error {
	missing, answered, err := a.checkRow(row)
	if err != nil {
		return err
	}
	if a.k == 0 {
		a.alloc(len(row))
	}
	if a.policy != Pairwise {
		if missing {
			a.dropped++
			return nil
		}
		a.addComplete(row)
		return nil
	}
	if answered == 0 {
		a.dropped++
		return nil
	}
	a.addPairwise(row)
	return nil
}

// checkRow validates a row without changing a.
func (a *Alpha) checkRow(row []float64) (missing bool, answered int, err error) {
	if a.k == 0 {
		if len(row) < 2 || len(row) > maxAlphaItems {
			return false, 0, fmt.Errorf("scorecard: alpha: row of %d items, want 2..%d: %w", len(row), maxAlphaItems, ErrInsufficientData)
		}
	} else if len(row) != a.k {
		return false, 0, fmt.Errorf("scorecard: alpha: row of %d items, want %d: %w", len(row), a.k, ErrRagged)
	}
	for j, v := range row {
		switch {
		case math.IsInf(v, 0):
			return false, 0, fmt.Errorf("scorecard: alpha: item %d: value %v not finite: %w", j+1, v, ErrOutOfRange)
		case math.IsNaN(v):
			if a.policy == CompleteOnly {
				return false, 0, fmt.Errorf("scorecard: alpha: item %d: missing value (NaN) needs a listwise or pairwise policy: %w", j+1, ErrOutOfRange)
			}
			missing = true
		default:
			answered++
		}
	}
	return missing, answered, nil
}

func (a *Alpha) addComplete(row []float64) {
	k := a.k
	total := 0.0
	for _, x := range row {
		total += x
	}
	if a.rows == 0 {
		copy(a.shift, row)
		copy(a.lo, row)
		copy(a.hi, row)
		a.totLo, a.totHi = total, total
	}
	a.rows++
	a.totLo, a.totHi = math.Min(a.totLo, total), math.Max(a.totHi, total)
	shift := a.shift[:k]
	lo, hi := a.lo[:k], a.hi[:k]
	for i, x := range row {
		lo[i], hi[i] = math.Min(lo[i], x), math.Max(hi[i], x)
		d := x - shift[i]
		a.sum[i] += d
		c := a.cross[i*k+i : i*k+k] // upper triangle of row i
		r := row[i:]
		r = r[:len(c)]
		s := shift[i:]
		s = s[:len(c)]
		for j, y := range r {
			c[j] += d * (y - s[j])
		}
	}
}

func (a *Alpha) addPairwise(row []float64) {
	k := a.k
	a.rows++
	for i, x := range row {
		if math.IsNaN(x) {
			continue
		}
		if a.pn[i*k+i] == 0 { // first answer to item i: it is the item's origin
			a.shift[i], a.lo[i], a.hi[i] = x, x, x
		}
		a.lo[i], a.hi[i] = math.Min(a.lo[i], x), math.Max(a.hi[i], x)
	}
	for i, x := range row {
		if math.IsNaN(x) {
			continue
		}
		dx := x - a.shift[i]
		for j := i; j < k; j++ {
			y := row[j]
			if math.IsNaN(y) {
				continue
			}
			dy := y - a.shift[j]
			p := i*k + j
			a.pn[p]++
			a.psx[p] += dx
			a.psy[p] += dy
			a.psxx[p] += dx * dx
			a.psyy[p] += dy * dy
			a.psxy[p] += dx * dy
		}
	}
}

// empty reports whether a holds no row at all.
func (a *Alpha) empty() bool { return a.rows == 0 && a.dropped == 0 }

func (a *Alpha) clone() Alpha {
	c := *a
	for _, p := range []*[]float64{&c.shift, &c.lo, &c.hi, &c.sum, &c.cross, &c.pn, &c.psx, &c.psy, &c.psxx, &c.psyy, &c.psxy} {
		if *p != nil {
			*p = append([]float64(nil), (*p)...)
		}
	}
	return c
}

// Merge adds other's respondents to a. An accumulator that holds no row
// adopts other's policy and number of items; otherwise both must have the
// same policy and number of items, or Merge returns an error wrapping
// [ErrMismatch] and leaves a unchanged. The cost is O(k²), independent of the
// number of respondents.
func (a *Alpha) Merge(other *Alpha) error {
	if other == nil || other.empty() {
		return nil
	}
	if a.empty() {
		*a = other.clone()
		return nil
	}
	if a.policy != other.policy {
		return fmt.Errorf("scorecard: alpha merge: policies %s and %s: %w", a.policy, other.policy, ErrMismatch)
	}
	if a.k != other.k {
		return fmt.Errorf("scorecard: alpha merge: %d and %d items: %w", a.k, other.k, ErrMismatch)
	}
	a.dropped += other.dropped
	if a.policy == Pairwise {
		a.mergePairwise(other)
		return nil
	}
	if other.rows == 0 {
		return nil
	}
	if a.rows == 0 {
		copy(a.shift, other.shift)
		copy(a.lo, other.lo)
		copy(a.hi, other.hi)
		a.totLo, a.totHi = other.totLo, other.totHi
	}
	a.addShifted(other.rows, other.shift, other.sum, other.cross)
	for i := range a.k {
		a.lo[i], a.hi[i] = math.Min(a.lo[i], other.lo[i]), math.Max(a.hi[i], other.hi[i])
	}
	a.totLo, a.totHi = math.Min(a.totLo, other.totLo), math.Max(a.totHi, other.totHi)
	a.rows += other.rows
	return nil
}

// addShifted adds n complete rows summarised about shift (sums and upper
// cross-products) to a's sums about a.shift:
// Σ(x−s)(y−t) = Σ(x−s')(y−t') + dₓ·Σ(y−t') + d_y·Σ(x−s') + n·dₓ·d_y with
// d = s' − s. For integer scores every term is an exact integer.
func (a *Alpha) addShifted(n int64, shift, sum, cross []float64) {
	k := a.k
	fn := float64(n)
	for i := range k {
		di := shift[i] - a.shift[i]
		for j := i; j < k; j++ {
			dj := shift[j] - a.shift[j]
			a.cross[i*k+j] += cross[i*k+j] + di*sum[j] + dj*sum[i] + fn*di*dj
		}
	}
	for i := range k {
		a.sum[i] += sum[i] + fn*(shift[i]-a.shift[i])
	}
}

func (a *Alpha) mergePairwise(other *Alpha) {
	k := a.k
	a.rows += other.rows
	for i := range k {
		if other.pn[i*k+i] == 0 {
			continue
		}
		if a.pn[i*k+i] == 0 {
			a.shift[i], a.lo[i], a.hi[i] = other.shift[i], other.lo[i], other.hi[i]
		}
		a.lo[i], a.hi[i] = math.Min(a.lo[i], other.lo[i]), math.Max(a.hi[i], other.hi[i])
	}
	a.mergeSums(other)
}

// Dropped returns how many rows listwise deletion dropped (pairwise: rows
// with no answer at all).
func (a *Alpha) Dropped() int { return int(a.dropped) }

// canonical returns a copy of a's sums re-centred on each item's least
// answer, the same whatever order the rows and shards came in.
func (a *Alpha) canonical() Alpha {
	z := Alpha{policy: a.policy, k: a.k, rows: a.rows, dropped: a.dropped, shift: append([]float64(nil), a.lo...),
		lo: a.lo, hi: a.hi, totLo: a.totLo, totHi: a.totHi}
	if a.policy == Pairwise {
		for _, p := range []*[]float64{&z.pn, &z.psx, &z.psy, &z.psxx, &z.psyy, &z.psxy} {
			*p = make([]float64, a.k*a.k)
		}
		z.mergeSums(a)
		return z
	}
	z.sum, z.cross = make([]float64, a.k), make([]float64, a.k*a.k)
	z.addShifted(a.rows, a.shift, a.sum, a.cross)
	return z
}

// mergeSums adds other's pairwise sums about other.shift to z's sums about
// z.shift, without touching origins or extremes.
func (a *Alpha) mergeSums(other *Alpha) {
	z := a
	k := z.k
	for i := range k {
		di := other.shift[i] - z.shift[i]
		for j := i; j < k; j++ {
			p := i*k + j
			n := other.pn[p]
			if n == 0 {
				continue
			}
			dj := other.shift[j] - z.shift[j]
			sx, sy := other.psx[p], other.psy[p]
			z.pn[p] += n
			z.psx[p] += sx + n*di
			z.psy[p] += sy + n*dj
			z.psxx[p] += other.psxx[p] + 2*di*sx + n*di*di
			z.psyy[p] += other.psyy[p] + 2*dj*sy + n*dj*dj
			z.psxy[p] += other.psxy[p] + di*sy + dj*sx + n*di*dj
		}
	}
}

// MinAlphaRespondents is the fewest respondents [Alpha.Result] accepts: with
// two, every correlation is ±1 and item–rest statistics are degenerate.
const MinAlphaRespondents = 3

// covariance returns the k×k sample covariance matrix and each item's mean,
// from sums re-centred on each item's least answer.
func (a *Alpha) covariance() (cov, means []float64, err error) {
	z := a.canonical()
	k := a.k
	cov, means = make([]float64, k*k), make([]float64, k)
	if a.policy != Pairwise {
		n := float64(a.rows)
		for i := range k {
			means[i] = z.shift[i] + z.sum[i]/n
			for j := i; j < k; j++ {
				v := (z.cross[i*k+j] - z.sum[i]*z.sum[j]/n) / (n - 1)
				cov[i*k+j], cov[j*k+i] = v, v
			}
		}
		return cov, means, nil
	}
	for i := range k {
		for j := i; j < k; j++ {
			p := i*k + j
			n := z.pn[p]
			if n < 2 {
				return nil, nil, fmt.Errorf("scorecard: alpha: items %d and %d answered together by %v respondents, want at least 2: %w", i+1, j+1, n, ErrInsufficientData)
			}
			var v float64
			if i == j {
				means[i] = z.shift[i] + z.psx[p]/n
				v = (z.psxx[p] - z.psx[p]*z.psx[p]/n) / (n - 1)
			} else {
				v = (z.psxy[p] - z.psx[p]*z.psy[p]/n) / (n - 1)
			}
			cov[i*k+j], cov[j*k+i] = v, v
		}
	}
	return cov, means, nil
}

// itemAnswers returns how many answers item i has behind its statistics.
func (a *Alpha) itemAnswers(i int) int {
	if a.policy == Pairwise {
		return int(a.pn[i*a.k+i])
	}
	return int(a.rows)
}

// Result computes the reliability of the respondents so far. It returns an
// error wrapping [ErrInsufficientData] for fewer than two items or
// [MinAlphaRespondents] respondents (or, pairwise, an item pair answered
// together by fewer than two), and [ErrZeroVariance] when an item is
// constant (its least and greatest answers are equal, detected exactly), the
// total does not vary, or the items other than one sum to a constant (its
// item–rest correlation would be undefined).
func (a *Alpha) Result() (Reliability, error) {
	if a.k < 2 {
		return Reliability{}, fmt.Errorf("scorecard: alpha: %d items, want at least 2: %w", a.k, ErrInsufficientData)
	}
	if a.rows < MinAlphaRespondents {
		return Reliability{}, fmt.Errorf("scorecard: alpha: %d respondents, want at least %d: %w", a.rows, MinAlphaRespondents, ErrInsufficientData)
	}
	for i := range a.k {
		if a.itemAnswers(i) > 0 && a.lo[i] == a.hi[i] {
			return Reliability{}, fmt.Errorf("scorecard: alpha: item %d has zero variance (every answer is %v): %w", i+1, a.lo[i], ErrZeroVariance)
		}
	}
	if a.policy != Pairwise && a.totLo == a.totHi {
		return Reliability{}, fmt.Errorf("scorecard: alpha: total score is %v for every respondent: %w", a.totLo, ErrZeroVariance)
	}
	c, means, err := a.covariance()
	if err != nil {
		return Reliability{}, err
	}
	r, err := reliabilityFromCov(c, a.k, int(a.rows), int(a.rows+a.dropped))
	if err != nil {
		return Reliability{}, err
	}
	r.ItemMeans = means
	r.ItemN = make([]int, a.k)
	for i := range a.k {
		r.ItemN[i] = a.itemAnswers(i)
	}
	return r, nil
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
	if !(total > 1e-12*trace) {
		return Reliability{}, fmt.Errorf("scorecard: alpha: total score has variance %v: %w", total, ErrZeroVariance)
	}
	r := Reliability{N: n, Rows: ciRows, Items: k, ItemRest: make([]float64, k), AlphaIfDeleted: make([]float64, k),
		ItemSDs: make([]float64, k)}
	r.Alpha = fk / (fk - 1) * (1 - trace/total)
	r.Standardized = fk / (fk - 1) * (1 - fk/sumR)
	r.AverageR = (sumR - fk) / (fk * (fk - 1))
	for i := range k {
		cii := c[i*k+i]
		r.ItemSDs[i] = math.Sqrt(cii)
		restVar := total - 2*rowSum[i] + cii
		if !(restVar > 1e-12*trace) {
			return Reliability{}, fmt.Errorf("scorecard: alpha: the items other than item %d sum to a constant (variance %v): item–rest correlation undefined: %w", i+1, restVar, ErrZeroVariance)
		}
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
	r.CI, _ = r.Feldt(ciRows, 0.95)
	return r, nil
}

// Feldt returns the Feldt, Woodruff and Salih (1987) interval for alpha at
// confidence level (0 < level < 1) with n respondents: 1 − (1 − α)·F(1 − a/2)
// and 1 − (1 − α)·F(a/2), a = 1 − level, F with n−1 and (n−1)(k−1) degrees
// of freedom. [Reliability].CI is Feldt(Rows, 0.95); Feldt(N, 0.95) counts
// only the complete rows of listwise data. Errors wrap
// [ErrInsufficientData] (n < 2 or fewer than two items) or
// [ErrInvalidValue] (level outside (0, 1)).
func (r Reliability) Feldt(n int, level float64) ([2]float64, error) {
	if !(level > 0 && level < 1) {
		return [2]float64{}, fmt.Errorf("scorecard: alpha: confidence level %v: want 0 < level < 1: %w", level, ErrInvalidValue)
	}
	if n < 2 || r.Items < 2 {
		return [2]float64{}, fmt.Errorf("scorecard: alpha: Feldt interval with %d respondents and %d items: %w", n, r.Items, ErrInsufficientData)
	}
	df1 := float64(n - 1)
	df2 := df1 * float64(r.Items-1)
	a := 1 - level
	return [2]float64{1 - (1-r.Alpha)*fQuantile(1-a/2, df1, df2), 1 - (1-r.Alpha)*fQuantile(a/2, df1, df2)}, nil
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
	if err := a.AddRows(rows); err != nil {
		return Reliability{}, err
	}
	return a.Result()
}
