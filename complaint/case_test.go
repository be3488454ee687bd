package complaint

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFoldFields checks, event by event, the fields that apply records on the
// case, each against a value read off the events by hand.
func TestFoldFields(t *testing.T) {
	flow := seedsFlow("F")
	upTo := func(n int, more ...Event) []Event { return append(append([]Event(nil), flow[:n]...), more...) }
	ev := func(typ EventType, m int, f func(*Event)) Event {
		e := Event{Type: typ, Case: "F", At: at(m), Actor: "ana", Tier: Advisor}
		if f != nil {
			f(&e)
		}
		return e
	}
	resolution := &Resolution{Outcome: Upheld, Remedy: "three days' credit", Cause: ProcessCause}
	tests := []struct {
		name  string
		evs   []Event
		check func(t *testing.T, c Case)
	}{
		{
			// Received (0) and acknowledged (1), then resolved on the spot at
			// minute 4 by the advisor: the advisor's tier held the case.
			name: "resolved at first contact",
			evs:  upTo(2, ev(Resolve, 4, func(e *Event) { e.Resolution = resolution })),
			check: func(t *testing.T, c Case) {
				assert.Equal(t, Resolved, c.State)
				assert.Equal(t, Advisor, c.Tier)
				assert.Equal(t, []Tier{Advisor}, c.HandledBy)
				assert.Equal(t, at(1).UTC(), c.AcknowledgedAt)
				assert.Equal(t, at(4).UTC(), c.FirstResponseAt)
				assert.Equal(t, at(4).UTC(), c.ResolvedAt)
			},
		},
		{
			// Resolved at first contact by an event without the actor's tier:
			// no tier is recorded.
			name: "first contact without actor tier",
			evs:  upTo(2, ev(Resolve, 4, func(e *Event) { e.Resolution = resolution; e.Tier = TierUnknown })),
			check: func(t *testing.T, c Case) {
				assert.Equal(t, TierUnknown, c.Tier)
				assert.Empty(t, c.HandledBy)
			},
		},
		{
			// Resolve after assignment to the advisor (2) and an escalation
			// to the network member (5): the resolver's tier does not replace
			// the held tier, nor add to HandledBy.
			name: "resolved after escalation keeps the held tier",
			evs:  upTo(6, ev(Resolve, 70, func(e *Event) { e.Resolution = resolution; e.Tier = Specialist })),
			check: func(t *testing.T, c Case) {
				assert.Equal(t, NetworkMember, c.Tier)
				assert.Equal(t, []Tier{Advisor, NetworkMember}, c.HandledBy)
			},
		},
		{
			// Schedule (241), one failed call (250), one that reaches the
			// customer (260): two attempts, the first response stays at the
			// resolution (240), the callback stays required.
			name: "callback attempts count failed and successful calls",
			evs:  upTo(8, ev(CallbackFailed, 250, nil), ev(CallBack, 260, nil)),
			check: func(t *testing.T, c Case) {
				assert.Equal(t, CalledBack, c.State)
				assert.Equal(t, 2, c.CallbackAttempts)
				assert.Equal(t, at(240).UTC(), c.FirstResponseAt)
				assert.True(t, c.CallbackRequired)
				assert.Equal(t, at(300).UTC(), c.CallbackDue)
			},
		},
		{
			// A successful first callback: one attempt.
			name: "one successful callback",
			evs:  upTo(9),
			check: func(t *testing.T, c Case) {
				assert.Equal(t, 1, c.CallbackAttempts)
			},
		},
		{
			// Closed at 291, reopened at 300 (within 14 days of 240): one
			// reopen, the close instant cleared, back in progress.
			name: "reopen",
			evs:  upTo(10, ev(Reopen, 300, nil)),
			check: func(t *testing.T, c Case) {
				assert.Equal(t, InProgress, c.State)
				assert.Equal(t, 1, c.Reopens)
				assert.True(t, c.ClosedAt.IsZero())
				assert.Equal(t, at(300).UTC(), c.UpdatedAt)
			},
		},
		{
			// Reopened twice: 291 close, 300 reopen, 310 resolve, 320 close,
			// 330 reopen.
			name: "two reopens",
			evs: upTo(10, ev(Reopen, 300, nil), ev(Resolve, 310, func(e *Event) { e.Resolution = resolution }),
				ev(Close, 320, nil), ev(Reopen, 330, nil)),
			check: func(t *testing.T, c Case) {
				assert.Equal(t, 2, c.Reopens)
				assert.Equal(t, at(310).UTC(), c.ResolvedAt)
				assert.Zero(t, c.CallbackAttempts, "a new resolution resets the attempts")
				assert.False(t, c.CallbackRequired, "the second resolution asked for no callback")
			},
		},
		{
			// A dispute of the closed case clears the close instant.
			name: "dispute",
			evs:  upTo(10, ev(Dispute, 300, nil)),
			check: func(t *testing.T, c Case) {
				assert.Equal(t, Disputed, c.State)
				assert.True(t, c.ClosedAt.IsZero())
				assert.Zero(t, c.Reopens)
			},
		},
		{
			// Only a public note is a response to the customer: the internal
			// note at 2 is not, the public one at 3 is.
			name: "public note is the first response",
			evs: upTo(2, ev(Note, 2, func(e *Event) { e.Note = "internal" }),
				ev(Note, 3, func(e *Event) { e.Note = "we are on it"; e.Public = true })),
			check: func(t *testing.T, c Case) {
				assert.Equal(t, at(3).UTC(), c.FirstResponseAt)
				assert.Equal(t, Acknowledged, c.State)
			},
		},
		{
			// Assign without acknowledging first: the assignment is the
			// acknowledgement (minute 2).
			name: "assign acknowledges",
			evs:  []Event{flow[0], ev(Assign, 2, func(e *Event) { e.ToTier = NetworkMember; e.ToDepartment = Marketing; e.Assignee = "luis" })},
			check: func(t *testing.T, c Case) {
				assert.Equal(t, at(2).UTC(), c.AcknowledgedAt)
				assert.Equal(t, NetworkMember, c.Tier)
				assert.Equal(t, Marketing, c.Department)
				assert.Equal(t, "luis", c.Assignee)
				assert.Zero(t, c.Escalations)
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := applyAll(t, Policy{}, tt.evs...)
			require.NoError(t, err)
			assert.Equal(t, uint64(len(tt.evs)), c.Version)
			tt.check(t, c)
		})
	}
}

// TestFoldRefusesEntries checks each consistency check of Fold on a trail
// taken from the seeds flow and altered by hand.
func TestFoldRefusesEntries(t *testing.T) {
	var entries []Entry
	var c Case
	for _, ev := range seedsFlow("K")[:4] {
		en, err := Decide(c, ev, Policy{})
		require.NoError(t, err)
		require.NoError(t, c.apply(en))
		entries = append(entries, en)
	}
	tests := []struct {
		name  string
		alter func([]Entry)
		want  error
		msg   string
	}{
		{"other case", func(es []Entry) { es[1].Event.Case = "Z" }, ErrInvalidEvent, `case "Z", want "K"`},
		{"version gap", func(es []Entry) { es[2].Version = 4 }, ErrInvalidEvent, "version 4, want 3"},
		{"wrong from", func(es []Entry) { es[2].From = InProgress }, ErrIllegalTransition, "from in-progress"},
		{"annotation changes state", func(es []Entry) {
			es[3].Event = Event{Type: Note, Case: "K", At: at(3), Actor: "ana", Note: "n"}
		}, ErrIllegalTransition, "note changes the state"},
		{"no such row", func(es []Entry) { es[3].To = Closed }, ErrIllegalTransition, "no transition assigned --start--> closed"},
		{"receive without intake", func(es []Entry) { es[0].Event.Intake = nil }, ErrInvalidEvent, "receive without intake"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es := append([]Entry(nil), entries...)
			tt.alter(es)
			_, err := Fold(es)
			require.ErrorIs(t, err, tt.want)
			assert.Contains(t, err.Error(), tt.msg)
		})
	}
	got, err := Fold(entries)
	require.NoError(t, err)
	assert.Equal(t, InProgress, got.State)
	assert.Equal(t, uint64(4), got.Version)
}
