package scorecard

import "errors"

// Sentinel errors. Every error the package returns wraps one of them, so
// callers can test the kind of problem with errors.Is; the message names the
// field and the offending value.
var (
	// ErrInvalidValue: an unknown enum name or an undefined enum value.
	ErrInvalidValue = errors.New("scorecard: invalid value")
	// ErrInvalidScale: a rating scale whose bounds are reversed or too wide.
	ErrInvalidScale = errors.New("scorecard: invalid scale")
	// ErrOutOfRange: a score outside its scale, NaN or infinite.
	ErrOutOfRange = errors.New("scorecard: score out of range")
	// ErrInvalidInstrument: a questionnaire, form or report card whose
	// definition is inconsistent (no items, duplicate IDs, an item without a
	// dimension, ...).
	ErrInvalidInstrument = errors.New("scorecard: invalid instrument")
	// ErrInvalidWeights: importance weights that are negative, not finite or
	// do not sum to their total (1 or 100).
	ErrInvalidWeights = errors.New("scorecard: invalid weights")
	// ErrRagged: a row or response whose length does not match the instrument.
	ErrRagged = errors.New("scorecard: ragged data")
	// ErrInsufficientData: too few items or respondents for the statistic.
	ErrInsufficientData = errors.New("scorecard: insufficient data")
	// ErrZeroVariance: an item or total with no variance, so a correlation
	// or alpha is undefined.
	ErrZeroVariance = errors.New("scorecard: zero variance")
	// ErrMismatch: two accumulators that cannot be merged (different
	// instruments, scales or item counts).
	ErrMismatch = errors.New("scorecard: accumulators do not match")
	// ErrInvalidCSV: a CSV file whose header or cells cannot be read.
	ErrInvalidCSV = errors.New("scorecard: invalid CSV")
)
