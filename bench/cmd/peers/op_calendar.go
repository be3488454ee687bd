package main

import (
	"context"
	"fmt"
	"time"

	"github.com/servuction/servuction/bench"
)

// calendarGroup times business time against github.com/rickar/cal/v2 on
// the calendar of the bench package's benchmarks (bench.NewYorkCalendars),
// in process: both are Go libraries. Each round calls each side in a loop
// long enough to time (at least loopTarget), so the figure is per call.
func calendarGroup() group {
	return group{key: "calendar", setup: func(_ context.Context, e *env) ([]*row, []string, func(), error) {
		ours, theirs, start, err := bench.NewYorkCalendars()
		if err != nil {
			return nil, nil, nil, err
		}
		target := e.loopTarget()
		var rows []*row
		for _, days := range []int{365, 3650} {
			end := start.AddDate(0, 0, days)
			d := ours.Between(start, end)
			rows = append(rows, &row{
				op: fmt.Sprintf("business time between two instants %d days apart", days), unit: "per call",
				peerName: "rickar/cal/v2",
				ours: func(context.Context) (float64, any, error) {
					var got time.Duration
					s := timeLoop(target, func() { got = ours.Between(start, end) })
					return s, got, nil
				},
				peer: func(context.Context) (float64, any, error) {
					var got time.Duration
					s := timeLoop(target, func() { got = theirs.WorkHoursInRange(start, end) })
					return s, got, nil
				},
				check:     func(o, p any) error { return sameAnswer(o, p, tolerance{}) },
				tolerance: "exact (same duration)",
				oursCmd:   code(fmt.Sprintf("sla.Calendar.Between(start, start+%dd)", days)),
				peerCmd:   code(fmt.Sprintf("cal.BusinessCalendar.WorkHoursInRange(start, start+%dd)", days)),
			}, &row{
				op: fmt.Sprintf("business time: add %d days' worth of working hours", days), unit: "per call",
				peerName: "rickar/cal/v2",
				ours: func(context.Context) (float64, any, error) {
					var got time.Time
					s := timeLoop(target, func() { got = ours.Add(start, d) })
					return s, got.UnixNano(), nil
				},
				peer: func(context.Context) (float64, any, error) {
					var got time.Time
					s := timeLoop(target, func() { got = theirs.AddWorkHours(start, d) })
					return s, got.UnixNano(), nil
				},
				check:     func(o, p any) error { return sameAnswer(o, p, tolerance{}) },
				tolerance: "exact (same instant)",
				oursCmd:   code(fmt.Sprintf("sla.Calendar.Add(start, %s)", d)),
				peerCmd:   code(fmt.Sprintf("cal.BusinessCalendar.AddWorkHours(start, %s)", d)),
			})
		}
		return rows, nil, func() {}, nil
	}}
}

// timeLoop calls f in a loop until one loop lasts at least target and
// returns the seconds per call of that loop.
func timeLoop(target time.Duration, f func()) float64 {
	for n := 1; ; {
		t0 := time.Now()
		for range n {
			f()
		}
		el := time.Since(t0)
		if el >= target || n >= 1<<30 {
			return el.Seconds() / float64(n)
		}
		// Aim 20 % past the target, at most 100 times more calls.
		next := int(float64(n) * 1.2 * float64(target) / float64(max(el, 1)))
		n = min(max(next, n+1), 100*n)
	}
}
