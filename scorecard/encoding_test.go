package scorecard

import (
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// roundTrip marshals v, decodes into fresh, and returns the re-encoding.
func roundTrip(t *testing.T, v, fresh any) ([]byte, []byte) {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, fresh))
	b2, err := json.Marshal(fresh)
	require.NoError(t, err)
	return b, b2
}

// Each accumulator survives a trip through JSON (as a Beam coder would ship
// it) and the decoded copy merges like the original.
func TestAccumulatorJSONRoundTrips(t *testing.T) {
	// Servqual
	sq := NewServqual(smallInstrument(t))
	require.NoError(t, sq.Add(ServqualResponse{Expectations: Ratings(7, 6, 5), Perceptions: Ratings(5, 6, 4), Importance: Allocation{40, 60}, Weight: 2}))
	require.NoError(t, sq.Add(ServqualResponse{Perceptions: []Answer{NA(), Rated(3), {}}}))
	var sq2 Servqual
	b1, b2 := roundTrip(t, sq, &sq2)
	assert.JSONEq(t, string(b1), string(b2))
	assert.Equal(t, fmt.Sprint(sq.Result()), fmt.Sprint(sq2.Result()))
	require.NoError(t, sq2.Merge(sq))
	assert.Equal(t, 4, sq2.Result().Respondents)

	// Alpha, both layouts
	for _, p := range []MissingPolicy{Listwise, Pairwise} {
		a, _ := NewAlpha(0, p)
		for _, r := range cronbachWideMissing {
			require.NoError(t, a.Add(r))
		}
		var a2 Alpha
		roundTrip(t, a, &a2)
		want, err := a.Result()
		require.NoError(t, err)
		got, err := a2.Result()
		require.NoError(t, err)
		assert.Equal(t, want, got, p.String())
	}

	// MysteryShop
	ms := NewMysteryShop(nil)
	require.NoError(t, ms.Add(Evaluation{Branch: "Centro", Agent: "Ana", Marks: visitGood}))
	require.NoError(t, ms.Add(Evaluation{Branch: "Norte", Agent: "Luis", Marks: visitFailed}))
	var ms2 MysteryShop
	roundTrip(t, ms, &ms2)
	assert.Equal(t, fmt.Sprint(ms.Result()), fmt.Sprint(ms2.Result())) // NaN-safe

	// CardSurvey
	cs, err := NewCardSurvey(Likert5, []string{"speed", "decor"}, []string{"Us", "Them"})
	require.NoError(t, err)
	require.NoError(t, cs.Add(CardResponse{Importance: Ratings(5, 2), Scores: [][]Answer{Ratings(2, 5), Ratings(4, 3)}}))
	var cs2 CardSurvey
	roundTrip(t, cs, &cs2)
	c1, err := cs.Card()
	require.NoError(t, err)
	c2, err := cs2.Card()
	require.NoError(t, err)
	assert.Equal(t, c1.Result(), c2.Result())

	// Drivers and CES
	var d Drivers
	for _, r := range []DriverRating{{1, 1, 1, 2}, {3, 1, 1, 4}, {1, 3, 1, 3}, {1, 1, 3, 3}, {3, 3, 3, 5}} {
		require.NoError(t, d.Add(r))
	}
	var d2 Drivers
	roundTrip(t, d, &d2)
	assert.Equal(t, d, d2)
	var ces CES
	require.NoError(t, ces.AddWeighted(6, 2))
	var ces2 CES
	roundTrip(t, ces, &ces2)
	assert.Equal(t, ces, ces2)
}

func TestAccumulatorJSONRejectsInconsistentState(t *testing.T) {
	tests := []struct {
		name string
		into any
		data string
	}{
		{"ces easy > n", &CES{}, `{"n":1,"easy":2,"weight":1,"weightEasy":1,"weightedSum":5}`},
		{"drivers correlation above 1", &Drivers{}, `{"names":["product","price","service"],"drivers":3,"n":2,"shift":[1,1,1,1],"min":[1,1,1,1],"max":[2,2,2,2],"sum":[1,1,1,1],"sumLow":[0,0,0,0],"cross":[1,9,0,0,1,0,0,1,0,1],"crossLow":[0,0,0,0,0,0,0,0,0,0]}`},
		{"drivers not product, price, service", &Drivers{}, `{"names":["a","b","c"],"drivers":3,"n":2,"shift":[1,1,1,1],"min":[1,1,1,1],"max":[2,2,2,2],"sum":[1,1,1,1],"sumLow":[0,0,0,0],"cross":[1,1,1,1,1,1,1,1,1,1],"crossLow":[0,0,0,0,0,0,0,0,0,0]}`},
		{"alpha wrong length", &Alpha{}, `{"policy":"listwise","items":3,"rows":2,"sum":[1,2],"cross":[1]}`},
		{"alpha one item", &Alpha{}, `{"policy":"listwise","items":1}`},
		{"servqual no instrument", &Servqual{}, `{"respondents":1}`},
		{"servqual sums off scale", &Servqual{}, `{"instrument":{"name":"x","scale":{"min":1,"max":5},"items":[{"id":"1","dimension":"empathy"}]},"respondents":1,"items":[{"nP":1,"wP":1,"sumP":9}]}`},
		{"mystery marks do not add up", &MysteryShop{}, `{"form":{"name":"f","criteria":[{"name":"a","weight":1}]},"overall":{"visits":1,"failed":0,"scoreSum":1},"branches":[{"key":"b","visits":1,"failed":0,"scoreSum":1}],"agents":[{"key":"a","visits":1,"failed":0,"scoreSum":1}],"criteria":[{"pass":0,"fail":0,"na":0}]}`},
		{"card survey sums off scale", &CardSurvey{}, `{"scale":{"min":1,"max":5},"attributes":["a"],"providers":["u"],"sum":[99],"n":[1],"importanceSum":[0],"importanceN":[0],"respondents":1}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := json.Unmarshal([]byte(tt.data), tt.into)
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), "scorecard: "), err.Error())
			checkErr(t, err)
		})
	}
}

// FuzzUnmarshalJSON feeds every decoder of the package the same bytes: each
// either rejects them with a package error or accepts a value whose encoding
// decodes back to the same encoding.
func FuzzUnmarshalJSON(f *testing.F) {
	seed := func(v any) {
		b, err := json.Marshal(v)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	seed(DefaultServqual())
	seed(DefaultMysteryForm())
	n := NPS{}
	_ = n.Add(10)
	seed(n)
	a, _ := NewAlpha(2, Pairwise)
	_ = a.Add([]float64{1, 2})
	seed(a)
	f.Add([]byte(`{"scale":{"min":1,"max":5},"attributes":[{"name":"x","importance":1}],"providers":[{"name":"u","scores":[3]}]}`))
	f.Add([]byte(`{"n":1,"easy":1,"weight":1,"weightEasy":1,"weightedSum":5}`))
	newTargets := func() []any {
		return []any{&Instrument{}, &ReportCard{}, &Form{}, &NPS{}, &CSAT{}, &CES{}, &Drivers{}, &Alpha{},
			&Servqual{}, &MysteryShop{}, &CardSurvey{}}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, v := range newTargets() {
			if err := json.Unmarshal(data, v); err != nil {
				if strings.HasPrefix(err.Error(), "scorecard: ") {
					checkErr(t, err)
				}
				continue
			}
			b, err := json.Marshal(v)
			if err != nil {
				t.Fatalf("%T accepted but does not re-encode: %v", v, err)
			}
			fresh := newTargets()
			var w any
			for _, c := range fresh {
				if fmt.Sprintf("%T", c) == fmt.Sprintf("%T", v) {
					w = c
				}
			}
			if err := json.Unmarshal(b, w); err != nil {
				t.Fatalf("%T: own encoding rejected: %v\n%s", v, err, b)
			}
			b2, _ := json.Marshal(w)
			if string(b) != string(b2) {
				t.Fatalf("%T: encoding not stable:\n%s\n%s", v, b, b2)
			}
		}
	})
}

// fuzzDecoder checks one decoder on arbitrary bytes: it either refuses them
// with a package error, leaving a populated target unchanged, or accepts a
// state whose encoding is stable and whose result can be computed.
func fuzzDecoder[T any](f *testing.F, seeds []T, populated func() *T, result func(*T) string) {
	for _, s := range seeds {
		b, err := json.Marshal(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"unknown":1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		v := populated()
		before, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, v); err != nil {
			if strings.HasPrefix(err.Error(), "scorecard: ") {
				checkErr(t, err)
			}
			after, _ := json.Marshal(v)
			if string(before) != string(after) {
				t.Fatalf("rejected input changed the target:\n%s\n%s", before, after)
			}
			return
		}
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("accepted but does not re-encode: %v", err)
		}
		var w T
		if err := json.Unmarshal(b, &w); err != nil {
			t.Fatalf("own encoding rejected: %v\n%s", err, b)
		}
		if b2, _ := json.Marshal(&w); string(b) != string(b2) {
			t.Fatalf("encoding not stable:\n%s\n%s", b, b2)
		}
		_ = result(&w)
	})
}

func FuzzUnmarshalNPSJSON(f *testing.F) {
	n := npsOf(f, 10, 9, 7, 3)
	var w NPS
	_ = w.AddWeighted(9, 2.5)
	fuzzDecoder(f, []NPS{*n, w}, func() *NPS { var p NPS; _ = p.Add(10); _ = p.Add(0); return &p }, func(n *NPS) string { return fmt.Sprint(n.Result()) })
}

func FuzzUnmarshalCSATJSON(f *testing.F) {
	var c CSAT
	_ = c.Add(4)
	_ = c.AddWeighted(2, 1.5)
	fuzzDecoder(f, []CSAT{c}, func() *CSAT { var c CSAT; _ = c.Add(5); return &c }, func(c *CSAT) string { return fmt.Sprint(c.Result()) })
}

func FuzzUnmarshalCESJSON(f *testing.F) {
	var c CES
	_ = c.Add(6)
	_ = c.AddWeighted(2, 0.5)
	fuzzDecoder(f, []CES{c}, func() *CES { var c CES; _ = c.Add(5); return &c }, func(c *CES) string { return fmt.Sprint(c.Result()) })
}

func FuzzUnmarshalAlphaJSON(f *testing.F) {
	var seeds []Alpha
	for _, p := range []MissingPolicy{CompleteOnly, Listwise, Pairwise} {
		a, _ := NewAlpha(3, p)
		_ = a.Add([]float64{1, 2, 3})
		_ = a.Add([]float64{2, 2, 4})
		seeds = append(seeds, *a)
	}
	fuzzDecoder(f, seeds, func() *Alpha {
		a, _ := NewAlpha(2, Listwise)
		_ = a.Add([]float64{1, 2})
		return a
	}, func(a *Alpha) string { r, err := a.Result(); return fmt.Sprint(r, err) })
}

func FuzzUnmarshalServqualJSON(f *testing.F) {
	in := MustInstrument("two", Likert5, []Item{{ID: "1", Dimension: DimTangibles}, {ID: "2", Dimension: DimEmpathy, Reverse: true}})
	s := NewServqual(in)
	_ = s.Add(ServqualResponse{Expectations: Ratings(5, 4), Perceptions: Ratings(3, 4), Importance: Allocation{50, 0, 0, 0, 50}})
	_ = s.Add(ServqualResponse{Perceptions: []Answer{NA(), Rated(2)}, Weight: 2})
	fuzzDecoder(f, []Servqual{*s}, func() *Servqual {
		p := NewServqual(in)
		_ = p.Add(ServqualResponse{Perceptions: Ratings(1, 2)})
		return p
	}, func(s *Servqual) string { return fmt.Sprint(s.Result()) })
}

func FuzzUnmarshalCardSurveyJSON(f *testing.F) {
	c := testCard()
	_ = c.Add(CardResponse{Importance: Ratings(5, 4, 3), Scores: [][]Answer{Ratings(2, 3, 4), nil}})
	fuzzDecoder(f, []CardSurvey{*c}, testCard, func(c *CardSurvey) string { return fmt.Sprint(c.Samples(), c.ScoreIntervals()) })
}

func FuzzUnmarshalMysteryShopJSON(f *testing.F) {
	m := NewMysteryShop(nil)
	_ = m.Add(Evaluation{Branch: "Centro", Agent: "Ana", Marks: visitGood})
	fuzzDecoder(f, []MysteryShop{*m}, func() *MysteryShop { return NewMysteryShop(nil) }, func(m *MysteryShop) string { return fmt.Sprint(m.Result()) })
}

func FuzzUnmarshalDriversJSON(f *testing.F) {
	var d Drivers
	for _, r := range []DriverRating{{1, 2, 3, 4}, {2, 2, 3, 5}, {3, 1, 2, 2}} {
		_ = d.Add(r)
	}
	fuzzDecoder(f, []Drivers{d}, func() *Drivers { var d Drivers; _ = d.Add(DriverRating{1, 1, 1, 1}); return &d },
		func(d *Drivers) string { m, err := d.Result(); return fmt.Sprint(m, err) })
}

// A short input claiming many items is refused before k² sums are
// allocated.
func TestAlphaJSONDoesNotAllocateForAClaim(t *testing.T) {
	var a Alpha
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	err := json.Unmarshal([]byte(`{"policy":"listwise","items":10000,"rows":3}`), &a)
	runtime.ReadMemStats(&after)
	require.ErrorIs(t, err, ErrInvalidValue)
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(1<<20), "bytes allocated") // k² floats would be 800 MB
}

// Every decoder refuses a field it does not know, and trailing data.
func TestDecodersRefuseUnknownFields(t *testing.T) {
	targets := []any{&Instrument{}, &ReportCard{}, &Form{}, &NPS{}, &CSAT{}, &CES{}, &Drivers{}, &Alpha{},
		&Servqual{}, &MysteryShop{}, &CardSurvey{}}
	for _, v := range targets {
		err := json.Unmarshal([]byte(`{"unknownField":1}`), v)
		require.Error(t, err, "%T", v)
		assert.Contains(t, err.Error(), "unknownField", "%T", v)
		assert.True(t, errors.Is(err, ErrInvalidValue) || errors.Is(err, ErrInvalidInstrument), "%T: %v", v, err)
	}
	assert.Error(t, strictJSON([]byte(`{"promoters":1} {"promoters":2}`), &npsJSON{}), "trailing data")
}
