package complaint

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/servuction/servuction/sla"
)

type policyJSON struct {
	ReopenWindow        string `json:"reopen_window,omitempty"`
	MaxCallbackAttempts int    `json:"max_callback_attempts,omitempty"`
}

// MarshalJSON writes the reopen window as text ("14d"), in the format of
// sla.FormatDuration.
func (p Policy) MarshalJSON() ([]byte, error) {
	j := policyJSON{MaxCallbackAttempts: p.MaxCallbackAttempts}
	if p.ReopenWindow != 0 {
		j.ReopenWindow = sla.FormatDuration(p.ReopenWindow)
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
		d, err := sla.ParseDuration(j.ReopenWindow)
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
