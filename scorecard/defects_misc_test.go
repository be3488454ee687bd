package scorecard

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Defect 2: the data-mean crosshair of three attributes scored 3.2 is
// 3.2000000000000006; the attributes sit on it and count as high.
func TestIPACrosshairTolerance(t *testing.T) {
	pts := []IPAInput{{"a", 3.2, 3.2}, {"b", 3.2, 3.2}, {"c", 3.2, 3.2}}
	res, err := ImportancePerformance(pts, IPAConfig{Crosshair: DataMean, ImportanceScale: Likert5, PerformanceScale: Likert5})
	require.NoError(t, err)
	for _, p := range res.Points {
		assert.Equal(t, KeepUpTheGoodWork, p.Quadrant, "%s: cuts %v %v", p.Name, res.ImportanceCut, res.PerformanceCut)
	}
	// Five equal weights of 0.19999999999999998 sit on the 1/5 cut.
	w := 0.19999999999999998
	attrs := []Attribute{{"a", w}, {"b", w}, {"c", w}, {"d", w}, {"e", w}}
	rc, err := NewReportCard(Likert5, attrs, Provider{Name: "us", Scores: []float64{4, 4, 4, 4, 4}})
	require.NoError(t, err)
	r, err := rc.IPA(ScaleMidpoint)
	require.NoError(t, err)
	for _, p := range r.Points {
		assert.Equal(t, KeepUpTheGoodWork, p.Quadrant, p.Name)
	}
	// A value clearly below the cut stays low.
	res, err = ImportancePerformance([]IPAInput{{"x", 2.999, 2.999}}, IPAConfig{ImportanceScale: Likert5, PerformanceScale: Likert5})
	require.NoError(t, err)
	assert.Equal(t, LowPriority, res.Points[0].Quadrant)
}

// Defect 3: zero values never panic.
func TestZeroValuesDoNotPanic(t *testing.T) {
	calls := map[string]func(){
		"ReportCard.IPA": func() { var rc ReportCard; _, err := rc.IPA(DataMean); assert.Error(t, err) },
		"ReportCard.CompetitiveIPA": func() {
			var rc ReportCard
			_, err := rc.CompetitiveIPA(1)
			assert.Error(t, err)
		},
		"ReportCard.Result":    func() { var rc ReportCard; _ = rc.Result() },
		"ReportCard.Marshal":   func() { var rc ReportCard; _, _ = rc.MarshalJSON() },
		"CardSurvey.Card":      func() { var cs CardSurvey; _, err := cs.Card(); assert.Error(t, err) },
		"CardSurvey.IPA":       func() { var cs CardSurvey; _, err := cs.IPA(DataMean); assert.Error(t, err) },
		"CardSurvey.Add":       func() { var cs CardSurvey; assert.Error(t, cs.Add(CardResponse{Importance: Ratings(3)})) },
		"CardSurvey.Merge":     func() { var cs, o CardSurvey; _ = cs.Merge(&o) },
		"CardSurvey.Marshal":   func() { var cs CardSurvey; _, _ = cs.MarshalJSON() },
		"Instrument.Item":      func() { var in Instrument; _ = in.Item(0) },
		"Instrument.Marshal":   func() { var in Instrument; _, _ = in.MarshalJSON() },
		"Servqual(empty).Add":  func() { s := NewServqual(&Instrument{}); _ = s.Add(ServqualResponse{}); _ = s.Result() },
		"Form.Score":           func() { var f Form; _, _ = f.Score(nil) },
		"Form.MarksByName":     func() { var f Form; _, _ = f.MarksByName(map[string]Mark{"x": Pass}) },
		"MysteryShop.Result":   func() { var m MysteryShop; _ = m.Result() },
		"MysteryShop.Marshal":  func() { var m MysteryShop; _, _ = m.MarshalJSON() },
		"MysteryShop.Add":      func() { var m MysteryShop; _ = m.Add(Evaluation{}) },
		"Alpha.Result":         func() { var a Alpha; _, _ = a.Result() },
		"Drivers.Result":       func() { var d Drivers; _, _ = d.Result() },
		"IPAResult.Chart":      func() { var r IPAResult; _ = r.Chart(0, 0) },
		"Reliability.Warnings": func() { var r Reliability; _ = r.Warnings() },
	}
	for name, f := range calls {
		t.Run(name, func(t *testing.T) {
			assert.NotPanics(t, f)
		})
	}
}

// Defect 4: a NaN standard error (a hand-built NPSResult) is an error, not a
// NaN difference with a nil error.
func TestCompareNPSNaNStdErr(t *testing.T) {
	a := NPSResult{Score: 10, N: 50, StdErr: math.NaN()}
	b := NPSResult{Score: 20, N: 50, StdErr: 5}
	_, err := CompareNPS(a, b)
	assert.ErrorIs(t, err, ErrInvalidValue)
	_, err = CompareNPS(b, a)
	assert.ErrorIs(t, err, ErrInvalidValue)
}

// Defect 4: all promoters against all detractors is the most obvious
// difference there is; the adjusted-Wald standard error makes it testable.
func TestCompareNPSUnanimousSamples(t *testing.T) {
	all := npsOf(t, 10, 9, 10, 9, 10, 10, 9, 10, 9, 10).Result()
	none := npsOf(t, 0, 1, 2, 3, 4, 5, 6, 0, 1, 2).Result()
	c, err := CompareNPS(all, none)
	require.NoError(t, err)
	assert.Equal(t, 200.0, c.Difference)
	assert.True(t, c.Significant)
	assert.Less(t, c.PValue, 1e-6)
}

// Defect 4: NewCSAT must reject a 0..1 scale: top-2-box would count every answer.
func TestNewCSATRejectsTwoPointScale(t *testing.T) {
	_, err := NewCSAT(Scale{Min: 0, Max: 1})
	assert.ErrorIs(t, err, ErrInvalidScale)
	_, err = NewCSAT(Scale{Min: 1, Max: 3})
	assert.NoError(t, err)
}
