package sqlstore

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strconv"
)

// migrationFiles holds the schema of each dialect as numbered SQL files,
// migrations/<dialect>/NNNN_name.sql, applied in order.
//
//go:embed migrations
var migrationFiles embed.FS

// migration is one embedded schema change.
type migration struct {
	version int
	name    string // the file name without ".sql", e.g. "0001_trail"
	sql     string
}

var migrationName = regexp.MustCompile(`^([0-9]{4})_[a-z0-9_]+\.sql$`)

// migrations returns the embedded migrations of dialect d, numbered 1, 2, 3…
// with no gap.
func migrations(d Dialect) ([]migration, error) {
	return readMigrations(migrationFiles, path.Join("migrations", d.String()))
}

func readMigrations(fsys fs.FS, dir string) ([]migration, error) {
	files, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: migrations %s: %w: %w", dir, err, ErrSchema)
	}
	var out []migration
	for _, f := range files { // fs.ReadDir sorts by name
		m := migrationName.FindStringSubmatch(f.Name())
		if m == nil || f.IsDir() {
			return nil, fmt.Errorf("sqlstore: migrations %s: %q is not named NNNN_name.sql: %w", dir, f.Name(), ErrSchema)
		}
		v, _ := strconv.Atoi(m[1])
		if v != len(out)+1 {
			return nil, fmt.Errorf("sqlstore: migrations %s: %q has number %d, want %d: %w", dir, f.Name(), v, len(out)+1, ErrSchema)
		}
		b, err := fs.ReadFile(fsys, path.Join(dir, f.Name()))
		if err != nil {
			return nil, fmt.Errorf("sqlstore: migrations %s: %w: %w", dir, err, ErrSchema)
		}
		out = append(out, migration{version: v, name: f.Name()[:len(f.Name())-len(".sql")], sql: string(b)})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("sqlstore: migrations %s: none: %w", dir, ErrSchema)
	}
	return out, nil
}

// schemaTable is created before any migration; it records the applied ones.
var schemaTable = map[Dialect]string{
	SQLite: `CREATE TABLE IF NOT EXISTS complaint_schema (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	) STRICT`,
	PostgreSQL: `CREATE TABLE IF NOT EXISTS complaint_schema (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
	)`,
}

// migrate brings the database's schema up to the newest embedded migration,
// in one transaction that holds a lock every other opener waits for (SQLite's
// write lock; a PostgreSQL advisory lock per schema), so two processes
// opening a new database at once apply each migration once. It refuses a
// database whose recorded migrations are not a prefix of the embedded ones.
func migrate(ctx context.Context, db *sql.DB, d Dialect) error {
	ms, err := migrations(d)
	if err != nil {
		return err
	}
	return migrateTo(ctx, db, d, ms)
}

// migrateTo applies the migrations ms that the database lacks, as migrate.
func migrateTo(ctx context.Context, db *sql.DB, d Dialect, ms []migration) (err error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("sqlstore: migrate: %w", err)
	}
	defer conn.Close()
	begin, lock := "BEGIN", "SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.complaint_schema'))"
	if d == SQLite {
		begin, lock = "BEGIN IMMEDIATE", ""
	}
	if _, err := conn.ExecContext(ctx, begin); err != nil {
		return fmt.Errorf("sqlstore: migrate: %w", err)
	}
	defer func() {
		if err != nil {
			if _, rerr := conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK"); rerr != nil {
				// The connection's state is unknown: take it out of the pool.
				conn.Raw(func(any) error { return driver.ErrBadConn })
			}
		}
	}()
	for _, q := range []string{lock, schemaTable[d]} {
		if q == "" {
			continue
		}
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("sqlstore: migrate: %w", err)
		}
	}
	applied, err := appliedMigrations(ctx, conn, ms)
	if err != nil {
		return err
	}
	for _, m := range ms[applied:] {
		if _, err := conn.ExecContext(ctx, m.sql); err != nil {
			return fmt.Errorf("sqlstore: migration %s: %w", m.name, err)
		}
		if _, err := conn.ExecContext(ctx, rebind(d, "INSERT INTO complaint_schema (version, name) VALUES ($1, $2)"), m.version, m.name); err != nil {
			return fmt.Errorf("sqlstore: migration %s: %w", m.name, err)
		}
	}
	if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
		return fmt.Errorf("sqlstore: migrate: %w", err)
	}
	return nil
}

// appliedMigrations returns how many of ms the database records, after
// checking that they are ms's first ones, by number and name.
func appliedMigrations(ctx context.Context, conn *sql.Conn, ms []migration) (int, error) {
	rows, err := conn.QueryContext(ctx, "SELECT version, name FROM complaint_schema ORDER BY version")
	if err != nil {
		return 0, fmt.Errorf("sqlstore: migrate: %w", err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var v int
		var name string
		if err := rows.Scan(&v, &name); err != nil {
			return 0, fmt.Errorf("sqlstore: migrate: %w", err)
		}
		switch {
		case n >= len(ms):
			return 0, fmt.Errorf("sqlstore: schema version %d (%s) is newer than this build, which knows up to %d (%s): %w", v, name, len(ms), ms[len(ms)-1].name, ErrSchema)
		case v != n+1 || name != ms[n].name:
			return 0, fmt.Errorf("sqlstore: schema migration %d is recorded as %d (%s), but this build's is %s: %w", n+1, v, name, ms[n].name, ErrSchema)
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("sqlstore: migrate: %w", err)
	}
	return n, nil
}
