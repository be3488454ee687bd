package sla

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/servuction/servuction"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func hours(h int) map[Priority]time.Duration {
	return map[Priority]time.Duration{High: time.Duration(h) * time.Hour}
}

func TestParseEnums(t *testing.T) {
	p, err := ParsePriority("Alta")
	require.NoError(t, err)
	assert.Equal(t, High, p)
	for s, want := range map[string]Priority{"baja": Low, "NORMAL": Normal, "urgente": Urgent, "low": Low} {
		got, err := ParsePriority(s)
		require.NoError(t, err)
		assert.Equal(t, want, got, s)
	}
	m, err := ParseMetric("resolución")
	require.NoError(t, err)
	assert.Equal(t, Resolution, m)
	m, err = ParseMetric("Disponibilidad horaria")
	require.NoError(t, err)
	assert.Equal(t, Availability, m)
	k, err := ParseKind("multinivel")
	require.NoError(t, err)
	assert.Equal(t, MultiLevel, k)
	k, err = ParseKind("basado en el cliente")
	require.NoError(t, err)
	assert.Equal(t, CustomerBased, k)
	l, err := ParseLevel("departamental")
	require.NoError(t, err)
	assert.Equal(t, Department, l)
	e, err := ParseEventKind("respuesta del agente")
	require.NoError(t, err)
	assert.Equal(t, AgentReplied, e)
	s, err := ParseStatus("incumplido")
	require.NoError(t, err)
	assert.Equal(t, Breached, s)
	r, err := ParsePauseReason("en espera de un tercero")
	require.NoError(t, err)
	assert.Equal(t, WaitingThirdParty, r)
	ck, err := ParseClauseKind("garantía")
	require.NoError(t, err)
	assert.Equal(t, Warranty, ck)

	_, err = ParsePriority("gold")
	assert.True(t, errors.Is(err, ErrUnknownName))
	assert.Contains(t, err.Error(), `sla: priority "gold"`)
	var st Status
	assert.Error(t, st.UnmarshalText([]byte("done")))
	assert.Equal(t, StatusUnknown, st, "unchanged on error")
	b, err := AtRisk.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "at-risk", string(b))
	_, err = Priority(9).MarshalText()
	assert.True(t, errors.Is(err, ErrUnknownName))
}

func TestNewAgreementErrors(t *testing.T) {
	ok := Objective{Metric: FirstResponse, Threshold: 95, Targets: hours(4)}
	tests := []struct {
		name string
		cfg  AgreementConfig
		want []string
	}{
		{"no kind", AgreementConfig{Name: "a", Objectives: []Objective{ok}}, []string{"kind unknown"}},
		{"threshold zero", AgreementConfig{Name: "a", Kind: ServiceBased, Objectives: []Objective{{Metric: Resolution, Targets: hours(4)}}},
			[]string{"objective 1 (resolution): threshold 0 outside (0, 100]"}},
		{"threshold above 100", AgreementConfig{Name: "a", Kind: ServiceBased, Objectives: []Objective{{Metric: Resolution, Threshold: 100.5, Targets: hours(4)}}},
			[]string{"threshold 100.5 outside (0, 100]"}},
		{"zero and negative targets", AgreementConfig{Name: "a", Kind: ServiceBased, Objectives: []Objective{{Metric: Resolution, Threshold: 90,
			Targets: map[Priority]time.Duration{Low: 0, High: -time.Hour}}}},
			[]string{"target for low 0s: want a positive duration", "target for high -1h: want a positive duration"}},
		{"no targets", AgreementConfig{Name: "a", Kind: ServiceBased, Objectives: []Objective{{Metric: Resolution, Threshold: 90}}}, []string{"no targets"}},
		{"unknown priority", AgreementConfig{Name: "a", Kind: ServiceBased, Objectives: []Objective{{Metric: Resolution, Threshold: 90,
			Targets: map[Priority]time.Duration{PriorityUnknown: time.Hour}}}}, []string{"target for priority unknown"}},
		{"no metric", AgreementConfig{Name: "a", Kind: ServiceBased, Objectives: []Objective{{Threshold: 90, Targets: hours(1)}}}, []string{"metric unknown undefined"}},
		{"availability with targets", AgreementConfig{Name: "a", Kind: ServiceBased, Objectives: []Objective{{Metric: Availability, Threshold: 99.9, Targets: hours(1)}}},
			[]string{"availability objective has no targets"}},
		{"duplicate metric and scope", AgreementConfig{Name: "a", Kind: ServiceBased, Objectives: []Objective{ok, {Name: "fr2", Metric: FirstResponse, Threshold: 90, Targets: hours(2)}}},
			[]string{`scope "" already has a first-response objective (objective 1)`}},
		{"duplicate name", AgreementConfig{Name: "a", Kind: ServiceBased, Objectives: []Objective{
			{Name: "x", Metric: FirstResponse, Threshold: 90, Targets: hours(2)}, {Name: "x", Metric: Resolution, Threshold: 90, Targets: hours(2)}}},
			[]string{`name "x" already used by objective 1`}},
		{"missing calendar", AgreementConfig{Name: "a", Kind: ServiceBased, Objectives: []Objective{{Metric: Resolution, Threshold: 90, Targets: hours(2), Calendar: "office"}}},
			[]string{`calendar "office" not defined`}},
		{"at risk above 1", AgreementConfig{Name: "a", Kind: ServiceBased, Objectives: []Objective{{Metric: Resolution, Threshold: 90, Targets: hours(2), AtRisk: 1.5}}},
			[]string{"atRisk 1.5 outside (0, 1]"}},
		{"units outside multilevel", AgreementConfig{Name: "a", Kind: CustomerBased, Units: []Unit{{Name: "x", Level: Customer}}, Objectives: []Objective{ok}},
			[]string{"units are only for multilevel"}},
		{"multilevel cycle", AgreementConfig{Name: "a", Kind: MultiLevel, Objectives: []Objective{ok}, Units: []Unit{
			{Name: "a", Level: Customer, Parent: "b"}, {Name: "b", Level: Department, Parent: "c"}, {Name: "c", Level: Department, Parent: "b"}}},
			[]string{"unit 1 (a): cycle a → b → c → b", "unit 2 (b): duplicate level: a department under a department (c)"}},
		{"multilevel self parent", AgreementConfig{Name: "a", Kind: MultiLevel, Objectives: []Objective{ok}, Units: []Unit{{Name: "a", Level: Customer, Parent: "a"}}},
			[]string{"cycle a → a"}},
		{"multilevel duplicate level", AgreementConfig{Name: "a", Kind: MultiLevel, Objectives: []Objective{ok}, Units: []Unit{
			{Name: "acme", Level: Customer, Parent: "beta"}, {Name: "beta", Level: Customer}}},
			[]string{"unit 1 (acme): duplicate level: a customer under a customer (beta)"}},
		{"multilevel duplicate unit", AgreementConfig{Name: "a", Kind: MultiLevel, Objectives: []Objective{ok}, Units: []Unit{
			{Name: "acme", Level: Customer}, {Name: "acme", Level: Department}}},
			[]string{`unit 2: name "acme" used twice`}},
		{"multilevel corporate unit and unknown parent", AgreementConfig{Name: "a", Kind: MultiLevel, Objectives: []Objective{ok}, Units: []Unit{
			{Name: "hq", Level: Corporate}, {Name: "acme", Level: Customer, Parent: "sales"}}},
			[]string{"unit 1 (hq): level corporate", `parent "sales" of "acme" is not a unit`}},
		{"multilevel scope not a unit", AgreementConfig{Name: "a", Kind: MultiLevel, Objectives: []Objective{{Metric: Resolution, Scope: "acme", Threshold: 90, Targets: hours(1)}}},
			[]string{`scope "acme" is not a unit`}},
		{"credit bands", AgreementConfig{Name: "a", Kind: ServiceBased, Objectives: []Objective{ok}, Credits: CreditPolicy{
			Fee: servuction.MustParseMoney("100 USD"), Cap: servuction.MustParseMoney("10 EUR"),
			Bands: []CreditBand{{Min: 90, Max: 95, Share: decimal.NewFromInt(5)}, {Min: 80, Max: 92, Share: decimal.NewFromInt(10)}, {Min: 95, Max: 90, Share: decimal.NewFromInt(101)}}}},
			[]string{"cap 10 EUR and fee 100 USD in different currencies", "band 1 [90, 95) overlaps band 2 [80, 92)", "band 3: compliance [95, 90)", "band 3: share 101%"}},
		{"clauses", AgreementConfig{Name: "a", Kind: ServiceBased, Objectives: []Objective{ok}, Clauses: []Clause{
			{Kind: Staffing, Description: "two agents", Measurable: true}, {Description: "x"}}},
			[]string{"clause 1 (staffing): measurable but no indicator", "comparison unknown", "clause 2 (unknown): kind unknown undefined"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := NewAgreement(tt.cfg)
			require.Error(t, err)
			assert.Nil(t, a)
			assert.True(t, errors.Is(err, ErrInvalidAgreement), "%v", err)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

func TestAgreementIsACopy(t *testing.T) {
	targets := hours(4)
	cfg := AgreementConfig{Name: "a", Kind: ServiceBased, Objectives: []Objective{{Metric: FirstResponse, Threshold: 95, Targets: targets}}}
	a := MustAgreement(cfg)
	targets[High] = time.Minute
	cfg.Objectives[0].Threshold = 1
	o, ok := a.Objective("first-response")
	require.True(t, ok)
	assert.Equal(t, 4*time.Hour, o.Targets[High])
	assert.Equal(t, 95.0, o.Threshold)
	o.Targets[High] = time.Second
	o2, _ := a.Objective("first-response")
	assert.Equal(t, 4*time.Hour, o2.Targets[High])
}

// multilevel: corporate first response 8h and resolution 3d; the sales
// department answers in 4h; customer acme (in sales) is resolved in 1d.
func multilevel(t testing.TB) *Agreement {
	t.Helper()
	a, err := NewAgreement(AgreementConfig{
		Name: "grupo", Kind: MultiLevel,
		Units: []Unit{{Name: "ventas", Level: Department}, {Name: "acme", Level: Customer, Parent: "ventas"}, {Name: "beta", Level: Customer}},
		Objectives: []Objective{
			{Metric: FirstResponse, Threshold: 90, Targets: hours(8)},
			{Metric: Resolution, Threshold: 90, Targets: hours(72)},
			{Metric: FirstResponse, Scope: "ventas", Threshold: 95, Targets: hours(4)},
			{Metric: Resolution, Scope: "acme", Threshold: 98, Targets: hours(24)},
		},
	})
	require.NoError(t, err)
	return a
}

func TestMultilevelMostSpecificWins(t *testing.T) {
	a := multilevel(t)
	opened := Ticket{Priority: High, Events: []Event{ev(Opened, mon(9, 0))}}
	tests := []struct {
		customer, area         string
		frScope, resScope      string
		frLevel, resLevel      Level
		frTarget, resTarget    time.Duration
		frObjective, resObject string
	}{
		{"acme", "", "ventas", "acme", Department, Customer, 4 * time.Hour, 24 * time.Hour, "first-response@ventas", "resolution@acme"},
		{"beta", "", "", "", Corporate, Corporate, 8 * time.Hour, 72 * time.Hour, "first-response", "resolution"},
		{"zeta", "ventas", "ventas", "", Department, Corporate, 4 * time.Hour, 72 * time.Hour, "first-response@ventas", "resolution"},
		{"", "", "", "", Corporate, Corporate, 8 * time.Hour, 72 * time.Hour, "first-response", "resolution"},
	}
	for _, tt := range tests {
		tk := opened
		tk.Customer, tk.Area = tt.customer, tt.area
		e, err := a.Evaluate(tk, mon(10, 0))
		require.NoError(t, err)
		fr, res := mustResult(t, e, FirstResponse), mustResult(t, e, Resolution)
		assert.Equal(t, tt.frScope, fr.Scope, tt.customer)
		assert.Equal(t, tt.frLevel, fr.Level, tt.customer)
		assert.Equal(t, tt.frTarget, fr.Target, tt.customer)
		assert.Equal(t, tt.frObjective, fr.Objective, tt.customer)
		assert.Equal(t, tt.resScope, res.Scope, tt.customer)
		assert.Equal(t, tt.resLevel, res.Level, tt.customer)
		assert.Equal(t, tt.resTarget, res.Target, tt.customer)
		assert.Equal(t, tt.resObject, res.Objective, tt.customer)
	}
}

func TestCustomerAndServiceBasedScopes(t *testing.T) {
	cb := MustAgreement(AgreementConfig{Name: "cb", Kind: CustomerBased, Objectives: []Objective{
		{Metric: FirstResponse, Threshold: 90, Targets: hours(8)},
		{Metric: FirstResponse, Scope: "retail", Threshold: 90, Targets: hours(4)},
		{Metric: FirstResponse, Scope: "acme", Threshold: 90, Targets: hours(2)},
	}})
	for _, tt := range []struct {
		customer, area string
		target         time.Duration
		level          Level
	}{
		{"acme", "retail", 2 * time.Hour, Customer},
		{"other", "retail", 4 * time.Hour, Department},
		{"other", "", 8 * time.Hour, Corporate},
	} {
		e, err := cb.Evaluate(Ticket{Priority: High, Customer: tt.customer, Area: tt.area, Events: []Event{ev(Opened, mon(9, 0))}}, mon(9, 0))
		require.NoError(t, err)
		r := mustResult(t, e, FirstResponse)
		assert.Equal(t, tt.target, r.Target)
		assert.Equal(t, tt.level, r.Level)
	}
	sb := MustAgreement(AgreementConfig{Name: "sb", Kind: ServiceBased, Objectives: []Objective{
		{Metric: Resolution, Threshold: 90, Targets: hours(48)},
		{Metric: Resolution, Scope: "internet", Threshold: 90, Targets: hours(24)},
	}})
	for svc, want := range map[string]time.Duration{"internet": 24 * time.Hour, "tv": 48 * time.Hour} {
		e, err := sb.Evaluate(Ticket{Priority: High, Service: svc, Customer: "internet", Events: []Event{ev(Opened, mon(9, 0))}}, mon(9, 0))
		require.NoError(t, err)
		assert.Equal(t, want, mustResult(t, e, Resolution).Target, svc)
	}
}

func TestAgreementJSON(t *testing.T) {
	cal, err := NewCalendar(CalendarConfig{Zone: "America/Bogota", Week: map[time.Weekday][]Shift{
		time.Monday: MustParseShifts("08:00-12:00", "14:00-18:00"), time.Saturday: MustParseShifts("09:00-13:00")}})
	require.NoError(t, err)
	a := MustAgreement(AgreementConfig{
		Name: "ANS", Kind: MultiLevel, Calendars: map[string]*Calendar{"oficina": cal},
		Units: []Unit{{Name: "ventas", Level: Department}, {Name: "acme", Level: Customer, Parent: "ventas"}},
		Objectives: []Objective{
			{Metric: FirstResponse, Calendar: "oficina", Threshold: 95, Targets: map[Priority]time.Duration{Urgent: 90 * time.Minute, Low: 3 * Day}},
			{Metric: Resolution, Scope: "acme", Threshold: 90, AtRisk: 0.7, Targets: map[Priority]time.Duration{High: 36 * time.Hour}},
			{Name: "uptime", Metric: Availability, Threshold: 99.9, Calendar: "oficina"},
		},
		Credits: CreditPolicy{Fee: servuction.MustParseMoney("1000000 COP"), Cap: servuction.MustParseMoney("150000 COP"),
			Bands: []CreditBand{{Min: 90, Max: 95, Share: decimal.NewFromInt(5)}, {Min: 0, Max: 90, Share: decimal.NewFromInt(10)}}},
		Clauses: []Clause{{Kind: Staffing, Description: "Dos asesores asignados", Measurable: true, Indicator: "asesores", Comparison: AtLeast, Target: 2, Unit: "personas"},
			{Kind: Documentation, Description: "Manual de usuario en español"}},
	})
	data, err := json.Marshal(a)
	require.NoError(t, err)
	s := string(data)
	assert.Contains(t, s, `"targets":{"low":"3d","urgent":"1h30m"}`)
	assert.Contains(t, s, `"kind":"multilevel"`)
	assert.Contains(t, s, `"fee":"1000000 COP"`)

	var b Agreement
	require.NoError(t, json.Unmarshal(data, &b))
	again, err := json.Marshal(&b)
	require.NoError(t, err)
	assert.JSONEq(t, s, string(again))
	o, ok := b.Objective("first-response")
	require.True(t, ok)
	assert.Equal(t, 3*Day, o.Targets[Low])

	// The decoded agreement counts on the decoded calendar: Monday 11:00 to
	// 15:00 Bogotá is 1h (11–12) + 1h (14–15) of business time.
	bog, _ := time.LoadLocation("America/Bogota")
	e, err := b.Evaluate(Ticket{Priority: Urgent, Events: []Event{{Kind: Opened, At: time.Date(2026, 3, 2, 11, 0, 0, 0, bog)}}},
		time.Date(2026, 3, 2, 15, 0, 0, 0, bog))
	require.NoError(t, err)
	assert.Equal(t, 2*time.Hour, mustResult(t, e, FirstResponse).Elapsed)
}

func TestAgreementJSONErrors(t *testing.T) {
	base := `{"name":"x","kind":"service-based","objectives":[{"metric":"resolution","targets":{"high":"4h"},"threshold":90}]}`
	var a Agreement
	require.NoError(t, json.Unmarshal([]byte(base), &a))
	tests := []struct{ name, in, want string }{
		{"unknown kind", strings.Replace(base, "service-based", "gold", 1), `sla: agreement: kind "gold": unknown name`},
		{"unknown metric", strings.Replace(base, `"resolution"`, `"speed"`, 1), `sla: objective: metric "speed"`},
		{"unknown priority", strings.Replace(base, `"high"`, `"vip"`, 1), `targets: priority "vip"`},
		{"bad duration", strings.Replace(base, `"4h"`, `"4 hours"`, 1), `target for high: duration "4 hours"`},
		{"zero target", strings.Replace(base, `"4h"`, `"0d"`, 1), "target for high 0s: want a positive duration"},
		{"threshold", strings.Replace(base, `90`, `0`, 1), "threshold 0 outside (0, 100]"},
		{"unknown field", strings.Replace(base, `"name"`, `"nombre"`, 1), `unknown field "nombre"`},
		{"two targets", strings.Replace(base, `{"high":"4h"}`, `{"high":"4h","alta":"2h"}`, 1), "two targets for high"},
		{"bad calendar", strings.Replace(base, `"objectives"`, `"calendars":{"c":{"zone":"Mars/Olympus","week":{"monday":["09:00-17:00"]}}},"objectives"`, 1), `calendar "c"`},
		{"wrong type", `{"name":5}`, "sla: agreement"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := a
			err := json.Unmarshal([]byte(tt.in), &a)
			require.Error(t, err)
			assert.True(t, errors.Is(err, ErrInvalidAgreement), "%v", err)
			assert.Contains(t, err.Error(), tt.want)
			assert.Equal(t, before.Name(), a.Name())
			assert.Len(t, a.Objectives(), 1)
		})
	}
}

func TestMultilevelFallsBackPerPriority(t *testing.T) {
	// Acme's resolution objective sets only the high-priority target; a
	// normal ticket of acme takes the corporate one.
	a := MustAgreement(AgreementConfig{Name: "g", Kind: MultiLevel,
		Units: []Unit{{Name: "acme", Level: Customer}},
		Objectives: []Objective{
			{Metric: Resolution, Threshold: 90, Targets: map[Priority]time.Duration{High: 72 * time.Hour, Normal: 96 * time.Hour}},
			{Metric: Resolution, Scope: "acme", Threshold: 90, Targets: map[Priority]time.Duration{High: 24 * time.Hour}},
		}})
	for p, want := range map[Priority]struct {
		target time.Duration
		level  Level
	}{High: {24 * time.Hour, Customer}, Normal: {96 * time.Hour, Corporate}} {
		e, err := a.Evaluate(Ticket{Priority: p, Customer: "acme", Events: []Event{ev(Opened, mon(9, 0))}}, mon(9, 0))
		require.NoError(t, err)
		r := mustResult(t, e, Resolution)
		assert.Equal(t, want.target, r.Target, p)
		assert.Equal(t, want.level, r.Level, p)
	}
	// Low has a target nowhere: no result.
	e, err := a.Evaluate(Ticket{Priority: Low, Customer: "acme", Events: []Event{ev(Opened, mon(9, 0))}}, mon(9, 0))
	require.NoError(t, err)
	assert.Empty(t, e.Results)
}

// TestObjectiveJSONKeys checks the lowerCamelCase keys of objectives and
// results, and that the old spelling at_risk is still read, once.
func TestObjectiveJSONKeys(t *testing.T) {
	var o Objective
	require.NoError(t, json.Unmarshal([]byte(`{"metric":"resolution","targets":{"high":"4h"},"threshold":90,"at_risk":0.75}`), &o))
	assert.Equal(t, 0.75, o.AtRisk)
	data, err := json.Marshal(o)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"atRisk":0.75`)
	assert.NotContains(t, string(data), "at_risk")
	err = json.Unmarshal([]byte(`{"metric":"resolution","targets":{"high":"4h"},"threshold":90,"at_risk":0.75,"atRisk":0.5}`), &o)
	assert.ErrorIs(t, err, ErrInvalidAgreement)
	assert.Contains(t, err.Error(), "both atRisk and its old spelling at_risk")

	a := clockAgreement(t)
	e, err := a.Evaluate(Ticket{ID: "J", Priority: High, Events: []Event{ev(Opened, mon(9, 0)), ev(AgentReplied, mon(14, 0))}}, mon(15, 0))
	require.NoError(t, err)
	data, err = json.Marshal(e.Results[0])
	require.NoError(t, err)
	for _, key := range []string{`"percentElapsed":125`, `"breachedAt":"2026-03-02T13:00:00Z"`, `"stoppedAt":"2026-03-02T14:00:00Z"`} {
		assert.Contains(t, string(data), key)
	}
	var r Result
	assert.Error(t, r.UnmarshalJSON([]byte(`{"objective":"x","target":"1h","elapsed":"0s","remaining":"1h","percent_elapsed":0}`)), "unknown keys are refused")
}
