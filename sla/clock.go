package sla

import (
	"errors"
	"fmt"
	"strings"
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
