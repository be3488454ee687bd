package sqlstore_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/servuction/servuction/sqlstore"
)

// latest is the number of migrations this build embeds.
const latest = 2

func TestMigrationsAppliedOnce(t *testing.T) {
	for _, b := range backends {
		if b.name == "sqlite-memory" {
			continue
		}
		t.Run(b.name, func(t *testing.T) {
			addr := b.addr(t)
			// Several stores open a new database at once, then one again.
			var wg sync.WaitGroup
			errs := make(chan error, 4)
			for range 4 {
				wg.Go(func() {
					s, err := sqlstore.Open(context.Background(), addr, sqlstore.Options{})
					if err != nil {
						errs <- err
						return
					}
					s.Close()
				})
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Errorf("concurrent Open of a new database: %v", err)
			}
			s := openAt(t, addr, sqlstore.Options{})
			v, err := s.SchemaVersion(context.Background())
			if err != nil || v != latest {
				t.Errorf("SchemaVersion = %d, %v; want %d", v, err, latest)
			}
			var n int
			if err := s.DB().QueryRow("SELECT COUNT(*) FROM complaint_schema").Scan(&n); err != nil || n != latest {
				t.Errorf("complaint_schema holds %d rows, %v; want %d", n, err, latest)
			}
		})
	}
}

func TestMigrationRefusesForeignSchema(t *testing.T) {
	edits := []struct {
		name, sql, want string
	}{
		{"newer", "INSERT INTO complaint_schema (version, name) VALUES (3, '0003_from_the_future')",
			"schema version 3 (0003_from_the_future) is newer than this build, which knows up to 2 (0002_claims)"},
		{"renamed", "UPDATE complaint_schema SET name = '0001_other' WHERE version = 1",
			"schema migration 1 is recorded as 1 (0001_other), but this build's is 0001_trail"},
	}
	for _, b := range backends {
		if b.name == "sqlite-memory" {
			continue
		}
		t.Run(b.name, func(t *testing.T) {
			for _, e := range edits {
				t.Run(e.name, func(t *testing.T) {
					addr := b.addr(t)
					s := openAt(t, addr, sqlstore.Options{})
					if _, err := s.DB().Exec(e.sql); err != nil {
						t.Fatal(err)
					}
					again, err := sqlstore.Open(context.Background(), addr, sqlstore.Options{})
					if err == nil {
						again.Close()
					}
					if !errors.Is(err, sqlstore.ErrSchema) || !strings.Contains(err.Error(), e.want) {
						t.Errorf("Open of a %s schema: %v, want ErrSchema saying %q", e.name, err, e.want)
					}
				})
			}
		})
	}
}
