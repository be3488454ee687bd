package scorecard

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Default mystery form weights: tone 15, courtesy 15, sales 10, knowledge 20,
// time 15, resolution 25 (critical).
var (
	// tone, courtesy pass; sales fail; knowledge pass; time N/A; resolution
	// pass: (15+15+20+25)/(15+15+10+20+25) = 75/85 = 0.882353.
	visitGood = []Mark{Pass, Pass, Fail, Pass, MarkNA, Pass}
	// same but resolution fails: raw 50/85 = 0.588235, score 0 (critical).
	visitFailed  = []Mark{Pass, Pass, Fail, Pass, MarkNA, Fail}
	visitPerfect = []Mark{Pass, Pass, Pass, Pass, Pass, Pass}
)

func TestFormScore(t *testing.T) {
	f := DefaultMysteryForm()
	s, err := f.Score(visitGood)
	require.NoError(t, err)
	assert.InDelta(t, 75.0/85, s.Score, 1e-12)
	assert.Equal(t, 5, s.Applicable)
	assert.False(t, s.Failed)
	s, err = f.Score(visitFailed)
	require.NoError(t, err)
	assert.Equal(t, 0.0, s.Score)
	assert.InDelta(t, 50.0/85, s.Raw, 1e-12)
	assert.Equal(t, []string{"resolution"}, s.FailedCritical)

	_, err = f.Score(visitGood[:5])
	assert.ErrorIs(t, err, ErrRagged)
	_, err = f.Score([]Mark{Pass, Unmarked, Pass, Pass, Pass, Pass})
	assert.ErrorIs(t, err, ErrInvalidValue)
	_, err = f.Score([]Mark{MarkNA, MarkNA, MarkNA, MarkNA, MarkNA, MarkNA})
	assert.ErrorIs(t, err, ErrInsufficientData)
}

func TestMysteryShopAggregation(t *testing.T) {
	evals := []Evaluation{
		{Branch: "Centro", Agent: "Ana", Marks: visitGood},
		{Branch: "Centro", Agent: "Luis", Marks: visitFailed},
		{Branch: "Norte", Agent: "Ana", Marks: visitPerfect},
	}
	var m MysteryShop
	for _, e := range evals {
		require.NoError(t, m.Add(e))
	}
	require.ErrorIs(t, m.Add(Evaluation{Branch: "Sur", Marks: visitGood[:2]}), ErrRagged)
	r := m.Result()
	// Overall (0.882353 + 0 + 1)/3 = 0.627451; Centro (0.882353 + 0)/2 =
	// 0.441176 with one failed visit; Norte 1; Ana (0.882353 + 1)/2 = 0.941176.
	assert.Equal(t, 3, r.Overall.Visits)
	assert.Equal(t, 1, r.Overall.Failed)
	assert.InDelta(t, (75.0/85+1)/3, r.Overall.MeanScore, 1e-12)
	require.Len(t, r.Branches, 2)
	assert.Equal(t, "Centro", r.Branches[0].Key)
	assert.InDelta(t, 75.0/85/2, r.Branches[0].MeanScore, 1e-12)
	assert.Equal(t, 1, r.Branches[0].Failed)
	assert.Equal(t, GroupScore{Key: "Norte", Visits: 1, MeanScore: 1}, r.Branches[1])
	assert.Equal(t, []string{"Ana", "Luis"}, []string{r.Agents[0].Key, r.Agents[1].Key})
	assert.InDelta(t, (75.0/85+1)/2, r.Agents[0].MeanScore, 1e-12)
	// Sales opportunities: fail, fail, pass → 1/3; time to attend: N/A twice.
	assert.InDelta(t, 1.0/3, r.Criteria[2].PassRate, 1e-12)
	assert.Equal(t, 2, r.Criteria[4].NA)

	// Shards merge to the one-pass result; the empty accumulator is the identity.
	a, b := NewMysteryShop(nil), NewMysteryShop(nil)
	require.NoError(t, a.Add(evals[0]))
	require.NoError(t, b.Add(evals[1]))
	require.NoError(t, b.Add(evals[2]))
	require.NoError(t, a.Merge(b))
	require.NoError(t, a.Merge(&MysteryShop{}))
	assert.Equal(t, r, a.Result())
	other := NewMysteryShop(AttentionTechniquesForm())
	require.NoError(t, other.Add(Evaluation{Marks: []Mark{Pass, Pass, Pass, Pass, Pass, Pass}}))
	assert.ErrorIs(t, a.Merge(other), ErrMismatch)
}

func TestAttentionAndVerbalForms(t *testing.T) {
	at := AttentionTechniquesForm()
	names := []string{}
	for _, c := range at.Criteria() {
		names = append(names, c.Name)
	}
	assert.Equal(t, []string{"speed", "simplicity", "interface", "courtesy", "truthfulness", "discretion"}, names)
	// Slow but truthful and discreet: 5 of 6 equal weights pass → 5/6.
	s, err := at.Score([]Mark{Fail, Pass, Pass, Pass, Pass, Pass})
	require.NoError(t, err)
	assert.InDelta(t, 5.0/6, s.Score, 1e-12)
	// Breaching discretion fails the contact.
	s, err = at.Score([]Mark{Pass, Pass, Pass, Pass, Pass, Fail})
	require.NoError(t, err)
	assert.True(t, s.Failed)

	vm := VerbalMessageForm()
	require.Equal(t, 8, vm.Len())
	// All five principles met but the customer was not told when: fails.
	s, err = vm.Score([]Mark{Pass, Pass, Pass, Pass, Pass, Pass, Pass, Fail})
	require.NoError(t, err)
	assert.True(t, s.Failed)
	assert.Equal(t, []string{"when"}, s.FailedCritical)
	// Not vivid, everything else fine: 7/8.
	s, err = vm.Score([]Mark{Pass, Pass, Pass, Fail, Pass, Pass, Pass, Pass})
	require.NoError(t, err)
	assert.InDelta(t, 7.0/8, s.Score, 1e-12)
}

func TestFormValidationAndJSON(t *testing.T) {
	_, err := NewForm("bad", []Criterion{{Name: "a", Weight: 0}, {Name: "a", Weight: 1}, {Name: "b", Weight: math.Inf(1)}})
	assert.ErrorIs(t, err, ErrInvalidWeights)
	assert.ErrorIs(t, err, ErrInvalidInstrument)
	b, err := json.Marshal(DefaultMysteryForm())
	require.NoError(t, err)
	var back Form
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, back.Equal(DefaultMysteryForm()))
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"name":"x","criteria":[]}`), &back), ErrInvalidInstrument)
}

func TestParseMark(t *testing.T) {
	for s, want := range map[string]Mark{"cumple": Pass, "Sí": Pass, "no cumple": Fail, "N/A": MarkNA, "fail": Fail} {
		got, err := ParseMark(s)
		require.NoError(t, err, s)
		assert.Equal(t, want, got, s)
	}
}

// The elements of satisfaction fitted on a 2³ design (ratings 1 or 3), whose
// centred columns are orthogonal, so each slope is Σ(x − 2)·y / 8:
//
//	(P, Pr, S) → overall: (1,1,1) 2, (3,1,1) 4, (1,3,1) 3, (1,1,3) 3,
//	(3,3,1) 4, (3,1,3) 5, (1,3,3) 3, (3,3,3) 5
//	b_product = (−2+4−3−3+4+5−3+5)/8 = 7/8; b_price = (−2−4+3−3+4−5+3+5)/8
//	= 1/8; b_service = (−2−4−3+3−4+5+3+5)/8 = 3/8; ȳ = 29/8; intercept
//	= 29/8 − 2·(11/8) = 7/8. LMG shares 49/59, 1/59, 9/59.
//	SST = 113 − 8·(29/8)² = 7.875; SSR = 8·(49+1+9)/64 = 7.375; R² = 0.936508.
func TestSatisfactionDriversByHand(t *testing.T) {
	rows := []DriverRating{
		{1, 1, 1, 2}, {3, 1, 1, 4}, {1, 3, 1, 3}, {1, 1, 3, 3},
		{3, 3, 1, 4}, {3, 1, 3, 5}, {1, 3, 3, 3}, {3, 3, 3, 5},
	}
	m, err := SatisfactionDrivers(rows)
	require.NoError(t, err)
	assert.InDelta(t, 7.0/8, m.Intercept, 1e-12)
	assert.InDeltaSlice(t, []float64{7.0 / 8, 1.0 / 8, 3.0 / 8}, m.Coefficients[:], 1e-12)
	// Orthogonal drivers of equal variance: each one's LMG share of R² is
	// its squared coefficient's share, 49/59, 1/59 and 9/59.
	assert.InDeltaSlice(t, []float64{49.0 / 59, 1.0 / 59, 9.0 / 59}, m.RelativeWeights[:], 1e-12)
	assert.InDelta(t, 7.375/7.875, m.R2, 1e-12)
	assert.Equal(t, 8, m.N)

	// Shards merge to the same fit.
	var a, b Drivers
	for i, r := range rows {
		if i < 3 {
			require.NoError(t, a.Add(r))
		} else {
			require.NoError(t, b.Add(r))
		}
	}
	a.Merge(&b)
	a.Merge(&Drivers{})
	got, err := a.Result()
	require.NoError(t, err)
	assert.Equal(t, m, got)
}

func TestSatisfactionDriversErrors(t *testing.T) {
	_, err := SatisfactionDrivers([]DriverRating{{1, 2, 3, 4}, {2, 3, 4, 5}, {3, 1, 2, 2}, {4, 4, 1, 3}})
	assert.ErrorIs(t, err, ErrInsufficientData)
	// Price always 3: its column is constant, the system is singular.
	_, err = SatisfactionDrivers([]DriverRating{{1, 3, 1, 2}, {2, 3, 1, 3}, {3, 3, 2, 4}, {4, 3, 5, 5}, {5, 3, 4, 5}})
	assert.ErrorIs(t, err, ErrZeroVariance)
	_, err = SatisfactionDrivers([]DriverRating{{nan, 1, 1, 1}})
	assert.ErrorIs(t, err, ErrOutOfRange)
}

func TestIndicators(t *testing.T) {
	nps := npsOf(t, 10, 9, 9, 8, 7, 6, 3, 10, 0, 5).Result()
	ces := CESResult{N: 5, Mean: 4.6, Easy: 0.6, EasyN: 3}
	got := Indicators(SurveyResults{NPS: &nps, CES: &ces})
	assert.Equal(t, []Indicator{
		{Name: "Net Promoter Score", Category: CategoryQuality, Unit: "index", Value: 0, N: 10},
		{Name: "NPS answers", Category: CategoryVolume, Unit: "count", Value: 10, N: 10},
		{Name: "CES easy share", Category: CategoryEfficiency, Unit: "percent", Value: 60, N: 5},
		{Name: "CES mean", Category: CategoryEfficiency, Unit: "index", Value: 4.6, N: 5},
	}, got)
	empty := (&NPS{}).Result()
	assert.Empty(t, Indicators(SurveyResults{NPS: &empty}))
}

func TestFormMarksByNameSpanish(t *testing.T) {
	f := AttentionTechniquesForm()
	marks, err := f.MarksByName(map[string]Mark{
		"Rapidez": Fail, "sencillez": Pass, "interfaz": Pass, "cortesia": Pass, "veracidad": Pass, "discreción": Pass,
	})
	require.NoError(t, err)
	assert.Equal(t, []Mark{Fail, Pass, Pass, Pass, Pass, Pass}, marks)

	vm := VerbalMessageForm()
	assert.Equal(t, 7, vm.Index("el cuándo"))
	assert.Equal(t, 5, vm.Index("QUE"))
	assert.Equal(t, 5, DefaultMysteryForm().Index("resolución del problema"))
	assert.Equal(t, 1, DefaultMysteryForm().Index("cordialidad"))
	assert.Equal(t, -1, vm.Index("rapidez"))

	_, err = f.MarksByName(map[string]Mark{"rapidez": Pass, "speed": Fail, "volumen": Pass})
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrInvalidValue)
	assert.ErrorIs(t, err, ErrRagged)
	assert.Contains(t, err.Error(), `no criterion "volumen"`)
	assert.Contains(t, err.Error(), "marked twice")
	assert.Contains(t, err.Error(), `criterion "discretion" not marked`)
}
