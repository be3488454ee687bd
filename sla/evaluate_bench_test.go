package sla

import (
	"testing"
	"time"
)

// BenchmarkEvaluate evaluates one ticket with 8 events against an agreement
// with 3 objectives counted on the Bogotá business calendar.
func BenchmarkEvaluate(b *testing.B) {
	cal, err := NewCalendar(BogotaConfig())
	if err != nil {
		b.Fatal(err)
	}
	a := MustAgreement(AgreementConfig{Name: "bench", Kind: ServiceBased, Calendars: map[string]*Calendar{"bogota": cal},
		Objectives: []Objective{
			{Metric: FirstResponse, Calendar: "bogota", Threshold: 95, Targets: map[Priority]time.Duration{Normal: 4 * time.Hour, High: 2 * time.Hour}},
			{Metric: NextResponse, Calendar: "bogota", Threshold: 90, Targets: map[Priority]time.Duration{Normal: 8 * time.Hour, High: 4 * time.Hour}},
			{Metric: Resolution, Calendar: "bogota", Threshold: 90, Targets: map[Priority]time.Duration{Normal: 3 * Day, High: Day}},
		}})
	bog := cal.Location()
	at := func(day, h int) time.Time { return time.Date(2026, 3, day, h, 0, 0, 0, bog) }
	tk := Ticket{ID: "T-1", Priority: Normal, Events: []Event{
		{Kind: Opened, At: at(2, 9)},
		{Kind: AgentReplied, At: at(2, 11)},
		{Kind: CustomerReplied, At: at(2, 15)},
		{Kind: PriorityChanged, At: at(3, 9), Priority: High},
		{Kind: Paused, At: at(3, 10), Reason: WaitingCustomer},
		{Kind: Resumed, At: at(4, 10)},
		{Kind: AgentReplied, At: at(4, 12)},
		{Kind: Resolved, At: at(5, 16)},
	}}
	now := at(6, 12)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := a.Evaluate(tk, now); err != nil {
			b.Fatal(err)
		}
	}
}
