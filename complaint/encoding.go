package complaint

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ParseDuration parses a duration as Go's time.ParseDuration does ("90m",
// "4h30m"), plus whole or decimal days with the suffix "d" ("3d", "1.5d"),
// where a day is 24 hours. Negative durations are refused.
func ParseDuration(s string) (time.Duration, error) {
	t := strings.TrimSpace(s)
	var d time.Duration
	var err error
	if num, ok := strings.CutSuffix(t, "d"); ok {
		var f float64
		f, err = strconv.ParseFloat(num, 64)
		if err == nil && (f != f || f < 0 || f > float64(1<<63-1)/float64(24*time.Hour)) {
			err = fmt.Errorf("out of range")
		}
		d = time.Duration(f * float64(24*time.Hour))
	} else {
		d, err = time.ParseDuration(t)
	}
	if err != nil || d < 0 {
		return 0, fmt.Errorf("complaint: duration %q: want e.g. \"90m\", \"4h\", \"3d\" (a day is 24 h), not negative: %w", s, ErrInvalidValue)
	}
	return d, nil
}

// FormatDuration writes d as [ParseDuration] reads it: whole days as "3d",
// anything else as Go's duration string ("4h0m0s").
func FormatDuration(d time.Duration) string {
	day := 24 * time.Hour
	if d > 0 && d%day == 0 {
		return strconv.FormatInt(int64(d/day), 10) + "d"
	}
	return d.String()
}

type policyJSON struct {
	ReopenWindow        string `json:"reopen_window,omitempty"`
	MaxCallbackAttempts int    `json:"max_callback_attempts,omitempty"`
}

// MarshalJSON writes the reopen window as text ("14d").
func (p Policy) MarshalJSON() ([]byte, error) {
	j := policyJSON{MaxCallbackAttempts: p.MaxCallbackAttempts}
	if p.ReopenWindow != 0 {
		j.ReopenWindow = FormatDuration(p.ReopenWindow)
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads a policy with a text reopen window ("14d", "72h"),
// refusing unknown fields, and validates it. On error p is unchanged.
func (p *Policy) UnmarshalJSON(b []byte) error {
	var j policyJSON
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&j); err != nil {
		return fmt.Errorf("complaint: policy: %v: %w", err, ErrInvalidConfig)
	}
	q := Policy{MaxCallbackAttempts: j.MaxCallbackAttempts}
	if j.ReopenWindow != "" {
		d, err := ParseDuration(j.ReopenWindow)
		if err != nil {
			return fmt.Errorf("complaint: policy: reopen window: %w: %w", err, ErrInvalidConfig)
		}
		q.ReopenWindow = d
	}
	if err := q.Validate(); err != nil {
		return err
	}
	*p = q
	return nil
}

// UnmarshalJSON reads a cost model, refusing unknown fields, and validates
// it. On error m is unchanged.
func (m *CostModel) UnmarshalJSON(b []byte) error {
	type plain CostModel
	var q plain
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&q); err != nil {
		return fmt.Errorf("complaint: cost model: %v: %w", err, ErrInvalidConfig)
	}
	if err := CostModel(q).Validate(); err != nil {
		return err
	}
	*m = CostModel(q)
	return nil
}
