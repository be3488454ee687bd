// Package pgtest gives tests a PostgreSQL server: the one named by the
// environment variable SERVUCTION_POSTGRES_DSN, or else a throw-away cluster
// it creates with the server binaries it finds (initdb and pg_ctl on PATH or
// under /usr/lib/postgresql/*/bin), listening on 127.0.0.1 and a free port,
// and removes at the end. Each test gets a fresh schema of its own.
//
// When no server can be had, tests skip with one line saying why, unless
// SERVUCTION_POSTGRES_REQUIRED is set (CI sets it), which makes that a
// failure.
package pgtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver
)

// The environment variables the harness reads.
const (
	// EnvDSN names a server to use instead of starting one: a URL
	// (postgres://user@host:port/db) or key=value pairs.
	EnvDSN = "SERVUCTION_POSTGRES_DSN"
	// EnvRequired, when not empty, makes a missing server fail the tests.
	EnvRequired = "SERVUCTION_POSTGRES_REQUIRED"
)

// Server is a PostgreSQL server for tests.
type Server struct {
	DSN  string // connection string of the server's maintenance database
	stop func() error
}

var (
	once   sync.Once
	shared *Server
	reason error
)

// Shared returns the server of the test binary, starting it on first use. It
// returns nil and why when there is none.
func Shared() (*Server, error) {
	once.Do(func() { shared, reason = Start() })
	return shared, reason
}

// StopShared stops the server Shared started, if any; call it from TestMain
// after m.Run.
func StopShared() error {
	if shared == nil {
		return nil
	}
	return shared.Stop()
}

// Require returns the shared server, skipping t with one line when there is
// none, or failing it when SERVUCTION_POSTGRES_REQUIRED is set.
func Require(t testing.TB) *Server {
	t.Helper()
	s, err := Shared()
	if s != nil {
		return s
	}
	if os.Getenv(EnvRequired) != "" {
		t.Fatalf("pgtest: PostgreSQL required (%s is set) but unavailable: %v", EnvRequired, err)
	}
	t.Skipf("pgtest: no PostgreSQL server (%v); set %s to use one", err, EnvDSN)
	return nil
}

// Start returns the server named by SERVUCTION_POSTGRES_DSN, or starts a
// throw-away cluster.
func Start() (*Server, error) {
	if dsn := os.Getenv(EnvDSN); dsn != "" {
		s := &Server{DSN: dsn, stop: func() error { return nil }}
		return s, s.ping()
	}
	bin, err := findBinaries()
	if err != nil {
		return nil, err
	}
	return startCluster(bin)
}

// Stop stops a cluster Start created and removes its files; it does nothing
// for a server named by the environment.
func (s *Server) Stop() error { return s.stop() }

func (s *Server) ping() error {
	db, err := sql.Open("pgx", s.DSN)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return db.PingContext(ctx)
}

// Schema creates a new, empty schema named after the test and returns a DSN
// whose search_path selects it. The schema is dropped when the test ends.
func (s *Server) Schema(t testing.TB) string {
	t.Helper()
	name, dsn, err := s.NewSchema(t.Name())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.DropSchema(name); err != nil {
			t.Errorf("pgtest: drop schema %s: %v", name, err)
		}
	})
	return dsn
}

// NewSchema creates a schema with a unique name built from hint and returns
// its name and a DSN that selects it.
func (s *Server) NewSchema(hint string) (name, dsn string, err error) {
	var b [6]byte
	rand.Read(b[:])
	name = "t_" + sanitize(hint) + "_" + hex.EncodeToString(b[:])
	if err := s.exec("CREATE SCHEMA " + name); err != nil {
		return "", "", err
	}
	return name, WithParam(s.DSN, "search_path", name), nil
}

// DropSchema drops a schema NewSchema created, with its tables.
func (s *Server) DropSchema(name string) error { return s.exec("DROP SCHEMA " + name + " CASCADE") }

func (s *Server) exec(q string) error {
	db, err := sql.Open("pgx", s.DSN)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, err = db.ExecContext(ctx, q)
	return err
}

// WithParam returns dsn (a URL or key=value pairs) with a run-time
// parameter of its connections set: search_path, synchronous_commit….
func WithParam(dsn, key, value string) string {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		if u, err := url.Parse(dsn); err == nil {
			q := u.Query()
			q.Set(key, value)
			u.RawQuery = q.Encode()
			return u.String()
		}
	}
	return dsn + " " + key + "=" + value
}

// sanitize keeps the lower-case letters and digits of a test name, short.
func sanitize(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
		if b.Len() == 30 {
			break
		}
	}
	return b.String()
}

// findBinaries returns the directory holding initdb and pg_ctl.
func findBinaries() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		if _, err := exec.LookPath("pg_ctl"); err == nil {
			return filepath.Dir(p), nil
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Sort(sort.Reverse(sort.StringSlice(dirs))) // newest version first, for one-digit majors
	for _, d := range dirs {
		if isExec(filepath.Join(d, "initdb")) && isExec(filepath.Join(d, "pg_ctl")) {
			return d, nil
		}
	}
	return "", errors.New("initdb and pg_ctl not found on PATH or under /usr/lib/postgresql/*/bin")
}

func isExec(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && !fi.IsDir() && fi.Mode()&0o111 != 0
}

// freePort returns a TCP port on 127.0.0.1 that nothing listens on now.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// run runs a server binary as the cluster's owner, returning its output in
// the error.
func run(owner *user, dir string, name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "LC_ALL=C", "TZ=UTC")
	owner.apply(cmd)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s: %w\n%s", filepath.Base(name), err, out)
	}
	return nil
}
