package servicecycle

import "errors"

// The sentinels wrapped by every error this package returns, for errors.Is.
var (
	// ErrInvalidValue is wrapped when an enum name cannot be parsed or an
	// undefined enum value is marshalled.
	ErrInvalidValue = errors.New("servicecycle: invalid value")
	// ErrInvalidCycle is wrapped when a cycle of service is malformed: a
	// missing, blank or duplicate moment id, an unknown JSON field, a dangling reference, an unreachable
	// moment, a moment from which no end can be reached.
	ErrInvalidCycle = errors.New("servicecycle: invalid cycle")
	// ErrInvalidEncounter is wrapped when an encounter cannot be analysed: no
	// (or a blank) case id or moment, an unknown JSON field, no instant, a rating outside the 1–5 scale, a
	// negative duration.
	ErrInvalidEncounter = errors.New("servicecycle: invalid encounter")
	// ErrInvalidTriangle is wrapped when a service-triangle score is out of
	// range or names an undefined side, system or perspective.
	ErrInvalidTriangle = errors.New("servicecycle: invalid triangle")
	// ErrCycleMismatch is wrapped when two analyzers, groupers, aggregates
	// or variant counts built on different cycles are merged.
	ErrCycleMismatch = errors.New("servicecycle: cycle mismatch")
	// ErrInvalidSummary is wrapped when a journey summary is malformed or
	// does not agree with the cycle it is added to.
	ErrInvalidSummary = errors.New("servicecycle: invalid journey summary")
	// ErrInvalidAggregate is wrapped when an encoded aggregate, variant
	// count or grouper is corrupt or inconsistent.
	ErrInvalidAggregate = errors.New("servicecycle: invalid aggregate")
	// ErrInvalidLog is wrapped when an event log cannot be read: a bad
	// column mapping, a bad line.
	ErrInvalidLog = errors.New("servicecycle: invalid event log")
)
