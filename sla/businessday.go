package sla

import (
	"strconv"
	"strings"
	"time"

	"github.com/servuction/servuction"
)

// BusinessDays is a target counted in business days of the objective's
// calendar, ServiceNow's "N business days", rather than in hours: a day
// with a shift is a business day, and the shifts of a day are those that
// start on it (a holiday's, when it is one). The business day a clock
// starts on is the one whose shift holds the start, or, when the calendar is
// closed then, the next day with a shift.
//
//   - Days N, EndOfDay false ("2bd"): the target is used up at the same
//     point of the N-th business day after the start's, measured in business
//     time from that day's opening (at its close if that day is shorter).
//   - Days N, EndOfDay true ("eod+1bd", "end of next business day"): at the
//     close of the N-th business day after the start's; Days 0 ("eod") at
//     the close of the start's business day.
//
// When the clock starts, the target becomes the business time from the
// start to that instant; pauses then push the deadline as for any target.
// Worked examples on Monday to Friday 09:00–17:00:
//
//	started            "2bd"             "eod"             "eod+1bd"
//	Mon 11:00          Wed 11:00 (16h)   Mon 17:00 (6h)    Tue 17:00 (14h)
//	Fri 16:00          Tue 16:00 (16h)   Fri 17:00 (1h)    Mon 17:00 (9h)
//	Sat 10:00 (closed) Tue 17:00 (16h)   Mon 17:00 (8h)    Tue 17:00 (16h)
//	Mon 08:00 (closed) Tue 17:00 (16h)   Mon 17:00 (8h)    Tue 17:00 (16h)
//
// A clock started before opening has used nothing of its business day, so
// "2bd" ends with the day before the second one's opening: the close of the
// first business day after it, the earliest instant with that business
// time, as [Calendar.Add] reports.
type BusinessDays struct {
	Days     int
	EndOfDay bool
}

// maxBusinessDays bounds a business-day target.
const maxBusinessDays = 3660

// ParseBusinessDays parses a business-day target: "Nbd" (N business days,
// N from 1), "eod" (end of the business day), "eod+Nbd" (end of the N-th
// next business day), or the phrase "end of next business day". Spanish
// "Ndh" (días hábiles) and "fin del día hábil" are accepted too. Errors
// wrap [ErrInvalidDuration].
func ParseBusinessDays(s string) (BusinessDays, error) {
	txt := strings.ToLower(strings.Join(strings.Fields(s), " "))
	switch txt {
	case "end of next business day", "fin del siguiente día hábil", "fin del siguiente dia habil":
		return BusinessDays{1, true}, nil
	case "fin del día hábil", "fin del dia habil", "end of business day":
		return BusinessDays{0, true}, nil
	}
	var bd BusinessDays
	if rest, ok := strings.CutPrefix(txt, "eod"); ok {
		bd.EndOfDay = true
		if rest == "" {
			return bd, nil
		}
		if txt, ok = strings.CutPrefix(rest, "+"); !ok {
			return BusinessDays{}, errorf(ErrInvalidDuration, "business days %q: want \"eod\" or \"eod+Nbd\"", s)
		}
	}
	num, ok := strings.CutSuffix(txt, "bd")
	if !ok {
		num, ok = strings.CutSuffix(txt, "dh")
	}
	n, err := strconv.Atoi(strings.TrimSpace(num))
	if !ok || err != nil || n < 1 || n > maxBusinessDays || strings.ContainsAny(num, "+-") {
		return BusinessDays{}, errorf(ErrInvalidDuration, "business days %q: want \"Nbd\", \"eod\" or \"eod+Nbd\" with N from 1 to %d",
			s, maxBusinessDays)
	}
	bd.Days = n
	return bd, nil
}

// String returns the text form ParseBusinessDays reads: "2bd", "eod",
// "eod+1bd".
func (b BusinessDays) String() string {
	switch {
	case b.EndOfDay && b.Days == 0:
		return "eod"
	case b.EndOfDay:
		return "eod+" + strconv.Itoa(b.Days) + "bd"
	}
	return strconv.Itoa(b.Days) + "bd"
}

// IsValid reports whether b is a target: 1 to 3660 days, or 0 with
// EndOfDay.
func (b BusinessDays) IsValid() bool {
	return b.Days <= maxBusinessDays && (b.Days >= 1 || b.Days == 0 && b.EndOfDay)
}

// MarshalText implements encoding.TextMarshaler.
func (b BusinessDays) MarshalText() ([]byte, error) {
	if !b.IsValid() {
		return nil, errorf(ErrInvalidDuration, "business days %d (end of day %v): want 1 to %d, or 0 at the end of the day",
			b.Days, b.EndOfDay, maxBusinessDays)
	}
	return []byte(b.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with
// [ParseBusinessDays].
func (b *BusinessDays) UnmarshalText(text []byte) error {
	v, err := ParseBusinessDays(string(text))
	if err != nil {
		return err
	}
	*b = v
	return nil
}

// isBusinessDays reports whether a target's text is a business-day one.
func isBusinessDays(s string) bool {
	t := strings.ToLower(strings.TrimSpace(s))
	return strings.HasSuffix(t, "bd") || strings.HasSuffix(t, "dh") || strings.HasPrefix(t, "eod") ||
		strings.HasPrefix(t, "end of") || strings.HasPrefix(t, "fin del")
}

// dayPattern is the wall-clock pattern of a calendar by civil day: the shifts
// that start on each day of the week, and on each holiday, in minutes.
type dayPattern struct {
	week     [7][]Shift
	holidays map[servuction.Date][]Shift // nil value: closed all day
}

// always24 is the pattern of the 24×7 clock: every day is one whole shift.
var always24 = func() *dayPattern {
	p := &dayPattern{}
	for d := range p.week {
		p.week[d] = []Shift{{Start: Midnight, End: EndOfDay}}
	}
	return p
}()

// newDayPattern reads the pattern of a calendar from its configuration and
// its holidays of every year.
func newDayPattern(c *Calendar) *dayPattern {
	if c.isAlways() {
		return always24
	}
	cfg := c.Config()
	p := &dayPattern{holidays: map[servuction.Date][]Shift{}}
	for d, shifts := range cfg.Week {
		if d >= time.Sunday && d <= time.Saturday {
			p.week[d] = sortShifts(shifts)
		}
	}
	for _, h := range c.HolidaysBetween(servuction.Date{Year: 1, Month: 1, Day: 1}, servuction.Date{Year: 9999, Month: 12, Day: 31}) {
		p.holidays[h.Date] = sortShifts(h.Shifts)
	}
	return p
}

func sortShifts(in []Shift) []Shift {
	out := append([]Shift(nil), in...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Start < out[j-1].Start; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// shifts returns the shifts that start on date d.
func (p *dayPattern) shifts(d servuction.Date) []Shift {
	if h, ok := p.holidays[d]; ok {
		return h
	}
	return p.week[d.Weekday()]
}

// shiftSpan returns the instants of shift s of date d in loc.
func shiftSpan(d servuction.Date, s Shift, loc *time.Location) (time.Time, time.Time) {
	start := time.Date(d.Year, d.Month, d.Day, 0, int(s.Start), 0, 0, loc)
	end := time.Date(d.Year, d.Month, d.Day, 0, int(s.End), 0, 0, loc)
	if s.End <= s.Start {
		end = time.Date(d.Year, d.Month, d.Day+1, 0, int(s.End), 0, 0, loc)
	}
	return start, end
}

// maxClosedDays bounds the search for the next business day.
const maxClosedDays = 3660

// deadline returns the instant a business-day target started at start is
// used up, in the zone loc; false when the calendar has no business day
// within ten years.
func (p *dayPattern) deadline(start time.Time, b BusinessDays, loc *time.Location) (time.Time, bool) {
	day, used, ok := p.dayOf(start, loc)
	if !ok {
		return time.Time{}, false
	}
	for n := 0; n < b.Days; {
		day = day.AddDays(1)
		if len(p.shifts(day)) > 0 {
			n++
		}
		if day.DaysSince(servuction.DateOf(start.In(loc))) > b.Days+maxClosedDays {
			return time.Time{}, false
		}
	}
	shifts := p.shifts(day)
	if b.EndOfDay {
		_, end := shiftSpan(day, shifts[len(shifts)-1], loc)
		return end, true
	}
	var end time.Time
	for _, s := range shifts {
		a, z := shiftSpan(day, s, loc)
		if used <= z.Sub(a) {
			return a.Add(used), true
		}
		used -= z.Sub(a)
		end = z
	}
	return end, true // the day is shorter than the start's part of its own
}

// dayOf returns the business day an instant belongs to and the business
// time of that day's shifts before it (0 when it is closed then).
func (p *dayPattern) dayOf(t time.Time, loc *time.Location) (servuction.Date, time.Duration, bool) {
	d := servuction.DateOf(t.In(loc))
	// A shift of the day before may run past midnight.
	for _, candidate := range []servuction.Date{d.AddDays(-1), d} {
		var used time.Duration
		for _, s := range p.shifts(candidate) {
			a, z := shiftSpan(candidate, s, loc)
			switch {
			case !z.After(t):
				used += z.Sub(a)
			case !a.After(t):
				return candidate, used + t.Sub(a), true
			case candidate == d:
				return d, used, true // before this shift: the day's later part
			}
		}
	}
	for i := 1; i <= maxClosedDays; i++ {
		if next := d.AddDays(i); len(p.shifts(next)) > 0 {
			return next, 0, true
		}
	}
	return servuction.Date{}, 0, false
}
