package sla

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseShift(t *testing.T) {
	tests := []struct {
		in        string
		want      Shift
		length    time.Duration
		overnight bool
		text      string
	}{
		{"09:00-17:00", Shift{540, 1020}, 8 * time.Hour, false, "09:00-17:00"},
		{"9:00 - 17:30", Shift{540, 1050}, 8*time.Hour + 30*time.Minute, false, "09:00-17:30"},
		{"22:00-06:00", Shift{1320, 360}, 8 * time.Hour, true, "22:00-06:00"},
		{"00:00-24:00", Shift{0, 1440}, 24 * time.Hour, false, "00:00-24:00"},
		{"18:00-24:00", Shift{1080, 1440}, 6 * time.Hour, false, "18:00-24:00"},
		{"09:00-09:00", Shift{540, 540}, 24 * time.Hour, true, "09:00-09:00"},
		{"23:59-00:00", Shift{1439, 0}, time.Minute, true, "23:59-00:00"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			s, err := ParseShift(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, s)
			assert.Equal(t, tt.length, s.Length())
			assert.Equal(t, tt.overnight, s.Overnight())
			assert.Equal(t, tt.text, s.String())
			txt, err := s.MarshalText()
			require.NoError(t, err)
			var back Shift
			require.NoError(t, back.UnmarshalText(txt))
			assert.Equal(t, s, back)
		})
	}
	for _, bad := range []string{"", "9-17", "09:00", "09:00-", "-17:00", "24:00-06:00", "09:60-10:00",
		"25:00-26:00", "09:00-24:01", "0900-1700", "a9:00-17:00", "09:00-17:00-18:00", "+9:00-17:00", "009:00-17:00"} {
		t.Run("bad "+bad, func(t *testing.T) {
			_, err := ParseShift(bad)
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidShift)
			assert.Contains(t, err.Error(), "sla: shift")
		})
	}
	s := Shift{540, 600}
	assert.Error(t, s.UnmarshalText([]byte("nope")))
	assert.Equal(t, Shift{540, 600}, s, "unchanged on error")
}

func TestClock(t *testing.T) {
	c, err := ParseClock("07:05")
	require.NoError(t, err)
	assert.Equal(t, ClockOf(7, 5), c)
	assert.Equal(t, 7, c.Hour())
	assert.Equal(t, 5, c.Minute())
	assert.Equal(t, "24:00", EndOfDay.String())
	assert.Equal(t, "Clock(1441)", Clock(1441).String())
	_, err = ParseClock("24:30")
	assert.ErrorIs(t, err, ErrInvalidShift)
	_, err = Clock(-1).MarshalText()
	assert.ErrorIs(t, err, ErrInvalidShift)
}

func TestClockBounds(t *testing.T) {
	tests := []struct {
		c     Clock
		valid bool
		text  string
		hour  int
		min   int
	}{
		{-1, false, "Clock(-1)", 0, -1}, // -1/60 = 0 and -1%60 = -1 in Go (truncated division)
		{Midnight, true, "00:00", 0, 0},
		{59, true, "00:59", 0, 59},
		{60, true, "01:00", 1, 0},
		{ClockOf(23, 59), true, "23:59", 23, 59}, // 23×60 + 59 = 1439
		{EndOfDay, true, "24:00", 24, 0},         // 24×60 = 1440
		{EndOfDay + 1, false, "Clock(1441)", 24, 1},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.valid, tt.c.IsValid(), "%d", int(tt.c))
		assert.Equal(t, tt.text, tt.c.String(), "%d", int(tt.c))
		assert.Equal(t, tt.hour, tt.c.Hour(), "%d", int(tt.c))
		assert.Equal(t, tt.min, tt.c.Minute(), "%d", int(tt.c))
		txt, err := tt.c.MarshalText()
		if !tt.valid {
			assert.ErrorIs(t, err, ErrInvalidShift, "%d", int(tt.c))
			continue
		}
		require.NoError(t, err)
		assert.Equal(t, tt.text, string(txt))
		var back Clock
		require.NoError(t, back.UnmarshalText(txt))
		assert.Equal(t, tt.c, back)
	}
}

func TestParseClockTable(t *testing.T) {
	tests := []struct {
		in   string
		want Clock
		ok   bool
	}{
		{"00:00", 0, true},
		{"0:00", 0, true},
		{" 9:05 ", 545, true}, // 9×60 + 5
		{"09:59", 599, true},  // 9×60 + 59
		{"19:09", 1149, true}, // 19×60 + 9: the digit 9 in every place
		{"24:00", 1440, true},
		{"24:01", 0, false},
		{"25:00", 0, false},
		{"12:60", 0, false},
		{"123:00", 0, false},
		{":00", 0, false},
		{"12:0", 0, false},
		{"12:000", 0, false},
		{"1200", 0, false},
		{"1/:00", 0, false}, // '/' is just below '0'
		{"1::00", 0, false}, // ':' is just above '9'
		{"12:0:", 0, false},
		{"12:/0", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseClock(tt.in)
		if !tt.ok {
			assert.ErrorIs(t, err, ErrInvalidShift, "%q", tt.in)
			continue
		}
		require.NoError(t, err, "%q", tt.in)
		assert.Equal(t, tt.want, got, "%q", tt.in)
	}
	c := ClockOf(8, 0)
	require.Error(t, c.UnmarshalText([]byte("8h")))
	assert.Equal(t, ClockOf(8, 0), c, "unchanged on error")
}

func TestShiftValidity(t *testing.T) {
	tests := []struct {
		s     Shift
		valid bool
	}{
		{Shift{Midnight, EndOfDay}, true},
		{Shift{Midnight, 1}, true},
		{Shift{ClockOf(23, 59), Midnight}, true},
		{Shift{-1, 60}, false},
		{Shift{EndOfDay, 60}, false}, // a shift cannot start at 24:00
		{Shift{60, EndOfDay + 1}, false},
		{Shift{60, -1}, false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.valid, tt.s.IsValid(), "%d-%d", int(tt.s.Start), int(tt.s.End))
		_, err := tt.s.MarshalText()
		if tt.valid {
			assert.NoError(t, err)
		} else {
			assert.ErrorIs(t, err, ErrInvalidShift)
		}
	}
	_, err := ParseShift("24:00-06:00")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "start 24:00 out of range")
	_, err = ParseShift("x-06:00")
	assert.Contains(t, err.Error(), `start "x"`)
	_, err = ParseShift("06:00-x")
	assert.Contains(t, err.Error(), `end "x"`)
	assert.Equal(t, []Shift{{540, 780}, {840, 1080}}, MustParseShifts("09:00-13:00", "14:00-18:00"))
	assert.Panics(t, func() { MustParseShift("nope") })
}
