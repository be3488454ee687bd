package sla_test

import (
	"fmt"
	"time"

	"github.com/servuction/servuction/sla"
)

// Business hours in the customer's zone: the office calendar says Monday
// to Friday 09:00–17:00, and each ticket is served on its own wall clock:
// the ticket's zone, else its customer's.
func ExampleZoneRule() {
	week := sla.MustParseShifts("09:00-17:00")
	office, err := sla.NewCalendar(sla.CalendarConfig{Zone: "America/Bogota", Week: map[time.Weekday][]sla.Shift{
		time.Monday: week, time.Tuesday: week, time.Wednesday: week, time.Thursday: week, time.Friday: week}})
	if err != nil {
		panic(err)
	}
	ans := sla.MustAgreement(sla.AgreementConfig{Name: "Soporte global", Kind: sla.ServiceBased,
		Zone: sla.TicketZone, CustomerZones: map[string]string{"acme": "Asia/Tokyo"},
		Calendars: map[string]*sla.Calendar{"oficina": office},
		Objectives: []sla.Objective{{Metric: sla.Resolution, Calendar: "oficina", Threshold: 90,
			Targets: map[sla.Priority]time.Duration{sla.Normal: 8 * time.Hour}}}})
	opened := time.Date(2026, 3, 2, 15, 0, 0, 0, time.UTC) // Monday
	for _, t := range []sla.Ticket{
		{ID: "bogotá"},
		{ID: "madrid", TimeZone: "Europe/Madrid"},
		{ID: "acme", Customer: "acme"},
	} {
		t.Priority, t.Events = sla.Normal, []sla.Event{{Kind: sla.Opened, At: opened}}
		e, err := ans.Evaluate(t, opened)
		if err != nil {
			panic(err)
		}
		d := e.Results[0].Deadline
		fmt.Printf("%-7s opened %s, due %s\n", t.ID, opened.In(d.Location()).Format("Mon 15:04"), d.Format("Mon 15:04 MST"))
	}
	// Output:
	// bogotá  opened Mon 10:00, due Tue 10:00 -05
	// madrid  opened Mon 16:00, due Tue 16:00 CET
	// acme    opened Tue 00:00, due Tue 17:00 JST
}
