package scorecard

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Edge states every decoder must accept: the empty accumulator (the merge
// identity a worker ships when its shard is empty) and states on the bounds
// of the validation (every answer at the top or bottom of the scale, every
// respondent answering everything). Each decodes, re-encodes identically and
// gives the same result as the original.
func TestAccumulatorJSONAcceptsEdgeStates(t *testing.T) {
	csatOf := func(s Scale, scores ...int) *CSAT {
		c, err := NewCSAT(s)
		require.NoError(t, err)
		for _, v := range scores {
			require.NoError(t, c.Add(v))
		}
		return c
	}
	cesOf := func(scores ...int) *CES {
		var c CES
		for _, v := range scores {
			require.NoError(t, c.Add(v))
		}
		return &c
	}
	in := smallInstrument(t)
	servqualOf := func(rs ...ServqualResponse) *Servqual {
		s := NewServqual(in)
		for _, r := range rs {
			require.NoError(t, s.Add(r))
		}
		return s
	}
	mysteryOf := func(marks ...[]Mark) *MysteryShop {
		m := NewMysteryShop(nil)
		for i, mk := range marks {
			require.NoError(t, m.Add(Evaluation{Branch: fmt.Sprint("b", i%2), Agent: "a", Marks: mk}))
		}
		return m
	}
	cardOf := func(rs ...CardResponse) *CardSurvey {
		c, err := NewCardSurvey(Likert5, []string{"speed", "decor"}, []string{"Us", "Them"})
		require.NoError(t, err)
		for _, r := range rs {
			require.NoError(t, c.Add(r))
		}
		return c
	}
	alphaOf := func(p MissingPolicy, rows ...[]float64) *Alpha {
		a, err := NewAlpha(0, p)
		require.NoError(t, err)
		for _, r := range rows {
			require.NoError(t, a.Add(r))
		}
		return a
	}
	allFailed := []Mark{Fail, Fail, Fail, Fail, Fail, Fail}
	tests := []struct {
		name  string
		v     any
		fresh func() any
	}{
		{"csat empty", &CSAT{}, func() any { return &CSAT{} }},
		{"csat empty 0..10", csatOf(ZeroToTen), func() any { return &CSAT{} }},
		{"csat all top", csatOf(Likert5, 5, 5, 4), func() any { return &CSAT{} }},
		{"csat all bottom", csatOf(Likert5, 1, 1), func() any { return &CSAT{} }},
		{"ces empty", &CES{}, func() any { return &CES{} }},
		{"ces all 7", cesOf(7, 7), func() any { return &CES{} }},
		{"ces all 1", cesOf(1, 1, 1), func() any { return &CES{} }},
		{"nps empty", &NPS{}, func() any { return &NPS{} }},
		{"nps promoters only", npsOf(t, 9, 10), func() any { return &NPS{} }},
		{"drivers empty", &Drivers{}, func() any { return &Drivers{} }},
		{"alpha empty listwise", &Alpha{policy: Listwise}, func() any { return &Alpha{} }},
		{"alpha empty pairwise", &Alpha{policy: Pairwise}, func() any { return &Alpha{} }},
		{"alpha sized pairwise", alphaOf(Pairwise, []float64{1, 2}, []float64{2, 3}), func() any { return &Alpha{} }},
		{"servqual empty", NewServqual(in), func() any { return &Servqual{} }},
		{"servqual at the bounds", servqualOf(
			ServqualResponse{Expectations: Ratings(7, 7, 7), Perceptions: Ratings(1, 1, 1), Importance: Allocation{50, 50}},
			ServqualResponse{Expectations: Ratings(1, 1, 1), Perceptions: Ratings(7, 7, 7), Importance: Allocation{100}},
		), func() any { return &Servqual{} }},
		{"servqual one complete respondent", servqualOf(
			ServqualResponse{Expectations: Ratings(7, 7, 7), Perceptions: Ratings(1, 1, 1), Importance: Allocation{50, 50}},
		), func() any { return &Servqual{} }},
		{"mystery empty", NewMysteryShop(nil), func() any { return &MysteryShop{} }},
		{"mystery all perfect", mysteryOf(visitPerfect, visitPerfect), func() any { return &MysteryShop{} }},
		{"mystery all failed", mysteryOf(allFailed), func() any { return &MysteryShop{} }},
		{"card survey empty", cardOf(), func() any { return &CardSurvey{} }},
		{"card survey at the bounds", cardOf(
			CardResponse{Importance: Ratings(5, 1), Scores: [][]Answer{Ratings(5, 5), Ratings(1, 1)}},
		), func() any { return &CardSurvey{} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(tt.v)
			require.NoError(t, err)
			got := tt.fresh()
			require.NoError(t, json.Unmarshal(b, got), "%s", b)
			b2, err := json.Marshal(got)
			require.NoError(t, err)
			assert.JSONEq(t, string(b), string(b2))
			assert.Equal(t, resultOf(tt.v), resultOf(got))
		})
	}
}

// resultOf returns the printed result of an accumulator (NaN-safe).
func resultOf(v any) string {
	switch a := v.(type) {
	case *CSAT:
		return fmt.Sprintf("%+v %v", a.Result(), a.Scale())
	case *CES:
		return fmt.Sprintf("%+v", a.Result())
	case *NPS:
		return fmt.Sprintf("%+v", a.Result())
	case *Drivers:
		m, err := a.Result()
		return fmt.Sprintf("%+v %v", m, err)
	case *Alpha:
		r, err := a.Result()
		return fmt.Sprintf("%+v %v %d", r, err, a.Dropped())
	case *Servqual:
		return fmt.Sprintf("%+v", a.Result())
	case *MysteryShop:
		return fmt.Sprintf("%+v", a.Result())
	case *CardSurvey:
		c, err := a.Card()
		if err != nil {
			return fmt.Sprint(a.Respondents(), err)
		}
		return fmt.Sprintf("%d %+v", a.Respondents(), c.Result())
	}
	panic(fmt.Sprintf("resultOf: %T", v))
}

// Inconsistent states, one per rule of each decoder: each is rejected with
// an error wrapping the decoder's sentinel, and the receiver is unchanged.
func TestAccumulatorJSONRejectsEachRule(t *testing.T) {
	const ok5 = `"scale":{"min":1,"max":5}`
	const form = `"form":{"name":"f","criteria":[{"name":"a","weight":1}]}`
	const instr = `"instrument":{"name":"x","scale":{"min":1,"max":5},"items":[{"id":"1","dimension":"empathy"}]}`
	tests := []struct {
		name string
		into func() any
		data string
		want error
	}{
		// CSAT
		{"csat bad scale", func() any { return &CSAT{} }, `{"scale":{"min":5,"max":1}}`, ErrInvalidScale},
		{"csat negative n", func() any { return &CSAT{} }, `{` + ok5 + `,"n":-1}`, ErrInvalidValue},
		{"csat negative top2", func() any { return &CSAT{} }, `{` + ok5 + `,"n":1,"top2":-1,"weight":1,"sumSquares":1,"weightedSum":3}`, ErrInvalidValue},
		{"csat negative weight", func() any { return &CSAT{} }, `{` + ok5 + `,"n":1,"weight":-1,"sumSquares":1,"weightedSum":-3}`, ErrInvalidValue},
		{"csat negative top-2 weight", func() any { return &CSAT{} }, `{` + ok5 + `,"n":1,"weight":1,"weightTop2":-1,"sumSquares":1,"weightedSum":3}`, ErrInvalidValue},
		{"csat negative squares", func() any { return &CSAT{} }, `{` + ok5 + `,"n":1,"weight":1,"sumSquares":-1,"weightedSum":3}`, ErrInvalidValue},
		{"csat top-2 weight above weight", func() any { return &CSAT{} }, `{` + ok5 + `,"n":1,"top2":1,"weight":1,"weightTop2":2,"sumSquares":1,"weightedSum":5}`, ErrInvalidValue},
		{"csat answers without weight", func() any { return &CSAT{} }, `{` + ok5 + `,"n":1,"sumSquares":1}`, ErrInvalidValue},
		{"csat weight without answers", func() any { return &CSAT{} }, `{` + ok5 + `,"weight":1,"sumSquares":1,"weightedSum":3}`, ErrInvalidValue},
		{"csat answers without squares", func() any { return &CSAT{} }, `{` + ok5 + `,"n":1,"weight":1,"weightedSum":3}`, ErrInvalidValue},
		{"csat mean below scale", func() any { return &CSAT{} }, `{` + ok5 + `,"n":2,"weight":2,"sumSquares":2,"weightedSum":1.9}`, ErrInvalidValue},
		{"csat mean above scale", func() any { return &CSAT{} }, `{` + ok5 + `,"n":2,"top2":2,"weight":2,"weightTop2":2,"sumSquares":2,"weightedSum":10.1}`, ErrInvalidValue},
		{"csat not JSON", func() any { return &CSAT{} }, `[1]`, ErrInvalidValue},
		// CES
		{"ces negative n", func() any { return &CES{} }, `{"n":-1}`, ErrInvalidValue},
		{"ces negative easy", func() any { return &CES{} }, `{"n":1,"easy":-1,"weight":1,"weightedSum":4}`, ErrInvalidValue},
		{"ces easy weight above weight", func() any { return &CES{} }, `{"n":1,"easy":1,"weight":1,"weightEasy":2,"weightedSum":6}`, ErrInvalidValue},
		{"ces answers without weight", func() any { return &CES{} }, `{"n":1}`, ErrInvalidValue},
		{"ces weight without answers", func() any { return &CES{} }, `{"weight":1,"weightedSum":4}`, ErrInvalidValue},
		{"ces mean below 1", func() any { return &CES{} }, `{"n":2,"weight":2,"weightedSum":1.9}`, ErrInvalidValue},
		{"ces mean above 7", func() any { return &CES{} }, `{"n":2,"easy":2,"weight":2,"weightEasy":2,"weightedSum":14.1}`, ErrInvalidValue},
		{"ces negative sum", func() any { return &CES{} }, `{"n":1,"weight":1,"weightEasy":-1,"weightedSum":4}`, ErrInvalidValue},
		{"ces not JSON", func() any { return &CES{} }, `"x"`, ErrInvalidValue},
		// NPS
		{"nps negative passives", func() any { return &NPS{} }, `{"passives":-1}`, ErrInvalidValue},
		{"nps negative detractors", func() any { return &NPS{} }, `{"detractors":-1}`, ErrInvalidValue},
		{"nps weight for no answers", func() any { return &NPS{} }, `{"promoters":1,"weightExcess":[0,1,0],"squaredWeightExcess":1}`, ErrInvalidValue},
		{"nps negative weight sum", func() any { return &NPS{} }, `{"promoters":1,"passives":1,"weightExcess":[0,-2,0],"squaredWeightExcess":0}`, ErrInvalidValue},
		{"nps negative squares", func() any { return &NPS{} }, `{"promoters":1,"weightExcess":[0,0,0],"squaredWeightExcess":-2}`, ErrInvalidValue},
		{"nps squares without answers", func() any { return &NPS{} }, `{"weightExcess":[0,0,0],"squaredWeightExcess":1}`, ErrInvalidValue},
		{"nps answers without squares", func() any { return &NPS{} }, `{"detractors":2,"weightExcess":[0,0,0],"squaredWeightExcess":-2}`, ErrInvalidValue},
		{"nps not JSON", func() any { return &NPS{} }, `"x"`, ErrInvalidValue},
		// Drivers
		{"drivers negative n", func() any { return &Drivers{} }, `{"drivers":3,"n":-1}`, ErrInvalidValue},
		{"drivers count without sums", func() any { return &Drivers{} }, `{"drivers":3,"n":2}`, ErrInvalidValue},
		{"drivers old normal equations", func() any { return &Drivers{} }, `{"n":1,"xtx":[[1,0,0,0],[0,0,0,0],[0,0,0,0],[0,0,0,0]]}`, ErrInvalidValue},
		{"drivers negative variance", func() any { return &Drivers{} }, `{"drivers":3,"n":2,"shift":[1,1,1,1],"min":[1,1,1,1],"max":[2,2,2,2],"sum":[1,1,1,1],"sumLow":[0,0,0,0],"cross":[0,0,0,0,1,0,0,1,0,1],"crossLow":[0,0,0,0,0,0,0,0,0,0]}`, ErrInvalidValue},
		{"drivers unnamed", func() any { return &Drivers{} }, `{"drivers":3,"n":2,"shift":[1,1,1,1],"min":[1,1,1,1],"max":[2,2,2,2],"sum":[1,1,1,1],"sumLow":[0,0,0,0],"cross":[1,1,1,1,1,1,1,1,1,1],"crossLow":[0,0,0,0,0,0,0,0,0,0]}`, ErrInvalidValue},
		{"drivers not JSON", func() any { return &Drivers{} }, `1`, ErrInvalidValue},
		// Alpha
		{"alpha bad policy", func() any { return &Alpha{} }, `{"policy":"mice"}`, ErrInvalidValue},
		{"alpha undefined policy", func() any { return &Alpha{} }, `{"policy":7}`, ErrInvalidValue},
		{"alpha negative items", func() any { return &Alpha{} }, `{"policy":"listwise","items":-2}`, ErrInvalidValue},
		{"alpha too many items", func() any { return &Alpha{} }, `{"policy":"listwise","items":10001}`, ErrInvalidValue},
		{"alpha negative rows", func() any { return &Alpha{} }, `{"policy":"listwise","items":2,"rows":-1,"sum":[0,0],"cross":[0,0,0,0]}`, ErrInvalidValue},
		{"alpha negative dropped", func() any { return &Alpha{} }, `{"policy":"listwise","items":2,"dropped":-1,"sum":[0,0],"cross":[0,0,0,0]}`, ErrInvalidValue},
		{"alpha rows without items", func() any { return &Alpha{} }, `{"policy":"listwise","rows":3}`, ErrInvalidValue},
		{"alpha sums without items", func() any { return &Alpha{} }, `{"policy":"listwise","sum":[1],"cross":[1]}`, ErrInvalidValue},
		{"alpha cross without items", func() any { return &Alpha{} }, `{"policy":"pairwise","cross":[1],"pairN":[1]}`, ErrInvalidValue},
		{"alpha pair count above rows", func() any { return &Alpha{} },
			`{"policy":"pairwise","items":2,"rows":1,"pairN":[2,0,0,0],"pairSX":[0,0,0,0],"pairSY":[0,0,0,0],"pairSXX":[0,0,0,0],"pairSYY":[0,0,0,0],"pairSXY":[0,0,0,0]}`, ErrInvalidValue},
		{"alpha negative pair count", func() any { return &Alpha{} },
			`{"policy":"pairwise","items":2,"rows":1,"pairN":[-1,0,0,0],"pairSX":[0,0,0,0],"pairSY":[0,0,0,0],"pairSXX":[0,0,0,0],"pairSYY":[0,0,0,0],"pairSXY":[0,0,0,0]}`, ErrInvalidValue},
		{"alpha pairwise short cross products", func() any { return &Alpha{} },
			`{"policy":"pairwise","items":2,"rows":1,"pairN":[1,0,0,0],"pairSX":[0,0,0,0],"pairSY":[0,0,0,0],"pairSXX":[0,0,0,0],"pairSYY":[0,0,0,0],"pairSXY":[0,0,0]}`, ErrInvalidValue},
		{"alpha not JSON", func() any { return &Alpha{} }, `[]`, ErrInvalidValue},
		// Servqual
		{"servqual item count", func() any { return &Servqual{} }, `{` + instr + `,"respondents":1,"items":[]}`, ErrInvalidValue},
		{"servqual negative respondents", func() any { return &Servqual{} }, `{` + instr + `,"respondents":-1,"items":[{}]}`, ErrInvalidValue},
		{"servqual more answers than respondents", func() any { return &Servqual{} }, `{` + instr + `,"respondents":1,"items":[{"nP":2,"wP":2,"sumP":6,"sumP2":18}]}`, ErrInvalidValue},
		{"servqual more gaps than expectations", func() any { return &Servqual{} }, `{` + instr + `,"respondents":1,"items":[{"nP":1,"wP":1,"sumP":3,"sumP2":9,"nGap":1,"wGap":1}]}`, ErrInvalidValue},
		{"servqual expectation count without weight", func() any { return &Servqual{} }, `{` + instr + `,"respondents":1,"items":[{"nE":1}]}`, ErrInvalidValue},
		{"servqual negative square sum", func() any { return &Servqual{} }, `{` + instr + `,"respondents":1,"items":[{"nP":1,"wP":1,"sumP":3,"sumP2":-9}]}`, ErrInvalidValue},
		{"servqual expectations below scale", func() any { return &Servqual{} }, `{` + instr + `,"respondents":1,"items":[{"nE":1,"wE":1,"sumE":0.5}]}`, ErrInvalidValue},
		{"servqual gap beyond width", func() any { return &Servqual{} },
			`{` + instr + `,"respondents":1,"items":[{"nE":1,"wE":1,"sumE":5,"nP":1,"wP":1,"sumP":1,"sumP2":1,"nGap":1,"wGap":1,"sumGap":-5,"sumGap2":25}]}`, ErrInvalidValue},
		{"servqual weighted count above respondents", func() any { return &Servqual{} },
			`{` + instr + `,"respondents":1,"items":[{}],"weightedPerception":{"sum":3,"weight":2,"n":2}}`, ErrInvalidValue},
		{"servqual weighted count without weight", func() any { return &Servqual{} },
			`{` + instr + `,"respondents":1,"items":[{}],"weightedGap":{"sum":0,"weight":0,"n":1}}`, ErrInvalidValue},
		{"servqual negative weighted count", func() any { return &Servqual{} },
			`{` + instr + `,"respondents":1,"items":[{}],"weightedGap":{"sum":0,"weight":0,"n":-1}}`, ErrInvalidValue},
		{"servqual importance count above respondents", func() any { return &Servqual{} },
			`{` + instr + `,"respondents":1,"items":[{}],"importanceSum":[100,0,0,0,0],"importanceWeight":2,"importanceN":2}`, ErrInvalidValue},
		{"servqual negative importance count", func() any { return &Servqual{} },
			`{` + instr + `,"respondents":1,"items":[{}],"importanceN":-1}`, ErrInvalidValue},
		{"servqual negative importance sum", func() any { return &Servqual{} },
			`{` + instr + `,"respondents":1,"items":[{}],"importanceSum":[-1,0,0,0,0],"importanceWeight":1,"importanceN":1}`, ErrInvalidValue},
		{"servqual importance weight without count", func() any { return &Servqual{} },
			`{` + instr + `,"respondents":1,"items":[{}],"importanceWeight":1}`, ErrInvalidValue},
		{"servqual not JSON", func() any { return &Servqual{} }, `{"instrument":3}`, ErrInvalidValue},
		// MysteryShop
		{"mystery no form", func() any { return &MysteryShop{} }, `{"criteria":[]}`, ErrInvalidValue},
		{"mystery criteria count", func() any { return &MysteryShop{} }, `{` + form + `,"criteria":[]}`, ErrInvalidValue},
		{"mystery negative visits", func() any { return &MysteryShop{} }, `{` + form + `,"overall":{"visits":-1},"criteria":[{"na":-1}]}`, ErrInvalidValue},
		{"mystery negative failed", func() any { return &MysteryShop{} }, `{` + form + `,"overall":{"visits":0,"failed":-1},"criteria":[{}]}`, ErrInvalidValue},
		{"mystery more failed than visits", func() any { return &MysteryShop{} },
			`{` + form + `,"overall":{"visits":1,"failed":2},"branches":[{"visits":1}],"agents":[{"visits":1}],"criteria":[{"fail":1}]}`, ErrInvalidValue},
		{"mystery score above visits", func() any { return &MysteryShop{} },
			`{` + form + `,"overall":{"visits":1,"scoreSum":1.5},"branches":[{"visits":1}],"agents":[{"visits":1}],"criteria":[{"pass":1}]}`, ErrInvalidValue},
		{"mystery negative score", func() any { return &MysteryShop{} },
			`{` + form + `,"overall":{"visits":1,"scoreSum":-0.5},"branches":[{"visits":1}],"agents":[{"visits":1}],"criteria":[{"pass":1}]}`, ErrInvalidValue},
		{"mystery duplicate branch", func() any { return &MysteryShop{} },
			`{` + form + `,"overall":{"visits":2,"scoreSum":2},"branches":[{"key":"b","visits":1,"scoreSum":1},{"key":"b","visits":1,"scoreSum":1}],"agents":[{"visits":2,"scoreSum":2}],"criteria":[{"pass":2}]}`, ErrInvalidValue},
		{"mystery inconsistent agent", func() any { return &MysteryShop{} },
			`{` + form + `,"overall":{"visits":1,"scoreSum":1},"branches":[{"visits":1,"scoreSum":1}],"agents":[{"visits":1,"failed":2}],"criteria":[{"pass":1}]}`, ErrInvalidValue},
		{"mystery agents do not add up", func() any { return &MysteryShop{} },
			`{` + form + `,"overall":{"visits":1,"scoreSum":1},"branches":[{"visits":1,"scoreSum":1}],"agents":[],"criteria":[{"pass":1}]}`, ErrInvalidValue},
		{"mystery negative marks", func() any { return &MysteryShop{} },
			`{` + form + `,"overall":{"visits":1,"scoreSum":1},"branches":[{"visits":1,"scoreSum":1}],"agents":[{"visits":1,"scoreSum":1}],"criteria":[{"pass":2,"fail":-1}]}`, ErrInvalidValue},
		{"mystery negative pass", func() any { return &MysteryShop{} },
			`{` + form + `,"overall":{"visits":1,"scoreSum":1},"branches":[{"visits":1,"scoreSum":1}],"agents":[{"visits":1,"scoreSum":1}],"criteria":[{"pass":-1,"na":2}]}`, ErrInvalidValue},
		{"mystery negative na", func() any { return &MysteryShop{} },
			`{` + form + `,"overall":{"visits":1,"scoreSum":1},"branches":[{"visits":1,"scoreSum":1}],"agents":[{"visits":1,"scoreSum":1}],"criteria":[{"pass":2,"na":-1}]}`, ErrInvalidValue},
		{"mystery not JSON", func() any { return &MysteryShop{} }, `{"form":[]}`, ErrInvalidValue},
		// CardSurvey
		{"card survey bad definition", func() any { return &CardSurvey{} }, `{` + ok5 + `,"attributes":[],"providers":["u"]}`, ErrInvalidInstrument},
		{"card survey short sums", func() any { return &CardSurvey{} },
			`{` + ok5 + `,"attributes":["a"],"providers":["u"],"sum":[],"n":[0],"importanceSum":[0],"importanceN":[0]}`, ErrInvalidValue},
		{"card survey short importance", func() any { return &CardSurvey{} },
			`{` + ok5 + `,"attributes":["a"],"providers":["u"],"sum":[0],"n":[0],"importanceSum":[0],"importanceN":[]}`, ErrInvalidValue},
		{"card survey negative respondents", func() any { return &CardSurvey{} },
			`{` + ok5 + `,"attributes":["a"],"providers":["u"],"sum":[0],"n":[0],"importanceSum":[0],"importanceN":[0],"respondents":-1}`, ErrInvalidValue},
		{"card survey too many respondents", func() any { return &CardSurvey{} },
			`{` + ok5 + `,"attributes":["a"],"providers":["u"],"sum":[0],"n":[0],"importanceSum":[0],"importanceN":[0],"respondents":1125899906842625}`, ErrInvalidValue},
		{"card survey negative count", func() any { return &CardSurvey{} },
			`{` + ok5 + `,"attributes":["a"],"providers":["u"],"sum":[0],"n":[-1],"importanceSum":[0],"importanceN":[0],"respondents":1}`, ErrInvalidValue},
		{"card survey count above respondents", func() any { return &CardSurvey{} },
			`{` + ok5 + `,"attributes":["a"],"providers":["u"],"sum":[6],"n":[2],"importanceSum":[0],"importanceN":[0],"respondents":1}`, ErrInvalidValue},
		{"card survey sum below scale", func() any { return &CardSurvey{} },
			`{` + ok5 + `,"attributes":["a"],"providers":["u"],"sum":[1],"n":[2],"importanceSum":[0],"importanceN":[0],"respondents":2}`, ErrInvalidValue},
		{"card survey importance above scale", func() any { return &CardSurvey{} },
			`{` + ok5 + `,"attributes":["a"],"providers":["u"],"sum":[0],"n":[0],"importanceSum":[6],"importanceN":[1],"respondents":1}`, ErrInvalidValue},
		{"card survey not JSON", func() any { return &CardSurvey{} }, `{"sum":"x"}`, ErrInvalidValue},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := tt.into()
			before, _ := json.Marshal(v)
			err := json.Unmarshal([]byte(tt.data), v)
			require.ErrorIs(t, err, tt.want)
			assert.True(t, strings.HasPrefix(err.Error(), "scorecard: "), err.Error())
			after, _ := json.Marshal(v)
			assert.Equal(t, string(before), string(after), "rejected decode leaves the receiver unchanged")
		})
	}
}

// The mystery-shop decoder names the (1-based) criterion whose marks do not
// add up to the visits.
func TestMysteryShopJSONNamesCriterion(t *testing.T) {
	var m MysteryShop
	err := json.Unmarshal([]byte(`{"form":{"name":"f","criteria":[{"name":"a","weight":1},{"name":"b","weight":1}]},`+
		`"overall":{"visits":1,"scoreSum":1},"branches":[{"visits":1,"scoreSum":1}],"agents":[{"visits":1,"scoreSum":1}],`+
		`"criteria":[{"pass":1},{"pass":1,"fail":1}]}`), &m)
	require.ErrorIs(t, err, ErrInvalidValue)
	assert.Contains(t, err.Error(), "criterion 2: marks do not add up")
}

// Sums that differ from the bounds by rounding only (a relative 1e-10, far
// below the 1e-9 slack) are accepted: shards summed in another order differ
// by that much.
func TestAccumulatorJSONRoundingSlack(t *testing.T) {
	// CSAT on 1..5, weight 1e6: bounds 1e6 and 5e6, slack 1e-9·1e6 = 1e-3.
	var c CSAT
	require.NoError(t, json.Unmarshal([]byte(`{"scale":{"min":1,"max":5},"n":2,"top2":2,"weight":1e6,"weightTop2":1e6,"sumSquares":5e11,"weightedSum":5000000.0005,"weightedSumSquares":2.5e7}`), &c))
	require.NoError(t, json.Unmarshal([]byte(`{"scale":{"min":1,"max":5},"n":2,"top2":0,"weight":1e6,"weightTop2":0,"sumSquares":5e11,"weightedSum":999999.9995,"weightedSumSquares":1e6}`), &c))
	// CES on 1..7, same weight: bounds 1e6·(1 − 1e-9) and 7e6·(1 + 1e-9).
	var e CES
	require.NoError(t, json.Unmarshal([]byte(`{"n":2,"easy":0,"weight":1e6,"weightEasy":0,"weightedSum":999999.9995,"sumSquares":5e11,"weightedSumSquares":1e6}`), &e))
	require.NoError(t, json.Unmarshal([]byte(`{"n":2,"easy":2,"weight":1e6,"weightEasy":1e6,"weightedSum":7000000.0005,"sumSquares":5e11,"weightedSumSquares":4.9e7}`), &e))
	// Mystery shop: one visit scored 1 + 1e-10.
	var m MysteryShop
	require.NoError(t, json.Unmarshal([]byte(`{"form":{"name":"f","criteria":[{"name":"a","weight":1}]},"overall":{"visits":1,"scoreSum":1.0000000001},"branches":[{"visits":1,"scoreSum":1}],"agents":[{"visits":1,"scoreSum":1}],"criteria":[{"pass":1}]}`), &m))
	// Servqual: one respondent of weight 1e6 perceiving 7 on 1..7, the sum
	// 7e6 + 1e-3 (relative 1.4e-10) within the slack 1e-9·(1 + 7e6) = 7e-3.
	var s Servqual
	require.NoError(t, json.Unmarshal([]byte(`{"instrument":{"name":"x","scale":{"min":1,"max":7},"items":[{"id":"1","dimension":"empathy"}]},"respondents":1,"items":[{"nP":1,"wP":1e6,"sumP":7000000.001,"sumP2":4.9e7}],"dimensionGaps":[{},{},{},{},{}]}`), &s))
	assert.InDelta(t, 7, s.Result().Perception, 1e-8) // mean 7 + 1e-9
	// Card survey: the largest respondent count accepted, 2⁵⁰.
	var cs CardSurvey
	require.NoError(t, json.Unmarshal([]byte(`{"scale":{"min":1,"max":5},"attributes":["a"],"providers":["u"],"sum":[0],"n":[0],"sumSquares":[0],"pairN":[0],"pairSumA":[0],"pairSumB":[0],"pairCross":[0],"importanceSum":[0],"importanceN":[0],"respondents":1125899906842624}`), &cs))
	assert.Equal(t, 1<<50, cs.Respondents())
}

// Weighted NPS states written by hand: explicit zero weights for an empty
// accumulator, and a weighted state with answers in two groups only.
func TestNPSJSONWeightedStates(t *testing.T) {
	var n NPS
	require.NoError(t, json.Unmarshal([]byte(`{"weightExcess":[0,0,0],"squaredWeightExcess":0}`), &n))
	assert.Equal(t, 0, n.Result().N)
	// A promoter of weight 2 and a passive of weight 1: excess Σ(w − 1) = (1, 0,
	// 0), Σ(w² − 1) = 3; so Σw = 3, Σw² = 5;
	// NPS 100·2/3 = 66.6667, effective n 9/5 = 1.8.
	require.NoError(t, json.Unmarshal([]byte(`{"promoters":1,"passives":1,"weightExcess":[1,0,0],"squaredWeightExcess":3}`), &n))
	r := n.Result()
	assert.Equal(t, 2, r.N)
	assert.InDelta(t, 200.0/3, r.Score, 1e-12)
	assert.InDelta(t, 1.8, r.EffectiveN, 1e-12)
}

// The shipped Servqual state holds each item's exact weighted sums. One
// respondent of weight 2 expecting 5 and perceiving 3 (gap −2):
// Σw = 2, Σw·E = 10, Σw·P = 6, Σw·P² = 2·9 = 18, Σw·gap = −4, Σw·gap² = 8.
func TestServqualJSONItemSums(t *testing.T) {
	s := NewServqual(MustInstrument("one", Likert7, []Item{{ID: "a", Dimension: DimEmpathy}}))
	require.NoError(t, s.Add(ServqualResponse{Expectations: Ratings(5), Perceptions: Ratings(3), Weight: 2}))
	b, err := json.Marshal(s)
	require.NoError(t, err)
	var j struct {
		Items []map[string]float64 `json:"items"`
	}
	require.NoError(t, json.Unmarshal(b, &j))
	assert.Equal(t, []map[string]float64{{"nE": 1, "nP": 1, "nGap": 1, "wE": 2, "wP": 2, "wGap": 2,
		"sumE": 10, "sumP": 6, "sumP2": 18, "sumGap": -4, "sumGap2": 8}}, j.Items)
}
