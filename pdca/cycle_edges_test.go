package pdca

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/servuction/servuction"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// doing drives a new cycle with the given actions to Doing.
func doing(t *testing.T, id string, actions ...Action) *Cycle {
	t.Helper()
	c, err := NewCycle(id)
	require.NoError(t, err)
	p := fcrPlan()
	if len(actions) > 0 {
		p.Actions = actions
	}
	require.NoError(t, c.SetPlan(p))
	require.NoError(t, c.Approve(t0))
	require.NoError(t, c.Start(t0))
	return c
}

func action(title string) Action {
	return Action{Title: title, Kind: Workshop, Owner: "Lead", Due: servuction.MustParseDate("2026-04-01")}
}

func TestCycleActionEdges(t *testing.T) {
	c := doing(t, "a", action("one"), action("two"))
	for _, i := range []int{-1, 2} {
		err := c.UpdateAction(i, InProgress, "")
		require.ErrorIs(t, err, ErrInvalidCycle, "index %d", i)
		assert.Contains(t, err.Error(), "out of range [0, 2)")
	}
	assert.ErrorIs(t, c.UpdateAction(0, ActionStatus(9), "x"), ErrInvalidCycle, "undefined status")
	// Evidence given earlier lets a later call mark the action done.
	require.NoError(t, c.UpdateAction(1, InProgress, "slides"))
	require.NoError(t, c.UpdateAction(1, Done, " "))
	assert.Equal(t, []string{"slides"}, c.Record().Plan.Actions[1].Evidence, "blank evidence is not recorded")
	// Every action dropped: nothing was done.
	require.NoError(t, c.UpdateAction(1, Dropped, ""))
	require.NoError(t, c.UpdateAction(0, Dropped, ""))
	err := c.BeginCheck(t0)
	require.ErrorIs(t, err, ErrInvalidCycle)
	assert.Contains(t, err.Error(), "no action done")
	// One done, one dropped: the check may begin.
	require.NoError(t, c.UpdateAction(0, Done, "minutes"))
	require.NoError(t, c.BeginCheck(t0))
	assert.Equal(t, Checking, c.State())
	// Recognitions are still welcome while checking, but need every field.
	require.NoError(t, c.Recognize(Recognition{Person: "Luis", Contribution: "ran the workshop", On: servuction.MustParseDate("2026-04-02")}))
	for _, r := range []Recognition{
		{Contribution: "c", On: servuction.MustParseDate("2026-04-02")},
		{Person: "p", On: servuction.MustParseDate("2026-04-02")},
		{Person: "p", Contribution: "c"},
	} {
		assert.ErrorIs(t, c.Recognize(r), ErrInvalidCycle, "%+v", r)
	}
	assert.Len(t, c.Record().Recognitions, 1)
}

func TestCycleClosedStates(t *testing.T) {
	assert.False(t, Acting.Closed())
	for _, s := range []State{Standardized, Adjusted, Abandoned, Cancelled} {
		assert.True(t, s.Closed(), "%v", s)
	}
	c := walkTo(t, "s")
	_, err := c.Check(pSeries("after", repeat(80, 20)...), t0)
	require.NoError(t, err)
	// Acting is open: Cancel would be allowed, but standardize instead.
	_, err = c.Standardize(t0)
	require.NoError(t, err)
	assert.ErrorIs(t, c.Cancel("too late", t0), ErrIllegalTransition, "a standardized cycle is closed")
	assert.ErrorIs(t, c.Abandon("too late", t0), ErrIllegalTransition)

	d := walkTo(t, "d")
	_, err = d.Check(pSeries("after", repeat(80, 20)...), t0)
	require.NoError(t, err)
	require.NoError(t, d.Cancel("reorganisation", t0), "Acting is still open")
	assert.Equal(t, Cancelled, d.State())

	// Adjust needs a new, non-empty child id.
	e := walkTo(t, "e")
	_, err = e.Check(pSeries("after", repeat(80, 20)...), t0)
	require.NoError(t, err)
	for _, id := range []string{"", "  ", "e"} {
		_, err := e.Adjust(id, t0)
		assert.ErrorIs(t, err, ErrInvalidCycle, "child id %q", id)
	}
	assert.Equal(t, Acting, e.State())
}

func TestRecordValidateRejects(t *testing.T) {
	c := walkTo(t, "r")
	_, err := c.Check(pSeries("after", repeat(80, 20)...), t0.Add(time.Hour))
	require.NoError(t, err)
	acting := c.Record()
	require.NoError(t, acting.Validate())
	tests := []struct {
		name string
		edit func(*Record)
		want string
	}{
		{"acting without result", func(r *Record) { r.Result = nil }, "without a check result"},
		{"standardized without standard", func(r *Record) {
			r.History = append(r.History, Transition{From: Acting, To: Standardized, At: t0})
			r.State = Standardized
		}, "standardized without a new standard"},
		{"adjusted without child", func(r *Record) {
			r.History = append(r.History, Transition{From: Acting, To: Adjusted, At: t0})
			r.State = Adjusted
		}, "adjusted without a child cycle"},
		{"abandoned without rationale", func(r *Record) {
			r.History = append(r.History, Transition{From: Acting, To: Abandoned, At: t0})
			r.State = Abandoned
		}, "abandoned without a rationale"},
		{"history not from draft", func(r *Record) { r.History[0].From = Planned }, "history 1: planned → planned after draft"},
		{"illegal step", func(r *Record) { r.History[1].To = Acting }, "history 2: planned → acting after planned"},
		{"state beyond history", func(r *Record) { r.State = Standardized; r.NewStandard = &Standard{} }, "history ends in acting, state is standardized"},
		{"undefined state", func(r *Record) { r.State = State(42) }, "state state(42) undefined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := c.Record()
			tt.edit(&r)
			err := r.Validate()
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
	// A draft needs no plan; a cancelled draft neither.
	draft := Record{ID: "x", State: Cancelled, History: []Transition{{From: Draft, To: Cancelled, At: t0}}, Rationale: "r"}
	assert.NoError(t, draft.Validate())
}

func TestChainValidateRejects(t *testing.T) {
	first := walkTo(t, "c1")
	_, err := first.Check(pSeries("after", 69, 71, 69, 71, 69, 71, 69, 71, 69, 71), t0)
	require.NoError(t, err)
	second, err := first.Adjust("c2", t0)
	require.NoError(t, err)
	assert.Nil(t, Chain{}.Current())
	require.NoError(t, Chain{first}.Validate())
	require.NoError(t, Chain{first, second}.Validate())

	err = Chain{first, nil}.Validate()
	require.ErrorIs(t, err, ErrInvalidCycle)
	assert.Contains(t, err.Error(), "cycle 2 is nil")
	err = Chain{first, first}.Validate()
	require.ErrorIs(t, err, ErrInvalidCycle)
	assert.Contains(t, err.Error(), `cycle id "c1" repeated`)

	// The same ids and links, but the child measures another indicator.
	rec := second.Record()
	rec.Plan.Indicator.Name = "handling time"
	b, err := json.Marshal(rec)
	require.NoError(t, err)
	var other Cycle
	require.NoError(t, json.Unmarshal(b, &other))
	err = Chain{first, &other}.Validate()
	require.ErrorIs(t, err, ErrInvalidCycle)
	assert.Contains(t, err.Error(), `cycle "c2" measures "handling time", "c1" measures "first-contact resolution"`)
	assert.Equal(t, 1, strings.Count(err.Error(), "\n")+1, "only the indicator differs")

	// A parent that was not closed as Adjusted breaks the link.
	open := walkTo(t, "c0")
	orphan := Record{ID: "c3", ParentID: "c0", Plan: fcrPlan()}
	b, err = json.Marshal(orphan)
	require.NoError(t, err)
	var child Cycle
	require.NoError(t, json.Unmarshal(b, &child))
	err = Chain{open, &child}.Validate()
	require.ErrorIs(t, err, ErrInvalidCycle)
	assert.Contains(t, err.Error(), `cycle "c3" (parent "c0") does not follow "c0" (checking, child "")`)
	var nilAppend Chain
	assert.ErrorIs(t, nilAppend.Append(nil), ErrInvalidCycle)
}

func TestPlanValidateEveryProblem(t *testing.T) {
	p := fcrPlan()
	p.Baseline = Series{{Period: "w1", Value: 120, Size: 100}} // more resolved than contacts
	p.Actions = []Action{
		{Title: " ", Kind: Training, Owner: "o", Due: servuction.MustParseDate("2026-04-01")},
		{Title: "b", Kind: Training, Owner: "", Due: servuction.MustParseDate("2026-04-01")},
		{Title: "c", Kind: Training, Owner: "o"},
		{Title: "d", Kind: ActionKind(9), Owner: "o", Due: servuction.MustParseDate("2026-04-01")},
		{Title: "e", Kind: Training, Status: ActionStatus(9), Owner: "o", Due: servuction.MustParseDate("2026-04-01")},
	}
	err := p.Validate()
	require.Error(t, err)
	for _, want := range []string{
		"series w1: 120 counted above sample size 100",
		"action 1: title is empty",
		`action 2 "b": owner is empty`,
		`action 3 "c": due date`,
		`action 4 "d": kind action kind(9)`,
		`action 5 "e": kind training status action status(9) undefined`,
	} {
		assert.Contains(t, err.Error(), want)
	}
	assert.Len(t, strings.Split(err.Error(), "\n"), 6, "one line per problem")
	// An invalid indicator is reported once; its chart is not guessed for the baseline.
	p = fcrPlan()
	p.Indicator.Unit = UnitUnknown
	err = p.Validate()
	require.ErrorIs(t, err, ErrInvalidCycle)
	assert.NotContains(t, err.Error(), "not supported")
}

func TestRecordIsADeepCopy(t *testing.T) {
	c := walkTo(t, "deep")
	_, err := c.Check(pSeries("after", repeat(80, 20)...), t0)
	require.NoError(t, err)
	_, err = c.Standardize(t0)
	require.NoError(t, err)
	r := c.Record()
	require.NotNil(t, r.NewStandard)
	require.NotNil(t, r.NewStandard.Limits)
	r.NewStandard.Limits.Center = -1 // editing the copy...
	r.Result.After.Points[0] = -1
	r.Plan.Baseline[0].Value = -1
	again := c.Record() // ...leaves the cycle as it was
	assert.InDelta(t, 0.80, again.NewStandard.Limits.Center, 1e-12)
	assert.InDelta(t, 0.80, again.Result.After.Points[0], 1e-12)
	assert.InDelta(t, 68, again.Plan.Baseline[0].Value, 0)
}
