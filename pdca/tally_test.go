package pdca

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTallyAddAndChart(t *testing.T) {
	// Calls resolved at first contact, one record a call, in any order.
	var tl Tally // the zero value is ready
	for _, r := range []struct {
		day      string
		resolved bool
	}{{"2026-03-03", true}, {"2026-03-02", true}, {"2026-03-02", false}, {"2026-03-03", true}, {"2026-03-02", true}, {"2026-03-03", false}} {
		hit := int64(0)
		if r.resolved {
			hit = 1
		}
		require.NoError(t, tl.Add(r.day, hit, 1))
	}
	require.NoError(t, tl.Add("2026-03-04", 70, 100)) // a day's batch
	want := Series{{Period: "2026-03-02", Value: 2, Size: 3}, {Period: "2026-03-03", Value: 2, Size: 3}, {Period: "2026-03-04", Value: 70, Size: 100}}
	assert.Equal(t, want, tl.Series())
	assert.Equal(t, want, tl.Result())
	assert.Equal(t, 3, tl.Len())
	// p̄ = 74/106.
	p, err := tl.Chart(Proportions)
	require.NoError(t, err)
	assert.InDelta(t, 74.0/106, p.Center, 1e-15)

	// Bad records are refused and change nothing.
	before := tl.Series()
	for _, bad := range []struct {
		period string
		e, o   int64
	}{{"", 1, 1}, {"  ", 1, 1}, {"d", -1, 1}, {"d", 1, -1}, {"2026-03-04", math.MaxInt64, 0}} {
		assert.ErrorIs(t, tl.Add(bad.period, bad.e, bad.o), ErrInvalidData, "%+v", bad)
	}
	assert.Equal(t, before, tl.Series())

	var empty Tally
	assert.Empty(t, empty.Series())
	require.NoError(t, empty.Merge(nil))
	require.NoError(t, empty.Merge(&tl))
	assert.Equal(t, want, empty.Series(), "merging into a zero value")
	require.NoError(t, empty.Merge(&empty))
	assert.Equal(t, float64(140), empty.Series()[2].Value, "merging a tally with itself doubles it")
	big := Tally{}
	require.NoError(t, big.Add("2026-03-04", math.MaxInt64-10, 0)) // 70 + that overflows
	assert.ErrorIs(t, tl.Merge(&big), ErrInvalidData, "overflow")
	assert.Equal(t, before, tl.Series(), "a refused merge changes nothing")
}

func TestTallyJSON(t *testing.T) {
	var tl Tally
	require.NoError(t, tl.Add("w2", 3, 10))
	require.NoError(t, tl.Add("w1", 0, 0))
	b, err := json.Marshal(&tl)
	require.NoError(t, err)
	assert.Equal(t, `{"periods":[{"period":"w1","events":0,"opportunities":0},{"period":"w2","events":3,"opportunities":10}]}`, string(b))
	var back Tally
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, tl.Series(), back.Series())
	b, err = json.Marshal(&Tally{})
	require.NoError(t, err)
	assert.Equal(t, `{"periods":[]}`, string(b))

	for name, in := range map[string]string{
		"not an object":   `[1]`,
		"no periods":      `{}`,
		"unknown field":   `{"periods":[],"kind":"p"}`,
		"unknown in item": `{"periods":[{"period":"a","events":1,"opportunities":1,"rate":0.5}]}`,
		"empty period":    `{"periods":[{"period":"","events":1,"opportunities":1}]}`,
		"repeated":        `{"periods":[{"period":"a","events":1,"opportunities":1},{"period":"a","events":1,"opportunities":1}]}`,
		"negative":        `{"periods":[{"period":"a","events":-1,"opportunities":1}]}`,
		"fraction":        `{"periods":[{"period":"a","events":1.5,"opportunities":2}]}`,
		"trailing":        `{"periods":[]} {}`,
	} {
		target := tl
		err := target.UnmarshalJSON([]byte(in))
		assert.ErrorIs(t, err, ErrInvalidData, name)
		assert.Equal(t, tl.Series(), target.Series(), "%s: a rejected decode changes nothing", name)
	}
}

func TestTallyShardsMergeToOnePass(t *testing.T) {
	// Random call records over 30 days, split into random shards; each
	// shard is encoded and decoded (as between machines), then merged in a
	// random order: the result equals one pass over all records, to the
	// byte.
	rng := rand.New(rand.NewPCG(17, 42))
	for trial := range 50 {
		type rec struct {
			day  string
			e, o int64
		}
		recs := make([]rec, 1+rng.IntN(2000))
		for i := range recs {
			o := int64(1 + rng.IntN(3))
			recs[i] = rec{fmt.Sprintf("2026-03-%02d", 1+rng.IntN(30)), rng.Int64N(o + 1), o}
		}
		var one Tally
		shards := make([]Tally, 1+rng.IntN(8))
		for _, r := range recs {
			require.NoError(t, one.Add(r.day, r.e, r.o))
			require.NoError(t, shards[rng.IntN(len(shards))].Add(r.day, r.e, r.o))
		}
		var merged Tally
		for _, i := range rng.Perm(len(shards)) {
			b, err := json.Marshal(&shards[i])
			require.NoError(t, err)
			var decoded Tally
			require.NoError(t, json.Unmarshal(b, &decoded))
			require.NoError(t, merged.Merge(&decoded))
		}
		a, err := json.Marshal(&one)
		require.NoError(t, err)
		b, err := json.Marshal(&merged)
		require.NoError(t, err)
		require.Equal(t, string(a), string(b), "trial %d", trial)
		require.Equal(t, one.Series(), merged.Series())
	}
}

func FuzzTallyJSON(f *testing.F) {
	f.Add([]byte(`{"periods":[{"period":"w1","events":3,"opportunities":10}]}`))
	f.Add([]byte(`{"periods":[]}`))
	f.Add([]byte(`{"periods":[{"period":"a","events":-1,"opportunities":1}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var tl Tally
		if err := tl.UnmarshalJSON(b); err != nil {
			if tl.Len() != 0 {
				t.Fatalf("a rejected decode changed the tally")
			}
			return
		}
		out, err := json.Marshal(&tl)
		if err != nil {
			t.Fatalf("marshal after a valid decode: %v", err)
		}
		var back Tally
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("round trip: %v\n%s", err, out)
		}
		again, _ := json.Marshal(&back)
		if string(out) != string(again) {
			t.Fatalf("round trip differs:\n%s\n%s", out, again)
		}
		for _, s := range tl.Series() {
			if s.Value < 0 || s.Size < 0 {
				t.Fatalf("negative count decoded: %+v", s)
			}
		}
	})
}
