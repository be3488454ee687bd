package servicecycle

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// MaxMoments is the largest number of moments a cycle may hold.
const MaxMoments = 512

// Flow is an allowed transition of a cycle, from one moment to the next.
// A flow back to an earlier moment (or to the same one) is an allowed loop.
type Flow struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// CycleConfig describes a cycle of service for [NewCycle]. Zero fields take
// the defaults documented on each.
type CycleConfig struct {
	// Name of the cycle, e.g. "Bank branch: attention process".
	Name string `json:"name,omitempty"`
	// Moments in their designed order; at least one.
	Moments []Moment `json:"moments"`
	// Flows are the allowed transitions, branches and loops. When empty, the
	// moments follow one another in order. In both cases a journey may also
	// pass over any Optional moment without a deviation.
	Flows []Flow `json:"flows,omitempty"`
	// Start is the moment a journey starts at; default the first moment.
	Start string `json:"start,omitempty"`
	// Ends are the moments that complete a journey; default the last moment.
	Ends []string `json:"ends,omitempty"`
	// Outcome is the moment whose rating is a journey's final outcome (the
	// rating at the reaction stage, or a recommendation), used to find
	// critical moments from data. Default: the last moment whose Stage is
	// Reaction, or else the first end.
	Outcome string `json:"outcome,omitempty"`
}

// Cycle is a validated cycle of service (ciclo del servicio): the map of the
// moments of truth as the customer lives them, with the allowed order,
// branches and loops. A Cycle is immutable and safe for concurrent use.
// Build one with [NewCycle] (or decode it from JSON); the zero Cycle has no
// moments and is not a valid design.
type Cycle struct {
	cfg     CycleConfig
	index   map[string]int
	start   int
	isEnd   []bool
	outcome int
	// allowed[a*n+b]: b may follow a directly or over optional moments only.
	allowed []bool
	// entry[b]: a journey may begin at b (start, or over optional moments).
	entry []bool
	// finish[a]: a journey that lived a has reached an end (a is an end, or
	// only optional moments separate a from an end).
	finish []bool
	// next[a*n+b]: first moment on a shortest flow path from a to b, or -1.
	next []int32
	// flow[a*n+b]: the design has a flow a→b (explicit, or the implicit sequence).
	flow []bool
	// out[a] and in[b]: the flows from a and into b, in cycle order; the
	// alignment's initial state n has the one flow n→start.
	out, in [][]int32
	// minPath is the least number of required moments on a path from the
	// start to an end: the cost of aligning an empty journey.
	minPath int
}

// NewCycle validates cfg and returns the cycle. Every problem is reported at
// once (errors.Join), each wrapping [ErrInvalidCycle]: no moments, an empty,
// blank or duplicate id, an undefined enum value, a bad standard, a flow,
// start, end or outcome naming an unknown moment, a moment the start cannot
// reach, a moment from which no end can be reached.
func NewCycle(cfg CycleConfig) (*Cycle, error) {
	cfg = cloneConfig(cfg)
	v := &cycleValidator{cfg: cfg}
	n := len(cfg.Moments)
	if n == 0 {
		v.bad("no moments")
		return nil, v.err()
	}
	if n > MaxMoments {
		v.bad("%d moments, more than %d", n, MaxMoments)
		return nil, v.err()
	}
	c := &Cycle{cfg: cfg, index: make(map[string]int, n)}
	v.moments(c)
	adj := v.flows(c)
	v.ends(c)
	if v.failed() {
		return nil, v.err()
	}
	c.defaultOutcome()
	c.shortestPaths(adj)
	v.reachability(c)
	if v.failed() {
		return nil, v.err()
	}
	c.optionalClosure(adj)
	c.adjacency(adj)
	return c, nil
}

// cycleValidator collects the problems of a configuration.
type cycleValidator struct {
	cfg  CycleConfig
	errs []error
}

func (v *cycleValidator) bad(format string, args ...any) {
	v.errs = append(v.errs, fmt.Errorf("servicecycle: cycle %q: "+format+": %w", append(append([]any{v.cfg.Name}, args...), ErrInvalidCycle)...))
}

func (v *cycleValidator) failed() bool { return len(v.errs) > 0 }

func (v *cycleValidator) err() error { return errors.Join(v.errs...) }

// lookup returns the index of moment id, or -1 after reporting field.
func (v *cycleValidator) lookup(c *Cycle, field, id string) int {
	i, ok := c.index[id]
	if !ok {
		v.bad("%s %q: unknown moment", field, id)
		return -1
	}
	return i
}

// moments indexes the moments and checks their ids, enums and standards.
func (v *cycleValidator) moments(c *Cycle) {
	for i, m := range v.cfg.Moments {
		switch {
		case m.ID == "":
			v.bad("moment %d: empty id", i)
		case strings.TrimSpace(m.ID) == "":
			v.bad("moment %d: id %q is blank", i, m.ID)
		default:
			if j, dup := c.index[m.ID]; dup {
				v.bad("moment %d: id %q already used by moment %d", i, m.ID, j)
			} else {
				c.index[m.ID] = i
			}
		}
		if !m.Stage.IsValid() || !m.Step.IsValid() || !m.Channel.IsValid() || !m.Mode.IsValid() || !m.Stance.IsValid() {
			v.bad("moment %q: undefined stage, step, channel, mode or stance", m.ID)
		}
		if err := m.Standards.validate(fmt.Sprintf("cycle %q: moment %q", v.cfg.Name, m.ID)); err != nil {
			v.errs = append(v.errs, err)
		}
	}
}

// flows returns the adjacency lists of the design (the implicit sequence
// when the config has no flows) and fills c.flow.
func (v *cycleValidator) flows(c *Cycle) [][]int {
	n := len(v.cfg.Moments)
	adj := make([][]int, n)
	if len(v.cfg.Flows) == 0 {
		for i := 0; i+1 < n; i++ {
			adj[i] = append(adj[i], i+1)
		}
	}
	for k, f := range v.cfg.Flows {
		a, b := v.lookup(c, fmt.Sprintf("flow %d: from", k), f.From), v.lookup(c, fmt.Sprintf("flow %d: to", k), f.To)
		if a >= 0 && b >= 0 && !slices.Contains(adj[a], b) {
			adj[a] = append(adj[a], b)
		}
	}
	c.flow = make([]bool, n*n)
	for a, bs := range adj {
		slices.Sort(adj[a])
		for _, b := range bs {
			c.flow[a*n+b] = true
		}
	}
	return adj
}

// ends resolves the start, the ends and the outcome.
func (v *cycleValidator) ends(c *Cycle) {
	n := len(v.cfg.Moments)
	c.start = 0
	if v.cfg.Start != "" {
		c.start = v.lookup(c, "start", v.cfg.Start)
	}
	c.isEnd = make([]bool, n)
	if len(v.cfg.Ends) == 0 {
		c.isEnd[n-1] = true
	}
	for _, id := range v.cfg.Ends {
		if i := v.lookup(c, "end", id); i >= 0 {
			c.isEnd[i] = true
		}
	}
	c.outcome = -1
	if v.cfg.Outcome != "" {
		c.outcome = v.lookup(c, "outcome", v.cfg.Outcome)
	}
}

// defaultOutcome picks the last reaction-stage moment, or else the first end.
func (c *Cycle) defaultOutcome() {
	if c.outcome >= 0 {
		return
	}
	for i := len(c.cfg.Moments) - 1; i >= 0; i-- {
		if c.cfg.Moments[i].Stage == Reaction {
			c.outcome = i
			return
		}
	}
	c.outcome = slices.Index(c.isEnd, true)
}

// shortestPaths fills c.next by a breadth-first search from every moment.
func (c *Cycle) shortestPaths(adj [][]int) {
	n := len(adj)
	c.next = make([]int32, n*n)
	for i := range c.next {
		c.next[i] = -1
	}
	queue := make([]int, 0, n)
	for a := range n {
		row := c.next[a*n : (a+1)*n]
		queue = queue[:0]
		for _, b := range adj[a] {
			if row[b] < 0 {
				row[b] = int32(b)
				queue = append(queue, b)
			}
		}
		for len(queue) > 0 {
			x := queue[0]
			queue = queue[1:]
			for _, y := range adj[x] {
				if row[y] < 0 {
					row[y] = row[x]
					queue = append(queue, y)
				}
			}
		}
	}
}

// reachability reports moments the start cannot reach or that reach no end.
func (v *cycleValidator) reachability(c *Cycle) {
	n := len(v.cfg.Moments)
	reach := func(a, b int) bool { return a == b || c.next[a*n+b] >= 0 }
	for i, m := range v.cfg.Moments {
		if !reach(c.start, i) {
			v.bad("moment %q: unreachable from start %q", m.ID, v.cfg.Moments[c.start].ID)
		}
		canEnd := false
		for e := range n {
			if c.isEnd[e] && reach(i, e) {
				canEnd = true
				break
			}
		}
		if !canEnd {
			v.bad("moment %q: no end can be reached from it", m.ID)
		}
	}
}

// optionalClosure fills allowed, entry and finish: the transitions, starts
// and ends that pass over optional moments only.
func (c *Cycle) optionalClosure(adj [][]int) {
	n := len(adj)
	optional := func(i int) bool { return c.cfg.Moments[i].Optional }
	c.allowed = make([]bool, n*n)
	seen := make([]bool, n)
	var queue []int
	for a := range n {
		clear(seen)
		queue = append(queue[:0], adj[a]...)
		for len(queue) > 0 {
			x := queue[0]
			queue = queue[1:]
			if seen[x] {
				continue
			}
			seen[x] = true
			c.allowed[a*n+x] = true
			if optional(x) {
				queue = append(queue, adj[x]...)
			}
		}
	}
	c.entry = make([]bool, n)
	c.entry[c.start] = true
	if optional(c.start) {
		for b := range n {
			if c.allowed[c.start*n+b] {
				c.entry[b] = true
			}
		}
	}
	c.finish = slices.Clone(c.isEnd)
	for a := range n {
		for e := range n {
			if c.isEnd[e] && c.allowed[a*n+e] && optional(e) {
				c.finish[a] = true
			}
		}
	}
}

// adjacency fills out, in and minPath for the alignment.
func (c *Cycle) adjacency(adj [][]int) {
	n := len(adj)
	c.out, c.in = make([][]int32, n+1), make([][]int32, n+1)
	for a, bs := range adj {
		for _, b := range bs {
			c.out[a] = append(c.out[a], int32(b))
			c.in[b] = append(c.in[b], int32(a))
		}
	}
	c.out[n] = []int32{int32(c.start)}
	c.in[c.start] = append(c.in[c.start], int32(n))
	for b := range c.in {
		slices.Sort(c.in[b])
	}
	al := newAligner(c)
	c.minPath = al.emptyCost()
}

// MustCycle is like [NewCycle] but panics on error; for literals only.
func MustCycle(cfg CycleConfig) *Cycle {
	c, err := NewCycle(cfg)
	if err != nil {
		panic(err)
	}
	return c
}

func cloneConfig(cfg CycleConfig) CycleConfig {
	cfg.Moments = slices.Clone(cfg.Moments)
	for i := range cfg.Moments {
		cfg.Moments[i].Context = slices.Clone(cfg.Moments[i].Context)
	}
	cfg.Flows = slices.Clone(cfg.Flows)
	cfg.Ends = slices.Clone(cfg.Ends)
	return cfg
}

// Config returns a copy of the configuration the cycle was built from.
func (c *Cycle) Config() CycleConfig { return cloneConfig(c.cfg) }

// Name returns the cycle's name.
func (c *Cycle) Name() string { return c.cfg.Name }

// Len returns the number of moments.
func (c *Cycle) Len() int { return len(c.cfg.Moments) }

// Moments returns a copy of the moments in their designed order.
func (c *Cycle) Moments() []Moment { return cloneConfig(c.cfg).Moments }

// Moment returns the moment with the given id.
func (c *Cycle) Moment(id string) (Moment, bool) {
	i, ok := c.index[id]
	if !ok {
		return Moment{}, false
	}
	return cloneConfig(CycleConfig{Moments: c.cfg.Moments[i : i+1]}).Moments[0], true
}

// Start returns the id of the moment journeys start at.
func (c *Cycle) Start() string {
	if c.Len() == 0 {
		return ""
	}
	return c.cfg.Moments[c.start].ID
}

// Ends returns the ids of the moments that complete a journey, in cycle order.
func (c *Cycle) Ends() []string {
	var out []string
	for i, e := range c.isEnd {
		if e {
			out = append(out, c.cfg.Moments[i].ID)
		}
	}
	return out
}

// Outcome returns the id of the moment whose rating is a journey's outcome.
func (c *Cycle) Outcome() string {
	if c.Len() == 0 {
		return ""
	}
	return c.cfg.Moments[c.outcome].ID
}

// Flows returns the allowed transitions in cycle order of their origin, then
// of their destination (the implicit sequence when the config gave none).
func (c *Cycle) Flows() []Flow {
	n := len(c.cfg.Moments)
	var out []Flow
	for a := range n {
		for b := range n {
			if c.direct(a, b) {
				out = append(out, Flow{From: c.cfg.Moments[a].ID, To: c.cfg.Moments[b].ID})
			}
		}
	}
	return out
}

// direct reports whether the config has a flow a→b (or the implicit sequence).
func (c *Cycle) direct(a, b int) bool { return c.flow[a*len(c.cfg.Moments)+b] }

// Allows reports whether a journey may go from moment from to moment to
// without a deviation: a flow joins them, or only optional moments lie between.
func (c *Cycle) Allows(from, to string) bool {
	a, ok1 := c.index[from]
	b, ok2 := c.index[to]
	return ok1 && ok2 && c.allowed[a*c.Len()+b]
}

// MarshalJSON writes the cycle's configuration.
func (c *Cycle) MarshalJSON() ([]byte, error) { return json.Marshal(c.cfg) }

// UnmarshalJSON reads a configuration and validates it with [NewCycle]; on
// error *c is unchanged. Unknown fields (a misspelt "critcal") are refused
// with an error naming them.
func (c *Cycle) UnmarshalJSON(data []byte) error {
	var cfg CycleConfig
	if err := decodeStrict(data, &cfg, "cycle"); err != nil {
		if errors.Is(err, ErrInvalidCycle) {
			return err
		}
		return fmt.Errorf("servicecycle: cycle JSON: %w: %w", err, ErrInvalidCycle)
	}
	nc, err := NewCycle(cfg)
	if err != nil {
		return err
	}
	*c = *nc
	return nil
}
