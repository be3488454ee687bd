package sqlstore

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"

	"github.com/servuction/servuction/complaint"
)

// Append implements [complaint.Store] in one transaction: it takes the
// trail's write lock (the head row), checks and advances the case's version
// column from expected, seals the entries after the head, inserts them and
// moves the head. A stale expected returns an error wrapping
// [complaint.ErrConflict]; any error leaves the database as it was. When
// Append returns nil the transaction is committed, durable as the
// [Options] say. The context bounds the wait for the lock and every
// statement; once every statement has run, the commit itself is not
// interrupted, so an Append cancelled at the last moment either commits and
// returns nil or returns an error and commits nothing.
func (s *Store) Append(ctx context.Context, caseID string, expected uint64, entries []complaint.Entry) ([]complaint.Entry, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := checkAppend(caseID, expected, entries); err != nil {
		return nil, err
	}
	var sealed []complaint.Entry
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var head complaint.Head
		if err := tx.StmtContext(ctx, s.st.lockHead).QueryRowContext(ctx).Scan(&head.Seq, &head.Hash); err != nil {
			return s.fail(ctx, "append to case "+caseID+": lock", err)
		}
		if err := s.advance(ctx, tx, caseID, expected, uint64(len(entries))); err != nil {
			return err
		}
		sealed = make([]complaint.Entry, len(entries))
		var b []byte
		for i, e := range entries {
			var err error
			// The canonical bytes, sealed after the head: what the hash covers.
			if b, sealed[i], err = complaint.AppendSealed(b[:0], head, e); err != nil {
				return fmt.Errorf("sqlstore: append to case %s: %w", caseID, err)
			}
			if _, err := tx.StmtContext(ctx, s.st.insert).ExecContext(ctx, sealed[i].Seq, caseID, sealed[i].Version, sealed[i].Prev, sealed[i].Hash, b); err != nil {
				return s.fail(ctx, "append to case "+caseID, err)
			}
			head = complaint.Head{Seq: sealed[i].Seq, Hash: sealed[i].Hash}
		}
		last := sealed[len(sealed)-1]
		if _, err := tx.StmtContext(ctx, s.st.setHead).ExecContext(ctx, last.Seq, last.Hash); err != nil {
			return s.fail(ctx, "append to case "+caseID, err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return sealed, nil
}

// advance moves the case's version from expected to expected+n, or returns
// an error wrapping [complaint.ErrConflict] naming the stored version.
func (s *Store) advance(ctx context.Context, tx *sql.Tx, caseID string, expected, n uint64) error {
	var res sql.Result
	var err error
	if expected == 0 {
		res, err = tx.StmtContext(ctx, s.st.insertCase).ExecContext(ctx, caseID, n)
	} else {
		res, err = tx.StmtContext(ctx, s.st.updateCase).ExecContext(ctx, caseID, expected, expected+n)
	}
	if err != nil {
		return s.fail(ctx, "append to case "+caseID, err)
	}
	if rows, err := res.RowsAffected(); err != nil {
		return s.fail(ctx, "append to case "+caseID, err)
	} else if rows == 1 {
		return nil
	}
	var got uint64
	if err := tx.StmtContext(ctx, s.st.caseVer).QueryRowContext(ctx, caseID).Scan(&got); err != nil && err != sql.ErrNoRows {
		return s.fail(ctx, "append to case "+caseID, err)
	}
	return fmt.Errorf("sqlstore: case %s: version %d, but the store has %d: %w", caseID, expected, got, complaint.ErrConflict)
}

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
