package servicecycle

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"slices"
	"time"
)

// Durations are summarised by a timing: their count, their exact sum (128
// bits, so the mean is exact), and the values themselves while there are at
// most ExactTimings of them; beyond, a histogram of logarithmic buckets
// (HdrHistogram's layout: 128 buckets per power of two, values below 256 ns
// exact). The histogram has at most 7 296 buckets whatever the number of
// values, and its state depends only on the values added, never on their
// order or on how shards were merged. A median or p90 read from it is
// within 1/256 (0.4 %) of the exact type-7 quantile.
const (
	// ExactTimings is the number of durations a timing keeps exactly.
	ExactTimings = 64
	// QuantileRelativeError bounds the relative error of a median or p90
	// read from a timing of more than ExactTimings durations.
	QuantileRelativeError = 1.0 / 256

	subBits       = 7
	sketchBuckets = (63-subBits)<<subBits + 1<<subBits
)

// bucketOf returns the histogram bucket of v ≥ 0.
func bucketOf(v int64) int {
	if v < 1<<(subBits+1) {
		return int(v)
	}
	shift := bits.Len64(uint64(v)) - 1 - subBits
	return shift<<subBits + int(v>>shift)
}

// bucketBounds returns the smallest and largest value of bucket i.
func bucketBounds(i int) (lo, hi int64) {
	if i < 1<<(subBits+1) {
		return int64(i), int64(i)
	}
	shift := i>>subBits - 1
	sub := int64(i - shift<<subBits)
	lo = sub << shift
	return lo, lo + (1<<shift - 1)
}

// bucketValue is the value a bucket stands for: its midpoint.
func bucketValue(i int) float64 {
	lo, hi := bucketBounds(i)
	return float64(lo) + float64(hi-lo)/2
}

// timing is the mergeable summary of non-negative durations in nanoseconds.
type timing struct {
	n      int64
	hi, lo uint64  // the sum, 128 bits
	values []int64 // while n ≤ ExactTimings, in no particular order
	off    int     // bucket of counts[0]
	counts []int64 // once n > ExactTimings
}

func (t *timing) add(v int64) {
	t.n++
	var carry uint64
	t.lo, carry = bits.Add64(t.lo, uint64(v), 0)
	t.hi += carry
	if t.counts == nil {
		t.values = append(t.values, v)
		if len(t.values) > ExactTimings {
			t.toBuckets()
		}
		return
	}
	t.bump(bucketOf(v), 1)
}

// bump adds c to bucket i, widening the histogram as needed.
func (t *timing) bump(i int, c int64) {
	switch {
	case len(t.counts) == 0:
		t.off, t.counts = i, append(t.counts[:0], c)
		return
	case i < t.off:
		grown := make([]int64, t.off-i+len(t.counts))
		copy(grown[t.off-i:], t.counts)
		t.off, t.counts = i, grown
	case i >= t.off+len(t.counts):
		t.counts = append(t.counts, make([]int64, i-t.off-len(t.counts)+1)...)
	}
	t.counts[i-t.off] += c
}

func (t *timing) toBuckets() {
	t.counts = make([]int64, 0, 16)
	for _, v := range t.values {
		t.bump(bucketOf(v), 1)
	}
	t.values = nil
}

func (t *timing) merge(o *timing) {
	t.n += o.n
	var carry uint64
	t.lo, carry = bits.Add64(t.lo, o.lo, 0)
	t.hi += o.hi + carry
	if t.counts == nil && o.counts == nil && len(t.values)+len(o.values) <= ExactTimings {
		t.values = append(t.values, o.values...)
		return
	}
	if t.counts == nil {
		t.toBuckets()
	}
	for _, v := range o.values {
		t.bump(bucketOf(v), 1)
	}
	if len(o.counts) == 0 {
		return
	}
	t.widen(o.off, o.off+len(o.counts))
	dst := t.counts[o.off-t.off:]
	for i, c := range o.counts {
		dst[i] += c
	}
}

// widen makes the histogram cover buckets lo to hi-1, in one allocation.
func (t *timing) widen(lo, hi int) {
	if len(t.counts) == 0 {
		t.off, t.counts = lo, make([]int64, hi-lo)
		return
	}
	newLo, newHi := min(lo, t.off), max(hi, t.off+len(t.counts))
	if newLo == t.off && newHi == t.off+len(t.counts) {
		return
	}
	grown := make([]int64, newHi-newLo)
	copy(grown[t.off-newLo:], t.counts)
	t.off, t.counts = newLo, grown
}

// mean returns the exact sum over n, rounded to the nanosecond.
func (t *timing) mean() time.Duration {
	if t.n == 0 {
		return 0
	}
	sum := new(big.Int).Lsh(new(big.Int).SetUint64(t.hi), 64)
	sum.Add(sum, new(big.Int).SetUint64(t.lo))
	q, r := new(big.Int).QuoRem(sum, big.NewInt(t.n), new(big.Int))
	if 2*r.Int64() >= t.n { // r < n ≤ 2^62: no overflow
		q.Add(q, big.NewInt(1))
	}
	if !q.IsInt64() {
		return time.Duration(math.MaxInt64)
	}
	return time.Duration(q.Int64())
}

// summary returns the count, mean, median and p90 (type 7 quantiles, R's
// default).
func (t *timing) summary() TimeSummary {
	s := TimeSummary{N: int(t.n)}
	if t.n == 0 {
		return s
	}
	s.Mean = t.mean()
	var rank func(r int64) float64
	if t.counts == nil {
		sorted := slices.Sorted(slices.Values(t.values))
		rank = func(r int64) float64 { return float64(sorted[r]) }
	} else {
		rank = t.bucketRank
	}
	q := func(p float64) time.Duration {
		h := float64(t.n-1) * p
		lo := int64(math.Floor(h))
		v := rank(lo)
		if f := h - float64(lo); f > 0 && lo+1 < t.n {
			v += f * (rank(lo+1) - v)
		}
		return time.Duration(math.Round(v))
	}
	s.Median, s.P90 = q(0.5), q(0.9)
	return s
}

// bucketRank returns the value standing for the order statistic of rank r
// (0-based): the midpoint of its bucket.
func (t *timing) bucketRank(r int64) float64 {
	for i, c := range t.counts {
		if r < c {
			return bucketValue(t.off + i)
		}
		r -= c
	}
	return bucketValue(t.off + len(t.counts) - 1)
}

// timingJSON is a timing's encoding: the exact values (sorted) or the
// histogram from its first to its last non-empty bucket.
type timingJSON struct {
	N      int64   `json:"n"`
	Sum    string  `json:"sum"`
	Values []int64 `json:"values,omitempty"`
	Offset int     `json:"offset,omitempty"`
	Counts []int64 `json:"counts,omitempty"`
}

func (t *timing) toJSON() timingJSON {
	sum := new(big.Int).Lsh(new(big.Int).SetUint64(t.hi), 64)
	sum.Add(sum, new(big.Int).SetUint64(t.lo))
	j := timingJSON{N: t.n, Sum: sum.String()}
	if t.counts == nil {
		j.Values = slices.Sorted(slices.Values(t.values))
		return j
	}
	first, last := 0, len(t.counts)-1
	for first < last && t.counts[first] == 0 {
		first++
	}
	for last > first && t.counts[last] == 0 {
		last--
	}
	j.Offset, j.Counts = t.off+first, slices.Clone(t.counts[first:last+1])
	return j
}

// MarshalJSON writes the timing in its canonical form.
func (t timing) MarshalJSON() ([]byte, error) { return json.Marshal(t.toJSON()) }

// fromJSON checks an encoded timing and returns it: values only up to
// ExactTimings, a histogram only beyond, trimmed, counts and sum consistent.
func timingFromJSON(j timingJSON) (timing, error) {
	var t timing
	sum, ok := new(big.Int).SetString(j.Sum, 10)
	if !ok || sum.Sign() < 0 || sum.BitLen() > 128 {
		return t, fmt.Errorf("sum %q is not a non-negative 128-bit integer", j.Sum)
	}
	if j.N < 0 || j.N > maxCount {
		return t, fmt.Errorf("n %d out of range", j.N)
	}
	t.n = j.N
	t.lo = new(big.Int).And(sum, new(big.Int).SetUint64(math.MaxUint64)).Uint64()
	t.hi = new(big.Int).Rsh(sum, 64).Uint64()
	if j.N <= ExactTimings {
		return t, t.exactFromJSON(j, sum)
	}
	return t, t.bucketsFromJSON(j, sum)
}

func (t *timing) exactFromJSON(j timingJSON, sum *big.Int) error {
	if len(j.Counts) > 0 || j.Offset != 0 || int64(len(j.Values)) != j.N {
		return fmt.Errorf("%d values for n %d (exact up to %d)", len(j.Values), j.N, ExactTimings)
	}
	total := new(big.Int)
	for k, v := range j.Values {
		if v < 0 || (k > 0 && v < j.Values[k-1]) {
			return fmt.Errorf("values not sorted non-negative durations at %d", k)
		}
		total.Add(total, big.NewInt(v))
	}
	if total.Cmp(sum) != 0 {
		return fmt.Errorf("sum %s is not the sum of the values %s", sum, total)
	}
	t.values = slices.Clone(j.Values)
	return nil
}

func (t *timing) bucketsFromJSON(j timingJSON, sum *big.Int) error {
	if len(j.Values) > 0 || len(j.Counts) == 0 || j.Offset < 0 || j.Offset+len(j.Counts) > sketchBuckets ||
		j.Counts[0] <= 0 || j.Counts[len(j.Counts)-1] <= 0 {
		return fmt.Errorf("histogram of n %d malformed (offset %d, %d buckets)", j.N, j.Offset, len(j.Counts))
	}
	var n int64
	low, high := new(big.Int), new(big.Int)
	for i, c := range j.Counts {
		if c < 0 || c > maxCount {
			return fmt.Errorf("bucket %d count %d out of range", j.Offset+i, c)
		}
		n += c
		lo, hi := bucketBounds(j.Offset + i)
		low.Add(low, new(big.Int).Mul(big.NewInt(lo), big.NewInt(c)))
		high.Add(high, new(big.Int).Mul(big.NewInt(hi), big.NewInt(c)))
	}
	if n != j.N {
		return fmt.Errorf("bucket counts add up to %d, not n %d", n, j.N)
	}
	if sum.Cmp(low) < 0 || sum.Cmp(high) > 0 {
		return fmt.Errorf("sum %s outside the buckets' range %s–%s", sum, low, high)
	}
	t.off, t.counts = j.Offset, slices.Clone(j.Counts)
	return nil
}
