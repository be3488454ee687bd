package sqlstore

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/servuction/servuction/complaint"
)

// appendPostgres appends on a connection of the pool, through pgx, in three
// round trips: begin, lock and read the case's summary, lock the head; the
// writes; the commit.
func (s *Store) appendPostgres(ctx context.Context, caseID string, expected uint64, entries []complaint.Entry) ([]complaint.Entry, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, s.fail(ctx, "connect", err)
	}
	defer conn.Close()
	var out []complaint.Entry
	err = conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("sqlstore: a postgres connection of type %T", dc)
		}
		var err error
		out, err = s.pgAppend(ctx, c.Conn(), caseID, expected, entries)
		return err
	})
	if bad := (*badConn)(nil); errors.As(err, &bad) {
		return nil, bad.err
	}
	return out, err
}

// badConn is an error after which the connection's state is unknown (a
// rollback failed): database/sql drops the connection.
type badConn struct{ err error }

func (b *badConn) Error() string        { return b.err.Error() }
func (b *badConn) Unwrap() error        { return b.err }
func (b *badConn) Is(target error) bool { return target == driver.ErrBadConn }

func (s *Store) pgAppend(ctx context.Context, pc *pgx.Conn, caseID string, expected uint64, entries []complaint.Entry) ([]complaint.Entry, error) {
	head, sum, err := s.pgLock(ctx, pc, caseID)
	if err != nil {
		return nil, s.pgAbort(ctx, pc, s.fail(ctx, "append to case "+caseID+": lock", err))
	}
	if err := stale(caseID, expected, sum); err != nil {
		return nil, s.pgAbort(ctx, pc, err)
	}
	w, err := sealAll(head, sum, entries)
	if err != nil {
		return nil, s.pgAbort(ctx, pc, err)
	}
	// The locks are held: the writes wait for nothing, and are not
	// interrupted, so that the connection stays usable.
	if err := s.pgWrite(context.WithoutCancel(ctx), pc, w, expected); err != nil {
		return nil, s.pgAbort(ctx, pc, err)
	}
	if err := ctx.Err(); err != nil {
		return nil, s.pgAbort(ctx, pc, err)
	}
	if _, err := pc.Exec(context.WithoutCancel(ctx), "COMMIT"); err != nil {
		return nil, &badConn{s.fail(ctx, "commit", err)}
	}
	return w.entries, nil
}

// pgLock begins the transaction, locks and reads the case's summary row
// (zero for a new case) and locks and reads the head row, in one round trip.
func (s *Store) pgLock(ctx context.Context, pc *pgx.Conn, caseID string) (complaint.Head, complaint.Summary, error) {
	var b pgx.Batch
	b.Queue("BEGIN ISOLATION LEVEL READ COMMITTED")
	b.Queue(s.q.getSummary, caseID)
	b.Queue(s.q.lockHead)
	br := pc.SendBatch(ctx, &b)
	var head complaint.Head
	var sum complaint.Summary
	_, err := br.Exec()
	if err == nil {
		sum, err = scanSummary(br.QueryRow())
		if errors.Is(err, pgx.ErrNoRows) {
			sum, err = complaint.Summary{}, nil
		}
	}
	if err == nil {
		err = br.QueryRow().Scan(&head.Seq, &head.Hash)
	}
	return head, sum, errors.Join(err, br.Close())
}

// pgWrite sends the append's writes in one round trip.
func (s *Store) pgWrite(ctx context.Context, pc *pgx.Conn, w written, expected uint64) error {
	caseID := w.sum.ID
	writes, err := w.statements(s.st, s.q, expected)
	if err != nil {
		return err
	}
	var b pgx.Batch
	for _, st := range writes {
		b.Queue(st.query, st.args...)
	}
	br := pc.SendBatch(ctx, &b)
	for _, st := range writes {
		tag, err := br.Exec()
		var pe *pgconn.PgError
		switch {
		case errors.As(err, &pe) && pe.Code == "23505" && pe.ConstraintName == "complaint_cases_pkey":
			err = fmt.Errorf("sqlstore: case %s: created meanwhile by another writer: %w", caseID, complaint.ErrConflict)
		case err != nil:
			err = s.fail(ctx, "append to case "+caseID, err)
		case st.summary && tag.RowsAffected() != 1:
			err = fmt.Errorf("sqlstore: case %s: version %d changed during the append: %w", caseID, expected, complaint.ErrConflict)
		}
		if err != nil {
			br.Close()
			return err
		}
	}
	return br.Close()
}

// pgAbort rolls the transaction back and returns err, marked so that the
// connection is dropped when the rollback fails.
func (s *Store) pgAbort(ctx context.Context, pc *pgx.Conn, err error) error {
	if _, rerr := pc.Exec(context.WithoutCancel(ctx), "ROLLBACK"); rerr != nil {
		return &badConn{err}
	}
	return err
}
