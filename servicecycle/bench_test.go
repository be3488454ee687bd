package servicecycle

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/servuction/servuction"
)

// benchCycle is a 10-moment cycle with two optional moments and standards.
func benchCycle() *Cycle {
	ms := make([]Moment, 10)
	for i := range ms {
		ms[i] = Moment{ID: "m" + strconv.Itoa(i), Critical: i%4 == 1, Optional: i == 3 || i == 7,
			Standards: Standards{MinRating: 3, MaxWait: 10 * time.Minute}}
	}
	return MustCycle(CycleConfig{Name: "bench", Moments: ms})
}

// benchLog returns journeys × 10 encounters, shuffled: every journey lives
// the ten moments in order, a few swap two of them (out of order).
func benchLog(c *Cycle, journeys int) []Encounter {
	rng := rand.New(rand.NewPCG(1, 2))
	ms := c.Moments()
	log := make([]Encounter, 0, journeys*len(ms))
	for j := range journeys {
		cs := "case-" + strconv.Itoa(j)
		t := t0.Add(time.Duration(rng.IntN(30*24*60)) * time.Minute)
		start := len(log)
		for _, m := range ms {
			t = t.Add(time.Duration(1+rng.IntN(900)) * time.Second)
			log = append(log, Encounter{Case: cs, Moment: m.ID, At: t, Rating: rng.IntN(6),
				Duration: time.Duration(rng.IntN(1200)) * time.Second, Channel: servuction.Channel(1 + rng.IntN(7))})
		}
		if rng.IntN(20) == 0 {
			a, b := start+rng.IntN(len(ms)), start+rng.IntN(len(ms))
			log[a].At, log[b].At = log[b].At, log[a].At
		}
	}
	rng.Shuffle(len(log), func(i, j int) { log[i], log[j] = log[j], log[i] })
	return log
}

// BenchmarkAnalyze analyses unsorted encounters (journeys over a 10-moment
// cycle) with Analyze: grouping, summaries with alignments, aggregate,
// variants and result. It reports the cost per encounter at three sizes to
// show that it grows linearly: wall time (ns/encounter), process CPU time
// (cpu-ns/encounter, where measurable) and bytes allocated (B/encounter).
func BenchmarkAnalyze(b *testing.B) {
	c := benchCycle()
	for _, journeys := range benchSizes() {
		b.Run(fmt.Sprintf("encounters=%d", journeys*10), func(b *testing.B) {
			log := benchLog(c, journeys)
			b.ReportAllocs()
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			cpu0, cpuOK := processCPU()
			b.ResetTimer()
			for range b.N {
				res, err := Analyze(c, log)
				if err != nil {
					b.Fatal(err)
				}
				if res.Encounters != len(log) {
					b.Fatalf("analysed %d encounters, want %d", res.Encounters, len(log))
				}
			}
			b.StopTimer()
			cpu1, _ := processCPU()
			runtime.ReadMemStats(&after)
			n := float64(b.N) * float64(len(log))
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/encounter")
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/n, "B/encounter")
			if cpuOK {
				// CPU time (all threads, GC included) per encounter: steadier
				// than wall time on a shared machine.
				b.ReportMetric(float64((cpu1-cpu0).Nanoseconds())/n, "cpu-ns/encounter")
			}
		})
	}
}

// benchSizes are the journeys of BenchmarkAnalyze: 10 000, 100 000 and
// 300 000 (100 000, 1 000 000 and 3 000 000 encounters); -short leaves out
// the largest.
func benchSizes() []int {
	if testing.Short() {
		return []int{10_000, 100_000}
	}
	return []int{10_000, 100_000, 300_000}
}

// BenchmarkAggregateMerge merges two aggregates of a 10-moment cycle, each
// of journeys × 10 encounters, at two sizes: the cost depends on the
// aggregates' size (the cycle, and histograms of at most 7 296 buckets),
// not on the number of encounters they summarise.
func BenchmarkAggregateMerge(b *testing.B) {
	c := benchCycle()
	for _, journeys := range []int{1_000, 100_000} {
		b.Run(fmt.Sprintf("encounters=%d", journeys*10), func(b *testing.B) {
			g := NewGrouper(c)
			for _, e := range benchLog(c, journeys) {
				if err := g.Add(e); err != nil {
					b.Fatal(err)
				}
			}
			one := NewAggregate(c)
			for s := range g.Summaries() {
				if err := one.Add(s); err != nil {
					b.Fatal(err)
				}
			}
			data, err := one.MarshalJSON()
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				var a Aggregate
				if err := a.Merge(one); err != nil {
					b.Fatal(err)
				}
				if err := a.Merge(one); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(data)), "json-bytes")
		})
	}
}
