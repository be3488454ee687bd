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
// Instants between the years 1900 and 2200 take a constant time whatever the
// span; outside them the calendar stays exact but walks the zone's transitions.
// Instants before the year 1 or after 9999 count as those years' ends.
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

	// Offset transitions of the zone within [rangeLo, rangeHi).
	off0   int64 // offset at rangeLo
	tr     []transition
	realHi int64 // real business seconds at rangeHi
}

// span is a half-open interval [a, b) of wall-clock seconds.
type span struct{ a, b int64 }

type exDay struct {
	day    int64 // days since 1970-01-01 on the wall clock
	lo, hi int32 // exSpans[lo:hi]
	start  int64 // wall business seconds at the start of the day
	total  int64 // open seconds of the day
}

type transition struct {
	at   int64 // Unix seconds
	off  int64 // offset from UTC in seconds after at
	corr int64 // sum of the corrections of the transitions up to this one
	real int64 // real business seconds at at
}

const (
	secPerDay  = 86400
	secPerWeek = 7 * secPerDay
	nsPerSec   = int64(time.Second)
)

// The range of instants with precomputed zone transitions.
var (
	rangeLo = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	rangeHi = time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	// Instants are clamped to the years 1 through 9999.
	clampLo = time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	clampHi = time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC).Unix()
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
	if sec >= rangeLo && sec < rangeHi && !after(xs, xn, c.realHi) {
		rs, rn = c.addFast(xs, xn)
	} else {
		rs, rn = c.addSlow(sec, xs, xn)
	}
	return time.Unix(rs, rn).In(c.loc)
}

// after reports whether the business instant (s, n) is after the whole
// second r.
func after(s, n, r int64) bool { return s > r || (s == r && n > 0) }

// addFast inverts the real business time within the precomputed range: the
// transition segment holding the answer is found by binary search, then the
// wall-clock pattern is inverted with that segment's offset.
func (c *Calendar) addFast(xs, xn int64) (int64, int64) {
	// j: first transition whose real business time reaches x.
	lo, hi := 0, len(c.tr)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if after(xs, xn, c.tr[m].real) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	off, corr := c.off0, int64(0)
	if lo > 0 {
		off, corr = c.tr[lo-1].off, c.tr[lo-1].corr
	}
	ws, wn := c.wallInverse(xs-corr, xn)
	return ws - off, wn
}

// addSlow finds the earliest instant whose real business time reaches x by
// searching whole seconds from sec, for instants outside the precomputed
// range of zone transitions.
func (c *Calendar) addSlow(sec, xs, xn int64) (int64, int64) {
	reaches := func(s int64) bool {
		bs, _ := c.real(s, 0)
		return !after(xs, xn, bs)
	}
	lo, step := sec, int64(1)
	hi := sec + 1
	for !reaches(hi) {
		if hi >= clampHi {
			return clampHi, 0
		}
		lo = hi
		step *= 2
		hi = min(hi+step, clampHi)
	}
	for hi-lo > 1 {
		m := lo + (hi-lo)/2
		if reaches(m) {
			hi = m
		} else {
			lo = m
		}
	}
	// The business time reaches x within the second before hi, during
	// which the calendar is open.
	bs, _ := c.real(hi-1, 0)
	if rem := (xs-bs)*nsPerSec + xn; rem > 0 && rem < nsPerSec {
		return hi - 1, rem
	}
	return hi, 0
}

// IsOpen reports whether the calendar is open at t.
func (c *Calendar) IsOpen(t time.Time) bool {
	if c.isAlways() {
		return true
	}
	sec := min(max(t.Unix(), clampLo), clampHi)
	return c.openWall(sec + c.offsetAt(sec))
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
		sec, ns = next, 0
	}
	return time.Time{}, false
}

// real returns the calendar's real business time at the instant (sec, ns)
// since an arbitrary fixed origin, as whole seconds and nanoseconds.
func (c *Calendar) real(sec, ns int64) (int64, int64) {
	sec = min(max(sec, clampLo), clampHi)
	var off, corr int64
	if sec >= rangeLo && sec < rangeHi {
		i := c.trIndex(sec)
		off = c.off0
		if i > 0 {
			off, corr = c.tr[i-1].off, c.tr[i-1].corr
		}
	} else {
		off = zoneOffset(c.loc, sec)
		if sec >= rangeHi {
			corr = c.corrTotal() + c.slowCorrections(rangeHi-1, sec)
		} else {
			corr = -c.slowCorrections(sec, rangeLo)
		}
	}
	b, open := c.wall(sec + off)
	if !open {
		ns = 0
	}
	return b + corr, ns
}

func (c *Calendar) corrTotal() int64 {
	if len(c.tr) == 0 {
		return 0
	}
	return c.tr[len(c.tr)-1].corr
}

// trIndex returns the number of transitions at or before sec.
func (c *Calendar) trIndex(sec int64) int {
	lo, hi := 0, len(c.tr)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if c.tr[m].at <= sec {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// offsetAt returns the zone's offset from UTC at sec.
func (c *Calendar) offsetAt(sec int64) int64 {
	if sec >= rangeLo && sec < rangeHi {
		if i := c.trIndex(sec); i > 0 {
			return c.tr[i-1].off
		}
		return c.off0
	}
	return zoneOffset(c.loc, sec)
}

// zoneAt returns the offset in force at sec and the next offset transition
// after sec, if any.
func (c *Calendar) zoneAt(sec int64) (off, next int64, hasNext bool) {
	if sec >= rangeLo && sec < rangeHi {
		i := c.trIndex(sec)
		off = c.off0
		if i > 0 {
			off = c.tr[i-1].off
		}
		if i < len(c.tr) {
			return off, c.tr[i].at, true
		}
		if sec2, ok := nextTransition(c.loc, max(sec, rangeHi-1)); ok {
			return off, sec2, true
		}
		return off, 0, false
	}
	off = zoneOffset(c.loc, sec)
	next, hasNext = nextTransition(c.loc, sec)
	return off, next, hasNext
}

func zoneOffset(loc *time.Location, sec int64) int64 {
	_, off := time.Unix(sec, 0).In(loc).Zone()
	return int64(off)
}

// nextTransition returns the first instant after sec at which loc's offset
// changes.
func nextTransition(loc *time.Location, sec int64) (int64, bool) {
	off := zoneOffset(loc, sec)
	for sec < clampHi {
		_, end := time.Unix(sec, 0).In(loc).ZoneBounds()
		if end.IsZero() {
			return 0, false
		}
		if e := end.Unix(); e > sec {
			sec = e
			if zoneOffset(loc, sec) != off {
				return sec, true
			}
			continue
		}
		// Beyond its table, the time package clips zone bounds at the
		// start of the UTC year and reports them until the local year
		// begins: step a day, bisecting if the offset changed meanwhile.
		e := sec + secPerDay
		if zoneOffset(loc, e) == off {
			sec = e
			continue
		}
		for e-sec > 1 {
			m := sec + (e-sec)/2
			if zoneOffset(loc, m) == off {
				sec = m
			} else {
				e = m
			}
		}
		return e, true
	}
	return 0, false
}

// slowCorrections sums the corrections of loc's offset transitions in (a, b].
func (c *Calendar) slowCorrections(a, b int64) int64 {
	var sum int64
	for {
		t, ok := nextTransition(c.loc, a)
		if !ok || t > b {
			return sum
		}
		sum += c.correction(t, zoneOffset(c.loc, t-1), zoneOffset(c.loc, t))
		a = t
	}
}

// correction is the real business time that the wall-clock count misses at a
// transition from offset before to offset after: minus the open wall time
// skipped when clocks go forward, plus the open wall time repeated when they
// go back.
func (c *Calendar) correction(at, before, after int64) int64 {
	b1, _ := c.wall(at + before)
	b2, _ := c.wall(at + after)
	return b1 - b2
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
