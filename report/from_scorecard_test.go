package report

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/servuction/servuction/scorecard"
)

func TestFromServqual(t *testing.T) {
	r := scorecard.ServqualResult{Respondents: 2,
		Dimensions: []scorecard.DimensionScore{
			{Dimension: scorecard.DimTangibles, Expectation: 6.25, Perception: 5.5, Gap: -0.75},
			{Dimension: scorecard.DimReliability, Expectation: math.NaN(), Perception: math.NaN(), Gap: math.NaN()},
		},
		Expectation: 6.25, Perception: 5.5, Gap: -0.75}
	c := FromServqual(r, Spanish)
	require.Len(t, c.Bars, 3)
	assert.Equal(t, GapBar{Label: "Elementos tangibles", Gap: -0.75, Expectation: 6.25, Perception: 5.5}, c.Bars[0])
	assert.Equal(t, "Fiabilidad", c.Bars[1].Label)
	assert.True(t, math.IsNaN(c.Bars[1].Gap), "a dimension nobody answered stays missing")
	assert.Equal(t, "Global (sin ponderar)", c.Bars[2].Label)
	info := checkSVG(t, c.SVG(Spanish))
	assert.Contains(t, info.texts, "sin valor")
	assert.Empty(t, FromServqual(scorecard.ServqualResult{}, English).Bars, "no respondents, no overall bar")
}

func TestFromIPAAgreesWithScorecard(t *testing.T) {
	pts := []scorecard.IPAInput{
		{Name: "speed", Importance: 4.6, Performance: 2.1},
		{Name: "courtesy", Importance: 4, Performance: 4.5},
		{Name: "music", Importance: 1.5, Performance: 2},
		{Name: "e-mails", Importance: 2, Performance: 4},
		{Name: "on the crosshair", Importance: 3, Performance: 3},
	}
	g, err := scorecard.ImportancePerformance(pts, scorecard.IPAConfig{Crosshair: scorecard.ScaleMidpoint,
		ImportanceScale: scorecard.Likert5, PerformanceScale: scorecard.Likert5})
	require.NoError(t, err)
	c := FromIPA(g, scorecard.Likert5, scorecard.Likert5, English)
	assert.Equal(t, 3.0, c.CrossImportance, "midpoint of 1–5")
	assert.Equal(t, 3.0, c.CrossPerformance)
	assert.Equal(t, [4]float64{1, 5, 1, 5}, [4]float64{c.ImpMin, c.ImpMax, c.PerfMin, c.PerfMax})
	names := map[scorecard.Quadrant]string{scorecard.ConcentrateHere: "Concentrate here", scorecard.KeepUpTheGoodWork: "Keep up the good work",
		scorecard.LowPriority: "Low priority", scorecard.PossibleOverkill: "Possible overkill"}
	rows := c.Table(English).Rows
	require.Len(t, rows, len(g.Points))
	for i, p := range g.Points {
		assert.Equal(t, names[p.Quadrant], rows[i][4], "%s: the chart's quadrant is scorecard's", p.Name)
	}

	comp, err := scorecard.CompetitiveIPA([]scorecard.CompetitiveInput{{Name: "speed", Importance: 4, Ours: 3, Theirs: 4}},
		scorecard.IPAConfig{ImportanceScale: scorecard.Likert5, PerformanceScale: scorecard.Likert5})
	require.NoError(t, err)
	cc := FromIPA(comp, scorecard.Likert5, scorecard.Likert5, Spanish)
	assert.Zero(t, cc.PerfMax, "the difference axis spans the data")
	assert.Equal(t, "Desempeño: nosotros menos el competidor", cc.PerformanceLabel)
	checkSVG(t, cc.SVG(Spanish))
}

func TestNPSFigure(t *testing.T) {
	f := NPSFigure(scorecard.NPSResult{Score: 32, N: 240, MarginOfError: 9.46}, Spanish)
	assert.Equal(t, Figure{Label: "NPS", Value: "+32", Note: "± 9,5 (n = 240)", Status: Good}, f)
	assert.Equal(t, Bad, NPSFigure(scorecard.NPSResult{Score: -5, N: 10}, English).Status)
	assert.Equal(t, "–", NPSFigure(scorecard.NPSResult{Score: math.NaN()}, English).Value)
}
