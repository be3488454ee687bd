package complaint

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDefaultMessenger: only assignments and escalations to a known contact
// notify, by the media the contact has.
func TestDefaultMessenger(t *testing.T) {
	m := DefaultMessenger(map[string]Contact{
		"luis":  {Phone: "+57 300", Email: "luis@red.example"},
		"marta": {Email: "marta@ventas.example"},
		"pedro": {Phone: "+57 301"},
		"nadie": {},
	})
	c := Case{ID: "K-1", Intake: Intake{Kind: Claim, Severity: SeverityHigh, Subject: "Internet down"}}
	entry := func(typ EventType, assignee, note string) Entry {
		return Entry{Event: Event{Type: typ, Case: "K-1", Actor: "ana", Assignee: assignee, Note: note}}
	}
	tests := []struct {
		name  string
		e     Entry
		media []Medium
		to    []string
	}{
		{"assign to luis", entry(Assign, "luis", ""), []Medium{SMS, EmailMessage}, []string{"+57 300", "luis@red.example"}},
		{"escalate to marta", entry(Escalate, "marta", "see the contract"), []Medium{EmailMessage}, []string{"marta@ventas.example"}},
		{"assign to pedro", entry(Assign, "pedro", ""), []Medium{SMS}, []string{"+57 301"}},
		{"contact without media", entry(Assign, "nadie", ""), nil, nil},
		{"unknown agent", entry(Assign, "zoe", ""), nil, nil},
		{"start does not notify", entry(Start, "luis", ""), nil, nil},
		{"note does not notify", entry(Note, "luis", "x"), nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msgs := m(c, tt.e)
			require.Len(t, msgs, len(tt.media))
			for i, msg := range msgs {
				assert.Equal(t, tt.media[i], msg.Medium)
				assert.Equal(t, tt.to[i], msg.To)
				assert.Equal(t, "Case K-1 (claim, high) assigned to you", msg.Subject)
			}
		})
	}
	withNote := m(c, entry(Escalate, "marta", "see the contract"))[0].Body
	assert.Equal(t, "escalate from ana: Internet down | hand-off: see the contract", withNote)
	without := m(c, entry(Assign, "marta", ""))[0].Body
	assert.Equal(t, "assign from ana: Internet down", without)
	assert.Equal(t, "K-1#12.3", messageKey("K-1", 12, 2))
}

// TestChecklistEdges: step indexes are 0-based, an empty checklist is 0 %
// complete, Missing ignores flags beyond the protocol's steps.
func TestChecklistEdges(t *testing.T) {
	tests := []struct {
		name    string
		p       Protocol
		done    []int
		msg     string // "" for valid
		percent float64
		missing int
	}{
		{"first step", ComprehensionProblems, []int{0}, "", 0.25, 3},
		{"last step", ComprehensionProblems, []int{3}, "", 0.25, 3},
		{"all steps", ComprehensionProblems, []int{0, 1, 2, 3}, "", 1, 0},
		{"none", CriticismForError, nil, "", 0, 8},
		{"past the end", ComprehensionProblems, []int{4}, "step 4 out of range 0..3", 0, 0},
		{"negative", ComprehensionProblems, []int{-1}, "step -1 out of range 0..3", 0, 0},
		{"undefined protocol", Protocol(9), nil, "protocol protocol(9)", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := NewChecklist(tt.p, tt.done...)
			if tt.msg != "" {
				require.ErrorIs(t, err, ErrInvalidValue)
				assert.Contains(t, err.Error(), tt.msg)
				return
			}
			require.NoError(t, err)
			assert.InDelta(t, tt.percent, c.Completion(), 1e-12)
			assert.Len(t, c.Missing(), tt.missing)
		})
	}
	assert.Zero(t, Checklist{}.Completion())
	assert.Nil(t, ProtocolUnknown.Steps())
	assert.Nil(t, Protocol(9).Steps())
	// Two flags too many: Validate refuses; Missing lists only real steps.
	long := Checklist{Protocol: ComprehensionProblems, Done: make([]bool, 6)}
	require.ErrorIs(t, long.Validate(), ErrInvalidValue)
	assert.Len(t, long.Missing(), 4)
	// Steps returns a copy.
	s := DenyingRequest.Steps()
	s[0].English = "changed"
	assert.NotEqual(t, "changed", DenyingRequest.Steps()[0].English)
}

func TestKindRules(t *testing.T) {
	redress := map[Kind]bool{Claim: true, Return: true, Repair: true, Warranty: true}
	failure := map[Kind]bool{Complaint: true, Claim: true, Incident: true, Return: true, Repair: true, Warranty: true}
	for _, k := range append(Kinds(), KindUnknown) {
		assert.Equal(t, redress[k], k.AsksForRedress(), "%s", k)
		assert.Equal(t, failure[k], k.ReportsFailure(), "%s", k)
	}
	assert.Equal(t, FunctionUnknown, KindUnknown.Function())
	assert.Equal(t, []Kind{Incident}, Incidents.Kinds())
	assert.Equal(t, []Kind{Complaint}, Complaints.Kinds())
	assert.Equal(t, []Kind{Claim}, Claims.Kinds())
	assert.Empty(t, FunctionUnknown.Kinds())
}

func TestStatePredicates(t *testing.T) {
	open := map[State]bool{Received: true, Acknowledged: true, Assigned: true, InProgress: true,
		WaitingCustomer: true, WaitingThirdParty: true, Disputed: true}
	terminal := map[State]bool{Merged: true, Withdrawn: true}
	all := States()
	require.Len(t, all, 14)
	assert.Equal(t, Received, all[0])
	assert.Equal(t, Withdrawn, all[13])
	for _, s := range append(all, StateUnknown) {
		assert.Equal(t, open[s], s.Open(), "%s", s)
		assert.Equal(t, terminal[s], s.Terminal(), "%s", s)
	}
	annotations := map[EventType]bool{Note: true, RecordChecklist: true, RecordCost: true, Notified: true}
	for e := EventUnknown; e.IsValid(); e++ {
		assert.Equal(t, annotations[e], e.Annotation(), "%s", e)
	}
}

// TestVolumeEdges: an empty volume has zero shares, not NaN; a case of an
// undefined kind is not counted.
func TestVolumeEdges(t *testing.T) {
	var v Volume
	rows, total := v.Result()
	assert.Zero(t, total)
	require.Len(t, rows, 6)
	for _, r := range rows {
		assert.Zero(t, r.Share)
		assert.Zero(t, r.Cases)
	}
	v.Add(Case{Intake: Intake{Kind: Kind(99)}})
	v.Add(Case{Intake: Intake{Kind: Incident}})
	v.Add(Case{Intake: Intake{Kind: Incident}})
	v.Add(Case{Intake: Intake{Kind: Claim}})
	v.Add(Case{Intake: Intake{Kind: KindUnknown}})
	rows, total = v.Result()
	// 4 counted (2 incidents, 1 claim, 1 unknown): incidents 2/4, claims 1/4.
	assert.Equal(t, 4, total)
	assert.Equal(t, 2, rows[0].Cases)
	assert.InDelta(t, 0.5, rows[0].Share, 1e-12)
	assert.InDelta(t, 0.25, rows[3].Share, 1e-12)
}

func TestPolicyAndCostModelJSONEdges(t *testing.T) {
	var p Policy
	b, err := json.Marshal(Policy{})
	require.NoError(t, err)
	assert.JSONEq(t, `{}`, string(b), "defaults are left out")
	require.NoError(t, json.Unmarshal([]byte(`{"reopen_window":"72h"}`), &p))
	assert.Equal(t, 72*3600e9, float64(p.ReopenWindow))
	for _, bad := range []string{`{"reopen_window":"soon"}`, `[]`, `{"max_callback_attempts":-1}`} {
		q := p
		require.ErrorIs(t, json.Unmarshal([]byte(bad), &q), ErrInvalidConfig, bad)
		assert.Equal(t, p, q, "unchanged after %s", bad)
	}
	m := costModel()
	for _, bad := range []string{`[]`, `{"currency":"COP","extra":1}`, `{"currency":"COP","customer_value":"-1 COP","informed":"1","informed_loss_rate":"0.1"}`} {
		before := m
		require.ErrorIs(t, json.Unmarshal([]byte(bad), &m), ErrInvalidConfig, bad)
		assert.Equal(t, before.Currency, m.Currency)
		assert.True(t, before.CustomerValue.Equal(m.CustomerValue), "unchanged after %s", bad)
	}
}

// TestEventClone: Decide records a copy of the event's payload: changing
// the caller's intake, resolution, checklist or cost afterwards changes
// nothing recorded.
func TestEventClone(t *testing.T) {
	cl, err := NewChecklist(DenyingRequest, 0)
	require.NoError(t, err)
	ev := Event{Intake: claimIntake(), Resolution: &Resolution{Outcome: Rejected, Alternatives: []string{"a"}},
		Checklist: &cl, Cost: &Cost{Kind: Refund, Amount: mustMoney("1 COP")}}
	c := ev.clone()
	ev.Intake.Customer = "X"
	ev.Resolution.Outcome = Upheld
	ev.Resolution.Alternatives[0] = "b"
	ev.Checklist.Done[1] = true
	ev.Cost.Kind = Legal
	assert.Equal(t, "C-77", c.Intake.Customer)
	assert.Equal(t, Rejected, c.Resolution.Outcome)
	assert.Equal(t, []string{"a"}, c.Resolution.Alternatives)
	assert.False(t, c.Checklist.Done[1])
	assert.Equal(t, Refund, c.Cost.Kind)
	empty := Event{}.clone()
	assert.Nil(t, empty.Intake)
	assert.Nil(t, empty.Resolution)
	assert.Nil(t, empty.Checklist)
	assert.Nil(t, empty.Cost)
}
