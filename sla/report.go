package sla

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/servuction/servuction"
	"github.com/shopspring/decimal"
)

// Report accumulates ticket evaluations into compliance per objective
// (cumplimiento del ANS) and the service credits it earns. Add evaluations
// one by one, Merge reports built on shards, and read the figures with
// Result. Merge is associative and commutative: a report built from shards
// and merged equals one built from all tickets, also when the shards travel
// as JSON ([Report.MarshalJSON]).
//
// Its size does not grow with the tickets added: per objective, counts by
// status and priority and a fixed-size [Histogram] of elapsed times.
//
// [NewReport] ties a report to its agreement for thresholds, objective order
// and credits. The zero Report is an empty report for no agreement: Add and
// Merge work on it, and it is the identity of Merge. A Report is not safe for
// concurrent use.
type Report struct {
	agreement *Agreement
	name      string // the agreement's name, kept when a report is decoded
	id        string // the agreement's identity: see agreementID
	tickets   int64
	objs      []*tally // in order of first appearance
}

// tally is one objective's accumulated results.
type tally struct {
	name      string
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
		r.id = agreementID(a)
	}
	return r
}

// agreementID returns the identity of an agreement's content: the hex
// SHA-256 of its JSON encoding, which is deterministic and holds its whole
// configuration, so agreements built separately from equal configurations
// share it. It is "" for an agreement that does not encode.
func agreementID(a *Agreement) string {
	data, err := json.Marshal(a)
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// Add records every result of e. Evaluations of the same ticket at several
// instants would be counted several times: add one evaluation per ticket,
// typically at the end of the period. A result's elapsed time enters the
// percentiles when its status is a verdict ([Status.IsFinal]).
func (r *Report) Add(e Evaluation) {
	r.tickets++
	prio := e.Priority
	if prio > Urgent {
		prio = PriorityUnknown // not counted by priority
	}
	for i := range e.Results {
		res := &e.Results[i]
		t := r.tallyAt(i, res.Objective)
		t.metric, t.threshold = res.Metric, res.Threshold
		if st := res.Status; st > StatusUnknown && st <= Breached {
			t.status[st]++
			if prio != PriorityUnknown {
				t.byPrio[prio][st]++
			}
			if st == Met || st == Breached {
				t.hist.Add(res.Elapsed)
			}
		}
		t.cycles += int64(res.Cycles)
		t.breaches += int64(res.Breaches)
	}
}

// tallyAt returns the objective's tally, first trying position i: the
// evaluations of one agreement list their objectives in the same order.
func (r *Report) tallyAt(i int, name string) *tally {
	if i < len(r.objs) {
		if t := r.objs[i]; t.name == name {
			return t
		}
	}
	return r.tally(name)
}

// tally returns the objective's tally, adding it on first use.
func (r *Report) tally(name string) *tally {
	for _, t := range r.objs {
		if t.name == name {
			return t
		}
	}
	t := &tally{name: name}
	r.objs = append(r.objs, t)
	return t
}

// sameAgreement reports whether r and o may be merged: same agreement
// content (or the same *Agreement when it does not encode), or one of them
// for no agreement.
func (r *Report) sameAgreement(o *Report) bool {
	switch {
	case r.name == "" && r.id == "" && r.agreement == nil, o.name == "" && o.id == "" && o.agreement == nil:
		return true
	case r.id != "" || o.id != "":
		return r.id == o.id && r.name == o.name
	}
	return r.agreement == o.agreement && r.name == o.name
}

// Merge adds every evaluation recorded in o to r. Both must be for the same
// agreement, compared by content: two agreements built separately from equal
// configurations are the same, two with the same name and different
// objectives are not. One of them may be for none (the zero Report).
// Otherwise Merge returns an error wrapping [ErrMismatch] and leaves r
// unchanged.
func (r *Report) Merge(o *Report) error {
	if o == nil {
		return nil
	}
	if !r.sameAgreement(o) {
		return fmt.Errorf("sla: merge a report of agreement %q (%s) into one of %q (%s): %w",
			o.name, shortID(o.id), r.name, shortID(r.id), ErrMismatch)
	}
	if r.agreement == nil {
		r.agreement = o.agreement
	}
	if r.name == "" && r.id == "" {
		r.name, r.id = o.name, o.id
	}
	r.tickets += o.tickets
	for _, src := range o.objs {
		t := r.tally(src.name)
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

// shortID abbreviates an agreement identity for messages.
func shortID(id string) string {
	if id == "" {
		return "no identity"
	}
	return "identity " + id[:min(len(id), 12)]
}

// Equal reports whether r and o hold the same counts for the same
// agreement, whatever the order objectives were first seen in.
func (r *Report) Equal(o *Report) bool {
	if r.name != o.name || r.id != o.id || r.tickets != o.tickets || len(r.objs) != len(o.objs) {
		return false
	}
	for _, t := range r.objs {
		i := slices.IndexFunc(o.objs, func(u *tally) bool { return u.name == t.name })
		if i < 0 {
			return false
		}
		u := o.objs[i]
		if t.metric != u.metric || t.threshold != u.threshold || t.status != u.status || t.byPrio != u.byPrio ||
			t.cycles != u.cycles || t.breaches != u.breaches || !t.hist.Equal(&u.hist) {
			return false
		}
	}
	return true
}

// Percent is a percentage that may not be defined: compliance while no
// ticket is decided has no value, which is not 0 %. Valid reports whether
// Value is defined. In JSON it is a number, or null when not valid.
type Percent struct {
	Value float64
	Valid bool
}

// percentOf returns 100 × part / whole, not valid when whole is 0.
func percentOf(part, whole int64) Percent {
	if whole == 0 {
		return Percent{}
	}
	return Percent{Value: 100 * float64(part) / float64(whole), Valid: true}
}

// String writes the percentage with one decimal, "92.0 %", or "none" when
// it is not defined.
func (p Percent) String() string {
	if !p.Valid {
		return "none"
	}
	return fmt.Sprintf("%.1f %%", p.Value)
}

// MarshalJSON writes the value, or null when it is not valid.
func (p Percent) MarshalJSON() ([]byte, error) {
	if !p.Valid {
		return []byte("null"), nil
	}
	return json.Marshal(p.Value)
}

// UnmarshalJSON reads a number, or null for a percentage not defined.
func (p *Percent) UnmarshalJSON(data []byte) error {
	if strings.TrimSpace(string(data)) == "null" {
		*p = Percent{}
		return nil
	}
	var v float64
	if err := json.Unmarshal(data, &v); err != nil {
		return fmt.Errorf("sla: percentage %s: want a number or null: %w", data, ErrInvalidReport)
	}
	*p = Percent{Value: v, Valid: true}
	return nil
}

// ReportResult is the compliance of a period.
type ReportResult struct {
	// Agreement is the agreement's name ("" for a report with none).
	Agreement string `json:"agreement,omitempty"`
	// Tickets is how many evaluations were added.
	Tickets int64 `json:"tickets"`
	// Objectives holds one summary per objective that applied to at least
	// one ticket, in the agreement's order, then the others by name.
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
	OnHold   int64 `json:"onHold"`
	AtRisk   int64 `json:"atRisk"`
	Met      int64 `json:"met"`
	Breached int64 `json:"breached"`
	// Cycles and Breaches count clock cycles (several per ticket for next
	// response and periodic update).
	Cycles   int64 `json:"cycles"`
	Breaches int64 `json:"breaches"`
	// Decided is Met + Breached: the tickets with a verdict. Tickets whose
	// clock still runs or waits are not decided.
	Decided int64 `json:"decided"`
	// Compliance is 100 × Met / Decided, the share of decided tickets
	// within target. While no ticket is decided it has no value
	// (Compliance.Valid is false): nothing decided yet is not 0 %.
	Compliance Percent `json:"compliance"`
	// Holds reports whether Compliance reaches Threshold; false while
	// nothing is decided (check Compliance.Valid to tell the two apart).
	Holds bool `json:"holds"`
	// P50, P90, P95 and P99 are nearest-rank percentiles of the elapsed
	// time of decided tickets (the value of rank r, the smallest with
	// r/n ≥ q), within [HistogramError]; 0 when nothing is decided.
	P50 time.Duration `json:"p50"`
	P90 time.Duration `json:"p90"`
	P95 time.Duration `json:"p95"`
	P99 time.Duration `json:"p99"`
	// Elapsed is the histogram the percentiles come from.
	Elapsed Histogram `json:"-"`
	// Credit is the service credit this objective's compliance earns under
	// the agreement's credit policy, before the cap; zero while nothing is
	// decided.
	Credit servuction.Money `json:"credit"`
	// ByPriority splits the counts by the tickets' priority at evaluation,
	// lowest first, for the priorities that had tickets.
	ByPriority []PrioritySummary `json:"byPriority,omitempty"`
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
	// Compliance is 100 × Met / (Met + Breached); not valid while none is
	// decided.
	Compliance Percent `json:"compliance"`
}

// Result returns the compliance figures recorded so far. It does not change
// the report.
func (r *Report) Result() ReportResult {
	res := ReportResult{Tickets: r.tickets, Agreement: r.name}
	var policy CreditPolicy
	order := map[string]int{}
	if r.agreement != nil {
		policy = r.agreement.cfg.Credits
		for i, o := range r.agreement.obj {
			order[o.Name] = i
		}
	}
	tallies := slices.Clone(r.objs)
	slices.SortStableFunc(tallies, func(a, b *tally) int {
		oa, aok := order[a.name]
		ob, bok := order[b.name]
		switch {
		case aok && bok:
			return oa - ob
		case aok != bok:
			if aok {
				return -1
			}
			return 1
		}
		return strings.Compare(a.name, b.name)
	})
	var credits []servuction.Money
	for _, t := range tallies {
		s := t.summary()
		if s.Compliance.Valid && !policy.IsZero() {
			s.Credit = policy.Credit(s.Compliance.Value)
			credits = append(credits, s.Credit)
		}
		res.Objectives = append(res.Objectives, s)
	}
	if !policy.IsZero() {
		res.Credits = policy.Total(credits...)
	} else {
		res.Credits = servuction.Money{Amount: decimal.Zero}
	}
	return res
}

// summary returns the tally's figures, without credit.
func (t *tally) summary() ObjectiveSummary {
	s := ObjectiveSummary{
		Objective: t.name, Metric: t.metric, Threshold: t.threshold,
		Running: t.status[Running], OnHold: t.status[OnHold], AtRisk: t.status[AtRisk],
		Met: t.status[Met], Breached: t.status[Breached],
		Cycles: t.cycles, Breaches: t.breaches,
		Elapsed: t.hist.clone(),
	}
	s.Tickets = s.Running + s.OnHold + s.AtRisk + s.Met + s.Breached
	s.Decided = s.Met + s.Breached
	s.Compliance = percentOf(s.Met, s.Decided)
	s.Holds = s.Compliance.Valid && s.Compliance.Value >= s.Threshold
	for p := Low; p <= Urgent; p++ {
		c := t.byPrio[p]
		ps := PrioritySummary{Priority: p, Open: c[Running] + c[OnHold] + c[AtRisk], Met: c[Met], Breached: c[Breached]}
		if ps.Open+ps.Met+ps.Breached == 0 {
			continue
		}
		ps.Compliance = percentOf(ps.Met, ps.Met+ps.Breached)
		s.ByPriority = append(s.ByPriority, ps)
	}
	s.P50, s.P90, s.P95, s.P99 = t.hist.Quantile(0.5), t.hist.Quantile(0.9), t.hist.Quantile(0.95), t.hist.Quantile(0.99)
	return s
}
