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

// passwordPair matches password=VALUE in key=value pairs or a URL's query,
// the value quoted (with backslash escapes, as libpq reads it) or not.
var passwordPair = regexp.MustCompile(`(?i)(password\s*=\s*)('(?:[^'\\]|\\.)*'?|[^\s&]*)`)

// redact hides the passwords of a PostgreSQL DSN: password=VALUE pairs and
// query parameters, and the password of a URL's user information.
func redact(s string) string {
	s = passwordPair.ReplaceAllString(s, "${1}xxxxx")
	i := strings.Index(s, "://")
	if i < 0 {
		return s
	}
	if u, err := url.Parse(s); err == nil {
		return u.Redacted()
	}
	// Not a valid URL: hide what stands between "user:" and the last "@"
	// before the path.
	rest := s[i+3:]
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	at := strings.LastIndex(rest[:end], "@")
	if at < 0 {
		at = strings.LastIndex(rest, "@") // a '/' in the password ended the authority early
	}
	if at < 0 {
		return s
	}
	if colon := strings.Index(rest[:at], ":"); colon >= 0 {
		return s[:i+3] + rest[:colon] + ":xxxxx" + rest[at:]
	}
	return s
}
