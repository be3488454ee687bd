package complaint

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/sla"
	"github.com/shopspring/decimal"
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

// costTallyJSON is the encoding of a [CostTally]: its period, currency and,
// per cause with cases, the counts and the recorded costs by kind.
type costTallyJSON struct {
	From     time.Time        `json:"from,omitzero"`
	To       time.Time        `json:"to,omitzero"`
	Currency string           `json:"currency,omitempty"`
	Causes   []causeTallyJSON `json:"causes,omitempty"`
}

type causeTallyJSON struct {
	Cause Cause           `json:"cause"`
	Cases int             `json:"cases"`
	Lost  int             `json:"lost,omitempty"`
	Tiers []tierCountJSON `json:"tiers,omitempty"`
	Costs []kindCostJSON  `json:"costs,omitempty"`
}

type tierCountJSON struct {
	Tier  Tier `json:"tier"`
	Cases int  `json:"cases"`
}

type kindCostJSON struct {
	Kind   CostKind        `json:"kind"`
	Amount decimal.Decimal `json:"amount"`
}

// MarshalJSON encodes the tally's whole state: its period, its currency and,
// for each cause with cases (in [Cause] order), the cases, the customers
// lost, the cases that reached each tier and the recorded costs by kind
// (non-zero ones, in order), so that a tally decoded from it adds and
// merges exactly as the original.
func (t CostTally) MarshalJSON() ([]byte, error) {
	j := costTallyJSON{From: t.From, To: t.To, Currency: t.currency}
	for ci, ct := range t.causes {
		if ct.cases == 0 {
			continue
		}
		c := causeTallyJSON{Cause: Cause(ci), Cases: ct.cases, Lost: ct.lost}
		for tier, n := range ct.tiers {
			if n > 0 {
				c.Tiers = append(c.Tiers, tierCountJSON{Tier(tier), n})
			}
		}
		for k, a := range ct.costs {
			if !a.IsZero() {
				c.Costs = append(c.Costs, kindCostJSON{CostKind(k), a})
			}
		}
		j.Causes = append(j.Causes, c)
	}
	return json.Marshal(j)
}

// UnmarshalJSON decodes a tally written by [CostTally.MarshalJSON],
// refusing unknown fields and a state no tally can reach: a cause, tier or
// cost kind twice, out of order or undefined, negative counts, more
// customers lost or cases at a tier than cases, costs without a currency,
// negative costs, or a period that ends before it starts. On error t is
// unchanged.
func (t *CostTally) UnmarshalJSON(b []byte) error {
	var j costTallyJSON
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&j); err != nil {
		return fmt.Errorf("complaint: cost tally: %v: %w", err, ErrInvalidValue)
	}
	if dec.More() {
		return fmt.Errorf("complaint: cost tally: trailing data: %w", ErrInvalidValue)
	}
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("complaint: cost tally: "+format+": %w", append(args, ErrInvalidValue)...))
	}
	q := CostTally{From: j.From, To: j.To, currency: j.Currency}
	if !j.From.IsZero() && !j.To.IsZero() && j.To.Before(j.From) {
		bad("period ends at %s before it starts at %s", j.To.Format(time.RFC3339), j.From.Format(time.RFC3339))
	}
	if _, err := servuction.NewMoney(decimal.Zero, j.Currency); err != nil {
		bad("currency %q is not an ISO 4217 code", j.Currency)
	}
	last := -1
	for _, c := range j.Causes {
		if int(c.Cause) <= last || !c.Cause.IsValid() {
			bad("cause %s out of order, repeated or undefined", c.Cause)
			continue
		}
		last = int(c.Cause)
		ct, cerrs := decodeCauseTally(c, j.Currency)
		errs = append(errs, cerrs...)
		q.causes[c.Cause] = ct
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	*t = q
	return nil
}

// decodeCauseTally checks and converts one cause of an encoded tally.
func decodeCauseTally(c causeTallyJSON, currency string) (causeTally, []error) {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("complaint: cost tally: cause %s: "+format+": %w", append(append([]any{c.Cause}, args...), ErrInvalidValue)...))
	}
	ct := causeTally{cases: c.Cases, lost: c.Lost}
	if c.Cases <= 0 || c.Lost < 0 || c.Lost > c.Cases {
		bad("%d cases and %d customers lost", c.Cases, c.Lost)
	}
	last := -1
	for _, tc := range c.Tiers {
		if int(tc.Tier) <= last || tc.Tier == TierUnknown || !tc.Tier.IsValid() {
			bad("tier %s out of order, repeated or undefined", tc.Tier)
			continue
		}
		last = int(tc.Tier)
		if tc.Cases <= 0 || tc.Cases > c.Cases {
			bad("%d cases at tier %s of %d", tc.Cases, tc.Tier, c.Cases)
		}
		ct.tiers[tc.Tier] = tc.Cases
	}
	last = -1
	for _, kc := range c.Costs {
		if int(kc.Kind) <= last || !kc.Kind.IsValid() {
			bad("cost kind %s out of order, repeated or undefined", kc.Kind)
			continue
		}
		last = int(kc.Kind)
		if x := kc.Amount.Exponent(); x < -maxExponent || x > maxExponent {
			bad("cost of %s: exponent %d out of range ±%d", kc.Kind, x, maxExponent)
		} else if kc.Amount.Sign() <= 0 || currency == "" {
			bad("cost %s of %s: positive amounts in the tally's currency only", kc.Amount, kc.Kind)
		}
		ct.costs[kc.Kind] = kc.Amount
	}
	return ct, errs
}

// volumeJSON is the encoding of a [Volume]: the cases per kind counted.
type volumeJSON struct {
	Kinds []kindCountJSON `json:"kinds,omitempty"`
}

type kindCountJSON struct {
	Kind  Kind `json:"kind"`
	Cases int  `json:"cases"`
}

// MarshalJSON encodes the volume's whole state: the cases counted per kind
// (non-zero ones, in [Kind] order, KindUnknown included).
func (v Volume) MarshalJSON() ([]byte, error) {
	var j volumeJSON
	for k, n := range v.kinds {
		if n > 0 {
			j.Kinds = append(j.Kinds, kindCountJSON{Kind(k), n})
		}
	}
	return json.Marshal(j)
}

// UnmarshalJSON decodes a volume written by [Volume.MarshalJSON], refusing
// unknown fields, a kind twice, out of order or undefined, and counts that
// are not positive. On error v is unchanged.
func (v *Volume) UnmarshalJSON(b []byte) error {
	var j volumeJSON
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&j); err != nil {
		return fmt.Errorf("complaint: volume: %v: %w", err, ErrInvalidValue)
	}
	if dec.More() {
		return fmt.Errorf("complaint: volume: trailing data: %w", ErrInvalidValue)
	}
	var q Volume
	last := -1
	for _, kc := range j.Kinds {
		if int(kc.Kind) <= last || !kc.Kind.IsValid() {
			return fmt.Errorf("complaint: volume: kind %s out of order, repeated or undefined: %w", kc.Kind, ErrInvalidValue)
		}
		if kc.Cases <= 0 {
			return fmt.Errorf("complaint: volume: kind %s: %d cases: %w", kc.Kind, kc.Cases, ErrInvalidValue)
		}
		last = int(kc.Kind)
		q.kinds[kc.Kind] = kc.Cases
	}
	*v = q
	return nil
}
