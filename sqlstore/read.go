package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/servuction/servuction/complaint"
)

// Load implements [complaint.Store]: the case's entries in version order,
// read in one statement, or an error wrapping [complaint.ErrNotFound]. Each
// row must hold the canonical encoding its hash covers
// ([complaint.DecodeEntry]) and columns equal to it, or Load returns a
// [*complaint.TrailError].
func (s *Store) Load(ctx context.Context, caseID string) ([]complaint.Entry, error) {
	out, err := s.LoadAfter(ctx, caseID, 0)
	if err == nil && len(out) == 0 {
		// The case row exists without entries: only an edit behind the
		// store's back does that.
		return nil, &complaint.TrailError{Reason: fmt.Sprintf("case %q has a summary but no entries", caseID)}
	}
	return out, err
}

// LoadAfter implements [complaint.CaseLoader]: the case's entries with
// versions above version, in version order, as [Store.Load] reads them;
// none when the case has no more, an error wrapping [complaint.ErrNotFound]
// when it does not exist.
func (s *Store) LoadAfter(ctx context.Context, caseID string, version uint64) ([]complaint.Entry, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out, err := s.scan(ctx, "load case "+caseID, s.st.load, caseID, version)
	if err != nil || len(out) > 0 {
		return out, err
	}
	// No entries after version: does the case exist?
	var v uint64
	switch err := s.st.getVersion.QueryRowContext(ctx, caseID).Scan(&v); {
	case errors.Is(err, sql.ErrNoRows):
		return nil, fmt.Errorf("sqlstore: case %q: %w", caseID, complaint.ErrNotFound)
	case err != nil:
		return nil, s.fail(ctx, "load case "+caseID, err)
	}
	return nil, nil
}

// Entries implements [complaint.Store]: the trail's entries with sequence
// numbers above after, in sequence order, read in one statement.
func (s *Store) Entries(ctx context.Context, after uint64) ([]complaint.Entry, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return s.scan(ctx, "entries", s.st.entries, after)
}

// Head implements [complaint.Store]: the head row, which every append moves
// in its transaction.
func (s *Store) Head(ctx context.Context) (complaint.Head, error) {
	if err := ctx.Err(); err != nil {
		return complaint.Head{}, err
	}
	var h complaint.Head
	if err := s.st.head.QueryRowContext(ctx).Scan(&h.Seq, &h.Hash); err != nil {
		return complaint.Head{}, s.fail(ctx, "head", err)
	}
	return h, nil
}

// scan runs a query of trail rows and decodes them.
func (s *Store) scan(ctx context.Context, what string, query *sql.Stmt, args ...any) ([]complaint.Entry, error) {
	rows, err := query.QueryContext(ctx, args...)
	if err != nil {
		return nil, s.fail(ctx, what, err)
	}
	defer rows.Close()
	var out []complaint.Entry
	for rows.Next() {
		e, err := scanEntry(rows)
		if err != nil {
			return nil, s.fail(ctx, what, err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, s.fail(ctx, what, err)
	}
	return out, nil
}

// row is one trail row as stored.
type row struct {
	seq, version    uint64
	caseID, prev, h string
	entry           []byte
}

// scanEntry reads one trail row and decodes its entry, refusing unknown
// fields and columns that disagree with the entry.
func scanEntry(rows *sql.Rows) (complaint.Entry, error) {
	var r row
	if err := rows.Scan(&r.seq, &r.caseID, &r.version, &r.prev, &r.h, &r.entry); err != nil {
		return complaint.Entry{}, err
	}
	return r.decode()
}

// decode decodes the row's entry, which must be the canonical encoding
// whose hash it carries ([complaint.DecodeEntry]), with columns equal to it.
func (r row) decode() (complaint.Entry, error) {
	e, err := complaint.DecodeEntry(r.entry)
	if err != nil {
		return complaint.Entry{}, r.broken(err.Error())
	}
	return e, r.check(e)
}

// check compares the row's columns with its decoded entry.
func (r row) check(e complaint.Entry) error {
	if e.Seq != r.seq || e.Event.Case != r.caseID || e.Version != r.version || e.Prev != r.prev || e.Hash != r.h {
		return r.broken(fmt.Sprintf("the row's columns (seq %d, case %q, version %d) disagree with its entry (seq %d, case %q, version %d) or its hashes",
			r.seq, r.caseID, r.version, e.Seq, e.Event.Case, e.Version))
	}
	return nil
}

func (r row) broken(reason string) error {
	return &complaint.TrailError{Position: int(r.seq), Seq: r.seq, Reason: reason}
}
