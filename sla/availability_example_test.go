package sla_test

import (
	"fmt"
	"time"

	"github.com/servuction/servuction/sla"
)

// Request-based availability (the SRE Workbook's good events over valid
// events), filed minute by minute in a RequestTally that shards fill and
// merge, with the same error budget and alerts as time-based availability.
func ExampleAgreement_RequestAvailability() {
	ans := sla.MustAgreement(sla.AgreementConfig{Name: "API", Kind: sla.ServiceBased,
		Objectives: []sla.Objective{{Name: "api", Metric: sla.Availability, Threshold: 99.9}}})
	start := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	tally, _ := sla.NewRequestTally(start, time.Minute, 31*24*60) // March, minute by minute
	// Steady traffic, counted hourly: 60,000 requests an hour, all good,
	// for 30 days; then 10 minutes of 1,000 requests, 40 % of them errors.
	for h := 0; h < 30*24; h++ {
		_ = tally.Add(sla.RequestCount{At: start.Add(time.Duration(h) * time.Hour), Good: 60000, Total: 60000})
	}
	incident := start.Add(30 * 24 * time.Hour)
	for m := 0; m < 10; m++ {
		_ = tally.Add(sla.RequestCount{At: incident.Add(time.Duration(m) * time.Minute), Good: 600, Total: 1000})
	}
	now := incident.Add(10 * time.Minute)
	r, _ := ans.RequestAvailability("api", tally.Counts(), start, now)
	fmt.Printf("%d requests, %d bad: %.4f%%, budget %.0f bad requests, %.1f%% used\n", r.Total, r.Bad, r.Achieved, r.Budget, r.BudgetUsed)
	alerts, _ := ans.RequestAlerts("api", tally.Counts(), now, nil)
	for _, a := range alerts {
		fmt.Printf("%-6s %2.0f%% in %-3s: spent %4.1f%% of the month's budget, firing %v\n",
			a.Rule.Severity, a.Rule.Budget, sla.FormatDuration(a.Rule.Long), a.LongBudget, a.Firing)
	}
	// Output:
	// 43210000 requests, 4000 bad: 99.9907%, budget 43210 bad requests, 9.3% used
	// page    2% in 1h : spent  9.3% of the month's budget, firing true
	// page    5% in 6h : spent  9.3% of the month's budget, firing true
	// ticket 10% in 3d : spent  9.3% of the month's budget, firing false
}

// Outages reported by two monitors overlap; their union counts each minute
// once, and a log travels as JSON to be merged elsewhere.
func ExampleOutageLog() {
	at := func(h, m int) time.Time { return time.Date(2026, 3, 2, h, m, 0, 0, time.UTC) }
	var probeA, probeB sla.OutageLog
	_ = probeA.Add(sla.Outage{Start: at(10, 0), End: at(10, 20)})
	_ = probeB.Add(sla.Outage{Start: at(10, 15), End: at(10, 30)})
	_ = probeB.Add(sla.Outage{Start: at(14, 0), End: at(14, 5)})
	probeA.Merge(&probeB)
	for _, o := range probeA.Outages() {
		fmt.Println(o.Start.Format("15:04"), "–", o.End.Format("15:04"))
	}
	data, _ := probeA.MarshalJSON()
	fmt.Println(string(data))
	// Output:
	// 10:00 – 10:30
	// 14:00 – 14:05
	// {"outages":[{"start":"2026-03-02T10:00:00Z","end":"2026-03-02T10:30:00Z"},{"start":"2026-03-02T14:00:00Z","end":"2026-03-02T14:05:00Z"}]}
}
