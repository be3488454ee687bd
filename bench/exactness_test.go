package bench

import (
	"testing"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/servuction/servuction/sla"
)

// TestExactWhereRickarIsNot checks servuction against values worked out by
// hand on days where a day-walking calendar drifts, and logs what
// rickar/cal/v2 answers on the same inputs (for the README's comparison; its
// answers are not asserted).
func TestExactWhereRickarIsNot(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	allWeek := func(shift string) (*sla.Calendar, *cal.BusinessCalendar) {
		week := map[time.Weekday][]sla.Shift{}
		theirs := cal.NewBusinessCalendar()
		for d := time.Sunday; d <= time.Saturday; d++ {
			week[d] = sla.MustParseShifts(shift)
			theirs.SetWorkday(d, true)
		}
		sh := sla.MustParseShift(shift)
		theirs.SetWorkHours(time.Duration(sh.Start)*time.Minute, time.Duration(sh.Start)*time.Minute+sh.Length())
		ours, err := sla.NewCalendar(sla.CalendarConfig{Zone: "America/New_York", Week: week})
		if err != nil {
			t.Fatal(err)
		}
		return ours, theirs
	}
	tests := []struct {
		name       string
		shift      string
		start, end time.Time
		want       time.Duration
	}{
		// 24×7: Sunday March 8, 2026 has 23 real hours in New York, Sunday
		// November 1 has 25.
		{"24x7 spring forward", "00:00-24:00", time.Date(2026, 3, 8, 0, 0, 0, 0, ny), time.Date(2026, 3, 9, 0, 0, 0, 0, ny), 23 * time.Hour},
		{"24x7 fall back", "00:00-24:00", time.Date(2026, 11, 1, 0, 0, 0, 0, ny), time.Date(2026, 11, 2, 0, 0, 0, 0, ny), 25 * time.Hour},
		// A 24×7 week without a DST change is 168 hours (March 9-16, 2026).
		{"24x7 week", "00:00-24:00", time.Date(2026, 3, 9, 0, 0, 0, 0, ny), time.Date(2026, 3, 16, 0, 0, 0, 0, ny), 168 * time.Hour},
		// A night shift 22:00-06:00 every day: from Monday 21:00 to
		// Tuesday 07:00 the service is open 8 hours.
		{"overnight shift", "22:00-06:00", time.Date(2026, 3, 2, 21, 0, 0, 0, ny), time.Date(2026, 3, 3, 7, 0, 0, 0, ny), 8 * time.Hour},
		// The same night over the spring-forward change lasts 7 hours, over
		// the fall-back change 9.
		{"overnight spring forward", "22:00-06:00", time.Date(2026, 3, 7, 21, 0, 0, 0, ny), time.Date(2026, 3, 8, 7, 0, 0, 0, ny), 7 * time.Hour},
		{"overnight fall back", "22:00-06:00", time.Date(2026, 10, 31, 21, 0, 0, 0, ny), time.Date(2026, 11, 1, 7, 0, 0, 0, ny), 9 * time.Hour},
	}
	for _, tt := range tests {
		ours, theirs := allWeek(tt.shift)
		got := ours.Between(tt.start, tt.end)
		if got != tt.want {
			t.Errorf("%s: servuction %s, want %s", tt.name, got, tt.want)
		}
		t.Logf("%s: want %s, servuction %s, rickar/cal %s", tt.name, tt.want, got, theirs.WorkHoursInRange(tt.start, tt.end))
	}
}
