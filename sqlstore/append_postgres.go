package sqlstore

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/servuction/servuction/complaint"
)

// appendPostgres appends on a connection of the pool, through pgx, in two
// round trips: begin, lock and read the case's summary, lock the head; the
// writes and the commit.
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
	if err := ctx.Err(); err != nil {
		return nil, s.pgAbort(ctx, pc, err)
	}
	// The locks are held: the writes and the commit wait for nothing, and
	// are not interrupted, so that an Append either commits or not, knowingly.
	if err := s.pgWriteCommit(context.WithoutCancel(ctx), pc, w, expected); err != nil {
		return nil, s.pgAbort(ctx, pc, err)
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

// pgWriteCommit sends the append's writes, in one statement, and the
// commit, in one round trip. The statement fails (and the commit is then
// skipped) unless the summary's write changed its row: its head update sets
// the hash to NULL otherwise, which the column refuses.
func (s *Store) pgWriteCommit(ctx context.Context, pc *pgx.Conn, w written, expected uint64) error {
	caseID := w.sum.ID
	query, args, err := pgWrites(w, expected)
	if err != nil {
		return err
	}
	var b pgx.Batch
	b.Queue(query, args...)
	b.Queue("COMMIT")
	br := pc.SendBatch(ctx, &b)
	_, err = br.Exec()
	var tag pgconn.CommandTag
	if err == nil {
		tag, err = br.Exec()
	}
	err = errors.Join(err, br.Close())
	var pe *pgconn.PgError
	switch {
	case errors.As(err, &pe) && pe.Code == "23505" && pe.ConstraintName == "complaint_cases_pkey":
		return fmt.Errorf("sqlstore: case %s: created meanwhile by another writer: %w", caseID, complaint.ErrConflict)
	case errors.As(err, &pe) && pe.Code == "23502" && pe.TableName == "complaint_head":
		return fmt.Errorf("sqlstore: case %s: version %d changed during the append: %w", caseID, expected, complaint.ErrConflict)
	case err != nil:
		return s.fail(ctx, "append to case "+caseID, err)
	case tag.String() != "COMMIT":
		return fmt.Errorf("sqlstore: append to case %s: the commit answered %q", caseID, tag.String())
	}
	return nil
}

// pgWrites returns the append's writes as one statement of data-modifying
// common table expressions: the entries, the drop of the claims their
// delivery records report, the summary (an insert for a new case, else an
// update conditioned on its version column holding expected) and the head,
// whose hash becomes NULL, which its column refuses, when the summary's
// write changed no row.
func pgWrites(w written, expected uint64) (string, []any, error) {
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	var q strings.Builder
	q.WriteString("WITH t AS (INSERT INTO complaint_trail (seq, case_id, version, prev, hash, entry) VALUES ")
	var keys []string
	for i, e := range w.entries {
		if i > 0 {
			q.WriteString(", ")
		}
		fmt.Fprintf(&q, "(%s, %s, %s, %s, %s, %s)", arg(e.Seq), arg(e.Event.Case), arg(e.Version), arg(e.Prev), arg(e.Hash), arg(w.lines[i]))
		if e.Event.Type == complaint.Notified {
			keys = append(keys, arg(e.Event.Key))
		}
	}
	q.WriteString(")")
	if len(keys) > 0 {
		fmt.Fprintf(&q, ", d AS (DELETE FROM complaint_claims WHERE key IN (%s))", strings.Join(keys, ", "))
	}
	sum, err := summaryArgs(w.sum)
	if err != nil {
		return "", nil, err
	}
	cols := strings.Split(summaryColumns, ", ")
	ph := make([]string, len(sum))
	for i, v := range sum {
		ph[i] = arg(v)
	}
	if expected == 0 {
		fmt.Fprintf(&q, ", c AS (INSERT INTO complaint_cases (%s) VALUES (%s) RETURNING 1)", summaryColumns, strings.Join(ph, ", "))
	} else {
		set := make([]string, 0, len(cols)-1)
		for i, c := range cols[1:] {
			set = append(set, c+" = "+ph[i+1])
		}
		fmt.Fprintf(&q, ", c AS (UPDATE complaint_cases SET %s WHERE case_id = %s AND version = %s RETURNING 1)",
			strings.Join(set, ", "), ph[0], arg(expected))
	}
	last := w.entries[len(w.entries)-1]
	fmt.Fprintf(&q, " UPDATE complaint_head SET seq = %s, hash = CASE WHEN (SELECT count(*) FROM c) = 1 THEN %s::text END WHERE id = 1",
		arg(last.Seq), arg(last.Hash))
	return q.String(), args, nil
}

// pgAbort rolls the transaction back and returns err, marked so that the
// connection is dropped when the rollback fails.
func (s *Store) pgAbort(ctx context.Context, pc *pgx.Conn, err error) error {
	if _, rerr := pc.Exec(context.WithoutCancel(ctx), "ROLLBACK"); rerr != nil {
		return &badConn{err}
	}
	return err
}
