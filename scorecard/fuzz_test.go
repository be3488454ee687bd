package scorecard

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
)

// checkErr fails unless err wraps one of the package's sentinels and starts
// with the package prefix.
func checkErr(t *testing.T, err error) {
	t.Helper()
	all := []error{ErrInvalidValue, ErrInvalidScale, ErrOutOfRange, ErrInvalidInstrument, ErrInvalidWeights,
		ErrRagged, ErrInsufficientData, ErrZeroVariance, ErrMismatch, ErrInvalidCSV}
	if !isAny(err, all) {
		t.Fatalf("error wraps no sentinel: %v", err)
	}
	if !strings.HasPrefix(err.Error(), "scorecard: ") {
		t.Fatalf("error without package prefix: %v", err)
	}
}

func FuzzNPSAdd(f *testing.F) {
	for _, s := range []int{-1, 0, 6, 7, 8, 9, 10, 11} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, score int) {
		var n NPS
		before := n
		err := n.Add(score)
		if (score >= 0 && score <= 10) != (err == nil) {
			t.Fatalf("score %d: err %v", score, err)
		}
		if err != nil {
			checkErr(t, err)
			if n != before {
				t.Fatal("rejected score changed the accumulator")
			}
			return
		}
		r := n.Result()
		if r.N != 1 || r.Promoters+r.Passives+r.Detractors != 1 || r.Score < -100 || r.Score > 100 {
			t.Fatalf("score %d: %+v", score, r)
		}
	})
}

func FuzzCSATCESAdd(f *testing.F) {
	f.Add(1, 5, 3)
	f.Add(0, 10, 11)
	f.Add(5, 1, 1)
	f.Fuzz(func(t *testing.T, lo, hi, score int) {
		c, err := NewCSAT(Scale{lo, hi})
		if err != nil {
			checkErr(t, err)
			return
		}
		if err := c.Add(score); err != nil {
			checkErr(t, err)
			if c.Result().N != 0 {
				t.Fatal("rejected score counted")
			}
		} else if r := c.Result(); r.N != 1 || r.TopTwo < 0 || r.TopTwo > 1 {
			t.Fatalf("csat %+v", r)
		}
		var e CES
		if err := e.Add(score); err != nil {
			checkErr(t, err)
			if e.Result().N != 0 {
				t.Fatal("rejected CES counted")
			}
		} else if r := e.Result(); r.Mean != float64(score) {
			t.Fatalf("ces %+v", r)
		}
	})
}

// answerFrom turns fuzz bytes into answers: state from the high bits, value
// from the low ones (sometimes outside 1..7 on purpose).
func answerFrom(b byte) Answer {
	switch b >> 6 {
	case 0:
		return Answer{}
	case 1:
		return NA()
	case 2:
		return Rated(int(b&0x0f) - 2)
	default:
		return Answer{Value: int(b & 7), State: AnswerState(b & 7)}
	}
}

func FuzzServqualAdd(f *testing.F) {
	f.Add([]byte{0x81, 0x82, 0x83, 0x84, 0x85, 0x86}, byte(40), byte(60), true)
	f.Add([]byte{0x00, 0x40, 0xff}, byte(0), byte(0), false)
	in, err := NewInstrument("fuzz", Likert7, []Item{{ID: "a", Dimension: DimTangibles}, {ID: "b", Dimension: DimEmpathy, Reverse: true}, {ID: "c", Dimension: DimEmpathy}})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte, w1, w2 byte, withE bool) {
		r := ServqualResponse{Importance: Allocation{float64(w1), float64(w2)}}
		for i, b := range data {
			if i%2 == 0 || !withE {
				r.Perceptions = append(r.Perceptions, answerFrom(b))
			} else {
				r.Expectations = append(r.Expectations, answerFrom(b))
			}
		}
		s := NewServqual(in)
		err := s.Add(r)
		res := s.Result()
		if err != nil {
			checkErr(t, err)
			if res.Respondents != 0 || res.ImportanceN != 0 {
				t.Fatalf("rejected response counted: %+v", res)
			}
			return
		}
		if res.Respondents != 1 {
			t.Fatalf("accepted response not counted")
		}
		for _, it := range res.Items {
			for _, v := range []float64{it.Expectation, it.Perception} {
				if !math.IsNaN(v) && (v < 1 || v > 7) {
					t.Fatalf("item mean %v outside the scale", v)
				}
			}
			if !math.IsNaN(it.Gap) && math.Abs(it.Gap) > 6 {
				t.Fatalf("gap %v impossible on 1..7", it.Gap)
			}
		}
		// Adding to a shard and merging gives the same result.
		var merged Servqual
		if err := merged.Merge(s); err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(merged.Result()) != fmt.Sprint(res) {
			t.Fatal("merge into the zero value changed the result")
		}
	})
}

func FuzzAlphaAdd(f *testing.F) {
	f.Add(1.0, 2.0, 3.0, uint8(0))
	f.Add(math.NaN(), 2.0, 3.0, uint8(1))
	f.Add(math.Inf(1), 2.0, 3.0, uint8(2))
	f.Fuzz(func(t *testing.T, x, y, z float64, p uint8) {
		pol := MissingPolicy(p % 3)
		a, err := NewAlpha(3, pol)
		if err != nil {
			t.Fatal(err)
		}
		rows := [][]float64{{1, 2, 4}, {2, 2, 3}, {3, 5, 5}}
		for _, r := range rows {
			if err := a.Add(r); err != nil {
				t.Fatal(err)
			}
		}
		before, _ := a.Result()
		if err := a.Add([]float64{x, y, z}); err != nil {
			checkErr(t, err)
			after, _ := a.Result()
			if fmt.Sprint(before) != fmt.Sprint(after) {
				t.Fatal("rejected row changed the result")
			}
			return
		}
		if r, err := a.Result(); err != nil {
			checkErr(t, err)
		} else if r.Alpha > 1+1e-9 || math.IsNaN(r.Alpha) {
			t.Fatalf("alpha %v", r.Alpha)
		}
	})
}

func FuzzDriversAdd(f *testing.F) {
	f.Add(1.0, 2.0, 3.0, 4.0)
	f.Add(math.NaN(), 0.0, 0.0, 0.0)
	f.Fuzz(func(t *testing.T, p, pr, s, o float64) {
		var d Drivers
		err := d.Add(DriverRating{p, pr, s, o})
		if err != nil {
			checkErr(t, err)
			if d.kd.n != 0 {
				t.Fatal("rejected rating counted")
			}
			return
		}
		if _, err := d.Result(); !errors.Is(err, ErrInsufficientData) {
			t.Fatalf("one respondent: %v", err)
		}
	})
}

func FuzzMysteryShopAdd(f *testing.F) {
	f.Add([]byte{1, 1, 2, 1, 3, 1}, "Centro", "Ana")
	f.Add([]byte{0}, "", "")
	f.Fuzz(func(t *testing.T, marks []byte, branch, agent string) {
		ms := make([]Mark, len(marks))
		for i, m := range marks {
			ms[i] = Mark(m % 5)
		}
		var m MysteryShop
		err := m.Add(Evaluation{Branch: branch, Agent: agent, Marks: ms})
		r := m.Result()
		if err != nil {
			checkErr(t, err)
			if r.Overall.Visits != 0 || len(r.Branches) != 0 {
				t.Fatal("rejected evaluation counted")
			}
			return
		}
		if r.Overall.Visits != 1 || r.Overall.MeanScore < 0 || r.Overall.MeanScore > 1 {
			t.Fatalf("%+v", r.Overall)
		}
	})
}

func FuzzCardSurveyAdd(f *testing.F) {
	f.Add([]byte{0x81, 0x84}, []byte{0x82, 0x83, 0x85, 0x81})
	f.Fuzz(func(t *testing.T, imp, scores []byte) {
		s, err := NewCardSurvey(Likert5, []string{"a", "b"}, []string{"us", "them"})
		if err != nil {
			t.Fatal(err)
		}
		var r CardResponse
		for _, b := range imp {
			r.Importance = append(r.Importance, answerFrom(b))
		}
		for i := 0; i+1 < len(scores); i += 2 {
			r.Scores = append(r.Scores, []Answer{answerFrom(scores[i]), answerFrom(scores[i+1])})
		}
		if err := s.Add(r); err != nil {
			checkErr(t, err)
			if s.Respondents() != 0 {
				t.Fatal("rejected response counted")
			}
		}
	})
}
