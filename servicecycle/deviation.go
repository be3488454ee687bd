package servicecycle

import "github.com/servuction/servuction/internal/enum"

// Deviation is a kind of departure of a journey from its designed cycle, as
// an optimal alignment of the journey to the cycle reads it (see
// [Cycle.Align]). The zero value is [DeviationUnknown].
type Deviation uint8

// The kinds of deviation, in the order an [Analysis] lists them.
const (
	DeviationUnknown Deviation = iota // not a deviation
	// Skipped: a required moment of the designed path was not lived, though
	// the journey went on past it (or started after it).
	Skipped
	// Repeated: the journey lived a moment again, where the design does not
	// lead back to it.
	Repeated
	// OutOfOrder: the journey lived a moment in a place the design does not
	// put it (too early, too late, or on another branch).
	OutOfOrder
	// UnknownMoment: the log names a moment the cycle does not have.
	UnknownMoment
	// NotReached: the journey stopped before a required moment on its way
	// to an end: it lived nothing of the designed path after it.
	NotReached
)

var deviationNames = enum.New("servicecycle: deviation", ErrInvalidValue,
	[]string{"unknown", "skipped", "repeated", "out-of-order", "unknown-moment", "not-reached"},
	map[string]Deviation{"desconocido": DeviationUnknown, "omitido": Skipped, "saltado": Skipped,
		"repetido": Repeated, "fuera de orden": OutOfOrder, "desordenado": OutOfOrder,
		"momento desconocido": UnknownMoment, "no alcanzado": NotReached, "sin alcanzar": NotReached})

// Deviations returns the five kinds of deviation in order.
func Deviations() []Deviation {
	return []Deviation{Skipped, Repeated, OutOfOrder, UnknownMoment, NotReached}
}

// ParseDeviation returns the deviation kind named s ("skipped", "repetido", …).
func ParseDeviation(s string) (Deviation, error) { return deviationNames.Parse(s) }

// String returns the deviation kind's English name.
func (d Deviation) String() string { return deviationNames.String(d) }

// IsValid reports whether d is a defined deviation kind (including DeviationUnknown).
func (d Deviation) IsValid() bool { return deviationNames.Valid(d) }

// MarshalText implements encoding.TextMarshaler.
func (d Deviation) MarshalText() ([]byte, error) { return deviationNames.MarshalText(d) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseDeviation].
func (d *Deviation) UnmarshalText(text []byte) error { return deviationNames.UnmarshalText(d, text) }
