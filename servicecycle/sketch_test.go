package servicecycle

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func timingOf(xs ...int64) *timing {
	var t timing
	for _, x := range xs {
		t.add(x)
	}
	return &t
}

func TestTimingExact(t *testing.T) {
	m := func(x int) int64 { return int64(time.Duration(x) * time.Minute) }
	// 1..10 minutes: mean 5.5; median 5.5; p90 at h = 9 × 0.9 = 8.1 → 9 + 0.1 = 9.1 min.
	s := timingOf(m(7), m(1), m(10), m(3), m(5), m(2), m(9), m(4), m(8), m(6)).summary()
	assert.Equal(t, TimeSummary{N: 10, Mean: 330 * time.Second, Median: 330 * time.Second, P90: 546 * time.Second}, s)
	assert.Equal(t, TimeSummary{N: 1, Mean: time.Minute, Median: time.Minute, P90: time.Minute}, timingOf(m(1)).summary())
	assert.Equal(t, TimeSummary{}, timingOf().summary())
	// The mean comes from an exact 128-bit sum: (MaxInt64 × 2 + 2) / 3 =
	// 2^64 / 3 = 6148914691236517205.33… → …205.
	big := int64(math.MaxInt64)
	assert.Equal(t, time.Duration(6148914691236517205), timingOf(big, big, 2).mean())
}

// TestTimingBucketsError checks the documented bound: beyond ExactTimings
// values, the median and p90 are within QuantileRelativeError of the exact
// type-7 quantiles.
func TestTimingBucketsError(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 200 {
		n := ExactTimings + 1 + rng.IntN(2000)
		xs := make([]int64, n)
		for i := range xs {
			xs[i] = int64(rng.ExpFloat64() * float64(10*time.Minute))
		}
		got := timingOf(xs...).summary()
		sorted := slices.Sorted(slices.Values(xs))
		q := func(p float64) float64 {
			h := float64(n-1) * p
			lo := int(math.Floor(h))
			v := float64(sorted[lo])
			if lo+1 < n {
				v += (h - float64(lo)) * float64(sorted[lo+1]-sorted[lo])
			}
			return v
		}
		assert.InEpsilon(t, q(0.5), float64(got.Median), QuantileRelativeError+1e-12)
		assert.InEpsilon(t, q(0.9), float64(got.P90), QuantileRelativeError+1e-12)
		var sum float64
		for _, x := range xs {
			sum += float64(x)
		}
		assert.InDelta(t, sum/float64(n), float64(got.Mean), 1)
	}
}

func TestBucketLayout(t *testing.T) {
	prevHi := int64(-1)
	for i := range sketchBuckets {
		lo, hi := bucketBounds(i)
		require.Equal(t, prevHi+1, lo, "bucket %d starts where %d ends", i, i-1)
		require.Equal(t, i, bucketOf(lo))
		require.Equal(t, i, bucketOf(hi))
		prevHi = hi
	}
	assert.Equal(t, int64(math.MaxInt64), prevHi)
}

// TestTimingMergeOrder checks that a timing's state depends only on its
// values: shards merged in any order, through JSON, equal one pass.
func TestTimingMergeOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for range 50 {
		n := rng.IntN(300)
		xs := make([]int64, n)
		for i := range xs {
			xs[i] = rng.Int64N(int64(time.Hour))
		}
		one := timingOf(xs...)
		var shards []*timing
		for lo := 0; lo < n; {
			hi := min(n, lo+rng.IntN(80))
			shards = append(shards, timingOf(xs[lo:hi]...))
			lo = hi
		}
		rng.Shuffle(len(shards), func(i, j int) { shards[i], shards[j] = shards[j], shards[i] })
		var merged timing
		for _, s := range shards {
			b, err := json.Marshal(s)
			require.NoError(t, err)
			var j timingJSON
			require.NoError(t, json.Unmarshal(b, &j))
			back, err := timingFromJSON(j)
			require.NoError(t, err)
			merged.merge(&back)
		}
		a, _ := json.Marshal(one)
		b, _ := json.Marshal(&merged)
		assert.JSONEq(t, string(a), string(b))
		assert.Equal(t, one.summary(), merged.summary())
	}
}
