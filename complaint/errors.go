package complaint

import "errors"

// Sentinel errors. Every error the package returns wraps one of them, so
// callers can test it with errors.Is.
var (
	// ErrInvalidValue is wrapped for an unknown enum name or an undefined
	// enum value.
	ErrInvalidValue = errors.New("complaint: invalid value")

	// ErrInvalidEvent is wrapped when an event is malformed on its own: a
	// missing actor or case id, an event earlier than the case's last one, a
	// negative amount, a callback due in the past, a merge into itself.
	ErrInvalidEvent = errors.New("complaint: invalid event")

	// ErrIllegalTransition is wrapped when the lifecycle has no transition for
	// an event in the case's current state. The error names both.
	ErrIllegalTransition = errors.New("complaint: illegal transition")

	// ErrGuard is wrapped when a transition exists but one of the protocols
	// that guard it is not met (an upheld claim without a remedy, a rejection
	// without justification or alternative, a close before the required
	// callback, an escalation without hand-off note, a reopen after the
	// window).
	ErrGuard = errors.New("complaint: guard not met")

	// ErrConflict is returned by a [Store] when a write was based on a stale
	// version of the case. Nothing was written.
	ErrConflict = errors.New("complaint: version conflict")

	// ErrNotFound is returned when a case does not exist.
	ErrNotFound = errors.New("complaint: case not found")

	// ErrBrokenTrail is wrapped when a trail fails verification: an entry was
	// modified, removed, inserted or reordered, or the trail is shorter than
	// its anchored head. The error is a [*TrailError] naming the entry.
	ErrBrokenTrail = errors.New("complaint: broken trail")

	// ErrInvalidQuery is wrapped when a [Query] or a cursor is rejected.
	ErrInvalidQuery = errors.New("complaint: invalid query")

	// ErrInvalidConfig is wrapped when a configuration (desk, policy, cost
	// model, lexicon) is rejected.
	ErrInvalidConfig = errors.New("complaint: invalid configuration")
)
