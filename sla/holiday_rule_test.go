package sla

import (
	"testing"
	"time"

	"github.com/servuction/servuction"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHolidayRuleValidateBounds checks every range of a rule at its edges.
func TestHolidayRuleValidateBounds(t *testing.T) {
	fixed := func(m time.Month, d int) HolidayRule {
		return HolidayRule{Name: "x", Kind: FixedDate, Month: m, Day: d}
	}
	nth := func(m time.Month, wd time.Weekday, n int) HolidayRule {
		return HolidayRule{Name: "x", Kind: NthWeekday, Month: m, Weekday: wd, Nth: n}
	}
	easter := func(off int) HolidayRule { return HolidayRule{Name: "x", Kind: EasterRelative, Offset: off} }
	with := func(r HolidayRule, mod func(*HolidayRule)) HolidayRule { mod(&r); return r }
	tests := []struct {
		name string
		r    HolidayRule
		want string // "" when valid
	}{
		{"January 1", fixed(time.January, 1), ""},
		{"December 31", fixed(time.December, 31), ""},
		{"February 29 (leap years)", fixed(time.February, 29), ""},
		{"February 30", fixed(time.February, 30), "day 30 out of range for February"},
		{"day 0", fixed(time.March, 0), "day 0 out of range"},
		{"April 31", fixed(time.April, 31), "day 31 out of range for April"},
		{"month 0", fixed(0, 1), "month 0 out of range 1-12"},
		{"month 13", fixed(13, 1), "month 13 out of range 1-12"},
		{"nth 1 Sunday", nth(time.May, time.Sunday, 1), ""},
		{"nth 5 Saturday", nth(time.May, time.Saturday, 5), ""},
		{"nth -5", nth(time.May, time.Monday, -5), ""},
		{"nth -1 in December", nth(time.December, time.Friday, -1), ""},
		{"nth 0", nth(time.May, time.Monday, 0), "nth 0: want 1 to 5"},
		{"nth 6", nth(time.May, time.Monday, 6), "nth 6"},
		{"nth -6", nth(time.May, time.Monday, -6), "nth -6"},
		{"weekday -1", nth(time.May, -1, 1), "weekday -1 out of range 0-6"},
		{"weekday 7", nth(time.May, 7, 1), "weekday 7 out of range 0-6"},
		{"nth month 0", nth(0, time.Monday, 1), "month 0 out of range"},
		{"nth month 13", nth(13, time.Monday, 1), "month 13 out of range"},
		{"easter -200", easter(-200), ""},
		{"easter 200", easter(200), ""},
		{"easter -201", easter(-201), "offset -201 days from Easter out of range -200 to 200"},
		{"easter 201", easter(201), "offset 201"},
		{"observe nearest weekday", with(fixed(time.July, 4), func(r *HolidayRule) { r.Observe = NearestWeekday }), ""},
		{"observe 3", with(fixed(time.July, 4), func(r *HolidayRule) { r.Observe = 3 }), "observe"},
		{"years equal", with(fixed(time.July, 4), func(r *HolidayRule) { r.FromYear, r.ToYear = 2026, 2026 }), ""},
		{"only to year", with(fixed(time.July, 4), func(r *HolidayRule) { r.ToYear = 1990 }), ""},
		{"years reversed", with(fixed(time.July, 4), func(r *HolidayRule) { r.FromYear, r.ToYear = 2027, 2026 }), "to_year 2026 before from_year 2027"},
		{"good shift", with(fixed(time.July, 4), func(r *HolidayRule) { r.Shifts = MustParseShifts("08:00-12:00") }), ""},
		{"bad shift", with(fixed(time.July, 4), func(r *HolidayRule) { r.Shifts = []Shift{{Start: 60, End: 2000}} }), "shift 1: end 33:20 out of range"},
		{"no kind", HolidayRule{Name: "x"}, "kind"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.r.Validate()
			if tt.want == "" {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidCalendar)
			assert.Contains(t, err.Error(), `sla: holiday rule "x": `)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

// TestHolidayRuleDateEdges checks the weekday arithmetic where the month
// starts or ends on the weekday sought, the fifth and fifth-from-last
// weekdays, observance moves and the year range. Weekdays from the 2026
// calendar: March 1 and 29 are Sundays, February 1 is a Sunday and
// February 28 a Saturday, May 31 a Sunday, August 31 a Monday.
func TestHolidayRuleDateEdges(t *testing.T) {
	tests := []struct {
		name string
		rule HolidayRule
		year int
		want string // "" when the rule does not apply
	}{
		{"1st Sunday on the 1st", HolidayRule{Kind: NthWeekday, Month: time.March, Weekday: time.Sunday, Nth: 1}, 2026, "2026-03-01"},
		{"1st Monday the day after", HolidayRule{Kind: NthWeekday, Month: time.March, Weekday: time.Monday, Nth: 1}, 2026, "2026-03-02"},
		{"1st Saturday six days on", HolidayRule{Kind: NthWeekday, Month: time.March, Weekday: time.Saturday, Nth: 1}, 2026, "2026-03-07"},
		{"5th Sunday exists", HolidayRule{Kind: NthWeekday, Month: time.March, Weekday: time.Sunday, Nth: 5}, 2026, "2026-03-29"},      // 1 + 4×7
		{"5th Monday on the 30th", HolidayRule{Kind: NthWeekday, Month: time.March, Weekday: time.Monday, Nth: 5}, 2026, "2026-03-30"}, // 2 + 4×7 = 30 ≤ 31
		{"5th Wednesday does not", HolidayRule{Kind: NthWeekday, Month: time.March, Weekday: time.Wednesday, Nth: 5}, 2026, ""},        // 4 + 28 = 32 > 31
		{"last Saturday on the last day", HolidayRule{Kind: NthWeekday, Month: time.February, Weekday: time.Saturday, Nth: -1}, 2026, "2026-02-28"},
		{"last Sunday the day before the end", HolidayRule{Kind: NthWeekday, Month: time.February, Weekday: time.Sunday, Nth: -1}, 2026, "2026-02-22"},
		{"last Monday in August on the 31st", HolidayRule{Kind: NthWeekday, Month: time.August, Weekday: time.Monday, Nth: -1}, 2026, "2026-08-31"},
		{"4th from last Saturday", HolidayRule{Kind: NthWeekday, Month: time.February, Weekday: time.Saturday, Nth: -4}, 2026, "2026-02-07"},      // 28 − 3×7
		{"5th from last Sunday in March", HolidayRule{Kind: NthWeekday, Month: time.March, Weekday: time.Sunday, Nth: -5}, 2026, "2026-03-01"},    // 29 − 4×7
		{"no 5th from last Saturday in February", HolidayRule{Kind: NthWeekday, Month: time.February, Weekday: time.Saturday, Nth: -5}, 2026, ""}, // 28 − 28 = 0
		{"nth 0 never applies", HolidayRule{Kind: NthWeekday, Month: time.March, Weekday: time.Sunday}, 2026, ""},
		{"nth 6 never applies", HolidayRule{Kind: NthWeekday, Month: time.March, Weekday: time.Sunday, Nth: 6}, 2026, ""},
		{"nth -6 never applies", HolidayRule{Kind: NthWeekday, Month: time.March, Weekday: time.Sunday, Nth: -6}, 2026, ""},
		{"weekday 7 never applies", HolidayRule{Kind: NthWeekday, Month: time.March, Weekday: 7, Nth: 1}, 2026, ""},
		{"weekday -1 never applies", HolidayRule{Kind: NthWeekday, Month: time.March, Weekday: -1, Nth: 1}, 2026, ""},
		{"nth month 0 never applies", HolidayRule{Kind: NthWeekday, Weekday: time.Sunday, Nth: 1}, 2026, ""},
		{"nth month 13 never applies", HolidayRule{Kind: NthWeekday, Month: 13, Weekday: time.Sunday, Nth: 1}, 2026, ""},
		{"fixed month 0 never applies", HolidayRule{Kind: FixedDate, Day: 1}, 2026, ""},
		{"fixed month 13 never applies", HolidayRule{Kind: FixedDate, Month: 13, Day: 1}, 2026, ""},
		{"fixed day 0 never applies", HolidayRule{Kind: FixedDate, Month: time.May}, 2026, ""},
		{"December 31", HolidayRule{Kind: FixedDate, Month: time.December, Day: 31}, 2026, "2026-12-31"},
		{"January 1", HolidayRule{Kind: FixedDate, Month: time.January, Day: 1}, 2026, "2026-01-01"},
		// Easter 2026 is April 5; ±200 days are the limits.
		{"Easter +200", HolidayRule{Kind: EasterRelative, Offset: 200}, 2026, "2026-10-22"},  // April 5 + 200 days
		{"Easter -200", HolidayRule{Kind: EasterRelative, Offset: -200}, 2026, "2025-09-17"}, // April 5 − 200 days
		{"Easter +201", HolidayRule{Kind: EasterRelative, Offset: 201}, 2026, ""},
		{"Easter -201", HolidayRule{Kind: EasterRelative, Offset: -201}, 2026, ""},
		// Ley Emiliani moves: Sunday March 1 → Monday March 2 (+1), Saturday
		// February 28 → Monday March 2 (+2).
		{"next Monday from Sunday", HolidayRule{Kind: FixedDate, Month: time.March, Day: 1, Observe: NextMonday}, 2026, "2026-03-02"},
		{"next Monday from Saturday", HolidayRule{Kind: FixedDate, Month: time.February, Day: 28, Observe: NextMonday}, 2026, "2026-03-02"},
		// US rule: Saturday → Friday, Sunday → Monday, weekdays stay.
		{"nearest weekday from Saturday", HolidayRule{Kind: FixedDate, Month: time.February, Day: 28, Observe: NearestWeekday}, 2026, "2026-02-27"},
		{"nearest weekday from Sunday", HolidayRule{Kind: FixedDate, Month: time.March, Day: 1, Observe: NearestWeekday}, 2026, "2026-03-02"},
		{"nearest weekday on Monday", HolidayRule{Kind: FixedDate, Month: time.March, Day: 2, Observe: NearestWeekday}, 2026, "2026-03-02"},
		{"on the day from Sunday", HolidayRule{Kind: FixedDate, Month: time.March, Day: 1}, 2026, "2026-03-01"},
		// The year range includes its ends.
		{"from year itself", HolidayRule{Kind: FixedDate, Month: 1, Day: 1, FromYear: 2026}, 2026, "2026-01-01"},
		{"to year itself", HolidayRule{Kind: FixedDate, Month: 1, Day: 1, ToYear: 2026}, 2026, "2026-01-01"},
		{"year after from", HolidayRule{Kind: FixedDate, Month: 1, Day: 1, FromYear: 2025, ToYear: 2027}, 2026, "2026-01-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := tt.rule.Date(tt.year)
			h, hok := tt.rule.Holiday(tt.year)
			assert.Equal(t, ok, hok)
			if tt.want == "" {
				assert.False(t, ok, "got %s", d)
				assert.Equal(t, Holiday{}, h)
				return
			}
			require.True(t, ok)
			assert.Equal(t, tt.want, d.String())
			assert.Equal(t, d, h.Date)
		})
	}
}

// TestEasterExtremes checks the earliest and latest possible Easter Sundays,
// March 22 and April 25 (published: 1818 and 2285 fall on March 22; 1943
// and 2038 on April 25).
func TestEasterExtremes(t *testing.T) {
	for _, want := range []string{"1818-03-22", "2285-03-22", "1943-04-25", "2038-04-25", "1900-04-15", "2100-03-28"} {
		d := servuction.MustParseDate(want)
		assert.Equal(t, d, Easter(d.Year), want)
	}
}

func TestHolidaysInMergesSameDay(t *testing.T) {
	rules := []HolidayRule{
		{Name: "B", Kind: FixedDate, Month: time.March, Day: 2},
		{Name: "A", Kind: FixedDate, Month: time.March, Day: 1, Observe: NextMonday}, // Sunday March 1, 2026 → Monday March 2
		{Name: "C", Kind: FixedDate, Month: time.March, Day: 3},
	}
	got := HolidaysIn(rules, 2026, 2026)
	require.Len(t, got, 2)
	assert.Equal(t, "2026-03-02", got[0].Date.String())
	assert.Equal(t, "B / A", got[0].Name, "names joined in rule order")
	assert.Equal(t, "C", got[1].Name)
	assert.Empty(t, HolidaysIn(rules, 2027, 2026))
	assert.Len(t, HolidaysIn(rules, 2026, 2027), 5, "2027: March 1 is a Monday, so A no longer meets B: 2 + 3")
}

// TestCollidingRulesFirstInListWins is defect C: when two rules give the same
// date, the first rule in the list sets the day's hours, whatever the year
// each date was generated for. New Year's Day observed off a weekend falls on
// Friday 31 December 2010 (1 January 2011 is a Saturday), generated for 2011;
// the New Year's Eve half-day is generated for 2010.
func TestCollidingRulesFirstInListWins(t *testing.T) {
	newYear := HolidayRule{Name: "New Year's Day", Kind: FixedDate, Month: time.January, Day: 1, Observe: NearestWeekday}
	eve := HolidayRule{Name: "New Year's Eve", Kind: FixedDate, Month: time.December, Day: 31, Shifts: MustParseShifts("09:00-13:00")}
	tests := []struct {
		name      string
		rules     []HolidayRule
		hours     time.Duration // open on Friday 31 December 2010
		holiday   string
		halfShift []Shift
	}{
		{"observed New Year first: closed", []HolidayRule{newYear, eve}, 0, "New Year's Day / New Year's Eve", nil},
		{"half-day first: 09:00-13:00", []HolidayRule{eve, newYear}, 4 * time.Hour, "New Year's Eve / New Year's Day", MustParseShifts("09:00-13:00")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs := HolidaysIn(tt.rules, 2010, 2011)
			var got *Holiday
			for i := range hs {
				if hs[i].Date == servuction.MustParseDate("2010-12-31") {
					got = &hs[i]
				}
			}
			require.NotNil(t, got)
			assert.Equal(t, tt.holiday, got.Name)
			assert.Equal(t, tt.halfShift, got.Shifts)

			c := mustCal(t, CalendarConfig{Week: weekOf(monFri, "09:00-17:00"), Rules: tt.rules})
			fri := time.Date(2010, 12, 31, 0, 0, 0, 0, time.UTC)
			assert.Equal(t, tt.hours, c.Between(fri, fri.AddDate(0, 0, 1)))
			between := c.HolidaysBetween(servuction.MustParseDate("2010-12-31"), servuction.MustParseDate("2010-12-31"))
			require.Len(t, between, 1)
			assert.Equal(t, *got, between[0])
		})
	}
}
