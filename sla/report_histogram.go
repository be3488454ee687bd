package sla

import (
	"math"
	"slices"
	"time"
)

// histAccuracy is the relative accuracy of [Histogram] quantiles.
const histAccuracy = 0.01

const histErrorBound = histAccuracy

var (
	histGamma    = (1 + histAccuracy) / (1 - histAccuracy)
	histLogGamma = math.Log(histGamma)
)

// histMin is the smallest duration the histogram tells apart from zero.
const histMin = time.Millisecond

// Histogram is a mergeable histogram of durations with logarithmic buckets
// (the DDSketch layout): every quantile it returns is within 1 % of a value
// actually added, whatever the range. Merging adds bucket counts, so it is
// exact, associative and commutative: histograms built on shards and merged
// equal one built from all values. The zero value is an empty histogram.
type Histogram struct {
	zero    int64           // durations below 1 ms
	buckets map[int32]int64 // bucket i holds (γ^(i-1), γ^i] seconds
	n       int64
}

// Add records d; negative durations count as zero.
func (h *Histogram) Add(d time.Duration) {
	h.n++
	if d < histMin {
		h.zero++
		return
	}
	if h.buckets == nil {
		h.buckets = make(map[int32]int64)
	}
	h.buckets[int32(math.Ceil(math.Log(d.Seconds())/histLogGamma))]++
}

// Merge adds every value recorded in o to h.
func (h *Histogram) Merge(o *Histogram) {
	if o == nil || o.n == 0 {
		return
	}
	h.n += o.n
	h.zero += o.zero
	if len(o.buckets) > 0 && h.buckets == nil {
		h.buckets = make(map[int32]int64, len(o.buckets))
	}
	for i, c := range o.buckets {
		h.buckets[i] += c
	}
}

// Count returns how many durations were added.
func (h *Histogram) Count() int64 { return h.n }

// Quantile returns the nearest-rank q-quantile (0 <= q <= 1) of the n values
// added: the value of rank r in sorted order, where r is the smallest integer
// from 1 to n with r/n ≥ q, within 1 %. The comparison is exact for the
// fraction r/n as float64 rounds it, so a q written as a decimal fraction
// names the rank it says: Quantile(0.07) of 100 values is the 7th, although
// 0.07 × 100 is 7.000000000000001 in floating point. Quantile returns 0 for
// an empty histogram or a q outside [0, 1].
func (h *Histogram) Quantile(q float64) time.Duration {
	if h.n == 0 || !(q >= 0 && q <= 1) {
		return 0
	}
	rank := nearestRank(q, h.n)
	if rank <= h.zero {
		return 0
	}
	seen := h.zero
	keys := make([]int32, 0, len(h.buckets))
	for k := range h.buckets {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		seen += h.buckets[k]
		if seen >= rank {
			// The bucket's midpoint in relative terms: 2γ^i/(γ+1) is within
			// α of every value in (γ^(i-1), γ^i].
			sec := 2 * math.Pow(histGamma, float64(k)) / (histGamma + 1)
			return time.Duration(math.Round(sec * float64(time.Second)))
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
	if h.buckets != nil {
		c.buckets = make(map[int32]int64, len(h.buckets))
		for k, v := range h.buckets {
			c.buckets[k] = v
		}
	}
	return c
}

// Equal reports whether h and o hold the same counts.
func (h *Histogram) Equal(o *Histogram) bool {
	if h.n != o.n || h.zero != o.zero || len(h.buckets) != len(o.buckets) {
		return false
	}
	for k, v := range h.buckets {
		if o.buckets[k] != v {
			return false
		}
	}
	return true
}
