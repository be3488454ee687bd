package complaint

import (
	"context"
	"testing"

	"github.com/servuction/servuction/sla"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSeverityPriority(t *testing.T) {
	want := map[Severity]sla.Priority{SeverityUnknown: sla.Normal, SeverityLow: sla.Low, SeverityMedium: sla.Normal,
		SeverityHigh: sla.High, SeverityCritical: sla.Urgent, Severity(40): sla.Normal}
	for s, p := range want {
		assert.Equal(t, p, s.Priority(), "%s", s)
	}
}

// TestTicketOfEvents maps event sequences to the SLA timeline, following the
// rules of TicketOf's documentation. Entries are built by hand: TicketOf
// reads the type, From of a resume, the Public flag of notes and At.
func TestTicketOfEvents(t *testing.T) {
	type step struct {
		typ    EventType
		from   State
		public bool
	}
	const (
		O  = sla.Opened
		AR = sla.AgentReplied
		P  = sla.Paused
		CR = sla.CustomerReplied
		RS = sla.Resumed
		R  = sla.Resolved
		RO = sla.Reopened
		C  = sla.Closed
	)
	tests := []struct {
		name  string
		steps []step
		want  []sla.EventKind
	}{
		{"acknowledge is a reply", []step{{typ: Acknowledge}}, []sla.EventKind{O, AR}},
		{"private note is not", []step{{typ: Note}}, []sla.EventKind{O}},
		{"public note is", []step{{typ: Note, public: true}}, []sla.EventKind{O, AR}},
		{"public note after resolution is not", []step{{typ: Resolve}, {typ: Note, public: true}}, []sla.EventKind{O, R}},
		{"wait for customer pauses, resume is the reply", []step{{typ: WaitForCustomer}, {typ: Resume, from: WaitingCustomer}}, []sla.EventKind{O, AR, P, CR, RS}},
		{"third party does not pause", []step{{typ: WaitForThirdParty}, {typ: Resume, from: WaitingThirdParty}}, []sla.EventKind{O}},
		{"resolved once", []step{{typ: Resolve}, {typ: Resolve}}, []sla.EventKind{O, R}},
		{"dispute reopens a resolved case", []step{{typ: Resolve}, {typ: Dispute}, {typ: Resolve}}, []sla.EventKind{O, R, RO, R}},
		{"reopen reopens once", []step{{typ: Resolve}, {typ: Reopen}, {typ: Reopen}}, []sla.EventKind{O, R, RO}},
		{"dispute of an unresolved case does nothing", []step{{typ: Dispute}}, []sla.EventKind{O}},
		{"merge closes and ends the timeline", []step{{typ: Merge}, {typ: Acknowledge}}, []sla.EventKind{O, C}},
		{"withdraw closes", []step{{typ: Withdraw}}, []sla.EventKind{O, C}},
		{"callbacks and close do not count", []step{{typ: Resolve}, {typ: ScheduleCallback}, {typ: CallBack}, {typ: Close}}, []sla.EventKind{O, R}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := Intake{Kind: Inquiry, Customer: "C-1", Severity: SeverityCritical}
			entries := []Entry{{Event: Event{Type: Receive, Case: "T", At: at(0), Intake: &in}}}
			for i, s := range tt.steps {
				entries = append(entries, Entry{From: s.from, Event: Event{Type: s.typ, Case: "T", At: at(i + 1), Public: s.public}})
			}
			tk, err := TicketOf(entries)
			require.NoError(t, err)
			assert.Equal(t, "T", tk.ID)
			assert.Equal(t, "C-1", tk.Customer)
			assert.Equal(t, "inquiry", tk.Service)
			assert.Equal(t, sla.Urgent, tk.Priority)
			var kinds []sla.EventKind
			for _, e := range tk.Events {
				kinds = append(kinds, e.Kind)
			}
			assert.Equal(t, tt.want, kinds)
			// Events carry their entry's instant: the opening at minute 0.
			assert.Equal(t, at(0), tk.Events[0].At)
		})
	}
	for name, entries := range map[string][]Entry{
		"empty":               nil,
		"not receive first":   {{Event: Event{Type: Acknowledge, Case: "T", At: at(0)}}},
		"receive sans intake": {{Event: Event{Type: Receive, Case: "T", At: at(0)}}},
	} {
		_, err := TicketOf(entries)
		require.ErrorIs(t, err, ErrInvalidEvent, name)
	}
}

// TestEscalateBreachesSkips: with first response 1 h and resolution 8 h
// (high severity), at minute 500 every case received at minute 0 and never
// answered has breached both, at minutes 60 and 480.
func TestEscalateBreachesSkips(t *testing.T) {
	ctx := context.Background()
	d, _ := newDesk(t, NewMemStore(), nil)
	a := agreement24x7(t)
	open := func(id string, tier Tier, assignee string, more ...Event) {
		evs := []Event{
			{Type: Receive, Case: id, At: at(0), Actor: "ana", Tier: Advisor, Intake: claimIntake()},
			{Type: Assign, Case: id, At: at(2), Actor: "ana", Tier: Advisor, ToTier: tier, Assignee: assignee},
			{Type: Start, Case: id, At: at(3), Actor: "ana", Tier: Advisor},
		}
		for _, e := range append(evs, more...) {
			e.Case = id
			_, err := d.Apply(ctx, e)
			require.NoError(t, err, "%s %s", id, e.Type)
		}
	}
	// Nobody named: escalated, the note says so, the reason lists both
	// breaches (minute 60 = 10:00 −05:00 = 15:00 UTC; minute 480 = 22:00 UTC).
	open("NOBODY", Advisor, "")
	// At the top tier: cannot go higher, skipped.
	open("TOP", Specialist, "eva")
	// Escalated by hand at minute 60, exactly when the first breach
	// happened: that escalation answers it.
	open("HAND", Advisor, "ana", Event{Type: Escalate, At: at(60), Actor: "ana", Reason: "r", Note: "n"})
	// Escalated by hand at minute 59, before any breach: escalated again.
	open("EARLY", Advisor, "ana", Event{Type: Escalate, At: at(59), Actor: "ana", Reason: "r", Note: "n"})
	// Waiting for a third party: its clocks run, so it is escalated.
	open("THIRD", Advisor, "ana", Event{Type: WaitForThirdParty, At: at(4), Actor: "ana"})

	esc, err := d.EscalateBreaches(ctx, a, at(500), "sla-watch")
	require.NoError(t, err)
	var ids []string
	for _, c := range esc {
		ids = append(ids, c.ID)
	}
	assert.Equal(t, []string{"NOBODY", "EARLY", "THIRD"}, ids)
	require.Len(t, esc, 3)
	assert.Equal(t, NetworkMember, esc[0].Tier)
	assert.Equal(t, Specialist, esc[1].Tier, "EARLY was already with the network member")
	assert.Equal(t, Assigned, esc[2].State)
	entries, err := d.cfg.Store.Load(ctx, "NOBODY")
	require.NoError(t, err)
	last := entries[len(entries)-1].Event
	assert.Equal(t, "sla-watch", last.Actor)
	assert.Equal(t, at(500).UTC(), last.At)
	assert.Contains(t, last.Note, "was with nobody at tier advisor")
	assert.Contains(t, last.Reason, "target 1h, breached 2026-03-02T15:00:00Z")
	assert.Contains(t, last.Reason, "; resolution (target 8h, breached 2026-03-02T22:00:00Z)")
}
