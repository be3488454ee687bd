package sla

import (
	"testing"
	"time"
)

// benchEvaluation is an evaluation with 3 results, two decided, as
// Evaluate returns them.
func benchEvaluation() Evaluation {
	return Evaluation{Ticket: "T-1", Priority: High, Results: []Result{
		{Objective: "first-response", Metric: FirstResponse, Threshold: 95, Status: Met, Elapsed: 2 * time.Hour, Cycles: 1},
		{Objective: "next-response", Metric: NextResponse, Threshold: 90, Status: Running, Elapsed: 40 * time.Minute, Cycles: 2},
		{Objective: "resolution", Metric: Resolution, Threshold: 90, Status: Breached, Elapsed: 26 * time.Hour, Cycles: 1, Breaches: 1},
	}}
}

// BenchmarkReportAdd is Report.Add of an evaluation with 3 results (issue
// 13: at most 100 ns and no allocation). Compare it with
// BenchmarkReportAddFloor in the same run.
func BenchmarkReportAdd(b *testing.B) {
	e := benchEvaluation()
	r := NewReport(nil)
	r.Add(e) // the tallies and histogram buckets exist from now on
	b.ReportAllocs()
	for b.Loop() {
		r.Add(e)
	}
}

// floorTally is what BenchmarkReportAddFloor writes to.
type floorTally struct {
	tickets, status, cycles, breaches, names int64
	elapsed                                  time.Duration
	threshold                                float64
}

var floorSink floorTally

// BenchmarkReportAddFloor is the floor of Report.Add: one bare pass over the
// same fields of the same evaluation, summed into one struct, without
// looking anything up.
func BenchmarkReportAddFloor(b *testing.B) {
	e := benchEvaluation()
	b.ReportAllocs()
	for b.Loop() {
		addFloor(&floorSink, e)
	}
}

//go:noinline
func addFloor(f *floorTally, e Evaluation) {
	f.tickets += int64(e.Priority)
	for i := range e.Results {
		res := &e.Results[i]
		f.names += int64(len(res.Objective)) + int64(res.Metric)
		f.threshold += res.Threshold
		f.status += int64(res.Status)
		f.cycles += int64(res.Cycles)
		f.breaches += int64(res.Breaches)
		f.elapsed += res.Elapsed
	}
}
