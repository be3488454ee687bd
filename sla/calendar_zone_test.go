package sla

import (
	"testing"
	"time"

	"github.com/servuction/servuction"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFarInstantsCostBoundedWork is defect F: a mistyped instant in the year
// 9000 made Add on a New York calendar walk every daylight-saving change from
// 2200 on (about 1.4 s). Every call must cost a bounded number of questions
// to the time package, whatever the instant; the answers stay exact (checked
// against the minute-stepping reference below).
func TestFarInstantsCostBoundedWork(t *testing.T) {
	c := mustCal(t, CalendarConfig{Zone: "America/New_York", Week: weekOf(monFri, "09:00-17:00"), Rules: usHolidayRules()})
	loc := c.Location()
	// Open 24×7 but for one holiday: NextClose must not walk to the year
	// 9999 to find that it never closes again.
	allWeek := mustCal(t, CalendarConfig{Zone: "America/New_York", Week: weekOf(allDays, "00:00-24:00"),
		Holidays: []Holiday{{Date: servuction.MustParseDate("2026-12-25")}}})
	// The first far call may prepare what far instants need, once.
	c.Add(time.Date(2300, 1, 1, 0, 0, 0, 0, loc), time.Hour)
	allWeek.Add(time.Date(2300, 1, 1, 0, 0, 0, 0, loc), time.Hour)

	const maxLookups = 16
	starts := []time.Time{
		time.Date(9000, 3, 14, 10, 0, 0, 0, loc),
		time.Date(9999, 12, 30, 10, 0, 0, 0, loc),
		time.Date(5000, 11, 5, 1, 30, 0, 0, loc),
		time.Date(2300, 6, 1, 0, 0, 0, 0, loc),
		time.Date(2199, 12, 31, 16, 0, 0, 0, loc),
		time.Date(2026, 1, 5, 10, 0, 0, 0, loc),
	}
	spans := []time.Duration{time.Hour, 40 * time.Hour, 5000 * time.Hour, 200 * 365 * 24 * time.Hour}
	for _, start := range starts {
		work := func(what string, f func()) {
			t.Helper()
			before := zoneLookups.Load()
			f()
			assert.LessOrEqual(t, zoneLookups.Load()-before, int64(maxLookups), "%s from %s", what, start)
		}
		for _, d := range spans {
			work("Add "+FormatDuration(d), func() { c.Add(start, d) })
			work("Between "+FormatDuration(d), func() { c.Between(start, start.Add(d)) })
		}
		work("IsOpen", func() { c.IsOpen(start) })
		work("NextOpen", func() { c.NextOpen(start) })
		work("NextClose", func() { c.NextClose(start) })
		work("NextClose 24×7", func() { allWeek.NextClose(start) })
	}
}

// TestFarInstantsExact checks Between, Add and IsOpen far beyond the
// precomputed range against the minute-stepping reference (which asks the
// time package), over windows around the first clock changes of far years,
// in zones with several kinds of daylight-saving rules: the far table's
// 400-year cycle must agree with the zone everywhere.
func TestFarInstantsExact(t *testing.T) {
	zones := []string{"America/New_York", "Europe/Madrid", "Australia/Lord_Howe", "America/Santiago", "Africa/Casablanca",
		"Asia/Gaza", "Pacific/Chatham", "America/Nuuk"}
	years := []int{2201, 2612, 3999, 9000, 9998}
	if testing.Short() {
		years = []int{2612, 9000}
	}
	for _, zone := range zones {
		cfg := CalendarConfig{Zone: zone, Week: weekOf(allDays, "01:00-03:30", "09:00-17:00", "22:00-00:30"),
			Holidays: []Holiday{{Date: servuction.MustParseDate("2026-12-25")}}}
		c := mustCal(t, cfg)
		ref := newRef(t, cfg)
		for _, y := range years {
			// A window of 9 days from 4 days before each of the year's
			// first two clock changes (or from March 1 without any).
			var starts []time.Time
			sec := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
			for range 2 {
				at, ok := nextTransition(ref.loc, sec)
				if !ok {
					break
				}
				starts = append(starts, servuction.DateOf(time.Unix(at, 0).In(ref.loc)).AddDays(-4).In(ref.loc))
				sec = at
			}
			if len(starts) == 0 {
				starts = append(starts, time.Date(y, 3, 1, 0, 0, 0, 0, ref.loc))
			}
			for _, from := range starts {
				checkWindow(t, c, ref, from, 9)
			}
		}
		// Across the end of the far table (2600-01-01 UTC), where the
		// cycle starts again.
		checkWindow(t, c, ref, time.Date(2599, 12, 28, 0, 0, 0, 0, ref.loc), 9)
	}
	// A holiday past 2200 starts the repeating cycle after it: around the
	// holiday, across the cycle's start and its end 400 years later.
	cfg := CalendarConfig{Zone: "Europe/Madrid", Week: weekOf(monFri, "08:00-14:00", "15:00-19:00"),
		Holidays: []Holiday{{Date: servuction.MustParseDate("2450-07-04"), Name: "late", Shifts: MustParseShifts("22:00-02:00")}}}
	c, ref := mustCal(t, cfg), newRef(t, cfg)
	for _, day := range []string{"2450-07-01", "2450-07-05", "2850-07-05", "2850-07-07", "2850-10-25", "9000-10-22"} {
		checkWindow(t, c, ref, servuction.MustParseDate(day).In(ref.loc), 9)
	}
}

// checkWindow compares the calendar with the reference over days from from,
// a local midnight.
func checkWindow(t *testing.T, c *Calendar, ref refCalendar, from time.Time, days int) {
	t.Helper()
	w := ref.window(from, days*1440)
	end := from.Add(time.Duration(days) * 24 * time.Hour)
	for h := 0; h < days*24; h += 5 {
		a := from.Add(time.Duration(h)*time.Hour + 7*time.Minute)
		for _, b := range []time.Time{a.Add(90 * time.Minute), a.Add(26 * time.Hour), end} {
			if b.Before(a) || b.After(end) {
				continue
			}
			want := w.at(b) - w.at(a)
			require.Equal(t, want, c.Between(a, b), "%s: Between(%s, %s)", c.Location(), a, b)
			if want > 0 {
				u := c.Add(a, want)
				require.Equal(t, want, c.Between(a, u), "%s: Add(%s, %s) = %s", c.Location(), a, want, u)
				require.Less(t, c.Between(a, u.Add(-time.Second)), want, "%s: Add(%s, %s) = %s is not the earliest", c.Location(), a, want, u)
			}
		}
		require.Equal(t, ref.open(a), c.IsOpen(a), "%s: IsOpen(%s)", c.Location(), a)
	}
}
