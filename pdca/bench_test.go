package pdca

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkViolations checks all eight Nelson rules over 1 000 000 points in
// one pass. The chart (an individuals chart of seeded normal noise whose
// level shifts every 10 000 points, so the rules fire now and then) is built inside the benchmark, before
// the timer starts; only the result is allocated in the loop.
func BenchmarkViolations(b *testing.B) {
	const n = 1_000_000
	rng := rand.New(rand.NewPCG(1, 2))
	vals := make([]float64, n)
	level := 0.0
	for i := range vals {
		if i%10_000 == 0 { // an occasional shift of the process level
			level = rng.NormFloat64() / 2
		}
		vals[i] = level + rng.NormFloat64()
	}
	ind, _, err := IMR(vals)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	var flagged int
	for range b.N {
		flagged = len(ind.Violations(Nelson))
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/point")
	b.ReportMetric(float64(flagged), "violations")
}

// BenchmarkConstantsFor measures the first computation of d₂, d₃ and c₄ for
// a subgroup size (the cache is bypassed).
func BenchmarkConstantsFor(b *testing.B) {
	b.ReportAllocs()
	for i := range b.N {
		_ = rangeMean(5 + i%20)
		_ = rangeSecondMoment(5 + i%20)
	}
}
