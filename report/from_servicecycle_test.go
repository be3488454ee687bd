package report

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/servuction/servuction/servicecycle"
)

func TestJourneyAdapters(t *testing.T) {
	cyc := servicecycle.MustCycle(servicecycle.CycleConfig{Name: "call", Moments: []servicecycle.Moment{
		{ID: "welcome", Name: "Welcome"},
		{ID: "wait", Name: "Wait", Critical: true, Standards: servicecycle.Standards{MinRating: 3}},
		{ID: "follow", Name: "Follow-up", Optional: true},
		{ID: "bye", Name: "Farewell"},
	}})
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	at := func(m int) time.Time { return t0.Add(time.Duration(m) * time.Minute) }
	log := []servicecycle.Encounter{
		{Case: "a", Moment: "welcome", At: at(0), Rating: 4}, {Case: "a", Moment: "wait", At: at(1), Rating: 2},
		{Case: "a", Moment: "bye", At: at(5), Rating: 3},
		{Case: "b", Moment: "welcome", At: at(0), Rating: 5}, {Case: "b", Moment: "wait", At: at(1), Rating: 4},
		{Case: "b", Moment: "follow", At: at(9)}, {Case: "b", Moment: "bye", At: at(10), Rating: 5},
		{Case: "c", Moment: "welcome", At: at(0), Rating: 3},
	}
	a, err := servicecycle.Analyze(cyc, log)
	require.NoError(t, err)

	s := FromJourney(a, cyc, English)
	require.Len(t, s.Moments, 4)
	// Welcome rated 4, 5, 3: mean 4; wait rated 2 and 4: mean 3, standard 3.
	assert.Equal(t, "Welcome", s.Moments[0].Label)
	assert.InDelta(t, 4, s.Moments[0].Mean, 1e-9)
	assert.Equal(t, 3, s.Moments[0].N)
	assert.InDelta(t, 3, s.Moments[1].Mean, 1e-9)
	assert.True(t, s.Moments[1].Critical)
	assert.Equal(t, 3.0, s.Moments[1].Standard)
	assert.True(t, math.IsNaN(s.Moments[2].Mean), "the follow-up was not rated")
	checkSVG(t, s.SVG(English))

	f := FromReach(a, cyc, Spanish)
	// Journeys reaching each moment: 3, 2, 1 (optional), 2.
	assert.Equal(t, []FunnelStage{{"Welcome", 3, false}, {"Wait", 2, false}, {"Follow-up (opcional)", 1, true}, {"Farewell", 2, false}}, f.Stages)

	mt := MomentTable(a, English)
	assert.Equal(t, []string{"★ Wait", "2", "66.7 %", "2", "3.00", "50.0 %", "–", ""}, mt.Rows[1], "one of the two wait ratings is below 3")
	assert.Len(t, DriverTable(a, English).Rows, len(a.Drivers), "one row per driver")
}

func TestFailPointNames(t *testing.T) {
	for _, f := range servicecycle.FailPoints() {
		assert.NotEqual(t, f.String(), Spanish.failPoint(f), "%v has a Spanish name", f)
		assert.NotEmpty(t, English.failPoint(f))
	}
}

func TestTriangleTable(t *testing.T) {
	tri, err := servicecycle.NewTriangle(
		servicecycle.Score{Side: servicecycle.Strategy, Perspective: servicecycle.CustomerView, Value: 4, Evidence: "clear promise"},
		servicecycle.Score{Side: servicecycle.Strategy, Perspective: servicecycle.EmployeeView, Value: 4},
		servicecycle.Score{Side: servicecycle.People, Perspective: servicecycle.CustomerView, Value: 2, Evidence: "rushed calls"},
		servicecycle.Score{Side: servicecycle.People, Perspective: servicecycle.EmployeeView, Value: 4, Evidence: "we feel fine"},
	)
	require.NoError(t, err)
	tab := TriangleTable(tri.Assess(), English)
	// Strategy: (4+4)/2 = 4, congruent. People: (2+4)/2 = 3, the weakest;
	// customers 2 against employees 4 is a gap of −2 (≥ 1 point). Systems
	// has no score: no row.
	require.Len(t, tab.Rows, 2)
	assert.Equal(t, []string{"Strategy", "4.00", "4.00", "4.00", "–", "yes", "clear promise"}, tab.Rows[0])
	assert.Equal(t, []string{"People (weakest)", "3.00", "2.00", "4.00", "–", "no; customers − employees −2.0", "rushed calls; we feel fine"}, tab.Rows[1])
}
