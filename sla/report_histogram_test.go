package sla

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The histogram has 64 equal buckets per power of two of nanoseconds, from
// 2^19 ns. One second is 10^9 ns, between 2^29 = 536,870,912 and 2^30: its
// buckets are 2^(29−6) = 8,388,608 ns wide, and it falls in the 55th of them
// ((10^9 − 2^29) / 2^23 = 55.2), which runs from (64 + 55) × 2^23 =
// 998,244,352 ns and answers its middle, 998,244,352 + 2^22 =
// 1,002,438,656 ns (0.24 % above one second).
const oneSecondAnswer = 1002438656 * time.Nanosecond

func TestHistogramExactSmallCases(t *testing.T) {
	type add []time.Duration
	tests := []struct {
		name string
		vals add
		q    float64
		want time.Duration
	}{
		{"empty", nil, 0.5, 0},
		{"one second alone, median", add{time.Second}, 0.5, oneSecondAnswer},
		{"one second alone, max", add{time.Second}, 1, oneSecondAnswer},
		{"one second alone, min", add{time.Second}, 0, oneSecondAnswer}, // rank ceil(0×1)=0 is raised to 1
		{"q below 0", add{time.Second}, -0.01, 0},
		{"q above 1", add{time.Second}, 1.01, 0},
		{"q NaN", add{time.Second}, math.NaN(), 0},
		// Durations under 1 ms count in the zero bucket and answer 0.
		{"zero then one second, rank 1 of 2", add{0, time.Second}, 0.5, 0},                // ceil(0.5×2) = 1 <= 1 zero
		{"zero then one second, rank 2 of 2", add{0, time.Second}, 0.51, oneSecondAnswer}, // ceil(0.51×2) = 2
		{"just under 1 ms is zero", add{time.Millisecond - 1}, 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var h Histogram
			for _, d := range tt.vals {
				h.Add(d)
			}
			assert.Equal(t, int64(len(tt.vals)), h.Count())
			assert.Equal(t, tt.want, h.Quantile(tt.q))
		})
	}
}

// TestHistogramRelativeError checks the guarantee on single values: the
// answer is within HistogramError (1/128) of the value, from 1 ms up to the
// largest duration.
func TestHistogramRelativeError(t *testing.T) {
	for _, d := range []time.Duration{time.Millisecond, 2 * time.Second, 90 * time.Second, 4 * time.Hour, 72 * time.Hour, 30 * 24 * time.Hour,
		1<<20 - 1, 1 << 20, 1<<62 - 1, 1 << 62, 1<<63 - 1} {
		var h Histogram
		h.Add(d)
		got := h.Quantile(0.5)
		assert.InEpsilon(t, float64(d), float64(got), HistogramError, "%s → %s", d, got)
		// The bucket holding d is narrow: the answer of 1.03 × d (outside
		// d ± 2 %) must differ.
		var far Histogram
		far.Add(time.Duration(float64(d) * 1.03))
		assert.NotEqual(t, got, far.Quantile(0.5), "%s", d)
	}
	// Ranks walk the sorted buckets: with 1 s, 2 s and 3 s the answers are
	// near 1 s, 2 s and 3 s for ranks 1, 2 and 3 (q = 1/3, 2/3, 1).
	var h Histogram
	for _, s := range []int{3, 1, 2} { // added out of order
		h.Add(time.Duration(s) * time.Second)
	}
	for i, q := range []float64{1.0 / 3, 2.0 / 3, 1} {
		assert.InEpsilon(t, float64(time.Duration(i+1)*time.Second), float64(h.Quantile(q)), HistogramError, "q=%v", q)
	}
}

func TestHistogramMergeAndEqual(t *testing.T) {
	var a, b, one Histogram
	for i, d := range []time.Duration{0, time.Second, time.Second, time.Minute, time.Hour} {
		one.Add(d)
		if i%2 == 0 {
			a.Add(d)
		} else {
			b.Add(d)
		}
	}
	var merged Histogram
	merged.Merge(&a)
	merged.Merge(&b)
	merged.Merge(nil)
	merged.Merge(&Histogram{})
	assert.True(t, merged.Equal(&one))
	assert.Equal(t, int64(5), merged.Count())

	// A histogram holding only zeros merges into an empty one.
	var zeros, into Histogram
	zeros.Add(0)
	into.Merge(&zeros)
	assert.Equal(t, int64(1), into.Count())
	assert.Equal(t, time.Duration(0), into.Quantile(1))

	c := one.clone()
	require.True(t, c.Equal(&one))
	c.Add(time.Hour)
	assert.False(t, c.Equal(&one), "different counts")
	assert.Equal(t, int64(5), one.Count(), "the clone does not share state")
	// Nor its buckets: one still equals the same five values added afresh.
	var again Histogram
	for _, d := range []time.Duration{0, time.Second, time.Second, time.Minute, time.Hour} {
		again.Add(d)
	}
	assert.True(t, one.Equal(&again), "adding to the clone changed the original's buckets")

	tests := []struct {
		name string
		x, y []time.Duration
		eq   bool
	}{
		{"both empty", nil, nil, true},
		{"same values", []time.Duration{time.Second, time.Hour}, []time.Duration{time.Hour, time.Second}, true},
		{"same count, different bucket", []time.Duration{time.Second}, []time.Duration{time.Hour}, false},
		{"same count, zero vs bucket", []time.Duration{0}, []time.Duration{time.Second}, false},
		{"same count, one vs two buckets", []time.Duration{time.Second, time.Second}, []time.Duration{time.Second, time.Hour}, false},
	}
	for _, tt := range tests {
		var x, y Histogram
		for _, d := range tt.x {
			x.Add(d)
		}
		for _, d := range tt.y {
			y.Add(d)
		}
		assert.Equal(t, tt.eq, x.Equal(&y), tt.name)
		assert.Equal(t, tt.eq, y.Equal(&x), tt.name)
	}
}

// TestHistogramQuantileExactRank is defect D: the rank of q is the smallest r
// with r/n ≥ q, decided exactly. 0.07 × 100 is 7.000000000000001 in floating
// point, whose ceiling is 8; the 7th of 1 s … 100 s is 7 s.
func TestHistogramQuantileExactRank(t *testing.T) {
	var h Histogram
	for s := 1; s <= 100; s++ {
		h.Add(time.Duration(s) * time.Second)
	}
	// Every percentile q = p/100 of 1 s … 100 s is the p-th value.
	for p := 1; p <= 100; p++ {
		q := float64(p) / 100
		want := time.Duration(p) * time.Second
		assert.InEpsilon(t, float64(want), float64(h.Quantile(q)), HistogramError, "q=%v", q)
	}
	assert.InEpsilon(t, float64(7*time.Second), float64(h.Quantile(0.07)), HistogramError)
	// A rank between two values rounds up: q = 0.065 → r = ⌈6.5⌉ = 7.
	assert.InEpsilon(t, float64(7*time.Second), float64(h.Quantile(0.065)), HistogramError)
}

// TestNearestRank checks the percentile definition on hand-worked ranks: the
// smallest r with r/n ≥ q.
func TestNearestRank(t *testing.T) {
	tests := []struct {
		q    float64
		n    int64
		want int64
	}{
		{0.07, 100, 7},  // 7/100 = 0.07 exactly as float64 rounds both
		{0.5, 25, 13},   // 12/25 = 0.48 < 0.5 ≤ 13/25 = 0.52
		{0.9, 25, 23},   // 22/25 = 0.88 < 0.9 ≤ 23/25 = 0.92
		{0.5, 2, 1},     // 1/2 = 0.5
		{0.51, 2, 2},    // 1/2 < 0.51
		{1.0 / 3, 3, 1}, // 1/3 as float64 is q itself
		{2.0 / 3, 3, 2}, // likewise
		{0.999, 1000, 999},
		{0.9991, 1000, 1000},
		{0, 10, 1},              // the minimum
		{1, 10, 10},             // the maximum
		{1e-300, 10, 1},         // any positive q reaches rank 1 at least
		{0.3, 10, 3},            // 0.3 × 10 = 3.0000000000000004 in floating point
		{0.29, 100, 29},         // 0.29 × 100 = 28.999999999999996
		{math.NaN(), 10, 1},     // NaN is clamped to the minimum
		{-1, 10, 1},             // below 0 too
		{2, 10, 10},             // above 1 is the maximum
		{0.5, 0, 0},             // no values, no rank
		{0.5, 1 << 60, 1 << 59}, // past 2^53 values: ⌈q·n⌉
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, nearestRank(tt.q, tt.n), "q=%v n=%d", tt.q, tt.n)
	}
}

// TestHistogramBucketEdges checks the layout at the edges of buckets: a
// bucket's lower bound and the nanosecond before it fall in neighbouring
// buckets, and every answer is within HistogramError of every value of its
// bucket.
func TestHistogramBucketEdges(t *testing.T) {
	assert.Equal(t, 695, histIndex(time.Second)) // (29 − 19) × 64 + 55
	assert.Equal(t, oneSecondAnswer, histValue(695))
	assert.Equal(t, 0, histIndex(1<<19))
	assert.Equal(t, histBuckets-1, histIndex(1<<63-1))
	for i := 0; i < histBuckets; i++ {
		shift := i>>histSubBits + histMinExp - histSubBits
		lo := time.Duration(uint64(histSub+i%histSub) << shift)
		hi := lo + time.Duration(uint64(1)<<shift) - 1 // last value of the bucket
		require.Equal(t, i, histIndex(lo), "bucket %d from %d", i, lo)
		require.Equal(t, i, histIndex(hi), "bucket %d to %d", i, hi)
		if i > 0 {
			require.Equal(t, i-1, histIndex(lo-1), "bucket %d", i)
		}
		v := histValue(i)
		require.LessOrEqual(t, math.Abs(float64(v-lo))/float64(lo), HistogramError, "bucket %d", i)
		require.LessOrEqual(t, math.Abs(float64(hi-v))/float64(hi), HistogramError, "bucket %d", i)
	}
}
