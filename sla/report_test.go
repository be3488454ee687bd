package sla

import (
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"reflect"
	"sort"
	"testing"
	"time"

	"github.com/servuction/servuction"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// res builds a result for the report tests.
func res(obj string, m Metric, st Status, elapsed time.Duration) Result {
	return Result{Objective: obj, Metric: m, Threshold: 90, Status: st, Elapsed: elapsed, Cycles: 1, Breaches: map[bool]int{true: 1}[st == Breached]}
}

func TestReportCountsAndCredits(t *testing.T) {
	a := MustAgreement(AgreementConfig{Name: "ans", Kind: ServiceBased,
		Objectives: []Objective{
			{Name: "fr", Metric: FirstResponse, Threshold: 90, Targets: hours(1)},
			{Name: "res", Metric: Resolution, Threshold: 90, Targets: hours(8)},
		},
		Credits: CreditPolicy{Fee: servuction.MustParseMoney("1000000 COP"), Cap: servuction.MustParseMoney("120000 COP"),
			Bands: []CreditBand{{Min: 90, Max: 95, Share: decimal.NewFromInt(5)}, {Min: 0, Max: 90, Share: decimal.NewFromInt(10)}}},
	})
	r := NewReport(a)
	// 25 tickets. fr: 23 met, 2 breached → 23/25 = 92 % (band 90–95: 5 %
	// of 1,000,000 = 50,000). res: 16 met, 4 breached, 5 running → 16/20 =
	// 80 % (band 0–90: 10 % = 100,000). Total 150,000 capped at 120,000.
	for i := 0; i < 25; i++ {
		fr := res("fr", FirstResponse, Met, time.Duration(i+1)*time.Minute)
		if i < 2 {
			fr.Status, fr.Breaches = Breached, 1
		}
		st := Met
		switch {
		case i < 4:
			st = Breached
		case i < 9:
			st = Running
		}
		prio := High
		if i%5 == 0 {
			prio = Low // i = 0, 5, 10, 15, 20
		}
		r.Add(Evaluation{Ticket: "t", Priority: prio, Results: []Result{fr, res("res", Resolution, st, time.Hour)}})
	}
	out := r.Result()
	assert.Equal(t, "ans", out.Agreement)
	assert.Equal(t, int64(25), out.Tickets)
	require.Len(t, out.Objectives, 2)
	fr, rs := out.Objectives[0], out.Objectives[1]
	assert.Equal(t, "fr", fr.Objective)
	assert.Equal(t, int64(23), fr.Met)
	assert.Equal(t, int64(2), fr.Breached)
	assert.Equal(t, int64(2), fr.Breaches)
	assert.True(t, fr.Compliance.Valid)
	assert.InDelta(t, 92.0, fr.Compliance.Value, 1e-9)
	assert.True(t, fr.Holds)
	assert.True(t, fr.Credit.Equal(servuction.MustParseMoney("50000 COP")), fr.Credit.String())
	// Elapsed 1..25 min: nearest rank ⌈0.5·25⌉ = 13th → 13 min; ⌈0.9·25⌉ =
	// 23rd → 23 min; within 1 %.
	assert.InEpsilon(t, float64(13*time.Minute), float64(fr.P50), 0.01)
	assert.InEpsilon(t, float64(23*time.Minute), float64(fr.P90), 0.01)

	assert.Equal(t, "res", rs.Objective)
	assert.Equal(t, int64(25), rs.Tickets)
	assert.Equal(t, int64(5), rs.Running)
	assert.Equal(t, int64(20), rs.Decided)
	assert.True(t, rs.Compliance.Valid)
	assert.InDelta(t, 80.0, rs.Compliance.Value, 1e-9)
	assert.False(t, rs.Holds)
	assert.True(t, rs.Credit.Equal(servuction.MustParseMoney("100000 COP")), rs.Credit.String())
	assert.True(t, out.Credits.Equal(servuction.MustParseMoney("120000 COP")), out.Credits.String())
	// By priority, resolution: low tickets are i = 0 (breached, i < 4),
	// 5 (running, 4 <= i < 9), 10, 15, 20 (met) → 3 met, 1 breached, 1 open,
	// 3/4 = 75 %. High tickets are the other 20: breached i = 1, 2, 3;
	// running i = 4, 6, 7, 8; met 20 − 3 − 4 = 13 → 13/16 = 81.25 %.
	require.Len(t, rs.ByPriority, 2)
	assert.Equal(t, PrioritySummary{Priority: Low, Open: 1, Met: 3, Breached: 1, Compliance: Percent{Value: 75, Valid: true}}, rs.ByPriority[0])
	assert.Equal(t, PrioritySummary{Priority: High, Open: 4, Met: 13, Breached: 3, Compliance: Percent{Value: 81.25, Valid: true}}, rs.ByPriority[1])
}

func TestReportEmptyAndZero(t *testing.T) {
	var z Report
	out := z.Result()
	assert.Empty(t, out.Objectives)
	assert.True(t, out.Credits.IsZero())

	a := clockAgreement(t)
	r := NewReport(a)
	r.Add(Evaluation{Results: []Result{res("first-response", FirstResponse, Running, time.Minute)}})
	s := r.Result().Objectives[0]
	assert.Equal(t, int64(0), s.Decided)
	assert.False(t, s.Holds, "nothing decided: the threshold does not hold")
	assert.Equal(t, time.Duration(0), s.P50)

	other := NewReport(multilevel(t))
	assert.ErrorIs(t, r.Merge(other), ErrMismatch)
	assert.Equal(t, int64(1), r.Result().Tickets, "unchanged")
	require.NoError(t, r.Merge(&z))
	require.NoError(t, z.Merge(r))
	assert.Equal(t, r.Result(), z.Result())
}

func TestReportShardsMergeEqualsOnePass(t *testing.T) {
	a := clockAgreement(t)
	rng := rand.New(rand.NewPCG(7, 11))
	var evals []Evaluation
	for i := 0; i < 300; i++ {
		tk := randomTicket(rng, mon(0, 0))
		e, err := a.Evaluate(tk, mon(24*10, 0))
		if err != nil {
			continue
		}
		evals = append(evals, e)
	}
	require.Greater(t, len(evals), 100)
	one := NewReport(a)
	for _, e := range evals {
		one.Add(e)
	}
	// Three shards merged as (s0 ⊕ s1) ⊕ s2 and s0 ⊕ (s1 ⊕ s2), into a zero
	// Report too.
	shards := []*Report{NewReport(a), NewReport(a), NewReport(a)}
	for i, e := range evals {
		shards[i%3].Add(e)
	}
	left := NewReport(a)
	require.NoError(t, left.Merge(shards[0]))
	require.NoError(t, left.Merge(shards[1]))
	require.NoError(t, left.Merge(shards[2]))
	right12 := &Report{}
	require.NoError(t, right12.Merge(shards[1]))
	require.NoError(t, right12.Merge(shards[2]))
	right := NewReport(a)
	require.NoError(t, right.Merge(shards[0]))
	require.NoError(t, right.Merge(right12))
	assert.Equal(t, one.Result(), left.Result())
	assert.Equal(t, one.Result(), right.Result())
	assert.NotEmpty(t, one.Result().Objectives)
}

// randomTicket is a valid random timeline starting at base.
func randomTicket(rng *rand.Rand, base time.Time) Ticket {
	prios := Priorities()
	tk := Ticket{ID: "r", Priority: prios[rng.IntN(4)]}
	at := base.Add(time.Duration(rng.IntN(48*60)) * time.Minute)
	tk.Events = append(tk.Events, Event{Kind: Opened, At: at})
	var paused, resolved bool
	for n := rng.IntN(10); n > 0; n-- {
		at = at.Add(time.Duration(rng.IntN(8*60)) * time.Minute)
		var e Event
		switch k := rng.IntN(7); {
		case k == 0 && !paused:
			e, paused = Event{Kind: Paused, Reason: PauseReason(rng.IntN(4))}, true
		case k == 0 && paused:
			e, paused = Event{Kind: Resumed}, false
		case k == 1:
			e = Event{Kind: PriorityChanged, Priority: prios[rng.IntN(4)]}
		case k == 2 && !resolved:
			e, resolved = Event{Kind: Resolved}, true
		case k == 2 && resolved:
			e, resolved = Event{Kind: Reopened}, false
		case k == 3:
			e = Event{Kind: CustomerReplied}
		default:
			e = Event{Kind: AgentReplied}
		}
		e.At = at
		tk.Events = append(tk.Events, e)
	}
	return tk
}

func TestHistogramQuantiles(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var h Histogram
	var vals []time.Duration
	for i := 0; i < 5000; i++ {
		// Log-uniform from 1 s to about 11 days.
		d := time.Duration(float64(time.Second) * math.Pow(10, rng.Float64()*6))
		vals = append(vals, d)
		h.Add(d)
	}
	sort.Slice(vals, func(i, j int) bool { return vals[i] < vals[j] })
	for _, q := range []float64{0, 0.01, 0.25, 0.5, 0.9, 0.95, 0.99, 1} {
		rank := int(q*float64(len(vals)) + 0.999999999)
		if rank < 1 {
			rank = 1
		}
		want := vals[rank-1]
		assert.InEpsilon(t, float64(want), float64(h.Quantile(q)), HistogramError, "q=%v", q)
	}
	assert.Equal(t, int64(5000), h.Count())
	var empty Histogram
	assert.Equal(t, time.Duration(0), empty.Quantile(0.5))
	h.Add(0)
	assert.Equal(t, time.Duration(0), h.Quantile(0), "the zero bucket holds the smallest value")
}

func TestReportJSONShardsOnOtherMachines(t *testing.T) {
	a := clockAgreement(t)
	rng := rand.New(rand.NewPCG(5, 9))
	one := NewReport(a)
	shards := []*Report{NewReport(a), NewReport(a)}
	for i := 0; i < 200; i++ {
		e, err := a.Evaluate(randomTicket(rng, mon(0, 0)), mon(24*6, 0))
		require.NoError(t, err)
		one.Add(e)
		shards[i%2].Add(e)
	}
	// Each shard travels as JSON; the receiver merges them into a report of
	// the agreement and gets the same figures as one pass.
	merged := NewReport(a)
	for _, s := range shards {
		data, err := json.Marshal(s)
		require.NoError(t, err)
		var back Report
		require.NoError(t, json.Unmarshal(data, &back))
		require.NoError(t, merged.Merge(&back))
	}
	assert.Equal(t, one.Result(), merged.Result())

	// A report of another agreement (by name) does not merge.
	var other Report
	require.NoError(t, json.Unmarshal([]byte(`{"agreement":"otro","tickets":1}`), &other))
	assert.ErrorIs(t, merged.Merge(&other), ErrMismatch)

	const none = `"elapsed":{"layout":"log2x64","count":0}`
	for _, bad := range []string{
		`{"tickets":-1}`,
		`{"objectives":[{"name":"x","metric":"speed","threshold":90,"cycles":0,"breaches":0,` + none + `}]}`,
		`{"objectives":[{"name":"x","metric":"resolution","threshold":90,"status":{"done":1},"cycles":0,"breaches":0,` + none + `}]}`,
		`{"objectives":[{"name":"x","metric":"resolution","threshold":90,"cycles":0,"breaches":0,"elapsed":{"layout":"log2x64","count":3,"buckets":[[5,1]]}}]}`,
		`{"objectives":[{"name":"x","metric":"resolution","threshold":90,"cycles":0,"breaches":0,"elapsed":{"layout":"log2x64","count":2,"buckets":[[5,1],[5,1]]}}]}`,
		`{"objectives":{"x":{"metric":"resolution","threshold":90,"cycles":0,"breaches":0,"elapsed":{"count":0}}}}`, // the earlier form
		`{"tickets":1,"extra":true}`,
	} {
		var r Report
		err := json.Unmarshal([]byte(bad), &r)
		assert.ErrorIs(t, err, ErrInvalidReport, bad)
	}
}

// TestReportPropertyShards is the accumulator property: random shards (fixed
// seeds), each encoded to JSON and decoded, merged in random order into a
// zero Report or a NewReport, equal one pass over all evaluations, counts,
// histograms and figures alike.
func TestReportPropertyShards(t *testing.T) {
	a := clockAgreement(t)
	rng := rand.New(rand.NewPCG(13, 17))
	var evals []Evaluation
	for len(evals) < 400 {
		e, err := a.Evaluate(randomTicket(rng, mon(0, 0)), mon(24*8, 0))
		require.NoError(t, err)
		evals = append(evals, e)
	}
	one := NewReport(a)
	for _, e := range evals {
		one.Add(e)
	}
	for round := range 20 {
		shards := make([]*Report, 1+rng.IntN(8))
		for i := range shards {
			shards[i] = NewReport(a)
			if rng.IntN(3) == 0 {
				shards[i] = &Report{} // a zero Report accumulates too
			}
		}
		for _, e := range evals {
			shards[rng.IntN(len(shards))].Add(e)
		}
		merged := &Report{}
		if rng.IntN(2) == 0 {
			merged = NewReport(a)
		}
		for _, i := range rng.Perm(len(shards)) {
			data, err := json.Marshal(shards[i])
			require.NoError(t, err)
			var back Report
			require.NoError(t, json.Unmarshal(data, &back), "round %d: %s", round, data)
			require.True(t, back.Equal(shards[i]), "round %d: shard %d changed on the way", round, i)
			require.NoError(t, merged.Merge(&back))
		}
		// A decoded report carries the agreement's name and identity but
		// not the *Agreement: merge it into one of the agreement for the
		// credits and the order.
		final := NewReport(a)
		require.NoError(t, final.Merge(merged))
		require.True(t, final.Equal(one), "round %d", round)
		require.Equal(t, one.Result(), final.Result(), "round %d", round)
	}
}

// TestReportZeroValue checks that a zero Report accumulates and merges.
func TestReportZeroValue(t *testing.T) {
	var z Report
	z.Add(Evaluation{Priority: High, Results: []Result{res("fr", FirstResponse, Met, time.Minute)}})
	var other Report
	require.NoError(t, other.Merge(&z))
	require.NoError(t, other.Merge(nil))
	assert.True(t, other.Equal(&z))
	s := other.Result().Objectives[0]
	assert.Equal(t, int64(1), s.Met)
	assert.Equal(t, Percent{Value: 100, Valid: true}, s.Compliance)
}

func FuzzReportJSON(f *testing.F) {
	a := MustAgreement(AgreementConfig{Name: "f", Kind: ServiceBased, Objectives: []Objective{{Metric: Resolution, Threshold: 90, Targets: hours(4)}}})
	r := NewReport(a)
	r.Add(Evaluation{Priority: High, Results: []Result{res("resolution", Resolution, Met, time.Hour), res("x", FirstResponse, Breached, 0)}})
	seed, _ := json.Marshal(r)
	f.Add(seed)
	f.Add([]byte(`{"tickets":0}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var r Report
		if err := r.UnmarshalJSON(data); err != nil {
			if !errors.Is(err, ErrInvalidReport) {
				t.Fatalf("error does not wrap ErrInvalidReport: %v", err)
			}
			return
		}
		out, err := json.Marshal(&r)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		var back Report
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("decode what was encoded: %v\n%s", err, out)
		}
		if !back.Equal(&r) || !reflect.DeepEqual(r.Result(), back.Result()) {
			t.Fatalf("round trip changed the report:\n%s", out)
		}
		// Merging a decoded report into itself doubles every count and
		// never panics.
		if err := back.Merge(&r); err != nil {
			t.Fatalf("merge a report with its own copy: %v", err)
		}
	})
}

// FuzzHistogramJSON checks the histogram decoder: what it accepts encodes
// back to an equal histogram, and what it refuses wraps ErrInvalidReport.
func FuzzHistogramJSON(f *testing.F) {
	var h Histogram
	for _, d := range []time.Duration{0, time.Second, time.Hour, 1<<63 - 1} {
		h.Add(d)
	}
	seed, _ := json.Marshal(h)
	f.Add(seed)
	f.Add([]byte(`{"layout":"log2x64","count":0}`))
	f.Add([]byte(`{"layout":"log2x64","count":2,"zero":1,"buckets":[[2815,1]]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var h Histogram
		if err := h.UnmarshalJSON(data); err != nil {
			if !errors.Is(err, ErrInvalidReport) {
				t.Fatalf("error does not wrap ErrInvalidReport: %v", err)
			}
			return
		}
		out, err := json.Marshal(h)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		var back Histogram
		if err := json.Unmarshal(out, &back); err != nil || !back.Equal(&h) {
			t.Fatalf("round trip: %v\n%s", err, out)
		}
		for _, q := range []float64{0, 0.5, 1} {
			if back.Quantile(q) < 0 {
				t.Fatalf("negative quantile")
			}
		}
	})
}

// TestReportMergeEqualAgreements is defect G: reports of two agreements built
// separately from the same configuration merge (the agreement is compared by
// its content, not by pointer), and reports of different agreements with the
// same name do not.
func TestReportMergeEqualAgreements(t *testing.T) {
	cfg := func(target time.Duration) AgreementConfig {
		return AgreementConfig{Name: "ans", Kind: ServiceBased, Objectives: []Objective{
			{Name: "fr", Metric: FirstResponse, Threshold: 90, Targets: map[Priority]time.Duration{High: target}}}}
	}
	a1, a2 := MustAgreement(cfg(time.Hour)), MustAgreement(cfg(time.Hour))
	r1, r2 := NewReport(a1), NewReport(a2)
	r1.Add(Evaluation{Priority: High, Results: []Result{res("fr", FirstResponse, Met, time.Minute)}})
	r2.Add(Evaluation{Priority: High, Results: []Result{res("fr", FirstResponse, Breached, 2*time.Hour)}})
	require.NoError(t, r1.Merge(r2))
	got := r1.Result().Objectives[0]
	assert.Equal(t, int64(1), got.Met)
	assert.Equal(t, int64(1), got.Breached)

	// Same name, another target: a different agreement.
	other := NewReport(MustAgreement(cfg(2 * time.Hour)))
	other.Add(Evaluation{Priority: High, Results: []Result{res("fr", FirstResponse, Met, time.Minute)}})
	err := r1.Merge(other)
	assert.ErrorIs(t, err, ErrMismatch)
	assert.Equal(t, int64(2), r1.Result().Tickets, "unchanged on error")
	// Also once decoded from JSON on another machine.
	data, err := json.Marshal(other)
	require.NoError(t, err)
	var decoded Report
	require.NoError(t, json.Unmarshal(data, &decoded))
	assert.ErrorIs(t, r1.Merge(&decoded), ErrMismatch)
	data, err = json.Marshal(r2)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &decoded))
	require.NoError(t, r1.Merge(&decoded))
	assert.Equal(t, int64(3), r1.Result().Tickets)
}

func TestTextPercentile(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{0, "0s"},
		{59500 * time.Millisecond, "59.5s"}, // under a minute: kept to the nanosecond
		{time.Minute - time.Nanosecond, "59.999999999s"}, // still under a minute
		{time.Minute, "1m"},                                   // a minute or more: whole seconds
		{time.Minute + 400*time.Millisecond, "1m"},            // 60.4 s rounds down to 60 s
		{90500 * time.Millisecond, "1m31s"},                   // 90.5 s rounds half away from zero to 91 s
		{Day + time.Hour + 1500*time.Millisecond, "1d1h0m2s"}, // 1.5 s rounds to 2 s
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, textPercentile(tt.d), "%d", int64(tt.d))
	}
}

func TestReportHoldsAndOrder(t *testing.T) {
	a := MustAgreement(AgreementConfig{Name: "ans", Kind: ServiceBased,
		Objectives: []Objective{
			{Name: "zeta", Metric: Resolution, Threshold: 90, Targets: hours(8)},
			{Name: "alpha", Metric: FirstResponse, Threshold: 90, Targets: hours(1)},
		}})
	r := NewReport(a)
	// zeta: 9 met, 1 breached → 100 × 9 / 10 = 90 %, exactly the
	// threshold: it holds. alpha: 8 met, 2 breached → 80 %.
	for i := 0; i < 10; i++ {
		z, al := Met, Met
		if i == 0 {
			z = Breached
		}
		if i < 2 {
			al = Breached
		}
		r.Add(Evaluation{Priority: High, Results: []Result{
			res("alpha", FirstResponse, al, time.Minute), res("zeta", Resolution, z, time.Hour),
			// Results of objectives the agreement does not define come
			// last, by name.
			res("yy", Resolution, Met, time.Hour), res("bb", Resolution, Met, time.Hour),
		}})
	}
	// One urgent ticket still open on zeta: its priority row has no decided
	// ticket, so 0 % compliance, and it is listed.
	r.Add(Evaluation{Priority: Urgent, Results: []Result{res("zeta", Resolution, Running, time.Hour)}})
	out := r.Result()
	require.Len(t, out.Objectives, 4)
	var names []string
	for _, o := range out.Objectives {
		names = append(names, o.Objective)
	}
	assert.Equal(t, []string{"zeta", "alpha", "bb", "yy"}, names, "the agreement's order, then the others by name")
	zeta, alpha := out.Objectives[0], out.Objectives[1]
	assert.Equal(t, Percent{Value: 90.0, Valid: true}, zeta.Compliance)
	assert.True(t, zeta.Holds, "90 % meets a 90 % threshold")
	assert.Equal(t, Percent{Value: 80.0, Valid: true}, alpha.Compliance)
	assert.False(t, alpha.Holds)
	require.Len(t, zeta.ByPriority, 2)
	assert.Equal(t, PrioritySummary{Priority: High, Met: 9, Breached: 1, Compliance: Percent{Value: 90, Valid: true}}, zeta.ByPriority[0])
	assert.Equal(t, PrioritySummary{Priority: Urgent, Open: 1}, zeta.ByPriority[1])
	assert.Equal(t, int64(11), zeta.Tickets)
	assert.Equal(t, int64(10), zeta.Decided)
	assert.True(t, out.Credits.IsZero(), "no credit policy")
}

// TestComplianceUndecidedIsNotZero is issue 18's item: a period whose tickets
// are all still open has no compliance, which the summary tells apart from
// 0 % (every decided ticket breached), in Go and in JSON.
func TestComplianceUndecidedIsNotZero(t *testing.T) {
	open := NewReport(nil)
	open.Add(Evaluation{Priority: High, Results: []Result{res("fr", FirstResponse, Running, time.Minute)}})
	open.Add(Evaluation{Priority: High, Results: []Result{res("fr", FirstResponse, OnHold, time.Minute)}})
	late := NewReport(nil)
	late.Add(Evaluation{Priority: High, Results: []Result{res("fr", FirstResponse, Breached, 2*time.Hour)}})

	undecided, zero := open.Result().Objectives[0], late.Result().Objectives[0]
	assert.Equal(t, Percent{}, undecided.Compliance)
	assert.False(t, undecided.Compliance.Valid)
	assert.False(t, undecided.Holds)
	assert.Equal(t, "none", undecided.Compliance.String())
	assert.Equal(t, Percent{Value: 0, Valid: true}, zero.Compliance)
	assert.Equal(t, "0.0 %", zero.Compliance.String())
	assert.False(t, zero.Holds)
	assert.Equal(t, Percent{}, undecided.ByPriority[0].Compliance)
	assert.Equal(t, Percent{Value: 0, Valid: true}, zero.ByPriority[0].Compliance)

	a, err := json.Marshal(undecided)
	require.NoError(t, err)
	assert.Contains(t, string(a), `"compliance":null`)
	b, err := json.Marshal(zero)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"compliance":0,`)
	for _, tt := range []struct {
		in   string
		want Percent
	}{{`null`, Percent{}}, {`0`, Percent{Value: 0, Valid: true}}, {`92.5`, Percent{Value: 92.5, Valid: true}}} {
		var p Percent
		require.NoError(t, json.Unmarshal([]byte(tt.in), &p))
		assert.Equal(t, tt.want, p)
	}
	var p Percent
	assertOnePrefix(t, json.Unmarshal([]byte(`"92 %"`), &p), ErrInvalidReport)
}
