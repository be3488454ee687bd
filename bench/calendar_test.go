package bench

import (
	"fmt"
	"testing"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/us"
	"github.com/servuction/servuction"
	"github.com/servuction/servuction/sla"
)

var spans = []struct {
	name string
	days int
}{{"1d", 1}, {"30d", 30}, {"365d", 365}, {"3650d", 3650}}

// calendars returns the same calendar in both libraries: Monday to Friday
// 09:00-17:00 in New York, closed on the observed US federal holidays of
// 2025-2037 (the dates come from rickar/cal's us package, so both hold the
// same days), and a start instant in working hours.
func calendars(tb testing.TB) (*sla.Calendar, *cal.BusinessCalendar, time.Time) {
	tb.Helper()
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		tb.Fatal(err)
	}
	theirs := cal.NewBusinessCalendar()
	theirs.AddHoliday(us.Holidays...)

	seen := map[servuction.Date]bool{}
	var holidays []sla.Holiday
	for year := 2025; year <= 2037; year++ {
		for _, h := range us.Holidays {
			_, observed := h.Calc(year)
			if observed.IsZero() {
				continue
			}
			d := servuction.DateOf(observed)
			if !seen[d] {
				seen[d] = true
				holidays = append(holidays, sla.Holiday{Date: d, Name: h.Name})
			}
		}
	}
	week := map[time.Weekday][]sla.Shift{}
	for d := time.Monday; d <= time.Friday; d++ {
		week[d] = sla.MustParseShifts("09:00-17:00")
	}
	ours, err := sla.NewCalendar(sla.CalendarConfig{Zone: "America/New_York", Week: week, Holidays: holidays})
	if err != nil {
		tb.Fatal(err)
	}
	return ours, theirs, time.Date(2026, 1, 5, 10, 30, 0, 0, ny)
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
