package sla

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// benchTicket is a ticket of 8 events on the Bogotá calendar, evaluated at
// the returned instant.
func benchTicket(bog *time.Location) (Ticket, time.Time) {
	at := func(day, h int) time.Time { return time.Date(2026, 3, day, h, 0, 0, 0, bog) }
	return Ticket{ID: "T-1", Priority: Normal, Events: []Event{
		{Kind: Opened, At: at(2, 9)},
		{Kind: AgentReplied, At: at(2, 11)},
		{Kind: CustomerReplied, At: at(2, 15)},
		{Kind: PriorityChanged, At: at(3, 9), Priority: High},
		{Kind: Paused, At: at(3, 10), Reason: WaitingCustomer},
		{Kind: Resumed, At: at(4, 10)},
		{Kind: AgentReplied, At: at(4, 12)},
		{Kind: Resolved, At: at(5, 16)},
	}}, at(6, 12)
}

// benchObjectives are the 3 objectives of the benchmarks, for a policy.
func benchObjectives(policy string) []Objective {
	return []Objective{
		{Policy: policy, Metric: FirstResponse, Calendar: "bogota", Threshold: 95, Targets: map[Priority]time.Duration{Normal: 4 * time.Hour, High: 2 * time.Hour}},
		{Policy: policy, Metric: NextResponse, Calendar: "bogota", Threshold: 90, Targets: map[Priority]time.Duration{Normal: 8 * time.Hour, High: 4 * time.Hour}},
		{Policy: policy, Metric: Resolution, Calendar: "bogota", Threshold: 90, Targets: map[Priority]time.Duration{Normal: 3 * Day, High: Day}},
	}
}

// BenchmarkEvaluate evaluates one ticket with 8 events against an agreement
// with 3 objectives counted on the Bogotá business calendar.
func BenchmarkEvaluate(b *testing.B) {
	cal, err := NewCalendar(BogotaConfig())
	if err != nil {
		b.Fatal(err)
	}
	a := MustAgreement(AgreementConfig{Name: "bench", Kind: ServiceBased, Calendars: map[string]*Calendar{"bogota": cal},
		Objectives: benchObjectives("")})
	tk, now := benchTicket(cal.Location())
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := a.Evaluate(tk, now); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvaluatePolicies is BenchmarkEvaluate with 50 conditional
// policies of 3 objectives each, the ticket meeting only the last one: each
// policy tests the group and the tags, so every condition is checked.
func BenchmarkEvaluatePolicies(b *testing.B) {
	cal, err := NewCalendar(BogotaConfig())
	if err != nil {
		b.Fatal(err)
	}
	cfg := AgreementConfig{Name: "bench", Kind: ServiceBased, Calendars: map[string]*Calendar{"bogota": cal}}
	for i := 0; i < 50; i++ {
		name := fmt.Sprint("p", i)
		cfg.Policies = append(cfg.Policies, Policy{Name: name, When: Condition{All: []Predicate{
			{AttrGroup, Is, []string{fmt.Sprint("g", i)}}, {AttrTags, Includes, []string{fmt.Sprint("t", i), "vip"}}}}})
		cfg.Objectives = append(cfg.Objectives, benchObjectives(name)...)
	}
	a := MustAgreement(cfg)
	tk, now := benchTicket(cal.Location())
	tk.Group, tk.Tags = "g49", []string{"x", "t49"}
	e, err := a.Evaluate(tk, now)
	if err != nil || e.Policy != "p49" || len(e.Results) != 3 {
		b.Fatalf("policy %q, %d results, %v", e.Policy, len(e.Results), err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := a.Evaluate(tk, now); err != nil {
			b.Fatal(err)
		}
	}
}

// watchTickets returns n open tickets of the Bogotá calendar at now: opened
// in the last three days, a third answered, a third answered with a
// customer follow-up, one in ten waiting for the customer (fixed seed).
func watchTickets(n int, bog *time.Location, now time.Time) []Ticket {
	rng := rand.New(rand.NewPCG(6, 6))
	ts := make([]Ticket, n)
	for i := range ts {
		opened := now.Add(-time.Duration(1+rng.IntN(3*24*60)) * time.Minute)
		evs := []Event{{Kind: Opened, At: opened}}
		if k := rng.IntN(3); k > 0 {
			evs = append(evs, Event{Kind: AgentReplied, At: opened.Add(now.Sub(opened) / 3)})
			if k == 2 {
				evs = append(evs, Event{Kind: CustomerReplied, At: opened.Add(now.Sub(opened) / 2)})
			}
		}
		if rng.IntN(10) == 0 {
			evs = append(evs, Event{Kind: Paused, At: opened.Add(now.Sub(opened) * 3 / 4), Reason: WaitingCustomer})
		}
		ts[i] = Ticket{ID: fmt.Sprint("W-", i), Priority: []Priority{Low, Normal, High}[rng.IntN(3)], Events: evs}
	}
	return ts
}

// BenchmarkWatch lists the warnings (50, 75, 90 % and 30 min before) and
// breaches of the next 4 hours over 100 000 open tickets, 3 objectives each
// on the Bogotá calendar.
func BenchmarkWatch(b *testing.B) {
	cal, err := NewCalendar(BogotaConfig())
	if err != nil {
		b.Fatal(err)
	}
	ws := []Warning{{Percent: 50}, {Percent: 75}, {Percent: 90}, {Before: 30 * time.Minute}}
	objs := benchObjectives("")
	for i := range objs {
		objs[i].Warnings = ws
		objs[i].Targets[Low] = 2 * objs[i].Targets[Normal]
	}
	a := MustAgreement(AgreementConfig{Name: "bench", Kind: ServiceBased, Calendars: map[string]*Calendar{"bogota": cal}, Objectives: objs})
	now := time.Date(2026, 3, 11, 10, 0, 0, 0, cal.Location())
	tickets := watchTickets(100000, cal.Location(), now)
	up, err := a.Watch(tickets, now, 4*time.Hour)
	if err != nil || len(up) == 0 {
		b.Fatalf("%d upcoming, %v", len(up), err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := a.Watch(tickets, now, 4*time.Hour); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(up)), "upcoming")
}
