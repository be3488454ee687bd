package main

import (
	"fmt"
	"math"
	"os"
	"strings"

	"github.com/servuction/servuction/report"
	"github.com/servuction/servuction/scorecard"
)

// loadSurvey reads SERVQUAL answers from a CSV file with the default
// instrument's columns (E1…E22 expectations, P1…P22 perceptions, 1–7).
func loadSurvey(path string) ([]scorecard.ServqualResponse, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("-survey: %w", err)
	}
	defer f.Close()
	rs, err := scorecard.ReadServqualCSV(f, scorecard.DefaultServqual(), scorecard.CSVOptions{})
	if err != nil {
		return nil, fmt.Errorf("-survey %s: %w: %w", path, err, errBadInput)
	}
	return rs, nil
}

// sampleSurvey simulates the sample month's 240 respondents, with their
// likelihood to recommend (0–10).
func sampleSurvey() ([]scorecard.ServqualResponse, []int) {
	var rs []scorecard.ServqualResponse
	var rec []int
	for _, s := range simulateSurveys(240) {
		rs = append(rs, scorecard.ServqualResponse{
			Expectations: scorecard.Ratings(s.Expect[:]...),
			Perceptions:  scorecard.Ratings(s.Perceive[:]...),
			Phase:        scorecard.After, // evaluación después de la transacción
			Source:       scorecard.SurveySource,
		})
		rec = append(rec, s.Recommend)
	}
	return rs, rec
}

// surveyPart scores the customers' surveys: SERVQUAL gaps between what they
// expect and what they perceive (brechas), the reliability of the
// perception scale (Cronbach's alpha), the Net Promoter Score, and the
// report card's importance–performance matrix (libreta de calificaciones
// del cliente).
func surveyPart(o options, in *inputs) (report.Section, []string, error) {
	l := o.lang
	responses, recommend := in.survey, in.recommend
	sq := scorecard.NewServqual(scorecard.DefaultServqual())
	// Alpha of the perceptions, listwise: a respondent with a blank or N/A
	// perception is left out (never scored as 0).
	alpha, err := scorecard.NewAlpha(22, scorecard.Listwise)
	if err != nil {
		return report.Section{}, nil, err
	}
	for i, r := range responses {
		if err := sq.Add(r); err != nil {
			return report.Section{}, nil, fmt.Errorf("survey respondent %d: %w", i+1, err)
		}
		row := make([]float64, len(r.Perceptions))
		for j, a := range r.Perceptions {
			row[j] = math.NaN() // blank or N/A: missing, dropped listwise
			if v, ok := a.Rating(); ok {
				row[j] = float64(v)
			}
		}
		if err := alpha.Add(row); err != nil {
			return report.Section{}, nil, fmt.Errorf("survey respondent %d: %w", i+1, err)
		}
	}
	res := sq.Result()
	var nps scorecard.NPS
	for _, s := range recommend {
		if err := nps.Add(s); err != nil {
			return report.Section{}, nil, err
		}
	}
	npsRes := nps.Result()

	figs := report.Figures{
		{Label: tr(l, "Respondents", "Encuestados"), Value: fmt.Sprint(res.Respondents)},
		{Label: tr(l, "SERVQUAL gap", "Brecha SERVQUAL"), Value: l.Signed(res.Gap, 2), Note: tr(l, "perception − expectation, 1–7", "percepción − expectativa, 1–7"), Status: statusOf(res.Gap >= 0)},
	}
	lines := []string{fmt.Sprintf("%s: %d, %s %s", tr(l, "Survey respondents", "Encuestados"), res.Respondents, tr(l, "SERVQUAL gap", "brecha SERVQUAL"), l.Signed(res.Gap, 2))}
	gaps := report.FromServqual(res, l)
	if len(gaps.Bars) > 0 {
		worst := gaps.Bars[0]
		for _, b := range gaps.Bars[:len(gaps.Bars)-1] { // the last bar is the overall gap
			if b.Gap < worst.Gap {
				worst = b
			}
		}
		lines = append(lines, fmt.Sprintf("  %s: %s (%s)", tr(l, "widest gap", "mayor brecha"), worst.Label, l.Signed(worst.Gap, 2)))
	}
	if rel, err := alpha.Result(); err == nil {
		figs = append(figs, report.Figure{Label: tr(l, "Cronbach's alpha", "Alfa de Cronbach"), Value: l.Number(rel.Alpha, 2),
			Note:   fmt.Sprintf(tr(l, "perceptions, 22 items, %d complete answers", "percepciones, 22 ítems, %d respuestas completas"), rel.N),
			Status: statusOf(rel.Alpha >= 0.7)})
	}
	if npsRes.N > 0 {
		figs = append(figs, report.NPSFigure(npsRes, l))
		lines = append(lines, fmt.Sprintf("  NPS %s ± %s (n = %d)", l.Signed(npsRes.Score, 0), l.Number(npsRes.MarginOfError, 1), npsRes.N))
	}
	sec := report.Section{
		Title: tr(l, "Customer surveys (SERVQUAL, NPS, report card)", "Encuestas a clientes (SERVQUAL, NPS, libreta de calificaciones)"),
		Intro: tr(l, "SERVQUAL's 22 items asked after the call on a 1–7 scale, expectations against perceptions; the recommendation question on 0–10; and the report card, where customers rated how important each attribute is and how well we do (1–5).",
			"Los 22 ítems de SERVQUAL preguntados después de la llamada en escala 1–7, expectativas frente a percepciones; la pregunta de recomendación en 0–10; y la libreta de calificaciones, donde los clientes calificaron la importancia de cada atributo y nuestro desempeño (1–5)."),
		Blocks: []report.Block{figs, gaps},
	}
	if in.user {
		sec.Title = tr(l, "Customer survey (SERVQUAL)", "Encuesta a clientes (SERVQUAL)")
		sec.Intro = tr(l, "SERVQUAL's 22 items from your file on a 1–7 scale, expectations against perceptions.",
			"Los 22 ítems de SERVQUAL de su archivo en escala 1–7, expectativas frente a percepciones.")
		return sec, lines, nil
	}
	ipa, concentrate, err := reportCard(l)
	if err != nil {
		return report.Section{}, nil, err
	}
	if len(concentrate) > 0 {
		lines = append(lines, fmt.Sprintf("  %s: %s", tr(l, "concentrate here", "concentrarse aquí"), strings.Join(concentrate, ", ")))
	}
	sec.Blocks = append(sec.Blocks, ipa)
	return sec, lines, nil
}

// reportCard is the sample's report card: the mean importance and
// performance of each attribute on an importance–performance matrix, and
// the attributes to concentrate on.
func reportCard(l report.Lang) (report.IPAChart, []string, error) {
	var points []scorecard.IPAInput
	for _, a := range simulateAttributeRatings(150) {
		points = append(points, scorecard.IPAInput{Name: tr(l, a.Attribute.Name[0], a.Attribute.Name[1]), Importance: mean(a.Importance), Performance: mean(a.Performance)})
	}
	grid, err := scorecard.ImportancePerformance(points, scorecard.IPAConfig{
		Crosshair: scorecard.ScaleMidpoint, ImportanceScale: scorecard.Likert5, PerformanceScale: scorecard.Likert5})
	if err != nil {
		return report.IPAChart{}, nil, err
	}
	return report.FromIPA(grid, scorecard.Likert5, scorecard.Likert5, l), grid.Quadrants()[scorecard.ConcentrateHere], nil
}

// statusOf colours a figure good or bad.
func statusOf(good bool) report.Status {
	if good {
		return report.Good
	}
	return report.Bad
}

// mean is the arithmetic mean of ratings.
func mean(vs []int) float64 {
	s := 0
	for _, v := range vs {
		s += v
	}
	return float64(s) / float64(len(vs))
}
