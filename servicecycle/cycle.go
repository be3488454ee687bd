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
	// finish[a]: a journey ending at a is complete (a is an end, or only
	// optional moments separate a from an end).
	finish []bool
	// next[a*n+b]: first moment on a shortest flow path from a to b, or -1.
	next []int32
	// flow[a*n+b]: the design has a flow a→b (explicit, or the implicit sequence).
	flow []bool
}

// NewCycle validates cfg and returns the cycle. Every problem is reported at
// once (errors.Join), each wrapping [ErrInvalidCycle]: no moments, an empty
// or duplicate id, an undefined enum value, a bad standard, a flow, start,
// end or outcome naming an unknown moment, a moment the start cannot reach,
// a moment from which no end can be reached.
func NewCycle(cfg CycleConfig) (*Cycle, error) {
	cfg = cloneConfig(cfg)
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("servicecycle: cycle %q: "+format+": %w", append(append([]any{cfg.Name}, args...), ErrInvalidCycle)...))
	}
	n := len(cfg.Moments)
	if n == 0 {
		bad("no moments")
		return nil, errors.Join(errs...)
	}
	if n > MaxMoments {
		bad("%d moments, more than %d", n, MaxMoments)
		return nil, errors.Join(errs...)
	}
	c := &Cycle{cfg: cfg, index: make(map[string]int, n)}
	for i, m := range cfg.Moments {
		switch {
		case m.ID == "":
			bad("moment %d: empty id", i)
		case strings.TrimSpace(m.ID) == "":
			bad("moment %d: id %q is blank", i, m.ID)
		default:
			if j, dup := c.index[m.ID]; dup {
				bad("moment %d: id %q already used by moment %d", i, m.ID, j)
			} else {
				c.index[m.ID] = i
			}
		}
		if !m.Stage.IsValid() || !m.Step.IsValid() || !m.Channel.IsValid() || !m.Mode.IsValid() || !m.Stance.IsValid() {
			bad("moment %q: undefined stage, step, channel, mode or stance", m.ID)
		}
		if err := m.Standards.validate(fmt.Sprintf("cycle %q: moment %q", cfg.Name, m.ID)); err != nil {
			errs = append(errs, err)
		}
	}
	lookup := func(field, id string) int {
		i, ok := c.index[id]
		if !ok {
			bad("%s %q: unknown moment", field, id)
			return -1
		}
		return i
	}
	adj := make([][]int, n)
	if len(cfg.Flows) == 0 {
		for i := 0; i+1 < n; i++ {
			adj[i] = append(adj[i], i+1)
		}
	}
	for k, f := range cfg.Flows {
		a, b := lookup(fmt.Sprintf("flow %d: from", k), f.From), lookup(fmt.Sprintf("flow %d: to", k), f.To)
		if a >= 0 && b >= 0 && !slices.Contains(adj[a], b) {
			adj[a] = append(adj[a], b)
		}
	}
	c.flow = make([]bool, n*n)
	for a, bs := range adj {
		for _, b := range bs {
			c.flow[a*n+b] = true
		}
	}
	c.start = 0
	if cfg.Start != "" {
		c.start = lookup("start", cfg.Start)
	}
	c.isEnd = make([]bool, n)
	if len(cfg.Ends) == 0 {
		c.isEnd[n-1] = true
	}
	for _, id := range cfg.Ends {
		if i := lookup("end", id); i >= 0 {
			c.isEnd[i] = true
		}
	}
	c.outcome = -1
	if cfg.Outcome != "" {
		c.outcome = lookup("outcome", cfg.Outcome)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if c.outcome < 0 {
		for i := n - 1; i >= 0; i-- {
			if cfg.Moments[i].Stage == Reaction {
				c.outcome = i
				break
			}
		}
	}
	if c.outcome < 0 {
		c.outcome = slices.Index(c.isEnd, true)
	}

	// Shortest paths (BFS from every moment) give reachability and next hops.
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
	reach := func(a, b int) bool { return a == b || c.next[a*n+b] >= 0 }
	for i, m := range cfg.Moments {
		if !reach(c.start, i) {
			bad("moment %q: unreachable from start %q", m.ID, cfg.Moments[c.start].ID)
		}
		canEnd := false
		for e := range n {
			if c.isEnd[e] && reach(i, e) {
				canEnd = true
				break
			}
		}
		if !canEnd {
			bad("moment %q: no end can be reached from it", m.ID)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}

	// Transitions over optional moments only.
	optional := func(i int) bool { return cfg.Moments[i].Optional }
	c.allowed = make([]bool, n*n)
	seen := make([]bool, n)
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
			if c.isEnd[e] && (c.allowed[a*n+e] && optional(e)) {
				c.finish[a] = true
			}
		}
	}
	return c, nil
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
