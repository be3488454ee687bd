package complaint

import (
	"context"
	"fmt"
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

// TestDeskRecordsDeadlines follows the deadlines a desk with agreement24x7
// records on each entry, worked by hand: first response 60 min, resolution
// 480 min, at risk past 80 % (48 and 384 min), the case received at minute 0.
func TestDeskRecordsDeadlines(t *testing.T) {
	ctx := context.Background()
	store := NewMemStore()
	d, err := NewDesk(DeskConfig{Store: store, Agreement: agreement24x7(t)})
	require.NoError(t, err)
	flow := seedsFlow("D-1")
	steps := []struct {
		ev        Event
		due, risk int // minutes; -1 for none
	}{
		// Both clocks run: first response is the earlier.
		{flow[0], 60, 48},
		// Acknowledged at 10: only the resolution clock runs.
		{flow[1], 480, 384},
		{Event{Type: Assign, Case: "D-1", At: at(11), Actor: "ana", ToTier: Advisor, Assignee: "ana"}, 480, 384},
		{Event{Type: Start, Case: "D-1", At: at(12), Actor: "ana"}, 480, 384},
		// Waiting for the customer from 60: every clock paused.
		{Event{Type: WaitForCustomer, Case: "D-1", At: at(60), Actor: "ana"}, -1, -1},
		// Resumed at 180 with 60 min used: 420 left, at risk after 324 more.
		{Event{Type: Resume, Case: "D-1", At: at(180), Actor: "ana"}, 600, 504},
		// Past the deadline and still running: overdue since 600.
		{Event{Type: Note, Case: "D-1", At: at(700), Actor: "ana", Note: "chasing the technician"}, 600, 600},
		// Resolved: no clock runs.
		{Event{Type: Resolve, Case: "D-1", At: at(720), Actor: "ana", Resolution: &Resolution{Outcome: Upheld, Remedy: "credit", Cause: ProcessCause}}, -1, -1},
	}
	minute := func(m int) time.Time {
		if m < 0 {
			return time.Time{}
		}
		return at(m).UTC()
	}
	for i, s := range steps {
		if s.ev.Type == Acknowledge {
			s.ev.At = at(10)
		}
		_, err := d.Apply(ctx, s.ev)
		require.NoError(t, err, "step %d", i)
		entries, err := store.Load(ctx, "D-1")
		require.NoError(t, err)
		last := entries[len(entries)-1]
		assert.Equal(t, minute(s.due), last.DueAt, "step %d (%s): due", i, s.ev.Type)
		assert.Equal(t, minute(s.risk), last.RiskAt, "step %d (%s): risk", i, s.ev.Type)
	}
	// The summary's status at a few instants after the note at 700.
	p, err := d.Query(ctx, Query{SLA: SLAOverdue, At: at(710)})
	require.NoError(t, err)
	assert.Empty(t, p.Cases, "resolved at 720: no clock runs")
}

// TestDeadlinesOnABusinessCalendar: resolution in 4 business hours,
// Monday–Friday 09:00–17:00 UTC, at risk past half of it. A case received
// Friday 6 March 2026 at 16:00 uses 1 h on Friday and is due Monday 9 March
// at 12:00 (3 h more), at risk Monday at 10:00 (2 h in all).
func TestDeadlinesOnABusinessCalendar(t *testing.T) {
	day := sla.MustParseShifts("09:00-17:00")
	office, err := sla.NewCalendar(sla.CalendarConfig{Week: map[time.Weekday][]sla.Shift{
		time.Monday: day, time.Tuesday: day, time.Wednesday: day, time.Thursday: day, time.Friday: day}})
	require.NoError(t, err)
	a, err := sla.NewAgreement(sla.AgreementConfig{Name: "office", Kind: sla.CustomerBased,
		Calendars: map[string]*sla.Calendar{"office": office},
		Objectives: []sla.Objective{{Metric: sla.Resolution, Calendar: "office", Threshold: 90, AtRisk: 0.5,
			Targets: map[sla.Priority]time.Duration{sla.High: 4 * time.Hour}}}})
	require.NoError(t, err)
	store := NewMemStore()
	d, err := NewDesk(DeskConfig{Store: store, Agreement: a})
	require.NoError(t, err)
	friday := time.Date(2026, 3, 6, 16, 0, 0, 0, time.UTC)
	_, err = d.Apply(context.Background(), Event{Type: Receive, Case: "F-1", At: friday, Actor: "ana", Intake: claimIntake()})
	require.NoError(t, err)
	p, err := d.Query(context.Background(), Query{})
	require.NoError(t, err)
	require.Len(t, p.Cases, 1)
	assert.Equal(t, time.Date(2026, 3, 9, 12, 0, 0, 0, time.UTC), p.Cases[0].DueAt)
	assert.Equal(t, time.Date(2026, 3, 9, 10, 0, 0, 0, time.UTC), p.Cases[0].RiskAt)
	for _, tt := range []struct {
		at   time.Time
		want SLAStatus
	}{
		{time.Date(2026, 3, 9, 9, 59, 0, 0, time.UTC), SLAOnTime},
		{time.Date(2026, 3, 9, 10, 0, 0, 0, time.UTC), SLAAtRisk},
		{time.Date(2026, 3, 9, 12, 0, 0, 0, time.UTC), SLAAtRisk},
		{time.Date(2026, 3, 9, 12, 0, 0, 1, time.UTC), SLAOverdue},
	} {
		assert.Equal(t, tt.want, p.Cases[0].SLAStatus(tt.at), "%s", tt.at)
		// The same verdict as the agreement's own evaluation at that instant.
		ev, err := d.Clocks(context.Background(), a, "F-1", tt.at)
		require.NoError(t, err)
		r, _ := ev.Result(sla.Resolution)
		want := map[SLAStatus]sla.Status{SLAOnTime: sla.Running, SLAAtRisk: sla.AtRisk, SLAOverdue: sla.Breached}[tt.want]
		assert.Equal(t, want, r.Status, "%s", tt.at)
	}
}

// TestWatchSameWithAndWithoutQueries: a desk reading only the open cases
// (with queries, with or without its own agreement) flags the same cases
// as one replaying the trail.
func TestWatchSameWithAndWithoutQueries(t *testing.T) {
	ctx := context.Background()
	a := agreement24x7(t)
	mem := NewMemStore()
	d, err := NewDesk(DeskConfig{Store: mem, Agreement: a})
	require.NoError(t, err)
	for i := range 8 {
		flow := seedsFlow(fmt.Sprint("W-", i))
		for _, ev := range flow[:1+i%5] {
			ev.At = ev.At.Add(time.Duration(i*20) * time.Minute)
			_, err := d.Apply(ctx, ev)
			require.NoError(t, err)
		}
	}
	noAgreement, err := NewDesk(DeskConfig{Store: mem})
	require.NoError(t, err)
	replaying, err := NewDesk(DeskConfig{Store: plainStore{mem}})
	require.NoError(t, err)
	for _, now := range []int{141, 170, 200, 410, 600} {
		want, err := replaying.Watch(ctx, a, at(now))
		require.NoError(t, err)
		for _, dd := range []*Desk{d, noAgreement} {
			got, err := dd.Watch(ctx, a, at(now))
			require.NoError(t, err)
			assert.Equal(t, want, got, "at minute %d", now)
		}
		if now == 410 { // W-0 overdue since minute 60; W-1 at risk since 20+384
			assert.NotEmpty(t, want.Overdue)
			assert.NotEmpty(t, want.AtRisk)
		}
	}
}
