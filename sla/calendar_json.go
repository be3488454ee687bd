package sla

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/servuction/servuction/internal/enum"
)

// weekday is time.Weekday as an enum with Spanish names, for JSON.
type weekday uint8

var weekdayNames = enum.New("sla: weekday", ErrInvalidCalendar,
	[]string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"},
	map[string]weekday{
		"domingo": 0, "lunes": 1, "martes": 2, "miércoles": 3, "jueves": 4, "viernes": 5, "sábado": 6,
		"sun": 0, "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6,
	})

// ParseWeekday returns the day of the week named s: English ("monday",
// "mon") or Spanish ("lunes", "miércoles"), any case, accents optional.
func ParseWeekday(s string) (time.Weekday, error) {
	w, err := weekdayNames.Parse(s)
	return time.Weekday(w), err
}

// weekJSON writes the week in day order, Monday first.
type weekJSON struct {
	Monday    []Shift `json:"monday,omitempty"`
	Tuesday   []Shift `json:"tuesday,omitempty"`
	Wednesday []Shift `json:"wednesday,omitempty"`
	Thursday  []Shift `json:"thursday,omitempty"`
	Friday    []Shift `json:"friday,omitempty"`
	Saturday  []Shift `json:"saturday,omitempty"`
	Sunday    []Shift `json:"sunday,omitempty"`
}

type calendarJSON struct {
	Zone     string          `json:"zone,omitempty"`
	Week     json.RawMessage `json:"week"`
	Holidays []Holiday       `json:"holidays,omitempty"`
	Rules    []HolidayRule   `json:"rules,omitempty"`
}

// MarshalJSON encodes the configuration as
//
//	{"zone": "America/Bogota",
//	 "week": {"monday": ["08:00-18:00"], ..., "saturday": ["08:00-13:00"]},
//	 "holidays": [{"date": "2026-12-24", "name": "Nochebuena", "shifts": ["08:00-12:00"]}],
//	 "rules": [{"name": "Navidad", "kind": "fixed", "month": 12, "day": 25}]}
//
// with the days of the week in order from Monday. It fails on a weekday out of
// range or a shift out of range.
func (cfg CalendarConfig) MarshalJSON() ([]byte, error) {
	var w weekJSON
	for d, s := range cfg.Week {
		switch d {
		case time.Monday:
			w.Monday = s
		case time.Tuesday:
			w.Tuesday = s
		case time.Wednesday:
			w.Wednesday = s
		case time.Thursday:
			w.Thursday = s
		case time.Friday:
			w.Friday = s
		case time.Saturday:
			w.Saturday = s
		case time.Sunday:
			w.Sunday = s
		default:
			return nil, fmt.Errorf("sla: week: weekday %d out of range 0 (Sunday) to 6 (Saturday): %w", int(d), ErrInvalidCalendar)
		}
	}
	week, err := json.Marshal(w)
	if err != nil {
		return nil, fmt.Errorf("sla: week: %w", err)
	}
	return json.Marshal(calendarJSON{Zone: cfg.Zone, Week: week, Holidays: cfg.Holidays, Rules: cfg.Rules})
}

// UnmarshalJSON decodes the form [CalendarConfig.MarshalJSON] writes. Day
// names may be English or Spanish ("lunes"), in any case; unknown fields are
// rejected. It checks the form only: [NewCalendar] (or [Calendar.UnmarshalJSON])
// validates the calendar. Errors wrap [ErrInvalidCalendar]; cfg is unchanged
// on error.
func (cfg *CalendarConfig) UnmarshalJSON(data []byte) error {
	var raw calendarJSON
	if err := strictUnmarshal(data, &raw); err != nil {
		return calendarJSONError(err)
	}
	var days map[string][]Shift
	if len(raw.Week) > 0 {
		if err := json.Unmarshal(raw.Week, &days); err != nil {
			return calendarJSONError(err)
		}
	}
	out := CalendarConfig{Zone: raw.Zone, Holidays: raw.Holidays, Rules: raw.Rules}
	if days != nil {
		out.Week = make(map[time.Weekday][]Shift, len(days))
		names := map[time.Weekday]string{}
		for _, name := range sortedDayNames(days) {
			d, err := ParseWeekday(name)
			if err != nil {
				return fmt.Errorf("sla: calendar JSON: week: day %q: want a day of the week in English or Spanish (monday … sunday, lunes … domingo): %w",
					name, ErrInvalidCalendar)
			}
			if prev, dup := names[d]; dup {
				return fmt.Errorf("sla: calendar JSON: week: %q and %q both name %s: %w", prev, name, d, ErrInvalidCalendar)
			}
			names[d] = name
			out.Week[d] = days[name]
		}
	}
	*cfg = out
	return nil
}

func calendarJSONError(err error) error {
	return errOnce("calendar JSON", err, ErrInvalidCalendar)
}

func strictUnmarshal(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return fmt.Errorf("data after the JSON value")
	}
	return nil
}

// MarshalJSON encodes the calendar's configuration (see
// [CalendarConfig.MarshalJSON]). A nil or zero Calendar encodes as 24×7 UTC.
func (c *Calendar) MarshalJSON() ([]byte, error) { return c.Config().MarshalJSON() }

// UnmarshalJSON decodes a calendar configuration and validates it with
// [NewCalendar]. Errors wrap [ErrInvalidCalendar]; c is unchanged on error.
func (c *Calendar) UnmarshalJSON(data []byte) error {
	var cfg CalendarConfig
	if err := cfg.UnmarshalJSON(data); err != nil {
		return err
	}
	built, err := NewCalendar(cfg)
	if err != nil {
		return err
	}
	*c = *built
	return nil
}

type ruleJSON struct {
	Name     string     `json:"name"`
	Kind     RuleKind   `json:"kind"`
	Month    int        `json:"month,omitempty"`
	Day      int        `json:"day,omitempty"`
	Weekday  string     `json:"weekday,omitempty"`
	Nth      int        `json:"nth,omitempty"`
	Offset   int        `json:"offset,omitempty"`
	Observe  Observance `json:"observe,omitempty"`
	Shifts   []Shift    `json:"shifts,omitempty"`
	FromYear int        `json:"from_year,omitempty"`
	ToYear   int        `json:"to_year,omitempty"`
}

// MarshalJSON encodes the rule with the fields its kind uses, the weekday by
// name: {"name": "Thanksgiving", "kind": "nth-weekday", "month": 11,
// "weekday": "thursday", "nth": 4}.
func (r HolidayRule) MarshalJSON() ([]byte, error) {
	j := ruleJSON{Name: r.Name, Kind: r.Kind, Observe: r.Observe, Shifts: r.Shifts, FromYear: r.FromYear, ToYear: r.ToYear}
	switch r.Kind {
	case FixedDate:
		j.Month, j.Day = int(r.Month), r.Day
	case NthWeekday:
		if r.Weekday < time.Sunday || r.Weekday > time.Saturday {
			return nil, fmt.Errorf("sla: holiday rule %q: weekday %d out of range: %w", r.Name, int(r.Weekday), ErrInvalidCalendar)
		}
		j.Month, j.Weekday, j.Nth = int(r.Month), weekdayNames.String(weekday(r.Weekday)), r.Nth
	case EasterRelative:
		j.Offset = r.Offset
	}
	return json.Marshal(j)
}

// UnmarshalJSON decodes a rule, the weekday as an English or Spanish name.
// Unknown fields are rejected; [HolidayRule.Validate] checks the values.
func (r *HolidayRule) UnmarshalJSON(data []byte) error {
	var j ruleJSON
	if err := strictUnmarshal(data, &j); err != nil {
		return errOnce("holiday rule", err, ErrInvalidCalendar)
	}
	out := HolidayRule{Name: j.Name, Kind: j.Kind, Month: time.Month(j.Month), Day: j.Day, Nth: j.Nth,
		Offset: j.Offset, Observe: j.Observe, Shifts: j.Shifts, FromYear: j.FromYear, ToYear: j.ToYear}
	if j.Weekday != "" {
		w, err := ParseWeekday(j.Weekday)
		if err != nil {
			return fmt.Errorf("sla: holiday rule %q: weekday %q: want a day of the week in English or Spanish: %w", j.Name, j.Weekday, ErrInvalidCalendar)
		}
		out.Weekday = w
	}
	*r = out
	return nil
}

func sortedDayNames(m map[string][]Shift) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
