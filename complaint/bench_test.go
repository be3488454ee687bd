package complaint

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
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
// transition of a full case with the in-memory store and its trail.
func BenchmarkLifecycle(b *testing.B) {
	b.ReportAllocs()
	d, err := NewDesk(DeskConfig{Store: NewMemStore()})
	if err != nil {
		b.Fatal(err)
	}
	const perCase = 10
	b.ResetTimer()
	for i := range b.N {
		lifecycle(b, d, fmt.Sprint("K-", i))
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N*perCase)/b.Elapsed().Seconds(), "transitions/s")
	b.ReportMetric(allocsPerTransition(b), "allocs/transition")
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
