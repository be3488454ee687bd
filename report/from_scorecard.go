package report

import (
	"github.com/servuction/servuction/scorecard"
)

// dimension names a SERVQUAL dimension in the report's language.
func (l Lang) dimension(d scorecard.Dimension) string {
	switch d {
	case scorecard.DimTangibles:
		return l.t("Tangibles", "Elementos tangibles")
	case scorecard.DimReliability:
		return l.t("Reliability", "Fiabilidad")
	case scorecard.DimResponsiveness:
		return l.t("Responsiveness", "Capacidad de respuesta")
	case scorecard.DimAssurance:
		return l.t("Assurance", "Seguridad")
	case scorecard.DimEmpathy:
		return l.t("Empathy", "Empatía")
	}
	return d.String()
}

// FromServqual returns the gap chart of a scored SERVQUAL survey
// ([scorecard.Servqual.Result]): one bar per dimension, in the instrument's
// order, and the unweighted overall gap last. A dimension nobody answered
// has a NaN gap and is listed without a bar.
func FromServqual(r scorecard.ServqualResult, l Lang) GapChart {
	var c GapChart
	for _, d := range r.Dimensions {
		c.Bars = append(c.Bars, GapBar{Label: l.dimension(d.Dimension), Gap: d.Gap, Expectation: d.Expectation, Perception: d.Perception})
	}
	if r.Respondents > 0 {
		c.Bars = append(c.Bars, GapBar{Label: l.t("Overall (unweighted)", "Global (sin ponderar)"), Gap: r.Gap, Expectation: r.Expectation, Perception: r.Perception})
	}
	return c
}

// FromIPA returns the importance–performance matrix of a classified grid
// ([scorecard.ImportancePerformance] or [scorecard.CompetitiveIPA]) with the
// grid's crosshair. importance and performance are the rating scales the
// axes span; a competitive grid's performance axis (our score minus the
// competitor's) spans the data instead.
func FromIPA(r scorecard.IPAResult, importance, performance scorecard.Scale, l Lang) IPAChart {
	c := IPAChart{
		CrossImportance: r.ImportanceCut, CrossPerformance: r.PerformanceCut,
		ImpMin: float64(importance.Min), ImpMax: float64(importance.Max),
		PerfMin: float64(performance.Min), PerfMax: float64(performance.Max),
	}
	if r.Competitive {
		c.PerfMin, c.PerfMax = 0, 0
		c.PerformanceLabel = l.t("Performance: us minus competitor", "Desempeño: nosotros menos el competidor")
	}
	for _, p := range r.Points {
		c.Points = append(c.Points, IPAPoint{Label: p.Name, Importance: p.Importance, Performance: p.Performance})
	}
	return c
}

// NPSFigure returns a Net Promoter Score as a key figure: the score with its
// 95 % margin of error and the number of answers, good when positive.
func NPSFigure(r scorecard.NPSResult, l Lang) Figure {
	f := Figure{Label: "NPS", Value: l.Signed(r.Score, 0)}
	if r.N == 0 {
		f.Value, f.Note = "–", l.t("no answers", "sin respuestas")
		return f
	}
	f.Note = "± " + l.num(r.MarginOfError, 1) + " (n = " + itoa(r.N) + ")"
	switch {
	case r.Score > 0:
		f.Status = Good
	case r.Score < 0:
		f.Status = Bad
	}
	return f
}
