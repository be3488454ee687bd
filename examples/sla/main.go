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
//	go run ./examples/sla
package main

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"text/tabwriter"
	"time"

	"github.com/servuction/servuction"
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
	// 1. The horario de atención: Monday to Friday 08:00–18:00, Saturday
	// 08:00–13:00, closed on Sundays and on Colombia's festivos (San José
	// moves to Monday 23 March in 2026, as the Ley Emiliani requires).
	office, err := sla.NewCalendar(sla.BogotaConfig())
	if err != nil {
		log.Fatal(err)
	}

	// 2. The ANS. It is service-based (ANS de servicio): one standard for every
	// customer of the call centre, with three priorities (alta, normal, baja).
	// Response and resolution times count only business hours; the phone
	// line's availability (disponibilidad horaria) is measured 24×7.
	targets := func(high, normal, low string) map[sla.Priority]time.Duration {
		m := map[sla.Priority]time.Duration{}
		for p, s := range map[sla.Priority]string{sla.High: high, sla.Normal: normal, sla.Low: low} {
			d, err := sla.ParseDuration(s) // the same text a JSON file would hold
			if err != nil {
				log.Fatal(err)
			}
			m[p] = d
		}
		return m
	}
	ans, err := sla.NewAgreement(sla.AgreementConfig{
		Name:      "ANS Centro de contacto Bogotá",
		Kind:      sla.ServiceBased,
		Calendars: map[string]*sla.Calendar{"bogota": office},
		Objectives: []sla.Objective{
			// Tiempo de respuesta: the first answer to the customer.
			{Name: "primera respuesta", Metric: sla.FirstResponse, Calendar: "bogota", Threshold: 95, Targets: targets("1h", "4h", "8h")},
			// The answer to each follow-up message of the customer.
			{Name: "siguiente respuesta", Metric: sla.NextResponse, Calendar: "bogota", Threshold: 90, Targets: targets("2h", "4h", "8h")},
			// Resolución: 20 business hours are two 10-hour days.
			{Name: "resolución", Metric: sla.Resolution, Calendar: "bogota", Threshold: 90, Targets: targets("8h", "20h", "40h")},
			// Disponibilidad horaria of the phone line, 24×7.
			{Name: "línea 24h", Metric: sla.Availability, Threshold: 99.5},
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
			{Kind: sla.Staffing, Description: "Personal asignado: al menos 6 asesores por turno", Measurable: true,
				Indicator: "asesores por turno", Comparison: sla.AtLeast, Target: 6, Unit: "asesores"},
			{Kind: sla.Documentation, Description: "Documentación disponible: manual de procedimientos actualizado cada trimestre"},
			{Kind: sla.Warranty, Description: "Garantía: equipos reparados o sustituidos en 5 días como máximo", Measurable: true,
				Indicator: "días de reparación", Comparison: sla.AtMost, Target: 5, Unit: "días"},
			{Kind: sla.AfterSales, Description: "Servicio postventa: encuesta de seguimiento al 80 % de los casos resueltos", Measurable: true,
				Indicator: "casos con seguimiento", Comparison: sla.AtLeast, Target: 80, Unit: "%"},
		},
	})
	if err != nil {
		log.Fatal(err)
	}

	// 3. The tickets. Decoding validates each timeline (no event back in
	// time, no resume without a pause, nothing after closing).
	var tickets []sla.Ticket
	if err := json.Unmarshal(ticketsJSON, &tickets); err != nil {
		log.Fatal(err)
	}

	// 4. Evaluate every ticket at the end of the month and accumulate the
	// results. Tickets still open at that instant are running, paused or at
	// risk; only decided tickets (met or breached) count for compliance.
	bogota := office.Location()
	endOfMonth := time.Date(2026, 4, 1, 0, 0, 0, 0, bogota)
	report := sla.NewReport(ans)
	var late []string
	for _, t := range tickets {
		e, err := ans.Evaluate(t, endOfMonth)
		if err != nil {
			log.Fatal(err)
		}
		report.Add(e)
		for _, r := range e.Results {
			if r.Status == sla.Breached && r.Metric == sla.Resolution {
				late = append(late, fmt.Sprintf("%s (%s, %s): %s de retraso", t.ID, prioridad(t.Priority), t.Customer,
					hm(-r.Remaining)))
			}
		}
	}
	res := report.Result()

	fmt.Printf("%s — marzo de 2026, %d tickets\n\n", res.Agreement, res.Tickets)
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "objetivo\tcumplidos\tincumplidos\tabiertos\tcumplimiento\tumbral\t¿cumple?\tp50\tp90\tpenalización\t")
	for _, s := range res.Objectives {
		holds := "no"
		if s.Holds {
			holds = "sí"
		}
		fmt.Fprintf(w, "%s\t%d\t%d\t%d\t%.1f %%\t%.0f %%\t%s\t%s\t%s\t%s\t\n", s.Objective, s.Met, s.Breached,
			s.Running+s.OnHold+s.AtRisk, s.Compliance.Value, s.Threshold, holds,
			hm(s.P50), hm(s.P90), s.Credit.StringFixed(0))
	}
	w.Flush()
	// Only business time counts: a follow-up the customer sends on Saturday
	// night and the agent answers on Monday at 08:05 took 5 business minutes.
	fmt.Printf("\np50/p90: tiempo hábil de los tickets decididos (±1 %%). Penalización total, con tope: %s\n", res.Credits.StringFixed(0))

	fmt.Println("\nCumplimiento por prioridad (cumplidos/decididos):")
	for _, s := range res.Objectives {
		fmt.Printf("  %-20s", s.Objective)
		for _, p := range s.ByPriority {
			fmt.Printf("  %-6s %2d/%-2d %5.1f %%", prioridad(p.Priority), p.Met, p.Met+p.Breached, p.Compliance.Value)
		}
		fmt.Println()
	}

	fmt.Println("\nResoluciones fuera de tiempo (incumplimientos):")
	for _, l := range late {
		fmt.Println("  " + l)
	}

	// 5. Disponibilidad horaria of the phone line from the month's outages,
	// its error budget, and whether the SRE burn-rate alerts would have
	// fired at the end of the last outage.
	outages := []sla.Outage{
		{Start: time.Date(2026, 3, 10, 2, 0, 0, 0, bogota), End: time.Date(2026, 3, 10, 2, 50, 0, 0, bogota), Cause: "mantenimiento del conmutador"},
		{Start: time.Date(2026, 3, 18, 9, 15, 0, 0, bogota), End: time.Date(2026, 3, 18, 10, 40, 0, 0, bogota), Cause: "corte del proveedor de telefonía"},
		{Start: time.Date(2026, 3, 27, 15, 0, 0, 0, bogota), End: time.Date(2026, 3, 27, 15, 30, 0, 0, bogota), Cause: "falla eléctrica"},
	}
	startOfMonth := time.Date(2026, 3, 1, 0, 0, 0, 0, bogota)
	av, err := ans.Availability("línea 24h", outages, startOfMonth, endOfMonth)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("\nLínea 24h: disponibilidad %.3f %% (objetivo %.1f %%), caída %s, presupuesto de error %s, usado %.0f %%\n",
		av.Achieved, av.Target, sla.FormatDuration(av.Downtime), sla.FormatDuration(av.Budget.Round(time.Minute)), av.BudgetUsed)
	alerts, err := ans.Alerts("línea 24h", outages, outages[2].End, nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, a := range alerts {
		fmt.Printf("  alerta %-6s %3s/%-4s tasa de consumo %6.1f× (umbral %4.1f×) disparada: %v\n", a.Rule.Severity,
			sla.FormatDuration(a.Rule.Long), sla.FormatDuration(a.Rule.Short), a.LongBurn, a.Rule.Burn(), a.Firing)
	}

	// 7. Políticas condicionales: the same tickets under a second ANS whose
	// policies are chosen by ticket attributes.
	policies(office, tickets)

	// 8. The clauses, measured by their indicators this month.
	fmt.Println("\nCláusulas medibles:")
	for _, c := range ans.EvaluateClauses(map[string]float64{"asesores por turno": 7, "días de reparación": 6, "casos con seguimiento": 84}) {
		verdict := "cumple"
		if !c.Met {
			verdict = "no cumple"
		}
		fmt.Printf("  %-11s %-30s %g %s (%s %g): %s\n", c.Clause.Kind, c.Clause.Indicator, c.Value, c.Clause.Unit, c.Clause.Comparison, c.Clause.Target, verdict)
	}
}

// policies evaluates the month's tickets under an ANS with conditional
// policies loaded from JSON: corporate customers get their own targets,
// their high-priority resolutions counted 24×7 (a calendar per priority),
// internet tickets theirs, and the rest the default ones. It then prints the
// supervisor's watch list of Thursday 12 March at 11:00: the warnings and
// breaches of the next four hours.
func policies(office *sla.Calendar, tickets []sla.Ticket) {
	var ps []sla.Policy
	if err := json.Unmarshal(policiesJSON, &ps); err != nil {
		log.Fatal(err)
	}
	d := func(s string) time.Duration {
		v, err := sla.ParseDuration(s)
		if err != nil {
			log.Fatal(err)
		}
		return v
	}
	warn := []sla.Warning{{Percent: 75}, {Before: 30 * time.Minute}}
	ans, err := sla.NewAgreement(sla.AgreementConfig{
		Name: "ANS por políticas", Kind: sla.ServiceBased, Policies: ps,
		Calendars: map[string]*sla.Calendar{"bogota": office},
		Objectives: []sla.Objective{
			{Policy: "corporativos", Name: "resolución corporativos", Metric: sla.Resolution, Calendar: "bogota",
				PriorityCalendars: map[sla.Priority]string{sla.High: ""}, Threshold: 95, Warnings: warn,
				Targets: map[sla.Priority]time.Duration{sla.High: d("6h"), sla.Normal: d("16h"), sla.Low: d("30h")}},
			{Policy: "internet", Name: "resolución internet", Metric: sla.Resolution, Calendar: "bogota", Threshold: 90, Warnings: warn,
				Targets: map[sla.Priority]time.Duration{sla.High: d("8h"), sla.Normal: d("20h"), sla.Low: d("40h")}},
			{Name: "resolución", Metric: sla.Resolution, Calendar: "bogota", Threshold: 90, Warnings: warn,
				Targets: map[sla.Priority]time.Duration{sla.High: d("8h"), sla.Normal: d("20h"), sla.Low: d("40h")}},
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	bogota := office.Location()
	endOfMonth := time.Date(2026, 4, 1, 0, 0, 0, 0, bogota)
	type tally struct{ tickets, met, breached int }
	byPolicy := map[string]*tally{}
	order := []string{"corporativos", "internet", ""}
	for _, name := range order {
		byPolicy[name] = &tally{}
	}
	for _, t := range tickets {
		e, err := ans.Evaluate(t, endOfMonth)
		if err != nil {
			log.Fatal(err)
		}
		c := byPolicy[e.Policy]
		c.tickets++
		if r, ok := e.Result(sla.Resolution); ok {
			switch r.Status {
			case sla.Met:
				c.met++
			case sla.Breached:
				c.breached++
			}
		}
	}
	fmt.Println("\nPolíticas condicionales (la primera que se cumple aplica; alta de corporativos cuenta 24×7):")
	for _, name := range order {
		c := byPolicy[name]
		label := name
		if label == "" {
			label = "(ninguna: objetivos por defecto)"
		}
		fmt.Printf("  %-32s %2d tickets, resolución %2d cumplidos, %2d incumplidos\n", label, c.tickets, c.met, c.breached)
	}

	now := time.Date(2026, 3, 12, 11, 0, 0, 0, bogota)
	up, err := ans.Watch(tickets, now, 4*time.Hour)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("\nLista de seguimiento, jueves 12 de marzo a las 11:00 (próximas 4 horas, %d avisos):\n", len(up))
	for _, u := range up {
		what := "incumplimiento"
		if !u.Breach() {
			what = "aviso " + u.Warning.String()
		}
		fmt.Printf("  %s  %-8s %-7s %-24s %s\n", u.At.Format("15:04"), u.Ticket, prioridad(u.Priority), u.Objective, what)
	}
}

// hm writes a business duration in hours and minutes ("28h16m"). Days are
// avoided on purpose: on a business calendar "1d" would mean 24 business
// hours, more than two working days here.
func hm(d time.Duration) string {
	d = d.Round(time.Minute)
	return fmt.Sprintf("%dh%02dm", d/time.Hour, (d%time.Hour)/time.Minute)
}

// prioridad names a priority as the call centre's staff say it; the library's
// String is English, and sla.ParsePriority accepts both.
func prioridad(p sla.Priority) string {
	switch p {
	case sla.Low:
		return "baja"
	case sla.Normal:
		return "normal"
	case sla.High:
		return "alta"
	case sla.Urgent:
		return "urgente"
	}
	return p.String()
}
