package servicecycle

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLifecycleServiceAndWaiting works a journey logged with start and
// complete events by hand: a start and the next completion of the same
// moment make one step, whose duration is the service time; waiting is the
// time from the previous step's end to the step's start.
func TestLifecycleServiceAndWaiting(t *testing.T) {
	c := MustCycle(CycleConfig{Moments: []Moment{{ID: "welcome"}, {ID: "wait"}, {ID: "handling"}, {ID: "farewell"}}})
	ev := func(moment string, min int, l Lifecycle, rating int) Encounter {
		e := enc("j", moment, min, rating)
		e.Lifecycle = l
		return e
	}
	log := []Encounter{
		ev("farewell", 27, Instant, 5),
		ev("handling", 25, Complete, 4), // rated at completion
		ev("wait", 12, Complete, 0),
		ev("handling", 15, Start, 0),
		ev("welcome", 0, Instant, 0),
		ev("wait", 2, Start, 0),
	}
	s, err := Summarize(c, log)
	require.NoError(t, err)
	require.Len(t, s.Steps, 4)
	// welcome 0; wait 2–12 (10m); handling 15–25 (10m, rated 4); farewell 27.
	assert.Equal(t, []time.Duration{0, 10 * time.Minute, 10 * time.Minute, 0},
		[]time.Duration{s.Steps[0].Duration, s.Steps[1].Duration, s.Steps[2].Duration, s.Steps[3].Duration})
	assert.Equal(t, []int{1, 2, 2, 1}, []int{s.Steps[0].Encounters, s.Steps[1].Encounters, s.Steps[2].Encounters, s.Steps[3].Encounters})
	assert.Equal(t, 4, s.Steps[2].Rating)
	assert.Equal(t, at(15), s.Steps[2].At)
	assert.Equal(t, 27*time.Minute, s.Throughput)
	assert.True(t, s.Complete)
	assert.Equal(t, 0, s.Cost)

	res, err := Analyze(c, log)
	require.NoError(t, err)
	assert.Equal(t, 6, res.Encounters)
	wait, _ := res.Moment("wait")
	handling, _ := res.Moment("handling")
	farewell, _ := res.Moment("farewell")
	assert.Equal(t, 2, wait.Encounters)
	// Service time: 10 minutes at the wait and at the handling.
	assert.Equal(t, TimeSummary{N: 1, Mean: 10 * time.Minute, Median: 10 * time.Minute, P90: 10 * time.Minute}, handling.Duration)
	// Waiting: wait starts 2m after the welcome (which takes no time),
	// handling 3m after the wait ends (12 → 15), farewell 2m after the
	// handling ends (25 → 27); start to start: 2m, 13m, 12m.
	one := func(d time.Duration) TimeSummary { return TimeSummary{N: 1, Mean: d, Median: d, P90: d} }
	assert.Equal(t, one(2*time.Minute), wait.Waiting)
	assert.Equal(t, one(3*time.Minute), handling.Waiting)
	assert.Equal(t, one(2*time.Minute), farewell.Waiting)
	assert.Equal(t, one(13*time.Minute), handling.SincePrevious)
	assert.Equal(t, one(12*time.Minute), farewell.SincePrevious)
}

// TestLifecycleUnpaired: a completion without a start is a step at its
// instant; a start without a completion is a step of no measured duration.
func TestLifecycleUnpaired(t *testing.T) {
	c := abcde()
	a := enc("j", "A", 0, 0)
	b := enc("j", "B", 1, 0)
	b.Lifecycle = Start
	cc := enc("j", "C", 3, 0)
	cc.Lifecycle = Complete
	s, err := Summarize(c, []Encounter{a, b, cc})
	require.NoError(t, err)
	require.Len(t, s.Steps, 3)
	assert.Equal(t, time.Duration(0), s.Steps[1].Duration)
	assert.Equal(t, at(3), s.Steps[2].At)
	assert.Equal(t, 1, s.Steps[2].Encounters)
}

func TestSummarizeRejects(t *testing.T) {
	c := abcde()
	_, err := Summarize(c, []Encounter{enc("a", "A", 0, 0), enc("b", "B", 1, 0)})
	require.ErrorIs(t, err, ErrInvalidEncounter)
	assert.Contains(t, err.Error(), `encounter 1: case "b", not "a"`)
	_, err = Summarize(c, nil)
	require.ErrorIs(t, err, ErrInvalidEncounter)
	_, err = Summarize(nil, []Encounter{enc("a", "A", 0, 0)})
	require.ErrorIs(t, err, ErrInvalidEncounter)
	_, err = Summarize(c, []Encounter{enc("a", "A", 0, 9)})
	require.ErrorIs(t, err, ErrInvalidEncounter)
	assert.Contains(t, err.Error(), "encounter 0")
}

// TestVariants works the paths of four journeys by hand.
func TestVariants(t *testing.T) {
	var log []Encounter
	log = append(log, journey("j1", "A", "B", "C", "D", "E")...) // 0..4 minutes
	for i, m := range []string{"A", "B", "C", "D", "E"} {
		log = append(log, enc("j2", m, 2*i, 0)) // 0..8 minutes
	}
	log = append(log, journey("j3", "A", "C", "B", "D", "E")...)
	log = append(log, journey("j4", "A", "B", "C", "D", "E")...)
	res, err := Analyze(abcde(), log)
	require.NoError(t, err)
	// A B C D E: 3 of 4 journeys, mean throughput (4 + 8 + 4)/3 = 16/3 min
	// = 5m20s; A C B D E: 1, 4 min.
	assert.Equal(t, []Variant{
		{Moments: []string{"A", "B", "C", "D", "E"}, Journeys: 3, Share: 0.75, Throughput: 320 * time.Second},
		{Moments: []string{"A", "C", "B", "D", "E"}, Journeys: 1, Share: 0.25, Throughput: 4 * time.Minute},
	}, res.Variants)
}

// TestVariantsOrder: ties go to path order: the cycle's moments in cycle
// order, unknown ids after by id, a path before its extensions.
func TestVariantsOrder(t *testing.T) {
	res, err := Analyze(abcde(), append(append(append(journey("x", "A", "Z"), journey("y", "A", "B")...),
		journey("z", "A", "B", "C")...), journey("w", "A", "Y")...))
	require.NoError(t, err)
	var got [][]string
	for _, v := range res.Variants {
		got = append(got, v.Moments)
	}
	assert.Equal(t, [][]string{{"A", "B"}, {"A", "B", "C"}, {"A", "Y"}, {"A", "Z"}}, got)
}

// TestVariantsZeroValue: the zero Variants counts paths; ties go by id.
func TestVariantsZeroValue(t *testing.T) {
	var v Variants
	for _, path := range [][]string{{"B"}, {"A"}, {"B"}} {
		s, err := Summarize(abcde(), journey("x", path...))
		require.NoError(t, err)
		v.Add(&s)
	}
	assert.Equal(t, []Variant{{Moments: []string{"B"}, Journeys: 2, Share: 2.0 / 3}, {Moments: []string{"A"}, Journeys: 1, Share: 1.0 / 3}}, v.Result())
}
