package complaint

import (
	"context"
	"testing"

	"github.com/servuction/servuction"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSummarizeSeedsFlow folds the seeds' flow step by step and checks the
// summary against the flow read by hand.
func TestSummarizeSeedsFlow(t *testing.T) {
	ctx := context.Background()
	store := NewMemStore()
	d, _ := newDesk(t, store, nil) // luis gets an SMS and an e-mail on the escalation
	want := []struct {
		state    State
		tier     Tier
		assignee string
		pending  int
	}{
		{Received, TierUnknown, "", 0},
		{Acknowledged, TierUnknown, "", 0},
		{Assigned, Advisor, "ana", 0},
		{InProgress, Advisor, "ana", 0},
		{Assigned, NetworkMember, "luis", 2},
		{InProgress, NetworkMember, "luis", 2},
		{Resolved, NetworkMember, "luis", 2},
		{CallbackDue, NetworkMember, "luis", 2},
		{CalledBack, NetworkMember, "luis", 2},
		{Closed, NetworkMember, "luis", 2},
	}
	for i, ev := range seedsFlow("K-1") {
		_, err := d.Apply(ctx, ev)
		require.NoError(t, err)
		entries, err := store.Load(ctx, "K-1")
		require.NoError(t, err)
		s, err := Summarize(entries)
		require.NoError(t, err)
		w := want[i]
		assert.Equal(t, w.state, s.State, "after %s", ev.Type)
		assert.Equal(t, w.tier, s.Tier, "after %s", ev.Type)
		assert.Equal(t, w.assignee, s.Assignee, "after %s", ev.Type)
		assert.Equal(t, w.pending, s.Pending, "after %s", ev.Type)
		assert.Equal(t, uint64(i+1), s.Version)
		assert.Equal(t, at(0).UTC(), s.ReceivedAt)
		assert.Equal(t, ev.At.UTC(), s.UpdatedAt)
		assert.Equal(t, uint64(1), s.FirstSeq)
		assert.Equal(t, uint64(i+1), s.LastSeq)
	}
	// The summary a store keeps is the same fold.
	p, err := store.Query(ctx, Query{})
	require.NoError(t, err)
	require.Len(t, p.Cases, 1)
	s := p.Cases[0]
	assert.Equal(t, Summary{ID: "K-1", Kind: Claim, Severity: SeverityHigh, Channel: servuction.Phone, Customer: "C-77",
		State: Closed, Tier: NetworkMember, Assignee: "luis", ReceivedAt: at(0).UTC(), UpdatedAt: at(291).UTC(),
		Pending: 2, Version: 10, FirstSeq: 1, LastSeq: 10}, s)
	// Delivering the two messages: pending drops, the case's time does not
	// move.
	d2, _ := newDesk(t, store, &recorder{})
	n, err := d2.Deliver(ctx)
	require.NoError(t, err)
	assert.Equal(t, 2, n)
	p, err = store.Query(ctx, Query{})
	require.NoError(t, err)
	assert.Zero(t, p.Cases[0].Pending)
	assert.Equal(t, at(291).UTC(), p.Cases[0].UpdatedAt)
	assert.Equal(t, uint64(12), p.Cases[0].Version)
}

// TestSummaryApplyRefuses: an entry that does not continue the case is
// refused and the summary is left as it was.
func TestSummaryApplyRefuses(t *testing.T) {
	trail := trailOf(t)
	var a []Entry
	for _, e := range trail {
		if e.Event.Case == "A" {
			a = append(a, e)
		}
	}
	s, err := Summarize(a[:3])
	require.NoError(t, err)
	before := s
	bad := []struct {
		name string
		e    Entry
		err  error
		msg  string
	}{
		{"another case", func() Entry { e := a[3]; e.Event.Case = "B"; return e }(), ErrInvalidEvent, `case "B", want "A"`},
		{"skipped version", a[4], ErrInvalidEvent, "version 5, want 4"},
		{"wrong from", func() Entry { e := a[3]; e.From = Closed; return e }(), ErrIllegalTransition, "from closed"},
		{"not a transition", func() Entry { e := a[3]; e.To = Closed; return e }(), ErrIllegalTransition, "no transition"},
		{"annotation changing the state", func() Entry {
			e := a[3]
			e.Event = Event{Type: Note, Case: "A", Note: "x"}
			e.To = Closed
			return e
		}(), ErrIllegalTransition, "changes the state"},
	}
	for _, b := range bad {
		t.Run(b.name, func(t *testing.T) {
			err := s.Apply(b.e)
			require.ErrorIs(t, err, b.err)
			assert.Contains(t, err.Error(), b.msg)
			assert.Equal(t, before, s)
		})
	}
	_, err = Summarize([]Entry{{Version: 1, To: Received, Event: Event{Type: Receive, Case: "X"}}})
	require.ErrorIs(t, err, ErrInvalidEvent)
	assert.Contains(t, err.Error(), "receive without intake")
}
