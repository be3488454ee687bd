package sla

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
)

// ErrInvalidReport is wrapped by errors decoding a [Report] or a [Histogram].
var ErrInvalidReport = errors.New("sla: invalid report")

// histogramJSON is a Histogram in JSON: its count, the values below 1 ms,
// and [bucket index, count] pairs in index order.
type histogramJSON struct {
	Count   int64      `json:"count"`
	Zero    int64      `json:"zero,omitempty"`
	Buckets [][2]int64 `json:"buckets,omitempty"`
}

// MarshalJSON writes the histogram's counts, so a histogram built on one
// machine can be merged on another.
func (h Histogram) MarshalJSON() ([]byte, error) {
	j := histogramJSON{Count: h.n, Zero: h.zero}
	keys := make([]int32, 0, len(h.buckets))
	for k := range h.buckets {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		j.Buckets = append(j.Buckets, [2]int64{int64(k), h.buckets[k]})
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes, checking that counts are
// positive, buckets appear once and add up to the count. h is unchanged on
// error; errors wrap [ErrInvalidReport].
func (h *Histogram) UnmarshalJSON(data []byte) error {
	var j histogramJSON
	if err := strictDecode(data, &j); err != nil {
		return fmt.Errorf("sla: histogram: %w: %w", err, ErrInvalidReport)
	}
	out := Histogram{n: j.Count, zero: j.Zero}
	if j.Zero < 0 || j.Count < 0 {
		return fmt.Errorf("sla: histogram: count %d, zero %d: want non-negative counts: %w", j.Count, j.Zero, ErrInvalidReport)
	}
	sum := j.Zero
	for _, b := range j.Buckets {
		if b[0] < math.MinInt32 || b[0] > math.MaxInt32 || b[1] <= 0 || sum > math.MaxInt64-b[1] {
			return fmt.Errorf("sla: histogram: bucket %d with count %d: want a 32-bit index and a positive count: %w", b[0], b[1], ErrInvalidReport)
		}
		if out.buckets == nil {
			out.buckets = make(map[int32]int64, len(j.Buckets))
		}
		if _, dup := out.buckets[int32(b[0])]; dup {
			return fmt.Errorf("sla: histogram: bucket %d twice: %w", b[0], ErrInvalidReport)
		}
		out.buckets[int32(b[0])] = b[1]
		sum += b[1]
	}
	if sum != j.Count {
		return fmt.Errorf("sla: histogram: buckets add up to %d, count is %d: %w", sum, j.Count, ErrInvalidReport)
	}
	*h = out
	return nil
}

type tallyJSON struct {
	Metric     Metric                        `json:"metric"`
	Threshold  float64                       `json:"threshold"`
	Status     map[Status]int64              `json:"status,omitempty"`
	ByPriority map[Priority]map[Status]int64 `json:"by_priority,omitempty"`
	Cycles     int64                         `json:"cycles"`
	Breaches   int64                         `json:"breaches"`
	Elapsed    Histogram                     `json:"elapsed"`
}

type reportJSON struct {
	Agreement  string               `json:"agreement,omitempty"`
	Tickets    int64                `json:"tickets"`
	Objectives map[string]tallyJSON `json:"objectives,omitempty"`
}

// MarshalJSON writes everything the report accumulated (not the figures of
// Result, which are computed from it), so that a report built on one machine
// can be decoded and merged on another. The agreement is written by name.
func (r *Report) MarshalJSON() ([]byte, error) {
	j := reportJSON{Agreement: r.name, Tickets: r.tickets}
	if len(r.objs) > 0 {
		j.Objectives = make(map[string]tallyJSON, len(r.objs))
	}
	for name, t := range r.objs {
		tj := tallyJSON{Metric: t.metric, Threshold: t.threshold, Cycles: t.cycles, Breaches: t.breaches, Elapsed: t.hist}
		for s := Running; s <= Breached; s++ {
			if c := t.status[s]; c != 0 {
				if tj.Status == nil {
					tj.Status = map[Status]int64{}
				}
				tj.Status[s] = c
			}
			for p := Low; p <= Urgent; p++ {
				if c := t.byPrio[p][s]; c != 0 {
					if tj.ByPriority == nil {
						tj.ByPriority = map[Priority]map[Status]int64{}
					}
					if tj.ByPriority[p] == nil {
						tj.ByPriority[p] = map[Status]int64{}
					}
					tj.ByPriority[p][s] = c
				}
			}
		}
		j.Objectives[name] = tj
	}
	return json.Marshal(j) // encoding/json sorts map keys
}

// UnmarshalJSON reads what MarshalJSON writes into a report tied to no
// *Agreement but to the agreement's name: merge it into a [NewReport] of the
// same agreement to get thresholds' order and credits back. Negative counts,
// unknown names and inconsistent histograms are errors wrapping
// [ErrInvalidReport]; r is unchanged on error.
func (r *Report) UnmarshalJSON(data []byte) error {
	var j reportJSON
	if err := strictDecode(data, &j); err != nil {
		if errors.Is(err, ErrInvalidReport) {
			return err
		}
		return fmt.Errorf("sla: report: %w: %w", err, ErrInvalidReport)
	}
	out := Report{name: j.Agreement, tickets: j.Tickets}
	bad := func(format string, args ...any) error {
		return fmt.Errorf("sla: report: "+format+": %w", append(args, ErrInvalidReport)...)
	}
	if j.Tickets < 0 {
		return bad("tickets %d: want a non-negative count", j.Tickets)
	}
	for _, name := range sortedKeys(j.Objectives) {
		tj := j.Objectives[name]
		if !tj.Metric.IsValid() || math.IsNaN(tj.Threshold) || tj.Threshold < 0 || tj.Threshold > 100 || tj.Cycles < 0 || tj.Breaches < 0 {
			return bad("objective %q: metric %s, threshold %v, cycles %d, breaches %d out of range", name, tj.Metric, tj.Threshold, tj.Cycles, tj.Breaches)
		}
		t := &tally{metric: tj.Metric, threshold: tj.Threshold, cycles: tj.Cycles, breaches: tj.Breaches, hist: tj.Elapsed}
		for s, c := range tj.Status {
			if !s.IsValid() || c < 0 {
				return bad("objective %q: status %s count %d", name, s, c)
			}
			t.status[s] = c
		}
		for p, m := range tj.ByPriority {
			if !p.IsValid() {
				return bad("objective %q: priority %s", name, p)
			}
			for s, c := range m {
				if !s.IsValid() || c < 0 {
					return bad("objective %q: priority %s: status %s count %d", name, p, s, c)
				}
				t.byPrio[p][s] = c
			}
		}
		if out.objs == nil {
			out.objs = make(map[string]*tally, len(j.Objectives))
		}
		out.objs[name] = t
	}
	*r = out
	return nil
}
