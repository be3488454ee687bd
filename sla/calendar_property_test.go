package sla

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/servuction/servuction"
	"github.com/stretchr/testify/require"
)

// refCalendar is the brute-force reference: it decides whether the calendar
// is open at an instant by reading the instant's wall clock in the zone and
// looking at the shifts of that date and of the day before, and counts
// business time minute by minute.
type refCalendar struct {
	loc      *time.Location
	week     map[time.Weekday][]Shift
	holidays map[servuction.Date][]Shift
}

func newRef(t testing.TB, cfg CalendarConfig) refCalendar {
	loc := time.UTC
	if cfg.Zone != "" {
		loc = mustLoc(t, cfg.Zone)
	}
	r := refCalendar{loc: loc, week: cfg.Week, holidays: map[servuction.Date][]Shift{}}
	for _, h := range cfg.Holidays {
		r.holidays[h.Date] = h.Shifts
	}
	return r
}

func (r refCalendar) shiftsOn(d servuction.Date) []Shift {
	if s, ok := r.holidays[d]; ok {
		return s
	}
	return r.week[d.Weekday()]
}

func (r refCalendar) open(t time.Time) bool {
	lt := t.In(r.loc)
	d := servuction.DateOf(lt)
	m := lt.Hour()*60 + lt.Minute()
	for _, s := range r.shiftsOn(d) {
		a, b := int(s.Start), int(s.End)
		if b <= a {
			b = 1440
		}
		if m >= a && m < b {
			return true
		}
	}
	for _, s := range r.shiftsOn(d.AddDays(-1)) {
		if s.End <= s.Start && m < int(s.End) {
			return true
		}
	}
	return false
}

// refWindow holds the reference's open flag for every minute of a window.
type refWindow struct {
	from time.Time
	open []bool
	cum  []time.Duration // cum[i]: business time in [from, from+i min)
}

func (r refCalendar) window(from time.Time, minutes int) refWindow {
	w := refWindow{from: from, open: make([]bool, minutes), cum: make([]time.Duration, minutes+1)}
	for i := range minutes {
		w.open[i] = r.open(from.Add(time.Duration(i) * time.Minute))
		w.cum[i+1] = w.cum[i]
		if w.open[i] {
			w.cum[i+1] += time.Minute
		}
	}
	return w
}

// at returns the reference business time from the window start to t.
func (w refWindow) at(t time.Time) time.Duration {
	off := t.Sub(w.from)
	i := int(off / time.Minute)
	b := w.cum[i]
	if i < len(w.open) && w.open[i] {
		b += off - time.Duration(i)*time.Minute
	}
	return b
}

func randomShift(rng *rand.Rand) Shift {
	if rng.IntN(8) == 0 {
		return Shift{Start: Midnight, End: EndOfDay}
	}
	start := Clock(rng.IntN(96) * 15)
	length := 15 * (1 + rng.IntN(64))
	end := Clock((int(start) + length) % 1440)
	if end == 0 && rng.IntN(2) == 0 {
		end = EndOfDay
	}
	return Shift{Start: start, End: end}
}

func randomShifts(rng *rand.Rand) []Shift {
	n := rng.IntN(4)
	var out []Shift
	for range n {
		out = append(out, randomShift(rng))
	}
	return out
}

// randomCalendar returns a valid random calendar in zone with holidays
// between from and from+days.
func randomCalendar(t testing.TB, rng *rand.Rand, zone string, from servuction.Date, days int) (CalendarConfig, *Calendar) {
	for {
		cfg := CalendarConfig{Zone: zone, Week: map[time.Weekday][]Shift{}}
		for d := time.Sunday; d <= time.Saturday; d++ {
			if s := randomShifts(rng); len(s) > 0 {
				cfg.Week[d] = s
			}
		}
		seen := map[servuction.Date]bool{}
		for range rng.IntN(6) {
			d := from.AddDays(rng.IntN(days))
			if seen[d] {
				continue
			}
			seen[d] = true
			var sh []Shift
			if rng.IntN(2) == 0 {
				sh = randomShifts(rng)
			}
			cfg.Holidays = append(cfg.Holidays, Holiday{Date: d, Shifts: sh})
		}
		c, err := NewCalendar(cfg)
		if err == nil {
			return cfg, c
		}
	}
}

// TestCalendarAgainstReference checks Between, Add, IsOpen, NextOpen and
// NextClose against the minute-stepping reference on random calendars in
// zones with and without DST, over windows that contain a DST change, inside
// and outside the range of precomputed transitions.
func TestCalendarAgainstReference(t *testing.T) {
	zones := []string{"America/New_York", "Europe/Madrid", "UTC", "America/Bogota", "Australia/Lord_Howe", "America/Santiago"}
	// Each window of 12 days holds a DST change in some of the zones, or
	// the ends of the precomputed transitions (1900, 2200).
	windows := []string{"2026-02-28", "2026-10-24", "2026-03-22", "2026-04-01", "2200-03-01", "2199-12-25",
		"1899-12-25", "1918-03-25", "2150-03-05", "2150-10-28", "2026-09-02"}
	const days = 12
	// Every zone meets every window.
	calendars := len(zones) * len(windows)
	step := 1
	if testing.Short() {
		step = 3
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < calendars; n += step {
		zone := zones[n%len(zones)]
		start := servuction.MustParseDate(windows[n/len(zones)])
		cfg, c := randomCalendar(t, rng, zone, start.AddDays(-1), days+2)
		ref := newRef(t, cfg)
		from := start.In(ref.loc) // local midnight: wall minutes align with real ones
		w := ref.window(from, days*1440)
		end := from.Add(days * 24 * time.Hour)
		instant := func() time.Time {
			d := time.Duration(rng.Int64N(int64(days*24*time.Hour) - int64(time.Hour)))
			if rng.IntN(2) == 0 {
				d = d.Truncate(time.Minute)
			}
			return from.Add(d)
		}
		for range 25 {
			a, b := instant(), instant()
			if b.Before(a) {
				a, b = b, a
			}
			want := w.at(b) - w.at(a)
			require.Equal(t, want, c.Between(a, b), "calendar %d %+v: Between(%s, %s)", n, cfg, a, b)
			require.Equal(t, time.Duration(0), c.Between(b, a))
			// Additive.
			m := a.Add(b.Sub(a) / 3)
			require.Equal(t, c.Between(a, b), c.Between(a, m)+c.Between(m, b))
			require.Equal(t, ref.open(a), c.IsOpen(a), "calendar %d %+v: IsOpen(%s)", n, cfg, a)

			// Add inverts Between and returns the earliest such instant.
			if avail := w.at(end) - w.at(a); avail > 0 {
				d := time.Duration(rng.Int64N(int64(avail))) + 1
				if rng.IntN(2) == 0 {
					d = d.Truncate(time.Minute) + time.Minute
					d = min(d, avail)
				}
				u := c.Add(a, d)
				require.Equal(t, d, c.Between(a, u), "calendar %d %+v: Add(%s, %s) = %s", n, cfg, a, d, u)
				require.Less(t, c.Between(a, u.Add(-1)), d, "Add(%s, %s) = %s is not the earliest", a, d, u)
			}
			// NextOpen and NextClose against a scan of the reference.
			if i := int(a.Sub(from) / time.Minute); i < len(w.open)-2 {
				var wantOpen, wantClose time.Time
				if w.open[i] {
					wantOpen = a
				} else {
					for j := i + 1; j < len(w.open); j++ {
						if w.open[j] {
							wantOpen = from.Add(time.Duration(j) * time.Minute)
							break
						}
					}
				}
				if !w.open[i] {
					wantClose = a
				} else {
					for j := i + 1; j < len(w.open); j++ {
						if !w.open[j] {
							wantClose = from.Add(time.Duration(j) * time.Minute)
							break
						}
					}
				}
				if !wantOpen.IsZero() {
					got := c.NextOpen(a)
					require.True(t, got.Equal(wantOpen), "calendar %d %+v: NextOpen(%s) = %s, want %s", n, cfg, a, got, wantOpen)
				}
				if !wantClose.IsZero() {
					got, ok := c.NextClose(a)
					require.True(t, ok)
					require.True(t, got.Equal(wantClose), "calendar %d %+v: NextClose(%s) = %s, want %s", n, cfg, a, got, wantClose)
				}
			}
		}
	}
}

// TestCalendarLongSpans checks spans of years against day-by-day sums.
func TestCalendarLongSpans(t *testing.T) {
	for _, zone := range []string{"America/New_York", "Europe/Madrid", "Asia/Kolkata"} {
		// A 24×7 calendar counts real elapsed time over any span (the
		// holiday in 2300 keeps it off the elapsed-time shortcut).
		c := mustCal(t, CalendarConfig{Zone: zone, Week: weekOf(allDays, "00:00-24:00"),
			Holidays: []Holiday{{Date: servuction.MustParseDate("2300-01-01")}}})
		loc := c.Location()
		a := time.Date(1950, 6, 1, 12, 0, 0, 0, loc)
		b := time.Date(2230, 6, 1, 12, 0, 0, 0, loc)
		require.Equal(t, b.Sub(a), c.Between(a, b), zone)
		require.True(t, c.Add(a, b.Sub(a)).Equal(b), zone)
		// Day by day across the ends of the precomputed range: the sum of
		// the days equals the whole.
		biz := nyOffice(t)
		for _, from := range []time.Time{time.Date(1899, 11, 1, 0, 0, 0, 0, loc), time.Date(2199, 11, 1, 0, 0, 0, 0, loc)} {
			var sum time.Duration
			for d := range 120 {
				sum += biz.Between(from.AddDate(0, 0, d), from.AddDate(0, 0, d+1))
			}
			to := from.AddDate(0, 0, 120)
			require.Equal(t, sum, biz.Between(from, to))
			require.Equal(t, sum, biz.Between(from, biz.Add(from, sum)))
		}
	}
}
