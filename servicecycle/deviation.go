package servicecycle

import "github.com/servuction/servuction/internal/enum"

// Deviation is a kind of departure of a journey from its designed cycle.
// The zero value is [DeviationUnknown].
type Deviation uint8

// The kinds of deviation, in the order an [Analysis] lists them.
const (
	DeviationUnknown Deviation = iota // not a deviation
	// Skipped: a required moment on the designed path was not lived (the
	// journey jumped over it, or started after it).
	Skipped
	// Repeated: the journey came back to a moment it had already lived
	// without a designed loop.
	Repeated
	// OutOfOrder: the journey went to a moment the design does not lead to
	// from the previous one.
	OutOfOrder
	// UnknownMoment: the log names a moment the cycle does not have.
	UnknownMoment
)

var deviationNames = enum.New("servicecycle: deviation", ErrInvalidValue,
	[]string{"unknown", "skipped", "repeated", "out-of-order", "unknown-moment"},
	map[string]Deviation{"desconocido": DeviationUnknown, "omitido": Skipped, "saltado": Skipped,
		"repetido": Repeated, "fuera de orden": OutOfOrder, "desordenado": OutOfOrder,
		"momento desconocido": UnknownMoment})

// Deviations returns the four kinds of deviation in order.
func Deviations() []Deviation { return []Deviation{Skipped, Repeated, OutOfOrder, UnknownMoment} }

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
