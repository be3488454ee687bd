package sla

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"
)

// OutageLog accumulates outages as their union: outages that overlap or
// touch, reported by several monitors or built on several shards, become one
// interval, so no minute counts twice. Add outages, Merge logs, and pass
// [OutageLog.Outages] to [Agreement.Availability] or [Agreement.Alerts]. The
// union does not depend on the order of Add and Merge, and a log encodes its
// whole state to JSON, so logs built on other machines merge exactly.
//
// Its size is the number of disjoint outages, not of outages added: the union
// of intervals needs the intervals themselves. When that number must be
// bounded, [OutageLog.Coarsen] rounds the log to a resolution r: every
// interval widens to whole multiples of r and gaps shorter than r close, so
// the log holds at most one interval per 2r of the time it spans and
// overstates downtime by less than 2r per interval (never understates it).
//
// Causes are not kept. The zero value is an empty log, ready to use. An
// OutageLog is not safe for concurrent use.
type OutageLog struct {
	spans []span // Unix nanoseconds, sorted, disjoint and not touching
}

// Add records o, merging it with the outages it overlaps or touches. An
// outage with a zero instant or an end before its start is an error wrapping
// [ErrInvalidOutage], and l is unchanged; an empty outage (end = start) adds
// nothing.
func (l *OutageLog) Add(o Outage) error {
	if err := checkOutages([]Outage{o}, time.Unix(0, 0), time.Unix(0, 0)); err != nil {
		return err
	}
	if s, ok := outageSpan(o); ok {
		l.spans = unionSpans(l.spans, []span{s})
	}
	return nil
}

// outageSpan returns o in Unix nanoseconds, false when it is empty or out of
// the nanosecond range (before 1678 or after 2262).
func outageSpan(o Outage) (span, bool) {
	a, b := o.Start.UnixNano(), o.End.UnixNano()
	if o.Start.Year() < 1678 || o.End.Year() > 2261 || b <= a {
		return span{}, false
	}
	return span{a, b}, true
}

// unionSpans returns the union of two sorted disjoint lists.
func unionSpans(x, y []span) []span {
	all := append(slices.Clone(x), y...)
	slices.SortFunc(all, func(p, q span) int {
		switch {
		case p.a < q.a:
			return -1
		case p.a > q.a:
			return 1
		}
		return 0
	})
	out := all[:0]
	for _, s := range all {
		if n := len(out); n > 0 && s.a <= out[n-1].b {
			out[n-1].b = max(out[n-1].b, s.b)
			continue
		}
		out = append(out, s)
	}
	return slices.Clip(out)
}

// Merge adds every outage of o to l.
func (l *OutageLog) Merge(o *OutageLog) {
	if o == nil || len(o.spans) == 0 {
		return
	}
	l.spans = unionSpans(l.spans, o.spans)
}

// Coarsen rounds the log to the resolution r (see [OutageLog]): each
// interval's start down and end up to a multiple of r since the Unix epoch,
// then merges what now touches. A non-positive r is an error wrapping
// [ErrInvalidOutage].
func (l *OutageLog) Coarsen(r time.Duration) error {
	if r <= 0 {
		return fmt.Errorf("sla: outage log: resolution %s: want a positive duration: %w", FormatDuration(r), ErrInvalidOutage)
	}
	q := int64(r)
	out := make([]span, len(l.spans))
	for i, s := range l.spans {
		out[i] = span{floorDiv(s.a, q) * q, -floorDiv(-s.b, q) * q}
	}
	l.spans = unionSpans(nil, out)
	return nil
}

// Outages returns the union as disjoint outages in time order, in UTC.
func (l *OutageLog) Outages() []Outage {
	out := make([]Outage, len(l.spans))
	for i, s := range l.spans {
		out[i] = Outage{Start: time.Unix(0, s.a).UTC(), End: time.Unix(0, s.b).UTC()}
	}
	return out
}

// Len returns the number of disjoint outages.
func (l *OutageLog) Len() int { return len(l.spans) }

// Equal reports whether l and o hold the same union.
func (l *OutageLog) Equal(o *OutageLog) bool { return slices.Equal(l.spans, o.spans) }

type outageLogJSON struct {
	Outages []outageJSON `json:"outages"`
}

type outageJSON struct {
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
}

// MarshalJSON writes the union, in time order and UTC:
// {"outages": [{"start": "2026-03-02T14:00:00Z", "end": "2026-03-02T14:30:00Z"}]}.
func (l *OutageLog) MarshalJSON() ([]byte, error) {
	j := outageLogJSON{Outages: []outageJSON{}}
	for _, o := range l.Outages() {
		j.Outages = append(j.Outages, outageJSON{Start: o.Start, End: o.End})
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes, strictly: unknown keys, an
// outage that is empty, reversed or out of the years 1678–2261, and outages
// out of order, overlapping or touching (which MarshalJSON never writes) are
// errors wrapping [ErrInvalidReport]; l is unchanged on error.
func (l *OutageLog) UnmarshalJSON(data []byte) error {
	var j outageLogJSON
	if err := strictDecode(data, &j); err != nil {
		return errOnce("outage log", err, ErrInvalidReport)
	}
	var out []span
	for i, o := range j.Outages {
		s, ok := outageSpan(Outage{Start: o.Start, End: o.End})
		switch {
		case !ok:
			return fmt.Errorf("sla: outage log: outage %d [%s, %s): want a start before the end, in the years 1678-2261: %w",
				i+1, o.Start.Format(time.RFC3339Nano), o.End.Format(time.RFC3339Nano), ErrInvalidReport)
		case len(out) > 0 && s.a <= out[len(out)-1].b:
			return fmt.Errorf("sla: outage log: outage %d starts at %s, not after the end of outage %d: want disjoint outages in time order: %w",
				i+1, o.Start.Format(time.RFC3339Nano), i, ErrInvalidReport)
		}
		out = append(out, s)
	}
	l.spans = out
	return nil
}

// maxRequestBuckets bounds a RequestTally: a million buckets (16 MB), a year
// of minutes twice over.
const maxRequestBuckets = 1 << 20

// RequestTally accumulates request counts of a request-based availability
// objective in fixed buckets of time: a fixed-size accumulator that shards
// fill and merge exactly. Build it with [NewRequestTally] for a grid (start,
// bucket width, number of buckets), Add counts, Merge tallies of the same
// grid, and pass [RequestTally.Counts] to [Agreement.RequestAvailability] or
// [Agreement.RequestAlerts].
//
// A count is filed in the bucket that holds its instant and read back at the
// bucket's start, so windows that start and end on bucket boundaries see
// exactly the requests they hold; choose a width that divides the alert
// windows and the calendar's shifts (one minute does).
//
// Its size is fixed by the grid (two counters per bucket, at most 2^20
// buckets) whatever the requests added. The zero value has no grid: Add
// returns an error, and Merge into it adopts the other tally's grid. A
// RequestTally is not safe for concurrent use.
type RequestTally struct {
	start       int64 // Unix nanoseconds of bucket 0
	step        int64 // bucket width in nanoseconds; 0 for no grid
	good, total []int64
}

// NewRequestTally returns an empty tally of buckets buckets of width step
// from start. A zero start, a non-positive step, or a number of buckets
// outside 1 to 2^20, or a grid past the years 1678–2261, is an error
// wrapping [ErrInvalidOutage].
func NewRequestTally(start time.Time, step time.Duration, buckets int) (*RequestTally, error) {
	if p := gridProblem(start, step, buckets); p != "" {
		return nil, fmt.Errorf("sla: request tally: %s: %w", p, ErrInvalidOutage)
	}
	return &RequestTally{start: start.UnixNano(), step: int64(step), good: make([]int64, buckets), total: make([]int64, buckets)}, nil
}

// gridProblem describes what is wrong with a grid, or returns "".
func gridProblem(start time.Time, step time.Duration, buckets int) string {
	ok := !start.IsZero() && step > 0 && buckets >= 1 && buckets <= maxRequestBuckets && int64(step) <= maxInt64/int64(buckets)
	if ok {
		end := start.Add(step * time.Duration(buckets))
		ok = start.Year() >= 1678 && end.Year() <= 2261
	}
	if ok {
		return ""
	}
	return fmt.Sprintf("%d buckets of %s from %s: want a non-zero start, a positive width and 1 to %d buckets within the years 1678-2261",
		buckets, FormatDuration(step), start.Format(time.RFC3339), maxRequestBuckets)
}

// Add files c in the bucket holding c.At. A count outside the grid, with a
// zero instant, a negative number or more good requests than requests, a
// bucket passing 2^63 requests, or a tally without a grid is an error
// wrapping [ErrInvalidOutage]; t is unchanged on error.
func (t *RequestTally) Add(c RequestCount) error {
	if t.step == 0 {
		return fmt.Errorf("sla: request tally: no grid (build it with NewRequestTally): %w", ErrInvalidOutage)
	}
	if err := checkCounts([]RequestCount{c}); err != nil {
		return err
	}
	i, ok := t.bucket(c.At)
	if !ok {
		return fmt.Errorf("sla: request tally: count at %s outside the grid [%s, %s): %w", c.At.Format(time.RFC3339Nano),
			time.Unix(0, t.start).UTC().Format(time.RFC3339Nano), time.Unix(0, t.start+t.step*int64(len(t.total))).UTC().Format(time.RFC3339Nano), ErrInvalidOutage)
	}
	if t.total[i] > maxInt64-c.Total {
		return fmt.Errorf("sla: request tally: bucket %d passes 2^63 requests: %w", i+1, ErrInvalidOutage)
	}
	t.good[i] += c.Good
	t.total[i] += c.Total
	return nil
}

const maxInt64 = 1<<63 - 1

// bucket returns the bucket holding at.
func (t *RequestTally) bucket(at time.Time) (int, bool) {
	if at.Year() < 1678 || at.Year() > 2261 {
		return 0, false
	}
	d := at.UnixNano() - t.start
	if d < 0 || d/t.step >= int64(len(t.total)) {
		return 0, false
	}
	return int(d / t.step), true
}

// Merge adds every count of o to t. A tally without a grid takes o's; tallies
// of different grids are an error wrapping [ErrMismatch], as is a bucket
// passing 2^63 requests, and t is then unchanged.
func (t *RequestTally) Merge(o *RequestTally) error {
	if o == nil || o.step == 0 {
		return nil
	}
	if t.step == 0 {
		t.start, t.step = o.start, o.step
		t.good, t.total = slices.Clone(o.good), slices.Clone(o.total)
		return nil
	}
	if t.start != o.start || t.step != o.step || len(t.total) != len(o.total) {
		return fmt.Errorf("sla: request tally: merge %d buckets of %s from %s into %d of %s from %s: %w",
			len(o.total), FormatDuration(time.Duration(o.step)), time.Unix(0, o.start).UTC().Format(time.RFC3339),
			len(t.total), FormatDuration(time.Duration(t.step)), time.Unix(0, t.start).UTC().Format(time.RFC3339), ErrMismatch)
	}
	for i := range t.total {
		if t.total[i] > maxInt64-o.total[i] {
			return fmt.Errorf("sla: request tally: bucket %d passes 2^63 requests: %w", i+1, ErrMismatch)
		}
	}
	for i := range t.total {
		t.good[i] += o.good[i]
		t.total[i] += o.total[i]
	}
	return nil
}

// Counts returns one count per bucket that holds requests, at the bucket's
// start (UTC), in time order.
func (t *RequestTally) Counts() []RequestCount {
	var out []RequestCount
	for i, n := range t.total {
		if n != 0 {
			out = append(out, RequestCount{At: time.Unix(0, t.start+int64(i)*t.step).UTC(), Good: t.good[i], Total: n})
		}
	}
	return out
}

// Equal reports whether t and o have the same grid and counts.
func (t *RequestTally) Equal(o *RequestTally) bool {
	return t.start == o.start && t.step == o.step && slices.Equal(t.good, o.good) && slices.Equal(t.total, o.total)
}

type requestTallyJSON struct {
	Start   time.Time  `json:"start"`
	Step    string     `json:"step"`
	Buckets int        `json:"buckets"`
	Counts  [][3]int64 `json:"counts"`
}

// MarshalJSON writes the grid and the buckets that hold requests as [index,
// good, total] triples, indexes from 0 in increasing order:
// {"start": "2026-03-01T00:00:00Z", "step": "1m", "buckets": 44640, "counts": [[0, 59, 60], [1, 60, 60]]}.
// A tally without a grid cannot be encoded.
func (t *RequestTally) MarshalJSON() ([]byte, error) {
	if t.step == 0 {
		return nil, fmt.Errorf("sla: request tally: no grid to encode: %w", ErrInvalidReport)
	}
	j := requestTallyJSON{Start: time.Unix(0, t.start).UTC(), Step: FormatDuration(time.Duration(t.step)), Buckets: len(t.total), Counts: [][3]int64{}}
	for i, n := range t.total {
		if n != 0 {
			j.Counts = append(j.Counts, [3]int64{int64(i), t.good[i], n})
		}
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes, strictly: unknown keys, an
// invalid grid, an index out of the grid or not increasing, a count with no
// request, a negative number or more good requests than requests are errors
// wrapping [ErrInvalidReport]; t is unchanged on error.
func (t *RequestTally) UnmarshalJSON(data []byte) error {
	var j requestTallyJSON
	if err := strictDecode(data, &j); err != nil {
		return errOnce("request tally", err, ErrInvalidReport)
	}
	step, err := ParseDuration(j.Step)
	if err != nil {
		return fmt.Errorf("sla: request tally: step %q: want a duration such as \"1m\": %w", j.Step, ErrInvalidReport)
	}
	if p := gridProblem(j.Start, step, j.Buckets); p != "" {
		return fmt.Errorf("sla: request tally: %s: %w", p, ErrInvalidReport)
	}
	out := RequestTally{start: j.Start.UnixNano(), step: int64(step), good: make([]int64, j.Buckets), total: make([]int64, j.Buckets)}
	for k, c := range j.Counts {
		switch {
		case c[0] < 0 || c[0] >= int64(j.Buckets):
			return fmt.Errorf("sla: request tally: count %d: bucket %d out of range 0-%d: %w", k+1, c[0], j.Buckets-1, ErrInvalidReport)
		case k > 0 && c[0] <= j.Counts[k-1][0]:
			return fmt.Errorf("sla: request tally: count %d: bucket %d after %d: want increasing buckets: %w", k+1, c[0], j.Counts[k-1][0], ErrInvalidReport)
		case c[1] < 0 || c[2] <= 0 || c[1] > c[2]:
			return fmt.Errorf("sla: request tally: count %d: %d good of %d: want 0 <= good <= total and total > 0: %w", k+1, c[1], c[2], ErrInvalidReport)
		}
		out.good[c[0]], out.total[c[0]] = c[1], c[2]
	}
	*t = out
	return nil
}
