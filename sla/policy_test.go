package sla

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/servuction/servuction"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestConditionMatches(t *testing.T) {
	tk := Ticket{Channel: servuction.Email, RequestKind: "incident", Tags: []string{"vip", "fibra"}, Group: "n1",
		Customer: "acme", Area: "ventas", Service: "internet", Supplier: "telco", TimeZone: "America/Bogota"}
	p := func(a Attribute, op Operator, vs ...string) Predicate { return Predicate{a, op, vs} }
	tests := []struct {
		name string
		c    Condition
		want bool
	}{
		{"zero condition", Condition{}, true},
		{"channel by Spanish name", Condition{All: []Predicate{p(AttrChannel, Is, "correo electrónico")}}, true},
		{"channel is not", Condition{All: []Predicate{p(AttrChannel, IsNot, "phone", "email")}}, false},
		{"kind one of", Condition{All: []Predicate{p(AttrRequestKind, Is, "question", "incident")}}, true},
		{"kind is case-sensitive", Condition{All: []Predicate{p(AttrRequestKind, Is, "Incident")}}, false},
		{"includes one tag", Condition{All: []Predicate{p(AttrTags, Includes, "gold", "vip")}}, true},
		{"includes all tags", Condition{All: []Predicate{p(AttrTags, IncludesAll, "vip", "fibra")}}, true},
		{"includes all, one missing", Condition{All: []Predicate{p(AttrTags, IncludesAll, "vip", "gold")}}, false},
		{"excludes", Condition{All: []Predicate{p(AttrTags, Excludes, "spam")}}, true},
		{"excludes a present tag", Condition{All: []Predicate{p(AttrTags, Excludes, "spam", "fibra")}}, false},
		{"unassigned group", Condition{All: []Predicate{p(AttrGroup, Is, "")}}, false},
		{"all of several", Condition{All: []Predicate{p(AttrCustomer, Is, "acme"), p(AttrArea, Is, "ventas"), p(AttrService, IsNot, "tv")}}, true},
		{"all, one fails", Condition{All: []Predicate{p(AttrCustomer, Is, "acme"), p(AttrSupplier, Is, "other")}}, false},
		{"any, one holds", Condition{Any: []Predicate{p(AttrGroup, Is, "n2"), p(AttrTimeZone, Is, "America/Bogota")}}, true},
		{"any, none holds", Condition{Any: []Predicate{p(AttrGroup, Is, "n2"), p(AttrSupplier, IsNot, "telco")}}, false},
		{"all and any", Condition{All: []Predicate{p(AttrGroup, Is, "n1")}, Any: []Predicate{p(AttrTags, Includes, "x"), p(AttrTags, Includes, "fibra")}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.c.Matches(tk))
			// The compiled set agrees, for the policy alone and behind a
			// policy that never matches.
			never := Policy{Name: "never", When: Condition{All: []Predicate{p(AttrGroup, Is, "nobody")}}}
			set := compilePolicies([]Policy{never, {Name: "p", When: tt.c}})
			at := attrsOf(&tk)
			want := -1
			if tt.want {
				want = 1
			}
			assert.Equal(t, want, set.match(&at))
		})
	}
}

// TestPolicySetAgreesWithConditions checks the compiled matching against
// the direct evaluation of conditions on random policies and tickets (fixed
// seed) over a small universe of values, so that values repeat and collide.
func TestPolicySetAgreesWithConditions(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 2))
	vals := []string{"", "a", "b", "c"}
	channels := []string{"email", "phone", "chat", "unknown"}
	randPred := func() Predicate {
		a := Attributes()[rng.IntN(len(Attributes()))]
		pool := vals
		if a == AttrChannel {
			pool = channels
		}
		var op Operator
		if a == AttrTags {
			op = []Operator{Includes, IncludesAll, Excludes}[rng.IntN(3)]
		} else {
			op = []Operator{Is, IsNot}[rng.IntN(2)]
		}
		vs := make([]string, 1+rng.IntN(3))
		for i := range vs {
			vs[i] = pool[rng.IntN(len(pool))]
		}
		return Predicate{a, op, vs}
	}
	for round := 0; round < 300; round++ {
		ps := make([]Policy, 1+rng.IntN(70))
		for i := range ps {
			ps[i].Name = fmt.Sprint("p", i)
			for n := rng.IntN(3); n > 0; n-- {
				ps[i].When.All = append(ps[i].When.All, randPred())
			}
			for n := rng.IntN(3); n > 0 && rng.IntN(2) == 0; n-- {
				ps[i].When.Any = append(ps[i].When.Any, randPred())
			}
		}
		set := compilePolicies(ps)
		for k := 0; k < 30; k++ {
			tk := Ticket{RequestKind: vals[rng.IntN(4)], Group: vals[rng.IntN(4)], Customer: vals[rng.IntN(4)], Area: vals[rng.IntN(4)],
				Service: vals[rng.IntN(4)], Supplier: vals[rng.IntN(4)], TimeZone: vals[rng.IntN(4)],
				Channel: []servuction.Channel{servuction.ChannelUnknown, servuction.Email, servuction.Phone, servuction.WebChat}[rng.IntN(4)]}
			for n := rng.IntN(4); n > 0; n-- {
				tk.Tags = append(tk.Tags, vals[1+rng.IntN(3)])
			}
			want := -1
			for i, p := range ps {
				if p.When.Matches(tk) {
					want = i
					break
				}
			}
			at := attrsOf(&tk)
			require.Equal(t, want, set.match(&at), "round %d ticket %+v policies %+v", round, tk, ps)
		}
	}
}

// policyAgreement has a VIP policy (tag "vip"), an e-mail policy (channel
// email, requests other than questions) and default objectives, all 24×7.
func policyAgreement(t testing.TB) *Agreement {
	t.Helper()
	h := func(n int) map[Priority]time.Duration {
		return map[Priority]time.Duration{Normal: time.Duration(n) * time.Hour}
	}
	a, err := NewAgreement(AgreementConfig{Name: "policies", Kind: ServiceBased,
		Policies: []Policy{
			{Name: "vip", When: Condition{All: []Predicate{{AttrTags, Includes, []string{"vip"}}}}},
			{Name: "email", When: Condition{All: []Predicate{{AttrChannel, Is, []string{"email"}}, {AttrRequestKind, IsNot, []string{"question"}}}}},
		},
		Objectives: []Objective{
			{Policy: "vip", Metric: FirstResponse, Threshold: 95, Targets: h(1)},
			{Policy: "vip", Metric: Resolution, Threshold: 95, Targets: h(4)},
			{Policy: "email", Metric: FirstResponse, Threshold: 90, Targets: h(2)},
			{Metric: FirstResponse, Threshold: 90, Targets: h(8)},
			{Metric: Resolution, Threshold: 90, Targets: h(24)},
		}})
	require.NoError(t, err)
	return a
}

func TestEvaluatePolicies(t *testing.T) {
	a := policyAgreement(t)
	events := []Event{ev(Opened, mon(9, 0)), ev(AgentReplied, mon(9, 30))}
	tests := []struct {
		name    string
		tk      Ticket
		policy  string
		results map[Metric]string // objective per metric
		target  time.Duration     // of the first response
	}{
		// VIP comes first even for an e-mail incident.
		{"vip e-mail", Ticket{Tags: []string{"fibra", "vip"}, Channel: servuction.Email, RequestKind: "incident"}, "vip",
			map[Metric]string{FirstResponse: "vip/first-response", Resolution: "vip/resolution"}, time.Hour},
		// The e-mail policy sets no resolution objective: the default's do
		// not fill in, only the first policy that matches applies.
		{"e-mail incident", Ticket{Channel: servuction.Email, RequestKind: "incident"}, "email",
			map[Metric]string{FirstResponse: "email/first-response"}, 2 * time.Hour},
		{"e-mail question", Ticket{Channel: servuction.Email, RequestKind: "question"}, "",
			map[Metric]string{FirstResponse: "first-response", Resolution: "resolution"}, 8 * time.Hour},
		{"phone", Ticket{Channel: servuction.Phone}, "",
			map[Metric]string{FirstResponse: "first-response", Resolution: "resolution"}, 8 * time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.tk.ID, tt.tk.Priority, tt.tk.Events = "P", Normal, events
			e, err := a.Evaluate(tt.tk, mon(10, 0))
			require.NoError(t, err)
			assert.Equal(t, tt.policy, e.Policy)
			require.Len(t, e.Results, len(tt.results))
			for _, r := range e.Results {
				assert.Equal(t, tt.results[r.Metric], r.Objective)
				assert.Equal(t, tt.policy, r.Policy)
			}
			// Answered after 30 min of the policy's target.
			fr := mustResult(t, e, FirstResponse)
			assert.Equal(t, Met, fr.Status)
			assert.Equal(t, tt.target, fr.Target)
			assert.Equal(t, 30*time.Minute, fr.Elapsed)
		})
	}
}

// TestPolicyChangeMidTicket checks the rule for attribute changes on the
// 24×7 policyAgreement: the policy is chosen again, running clocks keep
// their elapsed time under the new policy's targets, stopped and breached
// clocks keep theirs.
func TestPolicyChangeMidTicket(t *testing.T) {
	a := policyAgreement(t)
	tags := func(at time.Time, tags ...string) Event {
		return Event{Kind: AttributeChanged, At: at, Attribute: AttrTags, Tags: tags}
	}
	evaluate := func(now time.Time, events ...Event) Evaluation {
		t.Helper()
		e, err := a.Evaluate(Ticket{ID: "M", Priority: Normal, Channel: servuction.Phone, Events: events}, now)
		require.NoError(t, err)
		return e
	}

	// Answered 09:30 under the default (30 min of 8 h, met). Tagged vip at
	// 11:00: resolution has run 2 h and takes vip's 4 h, used up at 13:00;
	// resolved 14:30 after 5 h 30: breached at 13:00. The first response
	// stays met under the default.
	e := evaluate(mon(15, 0), ev(Opened, mon(9, 0)), ev(AgentReplied, mon(9, 30)), tags(mon(11, 0), "vip"), ev(Resolved, mon(14, 30)))
	assert.Equal(t, "vip", e.Policy)
	fr, res := mustResult(t, e, FirstResponse), mustResult(t, e, Resolution)
	assert.Equal(t, Met, fr.Status)
	assert.Equal(t, "", fr.Policy)
	assert.Equal(t, 8*time.Hour, fr.Target)
	assert.Equal(t, Breached, res.Status)
	assert.Equal(t, "vip", res.Policy)
	assert.Equal(t, "vip/resolution", res.Objective)
	assert.Equal(t, 4*time.Hour, res.Target)
	assert.Equal(t, 330*time.Minute, res.Elapsed)
	assert.True(t, res.BreachedAt.Equal(mon(13, 0)), "%s", res.BreachedAt)

	// Not answered when tagged at 14:00: first response has run 5 h, past
	// vip's 1 h, and resolution 5 h, past its 4 h: both breach at the
	// change. Untagged at 15:00, the breaches stay, with vip's targets.
	e = evaluate(mon(16, 0), ev(Opened, mon(9, 0)), tags(mon(14, 0), "vip"), tags(mon(15, 0)))
	assert.Equal(t, "", e.Policy)
	for _, m := range []Metric{FirstResponse, Resolution} {
		r := mustResult(t, e, m)
		assert.Equal(t, Breached, r.Status, m.String())
		assert.Equal(t, "vip", r.Policy, m.String())
		assert.True(t, r.BreachedAt.Equal(mon(14, 0)), "%s: %s", m, r.BreachedAt)
		assert.Equal(t, 7*time.Hour, r.Elapsed, m.String()) // 09:00 → 16:00
	}

	// Tagged at 09:20 and untagged at 09:40: resolution ran under vip's 4 h,
	// then takes the default's 24 h with its 40 min; running at 10:00,
	// due at 09:00 the next day.
	e = evaluate(mon(10, 0), ev(Opened, mon(9, 0)), tags(mon(9, 20), "vip"), tags(mon(9, 40)))
	res = mustResult(t, e, Resolution)
	assert.Equal(t, Running, res.Status)
	assert.Equal(t, "resolution", res.Objective)
	assert.Equal(t, time.Hour, res.Elapsed)
	assert.True(t, res.Deadline.Equal(mon(33, 0)), "%s", res.Deadline)

	// Moved to the e-mail policy, which has no resolution objective: the
	// running resolution clock keeps the default's objective and target.
	e, err := a.Evaluate(Ticket{ID: "M", Priority: Normal, Channel: servuction.Phone, RequestKind: "incident", Events: []Event{
		ev(Opened, mon(9, 0)), {Kind: AttributeChanged, At: mon(10, 0), Attribute: AttrChannel, Value: "email"}}}, mon(12, 0))
	require.NoError(t, err)
	assert.Equal(t, "email", e.Policy)
	res = mustResult(t, e, Resolution)
	assert.Equal(t, "resolution", res.Objective)
	assert.Equal(t, 24*time.Hour, res.Target)
	assert.Equal(t, 3*time.Hour, res.Elapsed)
	fr = mustResult(t, e, FirstResponse)
	assert.Equal(t, "email/first-response", fr.Objective)
	assert.Equal(t, Breached, fr.Status, "3 h past e-mail's 2 h")
	assert.True(t, fr.BreachedAt.Equal(mon(11, 0)), "%s", fr.BreachedAt)
}

func TestPoliciesJSON(t *testing.T) {
	a := policyAgreement(t)
	data, err := json.Marshal(a)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"policies":[{"name":"vip","when":{"all":[{"attribute":"tags","op":"includes","values":["vip"]}]}},`+
		`{"name":"email","when":{"all":[{"attribute":"channel","op":"is","values":["email"]},{"attribute":"request-kind","op":"is-not","values":["question"]}]}}]`)
	assert.Contains(t, string(data), `{"name":"vip/first-response","metric":"first-response","policy":"vip",`)
	var back Agreement
	require.NoError(t, json.Unmarshal(data, &back))
	again, err := json.Marshal(&back)
	require.NoError(t, err)
	assert.JSONEq(t, string(data), string(again))
	assert.Equal(t, a.Policies(), back.Policies())

	// Spanish names, and problems named with 1-based positions.
	es := `{"name":"x","kind":"service-based","policies":[{"name":"oro","when":{"any":[{"attribute":"etiquetas","op":"incluye","values":["oro"]},` +
		`{"attribute":"canal","op":"es","values":["teléfono"]}]}}],"objectives":[{"metric":"resolution","policy":"oro","targets":{"alta":"4h"},"threshold":90}]}`
	require.NoError(t, json.Unmarshal([]byte(es), &back))
	assert.Equal(t, []Policy{{Name: "oro", When: Condition{Any: []Predicate{{AttrTags, Includes, []string{"oro"}}, {AttrChannel, Is, []string{"teléfono"}}}}}}, back.Policies())

	for _, tt := range []struct{ in, want string }{
		{`{"name":"x","kind":"service-based","policies":[{"name":"p","when":{"all":[{"attribute":"tags","op":"is","values":["a"]}]}}],"objectives":[]}`,
			"policy 1 (p): all 1: operator is on tags: want includes, includes-all or excludes"},
		{`{"name":"x","kind":"service-based","policies":[{"name":"p","when":{}},{"name":"q","when":{"any":[{"attribute":"group","op":"includes","values":["a"]}]}}],"objectives":[]}`,
			"policy 2 (q): any 1: operator includes on group: want is or is-not"},
		{`{"name":"x","kind":"service-based","policies":[{"name":"p","when":{"all":[{"attribute":"channel","op":"is","values":["fax"]}]}}],"objectives":[]}`,
			`policy 1 (p): all 1: value 1 "fax": want a channel`},
		{`{"name":"x","kind":"service-based","policies":[{"name":"p","when":{"all":[{"attribute":"group","op":"is","values":[]}]}}],"objectives":[]}`,
			"policy 1 (p): all 1: no values"},
		{`{"name":"x","kind":"service-based","policies":[{"name":"p","when":{}},{"name":"p","when":{}}],"objectives":[]}`,
			`policy 2: name "p" already used by policy 1`},
		{`{"name":"x","kind":"service-based","policies":[{"name":"","when":{}}],"objectives":[]}`, "policy 1: empty name"},
		{`{"name":"x","kind":"service-based","objectives":[{"metric":"resolution","policy":"gold","targets":{"alta":"4h"},"threshold":90}]}`,
			`policy "gold" not defined`},
		{`{"name":"x","kind":"service-based","policies":[{"name":"p","when":{"all":[{"attribute":"group","op":"is","values":["a"],"negate":true}]}}],"objectives":[]}`,
			`unknown field "negate"`},
	} {
		err := json.Unmarshal([]byte(tt.in), &back)
		require.Error(t, err, tt.in)
		assert.ErrorIs(t, err, ErrInvalidAgreement)
		assert.Contains(t, err.Error(), tt.want)
	}
	assert.Equal(t, "oro", back.Policies()[0].Name, "a rejected decode leaves the agreement alone")
}

func TestPolicyObjectiveNames(t *testing.T) {
	a := policyAgreement(t)
	var names []string
	for _, o := range a.Objectives() {
		names = append(names, o.Name)
	}
	assert.Equal(t, []string{"vip/first-response", "vip/resolution", "email/first-response", "first-response", "resolution"}, names)
	// One objective per policy, scope and metric.
	_, err := NewAgreement(AgreementConfig{Name: "d", Kind: ServiceBased, Policies: []Policy{{Name: "p"}}, Objectives: []Objective{
		{Name: "a", Policy: "p", Metric: Resolution, Threshold: 90, Targets: map[Priority]time.Duration{Low: time.Hour}},
		{Name: "b", Policy: "p", Metric: Resolution, Threshold: 90, Targets: map[Priority]time.Duration{High: time.Hour}},
	}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `policy "p", scope "" already has a resolution objective`)
}
