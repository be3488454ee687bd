package sla

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func group(at time.Time, g string) Event {
	return Event{Kind: AttributeChanged, At: at, Attribute: AttrGroup, Value: g}
}

// TestOLA checks feature 8 of issue 13 on a 24×7 OLA with the network group
// ("redes"), worked by hand:
//
//	09:00 opened, group n1        11:00 waiting third party   14:00 group → redes
//	09:10 agent reply (n1)        12:00 resumed               15:30 resolved
//	10:00 group → redes           13:00 group → n1
//	10:30 agent reply (redes)
func TestOLA(t *testing.T) {
	h := func(d time.Duration) map[Priority]time.Duration { return map[Priority]time.Duration{Normal: d} }
	a, err := NewAgreement(AgreementConfig{Name: "OLA redes", Kind: ServiceBased, Type: OLA, Party: "redes", Objectives: []Objective{
		{Metric: FirstResponse, Threshold: 90, Targets: h(time.Hour)},
		{Metric: Resolution, Threshold: 90, Targets: h(4 * time.Hour)},
		{Metric: GroupOwnership, Threshold: 90, Targets: h(3 * time.Hour)},
	}})
	require.NoError(t, err)
	tk := Ticket{ID: "O", Priority: Normal, Group: "n1", Events: []Event{
		ev(Opened, mon(9, 0)), ev(AgentReplied, mon(9, 10)), group(mon(10, 0), "redes"), ev(AgentReplied, mon(10, 30)),
		{Kind: Paused, At: mon(11, 0), Reason: WaitingThirdParty}, ev(Resumed, mon(12, 0)),
		group(mon(13, 0), "n1"), group(mon(14, 0), "redes"), ev(Resolved, mon(15, 30)),
	}}
	e, err := a.Evaluate(tk, mon(16, 0))
	require.NoError(t, err)
	// The group's first response: from receiving it at 10:00 to 10:30;
	// n1's reply at 09:10 came before.
	fr := mustResult(t, e, FirstResponse)
	assert.Equal(t, Met, fr.Status)
	assert.Equal(t, 30*time.Minute, fr.Elapsed)
	// Resolution counts 10–11, 12–13 and 14–15:30: 3 h 30.
	res := mustResult(t, e, Resolution)
	assert.Equal(t, Met, res.Status)
	assert.Equal(t, 210*time.Minute, res.Elapsed)
	// Two stretches of ownership, 10–13 less the wait (2 h) and 14–15:30.
	own := mustResult(t, e, GroupOwnership)
	assert.Equal(t, 2, own.Cycles)
	assert.Equal(t, 2*time.Hour, own.Elapsed)

	// While n1 has it back, the OLA's clocks wait.
	e, err = a.Evaluate(tk, mon(13, 30))
	require.NoError(t, err)
	res = mustResult(t, e, Resolution)
	assert.Equal(t, OnHold, res.Status)
	assert.Equal(t, 2*time.Hour, res.Elapsed)

	// A ticket the group never owned gets nothing from its OLA.
	e, err = a.Evaluate(Ticket{ID: "N", Priority: Normal, Group: "n1", Events: []Event{ev(Opened, mon(9, 0)), ev(Resolved, mon(10, 0))}}, mon(11, 0))
	require.NoError(t, err)
	assert.Empty(t, e.Results)
	// Owned only after its resolution: still nothing; from its reopening on,
	// the clocks start.
	e, err = a.Evaluate(Ticket{ID: "R", Priority: Normal, Group: "n1", Events: []Event{ev(Opened, mon(9, 0)), ev(Resolved, mon(10, 0)),
		group(mon(11, 0), "redes"), ev(Reopened, mon(12, 0))}}, mon(12, 30))
	require.NoError(t, err)
	assert.Equal(t, 30*time.Minute, mustResult(t, e, Resolution).Elapsed)
	assert.True(t, mustResult(t, e, Resolution).Deadline.Equal(mon(16, 0)), "12:00 + 4 h")
}

// TestUnderpinningContract checks a UC with the supplier "telco", whose
// clock the wait for the third party (the supplier itself) does not pause:
// owned 10:00 → 12:30, 2 h 30 against 2 h, breached at 12:00.
func TestUnderpinningContract(t *testing.T) {
	a, err := NewAgreement(AgreementConfig{Name: "UC telco", Kind: ServiceBased, Type: UC, Party: "telco", Objectives: []Objective{
		{Metric: Resolution, Threshold: 90, Targets: map[Priority]time.Duration{Normal: 2 * time.Hour}, PauseReasons: []PauseReason{WaitingCustomer}},
	}})
	require.NoError(t, err)
	supplier := func(at time.Time, s string) Event {
		return Event{Kind: AttributeChanged, At: at, Attribute: AttrSupplier, Value: s}
	}
	e, err := a.Evaluate(Ticket{ID: "U", Priority: Normal, Events: []Event{
		ev(Opened, mon(9, 0)), supplier(mon(10, 0), "telco"), {Kind: Paused, At: mon(10, 0), Reason: WaitingThirdParty},
		supplier(mon(12, 30), ""), ev(Resumed, mon(12, 30)), ev(Resolved, mon(13, 0)),
	}}, mon(14, 0))
	require.NoError(t, err)
	r := mustResult(t, e, Resolution)
	assert.Equal(t, Breached, r.Status)
	assert.Equal(t, 150*time.Minute, r.Elapsed)
	assert.True(t, r.BreachedAt.Equal(mon(12, 0)), "%s", r.BreachedAt)
	assert.Equal(t, UC, a.Type())
	assert.Equal(t, "telco", a.Party())
}

func TestAgreementTypeConfig(t *testing.T) {
	for in, want := range map[string]AgreementType{"sla": SLA, "OLA": OLA, "underpinning contract": UC, "acuerdo de nivel operativo": OLA, "contrato de soporte": UC} {
		got, err := ParseAgreementType(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got)
	}
	_, err := ParseAgreementType("msa")
	assert.ErrorIs(t, err, ErrUnknownName)
	assert.Contains(t, err.Error(), "want one of sla, ola, uc")

	var a Agreement
	require.NoError(t, json.Unmarshal([]byte(`{"name":"o","kind":"service-based","type":"ola","party":"redes","objectives":[]}`), &a))
	assert.Equal(t, OLA, a.Type())
	data, err := json.Marshal(&a)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"kind":"service-based","type":"ola","party":"redes"`)
	require.NoError(t, json.Unmarshal([]byte(`{"name":"s","kind":"service-based","objectives":[]}`), &a))
	data, err = json.Marshal(&a)
	require.NoError(t, err)
	assert.NotContains(t, string(data), `"type"`, "an SLA, the zero value, is left out")

	for _, tt := range []struct {
		cfg  AgreementConfig
		want string
	}{
		{AgreementConfig{Name: "x", Kind: ServiceBased, Type: OLA}, "type ola: party empty: want the internal group it binds"},
		{AgreementConfig{Name: "x", Kind: ServiceBased, Type: UC}, "type uc: party empty: want the supplier it binds"},
		{AgreementConfig{Name: "x", Kind: ServiceBased, Party: "redes"}, `party "redes": only an ola or a uc binds a party`},
		{AgreementConfig{Name: "x", Kind: ServiceBased, Type: 7, Party: "p"}, "type agreement type(7): want sla, ola or uc"},
	} {
		_, err := NewAgreement(tt.cfg)
		require.Error(t, err)
		assert.ErrorIs(t, err, ErrInvalidAgreement)
		assert.Contains(t, err.Error(), tt.want)
	}
}
