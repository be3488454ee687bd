package sla

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The histogram is a DDSketch (Masson, Rim & Lee, "DDSketch: a fast and
// fully-mergeable quantile sketch with relative-error guarantees", VLDB 2019)
// with relative accuracy α = 0.01: γ = (1+α)/(1-α) = 1.01/0.99, bucket k
// holds (γ^(k-1), γ^k] seconds and answers 2γ^k/(γ+1). For one second,
// k = ceil(ln 1 / ln γ) = 0 and the answer is 2/(1 + 1.01/0.99) =
// 2 × 0.99 / 2 = 0.99 s.
func TestHistogramExactSmallCases(t *testing.T) {
	type add []time.Duration
	tests := []struct {
		name string
		vals add
		q    float64
		want time.Duration
	}{
		{"empty", nil, 0.5, 0},
		{"one second alone, median", add{time.Second}, 0.5, 990 * time.Millisecond},
		{"one second alone, max", add{time.Second}, 1, 990 * time.Millisecond},
		{"one second alone, min", add{time.Second}, 0, 990 * time.Millisecond}, // rank ceil(0×1)=0 is raised to 1
		{"q below 0", add{time.Second}, -0.01, 0},
		{"q above 1", add{time.Second}, 1.01, 0},
		{"q NaN", add{time.Second}, math.NaN(), 0},
		// Durations under 1 ms count in the zero bucket and answer 0.
		{"zero then one second, rank 1 of 2", add{0, time.Second}, 0.5, 0},                       // ceil(0.5×2) = 1 <= 1 zero
		{"zero then one second, rank 2 of 2", add{0, time.Second}, 0.51, 990 * time.Millisecond}, // ceil(0.51×2) = 2
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

// TestHistogramRelativeError checks the DDSketch guarantee on single values:
// the answer is within 1 % of the value, from 1 ms up to 30 days.
func TestHistogramRelativeError(t *testing.T) {
	for _, d := range []time.Duration{time.Millisecond, 2 * time.Second, 90 * time.Second, 4 * time.Hour, 72 * time.Hour, 30 * 24 * time.Hour} {
		var h Histogram
		h.Add(d)
		got := h.Quantile(0.5)
		assert.InEpsilon(t, float64(d), float64(got), 0.01, "%s → %s", d, got)
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
		assert.InEpsilon(t, float64(time.Duration(i+1)*time.Second), float64(h.Quantile(q)), 0.01, "q=%v", q)
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
		assert.InEpsilon(t, float64(want), float64(h.Quantile(q)), histErrorBound, "q=%v", q)
	}
	assert.InEpsilon(t, float64(7*time.Second), float64(h.Quantile(0.07)), histErrorBound)
	// A rank between two values rounds up: q = 0.065 → r = ⌈6.5⌉ = 7.
	assert.InEpsilon(t, float64(7*time.Second), float64(h.Quantile(0.065)), histErrorBound)
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
