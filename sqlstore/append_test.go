package sqlstore_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/servuction/servuction/complaint"
	"github.com/servuction/servuction/sqlstore"
)

// state is what a rejected call must leave as it was.
type state struct {
	head    complaint.Head
	entries int
	cases   int
}

func snapshot(t testing.TB, s *sqlstore.Store) state {
	t.Helper()
	ctx := context.Background()
	h, err := s.Head(ctx)
	if err != nil {
		t.Fatal(err)
	}
	all, err := s.Entries(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := s.DB().QueryRowContext(ctx, "SELECT COUNT(*) FROM complaint_cases").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return state{h, len(all), n}
}

func TestAppendConflictNamesVersions(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			s := b.open(t, sqlstore.Options{})
			mustAppend(t, s, "A", 0, receive("A"), note("A", 2, "ana", "x"))
			before := snapshot(t, s)
			for _, c := range []struct {
				expected uint64
				want     string
			}{
				{0, "sqlstore: case A: version 0, but the store has 2: complaint: version conflict"},
				{1, "sqlstore: case A: version 1, but the store has 2: complaint: version conflict"},
				{5, "sqlstore: case A: version 5, but the store has 2: complaint: version conflict"},
			} {
				var entries []complaint.Entry
				if c.expected == 0 {
					entries = []complaint.Entry{receive("A")}
				} else {
					entries = []complaint.Entry{note("A", c.expected+1, "ana", "late")}
				}
				_, err := s.Append(context.Background(), "A", c.expected, entries)
				if !errors.Is(err, complaint.ErrConflict) || err.Error() != c.want {
					t.Errorf("Append at %d: %v, want %s", c.expected, err, c.want)
				}
			}
			if _, err := s.Append(context.Background(), "B", 3, []complaint.Entry{note("B", 4, "ana", "no case")}); !errors.Is(err, complaint.ErrConflict) ||
				!strings.Contains(err.Error(), "version 3, but the store has 0") {
				t.Errorf("Append to a missing case at version 3: %v, want a conflict with 0", err)
			}
			if after := snapshot(t, s); after != before {
				t.Errorf("conflicts changed the store: %+v, was %+v", after, before)
			}
		})
	}
}

// TestAppendBatchAllOrNone makes the database refuse the second entry of a
// batch (a trigger) and checks that the first was not kept either.
func TestAppendBatchAllOrNone(t *testing.T) {
	triggers := map[string][]string{
		"sqlite": {`CREATE TRIGGER refuse_second BEFORE INSERT ON complaint_trail WHEN NEW.version = 3
			BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`},
		"postgres": {`CREATE FUNCTION refuse_second() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN IF NEW.version = 3 THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$`,
			`CREATE TRIGGER refuse_second BEFORE INSERT ON complaint_trail FOR EACH ROW EXECUTE FUNCTION refuse_second()`},
	}
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			ctx := context.Background()
			s := b.open(t, sqlstore.Options{})
			mustAppend(t, s, "A", 0, receive("A"))
			for _, q := range triggers[strings.Split(b.name, "-")[0]] {
				if _, err := s.DB().ExecContext(ctx, q); err != nil {
					t.Fatal(err)
				}
			}
			before := snapshot(t, s)
			_, err := s.Append(ctx, "A", 1, []complaint.Entry{note("A", 2, "ana", "kept?"), note("A", 3, "ana", "refused")})
			if err == nil || !strings.Contains(err.Error(), "refused by the test") {
				t.Fatalf("Append of a batch whose second entry is refused: %v", err)
			}
			if after := snapshot(t, s); after != before {
				t.Errorf("a refused batch changed the store: %+v, was %+v", after, before)
			}
			if got, _ := s.Load(ctx, "A"); len(got) != 1 {
				t.Errorf("case A has %d entries after a refused batch, want 1", len(got))
			}
			// The version did not move: the next append at version 1 works.
			mustAppend(t, s, "A", 1, note("A", 2, "ana", "after"))
			if err := s.Verify(ctx, complaint.Head{}); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestAppendRefusesBadEntriesWithoutWriting(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			s := b.open(t, sqlstore.Options{})
			mustAppend(t, s, "A", 0, receive("A"))
			before := snapshot(t, s)
			bad := note("A", 3, "ana", "undefined state")
			bad.To = complaint.State(200)
			for _, c := range []struct {
				name    string
				id      string
				entries []complaint.Entry
				want    error
			}{
				{"no case id", "", []complaint.Entry{note("", 2, "ana", "x")}, complaint.ErrInvalidEvent},
				{"no entries", "A", nil, complaint.ErrInvalidEvent},
				{"entry of another case", "A", []complaint.Entry{note("B", 2, "ana", "x")}, complaint.ErrInvalidEvent},
				{"version gap", "A", []complaint.Entry{note("A", 3, "ana", "x")}, complaint.ErrInvalidEvent},
				{"second entry does not encode", "A", []complaint.Entry{note("A", 2, "ana", "x"), bad}, complaint.ErrInvalidEvent},
				{"second entry does not continue the case", "A", []complaint.Entry{note("A", 2, "ana", "x"), notFrom(note("A", 3, "ana", "y"), complaint.Closed)},
					complaint.ErrIllegalTransition},
			} {
				if _, err := s.Append(context.Background(), c.id, 1, c.entries); !errors.Is(err, c.want) {
					t.Errorf("Append %s: %v, want %v", c.name, err, c.want)
				}
			}
			if after := snapshot(t, s); after != before {
				t.Errorf("refused appends changed the store: %+v, was %+v", after, before)
			}
		})
	}
}

func TestCancelledContext(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			s := b.open(t, sqlstore.Options{})
			mustAppend(t, s, "A", 0, receive("A"))
			before := snapshot(t, s)
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			calls := map[string]func() error{
				"Append":  func() error { _, err := s.Append(ctx, "A", 1, []complaint.Entry{note("A", 2, "ana", "x")}); return err },
				"Load":    func() error { _, err := s.Load(ctx, "A"); return err },
				"Entries": func() error { _, err := s.Entries(ctx, 0); return err },
				"Head":    func() error { _, err := s.Head(ctx); return err },
				"Verify":  func() error { return s.Verify(ctx, complaint.Head{}) },
			}
			for _, name := range []string{"Append", "Load", "Entries", "Head", "Verify"} {
				if err := calls[name](); !errors.Is(err, context.Canceled) {
					t.Errorf("%s with a cancelled context: %v, want context.Canceled", name, err)
				}
			}
			if after := snapshot(t, s); after != before {
				t.Errorf("a cancelled append changed the store: %+v, was %+v", after, before)
			}
		})
	}
}

// TestAppendWaitEndsWithContext holds the trail's write lock in another
// transaction and checks that an Append waiting for it gives up when its
// context ends, long before the store's busy timeout, writes nothing, and
// works once the lock is released.
func TestAppendWaitEndsWithContext(t *testing.T) {
	locks := map[string]string{
		"sqlite":   "UPDATE complaint_head SET seq = seq WHERE id = 1",
		"postgres": "SELECT seq FROM complaint_head WHERE id = 1 FOR UPDATE",
	}
	for _, b := range backends {
		if b.name == "sqlite-memory" {
			continue // one connection: a second transaction cannot exist
		}
		t.Run(b.name, func(t *testing.T) {
			s := b.open(t, sqlstore.Options{BusyTimeout: 10 * time.Minute})
			mustAppend(t, s, "A", 0, receive("A"))
			before := snapshot(t, s)
			holder, err := s.DB().BeginTx(context.Background(), nil)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := holder.Exec(locks[strings.Split(b.name, "-")[0]]); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
			defer cancel()
			start := time.Now()
			_, err = s.Append(ctx, "A", 1, []complaint.Entry{note("A", 2, "ana", "waits")})
			waited := time.Since(start)
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("Append waiting for the lock: %v, want context.DeadlineExceeded", err)
			}
			if waited > 2*time.Minute {
				t.Errorf("Append waited %v for the lock, past its context's deadline", waited)
			}
			if err := holder.Rollback(); err != nil {
				t.Fatal(err)
			}
			if after := snapshot(t, s); after != before {
				t.Errorf("a timed-out append changed the store: %+v, was %+v", after, before)
			}
			mustAppend(t, s, "A", 1, note("A", 2, "ana", "after the lock"))
		})
	}
}

func TestClosedStore(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			s := b.open(t, sqlstore.Options{})
			mustAppend(t, s, "A", 0, receive("A"))
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			ctx := context.Background()
			if _, err := s.Append(ctx, "A", 1, []complaint.Entry{note("A", 2, "ana", "x")}); err == nil {
				t.Error("Append on a closed store: no error")
			}
			if _, err := s.Load(ctx, "A"); err == nil {
				t.Error("Load on a closed store: no error")
			}
		})
	}
}

// TestTwoStoresOneDatabase: two stores (two connection pools) on one
// database, several goroutines each, appending to the same case: every
// success is kept, versions are consecutive and the trail verifies.
func TestTwoStoresOneDatabase(t *testing.T) {
	for _, b := range backends {
		if b.name == "sqlite-memory" {
			continue // an in-memory database belongs to one store
		}
		t.Run(b.name, func(t *testing.T) {
			addr := b.addr(t)
			stores := []*sqlstore.Store{openAt(t, addr, sqlstore.Options{}), openAt(t, addr, sqlstore.Options{})}
			seedCase(t, stores[0], "A", 0)
			ctx := context.Background()
			var wg sync.WaitGroup
			errs := make(chan error, 100)
			for i, s := range stores {
				for g := range 3 {
					wg.Go(func() {
						for n := range 8 {
							if _, _, err := appendNote(ctx, s, "A", "store", strings.Repeat("x", i+g+n)); err != nil {
								errs <- err
								return
							}
						}
					})
				}
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Error(err)
			}
			got, err := stores[1].Load(ctx, "A")
			if err != nil || len(got) != 1+2*3*8 {
				t.Fatalf("case A: %d entries, %v; want %d", len(got), err, 1+2*3*8)
			}
			c, err := complaint.Fold(got)
			if err != nil || c.Version != uint64(len(got)) {
				t.Errorf("Fold: version %d, %v", c.Version, err)
			}
			if err := stores[0].Verify(ctx, complaint.Head{}); err != nil {
				t.Error(err)
			}
		})
	}
}

// notFrom returns e claiming to leave state from.
func notFrom(e complaint.Entry, from complaint.State) complaint.Entry {
	e.From, e.To = from, from
	return e
}
