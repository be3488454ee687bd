package main

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/shopspring/decimal"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/report"
	"github.com/servuction/servuction/sla"
)

// The service-level agreement (acuerdo de niveles de servicio, ANS) of the
// call centre with its client: one standard for every ticket (an ANS de
// servicio), counted in business hours of a Bogotá calendar with Colombia's
// holidays, plus the line's availability within those hours (disponibilidad
// horaria).
func callCentreAgreement() (*sla.Agreement, error) {
	cal, err := sla.NewCalendar(sla.BogotaConfig()) // Mon–Fri 08–18, Sat 08–13, festivos de Colombia
	if err != nil {
		return nil, err
	}
	cop := func(v int64) servuction.Money {
		return servuction.Money{Amount: decimal.NewFromInt(v), Currency: "COP"}
	}
	return sla.NewAgreement(sla.AgreementConfig{
		Name:      "ANS línea de atención 2026",
		Kind:      sla.ServiceBased,
		Calendars: map[string]*sla.Calendar{"bogota": cal},
		Objectives: []sla.Objective{
			// Tiempo de respuesta: the first reply of an advisor.
			{Metric: sla.FirstResponse, Calendar: "bogota", Threshold: 90, Targets: map[sla.Priority]time.Duration{
				sla.Urgent: 15 * time.Minute, sla.High: time.Hour, sla.Normal: 4 * time.Hour, sla.Low: 8 * time.Hour}},
			// Resolución: from opening to the solution, waits for the customer excluded.
			{Metric: sla.Resolution, Calendar: "bogota", Threshold: 85, Targets: map[sla.Priority]time.Duration{
				sla.Urgent: 4 * time.Hour, sla.High: 10 * time.Hour, sla.Normal: 30 * time.Hour, sla.Low: 50 * time.Hour}},
			// Disponibilidad horaria: the line is up 99.5 % of service hours.
			{Metric: sla.Availability, Calendar: "bogota", Threshold: 99.5}, // named "availability"
		},
		// Penalización: a share of the monthly fee per objective below its band.
		Credits: sla.CreditPolicy{Fee: cop(40_000_000), Cap: cop(6_000_000), Bands: []sla.CreditBand{
			{Min: 0, Max: 80, Share: decimal.NewFromInt(10)},
			{Min: 80, Max: 90, Share: decimal.NewFromInt(5)},
		}},
	})
}

// ticketOf turns a simulated ticket into the timeline the sla package
// evaluates: opened, the advisor's first reply, a wait for the customer
// (paused and resumed), and the resolution.
func ticketOf(p ticketPlan) (sla.Ticket, error) {
	prio, err := sla.ParsePriority(p.Priority)
	if err != nil {
		return sla.Ticket{}, err
	}
	t := sla.Ticket{ID: p.ID, Priority: prio, Events: []sla.Event{{Kind: sla.Opened, At: p.Opened}, {Kind: sla.AgentReplied, At: p.Replied}}}
	if !p.Pause[0].IsZero() {
		t.Events = append(t.Events, sla.Event{Kind: sla.Paused, At: p.Pause[0], Reason: sla.WaitingCustomer})
		if !p.Pause[1].IsZero() && !p.Pause[1].After(monthEnd) {
			t.Events = append(t.Events, sla.Event{Kind: sla.Resumed, At: p.Pause[1]})
		}
	}
	if !p.Resolved.IsZero() {
		t.Events = append(t.Events, sla.Event{Kind: sla.Resolved, At: p.Resolved})
	}
	return t, nil
}

// sampleTickets simulates the sample month's 600 tickets.
func sampleTickets() ([]sla.Ticket, error) {
	var ts []sla.Ticket
	for _, p := range simulateTickets(600) {
		t, err := ticketOf(p)
		if err != nil {
			return nil, err
		}
		ts = append(ts, t)
	}
	return ts, nil
}

// loadTickets reads tickets from a JSON file (see readTickets).
func loadTickets(path string) ([]sla.Ticket, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("-tickets: %w", err)
	}
	ts, err := readTickets(data)
	if err != nil {
		return nil, fmt.Errorf("-tickets %s: %w", path, err)
	}
	return ts, nil
}

// readTickets decodes a JSON array of sla.Ticket, each validated as it is
// decoded, unknown fields refused; an error names the line and the ticket's
// place in the array, and wraps errBadInput.
func readTickets(data []byte) ([]sla.Ticket, error) {
	var items []json.RawMessage
	if err := json.Unmarshal(data, &items); err != nil {
		return nil, fmt.Errorf("want a JSON array of tickets: %w", syntaxError(data, err))
	}
	lines := arrayLines(data, len(items))
	ts := make([]sla.Ticket, len(items))
	for i, it := range items {
		if err := json.Unmarshal(it, &ts[i]); err != nil {
			return nil, fmt.Errorf("line %d (ticket %d): %w: %w", lines[i], i+1, err, errBadInput)
		}
	}
	return ts, nil
}

// slaPart evaluates the tickets against the agreement (cumplimiento del
// ANS) and, for the sample month, the line's outages against its
// availability objective.
func slaPart(o options, in *inputs) (report.Section, []string, error) {
	l := o.lang
	ag, err := callCentreAgreement()
	if err != nil {
		return report.Section{}, nil, err
	}
	order := []sla.Priority{sla.Urgent, sla.High, sla.Normal, sla.Low}
	res, byPrio, err := evaluate(ag, in, o, order)
	if err != nil {
		return report.Section{}, nil, err
	}
	figs, lines := complianceFigures(l, res)
	if in.user {
		lines[0] += fmt.Sprintf(tr(l, " (as of %s)", " (al %s)"), in.now.In(bogota).Format("2006-01-02 15:04"))
	}
	sec := report.Section{
		Title: tr(l, "Service-level agreement (ANS)", "Acuerdo de niveles de servicio (ANS)"),
		Intro: tr(l, "Every ticket of the month evaluated against the agreement's targets in Bogotá business hours (Monday to Friday 08:00–18:00, Saturday 08:00–13:00, Colombian holidays closed); waits for the customer do not count.",
			"Cada tiquete del mes evaluado contra las metas del acuerdo en horario hábil de Bogotá (lunes a viernes 08:00–18:00, sábado 08:00–13:00, festivos de Colombia cerrados); las esperas por el cliente no cuentan."),
	}
	if in.user {
		sec.Intro = fmt.Sprintf(tr(l, "Every ticket of your file evaluated as it stood at %s against the quickstart's agreement, in Bogotá business hours (Monday to Friday 08:00–18:00, Saturday 08:00–13:00, Colombian holidays closed); waits for the customer do not count, and a ticket still open then is counted open, not breached.",
			"Cada tiquete de su archivo evaluado tal como estaba el %s contra el acuerdo del quickstart, en horario hábil de Bogotá (lunes a viernes 08:00–18:00, sábado 08:00–13:00, festivos de Colombia cerrados); las esperas por el cliente no cuentan, y un tiquete aún abierto entonces cuenta como abierto, no como incumplido."),
			in.now.In(bogota).Format("2006-01-02 15:04"))
	}
	sec.Blocks = []report.Block{nil, report.FromSLAByPriority(byPrio, order, l), report.SLATable(res, l)}
	if !in.user { // the outages are the sample's
		avFigs, avLines, avBlocks, err := availability(l, ag)
		if err != nil {
			return report.Section{}, nil, err
		}
		figs, lines = append(figs, avFigs...), append(lines, avLines...)
		sec.Blocks = append(sec.Blocks, avBlocks...)
	}
	if !res.Credits.IsZero() {
		figs = append(figs, report.Figure{Label: tr(l, "Service credits owed", "Créditos de servicio"), Value: l.Money(res.Credits), Status: report.Bad})
		lines = append(lines, fmt.Sprintf("  %s: %s", tr(l, "Service credits owed", "Créditos de servicio"), l.Money(res.Credits)))
	}
	sec.Blocks[0] = figs
	return sec, lines, nil
}

// evaluate evaluates every ticket at in.now, for all priorities and for each
// of order.
func evaluate(ag *sla.Agreement, in *inputs, o options, order []sla.Priority) (sla.ReportResult, map[sla.Priority]sla.ReportResult, error) {
	all := sla.NewReport(ag)
	byPrio := map[sla.Priority]*sla.Report{}
	for _, p := range order {
		byPrio[p] = sla.NewReport(ag)
	}
	for _, t := range in.tickets {
		ev, err := ag.Evaluate(t, in.now)
		if err != nil {
			if !o.now.IsZero() {
				return sla.ReportResult{}, nil, fmt.Errorf("-now %s: ticket %s: %w", o.now.Format(time.RFC3339), t.ID, err)
			}
			return sla.ReportResult{}, nil, fmt.Errorf("ticket %s: %w", t.ID, err)
		}
		all.Add(ev)
		if r, ok := byPrio[ev.Priority]; ok {
			r.Add(ev)
		}
	}
	results := map[sla.Priority]sla.ReportResult{}
	for p, r := range byPrio {
		results[p] = r.Result()
	}
	return all.Result(), results, nil
}

// complianceFigures are the headline figures and summary lines of the
// tickets' compliance per objective; an objective with no ticket decided
// says so, which is not 0 %.
func complianceFigures(l report.Lang, res sla.ReportResult) (report.Figures, []string) {
	figs := report.Figures{{Label: tr(l, "Tickets evaluated", "Tiquetes evaluados"), Value: fmt.Sprint(res.Tickets)}}
	lines := []string{fmt.Sprintf("%s: %d", tr(l, "Tickets evaluated", "Tiquetes evaluados"), res.Tickets)}
	for _, o := range res.Objectives {
		if o.Metric == sla.Availability {
			continue
		}
		name := metricName(l, o.Metric)
		if !o.Compliance.Valid { // every ticket still open: no verdict, which is not 0 %
			none := tr(l, "no ticket decided yet", "ningún tiquete decidido aún")
			figs = append(figs, report.Figure{Label: name, Value: none,
				Note: tr(l, "threshold ", "umbral ") + l.Percent(o.Threshold, 0), Status: report.Neutral})
			lines = append(lines, fmt.Sprintf("  – %-18s %s (%s %s)", name, none, tr(l, "threshold", "umbral"), l.Percent(o.Threshold, 0)))
			continue
		}
		st, mark := report.Good, "✓"
		if !o.Holds {
			st, mark = report.Bad, "✗"
		}
		figs = append(figs, report.Figure{Label: name, Value: l.Percent(o.Compliance.Value, 1),
			Note: tr(l, "threshold ", "umbral ") + l.Percent(o.Threshold, 0), Status: st})
		lines = append(lines, fmt.Sprintf("  %s %-18s %7s (%s %s, %d/%d)", mark, name, l.Percent(o.Compliance.Value, 1), tr(l, "threshold", "umbral"), l.Percent(o.Threshold, 0), o.Met, o.Decided))
	}
	return figs, lines
}

// availability measures the sample month's outages against the line's
// availability objective: the figure, the error budget's burn-down day by
// day, and the burn-rate alerts (the multi-window rules: page when 2 % of
// the month's error budget goes in 1 h, checked over 5 min, or 5 % in 6 h,
// over 30 min; ticket when 10 % goes in 3 d, over 6 h), checked as each
// outage ends, and on a quiet Monday noon at the end of the month, when the
// short windows have let every alert stop.
func availability(l report.Lang, ag *sla.Agreement) (report.Figures, []string, []report.Block, error) {
	var outages []sla.Outage
	for _, out := range sampleOutages() {
		outages = append(outages, sla.Outage{Start: out.Start, End: out.End})
	}
	window, err := ag.Availability("availability", outages, monthStart, monthEnd)
	if err != nil {
		return nil, nil, nil, err
	}
	var progress []sla.AvailabilityResult
	for d := monthStart.AddDate(0, 0, 1); !d.After(monthEnd); d = d.AddDate(0, 0, 1) {
		p, err := ag.Availability("availability", outages, monthStart, d)
		if err != nil {
			return nil, nil, nil, err
		}
		progress = append(progress, p)
	}
	var checks []report.AlertsAt
	instants := []time.Time{}
	for _, out := range outages {
		instants = append(instants, out.End)
	}
	instants = append(instants, time.Date(2026, 3, 30, 12, 0, 0, 0, bogota))
	for _, at := range instants {
		alerts, err := ag.Alerts("availability", outages, at, nil)
		if err != nil {
			return nil, nil, nil, err
		}
		checks = append(checks, report.AlertsAt{At: at, Alerts: alerts})
	}
	st := report.Good
	if !window.Met {
		st = report.Bad
	}
	figs := report.Figures{{Label: tr(l, "Line availability", "Disponibilidad de la línea"), Value: l.Percent(window.Achieved, 2),
		Note: tr(l, "target ", "meta ") + l.Percent(window.Target, 1), Status: st}}
	lines := []string{fmt.Sprintf("  %s %s (%s %s), %s %s", tr(l, "Line availability", "Disponibilidad de la línea"),
		l.Percent(window.Achieved, 2), tr(l, "target", "meta"), l.Percent(window.Target, 1), tr(l, "error budget used", "presupuesto de error usado"), l.Percent(window.BudgetUsed, 0))}
	return figs, lines, []report.Block{report.FromAvailability(window, progress, l), report.AlertTable(checks, l)}, nil
}

// metricName names an SLA metric for the summary.
func metricName(l report.Lang, m sla.Metric) string {
	switch m {
	case sla.FirstResponse:
		return tr(l, "First response", "Primera respuesta")
	case sla.Resolution:
		return tr(l, "Resolution", "Resolución")
	}
	return m.String()
}
