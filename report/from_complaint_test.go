package report

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/complaint"
)

func TestComplaintAdapters(t *testing.T) {
	cop := servuction.MustParseMoney
	r := complaint.CostReport{Cases: 5, Lost: 1,
		Direct: cop("90000 COP"), Indirect: cop("1200000 COP"), Total: cop("1290000 COP"),
		Pareto: []complaint.CauseCost{
			{Cause: complaint.Indifference, Cases: 3, Lost: 1, Direct: cop("60000 COP"), Indirect: cop("1200000 COP"), Total: cop("1260000 COP"), Share: 1260000.0 / 1290000, Cumulative: 1260000.0 / 1290000},
			{Cause: complaint.CauseUnknown, Cases: 2, Direct: cop("30000 COP"), Indirect: cop("0 COP"), Total: cop("30000 COP"), Share: 30000.0 / 1290000, Cumulative: 1},
		}}
	cases := CausePareto(r, Spanish)
	assert.Equal(t, []ParetoBar{{"Indiferencia", 3}, {"Sin registrar", 2}}, cases.Bars)
	assert.Equal(t, "casos", cases.Unit)
	cost := CostPareto(r, English)
	assert.Equal(t, []ParetoBar{{"Indifference", 1260000}, {"Not recorded", 30000}}, cost.Bars)
	assert.Equal(t, "COP", cost.Unit)
	checkSVG(t, cost.SVG(English))

	tab := CostTable(r, English)
	assert.Equal(t, "Direct (COP)", tab.Header[3])
	require.Len(t, tab.Rows, 3)
	// 1,260,000 / 1,290,000 = 97.67 % → "97.7 %"; 30,000 / 1,290,000 = 2.3 %.
	assert.Equal(t, []string{"Indifference", "3", "1", "60,000", "1,200,000", "1,260,000", "97.7 %"}, tab.Rows[0])
	assert.Equal(t, "2.3 %", tab.Rows[1][6])
	assert.Equal(t, []string{"All causes", "5", "1", "90,000", "1,200,000", "1,290,000", "100.0 %"}, tab.Rows[2])
	assert.Empty(t, CostTable(complaint.CostReport{}, English).Rows)
}

func TestFunctionBars(t *testing.T) {
	vols := []complaint.FunctionVolume{{Function: complaint.Complaints, Cases: 5, Share: 0.5}, {Function: complaint.Claims, Cases: 5, Share: 0.5}}
	c := FunctionBars(vols, Spanish)
	assert.Equal(t, []Bar{{Label: "Quejas", Value: 5}, {Label: "Reclamaciones", Value: 5}}, c.Bars)
	for _, f := range complaint.Functions() {
		assert.NotEqual(t, f.String(), Spanish.function(f), "%v has a Spanish name", f)
	}
}

func TestReviewTable(t *testing.T) {
	rv := complaint.Review{Total: 0.7, Scores: []complaint.PScore{
		{P: complaint.Prompt, Score: 1}, {P: complaint.Polite, Score: 0.5, Reasons: []string{"no greeting"}},
		{P: complaint.Personal, Score: 1}, {P: complaint.Professional, Score: 0.25, Reasons: []string{"slang: ok", "too short"}},
		{P: complaint.Promotional, Score: 0.75},
	}}
	tab := ReviewTable([]ReviewedReply{{Name: "Q-1", Review: rv}}, English)
	assert.Equal(t, []string{"Reply", "Prompt", "Polite", "Personal", "Professional", "Promotional", "Mean", "To improve"}, tab.Header)
	assert.Equal(t, [][]string{{"Q-1", "100 %", "50 %", "100 %", "25 %", "75 %", "70 %", "Professional: slang: ok; too short"}}, tab.Rows)

	// A review's findings are written in the report's language.
	r, err := complaint.NewReviewer(complaint.ReviewConfig{})
	require.NoError(t, err)
	t0 := time.Date(2026, 3, 17, 8, 0, 0, 0, time.UTC)
	late, err := r.Review(complaint.Reply{Language: complaint.Spanish, Customer: "Ana Ruiz", Received: t0, Sent: t0.Add(56 * time.Hour), Target: 4 * time.Hour,
		Text: "Estimada Ana Ruiz: le pedimos perdón por la demora. Revisamos su reclamo y lo repararemos sin costo; un técnico la llamará esta semana. Atentamente, Servicio al cliente."})
	require.NoError(t, err)
	rows := ReviewTable([]ReviewedReply{{Name: "PQR-347", Review: late}}, Spanish).Rows
	assert.Equal(t, "Rapidez: respondido en 2 d 8 h, más del doble de la meta de 4 h", rows[0][7])
	rows = ReviewTable([]ReviewedReply{{Name: "PQR-347", Review: late}}, English).Rows
	assert.Equal(t, "Prompt: answered in 2 d 8 h, more than twice the 4 h target", rows[0][7])
}
