package servicecycle

import (
	"encoding/json"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// wideLog adds to randomLog journeys that use more unknown moment ids than
// an aggregate lists and more employees than it measures one by one, so
// that the overflow nodes are exercised.
func wideLog(c *Cycle, journeys int, seed uint64) []Encounter {
	log := randomLog(c, journeys, seed)
	rng := rand.New(rand.NewPCG(seed, 99))
	ms := c.Moments()
	for j := range MaxEmployees/4 + 50 {
		cs := "wide-" + strconv.Itoa(j)
		t := t0.Add(time.Duration(rng.IntN(500)) * time.Minute)
		for i, m := range ms {
			e := Encounter{Case: cs, Moment: m.ID, At: t.Add(time.Duration(i) * time.Minute), Rating: 1 + rng.IntN(5),
				Employee: "staff-" + strconv.Itoa(j*len(ms)+i), Duration: time.Duration(rng.IntN(600)) * time.Second}
			if i == 2 {
				e.Moment = "stray-" + strconv.Itoa(j%(MaxUnknownMoments+40))
			}
			log = append(log, e)
		}
	}
	rng.Shuffle(len(log), func(i, j int) { log[i], log[j] = log[j], log[i] })
	return log
}

// summariesOf returns the journeys' summaries of a log, in grouper order.
func summariesOf(t *testing.T, c *Cycle, log []Encounter) []JourneySummary {
	g := NewGrouper(c)
	for _, e := range log {
		require.NoError(t, g.Add(e))
	}
	var out []JourneySummary
	for s := range g.Summaries() {
		out = append(out, s.Clone())
	}
	return out
}

func jsonRoundTrip[T any](t *testing.T, v *T) *T {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	var back T
	require.NoError(t, json.Unmarshal(b, &back), "%s", b)
	again, err := json.Marshal(&back)
	require.NoError(t, err)
	require.Equal(t, string(b), string(again), "the encoding is canonical")
	return &back
}

func mustMarshal(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

// TestAggregateMergeEqualsOnePass is the property test of the stages:
// random shards of journey summaries, each aggregated, encoded and decoded,
// merged in random order, equal one pass, encoding and result alike; so do
// the variants.
func TestAggregateMergeEqualsOnePass(t *testing.T) {
	c := branchCycle()
	sums := summariesOf(t, c, wideLog(c, 600, 3))
	one, oneVars := NewAggregate(c), NewVariants(c)
	for i := range sums {
		require.NoError(t, one.Add(&sums[i]))
		oneVars.Add(&sums[i])
	}
	want, wantVars := one.Result(), oneVars.Result()
	require.Len(t, want.Unknown, MaxUnknownMoments+1, "the overflow node is used")
	require.Equal(t, "", want.Unknown[MaxUnknownMoments].ID)
	require.Equal(t, "", want.Employees[len(want.Employees)-1].Employee)
	for seed := range uint64(5) {
		rng := rand.New(rand.NewPCG(seed, 17))
		order := rng.Perm(len(sums))
		var shards []*Aggregate
		var varShards []*Variants
		for lo := 0; lo < len(order); {
			hi := min(len(order), lo+1+rng.IntN(150))
			a, v := NewAggregate(c), NewVariants(c)
			for _, k := range order[lo:hi] {
				require.NoError(t, a.Add(&sums[k]))
				v.Add(&sums[k])
			}
			shards, varShards = append(shards, jsonRoundTrip(t, a)), append(varShards, jsonRoundTrip(t, v))
			lo = hi
		}
		var merged Aggregate // the zero value is the identity
		var mergedVars Variants
		for _, k := range rng.Perm(len(shards)) {
			require.NoError(t, merged.Merge(shards[k]))
			require.NoError(t, mergedVars.Merge(varShards[k]))
		}
		assert.Equal(t, mustMarshal(t, one), mustMarshal(t, &merged), "seed %d", seed)
		assert.Equal(t, want, merged.Result(), "seed %d", seed)
		assert.Equal(t, wantVars, mergedVars.Result(), "seed %d", seed)
	}
}

// TestGrouperMergeEqualsOnePass: shards of encounters (journeys split
// across shards), each grouper encoded and decoded, merged in random order,
// give the one-pass analysis.
func TestGrouperMergeEqualsOnePass(t *testing.T) {
	c := branchCycle()
	log := randomLog(c, 300, 21)
	want, err := Analyze(c, log)
	require.NoError(t, err)
	rng := rand.New(rand.NewPCG(4, 4))
	var shards []*Analyzer
	for lo := 0; lo < len(log); {
		hi := min(len(log), lo+1+rng.IntN(400))
		a := NewAnalyzer(c)
		for _, e := range log[lo:hi] {
			require.NoError(t, a.Add(e))
		}
		shards = append(shards, jsonRoundTrip(t, a))
		lo = hi
	}
	var merged Analyzer
	for _, k := range rng.Perm(len(shards)) {
		require.NoError(t, merged.Merge(shards[k]))
	}
	assert.Equal(t, want, merged.Result())
}

func TestAggregateZeroAndMismatch(t *testing.T) {
	var zero Aggregate
	s := summariesOf(t, branchCycle(), scenario())[0]
	require.ErrorIs(t, zero.Add(&s), ErrInvalidSummary)
	assert.Equal(t, Analysis{}, zero.Result())
	back := jsonRoundTrip(t, &zero)
	assert.Nil(t, back.Cycle())

	a := NewAggregate(branchCycle())
	require.NoError(t, a.Add(&s))
	before := mustMarshal(t, a)
	other := NewAggregate(ConsumerCycle())
	require.ErrorIs(t, a.Merge(other), ErrCycleMismatch)
	assert.Equal(t, before, mustMarshal(t, a), "a refused merge changes nothing")
	require.ErrorIs(t, a.Add(nil), ErrInvalidSummary)
}

// TestAggregateAddChecksForeignSummaries: a summary decoded from JSON is
// checked against the cycle before it counts.
func TestAggregateAddChecksForeignSummaries(t *testing.T) {
	c := branchCycle()
	sums := summariesOf(t, c, scenario())
	trusted, foreign := NewAggregate(c), NewAggregate(c)
	for i := range sums {
		require.NoError(t, trusted.Add(&sums[i]))
		require.NoError(t, foreign.Add(jsonRoundTrip(t, &sums[i])))
	}
	assert.Equal(t, mustMarshal(t, trusted), mustMarshal(t, foreign))

	tamper := []struct {
		name, want string
		edit       func(*JourneySummary)
	}{
		{"complete", "complete", func(s *JourneySummary) { s.Complete = !s.Complete }},
		{"cost", "cost", func(s *JourneySummary) { s.Cost++ }},
		{"fitness", "fitness", func(s *JourneySummary) { s.Fitness = 0.5 }},
		{"throughput", "throughput", func(s *JourneySummary) { s.Throughput += time.Second }},
		{"outcome", "outcome", func(s *JourneySummary) { s.Outcome = 1 }},
		{"maxCost", "maxCost", func(s *JourneySummary) { s.MaxCost++ }},
		{"order", "before step", func(s *JourneySummary) { s.Steps[1].At = s.Steps[0].At.Add(-time.Minute) }},
		{"rating", "rating 9", func(s *JourneySummary) { s.Steps[0].Rating = 9 }},
		{"encounters", "encounters 3", func(s *JourneySummary) { s.Steps[0].Encounters = 3 }},
		{"deviation", "deviation 1 malformed", func(s *JourneySummary) {
			s.Deviations = append(s.Deviations, JourneyDeviation{Kind: Skipped, Moment: "wait", Position: 99})
		}},
	}
	for _, tt := range tamper {
		t.Run(tt.name, func(t *testing.T) {
			var s JourneySummary
			for _, x := range sums {
				if x.Case == "J1" { // complete and conforming
					s = x.Clone()
				}
			}
			s.cycle = nil
			tt.edit(&s)
			before := mustMarshal(t, foreign)
			err := foreign.Add(&s)
			require.ErrorIs(t, err, ErrInvalidSummary)
			assert.Contains(t, err.Error(), tt.want)
			assert.Equal(t, before, mustMarshal(t, foreign), "a refused summary changes nothing")
		})
	}
}

// TestAggregateJSONRejects: corrupt encodings are refused, naming the
// problem, and leave the aggregate as it was.
func TestAggregateJSONRejects(t *testing.T) {
	c := branchCycle()
	a := NewAggregate(c)
	for _, s := range summariesOf(t, c, scenario()) {
		require.NoError(t, a.Add(&s))
	}
	good := mustMarshal(t, a)
	tests := []struct{ name, from, to, want string }{
		{"unknown field", `"journeys":6`, `"journeys":6,"jorneys":1`, `unknown field "jorneys"`},
		{"version", `"version":1`, `"version":2`, "version 2"},
		{"negative", `"journeys":6`, `"journeys":-6`, "journeys -6 out of range"},
		{"completed", `"completed":4`, `"completed":7`, "completed 7"},
		{"moment id", `"id":"welcome","encounters"`, `"id":"hello","encounters"`, `moment 0 is "hello"`},
		{"histogram sum", `"throughput":{"n":4,"sum":"`, `"throughput":{"n":4,"sum":"1`, "not the sum of the values"},
		{"edge node", `"from":"coffee"`, `"from":"tea"`, `names a moment not listed`},
		{"unknown known", `"unknown":[{"id":"coffee"`, `"unknown":[{"id":"wait"`, "known to the cycle"},
		{"trailing", good, good + "{}", "after the aggregate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Contains(t, good, tt.from)
			bad := strings.Replace(good, tt.from, tt.to, 1)
			b := NewAggregate(c)
			keep := mustMarshal(t, b)
			err := b.UnmarshalJSON([]byte(bad))
			require.ErrorIs(t, err, ErrInvalidAggregate)
			assert.Contains(t, err.Error(), tt.want)
			assert.Equal(t, keep, mustMarshal(t, b))
		})
	}
}

// TestAggregateSizeBounded: the aggregate holds a fixed set of timings
// (three per moment, one per transition observed, the throughput), each a
// histogram of at most sketchBuckets buckets, so its encoding is bounded by
// a size that depends on the cycle; ten times the encounters add no timing.
func TestAggregateSizeBounded(t *testing.T) {
	c := benchCycle()
	build := func(journeys int) *Aggregate {
		g := NewGrouper(c)
		for _, e := range benchLog(c, journeys) {
			require.NoError(t, g.Add(e))
		}
		a := NewAggregate(c)
		for s := range g.Summaries() {
			require.NoError(t, a.Add(s))
		}
		return a
	}
	small, large := build(2_000), build(20_000)
	n := c.Len()
	assert.LessOrEqual(t, len(large.edges), n*n)
	timings := 3*n + 1 + n*n // every transition between the cycle's moments at most
	var widest int
	for _, a := range []*Aggregate{small, large} {
		for i := range a.moments {
			widest = max(widest, len(a.moments[i].since.counts), len(a.moments[i].dur.counts), len(a.moments[i].waiting.counts))
		}
		for i := range a.edges {
			widest = max(widest, len(a.edges[i].time.counts))
		}
	}
	assert.LessOrEqual(t, widest, sketchBuckets)
	bound := len(mustMarshal(t, NewAggregate(c))) + timings*(sketchBuckets*17+200) + n*2000
	t.Logf("encoded aggregate: %d bytes for 20 000 encounters, %d for 200 000; widest histogram %d buckets; bound %d",
		len(mustMarshal(t, small)), len(mustMarshal(t, large)), widest, bound)
	assert.Less(t, len(mustMarshal(t, large)), bound)
}
