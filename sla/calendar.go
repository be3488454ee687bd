package sla

import (
	"errors"
	"math"
	"time"
)

// ErrInvalidCalendar is wrapped by every error about a calendar's
// configuration: its zone, weekly shifts, holidays and holiday rules.
var ErrInvalidCalendar = errors.New("sla: invalid calendar")

// Rules of a [CalendarConfig] are expanded for the years RuleYearsFrom through
// RuleYearsTo; outside them only the explicit Holidays apply.
const (
	RuleYearsFrom = 1970
	RuleYearsTo   = 2099
)

// CalendarConfig describes a business calendar (horario de atención): the zone
// whose wall clock the shifts follow, the shifts of each day of the week, and
// the holidays (festivos). The zero value is a calendar that is never open and
// is rejected by [NewCalendar]; see [AlwaysOpen] for 24×7.
type CalendarConfig struct {
	// Zone is an IANA zone name such as "America/Bogota"; "" means UTC.
	Zone string
	// Week holds the shifts of each day of the week. A shift belongs to the
	// day it starts on; shifts of one day, and a shift past midnight with
	// the next day's shifts, must not overlap.
	Week map[time.Weekday][]Shift
	// Holidays replace the shifts that start on their date.
	Holidays []Holiday
	// Rules give yearly holidays as data, expanded for the years
	// [RuleYearsFrom] through [RuleYearsTo].
	//
	// Holidays that fall on one date follow one rule. An explicit holiday
	// wins over every rule's holiday on that date. Among explicit holidays,
	// and among rules, the first in its list gives the day's hours, whatever
	// hours the others have and whatever year a rule's date was generated
	// for (a New Year's Day observed on 31 December belongs to the next year
	// but still wins over a later New Year's Eve rule); the names are joined
	// with " / " in list order, as [Calendar.HolidaysBetween] shows.
	Rules []HolidayRule
}

// Calendar is a validated business calendar: when a service is open
// (horario) and when it is closed (nights, weekends, festivos). Business time
// is counted in real elapsed time, in [Calendar.Between] and [Calendar.Add],
// while shifts follow the local wall clock of the calendar's zone: a shift
// from 00:00 to 24:00 on the day the clocks go forward lasts 23 hours, on the
// day they go back 25, and an instant's own zone never matters. During the
// repeated wall-clock hour of a change back, the calendar is open both times
// if the wall-clock time is within a shift; wall-clock times skipped by a
// change forward are never open.
//
// Every call takes a time that depends on neither the span nor the instants,
// from the year 1 to the year 9999 (the first call past the year 2200
// prepares a table for such instants, once). Instants before the year 1 or
// after 9999 count as those years' ends.
//
// A Calendar is immutable and safe for concurrent use. A nil or zero Calendar
// is open all the time (24×7) in UTC, like [AlwaysOpen].
type Calendar struct {
	cfg    CalendarConfig
	loc    *time.Location
	always bool // open at every instant: Between is elapsed time

	// The weekly pattern, in wall-clock seconds from Sunday 00:00, split at
	// midnights and sorted: week[dayIdx[k]:dayIdx[k+1]] are weekday k's spans
	// (including the part past midnight of weekday k-1's shifts).
	week      []span
	weekCum   []int64 // open seconds of the week before week[i]; len(week)+1
	dayIdx    [8]int32
	weekTotal int64

	// Exception days: days whose spans differ from their weekday's because a
	// holiday falls on them or on the day before. Sorted by day.
	ex      []exDay
	exSpans []span
	exAdj   []int64 // exAdj[j]: open seconds exceptions 0..j-1 add to the weekly pattern

	// The zone's offset transitions: near from the year 1 to 2200, far
	// past 2200 (built on first use, see calendar_zone.go).
	near   zoneTable
	farTab *farZone
}

// span is a half-open interval [a, b) of wall-clock seconds.
type span struct{ a, b int64 }

type exDay struct {
	day    int64 // days since 1970-01-01 on the wall clock
	lo, hi int32 // exSpans[lo:hi]
	start  int64 // wall business seconds at the start of the day
	total  int64 // open seconds of the day
}

const (
	secPerDay  = 86400
	secPerWeek = 7 * secPerDay
	nsPerSec   = int64(time.Second)
)

// AlwaysOpen returns a calendar open 24 hours a day, 7 days a week, with no
// holidays, for objectives counted in calendar time. Its [Calendar.Between]
// is the elapsed time end.Sub(start) in every zone.
func AlwaysOpen() *Calendar {
	all := []Shift{{Start: Midnight, End: EndOfDay}}
	week := make(map[time.Weekday][]Shift, 7)
	for d := time.Sunday; d <= time.Saturday; d++ {
		week[d] = all
	}
	c, err := NewCalendar(CalendarConfig{Zone: "UTC", Week: week})
	if err != nil {
		panic(err) // unreachable: the configuration is a valid literal
	}
	return c
}

func (c *Calendar) isAlways() bool { return c == nil || c.loc == nil || c.always }

// Location returns the zone whose wall clock the calendar's shifts follow.
func (c *Calendar) Location() *time.Location {
	if c == nil || c.loc == nil {
		return time.UTC
	}
	return c.loc
}

// Config returns a copy of the configuration the calendar was built from.
func (c *Calendar) Config() CalendarConfig {
	if c == nil || c.loc == nil {
		return AlwaysOpen().Config()
	}
	return c.cfg.clone()
}

// Between returns the business time in [start, end): the real time the
// calendar is open between the two instants. It is 0 when end is not after
// start, and saturates at the largest [time.Duration].
func (c *Calendar) Between(start, end time.Time) time.Duration {
	if !end.After(start) {
		return 0
	}
	if c.isAlways() {
		return end.Sub(start)
	}
	s1, n1 := c.real(start.Unix(), int64(start.Nanosecond()))
	s2, n2 := c.real(end.Unix(), int64(end.Nanosecond()))
	return durationOf(s2-s1, n2-n1)
}

func durationOf(sec, ns int64) time.Duration {
	if sec > math.MaxInt64/nsPerSec-1 {
		return math.MaxInt64
	}
	return time.Duration(sec*nsPerSec + ns)
}

// Add returns the instant at which d of business time after start is
// complete: the earliest t with Between(start, t) == d. The instant may be a
// closing time: on a 09:00-17:00 day, 16:00 plus one hour is 17:00 the same
// day, not 09:00 the next. Add returns start when d is not positive. The
// result is in the calendar's zone.
func (c *Calendar) Add(start time.Time, d time.Duration) time.Time {
	if d <= 0 {
		return start
	}
	if c.isAlways() {
		return start.Add(d).In(c.Location())
	}
	sec, ns := start.Unix(), int64(start.Nanosecond())
	bs, bn := c.real(sec, ns)
	xs := bs + int64(d)/nsPerSec
	xn := bn + int64(d)%nsPerSec
	if xn >= nsPerSec {
		xs, xn = xs+1, xn-nsPerSec
	}
	var rs, rn int64
	switch {
	case after(xs, xn, c.near.realHi):
		rs, rn = c.addFar(xs, xn)
	case after(xs, xn, c.near.realLo):
		rs, rn = c.invert(&c.near, xs, xn)
	default: // unreachable: real(start) >= realLo and d > 0
		rs, rn = clampLo, 0
	}
	if rs > clampHi {
		rs, rn = clampHi, 0
	}
	return time.Unix(rs, rn).In(c.loc)
}

// after reports whether the business instant (s, n) is after the whole
// second r.
func after(s, n, r int64) bool { return s > r || (s == r && n > 0) }

// IsOpen reports whether the calendar is open at t.
func (c *Calendar) IsOpen(t time.Time) bool {
	if c.isAlways() {
		return true
	}
	sec := min(max(t.Unix(), clampLo), clampHi)
	off, _ := c.zone(sec)
	return c.openWall(sec + off)
}

// NextOpen returns the first instant at or after t at which the calendar is
// open: t itself when it is open at t.
func (c *Calendar) NextOpen(t time.Time) time.Time {
	if c.IsOpen(t) {
		return t
	}
	return c.Add(t, 1).Add(-1)
}

// NextClose returns the first instant at or after t at which the calendar is
// closed (t itself when it is closed at t), and false when it never closes
// after t: a 24×7 calendar without holidays ahead.
func (c *Calendar) NextClose(t time.Time) (time.Time, bool) {
	if c.isAlways() {
		return time.Time{}, false
	}
	sec, ns := t.Unix(), int64(t.Nanosecond())
	sec = max(sec, clampLo)
	for sec < clampHi {
		off, next, hasNext := c.zoneAt(sec)
		ws := sec + off
		if !c.openWall(ws) {
			return time.Unix(sec, ns).In(c.loc), true
		}
		end, ok := c.wallRunEnd(ws)
		if ok && (!hasNext || end-off < next) {
			return time.Unix(end-off, 0).In(c.loc), true
		}
		if !hasNext {
			return time.Time{}, false
		}
		if next-sec > 2*secPerDay {
			// Every wall second from ws to the run's end is open, and a
			// clock change more than a day after sec moves the wall clock
			// back by hours at most, into the run: only the changes near
			// the run's end can close the calendar.
			if !ok {
				return time.Time{}, false
			}
			if j := end - off - 3*secPerDay; j > next {
				sec, ns = j, 0
				continue
			}
		}
		sec, ns = next, 0
	}
	return time.Time{}, false
}

// real returns the calendar's real business time at the instant (sec, ns)
// since an arbitrary fixed origin, as whole seconds and nanoseconds.
func (c *Calendar) real(sec, ns int64) (int64, int64) {
	sec = min(max(sec, clampLo), clampHi)
	off, corr := c.zone(sec)
	b, open := c.wall(sec + off)
	if !open {
		ns = 0
	}
	return b + corr, ns
}

// wall returns the open wall-clock seconds since an arbitrary fixed origin up
// to the wall-clock second ws, and whether the calendar is open during ws.
func (c *Calendar) wall(ws int64) (int64, bool) {
	day := floorDiv(ws, secPerDay)
	sod := ws - day*secPerDay
	j := c.exSearch(day)
	if j < len(c.ex) && c.ex[j].day == day {
		e := &c.ex[j]
		b, open := cumSpans(c.exSpans[e.lo:e.hi], sod)
		return e.start + b, open
	}
	k := floorMod(day+4, 7)
	q := floorDiv(day+4, 7)
	i0, i1 := c.dayIdx[k], c.dayIdx[k+1]
	b, open := cumSpans(c.week[i0:i1], k*secPerDay+sod)
	return q*c.weekTotal + c.weekCum[i0] + b + c.exAdj[j], open
}

// cumSpans returns the open seconds of sorted spans before pos, and whether
// pos is inside one of them.
func cumSpans(spans []span, pos int64) (int64, bool) {
	var b int64
	for _, s := range spans {
		switch {
		case pos >= s.b:
			b += s.b - s.a
		case pos >= s.a:
			return b + pos - s.a, true
		default:
			return b, false
		}
	}
	return b, false
}

func (c *Calendar) openWall(ws int64) bool {
	_, open := c.wall(ws)
	return open
}

// exSearch returns the index of the first exception day on or after day.
func (c *Calendar) exSearch(day int64) int {
	lo, hi := 0, len(c.ex)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if c.ex[m].day < day {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// wallInverse returns the earliest wall-clock instant at which the open wall
// time since the origin reaches (xs, xn).
func (c *Calendar) wallInverse(xs, xn int64) (int64, int64) {
	// i: last exception day starting before x.
	lo, hi := 0, len(c.ex)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if after(xs, xn, c.ex[m].start) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	i := lo - 1
	if i >= 0 {
		e := &c.ex[i]
		if !after(xs, xn, e.start+e.total) {
			s, n := spanInverse(c.exSpans[e.lo:e.hi], xs-e.start, xn)
			return e.day*secPerDay + s, n
		}
	}
	// Between exception days: the weekly pattern, shifted.
	xs -= c.exAdj[i+1]
	q := floorDiv(xs, c.weekTotal)
	r := xs - q*c.weekTotal
	if r == 0 && xn == 0 {
		q, r = q-1, c.weekTotal
	}
	// k: first span of the week whose end reaches r.
	lo, hi = 0, len(c.week)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if after(r, xn, c.weekCum[m+1]) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return (q*7-4)*secPerDay + c.week[lo].a + r - c.weekCum[lo], xn
}

// spanInverse returns the position within sorted spans at which (rs, rn) open
// seconds have elapsed, for 0 < (rs, rn) <= their total.
func spanInverse(spans []span, rs, rn int64) (int64, int64) {
	var b int64
	for _, s := range spans {
		l := s.b - s.a
		if b+l > rs || (b+l == rs && rn == 0) {
			return s.a + rs - b, rn
		}
		b += l
	}
	last := spans[len(spans)-1]
	return last.b, 0
}

// wallRunEnd returns the wall-clock second at which the open run containing
// ws ends, and false when it never ends.
func (c *Calendar) wallRunEnd(ws int64) (int64, bool) {
	day := floorDiv(ws, secPerDay)
	pos := ws - day*secPerDay
	first := true
	for day*secPerDay < clampHi {
		j := c.exSearch(day)
		isEx := j < len(c.ex) && c.ex[j].day == day
		if !isEx && c.weekTotal == secPerWeek {
			if j == len(c.ex) {
				return 0, false
			}
			day, pos, first = c.ex[j].day, 0, false
			continue
		}
		spans := c.daySpans(day, j, isEx)
		found := false
		for _, s := range spans {
			if (first && pos >= s.a && pos < s.b) || (!first && s.a == pos) {
				pos, found, first = s.b, true, false
			}
		}
		if !found {
			return day*secPerDay + pos, true
		}
		if pos < secPerDay {
			return day*secPerDay + pos, true
		}
		day, pos = day+1, 0
	}
	return 0, false
}

// daySpans returns the spans of day relative to its midnight.
func (c *Calendar) daySpans(day int64, j int, isEx bool) []span {
	if isEx {
		e := &c.ex[j]
		return c.exSpans[e.lo:e.hi]
	}
	k := floorMod(day+4, 7)
	w := c.week[c.dayIdx[k]:c.dayIdx[k+1]]
	out := make([]span, len(w))
	for i, s := range w {
		out[i] = span{s.a - k*secPerDay, s.b - k*secPerDay}
	}
	return out
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func floorMod(a, b int64) int64 { return a - floorDiv(a, b)*b }
