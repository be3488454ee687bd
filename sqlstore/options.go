package sqlstore

import (
	"errors"
	"fmt"
	"time"

	"github.com/servuction/servuction/internal/enum"
)

// Synchronous is how a SQLite store makes a commit durable in WAL mode, its
// PRAGMA synchronous. The zero value is [SynchronousFull].
type Synchronous uint8

// The durability settings a SQLite store offers.
const (
	// SynchronousFull syncs the write-ahead log to disk at every commit:
	// when Append returns nil the entries survive a power loss. The default.
	SynchronousFull Synchronous = iota
	// SynchronousNormal syncs the write-ahead log only at checkpoints: a
	// crash of the process loses nothing, but a power loss or an operating
	// system crash can roll back the last commits (never corrupt the file
	// or break the chain). Faster; for hosts that accept that window.
	SynchronousNormal
)

var synchronousNames = enum.New("sqlstore: synchronous", ErrInvalidOptions,
	[]string{"full", "normal"}, map[string]Synchronous{"2": SynchronousFull, "1": SynchronousNormal})

// ParseSynchronous returns the setting named s ("full", "normal", or
// SQLite's numbers "2", "1"), ignoring case.
func ParseSynchronous(s string) (Synchronous, error) { return synchronousNames.Parse(s) }

// String returns the setting's name, as SQLite spells it in lower case.
func (s Synchronous) String() string { return synchronousNames.String(s) }

// IsValid reports whether s is a defined setting.
func (s Synchronous) IsValid() bool { return synchronousNames.Valid(s) }

// MarshalText implements encoding.TextMarshaler.
func (s Synchronous) MarshalText() ([]byte, error) { return synchronousNames.MarshalText(s) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseSynchronous].
func (s *Synchronous) UnmarshalText(text []byte) error {
	return synchronousNames.UnmarshalText(s, text)
}

// Options configures a [Store]. The zero value is the durable default.
type Options struct {
	// Synchronous is SQLite's durability setting; PostgreSQL ignores it and
	// follows the server's synchronous_commit (on by default: a commit is
	// flushed to the server's disk before it is acknowledged).
	Synchronous Synchronous
	// BusyTimeout is how long a SQLite write waits for the write lock that
	// another connection or process holds before it fails; 0 means one
	// minute. The context of the call ends the wait sooner. PostgreSQL
	// ignores it: a write waits for its row locks until its context ends.
	BusyTimeout time.Duration
	// MaxOpenConns limits the connections to the database; 0 means no limit
	// (database/sql's default). An in-memory SQLite store always uses one
	// connection, since each connection would see a database of its own.
	MaxOpenConns int
}

// Validate reports every field of o that is out of range, each error
// wrapping [ErrInvalidOptions].
func (o Options) Validate() error {
	var errs []error
	if !o.Synchronous.IsValid() {
		errs = append(errs, fmt.Errorf("sqlstore: options: synchronous %d is not defined: %w", o.Synchronous, ErrInvalidOptions))
	}
	if o.BusyTimeout < 0 {
		errs = append(errs, fmt.Errorf("sqlstore: options: busy timeout %v is negative: %w", o.BusyTimeout, ErrInvalidOptions))
	}
	if o.MaxOpenConns < 0 {
		errs = append(errs, fmt.Errorf("sqlstore: options: max open connections %d is negative: %w", o.MaxOpenConns, ErrInvalidOptions))
	}
	return errors.Join(errs...)
}

// busyTimeout returns the busy timeout in whole milliseconds, at least 1.
func (o Options) busyTimeout() int64 {
	if o.BusyTimeout == 0 {
		return int64(time.Minute / time.Millisecond)
	}
	return max(1, int64(o.BusyTimeout/time.Millisecond))
}
