package report_test

import (
	"fmt"
	"time"

	"github.com/servuction/servuction/pdca"
	"github.com/servuction/servuction/report"
	"github.com/servuction/servuction/sla"
)

// Two tickets evaluated against a one-hour first-response objective, drawn
// as the compliance chart's table.
func ExampleFromSLA() {
	ag, err := sla.NewAgreement(sla.AgreementConfig{Name: "demo", Kind: sla.ServiceBased, Objectives: []sla.Objective{
		{Metric: sla.FirstResponse, Threshold: 90, Targets: map[sla.Priority]time.Duration{sla.High: time.Hour}},
	}})
	if err != nil {
		panic(err)
	}
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	rep := sla.NewReport(ag)
	for i, reply := range []time.Duration{40 * time.Minute, 90 * time.Minute} {
		ev, err := ag.Evaluate(sla.Ticket{ID: fmt.Sprint("T-", i), Priority: sla.High, Events: []sla.Event{
			{Kind: sla.Opened, At: t0}, {Kind: sla.AgentReplied, At: t0.Add(reply)}}}, t0.Add(2*time.Hour))
		if err != nil {
			panic(err)
		}
		rep.Add(ev)
	}
	fmt.Print(report.FromSLA(rep.Result(), report.English).Markdown(report.English))
	// Output:
	// **SLA compliance by objective**
	//
	// | Objective | Within target | Compliance | Threshold | Status |
	// |---|---:|---:|---:|---|
	// | First response | 1 / 2 | 50.0 % | 90.0 % | below |
}

// A p chart from package pdca, in percent, with its limits.
func ExampleFromControlChart() {
	c, err := pdca.P([]int{10, 12, 8, 10}, []int{100, 100, 100, 100})
	if err != nil {
		panic(err)
	}
	fmt.Print(report.FromControlChart(c, []string{"W1", "W2", "W3", "W4"}, pdca.WesternElectric, report.English).Markdown(report.English))
	// Output:
	// **Control chart (p)**
	//
	// | Point | Value | LCL | CL | UCL | Signals |
	// |---|---:|---:|---:|---:|---|
	// | W1 | 10.0 | 1.0 | 10.0 | 19.0 |  |
	// | W2 | 12.0 | 1.0 | 10.0 | 19.0 |  |
	// | W3 | 8.0 | 1.0 | 10.0 | 19.0 |  |
	// | W4 | 10.0 | 1.0 | 10.0 | 19.0 |  |
}
