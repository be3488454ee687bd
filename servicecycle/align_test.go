package servicecycle

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// abcde is the cycle A→B→C→D→E of issue 16.
func abcde() *Cycle {
	return MustCycle(CycleConfig{Name: "abcde", Moments: []Moment{{ID: "A"}, {ID: "B"}, {ID: "C"}, {ID: "D"}, {ID: "E"}}})
}

// journey logs the moments of one journey a minute apart.
func journey(cs string, moments ...string) []Encounter {
	var log []Encounter
	for i, m := range moments {
		log = append(log, enc(cs, m, i, 0))
	}
	return log
}

// TestAlignHandWorked checks alignments worked by hand. Notation: (A) a
// synchronous move, log X a move on the journey only, model X a move on the
// design only (cost 1, or 0 for an optional moment). The value at each
// point is (cost, moves) of the best completion; ties go to a sync move,
// then a log move of an unknown moment, then a model move, then a log move.
func TestAlignHandWorked(t *testing.T) {
	for _, tt := range alignCases() {
		t.Run(tt.name, func(t *testing.T) {
			a := tt.c.Align(strings.Fields(tt.journey))
			assert.Equal(t, tt.moves, a.Moves)
			assert.Equal(t, tt.cost, a.Cost)
			assert.Equal(t, tt.maxCost, a.MaxCost)
			assert.InDelta(t, 1-float64(tt.cost)/float64(tt.maxCost), a.Fitness, 1e-15)
			assert.Equal(t, tt.devs, a.Deviations)
			sum := 0
			for _, d := range a.Deviations {
				sum += d.cost()
			}
			assert.Equal(t, a.Cost, sum, "the deviations account for the cost")
		})
	}
}

type alignCase struct {
	name    string
	c       *Cycle
	journey string
	moves   []Move
	cost    int
	maxCost int
	devs    []JourneyDeviation
}

// alignCases are the hand-worked alignments.
func alignCases() []alignCase {
	sync := func(m string, p int) Move { return Move{Kind: SyncMove, Moment: m, Position: p} }
	logm := func(m string, p int) Move { return Move{Kind: LogMove, Moment: m, Position: p, Cost: 1} }
	model := func(m string, p, cost int) Move { return Move{Kind: ModelMove, Moment: m, Position: p, Cost: cost} }
	branch := MustCycle(CycleConfig{Moments: []Moment{{ID: "in"}, {ID: "phone"}, {ID: "web"}, {ID: "out"}},
		Flows: []Flow{{"in", "phone"}, {"in", "web"}, {"phone", "out"}, {"web", "out"}}})
	return []alignCase{
		// After (A), at C: a model move of B leaves "C B D E" from B: (C),
		// log B, (D), (E): cost 1, 4 moves; a log move of C leaves "B D E"
		// from A: (B), model C, (D), (E): cost 1, 4 moves. Both total (2, 5):
		// the model move wins. B is expected at 2 and lived at 3: out of order.
		{"swap", abcde(), "A C B D E",
			[]Move{sync("A", 1), model("B", 2, 1), sync("C", 2), logm("B", 3), sync("D", 4), sync("E", 5)},
			2, 10, []JourneyDeviation{{Kind: OutOfOrder, Moment: "B", Position: 3, Expected: 2}}},
		// (A)(B)(C), then B: log B (cost 1) beats any model move; B was
		// lived at 2 too: repeated.
		{"second visit", abcde(), "A B C B D E",
			[]Move{sync("A", 1), sync("B", 2), sync("C", 3), logm("B", 4), sync("D", 5), sync("E", 6)},
			1, 11, []JourneyDeviation{{Kind: Repeated, Moment: "B", Position: 4}}},
		// Only one moment can be matched (any one): cost 4 log + 4 model =
		// 8 whichever; model moves come first, so E is matched and D, C, B,
		// A are lived out of order, all expected at the start (1).
		{"reversed", abcde(), "E D C B A",
			[]Move{model("A", 1, 1), model("B", 1, 1), model("C", 1, 1), model("D", 1, 1), sync("E", 1),
				logm("D", 2), logm("C", 3), logm("B", 4), logm("A", 5)},
			8, 10, []JourneyDeviation{{OutOfOrder, "D", 2, 1}, {OutOfOrder, "C", 3, 1}, {OutOfOrder, "B", 4, 1}, {OutOfOrder, "A", 5, 1}}},
		// A visit that comes back: (W), model wait (free), (H), model
		// follow-up (free), then W and H again as log moves: repeated, the
		// unknown coffee in between.
		{"comes back", AttentionCycle(), "welcome handling welcome coffee handling farewell",
			[]Move{sync("welcome", 1), model("wait", 2, 0), sync("handling", 2), model("follow-up", 3, 0), logm("welcome", 3),
				logm("coffee", 4), logm("handling", 5), sync("farewell", 6)},
			3, 9, []JourneyDeviation{{Kind: Repeated, Moment: "welcome", Position: 3}, {Kind: UnknownMoment, Moment: "coffee", Position: 4},
				{Kind: Repeated, Moment: "handling", Position: 5}}},
		// X is unknown: log X first (a tie with model B); at C from A,
		// model B (cost 1) beats log C (cost 3): B skipped just before C.
		{"unknown", abcde(), "A X C D E",
			[]Move{sync("A", 1), logm("X", 2), model("B", 3, 1), sync("C", 3), sync("D", 4), sync("E", 5)},
			2, 10, []JourneyDeviation{{Kind: UnknownMoment, Moment: "X", Position: 2}, {Kind: Skipped, Moment: "B", Position: 3}}},
		// Optional moments are passed at no cost.
		{"optional", AttentionCycle(), "welcome handling farewell",
			[]Move{sync("welcome", 1), model("wait", 2, 0), sync("handling", 2), model("follow-up", 3, 0), sync("farewell", 3)},
			0, 6, nil},
		// Coming back after the last designed moment: model moves are
		// preferred to the log move of W, but nothing on the design is lived
		// after them: handling and farewell are not reached, W out of order.
		{"stops after a step back", AttentionCycle(), "handling welcome",
			[]Move{model("welcome", 1, 1), model("wait", 1, 0), sync("handling", 1), model("follow-up", 2, 0),
				model("farewell", 2, 1), logm("welcome", 2)},
			3, 5, []JourneyDeviation{{Kind: OutOfOrder, Moment: "welcome", Position: 2, Expected: 1}, {Kind: NotReached, Moment: "farewell", Position: 3}}},
		// Stopping early: the rest of the cheapest path is not reached.
		{"drop-off", AttentionCycle(), "welcome wait",
			[]Move{sync("welcome", 1), sync("wait", 2), model("handling", 3, 1), model("follow-up", 3, 0), model("farewell", 3, 1)},
			2, 5, []JourneyDeviation{{Kind: NotReached, Moment: "handling", Position: 3}, {Kind: NotReached, Moment: "farewell", Position: 3}}},
		// Two branches tie: the first in cycle order (phone) is taken.
		{"branch", branch, "in out",
			[]Move{sync("in", 1), model("phone", 2, 1), sync("out", 2)},
			1, 5, []JourneyDeviation{{Kind: Skipped, Moment: "phone", Position: 2}}},
		{"late start", branch, "phone out",
			[]Move{model("in", 1, 1), sync("phone", 1), sync("out", 2)},
			1, 5, []JourneyDeviation{{Kind: Skipped, Moment: "in", Position: 1}}},
		{"empty", abcde(), "",
			[]Move{model("A", 1, 1), model("B", 1, 1), model("C", 1, 1), model("D", 1, 1), model("E", 1, 1)},
			5, 5, []JourneyDeviation{{NotReached, "A", 1, 0}, {NotReached, "B", 1, 0}, {NotReached, "C", 1, 0}, {NotReached, "D", 1, 0}, {NotReached, "E", 1, 0}}},
	}
}

// TestAlignLongJourney checks the checkpointed alignment of a journey too
// long to keep every layer against the same journey's cost worked out: a
// loop A→B→A… of 40 000 moments on A→B→C, then C.
func TestAlignLongJourney(t *testing.T) {
	c := MustCycle(CycleConfig{Moments: []Moment{{ID: "A"}, {ID: "B"}, {ID: "C"}}})
	moments := make([]string, 0, 40_001)
	for i := range 40_000 {
		moments = append(moments, []string{"A", "B"}[i%2])
	}
	moments = append(moments, "C")
	require.Greater(t, (len(moments)+1)*(c.Len()+1), 1<<16, "the journey needs checkpoints")
	a := c.Align(moments)
	// (A)(B), then 39 998 log moves (each A and B lived again), then (C).
	assert.Equal(t, 39_998, a.Cost)
	assert.Len(t, a.Moves, 40_001)
	assert.Equal(t, Move{Kind: SyncMove, Moment: "C", Position: 40_001}, a.Moves[len(a.Moves)-1])
	assert.Len(t, a.Deviations, 39_998)
	for _, d := range a.Deviations {
		require.Equal(t, Repeated, d.Kind)
	}
}
