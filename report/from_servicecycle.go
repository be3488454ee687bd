package report

import (
	"math"
	"strings"

	"github.com/servuction/servuction/servicecycle"
)

// FromJourney returns the satisfaction chart of an encounter analysis
// ([servicecycle.Analyze]): each moment of the cycle in its designed order,
// its mean rating (1–5) with the 95 % interval, its minimum-rating standard
// from c, and the moments designed as critical marked. A moment without
// ratings leaves a gap.
func FromJourney(a servicecycle.Analysis, c *servicecycle.Cycle, l Lang) SatisfactionChart {
	out := SatisfactionChart{Min: servicecycle.MinRating, Max: servicecycle.MaxRating}
	for _, m := range a.Moments {
		ms := MomentScore{Label: m.Name, N: m.Satisfaction.N, Mean: m.Satisfaction.Mean, Critical: m.Critical}
		if m.Satisfaction.N == 0 {
			ms.Mean = math.NaN()
		} else if m.Satisfaction.N >= 2 {
			ms.Low, ms.High = m.Satisfaction.Low, m.Satisfaction.High
		}
		if c != nil {
			if mo, ok := c.Moment(m.ID); ok && mo.Standards.MinRating > 0 {
				ms.Standard = float64(mo.Standards.MinRating)
			}
		}
		out.Moments = append(out.Moments, ms)
	}
	return out
}

// FromReach returns the funnel of an encounter analysis: how many journeys
// reached each moment, in the cycle's order. Optional moments, which a
// journey may skip, are named so.
func FromReach(a servicecycle.Analysis, c *servicecycle.Cycle, l Lang) FunnelChart {
	var f FunnelChart
	for _, m := range a.Moments {
		st := FunnelStage{Label: m.Name, Count: m.Journeys}
		if c != nil {
			if mo, ok := c.Moment(m.ID); ok && mo.Optional {
				st.Optional = true
				st.Label += l.t(" (optional)", " (opcional)")
			}
		}
		f.Stages = append(f.Stages, st)
	}
	return f
}

// MomentTable returns the per-moment figures of an encounter analysis:
// journeys and reach, ratings and mean, share below the moment's standard,
// mean time spent at the moment, and its most frequent fail point.
func MomentTable(a servicecycle.Analysis, l Lang) Table {
	t := Table{Caption: l.t("Moments of truth", "Momentos de verdad"),
		Header: []string{l.t("Moment", "Momento"), l.t("Journeys", "Recorridos"), l.t("Reach", "Alcance"), "n", l.t("Mean", "Media"),
			l.t("Below standard", "Bajo el estándar"), l.t("Mean time", "Tiempo medio"), l.t("Top fail point", "Falla más frecuente")},
		Numeric: []bool{false, true, true, true, true, true, true, false}}
	for _, m := range a.Moments {
		mean, below, dur, fail := "–", "–", "–", ""
		if m.Satisfaction.N > 0 {
			mean = l.num(m.Satisfaction.Mean, 2)
		}
		if m.Measured > 0 {
			below = l.pct(100*m.BelowShare, 1)
		}
		if m.Duration.N > 0 {
			dur = l.duration(m.Duration.Mean)
		}
		if len(m.FailPoints) > 0 {
			fail = l.failPoint(m.FailPoints[0].FailPoint) + " (" + itoa(m.FailPoints[0].Count) + ")"
		}
		name := m.Name
		if m.Critical {
			name = "★ " + name
		}
		t.Rows = append(t.Rows, []string{name, itoa(m.Journeys), l.pct(100*m.Reach, 1), itoa(m.Satisfaction.N), mean, below, dur, fail})
	}
	return t
}

// DriverTable returns the moments whose bad experience lowers the journey's
// outcome most (critical moments found from data), largest effect first.
func DriverTable(a servicecycle.Analysis, l Lang) Table {
	t := Table{Caption: l.t("What a bad experience at each moment costs the final rating", "Lo que una mala experiencia en cada momento le cuesta a la calificación final"),
		Header: []string{l.t("Moment", "Momento"), l.t("Journeys bad / good", "Recorridos malos / buenos"), l.t("Outcome after bad", "Resultado tras mala"),
			l.t("Outcome after good", "Resultado tras buena"), l.t("Effect (95 % interval)", "Efecto (intervalo 95 %)"), "Cohen's d"},
		Numeric: []bool{false, true, true, true, true, true}}
	for _, d := range a.Drivers {
		name := d.Name
		if d.Critical {
			name = "★ " + name
		}
		t.Rows = append(t.Rows, []string{name, itoa(d.Bad) + " / " + itoa(d.Good), l.num(d.BadOutcome, 2), l.num(d.GoodOutcome, 2),
			l.Signed(d.Effect, 2) + " (" + l.num(d.Low, 2) + " – " + l.num(d.High, 2) + ")", l.num(d.CohensD, 2)})
	}
	return t
}

// failPoint names a fail point in the report's language: the course notes'
// errors in service and difficulties in attention.
func (l Lang) failPoint(f servicecycle.FailPoint) string {
	names := map[servicecycle.FailPoint][2]string{
		servicecycle.OnlySalesFriendly:   {"only sales staff are friendly", "solo los de ventas son amables"},
		servicecycle.PoorImageOrProtocol: {"poor image or protocol", "mala imagen y protocolo"},
		servicecycle.Indifference:        {"indifference", "indiferencia"},
		servicecycle.DeniedSolution:      {"solution denied", "negar soluciones"},
		servicecycle.DodgedQuestion:      {"question dodged", "evadir preguntas"},
		servicecycle.OfferedOnlyAsked:    {"offered only what was asked", "ofrecer solo lo solicitado"},
		servicecycle.ObsoleteTools:       {"obsolete tools", "herramientas obsoletas"},
		servicecycle.WaitNotAcknowledged: {"wait not acknowledged", "no mostrar que serán atendidos"},
		servicecycle.Unavailability:      {"unavailability", "falta de disponibilidad"},
		servicecycle.Automatism:          {"automatism", "automatismo"},
		servicecycle.Apathy:              {"apathy", "apatía"},
		servicecycle.Prejudice:           {"prejudice", "prejuicio"},
		servicecycle.BlamingCustomer:     {"blaming the customer", "culpabilizar al cliente"},
		servicecycle.Victimism:           {"victimism", "victimismo"},
	}
	if n, ok := names[f]; ok {
		return l.t(n[0], n[1])
	}
	return f.String()
}

// side names a side of the service triangle in the report's language.
func (l Lang) side(s servicecycle.Side) string {
	switch s {
	case servicecycle.Strategy:
		return l.t("Strategy", "Estrategia")
	case servicecycle.People:
		return l.t("People", "Gente")
	case servicecycle.Systems:
		return l.t("Systems", "Sistemas")
	}
	return s.String()
}

// perspective names who scored a side: customers, employees or an audit of
// the service context.
func (l Lang) perspective(p servicecycle.Perspective) string {
	switch p {
	case servicecycle.CustomerView:
		return l.t("customers", "clientes")
	case servicecycle.EmployeeView:
		return l.t("employees", "empleados")
	case servicecycle.ContextView:
		return l.t("context", "contexto")
	}
	return p.String()
}

// TriangleTable returns the assessment of the service triangle (triángulo
// del servicio): each side's mean score (1–5) overall and as customers,
// employees and the service context see it, whether the three agree
// (congruencia: no gap of a point or more), and the evidence; the weakest
// side is marked.
func TriangleTable(a servicecycle.TriangleAssessment, l Lang) Table {
	t := Table{Caption: l.t("Service triangle", "Triángulo del servicio"),
		Header: []string{l.t("Side", "Lado"), l.t("Mean", "Media"), l.t("Customers", "Clientes"), l.t("Employees", "Empleados"),
			l.t("Context", "Contexto"), l.t("Congruent", "Congruente"), l.t("Evidence", "Evidencia")},
		Numeric: []bool{false, true, true, true, true, false, false}}
	mean := func(v float64, n int) string {
		if n == 0 {
			return "–"
		}
		return l.num(v, 2)
	}
	for _, s := range a.Sides {
		if s.N == 0 {
			continue
		}
		name := l.side(s.Side)
		if s.Side == a.Weakest {
			name += l.t(" (weakest)", " (el más débil)")
		}
		c := s.Congruence
		cong := l.t("yes", "sí")
		if !c.Congruent {
			cong = l.t("no", "no")
			for _, g := range c.Gaps {
				cong += "; " + l.perspective(g.A) + " − " + l.perspective(g.B) + " " + l.Signed(g.Difference, 1)
			}
		}
		t.Rows = append(t.Rows, []string{name, l.num(s.Mean, 2), mean(c.Customer, c.CustomerN), mean(c.Employee, c.EmployeeN),
			mean(c.Context, c.ContextN), cong, strings.Join(s.Evidence, "; ")})
	}
	return t
}
