package sla

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOutageLogUnion(t *testing.T) {
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	m := func(a, b int) Outage {
		return Outage{Start: t0.Add(time.Duration(a) * time.Minute), End: t0.Add(time.Duration(b) * time.Minute), Cause: "x"}
	}
	var l OutageLog // the zero value is ready
	for _, o := range []Outage{m(30, 40), m(0, 10), m(5, 20), m(20, 25), m(50, 50), m(60, 61)} {
		require.NoError(t, l.Add(o))
	}
	// 0–10, 5–20 and 20–25 overlap or touch: 0–25. 50–50 is empty.
	want := []Outage{{Start: t0, End: t0.Add(25 * time.Minute)}, {Start: t0.Add(30 * time.Minute), End: t0.Add(40 * time.Minute)},
		{Start: t0.Add(60 * time.Minute), End: t0.Add(61 * time.Minute)}}
	assert.Equal(t, want, l.Outages())
	assert.Equal(t, 3, l.Len())

	// The union feeds Availability as the outages themselves would.
	a := availabilityAgreement(t, nil, "", 99)
	got, err := a.Availability("up", l.Outages(), t0, t0.Add(100*time.Minute))
	require.NoError(t, err)
	assert.Equal(t, 36*time.Minute, got.Downtime) // 25 + 10 + 1

	// Errors leave the log as it was.
	for _, bad := range []Outage{{Start: t0}, {End: t0}, m(10, 5)} {
		err := l.Add(bad)
		assertOnePrefix(t, err, ErrInvalidOutage)
		assert.Equal(t, want, l.Outages())
	}

	// Coarsen to 15 min: 0–25 → 0–30, which now touches 30–40 → 0–45;
	// 60–61 → 60–75.
	require.NoError(t, l.Coarsen(15*time.Minute))
	assert.Equal(t, []Outage{{Start: t0, End: t0.Add(45 * time.Minute)}, {Start: t0.Add(60 * time.Minute), End: t0.Add(75 * time.Minute)}}, l.Outages())
	assertOnePrefix(t, l.Coarsen(0), ErrInvalidOutage)
}

func TestOutageLogJSON(t *testing.T) {
	var l OutageLog
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.FixedZone("COT", -5*3600))
	require.NoError(t, l.Add(Outage{Start: t0, End: t0.Add(30 * time.Minute)}))
	require.NoError(t, l.Add(Outage{Start: t0.Add(time.Hour), End: t0.Add(time.Hour + time.Nanosecond)}))
	out, err := json.Marshal(&l)
	require.NoError(t, err)
	assert.JSONEq(t, `{"outages":[{"start":"2026-03-02T14:00:00Z","end":"2026-03-02T14:30:00Z"},
		{"start":"2026-03-02T15:00:00Z","end":"2026-03-02T15:00:00.000000001Z"}]}`, string(out))
	var back OutageLog
	require.NoError(t, json.Unmarshal(out, &back))
	assert.True(t, back.Equal(&l))
	var empty OutageLog
	out, err = json.Marshal(&empty)
	require.NoError(t, err)
	assert.JSONEq(t, `{"outages":[]}`, string(out))

	o := func(a, b string) string { return `{"start":"2026-03-02T` + a + `Z","end":"2026-03-02T` + b + `Z"}` }
	for _, bad := range []string{
		`{"outages":[` + o("10:00:00", "09:00:00") + `]}`,                                   // reversed
		`{"outages":[` + o("10:00:00", "10:00:00") + `]}`,                                   // empty
		`{"outages":[` + o("10:00:00", "11:00:00") + `,` + o("09:00:00", "09:30:00") + `]}`, // out of order
		`{"outages":[` + o("10:00:00", "11:00:00") + `,` + o("11:00:00", "12:00:00") + `]}`, // touching
		`{"outages":[{"start":"1500-01-01T00:00:00Z","end":"1500-01-02T00:00:00Z"}]}`,       // out of range
		`{"outages":[],"extra":1}`,
		`{"outages":[{"start":"2026-03-02T10:00:00Z","end":"2026-03-02T11:00:00Z","cause":"x"}]}`,
	} {
		kept := back
		err := kept.UnmarshalJSON([]byte(bad))
		assertOnePrefix(t, err, ErrInvalidReport)
		assert.True(t, kept.Equal(&back), "unchanged on error: %s", bad)
	}
}

// TestOutageLogPropertyShards: random outages in random shards, each encoded
// and decoded, merged in random order, equal one log of them all.
func TestOutageLogPropertyShards(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	t0 := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	for round := range 30 {
		var outages []Outage
		for range 1 + rng.IntN(60) {
			s := t0.Add(time.Duration(rng.IntN(30*24*60)) * time.Minute)
			outages = append(outages, Outage{Start: s, End: s.Add(time.Duration(rng.IntN(240)) * time.Minute)})
		}
		var one OutageLog
		for _, o := range outages {
			require.NoError(t, one.Add(o))
		}
		shards := make([]OutageLog, 1+rng.IntN(6))
		for _, o := range outages {
			require.NoError(t, shards[rng.IntN(len(shards))].Add(o))
		}
		var merged OutageLog
		for _, i := range rng.Perm(len(shards)) {
			data, err := json.Marshal(&shards[i])
			require.NoError(t, err)
			var back OutageLog
			require.NoError(t, json.Unmarshal(data, &back))
			merged.Merge(&back)
		}
		require.True(t, merged.Equal(&one), "round %d", round)
	}
}

func TestRequestTally(t *testing.T) {
	t0 := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	tl, err := NewRequestTally(t0, time.Minute, 60)
	require.NoError(t, err)
	require.NoError(t, tl.Add(RequestCount{At: t0.Add(30 * time.Second), Good: 9, Total: 10}))
	require.NoError(t, tl.Add(RequestCount{At: t0, Good: 1, Total: 1}))
	require.NoError(t, tl.Add(RequestCount{At: t0.Add(59*time.Minute + 59*time.Second), Good: 0, Total: 3}))
	assert.Equal(t, []RequestCount{{At: t0, Good: 10, Total: 11}, {At: t0.Add(59 * time.Minute), Good: 0, Total: 3}}, tl.Counts())
	// Errors leave the tally as it was.
	for _, bad := range []RequestCount{
		{At: t0.Add(time.Hour), Good: 1, Total: 1}, // past the grid
		{At: t0.Add(-time.Nanosecond), Good: 1, Total: 1},
		{At: t0, Good: 2, Total: 1},
		{Good: 1, Total: 1},
	} {
		assertOnePrefix(t, tl.Add(bad), ErrInvalidOutage)
	}
	assert.Len(t, tl.Counts(), 2)

	// Feeding RequestAvailability: 10 + 3 bad of 14.
	a := availabilityAgreement(t, nil, "", 90)
	r, err := a.RequestAvailability("up", tl.Counts(), t0, t0.Add(time.Hour))
	require.NoError(t, err)
	assert.Equal(t, [3]int64{14, 10, 4}, [3]int64{r.Total, r.Good, r.Bad})

	// Merge: the same grid adds, another grid is refused, a zero tally
	// takes the grid.
	other, err := NewRequestTally(t0, time.Minute, 60)
	require.NoError(t, err)
	require.NoError(t, other.Add(RequestCount{At: t0, Good: 5, Total: 5}))
	require.NoError(t, tl.Merge(other))
	assert.Equal(t, RequestCount{At: t0, Good: 15, Total: 16}, tl.Counts()[0])
	wider, err := NewRequestTally(t0, time.Minute, 61)
	require.NoError(t, err)
	assert.ErrorIs(t, tl.Merge(wider), ErrMismatch)
	assert.Equal(t, RequestCount{At: t0, Good: 15, Total: 16}, tl.Counts()[0], "unchanged on error")
	var zero RequestTally
	assertOnePrefix(t, zero.Add(RequestCount{At: t0, Good: 1, Total: 1}), ErrInvalidOutage)
	require.NoError(t, zero.Merge(tl))
	assert.True(t, zero.Equal(tl))
	require.NoError(t, zero.Add(RequestCount{At: t0, Good: 1, Total: 1}))
	assert.False(t, zero.Equal(tl), "the copy does not share counts")

	for _, g := range []struct {
		start time.Time
		step  time.Duration
		n     int
	}{{time.Time{}, time.Minute, 1}, {t0, 0, 1}, {t0, time.Minute, 0}, {t0, time.Minute, maxRequestBuckets + 1},
		{t0, 1 << 62, 4}, {time.Date(1600, 1, 1, 0, 0, 0, 0, time.UTC), time.Minute, 1}} {
		_, err := NewRequestTally(g.start, g.step, g.n)
		assertOnePrefix(t, err, ErrInvalidOutage)
	}
}

func TestRequestTallyJSON(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	tl, err := NewRequestTally(t0, time.Minute, 44640) // March in minutes
	require.NoError(t, err)
	require.NoError(t, tl.Add(RequestCount{At: t0, Good: 59, Total: 60}))
	require.NoError(t, tl.Add(RequestCount{At: t0.Add(time.Minute), Good: 60, Total: 60}))
	out, err := json.Marshal(tl)
	require.NoError(t, err)
	assert.JSONEq(t, `{"start":"2026-03-01T00:00:00Z","step":"1m","buckets":44640,"counts":[[0,59,60],[1,60,60]]}`, string(out))
	var back RequestTally
	require.NoError(t, json.Unmarshal(out, &back))
	assert.True(t, back.Equal(tl))
	var zero RequestTally
	_, err = json.Marshal(&zero)
	assert.ErrorIs(t, err, ErrInvalidReport)

	grid := `"start":"2026-03-01T00:00:00Z","step":"1m","buckets":10`
	for _, bad := range []string{
		`{` + grid + `,"counts":[[10,1,1]]}`,        // past the grid
		`{` + grid + `,"counts":[[-1,1,1]]}`,        // before it
		`{` + grid + `,"counts":[[2,1,1],[1,1,1]]}`, // out of order
		`{` + grid + `,"counts":[[1,1,1],[1,1,1]]}`, // twice
		`{` + grid + `,"counts":[[1,2,1]]}`,         // more good than total
		`{` + grid + `,"counts":[[1,0,0]]}`,         // an empty bucket is never written
		`{` + grid + `,"counts":[[1,-1,1]]}`,
		`{"start":"2026-03-01T00:00:00Z","step":"0s","buckets":10,"counts":[]}`,
		`{"start":"2026-03-01T00:00:00Z","step":"a minute","buckets":10,"counts":[]}`,
		`{"start":"2026-03-01T00:00:00Z","step":"1m","buckets":0,"counts":[]}`,
		`{` + grid + `,"counts":[],"extra":1}`,
	} {
		kept := back
		err := kept.UnmarshalJSON([]byte(bad))
		assertOnePrefix(t, err, ErrInvalidReport)
		assert.True(t, kept.Equal(&back), "unchanged on error: %s", bad)
	}
}

// TestRequestTallyPropertyShards: random counts in random shards, each
// encoded and decoded, merged in random order, equal one tally of them all.
func TestRequestTallyPropertyShards(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 9))
	t0 := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	for round := range 20 {
		one, err := NewRequestTally(t0, time.Minute, 24*60)
		require.NoError(t, err)
		shards := make([]*RequestTally, 1+rng.IntN(6))
		for i := range shards {
			shards[i], err = NewRequestTally(t0, time.Minute, 24*60)
			require.NoError(t, err)
		}
		for range rng.IntN(500) {
			total := rng.Int64N(1000)
			c := RequestCount{At: t0.Add(time.Duration(rng.Int64N(int64(24 * time.Hour)))), Good: rng.Int64N(total + 1), Total: total}
			require.NoError(t, one.Add(c))
			require.NoError(t, shards[rng.IntN(len(shards))].Add(c))
		}
		var merged RequestTally // a zero tally takes the first shard's grid
		for _, i := range rng.Perm(len(shards)) {
			data, err := json.Marshal(shards[i])
			require.NoError(t, err)
			var back RequestTally
			require.NoError(t, json.Unmarshal(data, &back))
			require.NoError(t, merged.Merge(&back))
		}
		require.True(t, merged.Equal(one), "round %d", round)
	}
}

func FuzzOutageLogJSON(f *testing.F) {
	var l OutageLog
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	_ = l.Add(Outage{Start: t0, End: t0.Add(time.Hour)})
	_ = l.Add(Outage{Start: t0.Add(2 * time.Hour), End: t0.Add(3 * time.Hour)})
	seed, _ := json.Marshal(&l)
	f.Add(seed)
	f.Add([]byte(`{"outages":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var l OutageLog
		if err := l.UnmarshalJSON(data); err != nil {
			if !errors.Is(err, ErrInvalidReport) {
				t.Fatalf("error does not wrap ErrInvalidReport: %v", err)
			}
			return
		}
		out, err := json.Marshal(&l)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		var back OutageLog
		if err := json.Unmarshal(out, &back); err != nil || !back.Equal(&l) {
			t.Fatalf("round trip: %v\n%s", err, out)
		}
		back.Merge(&l) // the union with itself is itself
		if !back.Equal(&l) {
			t.Fatalf("merge with itself changed the log")
		}
	})
}

func FuzzRequestTallyJSON(f *testing.F) {
	f.Add([]byte(`{"start":"2026-03-01T00:00:00Z","step":"1m","buckets":10,"counts":[[0,59,60],[9,1,1]]}`))
	f.Add([]byte(`{"start":"2026-03-01T00:00:00Z","step":"1h","buckets":1,"counts":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var tl RequestTally
		if err := tl.UnmarshalJSON(data); err != nil {
			if !errors.Is(err, ErrInvalidReport) {
				t.Fatalf("error does not wrap ErrInvalidReport: %v", err)
			}
			return
		}
		out, err := json.Marshal(&tl)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		var back RequestTally
		if err := json.Unmarshal(out, &back); err != nil || !back.Equal(&tl) {
			t.Fatalf("round trip: %v\n%s", err, out)
		}
		_ = tl.Counts()
	})
}
