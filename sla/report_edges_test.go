package sla

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
