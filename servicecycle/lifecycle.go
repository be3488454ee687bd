package servicecycle

import "github.com/servuction/servuction/internal/enum"

// Lifecycle tells what an encounter records of a visit to a moment, as an
// event log's lifecycle transition does (XES lifecycle:transition): the
// whole visit at one instant, or its start or its completion. A start and
// the next completion of the same moment in the same journey make one
// visit, whose duration is the service time at the moment; the time from
// the previous moment's end to a visit's start is waiting time. The zero
// value is [Instant].
type Lifecycle uint8

// The lifecycle transitions.
const (
	// Instant: the encounter is the whole visit (its Duration, if logged,
	// is the time spent at the moment).
	Instant Lifecycle = iota
	// Start: the visit begins.
	Start
	// Complete: the visit ends.
	Complete
)

var lifecycleNames = enum.New("servicecycle: lifecycle", ErrInvalidValue,
	[]string{"instant", "start", "complete"},
	map[string]Lifecycle{"puntual": Instant, "instante": Instant, "atomic": Instant, "inicio": Start,
		"comienzo": Start, "begin": Start, "fin": Complete, "final": Complete, "completo": Complete,
		"end": Complete, "completed": Complete})

// Lifecycles returns the lifecycle transitions in order.
func Lifecycles() []Lifecycle { return []Lifecycle{Instant, Start, Complete} }

// ParseLifecycle returns the lifecycle transition named s ("start",
// "complete", "inicio", "fin", …).
func ParseLifecycle(s string) (Lifecycle, error) { return lifecycleNames.Parse(s) }

// String returns the transition's English name.
func (l Lifecycle) String() string { return lifecycleNames.String(l) }

// IsValid reports whether l is a defined lifecycle transition.
func (l Lifecycle) IsValid() bool { return lifecycleNames.Valid(l) }

// MarshalText implements encoding.TextMarshaler.
func (l Lifecycle) MarshalText() ([]byte, error) { return lifecycleNames.MarshalText(l) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseLifecycle].
func (l *Lifecycle) UnmarshalText(text []byte) error { return lifecycleNames.UnmarshalText(l, text) }
