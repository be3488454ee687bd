package sla

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const bogotaJSON = `{
  "zone": "America/Bogota",
  "week": {
    "lunes": ["08:00-12:00", "14:00-18:00"],
    "Martes": ["08:00-18:00"],
    "friday": ["22:00-06:00"]
  },
  "holidays": [{"date": "2026-12-24", "name": "Nochebuena", "shifts": ["08:00-12:00"]}],
  "rules": [
    {"name": "Navidad", "kind": "fixed", "month": 12, "day": 25},
    {"name": "Reyes", "kind": "fecha fija", "month": 1, "day": 6, "observe": "lunes siguiente"},
    {"name": "Viernes Santo", "kind": "pascua", "offset": -2},
    {"name": "Acción de Gracias", "kind": "nth-weekday", "month": 11, "weekday": "jueves", "nth": 4}
  ]
}`

func TestCalendarJSONRoundTrip(t *testing.T) {
	var c Calendar
	require.NoError(t, json.Unmarshal([]byte(bogotaJSON), &c))
	cfg := c.Config()
	assert.Equal(t, "America/Bogota", cfg.Zone)
	assert.Equal(t, MustParseShifts("08:00-12:00", "14:00-18:00"), cfg.Week[time.Monday])
	assert.Equal(t, MustParseShifts("22:00-06:00"), cfg.Week[time.Friday])
	require.Len(t, cfg.Rules, 4)
	assert.Equal(t, NthWeekday, cfg.Rules[3].Kind)
	assert.Equal(t, time.Thursday, cfg.Rules[3].Weekday)
	assert.Equal(t, NextMonday, cfg.Rules[1].Observe)

	out, err := json.Marshal(&c)
	require.NoError(t, err)
	assert.JSONEq(t, `{"zone":"America/Bogota",
		"week":{"monday":["08:00-12:00","14:00-18:00"],"tuesday":["08:00-18:00"],"friday":["22:00-06:00"]},
		"holidays":[{"date":"2026-12-24","name":"Nochebuena","shifts":["08:00-12:00"]}],
		"rules":[{"name":"Navidad","kind":"fixed","month":12,"day":25},
		  {"name":"Reyes","kind":"fixed","month":1,"day":6,"observe":"next-monday"},
		  {"name":"Viernes Santo","kind":"easter","offset":-2},
		  {"name":"Acción de Gracias","kind":"nth-weekday","month":11,"weekday":"thursday","nth":4}]}`, string(out))
	var back Calendar
	require.NoError(t, json.Unmarshal(out, &back))
	out2, err := json.Marshal(&back)
	require.NoError(t, err)
	assert.Equal(t, string(out), string(out2))

	// The zero Calendar encodes as 24×7 UTC.
	zero, err := json.Marshal(&Calendar{})
	require.NoError(t, err)
	assert.Contains(t, string(zero), `"sunday":["00:00-24:00"]`)
}

func TestCalendarJSONErrors(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"syntax", `{"zone": `, []string{"calendar JSON"}},
		{"unknown field", `{"zone":"UTC","weeks":{}}`, []string{`unknown field "weeks"`}},
		{"unknown weekday", `{"week":{"funday":["09:00-17:00"]}}`, []string{`day "funday"`}},
		{"duplicate weekday", `{"week":{"monday":["09:00-17:00"],"lunes":["10:00-11:00"]}}`, []string{`both name Monday`}},
		{"bad shift", `{"week":{"monday":["09:00-25:00"]}}`, []string{`shift "09:00-25:00"`}},
		{"unknown rule kind", `{"week":{"monday":["09:00-17:00"]},"rules":[{"name":"x","kind":"lunar"}]}`, []string{`holiday rule kind "lunar"`}},
		{"invalid calendar", `{"zone":"Atlantis/Capital","week":{"monday":["09:00-12:00","11:00-13:00"]}}`,
			[]string{`zone "Atlantis/Capital"`, "overlaps"}},
		{"bad date", `{"week":{"monday":["09:00-17:00"]},"holidays":[{"date":"2026-13-01"}]}`, []string{`date "2026-13-01"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := AlwaysOpen()
			before := c.Config()
			// UnmarshalJSON directly: json.Unmarshal reports a syntax
			// error itself before calling it.
			err := c.UnmarshalJSON([]byte(tt.in))
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidCalendar)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
			assert.Equal(t, before, c.Config(), "unchanged on error")
		})
	}
}

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

// TestCalendarJSONErrorConvention checks defect G's convention in the
// calendar decoders: one "sla: " prefix, the sentinel once at the end, and
// still errors.Is for the sentinel of the inner cause.
func TestCalendarJSONErrorConvention(t *testing.T) {
	tests := []struct {
		name, in string
		also     error // a further sentinel the error wraps
		says     string
	}{
		{"unknown day", `{"week":{"funday":["09:00-17:00"]}}`, nil, `week: day "funday"`},
		{"bad shift", `{"week":{"monday":["25:00-26:00"]}}`, ErrInvalidShift, `shift "25:00-26:00"`},
		{"bad holiday shift", `{"week":{"monday":["09:00-17:00"]},"holidays":[{"date":"2026-12-24","shifts":["9-12"]}]}`, ErrInvalidShift, `shift "9-12"`},
		{"unknown rule kind", `{"week":{"monday":["09:00-17:00"]},"rules":[{"name":"x","kind":"weird"}]}`, ErrInvalidCalendar, `holiday rule kind "weird"`},
		{"unknown rule weekday", `{"week":{"monday":["09:00-17:00"]},"rules":[{"name":"x","kind":"nth-weekday","weekday":"funday"}]}`, nil, `weekday "funday"`},
		{"unknown key in a rule", `{"week":{"monday":["09:00-17:00"]},"rules":[{"name":"x","kind":"fixed","mes":1}]}`, nil, `unknown field "mes"`},
		{"unknown key", `{"week":{},"extra":1}`, nil, `unknown field "extra"`},
		{"syntax", `{"week":`, nil, "unexpected EOF"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c Calendar
			err := c.UnmarshalJSON([]byte(tt.in))
			assertOnePrefix(t, err, ErrInvalidCalendar)
			assert.Contains(t, err.Error(), tt.says)
			if tt.also != nil {
				assert.ErrorIs(t, err, tt.also)
			}
		})
	}
	// Validation problems found by NewCalendar keep one prefix each.
	var c Calendar
	err := c.UnmarshalJSON([]byte(`{"zone":"Nowhere/City","week":{"monday":["09:00-17:00"]}}`))
	assertOnePrefix(t, err, ErrInvalidCalendar)
}
