package servicecycle

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/servuction/servuction"
)

// Encounter is one logged contact of a customer with a moment of truth: the
// raw material of the analysis. Encounters of one journey share a Case and
// may arrive in any order.
//
// In JSON an encounter is an object with the keys case, moment, channel
// (a [servuction.Channel] name, English or Spanish), at (RFC 3339), rating,
// duration (text: "90s", "12m", "1d" with a day of 24 hours), employee,
// failPoints (names of [FailPoint]), employeeRating, imageRating and
// lifecycle ("start", "complete"; a [Lifecycle] name); zero fields may be
// left out.
type Encounter struct {
	// Case identifies the journey: a customer, a ticket, a visit. Required.
	Case string
	// Moment is the id of the moment of truth; an id the cycle does not know
	// is accepted and reported as an unknown-moment deviation.
	Moment string
	// Channel the contact actually used (may differ from the designed one).
	Channel servuction.Channel
	// At is the instant of the contact; required, years 1678–2261.
	At time.Time
	// Rating is the customer's rating of the moment, 1–5; 0 means not rated.
	Rating int
	// Duration is the time the customer spent at the moment (the wait at a
	// wait moment); 0 means not measured.
	Duration time.Duration
	// Employee who served the customer, optional.
	Employee string
	// FailPoints observed during the encounter (errors in service,
	// difficulties in attention); each at most once.
	FailPoints []FailPoint
	// EmployeeRating is how gratified the employee says the contact left
	// them (empleado gratificado), 1–5; 0 means not asked.
	EmployeeRating int
	// ImageRating is the customer's view of the organisation's image after
	// the contact (imagen valorizada), 1–5; 0 means not asked.
	ImageRating int
	// Lifecycle tells whether the encounter is a whole visit (the zero
	// value) or the start or completion of one.
	Lifecycle Lifecycle
}

var (
	minAt = time.Unix(0, math.MinInt64+1)
	maxAt = time.Unix(0, math.MaxInt64)
)

// isBlank reports whether s is empty or only white space; the common case,
// an id starting and ending with a printable ASCII character, is decided
// without a scan.
func isBlank(s string) bool {
	if s == "" {
		return true
	}
	if first, last := s[0], s[len(s)-1]; first > ' ' && first < 0x7f && last > ' ' && last < 0x7f {
		return false
	}
	return strings.TrimSpace(s) == ""
}

// Validate checks e and reports every problem (errors.Join), each wrapping
// [ErrInvalidEncounter].
func (e Encounter) Validate() error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("servicecycle: encounter case %q moment %q: "+format+": %w",
			append(append([]any{e.Case, e.Moment}, args...), ErrInvalidEncounter)...))
	}
	switch {
	case e.Case == "":
		bad("empty case id")
	case isBlank(e.Case):
		bad("case id %q is blank", e.Case)
	}
	switch {
	case e.Moment == "":
		bad("empty moment id")
	case isBlank(e.Moment):
		bad("moment id %q is blank", e.Moment)
	}
	if e.At.IsZero() || e.At.Before(minAt) || e.At.After(maxAt) {
		bad("instant %s outside years 1678–2261", e.At.Format(time.RFC3339))
	}
	checkRating := func(field string, r int) {
		if r != 0 && (r < MinRating || r > MaxRating) {
			bad("%s %d outside %d–%d", field, r, MinRating, MaxRating)
		}
	}
	checkRating("rating", e.Rating)
	checkRating("employee rating", e.EmployeeRating)
	checkRating("image rating", e.ImageRating)
	if e.Duration < 0 {
		bad("duration %v negative", e.Duration)
	}
	if !e.Channel.IsValid() {
		bad("channel %d undefined", e.Channel)
	}
	if !e.Lifecycle.IsValid() {
		bad("lifecycle %d undefined", e.Lifecycle)
	}
	var seen uint32
	for _, f := range e.FailPoints {
		switch {
		case f == FailUnknown || f >= failPointCount:
			bad("fail point %d undefined", f)
		case seen&(1<<f) != 0:
			bad("fail point %s repeated", f)
		default:
			seen |= 1 << f
		}
	}
	return errors.Join(errs...)
}

type encounterJSON struct {
	Case           string             `json:"case"`
	Moment         string             `json:"moment"`
	Channel        servuction.Channel `json:"channel,omitempty"`
	At             time.Time          `json:"at"`
	Rating         int                `json:"rating,omitempty"`
	Duration       string             `json:"duration,omitempty"`
	Employee       string             `json:"employee,omitempty"`
	FailPoints     []FailPoint        `json:"failPoints,omitempty"`
	EmployeeRating int                `json:"employeeRating,omitempty"`
	ImageRating    int                `json:"imageRating,omitempty"`
	Lifecycle      Lifecycle          `json:"lifecycle,omitempty"`
}

// MarshalJSON writes the encounter with its duration as text ("4m30s").
func (e Encounter) MarshalJSON() ([]byte, error) {
	j := encounterJSON{Case: e.Case, Moment: e.Moment, Channel: e.Channel, At: e.At, Rating: e.Rating,
		Employee: e.Employee, FailPoints: e.FailPoints, EmployeeRating: e.EmployeeRating, ImageRating: e.ImageRating,
		Lifecycle: e.Lifecycle}
	if e.Duration != 0 {
		j.Duration = formatDuration(e.Duration)
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads an encounter (duration as text: "90s", "4m", "1d") and
// validates it; on error *e is unchanged. Unknown fields (a misspelt "ratng")
// are refused with an error naming them.
func (e *Encounter) UnmarshalJSON(data []byte) error {
	var j encounterJSON
	if err := decodeStrict(data, &j, "encounter"); err != nil {
		return fmt.Errorf("servicecycle: encounter JSON: %w: %w", err, ErrInvalidEncounter)
	}
	out := Encounter{Case: j.Case, Moment: j.Moment, Channel: j.Channel, At: j.At, Rating: j.Rating,
		Employee: j.Employee, FailPoints: j.FailPoints, EmployeeRating: j.EmployeeRating, ImageRating: j.ImageRating,
		Lifecycle: j.Lifecycle}
	if j.Duration != "" {
		d, err := parseDuration("encounter duration", j.Duration)
		if err != nil {
			return fmt.Errorf("%w: %w", err, ErrInvalidEncounter)
		}
		out.Duration = d
	}
	if err := out.Validate(); err != nil {
		return err
	}
	*e = out
	return nil
}
