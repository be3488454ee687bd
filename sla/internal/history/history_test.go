package history

import (
	"testing"
	"time"

	"github.com/servuction/servuction/sla"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestStatusSteps checks every step between states: the events it gives,
// worked from sla's timeline rules (resume before leaving a wait, reopen
// before leaving a solution, nothing after closing).
func TestStatusSteps(t *testing.T) {
	work, cust, third := Status{State: Working}, Status{State: Waiting, Reason: sla.WaitingCustomer}, Status{State: Waiting, Reason: sla.WaitingThirdParty}
	solved, closed := Status{State: Solved}, Status{State: Closed}
	tests := []struct {
		from, to Status
		want     []sla.EventKind
	}{
		{work, work, nil},
		{work, cust, []sla.EventKind{sla.Paused}},
		{work, solved, []sla.EventKind{sla.Resolved}},
		{work, closed, []sla.EventKind{sla.Closed}},
		{cust, work, []sla.EventKind{sla.Resumed}},
		{cust, third, []sla.EventKind{sla.Resumed, sla.Paused}},
		{cust, solved, []sla.EventKind{sla.Resumed, sla.Resolved}},
		{cust, closed, []sla.EventKind{sla.Resumed, sla.Closed}},
		{solved, work, []sla.EventKind{sla.Reopened}},
		{solved, cust, []sla.EventKind{sla.Reopened, sla.Paused}},
		{solved, closed, []sla.EventKind{sla.Closed}},
		{work, Status{}, nil}, // an unknown status leaves the clocks as they were
	}
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		b := &Builder{}
		b.Ticket.Priority = sla.Normal
		b.Open(t0, tt.from)
		n := len(b.Ticket.Events)
		b.Status(t0.Add(time.Hour), tt.to, "step")
		var got []sla.EventKind
		for _, e := range b.Ticket.Events[n:] {
			got = append(got, e.Kind)
		}
		assert.Equal(t, tt.want, got, "%s → %s", tt.from, tt.to)
		require.NoError(t, b.Ticket.Validate(), "%s → %s", tt.from, tt.to)
	}
}

func TestBuilderNotes(t *testing.T) {
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	b := &Builder{}
	b.Ticket.Priority = sla.Low
	b.Open(t0, Status{State: Working})
	b.Priority(t0, sla.High, "creation") // at the opening instant: the initial priority
	b.Attribute(t0, sla.AttrTags, "", []string{}, "creation")
	b.Reply(t0.Add(time.Hour), true, "a")
	b.Reply(t0.Add(30*time.Minute), false, "b") // back in time
	b.Status(t0.Add(2*time.Hour), Status{State: Closed}, "c")
	b.Priority(t0.Add(3*time.Hour), sla.Urgent, "d") // after closing
	assert.Equal(t, sla.High, b.Ticket.Priority)
	assert.Nil(t, b.Ticket.Tags)
	assert.Equal(t, []sla.Event{{Kind: sla.Opened, At: t0}, {Kind: sla.AgentReplied, At: t0.Add(time.Hour)}, {Kind: sla.Closed, At: t0.Add(2 * time.Hour)}}, b.Ticket.Events)
	require.Len(t, b.Unmapped, 2)
	assert.Equal(t, "b: comment: at 2026-03-02T09:30:00Z, before the previous entry at 2026-03-02T10:00:00Z", b.Unmapped[0].String())
	assert.Equal(t, `d: priority "urgent": after the ticket was closed`, b.Unmapped[1].String())
	for _, n := range StatusNames() {
		st, ok := ParseStatus(n)
		require.True(t, ok, n)
		assert.Equal(t, n, st.String())
	}
	_, ok := ParseStatus("asleep")
	assert.False(t, ok)
}
