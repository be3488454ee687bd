package sla

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/servuction/servuction"
)

// maxErrors bounds the problems one configuration reports.
const maxErrors = 20

// NewCalendar validates cfg and returns the calendar it describes, with its
// weekly pattern, holidays and zone transitions precomputed. Every problem is
// reported at once (joined with [errors.Join]), each naming the field and the
// value and wrapping [ErrInvalidCalendar]: an unknown zone, a shift out of
// range, shifts that overlap (also a shift past midnight with the next day's
// shifts), a week without shifts, an invalid holiday date, an invalid
// holiday rule. Holidays on one date are merged, not refused (see
// [CalendarConfig]).
func NewCalendar(cfg CalendarConfig) (*Calendar, error) {
	var el errList
	loc := loadZone(cfg.Zone, &el)
	zoneProblems := el.len()
	c := &Calendar{cfg: cfg.clone(), loc: loc}

	// Weekly shifts.
	var extra []int
	for wd := range cfg.Week {
		if wd < time.Sunday || wd > time.Saturday {
			extra = append(extra, int(wd))
		}
	}
	slices.Sort(extra)
	for _, wd := range extra {
		el.add("week: weekday %d: out of range 0 (Sunday) to 6 (Saturday)", wd)
	}
	for wd := time.Sunday; wd <= time.Saturday; wd++ {
		for i, s := range cfg.Week[wd] {
			if !s.IsValid() {
				el.add("week: shift %d on %s: %s", i+1, wd, describeBadShift(s))
			}
		}
	}
	// Holidays, explicit then from rules.
	holidays := map[int64]dayShifts{}
	for i, h := range cfg.Holidays {
		where := fmt.Sprintf("holiday %d (%s)", i+1, h.Date)
		if h.Name != "" {
			where = fmt.Sprintf("holiday %d %q (%s)", i+1, h.Name, h.Date)
		}
		if !h.Date.IsValid() {
			el.add("holiday %d %q: date %04d-%02d-%02d does not exist", i+1, h.Name, h.Date.Year, int(h.Date.Month), h.Date.Day)
			continue
		}
		for j, s := range h.Shifts {
			if !s.IsValid() {
				el.add("%s: shift %d: %s", where, j+1, describeBadShift(s))
			}
		}
		d := dayNumber(h.Date)
		if _, dup := holidays[d]; dup {
			continue // the first holiday in the list gives the day's hours
		}
		holidays[d] = dayShifts{label: where, shifts: h.Shifts}
	}
	rulesOK := true
	for i, r := range cfg.Rules {
		if err := r.validate(fmt.Sprintf("rule %d %q", i+1, r.Name)); err != nil {
			el.addErr(err)
			rulesOK = false
		}
	}
	if el.len() > zoneProblems {
		// Shifts out of range: overlaps would only add noise.
		return nil, el.err()
	}
	if rulesOK && len(cfg.Rules) > 0 {
		for _, h := range HolidaysIn(cfg.Rules, RuleYearsFrom, RuleYearsTo) {
			d := dayNumber(h.Date)
			if _, explicit := holidays[d]; !explicit {
				holidays[d] = dayShifts{rule: h.Name, date: h.Date, shifts: h.Shifts}
			}
		}
	}

	c.buildWeek(&el)
	c.buildExceptions(holidays, &el)
	if el.len() > 0 {
		return nil, el.err()
	}
	c.always = c.weekTotal == secPerWeek && len(c.ex) == 0
	c.buildTransitions()
	return c, nil
}

func describeBadShift(s Shift) string {
	if s.Start < Midnight || s.Start >= EndOfDay {
		return fmt.Sprintf("start %s out of range 00:00-23:59", looseClock(s.Start))
	}
	return fmt.Sprintf("end %s out of range 00:00-24:00", looseClock(s.End))
}

// looseClock writes a clock value even out of range: 25:00, -5 minutes.
func looseClock(c Clock) string {
	if c < 0 {
		return fmt.Sprintf("%d minutes", int(c))
	}
	return fmt.Sprintf("%02d:%02d", c.Hour(), c.Minute())
}

func loadZone(name string, el *errList) *time.Location {
	switch name {
	case "", "UTC":
		return time.UTC
	case "Local":
		el.add("zone %q: depends on the machine; name an IANA zone such as \"America/Bogota\"", name)
		return time.UTC
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		el.add("zone %q: unknown IANA zone", name)
		return time.UTC
	}
	return loc
}

// dayShifts are the shifts that start on one day, with where they come from.
type dayShifts struct {
	label  string // a weekday or an explicit holiday
	rule   string // or the name of the rule that gave the holiday
	date   servuction.Date
	shifts []Shift
}

func (d dayShifts) name() string {
	if d.label != "" {
		return d.label
	}
	return fmt.Sprintf("holiday %q (%s)", d.rule, d.date)
}

// labelled is a span with where it comes from, for error messages.
type labelled struct {
	span
	owner string // e.g. "Monday" or "holiday 2 (2026-12-24)"
	index int
	shift Shift
	spill bool
}

// String describes the span's shift: "Monday shift 1 22:00-06:00 past midnight".
func (l labelled) String() string {
	s := fmt.Sprintf("%s shift %d %s", l.owner, l.index+1, l.shift)
	if l.spill {
		s += " past midnight"
	}
	return s
}

// effectiveDay appends to buf the spans of a day, in seconds from its
// midnight: its own shifts up to midnight and the part past midnight of the
// shifts of the day before, sorted. On an overlap it reports every overlap to
// el, prefixed with where(), and returns false.
func effectiveDay(buf []span, where func() string, own, prev dayShifts, el *errList) ([]span, bool) {
	buf = buf[:0]
	for _, s := range own.shifts {
		a, b := s.span()
		buf = append(buf, span{int64(a) * 60, int64(min(b, int(EndOfDay))) * 60})
	}
	for _, s := range prev.shifts {
		if _, b := s.span(); b > int(EndOfDay) {
			buf = append(buf, span{0, int64(b-int(EndOfDay)) * 60})
		}
	}
	slices.SortFunc(buf, func(x, y span) int {
		if x.a != y.a {
			return int(x.a - y.a)
		}
		return int(x.b - y.b)
	})
	for i := 1; i < len(buf); i++ {
		if buf[i].a < buf[i-1].b {
			reportOverlaps(where(), own, prev, el)
			return buf, false
		}
	}
	return buf, true
}

// reportOverlaps reports to el every shift of a day that overlaps an earlier
// one, naming both.
func reportOverlaps(where string, own, prev dayShifts, el *errList) {
	var ls []labelled
	for i, s := range own.shifts {
		a, b := s.span()
		ls = append(ls, labelled{span: span{int64(a) * 60, int64(min(b, int(EndOfDay))) * 60}, owner: own.name(), index: i, shift: s})
	}
	for i, s := range prev.shifts {
		if _, b := s.span(); b > int(EndOfDay) {
			ls = append(ls, labelled{span: span{0, int64(b-int(EndOfDay)) * 60}, owner: prev.name(), index: i, shift: s, spill: true})
		}
	}
	slices.SortStableFunc(ls, func(x, y labelled) int {
		if x.a != y.a {
			return int(x.a - y.a)
		}
		return int(x.b - y.b)
	})
	for i := 1; i < len(ls); i++ {
		for k := i - 1; k >= 0; k-- {
			if ls[k].b > ls[i].a {
				el.add("%s: %s overlaps %s", where, ls[i], ls[k])
				break
			}
		}
	}
}

func (c *Calendar) buildWeek(el *errList) {
	var idx [8]int32
	var week, buf []span
	for k := time.Sunday; k <= time.Saturday; k++ {
		prev := (k + 6) % 7
		var ok bool
		buf, ok = effectiveDay(buf, func() string { return "week" },
			dayShifts{label: k.String(), shifts: c.cfg.Week[k]},
			dayShifts{label: prev.String(), shifts: c.cfg.Week[prev]}, el)
		idx[k] = int32(len(week))
		if !ok {
			continue
		}
		for _, s := range buf {
			week = append(week, span{s.a + int64(k)*secPerDay, s.b + int64(k)*secPerDay})
		}
	}
	idx[7] = int32(len(week))
	cum := make([]int64, len(week)+1)
	for i, s := range week {
		cum[i+1] = cum[i] + s.b - s.a
	}
	c.week, c.weekCum, c.dayIdx, c.weekTotal = week, cum, idx, cum[len(week)]
	if c.weekTotal == 0 && el.len() == 0 {
		el.add("week: no shifts on any day")
	}
}

func (c *Calendar) buildExceptions(holidays map[int64]dayShifts, el *errList) {
	days := make([]int64, 0, 2*len(holidays))
	for d := range holidays {
		days = append(days, d, d+1)
	}
	slices.Sort(days)
	days = slices.Compact(days)
	weekdays := [7]dayShifts{}
	for wd := time.Sunday; wd <= time.Saturday; wd++ {
		weekdays[wd] = dayShifts{label: wd.String(), shifts: c.cfg.Week[wd]}
	}
	shiftsOf := func(d int64) dayShifts {
		if h, ok := holidays[d]; ok {
			return h
		}
		return weekdays[floorMod(d+4, 7)]
	}
	c.exAdj = make([]int64, 1, len(days)+1)
	c.ex = make([]exDay, 0, len(days))
	var buf []span
	for _, d := range days {
		var ok bool
		buf, ok = effectiveDay(buf, func() string { return dateOfDay(d).String() }, shiftsOf(d), shiftsOf(d-1), el)
		if !ok {
			continue
		}
		k := floorMod(d+4, 7)
		normal := c.week[c.dayIdx[k]:c.dayIdx[k+1]]
		_, isHoliday := holidays[d]
		if !isHoliday && sameSpans(buf, normal, k*secPerDay) {
			continue
		}
		var total int64
		for _, s := range buf {
			total += s.b - s.a
		}
		q := floorDiv(d+4, 7)
		adj := c.exAdj[len(c.exAdj)-1]
		start := q*c.weekTotal + c.weekCum[c.dayIdx[k]] + adj
		normalTotal := c.weekCum[c.dayIdx[k+1]] - c.weekCum[c.dayIdx[k]]
		c.ex = append(c.ex, exDay{
			day: d, lo: int32(len(c.exSpans)), hi: int32(len(c.exSpans) + len(buf)),
			start: start, total: total,
		})
		c.exSpans = append(c.exSpans, buf...)
		c.exAdj = append(c.exAdj, adj+total-normalTotal)
	}
}

func sameSpans(day, week []span, shift int64) bool {
	if len(day) != len(week) {
		return false
	}
	for i := range day {
		if day[i].a+shift != week[i].a || day[i].b+shift != week[i].b {
			return false
		}
	}
	return true
}

func (c *Calendar) buildTransitions() {
	c.near = c.buildZone(clampLo, rangeHi, zoneOffset(c.loc, clampLo), 0)
	c.farTab = &farZone{}
}

// dayNumber returns the days from 1970-01-01 to d.
func dayNumber(d servuction.Date) int64 {
	return floorDiv(time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC).Unix(), secPerDay)
}

func dateOfDay(n int64) servuction.Date {
	return servuction.DateOf(time.Unix(n*secPerDay, 0).UTC())
}

func (cfg CalendarConfig) clone() CalendarConfig {
	out := CalendarConfig{Zone: cfg.Zone}
	if cfg.Week != nil {
		out.Week = make(map[time.Weekday][]Shift, len(cfg.Week))
		for k, v := range cfg.Week {
			out.Week[k] = slices.Clone(v)
		}
	}
	if cfg.Holidays != nil {
		out.Holidays = make([]Holiday, len(cfg.Holidays))
		for i, h := range cfg.Holidays {
			h.Shifts = slices.Clone(h.Shifts)
			out.Holidays[i] = h
		}
	}
	if cfg.Rules != nil {
		out.Rules = make([]HolidayRule, len(cfg.Rules))
		for i, r := range cfg.Rules {
			r.Shifts = slices.Clone(r.Shifts)
			out.Rules[i] = r
		}
	}
	return out
}

// errList collects up to maxErrors problems of a configuration.
type errList struct {
	errs    []error
	dropped int
}

func (l *errList) add(format string, args ...any) {
	l.addErr(fmt.Errorf("sla: "+format+": %w", append(args, ErrInvalidCalendar)...))
}

func (l *errList) addErr(err error) {
	if len(l.errs) >= maxErrors {
		l.dropped++
		return
	}
	l.errs = append(l.errs, err)
}

func (l *errList) len() int { return len(l.errs) }

func (l *errList) err() error {
	if l.dropped > 0 {
		l.errs = append(l.errs, fmt.Errorf("sla: %d more problems: %w", l.dropped, ErrInvalidCalendar))
	}
	return errors.Join(l.errs...)
}

func joinErrs(errs []error) error { return errors.Join(errs...) }
