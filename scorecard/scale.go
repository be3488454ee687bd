package scorecard

import (
	"fmt"
	"math"

	"github.com/servuction/servuction/internal/enum"
)

// MaxScaleWidth is the widest scale accepted (Max − Min); wider ranges are
// almost certainly a mistake (a percentage typed as a rating).
const MaxScaleWidth = 1000

// Scale is an integer rating scale from Min to Max inclusive. Answers are
// integers so that accumulators keep exact integer sums and merge exactly.
type Scale struct {
	Min int `json:"min"`
	Max int `json:"max"`
}

// Common scales.
var (
	Likert5   = Scale{Min: 1, Max: 5}  // five-point agreement or satisfaction scale
	Likert7   = Scale{Min: 1, Max: 7}  // SERVQUAL's seven-point scale
	ZeroToTen = Scale{Min: 0, Max: 10} // NPS likelihood to recommend
)

// NewScale returns the scale from min to max, or an error wrapping
// [ErrInvalidScale] unless min < max and max − min ≤ [MaxScaleWidth].
func NewScale(min, max int) (Scale, error) {
	s := Scale{Min: min, Max: max}
	return s, s.Validate()
}

// Validate reports whether the scale is usable.
func (s Scale) Validate() error {
	if s.Min >= s.Max || s.Max-s.Min > MaxScaleWidth || s.Min < -MaxScaleWidth || s.Max > 2*MaxScaleWidth {
		return fmt.Errorf("scorecard: scale %d..%d: want min < max, width ≤ %d: %w", s.Min, s.Max, MaxScaleWidth, ErrInvalidScale)
	}
	return nil
}

// Contains reports whether v is a point of the scale.
func (s Scale) Contains(v int) bool { return v >= s.Min && v <= s.Max }

// ContainsFloat reports whether v is a finite number within the scale's bounds
// (used for means and competitors' scores, which need not be integers).
func (s Scale) ContainsFloat(v float64) bool {
	return !math.IsNaN(v) && v >= float64(s.Min) && v <= float64(s.Max)
}

// Reverse returns the reverse-keyed value of v: Min + Max − v.
func (s Scale) Reverse(v int) int { return s.Min + s.Max - v }

// Midpoint returns (Min + Max) / 2, the default crosshair of an
// importance–performance grid.
func (s Scale) Midpoint() float64 { return float64(s.Min+s.Max) / 2 }

// String returns "min..max".
func (s Scale) String() string { return fmt.Sprintf("%d..%d", s.Min, s.Max) }

// AnswerState says whether a question was answered. The zero value is
// [Missing], so a zero [Answer] is a question left blank.
type AnswerState uint8

// The states of an answer. Missing and not-applicable answers are never turned
// into numbers: they leave both numerator and denominator of every mean.
const (
	Missing       AnswerState = iota // sin respuesta: left blank
	Answered                         // respondida: Value holds the rating
	NotApplicable                    // no aplica (N/A): the question does not apply
)

var answerStateNames = enum.New("scorecard: answer state", ErrInvalidValue,
	[]string{"missing", "answered", "not-applicable"},
	map[string]AnswerState{"sin respuesta": Missing, "blank": Missing, "en blanco": Missing,
		"respondida": Answered, "N/A": NotApplicable, "NA": NotApplicable, "no aplica": NotApplicable})

// ParseAnswerState returns the state named s ("not-applicable", "no aplica",
// "N/A", …).
func ParseAnswerState(s string) (AnswerState, error) { return answerStateNames.Parse(s) }

// String returns the state's English name.
func (a AnswerState) String() string { return answerStateNames.String(a) }

// IsValid reports whether a is a defined state.
func (a AnswerState) IsValid() bool { return answerStateNames.Valid(a) }

// MarshalText implements encoding.TextMarshaler.
func (a AnswerState) MarshalText() ([]byte, error) { return answerStateNames.MarshalText(a) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseAnswerState].
func (a *AnswerState) UnmarshalText(text []byte) error {
	return answerStateNames.UnmarshalText(a, text)
}

// Answer is one respondent's answer to one question. The zero value is a
// missing answer; build answered ones with [Rated] and not-applicable ones
// with [NA].
type Answer struct {
	Value int         `json:"value,omitempty"` // meaningful only when State is Answered
	State AnswerState `json:"state"`
}

// Rated returns the answer v.
func Rated(v int) Answer { return Answer{Value: v, State: Answered} }

// NA returns a not-applicable answer (no aplica).
func NA() Answer { return Answer{State: NotApplicable} }

// Rating returns the value and true if the question was answered.
func (a Answer) Rating() (int, bool) { return a.Value, a.State == Answered }

// check validates a against s; item names the question in the error.
func (a Answer) check(s Scale, what string, item string) error {
	switch a.State {
	case Missing, NotApplicable:
		return nil
	case Answered:
		if !s.Contains(a.Value) {
			return fmt.Errorf("scorecard: %s %s: score %d outside scale %s: %w", what, item, a.Value, s, ErrOutOfRange)
		}
		return nil
	}
	return fmt.Errorf("scorecard: %s %s: answer state %d undefined: %w", what, item, a.State, ErrInvalidValue)
}

// Ratings returns one answered [Answer] per value, a shorthand for
// complete responses in code and tests.
func Ratings(values ...int) []Answer {
	out := make([]Answer, len(values))
	for i, v := range values {
		out[i] = Rated(v)
	}
	return out
}
