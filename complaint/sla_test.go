package complaint

import (
	"context"
	"testing"
	"time"

	"github.com/servuction/servuction/sla"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// agreement24x7: first response 1 h and resolution 8 h for high priority,
// counted in real time (no calendar), at risk past 80 % (the default).
func agreement24x7(t *testing.T) *sla.Agreement {
	t.Helper()
	a, err := sla.NewAgreement(sla.AgreementConfig{Name: "ANS reclamos", Kind: sla.CustomerBased, Objectives: []sla.Objective{
		{Metric: sla.FirstResponse, Threshold: 95, Targets: map[sla.Priority]time.Duration{sla.High: time.Hour}},
		{Metric: sla.Resolution, Threshold: 90, Targets: map[sla.Priority]time.Duration{sla.High: 8 * time.Hour}},
	}})
	require.NoError(t, err)
	return a
}

func TestTicketOfPausesWhileWaitingForCustomer(t *testing.T) {
	ctx := context.Background()
	d, _ := newDesk(t, NewMemStore(), nil)
	ev := seedsFlow("S-1")
	for _, e := range ev[:4] { // receive 0, acknowledge 1, assign 2, start 3
		_, err := d.Apply(ctx, e)
		require.NoError(t, err)
	}
	for _, e := range []Event{
		{Type: WaitForCustomer, Case: "S-1", At: at(60), Actor: "ana", Note: "send the invoice"},
		{Type: Resume, Case: "S-1", At: at(180), Actor: "ana"},
		{Type: WaitForThirdParty, Case: "S-1", At: at(200), Actor: "ana"},
		{Type: Resume, Case: "S-1", At: at(230), Actor: "ana"},
	} {
		_, err := d.Apply(ctx, e)
		require.NoError(t, err)
	}
	entries, err := d.cfg.Store.Load(ctx, "S-1")
	require.NoError(t, err)
	tk, err := TicketOf(entries)
	require.NoError(t, err)
	assert.Equal(t, sla.High, tk.Priority)
	assert.Equal(t, "claim", tk.Service)
	kinds := []sla.EventKind{}
	for _, e := range tk.Events {
		kinds = append(kinds, e.Kind)
	}
	assert.Equal(t, []sla.EventKind{sla.Opened, sla.AgentReplied, sla.AgentReplied, sla.Paused, sla.CustomerReplied, sla.Resumed}, kinds)

	a := agreement24x7(t)
	tests := []struct {
		now     int
		status  sla.Status
		elapsed time.Duration
	}{
		// Resolution clock: now − 0 − the 120 min waiting for the customer
		// (60→180); the third-party wait (200→230) counts.
		{420, sla.Running, 300 * time.Minute},  // 5 h < 6.4 h (80 % of 8 h)
		{540, sla.AtRisk, 420 * time.Minute},   // 7 h ≥ 6.4 h
		{660, sla.Breached, 540 * time.Minute}, // 9 h > 8 h
	}
	for _, tt := range tests {
		e, err := d.Clocks(ctx, a, "S-1", at(tt.now))
		require.NoError(t, err)
		fr, ok := e.Result(sla.FirstResponse)
		require.True(t, ok)
		assert.Equal(t, sla.Met, fr.Status, "acknowledged after 1 min")
		assert.Equal(t, time.Minute, fr.Elapsed)
		r, ok := e.Result(sla.Resolution)
		require.True(t, ok)
		assert.Equal(t, tt.status, r.Status, "now %d", tt.now)
		assert.Equal(t, tt.elapsed, r.Elapsed, "now %d", tt.now)
		if tt.status == sla.Breached {
			// 8 h of clock + the 2 h pause: minute 600.
			assert.True(t, r.BreachedAt.Equal(at(600)), "breached at %s", r.BreachedAt)
		}
	}
}

func TestWatchAndEscalateBreaches(t *testing.T) {
	ctx := context.Background()
	d, _ := newDesk(t, NewMemStore(), nil)
	a := agreement24x7(t)
	// A: acknowledged at 1, in progress with the advisor since minute 3.
	for _, e := range seedsFlow("A")[:4] {
		_, err := d.Apply(ctx, e)
		require.NoError(t, err)
	}
	// B: received at minute 0 and never answered.
	_, err := d.Apply(ctx, seedsFlow("B")[0])
	require.NoError(t, err)
	// C: resolved at first contact.
	_, err = d.Apply(ctx, seedsFlow("C")[0])
	require.NoError(t, err)
	_, err = d.Apply(ctx, Event{Type: Resolve, Case: "C", At: at(5), Actor: "ana", Resolution: &Resolution{Outcome: Upheld, Remedy: "credit", Cause: Forgetfulness}})
	require.NoError(t, err)

	// Minute 50: B's first response (1 h) is at 83 % → at risk; nothing overdue.
	w, err := d.Watch(ctx, a, at(50))
	require.NoError(t, err)
	assert.Empty(t, w.Overdue)
	require.Len(t, w.AtRisk, 1)
	assert.Equal(t, "B", w.AtRisk[0].Case.ID)
	assert.Equal(t, sla.FirstResponse, w.AtRisk[0].Results[0].Metric)

	// Minute 500 (8 h 20 min): A's and B's resolution clocks are past 8 h,
	// B's first response too; C is resolved and not listed.
	w, err = d.Watch(ctx, a, at(500))
	require.NoError(t, err)
	require.Len(t, w.Overdue, 2)
	assert.Equal(t, "A", w.Overdue[0].Case.ID)
	assert.Equal(t, "B", w.Overdue[1].Case.ID)
	assert.Len(t, w.Overdue[1].Results, 2)

	// The breach escalates A one tier up; B is not assigned to a tier yet.
	esc, err := d.EscalateBreaches(ctx, a, at(500), "sla-watch")
	require.NoError(t, err)
	require.Len(t, esc, 1)
	assert.Equal(t, "A", esc[0].ID)
	assert.Equal(t, NetworkMember, esc[0].Tier)
	entries, err := d.cfg.Store.Load(ctx, "A")
	require.NoError(t, err)
	last := entries[len(entries)-1].Event
	assert.Equal(t, Escalate, last.Type)
	assert.Contains(t, last.Reason, "SLA breach: resolution (target 8h, breached 2026-03-02T22:00:00Z)")
	assert.Contains(t, last.Note, "was with ana at tier advisor")
	// Not again for the same breach.
	esc, err = d.EscalateBreaches(ctx, a, at(510), "sla-watch")
	require.NoError(t, err)
	assert.Empty(t, esc)
}
