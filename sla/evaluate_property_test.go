package sla

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// referenceResolution steps minute by minute from opening to now and
// applies the evaluation rules literally: a minute counts when the
// resolution clock runs (opened or reopened, not yet resolved or closed), the
// ticket is not paused and the calendar is open at the minute's start; the
// clock is breached once the count exceeds the target of the priority in
// force. Events are on whole minutes.
func referenceResolution(cal *Calendar, targets map[Priority]time.Duration, t Ticket, now time.Time) (elapsed time.Duration, breached, stopped bool) {
	target := func(p Priority) time.Duration { return targets[p] } // every priority has one
	prio := t.Priority
	var active, paused bool
	i := 0
	for m := t.Events[0].At; m.Before(now); m = m.Add(time.Minute) {
		for ; i < len(t.Events) && !t.Events[i].At.After(m); i++ {
			switch e := t.Events[i]; e.Kind {
			case Opened, Reopened:
				active = true
			case Resolved, Closed:
				active = false
			case Paused:
				paused = true
			case Resumed:
				paused = false
			case PriorityChanged:
				prio = e.Priority
			}
			if active && elapsed > target(prio) {
				breached = true
			}
		}
		if active && !paused && cal.IsOpen(m) {
			elapsed += time.Minute
			if elapsed > target(prio) {
				breached = true
			}
		}
	}
	for ; i < len(t.Events) && !t.Events[i].At.After(now); i++ {
		switch t.Events[i].Kind {
		case Resolved, Closed:
			active = false
		case Reopened:
			active = true
		}
	}
	return elapsed, breached, !active
}

func TestEvaluateAgainstMinuteReference(t *testing.T) {
	week := MustParseShifts("09:00-12:30", "14:00-18:00")
	calendars := map[string]CalendarConfig{
		"bogota": BogotaConfig(),
		// New York changes to DST on Sunday 8 March 2026; Sunday is open 24 h
		// (23 real hours that day) and Friday has a night shift.
		"new-york": {Zone: "America/New_York", Week: map[time.Weekday][]Shift{
			time.Sunday: MustParseShifts("00:00-24:00"), time.Monday: week, time.Tuesday: week,
			time.Wednesday: week, time.Thursday: week, time.Friday: MustParseShifts("09:00-17:00", "22:00-06:00")}},
	}
	targets := map[Priority]time.Duration{Low: 40 * time.Hour, Normal: 20 * time.Hour, High: 8 * time.Hour, Urgent: 2 * time.Hour}
	for name, cc := range calendars {
		cal, err := NewCalendar(cc)
		require.NoError(t, err)
		a := MustAgreement(AgreementConfig{Name: name, Kind: ServiceBased, Calendars: map[string]*Calendar{"c": cal},
			Objectives: []Objective{{Metric: Resolution, Calendar: "c", Threshold: 90, Targets: targets}}})
		rng := rand.New(rand.NewPCG(3, uint64(len(name))))
		base := time.Date(2026, 3, 5, 0, 0, 0, 0, cal.Location())
		for n := 0; n < 150; n++ {
			tk := randomTicket(rng, base)
			now := tk.Events[len(tk.Events)-1].At.Add(time.Duration(rng.IntN(3*24*60)) * time.Minute)
			if rng.IntN(3) == 0 { // sometimes evaluate in the middle of the timeline
				now = tk.Events[rng.IntN(len(tk.Events))].At.Add(time.Duration(rng.IntN(600)) * time.Minute)
			}
			e, err := a.Evaluate(tk, now)
			require.NoError(t, err)
			r := mustResult(t, e, Resolution)
			elapsed, breached, stopped := referenceResolution(cal, targets, tk, now)
			require.Equal(t, elapsed, r.Elapsed, "%s ticket %d: %+v at %s", name, n, tk.Events, now)
			require.Equal(t, breached, r.Status == Breached, "%s ticket %d: %+v at %s: %s", name, n, tk.Events, now, r.Status)
			require.Equal(t, stopped && !breached, r.Status == Met, "%s ticket %d: %s", name, n, r.Status)
			if r.Status == Breached {
				// The breach instant is when the reference count first
				// exceeded the target: the elapsed time up to it is at
				// least the target in force then.
				require.False(t, r.BreachedAt.After(now))
			}
		}
	}
}
