package main

import (
	"bufio"
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"time"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/servicecycle"
)

// journeyEnd is the moment that completes a journey of journeyCycle.
const journeyEnd = "m9"

// journeyCycle is a 10-moment linear cycle (m0 … m9, two critical, with
// standards) that ends at m9.
func journeyCycle() (*servicecycle.Cycle, error) {
	ms := make([]servicecycle.Moment, 10)
	for i := range ms {
		ms[i] = servicecycle.Moment{ID: "m" + strconv.Itoa(i), Critical: i%4 == 1,
			Standards: servicecycle.Standards{MinRating: 3, MaxWait: 10 * time.Minute}}
	}
	return servicecycle.NewCycle(servicecycle.CycleConfig{Name: "bench", Moments: ms, Ends: []string{journeyEnd}})
}

// journeyGroup times servicecycle.Analyze on 1 000 000 shuffled encounters
// (100 000 journeys × 10 moments) against pandas doing the subset of the
// analysis a pandas user would write: sort by case and time, encounters
// and mean rating per moment, directly-follows counts and mean times,
// throughput of the completed journeys.
func journeyGroup() group {
	return group{key: "journey", setup: func(ctx context.Context, e *env) ([]*row, []string, func(), error) {
		journeys := e.size(100_000, 100)
		path := e.path("journey.csv")
		if err := writeJourneys(path, journeys); err != nil {
			return nil, nil, nil, err
		}
		log, err := readJourneys(path)
		if err != nil {
			return nil, nil, nil, err
		}
		c, err := journeyCycle()
		if err != nil {
			return nil, nil, nil, err
		}
		p, script, skip, err := e.startPeer(ctx, e.tools.python3Tool("pandas", "python3-pandas"), e.tools.python, "journey_pandas.py", path, journeyEnd)
		if err != nil || skip != "" {
			return nil, skipLine("journey analysis vs pandas", skip), nil, err
		}
		r := &row{
			op:       fmt.Sprintf("journey analysis, %s encounters (%s journeys × 10 moments, shuffled)", thousands(len(log)), thousands(journeys)),
			unit:     "per call",
			peerName: "pandas",
			ours: func(context.Context) (float64, any, error) {
				t0 := time.Now()
				a, err := servicecycle.Analyze(c, log)
				s := time.Since(t0).Seconds()
				if err != nil {
					return 0, nil, err
				}
				return s, journeyAnswerOf(a), nil
			},
			peer: func(context.Context) (float64, any, error) {
				var a journeyAnswer
				s, err := p.run(&a)
				a.sort()
				return s, a, err
			},
			check:     func(o, p any) error { return sameAnswer(o, p, journeyTolerance) },
			tolerance: "counts exact; mean ratings, mean times and throughput quantiles (type 7) within " + journeyTolerance.String() + " (ns)",
			oursCmd:   code("servicecycle.Analyze(cycle, log)") + " (the whole Analysis: also deviations, conformance, drivers, drop-off, durations, channels)",
			peerCmd:   code(e.display(e.tools.python, script, path, journeyEnd)) + ": sort, group-by means, directly-follows counts and mean times, throughput",
		}
		return []*row{r}, nil, p.close, nil
	}}
}

// journeyTolerance: ours rounds mean times to the nanosecond; pandas
// averages in float64.
var journeyTolerance = tolerance{abs: 1, rel: 1e-12}

// journeyAnswer is the part of the analysis both sides compute. Times are
// in nanoseconds.
type journeyAnswer struct {
	Moments    []momentAnswer `json:"moments"`
	Edges      []edgeAnswer   `json:"edges"`
	Throughput struct {
		N      int     `json:"n"`
		Mean   float64 `json:"mean"`
		Median float64 `json:"median"`
		P90    float64 `json:"p90"`
	} `json:"throughput"`
}

type momentAnswer struct {
	ID         string  `json:"id"`
	Encounters int     `json:"encounters"`
	Rated      int     `json:"rated"`
	MeanRating float64 `json:"meanRating"`
}

type edgeAnswer struct {
	From  string  `json:"from"`
	To    string  `json:"to"`
	Count int     `json:"count"`
	Mean  float64 `json:"mean"`
}

// sort puts moments and edges in id order, so that both sides list them
// alike.
func (a *journeyAnswer) sort() {
	slices.SortFunc(a.Moments, func(x, y momentAnswer) int { return cmp.Compare(x.ID, y.ID) })
	slices.SortFunc(a.Edges, func(x, y edgeAnswer) int {
		return cmp.Or(cmp.Compare(x.From, y.From), cmp.Compare(x.To, y.To))
	})
}

func journeyAnswerOf(a servicecycle.Analysis) journeyAnswer {
	var out journeyAnswer
	for _, m := range a.Moments {
		if m.Encounters == 0 {
			continue // pandas lists only the moments seen
		}
		out.Moments = append(out.Moments, momentAnswer{ID: m.ID, Encounters: m.Encounters, Rated: m.Satisfaction.N, MeanRating: m.Satisfaction.Mean})
	}
	for _, ed := range a.Edges {
		out.Edges = append(out.Edges, edgeAnswer{From: ed.From, To: ed.To, Count: ed.Count, Mean: float64(ed.Time.Mean)})
	}
	t := a.Throughput
	out.Throughput.N, out.Throughput.Mean, out.Throughput.Median, out.Throughput.P90 = t.N, float64(t.Mean), float64(t.Median), float64(t.P90)
	out.sort()
	return out
}

// journeyStart is the first instant of the generated log.
var journeyStart = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// writeJourneys writes journeys × 10 encounters, shuffled, from a fixed
// seed (servicecycle's BenchmarkAnalyze data): every journey lives the ten
// moments in order, one in twenty swaps the times of two of them.
// Columns: case, moment, at (Unix nanoseconds), rating (0 = not rated),
// duration (seconds), channel (servuction.Channel number).
func writeJourneys(path string, journeys int) error {
	type enc struct {
		journey, moment, rating, channel int
		at                               int64
		dur                              int
	}
	rng := rand.New(rand.NewPCG(1, 2))
	log := make([]enc, 0, journeys*10)
	for j := range journeys {
		t := journeyStart.Add(time.Duration(rng.IntN(30*24*60)) * time.Minute)
		start := len(log)
		for m := range 10 {
			t = t.Add(time.Duration(1+rng.IntN(900)) * time.Second)
			log = append(log, enc{journey: j, moment: m, at: t.UnixNano(), rating: rng.IntN(6), dur: rng.IntN(1200), channel: 1 + rng.IntN(7)})
		}
		if rng.IntN(20) == 0 {
			a, b := start+rng.IntN(10), start+rng.IntN(10)
			log[a].at, log[b].at = log[b].at, log[a].at
		}
	}
	rng.Shuffle(len(log), func(i, j int) { log[i], log[j] = log[j], log[i] })
	return writeFile(path, func(w *bufio.Writer) error {
		w.WriteString("case,moment,at,rating,duration,channel\n")
		for _, x := range log {
			fmt.Fprintf(w, "case-%d,m%d,%d,%d,%d,%d\n", x.journey, x.moment, x.at, x.rating, x.dur, x.channel)
		}
		return nil
	})
}

// readJourneys parses the file writeJourneys wrote into encounters.
func readJourneys(path string) ([]servicecycle.Encounter, error) {
	var log []servicecycle.Encounter
	err := readCSV(path, []string{"case", "moment", "at", "rating", "duration", "channel"}, func(_ int, rec []string) error {
		var n [4]int64
		for i, s := range rec[2:] {
			v, err := strconv.ParseInt(s, 10, 64)
			if err != nil {
				return err
			}
			n[i] = v
		}
		log = append(log, servicecycle.Encounter{Case: rec[0], Moment: rec[1], At: time.Unix(0, n[0]).UTC(),
			Rating: int(n[1]), Duration: time.Duration(n[2]) * time.Second, Channel: servuction.Channel(n[3])})
		return nil
	})
	return log, err
}
