package sla_test

import (
	"fmt"
	"time"

	"github.com/servuction/servuction/sla"
)

// Business-day targets on Monday to Friday 09:00–17:00: "2bd" is due at the
// same point two business days later, "eod" at the close of the day and
// "eod+1bd" at the close of the next business day. "3d" would be 72
// business hours, nine such days.
func ExampleBusinessDays() {
	week := sla.MustParseShifts("09:00-17:00")
	office, err := sla.NewCalendar(sla.CalendarConfig{Week: map[time.Weekday][]sla.Shift{
		time.Monday: week, time.Tuesday: week, time.Wednesday: week, time.Thursday: week, time.Friday: week}})
	if err != nil {
		panic(err)
	}
	targets := map[sla.Priority]sla.BusinessDays{}
	for p, txt := range map[sla.Priority]string{sla.Normal: "2bd", sla.High: "eod+1bd", sla.Urgent: "eod"} {
		if targets[p], err = sla.ParseBusinessDays(txt); err != nil {
			panic(err)
		}
	}
	ans := sla.MustAgreement(sla.AgreementConfig{Name: "Soporte", Kind: sla.ServiceBased,
		Calendars:  map[string]*sla.Calendar{"oficina": office},
		Objectives: []sla.Objective{{Metric: sla.Resolution, Calendar: "oficina", Threshold: 90, DayTargets: targets}}})
	for _, opened := range []time.Time{
		time.Date(2026, 3, 2, 11, 0, 0, 0, time.UTC), // Monday 11:00
		time.Date(2026, 3, 6, 16, 0, 0, 0, time.UTC), // Friday 16:00
		time.Date(2026, 3, 7, 10, 0, 0, 0, time.UTC), // Saturday 10:00, closed
	} {
		fmt.Printf("%s:", opened.Format("Mon 15:04"))
		for _, p := range []sla.Priority{sla.Normal, sla.Urgent, sla.High} {
			e, err := ans.Evaluate(sla.Ticket{ID: "T", Priority: p, Events: []sla.Event{{Kind: sla.Opened, At: opened}}}, opened)
			if err != nil {
				panic(err)
			}
			r := e.Results[0]
			fmt.Printf("  %-7s %s (%s)", targets[p], r.Deadline.Format("Mon 15:04"), sla.FormatDuration(r.Target))
		}
		fmt.Println()
	}
	// Output:
	// Mon 11:00:  2bd     Wed 11:00 (16h)  eod     Mon 17:00 (6h)  eod+1bd Tue 17:00 (14h)
	// Fri 16:00:  2bd     Tue 16:00 (16h)  eod     Fri 17:00 (1h)  eod+1bd Mon 17:00 (9h)
	// Sat 10:00:  2bd     Tue 17:00 (16h)  eod     Mon 17:00 (8h)  eod+1bd Tue 17:00 (16h)
}
