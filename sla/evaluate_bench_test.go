package sla

import (
	"fmt"
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
