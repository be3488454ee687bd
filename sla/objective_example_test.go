package sla_test

import (
	"fmt"
	"time"

	"github.com/servuction/servuction/sla"
)

// A calendar per priority within one metric: urgent tickets count 24×7,
// the others count office hours, Monday to Friday 09:00–17:00.
func ExampleObjective_priorityCalendars() {
	week := sla.MustParseShifts("09:00-17:00")
	office, err := sla.NewCalendar(sla.CalendarConfig{Week: map[time.Weekday][]sla.Shift{
		time.Monday: week, time.Tuesday: week, time.Wednesday: week, time.Thursday: week, time.Friday: week}})
	if err != nil {
		panic(err)
	}
	ans := sla.MustAgreement(sla.AgreementConfig{Name: "Soporte", Kind: sla.ServiceBased,
		Calendars: map[string]*sla.Calendar{"oficina": office},
		Objectives: []sla.Objective{{Metric: sla.Resolution, Threshold: 90,
			Calendar: "oficina", PriorityCalendars: map[sla.Priority]string{sla.Urgent: ""},
			Targets: map[sla.Priority]time.Duration{sla.Urgent: 4 * time.Hour, sla.Normal: 8 * time.Hour}}}})
	friday := time.Date(2026, 3, 6, 16, 0, 0, 0, time.UTC)
	for _, p := range []sla.Priority{sla.Urgent, sla.Normal} {
		// Both opened on Friday at 16:00, one business hour before the weekend.
		e, err := ans.Evaluate(sla.Ticket{ID: p.String(), Priority: p, Events: []sla.Event{{Kind: sla.Opened, At: friday}}},
			friday.Add(2*time.Hour))
		if err != nil {
			panic(err)
		}
		r := e.Results[0]
		fmt.Printf("%-6s elapsed %s of %s, due %s\n", p, sla.FormatDuration(r.Elapsed), sla.FormatDuration(r.Target),
			r.Deadline.Format("Mon 15:04"))
	}
	// Output:
	// urgent elapsed 2h of 4h, due Fri 20:00
	// normal elapsed 1h of 8h, due Mon 16:00
}
