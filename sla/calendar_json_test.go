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
