package sqlstore_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/servuction/servuction/complaint"
	"github.com/servuction/servuction/complaint/storetest"
	"github.com/servuction/servuction/sqlstore"
	"github.com/servuction/servuction/sqlstore/internal/pgtest"
)

func TestMain(m *testing.M) {
	if addr := os.Getenv(childEnv); addr != "" {
		os.Exit(runChild(addr)) // TestTwoProcesses re-executed this binary
	}
	code := m.Run()
	for _, dir := range exampleDirs {
		os.RemoveAll(dir)
	}
	if err := pgtest.StopShared(); err != nil {
		fmt.Fprintln(os.Stderr, "sqlstore: stopping the test PostgreSQL:", err)
		if code == 0 {
			code = 1
		}
	}
	os.Exit(code)
}

// backend opens a new, empty store of one kind for a test.
type backend struct {
	name string
	open func(t testing.TB, opts sqlstore.Options) *sqlstore.Store
	// addr returns a new, empty database's address for a test.
	addr func(t testing.TB) string
}

var backends = []backend{
	{name: "sqlite-file", addr: func(t testing.TB) string { return "sqlite:" + filepath.Join(t.TempDir(), "trail.db") }},
	{name: "sqlite-memory", addr: func(testing.TB) string { return "sqlite:" + sqlstore.Memory }},
	{name: "postgres", addr: func(t testing.TB) string { return "postgres:" + pgtest.Require(t).Schema(t) }},
}

func init() {
	for i := range backends {
		b := &backends[i]
		b.open = func(t testing.TB, opts sqlstore.Options) *sqlstore.Store { return openAt(t, b.addr(t), opts) }
	}
}

// openAt opens the store at addr and closes it when the test ends.
func openAt(t testing.TB, addr string, opts sqlstore.Options) *sqlstore.Store {
	t.Helper()
	s, err := sqlstore.Open(context.Background(), addr, opts)
	if err != nil {
		t.Fatalf("Open(%s): %v", addr, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestStoretest holds every store to the conformance suite every
// complaint.Store must pass.
func TestStoretest(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			storetest.Run(t, func(t *testing.T) complaint.Store { return b.open(t, sqlstore.Options{}) })
		})
	}
}
