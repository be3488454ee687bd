package sqlstore

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
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
