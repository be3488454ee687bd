package typology

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/servuction/servuction"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sameStats compares two tally results exactly: names, counts, and
// amounts by value and currency.
func sameStats(t *testing.T, want, got []SegmentStats, msg string) {
	t.Helper()
	require.Len(t, got, len(want), msg)
	for i := range want {
		require.Equal(t, want[i].Segment, got[i].Segment, msg)
		require.Equal(t, want[i].Customers, got[i].Customers, msg)
		require.True(t, want[i].Revenue.Equal(got[i].Revenue), "%s: %s revenue %s vs %s", msg, want[i].Segment, want[i].Revenue, got[i].Revenue)
		require.True(t, want[i].Margin.Equal(got[i].Margin), "%s: %s margin %s vs %s", msg, want[i].Segment, want[i].Margin, got[i].Margin)
	}
}

// Property: random rows in random shards, each shard encoded and decoded,
// merged in random order, equal one pass.
func TestSegmentTallyShardsEqualOnePass(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	segs := []Segment{Champions, LoyalCustomers, AtRisk, Hibernating, NewCustomers, "Young families"}
	for round := 0; round < 50; round++ {
		var one SegmentTally
		shards := make([]SegmentTally, 1+rng.IntN(5))
		for range rng.IntN(200) {
			seg := segs[rng.IntN(len(segs))]
			rev := servuction.Money{Amount: decimal.New(rng.Int64N(10_000_000), -int32(rng.IntN(3))), Currency: "COP"}
			mar := servuction.Money{Amount: decimal.New(rng.Int64N(2_000_000)-500_000, -2), Currency: "COP"}
			require.NoError(t, one.Add(seg, rev, mar))
			require.NoError(t, shards[rng.IntN(len(shards))].Add(seg, rev, mar))
		}
		var merged SegmentTally
		for _, k := range rng.Perm(len(shards)) {
			data, err := json.Marshal(&shards[k])
			require.NoError(t, err)
			var back SegmentTally
			require.NoError(t, json.Unmarshal(data, &back))
			sameStats(t, shards[k].Result(), back.Result(), "round trip")
			require.NoError(t, merged.Merge(&back))
		}
		sameStats(t, one.Result(), merged.Result(), fmt.Sprint("round ", round))
	}
}

func TestSegmentTallyJSON(t *testing.T) {
	var tl SegmentTally
	data, err := json.Marshal(&tl)
	require.NoError(t, err)
	assert.JSONEq(t, `{"segments":[]}`, string(data), "the zero tally")
	require.NoError(t, tl.Add(Champions, cop("1000.50"), cop("-20")))
	require.NoError(t, tl.Add(AtRisk, cop("0"), cop("0")))
	data, err = json.Marshal(&tl)
	require.NoError(t, err)
	assert.JSONEq(t, `{"currency":"COP","segments":[
		{"segment":"At Risk","customers":1,"revenue":"0 COP","margin":"0 COP"},
		{"segment":"Champions","customers":1,"revenue":"1000.5 COP","margin":"-20 COP"}]}`, string(data))
	var bare SegmentTally
	require.NoError(t, bare.Add(Champions, servuction.MustParseMoney("5"), servuction.Money{}))
	data, err = json.Marshal(&bare)
	require.NoError(t, err)
	assert.JSONEq(t, `{"withoutCurrency":true,"segments":[{"segment":"Champions","customers":1,"revenue":"5","margin":"0"}]}`, string(data))
	var back SegmentTally
	require.NoError(t, json.Unmarshal(data, &back))
	assert.ErrorIs(t, back.Add(AtRisk, cop("1"), cop("1")), ErrInvalidHistory, "the decoded tally remembers amounts without currency")

	bad := []struct{ name, json, want string }{
		{"unknown field", `{"segments":[],"extra":1}`, "unknown field"},
		{"empty name", `{"segments":[{"segment":"","customers":1,"revenue":"0","margin":"0"}]}`, "empty name"},
		{"unsorted", `{"currency":"COP","segments":[{"segment":"B","customers":1,"revenue":"1 COP","margin":"0 COP"},{"segment":"A","customers":1,"revenue":"1 COP","margin":"0 COP"}]}`, "not after"},
		{"duplicate", `{"currency":"COP","segments":[{"segment":"A","customers":1,"revenue":"1 COP","margin":"0 COP"},{"segment":"A","customers":1,"revenue":"1 COP","margin":"0 COP"}]}`, "not after"},
		{"no customers", `{"currency":"COP","segments":[{"segment":"A","customers":0,"revenue":"1 COP","margin":"0 COP"}]}`, "0 customers"},
		{"negative revenue", `{"currency":"COP","segments":[{"segment":"A","customers":1,"revenue":"-1 COP","margin":"0 COP"}]}`, "negative"},
		{"other currency", `{"currency":"COP","segments":[{"segment":"A","customers":1,"revenue":"1 EUR","margin":"0 COP"}]}`, "not in the tally's currency"},
		{"bare amount undeclared", `{"segments":[{"segment":"A","customers":1,"revenue":"1","margin":"0"}]}`, "not in the tally's currency"},
		{"both", `{"currency":"COP","withoutCurrency":true,"segments":[]}`, "with and without"},
		{"bad currency", `{"currency":"pesos","segments":[]}`, "currency"},
	}
	// encoding/json refuses trailing data before calling the decoder; a
	// direct call refuses it too.
	require.ErrorIs(t, tl.UnmarshalJSON([]byte(`{"segments":[]} {}`)), ErrInvalidValue)
	for _, b := range bad {
		before := fmt.Sprint(tl.Result())
		err := json.Unmarshal([]byte(b.json), &tl)
		require.ErrorIs(t, err, ErrInvalidValue, b.name)
		assert.Contains(t, err.Error(), b.want, b.name)
		assert.Equal(t, before, fmt.Sprint(tl.Result()), "%s: a rejected decode leaves the tally unchanged", b.name)
	}
}

func TestRFMSketchJSONRejects(t *testing.T) {
	var s RFMSketch
	require.NoError(t, s.Add(RFMInput{Recency: Day, Frequency: 2, Monetary: cop("22.35")}))
	data, err := json.Marshal(&s)
	require.NoError(t, err)
	assert.JSONEq(t, `{"customers":1,"currency":"COP","recencyDays":[{"value":1,"customers":1}],"frequency":[{"value":2,"customers":1}],"monetary":[{"amount":"22.3","customers":1}]}`, string(data))
	var z RFMSketch
	data, err = json.Marshal(&z)
	require.NoError(t, err)
	assert.JSONEq(t, `{"customers":0,"recencyDays":[],"frequency":[],"monetary":[]}`, string(data))

	ok := func(r, f, m string) string {
		return `{"customers":2,"currency":"COP","recencyDays":` + r + `,"frequency":` + f + `,"monetary":` + m + `}`
	}
	good := ok(`[{"value":-1,"customers":1},{"value":3,"customers":1}]`, `[{"value":0,"customers":2}]`, `[{"amount":"0","customers":1},{"amount":"22.3","customers":1}]`)
	var back RFMSketch
	require.NoError(t, json.Unmarshal([]byte(good), &back))
	assert.Equal(t, int64(2), back.Customers())
	bad := []struct{ name, json, want string }{
		{"unknown field", `{"customers":0,"recencyDays":[],"frequency":[],"monetary":[],"x":0}`, "unknown field"},
		{"count mismatch", ok(`[{"value":1,"customers":1}]`, `[{"value":0,"customers":2}]`, `[{"amount":"1","customers":2}]`), "counts 1 customers, want 2"},
		{"unsorted", ok(`[{"value":3,"customers":1},{"value":1,"customers":1}]`, `[{"value":0,"customers":2}]`, `[{"amount":"1","customers":2}]`), "not after"},
		{"days below -1", ok(`[{"value":-2,"customers":2}]`, `[{"value":0,"customers":2}]`, `[{"amount":"1","customers":2}]`), "below -1"},
		{"negative frequency", ok(`[{"value":1,"customers":2}]`, `[{"value":-1,"customers":2}]`, `[{"amount":"1","customers":2}]`), "below 0"},
		{"zero count", ok(`[{"value":1,"customers":0},{"value":2,"customers":2}]`, `[{"value":0,"customers":2}]`, `[{"amount":"1","customers":2}]`), "0 customers"},
		{"not a bucket", ok(`[{"value":1,"customers":2}]`, `[{"value":0,"customers":2}]`, `[{"amount":"22.35","customers":2}]`), "not a bucket lower bound"},
		{"negative amount", ok(`[{"value":1,"customers":2}]`, `[{"value":0,"customers":2}]`, `[{"amount":"-1","customers":2}]`), "out of range"},
		{"huge amount", ok(`[{"value":1,"customers":2}]`, `[{"value":0,"customers":2}]`, `[{"amount":"1e99999","customers":2}]`), "out of range"},
		{"currency without customers", `{"customers":0,"currency":"COP","recencyDays":[],"frequency":[],"monetary":[]}`, "0 customers"},
		{"negative customers", `{"customers":-1,"recencyDays":[],"frequency":[],"monetary":[]}`, "-1 customers"},
	}
	for _, b := range bad {
		err := json.Unmarshal([]byte(b.json), &back)
		require.ErrorIs(t, err, ErrInvalidValue, b.name)
		assert.Contains(t, err.Error(), b.want, b.name)
		assert.Equal(t, int64(2), back.Customers(), "%s: a rejected decode leaves the sketch unchanged", b.name)
	}
}

func TestRFMBoundariesJSONRejects(t *testing.T) {
	good := `{"customers":10,"currency":"COP","recencyDays":[8,6,4,2],"frequency":[3,5,7,9],"monetary":["3000","5000","7000",null],"monetaryRankError":0}`
	var b RFMBoundaries
	require.NoError(t, json.Unmarshal([]byte(good), &b))
	data, err := json.Marshal(b)
	require.NoError(t, err)
	assert.JSONEq(t, good, string(data))
	bad := []struct{ name, json, want string }{
		{"unknown field", `{"customers":0,"recencyDays":[null,null,null,null],"frequency":[null,null,null,null],"monetary":[null,null,null,null],"monetaryRankError":0,"x":1}`, "unknown field"},
		{"days out of order", `{"customers":10,"recencyDays":[2,6,null,null],"frequency":[null,null,null,null],"monetary":[null,null,null,null],"monetaryRankError":0}`, "recencyDays boundary of score 3"},
		{"null before a value", `{"customers":10,"recencyDays":[null,null,null,null],"frequency":[null,5,null,null],"monetary":[null,null,null,null],"monetaryRankError":0}`, "frequency boundary of score 3"},
		{"days below -1", `{"customers":10,"recencyDays":[-3,null,null,null],"frequency":[null,null,null,null],"monetary":[null,null,null,null],"monetaryRankError":0}`, "below −1"},
		{"not a bucket", `{"customers":10,"recencyDays":[null,null,null,null],"frequency":[null,null,null,null],"monetary":["22.35",null,null,null],"monetaryRankError":0}`, "not a bucket lower bound"},
		{"rank error", `{"customers":10,"recencyDays":[null,null,null,null],"frequency":[null,null,null,null],"monetary":[null,null,null,null],"monetaryRankError":10}`, "rank error 10"},
		{"boundaries without customers", `{"customers":0,"recencyDays":[1,null,null,null],"frequency":[null,null,null,null],"monetary":[null,null,null,null],"monetaryRankError":0}`, "without customers"},
	}
	for _, c := range bad {
		err := json.Unmarshal([]byte(c.json), &b)
		require.ErrorIs(t, err, ErrInvalidValue, c.name)
		assert.Contains(t, err.Error(), c.want, c.name)
		assert.Equal(t, int64(10), b.Customers(), "%s: unchanged", c.name)
	}
}

// FuzzSegmentTallyJSON: the decoder never panics; what it accepts encodes
// back to the same bytes, and the decoded tally still adds and merges.
func FuzzSegmentTallyJSON(f *testing.F) {
	f.Add([]byte(`{"currency":"COP","segments":[{"segment":"At Risk","customers":1,"revenue":"0 COP","margin":"0 COP"}]}`))
	f.Add([]byte(`{"withoutCurrency":true,"segments":[{"segment":"Champions","customers":1,"revenue":"5","margin":"0"}]}`))
	f.Add([]byte(`{"segments":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var tl SegmentTally
		if err := tl.UnmarshalJSON(data); err != nil {
			require.ErrorIs(t, err, ErrInvalidValue)
			return
		}
		out, err := json.Marshal(&tl)
		require.NoError(t, err)
		var again SegmentTally
		require.NoError(t, json.Unmarshal(out, &again))
		out2, err := json.Marshal(&again)
		require.NoError(t, err)
		require.Equal(t, string(out), string(out2))
		var fresh SegmentTally
		require.NoError(t, fresh.Merge(&again))
		_ = fresh.Add(Champions, cop("1"), cop("1"))
	})
}

// FuzzRFMSketchJSON: the sketch decoder never panics; what it accepts
// encodes back to the same bytes and gives boundaries that score.
func FuzzRFMSketchJSON(f *testing.F) {
	f.Add([]byte(`{"customers":2,"currency":"COP","recencyDays":[{"value":-1,"customers":1},{"value":3,"customers":1}],"frequency":[{"value":0,"customers":2}],"monetary":[{"amount":"0","customers":1},{"amount":"22.3","customers":1}]}`))
	f.Add([]byte(`{"customers":0,"recencyDays":[],"frequency":[],"monetary":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var s RFMSketch
		if err := s.UnmarshalJSON(data); err != nil {
			require.ErrorIs(t, err, ErrInvalidValue)
			return
		}
		out, err := json.Marshal(&s)
		require.NoError(t, err)
		var again RFMSketch
		require.NoError(t, json.Unmarshal(out, &again))
		out2, err := json.Marshal(&again)
		require.NoError(t, err)
		require.Equal(t, string(out), string(out2))
		b := again.Result()
		bj, err := json.Marshal(b)
		require.NoError(t, err)
		var back RFMBoundaries
		require.NoError(t, json.Unmarshal(bj, &back))
		require.Equal(t, b, back)
		if b.Customers() > 0 {
			_, err := b.Score(RFMInput{Recency: Day, Frequency: 1}, nil)
			require.NoError(t, err)
		}
	})
}

// FuzzRFMBoundariesJSON: the boundaries decoder never panics; what it
// accepts encodes back to the same bytes and scores any valid customer 1–5.
func FuzzRFMBoundariesJSON(f *testing.F) {
	f.Add([]byte(`{"customers":10,"currency":"COP","recencyDays":[8,6,4,2],"frequency":[3,5,7,9],"monetary":["3000","5000","7000",null],"monetaryRankError":0}`))
	f.Add([]byte(`{"customers":5,"recencyDays":[-1,-1,null,null],"frequency":[0,0,null,null],"monetary":["0","0",null,null],"monetaryRankError":0}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var b RFMBoundaries
		if err := b.UnmarshalJSON(data); err != nil {
			require.ErrorIs(t, err, ErrInvalidValue)
			return
		}
		out, err := json.Marshal(b)
		require.NoError(t, err)
		var again RFMBoundaries
		require.NoError(t, json.Unmarshal(out, &again))
		require.Equal(t, b, again)
		if b.Customers() > 0 {
			s, err := b.Score(RFMInput{Recency: 3 * Day, Frequency: 2, Monetary: servuction.Money{Amount: decimal.NewFromInt(50)}}, nil)
			require.NoError(t, err)
			require.True(t, s.R >= 1 && s.R <= 5 && s.F >= 1 && s.F <= 5 && s.M >= 1 && s.M <= 5)
		}
	})
}

func TestModelJSON(t *testing.T) {
	data, err := json.Marshal(CDNOW)
	require.NoError(t, err)
	assert.JSONEq(t, `{"r":0.243,"alpha":4.414,"a":0.793,"b":2.426}`, string(data))
	gg := GammaGamma{P: 6.25, Q: 3.74, Gamma: 15.44}
	data, err = json.Marshal(gg)
	require.NoError(t, err)
	assert.JSONEq(t, `{"p":6.25,"q":3.74,"gamma":15.44}`, string(data))
	// Round trips are exact for any parameters.
	rng := rand.New(rand.NewPCG(8, 8))
	for range 1000 {
		m := BGNBD{R: rng.ExpFloat64(), Alpha: rng.ExpFloat64() * 100, A: rng.Float64() + 1e-9, B: rng.ExpFloat64()}
		data, err := json.Marshal(m)
		require.NoError(t, err)
		var back BGNBD
		require.NoError(t, json.Unmarshal(data, &back))
		require.Equal(t, m, back)
		g := GammaGamma{P: rng.ExpFloat64(), Q: 1 + rng.ExpFloat64(), Gamma: rng.ExpFloat64() * 1e5}
		data, err = json.Marshal(g)
		require.NoError(t, err)
		var gback GammaGamma
		require.NoError(t, json.Unmarshal(data, &gback))
		require.Equal(t, g, gback)
	}
	for _, bad := range []string{
		`{"r":0.2,"alpha":4,"a":0.7}`, `{"r":0.2,"alpha":4,"a":0.7,"b":2,"c":1}`, `{"r":-0.2,"alpha":4,"a":0.7,"b":2}`,
		`{"r":0,"alpha":4,"a":0.7,"b":2}`, `[]`,
	} {
		var m BGNBD = CDNOW
		require.ErrorIs(t, json.Unmarshal([]byte(bad), &m), ErrInvalidValue, bad)
		assert.Equal(t, CDNOW, m, "unchanged after %s", bad)
	}
	for _, bad := range []string{`{"p":1,"q":2}`, `{"p":1,"q":2,"gamma":3,"x":1}`, `{"p":1,"q":-2,"gamma":3}`} {
		g := gg
		require.ErrorIs(t, json.Unmarshal([]byte(bad), &g), ErrInvalidValue, bad)
		assert.Equal(t, gg, g)
	}
}

// FuzzModelJSON: the model decoders never panic; what they accept is a
// valid model that encodes back to the same value.
func FuzzModelJSON(f *testing.F) {
	f.Add([]byte(`{"r":0.243,"alpha":4.414,"a":0.793,"b":2.426}`))
	f.Add([]byte(`{"p":6.25,"q":3.74,"gamma":15.44}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var m BGNBD
		if err := m.UnmarshalJSON(data); err == nil {
			require.NoError(t, m.Validate())
			out, err := json.Marshal(m)
			require.NoError(t, err)
			var back BGNBD
			require.NoError(t, json.Unmarshal(out, &back))
			require.Equal(t, m, back)
		} else {
			require.ErrorIs(t, err, ErrInvalidValue)
		}
		var g GammaGamma
		if err := g.UnmarshalJSON(data); err == nil {
			require.NoError(t, g.Validate())
			out, err := json.Marshal(g)
			require.NoError(t, err)
			var back GammaGamma
			require.NoError(t, json.Unmarshal(out, &back))
			require.Equal(t, g, back)
		} else {
			require.ErrorIs(t, err, ErrInvalidValue)
		}
	})
}
