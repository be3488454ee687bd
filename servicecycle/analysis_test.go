package servicecycle

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/servuction/servuction"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAnalyzeScenario(t *testing.T) {
	res, err := Analyze(branchCycle(), scenario())
	require.NoError(t, err)

	// 21 encounters logged, one duplicate (J5 handling at 10:05).
	assert.Equal(t, 20, res.Encounters)
	assert.Equal(t, 6, res.Journeys)
	assert.Equal(t, 1, res.DuplicateCount)
	assert.Equal(t, []Duplicate{{Case: "J5", Moment: "handling", At: at(65), Copies: 2}}, res.Duplicates)

	welcome, _ := res.Moment("welcome")
	// Welcome ratings 5,4,3,4,5,4,3: two 3s, three 4s, two 5s; mean 28/7 = 4;
	// squares of deviations 1+0+1 per pair → 4; variance 4/6; sd 0.8165;
	// half-width t(0.975, 6) = 2.4469119 × 0.8165/√7 = 0.755134.
	assert.Equal(t, 7, welcome.Encounters)
	assert.Equal(t, 6, welcome.Journeys)
	assert.InDelta(t, 1.0, welcome.Reach, 1e-12)
	assert.Equal(t, [5]int{0, 0, 2, 3, 2}, welcome.Satisfaction.Distribution)
	assert.InDelta(t, 4.0, welcome.Satisfaction.Mean, 1e-12)
	assert.InDelta(t, math.Sqrt(4.0/6), welcome.Satisfaction.StdDev, 1e-12)
	assert.InDelta(t, 4-0.755134, welcome.Satisfaction.Low, 1e-5)
	assert.InDelta(t, 4+0.755134, welcome.Satisfaction.High, 1e-5)
	// Welcome is reached after the handling twice: 10 and 5 minutes; mean
	// 7.5, median 7.5, p90 = 5 + 0.9 × 5 = 9.5 minutes.
	assert.Equal(t, TimeSummary{N: 2, Mean: 450 * time.Second, Median: 450 * time.Second, P90: 570 * time.Second}, welcome.SincePrevious)
	assert.Equal(t, []ChannelCount{{Channel: servuction.InPerson, Count: 7}}, welcome.Channels)

	wait, _ := res.Moment("wait")
	// J1, J3, J4 wait 5, 15, 8 minutes against a 10-minute standard: 1 of 3 below.
	assert.Equal(t, 3, wait.Encounters)
	assert.InDelta(t, 0.5, wait.Reach, 1e-12)
	assert.Equal(t, 3, wait.Measured)
	assert.Equal(t, 1, wait.BelowStandard)
	assert.InDelta(t, 1.0/3, wait.BelowShare, 1e-12)
	assert.InDelta(t, 2.5, wait.Satisfaction.Mean, 1e-12) // ratings 4 and 1
	// Gaps 2, 1, 5 minutes: mean 8/3 min = 160 s; median 2 min; p90 = 2 + 0.8 × 3 = 4.4 min.
	assert.Equal(t, TimeSummary{N: 3, Mean: 160 * time.Second, Median: 2 * time.Minute, P90: 264 * time.Second}, wait.SincePrevious)
	assert.Equal(t, []FailPointCount{{WaitNotAcknowledged, 1}}, wait.FailPoints)
	// Waits 5, 15, 8 minutes: mean 28/3 min = 560 s; median 8; p90 = 8 + 0.8 × 7 = 13.6 min.
	assert.Equal(t, TimeSummary{N: 3, Mean: 560 * time.Second, Median: 8 * time.Minute, P90: 816 * time.Second}, wait.Duration)
	assert.Equal(t, TimeSummary{}, welcome.Duration)

	handling, _ := res.Moment("handling")
	// Ratings 4, 2, 5, 4, 3 (duplicate dropped): mean 18/5 = 3.6; two below
	// the minimum of 4 out of five rated.
	assert.Equal(t, 5, handling.Encounters)
	assert.Equal(t, 4, handling.Journeys)
	assert.InDelta(t, 3.6, handling.Satisfaction.Mean, 1e-12)
	assert.Equal(t, 5, handling.Measured)
	assert.Equal(t, 2, handling.BelowStandard)
	// Gaps 1, 5, 5, 2 minutes: mean 3.25 min; median 2 + 0.5 × 3 = 3.5 min; p90 5 min.
	assert.Equal(t, TimeSummary{N: 4, Mean: 195 * time.Second, Median: 210 * time.Second, P90: 5 * time.Minute}, handling.SincePrevious)
	assert.Equal(t, []FailPointCount{{Indifference, 1}, {DeniedSolution, 1}}, handling.FailPoints)

	farewell, _ := res.Moment("farewell")
	// Ratings 5, 2, 3, 5: mean 3.75. Gaps 13, 10, 10, 25 min: mean 14.5;
	// median 10 + 0.5 × 3 = 11.5; p90 = 13 + 0.7 × 12 = 21.4 min.
	assert.InDelta(t, 3.75, farewell.Satisfaction.Mean, 1e-12)
	assert.Equal(t, TimeSummary{N: 4, Mean: 870 * time.Second, Median: 690 * time.Second, P90: 1284 * time.Second}, farewell.SincePrevious)

	follow, _ := res.Moment("follow-up")
	assert.Equal(t, 0, follow.Encounters)
}

// TestAnalyzeScenarioJourneys checks the journey-level figures of the
// hand-worked scenario.
func TestAnalyzeScenarioJourneys(t *testing.T) {
	res, err := Analyze(branchCycle(), scenario())
	require.NoError(t, err)

	weakest, ok := res.WeakestCritical()
	require.True(t, ok)
	assert.Equal(t, "handling", weakest.ID)

	// J1, J2, J4, J5 end at the farewell; J3 and J6 drop off.
	assert.Equal(t, 4, res.Completed)
	assert.InDelta(t, 4.0/6, res.Completion, 1e-12)
	assert.Equal(t, []DropOff{{"welcome", 1, 1.0 / 6}, {"wait", 1, 1.0 / 6}}, res.DropOff)
	// Throughput 20, 11, 30, 30 min: mean 22.75; median 20 + 0.5 × 10 = 25; p90 30.
	assert.Equal(t, TimeSummary{N: 4, Mean: 1365 * time.Second, Median: 25 * time.Minute, P90: 30 * time.Minute}, res.Throughput)
	// Only J1 and J2 are complete without deviation.
	assert.Equal(t, 2, res.Conforming)
	assert.InDelta(t, 2.0/6, res.Conformance, 1e-12)

	type e struct {
		from, to string
		n        int
		mean     time.Duration
		designed bool
	}
	var got []e
	for _, x := range res.Edges {
		got = append(got, e{x.From, x.To, x.Count, x.Time.Mean, x.Designed})
	}
	assert.Equal(t, []e{
		{"welcome", "wait", 3, 160 * time.Second, true},   // 2, 1, 5 min
		{"welcome", "handling", 2, 3 * time.Minute, true}, // 1, 5 min, over the optional wait
		{"welcome", "coffee", 1, 3 * time.Minute, false},
		{"wait", "handling", 1, 5 * time.Minute, true},
		{"wait", "farewell", 1, 25 * time.Minute, false},
		{"handling", "welcome", 2, 450 * time.Second, false}, // 10, 5 min
		{"handling", "farewell", 3, 11 * time.Minute, true},  // 13, 10, 10 min
		{"coffee", "handling", 1, 2 * time.Minute, false},
	}, got)
	require.NotNil(t, res.Bottleneck)
	assert.Equal(t, "wait", res.Bottleneck.From)
	assert.Equal(t, "farewell", res.Bottleneck.To)

	// Each journey's optimal alignment (ties: sync, then log of an unknown
	// moment, then model, then log move): J3 (welcome)(wait), model
	// handling, model follow-up (optional, free), model farewell: it stops
	// before handling and farewell. J4 (welcome)(wait), model handling,
	// (farewell): handling skipped. J5 (welcome), model wait (free),
	// (handling), log welcome, log coffee, log handling, (farewell): welcome
	// and handling repeated, coffee unknown. J6 model welcome, model wait,
	// (handling), model follow-up, model farewell, log welcome: welcome
	// lived after its place (position 2, expected 1); nothing of the design
	// after the farewell's move: not reached.
	assert.Equal(t, []DeviationCount{
		{Skipped, "handling", 1, 1},     // J4 goes from the wait to the farewell
		{Repeated, "welcome", 1, 1},     // J5 comes back to the welcome
		{Repeated, "handling", 1, 1},    // and to the handling
		{OutOfOrder, "welcome", 1, 1},   // J6 goes from the handling to the welcome
		{UnknownMoment, "coffee", 1, 1}, // J5
		{NotReached, "handling", 1, 1},  // J3 stops at the wait
		{NotReached, "farewell", 2, 2},  // J3 and J6
	}, res.Deviations)
	// Costs: J1 0, J2 0, J3 2, J4 1, J5 3, J6 3 (paired out-of-order 2 +
	// farewell 1); worst costs: steps + 3 required moments: 7, 6, 5, 6, 9,
	// 5. Fitness = 1 − 9/38.
	assert.InDelta(t, 1-9.0/38, res.Fitness, 1e-12)
	assert.Equal(t, []UnlistedMoment{{ID: "coffee", Encounters: 1, Journeys: 1}}, res.Unknown)
	// No moment has two journeys with a bad and two with a good experience.
	assert.Empty(t, res.Drivers)
	assert.Equal(t, CorrectAttention{}, res.Attention)
}

func TestDrivers(t *testing.T) {
	c := MustCycle(CycleConfig{Moments: []Moment{{ID: "service"}, {ID: "reaction", Stage: Reaction}}})
	var log []Encounter
	for i, p := range [][2]int{{1, 2}, {2, 3}, {1, 1}, {4, 5}, {5, 4}, {3, 4}, {4, 3}} {
		cs := string(rune('a' + i))
		log = append(log, enc(cs, "service", 0, p[0]), enc(cs, "reaction", 5, p[1]))
	}
	res, err := Analyze(c, log)
	require.NoError(t, err)
	require.Len(t, res.Drivers, 1)
	d := res.Drivers[0]
	// Bad (≤ 2) outcomes 2, 3, 1: mean 2, variance 1. Good outcomes 5, 4, 4, 3:
	// mean 4, variance 2/3. Effect 2. Pooled variance (2·1 + 3·2/3)/5 = 0.8,
	// d = 2/√0.8 = √5. Welch: se² = 1/3 + (2/3)/4 = 0.5; df = 0.25 /
	// ((1/3)²/2 + (1/6)²/3) = 27/7 = 3.857143, fractional (defect 4 of issue
	// 16: it was rounded down to 3); R: qt(0.975, 27/7) = 2.81747375320;
	// half = 2.81747375320·√0.5 = 1.992254.
	assert.Equal(t, "service", d.Moment)
	assert.Equal(t, 3, d.Bad)
	assert.Equal(t, 4, d.Good)
	assert.InDelta(t, 2.0, d.BadOutcome, 1e-12)
	assert.InDelta(t, 4.0, d.GoodOutcome, 1e-12)
	assert.InDelta(t, 2.0, d.Effect, 1e-12)
	assert.InDelta(t, math.Sqrt(5), d.CohensD, 1e-9)
	assert.InDelta(t, 2-1.992254, d.Low, 1e-6)
	assert.InDelta(t, 2+1.992254, d.High, 1e-6)
}

func TestCorrectAttention(t *testing.T) {
	c := MustCycle(CycleConfig{Moments: []Moment{{ID: "service"}, {ID: "farewell"}}})
	mk := func(cs string, outcome, emp1, emp2, img int) []Encounter {
		a, b := enc(cs, "service", 0, 4), enc(cs, "farewell", 5, outcome)
		a.EmployeeRating, b.EmployeeRating, b.ImageRating = emp1, emp2, img
		return []Encounter{a, b}
	}
	var log []Encounter
	log = append(log, mk("a", 5, 4, 5, 4)...) // correct: 5, 4.5, 4
	log = append(log, mk("b", 4, 5, 2, 5)...) // employee 3.5: not correct
	log = append(log, mk("c", 3, 4, 4, 4)...) // customer 3: not correct
	log = append(log, mk("d", 5, 0, 0, 5)...) // no employee rating: left out
	res, err := Analyze(c, log)
	require.NoError(t, err)
	// Three journeys; customer (5+4+3)/3 = 4; employee (4+5+5+2+4+4)/6 = 4;
	// image (4+5+4)/3 = 13/3; one correct of three.
	assert.Equal(t, 3, res.Attention.Journeys)
	assert.InDelta(t, 4.0, res.Attention.Customer, 1e-12)
	assert.InDelta(t, 4.0, res.Attention.Employee, 1e-12)
	assert.InDelta(t, 13.0/3, res.Attention.Image, 1e-12)
	assert.Equal(t, 1, res.Attention.Correct)
	assert.InDelta(t, 1.0/3, res.Attention.Share, 1e-12)
}

func TestAddRejects(t *testing.T) {
	good := enc("a", "welcome", 0, 4)
	tests := []struct {
		name string
		edit func(*Encounter)
		want string
	}{
		{"no case", func(e *Encounter) { e.Case = "" }, "empty case id"},
		{"no moment", func(e *Encounter) { e.Moment = "" }, "empty moment id"},
		{"no instant", func(e *Encounter) { e.At = time.Time{} }, "instant"},
		{"rating 6", func(e *Encounter) { e.Rating = 6 }, "rating 6 outside 1–5"},
		{"rating -1", func(e *Encounter) { e.Rating = -1 }, "rating -1 outside"},
		{"employee rating", func(e *Encounter) { e.EmployeeRating = 9 }, "employee rating 9"},
		{"negative duration", func(e *Encounter) { e.Duration = -time.Second }, "duration -1s negative"},
		{"channel", func(e *Encounter) { e.Channel = 99 }, "channel 99 undefined"},
		{"fail point", func(e *Encounter) { e.FailPoints = []FailPoint{0} }, "fail point 0 undefined"},
		{"repeated fail point", func(e *Encounter) { e.FailPoints = []FailPoint{Apathy, Apathy} }, "fail point apathy repeated"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := NewAnalyzer(branchCycle())
			require.NoError(t, a.Add(good))
			before := a.Result()
			e := good
			tt.edit(&e)
			err := a.Add(e)
			require.ErrorIs(t, err, ErrInvalidEncounter)
			assert.Contains(t, err.Error(), tt.want)
			assert.Contains(t, err.Error(), "servicecycle: encounter")
			assert.Equal(t, before, a.Result(), "a rejected encounter leaves the analyzer unchanged")
		})
	}
	var zero Analyzer
	require.ErrorIs(t, zero.Add(good), ErrInvalidEncounter)
}

func TestAnalyzeReportsBadAndKeepsGood(t *testing.T) {
	log := append(scenario(), Encounter{Case: "x", Moment: "welcome", At: t0, Rating: 7})
	res, err := Analyze(branchCycle(), log)
	require.ErrorIs(t, err, ErrInvalidEncounter)
	assert.Equal(t, 20, res.Encounters)
}

// randomLog returns journeys over cycle c, shuffled, with deviations,
// duplicates and unknown moments mixed in.
func randomLog(c *Cycle, journeys int, seed uint64) []Encounter {
	rng := rand.New(rand.NewPCG(seed, 1))
	ms := c.Moments()
	var log []Encounter
	for j := range journeys {
		cs := "c" + string(rune('A'+j%26)) + time.Duration(j).String()
		if j%3 == 0 { // ids longer than a record holds inline
			cs = "a-case-id-longer-than-sixteen-bytes-" + cs
		}
		t := t0.Add(time.Duration(rng.IntN(1000)) * time.Minute)
		for i := 0; i < len(ms); i++ {
			if rng.IntN(10) == 0 {
				break // drop off
			}
			m := ms[i].ID
			switch rng.IntN(30) {
			case 0:
				m = "unknown-" + string(rune('a'+rng.IntN(3)))
			case 1:
				continue // skip
			case 2:
				if i > 0 {
					i -= 2 // loop back
					continue
				}
			}
			t = t.Add(time.Duration(1+rng.IntN(600)) * time.Second)
			e := Encounter{Case: cs, Moment: m, At: t, Rating: rng.IntN(6), Duration: time.Duration(rng.IntN(900)) * time.Second,
				Channel: servuction.Channel(rng.IntN(8)), EmployeeRating: rng.IntN(6), ImageRating: rng.IntN(6),
				Employee: []string{"", "ana", "luis", "eva"}[rng.IntN(4)]}
			if rng.IntN(5) == 0 {
				e.FailPoints = []FailPoint{FailPoint(1 + rng.IntN(int(failPointCount)-1))}
			}
			log = append(log, e)
			if rng.IntN(40) == 0 {
				log = append(log, e) // duplicate
			}
			if rng.IntN(60) == 0 {
				e.Employee = "zoe" // same case, moment and instant: a duplicate by another name
				log = append(log, e)
			}
		}
	}
	rng.Shuffle(len(log), func(i, j int) { log[i], log[j] = log[j], log[i] })
	return log
}

func TestMergeEqualsOnePass(t *testing.T) {
	c := branchCycle()
	log := randomLog(c, 400, 7)
	one := NewAnalyzer(c)
	for _, e := range log {
		require.NoError(t, one.Add(e))
	}
	want := one.Result()

	// Three shards, merged as (a+b)+c and a+(b+c), plus the zero identity.
	shard := func(lo, hi int) *Analyzer {
		a := NewAnalyzer(c)
		for _, e := range log[lo:hi] {
			require.NoError(t, a.Add(e))
		}
		return a
	}
	third := len(log) / 3
	left := shard(0, third)
	require.NoError(t, left.Merge(shard(third, 2*third)))
	require.NoError(t, left.Merge(shard(2*third, len(log))))
	assert.Equal(t, want, left.Result())

	bc := shard(third, 2*third)
	require.NoError(t, bc.Merge(shard(2*third, len(log))))
	right := shard(0, third)
	require.NoError(t, right.Merge(bc))
	assert.Equal(t, want, right.Result())

	var zero Analyzer
	require.NoError(t, zero.Merge(one))
	require.NoError(t, zero.Merge(&Analyzer{}))
	assert.Equal(t, want, zero.Result())

	// Result does not disturb the analyzer.
	assert.Equal(t, want, one.Result())

	other := NewAnalyzer(ConsumerCycle())
	require.ErrorIs(t, one.Merge(other), ErrCycleMismatch)
	assert.Equal(t, want, one.Result())
}

func TestEmptyAnalysis(t *testing.T) {
	res := NewAnalyzer(branchCycle()).Result()
	assert.Equal(t, 0, res.Journeys)
	assert.Len(t, res.Moments, 5)
	_, ok := res.WeakestCritical()
	assert.False(t, ok)
	assert.Equal(t, Analysis{}, (&Analyzer{}).Result())
}

func TestEmployeeStats(t *testing.T) {
	served := func(cs, moment string, min, rating int, employee string, fails ...FailPoint) Encounter {
		e := enc(cs, moment, min, rating)
		e.Employee, e.FailPoints = employee, fails
		return e
	}
	res, err := Analyze(branchCycle(), []Encounter{
		served("a", "welcome", 0, 5, "ana"),
		served("a", "handling", 5, 3, "ana"), // below the handling minimum of 4
		served("b", "handling", 0, 2, "luis", Apathy, Indifference),
		served("c", "handling", 0, 0, "luis", Apathy), // not rated
		served("d", "handling", 0, 4, ""),             // nobody named
	})
	require.NoError(t, err)
	// ana: ratings 5 and 3, mean 4; one of one measured handling below.
	// luis: one rating (2); one measured, below; apathy twice, indifference once.
	require.Len(t, res.Employees, 2)
	ana, luis := res.Employees[0], res.Employees[1]
	assert.Equal(t, "ana", ana.Employee)
	assert.Equal(t, 2, ana.Encounters)
	assert.InDelta(t, 4.0, ana.Satisfaction.Mean, 1e-12)
	assert.Equal(t, 1, ana.Measured)
	assert.Equal(t, 1, ana.BelowStandard)
	assert.Equal(t, "luis", luis.Employee)
	assert.Equal(t, 2, luis.Encounters)
	assert.Equal(t, 1, luis.Satisfaction.N)
	assert.Equal(t, 1, luis.Measured)
	assert.Equal(t, []FailPointCount{{Apathy, 2}, {Indifference, 1}}, luis.FailPoints)
}
