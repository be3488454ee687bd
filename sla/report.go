package sla

import (
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"github.com/servuction/servuction"
	"github.com/shopspring/decimal"
)

// Report accumulates ticket evaluations into compliance per objective
// (cumplimiento del ANS) and the service credits it earns. Add evaluations
// one by one, Merge reports built on shards, and read the figures with
// Result. Merge is associative and commutative: a report built from shards
// and merged equals one built from all tickets.
//
// [NewReport] ties a report to its agreement for thresholds, objective order
// and credits. The zero Report is an empty report for no agreement: it
// accumulates counts and is the identity of Merge. A Report is not safe for
// concurrent use.
type Report struct {
	agreement *Agreement
	name      string // the agreement's name, kept when a report is decoded
	tickets   int64
	objs      map[string]*tally
}

// tally is one objective's accumulated results.
type tally struct {
	metric    Metric
	threshold float64
	status    [Breached + 1]int64
	byPrio    [Urgent + 1][Breached + 1]int64
	cycles    int64
	breaches  int64
	hist      Histogram
}

// NewReport returns an empty report for agreement a.
func NewReport(a *Agreement) *Report {
	r := &Report{agreement: a}
	if a != nil {
		r.name = a.Name()
	}
	return r
}

// Add records every result of e. Evaluations of the same ticket at several
// instants would be counted several times: add one evaluation per ticket,
// typically at the end of the period.
func (r *Report) Add(e Evaluation) {
	r.tickets++
	for _, res := range e.Results {
		t := r.tally(res.Objective)
		t.metric, t.threshold = res.Metric, res.Threshold
		if res.Status.IsValid() {
			t.status[res.Status]++
			if e.Priority.IsValid() {
				t.byPrio[e.Priority][res.Status]++
			}
		}
		t.cycles += int64(res.Cycles)
		t.breaches += int64(res.Breaches)
		if res.Status.IsFinal() {
			t.hist.Add(res.Elapsed)
		}
	}
}

func (r *Report) tally(name string) *tally {
	if r.objs == nil {
		r.objs = make(map[string]*tally)
	}
	t, ok := r.objs[name]
	if !ok {
		t = &tally{}
		r.objs[name] = t
	}
	return t
}

// Merge adds every evaluation recorded in o to r. Both must be for the same
// agreement (the same *Agreement, or the same agreement name for a report
// decoded from JSON), or one of them for none (the zero Report); otherwise
// Merge returns an error wrapping [ErrMismatch] and leaves r unchanged.
func (r *Report) Merge(o *Report) error {
	if o == nil {
		return nil
	}
	if r.agreement != nil && o.agreement != nil && r.agreement != o.agreement ||
		r.name != "" && o.name != "" && r.name != o.name {
		return fmt.Errorf("sla: merge report of agreement %q into one of %q: %w", o.name, r.name, ErrMismatch)
	}
	if r.agreement == nil {
		r.agreement = o.agreement
	}
	if r.name == "" {
		r.name = o.name
	}
	r.tickets += o.tickets
	for _, name := range sortedKeys(o.objs) {
		src := o.objs[name]
		t := r.tally(name)
		t.metric, t.threshold = src.metric, src.threshold
		for i := range t.status {
			t.status[i] += src.status[i]
		}
		for p := range t.byPrio {
			for i := range t.byPrio[p] {
				t.byPrio[p][i] += src.byPrio[p][i]
			}
		}
		t.cycles += src.cycles
		t.breaches += src.breaches
		t.hist.Merge(&src.hist)
	}
	return nil
}

// ReportResult is the compliance of a period.
type ReportResult struct {
	// Agreement is the agreement's name ("" for a report with none).
	Agreement string `json:"agreement,omitempty"`
	// Tickets is how many evaluations were added.
	Tickets int64 `json:"tickets"`
	// Objectives holds one summary per objective that applied to at least
	// one ticket, in the agreement's order.
	Objectives []ObjectiveSummary `json:"objectives"`
	// Credits is the total service credit owed, capped by the agreement's
	// credit policy; zero without a policy.
	Credits servuction.Money `json:"credits"`
}

// ObjectiveSummary is one objective's compliance over a period.
type ObjectiveSummary struct {
	Objective string  `json:"objective"`
	Metric    Metric  `json:"metric"`
	Threshold float64 `json:"threshold"`
	// Tickets is how many tickets the objective applied to; the status
	// counts split them.
	Tickets  int64 `json:"tickets"`
	Running  int64 `json:"running"`
	OnHold   int64 `json:"on_hold"`
	AtRisk   int64 `json:"at_risk"`
	Met      int64 `json:"met"`
	Breached int64 `json:"breached"`
	// Cycles and Breaches count clock cycles (several per ticket for next
	// response and periodic update).
	Cycles   int64 `json:"cycles"`
	Breaches int64 `json:"breaches"`
	// Compliance is 100 × Met / (Met + Breached): the share of decided
	// tickets within target; tickets whose clock still runs are not
	// decided. It is 0 when none is decided (see Decided).
	Compliance float64 `json:"compliance"`
	// Decided is Met + Breached.
	Decided int64 `json:"decided"`
	// Holds reports whether Compliance reaches Threshold; false when
	// nothing is decided.
	Holds bool `json:"holds"`
	// P50, P90, P95 and P99 are nearest-rank percentiles of the elapsed
	// time of decided tickets, within 1 % (see [Histogram]).
	P50 time.Duration `json:"p50"`
	P90 time.Duration `json:"p90"`
	P95 time.Duration `json:"p95"`
	P99 time.Duration `json:"p99"`
	// Elapsed is the histogram the percentiles come from.
	Elapsed Histogram `json:"-"`
	// Credit is the service credit this objective's compliance earns under
	// the agreement's credit policy, before the cap.
	Credit servuction.Money `json:"credit"`
	// ByPriority splits the counts by the tickets' priority at evaluation,
	// lowest first, for the priorities that had tickets.
	ByPriority []PrioritySummary `json:"by_priority,omitempty"`
}

// MarshalJSON writes the summary with its percentiles as text durations,
// rounded to the second from one minute up ("2h15m7s"), and without the
// histogram (encode the [Report] itself to ship the counts).
func (s ObjectiveSummary) MarshalJSON() ([]byte, error) {
	type plain ObjectiveSummary
	return json.Marshal(struct {
		plain
		P50 string `json:"p50"`
		P90 string `json:"p90"`
		P95 string `json:"p95"`
		P99 string `json:"p99"`
	}{plain(s), textPercentile(s.P50), textPercentile(s.P90), textPercentile(s.P95), textPercentile(s.P99)})
}

// textPercentile writes an estimated percentile, within 1 % anyway, without
// meaningless sub-second digits.
func textPercentile(d time.Duration) string {
	if d >= time.Minute {
		d = d.Round(time.Second)
	}
	return FormatDuration(d)
}

// PrioritySummary is one objective's compliance for the tickets of one
// priority.
type PrioritySummary struct {
	Priority Priority `json:"priority"`
	// Open counts tickets whose clock still runs, waits or is at risk.
	Open     int64 `json:"open"`
	Met      int64 `json:"met"`
	Breached int64 `json:"breached"`
	// Compliance is 100 × Met / (Met + Breached), 0 when none is decided.
	Compliance float64 `json:"compliance"`
}

// Result returns the compliance figures recorded so far. It does not change
// the report.
func (r *Report) Result() ReportResult {
	res := ReportResult{Tickets: r.tickets}
	var policy CreditPolicy
	order := map[string]int{}
	res.Agreement = r.name
	if r.agreement != nil {
		policy = r.agreement.cfg.Credits
		for i, o := range r.agreement.obj {
			order[o.Name] = i
		}
	}
	names := sortedKeys(r.objs)
	sort.SliceStable(names, func(i, j int) bool {
		oi, iok := order[names[i]]
		oj, jok := order[names[j]]
		switch {
		case iok && jok:
			return oi < oj
		case iok != jok:
			return iok
		}
		return false
	})
	var credits []servuction.Money
	for _, name := range names {
		t := r.objs[name]
		s := ObjectiveSummary{
			Objective: name, Metric: t.metric, Threshold: t.threshold,
			Running: t.status[Running], OnHold: t.status[OnHold], AtRisk: t.status[AtRisk],
			Met: t.status[Met], Breached: t.status[Breached],
			Cycles: t.cycles, Breaches: t.breaches,
			Elapsed: t.hist.clone(),
		}
		s.Tickets = s.Running + s.OnHold + s.AtRisk + s.Met + s.Breached
		s.Decided = s.Met + s.Breached
		if s.Decided > 0 {
			s.Compliance = 100 * float64(s.Met) / float64(s.Decided)
			s.Holds = s.Compliance >= s.Threshold
			if !policy.IsZero() {
				s.Credit = policy.Credit(s.Compliance)
				credits = append(credits, s.Credit)
			}
		}
		for p := Low; p <= Urgent; p++ {
			c := t.byPrio[p]
			ps := PrioritySummary{Priority: p, Open: c[Running] + c[OnHold] + c[AtRisk], Met: c[Met], Breached: c[Breached]}
			if ps.Open+ps.Met+ps.Breached == 0 {
				continue
			}
			if d := ps.Met + ps.Breached; d > 0 {
				ps.Compliance = 100 * float64(ps.Met) / float64(d)
			}
			s.ByPriority = append(s.ByPriority, ps)
		}
		s.P50, s.P90, s.P95, s.P99 = t.hist.Quantile(0.5), t.hist.Quantile(0.9), t.hist.Quantile(0.95), t.hist.Quantile(0.99)
		res.Objectives = append(res.Objectives, s)
	}
	if !policy.IsZero() {
		res.Credits = policy.Total(credits...)
	} else {
		res.Credits = servuction.Money{Amount: decimal.Zero}
	}
	return res
}
