package sqlstore_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/servuction/servuction/sqlstore"
)

func TestOptionsValidate(t *testing.T) {
	if err := (sqlstore.Options{}).Validate(); err != nil {
		t.Errorf("zero Options: %v", err)
	}
	bad := sqlstore.Options{Synchronous: 9, BusyTimeout: -time.Second, MaxOpenConns: -1}
	err := bad.Validate()
	for _, want := range []string{"synchronous 9 is not defined", "busy timeout -1s is negative", "max open connections -1 is negative"} {
		if !errors.Is(err, sqlstore.ErrInvalidOptions) || !strings.Contains(err.Error(), want) {
			t.Errorf("Validate(%+v) = %v, want ErrInvalidOptions saying %q", bad, err, want)
		}
	}
	path := filepath.Join(t.TempDir(), "x.db")
	if _, err := sqlstore.Open(context.Background(), "sqlite:"+path, bad); !errors.Is(err, sqlstore.ErrInvalidOptions) {
		t.Errorf("Open with bad options: %v", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Open with bad options created the file: %v", err)
	}
}

// TestSQLitePragmas checks what OpenSQLite promises: WAL mode and the
// synchronous setting on every connection of the pool.
func TestSQLitePragmas(t *testing.T) {
	for _, c := range []struct {
		sync sqlstore.Synchronous
		want int // PRAGMA synchronous: 1 NORMAL, 2 FULL
	}{{sqlstore.SynchronousFull, 2}, {sqlstore.SynchronousNormal, 1}} {
		s := openAt(t, "sqlite:"+filepath.Join(t.TempDir(), "p.db"), sqlstore.Options{Synchronous: c.sync})
		ctx := context.Background()
		// Hold three connections at once so the pool opens three.
		for i := range 3 {
			conn, err := s.DB().Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			var mode string
			var sync int
			if err := conn.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
				t.Errorf("%v, connection %d: journal_mode %q, %v; want wal", c.sync, i, mode, err)
			}
			if err := conn.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&sync); err != nil || sync != c.want {
				t.Errorf("%v, connection %d: synchronous %d, %v; want %d", c.sync, i, sync, err, c.want)
			}
		}
	}
}

// TestSQLitePathIsTakenLiterally: characters that mean something in a URI
// are part of the file name.
func TestSQLitePathIsTakenLiterally(t *testing.T) {
	dir := t.TempDir()
	name := "tele cliente?v=1#2%41.db"
	s := openAt(t, "sqlite:"+filepath.Join(dir, name), sqlstore.Options{})
	mustAppend(t, s, "A", 0, receive("A"))
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range entries {
		found = found || e.Name() == name
	}
	if !found {
		t.Errorf("no file %q in %v", name, entries)
	}
	// A relative path is relative to the working directory.
	t.Chdir(dir)
	rel := openAt(t, "sqlite:rel.db", sqlstore.Options{})
	mustAppend(t, rel, "A", 0, receive("A"))
	if _, err := os.Stat(filepath.Join(dir, "rel.db")); err != nil {
		t.Error(err)
	}
}

func TestMemoryStoresAreSeparate(t *testing.T) {
	a := openAt(t, "sqlite::memory:", sqlstore.Options{MaxOpenConns: 5})
	b := openAt(t, "sqlite::memory:", sqlstore.Options{})
	mustAppend(t, a, "A", 0, receive("A"))
	if h, err := b.Head(context.Background()); err != nil || h.Seq != 0 {
		t.Errorf("a second in-memory store sees head %+v, %v", h, err)
	}
	if n := a.DB().Stats().MaxOpenConnections; n != 1 {
		t.Errorf("in-memory store: %d connections allowed, want 1", n)
	}
}

func TestOpenErrors(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	dir := t.TempDir()
	cases := []struct {
		addr string
		want error
		text string
	}{
		{"sqlite:" + filepath.Join(dir, "missing", "dir", "x.db"), nil, "sqlstore: sqlite:"},
		{"postgres:host=127.0.0.1 port=notaport", sqlstore.ErrInvalidAddress, "sqlstore: postgres host=127.0.0.1 port=notaport"},
		{"postgres:postgres://u:s3cret@127.0.0.1:1/db?sslmode=disable&connect_timeout=5", nil, "postgres:postgres://u:xxxxx@127.0.0.1:1/db"},
		{"postgres:host=127.0.0.1 port=bad password=s3cret", sqlstore.ErrInvalidAddress, "password=xxxxx"},
		{"oracle:scott/tiger", sqlstore.ErrInvalidAddress, "unknown database"},
	}
	for _, c := range cases {
		s, err := sqlstore.Open(ctx, c.addr, sqlstore.Options{})
		if err == nil {
			s.Close()
			t.Errorf("Open(%s): no error", c.addr)
			continue
		}
		if (c.want != nil && !errors.Is(err, c.want)) || !strings.Contains(err.Error(), c.text) || strings.Contains(err.Error(), "s3cret") {
			t.Errorf("Open(%s): %v; want %v saying %q without the password", c.addr, err, c.want, c.text)
		}
	}
}
