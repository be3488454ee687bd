package servicecycle

import (
	"encoding/json"
	"errors"
	"fmt"
)

// MarshalJSON writes the set as a list of fail point names, in order.
func (s FailPointSet) MarshalJSON() ([]byte, error) {
	list := s.List()
	if list == nil {
		list = []FailPoint{}
	}
	return json.Marshal(list)
}

// UnmarshalJSON reads a list of fail point names (English or Spanish), each
// at most once; [FailUnknown] is refused.
func (s *FailPointSet) UnmarshalJSON(data []byte) error {
	var list []FailPoint
	if err := json.Unmarshal(data, &list); err != nil {
		return err
	}
	var out FailPointSet
	for _, f := range list {
		if f == FailUnknown || out.Has(f) {
			return fmt.Errorf("servicecycle: fail points: %s undefined or repeated: %w", f, ErrInvalidValue)
		}
		out |= 1 << f
	}
	*s = out
	return nil
}

// journeySummaryJSON has the fields of JourneySummary without its methods.
type journeySummaryJSON JourneySummary

// UnmarshalJSON reads a summary, refusing unknown fields and malformed
// steps (blank moment, instant out of range, negative duration, rating out
// of 1–5, undefined channel, steps out of time order); the error wraps
// [ErrInvalidSummary] and *s is unchanged. Whether the summary agrees with a
// cycle is checked by [Aggregate.Add].
func (s *JourneySummary) UnmarshalJSON(data []byte) error {
	var j journeySummaryJSON
	if err := decodeStrict(data, &j, "journey summary"); err != nil {
		return fmt.Errorf("servicecycle: journey summary JSON: %w: %w", err, ErrInvalidSummary)
	}
	out := JourneySummary(j)
	out.cycle = nil
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("servicecycle: journey summary %q: "+format+": %w",
			append(append([]any{out.Case}, args...), ErrInvalidSummary)...))
	}
	if isBlank(out.Case) {
		bad("blank case")
	}
	if len(out.Steps) == 0 {
		bad("no steps")
	}
	for i := range out.Steps {
		out.Steps[i].node = -1
		checkStep(bad, i, out.Steps[i])
		if i > 0 && out.Steps[i].At.Before(out.Steps[i-1].At) {
			bad("step %d before step %d", i+1, i)
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	*s = out
	return nil
}
