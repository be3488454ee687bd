package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestReadMigrations(t *testing.T) {
	for _, d := range []Dialect{SQLite, PostgreSQL} {
		ms, err := migrations(d)
		if err != nil || len(ms) == 0 || ms[0].name != "0001_trail" {
			t.Errorf("%s: embedded migrations %v, %v", d, ms, err)
		}
	}
	file := &fstest.MapFile{Data: []byte("CREATE TABLE x (y INTEGER);")}
	bad := []struct {
		name  string
		files fstest.MapFS
		want  string
	}{
		{"none", fstest.MapFS{"m/README": nil}, `"README" is not named NNNN_name.sql`},
		{"empty", fstest.MapFS{"m": &fstest.MapFile{Mode: fs.ModeDir | 0o755}}, "none"},
		{"gap", fstest.MapFS{"m/0001_a.sql": file, "m/0003_c.sql": file}, `"0003_c.sql" has number 3, want 2`},
		{"starts at 2", fstest.MapFS{"m/0002_b.sql": file}, `has number 2, want 1`},
		{"upper case", fstest.MapFS{"m/0001_A.sql": file}, `is not named NNNN_name.sql`},
		{"missing", fstest.MapFS{}, "file does not exist"},
	}
	for _, b := range bad {
		_, err := readMigrations(b.files, "m")
		if !errors.Is(err, ErrSchema) || !strings.Contains(err.Error(), b.want) {
			t.Errorf("%s: %v, want ErrSchema saying %q", b.name, err, b.want)
		}
	}
	ms, err := readMigrations(fstest.MapFS{"m/0001_a.sql": file, "m/0002_b_c.sql": file}, "m")
	if err != nil || len(ms) != 2 || ms[1].version != 2 || ms[1].name != "0002_b_c" || ms[1].sql != string(file.Data) {
		t.Errorf("two migrations: %+v, %v", ms, err)
	}
}

func TestRebind(t *testing.T) {
	q := "SELECT $1, $2 WHERE x = $1"
	if got := rebind(SQLite, q); got != "SELECT ?1, ?2 WHERE x = ?1" {
		t.Errorf("rebind(SQLite) = %q", got)
	}
	if got := rebind(PostgreSQL, q); got != q {
		t.Errorf("rebind(PostgreSQL) = %q", got)
	}
}

// TestMigrateUpgrades opens a database that has only the first migration,
// with a case in it, and checks that Open applies the rest and keeps it.
func TestMigrateUpgrades(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	dsn, err := sqliteDSN(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := migrations(SQLite)
	if err != nil || len(ms) < 2 {
		t.Fatalf("migrations: %d, %v; want at least 2", len(ms), err)
	}
	if err := migrateTo(ctx, db, SQLite, ms[:1]); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("SELECT 1 FROM complaint_claims"); err == nil {
		t.Fatal("complaint_claims exists after the first migration only")
	}
	db.Close()
	s, err := OpenSQLite(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, err := s.SchemaVersion(ctx); err != nil || v != len(ms) {
		t.Errorf("SchemaVersion after the upgrade = %d, %v; want %d", v, err, len(ms))
	}
	if ok, err := s.Claim(ctx, "K#1.1", "desk-a", time.Unix(0, 0), time.Unix(60, 0)); err != nil || !ok {
		t.Errorf("Claim after the upgrade = %v, %v", ok, err)
	}
}
