package complaint

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDecideChecks covers Decide's checks one by one: each row walks the seeds
// flow up to a point and adds one event that must be refused with the given
// sentinel and message, or accepted (want nil) leaving the given state.
func TestDecideChecks(t *testing.T) {
	flow := seedsFlow("D")
	upTo := func(n int, more ...Event) []Event { return append(append([]Event(nil), flow[:n]...), more...) }
	ev := func(typ EventType, m int, f func(*Event)) Event {
		e := Event{Type: typ, Case: "D", At: at(m), Actor: "ana", Tier: Advisor}
		if f != nil {
			f(&e)
		}
		return e
	}
	receive := func(f func(*Intake)) []Event {
		in := *claimIntake()
		f(&in)
		return []Event{ev(Receive, 0, func(e *Event) { e.Intake = &in })}
	}
	resolveIn := func(kind Kind, r Resolution) []Event {
		in := *claimIntake()
		in.Kind = kind
		evs := upTo(4)
		evs[0].Intake = &in
		return append(evs, ev(Resolve, 10, func(e *Event) { e.Resolution = &r }))
	}
	cl, err := NewChecklist(CriticismForError, 0)
	require.NoError(t, err)
	tests := []struct {
		name  string
		evs   []Event
		want  error
		msg   string
		state State // when accepted
	}{
		// Receive.
		{"receive without intake", []Event{ev(Receive, 0, nil)}, ErrInvalidEvent, "intake is missing", 0},
		{"receive of unknown kind", receive(func(in *Intake) { in.Kind = KindUnknown }), ErrInvalidEvent, "kind unknown", 0},
		{"receive of undefined kind", receive(func(in *Intake) { in.Kind = Kind(77) }), ErrInvalidEvent, "is not a known kind", 0},
		{"receive on undefined channel", receive(func(in *Intake) { in.Channel = 200 }), ErrInvalidEvent, "channel", 0},
		{"receive of undefined severity", receive(func(in *Intake) { in.Severity = 9 }), ErrInvalidEvent, "severity", 0},
		{"receive following up itself", receive(func(in *Intake) { in.FollowUpOf = "D" }), ErrInvalidEvent, "follow up itself", 0},
		{"receive following up another", receive(func(in *Intake) { in.FollowUpOf = "E" }), nil, "", Received},
		{"receive with blank customer", receive(func(in *Intake) { in.Customer = "  " }), ErrInvalidEvent, "customer is missing", 0},
		{"receive without channel or severity", receive(func(in *Intake) { in.Channel, in.Severity = 0, 0 }), nil, "", Received},
		// Every event.
		{"no case id", []Event{{Type: Receive, At: at(0), Actor: "ana", Intake: claimIntake()}}, ErrInvalidEvent, "case id is missing", 0},
		{"no instant", upTo(1, Event{Type: Acknowledge, Case: "D", Actor: "ana"}), ErrInvalidEvent, "instant is missing", Received},
		{"other case", upTo(1, Event{Type: Acknowledge, Case: "E", At: at(1), Actor: "ana"}), ErrInvalidEvent, `event for case "E" applied to case "D"`, 0},
		{"undefined actor tier", upTo(1, ev(Acknowledge, 1, func(e *Event) { e.Tier = 8 })), ErrInvalidEvent, "actor tier", 0},
		{"undefined department", upTo(2, ev(Assign, 2, func(e *Event) { e.ToTier = Advisor; e.ToDepartment = 9 })), ErrInvalidEvent, "department", 0},
		{"same instant as the last event", upTo(1, ev(Acknowledge, 0, nil)), nil, "", Acknowledged},
		{"annotation before receive", []Event{ev(Note, 0, func(e *Event) { e.Note = "hi" })}, ErrIllegalTransition, "case (new): no transition for event note in state unknown", 0},
		// Assign and escalate.
		{"assign without tier", upTo(2, ev(Assign, 2, nil)), ErrInvalidEvent, "assign needs a tier", 0},
		{"escalate to the same tier", upTo(5, ev(Escalate, 6, func(e *Event) { e.Reason, e.Note, e.ToTier = "r", "n", NetworkMember })), ErrGuard, "tier network-member is not above the current tier network-member", 0},
		{"escalate two tiers up", upTo(4, ev(Escalate, 6, func(e *Event) { e.Reason, e.Note, e.ToTier = "r", "n", Specialist })), nil, "", Assigned},
		{"escalate from network member to specialist", upTo(5, ev(Escalate, 6, func(e *Event) { e.Reason, e.Note = "r", "n" })), nil, "", Assigned},
		{"escalate with a blank reason", upTo(4, ev(Escalate, 6, func(e *Event) { e.Reason, e.Note = " ", "n" })), ErrGuard, "needs a reason", 0},
		// Resolve.
		{"resolve without resolution", upTo(4, ev(Resolve, 10, nil)), ErrInvalidEvent, "resolution is missing", 0},
		{"resolve with undefined outcome", resolveIn(Complaint, Resolution{Outcome: 9}), ErrInvalidEvent, "is not a decision", 0},
		{"resolve with undefined cause", resolveIn(Complaint, Resolution{Outcome: Upheld, Cause: 99}), ErrInvalidEvent, "cause", 0},
		{"partly upheld claim without remedy", resolveIn(Claim, Resolution{Outcome: PartlyUpheld, Cause: Abuse}), ErrGuard, "needs a remedy", 0},
		{"partly upheld complaint without cause", resolveIn(Complaint, Resolution{Outcome: PartlyUpheld}), ErrGuard, "root cause", 0},
		{"upheld inquiry needs no cause", resolveIn(Inquiry, Resolution{Outcome: Upheld}), nil, "", Resolved},
		{"rejected claim needs no remedy or cause", resolveIn(Claim, Resolution{Outcome: Rejected, Justification: "j", Alternatives: []string{"", "a"}}), nil, "", Resolved},
		{"rejection with blank justification", resolveIn(Claim, Resolution{Outcome: Rejected, Justification: " ", Alternatives: []string{"a"}}), ErrGuard, "justification", 0},
		{"rejection without alternatives", resolveIn(Inquiry, Resolution{Outcome: Rejected, Justification: "j"}), ErrGuard, "at least one alternative", 0},
		// Callbacks.
		{"schedule without due time", upTo(7, ev(ScheduleCallback, 241, nil)), ErrInvalidEvent, "due time is missing", 0},
		{"schedule due at the event", upTo(7, ev(ScheduleCallback, 241, func(e *Event) { e.Due = at(241) })), nil, "", CallbackDue},
		// Default policy: 3 attempts; two failures keep the callback due.
		{"second failure of three", upTo(8, ev(CallbackFailed, 250, nil), ev(CallbackFailed, 260, nil)), nil, "", CallbackDue},
		{"third failure of three", upTo(8, ev(CallbackFailed, 250, nil), ev(CallbackFailed, 260, nil), ev(CallbackFailed, 270, nil)), nil, "", Unreachable},
		{"close after callback", upTo(9, ev(Close, 291, nil)), nil, "", Closed},
		// Default policy: 14 days after resolution at 240.
		{"dispute on the last minute", upTo(10, ev(Dispute, 240+14*24*60, nil)), nil, "", Disputed},
		{"reopen a minute late", upTo(10, ev(Reopen, 240+14*24*60+1, nil)), ErrGuard, "reopen window closed", 0},
		// Merge.
		{"merge without target", upTo(3, ev(Merge, 4, nil)), ErrInvalidEvent, "merge target is missing", 0},
		{"merge", upTo(3, ev(Merge, 4, func(e *Event) { e.Target = "E" })), nil, "", Merged},
		{"withdraw then note", upTo(3, ev(Withdraw, 4, nil), ev(Note, 5, func(e *Event) { e.Note = "n" })), ErrIllegalTransition, "note in state withdrawn", 0},
		// Annotations.
		{"blank note", upTo(3, ev(Note, 4, func(e *Event) { e.Note = "\t" })), ErrInvalidEvent, "note text is missing", 0},
		{"note", upTo(3, ev(Note, 4, func(e *Event) { e.Note = "called the technician" })), nil, "", Assigned},
		{"checklist missing", upTo(3, ev(RecordChecklist, 4, nil)), ErrInvalidEvent, "checklist is missing", 0},
		{"checklist", upTo(3, ev(RecordChecklist, 4, func(e *Event) { e.Checklist = &cl })), nil, "", Assigned},
		{"cost missing", upTo(3, ev(RecordCost, 4, nil)), ErrInvalidEvent, "cost is missing", 0},
		{"cost of unknown kind", upTo(3, ev(RecordCost, 4, func(e *Event) { e.Cost = &Cost{Amount: mustMoney("1 COP")} })), ErrInvalidEvent, "kind unknown", 0},
		{"two costs in one currency", upTo(3,
			ev(RecordCost, 4, func(e *Event) { e.Cost = &Cost{Kind: Refund, Amount: mustMoney("1 COP")} }),
			ev(RecordCost, 5, func(e *Event) { e.Cost = &Cost{Kind: Credit, Amount: mustMoney("2 COP")} })), nil, "", Assigned},
		{"notified without pending message", upTo(3, ev(Notified, 4, func(e *Event) { e.Key = "D#3.1" })), ErrInvalidEvent, `no pending message with key "D#3.1"`, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := applyAll(t, Policy{}, tt.evs...)
			if tt.want == nil {
				require.NoError(t, err)
				assert.Equal(t, tt.state, c.State)
				assert.Equal(t, uint64(len(tt.evs)), c.Version)
				return
			}
			require.ErrorIs(t, err, tt.want)
			assert.Contains(t, err.Error(), tt.msg)
			assert.Equal(t, uint64(len(tt.evs)-1), c.Version, "the refused event changed nothing")
		})
	}
}

// TestDecideNormalisesInstants: At and Due are stored in UTC, and Decide does
// not change the event it was given.
func TestDecideNormalisesInstants(t *testing.T) {
	flow := seedsFlow("N")
	c, err := applyAll(t, Policy{}, flow[:7]...)
	require.NoError(t, err)
	due := at(300) // in UTC−5
	ev := Event{Type: ScheduleCallback, Case: "N", At: at(241), Actor: "luis", Due: due}
	en, err := Decide(c, ev, Policy{})
	require.NoError(t, err)
	assert.Equal(t, time.UTC, en.Event.At.Location())
	assert.Equal(t, time.UTC, en.Event.Due.Location())
	// 09:00 −05:00 on 2 March plus 300 minutes is 19:00 UTC.
	assert.Equal(t, time.Date(2026, 3, 2, 19, 0, 0, 0, time.UTC), en.Event.Due)
	assert.Equal(t, due, ev.Due, "the caller's event is unchanged")
	assert.Equal(t, uint64(8), en.Version)
	assert.Equal(t, Resolved, en.From)
	assert.Equal(t, CallbackDue, en.To)
}

// TestPolicyValidate: zero fields are the defaults, negative ones are
// refused.
func TestPolicyValidate(t *testing.T) {
	tests := []struct {
		name   string
		p      Policy
		window time.Duration
		max    int
		msg    string
	}{
		{"zero", Policy{}, 14 * 24 * time.Hour, 3, ""},
		{"set", Policy{ReopenWindow: time.Hour, MaxCallbackAttempts: 1}, time.Hour, 1, ""},
		{"negative window", Policy{ReopenWindow: -time.Nanosecond}, 0, 0, "reopen window -1ns is negative"},
		{"negative attempts", Policy{MaxCallbackAttempts: -1}, 0, 0, "max callback attempts -1 is negative"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.p.Validate()
			if tt.msg != "" {
				require.ErrorIs(t, err, ErrInvalidConfig)
				assert.Contains(t, err.Error(), tt.msg)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.window, tt.p.reopenWindow())
			assert.Equal(t, tt.max, tt.p.maxAttempts())
		})
	}
}
