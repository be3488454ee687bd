package sla

import (
	"time"

	"github.com/servuction/servuction"
)

// attrs are a ticket's attributes at one instant of its timeline.
type attrs struct {
	customer, area, service, group, supplier, kind, zone string
	channel                                              servuction.Channel
	tags                                                 []string
}

func attrsOf(t *Ticket) attrs {
	return attrs{customer: t.Customer, area: t.Area, service: t.Service, group: t.Group, supplier: t.Supplier,
		kind: t.RequestKind, zone: t.TimeZone, channel: t.Channel, tags: t.Tags}
}

// apply sets the attribute an AttributeChanged event changes.
func (at *attrs) apply(e *Event) {
	switch e.Attribute {
	case AttrChannel:
		at.channel, _ = servuction.ParseChannel(e.Value) // validated with the ticket
	case AttrRequestKind:
		at.kind = e.Value
	case AttrTags:
		at.tags = e.Tags
	case AttrGroup:
		at.group = e.Value
	case AttrCustomer:
		at.customer = e.Value
	case AttrArea:
		at.area = e.Value
	case AttrService:
		at.service = e.Value
	case AttrSupplier:
		at.supplier = e.Value
	case AttrTimeZone:
		at.zone = e.Value
	}
}

// cycle is one run of a clock.
type cycle struct {
	obj   int32 // the objective the cycle is measured against; -1 until one applies
	level Level // the level of obj's scope
	start time.Time
	// elapsed is the time counted; target that of obj for the priority in
	// force (kept once the cycle stopped or breached).
	elapsed, target time.Duration
	// reachedAt is when elapsed reached target (zero before), the breach
	// instant once breached.
	reachedAt time.Time
	stoppedAt time.Time
	active    bool
	breached  bool
	group     string        // the owning group, for GroupOwnership
	paused    time.Duration // calendar time the running cycle did not count, for Cycles
}

// retarget applies a new target at instant at: a target already reached
// there was reached at that instant.
func (cy *cycle) retarget(target time.Duration, at time.Time) {
	if target == cy.target {
		return
	}
	cy.target, cy.reachedAt = target, time.Time{}
	if cy.elapsed >= target {
		cy.reachedAt = at
	}
}

// add counts d of business time that ran on cal from instant from, and
// reports whether the cycle breached in it.
func (cy *cycle) add(d time.Duration, cal *Calendar, from time.Time) bool {
	if cy.obj < 0 {
		cy.elapsed += d
		return false
	}
	if cy.reachedAt.IsZero() && cy.elapsed+d >= cy.target {
		cy.reachedAt = addBusiness(cal, from, cy.target-cy.elapsed)
	}
	cy.elapsed += d
	if !cy.breached && cy.elapsed > cy.target {
		// The breach instant is when the target was reached, whatever
		// came between then and now.
		cy.breached = true
		return true
	}
	return false
}

// clock is one metric's clock over a ticket's timeline.
type clock struct {
	metric  Metric
	slot    int
	pk      pick // the objectives that apply now
	started bool
	cur     cycle // the cycle being run or last run
	best    cycle // the finished cycle the result describes so far
	hasBest bool
	cycles  int // finished cycles measured against an objective
	// breaches counts the cycles that breached.
	breaches int
}

// engine runs every clock of an agreement over one ticket's timeline in a
// single pass: each interval between two events is measured once per
// calendar, however many clocks count on it.
type engine struct {
	a        *Agreement
	prio     Priority
	at       attrs
	paused   bool
	reason   PauseReason
	resolved bool
	// responded is set once an agent replied, or the ticket was resolved or
	// closed: customer replies from then on start next-response clocks.
	responded bool
	last      time.Time
	policy    int
	// owned is whether the agreement's party owns the ticket (always for
	// an SLA); opening clocks are pending until it first does.
	owned, pending bool
	chainBuf       [8]scopeLevel
	refs           [8]scopeRef
	nchain         int
	cals           []*Calendar    // the calendars in force, indexed like Agreement.cals
	loc            *time.Location // the zone of business days on the 24×7 clock
	zone           string         // the ticket's zone under TicketZone, "" for the calendars'
	pos            posMemo
	clocks         [numTicketMetrics]clock
	n              int
	// sink receives every cycle measured against an objective, for
	// Cycles; nil for Evaluate.
	sink *[]slotCycle
}

// reset prepares en for a pass over t: an engine is reused from ticket to
// ticket by Watch, so every field of the state is set here.
func (en *engine) reset(a *Agreement, t *Ticket) {
	en.a, en.prio, en.at, en.cals, en.loc, en.zone = a, t.Priority, attrsOf(t), a.cals, time.UTC, ""
	en.paused, en.reason, en.resolved, en.responded, en.pending = false, PauseUnspecified, false, false, false
	en.last, en.policy, en.pos.n = time.Time{}, 0, 0
	en.n = len(a.sel.slots)
	for i := 0; i < en.n; i++ {
		en.clocks[i] = clock{metric: a.sel.slots[i], slot: i, pk: pick{obj: -1, any: -1}, cur: cycle{obj: -1}}
	}
	en.rechain()
	en.repolicy()
	en.owned = a.owns(&en.at)
	en.rezone()
}

// run passes over the events of t up to now.
func (en *engine) run(t *Ticket, now time.Time) {
	for i := range t.Events {
		if t.Events[i].At.After(now) {
			break
		}
		en.step(&t.Events[i])
	}
	en.advance(now)
}

// rezone reads the calendars in the zone the ticket's attributes select;
// Evaluate loaded every zone the timeline uses beforehand.
func (en *engine) rezone() {
	name := en.a.zoneName(&en.at)
	if name == en.zone {
		return
	}
	en.zone, en.cals, en.loc = name, en.a.cals, time.UTC
	if set, err := en.a.zone(name); err == nil && set != nil {
		en.cals, en.loc = set.cals, set.loc
	}
}

// repolicy finds the policy that applies to the ticket's attributes.
func (en *engine) repolicy() {
	if len(en.a.cfg.Policies) > 0 {
		en.policy = en.a.policies.match(&en.at) + 1
	}
}

// rechain recomputes the ticket's scope chain from its attributes.
func (en *engine) rechain() {
	chain := en.a.chain(&en.at, en.chainBuf[:0])
	en.nchain = len(en.a.sel.resolve(chain, en.refs[:0]))
}

// reselect looks up the objectives in force for every clock and applies
// them to the running cycles at instant at.
func (en *engine) reselect(at time.Time) {
	chain := en.refs[:en.nchain]
	for i := 0; i < en.n; i++ {
		c := &en.clocks[i]
		c.pk = en.a.sel.lookup(en.a.obj, en.policy, chain, c.slot, en.prio)
		en.adopt(c, at)
	}
}

// adopt applies the objective in force to c's running cycle: a running
// cycle keeps its elapsed time and takes the new target, and is breached at
// once when it is already past it. A stopped or breached cycle keeps what it
// had; so does a running one when no objective is in force.
func (en *engine) adopt(c *clock, at time.Time) {
	cy := &c.cur
	if !cy.active || cy.breached || c.pk.obj < 0 {
		return
	}
	if cy.obj != c.pk.obj {
		cy.obj, cy.level = c.pk.obj, c.pk.level
		cy.target, cy.reachedAt = -1, time.Time{}
	}
	cy.retarget(en.target(&en.a.obj[cy.obj], cy), at)
	if cy.elapsed > cy.target {
		cy.breached = true
		c.breaches++
	}
}

// target returns the target of objective o for the priority in force, for
// cycle cy: a business-day target is the business time from the cycle's
// start to the instant it is used up.
func (en *engine) target(o *compiled, cy *cycle) time.Duration {
	t := o.targets[en.prio]
	if !t.days {
		return time.Duration(t.d)
	}
	cal, pat, loc := en.calendar(o), always24, en.loc
	if i := o.calIdx[en.prio]; i >= 0 {
		pat, loc = en.a.patterns[i], cal.Location()
	}
	deadline, ok := pat.deadline(cy.start, t.bd, loc)
	if !ok {
		return maxDuration // no business day within ten years
	}
	return max(between(cal, cy.start, deadline), time.Nanosecond)
}

// start starts c at instant at: a fresh cycle, or the last one again
// (a reopened resolution).
func (en *engine) start(c *clock, fresh bool, at time.Time) {
	if fresh || !c.started {
		if c.started {
			en.settle(c, c.cur)
		}
		c.cur = cycle{obj: -1, start: at}
		if c.metric == GroupOwnership {
			c.cur.group = en.at.group
		}
	}
	if !c.cur.active && !c.cur.stoppedAt.IsZero() && en.sink != nil {
		if o := en.counter(c); o != nil { // a reopened resolution: the gap was a pause
			c.cur.paused += between(en.calendar(o), c.cur.stoppedAt, at)
		}
	}
	c.started = true
	c.cur.active, c.cur.stoppedAt = true, time.Time{}
	en.adopt(c, at)
}

func (c *clock) stop(at time.Time) {
	if c.cur.active {
		c.cur.active, c.cur.stoppedAt = false, at
	}
}

// settle folds a finished cycle into the one the result describes: the
// first breached cycle, else the longest.
func (en *engine) settle(c *clock, cy cycle) {
	if cy.obj < 0 {
		return // never measured against an objective
	}
	if en.sink != nil {
		*en.sink = append(*en.sink, slotCycle{c.slot, en.describe(c, &cy, false, en.last)})
	}
	c.cycles++
	switch {
	case !c.hasBest:
		c.best, c.hasBest = cy, true
	case c.best.breached:
	case cy.breached || cy.elapsed >= c.best.elapsed:
		c.best = cy
	}
}

// counter returns the objective whose calendar and pause rules c counts
// with: its cycle's, else the most specific of its metric.
func (en *engine) counter(c *clock) *compiled {
	switch {
	case c.cur.obj >= 0:
		return &en.a.obj[c.cur.obj]
	case c.pk.any >= 0:
		return &en.a.obj[c.pk.any]
	}
	return nil
}

// counts reports whether a running clock of metric m counting with o counts
// now: unless a wait o pauses for, or, for the on-hold time, during such a
// wait.
func (en *engine) counts(m Metric, o *compiled) bool {
	if !en.owned {
		return false
	}
	waits := en.paused && o.pauses&(1<<en.reason) != 0
	if m == OnHoldTime {
		return waits
	}
	return !waits
}

// calendar returns the calendar o counts on at the current priority; nil
// is 24×7.
func (en *engine) calendar(o *compiled) *Calendar {
	if i := o.calIdx[en.prio]; i >= 0 {
		return en.cals[i]
	}
	return nil
}

// advance counts the business time from the last event to instant to on
// every running clock.
func (en *engine) advance(to time.Time) {
	if !to.After(en.last) {
		if en.last.IsZero() {
			en.last = to
		}
		return
	}
	var memo [4]struct {
		cal *Calendar
		d   time.Duration
	}
	nmemo := 0 // the business time of this interval per calendar
	for i := 0; i < en.n; i++ {
		c := &en.clocks[i]
		if !c.cur.active {
			continue
		}
		o := en.counter(c)
		if o == nil {
			continue
		}
		if !en.counts(c.metric, o) {
			if en.sink != nil { // Cycles reports the time a clock waited
				c.cur.paused += between(en.calendar(o), en.last, to)
			}
			continue
		}
		cal := en.calendar(o)
		d, found := time.Duration(0), false
		for j := 0; j < nmemo; j++ {
			if memo[j].cal == cal {
				d, found = memo[j].d, true
				break
			}
		}
		if !found {
			d = en.pos.between(cal, en.last, to)
			if nmemo < len(memo) {
				memo[nmemo].cal, memo[nmemo].d = cal, d
				nmemo++
			}
		}
		if c.cur.add(d, cal, en.last) {
			c.breaches++
		}
	}
	en.last = to
}

// step applies one event of the timeline.
func (en *engine) step(e *Event) {
	en.advance(e.At)
	switch e.Kind {
	case Opened:
		en.reselect(e.At)
		en.pending = true
		en.open(e.At)
	case AgentReplied:
		for i := 0; i < en.n; i++ {
			switch c := &en.clocks[i]; c.metric {
			case FirstResponse, NextResponse:
				c.stop(e.At)
			case PeriodicUpdate:
				c.stop(e.At)
				if !en.resolved {
					en.start(c, true, e.At)
				}
			}
		}
		en.responded = true
	case CustomerReplied:
		for i := 0; i < en.n; i++ {
			if c := &en.clocks[i]; c.metric == NextResponse && en.responded && !en.resolved && !c.cur.active {
				en.start(c, true, e.At)
			}
		}
	case Paused:
		en.paused, en.reason = true, e.Reason
	case Resumed:
		en.paused = false
	case PriorityChanged:
		en.prio = e.Priority
		en.reselect(e.At)
	case Resolved, Closed:
		for i := 0; i < en.n; i++ {
			en.clocks[i].stop(e.At)
		}
		en.resolved = en.resolved || e.Kind == Resolved
		en.responded = true
	case Reopened:
		en.resolved = false
		if en.pending {
			en.open(e.At) // the party gets the ticket for the first time
			return
		}
		for i := 0; i < en.n; i++ {
			switch c := &en.clocks[i]; c.metric {
			case Resolution, RequesterWait, AgentWork, OnHoldTime:
				en.start(c, false, e.At) // the same clock continues
			case PeriodicUpdate:
				en.start(c, true, e.At)
			case GroupOwnership:
				if en.at.group != "" && en.owned {
					en.start(c, true, e.At)
				}
			}
		}
	case AttributeChanged:
		en.change(e)
	}
}

// open starts the clocks that start at opening once the agreement's party
// owns the ticket.
func (en *engine) open(at time.Time) {
	if !en.pending || !en.owned || en.resolved {
		return
	}
	en.pending = false
	for i := 0; i < en.n; i++ {
		if c := &en.clocks[i]; startsAtOpening(c.metric) || c.metric == GroupOwnership && en.at.group != "" {
			en.start(c, true, at)
		}
	}
}

// startsAtOpening reports whether metric m's clock starts when the ticket
// is opened.
func startsAtOpening(m Metric) bool {
	switch m {
	case FirstResponse, FirstResolution, Resolution, RequesterWait, AgentWork, OnHoldTime:
		return true
	}
	return false
}

// change applies an attribute change: the policy and the scopes are chosen
// again, and a change of group ends one group's ownership and starts the
// next one's.
func (en *engine) change(e *Event) {
	regroup := e.Attribute == AttrGroup && e.Value != en.at.group
	if regroup {
		for i := 0; i < en.n; i++ {
			if c := &en.clocks[i]; c.metric == GroupOwnership {
				c.stop(e.At) // before the new group's objectives apply
			}
		}
	}
	en.at.apply(e)
	switch e.Attribute {
	case AttrCustomer, AttrArea, AttrService:
		en.rechain()
	}
	if e.Attribute == AttrCustomer || e.Attribute == AttrTimeZone {
		en.rezone()
	}
	if en.a.policies != nil && en.a.policies.used[e.Attribute] {
		en.repolicy()
	}
	en.reselect(e.At)
	if e.Attribute == AttrGroup || e.Attribute == AttrSupplier {
		en.owned = en.a.owns(&en.at)
		if en.pending {
			en.open(e.At)
			return // the ownership clock started with the others
		}
	}
	if regroup && en.at.group != "" && !en.resolved && en.owned && !en.pending {
		for i := 0; i < en.n; i++ {
			if c := &en.clocks[i]; c.metric == GroupOwnership {
				en.start(c, true, e.At)
			}
		}
	}
}

// result describes c at instant now, the end of the pass; ok is false when
// no cycle of c was measured against an objective.
func (en *engine) result(c *clock, now time.Time) (Result, bool) {
	if !c.started {
		return Result{}, false
	}
	d, cycles := &c.best, c.cycles
	isCur := false
	if c.cur.obj >= 0 {
		cycles++
		if !c.hasBest || !c.best.breached && (c.cur.breached || c.cur.active || c.cur.elapsed >= c.best.elapsed) {
			d, isCur = &c.cur, true
		}
	} else if !c.hasBest {
		return Result{}, false
	}
	o := &en.a.obj[d.obj]
	r := Result{
		Objective: o.Name, Metric: o.Metric, Scope: o.Scope, Level: d.level, Policy: o.Policy, Threshold: o.Threshold,
		Target: d.target, Elapsed: d.elapsed, Remaining: d.target - d.elapsed, StoppedAt: d.stoppedAt,
		Cycles: cycles, Breaches: c.breaches,
	}
	if d.target > 0 {
		r.PercentElapsed = 100 * float64(d.elapsed) / float64(d.target)
	}
	r.Status, r.Deadline = en.status(c, d, o, isCur, now)
	if r.Status == Breached {
		r.BreachedAt = d.reachedAt
	}
	return r, true
}

// status returns the status and deadline of cycle d of c at instant now;
// isCur is whether d is c's current cycle.
func (en *engine) status(c *clock, d *cycle, o *compiled, isCur bool, now time.Time) (Status, time.Time) {
	switch {
	case d.breached:
		return Breached, d.reachedAt
	case !d.active:
		return Met, time.Time{}
	case isCur && !en.counts(c.metric, o):
		return OnHold, time.Time{}
	}
	s := Running
	if float64(d.elapsed) >= o.atRisk*float64(d.target) {
		s = AtRisk
	}
	if left := d.target - d.elapsed; left > 0 {
		return s, addBusiness(en.calendar(o), now, left)
	}
	return s, d.reachedAt // the target is used up: it ran out when reached
}

// between is Calendar.Between with nil for 24×7.
func between(c *Calendar, start, end time.Time) time.Duration {
	if c == nil {
		if !end.After(start) {
			return 0
		}
		return end.Sub(start)
	}
	return c.Between(start, end)
}

// addBusiness is Calendar.Add with nil for 24×7, keeping start's zone.
func addBusiness(c *Calendar, start time.Time, d time.Duration) time.Time {
	if c == nil {
		if d <= 0 {
			return start
		}
		return start.Add(d)
	}
	return c.Add(start, d)
}
