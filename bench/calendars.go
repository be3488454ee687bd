package bench

import (
	"fmt"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/us"
	"github.com/servuction/servuction"
	"github.com/servuction/servuction/sla"
)

// NewYorkCalendars returns the same calendar in both libraries: Monday to
// Friday 09:00-17:00 in New York, closed on the observed US federal holidays
// of 2025-2037 (the dates come from rickar/cal's us package, so both hold
// the same days), and a start instant in working hours (Monday 5 January
// 2026, 10:30). The benchmarks of this package and the peer runner
// (cmd/peers) time both libraries on it.
func NewYorkCalendars() (*sla.Calendar, *cal.BusinessCalendar, time.Time, error) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		return nil, nil, time.Time{}, fmt.Errorf("bench: %w", err)
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
		return nil, nil, time.Time{}, fmt.Errorf("bench: %w", err)
	}
	return ours, theirs, time.Date(2026, 1, 5, 10, 30, 0, 0, ny), nil
}
