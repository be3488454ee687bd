package main

import (
	"fmt"
	"time"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/pdca"
)

// The hub's days: calls answered and calls resolved at the first contact.
// March is the baseline; in April nothing changed; in May the new knowledge
// base was in use. The true daily rate wanders about 2 percentage points
// from day to day (staffing, the mix of reasons for calling), which at
// 2 000 calls is twice the binomial noise of a p chart.
var (
	hubMarchCalls    = []int{2134, 1985, 2063, 2134, 1893, 2183, 1996, 1832, 2044, 2124, 2149, 1806, 2068, 2134, 2079, 2136, 1816, 2076, 2134, 1896, 2171, 1881}
	hubMarchResolved = []int{1560, 1447, 1496, 1503, 1411, 1463, 1427, 1238, 1479, 1493, 1501, 1247, 1366, 1528, 1537, 1525, 1248, 1455, 1435, 1304, 1553, 1321}
	hubAprilCalls    = []int{2179, 1909, 1874, 1923, 1925, 2172, 1803, 2091, 2002, 2197, 1844, 2022, 1811, 1973, 2165, 1893, 2153, 1940, 2186, 2142, 2173, 1954}
	hubAprilResolved = []int{1467, 1380, 1349, 1357, 1371, 1520, 1334, 1437, 1321, 1589, 1285, 1397, 1280, 1422, 1467, 1370, 1533, 1306, 1486, 1491, 1524, 1319}
	hubMayCalls      = []int{2048, 2120, 1815, 2133, 2158, 2165, 2180, 2116, 2084, 2057, 2004, 2167, 2107, 1826, 1829, 1996, 2031, 2131, 1906, 1915, 1969}
	hubMayResolved   = []int{1406, 1582, 1219, 1623, 1552, 1572, 1606, 1649, 1455, 1469, 1434, 1641, 1602, 1344, 1381, 1511, 1474, 1534, 1391, 1390, 1443}
)

// hubSeries returns a month of the hub's days.
func hubSeries(month string, calls, resolved []int) pdca.Series {
	s := make(pdca.Series, len(calls))
	for i := range calls {
		s[i] = pdca.Sample{Period: fmt.Sprintf("%s day %d", month, i+1), Value: float64(resolved[i]), Size: float64(calls[i])}
	}
	return s
}

// atVolume checks the hub's April (no change) and May (the knowledge base)
// against March, first as a plain p chart would, then as the Check does.
func atVolume(lang string) error {
	fmt.Println("\n— A hub at 2 000 calls a day —")
	fcr := pdca.Indicator{Name: "first-contact resolution (hub)", Category: pdca.QualityOfWork, Unit: pdca.Percent, Direction: pdca.HigherIsBetter}
	target := pdca.Standard{Target: 0.72, Sides: pdca.AtLeast}
	march := hubSeries("March", hubMarchCalls, hubMarchResolved)
	april := hubSeries("April", hubAprilCalls, hubAprilResolved)
	may := hubSeries("May", hubMayCalls, hubMayResolved)

	// The p chart of the baseline alone: at this volume, ordinary days fall
	// outside its limits.
	p, err := march.Chart(pdca.Proportions)
	if err != nil {
		return err
	}
	fmt.Printf("March on its own p chart: %d of %d days beyond the limits\n", len(p.Violations(pdca.RuleSet{pdca.WE1})), len(march))

	// April, when nothing changed, judged on the nominal p chart with the
	// Western Electric rules, and by the Check choosing the chart.
	nominal := pdca.CheckPlan{Rules: pdca.WesternElectric, Dispersion: pdca.DispersionNominal}
	res, err := pdca.Check(fcr, target, march, april, nominal)
	if err != nil {
		return err
	}
	fmt.Printf("April on the nominal p chart: %v (%d signals)\n", res.Verdict, len(res.Evidence))
	plan := pdca.CheckPlan{Monitor: pdca.MonitorEWMA} // dispersion auto, λ 0.2, 3σ
	res, err = pdca.Check(fcr, target, march, april, plan)
	if err != nil {
		return err
	}
	fmt.Printf("April as the Check judges it: %v on the %v chart (σz %.2f)\n", res.Verdict, res.Baseline.Kind, res.Dispersion.SigmaZ)
	fmt.Printf("Why: %s\n", res.ReasonIn(lang))

	// May, after the knowledge base: a real cycle, checked the same way.
	at := func(s string) time.Time { t, _ := time.Parse(time.RFC3339, s); return t }
	cycle, err := pdca.NewCycle("hub-fcr-2026-05")
	if err != nil {
		return err
	}
	err = cycle.SetPlan(pdca.PlanSpec{
		Objective: "Resolve at least 72% of the hub's calls at the first contact",
		Owner:     "Hub manager",
		Indicator: fcr,
		Baseline:  march,
		Target:    target,
		Actions:   []pdca.Action{{Title: "Publish the knowledge base", Kind: pdca.ProcessChange, Owner: "Knowledge lead", Due: servuction.MustParseDate("2026-04-30")}},
		Check:     plan,
	})
	if err != nil {
		return err
	}
	for _, step := range []func() error{
		func() error { return cycle.Approve(at("2026-04-01T09:00:00Z")) },
		func() error { return cycle.Start(at("2026-04-02T09:00:00Z")) },
		func() error { return cycle.UpdateAction(0, pdca.Done, "knowledge base v1 live on 30 April") },
		func() error { return cycle.BeginCheck(at("2026-05-01T09:00:00Z")) },
	} {
		if err := step(); err != nil {
			return err
		}
	}
	res, err = cycle.Check(may, at("2026-06-01T09:00:00Z"))
	if err != nil {
		return err
	}
	fmt.Printf("May: %v on the %v chart, level %.4f, %d EWMA signals (the first on %s); suggested: %v\n",
		res.Verdict, res.Baseline.Kind, res.Level, len(res.Evidence), res.Evidence[0].Period, res.Suggested)
	fmt.Printf("Why: %s\n", res.ReasonIn(lang))
	if res.Suggested != pdca.Standardize {
		return nil
	}
	std, err := cycle.Standardize(at("2026-06-02T09:00:00Z"))
	if err != nil {
		return err
	}
	day, err := std.Limits.Chart([]float64{std.Limits.Center}, []float64{2000})
	if err != nil {
		return err
	}
	fmt.Printf("New standard on the %v chart: centre %.4f; limits for a day of 2 000 calls %.4f–%.4f\n",
		std.Limits.Kind, std.Limits.Center, day.LCL[0], day.UCL[0])
	return nil
}
