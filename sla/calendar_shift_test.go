package sla

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCalendarWholeDayShifts checks shifts whose end equals their start: they
// last 24 hours and run into the next day.
func TestCalendarWholeDayShifts(t *testing.T) {
	mon := func(h, m int) time.Time { return time.Date(2026, 3, 2, h, m, 0, 0, time.UTC) } // Monday
	tests := []struct {
		name     string
		shift    string
		between  time.Duration // Monday 00:00 to Wednesday 00:00
		openAt   []time.Time
		closedAt []time.Time
	}{
		// Monday 09:00 to Tuesday 09:00: 24 h.
		{"09:00-09:00", "09:00-09:00", 24 * time.Hour,
			[]time.Time{mon(9, 0), mon(23, 59), mon(24+8, 59)}, []time.Time{mon(8, 59), mon(24+9, 0)}},
		// Monday 00:00 to Tuesday 00:00: 24 h, the same as 00:00-24:00.
		{"00:00-00:00", "00:00-00:00", 24 * time.Hour,
			[]time.Time{mon(0, 0), mon(23, 59)}, []time.Time{mon(24, 0), mon(-1, 59)}},
		{"00:00-24:00", "00:00-24:00", 24 * time.Hour,
			[]time.Time{mon(0, 0), mon(23, 59)}, []time.Time{mon(24, 0)}},
		// Monday 23:00 to Tuesday 01:00: 2 h.
		{"23:00-01:00", "23:00-01:00", 2 * time.Hour,
			[]time.Time{mon(23, 0), mon(24, 59)}, []time.Time{mon(22, 59), mon(25, 0)}},
		// Monday 23:59 to Tuesday 00:00: 1 min.
		{"23:59-00:00", "23:59-00:00", time.Minute,
			[]time.Time{mon(23, 59)}, []time.Time{mon(24, 0), mon(23, 58)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := mustCal(t, CalendarConfig{Zone: "UTC", Week: weekOf([]time.Weekday{time.Monday}, tt.shift)})
			assert.Equal(t, tt.between, c.Between(mon(0, 0), mon(48, 0)))
			for _, at := range tt.openAt {
				assert.True(t, c.IsOpen(at), "open at %s", at)
			}
			for _, at := range tt.closedAt {
				assert.False(t, c.IsOpen(at), "closed at %s", at)
			}
			// Adding the whole shift from Monday 00:00 ends when it closes.
			end := c.Add(mon(0, 0), tt.between)
			cl, ok := c.NextClose(c.NextOpen(mon(0, 0)))
			require.True(t, ok)
			assert.True(t, end.Equal(cl), "Add ends %s, shift closes %s", end, cl)
		})
	}
}

// TestCalendarAdjacentShifts checks that shifts that touch without
// overlapping are accepted, and that every overlap is named.
func TestCalendarAdjacentShifts(t *testing.T) {
	tests := []struct {
		name string
		week map[time.Weekday][]Shift
		want []string // nil when valid
	}{
		{"touching same day", map[time.Weekday][]Shift{time.Monday: MustParseShifts("09:00-12:00", "12:00-13:00")}, nil},
		{"touching out of order", map[time.Weekday][]Shift{time.Monday: MustParseShifts("12:00-13:00", "09:00-12:00")}, nil},
		{"touching past midnight", map[time.Weekday][]Shift{
			time.Monday: MustParseShifts("22:00-06:00"), time.Tuesday: MustParseShifts("06:00-10:00")}, nil},
		{"one minute overlap", map[time.Weekday][]Shift{time.Monday: MustParseShifts("09:00-12:01", "12:00-13:00")},
			[]string{"Monday shift 2 12:00-13:00 overlaps Monday shift 1 09:00-12:01"}},
		{"one minute overlap past midnight", map[time.Weekday][]Shift{
			time.Monday: MustParseShifts("22:00-06:01"), time.Tuesday: MustParseShifts("06:00-10:00")},
			[]string{"Tuesday shift 1 06:00-10:00 overlaps Monday shift 1 22:00-06:01 past midnight"}},
		// Shift 3 overlaps shift 1 but not shift 2, which ends before it.
		{"overlap with an earlier shift than the previous one", map[time.Weekday][]Shift{
			time.Monday: MustParseShifts("09:00-17:00", "10:00-11:00", "12:00-13:00")},
			[]string{"Monday shift 2 10:00-11:00 overlaps Monday shift 1 09:00-17:00",
				"Monday shift 3 12:00-13:00 overlaps Monday shift 1 09:00-17:00"}},
		{"same start", map[time.Weekday][]Shift{time.Monday: MustParseShifts("09:00-10:00", "09:00-12:00")},
			[]string{"Monday shift 2 09:00-12:00 overlaps Monday shift 1 09:00-10:00"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := NewCalendar(CalendarConfig{Zone: "UTC", Week: tt.week})
			if tt.want == nil {
				require.NoError(t, err)
				require.NotNil(t, c)
				return
			}
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidCalendar)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}
