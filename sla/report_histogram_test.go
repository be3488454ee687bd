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
