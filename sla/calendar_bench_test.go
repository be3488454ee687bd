package sla

import (
	"testing"
	"time"
)

// usHolidayRules are US federal holidays on their calendar dates (without
// moving a weekend holiday to Friday or Monday), as data.
func usHolidayRules() []HolidayRule {
	return []HolidayRule{
		{Name: "New Year's Day", Kind: FixedDate, Month: time.January, Day: 1},
		{Name: "Martin Luther King Jr. Day", Kind: NthWeekday, Month: time.January, Weekday: time.Monday, Nth: 3},
		{Name: "Presidents' Day", Kind: NthWeekday, Month: time.February, Weekday: time.Monday, Nth: 3},
		{Name: "Memorial Day", Kind: NthWeekday, Month: time.May, Weekday: time.Monday, Nth: -1},
		{Name: "Juneteenth", Kind: FixedDate, Month: time.June, Day: 19},
		{Name: "Independence Day", Kind: FixedDate, Month: time.July, Day: 4},
		{Name: "Labor Day", Kind: NthWeekday, Month: time.September, Weekday: time.Monday, Nth: 1},
		{Name: "Columbus Day", Kind: NthWeekday, Month: time.October, Weekday: time.Monday, Nth: 2},
		{Name: "Veterans Day", Kind: FixedDate, Month: time.November, Day: 11},
		{Name: "Thanksgiving", Kind: NthWeekday, Month: time.November, Weekday: time.Thursday, Nth: 4},
		{Name: "Christmas Day", Kind: FixedDate, Month: time.December, Day: 25},
	}
}

var benchSpans = []struct {
	name string
	days int
}{{"1d", 1}, {"30d", 30}, {"365d", 365}, {"3650d", 3650}}

var (
	sinkDuration time.Duration
	sinkTime     time.Time
)

// benchCalendar is Mon–Fri 09:00–17:00 in New York with US holidays, and a
// start instant inside working hours.
func benchCalendar(b *testing.B) (*Calendar, time.Time) {
	c := mustCal(b, CalendarConfig{Zone: "America/New_York", Week: weekOf(monFri, "09:00-17:00"), Rules: usHolidayRules()})
	return c, time.Date(2026, 1, 5, 10, 30, 0, 0, c.Location())
}

func BenchmarkBetween(b *testing.B) {
	c, start := benchCalendar(b)
	for _, s := range benchSpans {
		end := start.AddDate(0, 0, s.days)
		b.Run(s.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkDuration = c.Between(start, end)
			}
		})
	}
}

func BenchmarkAdd(b *testing.B) {
	c, start := benchCalendar(b)
	for _, s := range benchSpans {
		d := c.Between(start, start.AddDate(0, 0, s.days))
		b.Run(s.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkTime = c.Add(start, d)
			}
		})
	}
}

func BenchmarkIsOpen(b *testing.B) {
	c, start := benchCalendar(b)
	b.ReportAllocs()
	for b.Loop() {
		_ = c.IsOpen(start)
	}
}

func BenchmarkNewCalendar(b *testing.B) {
	for _, tc := range []struct {
		name string
		cfg  CalendarConfig
	}{
		{"NewYork", CalendarConfig{Zone: "America/New_York", Week: weekOf(monFri, "09:00-17:00"), Rules: usHolidayRules()}},
		{"Bogota", BogotaConfig()},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := NewCalendar(tc.cfg); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkFarAdd is Add and Between from a mistyped instant in the year
// 9000 (defect F: 1.4 s before the 400-year cycle table). The table is built
// before the timer starts.
func BenchmarkFarAdd(b *testing.B) {
	c, _ := benchCalendar(b)
	start := time.Date(9000, 3, 14, 10, 0, 0, 0, c.Location())
	c.Add(start, time.Hour)
	b.Run("Add", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkTime = c.Add(start, 40*time.Hour)
		}
	})
	b.Run("Between", func(b *testing.B) {
		b.ReportAllocs()
		end := start.AddDate(0, 0, 30)
		for b.Loop() {
			sinkDuration = c.Between(start, end)
		}
	})
}
