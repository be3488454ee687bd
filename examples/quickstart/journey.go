package main

import (
	"fmt"
	"time"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/report"
	"github.com/servuction/servuction/scorecard"
	"github.com/servuction/servuction/servicecycle"
)

// callCycle is the cycle of service of a call to the line (ciclo del
// servicio), the map of its moments of truth as the customer lives them:
// the IVR welcome (acogida, self-service), the queue (espera), the advisor's
// handling (gestión), an optional follow-up call (seguimiento) and the
// farewell (despedida), where the customer rates the whole call. The wait
// and the handling are critical moments (momentos críticos de verdad): how
// they go decides the customer's satisfaction.
func callCycle(l report.Lang) (*servicecycle.Cycle, error) {
	phone := func(id, name string, step servicecycle.AttentionStep) servicecycle.Moment {
		return servicecycle.Moment{ID: id, Name: name, Step: step, Channel: servuction.Phone,
			Mode: servuction.ModeVirtual, Stance: servuction.Reactive}
	}
	welcome := phone("welcome", tr(l, "IVR welcome", "Bienvenida IVR"), servicecycle.Welcome)
	welcome.Channel = servuction.SelfService
	wait := phone("wait", tr(l, "Queue", "Cola de espera"), servicecycle.Wait)
	wait.Critical = true
	wait.Standards = servicecycle.Standards{MaxWait: 5 * time.Minute, MinRating: 3}
	handling := phone("handling", tr(l, "Advisor handling", "Gestión del asesor"), servicecycle.Handling)
	handling.Critical = true
	handling.Standards = servicecycle.Standards{MinRating: 4}
	follow := phone("follow-up", tr(l, "Follow-up call", "Llamada de seguimiento"), servicecycle.FollowUp)
	follow.Optional = true
	farewell := phone("farewell", tr(l, "Farewell", "Despedida"), servicecycle.Farewell)
	return servicecycle.NewCycle(servicecycle.CycleConfig{Name: tr(l, "Call to the service line", "Llamada a la línea de atención"),
		Moments: []servicecycle.Moment{welcome, wait, handling, follow, farewell}})
}

// sampleEncounters simulates the sample month's 2 000 calls.
func sampleEncounters() ([]servicecycle.Encounter, error) {
	var log []servicecycle.Encounter
	for _, e := range simulateJourneys(2000) {
		enc := servicecycle.Encounter{Case: e.Customer, Moment: e.Moment, Channel: servuction.Phone, At: e.At, Rating: e.Rating, Duration: e.Wait}
		for _, f := range e.Fails {
			fp, err := servicecycle.ParseFailPoint(f)
			if err != nil {
				return nil, err
			}
			enc.FailPoints = append(enc.FailPoints, fp)
		}
		log = append(log, enc)
	}
	return log, nil
}

// journeyPart measures the cycle from the month's simulated call log: the
// satisfaction at each moment of truth, how many callers reach each moment
// and where they hang up, the moment whose bad experience costs the final
// rating most, and the weakest critical moment; then it assesses the
// service triangle (customer at the centre; strategy, people, systems).
func journeyPart(o options, in *inputs) (report.Section, []string, error) {
	l := o.lang
	cyc, err := callCycle(l)
	if err != nil {
		return report.Section{}, nil, err
	}
	log := in.encounters
	a, err := servicecycle.Analyze(cyc, log)
	if err != nil {
		return report.Section{}, nil, err
	}
	// CSAT (satisfacción del cliente): the share of farewell ratings in the
	// two highest points of the 1–5 scale (top-2-box).
	var csat scorecard.CSAT
	for _, e := range log {
		if e.Moment == "farewell" && e.Rating > 0 {
			if err := csat.Add(e.Rating); err != nil {
				return report.Section{}, nil, err
			}
		}
	}
	figs := report.Figures{{Label: tr(l, "Calls", "Llamadas"), Value: fmt.Sprint(a.Journeys)}}
	if cr := csat.Result(); cr.N > 0 {
		figs = append(figs, report.Figure{Label: "CSAT", Value: l.Percent(100*cr.TopTwo, 1),
			Note: tr(l, "farewell rated 4–5, n = ", "despedida calificada 4–5, n = ") + fmt.Sprint(cr.N), Status: statusOf(cr.TopTwo >= 0.8)})
	}
	lines := []string{fmt.Sprintf("%s: %d", tr(l, "Calls analysed", "Llamadas analizadas"), a.Journeys)}
	if a.Journeys > 0 { // shares of no calls would mean nothing
		figs = append(figs,
			report.Figure{Label: tr(l, "Completed", "Completadas"), Value: l.Percent(100*a.Completion, 1), Status: statusOf(a.Completion >= 0.9)},
			report.Figure{Label: tr(l, "Follow the designed cycle", "Siguen el ciclo diseñado"), Value: l.Percent(100*a.Conformance, 1)})
		lines[0] += fmt.Sprintf(", %s %s", tr(l, "completed", "completadas"), l.Percent(100*a.Completion, 1))
	}
	if w, ok := a.WeakestCritical(); ok {
		figs = append(figs, report.Figure{Label: tr(l, "Weakest critical moment", "Momento crítico más débil"), Value: w.Name,
			Note: tr(l, "mean rating ", "calificación media ") + l.Number(w.Satisfaction.Mean, 2), Status: report.Bad})
		lines = append(lines, fmt.Sprintf("  %s: %s (%s)", tr(l, "weakest critical moment", "momento crítico más débil"), w.Name, l.Number(w.Satisfaction.Mean, 2)))
	}
	if len(a.Drivers) > 0 {
		d := a.Drivers[0]
		lines = append(lines, fmt.Sprintf("  %s: %s (%s %s)", tr(l, "a bad experience costs most at", "una mala experiencia cuesta más en"), d.Name, l.Signed(-d.Effect, 2), tr(l, "points of final rating", "puntos de calificación final")))
	}
	sec := report.Section{
		Title: tr(l, "Moments of truth (cycle of service)", "Momentos de verdad (ciclo del servicio)"),
		Intro: tr(l, "Every call of the month logged moment by moment (IVR, queue, advisor, follow-up, farewell) with the caller's rating of each; critical moments are starred. Last, the service triangle as customers, advisors and an audit of the service context scored it.",
			"Cada llamada del mes registrada momento a momento (IVR, cola, asesor, seguimiento, despedida) con la calificación del cliente en cada uno; los momentos críticos llevan estrella. Al final, el triángulo del servicio según lo calificaron los clientes, los asesores y una auditoría del contexto del servicio."),
		Blocks: []report.Block{figs, report.FromJourney(a, cyc, l), report.FromReach(a, cyc, l), report.MomentTable(a, l), report.DriverTable(a, l)},
	}
	if in.user { // the triangle's scores are the sample's
		sec.Intro = tr(l, "Every call of your log, moment by moment (IVR, queue, advisor, follow-up, farewell) with the caller's rating of each; critical moments are starred.",
			"Cada llamada de su registro, momento a momento (IVR, cola, asesor, seguimiento, despedida) con la calificación del cliente en cada uno; los momentos críticos llevan estrella.")
		return sec, lines, nil
	}
	triangle, err := sampleTriangle(l)
	if err != nil {
		return report.Section{}, nil, err
	}
	sec.Blocks = append(sec.Blocks, triangle)
	return sec, lines, nil
}

// sampleTriangle is the service triangle (triángulo del servicio), scored
// 1–5 by customers (from the survey's comments), by the advisors (in a
// workshop) and by an audit of the service context, with the evidence
// behind each score.
func sampleTriangle(l report.Lang) (report.Table, error) {
	tri, err := servicecycle.NewTriangle(
		servicecycle.Score{Side: servicecycle.Strategy, Perspective: servicecycle.CustomerView, Value: 3.8, Evidence: tr(l, "the promise of a quick answer is known", "la promesa de respuesta rápida es conocida")},
		servicecycle.Score{Side: servicecycle.Strategy, Perspective: servicecycle.EmployeeView, Value: 4.1},
		servicecycle.Score{Side: servicecycle.People, Perspective: servicecycle.CustomerView, Value: 3.9, Evidence: tr(l, "advisors are courteous", "los asesores son corteses")},
		servicecycle.Score{Side: servicecycle.People, Perspective: servicecycle.EmployeeView, Value: 3.6, Evidence: tr(l, "advisors ask for product training", "los asesores piden capacitación en productos")},
		servicecycle.Score{Side: servicecycle.Systems, System: servicecycle.Technical, Perspective: servicecycle.CustomerView, Value: 2.6, Evidence: tr(l, "long queues, IVR menu too deep", "colas largas, menú IVR muy profundo")},
		servicecycle.Score{Side: servicecycle.Systems, System: servicecycle.Technical, Perspective: servicecycle.EmployeeView, Value: 3.9, Evidence: tr(l, "advisors think the tools are fine", "los asesores creen que las herramientas sirven")},
		servicecycle.Score{Side: servicecycle.Systems, System: servicecycle.Technical, Perspective: servicecycle.ContextView, Value: 2.9, Evidence: tr(l, "audit: 9 % of calls wait over 15 minutes", "auditoría: el 9 % de las llamadas espera más de 15 minutos")},
	)
	if err != nil {
		return report.Table{}, err
	}
	return report.TriangleTable(tri.Assess(), l), nil
}
