package servuction

import (
	"fmt"
	"time"
)

// Date is a civil date (a day on the calendar, with no time of day and no
// zone), used for holidays, periods and birthdays. The zero value is "no date":
// [Date.IsZero] reports it and [Date.IsValid] rejects it.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// NewDate returns the date after checking that it exists on the Gregorian
// calendar (2026-02-29 does not).
func NewDate(year int, month time.Month, day int) (Date, error) {
	d := Date{Year: year, Month: month, Day: day}
	if !d.IsValid() {
		return Date{}, fmt.Errorf("servuction: date %04d-%02d-%02d does not exist: %w", year, int(month), day, ErrInvalidValue)
	}
	return d, nil
}

// DateOf returns the date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: m, Day: d}
}

// ParseDate parses an ISO 8601 calendar date, "2006-01-02".
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("servuction: date %q: want YYYY-MM-DD: %w", s, ErrInvalidValue)
	}
	return DateOf(t), nil
}

// MustParseDate is like [ParseDate] but panics on error. Use it only for
// literals in programs and tests.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// IsValid reports whether d names a day that exists.
func (d Date) IsValid() bool {
	if d.Month < time.January || d.Month > time.December || d.Day < 1 || d.Day > 31 {
		return false
	}
	return DateOf(d.utc()) == d
}

func (d Date) utc() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// In returns the instant d starts (local midnight) in loc. On the rare day
// whose midnight does not exist in loc (a DST change at 00:00), it is the first
// instant of that day.
func (d Date) In(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday { return d.utc().Weekday() }

// AddDays returns the date n days after d (before it for negative n).
func (d Date) AddDays(n int) Date { return DateOf(d.utc().AddDate(0, 0, n)) }

// DaysSince returns the number of days from o to d (negative when d is
// earlier).
func (d Date) DaysSince(o Date) int {
	return int(d.utc().Sub(o.utc()).Hours() / 24)
}

// Compare returns -1, 0 or +1 as d is before, equal to or after o.
func (d Date) Compare(o Date) int {
	switch {
	case d.Year != o.Year:
		return cmp(d.Year, o.Year)
	case d.Month != o.Month:
		return cmp(int(d.Month), int(o.Month))
	default:
		return cmp(d.Day, o.Day)
	}
}

func cmp(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Before reports whether d is before o.
func (d Date) Before(o Date) bool { return d.Compare(o) < 0 }

// After reports whether d is after o.
func (d Date) After(o Date) bool { return d.Compare(o) > 0 }

// String returns d as "2006-01-02", or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// MarshalText encodes d as "2006-01-02" (the zero Date as empty text).
func (d Date) MarshalText() ([]byte, error) {
	if !d.IsZero() && !d.IsValid() {
		return nil, fmt.Errorf("servuction: date %04d-%02d-%02d does not exist: %w", d.Year, int(d.Month), d.Day, ErrInvalidValue)
	}
	return []byte(d.String()), nil
}

// UnmarshalText decodes "2006-01-02" (empty text gives the zero Date), leaving
// d unchanged on error.
func (d *Date) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*d = Date{}
		return nil
	}
	p, err := ParseDate(string(text))
	if err != nil {
		return err
	}
	*d = p
	return nil
}
