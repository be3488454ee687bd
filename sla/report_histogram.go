package sla

import (
	"math"
	"math/bits"
	"time"
)

// The histogram's layout: 64 equal buckets per power of two of nanoseconds
// (the HDR histogram's log-linear layout), from the power of two holding
// 1 ms (2^19 ns ≈ 0.52 ms) up to the largest time.Duration (2^63 ns).
const (
	histSubBits = 6
	histSub     = 1 << histSubBits
	histMinExp  = 19
	histBuckets = (63 - histMinExp) * histSub // 2,816
	histLayout  = "log2x64"                   // names the layout in JSON
)

// HistogramError is the largest relative error of a [Histogram] quantile at
// or above 1 ms: half a bucket's width over its lower bound, 1/128 (0.78 %).
const HistogramError = 1.0 / (2 * histSub)

// histMin is the smallest duration the histogram tells apart from zero.
const histMin = time.Millisecond

// Histogram is a mergeable histogram of durations of fixed size: 2,816
// log-linear buckets, 64 per power of two from 1 ms up to the largest
// time.Duration. A quantile is the middle of the bucket that holds the value
// of its rank, within [HistogramError] (1/128, 0.78 %) of that value;
// durations below 1 ms count as zero and answer 0 (an absolute error under
// 1 ms). Adding a value costs a few instructions (no logarithm, no
// allocation once the buckets exist); merging adds bucket counts, so it is
// exact, associative and commutative: histograms built on shards and merged
// equal one built from all values.
//
// The zero value is an empty histogram; its 22 KiB of buckets are allocated
// by the first Add or Merge of a duration of 1 ms or more, and never grow.
type Histogram struct {
	n      int64
	zero   int64               // durations below 1 ms
	counts *[histBuckets]int64 // nil until a duration of 1 ms or more
}

// histIndex returns the bucket of d >= histMin.
func histIndex(d time.Duration) int {
	v := uint64(d)
	e := bits.Len64(v) - 1
	return (e-histMinExp)<<histSubBits | int(v>>(e-histSubBits))&(histSub-1)
}

// histValue returns the middle of bucket i, the value it answers.
func histValue(i int) time.Duration {
	shift := i>>histSubBits + histMinExp - histSubBits
	lo := uint64(histSub+i&(histSub-1)) << shift
	return time.Duration(lo + uint64(1)<<shift/2)
}

// Add records d; negative durations count as zero.
func (h *Histogram) Add(d time.Duration) {
	h.n++
	if d < histMin {
		h.zero++
		return
	}
	if h.counts == nil {
		h.counts = new([histBuckets]int64)
	}
	h.counts[histIndex(d)]++
}

// Merge adds every value recorded in o to h.
func (h *Histogram) Merge(o *Histogram) {
	if o == nil || o.n == 0 {
		return
	}
	h.n += o.n
	h.zero += o.zero
	if o.counts == nil {
		return
	}
	if h.counts == nil {
		h.counts = new([histBuckets]int64)
	}
	for i, c := range o.counts {
		h.counts[i] += c
	}
}

// Count returns how many durations were added.
func (h *Histogram) Count() int64 { return h.n }

// Quantile returns the nearest-rank q-quantile (0 <= q <= 1) of the n values
// added: the value of rank r in sorted order, where r is the smallest integer
// from 1 to n with r/n ≥ q, within [HistogramError]. The comparison is exact
// for the fraction r/n as float64 rounds it, so a q written as a decimal
// fraction names the rank it says: Quantile(0.07) of 100 values is the 7th,
// although 0.07 × 100 is 7.000000000000001 in floating point. Quantile
// returns 0 for an empty histogram or a q outside [0, 1].
func (h *Histogram) Quantile(q float64) time.Duration {
	if h.n == 0 || !(q >= 0 && q <= 1) {
		return 0
	}
	rank := nearestRank(q, h.n)
	if rank <= h.zero || h.counts == nil {
		return 0
	}
	seen := h.zero
	for i, c := range h.counts {
		if seen += c; seen >= rank {
			return histValue(i)
		}
	}
	return 0 // unreachable: the counts add up to n
}

// nearestRank returns the rank of the nearest-rank q-quantile of n sorted
// values, the one percentile definition of this package: the smallest r from
// 1 to n with r/n ≥ q. The fraction r/n is compared as float64 rounds it, so
// that a q written as a decimal fraction equals the fraction it names
// (0.07 is 7/100): nearestRank(0.07, 100) is 7, and nearestRank(0.5, 25) is
// 13. It returns 0 when n < 1 and clamps q to [0, 1] (q = 0 is rank 1; NaN
// is rank 1). Past 2^53 values, where float64 no longer holds every rank, r
// is ⌈q·n⌉ computed in float64.
func nearestRank(q float64, n int64) int64 {
	if n < 1 {
		return 0
	}
	if !(q > 0) {
		return 1
	}
	r := n
	if q < 1 {
		r = min(max(int64(math.Ceil(q*float64(n))), 1), n)
	}
	if n > 1<<53 {
		return r
	}
	// q·n is rounded: step to the exact rank (a step or two at most).
	for r > 1 && float64(r-1)/float64(n) >= q {
		r--
	}
	for r < n && float64(r)/float64(n) < q {
		r++
	}
	return r
}

// clone returns a deep copy.
func (h *Histogram) clone() Histogram {
	c := *h
	if h.counts != nil {
		c.counts = new([histBuckets]int64)
		*c.counts = *h.counts
	}
	return c
}

// Equal reports whether h and o hold the same counts.
func (h *Histogram) Equal(o *Histogram) bool {
	if h.n != o.n || h.zero != o.zero {
		return false
	}
	switch {
	case h.counts == nil && o.counts == nil:
		return true
	case h.counts == nil:
		return *o.counts == [histBuckets]int64{}
	case o.counts == nil:
		return *h.counts == [histBuckets]int64{}
	}
	return *h.counts == *o.counts
}
