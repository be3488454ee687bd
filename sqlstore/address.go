package sqlstore

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/servuction/servuction/internal/enum"
)

// Dialect is the kind of database a [Store] keeps its trail in. The zero
// value is [DialectUnknown].
type Dialect uint8

// The databases the package supports.
const (
	DialectUnknown Dialect = iota // not set
	SQLite                        // SQLite through modernc.org/sqlite (pure Go)
	PostgreSQL                    // PostgreSQL through github.com/jackc/pgx/v5/stdlib
)

var dialectNames = enum.New("sqlstore: dialect", ErrInvalidAddress,
	[]string{"unknown", "sqlite", "postgres"},
	map[string]Dialect{"sqlite3": SQLite, "postgresql": PostgreSQL, "pg": PostgreSQL, "pgx": PostgreSQL})

// ParseDialect returns the dialect named s ("sqlite", "postgres",
// "postgresql", "pg"), ignoring case.
func ParseDialect(s string) (Dialect, error) { return dialectNames.Parse(s) }

// String returns the dialect's name as it starts an address ("sqlite",
// "postgres").
func (d Dialect) String() string { return dialectNames.String(d) }

// IsValid reports whether d is a defined dialect other than
// [DialectUnknown].
func (d Dialect) IsValid() bool { return d != DialectUnknown && dialectNames.Valid(d) }

// MarshalText implements encoding.TextMarshaler.
func (d Dialect) MarshalText() ([]byte, error) { return dialectNames.MarshalText(d) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseDialect].
func (d *Dialect) UnmarshalText(text []byte) error { return dialectNames.UnmarshalText(d, text) }

// Memory is the target of an in-memory SQLite store: "sqlite::memory:".
const Memory = ":memory:"

// Address names a store's database: a dialect and its target, a SQLite file
// path (or [Memory]) or a PostgreSQL connection string. It is written
//
//	sqlite:FILE                      a SQLite file, created if missing
//	sqlite::memory:                  an in-memory SQLite database
//	postgres:DSN                     PostgreSQL; DSN is a URL or key=value pairs
//	postgres://user@host:5432/db     a PostgreSQL URL on its own
//
// "postgresql" is accepted for "postgres". A PostgreSQL DSN is handed to pgx
// as it is: "search_path=NAME" (a URL parameter or a pair) puts the store's
// tables in that schema.
type Address struct {
	Dialect Dialect
	Target  string
}

// ParseAddress parses an address of the form documented on [Address]. An
// empty target, an unknown dialect or a target with a NUL byte is refused
// with an error wrapping [ErrInvalidAddress]; the error never repeats a
// password.
func ParseAddress(s string) (Address, error) {
	lower := strings.ToLower(s)
	if strings.HasPrefix(lower, "postgres://") || strings.HasPrefix(lower, "postgresql://") {
		return checkTarget(Address{PostgreSQL, s}, s)
	}
	name, target, ok := strings.Cut(s, ":")
	if !ok {
		return Address{}, fmt.Errorf("sqlstore: address %q: want sqlite:FILE, sqlite::memory: or postgres:DSN: %w", redact(s), ErrInvalidAddress)
	}
	d, err := ParseDialect(name)
	if err != nil || d == DialectUnknown {
		return Address{}, fmt.Errorf("sqlstore: address %q: unknown database %q (want sqlite or postgres): %w", redact(s), name, ErrInvalidAddress)
	}
	return checkTarget(Address{d, target}, s)
}

func checkTarget(a Address, s string) (Address, error) {
	switch {
	case strings.TrimSpace(a.Target) == "":
		return Address{}, fmt.Errorf("sqlstore: address %q: the %s target is empty: %w", redact(s), a.Dialect, ErrInvalidAddress)
	case strings.ContainsRune(a.Target, 0):
		return Address{}, fmt.Errorf("sqlstore: address %q: the target holds a NUL byte: %w", redact(s), ErrInvalidAddress)
	}
	return a, nil
}

// String returns the address in the form [ParseAddress] reads, with any
// PostgreSQL password replaced by "xxxxx": it is safe to log.
func (a Address) String() string {
	if a.Dialect == PostgreSQL {
		return "postgres:" + redact(a.Target)
	}
	return a.Dialect.String() + ":" + a.Target
}

// passwordPair matches password=VALUE in a key=value DSN, quoted or not.
var passwordPair = regexp.MustCompile(`(?i)(password\s*=\s*)('(?:[^'\\]|\\.)*'?|[^\s]*)`)

// redact hides the password of a PostgreSQL DSN, URL or key=value pairs.
func redact(s string) string {
	lower := strings.ToLower(s)
	for _, prefix := range []string{"postgres:", "postgresql:"} {
		if rest, ok := strings.CutPrefix(lower, prefix); ok && !strings.HasPrefix(rest, "//") {
			return s[:len(prefix)] + redact(s[len(prefix):])
		}
	}
	if strings.Contains(s, "://") {
		if u, err := url.Parse(s); err == nil {
			q := u.Query()
			if q.Has("password") {
				q.Set("password", "xxxxx")
				u.RawQuery = q.Encode()
			}
			return u.Redacted()
		}
		// An unparsable URL may still hold user:password@.
		if i, at := strings.Index(s, "://"), strings.LastIndex(s, "@"); at > i {
			return s[:i+3] + "xxxxx" + s[at:]
		}
	}
	return passwordPair.ReplaceAllString(s, "${1}xxxxx")
}
