package sla_test

import (
	"fmt"
	"time"

	"github.com/servuction/servuction/sla"
)

// A supervisor's watch list: the warnings (75 % of the target, and 30
// minutes before the breach) and the breaches the open tickets reach in the
// next two hours, in time order.
func ExampleAgreement_Watch() {
	warnings := []sla.Warning{{Percent: 75}, {Before: 30 * time.Minute}}
	ans := sla.MustAgreement(sla.AgreementConfig{Name: "Soporte", Kind: sla.ServiceBased, Objectives: []sla.Objective{
		{Metric: sla.FirstResponse, Threshold: 95, Targets: map[sla.Priority]time.Duration{sla.High: 2 * time.Hour}, Warnings: warnings},
	}})
	at := func(h, m int) time.Time { return time.Date(2026, 3, 2, h, m, 0, 0, time.UTC) }
	tickets := []sla.Ticket{
		{ID: "T-8", Priority: sla.High, Events: []sla.Event{{Kind: sla.Opened, At: at(9, 0)}}},
		{ID: "T-9", Priority: sla.High, Events: []sla.Event{{Kind: sla.Opened, At: at(9, 40)}}},
	}
	up, err := ans.Watch(tickets, at(10, 0), 2*time.Hour)
	if err != nil {
		panic(err)
	}
	for _, u := range up {
		what := "breach"
		if !u.Breach() {
			what = "warning " + u.Warning.String()
		}
		fmt.Printf("%s %s %s %s\n", u.At.Format("15:04"), u.Ticket, u.Metric, what)
	}
	// Output:
	// 10:30 T-8 first-response warning 75%
	// 10:30 T-8 first-response warning 30m
	// 11:00 T-8 first-response breach
	// 11:10 T-9 first-response warning 75%
	// 11:10 T-9 first-response warning 30m
	// 11:40 T-9 first-response breach
}
