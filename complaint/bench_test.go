package complaint

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

// lifecycle runs one case from receipt through escalation, resolution and
// callback to close (the seeds' flow, 10 transitions) on d.
func lifecycle(b *testing.B, d *Desk, id string) {
	ctx := context.Background()
	for _, ev := range seedsFlow(id) {
		if _, err := d.Apply(ctx, ev); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLifecycle reports transitions per second and allocations per
// transition of a full case with the in-memory store and its trail. It
// reports the rate in CPU time too (transitions/cpu-s: user and system time
// of the whole process, the garbage collector included), which the waits
// for a core on a shared machine do not inflate.
func BenchmarkLifecycle(b *testing.B) {
	b.ReportAllocs()
	d, err := NewDesk(DeskConfig{Store: NewMemStore()})
	if err != nil {
		b.Fatal(err)
	}
	const perCase = 10
	b.ResetTimer()
	cpu := cpuTime()
	for i := range b.N {
		lifecycle(b, d, fmt.Sprint("K-", i))
	}
	cpu = cpuTime() - cpu
	b.StopTimer()
	b.ReportMetric(float64(b.N*perCase)/b.Elapsed().Seconds(), "transitions/s")
	if cpu > 0 {
		b.ReportMetric(float64(b.N*perCase)/cpu.Seconds(), "transitions/cpu-s")
	}
	b.ReportMetric(allocsPerTransition(b), "allocs/transition")
}

// BenchmarkTransitionByCaseLength compares the cost of a transition on a
// case of 10 transitions and on one of 1 000, interleaved in one run so
// that both see the same machine: each iteration applies 1 000 transitions
// as 100 cases of 10 (a receive and 9 notes) and 1 000 as one case. It
// reports nanoseconds per transition of each and their ratio.
func BenchmarkTransitionByCaseLength(b *testing.B) {
	b.ReportAllocs()
	d, err := NewDesk(DeskConfig{Store: NewMemStore()})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	run := func(id string, n int) {
		if _, err := d.Apply(ctx, Event{Type: Receive, Case: id, At: t0, Actor: "ana", Intake: claimIntake()}); err != nil {
			b.Fatal(err)
		}
		for i := 1; i < n; i++ {
			if _, err := d.Apply(ctx, Event{Type: Note, Case: id, At: t0, Actor: "ana", Note: "called the customer"}); err != nil {
				b.Fatal(err)
			}
		}
	}
	var short, long time.Duration
	b.ResetTimer()
	for i := range b.N {
		start := time.Now()
		for j := range 100 {
			run(fmt.Sprint("S-", i, "-", j), 10)
		}
		mid := time.Now()
		run(fmt.Sprint("L-", i), 1000)
		short, long = short+mid.Sub(start), long+time.Since(mid)
	}
	b.StopTimer()
	perShort := float64(short.Nanoseconds()) / float64(b.N*1000)
	perLong := float64(long.Nanoseconds()) / float64(b.N*1000)
	b.ReportMetric(perShort, "ns/transition-of-10")
	b.ReportMetric(perLong, "ns/transition-of-1000")
	b.ReportMetric(perLong/perShort, "ratio")
}

// allocsPerTransition measures one more lifecycle outside the timer.
func allocsPerTransition(b *testing.B) float64 {
	d, err := NewDesk(DeskConfig{Store: NewMemStore()})
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	allocs := testing.AllocsPerRun(5, func() {
		n++
		lifecycle(b, d, fmt.Sprint("A-", n))
	})
	return allocs / 10
}

// BenchmarkFileStoreLifecycle is BenchmarkLifecycle on the file store with
// an fsync per transition.
func BenchmarkFileStoreLifecycle(b *testing.B) {
	b.ReportAllocs()
	fs, err := OpenFileStore(filepath.Join(b.TempDir(), "trail.jsonl"), FileOptions{})
	if err != nil {
		b.Fatal(err)
	}
	defer fs.Close()
	d, err := NewDesk(DeskConfig{Store: fs})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := range b.N {
		lifecycle(b, d, fmt.Sprint("K-", i))
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N*10)/b.Elapsed().Seconds(), "transitions/s")
}
