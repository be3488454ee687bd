// Command sla evaluates a month of tickets of a Bogotá call centre against
// its service-level agreement (acuerdo de niveles de servicio, ANS) and prints
// a compliance table.
//
// The course notes say an ANS "helps both parties agree on response time,
// hours of availability, documentation available, staff assigned to the
// service, warranty, after-sales service", and that its benefits are an
// objective measurement of compliance and fewer disputes. This program is
// that measurement: the same tickets and the same rules always give the same
// table.
//
// It then evaluates the same tickets under an ANS with conditional policies
// (loaded from policies.json), a calendar per priority, and warning levels,
// and prints a supervisor's watch list.
//
// Run it with:
//
//	go run ./examples/sla           # in Spanish, as the call centre speaks
//	go run ./examples/sla -lang en  # in English
package main

import (
	_ "embed"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"text/tabwriter"
	"time"
	"unicode"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/report"
	"github.com/servuction/servuction/sla"
	"github.com/shopspring/decimal"

	_ "time/tzdata" // the America/Bogota zone on machines without a zone database
)

// tickets.json holds March 2026's tickets: each is a timeline of events
// (opened, agent replied, customer replied, paused, resumed, priority
// changed, resolved, reopened, closed), as a ticketing system would export it.
//
//go:embed tickets.json
var ticketsJSON []byte

// policies.json holds the conditions of the policies of section 7, as an
// administrator would write them: the first policy whose condition a ticket
// meets applies to it.
//
//go:embed policies.json
var policiesJSON []byte

func main() {
	lang := flag.String("lang", "es", "language of the output: es or en")
	flag.Parse()
	l, err := report.ParseLang(*lang)
	if err != nil {
		fmt.Fprintln(os.Stderr, "sla: -lang:", err)
		os.Exit(2)
	}
	if err := run(os.Stdout, l); err != nil {
		fmt.Fprintln(os.Stderr, "sla:", err)
		os.Exit(1)
	}
}

// tr returns the English or the Spanish text.
func tr(l report.Lang, en, es string) string {
	if l == report.Spanish {
		return es
	}
	return en
}

// The objectives' and indicators' names, in the output's language: they
// are the agreement's own names, so a report prints them as they are.
type names struct {
	first, next, resolution, line string
	staff, repair, followUp       string
}

func namesIn(l report.Lang) names {
	return names{
		first: tr(l, "first response", "primera respuesta"), next: tr(l, "next response", "siguiente respuesta"),
		resolution: tr(l, "resolution", "resolución"), line: tr(l, "24h line", "línea 24h"),
		staff: tr(l, "advisors per shift", "asesores por turno"), repair: tr(l, "days to repair", "días de reparación"),
		followUp: tr(l, "cases followed up", "casos con seguimiento"),
	}
}

// agreement is the call centre's ANS, and the zone of its calendar.
func agreement(l report.Lang, n names) (*sla.Agreement, *sla.Calendar, error) {
	// 1. The horario de atención: Monday to Friday 08:00–18:00, Saturday
	// 08:00–13:00, closed on Sundays and on Colombia's festivos (San José
	// moves to Monday 23 March in 2026, as the Ley Emiliani requires).
	office, err := sla.NewCalendar(sla.BogotaConfig())
	if err != nil {
		return nil, nil, err
	}
	// 2. The ANS. It is service-based (ANS de servicio): one standard for every
	// customer of the call centre, with three priorities (alta, normal, baja).
	// Response and resolution times count only business hours; the phone
	// line's availability (disponibilidad horaria) is measured 24×7.
	var bad error
	targets := func(high, normal, low string) map[sla.Priority]time.Duration {
		m := map[sla.Priority]time.Duration{}
		for p, s := range map[sla.Priority]string{sla.High: high, sla.Normal: normal, sla.Low: low} {
			d, err := sla.ParseDuration(s) // the same text a JSON file would hold
			if err != nil {
				bad = err
			}
			m[p] = d
		}
		return m
	}
	ans, err := sla.NewAgreement(sla.AgreementConfig{
		Name:      tr(l, "Bogotá contact centre SLA", "ANS Centro de contacto Bogotá"),
		Kind:      sla.ServiceBased,
		Calendars: map[string]*sla.Calendar{"bogota": office},
		Objectives: []sla.Objective{
			// Tiempo de respuesta: the first answer to the customer.
			{Name: n.first, Metric: sla.FirstResponse, Calendar: "bogota", Threshold: 95, Targets: targets("1h", "4h", "8h")},
			// The answer to each follow-up message of the customer.
			{Name: n.next, Metric: sla.NextResponse, Calendar: "bogota", Threshold: 90, Targets: targets("2h", "4h", "8h")},
			// Resolución: 20 business hours are two 10-hour days.
			{Name: n.resolution, Metric: sla.Resolution, Calendar: "bogota", Threshold: 90, Targets: targets("8h", "20h", "40h")},
			// Disponibilidad horaria of the phone line, 24×7.
			{Name: n.line, Metric: sla.Availability, Threshold: 99.5},
		},
		// Penalización: a share of the monthly fee per objective below its
		// band, capped at a quarter of the fee.
		Credits: sla.CreditPolicy{
			Fee: servuction.MustParseMoney("12000000 COP"),
			Bands: []sla.CreditBand{
				{Min: 90, Max: 95, Share: decimal.NewFromInt(5)},
				{Min: 80, Max: 90, Share: decimal.NewFromInt(10)},
				{Min: 0, Max: 80, Share: decimal.NewFromInt(20)},
			},
			Cap: servuction.MustParseMoney("3000000 COP"),
		},
		// The commitments that are not clocks.
		Clauses: []sla.Clause{
			{Kind: sla.Staffing, Description: tr(l, "Staff assigned: at least 6 advisors per shift", "Personal asignado: al menos 6 asesores por turno"), Measurable: true,
				Indicator: n.staff, Comparison: sla.AtLeast, Target: 6, Unit: tr(l, "advisors", "asesores")},
			{Kind: sla.Documentation, Description: tr(l, "Documentation available: procedures manual updated every quarter", "Documentación disponible: manual de procedimientos actualizado cada trimestre")},
			{Kind: sla.Warranty, Description: tr(l, "Warranty: equipment repaired or replaced within 5 days", "Garantía: equipos reparados o sustituidos en 5 días como máximo"), Measurable: true,
				Indicator: n.repair, Comparison: sla.AtMost, Target: 5, Unit: tr(l, "days", "días")},
			{Kind: sla.AfterSales, Description: tr(l, "After-sales service: a follow-up survey of 80 % of the cases solved", "Servicio postventa: encuesta de seguimiento al 80 % de los casos resueltos"), Measurable: true,
				Indicator: n.followUp, Comparison: sla.AtLeast, Target: 80, Unit: "%"},
		},
	})
	if bad != nil {
		return nil, nil, bad
	}
	return ans, office, err
}

// run evaluates the month and prints the tables to w in language l.
func run(w io.Writer, l report.Lang) error {
	n := namesIn(l)
	ans, office, err := agreement(l, n)
	if err != nil {
		return err
	}
	bogota := office.Location()
	// 3. The tickets. Decoding validates each timeline (no event back in
	// time, no resume without a pause, nothing after closing).
	var tickets []sla.Ticket
	if err := json.Unmarshal(ticketsJSON, &tickets); err != nil {
		return err
	}
	// 4. Evaluate every ticket at the end of the month and accumulate the
	// results. Tickets still open at that instant are running, paused or at
	// risk; only decided tickets (met or breached) count for compliance.
	endOfMonth := time.Date(2026, 4, 1, 0, 0, 0, 0, bogota)
	rep := sla.NewReport(ans)
	var late []string
	for _, t := range tickets {
		e, err := ans.Evaluate(t, endOfMonth)
		if err != nil {
			return err
		}
		rep.Add(e)
		for _, r := range e.Results {
			if r.Status == sla.Breached && r.Metric == sla.Resolution {
				late = append(late, fmt.Sprintf(tr(l, "%s (%s, %s): %s late", "%s (%s, %s): %s de retraso"), t.ID, priority(l, t.Priority), t.Customer,
					l.Duration(-r.Remaining)))
			}
		}
	}
	res := rep.Result()
	printCompliance(w, l, res, late)
	if err := printAvailability(w, l, ans, n, bogota); err != nil {
		return err
	}
	// 7. Conditional policies: the same tickets under a second ANS whose
	// policies are chosen by ticket attributes, and the supervisor's watch list.
	if err := printPolicies(w, l, office, tickets); err != nil {
		return err
	}
	// 8. The clauses, measured by their indicators this month.
	printClauses(w, l, ans, n)
	return nil
}

// policyAgreement is an ANS with conditional policies loaded from JSON:
// corporate customers get their own targets, their high-priority resolutions
// counted 24×7 (a calendar per priority), internet tickets theirs, and the
// rest the default ones. Every objective warns at 75 % of its target and
// 30 minutes before it.
func policyAgreement(l report.Lang, office *sla.Calendar) (*sla.Agreement, error) {
	var ps []sla.Policy
	if err := json.Unmarshal(policiesJSON, &ps); err != nil {
		return nil, err
	}
	h := func(high, normal, low time.Duration) map[sla.Priority]time.Duration {
		return map[sla.Priority]time.Duration{sla.High: high, sla.Normal: normal, sla.Low: low}
	}
	warn := []sla.Warning{{Percent: 75}, {Before: 30 * time.Minute}}
	res := tr(l, "resolution", "resolución")
	return sla.NewAgreement(sla.AgreementConfig{
		Name: tr(l, "ANS by policies", "ANS por políticas"), Kind: sla.ServiceBased, Policies: ps,
		Calendars: map[string]*sla.Calendar{"bogota": office},
		Objectives: []sla.Objective{
			{Policy: "corporativos", Name: res + tr(l, " corporate", " corporativos"), Metric: sla.Resolution, Calendar: "bogota",
				PriorityCalendars: map[sla.Priority]string{sla.High: ""}, Threshold: 95, Warnings: warn,
				Targets: h(6*time.Hour, 16*time.Hour, 30*time.Hour)},
			{Policy: "internet", Name: res + " internet", Metric: sla.Resolution, Calendar: "bogota", Threshold: 90, Warnings: warn,
				Targets: h(8*time.Hour, 20*time.Hour, 40*time.Hour)},
			{Name: res, Metric: sla.Resolution, Calendar: "bogota", Threshold: 90, Warnings: warn,
				Targets: h(8*time.Hour, 20*time.Hour, 40*time.Hour)},
		},
	})
}

// printPolicies evaluates the month's tickets under the policy ANS, counts
// resolutions per policy that applied, and prints the supervisor's watch list
// of Thursday 12 March at 11:00: the warnings and breaches of the next four
// hours, in time order.
func printPolicies(w io.Writer, l report.Lang, office *sla.Calendar, tickets []sla.Ticket) error {
	ans, err := policyAgreement(l, office)
	if err != nil {
		return err
	}
	bogota := office.Location()
	endOfMonth := time.Date(2026, 4, 1, 0, 0, 0, 0, bogota)
	order := []string{"corporativos", "internet", ""}
	type tally struct{ tickets, met, breached int }
	counts := make([]tally, len(order))
	for _, t := range tickets {
		e, err := ans.Evaluate(t, endOfMonth)
		if err != nil {
			return err
		}
		i := slices.Index(order, e.Policy)
		if i < 0 {
			return fmt.Errorf("ticket %s: policy %q not in the list", t.ID, e.Policy)
		}
		counts[i].tickets++
		if r, ok := e.Result(sla.Resolution); ok {
			switch r.Status {
			case sla.Met:
				counts[i].met++
			case sla.Breached:
				counts[i].breached++
			}
		}
	}
	fmt.Fprintln(w, tr(l, "\nConditional policies (the first that matches applies; corporate high priority counts 24×7):",
		"\nPolíticas condicionales (la primera que se cumple aplica; alta de corporativos cuenta 24×7):"))
	for i, name := range order {
		label := name
		if label == "" {
			label = tr(l, "(none: default objectives)", "(ninguna: objetivos por defecto)")
		}
		c := counts[i]
		fmt.Fprintf(w, tr(l, "  %-32s %2d tickets, resolution %2d met, %2d breached\n", "  %-32s %2d tiquetes, resolución %2d cumplidos, %2d incumplidos\n"),
			label, c.tickets, c.met, c.breached)
	}
	now := time.Date(2026, 3, 12, 11, 0, 0, 0, bogota)
	up, err := ans.Watch(tickets, now, 4*time.Hour)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, tr(l, "\nWatch list, Thursday 12 March at 11:00 (next 4 hours, %d warnings):\n",
		"\nLista de seguimiento, jueves 12 de marzo a las 11:00 (próximas 4 horas, %d avisos):\n"), len(up))
	for _, u := range up {
		what := tr(l, "breach", "incumplimiento")
		switch {
		case u.Breach():
		case u.Warning.Before > 0:
			what = fmt.Sprintf(tr(l, "warning: %s before", "aviso: %s antes"), l.Duration(u.Warning.Before))
		default:
			what = fmt.Sprintf(tr(l, "warning: %s of the target", "aviso: %s del objetivo"), l.Percent(u.Warning.Percent, 0))
		}
		fmt.Fprintf(w, "  %s  %-8s %-7s %-24s %s\n", u.At.Format("15:04"), u.Ticket, priority(l, u.Priority), u.Objective, what)
	}
	return nil
}

// printCompliance prints the compliance table, by priority, and the late
// resolutions.
func printCompliance(w io.Writer, l report.Lang, res sla.ReportResult, late []string) {
	fmt.Fprintf(w, tr(l, "%s — March 2026, %d tickets\n\n", "%s — marzo de 2026, %d tiquetes\n\n"), res.Agreement, res.Tickets)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, tr(l, "objective\tmet\tbreached\topen\tcompliance\tthreshold\tholds?\tp50\tp90\tcredit\t",
		"objetivo\tcumplidos\tincumplidos\tabiertos\tcumplimiento\tumbral\t¿cumple?\tp50\tp90\tpenalización\t"))
	for _, s := range res.Objectives {
		holds := tr(l, "no", "no")
		if s.Holds {
			holds = tr(l, "yes", "sí")
		}
		comp := tr(l, "no ticket decided yet", "ningún tiquete decidido aún")
		if s.Compliance.Valid {
			comp = l.Percent(s.Compliance.Value, 1)
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t\n", s.Objective, s.Met, s.Breached,
			s.Running+s.OnHold+s.AtRisk, comp, l.Percent(s.Threshold, 0), holds,
			l.Duration(s.P50), l.Duration(s.P90), l.Money(s.Credit))
	}
	tw.Flush()
	// Only business time counts: a follow-up the customer sends on Saturday
	// night and the agent answers on Monday at 08:05 took 5 business minutes.
	fmt.Fprintf(w, tr(l, "\np50/p90: business time of the decided tickets (±1 %%). Total credit, capped: %s\n",
		"\np50/p90: tiempo hábil de los tiquetes decididos (±1 %%). Penalización total, con tope: %s\n"), l.Money(res.Credits))

	fmt.Fprintln(w, tr(l, "\nCompliance by priority (met/decided):", "\nCumplimiento por prioridad (cumplidos/decididos):"))
	for _, s := range res.Objectives {
		fmt.Fprintf(w, "  %-20s", s.Objective)
		for _, p := range s.ByPriority {
			fmt.Fprintf(w, "  %-7s %2d/%-2d %7s", priority(l, p.Priority), p.Met, p.Met+p.Breached, l.Percent(p.Compliance.Value, 1))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w, tr(l, "\nResolutions out of time (breaches):", "\nResoluciones fuera de tiempo (incumplimientos):"))
	for _, s := range late {
		fmt.Fprintln(w, "  "+s)
	}
}

// printAvailability prints the disponibilidad horaria of the phone line from
// the month's outages, its error budget, and whether the SRE burn-rate
// alerts would have fired at the end of the last outage.
func printAvailability(w io.Writer, l report.Lang, ans *sla.Agreement, n names, bogota *time.Location) error {
	outages := []sla.Outage{
		{Start: time.Date(2026, 3, 10, 2, 0, 0, 0, bogota), End: time.Date(2026, 3, 10, 2, 50, 0, 0, bogota), Cause: tr(l, "switch maintenance", "mantenimiento del conmutador")},
		{Start: time.Date(2026, 3, 18, 9, 15, 0, 0, bogota), End: time.Date(2026, 3, 18, 10, 40, 0, 0, bogota), Cause: tr(l, "telephone carrier outage", "corte del proveedor de telefonía")},
		{Start: time.Date(2026, 3, 27, 15, 0, 0, 0, bogota), End: time.Date(2026, 3, 27, 15, 30, 0, 0, bogota), Cause: tr(l, "power failure", "falla eléctrica")},
	}
	start, end := time.Date(2026, 3, 1, 0, 0, 0, 0, bogota), time.Date(2026, 4, 1, 0, 0, 0, 0, bogota)
	av, err := ans.Availability(n.line, outages, start, end)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, tr(l, "\n%s: availability %s (objective %s), down %s, error budget %s, %s used\n",
		"\n%s: disponibilidad %s (objetivo %s), caída %s, presupuesto de error %s, usado %s\n"),
		capitalised(n.line), l.Percent(av.Achieved, 3), l.Percent(av.Target, 1), l.Duration(av.Downtime), l.Duration(av.Budget), l.Percent(av.BudgetUsed, 0))
	alerts, err := ans.Alerts(n.line, outages, outages[2].End, nil)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, a := range alerts {
		sev := tr(l, "ticket", "tiquete")
		if a.Rule.Severity == sla.Page {
			sev = tr(l, "page", "aviso inmediato")
		}
		fires := tr(l, "no", "no")
		if a.Firing {
			fires = tr(l, "YES", "SÍ")
		}
		fmt.Fprintf(tw, tr(l, "  alert: %s\t%s / %s\tburn rate %s (threshold %s)\tfires: %s\n", "  alerta: %s\t%s / %s\ttasa de consumo %s (umbral %s)\tse dispara: %s\n"),
			sev, l.Elapsed(a.Rule.Long), l.Elapsed(a.Rule.Short), l.Number(a.LongBurn, 1)+"×", l.Number(a.Rule.Burn(), 1)+"×", fires)
	}
	return tw.Flush()
}

// printClauses prints the clauses, measured by their indicators this month.
func printClauses(w io.Writer, l report.Lang, ans *sla.Agreement, n names) {
	fmt.Fprintln(w, tr(l, "\nMeasurable clauses:", "\nCláusulas medibles:"))
	for _, c := range ans.EvaluateClauses(map[string]float64{n.staff: 7, n.repair: 6, n.followUp: 84}) {
		verdict := tr(l, "met", "cumple")
		if !c.Met {
			verdict = tr(l, "not met", "no cumple")
		}
		fmt.Fprintf(w, "  %-26s %-24s %s %s (%s %s): %s\n", clauseKind(l, c.Clause.Kind), c.Clause.Indicator, l.Number(c.Value, 0), c.Clause.Unit,
			comparison(l, c.Clause.Comparison), l.Number(c.Clause.Target, 0), verdict)
	}
}

// capitalised returns s with its first letter in upper case.
func capitalised(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}

// priority names a priority as the call centre's staff say it; the library's
// String is English, and sla.ParsePriority accepts both.
func priority(l report.Lang, p sla.Priority) string {
	switch p {
	case sla.Low:
		return tr(l, "low", "baja")
	case sla.Normal:
		return tr(l, "normal", "normal")
	case sla.High:
		return tr(l, "high", "alta")
	case sla.Urgent:
		return tr(l, "urgent", "urgente")
	}
	return p.String()
}

// clauseKind names a kind of clause in the course notes' words.
func clauseKind(l report.Lang, k sla.ClauseKind) string {
	switch k {
	case sla.Documentation:
		return tr(l, "documentation", "documentación disponible")
	case sla.Staffing:
		return tr(l, "staff assigned", "personal asignado")
	case sla.Warranty:
		return tr(l, "warranty", "garantía")
	case sla.AfterSales:
		return tr(l, "after-sales service", "servicio postventa")
	}
	return tr(l, "other", "otra")
}

// comparison names how a clause's value meets its target.
func comparison(l report.Lang, c sla.Comparison) string {
	if c == sla.AtMost {
		return tr(l, "at most", "como máximo")
	}
	return tr(l, "at least", "al menos")
}
