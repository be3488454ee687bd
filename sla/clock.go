package sla

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// ErrInvalidShift is wrapped by every error of [ParseClock], [ParseShift] and
// the text decoders of [Clock] and [Shift].
var ErrInvalidShift = errors.New("sla: invalid shift")

// Clock is a local wall-clock time of day in whole minutes after midnight,
// from 0 (00:00) to 1440 (24:00). 24:00 is valid only as the end of a
// [Shift]. Write it as text "15:04".
type Clock int

// Midnight and EndOfDay bound a day: a [Shift] from Midnight to EndOfDay
// ("00:00-24:00") covers the whole day.
const (
	Midnight Clock = 0
	EndOfDay Clock = 24 * 60
)

// ClockOf returns the clock time h:m. It does not validate: use it for
// literals and check [Clock.IsValid] for computed values.
func ClockOf(h, m int) Clock { return Clock(h*60 + m) }

// IsValid reports whether c lies in 00:00 through 24:00.
func (c Clock) IsValid() bool { return c >= Midnight && c <= EndOfDay }

// Hour returns the hour of c, 0 through 24.
func (c Clock) Hour() int { return int(c) / 60 }

// Minute returns the minute of c within its hour, 0 through 59.
func (c Clock) Minute() int { return int(c) % 60 }

// String returns c as "15:04" ("24:00" for [EndOfDay]); an out-of-range value
// prints as "Clock(N)".
func (c Clock) String() string {
	if !c.IsValid() {
		return fmt.Sprintf("Clock(%d)", int(c))
	}
	return fmt.Sprintf("%02d:%02d", c.Hour(), c.Minute())
}

// ParseClock parses a time of day "HH:MM" or "H:MM", 00:00 through 24:00.
// Errors wrap [ErrInvalidShift].
func ParseClock(s string) (Clock, error) {
	c, ok := parseClock(strings.TrimSpace(s))
	if !ok {
		return 0, fmt.Errorf("sla: clock %q: want HH:MM from 00:00 to 24:00: %w", s, ErrInvalidShift)
	}
	return c, nil
}

func parseClock(s string) (Clock, bool) {
	h, m, ok := strings.Cut(s, ":")
	if !ok || len(h) < 1 || len(h) > 2 || len(m) != 2 {
		return 0, false
	}
	hh, ok1 := digits(h)
	mm, ok2 := digits(m)
	if !ok1 || !ok2 || hh > 24 || mm > 59 || (hh == 24 && mm != 0) {
		return 0, false
	}
	return Clock(hh*60 + mm), true
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// MarshalText encodes c as "15:04".
func (c Clock) MarshalText() ([]byte, error) {
	if !c.IsValid() {
		return nil, fmt.Errorf("sla: clock %d minutes: out of range 00:00-24:00: %w", int(c), ErrInvalidShift)
	}
	return []byte(c.String()), nil
}

// UnmarshalText decodes "15:04", leaving c unchanged on error.
func (c *Clock) UnmarshalText(text []byte) error {
	p, err := ParseClock(string(text))
	if err != nil {
		return err
	}
	*c = p
	return nil
}

// Shift is one opening period of a day (a turno, part of the horario), from
// Start to End in local wall-clock time. A shift belongs to the day it starts
// on. When End is not after Start the shift runs past midnight into the next
// day: "22:00-06:00" is eight hours, and "09:00-09:00" is twenty-four. The
// whole day is "00:00-24:00". Start is 00:00 through 23:59; End is 00:00
// through 24:00.
type Shift struct {
	Start, End Clock
}

// IsValid reports whether s has a Start in 00:00-23:59 and an End in
// 00:00-24:00.
func (s Shift) IsValid() bool {
	return s.Start >= Midnight && s.Start < EndOfDay && s.End.IsValid()
}

// Overnight reports whether s runs past midnight into the next day.
func (s Shift) Overnight() bool { return s.End <= s.Start }

// Length returns the nominal length of s on a day without a DST change. On a
// day when the clocks change, [Calendar.Between] counts the real time instead.
func (s Shift) Length() time.Duration {
	n := int(s.End - s.Start)
	if s.Overnight() {
		n += int(EndOfDay)
	}
	return time.Duration(n) * time.Minute
}

// span returns the shift as minutes after the start of its day: [a, b), b may
// exceed 1440 for an overnight shift.
func (s Shift) span() (a, b int) {
	a, b = int(s.Start), int(s.End)
	if b <= a {
		b += int(EndOfDay)
	}
	return a, b
}

// String returns s as "09:00-17:00".
func (s Shift) String() string { return s.Start.String() + "-" + s.End.String() }

// ParseShift parses a shift "HH:MM-HH:MM" such as "09:00-17:00",
// "22:00-06:00" (past midnight) or "00:00-24:00" (all day). Spaces around the
// dash are allowed. Errors wrap [ErrInvalidShift].
func ParseShift(s string) (Shift, error) {
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		return Shift{}, fmt.Errorf("sla: shift %q: want HH:MM-HH:MM such as \"09:00-17:00\": %w", s, ErrInvalidShift)
	}
	start, ok1 := parseClock(strings.TrimSpace(a))
	end, ok2 := parseClock(strings.TrimSpace(b))
	switch {
	case !ok1:
		return Shift{}, fmt.Errorf("sla: shift %q: start %q: want HH:MM from 00:00 to 23:59: %w", s, strings.TrimSpace(a), ErrInvalidShift)
	case !ok2:
		return Shift{}, fmt.Errorf("sla: shift %q: end %q: want HH:MM from 00:00 to 24:00: %w", s, strings.TrimSpace(b), ErrInvalidShift)
	case start == EndOfDay:
		return Shift{}, fmt.Errorf("sla: shift %q: start 24:00 out of range (a shift starting at midnight starts at 00:00): %w", s, ErrInvalidShift)
	}
	return Shift{Start: start, End: end}, nil
}

// MustParseShift is like [ParseShift] but panics on error. Use it only for
// literals.
func MustParseShift(s string) Shift {
	sh, err := ParseShift(s)
	if err != nil {
		panic(err)
	}
	return sh
}

// MustParseShifts parses each of ss with [MustParseShift]. Use it only for
// literals: MustParseShifts("09:00-14:00", "15:00-18:00").
func MustParseShifts(ss ...string) []Shift {
	out := make([]Shift, len(ss))
	for i, s := range ss {
		out[i] = MustParseShift(s)
	}
	return out
}

// MarshalText encodes s as "09:00-17:00".
func (s Shift) MarshalText() ([]byte, error) {
	if !s.IsValid() {
		return nil, fmt.Errorf("sla: shift %d-%d minutes: out of range: %w", int(s.Start), int(s.End), ErrInvalidShift)
	}
	return []byte(s.String()), nil
}

// UnmarshalText decodes "09:00-17:00", leaving s unchanged on error.
func (s *Shift) UnmarshalText(text []byte) error {
	p, err := ParseShift(string(text))
	if err != nil {
		return err
	}
	*s = p
	return nil
}
