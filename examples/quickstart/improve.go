package main

import (
	"fmt"
	"time"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/pdca"
	"github.com/servuction/servuction/report"
)

// improvePart runs one continuous-improvement cycle (ciclo de mejora
// continua, PHVA) on first-contact resolution: PLAN with February as the
// baseline and a target of 75 %, DO a training workshop for the advisors,
// CHECK March on a p chart against the baseline's frozen limits with the
// Western Electric rules, ACT on the verdict.
func improvePart(o options, _ *inputs) (report.Section, []string, error) {
	l := o.lang
	baseDays, afterDays := simulateFCR()
	series := func(days []fcrDay) pdca.Series {
		var s pdca.Series
		for _, d := range days {
			s = append(s, pdca.Sample{Period: d.Day.Format("01-02"), Value: float64(d.Resolved), Size: float64(d.Calls)})
		}
		return s
	}
	at := func(day int) time.Time { return time.Date(2026, 3, day, 9, 0, 0, 0, bogota) }

	c, err := pdca.NewCycle("FCR-2026-03")
	if err != nil {
		return report.Section{}, nil, err
	}
	// PLAN (planear): why, what, how, who; the indicator, its baseline and
	// the standard to reach; the action; how the Check will judge.
	err = c.SetPlan(pdca.PlanSpec{
		Objective: "Raise first-contact resolution to 75 %",
		Why:       "February: 71 % of calls resolved at first contact; callbacks cost advisor time and customers' patience",
		How:       "Product-knowledge workshop for every advisor, then measure every day of March",
		Owner:     "Service manager",
		Indicator: pdca.Indicator{Name: tr(l, "First-contact resolution", "Resolución en el primer contacto"), Category: pdca.QualityOfWork,
			Unit: pdca.Percent, Direction: pdca.HigherIsBetter, Chart: pdca.Proportions},
		Baseline: series(baseDays),
		Target:   pdca.Standard{Target: 0.75, Sides: pdca.AtLeast},
		Actions: []pdca.Action{{Title: "Product-knowledge workshop (taller)", Kind: pdca.Workshop, Owner: "Training lead",
			Due: servuction.Date{Year: 2026, Month: time.March, Day: 1}}},
		Check: pdca.CheckPlan{Rules: pdca.WesternElectric},
	})
	if err != nil {
		return report.Section{}, nil, err
	}
	if err := c.Approve(time.Date(2026, 2, 27, 9, 0, 0, 0, bogota)); err != nil {
		return report.Section{}, nil, err
	}
	// DO (hacer): the workshop is held on 1 March.
	if err := c.Start(at(1)); err != nil {
		return report.Section{}, nil, err
	}
	if err := c.UpdateAction(0, pdca.Done, "attendance list: 42 advisors"); err != nil {
		return report.Section{}, nil, err
	}
	// CHECK (verificar): March's days against February's frozen limits.
	if err := c.BeginCheck(at(31)); err != nil {
		return report.Section{}, nil, err
	}
	res, err := c.Check(series(afterDays), at(31))
	if err != nil {
		return report.Section{}, nil, err
	}
	// ACT (actuar): follow the suggested decision.
	switch res.Suggested {
	case pdca.Standardize:
		_, err = c.Standardize(at(31))
	case pdca.Abandon:
		err = c.Abandon("the change did not improve the indicator", at(31))
	}
	if err != nil {
		return report.Section{}, nil, err
	}
	rec := c.Record()
	chart, err := report.FromCheck(rec, l)
	if err != nil {
		return report.Section{}, nil, err
	}
	panel := report.FromCycle(rec, l)
	lines := []string{fmt.Sprintf("%s: %s %s → %s (%s %s): %s; %s",
		tr(l, "Improvement cycle", "Ciclo de mejora"), panel.Indicator, panel.Baseline, panel.Current, tr(l, "target", "meta"), panel.Target, panel.Verdict, panel.Decision)}
	sec := report.Section{
		Title: tr(l, "Continuous improvement (PDCA)", "Mejora continua (PHVA)"),
		Intro: tr(l, "February's daily first-contact resolution is the baseline of a p chart; after the training workshop, March's days are plotted on the same frozen limits and judged with the Western Electric rules.",
			"La resolución diaria en el primer contacto de febrero es la línea base de un gráfico p; después del taller, los días de marzo se grafican sobre los mismos límites congelados y se juzgan con las reglas de Western Electric."),
		Blocks: []report.Block{panel, chart},
	}
	return sec, lines, nil
}
