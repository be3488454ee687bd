package sla

import (
	"testing"
	"time"

	"github.com/servuction/servuction"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEaster(t *testing.T) {
	// Published Easter Sunday dates (Western churches), e.g. the tables of
	// the US Naval Observatory, "The Date of Easter".
	for _, want := range []string{"1961-04-02", "2000-04-23", "2008-03-23", "2011-04-24", "2019-04-21",
		"2024-03-31", "2025-04-20", "2026-04-05", "2027-03-28", "2038-04-25"} {
		d := servuction.MustParseDate(want)
		assert.Equal(t, d, Easter(d.Year), want)
	}
}

// TestColombiaHolidays2026 checks the rules against Colombia's published
// 2026 list: El Espectador, "Calendario con los festivos en Colombia 2026"
// (2025-12-26), https://www.elespectador.com/turismo/calendario-con-los-festivos-en-colombia-2026-cuantos-son-y-cuando-es-semana-santa/
// and Noticias Caracol, "Calendario de días festivos en Colombia 2026"
// (2025-12-28): 18 holidays, 11 of them on Mondays.
func TestColombiaHolidays2026(t *testing.T) {
	want := []string{
		"2026-01-01", "2026-01-12", "2026-03-23", "2026-04-02", "2026-04-03", "2026-05-01",
		"2026-05-18", "2026-06-08", "2026-06-15", "2026-06-29", "2026-07-20", "2026-08-07",
		"2026-08-17", "2026-10-12", "2026-11-02", "2026-11-16", "2026-12-08", "2026-12-25",
	}
	got := HolidaysIn(ColombiaHolidays(), 2026, 2026)
	require.Len(t, got, len(want))
	mondays := 0
	for i, h := range got {
		assert.Equal(t, want[i], h.Date.String(), h.Name)
		assert.Nil(t, h.Shifts)
		if h.Date.Weekday() == time.Monday {
			mondays++
		}
	}
	assert.Equal(t, 11, mondays)

	// The Bogotá calendar is closed on them: the week of Monday March 23
	// (San José) has Tue-Fri 4 × 10h + Saturday 5h = 45h instead of 55h.
	c := mustCal(t, BogotaConfig())
	bog := c.Location()
	assert.Equal(t, 45*time.Hour, c.Between(time.Date(2026, 3, 23, 0, 0, 0, 0, bog), time.Date(2026, 3, 30, 0, 0, 0, 0, bog)))
	// Holy week: Mon-Wed 3 × 10h + Saturday 5h = 35h.
	assert.Equal(t, 35*time.Hour, c.Between(time.Date(2026, 3, 30, 0, 0, 0, 0, bog), time.Date(2026, 4, 6, 0, 0, 0, 0, bog)))
	assert.False(t, c.IsOpen(time.Date(2026, 12, 8, 10, 0, 0, 0, bog)))
	assert.True(t, c.IsOpen(time.Date(2026, 12, 9, 10, 0, 0, 0, bog)))
}

func TestHolidayRuleDate(t *testing.T) {
	tests := []struct {
		name string
		rule HolidayRule
		year int
		want string // "" when the rule does not apply
	}{
		// US holidays 2026: Thanksgiving is the 4th Thursday of November
		// (November 26), Memorial Day the last Monday of May (May 25),
		// Labor Day the 1st Monday of September (September 7).
		{"4th Thursday", HolidayRule{Kind: NthWeekday, Month: time.November, Weekday: time.Thursday, Nth: 4}, 2026, "2026-11-26"},
		{"last Monday", HolidayRule{Kind: NthWeekday, Month: time.May, Weekday: time.Monday, Nth: -1}, 2026, "2026-05-25"},
		{"1st Monday", HolidayRule{Kind: NthWeekday, Month: time.September, Weekday: time.Monday, Nth: 1}, 2026, "2026-09-07"},
		// February 2026 has four Sundays (1, 8, 15, 22): no fifth.
		{"no 5th Sunday", HolidayRule{Kind: NthWeekday, Month: time.February, Weekday: time.Sunday, Nth: 5}, 2026, ""},
		{"Feb 29 in a common year", HolidayRule{Kind: FixedDate, Month: time.February, Day: 29}, 2026, ""},
		{"Feb 29 in a leap year", HolidayRule{Kind: FixedDate, Month: time.February, Day: 29}, 2028, "2028-02-29"},
		// Ley Emiliani: Jan 6 2026 is a Tuesday → Monday Jan 12; Jun 29
		// 2026 is a Monday and stays.
		{"next Monday", HolidayRule{Kind: FixedDate, Month: time.January, Day: 6, Observe: NextMonday}, 2026, "2026-01-12"},
		{"already Monday", HolidayRule{Kind: FixedDate, Month: time.June, Day: 29, Observe: NextMonday}, 2026, "2026-06-29"},
		// Easter 2026 is April 5: Good Friday April 3; Ascension (+39,
		// Thursday May 14) is observed Monday May 18.
		{"Good Friday", HolidayRule{Kind: EasterRelative, Offset: -2}, 2026, "2026-04-03"},
		{"Ascension moved", HolidayRule{Kind: EasterRelative, Offset: 39, Observe: NextMonday}, 2026, "2026-05-18"},
		{"before FromYear", HolidayRule{Kind: FixedDate, Month: 1, Day: 1, FromYear: 2030}, 2026, ""},
		{"after ToYear", HolidayRule{Kind: FixedDate, Month: 1, Day: 1, ToYear: 2020}, 2026, ""},
		{"unknown kind", HolidayRule{}, 2026, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := tt.rule.Date(tt.year)
			if tt.want == "" {
				assert.False(t, ok)
				return
			}
			require.True(t, ok)
			assert.Equal(t, tt.want, d.String())
		})
	}
}

func TestCalendarRulesAndExplicitHolidays(t *testing.T) {
	// An explicit half-day wins over the rule on the same date, and two
	// rules on one date give one holiday.
	cfg := CalendarConfig{
		Zone: "America/Bogota",
		Week: weekOf(monFri, "08:00-18:00"),
		Rules: []HolidayRule{
			{Name: "Navidad", Kind: FixedDate, Month: 12, Day: 25},
			{Name: "Twice", Kind: FixedDate, Month: 12, Day: 25},
		},
		Holidays: []Holiday{{Date: servuction.MustParseDate("2026-12-25"), Name: "Media jornada", Shifts: MustParseShifts("08:00-12:00")}},
	}
	hs := HolidaysIn(cfg.Rules, 2026, 2026)
	require.Len(t, hs, 1)
	assert.Equal(t, "Navidad / Twice", hs[0].Name)
	c := mustCal(t, cfg)
	bog := c.Location()
	day := func(y int, m time.Month, d int) time.Duration {
		return c.Between(time.Date(y, m, d, 0, 0, 0, 0, bog), time.Date(y, m, d+1, 0, 0, 0, 0, bog))
	}
	assert.Equal(t, 4*time.Hour, day(2026, 12, 25))
	assert.Equal(t, time.Duration(0), day(2025, 12, 25)) // Thursday, the rule closes it
	assert.Equal(t, 10*time.Hour, day(2025, 12, 26))
	// Outside RuleYearsFrom-RuleYearsTo rules do not apply: 2110-12-25 is
	// a Thursday.
	assert.Equal(t, 10*time.Hour, day(2110, 12, 25))
}

func TestParseRuleKindAndObservance(t *testing.T) {
	k, err := ParseRuleKind("Pascua")
	require.NoError(t, err)
	assert.Equal(t, EasterRelative, k)
	o, err := ParseObservance("Ley Emiliani")
	require.NoError(t, err)
	assert.Equal(t, NextMonday, o)
	_, err = ParseRuleKind("lunar")
	assert.ErrorIs(t, err, ErrInvalidCalendar)
	w, err := ParseWeekday("Miércoles")
	require.NoError(t, err)
	assert.Equal(t, time.Wednesday, w)
}

// TestColombiaHolidays2025 checks a year in which two holidays share a
// Monday: Sagrado Corazón (Easter April 20 + 71 days) and San Pedro y San
// Pablo (Sunday June 29, moved) both fall on Monday June 30, 2025. Published
// list: https://publicholidays.co/es/2025-dates/ (after banrep.gov.co) and
// https://www.festivos.com.co/2025 — 18 holidays on 17 dates.
func TestColombiaHolidays2025(t *testing.T) {
	want := []string{
		"2025-01-01", "2025-01-06", "2025-03-24", "2025-04-17", "2025-04-18", "2025-05-01",
		"2025-06-02", "2025-06-23", "2025-06-30", "2025-07-20", "2025-08-07", "2025-08-18",
		"2025-10-13", "2025-11-03", "2025-11-17", "2025-12-08", "2025-12-25",
	}
	got := HolidaysIn(ColombiaHolidays(), 2025, 2025)
	require.Len(t, got, len(want))
	for i, h := range got {
		assert.Equal(t, want[i], h.Date.String(), h.Name)
	}
	assert.Equal(t, "Sagrado Corazón / San Pedro y San Pablo", got[8].Name)
}

// TestNearestWeekday checks the US federal observance rule against OPM's
// published federal holiday tables (opm.gov, "Federal Holidays"): in 2026
// Independence Day (Saturday July 4) is observed Friday July 3; in 2027
// Christmas (Saturday December 25) on Friday December 24, and New Year's Day
// 2028 (Saturday) on Friday December 31, 2027.
func TestNearestWeekday(t *testing.T) {
	rules := []HolidayRule{
		{Name: "New Year's Day", Kind: FixedDate, Month: time.January, Day: 1, Observe: NearestWeekday},
		{Name: "Independence Day", Kind: FixedDate, Month: time.July, Day: 4, Observe: NearestWeekday},
		{Name: "Christmas Day", Kind: FixedDate, Month: time.December, Day: 25, Observe: NearestWeekday},
	}
	var got []string
	for _, h := range HolidaysIn(rules, 2026, 2028) {
		got = append(got, h.Date.String())
	}
	assert.Equal(t, []string{
		"2026-01-01", "2026-07-03", "2026-12-25",
		"2027-01-01", "2027-07-05", "2027-12-24",
		"2027-12-31", "2028-07-04", "2028-12-25",
	}, got)
	o, err := ParseObservance("observed")
	require.NoError(t, err)
	assert.Equal(t, NearestWeekday, o)
}

func TestCalendarHolidaysBetween(t *testing.T) {
	cfg := BogotaConfig()
	cfg.Holidays = []Holiday{
		{Date: servuction.MustParseDate("2026-12-24"), Name: "Nochebuena", Shifts: MustParseShifts("08:00-12:00")},
		{Date: servuction.MustParseDate("2026-12-25"), Name: "Navidad (cerrado)"},
	}
	c := mustCal(t, cfg)
	got := c.HolidaysBetween(servuction.MustParseDate("2026-12-01"), servuction.MustParseDate("2027-01-31"))
	var names []string
	for _, h := range got {
		names = append(names, h.Date.String()+" "+h.Name)
	}
	// December 8 (Inmaculada Concepción), the two explicit days, January 1
	// and Reyes Magos (Wednesday January 6, 2027 moved to Monday January 11).
	assert.Equal(t, []string{
		"2026-12-08 Inmaculada Concepción", "2026-12-24 Nochebuena", "2026-12-25 Navidad (cerrado)",
		"2027-01-01 Año Nuevo", "2027-01-11 Día de los Reyes Magos",
	}, names)
	assert.Nil(t, c.HolidaysBetween(servuction.MustParseDate("2027-01-31"), servuction.MustParseDate("2027-01-01")))
}

// TestExplicitHolidaysOnOneDate is defect C's second half: two explicit
// holidays on one date follow the rule two holiday rules follow, the first in
// the list sets the hours and the names are joined, instead of being an
// error while colliding rules merge.
func TestExplicitHolidaysOnOneDate(t *testing.T) {
	eve := servuction.MustParseDate("2026-12-24") // a Thursday
	c := mustCal(t, CalendarConfig{Week: weekOf(monFri, "09:00-17:00"), Holidays: []Holiday{
		{Date: eve, Name: "Nochebuena", Shifts: MustParseShifts("09:00-12:00")},
		{Date: servuction.MustParseDate("2026-12-25"), Name: "Navidad"},
		{Date: eve, Name: "Christmas Eve"}, // closed all day, but second
	}})
	day := time.Date(2026, 12, 24, 0, 0, 0, 0, time.UTC)
	assert.Equal(t, 3*time.Hour, c.Between(day, day.AddDate(0, 0, 1)))
	assert.Equal(t, []Holiday{
		{Date: eve, Name: "Nochebuena / Christmas Eve", Shifts: MustParseShifts("09:00-12:00")},
		{Date: servuction.MustParseDate("2026-12-25"), Name: "Navidad"},
	}, c.HolidaysBetween(eve, eve.AddDays(1)))
	// The configuration itself keeps both entries as given.
	assert.Len(t, c.Config().Holidays, 3)
}
