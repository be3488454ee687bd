package sla

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHolidayRuleJSONWeekdayBounds(t *testing.T) {
	tests := []struct {
		wd   time.Weekday
		want string // "" when marshalling fails
	}{
		{time.Sunday, `"weekday":"sunday"`},
		{time.Saturday, `"weekday":"saturday"`},
		{-1, ""},
		{7, ""},
	}
	for _, tt := range tests {
		r := HolidayRule{Name: "x", Kind: NthWeekday, Month: time.May, Weekday: tt.wd, Nth: 1}
		data, err := json.Marshal(r)
		if tt.want == "" {
			assert.ErrorIs(t, err, ErrInvalidCalendar, "%d", tt.wd)
			continue
		}
		require.NoError(t, err)
		assert.Contains(t, string(data), tt.want)
		var back HolidayRule
		require.NoError(t, json.Unmarshal(data, &back))
		assert.Equal(t, r.Weekday, back.Weekday)
	}
	// Only the fields of the rule's kind are written.
	data, err := json.Marshal(HolidayRule{Name: "e", Kind: EasterRelative, Offset: -2, Month: 3, Day: 4})
	require.NoError(t, err)
	assert.JSONEq(t, `{"name":"e","kind":"easter","offset":-2}`, string(data))
	data, err = json.Marshal(HolidayRule{Name: "f", Kind: FixedDate, Month: 3, Day: 4, Offset: 9, Nth: 2})
	require.NoError(t, err)
	assert.JSONEq(t, `{"name":"f","kind":"fixed","month":3,"day":4}`, string(data))
}

func TestCalendarConfigJSONWeekNames(t *testing.T) {
	var cfg CalendarConfig
	require.NoError(t, json.Unmarshal([]byte(`{"zone":"UTC","week":{"lunes":["09:00-17:00"],"SÁBADO":["10:00-12:00"],"sun":["08:00-09:00"]}}`), &cfg))
	assert.Equal(t, map[time.Weekday][]Shift{
		time.Monday: MustParseShifts("09:00-17:00"), time.Saturday: MustParseShifts("10:00-12:00"), time.Sunday: MustParseShifts("08:00-09:00"),
	}, cfg.Week)
	for _, bad := range []string{
		`{"week":{"monday":["09:00-17:00"],"lunes":["10:00-11:00"]}}`,
		`{"week":{"funday":["09:00-17:00"]}}`,
		`{"week":{"monday":["9-17"]}}`,
		`{"week":{},"extra":1}`,
	} {
		before := CalendarConfig{Zone: "kept"}
		cfg := before
		err := cfg.UnmarshalJSON([]byte(bad))
		assert.ErrorIs(t, err, ErrInvalidCalendar, bad)
		assert.Equal(t, before, cfg, "unchanged on error: %s", bad)
	}
	err := (&CalendarConfig{}).UnmarshalJSON([]byte(`{"week":{"monday":["09:00-17:00"],"lunes":["10:00-11:00"]}}`))
	assert.ErrorContains(t, err, `"lunes" and "monday" both name Monday`)
	// Weekdays out of range cannot be written.
	_, err = json.Marshal(CalendarConfig{Week: map[time.Weekday][]Shift{7: MustParseShifts("09:00-10:00")}})
	assert.ErrorIs(t, err, ErrInvalidCalendar)
}
