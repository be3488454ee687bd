package sla_test

import (
	"fmt"
	"time"

	"github.com/servuction/servuction/sla"
)

// An operational-level agreement binds the network group ("redes"): its
// clocks count only while the group owns the ticket.
func ExampleAgreementType() {
	ola := sla.MustAgreement(sla.AgreementConfig{Name: "OLA redes", Kind: sla.ServiceBased, Type: sla.OLA, Party: "redes",
		Objectives: []sla.Objective{{Metric: sla.Resolution, Threshold: 90, Targets: map[sla.Priority]time.Duration{sla.Normal: 2 * time.Hour}}}})
	at := func(h, m int) time.Time { return time.Date(2026, 3, 2, h, m, 0, 0, time.UTC) }
	assign := func(h int, g string) sla.Event {
		return sla.Event{Kind: sla.AttributeChanged, At: at(h, 0), Attribute: sla.AttrGroup, Value: g}
	}
	// The service desk (n1) has it 09:00–10:00, the network group 10:00–11:00,
	// n1 again 11:00–13:00, the network group 13:00–13:30.
	e, err := ola.Evaluate(sla.Ticket{ID: "T-6", Priority: sla.Normal, Group: "n1", Events: []sla.Event{
		{Kind: sla.Opened, At: at(9, 0)}, assign(10, "redes"), assign(11, "n1"), assign(13, "redes"),
		{Kind: sla.Resolved, At: at(13, 30)},
	}}, at(14, 0))
	if err != nil {
		panic(err)
	}
	r := e.Results[0]
	fmt.Printf("%s %s: %s of %s, %s\n", ola.Type(), ola.Party(), sla.FormatDuration(r.Elapsed), sla.FormatDuration(r.Target), r.Status)
	// Output:
	// ola redes: 1h30m of 2h, met
}
