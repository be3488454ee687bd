package sla

import (
	"sync"
	"sync/atomic"
	"time"
)

// The zone's offset transitions are precomputed, as cumulative business-time
// corrections searched by bisection, in two tables: from the year 1 to the
// year 2200 when the calendar is built, and from 2200 over one 400-year cycle
// the first time an instant past 2200 is asked about. Past the zone's own
// table (which ends well before 2200 in every IANA zone) a zone repeats its
// yearly daylight-saving rule, and the Gregorian calendar repeats its dates
// and weekdays, every 400 years (146 097 days, exactly 20 871 weeks); once
// the calendar's holidays are over, its business time repeats too. An
// instant later than the second table is moved back by whole cycles, so no
// call ever walks the zone's transitions one by one.

// period400 is 400 Gregorian years in seconds.
const period400 = 146097 * secPerDay

// The range of instants with precomputed zone transitions at construction.
var (
	// Instants are clamped to the years 1 through 9999.
	clampLo = time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	clampHi = time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC).Unix()
	rangeHi = time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
)

// zoneLookups counts the questions asked of the time package about a zone
// (an offset or the bounds of a zone period), the work a table costs to
// build; tests read it to check that calls cost no such work, without timing
// anything.
var zoneLookups atomic.Int64

type transition struct {
	at   int64 // Unix seconds
	off  int64 // offset from UTC in seconds after at
	corr int64 // sum of the corrections of the transitions up to this one
	real int64 // real business seconds at at
}

// zoneTable holds a zone's offset transitions in [lo, hi) with the
// business-time corrections they bring.
type zoneTable struct {
	lo, hi         int64
	off0, corr0    int64 // offset and corrections in force at lo
	tr             []transition
	realLo, realHi int64 // real business seconds at lo and at hi
}

// index returns the number of transitions at or before sec.
func (z *zoneTable) index(sec int64) int {
	lo, hi := 0, len(z.tr)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if z.tr[m].at <= sec {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// at returns the offset in force at sec and the corrections up to sec.
func (z *zoneTable) at(sec int64) (off, corr int64) {
	if i := z.index(sec); i > 0 {
		return z.tr[i-1].off, z.tr[i-1].corr
	}
	return z.off0, z.corr0
}

// next returns the first transition after sec, if the table holds one.
func (z *zoneTable) next(sec int64) (int64, bool) {
	if i := z.index(sec); i < len(z.tr) {
		return z.tr[i].at, true
	}
	return 0, false
}

// corrHi returns the corrections up to hi.
func (z *zoneTable) corrHi() int64 {
	if n := len(z.tr); n > 0 {
		return z.tr[n-1].corr
	}
	return z.corr0
}

// buildZone walks the zone's transitions in [lo, hi), starting with the
// offset off0 and the corrections corr0 in force at lo.
func (c *Calendar) buildZone(lo, hi, off0, corr0 int64) zoneTable {
	z := zoneTable{lo: lo, hi: hi, off0: off0, corr0: corr0}
	b, _ := c.wall(lo + off0)
	z.realLo = b + corr0
	off, corr, t := off0, corr0, lo
	for {
		at, ok := nextTransition(c.loc, t)
		if !ok || at >= hi {
			break
		}
		oa := zoneOffset(c.loc, at)
		corr += c.correction(at, off, oa)
		b, _ := c.wall(at + oa)
		z.tr = append(z.tr, transition{at: at, off: oa, corr: corr, real: b + corr})
		off, t = oa, at
	}
	b, _ = c.wall(hi + off)
	z.realHi = b + corr
	return z
}

// farZone is the table past 2200, built on first use: transitions from 2200
// to the end of a whole 400-year cycle that starts once the calendar's
// holidays are over (pstart), so that every later instant maps onto it.
type farZone struct {
	once   sync.Once
	z      zoneTable
	pstart int64 // start of the repeating cycle: z.hi − pstart is period400
	corrP  int64 // corrections over one cycle
	realP  int64 // real business seconds at pstart
}

// far returns the table past 2200, building it on first use.
func (c *Calendar) far() *farZone {
	f := c.farTab
	f.once.Do(func() {
		f.pstart = rangeHi
		if n := len(c.ex); n > 0 {
			// Two days past the last exception day, whatever the offset.
			f.pstart = max(f.pstart, (c.ex[n-1].day+3)*secPerDay)
		}
		f.z = c.buildZone(rangeHi, f.pstart+period400, c.near.offHi(), c.near.corrHi())
		off, corr := f.z.at(f.pstart)
		b, _ := c.wall(f.pstart + off)
		f.realP = b + corr
		f.corrP = f.z.corrHi() - corr
	})
	return f
}

// offHi returns the offset in force at the table's end.
func (z *zoneTable) offHi() int64 {
	if n := len(z.tr); n > 0 {
		return z.tr[n-1].off
	}
	return z.off0
}

// zone returns the offset in force at sec and the business-time corrections
// of the transitions up to sec, for clampLo <= sec <= clampHi.
func (c *Calendar) zone(sec int64) (off, corr int64) {
	if sec < rangeHi {
		return c.near.at(sec)
	}
	f := c.far()
	if sec < f.z.hi {
		return f.z.at(sec)
	}
	k := (sec - f.pstart) / period400
	off, corr = f.z.at(sec - k*period400)
	return off, corr + k*f.corrP
}

// zoneAt returns the offset in force at sec and the next offset transition
// after sec, if any.
func (c *Calendar) zoneAt(sec int64) (off, next int64, hasNext bool) {
	off, _ = c.zone(sec)
	if sec < rangeHi {
		if next, ok := c.near.next(sec); ok {
			return off, next, true
		}
		sec = rangeHi - 1
	}
	f := c.far()
	var k int64
	if sec >= f.z.hi {
		k = (sec - f.pstart) / period400
	}
	if next, ok := f.z.next(sec - k*period400); ok {
		return off, next + k*period400, true
	}
	// Past the last transition of the cycle: the first of the next one.
	if next, ok := f.z.next(f.pstart - 1); ok {
		return off, next + (k+1)*period400, true
	}
	return off, 0, false
}

// invert returns the earliest instant at which the real business time
// reaches (xs, xn), for z.realLo < (xs, xn) <= z.realHi: the transition
// segment holding the answer is found by bisection, then the wall-clock
// pattern is inverted with that segment's offset.
func (c *Calendar) invert(z *zoneTable, xs, xn int64) (int64, int64) {
	// j: first transition whose real business time reaches x.
	lo, hi := 0, len(z.tr)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if after(xs, xn, z.tr[m].real) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	off, corr := z.off0, z.corr0
	if lo > 0 {
		off, corr = z.tr[lo-1].off, z.tr[lo-1].corr
	}
	ws, wn := c.wallInverse(xs-corr, xn)
	return ws - off, wn
}

// addFar inverts the real business time past 2200: a target beyond the far
// table is moved back by whole 400-year cycles, inverted, and moved forward
// again.
func (c *Calendar) addFar(xs, xn int64) (int64, int64) {
	f := c.far()
	if !after(xs, xn, f.z.realHi) {
		return c.invert(&f.z, xs, xn)
	}
	cycle := f.z.realHi - f.realP // business seconds per cycle
	// The smallest k with x − k·cycle <= realHi.
	num := xs - f.z.realHi
	if xn > 0 {
		num++
	}
	k := (num + cycle - 1) / cycle
	if k > (clampHi-f.pstart)/period400+1 {
		return clampHi, 0
	}
	rs, rn := c.invert(&f.z, xs-k*cycle, xn)
	return rs + k*period400, rn
}

func zoneOffset(loc *time.Location, sec int64) int64 {
	zoneLookups.Add(1)
	_, off := time.Unix(sec, 0).In(loc).Zone()
	return int64(off)
}

// nextTransition returns the first instant after sec at which loc's offset
// changes.
func nextTransition(loc *time.Location, sec int64) (int64, bool) {
	off := zoneOffset(loc, sec)
	for sec < clampHi {
		zoneLookups.Add(1)
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

// correction is the real business time that the wall-clock count misses at a
// transition from offset before to offset after: minus the open wall time
// skipped when clocks go forward, plus the open wall time repeated when they
// go back.
func (c *Calendar) correction(at, before, after int64) int64 {
	b1, _ := c.wall(at + before)
	b2, _ := c.wall(at + after)
	return b1 - b2
}
