package sla

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/servuction/servuction"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNewCalendarMessages checks that each problem names where it is and the
// value at fault.
func TestNewCalendarMessages(t *testing.T) {
	d := servuction.MustParseDate
	office := weekOf(monFri, "09:00-17:00")
	tests := []struct {
		name string
		cfg  CalendarConfig
		want []string
	}{
		{"start before midnight", CalendarConfig{Week: map[time.Weekday][]Shift{time.Monday: {{Start: -5, End: 60}}}},
			[]string{"week: shift 1 on Monday: start -5 minutes out of range 00:00-23:59"}},
		{"start at 24:00", CalendarConfig{Week: map[time.Weekday][]Shift{time.Sunday: {{Start: EndOfDay, End: 60}}}},
			[]string{"week: shift 1 on Sunday: start 24:00 out of range 00:00-23:59"}},
		{"end past 24:00", CalendarConfig{Week: map[time.Weekday][]Shift{time.Saturday: {{Start: 60, End: EndOfDay + 1}}}},
			[]string{"week: shift 1 on Saturday: end 24:01 out of range 00:00-24:00"}},
		{"negative end", CalendarConfig{Week: map[time.Weekday][]Shift{time.Monday: MustParseShifts("08:00-09:00"), time.Tuesday: {{Start: 0, End: 60}, {Start: 60, End: -1}}}},
			[]string{"week: shift 2 on Tuesday: end -1 minutes out of range 00:00-24:00"}},
		{"weekdays out of range, in order", CalendarConfig{Week: map[time.Weekday][]Shift{9: office[time.Monday], -1: office[time.Monday], 7: office[time.Monday]}},
			[]string{"week: weekday -1: out of range 0 (Sunday) to 6 (Saturday): sla: invalid calendar\nsla: week: weekday 7: out of range 0 (Sunday) to 6 (Saturday): sla: invalid calendar\nsla: week: weekday 9: out of range"}},
		{"unnamed holiday shift", CalendarConfig{Week: office, Holidays: []Holiday{{Date: d("2026-12-24"), Shifts: []Shift{{Start: 60, End: 1500}}}}},
			[]string{"holiday 1 (2026-12-24): shift 1: end 25:00 out of range"}},
		{"named holiday shift", CalendarConfig{Week: office, Holidays: []Holiday{{Date: d("2026-12-25")}, {Date: d("2026-12-24"), Name: "Nochebuena", Shifts: []Shift{{Start: -1, End: 60}}}}},
			[]string{`holiday 2 "Nochebuena" (2026-12-24): shift 1: start -1 minutes`}},
		// A rule's holiday whose night shift overlaps the next day is named
		// by its rule.
		{"rule holiday spill overlaps", CalendarConfig{Week: office, Rules: []HolidayRule{
			{Name: "Nochebuena", Kind: FixedDate, Month: time.December, Day: 24, Shifts: MustParseShifts("20:00-10:00"), FromYear: 2026, ToYear: 2026}}},
			[]string{`2026-12-25: Friday shift 1 09:00-17:00 overlaps holiday "Nochebuena" (2026-12-24) shift 1 20:00-10:00 past midnight`}},
		{"rule problems named by position", CalendarConfig{Week: office, Rules: []HolidayRule{
			{Name: "ok", Kind: FixedDate, Month: 1, Day: 1}, {Name: "bad", Kind: FixedDate, Month: 2, Day: 30}}},
			[]string{`rule 2 "bad": day 30 out of range for February`}},
		{"closed every day", CalendarConfig{Week: map[time.Weekday][]Shift{time.Monday: nil}}, []string{"week: no shifts on any day"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := NewCalendar(tt.cfg)
			require.Error(t, err)
			assert.Nil(t, c)
			assert.ErrorIs(t, err, ErrInvalidCalendar)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
			assert.NotContains(t, err.Error(), "no shifts on any day\n", "only when nothing else is wrong")
		})
	}
}

// TestNewCalendarErrorCap checks that at most 20 problems are spelled out and
// the rest counted.
func TestNewCalendarErrorCap(t *testing.T) {
	tests := []struct {
		bad   int
		lines int
		more  string
	}{
		{19, 19, ""},
		{20, 20, ""},                     // exactly the cap
		{21, 21, "sla: 1 more problems"}, // 20 + the summary
		{25, 21, "sla: 5 more problems"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.bad), func(t *testing.T) {
			var hs []Holiday
			for i := 0; i < tt.bad; i++ {
				hs = append(hs, Holiday{Date: servuction.Date{Year: 2026, Month: 2, Day: 30 + i%2}})
			}
			_, err := NewCalendar(CalendarConfig{Week: weekOf(monFri, "09:00-17:00"), Holidays: hs})
			require.Error(t, err)
			lines := strings.Split(err.Error(), "\n")
			assert.Len(t, lines, tt.lines)
			if tt.more == "" {
				assert.NotContains(t, err.Error(), "more problems")
			} else {
				assert.Equal(t, tt.more+": sla: invalid calendar", lines[len(lines)-1])
			}
		})
	}
}

// TestCalendarFullWeekWithHoliday checks that a calendar open every hour of
// the week but closed on a holiday is not treated as 24×7.
func TestCalendarFullWeekWithHoliday(t *testing.T) {
	c := mustCal(t, CalendarConfig{Zone: "UTC", Week: weekOf(allDays, "00:00-24:00"),
		Holidays: []Holiday{{Date: servuction.MustParseDate("2026-03-03")}}})
	from := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	// Monday to Thursday 00:00 is 72 h; Tuesday's 24 h are closed: 48 h.
	assert.Equal(t, 48*time.Hour, c.Between(from, from.Add(72*time.Hour)))
	assert.False(t, c.IsOpen(from.Add(30*time.Hour)))
	// 24 h from Monday 12:00: 12 h on Monday, Tuesday closed, 12 h on Wednesday.
	assert.True(t, c.Add(from.Add(12*time.Hour), 24*time.Hour).Equal(from.Add(60*time.Hour)))
	// Without the holiday it is 24×7: the full 72 h.
	full := mustCal(t, CalendarConfig{Zone: "UTC", Week: weekOf(allDays, "00:00-24:00")})
	assert.Equal(t, 72*time.Hour, full.Between(from, from.Add(72*time.Hour)))
	_, ok := full.NextClose(from)
	assert.False(t, ok)
	// Open every day but one hour on Sunday: not 24×7 either.
	w := weekOf(allDays, "00:00-24:00")
	w[time.Sunday] = MustParseShifts("00:00-23:00")
	almost := mustCal(t, CalendarConfig{Zone: "UTC", Week: w})
	// Monday 00:00 to the next Monday 00:00: 168 h − 1 h.
	assert.Equal(t, 167*time.Hour, almost.Between(from, from.Add(168*time.Hour)))
	cl, ok := almost.NextClose(from)
	require.True(t, ok)
	assert.True(t, cl.Equal(time.Date(2026, 3, 8, 23, 0, 0, 0, time.UTC)), "%s", cl)
}
