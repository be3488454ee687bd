package pdca

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/internal/enum"
)

// State is where a [Cycle] stands. The zero value is [Draft].
//
//	Draft ──Approve──▶ Planned ──Start──▶ Doing ──BeginCheck──▶ Checking ──Check──▶ Acting
//	Acting ──Standardize──▶ Standardized | ──Adjust──▶ Adjusted | ──Abandon──▶ Abandoned
//	any open state ──Cancel──▶ Cancelled
//
// Check leaves the cycle in Checking when it suggests no decision
// (insufficient data, or an improvement with too few points yet for new
// limits).
type State uint8

// The states of a cycle.
const (
	Draft        State = iota // borrador: the plan is being written
	Planned                   // planear: objective, indicator, baseline, target, owner, actions, check plan approved
	Doing                     // hacer: actions under way (training, workshops)
	Checking                  // verificar: post-change data being collected and judged
	Acting                    // actuar: verdict known, decision pending
	Standardized              // closed: the new practice is the standard
	Adjusted                  // closed: a follow-up cycle continues the work
	Abandoned                 // closed: the change was dropped
	Cancelled                 // closed before the Check
)

var stateNames = enum.New("pdca: state", ErrInvalidName,
	[]string{"draft", "planned", "doing", "checking", "acting", "standardized", "adjusted", "abandoned", "cancelled"},
	map[string]State{"borrador": Draft, "plan": Planned, "planear": Planned, "planificado": Planned, "do": Doing, "hacer": Doing,
		"check": Checking, "verificar": Checking, "act": Acting, "actuar": Acting, "standardised": Standardized, "estandarizado": Standardized,
		"ajustado": Adjusted, "corregido": Adjusted, "abandonado": Abandoned, "canceled": Cancelled, "cancelado": Cancelled})

// ParseState returns the state named s, in English or Spanish.
func ParseState(s string) (State, error) { return stateNames.Parse(s) }

// String returns the state's English name.
func (s State) String() string { return stateNames.String(s) }

// MarshalText implements encoding.TextMarshaler.
func (s State) MarshalText() ([]byte, error) { return stateNames.MarshalText(s) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseState].
func (s *State) UnmarshalText(b []byte) error { return stateNames.UnmarshalText(s, b) }

// Closed reports whether s is a final state.
func (s State) Closed() bool { return s >= Standardized }

// Phase returns the PDCA phase of the state (Plan for Draft and Planned).
func (s State) Phase() Phase {
	switch s {
	case Draft, Planned:
		return Plan
	case Doing:
		return Do
	case Checking:
		return CheckPhase
	case Acting:
		return Act
	}
	return PhaseUnknown
}

// Phase is one of the four steps of the continuous-improvement cycle (ciclo
// de mejora continua). The zero value is [PhaseUnknown].
type Phase uint8

// The four phases.
const (
	PhaseUnknown Phase = iota
	Plan               // planear: determine objectives and targets
	Do                 // hacer: instruct and implement
	CheckPhase         // verificar: evaluate and validate
	Act                // actuar: correct and standardize
)

var phaseNames = enum.New("pdca: phase", ErrInvalidName,
	[]string{"unknown", "plan", "do", "check", "act"},
	map[string]Phase{"planear": Plan, "planificar": Plan, "hacer": Do, "verificar": CheckPhase, "actuar": Act})

// ParsePhase returns the phase named s ("plan", "verificar"...).
func ParsePhase(s string) (Phase, error) { return phaseNames.Parse(s) }

// String returns the phase's English name.
func (p Phase) String() string { return phaseNames.String(p) }

// MarshalText implements encoding.TextMarshaler.
func (p Phase) MarshalText() ([]byte, error) { return phaseNames.MarshalText(p) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParsePhase].
func (p *Phase) UnmarshalText(b []byte) error { return phaseNames.UnmarshalText(p, b) }

// ActionKind says what an action of the Do phase is.
type ActionKind uint8

// The kinds of action the seeds name for the Do phase.
const (
	ActionOther   ActionKind = iota // otra
	Training                        // curso de capacitación
	Workshop                        // taller
	ProcessChange                   // cambio de procedimiento
	Communication                   // comunicación, instrucción
)

var actionKindNames = enum.New("pdca: action kind", ErrInvalidName,
	[]string{"other", "training", "workshop", "process-change", "communication"},
	map[string]ActionKind{"otra": ActionOther, "capacitación": Training, "curso": Training, "curso de capacitación": Training,
		"taller": Workshop, "cambio de procedimiento": ProcessChange, "procedimiento": ProcessChange,
		"comunicación": Communication, "instrucción": Communication})

// ParseActionKind returns the action kind named s.
func ParseActionKind(s string) (ActionKind, error) { return actionKindNames.Parse(s) }

// String returns the English name.
func (k ActionKind) String() string { return actionKindNames.String(k) }

// MarshalText implements encoding.TextMarshaler.
func (k ActionKind) MarshalText() ([]byte, error) { return actionKindNames.MarshalText(k) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseActionKind].
func (k *ActionKind) UnmarshalText(b []byte) error { return actionKindNames.UnmarshalText(k, b) }

// ActionStatus is the progress of an action. The zero value is [Pending].
type ActionStatus uint8

// The statuses of an action.
const (
	Pending    ActionStatus = iota // pendiente
	InProgress                     // en curso
	Done                           // hecha
	Dropped                        // descartada
)

var actionStatusNames = enum.New("pdca: action status", ErrInvalidName,
	[]string{"pending", "in-progress", "done", "dropped"},
	map[string]ActionStatus{"pendiente": Pending, "en curso": InProgress, "hecha": Done, "terminada": Done, "descartada": Dropped})

// ParseActionStatus returns the status named s.
func ParseActionStatus(s string) (ActionStatus, error) { return actionStatusNames.Parse(s) }

// String returns the English name.
func (s ActionStatus) String() string { return actionStatusNames.String(s) }

// MarshalText implements encoding.TextMarshaler.
func (s ActionStatus) MarshalText() ([]byte, error) { return actionStatusNames.MarshalText(s) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseActionStatus].
func (s *ActionStatus) UnmarshalText(b []byte) error { return actionStatusNames.UnmarshalText(s, b) }

// Action is one task of the plan, carried out in the Do phase.
type Action struct {
	Title    string          `json:"title"`
	Kind     ActionKind      `json:"kind"`
	Owner    string          `json:"owner"`
	Due      servuction.Date `json:"due"`
	Status   ActionStatus    `json:"status"`
	Evidence []string        `json:"evidence,omitempty"` // attendance lists, minutes, links
}

// Recognition records a contribution acknowledged in the Do phase
// ("reconocer el aporte de otras personas").
type Recognition struct {
	Person       string          `json:"person"`
	Contribution string          `json:"contribution"`
	On           servuction.Date `json:"on"`
}

// PlanSpec is the content of the Plan phase: why, what and how, who answers
// for it, what is measured and what counts as success.
type PlanSpec struct {
	Objective string    `json:"objective"`     // what: the objective (objetivo)
	Why       string    `json:"why,omitempty"` // por qué: the diagnosis of current practice
	How       string    `json:"how,omitempty"` // cómo
	Owner     string    `json:"owner"`         // responsable
	Indicator Indicator `json:"indicator"`     // what is measured
	Baseline  Series    `json:"baseline"`      // current practice, before the change
	Target    Standard  `json:"target"`        // meta: the standard to reach
	Actions   []Action  `json:"actions"`       // what will be done
	Check     CheckPlan `json:"check"`         // how the result will be judged
}

// Validate reports everything an approved plan lacks, all at once.
func (p PlanSpec) Validate() error {
	var errs []error
	if strings.TrimSpace(p.Objective) == "" {
		errs = append(errs, fmt.Errorf("pdca: plan: objective is empty: %w", ErrInvalidCycle))
	}
	if strings.TrimSpace(p.Owner) == "" {
		errs = append(errs, fmt.Errorf("pdca: plan: owner is empty: %w", ErrInvalidCycle))
	}
	errs = append(errs, p.Indicator.Validate(), p.Target.Validate(), p.Check.Validate())
	if len(p.Baseline) == 0 {
		errs = append(errs, fmt.Errorf("pdca: plan: baseline has no samples: %w", ErrInvalidCycle))
	} else if p.Indicator.Validate() == nil {
		if _, _, err := p.Baseline.points(p.Indicator.RecommendedChart()); err != nil {
			errs = append(errs, err)
		}
	}
	if len(p.Actions) == 0 {
		errs = append(errs, fmt.Errorf("pdca: plan: no actions: %w", ErrInvalidCycle))
	}
	for i, a := range p.Actions {
		if strings.TrimSpace(a.Title) == "" {
			errs = append(errs, fmt.Errorf("pdca: plan: action %d: title is empty: %w", i+1, ErrInvalidCycle))
		}
		if strings.TrimSpace(a.Owner) == "" {
			errs = append(errs, fmt.Errorf("pdca: plan: action %d %q: owner is empty: %w", i+1, a.Title, ErrInvalidCycle))
		}
		if !a.Due.IsValid() {
			errs = append(errs, fmt.Errorf("pdca: plan: action %d %q: due date %v invalid: %w", i+1, a.Title, a.Due, ErrInvalidCycle))
		}
		if !actionKindNames.Valid(a.Kind) || !actionStatusNames.Valid(a.Status) {
			errs = append(errs, fmt.Errorf("pdca: plan: action %d %q: kind %v status %v undefined: %w", i+1, a.Title, a.Kind, a.Status, ErrInvalidCycle))
		}
	}
	return errors.Join(errs...)
}

// Transition is one entry of a cycle's history.
type Transition struct {
	From State     `json:"from"`
	To   State     `json:"to"`
	At   time.Time `json:"at"`
	Note string    `json:"note,omitempty"`
}

// Record is the full state of a [Cycle] as a plain value: what
// [Cycle.Record] returns and what a cycle's JSON holds.
type Record struct {
	ID           string        `json:"id"`
	ParentID     string        `json:"parentId,omitempty"` // the cycle this one adjusts
	ChildID      string        `json:"childId,omitempty"`  // the cycle that adjusts this one
	State        State         `json:"state"`
	Plan         PlanSpec      `json:"plan"`
	Recognitions []Recognition `json:"recognitions,omitempty"`
	After        Series        `json:"after,omitempty"`  // post-change samples
	Result       *CheckResult  `json:"result,omitempty"` // the last Check
	Decision     Decision      `json:"decision,omitempty"`
	Rationale    string        `json:"rationale,omitempty"`
	NewStandard  *Standard     `json:"newStandard,omitempty"` // after Standardize
	History      []Transition  `json:"history,omitempty"`
}

// Cycle is one continuous-improvement cycle (ciclo de mejora continua,
// PHVA/PDCA) on one indicator. It is a state machine (see [State]); every
// method that changes it validates first and leaves the cycle unchanged when
// it returns an error. A Cycle guards itself with a mutex and is safe for
// concurrent use; do not copy it after first use. Cycles chain per
// indicator through ParentID and ChildID ([Cycle.Adjust]).
type Cycle struct {
	mu  sync.Mutex
	rec Record
}

// NewCycle returns a draft cycle with the given identifier.
func NewCycle(id string) (*Cycle, error) {
	if strings.TrimSpace(id) == "" {
		return nil, fmt.Errorf("pdca: cycle: id is empty: %w", ErrInvalidCycle)
	}
	return &Cycle{rec: Record{ID: id}}, nil
}

// ID returns the cycle's identifier.
func (c *Cycle) ID() string { c.mu.Lock(); defer c.mu.Unlock(); return c.rec.ID }

// State returns the cycle's current state.
func (c *Cycle) State() State { c.mu.Lock(); defer c.mu.Unlock(); return c.rec.State }

// Record returns a deep copy of the cycle's state and history.
func (c *Cycle) Record() Record {
	c.mu.Lock()
	defer c.mu.Unlock()
	return cloneRecord(c.rec)
}

// SetPlan replaces the plan of a draft cycle. Completeness is checked by
// [Cycle.Approve].
func (c *Cycle) SetPlan(p PlanSpec) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.rec.State != Draft {
		return c.illegal("set plan", Draft)
	}
	r := cloneRecord(Record{Plan: p})
	c.rec.Plan = r.Plan
	return nil
}

// Approve moves a draft to Planned once the plan is complete: objective,
// owner, indicator, baseline, target, at least one action (with owner and due
// date) and a check plan. Every missing item is reported at once.
func (c *Cycle) Approve(now time.Time) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.rec.State != Draft {
		return c.illegal("approve", Draft)
	}
	if err := c.rec.Plan.Validate(); err != nil {
		return err
	}
	c.move(Planned, now, "plan approved")
	return nil
}

// Start moves a planned cycle to Doing.
func (c *Cycle) Start(now time.Time) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.rec.State != Planned {
		return c.illegal("start", Planned)
	}
	c.move(Doing, now, "")
	return nil
}

// UpdateAction sets the status of action i (0-based) while Doing and appends
// evidence if given. An action can be marked Done only with evidence.
func (c *Cycle) UpdateAction(i int, status ActionStatus, evidence string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.rec.State != Doing {
		return c.illegal("update action", Doing)
	}
	if i < 0 || i >= len(c.rec.Plan.Actions) {
		return fmt.Errorf("pdca: cycle %s: action %d out of range [0, %d): %w", c.rec.ID, i, len(c.rec.Plan.Actions), ErrInvalidCycle)
	}
	if !actionStatusNames.Valid(status) {
		return fmt.Errorf("pdca: cycle %s: action %d: status %v undefined: %w", c.rec.ID, i, status, ErrInvalidCycle)
	}
	a := &c.rec.Plan.Actions[i]
	if status == Done && len(a.Evidence) == 0 && strings.TrimSpace(evidence) == "" {
		return fmt.Errorf("pdca: cycle %s: action %q: done needs evidence: %w", c.rec.ID, a.Title, ErrInvalidCycle)
	}
	a.Status = status
	if strings.TrimSpace(evidence) != "" {
		a.Evidence = append(a.Evidence, evidence)
	}
	return nil
}

// Recognize records a contribution while Doing or Checking.
func (c *Cycle) Recognize(r Recognition) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.rec.State != Doing && c.rec.State != Checking {
		return c.illegal("recognize", Doing, Checking)
	}
	if strings.TrimSpace(r.Person) == "" || strings.TrimSpace(r.Contribution) == "" || !r.On.IsValid() {
		return fmt.Errorf("pdca: cycle %s: recognition %q %q on %v: want person, contribution and date: %w",
			c.rec.ID, r.Person, r.Contribution, r.On, ErrInvalidCycle)
	}
	c.rec.Recognitions = append(c.rec.Recognitions, r)
	return nil
}

// BeginCheck moves a cycle from Doing to Checking once every action is Done
// or Dropped and at least one is Done.
func (c *Cycle) BeginCheck(now time.Time) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.rec.State != Doing {
		return c.illegal("begin check", Doing)
	}
	done := 0
	var errs []error
	for _, a := range c.rec.Plan.Actions {
		switch a.Status {
		case Done:
			done++
		case Dropped:
		default:
			errs = append(errs, fmt.Errorf("pdca: cycle %s: action %q is %v: %w", c.rec.ID, a.Title, a.Status, ErrInvalidCycle))
		}
	}
	if done == 0 {
		errs = append(errs, fmt.Errorf("pdca: cycle %s: no action done: %w", c.rec.ID, ErrInvalidCycle))
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	c.move(Checking, now, "")
	return nil
}

// Check judges the post-change samples after against the plan's baseline
// (see the function [Check]) and records them and the result. A result that
// suggests a decision moves the cycle to Acting, where that decision can be
// carried out; without one (insufficient data, or an improvement with too
// few points yet for new limits) it stays in Checking, so that Check can be
// called again with more samples.
func (c *Cycle) Check(after Series, now time.Time) (CheckResult, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.rec.State != Checking {
		return CheckResult{}, c.illegal("check", Checking)
	}
	p := c.rec.Plan
	res, err := Check(p.Indicator, p.Target, p.Baseline, after, p.Check)
	if err != nil {
		return CheckResult{}, err
	}
	c.rec.After = slices.Clone(after)
	r := cloneResult(res)
	c.rec.Result = &r
	if res.Suggested != DecisionNone {
		c.move(Acting, now, res.Verdict.String())
	}
	return res, nil
}

// Standardize closes an improved cycle: the post-change samples become the
// new standard, their Phase I limits (on the chart the Check judged on) its
// control limits, target unchanged. It returns the new standard. The
// post-change samples must be enough for limits (the plan's MinBaseline);
// a Check suggests Standardize only when they are.
func (c *Cycle) Standardize(now time.Time) (Standard, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.rec.State != Acting {
		return Standard{}, c.illegal("standardize", Acting)
	}
	if v := c.rec.Result.Verdict; v != ImprovedTargetMet && v != ImprovedTargetMissed {
		return Standard{}, fmt.Errorf("pdca: cycle %s: cannot standardize a %v result: %w", c.rec.ID, v, ErrIllegalTransition)
	}
	kind := c.rec.Result.Baseline.Kind
	if err := usableBaseline(kind, c.rec.After, c.rec.Plan.Check); err != nil {
		return Standard{}, fmt.Errorf("pdca: cycle %s: the new standard's limits: %w", c.rec.ID, err)
	}
	ch, err := c.rec.After.Chart(kind)
	if err != nil {
		return Standard{}, err
	}
	l := ch.Limits()
	l.Sigmas = c.rec.Plan.Check.Sigmas
	std := c.rec.Plan.Target
	std.Limits = &l
	c.rec.NewStandard = &std
	c.rec.Decision = Standardize
	c.move(Standardized, now, "")
	s := std
	l2 := l
	s.Limits = &l2
	return s, nil
}

// Adjust closes the cycle in favour of a linked follow-up cycle, returned in
// Draft: same objective, owner, indicator, target and check plan, no
// actions yet, and a baseline its own Check accepts — the points that
// describe the process now:
//
//   - after an improvement or a deterioration, the post-change samples (the
//     process moved; they must be at least the plan's MinBaseline);
//   - after no change, the post-change samples, preceded by the latest
//     baseline samples when needed to reach MinBaseline (the process is the
//     same);
//   - after an unstable result, the parent's baseline: the last stable
//     state of the process, against which the follow-up's correction will
//     be judged.
func (c *Cycle) Adjust(childID string, now time.Time) (*Cycle, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.rec.State != Acting {
		return nil, c.illegal("adjust", Acting)
	}
	if strings.TrimSpace(childID) == "" || childID == c.rec.ID {
		return nil, fmt.Errorf("pdca: cycle %s: child id %q: want a new, non-empty id: %w", c.rec.ID, childID, ErrInvalidCycle)
	}
	base, err := c.childBaseline()
	if err != nil {
		return nil, err
	}
	p := cloneRecord(Record{Plan: c.rec.Plan}).Plan
	p.Baseline = base
	p.Actions = nil
	p.Target.Limits = nil
	child := &Cycle{rec: Record{ID: childID, ParentID: c.rec.ID, Plan: p}}
	c.rec.ChildID = childID
	c.rec.Decision = Adjust
	c.move(Adjusted, now, "follow-up cycle "+childID)
	return child, nil
}

// childBaseline returns the baseline of a follow-up cycle (see Adjust).
func (c *Cycle) childBaseline() (Series, error) {
	plan, after, base := c.rec.Plan, c.rec.After, c.rec.Plan.Baseline
	var s Series
	switch c.rec.Result.Verdict {
	case Unstable:
		s = cloneSeries(base)
	case NoChange:
		s = cloneSeries(after)
		if need := plan.Check.minBaseline() - len(after); need > 0 {
			s = append(cloneSeries(base[max(0, len(base)-need):]), s...)
		}
	default:
		s = cloneSeries(after)
	}
	if err := usableBaseline(plan.Indicator.RecommendedChart(), s, plan.Check); err != nil {
		return nil, fmt.Errorf("pdca: cycle %s: the follow-up cycle's baseline: %w", c.rec.ID, err)
	}
	return s, nil
}

// Abandon closes the cycle, dropping the change; rationale is required.
func (c *Cycle) Abandon(rationale string, now time.Time) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.rec.State != Acting {
		return c.illegal("abandon", Acting)
	}
	if strings.TrimSpace(rationale) == "" {
		return fmt.Errorf("pdca: cycle %s: abandon needs a rationale: %w", c.rec.ID, ErrInvalidCycle)
	}
	c.rec.Decision, c.rec.Rationale = Abandon, rationale
	c.move(Abandoned, now, rationale)
	return nil
}

// Cancel closes an open cycle before its Act decision; reason is required.
func (c *Cycle) Cancel(reason string, now time.Time) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.rec.State.Closed() {
		return c.illegal("cancel", Draft, Planned, Doing, Checking, Acting)
	}
	if strings.TrimSpace(reason) == "" {
		return fmt.Errorf("pdca: cycle %s: cancel needs a reason: %w", c.rec.ID, ErrInvalidCycle)
	}
	c.rec.Rationale = reason
	c.move(Cancelled, now, reason)
	return nil
}

func (c *Cycle) move(to State, now time.Time, note string) {
	c.rec.History = append(c.rec.History, Transition{From: c.rec.State, To: to, At: now, Note: note})
	c.rec.State = to
}

func (c *Cycle) illegal(op string, want ...State) error {
	names := make([]string, len(want))
	for i, s := range want {
		names[i] = s.String()
	}
	return fmt.Errorf("pdca: cycle %s: %s in state %v (want %s): %w", c.rec.ID, op, c.rec.State, strings.Join(names, " or "), ErrIllegalTransition)
}

// legal lists the transitions the state machine allows.
var legal = map[State][]State{
	Draft:    {Planned, Cancelled},
	Planned:  {Doing, Cancelled},
	Doing:    {Checking, Cancelled},
	Checking: {Acting, Cancelled},
	Acting:   {Standardized, Adjusted, Abandoned, Cancelled},
}

// MarshalJSON encodes the cycle's [Record].
func (c *Cycle) MarshalJSON() ([]byte, error) { return json.Marshal(c.Record()) }

// UnmarshalJSON decodes a [Record] and validates it: no unknown fields,
// known state, a history of legal transitions from Draft ending in that
// state, a complete plan once past Draft, a result once Acting or closed by
// a decision. On error the cycle is unchanged.
func (c *Cycle) UnmarshalJSON(b []byte) error {
	var r Record
	if err := decodeStrict(b, &r); err != nil {
		return fmt.Errorf("pdca: cycle: %v: %w", err, ErrInvalidCycle)
	}
	if err := r.Validate(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.rec = r
	return nil
}

// Validate checks that r is a state a [Cycle] can reach.
func (r Record) Validate() error {
	var errs []error
	if strings.TrimSpace(r.ID) == "" {
		errs = append(errs, fmt.Errorf("pdca: cycle: id is empty: %w", ErrInvalidCycle))
	}
	if !stateNames.Valid(r.State) {
		errs = append(errs, fmt.Errorf("pdca: cycle %s: state %v undefined: %w", r.ID, r.State, ErrInvalidCycle))
	}
	at := Draft
	for i, t := range r.History {
		if t.From != at || !slices.Contains(legal[t.From], t.To) {
			errs = append(errs, fmt.Errorf("pdca: cycle %s: history %d: %v → %v after %v: %w", r.ID, i+1, t.From, t.To, at, ErrIllegalTransition))
			break
		}
		at = t.To
	}
	if at != r.State {
		errs = append(errs, fmt.Errorf("pdca: cycle %s: history ends in %v, state is %v: %w", r.ID, at, r.State, ErrInvalidCycle))
	}
	if slices.ContainsFunc(r.History, func(t Transition) bool { return t.To == Planned }) {
		if err := r.Plan.Validate(); err != nil {
			errs = append(errs, err)
		}
	}
	switch r.State {
	case Acting, Standardized, Adjusted, Abandoned:
		if r.Result == nil {
			errs = append(errs, fmt.Errorf("pdca: cycle %s: state %v without a check result: %w", r.ID, r.State, ErrInvalidCycle))
		}
	}
	if r.State == Standardized && r.NewStandard == nil {
		errs = append(errs, fmt.Errorf("pdca: cycle %s: standardized without a new standard: %w", r.ID, ErrInvalidCycle))
	}
	if r.State == Adjusted && r.ChildID == "" {
		errs = append(errs, fmt.Errorf("pdca: cycle %s: adjusted without a child cycle: %w", r.ID, ErrInvalidCycle))
	}
	if r.State == Abandoned && strings.TrimSpace(r.Rationale) == "" {
		errs = append(errs, fmt.Errorf("pdca: cycle %s: abandoned without a rationale: %w", r.ID, ErrInvalidCycle))
	}
	return errors.Join(errs...)
}

func cloneRecord(r Record) Record {
	out := r
	out.Plan.Baseline = cloneSeries(r.Plan.Baseline)
	out.Plan.Check.Rules = slices.Clone(r.Plan.Check.Rules)
	if r.Plan.Target.Limits != nil {
		l := *r.Plan.Target.Limits
		out.Plan.Target.Limits = &l
	}
	out.Plan.Actions = slices.Clone(r.Plan.Actions)
	for i := range out.Plan.Actions {
		out.Plan.Actions[i].Evidence = slices.Clone(r.Plan.Actions[i].Evidence)
	}
	out.Recognitions = slices.Clone(r.Recognitions)
	out.After = cloneSeries(r.After)
	if r.Result != nil {
		res := cloneResult(*r.Result)
		out.Result = &res
	}
	if r.NewStandard != nil {
		s := *r.NewStandard
		if s.Limits != nil {
			l := *s.Limits
			s.Limits = &l
		}
		out.NewStandard = &s
	}
	out.History = slices.Clone(r.History)
	return out
}

func cloneSeries(s Series) Series {
	out := slices.Clone(s)
	for i := range out {
		out[i].Subgroup = slices.Clone(s[i].Subgroup)
	}
	return out
}

func cloneResult(r CheckResult) CheckResult {
	out := r
	out.After.Points = slices.Clone(r.After.Points)
	out.After.LCL = slices.Clone(r.After.LCL)
	out.After.UCL = slices.Clone(r.After.UCL)
	out.After.Sizes = slices.Clone(r.After.Sizes)
	out.Evidence = slices.Clone(r.Evidence)
	if r.Dispersion != nil {
		d := *r.Dispersion
		out.Dispersion = &d
	}
	if r.EWMA != nil {
		e := *r.EWMA
		e.Sizes, e.Smoothed, e.LCL, e.UCL = slices.Clone(e.Sizes), slices.Clone(e.Smoothed), slices.Clone(e.LCL), slices.Clone(e.UCL)
		out.EWMA = &e
	}
	if r.CUSUM != nil {
		cu := *r.CUSUM
		cu.Sizes, cu.Upper, cu.Lower = slices.Clone(cu.Sizes), slices.Clone(cu.Upper), slices.Clone(cu.Lower)
		out.CUSUM = &cu
	}
	return out
}

// decodeStrict decodes one JSON value into v, refusing unknown fields and
// trailing data.
func decodeStrict(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("trailing data after the JSON value")
	}
	return nil
}
