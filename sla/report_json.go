package sla

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
)

// ErrInvalidReport is wrapped by errors decoding a [Report], a [Histogram]
// or an availability accumulator.
var ErrInvalidReport = errors.New("sla: invalid report")

// histogramJSON is a Histogram in JSON: its layout, its count, the values
// below 1 ms, and [bucket index, count] pairs in index order.
type histogramJSON struct {
	Layout  string     `json:"layout"`
	Count   int64      `json:"count"`
	Zero    int64      `json:"zero,omitempty"`
	Buckets [][2]int64 `json:"buckets,omitempty"`
}

// MarshalJSON writes the histogram's whole state: its layout ("log2x64", 64
// buckets per power of two of nanoseconds from 2^19 ns), its count, the
// values below 1 ms, and the non-empty buckets as [index, count] pairs in
// index order. A histogram built on one machine is merged on another.
func (h Histogram) MarshalJSON() ([]byte, error) {
	j := histogramJSON{Layout: histLayout, Count: h.n, Zero: h.zero}
	if h.counts != nil {
		for i, c := range h.counts {
			if c != 0 {
				j.Buckets = append(j.Buckets, [2]int64{int64(i), c})
			}
		}
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes, strictly: the layout must be
// this one, bucket indexes in range and increasing, counts positive and
// adding up to the count. h is unchanged on error; errors wrap
// [ErrInvalidReport].
func (h *Histogram) UnmarshalJSON(data []byte) error {
	var j histogramJSON
	if err := strictDecode(data, &j); err != nil {
		return errOnce("histogram", err, ErrInvalidReport)
	}
	bad := func(format string, args ...any) error {
		return fmt.Errorf("sla: histogram: "+format+": %w", append(args, ErrInvalidReport)...)
	}
	if j.Layout != histLayout {
		return bad("layout %q: want %q (64 buckets per power of two of nanoseconds from 2^19 ns)", j.Layout, histLayout)
	}
	if j.Zero < 0 || j.Count < 0 {
		return bad("count %d, zero %d: want non-negative counts", j.Count, j.Zero)
	}
	out := Histogram{n: j.Count, zero: j.Zero}
	sum := j.Zero
	for k, b := range j.Buckets {
		switch {
		case b[0] < 0 || b[0] >= histBuckets:
			return bad("bucket %d: index %d out of range 0-%d", k+1, b[0], histBuckets-1)
		case k > 0 && b[0] <= j.Buckets[k-1][0]:
			return bad("bucket %d: index %d after %d: want increasing indexes", k+1, b[0], j.Buckets[k-1][0])
		case b[1] <= 0 || sum > math.MaxInt64-b[1]:
			return bad("bucket %d: count %d: want a positive count, the sum within 64 bits", k+1, b[1])
		}
		if out.counts == nil {
			out.counts = new([histBuckets]int64)
		}
		out.counts[b[0]] = b[1]
		sum += b[1]
	}
	if sum != j.Count {
		return bad("buckets and zero add up to %d, count is %d", sum, j.Count)
	}
	*h = out
	return nil
}

// tallyJSON is one objective's counts in a report's JSON.
type tallyJSON struct {
	Name       string                        `json:"name"`
	Metric     Metric                        `json:"metric"`
	Threshold  float64                       `json:"threshold"`
	Status     map[Status]int64              `json:"status,omitempty"`
	ByPriority map[Priority]map[Status]int64 `json:"byPriority,omitempty"`
	Cycles     int64                         `json:"cycles"`
	Breaches   int64                         `json:"breaches"`
	Elapsed    Histogram                     `json:"elapsed"`
}

type reportJSON struct {
	Agreement   string      `json:"agreement,omitempty"`
	AgreementID string      `json:"agreementId,omitempty"`
	Tickets     int64       `json:"tickets"`
	Objectives  []tallyJSON `json:"objectives,omitempty"`
}

// MarshalJSON writes everything the report accumulated (not the figures of
// Result, which are computed from it), so that a report built on one machine
// can be decoded and merged on another: the agreement's name and identity
// (the SHA-256 of its JSON, so that only reports of equal agreements merge),
// the ticket count, and per objective, by name, its counts by status and by
// priority and status, its cycles, breaches and elapsed-time [Histogram]:
//
//	{"agreement": "ANS", "agreementId": "9f86d0…", "tickets": 2,
//	 "objectives": [{"name": "resolution", "metric": "resolution", "threshold": 90,
//	   "status": {"met": 1, "running": 1}, "byPriority": {"high": {"met": 1, "running": 1}},
//	   "cycles": 2, "breaches": 0, "elapsed": {"layout": "log2x64", "count": 1, "buckets": [[880, 1]]}}]}
//
// It fails on an objective whose metric is not defined.
func (r *Report) MarshalJSON() ([]byte, error) {
	j := reportJSON{Agreement: r.name, AgreementID: r.id, Tickets: r.tickets}
	tallies := slices.Clone(r.objs)
	slices.SortFunc(tallies, func(a, b *tally) int { return strings.Compare(a.name, b.name) })
	for _, t := range tallies {
		if !t.metric.IsValid() {
			return nil, fmt.Errorf("sla: report: objective %q: metric %s not defined: %w", t.name, t.metric, ErrInvalidReport)
		}
		tj := tallyJSON{Name: t.name, Metric: t.metric, Threshold: t.threshold, Cycles: t.cycles, Breaches: t.breaches, Elapsed: t.hist}
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
		j.Objectives = append(j.Objectives, tj)
	}
	return json.Marshal(j) // encoding/json sorts map keys
}

// agreementIDPattern is the form of an agreement identity: a hex SHA-256.
var agreementIDPattern = regexp.MustCompile(`^[0-9a-f]{64}$`)

// UnmarshalJSON reads what MarshalJSON writes into a report tied to no
// *Agreement but to the agreement's name and identity: merge it into a
// [NewReport] of an equal agreement to get the objectives' order and credits
// back. Unknown keys, negative counts, unknown names, an identity that is not
// a hex SHA-256, an objective twice, counts by priority that exceed the
// counts by status, and a histogram whose count is not the number of decided
// tickets (met and breached) are errors wrapping [ErrInvalidReport]; r is
// unchanged on error.
func (r *Report) UnmarshalJSON(data []byte) error {
	var j reportJSON
	if err := strictDecode(data, &j); err != nil {
		return errOnce("report", err, ErrInvalidReport)
	}
	bad := func(format string, args ...any) error {
		return fmt.Errorf("sla: report: "+format+": %w", append(args, ErrInvalidReport)...)
	}
	if j.Tickets < 0 {
		return bad("tickets %d: want a non-negative count", j.Tickets)
	}
	if j.AgreementID != "" && !agreementIDPattern.MatchString(j.AgreementID) {
		return bad("agreementId %q: want the 64 hex digits of a SHA-256", j.AgreementID)
	}
	out := Report{name: j.Agreement, id: j.AgreementID, tickets: j.Tickets}
	for k, tj := range j.Objectives {
		t, err := decodeTally(tj)
		if err != nil {
			return bad("objective %d %q: %s", k+1, tj.Name, err)
		}
		if k > 0 && tj.Name <= j.Objectives[k-1].Name {
			return bad("objective %d %q after %q: want objectives once each, by name", k+1, tj.Name, j.Objectives[k-1].Name)
		}
		out.objs = append(out.objs, t)
	}
	*r = out
	return nil
}

// decodeTally checks one objective's counts; its error is a bare
// description for UnmarshalJSON to place.
func decodeTally(tj tallyJSON) (*tally, error) {
	if !tj.Metric.IsValid() || math.IsNaN(tj.Threshold) || tj.Threshold < 0 || tj.Threshold > 100 || tj.Cycles < 0 || tj.Breaches < 0 {
		return nil, fmt.Errorf("metric %s, threshold %v, cycles %d, breaches %d out of range", tj.Metric, tj.Threshold, tj.Cycles, tj.Breaches)
	}
	t := &tally{name: tj.Name, metric: tj.Metric, threshold: tj.Threshold, cycles: tj.Cycles, breaches: tj.Breaches, hist: tj.Elapsed}
	for s, c := range tj.Status {
		if !s.IsValid() || c < 0 {
			return nil, fmt.Errorf("status %s count %d", s, c)
		}
		t.status[s] = c
	}
	for p, m := range tj.ByPriority {
		if !p.IsValid() {
			return nil, fmt.Errorf("priority %s", p)
		}
		for s, c := range m {
			if !s.IsValid() || c < 0 {
				return nil, fmt.Errorf("priority %s: status %s count %d", p, s, c)
			}
			t.byPrio[p][s] = c
		}
	}
	for s := Running; s <= Breached; s++ {
		var sum int64
		for p := Low; p <= Urgent; p++ {
			if c := t.byPrio[p][s]; c > t.status[s]-sum {
				return nil, fmt.Errorf("%s: more by priority than the %d in all", s, t.status[s])
			} else {
				sum += c
			}
		}
	}
	if met, br := t.status[Met], t.status[Breached]; met > math.MaxInt64-br || t.hist.Count() != met+br {
		return nil, fmt.Errorf("elapsed: %d values for %d met and %d breached tickets", t.hist.Count(), met, br)
	}
	return t, nil
}
