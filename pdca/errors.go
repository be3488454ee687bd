package pdca

import "errors"

// Sentinel errors. Every error the package returns wraps one of them, so
// callers can test the kind of problem with [errors.Is].
var (
	// ErrInvalidData is wrapped when chart or capability input is malformed:
	// NaN or infinite values, negative counts, defectives above the sample
	// size, ragged subgroups, subgroups too small for a range.
	ErrInvalidData = errors.New("pdca: invalid data")
	// ErrInsufficientData is wrapped when there are fewer points than a
	// chart, a baseline or a rule needs.
	ErrInsufficientData = errors.New("pdca: insufficient data")
	// ErrInvalidSpec is wrapped for inverted or non-finite specification
	// limits and invalid standards.
	ErrInvalidSpec = errors.New("pdca: invalid specification")
	// ErrInvalidCycle is wrapped when a cycle, its plan or one of its
	// actions is incomplete or inconsistent.
	ErrInvalidCycle = errors.New("pdca: invalid cycle")
	// ErrIllegalTransition is wrapped when a cycle is asked to move to a
	// state its current state does not lead to. The cycle is left unchanged.
	ErrIllegalTransition = errors.New("pdca: illegal transition")
	// ErrInvalidName is wrapped when an enum name cannot be parsed.
	ErrInvalidName = errors.New("pdca: invalid name")
)
