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

// Zendesk's requester wait time pauses only while the ticket waits for the
// customer (pending); agent work time pauses on every wait (pending and
// on-hold); the on-hold time counts the waits for a third party. First and
// total resolution are separate targets: a reopening counts only in the
// total.
func ExampleDefaultPauseReasons() {
	eightHours := map[sla.Priority]time.Duration{sla.Normal: 8 * time.Hour}
	var objectives []sla.Objective
	for _, m := range []sla.Metric{sla.FirstResolution, sla.Resolution, sla.RequesterWait, sla.AgentWork, sla.OnHoldTime} {
		objectives = append(objectives, sla.Objective{Metric: m, Threshold: 90, Targets: eightHours})
	}
	ans := sla.MustAgreement(sla.AgreementConfig{Name: "Zendesk-like", Kind: sla.ServiceBased, Objectives: objectives})
	at := func(h int) time.Time { return time.Date(2026, 3, 2, h, 0, 0, 0, time.UTC) }
	e, err := ans.Evaluate(sla.Ticket{ID: "T-5", Priority: sla.Normal, Events: []sla.Event{
		{Kind: sla.Opened, At: at(9)},
		{Kind: sla.Paused, At: at(10), Reason: sla.WaitingCustomer}, // pending 10–12
		{Kind: sla.Resumed, At: at(12)},
		{Kind: sla.Paused, At: at(13), Reason: sla.WaitingThirdParty}, // on-hold 13–16
		{Kind: sla.Resumed, At: at(16)},
		{Kind: sla.Resolved, At: at(17)},
		{Kind: sla.Reopened, At: at(18)},
		{Kind: sla.Resolved, At: at(19)},
	}}, at(20))
	if err != nil {
		panic(err)
	}
	for _, r := range e.Results {
		fmt.Printf("%-16s %-2s %v\n", r.Metric, sla.FormatDuration(r.Elapsed), sla.DefaultPauseReasons(r.Metric))
	}
	// Output:
	// first-resolution 3h [unspecified waiting-customer waiting-third-party scheduled]
	// resolution       4h [unspecified waiting-customer waiting-third-party scheduled]
	// requester-wait   7h [waiting-customer]
	// agent-work       4h [unspecified waiting-customer waiting-third-party scheduled]
	// on-hold-time     3h [waiting-third-party]
}
