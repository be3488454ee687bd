package sla

import (
	"errors"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		text string // FormatDuration of want
	}{
		{"4h", 4 * time.Hour, "4h"},
		{"90m", 90 * time.Minute, "1h30m"},
		{"3d", 72 * time.Hour, "3d"}, // 3 × 24 h
		{"1d12h", 36 * time.Hour, "1d12h"},
		{"2h30m", 150 * time.Minute, "2h30m"},
		{" 45s ", 45 * time.Second, "45s"},
		{"0d", 0, "0s"},
		{"1d0m", 24 * time.Hour, "1d"},
		{"1h0m30s", time.Hour + 30*time.Second, "1h0m30s"},
	}
	for _, tt := range tests {
		got, err := ParseDuration(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
		assert.Equal(t, tt.text, FormatDuration(got), tt.in)
		back, err := ParseDuration(FormatDuration(got))
		require.NoError(t, err)
		assert.Equal(t, got, back)
	}
	for _, bad := range []string{"", "d", "-4h", "1.5d", "-1d", "4", "4 hours", "1d-2h", "xd", "1d1d", "100001d"} {
		_, err := ParseDuration(bad)
		assert.True(t, errors.Is(err, ErrInvalidDuration), "%q: %v", bad, err)
	}
	assert.Equal(t, "-1h30m", FormatDuration(-90*time.Minute))
}

func FuzzParseDuration(f *testing.F) {
	for _, s := range []string{"4h", "90m", "3d", "1d12h", "0s", "-1h", "1.5h", "99999d23h", "1d-1h"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDuration(s)
		if err != nil {
			if !errors.Is(err, ErrInvalidDuration) {
				t.Fatalf("%q: error does not wrap ErrInvalidDuration: %v", s, err)
			}
			return
		}
		if d < 0 {
			t.Fatalf("%q: negative %s", s, d)
		}
		back, err := ParseDuration(FormatDuration(d))
		if err != nil || back != d {
			t.Fatalf("%q = %s: FormatDuration %q parses back to %s, %v", s, d, FormatDuration(d), back, err)
		}
	})
}

func TestParseDurationBounds(t *testing.T) {
	// maxDays = 100000, so the longest duration is 100000 × 24 h = 2 400 000 h.
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"100000d", 100000 * Day, true},
		{"99999d24h", 100000 * Day, true}, // 99999 × 24 h + 24 h = 100000 × 24 h, exactly the bound
		{"99999d24h1ns", 0, false},        // one nanosecond past the bound
		{"100000d1ns", 0, false},
		{"2400000h", 100000 * Day, true}, // the bound written in hours: 100000 × 24
		{"0s", 0, true},
		{"+4h", 0, false},
		{"1d+4h", 0, false},
		{"d4h", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseDuration(tt.in)
		if !tt.ok {
			assert.ErrorIs(t, err, ErrInvalidDuration, "%q", tt.in)
			continue
		}
		require.NoError(t, err, "%q", tt.in)
		assert.Equal(t, tt.want, got, "%q", tt.in)
	}
	// The error names the part at fault: the day count before "d", even
	// when it is empty.
	_, err := ParseDuration("d4h")
	assert.ErrorContains(t, err, `days "": want a whole number of days up to 100000`)
	_, err = ParseDuration("100001d")
	assert.ErrorContains(t, err, `days "100001"`)
	_, err = ParseDuration("1d4x")
	assert.ErrorContains(t, err, `want text such as "4h", "90m" or "3d"`)
	_, err = ParseDuration("1d-4h")
	assert.ErrorContains(t, err, "want a non-negative duration")
	_, err = ParseDuration("99999d25h")
	assert.ErrorContains(t, err, "longer than 100000 days")
}

func TestFormatDurationTable(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{0, "0s"},
		{time.Nanosecond, "1ns"},
		{time.Minute, "1m"}, // "1m0s" without the zero seconds
		{time.Hour, "1h"},   // "1h0m0s" without the zero units
		{23 * time.Hour, "23h"},
		{Day, "1d"},
		{Day + time.Second, "1d1s"},
		{Day - time.Nanosecond, "23h59m59.999999999s"},
		{2*Day + 3*time.Hour + 4*time.Minute, "2d3h4m"}, // 51 h 4 m
		{-Day, "-1d"},
		{time.Duration(math.MinInt64), "-2562047h47m16.854775808s"}, // time.Duration's own text, which cannot be negated
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, FormatDuration(tt.d), "%d", int64(tt.d))
	}
}
