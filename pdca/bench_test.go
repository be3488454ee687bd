package pdca

import (
	"math/rand/v2"
	"testing"
	"time"
)

// BenchmarkViolations checks all eight Nelson rules over 1 000 000 points in
// one pass. The chart (an individuals chart of seeded normal noise whose
// level shifts every 10 000 points, so the rules fire now and then) is built inside the benchmark, before
// the timer starts; only the result is allocated in the loop.
func BenchmarkViolations(b *testing.B) {
	const n = 1_000_000
	vals := benchValues(n)
	ind, _, err := IMR(vals)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	var flagged int
	for range b.N {
		flagged = len(ind.Violations(Nelson))
	}
	b.StopTimer()
	reportPerPoint(b, n, cpuTime()-cpu)
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

// benchValues returns n seeded normal values whose level shifts every
// 10 000 points, so that the rules fire now and then.
func benchValues(n int) []float64 {
	rng := rand.New(rand.NewPCG(1, 2))
	vals := make([]float64, n)
	level := 0.0
	for i := range vals {
		if i%10_000 == 0 { // an occasional shift of the process level
			level = rng.NormFloat64() / 2
		}
		vals[i] = level + rng.NormFloat64()
	}
	return vals
}

// BenchmarkIMRNelson builds the individuals and moving-range charts of
// 1 000 000 points and checks all eight Nelson rules on the individuals
// chart: the whole Phase I job, per point.
func BenchmarkIMRNelson(b *testing.B) {
	const n = 1_000_000
	vals := benchValues(n)
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	var flagged int
	for range b.N {
		ind, _, err := IMR(vals)
		if err != nil {
			b.Fatal(err)
		}
		flagged = len(ind.Violations(Nelson))
	}
	b.StopTimer()
	reportPerPoint(b, n, cpuTime()-cpu)
	b.ReportMetric(float64(flagged), "violations")
}

// reportPerPoint reports wall time and CPU time per point of a benchmark
// over n points. CPU time is the process's, so it counts the garbage
// collector's work too; on a loaded machine it is the steadier figure.
func reportPerPoint(b *testing.B, n int, cpu time.Duration) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/point")
	if cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N)/float64(n), "cpu-ns/point")
	}
}

// benchNoise returns n seeded standard normal values: an in-control process.
func benchNoise(n int) []float64 {
	rng := rand.New(rand.NewPCG(3, 4))
	vals := make([]float64, n)
	for i := range vals {
		vals[i] = rng.NormFloat64()
	}
	return vals
}

// BenchmarkEWMA smooths 1 000 000 individual values of an in-control
// process against frozen limits (λ 0.2, 3σ) and lists the signals.
func BenchmarkEWMA(b *testing.B) {
	const n = 1_000_000
	vals := benchNoise(n)
	l := Limits{Kind: Individuals, Center: 0, Sigma: 1}
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	var signals int
	for range b.N {
		e, err := EWMA(l, vals, nil, 0.2, 3)
		if err != nil {
			b.Fatal(err)
		}
		signals = len(e.Signals())
	}
	b.StopTimer()
	reportPerPoint(b, n, cpuTime()-cpu)
	b.ReportMetric(float64(signals), "signals")
}

// BenchmarkCUSUM accumulates 1 000 000 individual values of an in-control
// process against frozen limits (h 5, shift 1) and lists the signals.
func BenchmarkCUSUM(b *testing.B) {
	const n = 1_000_000
	vals := benchNoise(n)
	l := Limits{Kind: Individuals, Center: 0, Sigma: 1}
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	var signals int
	for range b.N {
		c, err := CUSUM(l, vals, nil, 5, 1, 0)
		if err != nil {
			b.Fatal(err)
		}
		signals = len(c.Signals())
	}
	b.StopTimer()
	reportPerPoint(b, n, cpuTime()-cpu)
	b.ReportMetric(float64(signals), "signals")
}
