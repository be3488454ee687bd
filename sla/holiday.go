package sla

import (
	"fmt"
	"slices"
	"time"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/internal/enum"
)

// Holiday is a day (festivo) whose opening hours differ from the weekly
// schedule. It replaces the shifts that start on Date: nil or empty Shifts
// close the day; other Shifts replace the day's hours (a half-day such as
// "08:00-12:00"). A shift of the day before that runs past midnight still
// counts on Date, because it belongs to the day it starts on.
type Holiday struct {
	Date   servuction.Date `json:"date"`
	Name   string          `json:"name,omitempty"`
	Shifts []Shift         `json:"shifts,omitempty"`
}

// RuleKind is how a [HolidayRule] finds its date in a year.
type RuleKind uint8

// The kinds of yearly holiday rules.
const (
	RuleUnknown    RuleKind = iota // not set
	FixedDate                      // Month and Day every year (fecha fija)
	NthWeekday                     // the Nth Weekday of Month (Nth -1: the last)
	EasterRelative                 // Offset days after Easter Sunday (Pascua)
)

var ruleKindNames = enum.New("sla: holiday rule kind", ErrInvalidCalendar,
	[]string{"unknown", "fixed", "nth-weekday", "easter"},
	map[string]RuleKind{
		"fixed date": FixedDate, "fecha fija": FixedDate, "fija": FixedDate,
		"nth weekday": NthWeekday, "weekday": NthWeekday, "dia de la semana": NthWeekday,
		"easter relative": EasterRelative, "pascua": EasterRelative,
	})

// ParseRuleKind returns the rule kind named s: "fixed", "nth-weekday",
// "easter", or the Spanish "fecha fija", "día de la semana", "pascua".
func ParseRuleKind(s string) (RuleKind, error) { return ruleKindNames.Parse(s) }

// String returns the name of k.
func (k RuleKind) String() string { return ruleKindNames.String(k) }

// MarshalText encodes k as its name.
func (k RuleKind) MarshalText() ([]byte, error) { return ruleKindNames.MarshalText(k) }

// UnmarshalText decodes a name accepted by [ParseRuleKind].
func (k *RuleKind) UnmarshalText(text []byte) error { return ruleKindNames.UnmarshalText(k, text) }

// Observance says whether a holiday moves when it does not fall on a given
// day of the week.
type Observance uint8

// The observances.
const (
	OnTheDay       Observance = iota // kept on its date
	NextMonday                       // moved to the following Monday unless it is a Monday (Ley Emiliani, Colombia's Ley 51 de 1983)
	NearestWeekday                   // a Saturday moves to the Friday before, a Sunday to the Monday after (US federal rule)
)

var observanceNames = enum.New("sla: holiday observance", ErrInvalidCalendar,
	[]string{"on-the-day", "next-monday", "nearest-weekday"},
	map[string]Observance{
		"": OnTheDay, "none": OnTheDay, "same day": OnTheDay, "mismo dia": OnTheDay,
		"lunes siguiente": NextMonday, "siguiente lunes": NextMonday, "emiliani": NextMonday, "ley emiliani": NextMonday,
		"observed": NearestWeekday, "dia habil mas cercano": NearestWeekday,
	})

// ParseObservance returns the observance named s: "on-the-day",
// "next-monday", "nearest-weekday", or the Spanish "mismo día", "lunes
// siguiente", "Ley Emiliani", "día hábil más cercano".
func ParseObservance(s string) (Observance, error) { return observanceNames.Parse(s) }

// String returns the name of o.
func (o Observance) String() string { return observanceNames.String(o) }

// MarshalText encodes o as its name.
func (o Observance) MarshalText() ([]byte, error) { return observanceNames.MarshalText(o) }

// UnmarshalText decodes a name accepted by [ParseObservance].
func (o *Observance) UnmarshalText(text []byte) error { return observanceNames.UnmarshalText(o, text) }

// HolidayRule describes a yearly holiday as data, so that a country's holidays
// are a list of rules rather than code:
//
//   - [FixedDate]: Month and Day ("Navidad": December 25);
//   - [NthWeekday]: the Nth Weekday of Month, Nth -1 for the last
//     (Thanksgiving: the 4th Thursday of November);
//   - [EasterRelative]: Offset days from Easter Sunday (Viernes Santo: -2).
//
// Observe moves the date: to the next Monday as Colombia's Ley Emiliani
// requires, or off a weekend to the nearest weekday as US federal holidays
// are observed (the observed date may then fall in the year before or
// after). Shifts are the hours of the day as in [Holiday] (nil: closed).
// FromYear and ToYear, when not zero, bound the years the rule is in force.
type HolidayRule struct {
	Name     string       `json:"name"`
	Kind     RuleKind     `json:"kind"`
	Month    time.Month   `json:"month,omitempty"`
	Day      int          `json:"day,omitempty"`
	Weekday  time.Weekday `json:"weekday,omitempty"`
	Nth      int          `json:"nth,omitempty"`
	Offset   int          `json:"offset,omitempty"`
	Observe  Observance   `json:"observe,omitempty"`
	Shifts   []Shift      `json:"shifts,omitempty"`
	FromYear int          `json:"from_year,omitempty"`
	ToYear   int          `json:"to_year,omitempty"`
}

// Validate reports every problem of r, each wrapping [ErrInvalidCalendar].
func (r HolidayRule) Validate() error { return r.validate(fmt.Sprintf("holiday rule %q", r.Name)) }

func (r HolidayRule) validate(where string) error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("sla: %s: "+format+": %w", append(append([]any{where}, args...), ErrInvalidCalendar)...))
	}
	monthOK := r.Month >= time.January && r.Month <= time.December
	switch r.Kind {
	case FixedDate:
		if !monthOK {
			bad("month %d out of range 1-12", int(r.Month))
		} else if r.Day < 1 || r.Day > daysIn(2024, r.Month) {
			bad("day %d out of range for %s", r.Day, r.Month)
		}
	case NthWeekday:
		if !monthOK {
			bad("month %d out of range 1-12", int(r.Month))
		}
		if r.Weekday < time.Sunday || r.Weekday > time.Saturday {
			bad("weekday %d out of range 0-6", int(r.Weekday))
		}
		if r.Nth == 0 || r.Nth < -5 || r.Nth > 5 {
			bad("nth %d: want 1 to 5, or -1 to -5 counting from the end of the month", r.Nth)
		}
	case EasterRelative:
		if r.Offset < -200 || r.Offset > 200 {
			bad("offset %d days from Easter out of range -200 to 200", r.Offset)
		}
	default:
		bad("kind %q: want fixed, nth-weekday or easter", r.Kind)
	}
	if r.Observe > NearestWeekday {
		bad("observe %q: want on-the-day, next-monday or nearest-weekday", r.Observe)
	}
	if r.FromYear != 0 && r.ToYear != 0 && r.ToYear < r.FromYear {
		bad("to_year %d before from_year %d", r.ToYear, r.FromYear)
	}
	for i, s := range r.Shifts {
		if !s.IsValid() {
			bad("shift %d: %s", i+1, describeBadShift(s))
		}
	}
	return joinErrs(errs)
}

// Date returns the date of the holiday in year, and false when the rule does
// not apply that year (outside FromYear-ToYear, February 29 in a common year,
// a fifth weekday the month lacks, or an invalid rule).
func (r HolidayRule) Date(year int) (servuction.Date, bool) {
	if (r.FromYear != 0 && year < r.FromYear) || (r.ToYear != 0 && year > r.ToYear) {
		return servuction.Date{}, false
	}
	var d servuction.Date
	switch r.Kind {
	case FixedDate:
		if r.Month < time.January || r.Month > time.December || r.Day < 1 || r.Day > daysIn(year, r.Month) {
			return servuction.Date{}, false
		}
		d = servuction.Date{Year: year, Month: r.Month, Day: r.Day}
	case NthWeekday:
		if r.Month < time.January || r.Month > time.December || r.Weekday < time.Sunday || r.Weekday > time.Saturday || r.Nth == 0 || r.Nth < -5 || r.Nth > 5 {
			return servuction.Date{}, false
		}
		n := daysIn(year, r.Month)
		if r.Nth > 0 {
			first := servuction.Date{Year: year, Month: r.Month, Day: 1}
			day := 1 + (int(r.Weekday)-int(first.Weekday())+7)%7 + 7*(r.Nth-1)
			if day > n {
				return servuction.Date{}, false
			}
			d = servuction.Date{Year: year, Month: r.Month, Day: day}
		} else {
			last := servuction.Date{Year: year, Month: r.Month, Day: n}
			day := n - (int(last.Weekday())-int(r.Weekday)+7)%7 + 7*(r.Nth+1)
			if day < 1 {
				return servuction.Date{}, false
			}
			d = servuction.Date{Year: year, Month: r.Month, Day: day}
		}
	case EasterRelative:
		if r.Offset < -200 || r.Offset > 200 {
			return servuction.Date{}, false
		}
		d = Easter(year).AddDays(r.Offset)
	default:
		return servuction.Date{}, false
	}
	switch wd := d.Weekday(); {
	case r.Observe == NextMonday && wd != time.Monday:
		d = d.AddDays((8 - int(wd)) % 7)
	case r.Observe == NearestWeekday && wd == time.Saturday:
		d = d.AddDays(-1)
	case r.Observe == NearestWeekday && wd == time.Sunday:
		d = d.AddDays(1)
	}
	return d, true
}

// Holiday returns the rule's holiday in year, and false when the rule does not
// apply that year.
func (r HolidayRule) Holiday(year int) (Holiday, bool) {
	d, ok := r.Date(year)
	if !ok {
		return Holiday{}, false
	}
	return Holiday{Date: d, Name: r.Name, Shifts: r.Shifts}, true
}

// HolidaysIn returns the holidays the rules give for the years from through
// to, sorted by date. Holidays on one date follow the package's one rule for
// colliding holidays ([CalendarConfig]): the first rule in rules gives the
// day's hours, whatever the year each date was generated for (New Year's Day
// observed on Friday 31 December 2010 is generated for 2011 and still wins
// over a later New Year's Eve rule), and the names are joined with " / " in
// rule order.
func HolidaysIn(rules []HolidayRule, from, to int) []Holiday {
	type ranked struct {
		h    Holiday
		rule int
	}
	var out []ranked
	for y := from; y <= to; y++ {
		for i, r := range rules {
			if h, ok := r.Holiday(y); ok {
				out = append(out, ranked{h, i})
			}
		}
	}
	slices.SortFunc(out, func(a, b ranked) int {
		if c := a.h.Date.Compare(b.h.Date); c != 0 {
			return c
		}
		return a.rule - b.rule
	})
	hs := make([]Holiday, len(out))
	for i, r := range out {
		hs[i] = r.h
	}
	return mergeSameDate(hs)
}

// mergeSameDate merges holidays sorted by date, those of one date in list
// order, into one per date: the first gives the hours, the names are joined
// with " / ".
func mergeSameDate(hs []Holiday) []Holiday {
	merged := hs[:0]
	for _, h := range hs {
		if n := len(merged); n > 0 && merged[n-1].Date == h.Date {
			merged[n-1].Name = joinNames(merged[n-1].Name, h.Name)
			continue
		}
		merged = append(merged, h)
	}
	return merged
}

func joinNames(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " / " + b
}

// Easter returns the date of Easter Sunday in the Gregorian calendar for year
// (the anonymous Gregorian algorithm, also called Meeus/Jones/Butcher).
func Easter(year int) servuction.Date {
	a := year % 19
	b, c := year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return servuction.Date{Year: year, Month: time.Month(month), Day: day}
}

func daysIn(year int, m time.Month) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// HolidaysBetween returns the calendar's holidays from from through to
// inclusive, sorted by date, one per date: its explicit holidays and those
// its rules give for the years [RuleYearsFrom] through [RuleYearsTo], an
// explicit holiday replacing a rule's on the same date. Holidays of one
// source on one date are merged as [CalendarConfig] states: the first in its
// list gives the hours, the names are joined with " / ".
func (c *Calendar) HolidaysBetween(from, to servuction.Date) []Holiday {
	if c == nil || to.Before(from) {
		return nil
	}
	var out []Holiday
	explicit := map[servuction.Date]bool{}
	var own []Holiday
	for _, h := range c.cfg.Holidays {
		explicit[h.Date] = true
		if !h.Date.Before(from) && !h.Date.After(to) {
			h.Shifts = slices.Clone(h.Shifts)
			own = append(own, h)
		}
	}
	slices.SortStableFunc(own, func(a, b Holiday) int { return a.Date.Compare(b.Date) })
	out = append(out, mergeSameDate(own)...)
	y0, y1 := max(from.Year-1, RuleYearsFrom), min(to.Year+1, RuleYearsTo)
	if len(c.cfg.Rules) > 0 && y0 <= y1 {
		for _, h := range HolidaysIn(c.cfg.Rules, y0, y1) {
			if !explicit[h.Date] && !h.Date.Before(from) && !h.Date.After(to) {
				h.Shifts = slices.Clone(h.Shifts)
				out = append(out, h)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Holiday) int { return a.Date.Compare(b.Date) })
	return out
}
