package sqlstore

import "errors"

// Sentinel errors of the package, for errors.Is. Errors about cases and the
// trail wrap the complaint package's sentinels instead ([complaint.ErrConflict],
// [complaint.ErrNotFound], [complaint.ErrInvalidEvent],
// [complaint.ErrBrokenTrail]), so a desk treats every store alike.
var (
	// ErrInvalidAddress is wrapped when an address given to [Open] or
	// [ParseAddress] is malformed or names an unknown database.
	ErrInvalidAddress = errors.New("sqlstore: invalid address")

	// ErrInvalidOptions is wrapped when [Options] are rejected.
	ErrInvalidOptions = errors.New("sqlstore: invalid options")

	// ErrSchema is wrapped when the database's schema cannot be used: its
	// version is newer than this build knows, a migration recorded in it is
	// not the one this build embeds under that number, or a setting the
	// store relies on (SQLite's WAL mode) could not be applied.
	ErrSchema = errors.New("sqlstore: unusable schema")
)
