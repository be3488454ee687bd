package sla

import (
	"bytes"
	"encoding/json"
	"errors"
	"time"
)

// objectiveJSON is an Objective as written in JSON: targets keyed by
// priority name, durations as text.
type objectiveJSON struct {
	Name     string `json:"name,omitempty"`
	Metric   Metric `json:"metric"`
	Scope    string `json:"scope,omitempty"`
	Policy   string `json:"policy,omitempty"`
	Calendar string `json:"calendar,omitempty"`
	// PriorityCalendars is keyed by priority name.
	PriorityCalendars map[string]string `json:"priorityCalendars,omitempty"`
	Targets           map[string]string `json:"targets,omitempty"`
	Threshold         float64           `json:"threshold"`
	AtRisk            float64           `json:"atRisk,omitempty"`
	// LegacyAtRisk reads agreements written before the keys were
	// lowerCamelCase; it is never written.
	LegacyAtRisk float64   `json:"at_risk,omitempty"`
	Warnings     []Warning `json:"warnings,omitempty"`
	// PauseReasons keeps an empty list apart from an absent one.
	PauseReasons []PauseReason `json:"pauseReasons,omitzero"`
}

// MarshalJSON writes the objective with its targets as text keyed by
// priority: {"metric": "resolution", "targets": {"high": "1d", "low": "3d"},
// "threshold": 95}.
func (o Objective) MarshalJSON() ([]byte, error) {
	j := objectiveJSON{Name: o.Name, Metric: o.Metric, Scope: o.Scope, Policy: o.Policy, Calendar: o.Calendar, Threshold: o.Threshold,
		AtRisk: o.AtRisk, Warnings: o.Warnings, PauseReasons: o.PauseReasons}
	if len(o.Targets)+len(o.DayTargets) > 0 {
		j.Targets = make(map[string]string, len(o.Targets)+len(o.DayTargets))
		for _, p := range sortedPriorities(o.Targets) {
			if !p.IsValid() {
				return nil, errorf(ErrInvalidAgreement, "objective %q: target for priority %s", o.Name, p)
			}
			j.Targets[p.String()] = FormatDuration(o.Targets[p])
		}
		for _, p := range sortedKeysOf(o.DayTargets) {
			txt, err := o.DayTargets[p].MarshalText()
			if !p.IsValid() || err != nil {
				return nil, errorf(ErrInvalidAgreement, "objective %q: business-day target for priority %s", o.Name, p)
			}
			if _, both := j.Targets[p.String()]; both {
				return nil, errorf(ErrInvalidAgreement, "objective %q: %s has a target in time and in business days", o.Name, p)
			}
			j.Targets[p.String()] = string(txt)
		}
	}
	if len(o.PriorityCalendars) > 0 {
		j.PriorityCalendars = make(map[string]string, len(o.PriorityCalendars))
		for _, p := range sortedKeysOf(o.PriorityCalendars) {
			if !p.IsValid() {
				return nil, errorf(ErrInvalidAgreement, "objective %q: calendar for priority %s", o.Name, p)
			}
			j.PriorityCalendars[p.String()] = o.PriorityCalendars[p]
		}
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes. Priority and metric names may
// be English or Spanish ("alta": "4h"); durations are read with
// [ParseDuration]. An unknown field or name is an error wrapping
// [ErrInvalidAgreement]; o is unchanged on error. The objective's values are
// checked when the agreement is built.
func (o *Objective) UnmarshalJSON(data []byte) error {
	var j objectiveJSON
	if err := strictDecode(data, &j); err != nil {
		return errorf(ErrInvalidAgreement, "objective: %v", err)
	}
	if j.LegacyAtRisk != 0 {
		if j.AtRisk != 0 {
			return errorf(ErrInvalidAgreement, "objective %q: both atRisk and its old spelling at_risk", j.Name)
		}
		j.AtRisk = j.LegacyAtRisk
	}
	out := Objective{Name: j.Name, Metric: j.Metric, Scope: j.Scope, Policy: j.Policy, Calendar: j.Calendar, Threshold: j.Threshold,
		AtRisk: j.AtRisk, Warnings: j.Warnings, PauseReasons: j.PauseReasons}
	var errs []error
	if len(j.Targets) > 0 {
		out.Targets = make(map[Priority]time.Duration, len(j.Targets))
		for _, k := range sortedKeys(j.Targets) {
			p, err := ParsePriority(k)
			if err != nil {
				errs = append(errs, errorf(ErrInvalidAgreement, "objective %q: targets: %v", j.Name, err))
				continue
			}
			_, dup := out.Targets[p]
			if _, dupDays := out.DayTargets[p]; dup || dupDays {
				errs = append(errs, errorf(ErrInvalidAgreement, "objective %q: two targets for %s", j.Name, p))
				continue
			}
			if isBusinessDays(j.Targets[k]) {
				b, err := ParseBusinessDays(j.Targets[k])
				if err != nil {
					errs = append(errs, errorf(ErrInvalidAgreement, "objective %q: target for %s: %v", j.Name, p, err))
					continue
				}
				if out.DayTargets == nil {
					out.DayTargets = map[Priority]BusinessDays{}
				}
				out.DayTargets[p] = b
				continue
			}
			d, err := ParseDuration(j.Targets[k])
			if err != nil {
				errs = append(errs, errorf(ErrInvalidAgreement, "objective %q: target for %s: %v", j.Name, p, err))
				continue
			}
			out.Targets[p] = d
		}
	}
	if len(j.PriorityCalendars) > 0 {
		out.PriorityCalendars = make(map[Priority]string, len(j.PriorityCalendars))
		for _, k := range sortedKeys(j.PriorityCalendars) {
			p, err := ParsePriority(k)
			if err != nil {
				errs = append(errs, errorf(ErrInvalidAgreement, "objective %q: priorityCalendars: %v", j.Name, err))
				continue
			}
			if _, dup := out.PriorityCalendars[p]; dup {
				errs = append(errs, errorf(ErrInvalidAgreement, "objective %q: two calendars for %s", j.Name, p))
			}
			out.PriorityCalendars[p] = j.PriorityCalendars[k]
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	*o = out
	return nil
}

// agreementJSON is an agreement as written in JSON.
type agreementJSON struct {
	Name          string                     `json:"name"`
	Kind          Kind                       `json:"kind"`
	Type          AgreementType              `json:"type,omitzero"`
	Party         string                     `json:"party,omitempty"`
	Zone          ZoneRule                   `json:"zone,omitzero"`
	CustomerZones map[string]string          `json:"customerZones,omitempty"`
	Calendars     map[string]json.RawMessage `json:"calendars,omitempty"`
	Units         []Unit                     `json:"units,omitempty"`
	Policies      []Policy                   `json:"policies,omitempty"`
	Objectives    []Objective                `json:"objectives"`
	Credits       *CreditPolicy              `json:"credits,omitempty"`
	Clauses       []Clause                   `json:"clauses,omitempty"`
}

// MarshalJSON writes the agreement: its name, kind, calendars (each as its
// [CalendarConfig]), units, policies, objectives with text durations,
// credit policy and clauses. The output is deterministic.
func (a *Agreement) MarshalJSON() ([]byte, error) {
	if a == nil || !a.cfg.Kind.IsValid() {
		return nil, errorf(ErrInvalidAgreement, "marshal an agreement not built by NewAgreement")
	}
	j := agreementJSON{Name: a.cfg.Name, Kind: a.cfg.Kind, Type: a.cfg.Type, Party: a.cfg.Party,
		Zone: a.cfg.Zone, CustomerZones: a.cfg.CustomerZones, Units: a.cfg.Units, Policies: a.cfg.Policies, Objectives: a.cfg.Objectives, Clauses: a.cfg.Clauses}
	if len(a.cfg.Calendars) > 0 {
		j.Calendars = make(map[string]json.RawMessage, len(a.cfg.Calendars))
		for _, name := range sortedKeys(a.cfg.Calendars) {
			b, err := json.Marshal(a.cfg.Calendars[name].Config())
			if err != nil {
				return nil, errorf(ErrInvalidAgreement, "agreement %q: calendar %q: %v", a.cfg.Name, name, err)
			}
			j.Calendars[name] = b
		}
	}
	if !a.cfg.Credits.IsZero() {
		c := a.cfg.Credits
		j.Credits = &c
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes and validates it with
// [NewCalendar] and [NewAgreement]. Unknown fields, unknown enum names
// ("kind": "gold"), bad durations and every configuration problem are
// errors wrapping [ErrInvalidAgreement]; a leaves unchanged on error.
//
//	var a sla.Agreement
//	err := json.Unmarshal(data, &a)
func (a *Agreement) UnmarshalJSON(data []byte) error {
	var j agreementJSON
	if err := strictDecode(data, &j); err != nil {
		if errors.Is(err, ErrInvalidAgreement) {
			return err
		}
		return errorf(ErrInvalidAgreement, "agreement: %v", err)
	}
	cfg := AgreementConfig{Name: j.Name, Kind: j.Kind, Type: j.Type, Party: j.Party,
		Zone: j.Zone, CustomerZones: j.CustomerZones, Units: j.Units, Policies: j.Policies, Objectives: j.Objectives, Clauses: j.Clauses}
	if j.Credits != nil {
		cfg.Credits = *j.Credits
	}
	var errs []error
	if len(j.Calendars) > 0 {
		cfg.Calendars = make(map[string]*Calendar, len(j.Calendars))
		for _, name := range sortedKeys(j.Calendars) {
			var cc CalendarConfig
			if err := json.Unmarshal(j.Calendars[name], &cc); err != nil {
				errs = append(errs, errorf(ErrInvalidAgreement, "agreement %q: calendar %q: %v", j.Name, name, err))
				continue
			}
			cal, err := NewCalendar(cc)
			if err != nil {
				errs = append(errs, errorf(ErrInvalidAgreement, "agreement %q: calendar %q: %v", j.Name, name, err))
				continue
			}
			cfg.Calendars[name] = cal
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	b, err := NewAgreement(cfg)
	if err != nil {
		return err
	}
	*a = *b
	return nil
}

// strictDecode decodes one JSON value into v, rejecting unknown fields and
// trailing data.
func strictDecode(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("trailing data after the JSON value")
	}
	return nil
}
