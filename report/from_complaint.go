package report

import (
	"strings"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/complaint"
)

// cause names a root cause in the report's language: the course notes'
// reasons a customer is lost, or a product or process cause.
func (l Lang) cause(c complaint.Cause) string {
	switch c {
	case complaint.Indifference:
		return l.t("Indifference", "Indiferencia")
	case complaint.Negligence:
		return l.t("Negligence", "Negligencia")
	case complaint.Abuse:
		return l.t("Abuse", "Abuso")
	case complaint.Forgetfulness:
		return l.t("Forgetfulness", "Olvidos")
	case complaint.LackOfTechnicalSkill:
		return l.t("Lack of technical preparation", "Falta de preparación técnica")
	case complaint.ProductCause:
		return l.t("Product defect", "Defecto del producto")
	case complaint.ProcessCause:
		return l.t("Process failure", "Falla del proceso")
	case complaint.CauseUnknown:
		return l.t("Not recorded", "Sin registrar")
	}
	return c.String()
}

// CausePareto returns the Pareto chart of a cost report's causes by number
// of cases (the vital few causes of complaints).
func CausePareto(r complaint.CostReport, l Lang) ParetoChart {
	c := ParetoChart{Title: l.t("Complaint causes by cases (Pareto)", "Causas de las quejas por casos (Pareto)"), Unit: l.t("cases", "casos")}
	for _, p := range r.Pareto {
		c.Bars = append(c.Bars, ParetoBar{Label: l.cause(p.Cause), Value: float64(p.Cases)})
	}
	return c
}

// CostPareto returns the Pareto chart of a cost report's causes by the total
// cost of bad service (direct plus indirect), in the report's currency.
func CostPareto(r complaint.CostReport, l Lang) ParetoChart {
	c := ParetoChart{Title: l.t("Cost of bad service by cause (Pareto)", "Costo del mal servicio por causa (Pareto)"), Unit: r.Total.Currency}
	for _, p := range r.Pareto {
		c.Bars = append(c.Bars, ParetoBar{Label: l.cause(p.Cause), Value: p.Total.Amount.InexactFloat64()})
	}
	return c
}

// CostTable returns the cost of bad service of a period per cause: cases,
// customers lost, direct and indirect cost, total, and the share of the
// total, with a final row of totals.
func CostTable(r complaint.CostReport, l Lang) Table {
	cur := ""
	if r.Total.Currency != "" {
		cur = " (" + r.Total.Currency + ")"
	}
	t := Table{Caption: l.t("Cost of bad service", "Costos del mal servicio"),
		Header: []string{l.t("Cause", "Causa"), l.t("Cases", "Casos"), l.t("Customers lost", "Clientes perdidos"),
			l.t("Direct", "Directo") + cur, l.t("Indirect", "Indirecto") + cur, l.t("Total", "Total") + cur, l.t("Share", "Participación")},
		Numeric: []bool{false, true, true, true, true, true, true}}
	amount := func(m servuction.Money) string { return l.Money(servuction.Money{Amount: m.Amount}) }
	for _, p := range r.Pareto {
		t.Rows = append(t.Rows, []string{l.cause(p.Cause), itoa(p.Cases), itoa(p.Lost), amount(p.Direct), amount(p.Indirect), amount(p.Total), l.pct(100*p.Share, 1)})
	}
	if len(r.Pareto) > 0 {
		t.Rows = append(t.Rows, []string{l.t("All causes", "Todas las causas"), itoa(r.Cases), itoa(r.Lost), amount(r.Direct), amount(r.Indirect), amount(r.Total), l.pct(100, 1)})
	}
	return t
}

// function names a function of the customer-service department in the
// report's language.
func (l Lang) function(f complaint.Function) string {
	names := map[complaint.Function][2]string{
		complaint.Incidents:                 {"Incidents", "Atención de incidencias"},
		complaint.Complaints:                {"Complaints", "Quejas"},
		complaint.SuggestionsAndCompliments: {"Suggestions and compliments", "Sugerencias y felicitaciones"},
		complaint.Claims:                    {"Claims", "Reclamaciones"},
		complaint.AfterSales:                {"After-sales", "Seguimiento postventa"},
		complaint.Information:               {"Information", "Información"},
	}
	if n, ok := names[f]; ok {
		return l.t(n[0], n[1])
	}
	return f.String()
}

// FunctionBars returns the volume of cases per function of the
// customer-service department ([complaint.Volume.Result]), in the course
// notes' order.
func FunctionBars(vols []complaint.FunctionVolume, l Lang) BarChart {
	c := BarChart{Title: l.t("Cases by function of the department", "Casos por función del departamento"), Unit: l.t("cases", "casos")}
	for _, v := range vols {
		c.Bars = append(c.Bars, Bar{Label: l.function(v.Function), Value: float64(v.Cases)})
	}
	return c
}

// ReviewedReply is one e-mail reply and its review on the five Ps
// ([complaint.Reviewer.Review]).
type ReviewedReply struct {
	Name   string // e.g. the case id
	Review complaint.Review
}

// fiveP names one of the five Ps of an e-mail reply.
func (l Lang) fiveP(p complaint.FiveP) string {
	switch p {
	case complaint.Prompt:
		return l.t("Prompt", "Rapidez")
	case complaint.Polite:
		return l.t("Polite", "Cortesía")
	case complaint.Personal:
		return l.t("Personal", "Personal")
	case complaint.Professional:
		return l.t("Professional", "Profesional")
	case complaint.Promotional:
		return l.t("Promotional", "Promocional")
	}
	return p.String()
}

// reasons returns the reasons behind a P's score in the report's language:
// its findings written in l, or its Reasons as given when it has no
// findings (a score filled by hand).
func (l Lang) reasons(s complaint.PScore) []string {
	if len(s.Findings) == 0 {
		return s.Reasons
	}
	lang := complaint.English
	if l == Spanish {
		lang = complaint.Spanish
	}
	out := make([]string, len(s.Findings))
	for i, f := range s.Findings {
		out[i] = f.Text(lang)
	}
	return out
}

// ReviewTable returns e-mail replies scored on the five Ps (prompt, polite,
// personal, professional, promotional), each from 0 to 100 %, with their
// mean and the reasons behind the lowest score, in the report's language.
func ReviewTable(replies []ReviewedReply, l Lang) Table {
	ps := complaint.FivePs()
	t := Table{Caption: l.t("E-mail replies on the five Ps", "Respuestas por correo según las 5 P"),
		Header: []string{l.t("Reply", "Respuesta")}, Numeric: []bool{false}}
	for _, p := range ps {
		t.Header = append(t.Header, l.fiveP(p))
		t.Numeric = append(t.Numeric, true)
	}
	t.Header = append(t.Header, l.t("Mean", "Media"), l.t("To improve", "Por mejorar"))
	t.Numeric = append(t.Numeric, true, false)
	for _, r := range replies {
		row := []string{r.Name}
		var worst *complaint.PScore
		for _, p := range ps {
			cell := "–"
			for i := range r.Review.Scores {
				sc := &r.Review.Scores[i]
				if sc.P == p {
					cell = l.pct(100*sc.Score, 0)
					if worst == nil || sc.Score < worst.Score {
						worst = sc
					}
				}
			}
			row = append(row, cell)
		}
		why := ""
		if worst != nil && worst.Score < 1 {
			why = l.fiveP(worst.P) + ": " + strings.Join(l.reasons(*worst), "; ")
		}
		row = append(row, l.pct(100*r.Review.Total, 0), why)
		t.Rows = append(t.Rows, row)
	}
	return t
}
