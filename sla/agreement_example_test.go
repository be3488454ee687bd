package sla_test

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/sla"
	"github.com/shopspring/decimal"
)

// A service-based ANS counted in business hours: the first response within
// 4 business hours, resolution within 2 business days of 8 hours.
func ExampleAgreement_Evaluate() {
	week := sla.MustParseShifts("09:00-17:00")
	office, err := sla.NewCalendar(sla.CalendarConfig{Zone: "America/Bogota", Week: map[time.Weekday][]sla.Shift{
		time.Monday: week, time.Tuesday: week, time.Wednesday: week, time.Thursday: week, time.Friday: week}})
	if err != nil {
		panic(err)
	}
	ans, err := sla.NewAgreement(sla.AgreementConfig{
		Name: "Soporte", Kind: sla.ServiceBased, Calendars: map[string]*sla.Calendar{"oficina": office},
		Objectives: []sla.Objective{
			{Metric: sla.FirstResponse, Calendar: "oficina", Threshold: 95, Targets: map[sla.Priority]time.Duration{sla.High: 4 * time.Hour}},
			{Metric: sla.Resolution, Calendar: "oficina", Threshold: 90, Targets: map[sla.Priority]time.Duration{sla.High: 16 * time.Hour}},
		},
	})
	if err != nil {
		panic(err)
	}
	bog := office.Location()
	at := func(day, h int) time.Time { return time.Date(2026, 3, day, h, 0, 0, 0, bog) }
	// Opened Friday 6 March at 16:00; the reply comes on Monday at 11:00:
	// Friday 16–17 plus Monday 09–11 is 3 business hours. The customer is
	// asked for a document on Monday at 12:00 and sends it on Wednesday at
	// 12:00: those two days do not count.
	ticket := sla.Ticket{ID: "T-1", Priority: sla.High, Events: []sla.Event{
		{Kind: sla.Opened, At: at(6, 16)},
		{Kind: sla.AgentReplied, At: at(9, 11)},
		{Kind: sla.Paused, At: at(9, 12), Reason: sla.WaitingCustomer},
		{Kind: sla.Resumed, At: at(11, 12)},
	}}
	e, err := ans.Evaluate(ticket, at(11, 15))
	if err != nil {
		panic(err)
	}
	for _, r := range e.Results {
		fmt.Printf("%-15s %-8s elapsed %s of %s", r.Metric, r.Status, sla.FormatDuration(r.Elapsed), sla.FormatDuration(r.Target))
		if !r.Deadline.IsZero() {
			fmt.Printf(" due %s", r.Deadline.Format("Mon 02 Jan 15:04"))
		}
		fmt.Println()
	}
	// Output:
	// first-response  met      elapsed 3h of 4h
	// resolution      running  elapsed 7h of 16h due Thu 12 Mar 16:00
}

// A multilevel ANS: the corporate standard, a department's, and a
// customer's; the most specific level wins per metric.
func ExampleAgreement_Evaluate_multilevel() {
	h := func(n int) map[sla.Priority]time.Duration {
		return map[sla.Priority]time.Duration{sla.Normal: time.Duration(n) * time.Hour}
	}
	ans := sla.MustAgreement(sla.AgreementConfig{
		Name: "Grupo", Kind: sla.MultiLevel,
		Units: []sla.Unit{{Name: "ventas", Level: sla.Department}, {Name: "acme", Level: sla.Customer, Parent: "ventas"}},
		Objectives: []sla.Objective{
			{Metric: sla.FirstResponse, Threshold: 90, Targets: h(8)},
			{Metric: sla.Resolution, Threshold: 90, Targets: h(72)},
			{Metric: sla.FirstResponse, Scope: "ventas", Threshold: 95, Targets: h(2)},
			{Metric: sla.Resolution, Scope: "acme", Threshold: 95, Targets: h(24)},
		},
	})
	opened := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	e, _ := ans.Evaluate(sla.Ticket{ID: "T-2", Priority: sla.Normal, Customer: "acme",
		Events: []sla.Event{{Kind: sla.Opened, At: opened}}}, opened.Add(time.Hour))
	for _, r := range e.Results {
		fmt.Printf("%s: %s target from the %s level (%q)\n", r.Metric, sla.FormatDuration(r.Target), r.Level, r.Scope)
	}
	// Output:
	// first-response: 2h target from the department level ("ventas")
	// resolution: 1d target from the customer level ("acme")
}

// Compliance over a period and the service credits it earns.
func ExampleReport() {
	ans := sla.MustAgreement(sla.AgreementConfig{
		Name: "Soporte", Kind: sla.ServiceBased,
		Objectives: []sla.Objective{{Name: "respuesta", Metric: sla.FirstResponse, Threshold: 95,
			Targets: map[sla.Priority]time.Duration{sla.Normal: time.Hour}}},
		Credits: sla.CreditPolicy{
			Fee:   servuction.MustParseMoney("2000000 COP"),
			Bands: []sla.CreditBand{{Min: 90, Max: 95, Share: decimal.NewFromInt(5)}, {Min: 0, Max: 90, Share: decimal.NewFromInt(10)}},
			Cap:   servuction.MustParseMoney("300000 COP"),
		},
	})
	report := sla.NewReport(ans)
	opened := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	// Twenty tickets answered after 10, 20, …, 200 minutes: 6 within the hour.
	for i := 1; i <= 20; i++ {
		e, _ := ans.Evaluate(sla.Ticket{ID: fmt.Sprint(i), Priority: sla.Normal, Events: []sla.Event{
			{Kind: sla.Opened, At: opened},
			{Kind: sla.AgentReplied, At: opened.Add(time.Duration(10*i) * time.Minute)},
		}}, opened.Add(24*time.Hour))
		report.Add(e)
	}
	res := report.Result()
	s := res.Objectives[0]
	fmt.Printf("%s: %d met, %d breached, %.0f%% (threshold %.0f%% holds: %v)\n", s.Objective, s.Met, s.Breached, s.Compliance.Value, s.Threshold, s.Holds)
	// Percentiles are within 1 % (100 and 180 minutes exactly here).
	fmt.Printf("median %s, p90 %s\n", s.P50.Round(10*time.Minute), s.P90.Round(10*time.Minute))
	fmt.Println("credit:", res.Credits.StringFixed(0))
	// Output:
	// respuesta: 6 met, 14 breached, 30% (threshold 95% holds: false)
	// median 1h40m0s, p90 3h0m0s
	// credit: 200000 COP
}

// Availability within service hours (disponibilidad horaria), its error
// budget and the SRE Workbook's burn-rate alerts.
func ExampleAgreement_Alerts() {
	ans := sla.MustAgreement(sla.AgreementConfig{Name: "Portal", Kind: sla.ServiceBased,
		Objectives: []sla.Objective{{Name: "portal", Metric: sla.Availability, Threshold: 99.9}}})
	start := time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
	now := start.AddDate(0, 0, 10)
	outages := []sla.Outage{{Start: now.Add(-20 * time.Minute), End: now, Cause: "base de datos"}}
	r, _ := ans.Availability("portal", outages, start, now)
	fmt.Printf("availability %.3f%%, budget %s, used %.0f%%\n", r.Achieved, r.Budget.Round(time.Second), r.BudgetUsed)
	alerts, _ := ans.Alerts("portal", outages, now, nil)
	for _, a := range alerts {
		fmt.Printf("%-6s %4s/%-4s burn %6.1f firing %v\n", a.Rule.Severity, sla.FormatDuration(a.Rule.Long), sla.FormatDuration(a.Rule.Short), a.LongBurn, a.Firing)
	}
	// Output:
	// availability 99.861%, budget 14m24s, used 139%
	// page     1h/5m   burn  333.3 firing true
	// page     6h/30m  burn   55.6 firing true
	// ticket   3d/6h   burn    4.6 firing true
}

// Targets are written as text in JSON; a day is 24 hours of the objective's
// calendar.
func ExampleParseDuration() {
	for _, s := range []string{"4h", "90m", "3d", "1d12h"} {
		d, _ := sla.ParseDuration(s)
		fmt.Println(s, "=", d, "=", sla.FormatDuration(d))
	}
	var o sla.Objective
	_ = json.Unmarshal([]byte(`{"metric":"resolución","targets":{"alta":"1d","baja":"3d"},"threshold":90}`), &o)
	fmt.Println(o.Metric, o.Targets[sla.High], o.Targets[sla.Low])
	// Output:
	// 4h = 4h0m0s = 4h
	// 90m = 1h30m0s = 1h30m
	// 3d = 72h0m0s = 3d
	// 1d12h = 36h0m0s = 1d12h
	// resolution 24h0m0s 72h0m0s
}

// The commitments of an ANS that are not clocks: documentation, staff,
// warranty, after-sales service. Measurable ones name their indicator.
func ExampleAgreement_EvaluateClauses() {
	ans := sla.MustAgreement(sla.AgreementConfig{Name: "Soporte", Kind: sla.ServiceBased,
		Objectives: []sla.Objective{{Metric: sla.FirstResponse, Threshold: 95, Targets: map[sla.Priority]time.Duration{sla.Normal: time.Hour}}},
		Clauses: []sla.Clause{
			{Kind: sla.Staffing, Description: "Al menos 4 asesores por turno", Measurable: true, Indicator: "asesores", Comparison: sla.AtLeast, Target: 4},
			{Kind: sla.Documentation, Description: "Manual de usuario en español"},
			{Kind: sla.Warranty, Description: "Reparación en 5 días como máximo", Measurable: true, Indicator: "días", Comparison: sla.AtMost, Target: 5},
		}})
	for _, r := range ans.EvaluateClauses(map[string]float64{"asesores": 3, "días": 4}) {
		fmt.Printf("%s: %s = %g, met %v\n", r.Clause.Kind, r.Clause.Indicator, r.Value, r.Met)
	}
	// Output:
	// staffing: asesores = 3, met false
	// warranty: días = 4, met true
}
