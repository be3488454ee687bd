package servicecycle

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/servuction/servuction"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNewCycleRejects(t *testing.T) {
	ab := []Moment{{ID: "a"}, {ID: "b"}}
	tests := []struct {
		name  string
		cfg   CycleConfig
		wants []string
	}{
		{"no moments", CycleConfig{Name: "x"}, []string{`cycle "x": no moments`}},
		{"empty id", CycleConfig{Moments: []Moment{{ID: ""}}}, []string{"moment 0: empty id"}},
		{"duplicate id", CycleConfig{Moments: []Moment{{ID: "a"}, {ID: "a"}}}, []string{`moment 1: id "a" already used by moment 0`}},
		{"dangling flow", CycleConfig{Moments: ab, Flows: []Flow{{"a", "b"}, {"b", "zz"}}}, []string{`flow 1: to "zz": unknown moment`}},
		{"bad start", CycleConfig{Moments: ab, Start: "q"}, []string{`start "q": unknown moment`}},
		{"bad end", CycleConfig{Moments: ab, Ends: []string{"q"}}, []string{`end "q": unknown moment`}},
		{"bad outcome", CycleConfig{Moments: ab, Outcome: "q"}, []string{`outcome "q": unknown moment`}},
		{"unreachable", CycleConfig{Moments: []Moment{{ID: "a"}, {ID: "b"}, {ID: "c"}}, Flows: []Flow{{"a", "c"}}},
			[]string{`moment "b": unreachable from start "a"`, `moment "b": no end can be reached from it`}},
		{"trap", CycleConfig{Moments: []Moment{{ID: "a"}, {ID: "b"}, {ID: "c"}}, Flows: []Flow{{"a", "b"}, {"a", "c"}, {"b", "b"}}},
			[]string{`moment "b": no end can be reached from it`}},
		{"bad standard", CycleConfig{Moments: []Moment{{ID: "a", Standards: Standards{MinRating: 9, MaxWait: -time.Second}}}},
			[]string{"minRating 9 outside 1–5", "maxWait -1s negative"}},
		{"undefined enum", CycleConfig{Moments: []Moment{{ID: "a", Stage: 42}}}, []string{`moment "a": undefined stage`}},
		{"too many", CycleConfig{Moments: make([]Moment, MaxMoments+1)}, []string{"513 moments, more than 512"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := NewCycle(tt.cfg)
			require.ErrorIs(t, err, ErrInvalidCycle)
			assert.Nil(t, c)
			for _, w := range tt.wants {
				assert.Contains(t, err.Error(), w)
			}
			assert.True(t, strings.HasPrefix(err.Error(), "servicecycle: "))
		})
	}
}

func TestCycleDefaultsAndAllows(t *testing.T) {
	c := AttentionCycle()
	assert.Equal(t, "welcome", c.Start())
	assert.Equal(t, []string{"farewell"}, c.Ends())
	assert.Equal(t, "farewell", c.Outcome())
	assert.Equal(t, []Flow{{"welcome", "wait"}, {"wait", "handling"}, {"handling", "follow-up"}, {"follow-up", "farewell"}}, c.Flows())
	tests := []struct {
		from, to string
		want     bool
	}{
		{"welcome", "wait", true},
		{"welcome", "handling", true},  // over the optional wait
		{"handling", "farewell", true}, // over the optional follow-up
		{"welcome", "farewell", false}, // the handling is required
		{"handling", "welcome", false}, // no loop designed
		{"welcome", "welcome", false},
		{"welcome", "nowhere", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, c.Allows(tt.from, tt.to), "%s→%s", tt.from, tt.to)
	}

	cc := ConsumerCycle()
	assert.Equal(t, 6, cc.Len())
	assert.Equal(t, "reaction", cc.Outcome()) // the reaction stage
	m, ok := cc.Moment("after-purchase")
	require.True(t, ok)
	assert.Equal(t, AfterPurchase, m.Stage)
	_, ok = cc.Moment("nope")
	assert.False(t, ok)

	// An explicit loop and branch: handling may go back to the wait, and a
	// customer may leave from the handling (two ends).
	loop := MustCycle(CycleConfig{
		Moments: []Moment{{ID: "in"}, {ID: "wait"}, {ID: "serve"}, {ID: "out"}},
		Flows:   []Flow{{"in", "wait"}, {"wait", "serve"}, {"serve", "wait"}, {"serve", "out"}},
		Ends:    []string{"serve", "out"},
	})
	assert.True(t, loop.Allows("serve", "wait"))
	assert.False(t, loop.Allows("in", "serve"))
	res, err := Analyze(loop, []Encounter{enc("a", "in", 0, 0), enc("a", "wait", 1, 0), enc("a", "serve", 2, 0),
		enc("a", "wait", 3, 0), enc("a", "serve", 4, 0)})
	require.NoError(t, err)
	assert.Equal(t, 1, res.Conforming, "a designed loop is no deviation, and serve is an end")
}

func TestCycleIsImmutable(t *testing.T) {
	cfg := CycleConfig{Moments: []Moment{{ID: "a", Context: Context{"sign"}}, {ID: "b"}}}
	c := MustCycle(cfg)
	cfg.Moments[0].ID = "changed"
	cfg.Moments[0].Context[0] = "changed"
	got := c.Moments()
	assert.Equal(t, "a", got[0].ID)
	assert.Equal(t, Context{"sign"}, got[0].Context)
	got[0].Context[0] = "changed again"
	m, _ := c.Moment("a")
	assert.Equal(t, Context{"sign"}, m.Context)
}

func TestCycleJSON(t *testing.T) {
	src := `{
	  "name": "Sucursal",
	  "moments": [
	    {"id": "entrada", "name": "Acogida", "step": "acogida", "channel": "presencial", "mode": "presencial",
	     "stance": "reactivo", "context": ["señalización", "folletos"], "standards": {"protocol": "estructural"}},
	    {"id": "turno", "step": "espera", "optional": true, "standards": {"maxWait": "10m"}},
	    {"id": "caja", "step": "gestión", "critical": true, "standards": {"minRating": 4, "protocol": "atención personal"}},
	    {"id": "salida", "step": "despedida", "stage": "reacción", "standards": {"maxWait": "1d"}}
	  ]
	}`
	var c Cycle
	require.NoError(t, json.Unmarshal([]byte(src), &c))
	m, _ := c.Moment("entrada")
	assert.Equal(t, Welcome, m.Step)
	assert.Equal(t, servuction.InPerson, m.Channel)
	assert.Equal(t, servuction.Reactive, m.Stance)
	assert.Equal(t, Structural, m.Standards.Protocol)
	m, _ = c.Moment("turno")
	assert.Equal(t, 10*time.Minute, m.Standards.MaxWait)
	m, _ = c.Moment("salida")
	assert.Equal(t, 24*time.Hour, m.Standards.MaxWait)
	assert.Equal(t, "salida", c.Outcome())

	out, err := json.Marshal(&c)
	require.NoError(t, err)
	assert.Contains(t, string(out), `"maxWait":"1d"`)
	assert.Contains(t, string(out), `"protocol":"personal-attention"`)
	var back Cycle
	require.NoError(t, json.Unmarshal(out, &back))
	assert.Equal(t, c.Config(), back.Config())

	bad := []string{
		`{"moments": []}`,
		`{"moments": [{"id": "a", "step": "nap"}]}`,
		`{"moments": [{"id": "a", "standards": {"maxWait": "soon"}}]}`,
		`{"moments": [{"id": "a", "standards": {"maxWait": "-3m"}}]}`,
		`{"moments": [{"id": "a"}], "flows": [{"from": "a", "to": "b"}]}`,
		`[1,2]`,
	}
	for _, s := range bad {
		keep := back
		err := json.Unmarshal([]byte(s), &back)
		require.ErrorIs(t, err, ErrInvalidCycle, s)
		assert.Equal(t, keep.Config(), back.Config(), "rejected JSON leaves the cycle unchanged")
	}
}

func TestEncounterJSON(t *testing.T) {
	e := Encounter{Case: "A-1", Moment: "turno", Channel: servuction.SelfService, At: t0, Rating: 3,
		Duration: 90 * time.Second, Employee: "ana", FailPoints: []FailPoint{Automatism}, EmployeeRating: 4, ImageRating: 5}
	out, err := json.Marshal(e)
	require.NoError(t, err)
	assert.JSONEq(t, `{"case":"A-1","moment":"turno","channel":"self-service","at":"2026-03-02T09:00:00Z","rating":3,
		"duration":"1m30s","employee":"ana","failPoints":["automatism"],"employeeRating":4,"imageRating":5}`, string(out))
	var back Encounter
	require.NoError(t, json.Unmarshal(out, &back))
	assert.Equal(t, e, back)

	require.NoError(t, json.Unmarshal([]byte(`{"case":"x","moment":"m","at":"2026-03-02T09:00:00Z","failPoints":["apatía","culpabilizacion del cliente"]}`), &back))
	assert.Equal(t, []FailPoint{Apathy, BlamingCustomer}, back.FailPoints)
	err = json.Unmarshal([]byte(`{"case":"x","moment":"m","at":"2026-03-02T09:00:00Z","rating":8}`), &back)
	require.ErrorIs(t, err, ErrInvalidEncounter)
	err = json.Unmarshal([]byte(`{"case":"x","moment":"m","at":"2026-03-02T09:00:00Z","duration":"x"}`), &back)
	require.ErrorIs(t, err, ErrInvalidEncounter)
	assert.True(t, errors.Is(err, ErrInvalidValue))
}

func TestConformanceBranches(t *testing.T) {
	// in → (phone | web) → out; the web branch is optional-free.
	c := MustCycle(CycleConfig{
		Moments: []Moment{{ID: "in"}, {ID: "phone"}, {ID: "web"}, {ID: "out"}},
		Flows:   []Flow{{"in", "phone"}, {"in", "web"}, {"phone", "out"}, {"web", "out"}},
	})
	tests := []struct {
		name     string
		path     []string
		conforms bool
		devs     []DeviationCount
	}{
		{"phone branch", []string{"in", "phone", "out"}, true, nil},
		{"web branch", []string{"in", "web", "out"}, true, nil},
		// phone → web: not designed; web lived where the design has no place for it.
		{"both branches", []string{"in", "phone", "web", "out"}, false, []DeviationCount{{OutOfOrder, "web", 1, 1}}},
		// in → out: a required moment skipped (phone, the first branch in
		// cycle order).
		{"no branch", []string{"in", "out"}, false, []DeviationCount{{Skipped, "phone", 1, 1}}},
		// Starting at phone skips the start.
		{"late start", []string{"phone", "out"}, false, []DeviationCount{{Skipped, "in", 1, 1}}},
		// Incomplete: the end is not reached.
		{"stops early", []string{"in", "web"}, false, []DeviationCount{{NotReached, "out", 1, 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var log []Encounter
			for i, m := range tt.path {
				log = append(log, enc("x", m, i, 0))
			}
			res, err := Analyze(c, log)
			require.NoError(t, err)
			assert.Equal(t, tt.conforms, res.Conforming == 1)
			assert.Equal(t, tt.devs, res.Deviations)
		})
	}
}

// Defect 5 of issue 16: cycle JSON silently ignored unknown fields and
// accepted a whitespace-only moment id.
func TestCycleJSONStrict(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"unknown moment field", `{"moments":[{"id":"a","critcal":true}]}`, `unknown field "critcal"`},
		{"unknown top-level field", `{"name":"x","moments":[{"id":"a"}],"flow":[]}`, `unknown field "flow"`},
		{"unknown flow field", `{"moments":[{"id":"a"},{"id":"b"}],"flows":[{"from":"a","to":"b","weight":2}]}`, `unknown field "weight"`},
		{"unknown standards field", `{"moments":[{"id":"a","standards":{"maxWiat":"3m"}}]}`, `unknown field "maxWiat"`},
		{"blank id", `{"moments":[{"id":"a"},{"id":"  \t"}]}`, `moment 1: id "  \t" is blank`},
		{"trailing data", `{"moments":[{"id":"a"}]} {"moments":[]}`, "after the cycle"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c Cycle
			err := json.Unmarshal([]byte(tt.src), &c)
			if tt.name == "trailing data" { // json.Unmarshal itself refuses it
				var cc Cycle
				err = cc.UnmarshalJSON([]byte(tt.src))
			}
			require.ErrorIs(t, err, ErrInvalidCycle)
			assert.Contains(t, err.Error(), tt.want)
			assert.Equal(t, 0, c.Len(), "a rejected cycle leaves the value unchanged")
		})
	}
	_, err := NewCycle(CycleConfig{Moments: []Moment{{ID: " "}}})
	require.ErrorIs(t, err, ErrInvalidCycle)
	assert.Contains(t, err.Error(), `moment 0: id " " is blank`)
}
