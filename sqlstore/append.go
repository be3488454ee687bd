package sqlstore

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"

	"github.com/servuction/servuction/complaint"
)

// Append implements [complaint.Store] in one transaction: it takes the
// trail's write lock (the head row), reads the case's summary, checks its
// version against expected, seals the entries after the head and folds them
// into the summary ([complaint.Summary.Apply], which refuses an entry that
// does not continue the case), inserts them, writes the summary back on the
// condition that its version column still holds expected, and moves the
// head. A stale expected returns an error wrapping [complaint.ErrConflict];
// any error leaves the database as it was. When Append returns nil the
// transaction is committed, durable as the [Options] say. The context bounds
// the wait for the lock and every statement; once every statement has run,
// the commit itself is not interrupted, so an Append cancelled at the last
// moment either commits and returns nil or returns an error and commits
// nothing.
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
		sum, err := s.summary(ctx, tx, caseID)
		if err != nil {
			return err
		}
		if sum.Version != expected {
			return fmt.Errorf("sqlstore: case %s: version %d, but the store has %d: %w", caseID, expected, sum.Version, complaint.ErrConflict)
		}
		if sealed, err = s.insertEntries(ctx, tx, head, &sum, entries); err != nil {
			return err
		}
		if err := s.writeSummary(ctx, tx, sum, expected); err != nil {
			return err
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

// summary reads the case's summary row, the zero Summary for a new case.
func (s *Store) summary(ctx context.Context, tx *sql.Tx, caseID string) (complaint.Summary, error) {
	sum, err := scanSummary(tx.StmtContext(ctx, s.st.getSummary).QueryRowContext(ctx, caseID))
	if errors.Is(err, sql.ErrNoRows) {
		return complaint.Summary{}, nil
	}
	if err != nil {
		return complaint.Summary{}, s.fail(ctx, "append to case "+caseID, err)
	}
	return sum, nil
}

// insertEntries seals entries after head, folds each into sum and inserts
// it with its canonical bytes, which the hash covers. A delivery record
// drops the claim on its message.
func (s *Store) insertEntries(ctx context.Context, tx *sql.Tx, head complaint.Head, sum *complaint.Summary, entries []complaint.Entry) ([]complaint.Entry, error) {
	caseID := entries[0].Event.Case
	sealed := make([]complaint.Entry, len(entries))
	var b []byte
	for i, e := range entries {
		var err error
		if b, sealed[i], err = complaint.AppendSealed(b[:0], head, e); err != nil {
			return nil, fmt.Errorf("sqlstore: append to case %s: %w", caseID, err)
		}
		if err := sum.Apply(sealed[i]); err != nil {
			return nil, fmt.Errorf("sqlstore: append to case %s: %w", caseID, err)
		}
		if _, err := tx.StmtContext(ctx, s.st.insert).ExecContext(ctx, sealed[i].Seq, caseID, sealed[i].Version, sealed[i].Prev, sealed[i].Hash, b); err != nil {
			return nil, s.fail(ctx, "append to case "+caseID, err)
		}
		if e.Event.Type == complaint.Notified {
			if _, err := tx.StmtContext(ctx, s.st.dropClaim).ExecContext(ctx, e.Event.Key); err != nil {
				return nil, s.fail(ctx, "append to case "+caseID, err)
			}
		}
		head = complaint.Head{Seq: sealed[i].Seq, Hash: sealed[i].Hash}
	}
	return sealed, nil
}

// writeSummary inserts the summary of a new case, or updates the case's row
// if its version column still holds expected.
func (s *Store) writeSummary(ctx context.Context, tx *sql.Tx, sum complaint.Summary, expected uint64) error {
	args, err := summaryArgs(sum)
	if err != nil {
		return err
	}
	st := s.st.insertSummary
	if expected > 0 {
		st, args = s.st.updateSummary, append(args, expected)
	}
	res, err := tx.StmtContext(ctx, st).ExecContext(ctx, args...)
	if err != nil {
		return s.fail(ctx, "append to case "+sum.ID, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return s.fail(ctx, "append to case "+sum.ID, err)
	} else if n != 1 {
		return fmt.Errorf("sqlstore: case %s: version %d changed during the append: %w", sum.ID, expected, complaint.ErrConflict)
	}
	return nil
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
