package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/servuction/servuction/scorecard"
	"github.com/servuction/servuction/sla"
)

// floorGroup times the streaming accumulators' Add against their floor: a
// bare loop over the same fields of the same records, summed, with no
// validation and no lookup (the packages' BenchmarkServqualBarePass and
// BenchmarkReportAddFloor, on many records rather than one). Both sides are
// Go, in process, on records built from a fixed seed in memory (no file: no
// other program reads them). Each round passes over the records as many
// times as loopTarget needs; times are per record. Our side's time is that
// of the Add loops alone: the accumulator's construction and its Result are
// outside it.
func floorGroup() group {
	return group{key: "floor", setup: func(_ context.Context, e *env) ([]*row, []string, func(), error) {
		target := e.loopTarget()
		responses := servqualResponses(e.size(50_000, 100))
		scores := npsScores(e.size(1_000_000, 1000))
		evals := evaluations(e.size(100_000, 100))
		// ours returns the time of its Add loop alone (the accumulator's
		// construction and Result are outside) and the records its result
		// counts; floor the records it read.
		floorRow := func(op string, n int, ours func() (time.Duration, int, error), floor func() int, oursCmd, floorCmd string) *row {
			return &row{op: op, unit: "per record", peerName: "bare loop over the same fields", floor: true,
				ours: func(context.Context) (float64, any, error) {
					var total time.Duration
					var got, passes int
					for total < target {
						d, k, err := ours()
						if err != nil {
							return 0, nil, err
						}
						total, got, passes = total+d, k, passes+1
					}
					return total.Seconds() / float64(passes*n), got, nil
				},
				peer: func(context.Context) (float64, any, error) {
					var got int
					s := timeLoop(target, func() { got = floor() })
					return s / float64(n), got, nil
				},
				check:     func(o, p any) error { return sameAnswer(o, p, tolerance{}) },
				tolerance: "same number of records read",
				oursCmd:   oursCmd, peerCmd: floorCmd,
			}
		}
		rows := []*row{
			floorRow(fmt.Sprintf("scorecard.Servqual.Add, %s respondents × 22 items", thousands(len(responses))), len(responses),
				func() (time.Duration, int, error) {
					s := scorecard.NewServqual(nil)
					t0 := time.Now()
					for _, r := range responses {
						if err := s.Add(r); err != nil {
							return 0, 0, err
						}
					}
					d := time.Since(t0)
					return d, s.Result().Respondents, nil
				},
				func() int { n, _, _ := servqualFloor(responses); return n },
				code("scorecard.NewServqual(nil)")+", then "+code("Add(response)")+" for each", code("servqualFloor")+": sum every answer's state and value, the allocation, weight, phase and source"),
			floorRow(fmt.Sprintf("scorecard.NPS.Add, %s random scores", thousands(len(scores))), len(scores),
				func() (time.Duration, int, error) {
					var n scorecard.NPS
					t0 := time.Now()
					for _, s := range scores {
						if err := n.Add(s); err != nil {
							return 0, 0, err
						}
					}
					d := time.Since(t0)
					return d, n.Result().N, nil
				},
				func() int { n, _ := npsFloor(scores); return n },
				code("var n scorecard.NPS")+", then "+code("n.Add(score)")+" for each", code("npsFloor")+": sum the scores"),
			floorRow(fmt.Sprintf("sla.Report.Add, %s evaluations × 3 objectives", thousands(len(evals))), len(evals),
				func() (time.Duration, int, error) {
					r := sla.NewReport(nil)
					t0 := time.Now()
					for _, ev := range evals {
						r.Add(ev)
					}
					d := time.Since(t0)
					return d, int(r.Result().Tickets), nil
				},
				func() int { n, _, _ := reportFloor(evals); return n },
				code("sla.NewReport(nil)")+", then "+code("Add(evaluation)")+" for each", code("reportFloor")+": sum the priority and each result's name length, metric, threshold, status, cycles, breaches and elapsed time"),
		}
		return rows, nil, func() {}, nil
	}}
}

// servqualResponses returns n SERVQUAL questionnaires of the default
// 22-item instrument, answers 1–7 at random, with an allocation, from a
// fixed seed.
func servqualResponses(n int) []scorecard.ServqualResponse {
	rng := rand.New(rand.NewPCG(3, 4))
	out := make([]scorecard.ServqualResponse, n)
	for i := range out {
		e, p := make([]scorecard.Answer, 22), make([]scorecard.Answer, 22)
		for j := range e {
			e[j], p[j] = scorecard.Rated(1+rng.IntN(7)), scorecard.Rated(1+rng.IntN(7))
		}
		a := 20 + rng.IntN(21)
		out[i] = scorecard.ServqualResponse{Expectations: e, Perceptions: p,
			Importance: scorecard.Allocation{float64(a), float64(40 - a), 20, 20, 20}, Phase: scorecard.Phase(1 + rng.IntN(3))}
	}
	return out
}

// npsScores returns n scores 0–10 at random, from a fixed seed.
func npsScores(n int) []int {
	rng := rand.New(rand.NewPCG(5, 6))
	out := make([]int, n)
	for i := range out {
		out[i] = rng.IntN(11)
	}
	return out
}

// evaluations returns n evaluations of three objectives with random
// priorities, statuses, elapsed times and cycles, from a fixed seed.
func evaluations(n int) []sla.Evaluation {
	rng := rand.New(rand.NewPCG(7, 8))
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	objectives := []struct {
		name   string
		metric sla.Metric
		thr    float64
	}{{"first-response", sla.FirstResponse, 95}, {"next-response", sla.NextResponse, 90}, {"resolution", sla.Resolution, 90}}
	out := make([]sla.Evaluation, n)
	for i := range out {
		res := make([]sla.Result, len(objectives))
		for j, o := range objectives {
			st := sla.Status(1 + rng.IntN(5))
			breaches := 0
			if st == sla.Breached {
				breaches = 1
			}
			res[j] = sla.Result{Objective: o.name, Metric: o.metric, Threshold: o.thr, Status: st,
				Elapsed: time.Duration(rng.IntN(48*60)) * time.Minute, Cycles: 1, Breaches: breaches}
		}
		out[i] = sla.Evaluation{Ticket: fmt.Sprint("T-", i), Priority: sla.Priority(1 + rng.IntN(4)), At: at, Results: res}
	}
	return out
}

// The floors are not inlined and return their sums, so that the compiler
// cannot drop the loops.

// servqualFloor reads every field Servqual.Add reads and sums them; it
// returns the number of responses read and the sums.
//
//go:noinline
func servqualFloor(rs []scorecard.ServqualResponse) (int, int64, float64) {
	var s int64
	var f float64
	for i := range rs {
		r := &rs[i]
		for j := range r.Perceptions {
			p, e := r.Perceptions[j], r.Expectations[j]
			s += int64(p.State) + int64(p.Value) + int64(e.State) + int64(e.Value)
		}
		for _, w := range r.Importance {
			f += w
		}
		f += r.Weight
		s += int64(r.Phase) + int64(r.Source)
	}
	return len(rs), s, f
}

// npsFloor reads every score and sums them; it returns the number read and
// the sum.
//
//go:noinline
func npsFloor(scores []int) (int, int64) {
	var s int64
	for _, x := range scores {
		s += int64(x)
	}
	return len(scores), s
}

// reportFloor reads the fields Report.Add reads and sums them; it returns
// the number of evaluations read and the sums.
//
//go:noinline
func reportFloor(evals []sla.Evaluation) (int, int64, float64) {
	var s int64
	var f float64
	var el time.Duration
	for i := range evals {
		e := &evals[i]
		s += int64(e.Priority)
		for j := range e.Results {
			r := &e.Results[j]
			s += int64(len(r.Objective)) + int64(r.Metric) + int64(r.Status) + int64(r.Cycles) + int64(r.Breaches)
			f += r.Threshold
			el += r.Elapsed
		}
	}
	return len(evals), s + int64(el), f
}
