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
	var s Shift
	s = Shift{540, 600}
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
