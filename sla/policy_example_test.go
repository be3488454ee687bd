package sla_test

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/sla"
)

// Policies chosen by ticket conditions, as a Zendesk SLA policy list: the
// first policy whose condition the ticket meets applies; objectives without
// a policy apply when none does. The agreement is loaded from JSON.
func ExamplePolicy() {
	var ans sla.Agreement
	err := json.Unmarshal([]byte(`{
	  "name": "Soporte", "kind": "service-based",
	  "policies": [
	    {"name": "vip", "when": {"all": [{"attribute": "tags", "op": "includes", "values": ["vip"]}]}},
	    {"name": "chat", "when": {"all": [{"attribute": "channel", "op": "is", "values": ["chat", "mensajería"]},
	                                      {"attribute": "request-kind", "op": "is-not", "values": ["question"]}]}}
	  ],
	  "objectives": [
	    {"policy": "vip", "metric": "first-response", "targets": {"normal": "30m"}, "threshold": 95},
	    {"policy": "chat", "metric": "first-response", "targets": {"normal": "1h"}, "threshold": 90},
	    {"metric": "first-response", "targets": {"normal": "8h"}, "threshold": 90}
	  ]}`), &ans)
	if err != nil {
		panic(err)
	}
	opened := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	for _, t := range []sla.Ticket{
		{ID: "T-1", Tags: []string{"vip"}, Channel: servuction.WebChat},
		{ID: "T-2", Channel: servuction.WebChat, RequestKind: "incident"},
		{ID: "T-3", Channel: servuction.WebChat, RequestKind: "question"},
	} {
		// Every ticket is answered after 45 minutes.
		t.Priority = sla.Normal
		t.Events = []sla.Event{{Kind: sla.Opened, At: opened}, {Kind: sla.AgentReplied, At: opened.Add(45 * time.Minute)}}
		e, err := ans.Evaluate(t, opened.Add(time.Hour))
		if err != nil {
			panic(err)
		}
		r := e.Results[0]
		fmt.Printf("%s policy %-5q %-20s %-8s %s of %s\n", t.ID, e.Policy, r.Objective, r.Status,
			sla.FormatDuration(r.Elapsed), sla.FormatDuration(r.Target))
	}
	// Output:
	// T-1 policy "vip" vip/first-response   breached 45m of 30m
	// T-2 policy "chat" chat/first-response  met      45m of 1h
	// T-3 policy ""    first-response       met      45m of 8h
}

// An attribute change mid-ticket follows the rule of a priority change: the
// policy is chosen again, a running clock keeps its elapsed time and takes
// the new policy's target, a stopped clock keeps its verdict.
func ExamplePolicy_attributeChange() {
	ans := sla.MustAgreement(sla.AgreementConfig{Name: "Soporte", Kind: sla.ServiceBased,
		Policies: []sla.Policy{{Name: "vip", When: sla.Condition{All: []sla.Predicate{
			{Attribute: sla.AttrTags, Op: sla.Includes, Values: []string{"vip"}}}}}},
		Objectives: []sla.Objective{
			{Policy: "vip", Metric: sla.FirstResponse, Threshold: 95, Targets: map[sla.Priority]time.Duration{sla.Normal: time.Hour}},
			{Policy: "vip", Metric: sla.Resolution, Threshold: 95, Targets: map[sla.Priority]time.Duration{sla.Normal: 4 * time.Hour}},
			{Metric: sla.FirstResponse, Threshold: 90, Targets: map[sla.Priority]time.Duration{sla.Normal: 8 * time.Hour}},
			{Metric: sla.Resolution, Threshold: 90, Targets: map[sla.Priority]time.Duration{sla.Normal: 24 * time.Hour}},
		}})
	at := func(h, m int) time.Time { return time.Date(2026, 3, 2, h, m, 0, 0, time.UTC) }
	// Answered at 09:30 (default policy); tagged vip at 11:00 with 2 h of
	// resolution run; resolved at 14:30, 5 h 30 after opening.
	e, err := ans.Evaluate(sla.Ticket{ID: "T-4", Priority: sla.Normal, Events: []sla.Event{
		{Kind: sla.Opened, At: at(9, 0)},
		{Kind: sla.AgentReplied, At: at(9, 30)},
		{Kind: sla.AttributeChanged, At: at(11, 0), Attribute: sla.AttrTags, Tags: []string{"vip"}},
		{Kind: sla.Resolved, At: at(14, 30)},
	}}, at(15, 0))
	if err != nil {
		panic(err)
	}
	for _, r := range e.Results {
		fmt.Printf("%-18s %-8s %s of %s", r.Objective, r.Status, sla.FormatDuration(r.Elapsed), sla.FormatDuration(r.Target))
		if !r.BreachedAt.IsZero() {
			fmt.Printf(", breached at %s", r.BreachedAt.Format("15:04"))
		}
		fmt.Println()
	}
	// Output:
	// first-response     met      30m of 8h
	// vip/resolution     breached 5h30m of 4h, breached at 13:00
}
