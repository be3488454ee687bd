package sla

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"time"
)

// Warning is a level at which a running clock warns before it breaches: a
// share of its target elapsed (Percent, e.g. 75 for "75 %") or its time left
// (Before, e.g. 30 minutes for "breaches in 30 min"), both counted on the
// objective's calendar. Exactly one of the two is set.
//
// As text, for JSON: "75%" or "30m" (any duration [ParseDuration] reads).
type Warning struct {
	Percent float64
	Before  time.Duration
}

// ParseWarning parses a warning level: a percentage of the target in (0,
// 100) followed by "%" ("50%", "87.5 %"), or a duration before the breach
// ("30m", "2h"). Errors wrap [ErrInvalidAgreement].
func ParseWarning(s string) (Warning, error) {
	txt := strings.TrimSpace(s)
	if num, ok := strings.CutSuffix(txt, "%"); ok {
		p, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
		w := Warning{Percent: p}
		if err != nil || !w.IsValid() {
			return Warning{}, errorf(ErrInvalidAgreement, "warning %q: want a percentage of the target between 0 and 100, such as \"75%%\"", s)
		}
		return w, nil
	}
	d, err := ParseDuration(txt)
	if err != nil || d <= 0 {
		return Warning{}, errorf(ErrInvalidAgreement, "warning %q: want \"75%%\" or a positive time before the breach such as \"30m\"", s)
	}
	return Warning{Before: d}, nil
}

// String returns the text form ParseWarning reads: "75%", "30m".
func (w Warning) String() string {
	if w.Before > 0 {
		return FormatDuration(w.Before)
	}
	return strconv.FormatFloat(w.Percent, 'f', -1, 64) + "%"
}

// IsValid reports whether exactly one of Percent, in (0, 100), and Before,
// positive and at most 100 000 days, is set.
func (w Warning) IsValid() bool {
	pct := !math.IsNaN(w.Percent) && w.Percent > 0 && w.Percent < 100
	switch {
	case w.Before == 0:
		return pct
	case w.Percent == 0:
		return w.Before > 0 && w.Before <= maxDuration
	}
	return false
}

// MarshalText implements encoding.TextMarshaler.
func (w Warning) MarshalText() ([]byte, error) {
	if !w.IsValid() {
		return nil, errorf(ErrInvalidAgreement, "warning {%v %s}: want a percentage in (0, 100) or a positive time before the breach",
			w.Percent, FormatDuration(w.Before))
	}
	return []byte(w.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with [ParseWarning].
func (w *Warning) UnmarshalText(text []byte) error {
	v, err := ParseWarning(string(text))
	if err != nil {
		return err
	}
	*w = v
	return nil
}

// at returns the elapsed time at which the warning fires for target, and
// false when it never does (a warning before the breach longer than the
// target).
func (w Warning) at(target time.Duration) (time.Duration, bool) {
	if w.Before > 0 {
		return target - w.Before, w.Before < target
	}
	return time.Duration(w.Percent / 100 * float64(target)), true
}

// Upcoming is a warning or a breach that a running clock reaches if it keeps
// running: one line of a supervisor's watch list.
type Upcoming struct {
	// Index is the ticket's position in the list given to Watch (from 0)
	// and Ticket its ID.
	Index  int
	Ticket string
	// Objective and Metric name the clock; Priority is the ticket's.
	Objective string
	Metric    Metric
	Priority  Priority
	// At is when the clock reaches the level; Warning is the level, the
	// zero Warning for the breach itself.
	At      time.Time
	Warning Warning
}

// Breach reports whether u is the breach rather than a warning.
func (u Upcoming) Breach() bool { return u.Warning == (Warning{}) }

// Watch returns the warnings and breaches the running clocks of tickets
// reach in (now, now+horizon], assuming they keep running without a pause,
// in time order (ties by ticket, then metric, then warnings before the
// breach). Each clock is evaluated as [Agreement.Evaluate] does at now; its
// warnings are its objective's (Objective.Warnings), and a clock whose
// elapsed time already equals its target (used up while the calendar is
// closed) is listed as breaching at now. Clocks that wait, or have stopped,
// reach nothing. Levels are counted in business time on the clock's
// calendar; the horizon is real time.
//
// Tickets opened after now have nothing running and are skipped. Tickets
// that fail validation are skipped too; the error joins their problems,
// each naming the ticket's position (from 1), and the list of the others is
// returned with it. A horizon that is not positive is an error
// wrapping [ErrInvalidTicket] with no list.
func (a *Agreement) Watch(tickets []Ticket, now time.Time, horizon time.Duration) ([]Upcoming, error) {
	if horizon <= 0 {
		return nil, errorf(ErrInvalidTicket, "watch horizon %s: want a positive duration", FormatDuration(horizon))
	}
	w := watcher{a: a, now: now, end: now.Add(horizon)}
	var errs []error
	var en engine
	en.pos.pinAt = now // every ticket's last interval ends at now
	for i := range tickets {
		t := &tickets[i]
		err := t.Validate()
		if err == nil && t.Events[0].At.After(now) {
			continue // not opened yet: nothing runs
		}
		if err == nil {
			err = a.ticketZones(t, now)
		}
		if err != nil {
			if len(errs) < maxTicketErrors {
				errs = append(errs, errorf(ErrInvalidTicket, "watch: ticket %d: %v", i+1, err))
			} else if len(errs) == maxTicketErrors {
				errs = append(errs, errorf(ErrInvalidTicket, "watch: and more tickets with problems"))
			}
			continue
		}
		en.reset(a, t)
		en.run(t, now)
		w.ticket(&en, i)
	}
	return w.list(tickets), errors.Join(errs...)
}

// watchItem is a compact Upcoming, in the order the tickets, their clocks
// and levels were visited: ticket, metric, warnings before the breach.
type watchItem struct {
	ticket int32
	obj    int32
	level  int16 // index in the objective's warnings; breachLevel for the breach
	prio   Priority
	loc    *time.Location
}

const breachLevel = -1

// watchKey sorts the items: by the time from now to the instant, then by
// visiting order.
type watchKey struct {
	d   time.Duration
	seq int32
}

// watcher collects the upcoming levels of the tickets of one Watch call.
type watcher struct {
	a        *Agreement
	now, end time.Time
	// spans caches, per calendar, the business time in (now, end].
	spans []calSpan
	items []watchItem
	keys  []watchKey
}

type calSpan struct {
	cal *Calendar
	d   time.Duration
}

// span returns the business time of cal in [now, end).
func (w *watcher) span(cal *Calendar) time.Duration {
	for _, s := range w.spans {
		if s.cal == cal {
			return s.d
		}
	}
	d := between(cal, w.now, w.end)
	w.spans = append(w.spans, calSpan{cal, d})
	return d
}

// ticket adds the upcoming levels of the running clocks of ticket i, whose
// pass en has run to now. A level is within the horizon when the business
// time to it is at most the calendar's business time in the horizon, so
// only the levels listed cost a Calendar.Add.
func (w *watcher) ticket(en *engine, i int) {
	for k := 0; k < en.n; k++ {
		c := &en.clocks[k]
		cy := &c.cur
		if !c.started || !cy.active || cy.breached || cy.obj < 0 {
			continue
		}
		o := &w.a.obj[cy.obj]
		if !en.counts(c.metric, o) {
			continue
		}
		cal := en.calendar(o)
		limit := w.span(cal)
		for l, wl := range o.Warnings {
			if at, ok := wl.at(cy.target); ok && at > cy.elapsed && at-cy.elapsed <= limit {
				w.add(addBusiness(cal, w.now, at-cy.elapsed), i, cy.obj, l, en.prio)
			}
		}
		if left := cy.target - cy.elapsed; left <= limit {
			at := w.now
			if left > 0 {
				at = addBusiness(cal, w.now, left)
			}
			w.add(at, i, cy.obj, breachLevel, en.prio)
		}
	}
}

// add records a level reached at instant at, within the horizon.
func (w *watcher) add(at time.Time, ticket int, obj int32, level int, p Priority) {
	w.keys = append(w.keys, watchKey{at.Sub(w.now), int32(len(w.items))})
	w.items = append(w.items, watchItem{ticket: int32(ticket), obj: obj, level: int16(level), prio: p, loc: at.Location()})
}

// list sorts the items and writes them out.
func (w *watcher) list(tickets []Ticket) []Upcoming {
	if len(w.items) == 0 {
		return nil
	}
	sortKeys(w.keys)
	out := make([]Upcoming, len(w.keys))
	for i, k := range w.keys {
		it := &w.items[k.seq]
		o := &w.a.obj[it.obj]
		out[i] = Upcoming{Index: int(it.ticket), Ticket: tickets[it.ticket].ID, Objective: o.Name, Metric: o.Metric,
			Priority: it.prio, At: w.now.Add(k.d).In(it.loc)}
		if it.level != breachLevel {
			out[i].Warning = o.Warnings[it.level]
		}
	}
	return out
}

// sortKeys sorts keys by d, keeping the order of equal ones (their seq is
// increasing): a least-significant-digit radix sort on the 11-bit digits of
// d up to its highest non-zero one, d being non-negative (an instant within
// the horizon).
func sortKeys(keys []watchKey) {
	const bits, mask = 11, 1<<11 - 1
	var top time.Duration
	for _, k := range keys {
		top = max(top, k.d)
	}
	buf := make([]watchKey, len(keys))
	src, dst := keys, buf
	for shift := uint(0); shift < 64 && uint64(top)>>shift > 0; shift += bits {
		var count [1 << bits]int
		for _, k := range src {
			count[uint64(k.d)>>shift&mask]++
		}
		sum := 0
		for i, c := range count {
			count[i], sum = sum, sum+c
		}
		for _, k := range src {
			digit := uint64(k.d) >> shift & mask
			dst[count[digit]] = k
			count[digit]++
		}
		src, dst = dst, src
	}
	copy(keys, src) // a no-op when src is keys
}
