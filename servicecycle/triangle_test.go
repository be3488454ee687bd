package servicecycle

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTriangleAssess(t *testing.T) {
	tr, err := NewTriangle(
		Score{Side: Strategy, Perspective: CustomerView, Value: 4, Evidence: "promesa clara"},
		Score{Side: Strategy, Perspective: EmployeeView, Value: 5},
		Score{Side: People, Perspective: CustomerView, Value: 3, Evidence: "trato frío en caja"},
		Score{Side: People, Perspective: EmployeeView, Value: 4.5},
		Score{Side: Systems, System: Technical, Perspective: CustomerView, Value: 2, Evidence: "turnero averiado"},
		Score{Side: Systems, System: Technical, Perspective: ContextView, Value: 3},
		Score{Side: Systems, System: Human, Perspective: EmployeeView, Value: 4},
	)
	require.NoError(t, err)
	a := tr.Assess()
	require.Len(t, a.Sides, 3)
	// Strategy (4+5)/2 = 4.5; people (3+4.5)/2 = 3.75; systems (2+3+4)/3 = 3.
	assert.InDelta(t, 4.5, a.Sides[0].Mean, 1e-12)
	assert.InDelta(t, 3.75, a.Sides[1].Mean, 1e-12)
	assert.InDelta(t, 3.0, a.Sides[2].Mean, 1e-12)
	assert.Equal(t, Systems, a.Weakest)
	assert.Equal(t, []string{"trato frío en caja"}, a.Sides[1].Evidence)
	assert.Equal(t, []SystemAssessment{{Technical, 2, 2.5}, {Human, 1, 4}}, a.Sides[2].Systems)

	// Overall: customer (4+3+2)/3 = 3, employee (5+4.5+4)/3 = 4.5, context 3.
	// Customer–employee −1.5 and employee–context +1.5 are gaps; customer–context 0 is not.
	c := a.Congruence
	assert.InDelta(t, 3.0, c.Customer, 1e-12)
	assert.InDelta(t, 4.5, c.Employee, 1e-12)
	assert.InDelta(t, 3.0, c.Context, 1e-12)
	assert.Equal(t, []Gap{{CustomerView, EmployeeView, -1.5}, {EmployeeView, ContextView, 1.5}}, c.Gaps)
	assert.False(t, c.Congruent)
	// Strategy: customer 4 vs employee 5, exactly one point: flagged.
	assert.Equal(t, []Gap{{CustomerView, EmployeeView, -1}}, a.Sides[0].Congruence.Gaps)
	// Systems: customer 2 vs context 3 (one point) flagged; employee 4 vs
	// context 3 flagged; customer–employee 2 flagged.
	assert.Len(t, a.Sides[2].Congruence.Gaps, 3)

	ok, err := NewTriangle(Score{Side: People, Perspective: CustomerView, Value: 4},
		Score{Side: People, Perspective: EmployeeView, Value: 3.2})
	require.NoError(t, err)
	assert.True(t, ok.Assess().Congruence.Congruent, "0.8 points is no gap")
	assert.Equal(t, SideUnknown, Triangle{}.Assess().Weakest)
}

func TestTriangleRejects(t *testing.T) {
	_, err := NewTriangle(
		Score{Side: SideUnknown, Perspective: CustomerView, Value: 3},
		Score{Side: People, System: Technical, Perspective: CustomerView, Value: 3},
		Score{Side: People, Perspective: PerspectiveUnknown, Value: 3},
		Score{Side: People, Perspective: CustomerView, Value: 6},
	)
	require.ErrorIs(t, err, ErrInvalidTriangle)
	for _, w := range []string{"score 0: side unknown undefined", "score 1: system technical on side people",
		"score 2: perspective unknown undefined", "score 3: value 6 outside 1–5"} {
		assert.Contains(t, err.Error(), w)
	}
}

func TestTriangleJSON(t *testing.T) {
	var tr Triangle
	require.NoError(t, json.Unmarshal([]byte(`[{"side":"gente","perspective":"cliente","value":3.5,"evidence":"espera"},
		{"side":"sistemas","system":"normas y procedimientos","perspective":"contexto","value":4}]`), &tr))
	out, err := json.Marshal(tr)
	require.NoError(t, err)
	var back Triangle
	require.NoError(t, json.Unmarshal(out, &back))
	assert.Equal(t, tr.Scores(), back.Scores())
	assert.Equal(t, NormsAndProcedures, back.Scores()[1].System)
	require.ErrorIs(t, json.Unmarshal([]byte(`[{"side":"people","perspective":"customer","value":0}]`), &back), ErrInvalidTriangle)
	assert.Equal(t, tr.Scores(), back.Scores())
}
