package sla

import (
	"encoding/json"
	"strings"
	"time"
)

// resultJSON is a Result with its durations as text.
type resultJSON struct {
	Objective      string    `json:"objective"`
	Metric         Metric    `json:"metric"`
	Scope          string    `json:"scope,omitempty"`
	Level          Level     `json:"level,omitempty"`
	Policy         string    `json:"policy,omitempty"`
	Threshold      float64   `json:"threshold"`
	Status         Status    `json:"status"`
	Target         string    `json:"target"`
	Elapsed        string    `json:"elapsed"`
	Remaining      string    `json:"remaining"`
	PercentElapsed float64   `json:"percentElapsed"`
	Deadline       time.Time `json:"deadline,omitzero"`
	BreachedAt     time.Time `json:"breachedAt,omitzero"`
	StoppedAt      time.Time `json:"stoppedAt,omitzero"`
	Cycles         int       `json:"cycles"`
	Breaches       int       `json:"breaches"`
}

// MarshalJSON writes the result with its durations as text ("4h",
// "1d2h30m", "-45m" for a negative remaining time) and its enums by name.
func (r Result) MarshalJSON() ([]byte, error) {
	return json.Marshal(resultJSON{
		Objective: r.Objective, Metric: r.Metric, Scope: r.Scope, Level: r.Level, Policy: r.Policy, Threshold: r.Threshold, Status: r.Status,
		Target: FormatDuration(r.Target), Elapsed: FormatDuration(r.Elapsed), Remaining: FormatDuration(r.Remaining),
		PercentElapsed: r.PercentElapsed, Deadline: r.Deadline, BreachedAt: r.BreachedAt, StoppedAt: r.StoppedAt,
		Cycles: r.Cycles, Breaches: r.Breaches,
	})
}

// UnmarshalJSON reads what MarshalJSON writes, refusing unknown keys; r is
// unchanged on error, and errors wrap [ErrInvalidDuration] or
// [ErrUnknownName] when a duration or a name is wrong.
func (r *Result) UnmarshalJSON(data []byte) error {
	var j resultJSON
	if err := strictDecode(data, &j); err != nil {
		return errorf(nil, "result: %v", err)
	}
	var ds [3]time.Duration
	for i, s := range []string{j.Target, j.Elapsed, j.Remaining} {
		d, err := parseSignedDuration(s)
		if err != nil {
			return errorf(nil, "result %q: %v", j.Objective, err)
		}
		ds[i] = d
	}
	*r = Result{
		Objective: j.Objective, Metric: j.Metric, Scope: j.Scope, Level: j.Level, Policy: j.Policy, Threshold: j.Threshold, Status: j.Status,
		Target: ds[0], Elapsed: ds[1], Remaining: ds[2],
		PercentElapsed: j.PercentElapsed, Deadline: j.Deadline, BreachedAt: j.BreachedAt, StoppedAt: j.StoppedAt,
		Cycles: j.Cycles, Breaches: j.Breaches,
	}
	return nil
}

// parseSignedDuration is ParseDuration with an optional leading "-".
func parseSignedDuration(s string) (time.Duration, error) {
	if rest, neg := strings.CutPrefix(strings.TrimSpace(s), "-"); neg {
		d, err := ParseDuration(rest)
		return -d, err
	}
	return ParseDuration(s)
}

// cycleJSON is a Cycle with its durations as text.
type cycleJSON struct {
	Objective  string    `json:"objective"`
	Metric     Metric    `json:"metric"`
	Scope      string    `json:"scope,omitempty"`
	Level      Level     `json:"level,omitempty"`
	Policy     string    `json:"policy,omitempty"`
	Group      string    `json:"group,omitempty"`
	Start      time.Time `json:"start"`
	Stop       time.Time `json:"stop,omitzero"`
	Target     string    `json:"target"`
	Elapsed    string    `json:"elapsed"`
	Remaining  string    `json:"remaining"`
	Paused     string    `json:"paused"`
	Status     Status    `json:"status"`
	BreachedAt time.Time `json:"breachedAt,omitzero"`
	Deadline   time.Time `json:"deadline,omitzero"`
}

// MarshalJSON writes the cycle with lowerCamelCase keys, its durations as
// text ("4h", "-45m") and its enums by name.
func (c Cycle) MarshalJSON() ([]byte, error) {
	return json.Marshal(cycleJSON{
		Objective: c.Objective, Metric: c.Metric, Scope: c.Scope, Level: c.Level, Policy: c.Policy, Group: c.Group,
		Start: c.Start, Stop: c.Stop, Target: FormatDuration(c.Target), Elapsed: FormatDuration(c.Elapsed),
		Remaining: FormatDuration(c.Remaining), Paused: FormatDuration(c.Paused), Status: c.Status,
		BreachedAt: c.BreachedAt, Deadline: c.Deadline,
	})
}

// UnmarshalJSON reads what MarshalJSON writes, refusing unknown keys; c is
// unchanged on error.
func (c *Cycle) UnmarshalJSON(data []byte) error {
	var j cycleJSON
	if err := strictDecode(data, &j); err != nil {
		return errorf(nil, "cycle: %v", err)
	}
	var ds [4]time.Duration
	for i, s := range []string{j.Target, j.Elapsed, j.Remaining, j.Paused} {
		d, err := parseSignedDuration(s)
		if err != nil {
			return errorf(nil, "cycle %q: %v", j.Objective, err)
		}
		ds[i] = d
	}
	*c = Cycle{Objective: j.Objective, Metric: j.Metric, Scope: j.Scope, Level: j.Level, Policy: j.Policy, Group: j.Group,
		Start: j.Start, Stop: j.Stop, Target: ds[0], Elapsed: ds[1], Remaining: ds[2], Paused: ds[3], Status: j.Status,
		BreachedAt: j.BreachedAt, Deadline: j.Deadline}
	return nil
}
