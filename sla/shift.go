package sla

import (
	"fmt"
	"strings"
	"time"
)

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
