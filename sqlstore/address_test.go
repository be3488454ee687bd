package sqlstore_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/servuction/servuction/sqlstore"
)

func TestParseAddress(t *testing.T) {
	good := []struct {
		in   string
		want sqlstore.Address
		str  string
	}{
		{"sqlite:tele-cliente.db", sqlstore.Address{Dialect: sqlstore.SQLite, Target: "tele-cliente.db"}, "sqlite:tele-cliente.db"},
		{"SQLite:/var/lib/desk/trail.db", sqlstore.Address{Dialect: sqlstore.SQLite, Target: "/var/lib/desk/trail.db"}, "sqlite:/var/lib/desk/trail.db"},
		{"sqlite::memory:", sqlstore.Address{Dialect: sqlstore.SQLite, Target: sqlstore.Memory}, "sqlite::memory:"},
		{"sqlite3:a:b.db", sqlstore.Address{Dialect: sqlstore.SQLite, Target: "a:b.db"}, "sqlite:a:b.db"},
		{"postgres:host=db user=desk password=s3cret dbname=cases",
			sqlstore.Address{Dialect: sqlstore.PostgreSQL, Target: "host=db user=desk password=s3cret dbname=cases"},
			"postgres:host=db user=desk password=xxxxx dbname=cases"},
		{"postgres:postgres://desk:s3cret@db:5432/cases?sslmode=disable",
			sqlstore.Address{Dialect: sqlstore.PostgreSQL, Target: "postgres://desk:s3cret@db:5432/cases?sslmode=disable"},
			"postgres:postgres://desk:xxxxx@db:5432/cases?sslmode=disable"},
		{"postgresql://desk@db/cases?password=s3cret",
			sqlstore.Address{Dialect: sqlstore.PostgreSQL, Target: "postgresql://desk@db/cases?password=s3cret"},
			"postgres:postgresql://desk@db/cases?password=xxxxx"},
		{"pg:host=/run/postgresql dbname=cases password='it\\'s s3cret'",
			sqlstore.Address{Dialect: sqlstore.PostgreSQL, Target: "host=/run/postgresql dbname=cases password='it\\'s s3cret'"},
			"postgres:host=/run/postgresql dbname=cases password=xxxxx"},
	}
	for _, g := range good {
		got, err := sqlstore.ParseAddress(g.in)
		if err != nil || got != g.want {
			t.Errorf("ParseAddress(%q) = %+v, %v; want %+v", g.in, got, err, g.want)
			continue
		}
		if s := got.String(); s != g.str {
			t.Errorf("ParseAddress(%q).String() = %q, want %q", g.in, s, g.str)
		}
	}
	bad := []struct{ in, want string }{
		{"", `sqlstore: address "": want sqlite:FILE, sqlite::memory: or postgres:DSN: sqlstore: invalid address`},
		{"trail.db", `sqlstore: address "trail.db": want sqlite:FILE, sqlite::memory: or postgres:DSN: sqlstore: invalid address`},
		{"mysql:root@/cases", `sqlstore: address "mysql:root@/cases": unknown database "mysql" (want sqlite or postgres): sqlstore: invalid address`},
		{"unknown:x", `sqlstore: address "unknown:x": unknown database "unknown" (want sqlite or postgres): sqlstore: invalid address`},
		{"sqlite:", `sqlstore: address "sqlite:": the sqlite target is empty: sqlstore: invalid address`},
		{"sqlite:  ", `sqlstore: address "sqlite:  ": the sqlite target is empty: sqlstore: invalid address`},
		{"postgres:", `sqlstore: address "postgres:": the postgres target is empty: sqlstore: invalid address`},
		{"sqlite:a\x00b", `sqlstore: address "sqlite:a\x00b": the target holds a NUL byte: sqlstore: invalid address`},
		{"postgres:password=s3cret\x00", `sqlstore: address "postgres:password=xxxxx": the target holds a NUL byte: sqlstore: invalid address`},
	}
	for _, b := range bad {
		got, err := sqlstore.ParseAddress(b.in)
		if !errors.Is(err, sqlstore.ErrInvalidAddress) || err.Error() != b.want || got != (sqlstore.Address{}) {
			t.Errorf("ParseAddress(%q) = %+v, %v;\nwant error %s", b.in, got, err, b.want)
		}
	}
}

// FuzzParseAddress: no panic; an accepted address has a dialect and a
// target and reparses from its String to the same dialect; a password never
// shows in String or in an error.
func FuzzParseAddress(f *testing.F) {
	for _, s := range []string{"sqlite:a.db", "sqlite::memory:", "postgres:host=x password=p", "postgres://u:p@h/d",
		"postgresql://u@h/d?password=p", "pg:password='a b'", "x", ":", "sqlite:\x00", "postgres://%zz:p@h"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := sqlstore.ParseAddress(s)
		const secret = "Zq9SECRETq9Z"
		if err != nil {
			if !errors.Is(err, sqlstore.ErrInvalidAddress) {
				t.Fatalf("ParseAddress(%q): %v does not wrap ErrInvalidAddress", s, err)
			}
			if strings.Contains(s, "password="+secret) && strings.Contains(err.Error(), secret) {
				t.Fatalf("ParseAddress(%q): error shows the password: %v", s, err)
			}
			return
		}
		if !a.Dialect.IsValid() || strings.TrimSpace(a.Target) == "" {
			t.Fatalf("ParseAddress(%q) = %+v", s, a)
		}
		if a.Dialect == sqlstore.SQLite {
			b, err := sqlstore.ParseAddress(a.String())
			if err != nil || b != a {
				t.Fatalf("ParseAddress(%q).String() = %q reparses to %+v, %v", s, a.String(), b, err)
			}
		}
		withSecret := sqlstore.Address{Dialect: sqlstore.PostgreSQL, Target: a.Target + " password=" + secret}
		if strings.Contains(withSecret.String(), secret) {
			t.Fatalf("Address{%q}.String() = %q shows the password", withSecret.Target, withSecret.String())
		}
	})
}

func TestDialectAndSynchronousText(t *testing.T) {
	for _, d := range []sqlstore.Dialect{sqlstore.SQLite, sqlstore.PostgreSQL} {
		b, err := d.MarshalText()
		var back sqlstore.Dialect
		if err != nil || back.UnmarshalText(b) != nil || back != d {
			t.Errorf("dialect %v: MarshalText %q, %v; back %v", d, b, err, back)
		}
	}
	for in, want := range map[string]sqlstore.Dialect{"PostgreSQL": sqlstore.PostgreSQL, "pg": sqlstore.PostgreSQL, "SQLite3": sqlstore.SQLite} {
		if got, err := sqlstore.ParseDialect(in); err != nil || got != want {
			t.Errorf("ParseDialect(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, s := range []sqlstore.Synchronous{sqlstore.SynchronousFull, sqlstore.SynchronousNormal} {
		b, err := s.MarshalText()
		var back sqlstore.Synchronous
		if err != nil || back.UnmarshalText(b) != nil || back != s {
			t.Errorf("synchronous %v: MarshalText %q, %v; back %v", s, b, err, back)
		}
	}
	if _, err := sqlstore.ParseSynchronous("off"); !errors.Is(err, sqlstore.ErrInvalidOptions) {
		t.Errorf("ParseSynchronous(off): %v, want ErrInvalidOptions", err)
	}
	if _, err := sqlstore.Synchronous(7).MarshalText(); !errors.Is(err, sqlstore.ErrInvalidOptions) {
		t.Errorf("Synchronous(7).MarshalText: %v, want ErrInvalidOptions", err)
	}
	if sqlstore.DialectUnknown.IsValid() || sqlstore.Dialect(9).IsValid() || sqlstore.Dialect(9).String() != "dialect(9)" {
		t.Errorf("an unknown dialect is valid or misnamed: %v", sqlstore.Dialect(9))
	}
}
