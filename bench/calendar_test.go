package bench

import (
	"fmt"
	"testing"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/servuction/servuction/sla"
)

var spans = []struct {
	name string
	days int
}{{"1d", 1}, {"30d", 30}, {"365d", 365}, {"3650d", 3650}}

// calendars is NewYorkCalendars for a test or benchmark.
func calendars(tb testing.TB) (*sla.Calendar, *cal.BusinessCalendar, time.Time) {
	tb.Helper()
	ours, theirs, start, err := NewYorkCalendars()
	if err != nil {
		tb.Fatal(err)
	}
	return ours, theirs, start
}

// TestSameAnswers checks that both libraries compute the same business time
// on this calendar, so that the benchmarks compare equal work.
func TestSameAnswers(t *testing.T) {
	ours, theirs, start := calendars(t)
	for _, s := range spans {
		end := start.AddDate(0, 0, s.days)
		got, want := ours.Between(start, end), theirs.WorkHoursInRange(start, end)
		if got != want {
			t.Errorf("%s: servuction %s, rickar/cal %s", s.name, got, want)
		}
		if u, v := ours.Add(start, got), theirs.AddWorkHours(start, want); !u.Equal(v) {
			t.Errorf("%s: Add: servuction %s, rickar/cal %s", s.name, u, v)
		}
	}
}

var (
	sinkDuration time.Duration
	sinkTime     time.Time
)

// compare runs ours and theirs as sub-benchmarks for one span and prints the
// speed-up of ours.
func compare(b *testing.B, span string, ours, theirs func()) {
	var nsOurs, nsTheirs float64
	b.Run("servuction/"+span, func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			ours()
		}
		nsOurs = float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	})
	b.Run("rickar/"+span, func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			theirs()
		}
		nsTheirs = float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	})
	if nsOurs > 0 && nsTheirs > 0 {
		fmt.Printf("%s %s: servuction %.0f ns/op, rickar/cal %.0f ns/op, speed-up %.0fx\n",
			b.Name(), span, nsOurs, nsTheirs, nsTheirs/nsOurs)
	}
}

func BenchmarkBetween(b *testing.B) {
	ours, theirs, start := calendars(b)
	for _, s := range spans {
		end := start.AddDate(0, 0, s.days)
		compare(b, s.name,
			func() { sinkDuration = ours.Between(start, end) },
			func() { sinkDuration = theirs.WorkHoursInRange(start, end) })
	}
}

func BenchmarkAdd(b *testing.B) {
	ours, theirs, start := calendars(b)
	for _, s := range spans {
		d := ours.Between(start, start.AddDate(0, 0, s.days))
		compare(b, s.name,
			func() { sinkTime = ours.Add(start, d) },
			func() { sinkTime = theirs.AddWorkHours(start, d) })
	}
}
