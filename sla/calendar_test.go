package sla

import (
	"errors"
	"testing"
	"time"

	"github.com/servuction/servuction"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func mustLoc(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	require.NoError(t, err)
	return loc
}

func weekOf(days []time.Weekday, shifts ...string) map[time.Weekday][]Shift {
	w := map[time.Weekday][]Shift{}
	for _, d := range days {
		w[d] = MustParseShifts(shifts...)
	}
	return w
}

var (
	monFri  = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}
	allDays = []time.Weekday{time.Sunday, time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday}
)

func mustCal(t testing.TB, cfg CalendarConfig) *Calendar {
	t.Helper()
	c, err := NewCalendar(cfg)
	require.NoError(t, err)
	return c
}

// nyOffice is Mon–Fri 09:00–17:00 in New York with three 2026 holidays:
// Friday July 3 (Independence Day observed), Thanksgiving on Thursday
// November 26, and a half-day on Christmas Eve, Thursday December 24.
func nyOffice(t testing.TB) *Calendar {
	return mustCal(t, CalendarConfig{
		Zone: "America/New_York",
		Week: weekOf(monFri, "09:00-17:00"),
		Holidays: []Holiday{
			{Date: servuction.MustParseDate("2026-07-03"), Name: "Independence Day (observed)"},
			{Date: servuction.MustParseDate("2026-11-26"), Name: "Thanksgiving"},
			{Date: servuction.MustParseDate("2026-12-24"), Name: "Christmas Eve", Shifts: MustParseShifts("09:00-13:00")},
		},
	})
}

func TestCalendarBetweenAndAdd(t *testing.T) {
	ny := mustLoc(t, "America/New_York")
	at := func(s string) time.Time {
		tt, err := time.ParseInLocation("2006-01-02 15:04", s, ny)
		require.NoError(t, err)
		return tt
	}
	c := nyOffice(t)
	tests := []struct {
		name       string
		start, end string
		want       time.Duration
	}{
		{"same day", "2026-03-02 10:00", "2026-03-02 15:30", 5*time.Hour + 30*time.Minute},
		// Fri 16:00-17:00 is 1h, Mon 09:00-10:00 is 1h; the weekend and
		// the DST change of Sunday March 8 are closed.
		{"over a weekend and DST", "2026-03-06 16:00", "2026-03-09 10:00", 2 * time.Hour},
		{"end before start", "2026-03-09 10:00", "2026-03-06 16:00", 0},
		{"equal", "2026-03-09 10:00", "2026-03-09 10:00", 0},
		{"closed night", "2026-03-09 18:00", "2026-03-10 08:00", 0},
		// Wed 16:00-17:00 1h, Thanksgiving closed, Fri 09:00-10:00 1h.
		{"holiday closes a day", "2026-11-25 16:00", "2026-11-27 10:00", 2 * time.Hour},
		// Christmas Eve is a half-day 09:00-13:00: 4h.
		{"half-day holiday", "2026-12-24 00:00", "2026-12-25 00:00", 4 * time.Hour},
		// Week of June 29 - July 5 2026: Mon-Thu 4 × 8h = 32h, Friday July 3 closed.
		{"holiday week", "2026-06-29 00:00", "2026-07-06 00:00", 32 * time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, e := at(tt.start), at(tt.end)
			assert.Equal(t, tt.want, c.Between(s, e))
			// Instants in any zone give the same answer.
			assert.Equal(t, tt.want, c.Between(s.UTC(), e.In(mustLoc(t, "Asia/Tokyo"))))
		})
	}

	adds := []struct {
		name  string
		start string
		d     time.Duration
		want  string
	}{
		{"ends at closing time", "2026-03-02 16:00", time.Hour, "2026-03-02 17:00"},
		{"next morning", "2026-03-02 16:00", 2 * time.Hour, "2026-03-03 10:00"},
		{"over the weekend", "2026-03-06 16:00", 2 * time.Hour, "2026-03-09 10:00"},
		{"from a closed instant", "2026-03-07 12:00", 30 * time.Minute, "2026-03-09 09:30"},
		{"over Thanksgiving", "2026-11-25 16:00", 2 * time.Hour, "2026-11-27 10:00"},
		{"half-day", "2026-12-24 12:00", 2 * time.Hour, "2026-12-25 10:00"},
		// 40h = five full days Mon-Fri: ends Friday 17:00.
		{"a week", "2026-03-02 09:00", 40 * time.Hour, "2026-03-06 17:00"},
		{"zero", "2026-03-07 12:00", 0, "2026-03-07 12:00"},
	}
	for _, tt := range adds {
		t.Run("Add "+tt.name, func(t *testing.T) {
			got := c.Add(at(tt.start), tt.d)
			assert.True(t, got.Equal(at(tt.want)), "got %s want %s", got, tt.want)
		})
	}
}

func TestCalendarDST(t *testing.T) {
	tests := []struct {
		zone  string
		shift string
		day   string
		want  time.Duration
	}{
		// New York 2026: clocks go forward Sunday March 8 at 02:00 and back
		// Sunday November 1 at 02:00 (US rule: second Sunday of March,
		// first Sunday of November).
		{"America/New_York", "00:00-24:00", "2026-03-08", 23 * time.Hour},
		{"America/New_York", "00:00-24:00", "2026-11-01", 25 * time.Hour},
		{"America/New_York", "00:00-24:00", "2026-03-09", 24 * time.Hour},
		// 01:00-04:00: the wall hour 02:00-03:00 is skipped, so 2h; on the
		// way back 01:00-02:00 happens twice, so 4h.
		{"America/New_York", "01:00-04:00", "2026-03-08", 2 * time.Hour},
		{"America/New_York", "01:00-04:00", "2026-11-01", 4 * time.Hour},
		// Overnight shift Saturday 22:00 to Sunday 06:00 spans the change:
		// 8h - 1h and 8h + 1h.
		{"America/New_York", "22:00-06:00", "2026-03-07", 7 * time.Hour},
		{"America/New_York", "22:00-06:00", "2026-10-31", 9 * time.Hour},
		// Madrid 2026: forward Sunday March 29 02:00→03:00, back Sunday
		// October 25 03:00→02:00 (EU rule: last Sunday of March/October).
		{"Europe/Madrid", "00:00-24:00", "2026-03-29", 23 * time.Hour},
		{"Europe/Madrid", "00:00-24:00", "2026-10-25", 25 * time.Hour},
		{"Europe/Madrid", "02:30-03:30", "2026-03-29", 30 * time.Minute},
		// Back: 02:30-03:00 CEST, then the wall clock returns to 02:00 and
		// the shift runs again 02:30-03:30 CET: 30m + 60m, in two runs.
		{"Europe/Madrid", "02:30-03:30", "2026-10-25", 90 * time.Minute},
		// Bogotá has no DST.
		{"America/Bogota", "00:00-24:00", "2026-03-08", 24 * time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.zone+" "+tt.shift+" "+tt.day, func(t *testing.T) {
			loc := mustLoc(t, tt.zone)
			d := servuction.MustParseDate(tt.day)
			c := mustCal(t, CalendarConfig{Zone: tt.zone, Week: weekOf([]time.Weekday{d.Weekday()}, tt.shift)})
			from := d.In(loc)
			to := d.AddDays(2).In(loc)
			assert.Equal(t, tt.want, c.Between(from, to))
			assert.Equal(t, tt.want, c.Between(from.Add(-48*time.Hour), to.Add(48*time.Hour)))
			end := c.Add(from, tt.want)
			assert.Equal(t, tt.want, c.Between(from, end))
			if tt.want != 90*time.Minute {
				closeAt, ok := c.NextClose(c.NextOpen(from))
				require.True(t, ok)
				assert.True(t, closeAt.Equal(end), "close %s, end %s", closeAt, end)
			}
		})
	}
}

func TestCalendarShiftRules(t *testing.T) {
	ny := mustLoc(t, "America/New_York")
	at := func(s string) time.Time {
		tt, err := time.ParseInLocation("2006-01-02 15:04", s, ny)
		require.NoError(t, err)
		return tt
	}
	t.Run("overnight belongs to its start day", func(t *testing.T) {
		// Friday 22:00-06:00; Saturday 2026-03-14 is a closed holiday, but
		// Friday's shift still runs until Saturday 06:00.
		c := mustCal(t, CalendarConfig{Zone: "America/New_York",
			Week:     weekOf([]time.Weekday{time.Friday}, "22:00-06:00"),
			Holidays: []Holiday{{Date: servuction.MustParseDate("2026-03-14")}}})
		assert.Equal(t, 8*time.Hour, c.Between(at("2026-03-13 21:00"), at("2026-03-14 07:00")))
		assert.True(t, c.IsOpen(at("2026-03-14 05:59")))
		assert.False(t, c.IsOpen(at("2026-03-14 06:00")))
		// A holiday on Friday removes the whole night shift, including its
		// part on Saturday.
		c2 := mustCal(t, CalendarConfig{Zone: "America/New_York",
			Week:     weekOf([]time.Weekday{time.Friday}, "22:00-06:00"),
			Holidays: []Holiday{{Date: servuction.MustParseDate("2026-03-13")}}})
		assert.Equal(t, time.Duration(0), c2.Between(at("2026-03-13 00:00"), at("2026-03-15 00:00")))
		assert.False(t, c2.IsOpen(at("2026-03-14 01:00")))
	})
	t.Run("split shift", func(t *testing.T) {
		c := mustCal(t, CalendarConfig{Zone: "America/New_York", Week: weekOf(monFri, "09:00-14:00", "15:00-18:00")})
		// 13:00-14:00 and 15:00-16:00.
		assert.Equal(t, 2*time.Hour, c.Between(at("2026-03-02 13:00"), at("2026-03-02 16:00")))
		assert.False(t, c.IsOpen(at("2026-03-02 14:30")))
		assert.True(t, c.NextOpen(at("2026-03-02 14:30")).Equal(at("2026-03-02 15:00")))
		cl, ok := c.NextClose(at("2026-03-02 10:00"))
		require.True(t, ok)
		assert.True(t, cl.Equal(at("2026-03-02 14:00")))
		// 14:00 + 1h: the hour completes at 16:00 after the break.
		assert.True(t, c.Add(at("2026-03-02 13:30"), time.Hour).Equal(at("2026-03-02 15:30")))
	})
	t.Run("whole days", func(t *testing.T) {
		c := mustCal(t, CalendarConfig{Zone: "America/New_York", Week: weekOf(monFri, "00:00-24:00")})
		// Mon 00:00 to Sat 00:00: 5 × 24h.
		assert.Equal(t, 120*time.Hour, c.Between(at("2026-03-02 00:00"), at("2026-03-09 00:00")))
		cl, ok := c.NextClose(at("2026-03-02 10:00"))
		require.True(t, ok)
		assert.True(t, cl.Equal(at("2026-03-07 00:00")), "%s", cl)
		assert.True(t, c.NextOpen(at("2026-03-07 10:00")).Equal(at("2026-03-09 00:00")))
	})
	t.Run("24x7", func(t *testing.T) {
		c := AlwaysOpen()
		s := at("2026-03-01 00:00")
		assert.Equal(t, 720*time.Hour, c.Between(s, s.Add(720*time.Hour)))
		assert.True(t, c.Add(s, time.Hour).Equal(s.Add(time.Hour)))
		_, ok := c.NextClose(s)
		assert.False(t, ok)
		var zero Calendar
		assert.Equal(t, time.Hour, zero.Between(s, s.Add(time.Hour)))
		var nilCal *Calendar
		assert.True(t, nilCal.IsOpen(s))
		// A 24×7 calendar in New York with a holiday: closes at its start.
		h := mustCal(t, CalendarConfig{Zone: "America/New_York", Week: weekOf(allDays, "00:00-24:00"),
			Holidays: []Holiday{{Date: servuction.MustParseDate("2030-12-25")}}})
		cl, ok := h.NextClose(s)
		require.True(t, ok)
		assert.True(t, cl.Equal(time.Date(2030, 12, 25, 0, 0, 0, 0, ny)), "%s", cl)
	})
}

func TestNewCalendarErrors(t *testing.T) {
	d := servuction.MustParseDate
	tests := []struct {
		name string
		cfg  CalendarConfig
		want []string
	}{
		{"unknown zone", CalendarConfig{Zone: "Mars/Olympus", Week: weekOf(monFri, "09:00-17:00")}, []string{`zone "Mars/Olympus"`}},
		{"local zone", CalendarConfig{Zone: "Local", Week: weekOf(monFri, "09:00-17:00")}, []string{`zone "Local"`}},
		{"empty week", CalendarConfig{}, []string{"no shifts"}},
		{"end out of range", CalendarConfig{Week: map[time.Weekday][]Shift{time.Monday: {{Start: 540, End: 1500}}}},
			[]string{"week: shift 1 on Monday: end 25:00 out of range"}},
		{"start 24:00", CalendarConfig{Week: map[time.Weekday][]Shift{time.Monday: {{Start: 1440, End: 60}}}},
			[]string{"week: shift 1 on Monday: start 24:00 out of range"}},
		{"bad weekday", CalendarConfig{Week: map[time.Weekday][]Shift{9: MustParseShifts("09:00-17:00")}}, []string{"weekday 9"}},
		{"overlap same day", CalendarConfig{Week: weekOf([]time.Weekday{time.Monday}, "09:00-12:00", "11:00-13:00")},
			[]string{"week: Monday shift 2 11:00-13:00 overlaps Monday shift 1 09:00-12:00"}},
		{"overlap past midnight", CalendarConfig{Week: map[time.Weekday][]Shift{
			time.Monday: MustParseShifts("22:00-06:00"), time.Tuesday: MustParseShifts("05:00-10:00")}},
			[]string{"week: Tuesday shift 1 05:00-10:00 overlaps Monday shift 1 22:00-06:00 past midnight"}},
		{"invalid holiday date", CalendarConfig{Week: weekOf(monFri, "09:00-17:00"), Holidays: []Holiday{
			{Date: servuction.Date{Year: 2026, Month: 2, Day: 30}, Name: "x"}}}, []string{"2026-02-30 does not exist"}},
		{"holiday spill overlaps", CalendarConfig{Week: weekOf(monFri, "09:00-17:00"), Holidays: []Holiday{
			{Date: d("2026-12-24"), Name: "Nochebuena", Shifts: MustParseShifts("20:00-10:00")}}},
			[]string{`2026-12-25: Friday shift 1 09:00-17:00 overlaps holiday 1 "Nochebuena" (2026-12-24) shift 1 20:00-10:00 past midnight`}},
		{"bad rule", CalendarConfig{Week: weekOf(monFri, "09:00-17:00"), Rules: []HolidayRule{
			{Name: "x", Kind: FixedDate, Month: 13, Day: 1}, {Name: "y", Kind: NthWeekday, Month: 1, Nth: 0}}},
			[]string{`rule 1 "x": month 13`, `rule 2 "y": nth 0`}},
		{"every problem at once", CalendarConfig{Zone: "Nowhere/City", Week: map[time.Weekday][]Shift{
			time.Monday: {{Start: -1, End: 60}}, time.Tuesday: {{Start: 60, End: 2000}}}},
			[]string{`zone "Nowhere/City"`, "week: shift 1 on Monday: start -1 minutes", "week: shift 1 on Tuesday: end 33:20"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := NewCalendar(tt.cfg)
			require.Error(t, err)
			assert.Nil(t, c)
			assert.True(t, errors.Is(err, ErrInvalidCalendar))
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}
