package sla_test

import (
	"fmt"
	"time"

	"github.com/servuction/servuction/sla"
)

// Every clock cycle of a ticket, as Jira Service Management lists completed
// and ongoing cycles: here a group SLA, 2 hours of ownership per group, and
// the resolution.
func ExampleAgreement_Cycles() {
	target := func(h time.Duration) map[sla.Priority]time.Duration {
		return map[sla.Priority]time.Duration{sla.Normal: h * time.Hour}
	}
	ans := sla.MustAgreement(sla.AgreementConfig{Name: "Soporte", Kind: sla.ServiceBased, Objectives: []sla.Objective{
		{Metric: sla.GroupOwnership, Threshold: 90, Targets: target(2)},
		{Metric: sla.Resolution, Threshold: 90, Targets: target(8)},
	}})
	at := func(h int) time.Time { return time.Date(2026, 3, 2, h, 0, 0, 0, time.UTC) }
	cycles, err := ans.Cycles(sla.Ticket{ID: "T-7", Priority: sla.Normal, Group: "n1", Events: []sla.Event{
		{Kind: sla.Opened, At: at(9)},
		{Kind: sla.AttributeChanged, At: at(10), Attribute: sla.AttrGroup, Value: "redes"},
		{Kind: sla.Paused, At: at(11), Reason: sla.WaitingThirdParty},
		{Kind: sla.Resumed, At: at(12)},
		{Kind: sla.AttributeChanged, At: at(15), Attribute: sla.AttrGroup, Value: "n1"},
	}}, at(16))
	if err != nil {
		panic(err)
	}
	for _, c := range cycles {
		stop := "ongoing"
		if !c.Stop.IsZero() {
			stop = c.Stop.Format("15:04")
		}
		group := c.Group
		if group == "" {
			group = "-"
		}
		fmt.Printf("%-15s %-5s %s–%-7s elapsed %-2s paused %-2s %s\n", c.Metric, group, c.Start.Format("15:04"), stop,
			sla.FormatDuration(c.Elapsed), sla.FormatDuration(c.Paused), c.Status)
	}
	// Output:
	// resolution      -     09:00–ongoing elapsed 6h paused 1h running
	// group-ownership n1    09:00–10:00   elapsed 1h paused 0s met
	// group-ownership redes 10:00–15:00   elapsed 4h paused 1h breached
	// group-ownership n1    15:00–ongoing elapsed 1h paused 0s running
}
