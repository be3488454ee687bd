package sqlstore

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync/atomic"
	"time"

	"github.com/servuction/servuction/complaint"
)

// Append implements [complaint.Store] in one transaction: it takes the
// trail's write lock and reads the case's summary, checks its version
// against expected, seals the entries after the head and folds them into the
// summary ([complaint.Summary.Apply], which refuses an entry that does not
// continue the case), inserts them, writes the summary back on the condition
// that its version column still holds expected, and moves the head. A stale
// expected returns an error wrapping [complaint.ErrConflict]; any error
// leaves the database as it was. When Append returns nil the transaction is
// committed, durable as the [Options] say.
//
// SQLite's write lock is the database's; PostgreSQL's are the case's row,
// locked first (a stale writer fails without waiting for other cases'
// appends), then the head row, which orders the appends of every
// connection. PostgreSQL's statements go in three round trips (lock and
// read; write; commit), pipelined with pgx, so the locks are held briefly.
//
// The context bounds the wait for the locks and every statement; once they
// have run, the commit itself is not interrupted, so an Append cancelled at
// the last moment either commits and returns nil or returns an error and
// commits nothing. A conflict is returned after a short random pause (see
// [Store.spread]).
func (s *Store) Append(ctx context.Context, caseID string, expected uint64, entries []complaint.Entry) ([]complaint.Entry, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := checkAppend(caseID, expected, entries); err != nil {
		return nil, err
	}
	start := time.Now()
	var sealed []complaint.Entry
	var err error
	if s.q.dialect == PostgreSQL {
		sealed, err = s.appendPostgres(ctx, caseID, expected, entries)
	} else {
		sealed, err = s.appendSQLite(ctx, caseID, expected, entries)
	}
	if errors.Is(err, complaint.ErrConflict) {
		return nil, s.spread(ctx, err)
	}
	if err != nil {
		return nil, err
	}
	s.appendTime.observe(time.Since(start))
	return sealed, nil
}

// appendSQLite appends in a database/sql transaction whose first statement
// takes the database's write lock (waiting for it under ctx).
func (s *Store) appendSQLite(ctx context.Context, caseID string, expected uint64, entries []complaint.Entry) ([]complaint.Entry, error) {
	var w written
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var head complaint.Head
		if err := tx.StmtContext(ctx, s.st.lockHead).QueryRowContext(ctx).Scan(&head.Seq, &head.Hash); err != nil {
			return s.fail(ctx, "append to case "+caseID+": lock", err)
		}
		sum, err := scanSummary(tx.StmtContext(ctx, s.st.getSummary).QueryRowContext(ctx, caseID))
		if errors.Is(err, sql.ErrNoRows) {
			sum, err = complaint.Summary{}, nil
		}
		if err != nil {
			return s.fail(ctx, "append to case "+caseID, err)
		}
		if err := stale(caseID, expected, sum); err != nil {
			return err
		}
		if w, err = sealAll(head, sum, entries); err != nil {
			return err
		}
		writes, err := w.statements(s.st, expected)
		if err != nil {
			return err
		}
		for _, st := range writes {
			res, err := tx.StmtContext(ctx, st.stmt).ExecContext(ctx, st.args...)
			if err != nil {
				return s.fail(ctx, "append to case "+caseID, err)
			}
			if st.summary {
				if n, err := res.RowsAffected(); err != nil || n != 1 {
					return errors.Join(fmt.Errorf("sqlstore: case %s: version %d changed during the append: %w", caseID, expected, complaint.ErrConflict), err)
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return w.entries, nil
}

// stale returns the conflict of an append at expected to a case whose
// summary is sum, or nil.
func stale(caseID string, expected uint64, sum complaint.Summary) error {
	if sum.Version != expected {
		return fmt.Errorf("sqlstore: case %s: version %d, but the store has %d: %w", caseID, expected, sum.Version, complaint.ErrConflict)
	}
	return nil
}

// written is an append ready to write: the sealed entries, their canonical
// bytes (which the hashes cover) and the case's summary after them.
type written struct {
	entries []complaint.Entry
	lines   [][]byte
	sum     complaint.Summary
}

// sealAll seals entries after head and folds each into sum.
func sealAll(head complaint.Head, sum complaint.Summary, entries []complaint.Entry) (written, error) {
	w := written{entries: make([]complaint.Entry, len(entries)), lines: make([][]byte, len(entries)), sum: sum}
	for i, e := range entries {
		line, sealed, err := complaint.AppendSealed(nil, head, e)
		if err != nil {
			return written{}, fmt.Errorf("sqlstore: append to case %s: %w", e.Event.Case, err)
		}
		if err := w.sum.Apply(sealed); err != nil {
			return written{}, fmt.Errorf("sqlstore: append to case %s: %w", e.Event.Case, err)
		}
		w.entries[i], w.lines[i] = sealed, line
		head = complaint.Head{Seq: sealed.Seq, Hash: sealed.Hash}
	}
	return w, nil
}

// statement is one write of an append.
type statement struct {
	stmt    *sql.Stmt
	args    []any
	summary bool // the summary's write, which must change one row
}

// statements returns the writes of w for SQLite, in order: each entry (and the drop of
// the claim on the message a delivery record reports), the summary (an
// insert for a new case, else an update conditioned on its version column
// holding expected) and the head.
func (w written) statements(st prepared, expected uint64) ([]statement, error) {
	var out []statement
	for i, e := range w.entries {
		out = append(out, statement{stmt: st.insert, args: []any{e.Seq, e.Event.Case, e.Version, e.Prev, e.Hash, w.lines[i]}})
		if e.Event.Type == complaint.Notified {
			out = append(out, statement{stmt: st.dropClaim, args: []any{e.Event.Key}})
		}
	}
	args, err := summaryArgs(w.sum)
	if err != nil {
		return nil, err
	}
	sum := statement{stmt: st.insertSummary, args: args, summary: true}
	if expected > 0 {
		sum = statement{stmt: st.updateSummary, args: append(args, expected), summary: true}
	}
	last := w.entries[len(w.entries)-1]
	return append(out, sum, statement{stmt: st.setHead, args: []any{last.Seq, last.Hash}}), nil
}

// spread returns a conflict after a random pause of up to 32 times the
// store's recent append time (at most a second), or sooner with the
// context's error. Writers that lost the same race learn of it together,
// when the winner commits, and a desk's own backoff (a few milliseconds at
// most) is shorter than a commit that waits for a slow disk or a busy
// server: without a pause they collide again, while the winner's next
// append, which needs no reload, keeps winning. Spread over many commits
// they come back one after the other. With complaint/storetest's
// ConcurrentDesks (4 desks × 6 goroutines on one case) on PostgreSQL on a
// loaded 2-core machine, a desk gave up on an event after its retries in 9
// of 20 runs without the pause, 4 with up to 2 append times, 3 with 8, and
// in none of 50 with 32.
func (s *Store) spread(ctx context.Context, conflict error) error {
	limit := min(32*s.appendTime.get(), time.Second)
	if limit <= 0 {
		return conflict
	}
	t := time.NewTimer(rand.N(limit))
	defer t.Stop()
	select {
	case <-ctx.Done():
		return errors.Join(conflict, ctx.Err())
	case <-t.C:
		return conflict
	}
}

// ewma is an exponentially weighted moving average of durations, safe for
// concurrent use.
type ewma struct{ nanos atomic.Int64 }

// observe adds d with weight 1/8.
func (a *ewma) observe(d time.Duration) {
	for {
		old := a.nanos.Load()
		next := old + (int64(d)-old)/8
		if old == 0 {
			next = int64(d)
		}
		if a.nanos.CompareAndSwap(old, next) {
			return
		}
	}
}

func (a *ewma) get() time.Duration { return time.Duration(a.nanos.Load()) }

// inTx runs f in a transaction on a connection taken under ctx, and commits
// if f succeeds and ctx has not ended. The transaction itself is not bound to
// ctx (f's statements are), so the commit is never interrupted half-way.
func (s *Store) inTx(ctx context.Context, f func(*sql.Tx) error) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return s.fail(ctx, "connect", err)
	}
	defer conn.Close()
	tx, err := conn.BeginTx(context.WithoutCancel(ctx), s.q.txOptions)
	if err != nil {
		return s.fail(ctx, "begin", err)
	}
	if err := f(tx); err != nil {
		if rerr := tx.Rollback(); rerr != nil && rerr != sql.ErrTxDone {
			conn.Raw(func(any) error { return driver.ErrBadConn }) // state unknown: drop it
		}
		return err
	}
	if err := ctx.Err(); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return s.fail(ctx, "commit", err)
	}
	return nil
}

// checkAppend checks what every store checks before writing: entries for
// caseID with consecutive versions after expected.
func checkAppend(caseID string, expected uint64, entries []complaint.Entry) error {
	if caseID == "" {
		return fmt.Errorf("sqlstore: append: case id is missing: %w", complaint.ErrInvalidEvent)
	}
	if len(entries) == 0 {
		return fmt.Errorf("sqlstore: append to case %s: no entries: %w", caseID, complaint.ErrInvalidEvent)
	}
	for i, e := range entries {
		if e.Event.Case != caseID {
			return fmt.Errorf("sqlstore: append to case %s: entry %d is for case %q: %w", caseID, i, e.Event.Case, complaint.ErrInvalidEvent)
		}
		if want := expected + uint64(i) + 1; e.Version != want {
			return fmt.Errorf("sqlstore: append to case %s: entry %d has version %d, want %d: %w", caseID, i, e.Version, want, complaint.ErrInvalidEvent)
		}
	}
	return nil
}
