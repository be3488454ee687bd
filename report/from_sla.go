package report

import (
	"math"
	"strconv"
	"time"

	"github.com/servuction/servuction/sla"
)

// metric names an SLA metric in the report's language.
func (l Lang) metric(m sla.Metric) string {
	switch m {
	case sla.FirstResponse:
		return l.t("First response", "Primera respuesta")
	case sla.NextResponse:
		return l.t("Next response", "Siguiente respuesta")
	case sla.PeriodicUpdate:
		return l.t("Periodic update", "Actualización periódica")
	case sla.Resolution:
		return l.t("Resolution", "Resolución")
	case sla.Availability:
		return l.t("Availability", "Disponibilidad")
	}
	return m.String()
}

// priority names an SLA priority in the report's language.
func (l Lang) priority(p sla.Priority) string {
	switch p {
	case sla.Low:
		return l.t("low", "baja")
	case sla.Normal:
		return l.t("normal", "normal")
	case sla.High:
		return l.t("high", "alta")
	case sla.Urgent:
		return l.t("urgent", "urgente")
	}
	return p.String()
}

// objectiveLabel names an objective summary: its metric in the report's
// language, and its scope when the agreement named it ("resolution@acme").
func (l Lang) objectiveLabel(o sla.ObjectiveSummary) string {
	label := l.metric(o.Metric)
	if def := o.Metric.String(); o.Objective != "" && o.Objective != def {
		label = o.Objective
	}
	return label
}

// FromSLA returns the compliance chart of an SLA report
// ([sla.Report.Result]): one bar per time objective, in the agreement's
// order, with the share of decided tickets (met or breached) within target
// and the objective's threshold. An objective with no decided ticket is
// listed without a bar. Objectives named after their metric are labelled in
// l's words.
func FromSLA(r sla.ReportResult, l Lang) ComplianceChart {
	var c ComplianceChart
	for _, o := range r.Objectives {
		if o.Metric != sla.Availability {
			c.Bars = append(c.Bars, slaBar(o, l, ""))
		}
	}
	return c
}

// FromSLAByPriority returns one compliance chart for several reports of the
// same agreement, each over the tickets of one priority: a bar per objective
// and priority ("Resolution · high"), objectives first, priorities in the
// order given.
func FromSLAByPriority(byPriority map[sla.Priority]sla.ReportResult, order []sla.Priority, l Lang) ComplianceChart {
	var c ComplianceChart
	// Objectives in the agreement's order, as the reports list them (an
	// objective missing from one report is taken from the next).
	var names []string
	seen := map[string]bool{}
	for _, p := range order {
		for _, o := range byPriority[p].Objectives {
			if !seen[o.Objective] && o.Metric != sla.Availability {
				seen[o.Objective] = true
				names = append(names, o.Objective)
			}
		}
	}
	for _, name := range names {
		for _, p := range order {
			for _, o := range byPriority[p].Objectives {
				if o.Objective == name {
					c.Bars = append(c.Bars, slaBar(o, l, " · "+l.priority(p)))
				}
			}
		}
	}
	return c
}

// slaBar is an objective's bar; suffix follows its label.
func slaBar(o sla.ObjectiveSummary, l Lang, suffix string) ComplianceBar {
	pct := o.Compliance.Value
	if !o.Compliance.Valid {
		pct = math.NaN()
	}
	return ComplianceBar{Label: l.objectiveLabel(o) + suffix, Percent: pct, Threshold: o.Threshold, Met: int(o.Met), Total: int(o.Decided),
		Open: int(o.Running + o.OnHold + o.AtRisk)}
}

// SLATable returns an SLA report's figures per objective: tickets, met,
// breached, still open, compliance and threshold, the median and 90th
// percentile of the elapsed time of decided tickets, and the service credit
// (its currency in the column's header when every credit has the same one).
// An objective with no decided ticket says so in words instead of a
// compliance.
func SLATable(r sla.ReportResult, l Lang) Table {
	cur, one := "", true
	for i, o := range r.Objectives {
		if i == 0 {
			cur = o.Credit.Currency
		}
		one = one && o.Credit.Currency == cur
	}
	credit := l.t("Credit", "Crédito")
	if one && cur != "" {
		credit += " (" + cur + ")"
	}
	t := Table{Caption: l.t("SLA compliance", "Cumplimiento del ANS"),
		Header: []string{l.t("Objective", "Objetivo"), l.t("Tickets", "Tiquetes"), l.t("Met", "Cumplidos"), l.t("Breached", "Incumplidos"),
			l.t("Open", "Abiertos"), l.t("Compliance", "Cumplimiento"), l.t("Threshold", "Umbral"), "p50", "p90", credit},
		Numeric: []bool{false, true, true, true, true, true, true, true, true, true}}
	for _, o := range r.Objectives {
		if o.Metric == sla.Availability {
			continue
		}
		comp := l.t("no ticket decided yet", "ningún tiquete decidido aún")
		if o.Compliance.Valid {
			comp = l.pct(o.Compliance.Value, 1)
		}
		money := o.Credit
		if one {
			money.Currency = "" // in the header
		}
		open := o.Running + o.OnHold + o.AtRisk
		t.Rows = append(t.Rows, []string{l.objectiveLabel(o), i64(o.Tickets), i64(o.Met), i64(o.Breached), i64(open), comp,
			l.pct(o.Threshold, 1), l.duration(o.P50), l.duration(o.P90), l.Money(money)})
	}
	return t
}

func i64(v int64) string { return strconv.FormatInt(v, 10) }

// duration formats a business-time duration for a table: "45 min",
// "3 h 30 min"; "–" when there is none.
func (l Lang) duration(d time.Duration) string {
	if d <= 0 {
		return "–"
	}
	return l.Duration(d)
}

// FromAvailability returns the burn-down of an availability objective's error
// budget (disponibilidad horaria). window is [sla.Agreement.Availability] over
// the whole budget window; progress are results of the same objective from
// window.From to each instant to plot (To), in any order. The budget left at
// each instant is (window.Budget − downtime so far) / window.Budget. A window
// with no budget (a 100 % target or no service time) gives a chart with no
// points, drawn as "no data".
func FromAvailability(window sla.AvailabilityResult, progress []sla.AvailabilityResult, l Lang) BurnDownChart {
	name := window.Objective
	if name == sla.Availability.String() {
		name = l.metric(sla.Availability)
	}
	c := BurnDownChart{
		Objective: name + " · " + l.t("target ", "meta ") + l.pct(window.Target, 2) + " · " +
			l.t("budget ", "presupuesto ") + l.duration(window.Budget),
		Start: window.From, End: window.To,
	}
	if window.Budget <= 0 {
		return c
	}
	for _, p := range progress {
		if p.Objective != window.Objective || !p.From.Equal(window.From) {
			continue
		}
		c.Points = append(c.Points, BudgetPoint{At: p.To, Remaining: 1 - float64(p.Downtime)/float64(window.Budget)})
	}
	return c
}

// AlertsAt is the state of an availability objective's burn-rate alerts at
// one instant ([sla.Agreement.Alerts]).
type AlertsAt struct {
	At     time.Time
	Alerts []sla.Alert
}

// AlertTable returns burn-rate alerts checked at several instants: one row
// per instant and rule, with the burn rates over the rule's long and short
// windows and whether the alert fires (page: someone acts now; ticket:
// within working hours). Instants are shown in their own location.
func AlertTable(checks []AlertsAt, l Lang) Table {
	t := Table{Caption: l.t("Error-budget burn-rate alerts", "Alertas por tasa de consumo del presupuesto de error"),
		Header: []string{l.t("Instant", "Instante"), l.t("Alert", "Alerta"), l.t("Windows", "Ventanas"), l.t("Burn needed", "Tasa requerida"),
			l.t("Long burn", "Tasa larga"), l.t("Short burn", "Tasa corta"), l.t("Fires", "Se dispara")},
		Numeric: []bool{false, false, false, true, true, true, false}}
	for _, c := range checks {
		for _, a := range c.Alerts {
			sev := l.t("ticket", "tiquete")
			if a.Rule.Severity == sla.Page {
				sev = l.t("page", "aviso inmediato")
			}
			fires := l.t("no", "no")
			if a.Firing {
				fires = l.t("YES", "SÍ")
			}
			t.Rows = append(t.Rows, []string{c.At.Format("2006-01-02 15:04"), sev, l.Elapsed(a.Rule.Long) + " / " + l.Elapsed(a.Rule.Short),
				l.num(a.Rule.Burn(), 1) + "×", l.num(a.LongBurn, 1) + "×", l.num(a.ShortBurn, 1) + "×", fires})
		}
	}
	return t
}
