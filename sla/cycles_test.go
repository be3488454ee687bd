package sla

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCycles checks feature 7 of issue 13 on metricsTicket (24×7), worked
// by hand from its timeline.
func TestCycles(t *testing.T) {
	target := func(d time.Duration) map[Priority]time.Duration { return map[Priority]time.Duration{Normal: d} }
	a, err := NewAgreement(AgreementConfig{Name: "cycles", Kind: ServiceBased, Objectives: []Objective{
		{Metric: Resolution, Threshold: 90, Targets: target(6 * time.Hour)},
		{Metric: GroupOwnership, Threshold: 90, Targets: target(90 * time.Minute)},
	}})
	require.NoError(t, err)
	h := func(n float64) time.Duration { return time.Duration(n * float64(time.Hour)) }
	type want struct {
		metric                   Metric
		group                    string
		start, stop              time.Time
		elapsed, paused          time.Duration
		status                   Status
		breachedAt, deadlineWant time.Time
	}
	check := func(t *testing.T, got []Cycle, wants []want) {
		t.Helper()
		require.Len(t, got, len(wants))
		for i, w := range wants {
			c := got[i]
			assert.Equal(t, w.metric, c.Metric, "cycle %d", i+1)
			assert.Equal(t, w.group, c.Group, "cycle %d", i+1)
			assert.True(t, c.Start.Equal(w.start), "cycle %d start %s", i+1, c.Start)
			assert.True(t, c.Stop.Equal(w.stop), "cycle %d stop %s", i+1, c.Stop)
			assert.Equal(t, w.elapsed, c.Elapsed, "cycle %d elapsed", i+1)
			assert.Equal(t, w.paused, c.Paused, "cycle %d paused", i+1)
			assert.Equal(t, c.Target-c.Elapsed, c.Remaining, "cycle %d", i+1)
			assert.Equal(t, w.status, c.Status, "cycle %d", i+1)
			assert.True(t, c.BreachedAt.Equal(w.breachedAt), "cycle %d breached at %s", i+1, c.BreachedAt)
			assert.True(t, c.Deadline.Equal(w.deadlineWant), "cycle %d deadline %s", i+1, c.Deadline)
		}
	}

	// At 22:00. Resolution: 09:00–21:00 with 5 h counted and 7 h not: the
	// waits 10–12 and 14–17 and the gap 18–20 between resolution and
	// reopening. Group ownership (90 min): n1 09–13 counts 09–10 and 12–13,
	// past 90 min at 12:30; n2 13–18 counts 13–14 and 17–18, past at 17:30,
	// paused 14–17; n2 again 20–21, 1 h.
	got, err := a.Cycles(metricsTicket(), mon(22, 0))
	require.NoError(t, err)
	check(t, got, []want{
		{Resolution, "", mon(9, 0), mon(21, 0), h(5), h(7), Met, time.Time{}, time.Time{}},
		{GroupOwnership, "n1", mon(9, 0), mon(13, 0), h(2), h(2), Breached, mon(12, 30), mon(12, 30)},
		{GroupOwnership, "n2", mon(13, 0), mon(18, 0), h(2), h(3), Breached, mon(17, 30), mon(17, 30)},
		{GroupOwnership, "n2", mon(20, 0), mon(21, 0), h(1), 0, Met, time.Time{}, time.Time{}},
	})

	// At 15:00, waiting for the third party: the ongoing cycles are paused.
	got, err = a.Cycles(metricsTicket(), mon(15, 0))
	require.NoError(t, err)
	check(t, got, []want{
		{Resolution, "", mon(9, 0), time.Time{}, h(3), h(3), OnHold, time.Time{}, time.Time{}},
		{GroupOwnership, "n1", mon(9, 0), mon(13, 0), h(2), h(2), Breached, mon(12, 30), mon(12, 30)},
		{GroupOwnership, "n2", mon(13, 0), time.Time{}, h(1), h(1), OnHold, time.Time{}, time.Time{}},
	})

	// The result of an evaluation describes one of the cycles, with the
	// same figures.
	e, err := a.Evaluate(metricsTicket(), mon(15, 0))
	require.NoError(t, err)
	r := mustResult(t, e, GroupOwnership)
	assert.Equal(t, got[1].Elapsed, r.Elapsed)
	assert.True(t, got[1].BreachedAt.Equal(r.BreachedAt))
	assert.Equal(t, 2, r.Cycles)
}

// TestCyclesNextResponseAndUpdates lists the cycles behind
// TestEvaluateNextResponseAndUpdates (24×7, high priority).
func TestCyclesNextResponseAndUpdates(t *testing.T) {
	a := clockAgreement(t)
	tk := Ticket{ID: "N", Priority: High, Events: []Event{
		ev(Opened, mon(9, 0)), ev(AgentReplied, mon(9, 30)),
		ev(CustomerReplied, mon(10, 0)), ev(CustomerReplied, mon(11, 0)), ev(AgentReplied, mon(13, 0)),
		ev(CustomerReplied, mon(14, 0)), ev(AgentReplied, mon(14, 30)), ev(Resolved, mon(19, 0)),
	}}
	got, err := a.Cycles(tk, mon(20, 0))
	require.NoError(t, err)
	type row struct {
		m           Metric
		start, stop time.Time
		elapsed     time.Duration
		status      Status
	}
	var rows []row
	for _, c := range got {
		rows = append(rows, row{c.Metric, c.Start, c.Stop, c.Elapsed, c.Status})
	}
	assert.Equal(t, []row{
		{FirstResponse, mon(9, 0), mon(9, 30), 30 * time.Minute, Met},
		// The follow-up at 11:00 comes while the 10:00 one waits: one cycle.
		{NextResponse, mon(10, 0), mon(13, 0), 3 * time.Hour, Breached},
		{NextResponse, mon(14, 0), mon(14, 30), 30 * time.Minute, Met},
		{PeriodicUpdate, mon(9, 30), mon(13, 0), 210 * time.Minute, Met},
		{PeriodicUpdate, mon(13, 0), mon(14, 30), 90 * time.Minute, Met},
		{PeriodicUpdate, mon(14, 30), mon(19, 0), 270 * time.Minute, Breached},
		{Resolution, mon(9, 0), mon(19, 0), 10 * time.Hour, Met},
	}, rows)

	// Errors are Evaluate's.
	_, err = a.Cycles(Ticket{ID: "x", Priority: High}, mon(20, 0))
	assert.ErrorIs(t, err, ErrInvalidTicket)
	_, err = a.Cycles(tk, mon(8, 0))
	assert.ErrorIs(t, err, ErrInvalidTicket)
}

func TestCycleJSON(t *testing.T) {
	a := clockAgreement(t)
	got, err := a.Cycles(Ticket{ID: "J", Priority: High, Events: []Event{ev(Opened, mon(9, 0)), ev(AgentReplied, mon(14, 0))}}, mon(15, 0))
	require.NoError(t, err)
	data, err := json.Marshal(got[0])
	require.NoError(t, err)
	// 09:00 → 14:00 against 4 h: breached at 13:00.
	assert.JSONEq(t, `{"objective":"first-response","metric":"first-response","start":"2026-03-02T09:00:00Z","stop":"2026-03-02T14:00:00Z",`+
		`"target":"4h","elapsed":"5h","remaining":"-1h","paused":"0s","status":"breached","breachedAt":"2026-03-02T13:00:00Z","deadline":"2026-03-02T13:00:00Z"}`, string(data))
	var back Cycle
	require.NoError(t, json.Unmarshal(data, &back))
	assert.Equal(t, got[0].Elapsed, back.Elapsed)
	assert.True(t, got[0].BreachedAt.Equal(back.BreachedAt))
	for _, bad := range []string{`{"objective":"x","target":"soon","elapsed":"0s","remaining":"0s","paused":"0s"}`, `{"objective":"x","extra":1}`} {
		err := back.UnmarshalJSON([]byte(bad))
		require.Error(t, err, bad)
		assert.Equal(t, "first-response", back.Objective, "unchanged on error")
	}
}

func FuzzCycleJSON(f *testing.F) {
	f.Add([]byte(`{"objective":"fr","metric":"first-response","start":"2026-03-02T09:00:00Z","target":"4h","elapsed":"5h","remaining":"-1h","paused":"10m","status":"breached","breachedAt":"2026-03-02T13:00:00Z"}`))
	f.Add([]byte(`{"objective":"g","metric":"group-ownership","group":"n1","start":"2026-03-02T09:00:00Z","target":"1h","elapsed":"0s","remaining":"1h","paused":"0s","status":"paused"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var c Cycle
		if err := c.UnmarshalJSON(data); err != nil {
			return
		}
		out, err := json.Marshal(c)
		if err != nil {
			return // an undefined enum value cannot be written
		}
		var back Cycle
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("decode what was encoded: %v\n%s", err, out)
		}
		again, _ := json.Marshal(back)
		if string(again) != string(out) {
			t.Fatalf("round trip changed the cycle:\n%s\n%s", out, again)
		}
	})
}
